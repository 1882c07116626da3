// 我为政府网站找错 and the inspection console over HTTP (SQLite, demo data): the footer link on public
// pages, the form with the page filled in, CSRF, field errors in the reader's language, the rate
// limit, the console list with deadlines and the reply, the public statistics; the health page,
// a run on demand, the league table, settings, the text check and the monthly report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, demoApp, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { chinaDateOf } from '../../src/domain/dates.ts';
import { formatDate } from '../../src/web/format.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ loginRateLimit: 10_000, publicRateLimit: 0 }, async (c) => {
  // No external requests from these tests, whatever a run is asked to do.
  await c.repos.settings.set('inspection.external_links', '0');
})); });
after(() => close());

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

async function signedIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 303);
  return b;
}

test('every portal page links to the form, with its own address; the form fills it in, and only addresses of this site', async () => {
  for (const url of ['/gk/hjjyj', '/gk/hjjyj/guide', '/gk/hjjyj/catalog?category=zcwj', '/gk/hjs/apply']) {
    const res = await app.inject({ url, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200, url);
    const code = url.split('/')[2];
    const link = decode(res.body).match(/href="(\/gk\/[a-z]+\/report-error\?page=[^"]+)">我为政府网站找错</);
    assert.ok(link, `footer link on ${url}`);
    assert.equal(link[1], `/gk/${code}/report-error?page=${encodeURIComponent(url)}`);
    const form = await app.inject({ url: link[1], headers: { accept: 'text/html' } });
    assert.equal(form.statusCode, 200);
    assert.equal(decode(form.body).match(/name="pageUrl" type="text" value(?:="([^"]*)")?/)?.[1], url);
  }
  const foreign = await app.inject({ url: '/gk/hjjyj/report-error?page=https%3A%2F%2Fevil.example%2Fx', headers: { accept: 'text/html' } });
  assert.equal(foreign.body.match(/name="pageUrl" type="text" value(?:="([^"]*)")?/)?.[1] ?? '', '');
});

test('the form in three languages; errors in the reader’s language; no CSRF token → 403', async () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    const res = await app.inject({ url: `/gk/hjjyj/report-error?lang=${lang}`, headers: { accept: 'text/html' } });
    assert.equal(res.statusCode, 200);
    assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1);
  }
  const tw = await app.inject({ url: '/gk/hjjyj/report-error?lang=zh-TW', headers: { accept: 'text/html' } });
  assert.match(mainOf(tw.body), /我為政府網站找錯/);
  const en = new Browser(app);
  const bad = await en.submit('/gk/hjjyj/report-error?lang=en', '/gk/hjjyj/report-error?lang=en', { pageUrl: 'https://evil.example/x', description: 'bad', contact: '' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /Enter the address of a page on this site/);
  assert.match(bad.body, /Describe the error \(5 to 1,000 characters\)/);
  assert.match(bad.body, /aria-invalid="true"/);
  const zh = new Browser(app);
  const badZh = await zh.submit('/gk/hjjyj/report-error', '/gk/hjjyj/report-error', { pageUrl: '/gk/hjjyj/guide', description: '短', contact: '' });
  assert.equal(badZh.statusCode, 400);
  assert.match(badZh.body, /请描述发现的错误（至少 5 个字）/);
  assert.ok(badZh.body.includes('value="/gk/hjjyj/guide"'), 'values kept');
  const noToken = await new Browser(app).post('/gk/hjjyj/report-error', { pageUrl: '/gk/hjjyj/guide', description: '页面有一处错别字。', contact: '' });
  assert.equal(noToken.statusCode, 403);
});

test('a report from the public: receipt with the deadline, the console list with it, the reply, then the public statistics', async () => {
  const before = await app.inject({ url: '/gk/hjjyj/report-error/stats', headers: { accept: 'text/html' } });
  const repliedBefore = Number(mainOf(before.body).match(/已答复：<strong>(\d+)<\/strong>/)![1]);
  const pub = new Browser(app);
  const res = await pub.submit('/gk/hjjyj/report-error?page=%2Fgk%2Fhjjyj%2Fguide', '/gk/hjjyj/report-error', {
    pageUrl: '/gk/hjjyj/guide', description: '办公时间写成了“上午8:00—12:00，下午14:30—17:30”，与公告不一致。', contact: '13700000000',
  });
  assert.equal(res.statusCode, 201);
  const today = chinaDateOf(ctx.now());
  const due = (await ctx.calendar()).addWorkingDays(today, 3).date;
  assert.ok(res.body.includes(formatDate(due)), 'receipt shows the deadline');

  const clerk = await signedIn('clerk');
  assert.equal((await clerk.get('/console/error-reports')).statusCode, 403);

  const office = await signedIn('office');
  const list = await office.get('/console/error-reports');
  assert.equal(list.statusCode, 200);
  const row = mainOf(list.body).split('<tr>').find((r) => r.includes('办公时间写成了'))!;
  assert.ok(row, 'listed');
  assert.ok(row.includes(formatDate(due)), 'deadline listed');
  assert.match(row, /剩余 \d 个工作日|今日到期/);
  const id = Number(row.match(/href="\/console\/error-reports\/(\d+)"/)![1]);
  const detail = await office.get(`/console/error-reports/${id}`);
  assert.ok(detail.body.includes('13700000000'), 'the handler sees the contact');

  const empty = await office.submit(`/console/error-reports/${id}`, `/console/error-reports/${id}/reply`, { reply: '  ' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请填写答复内容/);
  const replied = await office.submit(`/console/error-reports/${id}`, `/console/error-reports/${id}/reply`, { reply: '已核实更正，感谢指正。' });
  assert.equal(replied.statusCode, 303);
  assert.match((await office.get(`/console/error-reports/${id}?done=replied`)).body, /已核实更正，感谢指正。/);

  const after = await app.inject({ url: '/gk/hjjyj/report-error/stats', headers: { accept: 'text/html' } });
  const body = mainOf(after.body);
  assert.equal(Number(body.match(/已答复：<strong>(\d+)<\/strong>/)![1]), repliedBefore + 1);
  assert.ok(!body.includes('办公时间写成了') && !body.includes('13700000000'), 'no content or contact on the public page');
  const en = await app.inject({ url: '/gk/hjjyj/report-error/stats?lang=en', headers: { accept: 'text/html' } });
  assert.match(mainOf(en.body), /Answered in time/);
});

test('public submissions are rate-limited per address', async () => {
  const fresh = await freshDb('sqlite');
  const limited = createServiceContext(fresh.db, { ...configFromEnv({}), publicRateLimit: 2 });
  await limited.repos.agencies.insert({
    code: 'rl', name: '限流测试局', short_name: null, parent_id: null, credit_code: '11431281MB1234567X', address: '', postcode: '', office_hours: '', phone: '',
    fax: '', email: '', website: '', office_name: '', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: new Date().toISOString(),
  });
  const limitedApp = await testApp(limited);
  try {
    const b = new Browser(limitedApp);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await b.submit('/gk/rl/report-error', '/gk/rl/report-error', { pageUrl: '/gk/rl', description: `第${i + 1}次提交：页面有错。`, contact: '' })).statusCode);
    assert.deepEqual(statuses, [201, 201, 429]);
  } finally {
    await limitedApp.close();
    await fresh.drop();
  }
});

test('inspection console: health page, run on demand, settings with errors re-rendered, text check, report download; roles respected', async () => {
  const office = await signedIn('office');
  const page = await office.get('/console/inspection');
  assert.equal(page.statusCode, 200);
  const main = mainOf(page.body);
  assert.match(main, /预计结果：<span class="result result-fail">不合格<\/span>/);
  assert.match(main, /优先整改/);
  assert.match(main, /保录取/);
  assert.match(main, /<svg [^>]*role="img"/);
  assert.match(main, /href="\/console\/documents\/\d+"/);

  const run = await office.submit('/console/inspection', '/console/inspection/run', { agency: 'hjjyj' });
  assert.equal(run.statusCode, 303);
  assert.equal(run.headers.location, '/console/inspection?done=ran');

  const bad = await office.submit('/console/inspection/settings', '/console/inspection/settings/columns', { name: '', kind: 'other', periodValue: '0', periodUnit: 'month' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请填写栏目名称/);
  assert.match(bad.body, /请至少选择一个主题分类、专题或体裁/);
  const added = await office.post('/console/inspection/settings/columns', { _csrf: Browser.csrfFrom(bad.body), name: '人事信息', kind: 'other', periodValue: '12', periodUnit: 'month', categories: ['rsxx'], topics: ['jszp'] });
  assert.equal(added.statusCode, 303);
  assert.match(mainOf((await office.get('/console/inspection/settings')).body), /人事信息/);

  const checked = await office.submit('/console/inspection/check-text', '/console/inspection/check-text', { title: '洪江市教育委員會通知', body: '承诺保录取。' });
  assert.equal(checked.statusCode, 200);
  assert.match(mainOf(checked.body), /“洪江市教育委員會”应为“洪江市教育局”/);
  assert.match(mainOf(checked.body), /含禁用或敏感表述“保录取”/);

  const month = chinaDateOf(ctx.now()).slice(0, 7);
  const docx = await office.get(`/console/inspection/report.docx?month=${month}`);
  assert.equal(docx.statusCode, 200);
  assert.match(String(docx.headers['content-type']), /wordprocessingml/);
  assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
  assert.equal((await office.get('/console/inspection/league')).statusCode, 403);

  const clerk = await signedIn('clerk');
  assert.equal((await clerk.get('/console/inspection')).statusCode, 403);
  assert.equal((await clerk.get('/console/inspection/settings')).statusCode, 403);
});

test('supervisor: league table with the predicted result, another agency’s health page, the circular', async () => {
  const sup = await signedIn('supervisor');
  const league = await sup.get('/console/inspection/league');
  assert.equal(league.statusCode, 200);
  const main = mainOf(league.body);
  assert.match(main, /洪江市教育局/);
  assert.match(main, /洪江市人民政府/);
  assert.match(main, /class="result result-(pass|fail)"/);
  const ran = await sup.submit('/console/inspection/league', '/console/inspection/run-all', {});
  assert.equal(ran.statusCode, 303);
  const bureau = await sup.get('/console/inspection/agencies/hjjyj');
  assert.equal(bureau.statusCode, 200);
  assert.ok(!mainOf(bureau.body).includes('检查设置'), 'a supervisor does not configure another agency');
  const docx = await sup.get(`/console/inspection/report.docx?month=${chinaDateOf(ctx.now()).slice(0, 7)}&scope=supervised`);
  assert.equal(docx.statusCode, 200);
  const office = await signedIn('office');
  assert.equal((await office.get('/console/inspection/agencies/hjs')).statusCode, 404);
});
