import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachDialect } from '../support/db.ts';
import type { Actor, StaffUser } from '../../src/services/actor.ts';
import type { Role } from '../../src/domain/roles.ts';
import {
  ScheduleFileError,
  addLocalHoliday,
  dueDate,
  importConfirmedSchedule,
  importScheduleFile,
  importYear,
  knownYears,
  previewScheduleFile,
  removeDay,
  yearSchedule,
} from '../../src/services/calendar.service.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from '../../src/services/errors.ts';

const FIXTURE_SOURCE = '国务院办公厅关于2027年部分节假日安排的通知（虚构，仅供测试）';
const jsonFixture = readFileSync(new URL('../fixtures/calendar-2027.json', import.meta.url));
const icsFixture = readFileSync(new URL('../fixtures/calendar-2027.ics', import.meta.url));

function staff(id: number, roles: Role[], isSysadmin = false): Actor {
  const user: StaffUser = { id, username: `u${id}`, displayName: `用户${id}`, agencyId: 7, agencyCode: 'hjjyj', departmentId: null, roles, isSysadmin };
  return { kind: 'staff', user, ip: '192.0.2.10' };
}
/** The platform administrator (like the demo's admin: the agency role and the platform flag). */
const admin = staff(1, ['admin'], true);
const sysadmin = staff(2, [], true);
/** An agency's administrator: may look at the platform's calendar, not change it. */
const agencyAdmin = staff(5, ['admin']);
const commandLine: Actor = { kind: 'system', label: '命令行（测试）' };
const clerk = staff(3, ['clerk']);
const office = staff(4, ['office', 'reviewer', 'head']);
const visitor: Actor = { kind: 'public', ip: '198.51.100.1' };

forEachDialect('working-day calendar service', (s) => {
  const events = async (action: string) =>
    (await s.ctx.repos.audit.list({ action }, 1, 100)).items.map((e) => ({ ...e, summary: JSON.parse(e.summary) as Record<string, unknown> }));
  const auditCount = async () => (await s.ctx.repos.audit.list({}, 1, 1)).total;

  test('without a 2027 schedule a deadline reaching into 2027 is provisional', async () => {
    assert.deepEqual(await dueDate(s.ctx, '2026-12-10', 20), { from: '2026-12-10', workingDays: 20, due: '2027-01-07', provisional: true });
    const y = await yearSchedule(s.ctx, 2027);
    assert.equal(y.known, false);
    assert.equal(y.provisional, true);
    assert.equal(y.scheduleSource, null);
    assert.deepEqual(y.daysOff, []);
  });

  test('the statutory examples hold on the built-in schedule', async () => {
    for (const [n, due] of [[7, '2025-10-13'], [20, '2025-10-30'], [40, '2025-11-27']] as const) {
      assert.deepEqual(await dueDate(s.ctx, '2025-09-26', n), { from: '2025-09-26', workingDays: n, due, provisional: false });
    }
  });

  test('dueDate refuses malformed input with a field message', async () => {
    for (const [from, n, field] of [['2025-02-30', 5, 'from'], ['1899-12-31', 5, 'from'], ['2025-09-26', -1, 'workingDays'], ['2025-09-26', 1.5, 'workingDays'], ['2025-09-26', 1001, 'workingDays']] as const) {
      await assert.rejects(dueDate(s.ctx, from, n), (e: unknown) => e instanceof ValidationError && field in (e.fields ?? {}));
    }
  });

  test('only platform administrators import: an agency administrator, a clerk, other staff and the public are refused and nothing changes', async () => {
    const before = await auditCount();
    const confirmed = JSON.stringify({ year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }] });
    for (const actor of [agencyAdmin, clerk, office, visitor]) {
      const who = actor.kind === 'staff' ? actor.user.roles.join(',') : actor.kind;
      await assert.rejects(importScheduleFile(s.ctx, actor, { fileName: 'calendar-2027.json', content: jsonFixture }), ForbiddenError, who);
      await assert.rejects(importYear(s.ctx, actor, { year: 2027, days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }], source: 'x' }), ForbiddenError, who);
      await assert.rejects(importConfirmedSchedule(s.ctx, actor, confirmed, '通知'), ForbiddenError, who);
      await assert.rejects(previewScheduleFile(s.ctx, actor, { fileName: 'calendar-2027.json', content: jsonFixture }), ForbiddenError, who);
      await assert.rejects(addLocalHoliday(s.ctx, actor, { date: '2027-03-08', name: '地方节日' }), ForbiddenError, who);
    }
    await assert.rejects(importYear(s.ctx, agencyAdmin, { year: 2027, days: [], source: 'x' }), /工作日历由平台管理员维护，全平台各机关共用/);
    assert.equal(await auditCount(), before);
    assert.equal((await s.ctx.calendar()).isKnownYear(2027), false);
    assert.deepEqual(await s.ctx.repos.calendar.overrides(), []);
  });

  test('an invalid file stores nothing and writes no event', async () => {
    const before = await auditCount();
    const bad = JSON.stringify({ year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-02-30', name: '春节' }] });
    await assert.rejects(importScheduleFile(s.ctx, admin, { fileName: 'bad.json', content: bad }), (e: unknown) => {
      assert.ok(e instanceof ScheduleFileError);
      assert.deepEqual(e.problems, ['daysOff 第 2 项：日期 "2027-02-30" 无效，应为 YYYY-MM-DD 格式的真实日期']);
      return true;
    });
    await assert.rejects(importYear(s.ctx, admin, { year: 2027, days: [{ date: '2027-02-08', kind: 'work', name: '春节' }], source: '通知' }), ScheduleFileError);
    await assert.rejects(importYear(s.ctx, admin, { year: 2027, days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }], source: '  ' }), ValidationError);
    assert.equal(await auditCount(), before);
    assert.equal((await s.ctx.calendar()).isKnownYear(2027), false);
    assert.deepEqual(await s.ctx.repos.calendar.overrides(), []);
  });

  test('the preview reads the file and stores nothing', async () => {
    const p = await previewScheduleFile(s.ctx, admin, { fileName: 'calendar-2027.ics', content: icsFixture, source: '国办发明电〔2026〕99号' });
    assert.equal(p.schedule.year, 2027);
    assert.equal(p.source, '国办发明电〔2026〕99号');
    assert.equal(p.current.known, false);
    assert.equal(p.diff.added.length, 34);
    assert.deepEqual(await s.ctx.repos.calendar.knownYears(), []);
  });

  test('importing 2027 makes the deadline final, moves it past the New Year break, and is audited', async () => {
    // Warm the cache first: the import must drop it.
    assert.equal((await s.ctx.calendar()).isKnownYear(2027), false);
    const result = await importScheduleFile(s.ctx, admin, { fileName: 'calendar-2027.json', content: jsonFixture });
    assert.equal(result.year, 2027);
    assert.equal(result.source, FIXTURE_SOURCE);
    assert.equal(result.daysOff, 29);
    assert.equal(result.makeUpWorkdays, 5);
    assert.deepEqual(result.before, { known: false, source: null, daysOff: 0, makeUpWorkdays: 0 });

    const cal = await s.ctx.calendar();
    assert.equal(cal.isKnownYear(2027), true);
    assert.equal(cal.isWorkingDay('2027-01-31'), true); // a Sunday made a working day
    assert.equal(cal.isWorkingDay('2027-02-08'), false);
    assert.deepEqual(await dueDate(s.ctx, '2026-12-10', 20), { from: '2026-12-10', workingDays: 20, due: '2027-01-08', provisional: false });

    const [event] = await events('calendar.year_imported');
    assert.equal(event.actor_id, 1);
    assert.equal(event.agency_id, 7);
    assert.equal(event.subject_type, 'calendar_year');
    assert.equal(event.subject_id, '2027');
    assert.equal(event.ip, '192.0.2.10');
    assert.equal(event.summary.daysOff, 29);
    assert.equal(event.summary.makeUpWorkdays, 5);
    assert.equal(event.summary.source, FIXTURE_SOURCE);
    assert.deepEqual(await s.ctx.repos.audit.verify(), { ok: true, checked: await auditCount() });
  });

  test('the year schedule merges database days with their sources', async () => {
    const y = await yearSchedule(s.ctx, 2027);
    assert.equal(y.known, true);
    assert.equal(y.provisional, false);
    assert.equal(y.scheduleSource, FIXTURE_SOURCE);
    assert.match(y.loadedAt ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(y.daysOff.length, 29);
    assert.deepEqual(y.daysOff[0], { date: '2027-01-01', name: '元旦', source: FIXTURE_SOURCE, local: false });
    assert.deepEqual(y.makeUpWorkdays.map((d) => d.date), ['2027-01-31', '2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
    const b = await yearSchedule(s.ctx, 2025);
    assert.equal(b.scheduleSource, 'chinese-days');
    assert.equal(b.loadedAt, null);
    assert.equal(b.daysOff[0].source, 'chinese-days');
    const years = await knownYears(s.ctx);
    assert.deepEqual(years.at(-1), { year: 2027, source: FIXTURE_SOURCE, loadedAt: y.loadedAt });
    assert.equal(years[0].year, 2004);
    await assert.rejects(yearSchedule(s.ctx, 1899), ValidationError);
  });

  test('a local extra holiday shifts the deadline and is audited; it must fall on a working day', async () => {
    await assert.rejects(addLocalHoliday(s.ctx, clerk, { date: '2027-01-04', name: '地方节日' }), ForbiddenError);
    const day = await addLocalHoliday(s.ctx, admin, { date: '2027-01-04', name: '洪江市侗族芦笙节', basis: '洪政办发〔2026〕88号' });
    assert.deepEqual(day, { date: '2027-01-04', kind: 'off', name: '洪江市侗族芦笙节', source: '本地增设：洪政办发〔2026〕88号' });
    assert.deepEqual(await dueDate(s.ctx, '2026-12-10', 20), { from: '2026-12-10', workingDays: 20, due: '2027-01-11', provisional: false });
    const y = await yearSchedule(s.ctx, 2027);
    assert.deepEqual(y.daysOff.find((d) => d.date === '2027-01-04'), { date: '2027-01-04', name: '洪江市侗族芦笙节', source: '本地增设：洪政办发〔2026〕88号', local: true });
    const [event] = await events('calendar.local_holiday_added');
    assert.equal(event.subject_id, '2027-01-04');
    assert.deepEqual(event.summary, { date: '2027-01-04', name: '洪江市侗族芦笙节', basis: '洪政办发〔2026〕88号' });

    await assert.rejects(addLocalHoliday(s.ctx, admin, { date: '2027-01-04', name: '又一次' }), /已是休息日/);
    await assert.rejects(addLocalHoliday(s.ctx, admin, { date: '2027-02-08', name: '春节' }), (e: unknown) => e instanceof DomainError && /已是休息日（春节）/.test(e.message));
    await assert.rejects(addLocalHoliday(s.ctx, admin, { date: '2027-01-31', name: '地方节日' }), /调休上班日/);
    await assert.rejects(addLocalHoliday(s.ctx, admin, { date: '2027-01-09', name: '地方节日' }), /星期六，本来就不是工作日/);
    await assert.rejects(addLocalHoliday(s.ctx, admin, { date: '2027-02-30', name: '' }), (e: unknown) =>
      e instanceof ValidationError && e.fields?.date !== undefined && e.fields?.name !== undefined);
  });

  test('re-importing the year keeps local holidays; the ICS file gives the same schedule', async () => {
    const result = await importScheduleFile(s.ctx, sysadmin, { fileName: 'calendar-2027.ics', content: icsFixture, source: '国办发明电〔2026〕99号' });
    assert.deepEqual(result.keptLocal, ['2027-01-04']);
    assert.deepEqual(result.droppedLocal, []);
    assert.deepEqual(result.before, { known: true, source: FIXTURE_SOURCE, daysOff: 30, makeUpWorkdays: 5 });
    const y = await yearSchedule(s.ctx, 2027);
    assert.equal(y.scheduleSource, '国办发明电〔2026〕99号');
    assert.equal(y.daysOff.length, 30);
    assert.equal(y.daysOff.find((d) => d.date === '2027-01-04')?.local, true);
    assert.equal(y.daysOff.find((d) => d.date === '2027-04-05')?.name, '清明节');
    assert.equal((await dueDate(s.ctx, '2026-12-10', 20)).due, '2027-01-11');
  });

  test('a corrected schedule replaces the old one; a local holiday on a date it decides gives way', async () => {
    const corrected = JSON.stringify({ year: 2027, daysOff: [{ from: '2027-01-01', to: '2027-01-04', name: '元旦' }], makeUpWorkdays: [{ date: '2027-01-09', name: '元旦' }] });
    const result = await importConfirmedSchedule(s.ctx, admin, corrected, '更正通知');
    assert.deepEqual(result.droppedLocal, ['2027-01-04']);
    assert.deepEqual(result.keptLocal, []);
    const cal = await s.ctx.calendar();
    assert.equal(cal.isWorkingDay('2027-10-01'), true); // the old National Day break is gone
    assert.equal(cal.isWorkingDay('2027-01-09'), true);
    assert.equal(cal.override('2027-01-04')?.source, '更正通知');
    const y = await yearSchedule(s.ctx, 2027);
    assert.equal(y.daysOff.length, 4);
    assert.equal(y.daysOff.some((d) => d.local), false);
    assert.equal((await events('calendar.year_imported')).length, 3);
  });

  test('removeDay removes local holidays only', async () => {
    await addLocalHoliday(s.ctx, admin, { date: '2027-03-08', name: '地方节日' });
    assert.equal((await s.ctx.calendar()).isWorkingDay('2027-03-08'), false);
    await assert.rejects(removeDay(s.ctx, clerk, '2027-03-08'), ForbiddenError);
    const before = await auditCount();
    await assert.rejects(removeDay(s.ctx, agencyAdmin, '2027-03-08'), ForbiddenError);
    assert.equal(await auditCount(), before);
    assert.equal((await s.ctx.calendar()).isWorkingDay('2027-03-08'), false, 'the agency administrator removed nothing');
    await assert.rejects(removeDay(s.ctx, admin, '2027-01-02'), (e: unknown) => e instanceof DomainError && /属于国家节假日安排（更正通知）/.test(e.message));
    await assert.rejects(removeDay(s.ctx, admin, '2027-03-09'), NotFoundError);
    await assert.rejects(removeDay(s.ctx, admin, '2027-3-8'), ValidationError);
    await removeDay(s.ctx, admin, '2027-03-08');
    assert.equal((await s.ctx.calendar()).isWorkingDay('2027-03-08'), true);
    const [event] = await events('calendar.local_holiday_removed');
    assert.deepEqual(event.summary, { date: '2027-03-08', name: '地方节日', source: '本地增设' });
    assert.deepEqual(await s.ctx.repos.audit.verify(), { ok: true, checked: await auditCount() });
  });

  test('importing a built-in year replaces the built-in days of that year', async () => {
    assert.equal((await dueDate(s.ctx, '2025-09-26', 20)).due, '2025-10-30');
    const ics = readFileSync(new URL('../../node_modules/chinese-days/dist/holidays.ics', import.meta.url), 'utf8');
    // Re-importing the package's own 2025 changes nothing.
    const same = await importScheduleFile(s.ctx, admin, { fileName: 'holidays.ics', content: ics, year: 2025 });
    assert.equal(same.daysOff, 28);
    assert.equal((await dueDate(s.ctx, '2025-09-26', 20)).due, '2025-10-30');
    // A schedule without the National Day break: its days are working days again. (The command line
    // is a system actor, which keeps the calendar like a platform administrator.)
    await importYear(s.ctx, commandLine, { year: 2025, days: [{ date: '2025-01-01', kind: 'off', name: '元旦' }], source: '测试' });
    const byCommandLine = (await events('calendar.year_imported')).filter((e) => e.actor_label === '命令行（测试）');
    assert.deepEqual(byCommandLine.map((e) => [e.subject_id, e.actor_id]), [['2025', null]]);
    assert.deepEqual(await dueDate(s.ctx, '2025-09-26', 20), { from: '2025-09-26', workingDays: 20, due: '2025-10-24', provisional: false });
    assert.deepEqual((await yearSchedule(s.ctx, 2025)).daysOff.map((d) => d.date), ['2025-01-01']);
  });
});
