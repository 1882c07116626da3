import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { DEMO_PLANTED_AUTUMN } from '../../src/demo/privacy.ts';
import { residentId } from '../integration/applications-fixture.ts';
import { privacyCommand } from '../../src/cli/privacy.ts';
import { registerDocument, submitDocument } from '../../src/services/document.service.ts';
import type { Actor } from '../../src/services/actor.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;

async function signIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD, next: '/console' });
  assert.equal(res.statusCode, 303, `sign-in of ${username}: ${res.body.slice(0, 300)}`);
  return b;
}

async function staff(username: string): Promise<Actor> {
  const u = await ctx.repos.users.byUsername(username);
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
}

async function docId(title: string): Promise<number> {
  const bureau = (await ctx.repos.agencies.byCode('hjjyj'))!;
  const docs = await ctx.repos.documents.all({ agencyIds: [bureau.id], text: title });
  assert.equal(docs.length, 1, title);
  return docs[0].id;
}

/** The hidden inputs of the form with class `cls` on a page, decoded. */
function hiddenFields(html: string, cls: string): Record<string, string> {
  const form = html.slice(html.indexOf(`class="${cls}"`));
  const out: Record<string, string> = {};
  for (const m of form.slice(0, form.indexOf('</form>')).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    out[m[1]] = m[2].replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  }
  return out;
}

const AUTUMN = '洪江市2025年秋季学期家庭经济困难学生生活补助名单公示';
const SPRING = '2026年春季学期普通高中国家助学金拟资助学生名单公示';

// A database file (not :memory:) so that the command line can open it too.
const dir = mkdtempSync(path.join(os.tmpdir(), 'gk-privacy-http-'));
const dbFile = path.join(dir, 'privacy.sqlite');
const storageDir = path.join(dir, 'files');

before(async () => {
  const db = openDb({ dialect: 'sqlite', file: dbFile });
  await migrateToLatest(db);
  drop = async () => { await db.close(); rmSync(dir, { recursive: true, force: true }); };
  ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'privacy-test', publicRateLimit: 0, loginRateLimit: 0, storageDir });
  await loadDemo(ctx);
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('the sweep over the demo site', () => {
  test('lists exactly the planted findings, by agency, and no false ones; a supervisor cannot withdraw, the office can', async () => {
    const supervisor = await signIn('supervisor');
    let page = await supervisor.get('/console/privacy');
    assert.equal(page.statusCode, 200);
    const res = await supervisor.post('/console/privacy/sweep', { _csrf: Browser.csrfFrom(page.body) });
    assert.equal(res.statusCode, 303);
    page = await supervisor.get(String(res.headers.location));
    assert.match(page.body, /已重新检查全部已发布信息。 共检查 \d+ 份已发布的文件。/);
    const html = page.body;
    // One agency, one document: the aid list published before the guard.
    assert.equal(html.match(/<article class="privacy-doc">/g)?.length, 1);
    assert.match(html, new RegExp(`<h2 id="agency-\\d+">洪江市教育局<span class="count">（个人信息 ${DEMO_PLANTED_AUTUMN.ids + DEMO_PLANTED_AUTUMN.phones} 处）`));
    assert.ok(html.includes(AUTUMN));
    assert.equal(html.match(/单元格D\d+：居民身份证号码/g)?.length, DEMO_PLANTED_AUTUMN.ids);
    assert.equal(html.match(/单元格E\d+：手机号码/g)?.length, DEMO_PLANTED_AUTUMN.phones);
    assert.doesNotMatch(html, /431281\d{11}[\dX]/, 'no ID number in full on the page');
    assert.doesNotMatch(html, /action="\/console\/privacy\/documents\/\d+\/withdraw"/);

    // The command line sees the same.
    const lines: string[] = [];
    process.env.GONGKAI_STORAGE_DIR = storageDir;
    const code = await privacyCommand(['sweep', '--agency', 'hjs', '--db', `sqlite:${dbFile}`], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    assert.equal(code, 2, lines.join('\n'));
    assert.match(lines[0], new RegExp(`发现个人信息 ${DEMO_PLANTED_AUTUMN.ids + DEMO_PLANTED_AUTUMN.phones} 处，无法自动检查的附件 0 个`));
    assert.match(lines.join('\n'), /附件“2025年秋季学期资助名单\.xlsx”工作表“资助名单”单元格D2：居民身份证号码 431281\*{8}\d{3}[\dX]/);
    assert.equal(lines.filter((l) => /^  \[\d+\]/.test(l)).length, 1);
  });

  test('a supervisor rescans one of the bureau\'s documents from its page (the service decides, the scan is the supervisor\'s)', async () => {
    const supervisor = await signIn('supervisor');
    const id = await docId(AUTUMN);
    const page = await supervisor.get(`/console/privacy/documents/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`action="/console/privacy/documents/${id}/rescan"`));
    const before = (await ctx.repos.privacy.findings.scanOf(id))!.scanned_at;
    const res = await supervisor.post(`/console/privacy/documents/${id}/rescan`, { _csrf: Browser.csrfFrom(page.body) });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/console/privacy/documents/${id}?done=rescanned`);
    assert.match((await supervisor.get(String(res.headers.location))).body, /已重新检查。/);
    assert.notEqual((await ctx.repos.privacy.findings.scanOf(id))!.scanned_at, before, 'scanned again');
    const missing = await supervisor.post('/console/privacy/documents/2000000000/rescan', { _csrf: Browser.csrfFrom(page.body) });
    assert.equal(missing.statusCode, 404);
  });

  test('the office withdraws the document with a reason; it leaves the list and the public site', async () => {
    const office = await signIn('office');
    const page = await office.get('/console/privacy');
    const id = await docId(AUTUMN);
    assert.match(page.body, new RegExp(`action="/console/privacy/documents/${id}/withdraw"`));
    const res = await office.post(`/console/privacy/documents/${id}/withdraw`, { _csrf: Browser.csrfFrom(page.body), reason: '附件含有学生身份证号码和监护人电话，撤回处理后重新发布' });
    assert.equal(res.statusCode, 303);
    const after = await office.get('/console/privacy?done=withdrawn');
    assert.match(after.body, /文件已撤回。/);
    assert.match(after.body, /已发布的信息中未发现个人信息。/);
    const row = (await ctx.repos.documents.byId(id))!;
    assert.equal(row.state, 'withdrawn');
    assert.equal(row.withdraw_reason, '附件含有学生身份证号码和监护人电话，撤回处理后重新发布');
    const pub = await app.inject({ url: `/gk/hjjyj/doc/${id}`, headers: { accept: 'text/html' } });
    assert.doesNotMatch(pub.body, /2025年秋季学期资助名单\.xlsx/);
  });

  test('a clerk may not see the list', async () => {
    const clerk = await signIn('clerk');
    assert.equal((await clerk.get('/console/privacy')).statusCode, 403);
  });
});

describe('the review gate in the console', () => {
  test('approval is refused naming the table cell; the reviewer makes the masked copy; then it passes', async () => {
    const reviewer = await signIn('reviewer');
    const id = await docId(SPRING);
    let page = await reviewer.get(`/console/privacy/documents/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /待处理 6 项/);
    assert.match(page.body, /附件“国家助学金拟资助名单\.docx”表格1第2行第4列/);
    assert.match(page.body, /不得完整公开：请删除或生成遮盖副本/);
    // No reason form for ID numbers.
    assert.doesNotMatch(page.body, /findings\/\d+\/justify/);

    const docPage = await reviewer.get(`/console/documents/${id}`);
    assert.match(docPage.body, new RegExp(`<a href="/console/privacy/documents/${id}">个人信息检查</a>`));
    const refused = await reviewer.post(`/console/documents/${id}/actions/approve`, { _csrf: Browser.csrfFrom(docPage.body), reason: '' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /不能审核通过或发布：附件“国家助学金拟资助名单\.docx”表格1第2行第4列有居民身份证号码 431281\*{8}/);

    const attachment = (await ctx.repos.attachments.forDocument(id))[0];
    const masked = await reviewer.post(`/console/privacy/documents/${id}/attachments/${attachment.id}/mask`, { _csrf: Browser.csrfFrom(page.body) });
    assert.equal(masked.statusCode, 303);
    page = await reviewer.get(String(masked.headers.location));
    assert.match(page.body, /已生成遮盖副本并替换原附件/);
    assert.match(page.body, /未发现个人信息。/);
    assert.match(page.body, /国家助学金拟资助名单\.docx<\/a>（遮盖 6 处/);
    const approved = await reviewer.post(`/console/documents/${id}/actions/approve`, { _csrf: Browser.csrfFrom(docPage.body), reason: '' });
    assert.equal(approved.statusCode, 303);

    // The withheld original is for staff only.
    const withheld = (await ctx.repos.privacy.withheld.forDocument(id))[0];
    const download = await reviewer.get(`/console/privacy/documents/${id}/withheld/${withheld.id}`);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /attachment/);
    const anonymous = await app.inject({ url: `/console/privacy/documents/${id}/withheld/${withheld.id}`, headers: { accept: 'text/html' } });
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/login/);
  });

  test('a reason is recorded per finding with a form; a short reason is refused on the page', async () => {
    const clerk = await staff('clerk');
    const doc = await registerDocument(ctx, clerk, {
      title: '2026年义务教育阶段课后服务联系人公示', createdOn: '2026-01-05', category: '政策文件', genre: '公告', disclosure: 'proactive',
      bodyHtml: '<p>联系人：刘老师，手机13974569876。</p>',
    });
    await submitDocument(ctx, clerk, doc.id);
    const id = doc.id;

    const reviewer = await signIn('reviewer');
    const page = await reviewer.get(`/console/privacy/documents/${id}`);
    const action = page.body.match(/action="(\/console\/privacy\/documents\/\d+\/findings\/\d+\/justify)"/)![1];
    const short = await reviewer.post(action, { _csrf: Browser.csrfFrom(page.body), reason: '可' });
    assert.equal(short.statusCode, 400);
    assert.match(short.body, /理由至少 4 个字/);
    const ok = await reviewer.post(action, { _csrf: Browser.csrfFrom(page.body), reason: '课后服务联系人工作手机，本人同意公开' });
    assert.equal(ok.statusCode, 303);
    const after = await reviewer.get(String(ok.headers.location));
    assert.match(after.body, /理由：课后服务联系人工作手机，本人同意公开（赵审核/);
    assert.match(after.body, /全部已说明理由/);
  });
});

describe('answers before applications', () => {

  test('the API returns matching published documents with a redirecting link', async () => {
    const res = await app.inject({ url: `/api/v1/suggestions?agency=hjjyj&form=apply&q=${encodeURIComponent('义务教育招生入学工作')}` });
    assert.equal(res.statusCode, 200);
    const body = res.json() as { token: string; items: { title: string; href: string; kind: string }[] };
    assert.ok(body.items.length > 0 && body.items.length <= 5);
    assert.match(body.items[0].title, /招生/);
    assert.match(body.items[0].href, new RegExp(`^/gk/hjjyj/suggest/document-\\d+\\?s=${body.token}$`));
    const open = await app.inject({ url: body.items[0].href });
    assert.equal(open.statusCode, 303);
    assert.match(String(open.headers.location), /^\/gk\/hjjyj\/doc\/\d+$/);
    const row = await ctx.repos.privacy.suggestions.byToken(body.token);
    assert.ok(row?.opened_at);
    assert.equal((await app.inject({ url: '/api/v1/suggestions?agency=hjjyj&q=x&form=nope' })).statusCode, 400);
    assert.equal((await app.inject({ url: '/gk/hjjyj/suggest/document-999999' })).statusCode, 404);
    assert.equal((await app.inject({ url: `/gk/hjjyj/suggest/${encodeURIComponent('//evil.example')}` })).statusCode, 404);
  });

  test('the application form carries the suggestion box and the script; without JavaScript the confirmation page shows the matches first', async () => {
    const b = new Browser(app);
    const form = await b.get('/gk/hjjyj/apply');
    assert.match(form.body, /<div class="suggest-box" hidden aria-live="polite" data-suggest-agency="hjjyj" data-suggest-form="apply" data-suggest-inputs="description" data-title="这是否是您要找的信息？"/);
    assert.match(form.body, /<script src="\/static\/suggest.js\?v=[0-9a-f]+" defer><\/script>/);
    const nonce = form.body.match(/name="nonce" value="([^"]+)"/)![1];
    const fields = {
      _csrf: Browser.csrfFrom(form.body), nonce, kind: 'person', orgType: '', name: '赵子龙', idType: 'resident_id', idNumber: residentId('19920315', '218'),
      phone: '13712345678', email: '', address: '', description: '申请公开2026年义务教育招生入学工作的通知', format: 'electronic', delivery: 'online', suggestion: '', suggest_done: '',
    };
    const confirm = await b.post('/gk/hjjyj/apply', fields);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /<h1>这是否是您要找的信息？<\/h1>/);
    assert.match(confirm.body, /href="\/gk\/hjjyj\/suggest\/document-\d+\?s=[\w-]+" target="_blank" rel="noopener">[^<]*招生/);
    assert.equal(await ctx.repos.applications.byIdempotencyKey(`form:${nonce}`), undefined, 'nothing submitted yet');
    const hidden = hiddenFields(confirm.body, 'suggest-confirm');
    assert.equal(hidden.description, fields.description);
    assert.equal(hidden.idNumber, fields.idNumber);
    assert.equal(hidden.suggest_done, '1');
    assert.match(hidden.suggestion, /^[\w-]{16}$/);
    const submitted = await b.post('/gk/hjjyj/apply', hidden);
    assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 400));
    assert.match(String(submitted.headers.location), /^\/gk\/hjjyj\/apply\/receipt\?c=/);
    const s = (await ctx.repos.privacy.suggestions.byToken(hidden.suggestion))!;
    assert.equal(s.followed_kind, 'application');
    assert.ok(s.followed_id);
  });

  test('a description that matches nothing goes straight through', async () => {
    const b = new Browser(app);
    const form = await b.get('/gk/hjjyj/apply');
    const res = await b.post('/gk/hjjyj/apply', {
      _csrf: Browser.csrfFrom(form.body), nonce: form.body.match(/name="nonce" value="([^"]+)"/)![1], kind: 'person', orgType: '', name: '钱多多', idType: 'resident_id',
      idNumber: residentId('19850101', '011'), phone: '13712340000', email: '', address: '', description: '申请公开某某水库1998年的防洪调度记录', format: 'electronic', delivery: 'online',
    });
    assert.equal(res.statusCode, 303);
  });

  test('the question form has the box too, and its confirmation step, in English as well', async () => {
    const b = new Browser(app);
    const form = await b.get('/gk/hjjyj/ask/new');
    assert.match(form.body, /data-suggest-inputs="ask-subject ask-body"/);
    const confirm = await b.post('/gk/hjjyj/ask?lang=en', {
      _csrf: Browser.csrfFrom(form.body), category: 'enrolment', subject: '义务教育招生入学', body: '孩子今年上一年级，招生入学工作什么时候开始？', name: '王女士', phone: '13712349999', email: '', keepPrivate: '',
    });
    assert.equal(confirm.statusCode, 200, confirm.body.slice(0, 300));
    assert.match(confirm.body, /<h1>Is this what you are looking for\?<\/h1>/);
    assert.match(confirm.body, /No, submit my question/);
    assert.match(confirm.body, /name="suggest_done" value="1"/);
  });

  test('the office sees suggestions and deflection per month, and the timing figures', async () => {
    const office = await signIn('office');
    const page = await office.get('/console/privacy/suggestions');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /建议与分流（\d{4}年）/);
    const timing = await office.get('/console/privacy/timing?year=2025');
    assert.equal(timing.statusCode, 200);
    assert.match(timing.body, /答复用时（2025年）/);
    assert.match(timing.body, /<th scope="row">洪江市教育局<\/th>/);
    // The annual report's prose draft carries the same figures (the demo generates the 2025 draft).
    const bureau = (await ctx.repos.agencies.byCode('hjjyj'))!;
    const drafts = await ctx.db.kysely.selectFrom('annual_reports').select(['overview']).where('agency_id', '=', bureau.id).where('year', '=', 2025).execute();
    assert.ok(drafts.some((d) => /答复用时：2025年自收到申请至首次回应/.test(d.overview)), 'the draft of section 一 has the timing paragraph');
    const dash = await office.get('/console');
    assert.match(dash.body, /个人信息检查与答复用时/);
    assert.match(dash.body, /已发布信息中待处理的个人信息/);
    const js = await app.inject({ url: '/static/suggest.js' });
    assert.equal(js.statusCode, 200);
    assert.match(js.body, /\/api\/v1\/suggestions\?agency=/);
  });
});
