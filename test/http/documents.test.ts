import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import type { Actor } from '../../src/services/actor.ts';
import { chinaDateOf } from '../../src/domain/dates.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
const today = chinaDateOf(new Date());

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

async function categoryId(code: string): Promise<string> {
  const bureau = await ctx.repos.agencies.byCode('hjjyj');
  return String((await ctx.repos.taxonomy.list('category', [bureau!.id])).find((c) => c.code === code)!.id);
}

const form = async (over: Record<string, string | string[]> = {}) => ({
  title: '洪江市教育局关于做好2026年寒假安全工作的通知', docNumber: '洪教发〔2026〕40号', createdOn: today, category: await categoryId('zcwj'),
  genre: '通知', keywords: '寒假 安全', summary: '部署寒假期间学生安全教育。', body: '各中小学：\n请做好寒假安全教育工作。',
  disclosure: 'proactive', validity: 'valid', art20Class: 'none', intent: 'register', ...over,
});

/** A multipart body with the CSRF field first, then one file. */
function multipart(csrf: string, file: { name: string; filename: string; type: string; data: Buffer }, extra: Record<string, string> = {}) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries({ _csrf: csrf, ...extra })) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(b: Browser, url: string, page: string, file: { name?: string; filename: string; type: string; data: Buffer }) {
  const csrf = Browser.csrfFrom((await b.get(page)).body);
  const mp = multipart(csrf, { name: 'file', ...file });
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  return app.inject({ method: 'POST', url, payload: mp.payload, headers: { ...mp.headers, cookie, accept: 'text/html' } });
}

/** A one-page PDF with a text layer (so the privacy check can read it). */
function makePdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 20 100 Td (${text}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
const PDF = makePdf('Enrolment zones 2026 zonelist');

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'documents-test', publicRateLimit: 0, loginRateLimit: 0, storageDir: '/tmp/gongkai-test-files' });
  await loadDemo(ctx);
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('console: register, review, publish', () => {
  test('a clerk registers; a reviewer approves; the office publishes — then it is public; before, nowhere', async () => {
    const clerk = await signIn('clerk');
    const page = await clerk.get('/console/documents/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /登记并分配索引号/);
    const res = await clerk.post('/console/documents', { _csrf: Browser.csrfFrom(page.body), ...(await form({ title: '洪江市2026年寒假安全工作通知（测试）' })) });
    assert.equal(res.statusCode, 303);
    const url = String(res.headers.location).replace(/\?.*$/, '');
    const id = Number(url.split('/').pop());
    const mine = await clerk.get(`${url}?done=registered`);
    assert.match(mine.body, /已登记，索引号已分配/);
    assert.match(mine.body, /11431281006109018N\/2026-\d{5}/);
    assert.match(mine.body, /提交审核/);
    assert.doesNotMatch(mine.body, />审核通过</, 'only the actions the user may take are shown');
    assert.match(mine.body, /<p>请做好寒假安全教育工作。<\/p>/, 'plain text became paragraphs');

    const isPublic = async () => {
      const [catalog, feed, sitemap, api, docPage] = await Promise.all([
        app.inject({ url: '/gk/hjjyj/catalog', headers: { accept: 'text/html' } }), app.inject('/gk/hjjyj/feeds/zcwj.atom'), app.inject('/sitemap.xml'),
        app.inject(`/api/v1/documents?q=${encodeURIComponent('寒假安全工作通知')}`), app.inject({ url: `/gk/hjjyj/doc/${id}`, headers: { accept: 'text/html' } }),
      ]);
      const found = [catalog.body.includes('寒假安全工作通知（测试）'), feed.body.includes('寒假安全工作通知（测试）'), sitemap.body.includes(`/gk/hjjyj/doc/${id}<`),
        api.body.includes('寒假安全工作通知（测试）'), docPage.statusCode === 200];
      return found;
    };
    assert.deepEqual(await isPublic(), [false, false, false, false, false]);

    const submitted = await clerk.submit(url, `/console/documents/${id}/actions/submit`, {});
    assert.equal(submitted.statusCode, 303);

    // The author cannot approve even by posting the form directly.
    const selfApprove = await clerk.submit(url, `/console/documents/${id}/actions/approve`, {});
    assert.equal(selfApprove.statusCode, 403);
    assert.match(selfApprove.body, /没有审核通过该文件的权限/);

    const reviewer = await signIn('reviewer');
    const queue = await reviewer.get('/console/documents/review');
    assert.match(queue.body, /寒假安全工作通知（测试）/);
    const rpage = await reviewer.get(url);
    assert.match(rpage.body, />审核通过</);
    assert.match(rpage.body, />退回</);
    assert.equal((await reviewer.submit(url, `/console/documents/${id}/actions/approve`, { reason: '已完成保密审查' })).statusCode, 303);
    assert.deepEqual(await isPublic(), [false, false, false, false, false], 'approved is not yet public');

    const office = await signIn('office');
    assert.match((await office.get('/console/documents/publish')).body, /寒假安全工作通知（测试）/);
    assert.equal((await office.submit(url, `/console/documents/${id}/actions/publish`, { publishOn: '' })).statusCode, 303);
    assert.deepEqual(await isPublic(), [true, true, true, true, true]);

    const history = await office.get(url);
    for (const step of ['登记', '提交审核', '审核通过', '发布']) assert.match(history.body, new RegExp(`<td>${step}</td>`));
    assert.match(history.body, /意见：已完成保密审查/);
  });

  test('a return needs a reason; the returned document shows it to the clerk', async () => {
    const clerk = await signIn('clerk');
    const page = await clerk.get('/console/documents/new');
    const res = await clerk.post('/console/documents', { _csrf: Browser.csrfFrom(page.body), ...(await form({ title: '待退回的测试文件' })) });
    const url = String(res.headers.location).replace(/\?.*$/, '');
    const id = url.split('/').pop();
    await clerk.submit(url, `/console/documents/${id}/actions/submit`, {});
    const reviewer = await signIn('reviewer');
    const noReason = await reviewer.submit(url, `/console/documents/${id}/actions/return`, { reason: '  ' });
    assert.equal(noReason.statusCode, 400);
    assert.match(noReason.body, /退回时须填写理由/);
    assert.equal((await reviewer.submit(url, `/console/documents/${id}/actions/return`, { reason: '缺少成文日期依据' })).statusCode, 303);
    const mine = await clerk.get('/console/documents');
    assert.match(mine.body, /退回理由：缺少成文日期依据/);
    const doc = await clerk.get(url);
    assert.match(doc.body, /已退回。理由：缺少成文日期依据/);
    assert.match(doc.body, /修改登记信息/);
  });

  test('bad input re-renders the form with Chinese field errors and keeps the values', async () => {
    const clerk = await signIn('clerk');
    const page = await clerk.get('/console/documents/new');
    const res = await clerk.post('/console/documents', { _csrf: Browser.csrfFrom(page.body), ...(await form({ title: '', createdOn: '2026-13-01', genre: '', disclosure: 'withheld', keywords: '保留的关键词' })) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /请填写标题/);
    assert.match(res.body, /成文日期应为 YYYY-MM-DD 格式的有效日期/);
    assert.match(res.body, /请选择体裁/);
    assert.match(res.body, /须选择不公开的依据/);
    assert.match(res.body, /value="保留的关键词"/);
  });

  test('pages need a signed-in user with the role; other agencies\' documents are not found', async () => {
    const anon = new Browser(app);
    const res = await anon.get('/console/documents/new');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/login/);
    const reviewer = await signIn('reviewer');
    assert.equal((await reviewer.get('/console/documents/new')).statusCode, 403);
    const city = await ctx.repos.agencies.byCode('hjs');
    const cityDoc = (await ctx.repos.documents.all({ agencyIds: [city!.id] }))[0];
    const clerk = await signIn('clerk');
    assert.equal((await clerk.get(`/console/documents/${cityDoc.id}`)).statusCode, 404);
    // The supervisor above reads the bureau's documents.
    const supervisor = await signIn('supervisor');
    assert.match((await supervisor.get('/console/documents/all')).body, /洪江市教育局/);
  });

  test('Art. 26 monitor lists overdue and due-soon documents by department', async () => {
    const office = await signIn('office');
    const res = await office.get('/console/documents/due');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /第二十六条/);
    assert.match(res.body, /已超期/);
    assert.match(res.body, /<h2 id="dept-\d+">人事股<\/h2>/);
    assert.match(res.body, /教师资格认定公告/);
  });
});

describe('XSS payloads are inert', () => {
  test('script and onerror in title and body render as text on every page', async () => {
    const office = await signIn('office');
    const page = await office.get('/console/documents/new');
    const title = '<script>alert("t")</script><img src=x onerror=alert(1)>招生通知';
    const res = await office.post('/console/documents', {
      _csrf: Browser.csrfFrom(page.body),
      ...(await form({ title, summary: '"><script>alert(2)</script>', keywords: '" onmouseover="alert(3)', body: '<p>正文<img src=x onerror=alert(4)><script>alert(5)</script><a href="javascript:alert(6)" onclick="alert(7)">链接</a><svg onload=alert(8)></svg></p>' })),
    });
    assert.equal(res.statusCode, 303);
    const url = String(res.headers.location).replace(/\?.*$/, '');
    const id = Number(url.split('/').pop());
    const actor = await staff('office');
    const { transitionDocument } = await import('../../src/services/document.service.ts');
    await transitionDocument(ctx, actor, id, 'submit');
    await transitionDocument(ctx, await staff('reviewer'), id, 'approve');
    await transitionDocument(ctx, actor, id, 'publish');
    const pages = [
      (await office.get(url)).body,
      (await app.inject({ url: `/gk/hjjyj/doc/${id}`, headers: { accept: 'text/html' } })).body,
      (await app.inject({ url: `/gk/hjjyj/doc/${id}/print`, headers: { accept: 'text/html' } })).body,
      (await app.inject({ url: '/gk/hjjyj/catalog', headers: { accept: 'text/html' } })).body,
      (await app.inject({ url: `/gk/hjjyj/search?q=${encodeURIComponent('招生通知')}`, headers: { accept: 'text/html' } })).body,
      (await office.get('/console/documents/all')).body,
      (await app.inject('/gk/hjjyj/feed.atom')).body,
    ];
    for (const [i, body] of pages.entries()) {
      assert.ok(!/<script>alert/i.test(body), `page ${i}: live <script>`);
      assert.ok(!/<img[^>]*onerror/i.test(body), `page ${i}: live onerror`);
      assert.ok(!/<svg/i.test(body), `page ${i}: svg`);
      assert.ok(!/href="javascript:/i.test(body), `page ${i}: javascript: link`);
      assert.ok(!/ onmouseover="alert/i.test(body), `page ${i}: attribute break-out`);
      assert.ok(!/onclick="alert/i.test(body), `page ${i}: onclick`);
    }
    assert.match(pages[1], /<h1 class="doc-title">&lt;script>alert\(&quot;t&quot;\)&lt;\/script>&lt;img src=x onerror=alert\(1\)>招生通知<\/h1>/);
    assert.match(pages[1], /<th scope="row">公开方式<\/th><td>政府网站<\/td>/);
    assert.match(pages[1], /<a>链接<\/a>/);
    assert.match(pages[6], /&lt;script&gt;alert\(&quot;t&quot;\)&lt;\/script&gt;/);
  });
});

describe('attachments', () => {
  test('a PDF is stored by content; a renamed text file is refused with a Chinese message; public only once published', async () => {
    const clerk = await signIn('clerk');
    const page = await clerk.get('/console/documents/new');
    const res = await clerk.post('/console/documents', { _csrf: Browser.csrfFrom(page.body), ...(await form({ title: '带附件的测试文件' })) });
    const url = String(res.headers.location).replace(/\?.*$/, '');
    const id = Number(url.split('/').pop());
    const ok = await upload(clerk, `${url}/attachments`, url, { filename: '附件1 学校名单.pdf', type: 'application/pdf', data: PDF });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 500));
    const fake = await upload(clerk, `${url}/attachments`, url, { filename: 'evil.pdf', type: 'application/pdf', data: Buffer.from('<html><script>alert(1)</script></html>') });
    assert.equal(fake.statusCode, 400);
    assert.match(fake.body, /不是可接受的类型/);
    const noCsrf = multipart('wrong', { name: 'file', filename: 'a.pdf', type: 'application/pdf', data: PDF });
    const cookie = [...clerk.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const refused = await app.inject({ method: 'POST', url: `${url}/attachments`, payload: noCsrf.payload, headers: { ...noCsrf.headers, cookie, accept: 'text/html' } });
    assert.equal(refused.statusCode, 403);

    const atts = await ctx.repos.attachments.forDocument(id);
    assert.equal(atts.length, 1);
    assert.equal(atts[0].kind, 'pdf');
    assert.equal(atts[0].filename, '附件1 学校名单.pdf');
    assert.match(atts[0].sha256, /^[0-9a-f]{64}$/);
    const staffDownload = await clerk.get(`${url}/attachments/${atts[0].id}`);
    assert.equal(staffDownload.statusCode, 200);
    assert.equal(staffDownload.headers['content-type'], 'application/pdf');
    assert.match(String(staffDownload.headers['content-disposition']), /filename\*=UTF-8''/);
    const publicUrl = `/gk/hjjyj/doc/${id}/files/${atts[0].id}/x.pdf`;
    assert.equal((await app.inject(publicUrl)).statusCode, 404, 'not public before publication');
    const { transitionDocument } = await import('../../src/services/document.service.ts');
    await transitionDocument(ctx, await staff('clerk'), id, 'submit');
    await transitionDocument(ctx, await staff('reviewer'), id, 'approve');
    await transitionDocument(ctx, await staff('office'), id, 'publish');
    const pub = await app.inject(publicUrl);
    assert.equal(pub.statusCode, 200);
    assert.match(String(pub.headers['content-security-policy']), /sandbox/);
    assert.ok(pub.rawPayload.equals(PDF));
    const docPage = await app.inject({ url: `/gk/hjjyj/doc/${id}`, headers: { accept: 'text/html' } });
    assert.match(docPage.body, /附件1 学校名单\.pdf/);
    assert.equal(atts[0].text, 'Enrolment zones 2026 zonelist', 'the text layer is kept with the attachment');
    const found = await app.inject(`/api/v1/documents?q=zonelist`);
    assert.equal(found.json().items[0]?.title, '带附件的测试文件', 'attachment text is searchable');
  });
});

describe('import', () => {
  test('upload a CSV, map columns, dry run shows row errors in Chinese; a clean file imports all as published', async () => {
    const office = await signIn('office');
    const tpl = await office.get('/console/documents/import/template.xlsx');
    assert.equal(tpl.statusCode, 200);
    assert.equal(tpl.rawPayload.subarray(0, 2).toString(), 'PK');
    const csvTpl = await office.get('/console/documents/import/template.csv');
    assert.match(csvTpl.body, /^\ufeff索引号,标题,发文字号,成文日期,发布日期/);

    const rows = (bad: boolean) => [
      '索引号,标题,成文日期,发布日期,主题分类,体裁,专题',
      'OLD/2015-0001,2015年秋季招生工作通知,2015-06-01,2015-06-03,政策文件,通知,招生入学',
      `OLD/2015-0002,2015年部门预算,${bad ? '2015-02-30' : '2015-03-01'},2015-03-10,财政信息,报告,`,
      `OLD/2015-0003,${bad ? '' : '2015年教师招聘公告'},2015-05-01,2015-05-02,${bad ? '不存在的分类' : '人事信息'},公告,教师招聘`,
    ].join('\r\n');
    const post = async (csv: string) => upload(office, '/console/documents/import', '/console/documents/import', { filename: '旧目录.csv', type: 'text/csv', data: Buffer.from(csv) });
    const mapped = await post(rows(true));
    assert.equal(mapped.statusCode, 200);
    assert.match(mapped.body, /第二步：核对列的对应关系/);
    const sha = /name="sha256" value="([0-9a-f]{64})"/.exec(mapped.body)![1];
    const mapping = { map_indexNumber: '0', map_title: '1', map_createdOn: '2', map_publishedOn: '3', map_category: '4', map_genre: '5', map_topics: '6' };
    assert.match(mapped.body, /<option value="1" selected>第 2 列：标题<\/option>/, 'auto-mapped by header');
    const check = await office.post('/console/documents/import/check', { _csrf: Browser.csrfFrom(mapped.body), sha256: sha, filename: '旧目录.csv', intent: 'check', ...mapping });
    assert.equal(check.statusCode, 400);
    assert.match(check.body, /有 2 行存在错误，整个文件未导入/);
    assert.match(check.body, /第 3 行<\/td><td>成文日期<\/td><td>成文日期“2015-02-30”不是有效日期/);
    assert.match(check.body, /第 4 行<\/td><td>标题<\/td><td>标题不能为空/);
    assert.match(check.body, /主题分类“不存在的分类”不存在/);
    const run = await office.post('/console/documents/import/run', { _csrf: Browser.csrfFrom(mapped.body), sha256: sha, filename: '旧目录.csv', ...mapping });
    assert.equal(run.statusCode, 400, 'a file with errors imports nothing');
    const bureau = await ctx.repos.agencies.byCode('hjjyj');
    assert.equal((await ctx.repos.documents.byIndexNumber('OLD/2015-0001', [bureau!.id])), undefined);

    const fixed = await post(rows(false));
    const sha2 = /name="sha256" value="([0-9a-f]{64})"/.exec(fixed.body)![1];
    const check2 = await office.post('/console/documents/import/check', { _csrf: Browser.csrfFrom(fixed.body), sha256: sha2, filename: '旧目录.csv', ...mapping });
    assert.equal(check2.statusCode, 200);
    assert.match(check2.body, /全部 3 行检查通过/);
    const done = await office.post('/console/documents/import/run', { _csrf: Browser.csrfFrom(fixed.body), sha256: sha2, filename: '旧目录.csv', ...mapping });
    assert.equal(done.statusCode, 303);
    assert.match(String(done.headers.location), /done=imported&n=3/);
    const imported = await ctx.repos.documents.byIndexNumber('OLD/2015-0002', [bureau!.id]);
    assert.equal(imported!.state, 'published');
    assert.equal(imported!.published_on, '2015-03-10');
    assert.equal(imported!.created_on, '2015-03-01');
    const pub = await app.inject({ url: `/gk/hjjyj/doc/${imported!.id}`, headers: { accept: 'text/html' } });
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /OLD\/2015-0002/);
  });
});

describe('taxonomy', () => {
  test('the office adds a category; a used one cannot be deleted', async () => {
    const office = await signIn('office');
    const add = await office.submit('/console/documents/taxonomy', '/console/documents/taxonomy/category', { code: 'jyfz', name: '教育督导' });
    assert.equal(add.statusCode, 303);
    assert.match((await office.get('/console/documents/taxonomy')).body, /value="教育督导"/);
    const dup = await office.submit('/console/documents/taxonomy', '/console/documents/taxonomy/category', { code: 'jyfz', name: '其他名称' });
    assert.equal(dup.statusCode, 400);
    assert.match(dup.body, /该代码已被使用/);
    const used = (await ctx.repos.taxonomy.list('category', [(await ctx.repos.agencies.byCode('hjjyj'))!.id])).find((c) => c.code === 'zcwj')!;
    const del = await office.submit('/console/documents/taxonomy', `/console/documents/taxonomy/category/${used.id}/delete`, {});
    assert.equal(del.statusCode, 409);
    assert.match(del.body, /不能删除，只能改名/);
    const clerk = await signIn('clerk');
    assert.equal((await clerk.get('/console/documents/taxonomy')).statusCode, 403);
  });
});

describe('API (staff tokens)', () => {
  test('register, then move through the workflow by transitions; the author cannot approve; a return needs a comment', async () => {
    const tokens: Record<string, string> = {};
    for (const who of ['clerk', 'reviewer', 'office']) tokens[who] = (await createApiToken(ctx, await staff(who), `t-${who}`)).token;
    const call = (method: 'POST' | 'GET', url: string, who: string | null, payload?: unknown) =>
      app.inject({ method, url, payload: payload as object, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) } });
    const body = { agency: 'hjjyj', title: '接口登记的测试通知', docNumber: '洪教发〔2026〕50号', createdOn: today, category: '政策文件', genre: '通知', topics: ['招生入学'], summary: '接口测试', body: '<p>正文<script>x</script></p>', disclosure: 'proactive' };
    assert.equal((await call('POST', '/api/v1/documents', null, body)).statusCode, 401);
    assert.equal((await call('POST', '/api/v1/documents', 'clerk', { ...body, agency: 'hjs' })).statusCode, 403);
    const bad = await call('POST', '/api/v1/documents', 'clerk', { ...body, createdOn: '2026/01/01', category: '没有' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().fields.createdOn && bad.json().fields.category);
    const created = await call('POST', '/api/v1/documents', 'clerk', body);
    assert.equal(created.statusCode, 201);
    const { id, indexNumber, state } = created.json();
    assert.equal(state, 'registered');
    assert.match(indexNumber, /^11431281006109018N\/2026-\d{5}$/);

    const t = (who: string, action: string, extra: Record<string, string> = {}) => call('POST', `/api/v1/documents/${id}/transitions`, who, { action, ...extra });
    assert.equal((await t('clerk', 'submit')).json().state, 'in_review');
    const own = await t('clerk', 'approve');
    assert.equal(own.statusCode, 403);
    const noComment = await t('reviewer', 'return');
    assert.equal(noComment.statusCode, 400);
    assert.equal(noComment.json().fields.comment, '退回时须填写理由');
    assert.equal((await t('reviewer', 'approve')).json().state, 'approved');
    assert.equal((await call('GET', `/api/v1/documents/${encodeURIComponent(indexNumber)}`, null)).statusCode, 404, 'not public before publication');
    assert.equal((await t('office', 'publish')).json().state, 'published');
    const wrong = await t('office', 'approve');
    assert.equal(wrong.statusCode, 409);
    assert.match(wrong.json().message, /只有审核中的文件才能审核通过/);
    assert.equal((await t('office', 'fly')).statusCode, 400);

    const pub = await call('GET', `/api/v1/documents/${encodeURIComponent(indexNumber)}`, null);
    assert.equal(pub.statusCode, 200);
    assert.equal(pub.json().body, '<p>正文</p>');
    assert.deepEqual(pub.json().topics, ['招生入学']);
  });
});
