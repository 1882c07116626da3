import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { normalizeText } from '../../src/search/normalize.ts';
import { SearchIndexRepository } from '../../src/search/search-index.repository.ts';

// Search through the public portal (/gk/:code/search) on the demo content: what the index holds
// is read back from search_entries, so the expected answers come from the stored texts themselves.
let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;
let entries: { refId: number; url: string; text: string; publishedOn: string }[];

const html = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });
const search = (q: string, extra = '') => html(`/gk/hjs/search?q=${encodeURIComponent(q)}${extra}`);

/** Document links of a results page, in order. */
const hrefs = (body: string) => [...body.matchAll(/<h2 class="catalog-item-title"><a href="([^"]+)"/g)].map((m) => m[1]);
const total = (body: string) => Number(/共 (\d+) 条/.exec(body)?.[1] ?? NaN);

/** Every results page of a query, followed through the pager. */
async function allHrefs(q: string, extra = ''): Promise<string[]> {
  const out: string[] = [];
  for (let page = 1; page < 50; page++) {
    const res = await search(q, `${extra}&page=${page}`);
    assert.equal(res.statusCode, 200);
    const found = hrefs(res.body);
    out.push(...found);
    if (!/rel="next"/.test(res.body)) break;
  }
  return out;
}

function containing(word: string): string[] {
  const w = normalizeText(word);
  return entries.filter((e) => e.text.includes(w)).map((e) => e.url).sort();
}

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'search-test', publicRateLimit: 0, storageDir: '/tmp/gongkai-test-files' });
  await loadDemo(ctx);
  app = await testApp(ctx);
  const rows = await ctx.db.kysely.selectFrom('search_entries').select(['ref_id', 'url', 'title', 'body', 'facets', 'published_on']).where('kind', '=', 'document').execute();
  entries = rows.map((r) => {
    const f = JSON.parse(r.facets) as { docNumber?: string; indexNumber?: string };
    return { refId: r.ref_id, url: r.url, publishedOn: r.published_on, text: normalizeText([r.title, r.body, f.docNumber ?? '', f.indexNumber ?? ''].join('\n')) };
  });
});
after(async () => { await app?.close(); await drop?.(); });

describe('public search page', () => {
  test('the demo is indexed: the city portal searches the city and the bureau', () => {
    assert.ok(entries.length >= 40, `indexed ${entries.length} documents`);
  });

  test('招生, 学费, 教师 and 预算: exactly the published documents containing the word, on every page', async () => {
    for (const word of ['招生', '学费', '教师', '预算']) {
      const want = containing(word);
      assert.ok(want.length > 0, word);
      const got = await allHrefs(word);
      assert.deepEqual([...got].sort(), want, word);
      assert.equal(new Set(got).size, got.length, `${word}: no document twice across pages`);
      assert.equal(total((await search(word)).body), want.length);
    }
  });

  test('學費 finds 学费 and marks it; full-width digits find half-width ones', async () => {
    assert.deepEqual([...await allHrefs('學費')].sort(), containing('学费'));
    const res = await search('學費');
    assert.match(res.body, /<mark>学费<\/mark>/);
    assert.deepEqual([...await allHrefs('２０２５')].sort(), [...await allHrefs('2025')].sort());
    assert.ok(containing('2025').length > 0);
  });

  test('date order lists newest first; relevance order lists the same documents', async () => {
    const byDate = await allHrefs('招生', '&order=date');
    const dates = byDate.map((u) => entries.find((e) => e.url === u)!.publishedOn);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.deepEqual([...await allHrefs('招生', '&order=relevance')].sort(), [...byDate].sort());
  });

  test('query syntax and markup typed by a user: 200, escaped, nothing unexpected', async () => {
    const attempts = ['"', "'", '*', 'NEAR(招生 学费)', '招生" OR "学费', "招生' | '学费", '{title}:招生', '\\', '%', '(', '招生 AND NOT 学费', 'a:1'];
    for (const q of attempts) {
      const res = await search(q);
      assert.equal(res.statusCode, 200, q);
      const runs = normalizeText(q).match(/[\u4e00-\u9fff]+|[a-z0-9]+/g) ?? [];
      // Latin words must occur as words; none of these does in the demo, so only pure-Chinese attempts find anything.
      const want = runs.some((r) => /^[a-z0-9]+$/.test(r)) ? [] : entries.filter((e) => runs.every((r) => e.text.includes(r))).map((e) => e.url).sort();
      assert.deepEqual([...await allHrefs(q)].sort(), runs.length ? want : [], q);
    }
    const xss = await search('<script>alert(1)</script>');
    assert.equal(xss.statusCode, 200);
    assert.doesNotMatch(xss.body, /<script>alert/);
    assert.match(xss.body, /&lt;script(&gt;|>)alert\(1\)&lt;\/script/);
  });

  test('a word found nowhere gives an empty state, in every language', async () => {
    const zh = await search('量子纠缠');
    assert.equal(zh.statusCode, 200);
    assert.equal(total(zh.body), 0);
    assert.equal(hrefs(zh.body).length, 0);
    const en = await search('量子纠缠', '&lang=en');
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Results for/);
  });

  test('the Traditional page shows Traditional text and still finds Simplified documents', async () => {
    const res = await search('招生', '&lang=zh-TW');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="zh-TW"/);
    assert.match(res.body, /<mark>招生<\/mark>/);
    assert.match(res.body, /檢索/);
    assert.equal(hrefs(res.body).length, Math.min(20, containing('招生').length));
  });

  test('filters narrow the results: year and category from the index facets', async () => {
    const want2025 = entries.filter((e) => e.text.includes('招生') && e.publishedOn.startsWith('2025')).map((e) => e.url).sort();
    assert.deepEqual([...await allHrefs('招生', '&year=2025')].sort(), want2025);
  });

  test('past the count cap the page says "more than" instead of an exact total, and the API says the total is a lower bound', async () => {
    const matches = containing('义务教育').length;
    assert.ok(matches > 3, `the demo has ${matches} documents with 义务教育`);
    const real = ctx.repos.search;
    ctx.repos.search = new SearchIndexRepository(ctx.db.kysely, ctx.db.dialect, { countCap: 3, relevanceCandidates: 1000 });
    try {
      const res = await search('义务教育');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /超过 3 条，仅列出前 3 条/);
      assert.doesNotMatch(res.body, /共 3 条/);
      assert.equal(hrefs(res.body).length, 3);
      const api = await app.inject({ url: `/api/v1/documents?q=${encodeURIComponent('义务教育')}` });
      assert.equal(api.statusCode, 200);
      assert.deepEqual([api.json().total, api.json().totalCapped], [3, true]);
      const few = await search('量子纠缠');
      assert.equal(total(few.body), 0);
    } finally {
      ctx.repos.search = real;
    }
    // Public responses may be cached for a few seconds: a word no other test searches, and another
    // URL for the uncapped answer.
    const exact = await app.inject({ url: `/api/v1/documents?q=${encodeURIComponent('义务教育')}&page=1` });
    assert.deepEqual([exact.json().total, exact.json().totalCapped], [matches, false]);
  });
});
