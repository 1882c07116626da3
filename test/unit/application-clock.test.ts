import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar, type DayOverride } from '../../src/domain/calendar.ts';
import {
  ClockHistoryError,
  computeReplyClock,
  consultationDeadline,
  correctionDeadline,
  feePaymentDeadline,
  formatExplanationZh,
  limitsFor,
  remainingWorkingDays,
  type ClockEvent,
  type ExplanationStep,
} from '../../src/domain/application-clock.ts';

const cal = WorkingCalendar.fromBaseline();
const clock = (receivedOn: string, events: ClockEvent[] = [], today?: string) =>
  computeReplyClock(cal, today === undefined ? { receivedOn, events } : { receivedOn, events, today });

const isHistoryError = (pattern: RegExp) => (err: unknown) =>
  err instanceof ClockHistoryError && err instanceof RangeError && pattern.test(err.message);

describe('limitsFor', () => {
  test('2019 Regulations from 2019-05-15, 2008 limits before', () => {
    assert.deepEqual(limitsFor('2019-05-14'), { replyDays: 15, extensionDays: 15, regime: '2008' });
    assert.deepEqual(limitsFor('2016-03-01'), { replyDays: 15, extensionDays: 15, regime: '2008' });
    assert.deepEqual(limitsFor('2019-05-15'), { replyDays: 20, extensionDays: 20, regime: '2019' });
    assert.deepEqual(limitsFor('2025-09-26'), { replyDays: 20, extensionDays: 20, regime: '2019' });
    assert.throws(() => limitsFor('2019-5-15'), RangeError);
  });
});

describe('side deadlines', () => {
  test('correction must be requested within 7 working days of receipt (Art. 30)', () => {
    assert.deepEqual(correctionDeadline(cal, '2025-09-26'), { date: '2025-10-13', provisional: false });
    assert.deepEqual(correctionDeadline(cal, '2025-09-22'), { date: '2025-09-30', provisional: false });
  });

  test('consultation expires after 15 working days (Art. 32)', () => {
    assert.deepEqual(consultationDeadline(cal, '2025-09-26'), { date: '2025-10-23', provisional: false });
  });

  test('the fee is paid within 20 working days from the day after the notice arrives', () => {
    assert.deepEqual(feePaymentDeadline(cal, '2025-09-26'), { date: '2025-10-30', provisional: false });
    assert.deepEqual(feePaymentDeadline(cal, '2026-12-20'), { date: '2027-01-15', provisional: true });
  });
});

describe('computeReplyClock — scenarios on the real calendar', () => {
  test('received 2025-09-26 → due 2025-10-30 across National Day', () => {
    const c = clock('2025-09-26');
    assert.equal(c.status, 'running');
    assert.equal(c.regime, '2019');
    assert.equal(c.replyDays, 20);
    assert.equal(c.startOn, '2025-09-26');
    assert.equal(c.dueOn, '2025-10-30');
    assert.equal(c.provisional, false);
    assert.equal(c.pausedWorkingDays, 0);
    assert.equal(c.extended, false);
    assert.equal(c.extensionDays, 0);
    assert.deepEqual(c.warnings, []);
    assert.deepEqual(c.explanation, [
      { kind: 'received', on: '2025-09-26', regime: '2019', replyDays: 20 },
      { kind: 'make_up_workday', on: '2025-09-28', name: '国庆节' },
      { kind: 'days_off', from: '2025-10-01', to: '2025-10-08', names: ['国庆节', '中秋节'], days: 8 },
      { kind: 'make_up_workday', on: '2025-10-11', name: '国庆节' },
      {
        kind: 'due',
        on: '2025-10-30',
        workingDays: 20,
        basis: 'statutory',
        provisional: false,
        unknownYears: [],
        asOf: null,
      },
    ]);
  });

  test('extended by 20 working days → 2025-11-27 (Art. 33)', () => {
    const c = clock('2025-09-26', [{ type: 'extended', on: '2025-10-28', workingDays: 20 }]);
    assert.equal(c.dueOn, '2025-11-27');
    assert.equal(c.extended, true);
    assert.equal(c.extensionDays, 20);
    assert.deepEqual(c.explanation.find((s) => s.kind === 'extended'), { kind: 'extended', on: '2025-10-28', workingDays: 20 });
  });

  test('a shorter extension adds exactly its days', () => {
    assert.equal(clock('2025-09-26', [{ type: 'extended', on: '2025-10-28', workingDays: 5 }]).dueOn, '2025-11-06');
  });

  test('correction requested 2025-10-09 stops the clock; nothing is due', () => {
    const c = clock('2025-09-26', [{ type: 'correction_requested', on: '2025-10-09' }]);
    assert.equal(c.status, 'awaiting_correction');
    assert.equal(c.dueOn, null);
    assert.equal(c.provisional, false);
    assert.deepEqual(c.warnings, []);
    assert.deepEqual(c.explanation, [
      { kind: 'received', on: '2025-09-26', regime: '2019', replyDays: 20 },
      { kind: 'correction_requested', on: '2025-10-09', deadline: '2025-10-13', late: false },
      { kind: 'awaiting_correction', since: '2025-10-09' },
    ]);
  });

  test('corrected application received 2025-10-20 → 20 working days from then: 2025-11-17 (Art. 30)', () => {
    const c = clock('2025-09-26', [
      { type: 'correction_requested', on: '2025-10-09' },
      { type: 'correction_received', on: '2025-10-20' },
    ]);
    assert.equal(c.status, 'running');
    assert.equal(c.startOn, '2025-10-20');
    assert.equal(c.dueOn, '2025-11-17');
    assert.equal(cal.workingDaysBetween('2025-10-20', '2025-11-17'), 20);
    // No holiday lies after the restart, so the explanation mentions none.
    assert.equal(c.explanation.some((s) => s.kind === 'days_off'), false);
  });

  test('a consultation pause moves the due date by exactly the paused working days (Art. 32, 33)', () => {
    const base = clock('2025-09-26');
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-10-13', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-10-20' },
    ]);
    // Paused: 10-14, 10-15, 10-16, 10-17, 10-20 (10-18/19 are a weekend).
    assert.equal(c.pausedWorkingDays, 5);
    assert.equal(c.dueOn, '2025-11-06');
    assert.equal(cal.workingDaysBetween(base.dueOn!, c.dueOn!), c.pausedWorkingDays);
    assert.equal(c.status, 'running');
    assert.deepEqual(c.explanation.find((s) => s.kind === 'paused'), {
      kind: 'paused',
      reason: 'consultation',
      from: '2025-10-13',
      to: '2025-10-20',
      workingDays: 5,
      asOf: null,
    });
  });

  test('pause days that are holidays do not count twice', () => {
    // Paused 9-30 → 10-10: only 10-09 and 10-10 are working days inside it.
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-09-30', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-10-10', reason: 'consultation' },
    ]);
    assert.equal(c.pausedWorkingDays, 2);
    assert.equal(c.dueOn, '2025-11-03');
  });

  test('a pause started and ended the same day costs nothing', () => {
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-10-15', reason: 'fee_notice' },
      { type: 'pause_ended', on: '2025-10-15' },
    ]);
    assert.equal(c.pausedWorkingDays, 0);
    assert.equal(c.dueOn, '2025-10-30');
  });

  test('a fee-notice pause is not counted either (*practice*, 国办函〔2020〕109号)', () => {
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-10-20', reason: 'fee_notice' },
      { type: 'pause_ended', on: '2025-10-24', reason: 'fee_notice' },
    ]);
    assert.equal(c.pausedWorkingDays, 4);
    assert.equal(c.dueOn, '2025-11-05');
  });

  test('overlapping pauses stop the clock once', () => {
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-10-13', reason: 'consultation' },
      { type: 'pause_started', on: '2025-10-16', reason: 'fee_notice' },
      { type: 'pause_ended', on: '2025-10-20', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-10-22', reason: 'fee_notice' },
    ]);
    // Union 10-14 … 10-22: 14, 15, 16, 17, 20, 21, 22.
    assert.equal(c.pausedWorkingDays, 7);
    assert.equal(c.dueOn, '2025-11-10');
    const steps = c.explanation.filter((s) => s.kind === 'paused');
    assert.deepEqual(
      steps.map((s) => [s.reason, s.workingDays]),
      [
        ['consultation', 5],
        ['fee_notice', 2],
      ],
    );
  });

  test('a pause after the deadline passed does not revive it', () => {
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-11-03', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-11-10' },
    ]);
    assert.equal(c.dueOn, '2025-10-30');
    assert.equal(c.pausedWorkingDays, 0);
    assert.equal(c.explanation.find((s) => s.kind === 'paused')?.workingDays, 0);
  });

  test('an open pause: due date as if the pause ended today, or null without today', () => {
    const events: ClockEvent[] = [{ type: 'pause_started', on: '2025-10-13', reason: 'consultation' }];
    const c = clock('2025-09-26', events, '2025-10-16');
    assert.equal(c.status, 'paused');
    assert.equal(c.pausedWorkingDays, 3);
    assert.equal(c.dueOn, '2025-11-04');
    assert.deepEqual(c.openPauses, [
      { reason: 'consultation', since: '2025-10-13', expiresOn: { date: '2025-11-03', provisional: false } },
    ]);
    assert.equal(c.explanation.at(-1)?.kind, 'due');
    assert.equal((c.explanation.at(-1) as Extract<ExplanationStep, { kind: 'due' }>).asOf, '2025-10-16');

    // One working day later the date moves one working day later.
    assert.equal(clock('2025-09-26', events, '2025-10-17').dueOn, '2025-11-05');
    // Over a weekend it does not move.
    assert.equal(clock('2025-09-26', events, '2025-10-19').dueOn, '2025-11-05');

    const noToday = clock('2025-09-26', events);
    assert.equal(noToday.status, 'paused');
    assert.equal(noToday.dueOn, null);
    assert.equal(noToday.pausedWorkingDays, 0);
    assert.equal(noToday.explanation.some((s) => s.kind === 'due'), false);
  });

  test('an open pause past its own period is flagged', () => {
    const c = clock('2025-09-26', [{ type: 'pause_started', on: '2025-10-13', reason: 'consultation' }], '2025-11-04');
    assert.deepEqual(c.warnings, [
      { kind: 'pause_expired', reason: 'consultation', since: '2025-10-13', expiredOn: '2025-11-03' },
    ]);
    assert.deepEqual(clock('2025-09-26', [{ type: 'pause_started', on: '2025-10-13', reason: 'consultation' }], '2025-11-03').warnings, []);
  });

  test('received 2019-05-10 → 2008 limits: due 15 working days later, 2019-05-31', () => {
    const c = clock('2019-05-10');
    assert.equal(c.regime, '2008');
    assert.equal(c.replyDays, 15);
    assert.equal(c.dueOn, '2019-05-31');
    // Extension of at most 15 under the 2008 Regulations; the Dragon Boat break 6-7…6-9 is skipped.
    const ext = clock('2019-05-10', [{ type: 'extended', on: '2019-05-30', workingDays: 15 }]);
    assert.equal(ext.dueOn, '2019-06-24');
    assert.throws(
      () => clock('2019-05-10', [{ type: 'extended', on: '2019-05-30', workingDays: 16 }]),
      isHistoryError(/1 至 15 个工作日/),
    );
  });

  test('received 2019-05-15 → 2019 limits', () => {
    assert.equal(clock('2019-05-15').replyDays, 20);
    assert.equal(clock('2019-05-15').dueOn, '2019-06-13');
  });

  test('a due date in a year without a schedule is provisional until that year is loaded', () => {
    const c = clock('2026-12-10');
    assert.equal(c.dueOn, '2027-01-07');
    assert.equal(c.provisional, true);
    const due = c.explanation.at(-1) as Extract<ExplanationStep, { kind: 'due' }>;
    assert.deepEqual(due.unknownYears, [2027]);
    assert.equal(due.provisional, true);

    const schedule2027: DayOverride[] = [{ date: '2027-01-01', kind: 'off', name: '元旦', source: 'admin' }];
    const final = computeReplyClock(WorkingCalendar.fromBaseline(schedule2027, [2027]), { receivedOn: '2026-12-10', events: [] });
    assert.equal(final.dueOn, '2027-01-08');
    assert.equal(final.provisional, false);
  });

  test('an Art. 35 reasonable deadline replaces the counted one', () => {
    const c = clock('2025-09-26', [{ type: 'reasonable_deadline_set', on: '2025-10-20', dueOn: '2025-12-31' }]);
    assert.equal(c.dueOn, '2025-12-31');
    assert.equal(c.status, 'running');
    const due = c.explanation.at(-1) as Extract<ExplanationStep, { kind: 'due' }>;
    assert.equal(due.basis, 'reasonable_deadline');
    // A later revision wins.
    const revised = clock('2025-09-26', [
      { type: 'reasonable_deadline_set', on: '2025-10-20', dueOn: '2025-12-31' },
      { type: 'reasonable_deadline_set', on: '2025-12-01', dueOn: '2026-01-30' },
    ]);
    assert.equal(revised.dueOn, '2026-01-30');
  });

  test('events are applied in date order whatever order they are given in', () => {
    const inOrder = clock('2025-09-26', [
      { type: 'correction_requested', on: '2025-10-09' },
      { type: 'correction_received', on: '2025-10-20' },
      { type: 'extended', on: '2025-11-10', workingDays: 10 },
    ]);
    const shuffled = clock('2025-09-26', [
      { type: 'extended', on: '2025-11-10', workingDays: 10 },
      { type: 'correction_received', on: '2025-10-20' },
      { type: 'correction_requested', on: '2025-10-09' },
    ]);
    assert.deepEqual(shuffled, inOrder);
    assert.equal(inOrder.dueOn, '2025-12-01');
  });
});

describe('computeReplyClock — correction rules (Art. 30)', () => {
  test('a request after the 7th working day is flagged as late', () => {
    const c = clock('2025-09-26', [{ type: 'correction_requested', on: '2025-10-14' }]);
    assert.deepEqual(c.warnings, [{ kind: 'correction_late', requestedOn: '2025-10-14', deadline: '2025-10-13' }]);
    assert.deepEqual(clock('2025-09-26', [{ type: 'correction_requested', on: '2025-10-13' }]).warnings, []);
  });

  test('the 2008 Regulations set no 7-day limit', () => {
    assert.deepEqual(clock('2018-03-01', [{ type: 'correction_requested', on: '2018-04-20' }]).warnings, []);
  });

  test('a second request is flagged as repeated (once, in full)', () => {
    const c = clock('2025-09-26', [
      { type: 'correction_requested', on: '2025-10-09' },
      { type: 'correction_received', on: '2025-10-20' },
      { type: 'correction_requested', on: '2025-10-22' },
    ]);
    assert.equal(c.status, 'awaiting_correction');
    assert.deepEqual(c.warnings, [{ kind: 'correction_repeated', requestedOn: '2025-10-22' }]);
  });

  test('pauses before the restart do not move the new period', () => {
    const c = clock('2025-09-26', [
      { type: 'pause_started', on: '2025-09-29', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-09-30' },
      { type: 'correction_requested', on: '2025-10-09' },
      { type: 'correction_received', on: '2025-10-20' },
    ]);
    assert.equal(c.dueOn, '2025-11-17');
    assert.equal(c.pausedWorkingDays, 0);
    // It stays in the explanation with the day it cost the old period.
    assert.equal(c.explanation.find((s) => s.kind === 'paused')?.workingDays, 1);
  });
});

describe('computeReplyClock — histories the procedure does not allow', () => {
  test('one extension only, of 1 to 20 working days (Art. 33)', () => {
    assert.throws(
      () =>
        clock('2025-09-26', [
          { type: 'extended', on: '2025-10-20', workingDays: 10 },
          { type: 'extended', on: '2025-10-28', workingDays: 10 },
        ]),
      isHistoryError(/只能延长一次/),
    );
    for (const workingDays of [0, 21, 2.5, -1]) {
      assert.throws(() => clock('2025-09-26', [{ type: 'extended', on: '2025-10-20', workingDays }]), isHistoryError(/1 至 20 个工作日/));
    }
  });

  test('correction events must pair up', () => {
    assert.throws(() => clock('2025-09-26', [{ type: 'correction_received', on: '2025-10-09' }]), isHistoryError(/没有待补正/));
    assert.throws(
      () =>
        clock('2025-09-26', [
          { type: 'correction_requested', on: '2025-10-09' },
          { type: 'correction_requested', on: '2025-10-10' },
        ]),
      isHistoryError(/已在等待/),
    );
  });

  test('pause events must pair up', () => {
    assert.throws(() => clock('2025-09-26', [{ type: 'pause_ended', on: '2025-10-09' }]), isHistoryError(/没有进行中的暂停/));
    assert.throws(
      () =>
        clock('2025-09-26', [
          { type: 'pause_started', on: '2025-10-09', reason: 'consultation' },
          { type: 'pause_started', on: '2025-10-10', reason: 'consultation' },
        ]),
      isHistoryError(/已在暂停中/),
    );
    assert.throws(
      () =>
        clock('2025-09-26', [
          { type: 'pause_started', on: '2025-10-09', reason: 'consultation' },
          { type: 'pause_started', on: '2025-10-10', reason: 'fee_notice' },
          { type: 'pause_ended', on: '2025-10-13' },
        ]),
      isHistoryError(/须注明原因/),
    );
    assert.throws(
      () =>
        clock('2025-09-26', [
          { type: 'pause_started', on: '2025-10-09', reason: 'consultation' },
          { type: 'pause_ended', on: '2025-10-13', reason: 'fee_notice' },
        ]),
      isHistoryError(/没有进行中的“等待缴纳信息处理费”暂停/),
    );
    assert.throws(
      () => clock('2025-09-26', [{ type: 'pause_started', on: '2025-10-09', reason: 'holiday' as never }]),
      isHistoryError(/未知的暂停原因/),
    );
  });

  test('no pause, extension or deadline while a correction is awaited; no correction during a pause', () => {
    const awaiting: ClockEvent = { type: 'correction_requested', on: '2025-10-09' };
    assert.throws(() => clock('2025-09-26', [awaiting, { type: 'pause_started', on: '2025-10-10', reason: 'consultation' }]), isHistoryError(/等待补正期间/));
    assert.throws(() => clock('2025-09-26', [awaiting, { type: 'extended', on: '2025-10-10', workingDays: 5 }]), isHistoryError(/等待补正期间/));
    assert.throws(
      () => clock('2025-09-26', [awaiting, { type: 'reasonable_deadline_set', on: '2025-10-10', dueOn: '2025-12-01' }]),
      isHistoryError(/等待补正期间/),
    );
    assert.throws(
      () => clock('2025-09-26', [{ type: 'pause_started', on: '2025-10-09', reason: 'consultation' }, { type: 'correction_requested', on: '2025-10-10' }]),
      isHistoryError(/暂停期间不能要求补正/),
    );
  });

  test('a reasonable deadline must lie after the day it is set', () => {
    assert.throws(
      () => clock('2025-09-26', [{ type: 'reasonable_deadline_set', on: '2025-10-20', dueOn: '2025-10-20' }]),
      isHistoryError(/应晚于/),
    );
    assert.throws(() => clock('2025-09-26', [{ type: 'reasonable_deadline_set', on: '2025-10-20', dueOn: '2025-12-32' }]), RangeError);
  });

  test('dates: no event before receipt, strict formats', () => {
    assert.throws(() => clock('2025-09-26', [{ type: 'extended', on: '2025-09-25', workingDays: 5 }]), isHistoryError(/早于收到申请日期/));
    assert.throws(() => clock('2025-09-26', [{ type: 'extended', on: '2025-9-30', workingDays: 5 }]), /日期格式应为/);
    assert.throws(() => clock('2025-9-26'), /日期格式应为/);
    assert.throws(() => clock('2025-09-26', [], '2025-10-32'), /日期格式应为/);
    assert.throws(() => clock('2025-09-26', [{ type: 'replied', on: '2025-10-09' } as unknown as ClockEvent]), isHistoryError(/未知的事件类型/));
  });
});

describe('remainingWorkingDays', () => {
  const due = '2025-10-30'; // Thursday
  test('positive before, 0 on the due day, negative after', () => {
    assert.equal(remainingWorkingDays(cal, '2025-10-28', due), 2);
    assert.equal(remainingWorkingDays(cal, '2025-10-30', due), 0);
    assert.equal(remainingWorkingDays(cal, '2025-10-31', due), -1);
    assert.equal(remainingWorkingDays(cal, '2025-11-03', due), -2);
  });

  test('holidays are not counted', () => {
    assert.equal(remainingWorkingDays(cal, '2025-09-30', '2025-10-13'), 4);
    assert.equal(remainingWorkingDays(cal, '2025-09-26', due), 20);
  });

  test('the weekend after a Friday deadline is already overdue', () => {
    assert.equal(remainingWorkingDays(cal, '2025-11-01', '2025-10-31'), -1);
    assert.equal(remainingWorkingDays(cal, '2025-11-03', '2025-10-31'), -1);
    assert.equal(remainingWorkingDays(cal, '2025-11-04', '2025-10-31'), -2);
  });
});

describe('formatExplanationZh', () => {
  test('the National Day example', () => {
    assert.equal(
      formatExplanationZh(clock('2025-09-26').explanation),
      '2025年9月26日收到申请；9月28日（星期日）国庆节调休上班；10月1日至8日国庆节、中秋节放假8天；' +
        '10月11日（星期六）国庆节调休上班；应于10月30日前答复。',
    );
  });

  test('correction, restart, extension and a closed pause', () => {
    const c = clock('2025-09-26', [
      { type: 'correction_requested', on: '2025-10-14' },
      { type: 'correction_received', on: '2025-10-20' },
      { type: 'pause_started', on: '2025-10-27', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-10-31' },
      { type: 'extended', on: '2025-11-20', workingDays: 20 },
    ]);
    assert.equal(c.dueOn, '2025-12-19'); // 10-20 + 40 = 12-15, plus 4 paused days
    assert.equal(
      formatExplanationZh(c.explanation),
      '2025年9月26日收到申请；10月14日告知申请人补正（已超过7个工作日的告知期限10月13日）；' +
        '10月20日收到补正，答复期限重新起算；10月27日至31日征求第三方或有关机关意见，4个工作日不计入答复期限；' +
        '11月20日延长答复期限20个工作日；应于12月19日前答复。',
    );
  });

  test('awaiting correction', () => {
    assert.equal(
      formatExplanationZh(clock('2025-09-26', [{ type: 'correction_requested', on: '2025-10-09' }]).explanation),
      '2025年9月26日收到申请；10月9日告知申请人补正；等待申请人补正，答复期限自收到补正之日起重新计算。',
    );
  });

  test('an open pause with today', () => {
    const c = clock('2025-10-20', [{ type: 'pause_started', on: '2025-10-22', reason: 'fee_notice' }], '2025-10-24');
    assert.equal(
      formatExplanationZh(c.explanation),
      '2025年10月20日收到申请；自10月22日起等待缴纳信息处理费，暂停计算答复期限（截至10月24日已暂停2个工作日）；' +
        '如暂停至10月24日结束，应于11月19日前答复。',
    );
  });

  test('2008 regime, a provisional date in another year, and an Art. 35 deadline', () => {
    assert.equal(
      formatExplanationZh(clock('2019-05-10').explanation),
      '2019年5月10日收到申请（适用2008年《政府信息公开条例》，15个工作日内答复）；应于5月31日前答复。',
    );
    assert.equal(
      formatExplanationZh(clock('2026-12-10').explanation),
      '2026年12月10日收到申请；应于2027年1月7日前答复（2027年节假日安排尚未公布，暂按周一至周五计算）。',
    );
    assert.equal(
      formatExplanationZh(clock('2025-11-03', [{ type: 'reasonable_deadline_set', on: '2025-11-20', dueOn: '2026-01-30' }]).explanation),
      '2025年11月3日收到申请；11月20日确定合理的答复期限至2026年1月30日；应于2026年1月30日前答复。',
    );
  });

  test('a break across two months and an empty list', () => {
    const steps: ExplanationStep[] = [{ kind: 'days_off', from: '2025-01-28', to: '2025-02-04', names: ['春节'], days: 8 }];
    assert.equal(formatExplanationZh(steps), '2025年1月28日至2月4日春节放假8天。');
    assert.equal(formatExplanationZh([]), '');
  });
});
