// HTTP caching (issue 7 item 4): ETag / Last-Modified with 304s, Cache-Control on public pages and
// static files, the in-memory page cache for anonymous visitors — never for staff, never with a
// cookie or a visitor's CSRF token — and how fast a withdrawn document leaves it: at once on the
// instance that withdrew it, within the TTL on another instance.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db, type Dialect } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { withdrawDocument } from '../../src/services/document.service.ts';
import type { Actor } from '../../src/services/actor.ts';
import { PageCache } from '../../src/web/plugins/page-cache.ts';
import { ASSET_VERSIONS } from '../../src/web/render.tsx';
import { Browser, testApp } from '../support/app.ts';
import { createPgDatabase, DIALECTS, pgProblem } from '../support/db.ts';

/** Two connections to one new database: two instances of the platform. */
async function sharedDatabase(dialect: Dialect): Promise<{ a: Db; b: Db; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cache-'));
    const file = path.join(dir, 'gongkai.sqlite');
    const a = openDb({ dialect: 'sqlite', file });
    await migrateToLatest(a);
    const b = openDb({ dialect: 'sqlite', file });
    return { a, b, async drop() { await a.close(); await b.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const created = await createPgDatabase();
  const a = openDb({ dialect: 'postgres', url: created.url });
  await migrateToLatest(a);
  const b = openDb({ dialect: 'postgres', url: created.url });
  return { a, b, async drop() { await a.close(); await b.close(); await created.drop(); } };
}

const TTL = 30;
const SHORT_TTL = 1;

for (const dialect of DIALECTS) {
  describe(`HTTP caching [${dialect}]`, { skip: dialect === 'postgres' && pgProblem ? `PostgreSQL 不可用（${pgProblem}）` : false }, () => {
    let ctx: ServiceContext;
    let app: FastifyInstance;
    /** Another instance on the same database, with a 1 s page cache. */
    let other: FastifyInstance;
    let drop: () => Promise<void>;

    const get = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { accept: 'text/html', ...headers } });

    async function office(): Promise<Actor> {
      const u = await ctx.repos.users.byUsername('office');
      return { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
    }

    /** Published documents of the demo agency, newest first, as listed on the catalog's first page. */
    async function publishedDocs() {
      const agencies = (await ctx.repos.agencies.all()).map((a) => a.id);
      return (await ctx.repos.documents.list({ agencyIds: agencies, states: ['published'] }, 'published_desc', 1, 20)).items;
    }

    before(async () => {
      const shared = await sharedDatabase(dialect);
      drop = shared.drop;
      const config = { ...configFromEnv({}), secret: 'cache-test', loginRateLimit: 0, publicRateLimit: 0, pageCacheSeconds: TTL };
      ctx = createServiceContext(shared.a, config);
      await loadDemo(ctx);
      app = await testApp(ctx);
      other = await testApp(createServiceContext(shared.b, { ...config, pageCacheSeconds: SHORT_TTL }));
    });
    after(async () => {
      await app?.close();
      await other?.close();
      await drop?.();
    });

    test('a public page: ETag, Last-Modified, Cache-Control public; If-None-Match and If-Modified-Since answer 304 without a body', async () => {
      const first = await get('/gk/hjjyj/guide');
      assert.equal(first.statusCode, 200);
      const etag = String(first.headers.etag);
      assert.match(etag, /^"[A-Za-z0-9_-]{27}"$/);
      assert.equal(first.headers['cache-control'], `public, max-age=${TTL}`);
      assert.equal(first.headers.vary, 'Cookie, Accept-Language');
      assert.ok(Date.parse(String(first.headers['last-modified'])) <= Date.now());

      const again = await get('/gk/hjjyj/guide');
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers.etag, etag, 'the same bytes, the same ETag');
      assert.equal(again.body, first.body);

      const revalidated = await get('/gk/hjjyj/guide', { 'if-none-match': etag });
      assert.equal(revalidated.statusCode, 304);
      assert.equal(revalidated.body, '');
      assert.equal(revalidated.headers.etag, etag);
      assert.equal(revalidated.headers['content-type'], undefined);
      assert.equal(revalidated.headers['cache-control'], `public, max-age=${TTL}`);

      const since = await get('/gk/hjjyj/guide', { 'if-modified-since': String(first.headers['last-modified']) });
      assert.equal(since.statusCode, 304);
      const older = await get('/gk/hjjyj/guide', { 'if-modified-since': new Date(Date.now() - 3600_000).toUTCString() });
      assert.equal(older.statusCode, 200);
      const changed = await get('/gk/hjjyj/guide', { 'if-none-match': '"something-else"' });
      assert.equal(changed.statusCode, 200);
      assert.equal(changed.body, first.body);
    });

    test('no Set-Cookie on public pages; ?lang= (which sets the language cookie) is answered but not shared', async () => {
      for (const url of ['/', '/gk/hjjyj/catalog', '/gk/hjjyj/guide']) {
        for (let i = 0; i < 2; i++) {
          const res = await get(url);
          assert.equal(res.statusCode, 200);
          assert.equal(res.headers['set-cookie'], undefined, `${url} (request ${i + 1}) sets no cookie`);
          assert.doesNotMatch(res.body, /name="_csrf"/, `${url} carries no CSRF token`);
        }
      }
      const en = await get('/gk/hjjyj/guide?lang=en');
      assert.match(String(en.headers['set-cookie']), /gk_lang=en/);
      assert.notEqual(en.headers['cache-control'], `public, max-age=${TTL}`);
      assert.equal(en.headers.etag, undefined);
      // A language is its own entry: the cookie or Accept-Language pick it, never another visitor's copy.
      const zh = await get('/gk/hjjyj/guide');
      assert.equal(zh.headers['content-language'], 'zh-CN');
      const byCookie = await get('/gk/hjjyj/guide', { cookie: 'gk_lang=en' });
      assert.equal(byCookie.headers['content-language'], 'en');
      assert.match(byCookie.body, /<html lang="en"/);
      const byHeader = await get('/gk/hjjyj/guide', { 'accept-language': 'zh-TW,zh;q=0.8' });
      assert.equal(byHeader.headers['content-language'], 'zh-TW');
      assert.notEqual(byHeader.headers.etag, zh.headers.etag);
      const large = await get('/gk/hjjyj/guide', { cookie: 'gk_large=1' });
      assert.match(large.body, /<body class="portal large">/);
      assert.match((await get('/gk/hjjyj/guide')).body, /<body class="portal">/);
    });

    test('pages with a form carry the visitor\'s own CSRF token: never shared, and the form still works', async () => {
      const a = new Browser(app);
      const b = new Browser(app);
      await a.get('/'); // a cached page first: it issues no token
      assert.equal(a.cookies.get('gk_csrf'), undefined);
      const formA = await a.get('/gk/hjjyj/ask/new');
      const formB = await b.get('/gk/hjjyj/ask/new');
      assert.ok(a.cookies.get('gk_csrf') && b.cookies.get('gk_csrf'), 'the form page issues the CSRF cookie');
      assert.notEqual(Browser.csrfFrom(formA.body), Browser.csrfFrom(formB.body), 'each visitor gets a form with their own token');
      assert.equal(formA.headers.etag, undefined);
      assert.doesNotMatch(String(formA.headers['cache-control'] ?? ''), /public/);
      const posted = await a.post('/gk/hjjyj/ask', {
        _csrf: Browser.csrfFrom(formA.body), suggest_done: '1', category: 'fees', subject: '高中住宿费标准是多少',
        body: '请问洪江市第一中学的住宿费每学期多少钱？', name: '李四', phone: '13812345678', email: '',
      });
      assert.equal(posted.statusCode, 201, posted.body.slice(0, 300));
      // Another visitor's token is refused as before.
      const refused = await b.post('/gk/hjjyj/ask', { _csrf: Browser.csrfFrom(formA.body), subject: 'x', body: 'y' });
      assert.equal(refused.statusCode, 403);
      // The large-text switch is a GET form: no token, and it works from a shared page.
      const shared = await b.get('/gk/hjjyj/guide');
      assert.match(shared.body, /<form method="get" action="\/prefs\/large-text"/);
      const on = await b.get('/prefs/large-text?on=1&next=%2Fgk%2Fhjjyj%2Fguide');
      assert.equal(on.statusCode, 303);
      assert.match((await b.get('/gk/hjjyj/guide')).body, /<body class="portal large">/);
    });

    test('signed-in staff never get a cached page, nor one that could be cached', async () => {
      const anonymous = await get('/');
      assert.match(anonymous.body, /href="\/login"/);
      const staff = new Browser(app);
      assert.equal((await staff.submit('/login', '/login', { username: 'office', password: DEMO_PASSWORD })).statusCode, 303);
      for (let i = 0; i < 2; i++) {
        const res = await staff.get('/');
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['cache-control'], 'private, no-store');
        assert.equal(res.headers.etag, undefined);
        assert.match(res.body, /href="\/console"/, 'the signed-in toolbar, not the cached anonymous page');
        assert.doesNotMatch(res.body, /href="\/login"/);
      }
      // An API client with a Bearer header is not served from the shared cache either.
      const api = await app.inject({ url: '/api/v1/documents?agency=hjjyj', headers: { authorization: 'Bearer not-a-valid-token-at-all-000' } });
      assert.equal(api.statusCode, 200);
      assert.equal(api.headers.etag, undefined);
      // And anonymous visitors still get the shared copy afterwards.
      assert.equal((await get('/')).body, anonymous.body);
    });

    test('a withdrawn document leaves the cache at once on this instance, and within the TTL on another', async () => {
      const [doc] = await publishedDocs();
      const page = `/gk/hjjyj/doc/${doc.id}`;
      assert.equal((await get(page)).statusCode, 200);
      assert.ok((await get('/gk/hjjyj/catalog')).body.includes(`/doc/${doc.id}"`));
      const otherPage = await other.inject({ url: page, headers: { accept: 'text/html' } });
      assert.equal(otherPage.statusCode, 200);
      assert.equal(otherPage.headers['cache-control'], `public, max-age=${SHORT_TTL}`);

      await withdrawDocument(ctx, await office(), doc.id, '缓存测试撤回');
      // This instance saw the write: the next request renders again.
      assert.equal((await get(page)).statusCode, 410);
      assert.ok(!(await get('/gk/hjjyj/catalog')).body.includes(`/doc/${doc.id}"`));
      // The other instance did not see it: its copy is served until the TTL runs out, then it is gone.
      const stale = await other.inject({ url: page, headers: { accept: 'text/html' } });
      assert.equal(stale.statusCode, 200, 'within the TTL the other instance still has its copy (this is what the TTL bounds)');
      await new Promise((r) => setTimeout(r, SHORT_TTL * 1000 + 100));
      const fresh = await other.inject({ url: page, headers: { accept: 'text/html' } });
      assert.equal(fresh.statusCode, 410);
      assert.match(fresh.body, /该信息已撤回/);
    });

    test('concurrent requests for a page not yet cached render it once; the others get the same bytes', async () => {
      const original = ctx.repos.documents.list.bind(ctx.repos.documents);
      let calls = 0;
      ctx.repos.documents.list = (...args: Parameters<typeof original>) => { calls++; return original(...args); };
      try {
        assert.equal((await get('/gk/hjjyj/catalog?page=2')).statusCode, 200);
        const perRender = calls;
        assert.ok(perRender > 0);
        calls = 0;
        const all = await Promise.all(Array.from({ length: 12 }, () => get('/gk/hjjyj/catalog?page=3')));
        assert.ok(all.every((r) => r.statusCode === 200 && r.body === all[0].body));
        assert.equal(calls, perRender, 'one rendering for twelve requests');
      } finally {
        ctx.repos.documents.list = original;
      }
    });

    test('static files: a year and immutable at their versioned address (which pages link), an hour otherwise', async () => {
      const home = await get('/');
      const css = home.body.match(/href="(\/static\/site\.css\?v=[0-9a-f]{12})"/);
      assert.ok(css, 'the page links the versioned stylesheet');
      assert.equal(css[1], `/static/site.css?v=${ASSET_VERSIONS.get('site.css')}`);
      const versioned = await app.inject(css[1]);
      assert.equal(versioned.statusCode, 200);
      assert.equal(versioned.headers['cache-control'], 'public, max-age=31536000, immutable');
      const plain = await app.inject('/static/site.css');
      assert.equal(plain.headers['cache-control'], 'public, max-age=3600');
      const wrong = await app.inject('/static/site.css?v=000000000000');
      assert.equal(wrong.headers['cache-control'], 'public, max-age=3600', 'an old version is not promised forever');
    });
  });
}

describe('PageCache', () => {
  const entry = (n: number, expires = Date.now() + 60_000) => ({
    body: Buffer.alloc(n), type: 'text/html', language: 'zh-CN', etag: '"x"', lastModified: new Date().toUTCString(), modifiedAt: Date.now(), expires,
  });

  test('keeps at most maxEntries and maxBytes, the least recently used out first', () => {
    const cache = new PageCache(30, 3, 10_000);
    cache.set('a', entry(100));
    cache.set('b', entry(100));
    cache.set('c', entry(100));
    assert.ok(cache.get('a', Date.now()), 'a is used: b is now the oldest');
    cache.set('d', entry(100));
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b', Date.now()), undefined);
    assert.ok(cache.get('a', Date.now()) && cache.get('c', Date.now()) && cache.get('d', Date.now()));
    const bytes = new PageCache(30, 100, 1000);
    for (let i = 0; i < 11; i++) bytes.set(`p${i}`, entry(100));
    assert.equal(bytes.size, 10, 'over the byte budget: the oldest go');
    assert.equal(bytes.get('p0', Date.now()), undefined);
    assert.ok(bytes.get('p10', Date.now()));
    bytes.set('huge', entry(900));
    assert.equal(bytes.get('huge', Date.now()), undefined, 'a page over an eighth of the budget is not kept');
  });

  test('an expired entry is not served; a TTL of 0 keeps nothing; clear() empties and bumps the generation', () => {
    const cache = new PageCache(30);
    cache.set('old', entry(10, Date.now() - 1));
    assert.equal(cache.get('old', Date.now()), undefined);
    cache.set('new', entry(10));
    const g = cache.generation;
    cache.clear();
    assert.equal(cache.size, 0);
    assert.equal(cache.generation, g + 1);
    const off = new PageCache(0);
    off.set('x', entry(10));
    assert.equal(off.size, 0);
  });
});
