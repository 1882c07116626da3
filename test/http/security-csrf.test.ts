// Attack tests (issue 7 item 5): CSRF on every state-changing route, the API's refusal of cookies,
// session fixation and logout, open redirects. The routes come from the Fastify instance itself
// (an onRoute hook), so a POST route added later without protection fails this file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser } from '../support/app.ts';
import { buildApp } from '../../src/web/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { exportPlatform } from '../../src/db/transfer.ts';
import { sha256, SESSION_COOKIE } from '../../src/web/plugins/auth.ts';
import { messages } from '../../src/web/i18n/messages.ts';

const CSRF_MESSAGE = messages['error.csrf'].zh;
let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
let storageDir: string;
const routes: { method: string; url: string; multipartCsrf: boolean }[] = [];
/** Who each /api/ request was authenticated as, recorded by an observing hook (test instance only). */
const apiAuth = new Map<string, string | null>();
let admin: Browser;
let other: Browser;

function recordApiUser(request: FastifyRequest, _reply: unknown, done: () => void): void {
  const probe = request.headers['x-probe'];
  if (typeof probe === 'string') apiAuth.set(probe, request.user ? request.user.username : null);
  done();
}

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-sec-csrf-'));
  // Rate limits off: hundreds of refused posts must each reach the CSRF check.
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), loginRateLimit: 0, publicRateLimit: 0, storageDir });
  await loadDemo(ctx);
  app = await buildApp(ctx, {
    onRoute: (route: RouteOptions) => {
      for (const method of ([] as string[]).concat(route.method)) {
        routes.push({ method, url: route.url, multipartCsrf: !!route.config?.multipartCsrf });
      }
      if (route.url.startsWith('/api/')) {
        const existing = route.preValidation ? ([] as unknown[]).concat(route.preValidation) : [];
        route.preValidation = [...existing, recordApiUser] as RouteOptions['preValidation'];
      }
    },
  });
  await app.ready();
  admin = new Browser(app);
  assert.equal((await admin.submit('/login', '/login', { username: 'admin', password: DEMO_PASSWORD })).statusCode, 303);
  other = new Browser(app);
  assert.equal((await other.submit('/login', '/login', { username: 'office', password: DEMO_PASSWORD })).statusCode, 303);
});
after(async () => {
  await app.close();
  await drop();
  fs.rmSync(storageDir, { recursive: true, force: true });
});

const cookieOf = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

/** A concrete URL for a route pattern; the values are valid where a handler checks the token itself. */
function concrete(url: string): string {
  const values: Record<string, string> = { code: 'hjjyj', year: '2026', month: '2026-01', kind: 'columns' };
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => values[name] ?? '1').replace(/\*$/, 'x');
}

/** Every table's row count and content checksum (the export's own digests). */
async function snapshot(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-sec-snap-'));
  try {
    const manifest = await exportPlatform(ctx.db, dir);
    return JSON.stringify(manifest.tables.map((t) => [t.name, t.rows, t.checksum]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function multipart(fields: Record<string, string>): { payload: string; type: string } {
  const boundary = 'gkSecBoundary7';
  let payload = '';
  for (const [k, v] of Object.entries(fields)) payload += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
  payload += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\na,b\r\n1,2\r\n`;
  payload += `--${boundary}--\r\n`;
  return { payload, type: `multipart/form-data; boundary=${boundary}` };
}

const stateChanging = () => routes.filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method));

test('the route list comes from the instance and holds every kind of state-changing route', () => {
  const posts = stateChanging();
  assert.ok(posts.length >= 100, `only ${posts.length} state-changing routes found`);
  for (const known of ['/login', '/logout', '/gk/:code/apply', '/console/documents/:id/attachments', '/api/v1/applications']) {
    assert.ok(posts.some((r) => r.url === known), `${known} is among the collected routes`);
  }
  // The routes that read a multipart body themselves are declared, and only those are exempt from the hook.
  const multipartRoutes = posts.filter((r) => r.multipartCsrf).map((r) => r.url).sort();
  assert.ok(multipartRoutes.includes('/console/documents/:id/attachments'));
  assert.ok(multipartRoutes.includes('/console/admin/calendar/upload'));
});

test('every page form refuses a post without a token or with another session\'s token (urlencoded, multipart, JSON, text/plain); nothing changes', async () => {
  const before = await snapshot();
  const foreignToken = Browser.csrfFrom((await other.get('/console/account')).body);
  assert.notEqual(foreignToken, Browser.csrfFrom((await admin.get('/console/account')).body), 'two sessions have different tokens');
  const cookie = cookieOf(admin);
  const checked: string[] = [];
  for (const r of stateChanging()) {
    if (r.url.startsWith('/api/')) continue;
    const url = concrete(r.url);
    const method = r.method as 'POST' | 'PUT' | 'DELETE' | 'PATCH';
    const attempts: { what: string; payload: string; type: string }[] = [
      { what: 'urlencoded without a token', payload: 'title=x&name=x', type: 'application/x-www-form-urlencoded' },
      { what: 'urlencoded with another session\'s token', payload: `_csrf=${encodeURIComponent(foreignToken)}&title=x`, type: 'application/x-www-form-urlencoded' },
      { what: 'urlencoded with a forged token', payload: `_csrf=${'A'.repeat(43)}`, type: 'application/x-www-form-urlencoded' },
      { what: 'JSON without a token', payload: '{"title":"x"}', type: 'application/json' },
      { ...multipart({}), what: 'multipart without a token' },
      { ...multipart({ _csrf: foreignToken }), what: 'multipart with another session\'s token' },
    ];
    for (const a of attempts) {
      const res = await app.inject({ method, url, payload: a.payload, headers: { cookie, 'content-type': a.type, accept: 'text/html' } });
      assert.equal(res.statusCode, 403, `${r.method} ${r.url} (${a.what}): ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.ok(res.body.includes(CSRF_MESSAGE), `${r.method} ${r.url} (${a.what}) answers the Chinese CSRF message`);
    }
    // A cross-site form can also send text/plain: no parser accepts it.
    const plain = await app.inject({ method, url, payload: '_csrf=x', headers: { cookie, 'content-type': 'text/plain', accept: 'text/html' } });
    assert.ok(plain.statusCode === 415 || plain.statusCode === 403, `${r.method} ${r.url} (text/plain): ${plain.statusCode}`);
    checked.push(`${r.method} ${r.url}`);
  }
  assert.ok(checked.length >= 100, `${checked.length} page routes checked`);
  assert.equal(await snapshot(), before, 'no table changed');
});

test('the same requests with the session\'s own token get past the CSRF check', async () => {
  // Proves the refusals above come from the token, not from the route or the session.
  const token = Browser.csrfFrom((await admin.get('/console/account')).body);
  const res = await app.inject({
    method: 'POST', url: '/gk/hjjyj/ask/track', payload: `_csrf=${encodeURIComponent(token)}&code=NOT-A-CODE`,
    headers: { cookie: cookieOf(admin), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
  assert.equal(res.statusCode, 400, 'past the token, the malformed code is what is refused');
  assert.ok(!res.body.includes(CSRF_MESSAGE));
  const mp = multipart({ _csrf: token, year: '2026' });
  const upload = await app.inject({ method: 'POST', url: '/console/admin/calendar/upload', payload: mp.payload, headers: { cookie: cookieOf(admin), 'content-type': mp.type, accept: 'text/html' } });
  assert.notEqual(upload.statusCode, 403, upload.body.slice(0, 300));
  assert.ok(!upload.body.includes(CSRF_MESSAGE));
});

test('the JSON API never authenticates with a session cookie (so it needs no CSRF token), only with a Bearer token', async () => {
  const cookie = cookieOf(admin);
  const apiRoutes = routes.filter((r) => r.url.startsWith('/api/'));
  assert.ok(apiRoutes.length >= 10);
  let n = 0;
  for (const r of apiRoutes) {
    const probe = `p${n++}`;
    const withBody = !['GET', 'HEAD', 'DELETE'].includes(r.method);
    await app.inject({
      method: r.method as 'GET', url: concrete(r.url), ...(withBody ? { payload: '{}' } : {}),
      headers: { cookie, 'x-probe': probe, ...(withBody ? { 'content-type': 'application/json' } : {}) },
    });
    if (apiAuth.has(probe)) assert.equal(apiAuth.get(probe), null, `${r.method} ${r.url} authenticated a session cookie`);
  }
  assert.ok(apiAuth.size >= 10, `${apiAuth.size} API requests observed`);
  // A signed-in browser's cookie does not reach staff API data …
  const tokens = await app.inject({ url: '/api/v1/auth/tokens', headers: { cookie } });
  assert.equal(tokens.statusCode, 401);
  // … while a Bearer token does (the observation above is not vacuous).
  const issued = await app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { username: 'admin', password: DEMO_PASSWORD } });
  const bearer = (issued.json() as { token: string }).token;
  await app.inject({ url: '/api/v1/auth/tokens', headers: { authorization: `Bearer ${bearer}`, 'x-probe': 'bearer' } });
  assert.equal(apiAuth.get('bearer'), 'admin');
  // Cross-site forms can post urlencoded or multipart to the API: those need the token too.
  const form = await app.inject({ method: 'DELETE', url: '/api/v1/auth/tokens/1', payload: 'x=1', headers: { cookie, authorization: `Bearer ${bearer}`, 'content-type': 'application/x-www-form-urlencoded' } });
  assert.equal(form.statusCode, 403);
  const mp = multipart({});
  const mpRes = await app.inject({ method: 'POST', url: '/api/v1/applications', payload: mp.payload, headers: { cookie, 'content-type': mp.type } });
  assert.equal(mpRes.statusCode, 403);
  assert.equal((mpRes.json() as { error: string }).error, 'csrf');
});

test('session fixation: a session id planted before sign-in is not the one after it, and is not valid', async () => {
  const b = new Browser(app);
  await b.get('/login');
  const planted = 'planted-session-id-chosen-by-an-attacker-0123456789';
  b.cookies.set(SESSION_COOKIE, planted);
  const res = await b.submit('/login', '/login', { username: 'clerk', password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 303);
  const issued = b.cookies.get(SESSION_COOKIE);
  assert.ok(issued && issued !== planted, 'a new session id is issued');
  assert.ok(issued.length >= 43, 'at least 256 random bits');
  assert.equal(await ctx.repos.sessions.findValid(sha256(planted), ctx.now()), undefined);
  const withPlanted = await app.inject({ url: '/console', headers: { cookie: `${SESSION_COOKIE}=${planted}`, accept: 'text/html' } });
  assert.equal(withPlanted.statusCode, 303, 'the planted id signs nobody in');
  assert.match(String(withPlanted.headers.location), /^\/login/);

  // Signing in again on the same browser (as someone else) ends the earlier session on the server.
  const again = await b.submit('/console/account', '/login', { username: 'clerk2', password: DEMO_PASSWORD });
  assert.equal(again.statusCode, 303);
  assert.notEqual(b.cookies.get(SESSION_COOKIE), issued);
  const old = await app.inject({ url: '/console', headers: { cookie: `${SESSION_COOKIE}=${issued}`, accept: 'text/html' } });
  assert.equal(old.statusCode, 303, 'the earlier session id no longer works');
});

test('logout ends the session on the server: the old cookie, replayed, signs nobody in', async () => {
  const b = new Browser(app);
  await b.submit('/login', '/login', { username: 'reviewer', password: DEMO_PASSWORD });
  const sid = b.cookies.get(SESSION_COOKIE)!;
  assert.equal((await b.get('/console')).statusCode, 200);
  const token = Browser.csrfFrom((await b.get('/console')).body);
  const out = await b.post('/logout', { _csrf: token });
  assert.equal(out.statusCode, 303);
  assert.equal(b.cookies.has(SESSION_COOKIE), false, 'the browser is told to drop the cookie');
  assert.equal(await ctx.repos.sessions.findValid(sha256(sid), ctx.now()), undefined, 'the session row is gone');
  const replay = await app.inject({ url: '/console', headers: { cookie: `${SESSION_COOKIE}=${sid}`, accept: 'text/html' } });
  assert.equal(replay.statusCode, 303);
  assert.match(String(replay.headers.location), /^\/login/);
});

const EVIL_TARGETS = [
  '//evil.example', 'https://evil.example', 'http://evil.example/console', '/\\evil.example', '\\\\evil.example',
  '/\t/evil.example', '/\n/evil.example', '/\\/evil.example', 'javascript:alert(1)', '//evil.example/%2e%2e', '/%0d%0aLocation:%20https://evil.example',
  ' //evil.example', 'evil.example',
];

/** Where a browser would go from a Location header on this site (it drops tabs and line breaks too). */
function landsOn(location: string): string {
  assert.doesNotMatch(location, /[\r\n]/, 'no header splitting');
  return new URL(location, 'http://gongkai.test/login').host;
}

test('open redirects: login (page and form), large-text switch and logout only go to paths on this site', async () => {
  const signedIn = new Browser(app);
  await signedIn.submit('/login', '/login', { username: 'head', password: DEMO_PASSWORD });
  // The large-text switch is a display preference: a form post or a GET link, either way it takes `next`.
  const largeTextIsForm = routes.some((r) => r.url === '/prefs/large-text' && r.method === 'POST');
  for (const target of EVIL_TARGETS) {
    // Already signed in: GET /login?next= redirects at once.
    const get = await signedIn.get(`/login?next=${encodeURIComponent(target)}`);
    assert.equal(get.statusCode, 303);
    assert.equal(landsOn(String(get.headers.location)), 'gongkai.test', `GET /login?next=${JSON.stringify(target)} → ${get.headers.location}`);
    // Signing in with next= in the form.
    const b = new Browser(app);
    const login = await b.submit(`/login?next=${encodeURIComponent(target)}`, '/login', { username: 'clerk', password: DEMO_PASSWORD, next: target });
    assert.equal(login.statusCode, 303);
    assert.equal(landsOn(String(login.headers.location)), 'gongkai.test', `POST /login next=${JSON.stringify(target)} → ${login.headers.location}`);
    // The page does not carry the target into its form either.
    const page = await new Browser(app).get(`/login?next=${encodeURIComponent(target)}`);
    const carried = page.body.match(/class="login-form"><input type="hidden" name="_csrf" value="[^"]+"\/><input type="hidden" name="next" value="([^"]*)"/);
    assert.ok(carried, 'the sign-in form carries a next field');
    assert.equal(landsOn(carried[1].replace(/&amp;/g, '&')), 'gongkai.test', `form next for ${JSON.stringify(target)}: ${carried[1]}`);
    const large = largeTextIsForm
      ? await b.submit('/gk/hjjyj', '/prefs/large-text', { on: '1', next: target })
      : await b.get(`/prefs/large-text?on=1&next=${encodeURIComponent(target)}`);
    assert.equal(large.statusCode, 303);
    assert.equal(landsOn(String(large.headers.location)), 'gongkai.test', `large text next=${JSON.stringify(target)} → ${large.headers.location}`);
  }
  // Local paths still work.
  const ok = await new Browser(app).submit('/login', '/login', { username: 'clerk', password: DEMO_PASSWORD, next: '/console/documents?x=1' });
  assert.equal(ok.headers.location, '/console/documents?x=1');
  // Logout and the language switch take no target at all.
  const b = new Browser(app);
  await b.submit('/login', '/login', { username: 'clerk', password: DEMO_PASSWORD });
  const out = await b.submit('/console', '/logout', { next: 'https://evil.example' });
  assert.equal(out.headers.location, '/login');
  const lang = await b.get('/gk/hjjyj?lang=en&next=https%3A%2F%2Fevil.example');
  assert.equal(lang.statusCode, 200);
  assert.equal(lang.headers.location, undefined);
});
