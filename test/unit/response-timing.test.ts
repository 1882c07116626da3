import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { computeTiming, firstResponseOn, median, percentile, timingProse, type TimingCase } from '../../src/domain/response-timing.ts';

/** Weekdays only (no holidays): enough to check the arithmetic. */
const weekdays = {
  workingDaysBetween(a: string, b: string): number {
    let n = 0;
    for (let d = new Date(`${a}T00:00:00Z`); ; ) {
      d = new Date(d.getTime() + 86_400_000);
      if (d.toISOString().slice(0, 10) > b) return n;
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) n++;
    }
  },
};

const c = (receivedOn: string, events: [string, string][], repliedOn: string | null, dueOn: string | null = null, extra: Partial<TimingCase> = {}): TimingCase => ({
  receivedOn, events: events.map(([type, on]) => ({ type, on })), repliedOn, dueOn, ...extra,
});

describe('percentiles', () => {
  test('nearest rank and median', () => {
    assert.equal(percentile([], 90), null);
    assert.equal(percentile([5], 90), 5);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90), 9);
    assert.equal(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90), 10);
    assert.equal(median([]), null);
    assert.equal(median([3, 1 + 1, 4].sort((a, b) => a - b)), 3);
    assert.equal(median([2, 3]), 2.5);
  });
});

describe('computeTiming', () => {
  test('first response is the earliest response to the applicant; replies, on time and extensions counted in the reply year', () => {
    const cases = [
      // Mon 2025-11-03: correction on Wed (2), reply on Fri 2025-11-14 (9), in time.
      c('2025-11-03', [['received', '2025-11-03'], ['assigned', '2025-11-04'], ['correction_requested', '2025-11-05'], ['replied', '2025-11-14']], '2025-11-14', '2025-12-01'),
      // Replied on the 3rd working day without anything before.
      c('2025-11-03', [['received', '2025-11-03'], ['replied', '2025-11-06']], '2025-11-06', '2025-12-01'),
      // Extended, replied late.
      c('2025-11-03', [['received', '2025-11-03'], ['extended', '2025-11-28'], ['replied', '2026-01-05']], '2026-01-05', '2025-12-29'),
      // Received in 2024, replied in 2025 (counts for the reply, not for the first response).
      c('2024-12-30', [['received', '2024-12-30'], ['replied', '2025-01-02']], '2025-01-02', '2025-01-27'),
      // Internal steps only: no first response yet.
      c('2025-12-29', [['received', '2025-12-29'], ['assigned', '2025-12-30']], null),
      // The clock could not read the history: not on time.
      c('2025-10-08', [['received', '2025-10-08'], ['replied', '2025-10-10']], '2025-10-10', null, { clockUnreadable: true }),
    ];
    const f = computeTiming(weekdays, 2025, cases);
    assert.equal(f.received, 5);
    assert.deepEqual(f.firstResponse, { count: 4, median: 2.5, p90: 19 });
    assert.equal(f.replied, 4);
    assert.deepEqual(f.finalReply, { count: 4, median: 3, p90: 9 }); // 2, 3, 3, 9
    assert.deepEqual([f.onTime, f.extended, f.onTimeShare, f.extendedShare], [3, 0, 0.75, 0]);
    const next = computeTiming(weekdays, 2026, cases);
    assert.deepEqual([next.received, next.replied, next.onTime, next.extended], [0, 1, 0, 1]);
  });

  test('an acknowledgement counts as a response when the intake records one', () => {
    assert.equal(firstResponseOn(c('2025-11-03', [['received', '2025-11-03'], ['acknowledged', '2025-11-04'], ['replied', '2025-11-10']], '2025-11-10')), '2025-11-04');
  });

  test('prose for the annual report, also when there is nothing to measure', () => {
    assert.equal(timingProse(computeTiming(weekdays, 2025, [])), '2025年未收到政府信息公开申请，无答复用时数据。');
    assert.equal(timingProse(computeTiming(weekdays, 2025, [c('2025-12-29', [['received', '2025-12-29']], null)])), '2025年收到政府信息公开申请1件，尚无回应或答复，暂无用时数据。');
    const text = timingProse(computeTiming(weekdays, 2025, [c('2025-11-03', [['received', '2025-11-03'], ['extended', '2025-11-20'], ['replied', '2025-11-24']], '2025-11-24', '2025-12-29')]));
    assert.equal(text, '答复用时：2025年自收到申请至首次回应（受理告知、补正告知或答复等）的用时中位数为13个工作日，90%的申请在13个工作日内得到首次回应；'
      + '自收到申请至作出答复的用时中位数为15个工作日，90%的申请在15个工作日内答复；按期答复1件，占100.0%；延长答复期限1件，占100.0%（工作日按法定节假日安排计算）。');
  });
});
