import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ loginRateLimit: 10_000, publicRateLimit: 0 })); });
after(() => close());

const page = (url: string) => app.inject({ url: encodeURI(url), headers: { accept: 'text/html' } });
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const text = (html: string) => html.replace(/<[^>]+>/g, '');

async function signedIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  return b;
}

/** A multipart form post with the CSRF token of `formPage` and one file. */
async function upload(b: Browser, formPage: string, action: string, file: { name: string; type: string; data: Buffer }) {
  const csrf = Browser.csrfFrom((await b.get(formPage)).body);
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n`),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST', url: action, payload: body,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' },
  });
}

test('the education entrance links every public page of the area', async () => {
  const res = await page('/gk/hjjyj/education');
  assert.equal(res.statusCode, 200);
  for (const path of ['/education/enrolment', '/education/schools', '/education/recruitment', '/education/statistics', '/education/powers', '/education/monthly', '/education/fees', '/ask', '/consultations']) {
    assert.match(res.body, new RegExp(`href="/gk/hjjyj${path}"`), path);
  }
  assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1);
});

test('a parent finds the schools serving a community (also in Traditional), with the schedule; a shared community shows both schools', async () => {
  const res = await page('/gk/hjjyj/education/enrolment?q=沅江社区');
  assert.equal(res.statusCode, 200);
  const main = text(mainOf(res.body));
  assert.match(main, /对应 3 所学校/);
  assert.ok(main.indexOf('黔城镇第一完全小学') < main.indexOf('黔城镇第二完全小学'));
  assert.match(main, /洪江市实验中学/);
  assert.match(main, /多校划片/);
  assert.match(main, /网上报名/);
  assert.match(res.body, /<time datetime="2026-07-01">2026年7月1日<\/time>/);
  // The year's documents link to the catalog by index number and land on the document's page.
  const docHref = /<a href="(\/gk\/hjjyj\/education\/doc\?index=[^"]+)" class="doc-link">/.exec(res.body)![1].replace(/&amp;/g, '&');
  const redirect = await app.inject({ url: docHref, headers: { accept: 'text/html' } });
  assert.equal(redirect.statusCode, 302);
  assert.match(String(redirect.headers.location), /^\/gk\/hjjyj\/doc\/\d+$/);
  assert.match((await page(String(redirect.headers.location))).body, /洪江市2026年义务教育学校招生范围公告/);
  assert.equal((await page('/gk/hjjyj/education/doc?index=nosuch')).statusCode, 404);

  const tw = await page('/gk/hjjyj/education/enrolment?q=沅江社區&lang=zh-TW');
  assert.equal(tw.statusCode, 200);
  const twMain = text(mainOf(tw.body));
  assert.match(twMain, /黔城鎮第一完全小學/);
  assert.match(twMain, /黔城鎮第二完全小學/);
  assert.match(twMain, /網上報名/);

  const en = await page('/gk/hjjyj/education/enrolment?q=沅江路13号&lang=en');
  assert.match(en.body, /<h1>Enrolment zones and schedule<\/h1>/);
  // The odd number goes to the first primary school only; the junior school serves the whole street.
  assert.match(en.body, /2 school\(s\) serve/);
  assert.match(text(mainOf(en.body)), /黔城镇第一完全小学/);
  assert.doesNotMatch(text(mainOf(en.body)), /黔城镇第二完全小学/);
  assert.match(text(mainOf(en.body)), /洪江市实验中学/);
});

test('an unknown place answers honestly; a malformed year is a 400, an unpublished one a 404', async () => {
  const res = await page('/gk/hjjyj/education/enrolment?q=火星社区');
  assert.match(text(mainOf(res.body)), /未找到“火星社区”对应的招生片区/);
  assert.equal((await page('/gk/hjjyj/education/enrolment?year=abc')).statusCode, 400);
  assert.equal((await page('/gk/hjjyj/education/enrolment?year=2031')).statusCode, 404);
  assert.equal((await page('/gk/hjjyj/education/enrolment/2031/zones')).statusCode, 404);
});

test('GET /api/v1/enrolment/lookup answers JSON with schools, matches and the schedule', async () => {
  const res = await app.inject({ url: `/api/v1/enrolment/lookup?agency=hjjyj&year=2026&q=${encodeURIComponent('沅江社區')}` });
  assert.equal(res.statusCode, 200);
  const body = res.json();
  assert.equal(body.year, 2026);
  assert.deepEqual(body.results.map((r: { school: { name: string } }) => r.school.name), ['黔城镇第一完全小学', '黔城镇第二完全小学', '洪江市实验中学']);
  assert.equal(body.results[0].matches[0].match, 'exact');
  assert.equal(body.schedule[1].title, '网上报名');
  assert.equal(body.schedule[1].startsOn, '2026-07-01');
  // The answer carries exactly the documented fields, at every level (it is written without zod).
  const keys = (o: object) => Object.keys(o).sort().join(',');
  assert.equal(keys(body), 'agency,documents,query,results,schedule,tooShort,year,years');
  assert.equal(keys(body.agency), 'code,name');
  assert.equal(keys(body.results[0]), 'matches,plan,school');
  assert.equal(keys(body.results[0].school), 'address,level,levelLabel,name,ownership,phone,town,website');
  assert.equal(keys(body.results[0].matches[0]), 'area,match,note');
  assert.ok(body.results.some((r: { plan: object | null }) => r.plan), 'a school with an enrolment plan');
  for (const r of body.results) if (r.plan) assert.equal(keys(r.plan), 'classes,note,places');
  assert.equal(keys(body.schedule[1]), 'description,documentRef,documentUrl,endsOn,level,startsOn,title');
  assert.ok(body.documents.length > 0);
  assert.equal(keys(body.documents[0]), 'indexNumber,label,url');
  const bad = await app.inject({ url: '/api/v1/enrolment/lookup?agency=../x&q=a' });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error, 'invalid_input');
  const unknown = await app.inject({ url: '/api/v1/enrolment/lookup?agency=nosuch&q=abc' });
  assert.equal(unknown.statusCode, 404);
});

test('the full zone list and the school directory render in all three languages', async () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    for (const url of ['/gk/hjjyj/education/enrolment/2026/zones', '/gk/hjjyj/education/schools', '/gk/hjjyj/education']) {
      const res = await page(`${url}?lang=${lang}`);
      assert.equal(res.statusCode, 200, `${url} ${lang}`);
      assert.match(res.body, new RegExp(`<html lang="${lang}"`));
    }
  }
  const dir = await page('/gk/hjjyj/education/schools');
  assert.equal((text(mainOf(dir.body)).match(/湖南省洪江市/g) ?? []).length, 40);
});

test('staff import zones from CSV: every wrong row listed and nothing imported; a good file replaces the year', async () => {
  const b = await signedIn('clerk');
  const bad = Buffer.from('学校名称,招生范围,备注\n黔城镇第一完全小学,沅江社区,\n无此学校,长坡村,\n', 'utf8');
  const res = await upload(b, '/console/education/enrolment/2026', '/console/education/enrolment/2026/import', { name: 'zones.csv', type: 'text/csv', data: bad });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /第3行：学校“无此学校”不在学校名录中/);
  assert.match(res.body, /未导入任何数据/);
  assert.equal((await page('/gk/hjjyj/education/enrolment?q=沅江路13号')).body.includes('黔城镇第一完全小学'), true, 'ranges still there');

  const good = Buffer.from('学校名称,招生范围,备注\n黔城镇第一完全小学,"沅江社区、沅江路1-99号（单号）",\n黔城镇第二完全小学,沅江社区,多校划片\n', 'utf8');
  const ok = await upload(b, '/console/education/enrolment/2026', '/console/education/enrolment/2026/import', { name: 'zones.csv', type: 'text/csv', data: good });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/console/education/enrolment/2026?done=imported');
  const after = text(mainOf((await page('/gk/hjjyj/education/enrolment?q=沅江社区')).body));
  assert.match(after, /对应 2 所学校/);

  const noToken = await app.inject({ method: 'POST', url: '/console/education/enrolment/2026/import', payload: '--x--\r\n', headers: { 'content-type': 'multipart/form-data; boundary=x', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' } });
  assert.equal(noToken.statusCode, 403);
});

test('staff forms: errors re-render with the values; a reviewer may not edit schools; the public is sent to sign in', async () => {
  const b = await signedIn('clerk');
  const res = await b.submit('/console/education/schools', '/console/education/schools', { name: '', level: 'primary', ownership: 'public', website: 'ftp://x', town: '黔城镇' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /请填写学校名称/);
  assert.match(res.body, /网址应以 http:\/\/ 或 https:\/\/ 开头/);
  assert.match(res.body, /value="黔城镇"/);
  const created = await b.submit('/console/education/schools', '/console/education/schools', { name: '黔城镇第四完全小学', level: 'primary', ownership: 'public', town: '黔城镇' });
  assert.equal(created.statusCode, 303);
  assert.match(String(created.headers.location), /^\/console\/education\/schools\/\d+\?done=created$/);

  const reviewer = await signedIn('reviewer');
  const denied = await reviewer.submit('/console', '/console/education/schools', { name: '某小学', level: 'primary', ownership: 'public' });
  assert.equal(denied.statusCode, 403);
  const anon = await page('/console/education/schools');
  assert.equal(anon.statusCode, 303);
  assert.match(String(anon.headers.location), /^\/login\?next=/);
});

/** The cells of the table with this id, row by row, as text. */
function tableCells(html: string, id: string): string[][] {
  const start = html.indexOf(`id="${id}"`);
  const table = html.slice(start, html.indexOf('</table>', start));
  return [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => text(c[1])));
}

function parseCsv(csv: string): string[][] {
  assert.ok(csv.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
  return csv.slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
}

test('statistics 2016: the demo figures, a chart readable without JavaScript, and a CSV equal to the page table', async () => {
  const res = await page('/gk/hjjyj/education/statistics/2016');
  assert.equal(res.statusCode, 200);
  const cells = tableCells(res.body, 'stats-table');
  assert.deepEqual(cells[cells.length - 1], ['合计', '41', '34222', '2998']);
  assert.match(res.body, /<svg [^>]*role="img" aria-labelledby="chart-2016-title chart-2016-desc"/);
  assert.match(res.body, /<desc id="chart-2016-desc">共 34,222 人/);
  assert.doesNotMatch(res.body, /<script/);
  const csv = await app.inject({ url: '/gk/hjjyj/education/statistics/2016.csv' });
  assert.equal(csv.statusCode, 200);
  assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
  assert.deepEqual(parseCsv(csv.body), cells);

  const en = await page('/gk/hjjyj/education/statistics/2016?lang=en');
  const enCsv = await app.inject({ url: '/gk/hjjyj/education/statistics/2016.csv?lang=en' });
  assert.deepEqual(parseCsv(enCsv.body), tableCells(en.body, 'stats-table'));
  assert.match(en.body, /href="\/gk\/hjjyj\/education\/statistics\/2016.csv\?lang=en"/);

  const json = await app.inject({ url: '/gk/hjjyj/education/statistics/2016.json' });
  assert.equal(json.statusCode, 200);
  assert.deepEqual(json.json().total, { schools: 41, pupils: 34222, teachers: 2998 });
  assert.equal(json.json().levels[0].label, '小学');
});

test('statistics over the years: 2016–2025 with a trend chart; the all-years CSV equals its table; unknown years are 404', async () => {
  const res = await page('/gk/hjjyj/education/statistics');
  assert.equal(res.statusCode, 200);
  const cells = tableCells(res.body, 'trend-table');
  assert.deepEqual(cells.slice(1).map((r) => r[0]), ['2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
  assert.match(res.body, /<polyline /);
  const csv = await app.inject({ url: '/gk/hjjyj/education/statistics/all.csv' });
  assert.deepEqual(parseCsv(csv.body), cells);
  const tw = await page('/gk/hjjyj/education/statistics/2020?lang=zh-TW');
  assert.equal(tw.statusCode, 200);
  assert.match(tw.body, /在校學生數/);
  assert.equal((await page('/gk/hjjyj/education/statistics/2030')).statusCode, 404);
  assert.equal((await page('/gk/hjjyj/education/statistics/2030.csv')).statusCode, 404);
  assert.equal((await page('/gk/hjjyj/education/statistics/latest')).statusCode, 400);
});

test('staff correct a year\'s statistics and the page and CSV follow', async () => {
  const b = await signedIn('clerk');
  const form = await b.get('/console/education/statistics?year=2025');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="primary.pupils" type="text" inputmode="numeric" size="8" value="\d+"/);
  const bad = await b.submit('/console/education/statistics?year=2025', '/console/education/statistics', { year: '2025', 'primary.schools': '16', 'primary.pupils': '一万', 'primary.teachers': '1200' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /小学：在校学生数应为非负整数/);
  const ok = await b.submit('/console/education/statistics?year=2025', '/console/education/statistics', { year: '2025', 'primary.schools': '16', 'primary.pupils': '15000', 'primary.teachers': '1200' });
  assert.equal(ok.statusCode, 303);
  const csv = parseCsv((await app.inject({ url: '/gk/hjjyj/education/statistics/2025.csv' })).body);
  assert.deepEqual(csv.slice(1), [['小学', '16', '15000', '1200'], ['合计', '16', '15000', '1200']]);
});

test('power list: the current version, the change log, an old version and a readable diff, in three languages', async () => {
  const cur = await page('/gk/hjjyj/education/powers');
  assert.equal(cur.statusCode, 200);
  assert.match(text(mainOf(cur.body)), /第 2 版/);
  assert.match(cur.body, /对校外培训机构的监督检查/);
  assert.doesNotMatch(cur.body, /校车使用许可（审查）/);
  const log = await page('/gk/hjjyj/education/powers/versions');
  assert.match(text(mainOf(log.body)), /新增 1 项，取消 1 项，调整 2 项/);
  assert.match(log.body, /href="\/gk\/hjjyj\/education\/powers\/diff\?from=1&amp;to=2"/);
  const v1 = await page('/gk/hjjyj/education/powers/versions/1');
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /校车使用许可（审查）/);
  assert.match(text(mainOf(v1.body)), /这是历史版本，已被第 2 版取代/);
  const diff = await page('/gk/hjjyj/education/powers/diff?from=1&to=2');
  assert.equal(diff.statusCode, 200);
  assert.match(diff.body, /<ins><span class="visually-hidden">［新增：<\/span>；《湖南省教师资格认定实施办法》第五条<span class="visually-hidden">］<\/span><\/ins>/);
  assert.match(diff.body, /<del>XK-003 校车使用许可（审查）/);
  for (const lang of ['zh-TW', 'en']) {
    for (const url of ['/gk/hjjyj/education/powers', '/gk/hjjyj/education/powers/versions', '/gk/hjjyj/education/powers/versions/1', '/gk/hjjyj/education/powers/diff?from=1&to=2']) {
      const res = await page(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
      assert.equal(res.statusCode, 200, `${url} ${lang}`);
    }
  }
  assert.equal((await page('/gk/hjjyj/education/powers/versions/9')).statusCode, 404);
  assert.equal((await page('/gk/hjjyj/education/powers/diff?from=1')).statusCode, 400);
});

test('power list: staff change an item and publish version 3; version 2 stays viewable', async () => {
  const b = await signedIn('clerk');
  assert.equal((await b.submit('/console/education/powers', '/console/education/powers/draft', {})).statusCode, 303);
  const again = await b.submit('/console/education/powers', '/console/education/powers/draft', {});
  assert.equal(again.statusCode, 409);
  assert.match(again.body, /已有一个未发布的新版本草稿/);
  const console1 = await b.get('/console/education/powers');
  const m = /href="\/console\/education\/powers\/items\/(\d+)">家庭经济困难学生资助</.exec(console1.body);
  assert.ok(m);
  const edit = await b.get(`/console/education/powers/items/${m[1]}`);
  const fields = Object.fromEntries([...edit.body.matchAll(/name="(\w+)"[^>]*value="([^"]*)"/g)].map((x) => [x[1], x[2]]));
  const saved = await b.submit(`/console/education/powers/items/${m[1]}`, `/console/education/powers/items/${m[1]}`, {
    ...fields, type: 'benefit', legalBasis: '《中华人民共和国义务教育法》第四十四条', responsibilities: '公布资助政策', accountability: '截留挪用资助资金的',
  });
  assert.equal(saved.statusCode, 303);
  const noReason = await b.submit('/console/education/powers', '/console/education/powers/publish', { reason: '', effectiveOn: '2026-01-10' });
  assert.equal(noReason.statusCode, 400);
  assert.match(noReason.body, /请填写调整原因/);
  const published = await b.submit('/console/education/powers', '/console/education/powers/publish', { reason: '资助政策依据调整', effectiveOn: '2026-01-10' });
  assert.equal(published.statusCode, 303);
  assert.match(text(mainOf((await page('/gk/hjjyj/education/powers')).body)), /第 3 版/);
  const v2 = await page('/gk/hjjyj/education/powers/versions/2');
  assert.match(v2.body, /学生资助资金管理办法/);
  const diff = await page('/gk/hjjyj/education/powers/diff?from=2&to=3');
  assert.match(diff.body, /<del><span class="visually-hidden">［删除：<\/span>；《学生资助资金管理办法》<span class="visually-hidden">］<\/span><\/del>/);
});

test('teacher recruitment: current round and archive, quotas with total, procedure timeline, results with the publicity end date', async () => {
  const list = await page('/gk/hjjyj/education/recruitment');
  assert.equal(list.statusCode, 200);
  const main = mainOf(list.body);
  const current = main.slice(main.indexOf('id="rec-current"'), main.indexOf('id="rec-archive"'));
  const archive = main.slice(main.indexOf('id="rec-archive"'));
  assert.match(current, /2026年洪江市公开招聘农村义务教育阶段学校教师公告/);
  assert.match(archive, /2025年洪江市公开招聘农村义务教育阶段学校教师公告/);
  const id = /href="\/gk\/hjjyj\/education\/recruitment\/(\d+)">2026年/.exec(current)![1];
  const detail = await page(`/gk/hjjyj/education/recruitment/${id}`);
  assert.equal(detail.statusCode, 200);
  const d = text(mainOf(detail.body));
  assert.match(d, /岗位计划（共 7 人）/);
  assert.match(d, /报名/);
  assert.match(detail.body, /<time datetime="2026-08-24">2026年8月24日<\/time>/);
  assert.match(d, /吴欣然/);
  for (const lang of ['zh-TW', 'en']) {
    assert.equal((await page(`/gk/hjjyj/education/recruitment?lang=${lang}`)).statusCode, 200);
    assert.equal((await page(`/gk/hjjyj/education/recruitment/${id}?lang=${lang}`)).statusCode, 200);
  }
  const en = await page(`/gk/hjjyj/education/recruitment/${id}?lang=en`);
  assert.match(en.body, /Posts \(7 in all\)/);
});

test('teacher recruitment: staff create and publish a posting; an empty quota list is refused', async () => {
  const b = await signedIn('clerk2');
  const created = await b.submit('/console/education/recruitment', '/console/education/recruitment', {
    year: '2027', title: '2027年春季公开招聘教师公告', quotasText: '', 'registration.startsOn': '2027-03-01', 'registration.endsOn': '2027-03-07',
  });
  assert.equal(created.statusCode, 303);
  const base = String(created.headers.location).replace(/\?.*$/, '');
  const refused = await b.submit(base, `${base}/publish`, {});
  assert.equal(refused.statusCode, 409);
  assert.match(refused.body, /请先填写岗位计划/);
  const page1 = await b.get(base);
  assert.match(page1.body, /name="registration.startsOn" type="date" value="2027-03-01"/);
  const saved = await b.submit(base, base, { year: '2027', title: '2027年春季公开招聘教师公告', quotasText: '雪峰中学｜数学｜1｜', 'registration.startsOn': '2027-03-01', 'registration.endsOn': '2027-03-07' });
  assert.equal(saved.statusCode, 303);
  assert.equal((await b.submit(base, `${base}/publish`, {})).statusCode, 303);
  const id = base.split('/').pop();
  assert.equal((await page(`/gk/hjjyj/education/recruitment/${id}`)).statusCode, 200);
});

test('monthly work: a year view of twelve months and a month page with problems, rectification and rewards', async () => {
  const year = await page('/gk/hjjyj/education/monthly?year=2025');
  assert.equal(year.statusCode, 200);
  const rows = (mainOf(year.body).match(/href="\/gk\/hjjyj\/education\/monthly\/2025-\d\d"/g) ?? []);
  assert.equal(rows.length, 12);
  const july = await page('/gk/hjjyj/education/monthly/2025-07');
  assert.equal(july.statusCode, 200);
  const t = text(mainOf(july.body));
  assert.match(t, /延期/);
  assert.match(t, /工期延误约20天/);
  assert.match(t, /表彰2024—2025学年度优秀教师28名/);
  for (const lang of ['zh-TW', 'en']) {
    assert.equal((await page(`/gk/hjjyj/education/monthly?year=2025&lang=${lang}`)).statusCode, 200);
    assert.equal((await page(`/gk/hjjyj/education/monthly/2025-07?lang=${lang}`)).statusCode, 200);
  }
  assert.equal((await page('/gk/hjjyj/education/monthly/2025-13')).statusCode, 400);
  assert.equal((await page('/gk/hjjyj/education/monthly/2031-01')).statusCode, 404);
});

test('monthly work: staff add an item to a new month and publish it', async () => {
  const b = await signedIn('clerk');
  const open = await b.get('/console/education/monthly/open?month=2026-01');
  assert.equal(open.statusCode, 303);
  const added = await b.submit('/console/education/monthly/2026-01', '/console/education/monthly/2026-01/items', { title: '寒假安全教育', department: '教育督导室', status: 'done', progress: '全市学校开展寒假安全教育' });
  assert.equal(added.statusCode, 303);
  assert.equal((await b.submit('/console/education/monthly/2026-01', '/console/education/monthly/2026-01/publish', {})).statusCode, 303);
  assert.match(text(mainOf((await page('/gk/hjjyj/education/monthly/2026-01')).body)), /寒假安全教育/);
});

test('education fees: items in force with their basis and approval, and expired ones apart', async () => {
  const res = await page('/gk/hjjyj/education/fees');
  assert.equal(res.statusCode, 200);
  const main = mainOf(res.body);
  const inForce = main.slice(0, main.indexOf('id="fees-other"'));
  const other = main.slice(main.indexOf('id="fees-other"'));
  assert.match(inForce, /1200元\/生·学期/);
  assert.match(inForce, /湘发改价费〔2023〕316号/);
  assert.match(other, /800元\/生·学期/);
  for (const lang of ['zh-TW', 'en']) assert.equal((await page(`/gk/hjjyj/education/fees?lang=${lang}`)).statusCode, 200);
});

test('public comment: an open and a concluded draft; moderated comments without names; feedback with 采纳情况 and the final document', async () => {
  const list = await page('/gk/hjjyj/consultations');
  assert.equal(list.statusCode, 200);
  const main = mainOf(list.body);
  const open = main.slice(main.indexOf('id="c-open"'), main.indexOf('id="c-done"'));
  const done = main.slice(main.indexOf('id="c-done"'));
  const openId = /href="\/gk\/hjjyj\/consultations\/(\d+)">洪江市城区义务教育学校学区划分调整方案/.exec(open)![1];
  const doneId = /href="\/gk\/hjjyj\/consultations\/(\d+)">洪江市义务教育阶段学校课后服务管理办法/.exec(done)![1];

  const concluded = await page(`/gk/hjjyj/consultations/${doneId}`);
  const c = text(mainOf(concluded.body));
  assert.match(c, /共收到意见 4 条，其中采纳 2 条、部分采纳 1 条、未采纳 1 条/);
  assert.match(c, /公众意见（3）/);
  for (const secret of ['杨女士', '13900001111', 'li@example.com', '13711112222', '我家孩子的老师布置作业太多']) assert.ok(!concluded.body.includes(secret), secret);
  assert.doesNotMatch(concluded.body, /name="body"/, 'no comment form after the period');

  const visitor = new Browser(app);
  const before = text(mainOf((await visitor.get(`/gk/hjjyj/consultations/${openId}`)).body));
  assert.match(before, /公众意见（1）/);
  const posted = await visitor.submit(`/gk/hjjyj/consultations/${openId}`, `/gk/hjjyj/consultations/${openId}/comments`, { body: '建议在新城社区设置校车停靠点。', name: '何先生', contact: '13600001234' });
  assert.equal(posted.statusCode, 201);
  assert.match(posted.body, /感谢您的意见/);
  assert.match(text(mainOf(posted.body)), /公众意见（1）/, 'shown only after moderation');
  const bad = await visitor.submit(`/gk/hjjyj/consultations/${openId}`, `/gk/hjjyj/consultations/${openId}/comments`, { body: '短' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /请填写意见建议/);
  // The concluded draft has no comment form: the token comes from the open one's.
  const closedPost = await visitor.submit(`/gk/hjjyj/consultations/${openId}`, `/gk/hjjyj/consultations/${doneId}/comments`, { body: '截止后提交的意见内容' });
  assert.equal(closedPost.statusCode, 409);

  const office = await signedIn('office');
  const con = await office.get(`/console/consultations/${openId}`);
  assert.match(con.body, /何先生/);
  const commentId = [...con.body.matchAll(/action="\/console\/consultations\/comments\/(\d+)\/moderate"/g)].map((m) => m[1]).pop()!;
  const approved = await office.submit(`/console/consultations/${openId}`, `/console/consultations/comments/${commentId}/moderate`, { decision: 'approve', publicBody: '建议在新城社区设置校车停靠点。' });
  assert.equal(approved.statusCode, 303);
  const afterPage = await page(`/gk/hjjyj/consultations/${openId}`);
  assert.match(text(mainOf(afterPage.body)), /公众意见（2）/);
  assert.ok(!afterPage.body.includes('何先生') && !afterPage.body.includes('13600001234'));

  for (const lang of ['zh-TW', 'en']) {
    for (const url of ['/gk/hjjyj/consultations', `/gk/hjjyj/consultations/${openId}`, `/gk/hjjyj/consultations/${doneId}`]) {
      assert.equal((await page(`${url}?lang=${lang}`)).statusCode, 200, `${url} ${lang}`);
    }
  }
});
