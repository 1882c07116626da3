import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, demoApp, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { chinaDateOf } from '../../src/domain/dates.ts';
import { formatDate } from '../../src/web/format.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ loginRateLimit: 10_000, publicRateLimit: 0 })); });
after(() => close());

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

async function signedIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 303);
  return b;
}

// suggest_done: the visitor has already seen the "这是否是您要找的信息？" step (issue 8), so the post is the submission.
const QUESTION = {
  suggest_done: '1',
  category: 'fees', subject: '高中住宿费标准是多少', body: '请问洪江市第一中学的住宿费每学期多少钱？我叫李四，电话13812345678。',
  name: '李四', phone: '13812345678', email: 'lisi@example.com',
};

test('the consultation pages work without an account in three languages', async () => {
  for (const lang of ['zh-CN', 'zh-TW', 'en']) {
    for (const url of ['/gk/hjjyj/ask', '/gk/hjjyj/ask/new']) {
      const res = await app.inject({ url: `${url}?lang=${lang}`, headers: { accept: 'text/html' } });
      assert.equal(res.statusCode, 200, `${url} ${lang}`);
      assert.equal((res.body.match(/<h1[ >]/g) ?? []).length, 1);
    }
  }
  const en = await app.inject({ url: '/gk/hjjyj/ask/new?lang=en', headers: { accept: 'text/html' } });
  assert.match(en.body, /<h1>Ask a question<\/h1>/);
  assert.match(en.body, /<label for="ask-subject">Subject/);
});

test('a public question is due in 5 working days in the console and public only after staff publish it, without contact details', async () => {
  const visitor = new Browser(app);
  const res = await visitor.submit('/gk/hjjyj/ask/new', '/gk/hjjyj/ask', QUESTION);
  assert.equal(res.statusCode, 201);
  const code = /class="edu-tracking-code">([0-9A-Z-]+)</.exec(res.body)?.[1];
  assert.ok(code, 'the receipt shows the tracking code');
  const today = chinaDateOf(new Date());
  const due = (await ctx.calendar()).addWorkingDays(today, 5).date;
  assert.match(res.body, new RegExp(`<time datetime="${due}">`));

  const office = await signedIn('office');
  const inbox = await office.get('/console/questions');
  assert.equal(inbox.statusCode, 200);
  const row = new RegExp(`<a href="/console/questions/(\\d+)">${QUESTION.subject}</a>[\\s\\S]*?${formatDate(due)}[\\s\\S]*?剩余 5 个工作日`).exec(inbox.body);
  assert.ok(row, 'the inbox lists the question with its due date and 5 working days left');
  const id = row[1];

  const listBefore = await app.inject({ url: '/gk/hjjyj/ask', headers: { accept: 'text/html' } });
  assert.doesNotMatch(listBefore.body, new RegExp(QUESTION.subject));
  assert.equal((await app.inject({ url: `/gk/hjjyj/ask/${id}`, headers: { accept: 'text/html' } })).statusCode, 404);

  const clerk = await signedIn('clerk');
  const answered = await clerk.submit(`/console/questions/${id}`, `/console/questions/${id}/answer`, { answer: '洪江市第一中学住宿费标准为每生每学期400元。', department: '计划财务股' });
  assert.equal(answered.statusCode, 303);
  const tracked = await visitor.submit('/gk/hjjyj/ask', '/gk/hjjyj/ask/track', { code });
  assert.equal(tracked.statusCode, 200);
  assert.match(tracked.body, /每生每学期400元/);
  assert.doesNotMatch(mainOf(tracked.body), /13812345678|lisi@example\.com/);
  assert.doesNotMatch((await app.inject({ url: '/gk/hjjyj/ask', headers: { accept: 'text/html' } })).body, new RegExp(QUESTION.subject), 'answered is not yet public');

  const detail = await office.get(`/console/questions/${id}`);
  assert.match(detail.body, /13812345678/, 'staff see the contact details');
  const refused = await office.submit(`/console/questions/${id}`, `/console/questions/${id}/publish`, { publicSubject: QUESTION.subject, publicBody: QUESTION.body });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /含有个人信息/);
  const published = await office.submit(`/console/questions/${id}`, `/console/questions/${id}/publish`, { publicSubject: QUESTION.subject, publicBody: '请问洪江市第一中学的住宿费每学期多少钱？' });
  assert.equal(published.statusCode, 303);

  const list = await app.inject({ url: '/gk/hjjyj/ask', headers: { accept: 'text/html' } });
  assert.match(list.body, new RegExp(QUESTION.subject));
  const page = await app.inject({ url: `/gk/hjjyj/ask/${id}`, headers: { accept: 'text/html' } });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /每生每学期400元/);
  for (const secret of ['李四', '13812345678', 'lisi@example.com']) assert.ok(!page.body.includes(secret), secret);
  const search = await app.inject({ url: `/gk/hjjyj/ask?q=${encodeURIComponent('住宿費')}`, headers: { accept: 'text/html' } });
  assert.match(search.body, new RegExp(QUESTION.subject), 'a Traditional query finds the answer');
});

test('bad input re-renders the form with Chinese errors and the values; no token is refused; a wrong code is a 404', async () => {
  const b = new Browser(app);
  const res = await b.submit('/gk/hjjyj/ask/new', '/gk/hjjyj/ask', { suggest_done: '1', category: '', subject: '学籍转出', body: '短', phone: '', email: '' });
  assert.equal(res.statusCode, 400);
  assert.match(res.body, /请选择咨询类别/);
  assert.match(res.body, /请至少填写联系电话或电子邮箱中的一项/);
  assert.match(res.body, /value="学籍转出"/);
  assert.match(res.body, /aria-invalid="true"/);
  const noToken = await app.inject({ method: 'POST', url: '/gk/hjjyj/ask', payload: new URLSearchParams(QUESTION).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' } });
  assert.equal(noToken.statusCode, 403);
  const wrong = await b.submit('/gk/hjjyj/ask', '/gk/hjjyj/ask/track', { code: '0000-0000-0000-0000' });
  assert.ok(wrong.statusCode === 404 || wrong.statusCode === 400);
  assert.match(wrong.body, /查询码/);
});

test('a supervisor has no consultation inbox; anonymous staff pages go to sign-in', async () => {
  const sup = await signedIn('supervisor');
  assert.equal((await sup.get('/console/questions')).statusCode, 403);
  const anon = await app.inject({ url: '/console/questions', headers: { accept: 'text/html' } });
  assert.equal(anon.statusCode, 303);
});

test('public submissions are rate limited per address', async () => {
  const fresh = await freshDb('sqlite');
  const c2 = createServiceContext(fresh.db, { ...configFromEnv({}), publicRateLimit: 2 });
  await loadDemo(c2);
  const app2 = await testApp(c2);
  try {
    const b = new Browser(app2);
    const token = Browser.csrfFrom((await b.get('/gk/hjjyj/ask/new')).body);
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) codes.push((await b.post('/gk/hjjyj/ask', { _csrf: token, ...QUESTION, subject: `问题${i}` })).statusCode);
    assert.deepEqual(codes, [201, 201, 429]);
  } finally {
    await app2.close();
    await fresh.drop();
  }
});
