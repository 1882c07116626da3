import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { ROLE_LABELS } from '../../src/domain/roles.ts';
import { createUser } from '../../src/services/account.service.ts';
import { sha256 } from '../../src/web/plugins/auth.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

// The per-minute limiter is tested on its own app below; here it must not interfere.
before(async () => { ({ app, ctx, close } = await demoApp({ loginRateLimit: 10_000 })); });
after(() => close());

async function login(b: Browser, username: string, password = DEMO_PASSWORD, next?: string) {
  return b.submit('/login', '/login', { username, password, ...(next !== undefined ? { next } : {}) });
}

const json = (method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method, url, ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}), headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers } });

test('the sign-in page is a form with a CSRF token, in Chinese and English', async () => {
  const b = new Browser(app);
  const res = await b.get('/login');
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<h1[^>]*>工作人员登录<\/h1>/);
  assert.match(res.body, /name="_csrf" value="[^"]+"/);
  assert.match(res.body, /autocomplete="current-password"/);
  const en = await b.get('/login?lang=en');
  assert.match(en.body, /Staff sign-in/);
  assert.match(en.body, /Password/);
});

test('signing in as each demo role shows that role\'s console', async () => {
  for (const account of DEMO_ACCOUNTS) {
    const b = new Browser(app);
    const res = await login(b, account.username);
    assert.equal(res.statusCode, 303, `${account.username}: ${res.body.slice(0, 200)}`);
    assert.equal(res.headers.location, '/console');
    const page = await b.get('/console');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(account.displayName));
    for (const role of account.roles) assert.match(page.body, new RegExp(`<h2 id="dash-${role}">${ROLE_LABELS[role]}</h2>`), `${account.username} sees the ${role} card`);
    const others = (['clerk', 'office', 'reviewer', 'head', 'admin', 'supervisor'] as const).filter((r) => !account.roles.includes(r));
    for (const role of others) assert.doesNotMatch(page.body, new RegExp(`id="dash-${role}"`), `${account.username} does not see the ${role} card`);
    assert.equal(page.body.includes('id="dash-platform"'), !!account.sysadmin);
    assert.equal(page.body.includes('href="/console/admin/users"'), account.roles.includes('admin') || !!account.sysadmin);
    assert.equal(page.headers['cache-control'], 'private, no-store');
  }
});

test('the supervisor\'s card links to the agencies below; the clerk\'s to the work lists', async () => {
  const s = new Browser(app);
  await login(s, 'supervisor');
  assert.match((await s.get('/console')).body, /下级机关/);
  const c = new Browser(app);
  await login(c, 'clerk');
  const body = (await c.get('/console')).body;
  assert.match(body, /主动公开/);
  assert.match(body, /依申请公开/);
});

test('the session id changes at sign-in (no fixation) and the old one stops working', async () => {
  const b = new Browser(app);
  b.cookies.set('gk_sid', 'attacker-chosen-value-attacker-chosen-value');
  await login(b, 'office');
  const first = b.cookies.get('gk_sid')!;
  assert.notEqual(first, 'attacker-chosen-value-attacker-chosen-value');
  assert.match(first, /^[A-Za-z0-9_-]{43}$/);
  // Signing in again while signed in (the login page would redirect, so post with the console's token).
  await b.submit('/console', '/login', { username: 'office', password: DEMO_PASSWORD });
  const second = b.cookies.get('gk_sid')!;
  assert.notEqual(second, first);
  assert.equal(await ctx.repos.sessions.findValid(sha256(first), new Date()), undefined);
  const replay = await app.inject({ url: '/console', headers: { cookie: `gk_sid=${first}`, accept: 'text/html' } });
  assert.equal(replay.statusCode, 303);
  assert.equal((await b.get('/console')).statusCode, 200);
  const audit = await ctx.repos.audit.list({ action: 'auth.login' }, 1, 1);
  assert.match(audit.items[0].actor_label, /office/);
});

test('`next` is followed only to local paths', async () => {
  const b = new Browser(app);
  assert.equal((await login(b, 'head', DEMO_PASSWORD, '/console/account')).headers.location, '/console/account');
  for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
    assert.equal((await login(new Browser(app), 'head', DEMO_PASSWORD, evil)).headers.location, '/console', evil);
  }
  const page = await b.get('/login?next=%2F%2Fevil.example');
  assert.equal(page.headers.location, '/console'); // already signed in
  const anon = await new Browser(app).get('/console/account');
  assert.equal(anon.statusCode, 303);
  assert.equal(anon.headers.location, '/login?next=%2Fconsole%2Faccount');
});

test('logout ends the session', async () => {
  const b = new Browser(app);
  await login(b, 'reviewer');
  const cookie = b.cookies.get('gk_sid')!;
  assert.equal((await b.get('/console')).statusCode, 200);
  const out = await b.submit('/console', '/logout', {});
  assert.equal(out.statusCode, 303);
  assert.equal(b.cookies.has('gk_sid'), false);
  assert.equal((await b.get('/console')).statusCode, 303);
  const replay = await app.inject({ url: '/console', headers: { cookie: `gk_sid=${cookie}`, accept: 'text/html' } });
  assert.equal(replay.statusCode, 303);
  assert.equal(replay.headers.location, '/login?next=%2Fconsole');
  assert.equal(await ctx.repos.sessions.findValid(sha256(cookie), new Date()), undefined);
});

test('wrong credentials give one generic message, whether or not the user exists', async () => {
  const wrong = await login(new Browser(app), 'head', 'wrong-password');
  const unknown = await login(new Browser(app), 'no-such-user', 'wrong-password');
  for (const res of [wrong, unknown]) {
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /用户名或密码错误/);
    assert.match(res.body, /<form method="post" action="\/login"/);
    assert.doesNotMatch(res.body, /wrong-password/);
  }
  const empty = await login(new Browser(app), '', '');
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /请输入用户名和密码/);
});

test('10 wrong passwords in a row lock the account: 429 and a message, even with the right password', async () => {
  const b = new Browser(app);
  const statuses: number[] = [];
  for (let i = 0; i < 10; i++) statuses.push((await login(b, 'clerk2', `wrong-${i}`)).statusCode);
  assert.deepEqual(statuses, [401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
  const right = await login(b, 'clerk2', DEMO_PASSWORD);
  assert.equal(right.statusCode, 429);
  assert.match(right.body, /登录失败次数过多，请 1 分钟后再试/);
  assert.ok(Number(right.headers['retry-after']) > 0);
  assert.equal(b.cookies.has('gk_sid'), false);
  const api = await json('POST', '/api/v1/auth/token', { username: 'clerk2', password: DEMO_PASSWORD });
  assert.equal(api.statusCode, 429);
  assert.match(api.json().message, /登录失败次数过多/);
  // Other accounts are not affected.
  assert.equal((await login(new Browser(app), 'clerk')).statusCode, 303);
  const failures = await ctx.repos.audit.list({ action: 'auth.login_failed' }, 1, 100);
  assert.ok(failures.items.every((e) => !e.summary.includes('wrong-')));
});

test('sign-in forms without a CSRF token are refused', async () => {
  const b = new Browser(app);
  await b.get('/login');
  const res = await b.post('/login', { username: 'head', password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 403);
  assert.equal(b.cookies.has('gk_sid'), false);
  await login(b, 'head');
  const out = await b.post('/logout', {});
  assert.equal(out.statusCode, 403);
  assert.equal((await b.get('/console')).statusCode, 200);
});

test('API tokens: issue, list, use, revoke; 401 on wrong credentials', async () => {
  const issued = await json('POST', '/api/v1/auth/token', { username: 'office', password: DEMO_PASSWORD, name: '统计脚本' });
  assert.equal(issued.statusCode, 200);
  const { token } = issued.json();
  assert.deepEqual(Object.keys(issued.json()), ['token']);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  const auth = { authorization: `Bearer ${token}` };

  const list = await json('GET', '/api/v1/auth/tokens', undefined, auth);
  assert.equal(list.statusCode, 200);
  const tokens = list.json().tokens;
  assert.equal(tokens.length, 1);
  assert.equal(tokens[0].name, '统计脚本');
  assert.equal(tokens[0].revoked, false);
  assert.ok(tokens[0].lastUsedAt, 'using a token records when it was last used');
  assert.ok(!JSON.stringify(tokens).includes(token));

  const other = (await json('POST', '/api/v1/auth/token', { username: 'head', password: DEMO_PASSWORD })).json().token;
  const otherList = (await json('GET', '/api/v1/auth/tokens', undefined, { authorization: `Bearer ${other}` })).json().tokens;
  assert.equal(otherList.length, 1);
  assert.equal((await json('DELETE', `/api/v1/auth/tokens/${otherList[0].id}`, undefined, auth)).statusCode, 404);
  assert.equal((await json('DELETE', '/api/v1/auth/tokens/99999', undefined, auth)).statusCode, 404);
  assert.equal((await json('DELETE', '/api/v1/auth/tokens/abc', undefined, auth)).statusCode, 400);

  const del = await json('DELETE', `/api/v1/auth/tokens/${tokens[0].id}`, undefined, auth);
  assert.equal(del.statusCode, 204);
  const after = await json('GET', '/api/v1/auth/tokens', undefined, auth);
  assert.equal(after.statusCode, 401);
  assert.equal((await json('GET', '/api/v1/auth/tokens', undefined, { authorization: `Bearer ${other}` })).statusCode, 200);

  const anon = await json('GET', '/api/v1/auth/tokens');
  assert.equal(anon.statusCode, 401);
  assert.equal(anon.json().error, 'unauthorized');

  const bad = await json('POST', '/api/v1/auth/token', { username: 'office', password: 'nope' });
  assert.equal(bad.statusCode, 401);
  assert.deepEqual(bad.json(), { error: 'invalid_credentials', message: '用户名或密码错误' });
  const ghost = await json('POST', '/api/v1/auth/token', { username: 'ghost', password: 'nope' });
  assert.deepEqual(ghost.json(), bad.json());
});

test('malformed token requests get 400, never 500', async () => {
  const cases: [string, unknown][] = [
    ['invalid JSON', '{"username": "office", '],
    ['not an object', '[1,2,3]'],
    ['missing fields', {}],
    ['missing password', { username: 'office' }],
    ['wrong types', { username: 123, password: true }],
    ['empty strings', { username: '', password: '' }],
    ['huge username', { username: 'x'.repeat(100_000), password: 'y' }],
    ['huge password', { username: 'office', password: 'y'.repeat(100_000) }],
    ['null', 'null'],
  ];
  for (const [name, body] of cases) {
    const res = await json('POST', '/api/v1/auth/token', body);
    assert.equal(res.statusCode, 400, `${name}: ${res.body.slice(0, 200)}`);
    assert.equal(typeof res.json().message, 'string', name);
  }
  const noBody = await app.inject({ method: 'POST', url: '/api/v1/auth/token' });
  assert.equal(noBody.statusCode, 400);
  const emptyJson = await app.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'application/json' }, payload: '' });
  assert.equal(emptyJson.statusCode, 400);
  const huge = await app.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'a', password: 'b'.repeat(2 * 1024 * 1024) }) });
  assert.equal(huge.statusCode, 413);
  const text = await app.inject({ method: 'POST', url: '/api/v1/auth/token', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
  assert.ok(text.statusCode >= 400 && text.statusCode < 500, String(text.statusCode));
  const hugePage = await new Browser(app).submit('/login', '/login', { username: 'x'.repeat(5000), password: 'y' });
  assert.equal(hugePage.statusCode, 400);
});

test('my account: a created token is shown once and works; revoking it from the page stops it', async () => {
  const b = new Browser(app);
  await login(b, 'reviewer');
  const created = await b.submit('/console/account', '/console/account/tokens', { name: '我的脚本' });
  assert.equal(created.statusCode, 200);
  const token = /<code class="token-value">([A-Za-z0-9_-]{43})<\/code>/.exec(created.body)?.[1];
  assert.ok(token, 'the page shows the new token');
  const list = await json('GET', '/api/v1/auth/tokens', undefined, { authorization: `Bearer ${token}` });
  assert.equal(list.statusCode, 200);
  const id = list.json().tokens.find((t: { name: string }) => t.name === '我的脚本').id;
  const again = await b.get('/console/account');
  assert.doesNotMatch(again.body, new RegExp(token!));
  assert.match(again.body, /我的脚本/);
  const revoked = await b.submit('/console/account', `/console/account/tokens/${id}/revoke`, {});
  assert.equal(revoked.statusCode, 303);
  assert.equal((await json('GET', '/api/v1/auth/tokens', undefined, { authorization: `Bearer ${token}` })).statusCode, 401);
  const noName = await b.submit('/console/account', '/console/account/tokens', { name: '' });
  assert.equal(noName.statusCode, 400);
  assert.match(noName.body, /请填写令牌名称/);
});

test('changing the password ends the user\'s other sessions and keeps this one', async () => {
  await createUser(ctx, { kind: 'system' }, { username: 'pwuser', password: 'Start2026', agencyId: (await ctx.repos.agencies.byCode('hjjyj'))!.id, roles: ['clerk'] });
  const here = new Browser(app);
  const elsewhere = new Browser(app);
  await login(here, 'pwuser', 'Start2026');
  await login(elsewhere, 'pwuser', 'Start2026');
  const weak = await here.submit('/console/account', '/console/account/password', { current: 'Start2026', next: 'short', confirm: 'short' });
  assert.equal(weak.statusCode, 400);
  assert.match(weak.body, /8 个字符/);
  const wrong = await here.submit('/console/account', '/console/account/password', { current: 'nope', next: 'Better2026', confirm: 'Better2026' });
  assert.equal(wrong.statusCode, 400);
  assert.match(wrong.body, /当前密码不正确/);
  const ok = await here.submit('/console/account', '/console/account/password', { current: 'Start2026', next: 'Better2026', confirm: 'Better2026' });
  assert.equal(ok.statusCode, 303);
  assert.match((await here.get(ok.headers.location as string)).body, /密码已修改/);
  assert.equal((await elsewhere.get('/console')).statusCode, 303);
  assert.equal((await login(new Browser(app), 'pwuser', 'Start2026')).statusCode, 401);
  assert.equal((await login(new Browser(app), 'pwuser', 'Better2026')).statusCode, 303);
});

test('the login limiter answers 429 beyond the configured attempts per minute', async () => {
  const limited = await testApp(createServiceContext(ctx.db, { ...ctx.config, loginRateLimit: 3 }));
  try {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await limited.inject({ method: 'POST', url: '/api/v1/auth/token', remoteAddress: '192.0.2.50', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: `limit${i}`, password: 'x' }) });
      statuses.push(res.statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
    const other = await limited.inject({ method: 'POST', url: '/api/v1/auth/token', remoteAddress: '192.0.2.51', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'limit9', password: 'x' }) });
    assert.equal(other.statusCode, 401);
  } finally {
    await limited.close();
  }
});

test('the OpenAPI document describes the token endpoints', async () => {
  const doc = (await app.inject('/api/v1/openapi.json')).json();
  assert.ok(doc.paths['/api/v1/auth/token'].post);
  assert.ok(doc.paths['/api/v1/auth/tokens'].get);
  assert.ok(doc.paths['/api/v1/auth/tokens/{id}'].delete);
  assert.deepEqual(doc.paths['/api/v1/auth/token'].post.requestBody.content['application/json'].schema.required, ['username', 'password']);
  assert.equal(doc.paths['/login'], undefined); // pages are not API
});
