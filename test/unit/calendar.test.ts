import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_WORKING_DAYS,
  WorkingCalendar,
  baselineFromChineseDays,
  parseIsoDate,
  type DayOverride,
} from '../../src/domain/calendar.ts';
import {
  addDays,
  chinaDateOf,
  compareDates,
  formatDateZh,
  fromDayNumber,
  isIsoDate,
  toDayNumber,
  weekday,
  weekdayZh,
} from '../../src/domain/dates.ts';

const cal = WorkingCalendar.fromBaseline();

// A hypothetical 2027 schedule as an administrator would import it (not the announced one).
const schedule2027: DayOverride[] = [
  { date: '2027-01-01', kind: 'off', name: '元旦', source: 'admin' },
  { date: '2027-02-06', kind: 'work', name: '春节', source: 'admin' },
  { date: '2027-02-08', kind: 'off', name: '春节', source: 'admin' },
];

describe('parseIsoDate', () => {
  test('accepts real calendar dates, including 29 February in leap years', () => {
    for (const d of ['2025-09-26', '2024-02-29', '2000-02-29', '2025-12-31', '2026-01-01']) {
      assert.equal(parseIsoDate(d), d);
      assert.equal(isIsoDate(d), true);
    }
  });

  test('rejects impossible dates and loose formats with a Chinese RangeError', () => {
    const bad: unknown[] = [
      '2025-02-30',
      '2023-02-29',
      '2100-02-29',
      '2025-13-01',
      '2025-00-10',
      '2025-04-31',
      '2025-2-3',
      '2025-02-3',
      '25-02-03',
      '2025/02/03',
      '2025-02-03T00:00:00Z',
      ' 2025-02-03',
      '',
      '０２０２５-02-03',
      20250203,
      null,
      undefined,
    ];
    for (const value of bad) {
      assert.throws(
        () => parseIsoDate(value),
        (err: unknown) => err instanceof RangeError && err.message.startsWith('日期格式应为 YYYY-MM-DD：'),
        `should reject ${String(value)}`,
      );
      assert.equal(isIsoDate(value), false);
    }
  });

  test('the message names the offending value', () => {
    assert.throws(() => parseIsoDate('2025-02-30'), { message: '日期格式应为 YYYY-MM-DD：2025-02-30' });
  });
});

describe('date arithmetic (UTC day numbers, no local time)', () => {
  test('day numbers are anchored at 1970-01-01 and round-trip', () => {
    assert.equal(toDayNumber('1970-01-01'), 0);
    assert.equal(toDayNumber('1970-01-02'), 1);
    assert.equal(toDayNumber('1969-12-31'), -1);
    assert.equal(toDayNumber('2000-03-01') - toDayNumber('2000-02-28'), 2);
    assert.equal(toDayNumber('1900-03-01') - toDayNumber('1900-02-28'), 1);
    for (let n = toDayNumber('2003-12-25'); n < toDayNumber('2028-01-10'); n += 1) {
      const d = fromDayNumber(n);
      assert.equal(isIsoDate(d), true);
      assert.equal(toDayNumber(d), n);
    }
  });

  test('agrees with Date.UTC over many years', () => {
    for (let n = -30000; n < 40000; n += 37) {
      assert.equal(fromDayNumber(n), new Date(n * 86_400_000).toISOString().slice(0, 10));
    }
  });

  test('addDays crosses months, years and leap days', () => {
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2025-02-28', 1), '2025-03-01');
    assert.equal(addDays('2025-03-01', -1), '2025-02-28');
    assert.equal(addDays('2025-09-26', 34), '2025-10-30');
  });

  test('weekday of known dates', () => {
    assert.equal(weekday('2025-09-26'), 5); // Friday
    assert.equal(weekday('2025-09-28'), 0); // Sunday
    assert.equal(weekday('1970-01-01'), 4); // Thursday
    assert.equal(weekdayZh('2025-10-11'), '星期六');
  });

  test('chinaDateOf uses UTC+8 whatever the process time zone', () => {
    assert.equal(chinaDateOf(new Date('2025-09-25T15:59:59.999Z')), '2025-09-25');
    assert.equal(chinaDateOf(new Date('2025-09-25T16:00:00Z')), '2025-09-26');
    assert.equal(chinaDateOf(new Date('2025-12-31T16:00:00Z')), '2026-01-01');
    assert.throws(() => chinaDateOf(new Date('nope')), RangeError);
  });

  test('formatDateZh and compareDates', () => {
    assert.equal(formatDateZh('2025-09-26'), '2025年9月26日');
    assert.equal(formatDateZh('2025-10-01', { withYear: false }), '10月1日');
    assert.ok(compareDates('2025-09-30', '2025-10-01') < 0);
    assert.equal(compareDates('2025-10-01', '2025-10-01'), 0);
  });
});

describe('chinese-days baseline', () => {
  const base = baselineFromChineseDays();

  test('knows every year from 2004 to 2026', () => {
    assert.deepEqual(base.knownYears, Array.from({ length: 23 }, (_, i) => 2004 + i));
    assert.deepEqual(cal.knownYears, base.knownYears);
  });

  test('holidays are days off and workdays make-up working days, with Chinese names', () => {
    const find = (date: string) => base.overrides.find((o) => o.date === date);
    assert.deepEqual(find('2025-10-01'), { date: '2025-10-01', kind: 'off', name: '国庆节', source: 'chinese-days' });
    assert.deepEqual(find('2025-10-06'), { date: '2025-10-06', kind: 'off', name: '中秋节', source: 'chinese-days' });
    assert.deepEqual(find('2025-09-28'), { date: '2025-09-28', kind: 'work', name: '国庆节', source: 'chinese-days' });
    assert.equal(find('2025-04-04')?.name, '清明节');
    assert.equal(find('2025-05-31')?.name, '端午节');
    assert.equal(find('2025-01-01')?.name, '元旦');
    assert.equal(find('2025-09-26'), undefined);
    assert.ok(base.overrides.every((o) => o.source === 'chinese-days' && isIsoDate(o.date)));
  });

  test('returns copies: mutating one result does not change the next calendar', () => {
    const first = baselineFromChineseDays();
    first.overrides.find((o) => o.date === '2025-10-01')!.kind = 'work';
    first.knownYears.push(2099);
    const again = new WorkingCalendar(baselineFromChineseDays());
    assert.equal(again.isWorkingDay('2025-10-01'), false);
    assert.equal(again.isKnownYear(2099), false);
  });
});

describe('isWorkingDay', () => {
  test('ordinary weeks: Monday–Friday work, weekend off', () => {
    assert.equal(cal.isWorkingDay('2025-09-22'), true); // Monday
    assert.equal(cal.isWorkingDay('2025-09-26'), true); // Friday
    assert.equal(cal.isWorkingDay('2025-09-27'), false); // Saturday
    assert.equal(cal.isWorkingDay('2025-10-12'), false); // Sunday
  });

  test('announced days off and make-up days win over the week', () => {
    assert.equal(cal.isWorkingDay('2025-10-01'), false); // Wednesday, National Day
    assert.equal(cal.isWorkingDay('2025-10-08'), false); // Wednesday, still in the break
    assert.equal(cal.isWorkingDay('2025-09-28'), true); // Sunday, make-up day
    assert.equal(cal.isWorkingDay('2025-10-11'), true); // Saturday, make-up day
    assert.equal(cal.isWorkingDay('2025-01-26'), true); // Sunday before Spring Festival
    assert.equal(cal.isWorkingDay('2025-02-04'), false);
  });

  test('years without a schedule fall back to Monday–Friday', () => {
    assert.equal(cal.isWorkingDay('2027-01-01'), true); // Friday, New Year's Day not yet loaded
    assert.equal(cal.isWorkingDay('2027-01-02'), false);
  });

  test('dayInfo says why', () => {
    assert.deepEqual(cal.dayInfo('2025-10-01'), {
      date: '2025-10-01',
      working: false,
      basis: 'override',
      name: '国庆节',
      source: 'chinese-days',
      knownYear: true,
    });
    assert.deepEqual(cal.dayInfo('2027-01-04'), {
      date: '2027-01-04',
      working: true,
      basis: 'week',
      name: null,
      source: null,
      knownYear: false,
    });
  });

  test('rejects malformed dates', () => {
    assert.throws(() => cal.isWorkingDay('2025-2-3'), RangeError);
  });
});

describe('addWorkingDays', () => {
  test('counts from the day after, across National Day 2025', () => {
    assert.deepEqual(cal.addWorkingDays('2025-09-26', 7), { date: '2025-10-13', provisional: false });
    assert.deepEqual(cal.addWorkingDays('2025-09-26', 20), { date: '2025-10-30', provisional: false });
    assert.deepEqual(cal.addWorkingDays('2025-09-26', 40), { date: '2025-11-27', provisional: false });
  });

  test('the make-up Sunday counts and the holiday weekdays do not', () => {
    assert.equal(cal.addWorkingDays('2025-09-26', 1).date, '2025-09-28');
    assert.equal(cal.addWorkingDays('2025-09-30', 1).date, '2025-10-09');
  });

  test('start day is not counted even when it is a non-working day', () => {
    assert.equal(cal.addWorkingDays('2025-09-27', 1).date, '2025-09-28');
    assert.equal(cal.addWorkingDays('2025-10-04', 1).date, '2025-10-09');
  });

  test('n = 0 returns the start date, also on a holiday, and is not provisional', () => {
    assert.deepEqual(cal.addWorkingDays('2025-10-01', 0), { date: '2025-10-01', provisional: false });
    assert.deepEqual(cal.addWorkingDays('2027-06-01', 0), { date: '2027-06-01', provisional: false });
  });

  test('n must be an integer from 0 to 2000', () => {
    for (const n of [-1, 1.5, MAX_WORKING_DAYS + 1, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => cal.addWorkingDays('2025-09-26', n), (e: unknown) => e instanceof RangeError && /工作日数/.test(e.message));
    }
    assert.equal(cal.addWorkingDays('2020-01-01', MAX_WORKING_DAYS).provisional, true);
  });

  test('a day in a year without a schedule makes the result provisional', () => {
    assert.deepEqual(cal.addWorkingDays('2027-03-01', 5), { date: '2027-03-08', provisional: true });
    // 2026-12-10 + 20 reaches into 2027, counted Monday–Friday only.
    assert.deepEqual(cal.addWorkingDays('2026-12-10', 20), { date: '2027-01-07', provisional: true });
    assert.equal(cal.addWorkingDays('2026-12-10', 15).provisional, false); // ends 2026-12-31
    // Crossing New Year on a non-working day still examines 2027-01-01.
    assert.equal(cal.addWorkingDays('2026-12-31', 1).provisional, true);
  });

  test('loading 2027 makes the same deadline final and applies its days off', () => {
    const with2027 = WorkingCalendar.fromBaseline(schedule2027, [2027]);
    assert.deepEqual(with2027.addWorkingDays('2026-12-10', 20), { date: '2027-01-08', provisional: false });
    assert.equal(with2027.isKnownYear(2027), true);
    assert.equal(with2027.isWorkingDay('2027-02-06'), true); // a Saturday made a working day
    assert.equal(with2027.isWorkingDay('2027-02-08'), false);
  });

  test('overrides for an unknown year apply but the result stays provisional', () => {
    const localOnly = WorkingCalendar.fromBaseline(schedule2027, []);
    assert.deepEqual(localOnly.addWorkingDays('2026-12-10', 20), { date: '2027-01-08', provisional: true });
  });

  test('inverse of workingDaysBetween on every start day of 2024–2026', () => {
    for (let day = toDayNumber('2024-01-01'); day <= toDayNumber('2026-10-31'); day += 1) {
      const from = fromDayNumber(day);
      for (const n of [1, 7, 15, 20, 40]) {
        const { date, provisional } = cal.addWorkingDays(from, n);
        assert.equal(cal.workingDaysBetween(from, date), n, `${from} + ${n}`);
        assert.equal(cal.isWorkingDay(date), true);
        assert.equal(provisional, false);
      }
    }
  });
});

describe('database rows on top of the baseline', () => {
  test('a row replaces the baseline for its date', () => {
    const c = WorkingCalendar.fromBaseline([
      { date: '2025-10-08', kind: 'work', source: 'admin' },
      { date: '2025-09-29', kind: 'off', name: '地方节日', source: 'admin' },
    ]);
    assert.equal(c.isWorkingDay('2025-10-08'), true);
    assert.equal(c.isWorkingDay('2025-09-29'), false);
    assert.deepEqual(c.override('2025-09-29'), { date: '2025-09-29', kind: 'off', name: '地方节日', source: 'admin' });
    assert.equal(c.override('2025-10-08')?.source, 'admin');
    // The baseline calendar is unaffected.
    assert.equal(cal.isWorkingDay('2025-10-08'), false);
  });

  test('within one list the later row for a date wins', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2030-01-07', kind: 'off', source: 'a' },
        { date: '2030-01-07', kind: 'work', source: 'b' },
      ],
      knownYears: [2030],
    });
    assert.equal(c.isWorkingDay('2030-01-07'), true);
    assert.equal(c.override('2030-01-07')?.source, 'b');
  });

  test('rejects malformed rows', () => {
    assert.throws(() => new WorkingCalendar({ overrides: [{ date: '2025-2-3', kind: 'off', source: 'x' }], knownYears: [] }), RangeError);
    assert.throws(
      () => new WorkingCalendar({ overrides: [{ date: '2025-02-03', kind: 'holiday' as never, source: 'x' }], knownYears: [] }),
      RangeError,
    );
    assert.throws(() => new WorkingCalendar({ overrides: [], knownYears: [27] }), RangeError);
  });
});

describe('workingDaysBetween', () => {
  test('counts d with a < d <= b', () => {
    assert.equal(cal.workingDaysBetween('2025-09-26', '2025-10-30'), 20);
    assert.equal(cal.workingDaysBetween('2025-09-26', '2025-09-28'), 1);
    assert.equal(cal.workingDaysBetween('2025-09-30', '2025-10-08'), 0);
    assert.equal(cal.workingDaysBetween('2025-09-22', '2025-09-26'), 4);
  });

  test('0 when b <= a', () => {
    assert.equal(cal.workingDaysBetween('2025-09-26', '2025-09-26'), 0);
    assert.equal(cal.workingDaysBetween('2025-10-30', '2025-09-26'), 0);
  });

  test('isRangeKnown', () => {
    assert.equal(cal.isRangeKnown('2025-01-01', '2026-12-31'), true);
    assert.equal(cal.isRangeKnown('2026-12-31', '2027-01-01'), false);
    assert.equal(cal.isRangeKnown('2003-12-31', '2004-01-05'), true); // 2003-12-31 itself is not in the range
    assert.equal(cal.isRangeKnown('2003-12-30', '2004-01-05'), false);
    assert.equal(cal.isRangeKnown('2030-01-05', '2030-01-01'), true);
  });
});

describe('yearSchedule', () => {
  test('2025 as announced (国办发明电〔2024〕12号)', () => {
    const s = cal.yearSchedule(2025);
    assert.equal(s.year, 2025);
    assert.equal(s.known, true);
    assert.deepEqual(
      s.makeUpWorkdays.map((d) => d.date),
      ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    );
    // 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆中秋 8
    assert.equal(s.daysOff.length, 28);
    assert.deepEqual(s.daysOff[0], { date: '2025-01-01', name: '元旦', source: 'chinese-days' });
    assert.equal(s.daysOff.at(-1)?.date, '2025-10-08');
    const dates = s.daysOff.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
  });

  test('an unknown year is empty and says so; an imported one is known', () => {
    assert.deepEqual(cal.yearSchedule(2027), { year: 2027, known: false, daysOff: [], makeUpWorkdays: [] });
    const s = WorkingCalendar.fromBaseline(schedule2027, [2027]).yearSchedule(2027);
    assert.equal(s.known, true);
    assert.deepEqual(
      s.daysOff.map((d) => [d.date, d.source]),
      [
        ['2027-01-01', 'admin'],
        ['2027-02-08', 'admin'],
      ],
    );
    assert.deepEqual(s.makeUpWorkdays, [{ date: '2027-02-06', name: '春节', source: 'admin' }]);
  });

  test('rejects a year that is not four digits', () => {
    assert.throws(() => cal.yearSchedule(25), RangeError);
    assert.throws(() => cal.yearSchedule(2025.5), RangeError);
  });

  test('overridesBetween lists a < d <= b in date order', () => {
    assert.deepEqual(
      cal.overridesBetween('2025-09-28', '2025-10-02').map((o) => [o.date, o.kind]),
      [
        ['2025-10-01', 'off'],
        ['2025-10-02', 'off'],
      ],
    );
  });
});
