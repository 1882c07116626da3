import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, signedInBrowser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import type { Role } from '../../src/domain/roles.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
const userIds: Record<string, number> = {};

const jsonFixture = readFileSync(new URL('../fixtures/calendar-2027.json', import.meta.url));
const icsFixture = readFileSync(new URL('../fixtures/calendar-2027.ics', import.meta.url));

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'test-secret' });
  const now = ctx.now().toISOString();
  const agency = await ctx.repos.agencies.insert({
    code: 'hjjyj', name: '洪江市教育局', short_name: null, parent_id: null, credit_code: '11431281006109018N', address: '沅江路18号',
    postcode: '418100', office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '办公室', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now,
  });
  // admin: the platform administrator (who keeps the calendar); bureauadmin: an agency's administrator, who only looks.
  const users: [string, Role[], boolean][] = [['admin', ['admin'], true], ['bureauadmin', ['admin'], false], ['clerk', ['clerk'], false]];
  for (const [username, roles, isSysadmin] of users) {
    const u = await ctx.repos.users.insert({ username, displayName: username, passwordHash: 'not-used', agencyId: agency.id, departmentId: null, isSysadmin, roles }, ctx.now());
    userIds[username] = u.id;
  }
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

/** A browser signed in as `username` (a session row, as the login page would create). */
const signedIn = (username: string) => signedInBrowser(app, ctx, userIds[username], ctx.now());

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = `----gongkai${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`));
    chunks.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function upload(b: Browser, fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const { payload, contentType } = multipart(fields, file);
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({ method: 'POST', url: '/console/admin/calendar/upload', payload, headers: { cookie, 'content-type': contentType, accept: 'text/html' } });
}

const dueDate = (query: string) => app.inject({ method: 'GET', url: `/api/v1/calendar/due-date?${query}` });

describe('GET /api/v1/calendar/due-date', () => {
  test('the statutory examples: the start day is not counted', async () => {
    for (const [n, due] of [[7, '2025-10-13'], [20, '2025-10-30'], [40, '2025-11-27']] as const) {
      const res = await dueDate(`from=2025-09-26&workingDays=${n}`);
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /application\/json/);
      assert.deepEqual(res.json(), { from: '2025-09-26', workingDays: n, due, provisional: false });
    }
  });

  test('the bounds are accepted: 0 returns the start day, 1000 is answered', async () => {
    assert.deepEqual((await dueDate('from=2025-09-26&workingDays=0')).json(), { from: '2025-09-26', workingDays: 0, due: '2025-09-26', provisional: false });
    const far = await dueDate('from=2025-09-26&workingDays=1000');
    assert.equal(far.statusCode, 200);
    assert.equal(far.json().provisional, true);
    // Unrelated parameters are ignored.
    assert.equal((await dueDate('from=2025-09-26&workingDays=7&lang=en')).json().due, '2025-10-13');
  });

  const bad: [string, string][] = [
    ['', 'from'],
    ['from=2025-09-26', 'workingDays'],
    ['workingDays=7', 'from'],
    ['from=2025-02-30&workingDays=7', 'from'],
    ['from=2023-02-29&workingDays=7', 'from'],
    ['from=2025-2-3&workingDays=7', 'from'],
    ['from=20250926&workingDays=7', 'from'],
    ['from=2025-09-26T00:00:00Z&workingDays=7', 'from'],
    ['from=&workingDays=7', 'from'],
    ['from=abc&workingDays=7', 'from'],
    ['from=1899-12-31&workingDays=7', 'from'],
    ['from=9999-12-31&workingDays=7', 'from'],
    ['from=%00&workingDays=7', 'from'],
    [`from=${'9'.repeat(5000)}&workingDays=7`, 'from'],
    ['from=2025-09-26&from=2025-09-27&workingDays=7', 'from'],
    ['from=2025-09-26&workingDays=-1', 'workingDays'],
    ['from=2025-09-26&workingDays=7.5', 'workingDays'],
    ['from=2025-09-26&workingDays=1e2', 'workingDays'],
    ['from=2025-09-26&workingDays=0x10', 'workingDays'],
    ['from=2025-09-26&workingDays=1001', 'workingDays'],
    ['from=2025-09-26&workingDays=9999', 'workingDays'],
    ['from=2025-09-26&workingDays=99999999999999999999', 'workingDays'],
    ['from=2025-09-26&workingDays=', 'workingDays'],
    ['from=2025-09-26&workingDays=%207', 'workingDays'],
    ['from=2025-09-26&workingDays=abc', 'workingDays'],
    ['from=2025-09-26&workingDays=NaN', 'workingDays'],
    ['from=2025-09-26&workingDays=Infinity', 'workingDays'],
    ['from=2025-09-26&workingDays=7&workingDays=8', 'workingDays'],
    ['from[]=2025-09-26&workingDays=7', 'from'],
  ];
  for (const [query, field] of bad) {
    test(`400 for ?${query.slice(0, 60)}`, async () => {
      const res = await dueDate(query);
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.error, 'invalid_input');
      assert.match(body.message, /[\u4e00-\u9fff]/, 'a Chinese message');
      assert.ok(field in body.fields, `fields names ${field}: ${JSON.stringify(body.fields)}`);
      assert.match(body.fields[field], /[\u4e00-\u9fff]/);
    });
  }
});

describe('GET /api/v1/calendar/year/:year', () => {
  test('a built-in year lists its days with sources', async () => {
    const res = await app.inject('/api/v1/calendar/year/2025');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.year, 2025);
    assert.equal(body.known, true);
    assert.equal(body.provisional, false);
    assert.equal(body.scheduleSource, 'chinese-days');
    assert.equal(body.daysOff.length, 28);
    assert.deepEqual(body.daysOff[0], { date: '2025-01-01', name: '元旦', source: 'chinese-days', local: false });
    assert.deepEqual(body.makeUpWorkdays.map((d: { date: string }) => d.date), ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
  });

  for (const year of ['1899', '2201', 'abc', '20260', '-1', '2026.5', '0000', '%20202']) {
    test(`400 for year ${year}`, async () => {
      const res = await app.inject(`/api/v1/calendar/year/${year}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error, 'invalid_input');
      assert.ok('year' in res.json().fields);
    });
  }

  test('both endpoints are documented in the OpenAPI document; the calendar console routes are not', async () => {
    const doc = (await app.inject('/api/v1/openapi.json')).json();
    const dueDateOp = doc.paths['/api/v1/calendar/due-date'].get;
    assert.deepEqual(dueDateOp.parameters.map((p: { name: string }) => p.name).sort(), ['from', 'workingDays']);
    assert.ok(dueDateOp.responses['200'] && dueDateOp.responses['400']);
    assert.ok(doc.paths['/api/v1/calendar/year/{year}'].get);
    assert.equal(Object.keys(doc.paths).some((p) => p.startsWith('/console/admin/calendar')), false);
  });
});

describe('the administrators\' page and provisional → final', () => {
  test('a deadline into 2027 is provisional before the import', async () => {
    assert.deepEqual((await dueDate('from=2026-12-10&workingDays=20')).json(), { from: '2026-12-10', workingDays: 20, due: '2027-01-07', provisional: true });
    const year = (await app.inject('/api/v1/calendar/year/2027')).json();
    assert.equal(year.known, false);
    assert.equal(year.provisional, true);
  });

  test('a clerk gets a 403 page, a visitor is sent to sign in', async () => {
    const clerk = await signedIn('clerk');
    const res = await clerk.get('/console/admin/calendar');
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /<html/);
    assert.match(res.body, /没有执行此操作的权限/);
    // A valid CSRF pair borrowed from an admin's page, so that only the role decides.
    const admin = await signedIn('admin');
    const csrf = Browser.csrfFrom((await admin.get('/console/admin/calendar')).body);
    clerk.cookies.set('gk_csrf', admin.cookies.get('gk_csrf')!);
    const post = await clerk.post('/console/admin/calendar/local', { _csrf: csrf, date: '2027-03-08', name: '地方节日', basis: '' });
    assert.equal(post.statusCode, 403);
    assert.equal((await ctx.calendar()).isWorkingDay('2027-03-08'), true);
    const up = await upload(clerk, { _csrf: csrf }, { name: 'calendar-2027.json', content: jsonFixture });
    assert.equal(up.statusCode, 403);
    const anon = await app.inject({ url: '/console/admin/calendar', headers: { accept: 'text/html' } });
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/login\?next=/);
  });

  test('an agency administrator sees the calendar without its forms; every change is refused with a Chinese 403 and changes nothing', async () => {
    const platform = await signedIn('admin');
    const platformPage = await platform.get('/console/admin/calendar?year=2027');
    assert.match(platformPage.body, /action="\/console\/admin\/calendar\/upload"/);
    assert.match(platformPage.body, /action="\/console\/admin\/calendar\/local"/);
    assert.doesNotMatch(platformPage.body, /工作日历由平台管理员维护/);

    const b = await signedIn('bureauadmin');
    const page = await b.get('/console/admin/calendar?year=2027');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2027 年的节假日安排尚未载入/);
    assert.match(page.body, /由平台管理员导入/);
    assert.match(page.body, /工作日历由平台管理员维护，全平台各机关共用/);
    assert.doesNotMatch(page.body, /\/console\/admin\/calendar\/(upload|local|remove|import)/);
    assert.doesNotMatch(page.body, /enctype="multipart\/form-data"/);

    const auditBefore = (await ctx.repos.audit.list({}, 1, 1)).total;
    const csrf = Browser.csrfFrom(page.body);
    const refused = (res: { statusCode: number; body: string }, what: string) => {
      assert.equal(res.statusCode, 403, `${what}: ${res.body.slice(0, 300)}`);
      assert.match(res.body, /工作日历由平台管理员维护，全平台各机关共用，只有平台管理员可以/, what);
    };
    refused(await b.post('/console/admin/calendar/local', { _csrf: csrf, date: '2027-03-08', name: '地方节日', basis: '' }), 'local');
    refused(await upload(b, { _csrf: csrf }, { name: 'calendar-2027.json', content: jsonFixture }), 'upload');
    const schedule = JSON.stringify({ year: 2027, daysOff: [{ date: '2027-01-01', name: '元旦' }] });
    refused(await b.post('/console/admin/calendar/import', { _csrf: csrf, schedule, source: '国办发明电〔2026〕99号' }), 'import');
    // A local holiday the platform administrator added stays when the agency administrator tries to remove it.
    const added = await platform.submit('/console/admin/calendar?year=2027', '/console/admin/calendar/local', { date: '2027-03-09', name: '平台增设', basis: '' });
    assert.equal(added.statusCode, 303);
    const auditAfterAdd = (await ctx.repos.audit.list({}, 1, 1)).total;
    assert.equal(auditAfterAdd, auditBefore + 1);
    const withLocal = await b.get('/console/admin/calendar?year=2027');
    assert.match(withLocal.body, /平台增设/);
    assert.doesNotMatch(withLocal.body, /删除 2027-03-09 本地假日/, 'no remove button for the agency administrator');
    refused(await b.post('/console/admin/calendar/remove', { _csrf: csrf, date: '2027-03-09' }), 'remove');

    assert.equal((await ctx.repos.audit.list({}, 1, 1)).total, auditAfterAdd);
    const cal = await ctx.calendar();
    assert.equal(cal.isWorkingDay('2027-03-08'), true);
    assert.equal(cal.isWorkingDay('2027-03-09'), false);
    assert.equal(cal.isKnownYear(2027), false);
    assert.equal((await platform.submit('/console/admin/calendar?year=2027', '/console/admin/calendar/remove', { date: '2027-03-09' })).statusCode, 303);
    assert.equal((await ctx.calendar()).isWorkingDay('2027-03-09'), true);
  });

  test('the page shows a year, whether it is known, and its sources', async () => {
    const b = await signedIn('admin');
    const known = await b.get('/console/admin/calendar?year=2025');
    assert.equal(known.statusCode, 200);
    assert.match(known.body, /2025 年节假日安排/);
    assert.match(known.body, /已载入/);
    assert.match(known.body, /内置日历（chinese-days）/);
    assert.match(known.body, /2025-10-01 至 2025-10-05（5 天）/);
    const unknown = await b.get('/console/admin/calendar?year=2027');
    assert.match(unknown.body, /2027 年的节假日安排尚未载入/);
    assert.match(unknown.body, /enctype="multipart\/form-data"/);
    assert.equal((await b.get('/console/admin/calendar?year=abcd')).statusCode, 400);
    assert.equal((await b.get('/console/admin/calendar?year=3000')).statusCode, 400);
  });

  test('an upload without the CSRF token is refused', async () => {
    const b = await signedIn('admin');
    await b.get('/console/admin/calendar');
    const res = await upload(b, {}, { name: 'calendar-2027.json', content: jsonFixture });
    assert.equal(res.statusCode, 403);
    assert.equal((await ctx.repos.calendar.knownYears()).length, 0);
  });

  test('an invalid file is shown with its problems and nothing is stored', async () => {
    const b = await signedIn('admin');
    const csrf = Browser.csrfFrom((await b.get('/console/admin/calendar')).body);
    const badJson = JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', name: '春节' }], makeUpWorkdays: [{ date: '2027-02-08', name: '春节' }] });
    const res = await upload(b, { _csrf: csrf }, { name: 'bad.json', content: badJson });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /文件未导入/);
    assert.match(res.body, /daysOff 第 1 项：日期 &quot;2027-02-30&quot; 无效/);
    assert.match(res.body, /调休上班日 2027-02-08 是星期一/);
    const noFile = await upload(b, { _csrf: csrf });
    assert.equal(noFile.statusCode, 400);
    assert.match(noFile.body, /请选择要上传的 \.json 或 \.ics 文件/);
    const multiYear = await upload(b, { _csrf: csrf }, { name: 'holidays.ics', content: readFileSync(new URL('../../node_modules/chinese-days/dist/holidays.ics', import.meta.url)) });
    assert.match(multiYear.body, /文件包含 2024、2025、2026 年的日期，请指定要导入的年份/);
    const form = await b.post('/console/admin/calendar/upload', { _csrf: csrf });
    assert.equal(form.statusCode, 400);
    assert.equal((await ctx.repos.calendar.knownYears()).length, 0);
  });

  test('upload → preview → confirm makes 2027 final and moves the deadline', async () => {
    const b = await signedIn('admin');
    const csrf = Browser.csrfFrom((await b.get('/console/admin/calendar')).body);
    const preview = await upload(b, { _csrf: csrf, year: '', source: '' }, { name: 'calendar-2027.ics', content: icsFixture });
    assert.equal(preview.statusCode, 200, preview.body.slice(0, 500));
    assert.match(preview.body, /确认导入 2027 年节假日安排/);
    assert.match(preview.body, /2027-02-05 至 2027-02-13（9 天）/);
    assert.match(preview.body, /尚未保存/);
    // Nothing is stored by the preview.
    assert.equal((await dueDate('from=2026-12-10&workingDays=20')).json().provisional, true);

    const schedule = /name="schedule" value="([^"]*)"/.exec(preview.body)![1].replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const confirm = await b.post('/console/admin/calendar/import', { _csrf: Browser.csrfFrom(preview.body), schedule, source: '国办发明电〔2026〕99号' });
    assert.equal(confirm.statusCode, 303);
    assert.equal(confirm.headers.location, '/console/admin/calendar?year=2027&done=imported');

    assert.deepEqual((await dueDate('from=2026-12-10&workingDays=20')).json(), { from: '2026-12-10', workingDays: 20, due: '2027-01-08', provisional: false });
    const year = (await app.inject('/api/v1/calendar/year/2027')).json();
    assert.equal(year.known, true);
    assert.equal(year.scheduleSource, '国办发明电〔2026〕99号');
    assert.equal(year.daysOff.length, 29);
    assert.equal(year.daysOff[0].source, '国办发明电〔2026〕99号');
    const page = await b.get('/console/admin/calendar?year=2027&done=imported');
    assert.match(page.body, /已导入该年度的节假日安排/);
    assert.match(page.body, /国办发明电〔2026〕99号/);
    const [event] = (await ctx.repos.audit.list({ action: 'calendar.year_imported' }, 1, 10)).items;
    assert.equal(event.actor_id, userIds.admin);
  });

  test('a tampered confirmation is checked again in full', async () => {
    const b = await signedIn('admin');
    const csrf = Browser.csrfFrom((await b.get('/console/admin/calendar')).body);
    const res = await b.post('/console/admin/calendar/import', { _csrf: csrf, schedule: '{"year":2027,"daysOff":[{"date":"2027-13-01","name":"x"}]}', source: '伪造' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /2027-13-01/);
    assert.equal((await app.inject('/api/v1/calendar/year/2027')).json().scheduleSource, '国办发明电〔2026〕99号');
  });

  test('a local extra holiday: added, shown, shifts the API answer, removed', async () => {
    const b = await signedIn('admin');
    const added = await b.submit('/console/admin/calendar', '/console/admin/calendar/local', { date: '2027-01-04', name: '洪江市侗族芦笙节', basis: '洪政办发〔2026〕88号' });
    assert.equal(added.statusCode, 303);
    assert.equal(added.headers.location, '/console/admin/calendar?year=2027&done=added');
    assert.equal((await dueDate('from=2026-12-10&workingDays=20')).json().due, '2027-01-11');
    const page = await b.get('/console/admin/calendar?year=2027');
    assert.match(page.body, /洪江市侗族芦笙节/);
    assert.match(page.body, /洪政办发〔2026〕88号/);
    const local = (await app.inject('/api/v1/calendar/year/2027')).json().daysOff.find((d: { date: string }) => d.date === '2027-01-04');
    assert.deepEqual(local, { date: '2027-01-04', name: '洪江市侗族芦笙节', source: '本地增设：洪政办发〔2026〕88号', local: true });

    const refused = await b.submit('/console/admin/calendar', '/console/admin/calendar/local', { date: '2027-01-09', name: '地方节日', basis: '' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /星期六，本来就不是工作日/);
    const invalid = await b.submit('/console/admin/calendar', '/console/admin/calendar/local', { date: '2027-02-30', name: '', basis: '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /应为 YYYY-MM-DD 格式的真实日期/);
    assert.match(invalid.body, /请填写假日名称/);

    const removed = await b.submit('/console/admin/calendar?year=2027', '/console/admin/calendar/remove', { date: '2027-01-04' });
    assert.equal(removed.statusCode, 303);
    assert.equal((await dueDate('from=2026-12-10&workingDays=20')).json().due, '2027-01-08');
    const official = await b.submit('/console/admin/calendar?year=2027', '/console/admin/calendar/remove', { date: '2027-01-01' });
    assert.equal(official.statusCode, 409);
    assert.match(official.body, /请重新导入该年度的安排/);
  });
});
