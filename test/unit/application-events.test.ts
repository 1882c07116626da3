import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { WorkingCalendar } from '../../src/domain/calendar.ts';
import {
  ACTION_EVENT,
  applicantDeadline,
  caseClock,
  caseEventOf,
  clockEventsOf,
  currentDraft,
  isPublicEventType,
  publicEventText,
  workflowContextOf,
  type CaseEvent,
} from '../../src/domain/application-events.ts';
import { ACTIONS } from '../../src/domain/application-workflow.ts';

const cal = WorkingCalendar.fromBaseline();
const ev = (type: CaseEvent['type'], on: string, data: Record<string, unknown> = {}, actorId: number | null = 1): CaseEvent => ({ type, on, actorId, data });

describe('application events → reply clock', () => {
  test('a stored row becomes a case event; data that is not a JSON object reads as no details', () => {
    const row = { type: 'extended', occurred_on: '2025-10-27', actor_id: 7, data: '{"workingDays":10}' };
    assert.deepEqual(caseEventOf(row), { type: 'extended', on: '2025-10-27', actorId: 7, data: { workingDays: 10 } });
    assert.deepEqual(caseEventOf({ ...row, data: '{broken' }).data, {});
    assert.deepEqual(caseEventOf({ ...row, data: 'null' }).data, {});
    assert.deepEqual(caseEventOf({ ...row, data: '"text"' }).data, {});
    assert.equal(caseEventOf({ type: 'received', occurred_on: '2025-09-26', data: '{}' }).actorId, null, 'rows read without their actor');
  });

  test('every action records an event; internal steps are not public', () => {
    for (const a of ACTIONS) assert.ok(ACTION_EVENT[a]);
    assert.equal(isPublicEventType('assigned'), false);
    assert.equal(isPublicEventType('reply_drafted'), false);
    assert.equal(isPublicEventType('extended'), true);
    assert.equal(isPublicEventType('replied'), true);
  });

  test('consultation and fee notice become pauses; extension and Art. 35 deadline carry their data', () => {
    assert.deepEqual(clockEventsOf([
      ev('received', '2025-09-26'),
      ev('assigned', '2025-09-29'),
      ev('consultation_started', '2025-10-13'),
      ev('consultation_ended', '2025-10-20'),
      ev('fee_notice_sent', '2025-10-21'),
      ev('payment_recorded', '2025-10-24'),
      ev('extended', '2025-10-27', { workingDays: 10 }),
      ev('reasons_received', '2025-10-28', { reasonable: true, dueOn: '2025-12-31' }),
      ev('reasons_received', '2025-10-29', { reasonable: true }),
    ]), [
      { type: 'pause_started', on: '2025-10-13', reason: 'consultation' },
      { type: 'pause_ended', on: '2025-10-20', reason: 'consultation' },
      { type: 'pause_started', on: '2025-10-21', reason: 'fee_notice' },
      { type: 'pause_ended', on: '2025-10-24', reason: 'fee_notice' },
      { type: 'extended', on: '2025-10-27', workingDays: 10 },
      { type: 'reasonable_deadline_set', on: '2025-10-28', dueOn: '2025-12-31' },
    ]);
  });

  test('an ended case is read on the day it ended: an unpaid fee stops counting there', () => {
    const events = [ev('fee_notice_sent', '2025-10-09')];
    const ended = caseClock(cal, { receivedOn: '2025-09-26', endedOn: '2025-11-10', events }, '2025-12-31');
    const open = caseClock(cal, { receivedOn: '2025-09-26', endedOn: null, events }, '2025-12-31');
    assert.equal(ended.pausedWorkingDays, cal.workingDaysBetween('2025-10-09', '2025-11-10'));
    assert.ok(open.pausedWorkingDays > ended.pausedWorkingDays);
  });
});

describe('workflow context on the date of the step', () => {
  const base = { receivedOn: '2025-09-26', state: 'received', departmentId: 7 };

  test('correction window: 7 working days from receipt (2019), none under the 2008 Regulations', () => {
    const actor = { id: 1, departmentId: 7 };
    assert.equal(workflowContextOf(cal, { ...base, events: [] }, '2025-10-13', actor).withinCorrectionWindow, true);
    assert.equal(workflowContextOf(cal, { ...base, events: [] }, '2025-10-14', actor).withinCorrectionWindow, false);
    assert.equal(workflowContextOf(cal, { ...base, receivedOn: '2018-03-01', events: [] }, '2018-06-01', actor).withinCorrectionWindow, true);
  });

  test('reply period expiry, extension and reasons asked before, draft author and department', () => {
    const events = [ev('extended', '2025-10-20', { workingDays: 20 }), ev('reasons_requested', '2025-10-21'), ev('reply_drafted', '2025-10-22', { outcome: 'not_held' }, 5)];
    const c = workflowContextOf(cal, { ...base, state: 'reply_drafted', events }, '2025-11-28', { id: 5, departmentId: 8 });
    assert.equal(c.extendedBefore, true);
    assert.equal(c.reasonsRequestedBefore, true);
    assert.equal(c.replyPeriodExpired, true); // due 2025-11-27 after the extension
    assert.equal(c.isDraftAuthor, true);
    assert.equal(c.inAssignedDepartment, false);
    assert.equal(workflowContextOf(cal, { ...base, state: 'reply_drafted', events }, '2025-11-27', { id: 6, departmentId: 7 }).replyPeriodExpired, false);
  });

  test('applicant periods: the correction period stated in the notice (default 15 working days), 20 working days to pay', () => {
    assert.equal(applicantDeadline(cal, 'awaiting_correction', [ev('correction_requested', '2025-10-09', { dueOn: '2025-10-31' })]), '2025-10-31');
    assert.equal(applicantDeadline(cal, 'awaiting_correction', [ev('correction_requested', '2025-10-09')]), cal.addWorkingDays('2025-10-09', 15).date);
    assert.equal(applicantDeadline(cal, 'awaiting_fee', [ev('fee_notice_sent', '2025-09-26')]), '2025-10-30');
    assert.equal(applicantDeadline(cal, 'in_process', []), null);
  });

  test('the current draft is the last one since the last return', () => {
    assert.equal(currentDraft([ev('reply_drafted', '2025-10-01', { outcome: 'not_held' }), ev('reply_returned', '2025-10-02')]), null);
    assert.deepEqual(currentDraft([ev('reply_drafted', '2025-10-01', { outcome: 'not_held' }), ev('reply_drafted', '2025-10-03', { outcome: 'disclosed', details: 'x' }, 9)]),
      { outcome: 'disclosed', details: 'x', authorId: 9, on: '2025-10-03' });
  });
});

describe('public timeline text', () => {
  test('names no third party and no staff member; states dates in Chinese', () => {
    assert.equal(publicEventText(ev('consultation_started', '2025-10-13', { party: '某某公司', partyKind: 'third_party', note: '内部' })), '书面征求第三方意见，征求意见所需时间不计入答复期限');
    assert.equal(publicEventText(ev('correction_requested', '2025-10-09', { items: '请写明年份', dueOn: '2025-10-31' })), '告知补正：请写明年份。请于2025年10月31日前补正');
    assert.match(publicEventText(ev('extended', '2025-10-28', { workingDays: 20, reason: '档案较多', note: '内部' })), /延长答复期限20个工作日。理由：档案较多$/);
    assert.equal(publicEventText(ev('replied', '2025-11-07', { outcome: 'not_held' })), '已答复：无法提供：经检索没有所申请公开的信息（本机关不掌握）');
  });
});
