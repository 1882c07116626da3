// Issue 4 item 1 over HTTP: the public application form with attachments (multipart with its CSRF
// token, limits, content checks, safe names, double submit, the no-JavaScript confirmation step),
// what the applicant and staff then see, and the console page for the decision wording.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Browser, demoApp } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { residentId } from '../integration/applications-fixture.ts';
import { EXE, PDF, PNG, plainZip } from '../support/upload-fixtures.ts';
import { APPLICANT_FILE_KIND } from '../../src/services/application-intake.service.ts';
import { DECISION_WORDING } from '../../src/output/application-letters.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ secret: 'attachments-test', publicRateLimit: 0, loginRateLimit: 0 })); });
after(() => close());

interface Upload { filename: string; content: Buffer; type?: string }

/** A multipart body as a browser sends the form: the fields in order (the CSRF token first), then the files. */
function multipart(fields: Record<string, string>, files: Upload[]) {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'application/pdf'}\r\n\r\n`), f.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let seq = 0;
/** The form's values for a new applicant (each call a different person and a description that matches no published document). */
function values(over: Record<string, string> = {}): Record<string, string> {
  seq++;
  return {
    kind: 'person', orgType: '', name: `附件测试${seq}`, idType: 'resident_id', idNumber: residentId('19900101', String(100 + seq)),
    phone: `1390000${String(1000 + seq)}`, email: '', address: '', description: `申请公开某某水库19${50 + seq}年的防洪调度记录`,
    format: 'electronic', delivery: 'online', suggestion: '', suggest_done: '', ...over,
  };
}

async function openForm(b: Browser) {
  const page = await b.get('/gk/hjjyj/apply');
  return { page, csrf: Browser.csrfFrom(page.body), nonce: page.body.match(/name="nonce" value="([^"]+)"/)![1] };
}

async function post(b: Browser, fields: Record<string, string>, files: Upload[], url = '/gk/hjjyj/apply'): Promise<LightMyRequestResponse> {
  const mp = multipart(fields, files);
  const res = await app.inject({
    method: 'POST', url, payload: mp.payload,
    headers: { ...mp.headers, cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' },
  });
  for (const c of res.cookies as { name: string; value: string }[]) b.cookies.set(c.name, c.value);
  return res;
}

/** Fills and sends the form with `files`. */
async function apply(files: Upload[], over: Record<string, string> = {}, b = new Browser(app)) {
  const { csrf, nonce } = await openForm(b);
  const fields: Record<string, string> = { _csrf: csrf, nonce, ...values(over) };
  return { res: await post(b, fields, files), fields, b };
}

async function counts() {
  const bureau = (await ctx.repos.agencies.byCode('hjjyj'))!;
  const apps = await ctx.repos.applications.all({ agencyIds: [bureau.id] });
  let files = 0;
  for (const a of apps) files += (await ctx.repos.applications.files(a.id)).filter((f) => f.kind === APPLICANT_FILE_KIND).length;
  return { apps: apps.length, files };
}

async function appOf(res: LightMyRequestResponse) {
  const code = String(res.headers.location).match(/c=([0-9A-Z]+)/)![1];
  return (await ctx.repos.applications.byTrackingCode(code))!;
}

async function signIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD, next: '/console' });
  assert.equal(res.statusCode, 303);
  return b;
}

describe('the application form with attachments', () => {
  test('the form is multipart, with an optional file input after every other field', async () => {
    const { page } = await openForm(new Browser(app));
    assert.match(page.body, /<form method="post" action="\/gk\/hjjyj\/apply" class="apply-form" enctype="multipart\/form-data"/);
    assert.match(page.body, /<label for="attachments">附件（可选）<\/label>/);
    assert.match(page.body, /<input type="file" id="attachments" name="attachments" multiple accept="[^"]*\.pdf[^"]*\.csv"/);
    const form = page.body.slice(page.body.indexOf('class="apply-form"'));
    assert.ok(form.indexOf('name="_csrf"') < form.indexOf('name="delivery"') && form.indexOf('name="delivery"') < form.indexOf('type="file"'), 'token first, files last');
    const en = await new Browser(app).get('/gk/hjjyj/apply?lang=en');
    assert.match(en.body, /Attachments \(optional\)/);
  });

  test('files are stored with the application under safe names; the receipt lists them and no path survives', async () => {
    const before = await counts();
    const { res } = await apply([
      { filename: '申请书.pdf', content: PDF },
      { filename: '../../etc/passwd.pdf', content: PDF },
      { filename: '..\\..\\身份证.png', content: PNG, type: 'image/png' },
    ]);
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const row = await appOf(res);
    const files = await ctx.repos.applications.files(row.id);
    assert.deepEqual(files.map((f) => [f.filename, f.kind, f.is_public, f.mime]), [
      ['申请书.pdf', 'applicant', 0, 'application/pdf'], ['passwd.pdf', 'applicant', 0, 'application/pdf'], ['身份证.png', 'applicant', 0, 'image/png'],
    ]);
    assert.deepEqual(await counts(), { apps: before.apps + 1, files: before.files + 3 });
    const receipt = await new Browser(app).get(String(res.headers.location));
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, /随申请提交的附件<\/th><td><ul class="attachment-names"><li>申请书\.pdf<\/li><li>passwd\.pdf<\/li><li>身份证\.png<\/li><\/ul>/);
    assert.doesNotMatch(receipt.body, /etc\/passwd|\.\.\//);
  });

  test('without the right CSRF token nothing is read or stored (403)', async () => {
    const before = await counts();
    const b = new Browser(app);
    const { nonce } = await openForm(b);
    const wrong = await post(b, { _csrf: 'forged', nonce, ...values() }, [{ filename: 'a.pdf', content: PDF }]);
    assert.equal(wrong.statusCode, 403);
    const missing = await post(b, { nonce, ...values() }, [{ filename: 'a.pdf', content: PDF }]);
    assert.equal(missing.statusCode, 403);
    const otherVisitor = await post(new Browser(app), { _csrf: Browser.csrfFrom((await openForm(b)).page.body), nonce, ...values() }, []);
    assert.equal(otherVisitor.statusCode, 403, 'a token is only good with its own cookie');
    assert.deepEqual(await counts(), before);
  });

  test('an oversized file, a program or an archive behind a .pdf name: 400 naming the file and why, values kept, files asked for again, nothing stored', async () => {
    const before = await counts();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    for (const [bad, why] of [
      [{ filename: 'big.pdf', content: big }, /附件“big\.pdf”超过10MB/],
      [{ filename: '委托书.pdf', content: EXE }, /附件“委托书\.pdf”的内容不是可接受的类型/],
      [{ filename: 'scan.pdf', content: await plainZip() }, /附件“scan\.pdf”的内容不是可接受的类型/],
    ] as const) {
      const { res, fields } = await apply([{ filename: 'ok.pdf', content: PDF }, bad]);
      assert.equal(res.statusCode, 400, bad.filename);
      assert.match(res.body, why);
      assert.match(res.body, /<a href="#attachments">附件：/, 'in the error summary, linked to the field');
      assert.match(res.body, new RegExp(`value="${fields.name}"`), 'values kept');
      assert.match(res.body, new RegExp(`您选择的附件（ok\\.pdf、${bad.filename.replace('.', '\\.')}）没有随本页保留，请重新选择`));
      assert.match(res.body, /aria-describedby="attachments-hint attachments-reattach attachments-error"/);
    }
    assert.deepEqual(await counts(), before);
  });

  test('more than 5 files is refused as a whole, also beyond what the parser reads at all', async () => {
    const before = await counts();
    for (const n of [6, 12]) {
      const { res } = await apply(Array.from({ length: n }, (_, i) => ({ filename: `第${i + 1}页.pdf`, content: PDF })));
      assert.equal(res.statusCode, 400, `${n} files`);
      assert.match(res.body, /最多可以上传5个附件/);
    }
    const { res } = await apply(Array.from({ length: 5 }, (_, i) => ({ filename: `第${i + 1}页.pdf`, content: PDF })));
    assert.equal(res.statusCode, 303, 'five is allowed');
    assert.deepEqual(await counts(), { apps: before.apps + 1, files: before.files + 5 });
  });

  test('an empty file input is no attachment; a form with errors asks for the chosen files again', async () => {
    const { res } = await apply([{ filename: '', content: Buffer.alloc(0), type: 'application/octet-stream' }]);
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await ctx.repos.applications.files((await appOf(res)).id), []);
    const bad = await apply([{ filename: '申请书.pdf', content: PDF }], { phone: '12' });
    assert.equal(bad.res.statusCode, 400);
    assert.match(bad.res.body, /联系电话/);
    assert.match(bad.res.body, /您选择的附件（申请书\.pdf）没有随本页保留/);
  });

  test('a double submit (same form, same files) files one application with one copy of each file', async () => {
    const before = await counts();
    const b = new Browser(app);
    const { csrf, nonce } = await openForm(b);
    const fields = { _csrf: csrf, nonce, ...values() };
    const files = [{ filename: '申请书.pdf', content: PDF }];
    const first = await post(b, fields, files);
    const second = await post(b, fields, files);
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    assert.doesNotMatch(String(first.headers.location), /again=1/);
    assert.match(String(second.headers.location), /again=1/);
    assert.equal((await appOf(first)).id, (await appOf(second)).id);
    assert.deepEqual(await counts(), { apps: before.apps + 1, files: before.files + 1 });
    const changed = await post(b, fields, [{ filename: '申请书.pdf', content: PNG, type: 'image/png' }]);
    assert.equal(changed.statusCode, 409, 'the same form with other files is not a retry');
    assert.deepEqual(await counts(), { apps: before.apps + 1, files: before.files + 1 });
  });

  test('without JavaScript the confirmation step names the files and asks for them again; sent again, they are stored', async () => {
    const before = await counts();
    const b = new Browser(app);
    const { csrf, nonce } = await openForm(b);
    const fields = { _csrf: csrf, nonce, ...values({ description: '申请公开2026年义务教育招生入学工作的通知' }) };
    const confirm = await post(b, fields, [{ filename: '授权委托书.pdf', content: PDF }]);
    assert.equal(confirm.statusCode, 200, confirm.body.slice(0, 300));
    assert.match(confirm.body, /<h1>这是否是您要找的信息？<\/h1>/);
    assert.match(confirm.body, /<form method="post" action="\/gk\/hjjyj\/apply" class="suggest-confirm" enctype="multipart\/form-data">/);
    assert.match(confirm.body, /您选择的附件（授权委托书\.pdf）没有随本页保留，请重新选择后再提交/);
    assert.match(confirm.body, /<input type="file" id="attachments" name="attachments" multiple/);
    assert.deepEqual(await counts(), before, 'nothing submitted yet');
    // The confirmation form: its hidden fields (in page order, the token first), then the file chosen again.
    const form = confirm.body.slice(confirm.body.indexOf('class="suggest-confirm"'));
    const hidden: Record<string, string> = {};
    for (const m of form.slice(0, form.indexOf('</form>')).matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) hidden[m[1]] = m[2];
    assert.equal(hidden.suggest_done, '1');
    assert.equal(hidden.nonce, nonce);
    const sent = await post(b, hidden, [{ filename: '授权委托书.pdf', content: PDF }]);
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    assert.deepEqual((await ctx.repos.applications.files((await appOf(sent)).id)).map((f) => f.filename), ['授权委托书.pdf']);
  });
});

describe('what the applicant and the staff see', () => {
  let id = 0;
  let trackingCode = '';
  let phone = '';
  before(async () => {
    const { res, fields } = await apply([{ filename: '身份证扫描件.pdf', content: PDF }]);
    const row = await appOf(res);
    id = row.id;
    trackingCode = row.tracking_code;
    phone = fields.phone;
  });

  test('the tracking view lists the applicant’s own file names, with no download for them', async () => {
    const b = new Browser(app);
    const page = await b.get(`/gk/hjjyj/track?code=${trackingCode}`);
    const res = await b.post('/gk/hjjyj/track', { _csrf: Browser.csrfFrom(page.body), trackingCode, phoneLast4: phone.slice(-4) });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /您提交的附件<\/th><td><ul class="attachment-names"><li>身份证扫描件\.pdf<\/li><\/ul>/);
    const [file] = await ctx.repos.applications.files(id);
    assert.doesNotMatch(res.body, new RegExp(`name="fileId" value="${file.id}"`));
    const download = await b.post('/gk/hjjyj/track/file', { _csrf: Browser.csrfFrom(page.body), trackingCode, phoneLast4: phone.slice(-4), fileId: String(file.id) });
    assert.equal(download.statusCode, 404);
  });

  test('the office sees and downloads the file (attachment, nosniff, the detected type); a clerk of another department sees the name only', async () => {
    const [file] = await ctx.repos.applications.files(id);
    const office = await signIn('office');
    const page = await office.get(`/console/applications/${id}`);
    assert.match(page.body, new RegExp(`<a href="/console/applications/${id}/files/${file.id}">身份证扫描件\\.pdf</a>（[^）]*，申请人提交）`));
    const dl = await office.get(`/console/applications/${id}/files/${file.id}`);
    assert.equal(dl.statusCode, 200);
    assert.match(String(dl.headers['content-disposition']), /^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''%E8%BA%AB/);
    assert.equal(dl.headers['x-content-type-options'], 'nosniff');
    assert.equal(dl.headers['content-type'], 'application/pdf');
    assert.ok(dl.rawPayload.equals(PDF));

    const clerk = await signIn('clerk2');
    const seen = await clerk.get(`/console/applications/${id}`);
    assert.equal(seen.statusCode, 200);
    assert.match(seen.body, /身份证扫描件\.pdf（[^）]*，申请人提交，仅承办人员可查看）/);
    assert.doesNotMatch(seen.body, new RegExp(`/files/${file.id}"`));
    assert.equal((await clerk.get(`/console/applications/${id}/files/${file.id}`)).statusCode, 403);
  });
});

describe('decision wording on the console templates page', () => {
  test('the office edits a reply type’s wording; unknown placeholders are refused with the text kept; a clerk cannot', async () => {
    const office = await signIn('office');
    let page = await office.get('/console/applications/templates');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="decisions">答复书的决定措辞<\/h2>/);
    assert.match(page.body, /<form method="post" action="\/console\/applications\/templates\/decision\/not_held">/);
    assert.ok(page.body.includes(DECISION_WORDING.not_held));
    const csrf = Browser.csrfFrom(page.body);

    const bad = await office.post('/console/applications/templates/decision/not_held', { _csrf: csrf, intent: 'save', body: '经{{agencyname}}检索<script>x</script>' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /决定措辞中有无法识别的占位符：\{\{agencyname\}\}/);
    assert.match(bad.body, /经\{\{agencyname\}\}检索&lt;script>x&lt;\/script><\/textarea>/, 'the text comes back, escaped');

    const ok = await office.post('/console/applications/templates/decision/not_held', { _csrf: csrf, intent: 'save', body: '经{{agencyName}}检索，该信息不存在。' });
    assert.equal(ok.statusCode, 303);
    page = await office.get(String(ok.headers.location));
    assert.match(page.body, /已保存：/);
    assert.match(page.body, /<details class="card" open id="decision-not_held">/);
    assert.match(page.body, /经\{\{agencyName\}\}检索，该信息不存在。<\/textarea>/);
    const bureau = (await ctx.repos.agencies.byCode('hjjyj'))!;
    assert.equal(await ctx.repos.applications.decisionWording(bureau.id, 'not_held'), '经{{agencyName}}检索，该信息不存在。');

    assert.equal((await office.post('/console/applications/templates/decision/nonsense', { _csrf: csrf, intent: 'save', body: '文字' })).statusCode, 404);
    const reset = await office.post('/console/applications/templates/decision/not_held', { _csrf: csrf, intent: 'reset' });
    assert.equal(reset.statusCode, 303);
    assert.equal(await ctx.repos.applications.decisionWording(bureau.id, 'not_held'), undefined);

    const clerk = await signIn('clerk');
    const clerkPage = await clerk.get('/console');
    const refused = await clerk.post('/console/applications/templates/decision/not_held', { _csrf: Browser.csrfFrom(clerkPage.body), intent: 'save', body: '文字' });
    assert.equal(refused.statusCode, 403);
    assert.equal(await ctx.repos.applications.decisionWording(bureau.id, 'not_held'), undefined);
  });
});
