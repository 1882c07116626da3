import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  describeDates,
  groupByHoliday,
  parseScheduleFile,
  parseScheduleIcs,
  parseScheduleJson,
  scheduleToJson,
  validateSchedule,
  type ParseResult,
  type ParsedSchedule,
} from '../../src/domain/calendar-import.ts';
import { WorkingCalendar, baselineFromChineseDays } from '../../src/domain/calendar.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const chineseDaysIcs = readFileSync(new URL('../../node_modules/chinese-days/dist/holidays.ics', import.meta.url), 'utf8');

function ok(r: ParseResult): ParsedSchedule {
  if (!r.ok) assert.fail(`expected a schedule, got: ${r.errors.join(' | ')}`);
  return r.schedule;
}

function problems(r: ParseResult): string[] {
  assert.equal(r.ok, false, 'expected the file to be refused');
  return r.ok ? [] : r.errors;
}

const json = (doc: unknown) => JSON.stringify(doc);

describe('JSON schedules', () => {
  test('the 2027 fixture: ranges expanded, one entry per date, sorted', () => {
    const s = ok(parseScheduleFile('calendar-2027.json', fixture('calendar-2027.json')));
    assert.equal(s.format, 'json');
    assert.equal(s.year, 2027);
    assert.match(s.source ?? '', /^国务院办公厅关于2027年部分节假日安排的通知/);
    assert.equal(s.days.filter((d) => d.kind === 'off').length, 29);
    assert.deepEqual(s.days.filter((d) => d.kind === 'work').map((d) => d.date), ['2027-01-31', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
    assert.deepEqual(s.days.filter((d) => d.name === '春节' && d.kind === 'off').map((d) => d.date), [
      '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13',
    ]);
    const dates = s.days.map((d) => d.date);
    assert.deepEqual(dates, [...dates].sort());
    assert.equal(new Set(dates).size, dates.length);
  });

  test('days off on an ordinary weekend are accepted', () => {
    // 2027-01-02 is a Saturday, 2027-01-03 a Sunday.
    const s = ok(parseScheduleJson(json({ year: 2027, daysOff: [{ date: '2027-01-02', name: '元旦' }, { date: '2027-01-03', name: '元旦' }] })));
    assert.equal(s.days.length, 2);
    assert.equal(s.source, null);
  });

  test('a byte order mark is ignored', () => {
    assert.equal(ok(parseScheduleJson('\uFEFF' + json({ year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }] }))).days.length, 1);
  });

  const bad: [string, string | unknown, RegExp][] = [
    ['invalid JSON names the line', '{\n  "year": 2027,\n  "daysOff": [\n    {"date": "2027-01-01" "name": "元旦"}\n  ]\n}', /^JSON 格式错误（第 4 行附近）/],
    ['top level must be an object', [], /最外层应为对象/],
    ['year is required', { daysOff: [{ date: '2027-01-01', name: '元旦' }] }, /缺少 year/],
    ['year must be four digits in range', { year: 27, daysOff: [{ date: '0027-01-01', name: '元旦' }] }, /year 应为 1900 至 2200 之间的整数：27/],
    ['year as a string is refused', { year: '2027', daysOff: [{ date: '2027-01-01', name: '元旦' }] }, /year 应为 1900 至 2200 之间的整数/],
    ['daysOff is required', { year: 2027 }, /缺少 daysOff/],
    ['daysOff must be an array', { year: 2027, daysOff: { date: '2027-01-01' } }, /daysOff 应为数组/],
    ['an impossible date', { year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-02-30', name: '春节' }] }, /^daysOff 第 2 项：日期 "2027-02-30" 无效/],
    ['a loose date format', { year: 2027, daysOff: [{ date: '2027-1-1', name: '元旦' }] }, /^daysOff 第 1 项：日期 "2027-1-1" 无效/],
    ['a date outside the year', { year: 2027, daysOff: [{ date: '2026-12-31', name: '元旦' }] }, /^daysOff 第 1 项：日期 2026-12-31 不在 2027 年内/],
    ['a range reaching outside the year', { year: 2027, daysOff: [{ from: '2027-12-30', to: '2028-01-01', name: '元旦' }] }, /日期 2028-01-01 不在 2027 年内/],
    ['a date both off and at work', { year: 2027, daysOff: [{ date: '2027-02-06', name: '春节' }], makeUpWorkdays: [{ date: '2027-02-06', name: '春节' }] },
      /^日期 2027-02-06 既被列为放假又被列为调休上班（daysOff 第 1 项；makeUpWorkdays 第 1 项）/],
    ['a repeated date', { year: 2027, daysOff: [{ from: '2027-10-01', to: '2027-10-07', name: '国庆节' }, { date: '2027-10-03', name: '国庆节' }] }, /^日期 2027-10-03 重复（daysOff 第 1 项；daysOff 第 2 项）/],
    ['a make-up working day on a weekday', { year: 2027, daysOff: [{ date: '2027-02-05', name: '春节' }], makeUpWorkdays: [{ date: '2027-02-08', name: '春节' }] },
      /^makeUpWorkdays 第 1 项：调休上班日 2027-02-08 是星期一，调休上班日应为星期六或星期日/],
    ['a missing name', { year: 2027, daysOff: [{ date: '2027-01-01' }] }, /^daysOff 第 1 项：缺少节日名称/],
    ['a blank name', { year: 2027, daysOff: [{ date: '2027-01-01', name: '  ' }] }, /缺少节日名称/],
    ['an overlong name', { year: 2027, daysOff: [{ date: '2027-01-01', name: '元'.repeat(51) }] }, /节日名称过长/],
    ['an unknown top-level field', { year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }], makeupWorkdays: [] }, /^未知字段“makeupWorkdays”/],
    ['an unknown entry field', { year: 2027, daysOff: [{ day: '2027-01-01', name: '元旦' }] }, /daysOff 第 1 项：未知字段“day”/],
    ['an entry that is not an object', { year: 2027, daysOff: ['2027-01-01'] }, /daysOff 第 1 项：应为对象/],
    ['date and from/to together', { year: 2027, daysOff: [{ date: '2027-01-01', from: '2027-01-01', to: '2027-01-03', name: '元旦' }] }, /二选一/],
    ['from without to', { year: 2027, daysOff: [{ from: '2027-01-01', name: '元旦' }] }, /daysOff 第 1 项：to 缺失/],
    ['a reversed range', { year: 2027, daysOff: [{ from: '2027-01-03', to: '2027-01-01', name: '元旦' }] }, /结束日期 2027-01-01 早于开始日期 2027-01-03/],
    ['a range longer than a month', { year: 2027, daysOff: [{ from: '2027-01-01', to: '2027-03-01', name: '元旦' }] }, /共 60 天，超过 31 天/],
    ['no day at all', { year: 2027, daysOff: [] }, /没有任何放假或调休上班日期/],
    ['an empty source', { year: 2027, source: ' ', daysOff: [{ date: '2027-01-01', name: '元旦' }] }, /source（依据）应为非空文字/],
  ];
  for (const [what, input, message] of bad) {
    test(`refused: ${what}`, () => {
      const errors = problems(parseScheduleJson(typeof input === 'string' ? input : json(input)));
      assert.ok(errors.some((e) => message.test(e)), `${errors.join(' | ')} should match ${message}`);
    });
  }

  test('every problem is reported at once, and nothing is returned', () => {
    const errors = problems(parseScheduleJson(json({
      year: 2027,
      daysOff: [{ date: '2027-02-30', name: '春节' }, { date: '2028-01-01', name: '元旦' }],
      makeUpWorkdays: [{ date: '2027-02-08' }],
    })));
    assert.equal(errors.length, 3, errors.join(' | '));
  });

  test('the year given by the caller must match the file', () => {
    const doc = json({ year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }] });
    assert.match(problems(parseScheduleJson(doc, { year: 2028 }))[0], /文件中的年份 2027 与指定的年份 2028 不一致/);
    assert.equal(ok(parseScheduleJson(doc, { year: 2027 })).year, 2027);
  });
});

describe('iCalendar schedules', () => {
  test('the 2027 fixture (chinese-days shape, CRLF, folded lines) reads as the JSON fixture', () => {
    const ics = ok(parseScheduleFile('calendar-2027.ics', fixture('calendar-2027.ics')));
    const fromJson = ok(parseScheduleFile('calendar-2027.json', fixture('calendar-2027.json')));
    assert.equal(ics.format, 'ics');
    assert.equal(ics.year, 2027);
    assert.equal(ics.skippedOtherYears, 0);
    // '清明(休)' becomes '清明节' as notices write it.
    assert.deepEqual(ics.days, fromJson.days);
  });

  test('the chinese-days holidays.ics needs a year, and one year of it equals the built-in schedule', () => {
    assert.match(problems(parseScheduleIcs(chineseDaysIcs))[0], /文件包含 2024、2025、2026 年的日期，请指定要导入的年份/);
    const s = ok(parseScheduleIcs(chineseDaysIcs, { year: 2025 }));
    assert.ok(s.skippedOtherYears > 50);
    const baseline = baselineFromChineseDays().overrides.filter((o) => o.date.startsWith('2025-'));
    assert.deepEqual(s.days.map((d) => [d.date, d.kind, d.name]), baseline.map((o) => [o.date, o.kind, o.name]));
  });

  test('the English chinese-days file is understood too', () => {
    const en = readFileSync(new URL('../../node_modules/chinese-days/dist/holidays.en.ics', import.meta.url), 'utf8');
    const s = ok(parseScheduleIcs(en, { year: 2026 }));
    const zh = ok(parseScheduleIcs(chineseDaysIcs, { year: 2026 }));
    assert.deepEqual(s.days.map((d) => [d.date, d.kind]), zh.days.map((d) => [d.date, d.kind]));
    assert.equal(s.days[0].name, "New Year's Day");
  });

  const cal = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events, 'END:VCALENDAR'].join('\n');
  const ev = (...props: string[]) => ['BEGIN:VEVENT', ...props, 'END:VEVENT'].join('\n');

  test('other ways of writing the kind of day; DTEND optional; DURATION', () => {
    const s = ok(parseScheduleIcs(cal(
      ev('DTSTART;VALUE=DATE:20270501', 'DURATION:P3D', 'SUMMARY:劳动节放假'),
      ev('DTSTART:20270425', 'SUMMARY:劳动节调休上班'),
      ev('DTSTART;VALUE=DATE:20270609', 'SUMMARY:端午节', 'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY'),
      ev('DTSTART;VALUE=DATE:20270915', 'SUMMARY:中秋', 'DESCRIPTION:休'),
    )));
    assert.deepEqual(s.days.map((d) => [d.date, d.kind, d.name]), [
      ['2027-04-25', 'work', '劳动节'],
      ['2027-05-01', 'off', '劳动节'],
      ['2027-05-02', 'off', '劳动节'],
      ['2027-05-03', 'off', '劳动节'],
      ['2027-06-09', 'off', '端午节'],
      ['2027-09-15', 'off', '中秋节'],
    ]);
  });

  test('overlapping events that agree merge their names; cancelled events and alarms do not count', () => {
    const s = ok(parseScheduleIcs(cal(
      ev('DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271008', 'SUMMARY:国庆节(休)',
        'BEGIN:VALARM', 'ACTION:DISPLAY', 'SUMMARY:提醒(班)', 'END:VALARM'),
      ev('DTSTART;VALUE=DATE:20271001', 'DTEND;VALUE=DATE:20271002', 'SUMMARY:中秋(休)'),
      ev('DTSTART;VALUE=DATE:20271009', 'SUMMARY:国庆节(班)', 'STATUS:CANCELLED'),
    )));
    assert.equal(s.days.length, 7);
    assert.equal(s.days[0].name, '国庆节、中秋节');
    assert.equal(s.days[1].name, '国庆节');
    assert.ok(s.days.every((d) => d.kind === 'off'));
  });

  test('with a year, an event across New Year is clipped and the rest counted as skipped', () => {
    const text = cal(ev('DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270104', 'SUMMARY:元旦(休)'));
    const s = ok(parseScheduleIcs(text, { year: 2027 }));
    assert.deepEqual(s.days.map((d) => d.date), ['2027-01-01', '2027-01-02', '2027-01-03']);
    assert.equal(s.skippedOtherYears, 1);
    assert.match(problems(parseScheduleIcs(text))[0], /文件包含 2026、2027 年的日期/);
    assert.match(problems(parseScheduleIcs(text, { year: 2030 }))[0], /文件中没有 2030 年的日期/);
  });

  test('problems name their line', () => {
    const text = [
      'BEGIN:VCALENDAR', //            1
      'VERSION:2.0', //                2
      'BEGIN:VEVENT', //               3
      'DTSTART:20270101T000000', //    4
      'SUMMARY:元旦(休)', //            5
      'END:VEVENT', //                 6
      'BEGIN:VEVENT', //               7
      'DTSTART;VALUE=DATE:20270230', // 8
      'SUMMARY:春节(休)', //            9
      'END:VEVENT', //                 10
      'BEGIN:VEVENT', //               11
      'DTSTART;VALUE=DATE:20270210', // 12
      'DTEND;VALUE=DATE:20270208', //   13
      'SUMMARY:春节(休)', //            14
      'END:VEVENT', //                 15
      'BEGIN:VEVENT', //               16
      'DTSTART;VALUE=DATE:20270301', // 17
      'SUMMARY:植树', //                18
      'END:VEVENT', //                 19
      'BEGIN:VEVENT', //               20
      'DTSTART;VALUE=DATE:20270301', // 21
      'RRULE:FREQ=YEARLY', //          22
      'SUMMARY:植树(休)', //            23
      'END:VEVENT', //                 24
      'END:VCALENDAR',
    ].join('\r\n');
    const errors = problems(parseScheduleIcs(text));
    assert.deepEqual(errors, [
      '第 4 行：DTSTART 应为全天日期（VALUE=DATE，例如 20270101），不是时刻 20270101T000000',
      '第 8 行：DTSTART 的日期 20270230 无效，应为 YYYYMMDD',
      '第 13 行：DTEND 20270208 应晚于 DTSTART 20270210（DTEND 是结束后的第一天）',
      '第 16 行的事件：无法判断是放假还是调休上班，SUMMARY 应写成“春节(休)”或“春节(班)”：植树',
      '第 22 行：不支持重复事件（RRULE），请逐一列出日期',
    ]);
  });

  test('a day both off and at work names both events', () => {
    const errors = problems(parseScheduleIcs(cal(
      ev('DTSTART;VALUE=DATE:20270206', 'SUMMARY:春节(休)'),
      ev('DTSTART;VALUE=DATE:20270206', 'SUMMARY:春节(班)'),
    )));
    assert.deepEqual(errors, ['日期 2027-02-06 既被列为放假又被列为调休上班（第 3 行的事件；第 7 行的事件）']);
  });

  test('a make-up working day on a weekday, a summary contradicting its hints, a missing DTSTART', () => {
    const errors = problems(parseScheduleIcs(cal(
      ev('DTSTART;VALUE=DATE:20270208', 'SUMMARY:春节(班)'),
      ev('DTSTART;VALUE=DATE:20270209', 'SUMMARY:春节(班)', 'X-APPLE-SPECIAL-DAY:WORK-HOLIDAY'),
      ev('SUMMARY:春节(休)'),
    )));
    assert.equal(errors.length, 3, errors.join(' | '));
    assert.match(errors[0], /第 7 行的事件：SUMMARY“春节\(班\)”表示调休上班，但其他属性表示放假/);
    assert.match(errors[1], /第 12 行的事件：缺少 DTSTART/);
    assert.match(errors[2], /第 3 行的事件：调休上班日 2027-02-08 是星期一/);
  });

  test('structural problems', () => {
    assert.match(problems(parseScheduleIcs('hello'))[0], /不是 iCalendar 文件/);
    assert.match(problems(parseScheduleIcs(''))[0], /不是 iCalendar 文件/);
    assert.match(problems(parseScheduleIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20270101\n'))[0], /第 2 行的 BEGIN:VEVENT 没有对应的 END/);
    assert.match(problems(parseScheduleIcs('BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR'))[0], /第 3 行：END:VTODO 与第 2 行的 BEGIN:VEVENT 不匹配/);
    assert.match(problems(parseScheduleIcs(cal()))[0], /没有任何放假或调休上班日期/);
    assert.match(problems(parseScheduleIcs(cal(ev('DTSTART;VALUE=DATE:20270101', 'DTEND;VALUE=DATE:20270301', 'SUMMARY:元旦(休)'))))[0], /共 59 天，超过 31 天/);
  });
});

describe('files', () => {
  test('the format comes from the extension, or from the content when there is none', () => {
    assert.equal(ok(parseScheduleFile('2027.JSON', fixture('calendar-2027.json'))).format, 'json');
    assert.equal(ok(parseScheduleFile('schedule', fixture('calendar-2027.ics'))).format, 'ics');
    assert.equal(ok(parseScheduleFile('schedule', fixture('calendar-2027.json'))).format, 'json');
    assert.match(problems(parseScheduleFile('2027.xlsx', fixture('calendar-2027.json')))[0], /只支持 \.json 或 \.ics 文件：2027\.xlsx/);
    // A .json name wins over ICS content: the file is then refused as JSON.
    assert.match(problems(parseScheduleFile('x.json', fixture('calendar-2027.ics')))[0], /JSON 格式错误/);
  });

  test('only UTF-8, at most 1 MB', () => {
    const gbk = Uint8Array.from([0x7b, 0x22, 0xd4, 0xaa, 0xb5, 0xa9, 0x22, 0x7d]); // {"元旦"} in GBK
    assert.match(problems(parseScheduleFile('x.json', gbk))[0], /不是 UTF-8 编码/);
    assert.match(problems(parseScheduleFile('x.json', new Uint8Array(1024 * 1024 + 1)))[0], /文件过大/);
  });
});

describe('presenting and re-checking a schedule', () => {
  const s = ok(parseScheduleFile('calendar-2027.json', fixture('calendar-2027.json')));

  test('groups by holiday in date order, consecutive dates as ranges', () => {
    const groups = groupByHoliday(s.days);
    assert.deepEqual(groups.map((g) => g.name), ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节']);
    const spring = groups[1];
    assert.equal(describeDates(spring.daysOff), '2027-02-05 至 2027-02-13（9 天）');
    assert.equal(describeDates(spring.makeUpWorkdays), '2027-01-31、2027-02-20');
    assert.equal(describeDates(['2025-10-08', '2025-10-01', '2025-10-02', '2025-10-06']), '2025-10-01 至 2025-10-02（2 天）、2025-10-06、2025-10-08');
  });

  test('scheduleToJson round-trips through the JSON parser', () => {
    const text = scheduleToJson(s.year, s.days, s.source);
    const again = ok(parseScheduleJson(text));
    assert.deepEqual(again.days, s.days);
    assert.equal(again.source, s.source);
    assert.ok(text.length < 2000, 'ranges are collapsed');
  });

  test('validateSchedule applies the same rules to days built in code', () => {
    assert.deepEqual(validateSchedule(2027, s.days), []);
    assert.deepEqual(validateSchedule(2027, [{ date: '2027-02-08', kind: 'work', name: '春节' }]), ['第 1 项：调休上班日 2027-02-08 是星期一，调休上班日应为星期六或星期日']);
    assert.deepEqual(validateSchedule(2027, [{ date: '2027-13-01', kind: 'off', name: '元旦' }]), ['第 1 项：日期 2027-13-01 无效，应为 YYYY-MM-DD']);
    assert.deepEqual(validateSchedule(2027, [{ date: '2027-01-01', kind: 'holiday' as never, name: '元旦' }]), ['第 1 项：类型应为 off（放假）或 work（调休上班）']);
    assert.match(validateSchedule(1800, s.days)[0], /年份应为 1900 至 2200/);
    assert.deepEqual(validateSchedule(2027, []), ['文件中没有任何放假或调休上班日期']);
  });

  test('an imported year replaces the built-in schedule of that year entirely', () => {
    // A corrected 2025 notice that moves National Day: the built-in 2025-10-08 must not stay off.
    const corrected = [{ date: '2025-10-01', kind: 'off' as const, name: '国庆节', source: '更正通知' }];
    const c = WorkingCalendar.fromBaseline(corrected, [2025]);
    assert.equal(c.isWorkingDay('2025-10-08'), true);
    assert.equal(c.isWorkingDay('2025-09-28'), false); // no longer a make-up working day: an ordinary Sunday
    assert.deepEqual(c.yearSchedule(2025).daysOff.map((d) => d.date), ['2025-10-01']);
    // Other years keep the built-in schedule.
    assert.equal(c.isWorkingDay('2024-10-01'), false);
    // Rows for a year that was not imported (local extra holidays) still sit on top of the baseline.
    const local = WorkingCalendar.fromBaseline([{ date: '2025-09-29', kind: 'off', name: '地方节日', source: '本地增设' }], []);
    assert.equal(local.isWorkingDay('2025-09-29'), false);
    assert.equal(local.isWorkingDay('2025-10-08'), false);
  });
});
