// Attack tests (issue 7 item 5): strict security headers on every kind of response, and tracking
// codes that cannot be guessed (entropy of the generator, rate limit, a wrong code reveals nothing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse, RouteOptions } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser } from '../support/app.ts';
import { buildApp } from '../../src/web/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import {
  TRACKING_CODE_BYTES, TRACKING_CODE_LENGTH, TRACKING_CODE_RANDOM_CHARS, isValidTrackingCode, trackingCodeFromBytes,
} from '../../src/domain/tracking-code.ts';
import { residentId } from '../integration/applications-fixture.ts';

const RATE_LIMIT = 5;
let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
const getRoutes: string[] = [];

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), loginRateLimit: 0, publicRateLimit: RATE_LIMIT });
  await loadDemo(ctx);
  app = await buildApp(ctx, {
    onRoute: (route: RouteOptions) => {
      if (([] as string[]).concat(route.method).includes('GET')) getRoutes.push(route.url);
    },
  });
  await app.ready();
});
after(async () => { await app.close(); await drop(); });

/** A concrete URL for a GET route pattern, with demo values where they exist. */
function concrete(url: string): string {
  const values: Record<string, string> = { code: 'hjjyj', year: '2025', month: '2025-01', category: 'notices', kind: 'columns' };
  return url.replace(/:([A-Za-z]+)/g, (_m, name: string) => values[name] ?? '1').replace(/\*$/, 'site.css');
}

function assertStrictHeaders(res: LightMyRequestResponse, where: string, hsts: boolean): void {
  const csp = String(res.headers['content-security-policy'] ?? '');
  assert.match(csp, /(^|;)\s*default-src 'self'/, `${where}: CSP default-src`);
  assert.match(csp, /script-src 'self'(;|$)/, `${where}: scripts only from this site`);
  assert.match(csp, /frame-ancestors 'none'/, `${where}: not framed`);
  assert.match(csp, /object-src 'none'/, `${where}: no plugins`);
  assert.match(csp, /base-uri 'self'/, `${where}: base-uri`);
  assert.match(csp, /form-action 'self'/, `${where}: forms post here only`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, `${where}: ${csp}`);
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${where}: nosniff`);
  assert.ok(['DENY', 'SAMEORIGIN'].includes(String(res.headers['x-frame-options'])), `${where}: X-Frame-Options for old browsers`);
  assert.ok(['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(String(res.headers['referrer-policy'])), `${where}: Referrer-Policy ${res.headers['referrer-policy']}`);
  if (hsts) assert.match(String(res.headers['strict-transport-security']), /max-age=(\d{8,}|[2-9]\d{7}|1[6-9]\d{6}|15[6-9]\d{5}|1555\d{4}|15552\d{3});?/, `${where}: HSTS of at least 180 days`);
  else assert.equal(res.headers['strict-transport-security'], undefined, `${where}: no HSTS without TLS`);
}

test('every GET route — public pages, console pages, errors, API, feeds, sitemap, static files — sends the strict headers, signed in or not', async () => {
  assert.ok(getRoutes.length >= 80, `${getRoutes.length} GET routes`);
  const anonymous = new Browser(app);
  const staff = new Browser(app);
  assert.equal((await staff.submit('/login', '/login', { username: 'admin', password: DEMO_PASSWORD })).statusCode, 303);
  const seen = new Set<string>();
  for (const route of getRoutes) {
    const url = concrete(route);
    for (const [who, b] of [['anonymous', anonymous], ['staff', staff]] as const) {
      const res = await b.get(url);
      assert.ok(res.statusCode < 500, `${who} GET ${url}: ${res.statusCode}`);
      assertStrictHeaders(res, `${who} GET ${url} (${res.statusCode})`, false);
      seen.add(String(res.headers['content-type']).split(';')[0]);
    }
  }
  // The crawl really covered every kind of response.
  for (const type of ['text/html', 'application/json', 'application/atom+xml', 'application/xml', 'text/css']) {
    assert.ok([...seen].some((t) => t === type || (type === 'application/xml' && t === 'text/xml')), `a ${type} response was checked (saw ${[...seen].join(', ')})`);
  }
  // Pages carry no inline script or style for the CSP to forbid.
  const home = await anonymous.get('/gk/hjjyj');
  assert.doesNotMatch(home.body, /<script(?![^>]*\bsrc=)[^>]*>|\sstyle="|\son[a-z]+=/i);
});

test('behind TLS: Secure cookies and HSTS on every response', async () => {
  const fresh = await freshDb('sqlite');
  const tlsCtx = createServiceContext(fresh.db, { ...configFromEnv({}), secureCookies: true });
  const tls = await buildApp(tlsCtx);
  await tls.ready();
  try {
    for (const url of ['/', '/login', '/no/such/page', '/api/v1/openapi.json', '/static/site.css', '/sitemap.xml']) {
      const res = await tls.inject({ url, headers: { accept: 'text/html' } });
      assertStrictHeaders(res, `TLS GET ${url}`, true);
      for (const c of [res.headers['set-cookie'] ?? []].flat()) assert.match(String(c), /; Secure/i, `${url}: ${c}`);
    }
  } finally {
    await tls.close();
    await fresh.drop();
  }
});

test('tracking codes: 16 characters, 75 random bits from the generator, each issued code distinct and valid', async () => {
  assert.equal(TRACKING_CODE_LENGTH, 16);
  assert.equal(TRACKING_CODE_RANDOM_CHARS * 5, 75, '75 bits: guessing one of a million live codes takes ~2^55 tries on average');
  // Every one of the first 75 input bits reaches the code: no bit of the randomness is thrown away.
  for (let trial = 0; trial < 20; trial++) {
    const bytes = randomBytes(TRACKING_CODE_BYTES);
    const code = trackingCodeFromBytes(bytes);
    assert.ok(isValidTrackingCode(code));
    for (let bit = 0; bit < 75; bit++) {
      const flipped = Buffer.from(bytes);
      flipped[bit >> 3] ^= 0x80 >> (bit & 7);
      assert.notEqual(trackingCodeFromBytes(flipped), code, `input bit ${bit} changes the code`);
    }
  }
  // Character frequencies over many codes are flat (no position or symbol is favoured).
  const counts = new Map<string, number>();
  const N = 4000;
  for (let i = 0; i < N; i++) for (const ch of trackingCodeFromBytes(randomBytes(TRACKING_CODE_BYTES)).slice(0, 15)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  assert.equal(counts.size, 32);
  const expected = (N * 15) / 32;
  for (const [ch, n] of counts) assert.ok(Math.abs(n - expected) < expected * 0.15, `${ch}: ${n} vs ${expected}`);
  // The codes the platform actually issues.
  const issued = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const res = await app.inject({
      method: 'POST', url: '/api/v1/applications', remoteAddress: `198.51.100.${10 + i}`,
      payload: {
        applicant: { kind: 'person', name: '王小红', idType: 'resident_id', idNumber: residentId('19880808', '321'), phone: '13900005678' },
        agency: 'hjjyj', description: `申请公开2025年秋季学期招生计划（第${i + 1}份）`, format: 'electronic', delivery: 'online',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const code = (res.json() as { trackingCode: string }).trackingCode;
    assert.equal(code.length, 16);
    assert.ok(isValidTrackingCode(code));
    issued.add(code);
  }
  assert.equal(issued.size, 3);
});

async function submitted(remoteAddress: string): Promise<string> {
  const res = await app.inject({
    method: 'POST', url: '/api/v1/applications', remoteAddress,
    payload: {
      applicant: { kind: 'person', name: '赵秘密', idType: 'resident_id', idNumber: residentId('19900101', '123'), phone: '13900004321' },
      agency: 'hjjyj', description: '申请公开本局2025年度部门预算', format: 'electronic', delivery: 'online',
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return (res.json() as { trackingCode: string }).trackingCode;
}

/** Another well-formed code (valid check character) that no application has. */
const unknownCode = () => trackingCodeFromBytes(randomBytes(TRACKING_CODE_BYTES));
/** The page without what legitimately differs: the CSRF token and the code the person typed. */
const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/g, '').replace(/(name="trackingCode" type="text" value=")[^"]*"/, '$1"');

test('a wrong code or wrong phone digits reveal nothing: the same answer either way, no applicant data', async () => {
  const code = await submitted('198.51.100.50');
  const api = (c: string, phone: string, ip: string) => app.inject({ url: `/api/v1/applications/track/${c}?phoneLast4=${phone}`, remoteAddress: ip });
  const right = await api(code, '4321', '198.51.100.51');
  assert.equal(right.statusCode, 200, 'the right code and digits work');
  const wrongPhone = await api(code, '0000', '198.51.100.52');
  const wrongCode = await api(unknownCode(), '4321', '198.51.100.53');
  assert.equal(wrongPhone.statusCode, 404);
  assert.equal(wrongCode.statusCode, 404);
  assert.equal(wrongPhone.body, wrongCode.body, 'an existing code with wrong digits looks like a code that does not exist');
  for (const res of [wrongPhone, wrongCode]) assert.doesNotMatch(res.body, /赵秘密|部门预算|4321|received|dueOn/);

  // The tracking page, the same.
  const page = async (c: string, phone: string, ip: string) => {
    const b = new Browser(app);
    const form = await b.get('/gk/hjjyj/track');
    const res = await app.inject({
      method: 'POST', url: '/gk/hjjyj/track', remoteAddress: ip,
      payload: new URLSearchParams({ _csrf: Browser.csrfFrom(form.body), trackingCode: c, phoneLast4: phone }).toString(),
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    return res;
  };
  const pWrongPhone = await page(code, '0000', '198.51.100.54');
  const pWrongCode = await page(unknownCode(), '4321', '198.51.100.55');
  assert.equal(pWrongPhone.statusCode, 404);
  assert.equal(pWrongCode.statusCode, 404);
  assert.equal(withoutToken(pWrongPhone.body), withoutToken(pWrongCode.body));
  assert.doesNotMatch(pWrongPhone.body, /赵秘密|部门预算/);
});

test('tracking lookups are rate-limited per address: 429 with a Chinese message after the limit, even for the right code', async () => {
  const code = await submitted('198.51.100.60');
  const ip = '203.0.113.7';
  for (let i = 0; i < RATE_LIMIT; i++) {
    const res = await app.inject({ url: `/api/v1/applications/track/${unknownCode()}?phoneLast4=1234`, remoteAddress: ip });
    assert.equal(res.statusCode, 404);
  }
  const limited = await app.inject({ url: `/api/v1/applications/track/${code}?phoneLast4=4321`, remoteAddress: ip });
  assert.equal(limited.statusCode, 429);
  assert.match((limited.json() as { message: string }).message, /请求过于频繁/);
  assert.doesNotMatch(limited.body, /赵秘密/);
  // The tracking page shares the budget with the API: guessing cannot switch channels.
  const b = new Browser(app);
  const form = await b.get('/gk/hjjyj/track');
  const page = await app.inject({
    method: 'POST', url: '/gk/hjjyj/track', remoteAddress: ip,
    payload: new URLSearchParams({ _csrf: Browser.csrfFrom(form.body), trackingCode: code, phoneLast4: '4321' }).toString(),
    headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
  });
  assert.equal(page.statusCode, 429);
  assert.match(page.body, /请求过于频繁/);
  // Another address is not affected.
  const other = await app.inject({ url: `/api/v1/applications/track/${code}?phoneLast4=4321`, remoteAddress: '203.0.113.8' });
  assert.equal(other.statusCode, 200);
  // Question tracking (code only) is limited the same way.
  const qip = '203.0.113.9';
  let last: LightMyRequestResponse | undefined;
  for (let i = 0; i <= RATE_LIMIT; i++) {
    const qb = new Browser(app);
    const qform = await qb.get('/gk/hjjyj/ask');
    last = await app.inject({
      method: 'POST', url: '/gk/hjjyj/ask/track', remoteAddress: qip,
      payload: new URLSearchParams({ _csrf: Browser.csrfFrom(qform.body), code: unknownCode() }).toString(),
      headers: { cookie: [...qb.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    if (i < RATE_LIMIT) assert.equal(last.statusCode, 404, last.body.slice(0, 200));
  }
  assert.equal(last!.statusCode, 429);
  assert.match(last!.body, /请求过于频繁/);
});
