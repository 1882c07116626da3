// Attack tests (issue 7 item 5): SQL injection attempts in every query parameter of every GET route
// that declares one (public catalog and search, the JSON API, console lists), on SQLite and on
// PostgreSQL: never a 500, the tables intact, and no payload matches more than its plain words do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance, RouteOptions } from 'fastify';
import type { ZodObject, ZodRawShape } from 'zod';
import { forEachDialect } from '../support/db.ts';
import { Browser } from '../support/app.ts';
import { executableMarkup } from '../support/html-scan.ts';
import { buildApp } from '../../src/web/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import type { Actor } from '../../src/services/actor.ts';

const SQL_PAYLOADS = [
  "' OR 1=1--",
  '1;DROP TABLE documents',
  "%' --",
  '’ OR ‘1’=‘1',
  "1' UNION SELECT password_hash, username FROM users--",
  '") OR ("a"="a',
  "\\'; SELECT pg_sleep(3); --",
  '%',
  '_',
  '*" OR title MATCH "*',
];

/** For the sweep over every parameter of every route: quote, LIKE, unicode-quote and stacked-statement shapes. */
const SWEEP_PAYLOADS = SQL_PAYLOADS.slice(0, 4);

/** The payload's words only: what a search for it may legitimately match. */
const plainWords = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

forEachDialect('SQL injection in every filter', (s) => {
  let app: FastifyInstance;
  let ctx: ServiceContext;
  const queried: { url: string; keys: string[] }[] = [];
  let bearer = '';
  let office: Browser;
  let documentsBefore = 0;

  before(async () => {
    ctx = createServiceContext(s.db, { ...configFromEnv({}), secret: 'sql-test', loginRateLimit: 0, publicRateLimit: 0 });
    await loadDemo(ctx);
    app = await buildApp(ctx, {
      onRoute: (route: RouteOptions) => {
        const methods = ([] as string[]).concat(route.method);
        const qs = route.schema?.querystring as ZodObject<ZodRawShape> | undefined;
        if (methods.includes('GET') && qs && typeof qs === 'object' && 'shape' in qs) queried.push({ url: route.url, keys: Object.keys(qs.shape) });
      },
    });
    await app.ready();
    const u = await ctx.repos.users.byUsername('office');
    const actor: Actor = { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
    bearer = (await createApiToken(ctx, actor, 'sql-test')).token;
    office = new Browser(app);
    assert.equal((await office.submit('/login', '/login', { username: 'office', password: DEMO_PASSWORD })).statusCode, 303);
    documentsBefore = Number((await ctx.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  });
  after(async () => { await app.close(); });

  const concrete = (url: string) => url.replace(/:([A-Za-z]+)/g, (_m, name: string) => ({ code: 'hjjyj', year: '2025', month: '2025-01', kind: 'columns', category: 'zcwj' } as Record<string, string>)[name] ?? '1');

  test('every query parameter of every GET route: 2xx/3xx/4xx, never a 500; HTML answers carry no markup from the payload', async () => {
    assert.ok(queried.length >= 25, `${queried.length} routes with query parameters`);
    let requests = 0;
    for (const route of queried) {
      if (route.url.startsWith('/static/') || route.url === '/metrics') continue;
      const base = concrete(route.url);
      for (const key of route.keys) {
        for (const payload of SWEEP_PAYLOADS) {
          const url = `${base}?${key}=${encodeURIComponent(payload)}`;
          const res = route.url.startsWith('/api/')
            ? await app.inject({ url, headers: { authorization: `Bearer ${bearer}` } })
            : route.url.startsWith('/console')
              ? await office.get(url)
              : await app.inject({ url, headers: { accept: 'text/html' } });
          requests++;
          assert.ok(res.statusCode < 500, `${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (String(res.headers['content-type']).startsWith('text/html')) assert.deepEqual(executableMarkup(res.body), [], url);
        }
      }
    }
    assert.ok(requests >= 250, `${requests} requests`);
  });

  test('API document list: no payload matches more than its plain words; exact filters match nothing', async () => {
    const all = (await app.inject('/api/v1/documents?pageSize=1')).json() as { total: number };
    assert.ok(all.total > 5);
    for (const payload of SQL_PAYLOADS) {
      const q = await app.inject(`/api/v1/documents?pageSize=1&q=${encodeURIComponent(payload)}`);
      assert.ok(q.statusCode === 200 || q.statusCode === 400, `q=${payload}: ${q.statusCode}`);
      if (q.statusCode === 200) {
        const words = plainWords(payload);
        const ceiling = words === '' ? 0 : ((await app.inject(`/api/v1/documents?pageSize=1&q=${encodeURIComponent(words)}`)).json() as { total: number }).total;
        assert.ok((q.json() as { total: number }).total <= ceiling, `q=${payload}: ${(q.json() as { total: number }).total} > ${ceiling} for “${words}”`);
      }
      for (const key of ['category', 'topic', 'agency']) {
        const res = await app.inject(`/api/v1/documents?pageSize=1&${key}=${encodeURIComponent(payload)}`);
        assert.ok(res.statusCode === 200 || res.statusCode === 400, `${key}=${payload}: ${res.statusCode}`);
        if (res.statusCode === 200) assert.equal((res.json() as { total: number }).total, 0, `${key}=${payload} matches nothing`);
      }
    }
  });

  test('staff application list and console lists: counts not inflated by a payload', async () => {
    const list = async (query: string) => app.inject({ url: `/api/v1/applications?pageSize=1${query}`, headers: { authorization: `Bearer ${bearer}` } });
    const all = ((await list('')).json() as { total: number }).total;
    assert.ok(all > 0);
    for (const payload of SQL_PAYLOADS) {
      const res = await list(`&q=${encodeURIComponent(payload)}`);
      assert.equal(res.statusCode, 200, `${payload}: ${res.statusCode}`);
      const words = plainWords(payload);
      const ceiling = words === '' ? 0 : ((await list(`&q=${encodeURIComponent(words)}`)).json() as { total: number }).total;
      assert.ok((res.json() as { total: number }).total <= ceiling, `applications q=${payload}`);
      const bad = await list(`&state=${encodeURIComponent(payload)}&agency=${encodeURIComponent(payload)}`);
      assert.ok(bad.statusCode === 400 || (bad.statusCode === 200 && (bad.json() as { total: number }).total === 0), `state/agency=${payload}: ${bad.statusCode}`);
    }
    const catalog = await app.inject({ url: '/gk/hjjyj/catalog', headers: { accept: 'text/html' } });
    const rowsOf = (html: string) => (html.match(/<tr/g) ?? []).length;
    for (const payload of SQL_PAYLOADS) {
      const res = await app.inject({ url: `/gk/hjjyj/catalog?category=${encodeURIComponent(payload)}&year=${encodeURIComponent(payload)}`, headers: { accept: 'text/html' } });
      assert.ok(res.statusCode < 500);
      assert.ok(rowsOf(res.body) <= rowsOf(catalog.body), `catalog rows with ${payload}`);
    }
  });

  test('the tables are intact afterwards', async () => {
    const n = Number((await ctx.db.kysely.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(n, documentsBefore);
    const users = Number((await ctx.db.kysely.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.ok(users >= 7);
  });
});
