import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { withdrawDocument } from '../../src/services/document.service.ts';
import type { Actor } from '../../src/services/actor.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let drop: () => Promise<void>;

const html = (url: string) => app.inject({ url, headers: { accept: 'text/html' } });

async function staff(username: string): Promise<Actor> {
  const u = await ctx.repos.users.byUsername(username);
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
}

async function docByTitle(title: string) {
  const agencies = (await ctx.repos.agencies.all()).map((a) => a.id);
  return (await ctx.repos.documents.all({ agencyIds: agencies })).find((d) => d.title === title)!;
}

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'catalog-test', publicRateLimit: 0, storageDir: '/tmp/gongkai-test-files' });
  await loadDemo(ctx);
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('the catalog column (法定主动公开内容)', () => {
  test('lists published documents newest first, paginated, with the catalog fields', async () => {
    const res = await html('/gk/hjjyj/catalog');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>法定主动公开内容<\/h1>/);
    const total = Number(/共 (\d+) 条/.exec(res.body)![1]);
    assert.ok(total >= 60, `demo has about 60 published documents, saw ${total}`);
    assert.match(res.body, /11431281006109018N\/20\d\d-\d{5}/);
    assert.match(res.body, /rel="next"/);
    const page2 = await html('/gk/hjjyj/catalog?page=2');
    assert.equal(page2.statusCode, 200);
    const titles = (body: string) => [...body.matchAll(/<h2 class="catalog-item-title"><a href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(titles(res.body).length, 20);
    assert.equal(titles(res.body).filter((u) => titles(page2.body).includes(u)).length, 0, 'pages do not overlap');
  });

  test('filters by category, topic, genre, year and department; unknown values are ignored, not errors', async () => {
    const all = await html('/gk/hjjyj/catalog');
    const count = (body: string) => Number(/共 (\d+) 条/.exec(body)![1]);
    const fees = await html('/gk/hjjyj/catalog?topic=jysf');
    assert.ok(count(fees.body) > 0 && count(fees.body) < count(all.body));
    assert.match(fees.body, /规范中小学收费行为/);
    assert.doesNotMatch(fees.body, /部门预算/);
    const reports = await html('/gk/hjjyj/catalog?category=ndbg');
    assert.match(reports.body, /政府信息公开工作年度报告/);
    assert.doesNotMatch(reports.body, /招生范围公告/);
    const y2019 = await html('/gk/hjjyj/catalog?year=2019&genre=%E5%8A%9E%E6%B3%95');
    assert.match(y2019.body, /洪江市中小学校服管理办法/);
    assert.equal(count(y2019.body), 1);
    const bogus = await html('/gk/hjjyj/catalog?category=nope&year=abc&page=-3&department=x');
    assert.equal(bogus.statusCode, 200);
    assert.equal(count(bogus.body), count(all.body));
  });

  test('the city platform shows its own documents and those of the agencies below it, filterable by agency', async () => {
    const city = await html('/gk/hjs/catalog');
    assert.match(city.body, /洪江市人民政府2025年政府信息公开工作年度报告/);
    assert.match(city.body, /洪江市教育局/);
    assert.match(city.body, /<select id="cf-agency" name="agency">/);
    const onlyBureau = await html('/gk/hjs/catalog?agency=hjjyj&category=ndbg');
    assert.doesNotMatch(onlyBureau.body, /洪江市人民政府2025年政府信息公开工作年度报告/);
    assert.match(onlyBureau.body, /洪江市教育局2024年政府信息公开工作年度报告/);
    const bureau = await html('/gk/hjjyj/catalog?category=ndbg');
    assert.doesNotMatch(bureau.body, /洪江市人民政府2025年/, 'a bureau does not show its parent\'s documents');
  });

  test('the rules column lists the documents marked for it', async () => {
    const res = await html('/gk/hjjyj/rules');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /政府信息公开工作制度（2020年修订）/);
    assert.match(res.body, /依申请公开政府信息工作规程/);
    assert.doesNotMatch(res.body, /部门预算/);
    assert.doesNotMatch(res.body, /暂无内容/);
  });

  test('works in zh-TW and en', async () => {
    const tw = await html('/gk/hjjyj/catalog?lang=zh-TW');
    assert.match(tw.body, /法定主動公開內容/);
    assert.match(tw.body, /洪江市教育局/);
    const en = await html('/gk/hjjyj/catalog?lang=en');
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, /Index number/);
    assert.match(en.body, /Browse by category/);
  });
});

describe('search', () => {
  test('招生 finds the documents containing it, highlighted; 學費 finds 学费', async () => {
    const res = await html(`/gk/hjjyj/search?q=${encodeURIComponent('招生')}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<mark>招生<\/mark>/);
    assert.match(res.body, /洪江市2026年义务教育<mark>招生<\/mark>入学工作方案/);
    const trad = await html(`/gk/hjjyj/search?q=${encodeURIComponent('學費')}`);
    assert.match(trad.body, /<mark>学费<\/mark>/);
    assert.match(trad.body, /共 [1-9]\d* 条/);
    const dated = await html(`/gk/hjjyj/catalog?q=${encodeURIComponent('招生')}&order=date&year=2022`);
    assert.match(dated.body, /2022年义务教育/);
    assert.doesNotMatch(dated.body, /2026年义务教育/);
  });

  test('the search box on every page goes to the search page', async () => {
    const res = await html('/gk/hjjyj/catalog');
    assert.match(res.body, /action="\/gk\/hjjyj\/search"/);
  });
});

describe('the document page', () => {
  test('shows the full catalog record above the body, and the meta tags government sites use', async () => {
    const doc = await docByTitle('洪江市中小学校服管理办法');
    const res = await html(`/gk/hjjyj/doc/${doc.id}`);
    assert.equal(res.statusCode, 200);
    for (const label of ['索引号', '发布机构', '主题分类', '体裁分类', '成文日期', '发布日期', '发文字号', '有效性', '公开方式']) {
      assert.match(res.body, new RegExp(`<th scope="row">${label}</th>`), label);
    }
    assert.ok(res.body.indexOf('doc-meta') < res.body.indexOf('doc-body'), 'record above the body');
    assert.match(res.body, /<meta name="ArticleTitle" content="洪江市中小学校服管理办法"/);
    assert.match(res.body, /<meta name="PubDate" content="2019-04-\d\d"/);
    assert.match(res.body, /<meta name="ColumnName" content="法定主动公开内容"/);
    assert.match(res.body, /<meta name="SiteName" content="[^"]+"/);
    assert.match(res.body, /<meta name="ContentSource" content="洪江市教育局"/);
    assert.match(res.body, /<meta name="Keywords" content="校服 收费"/);
    assert.match(res.body, /洪教发〔2019〕6号/);
  });

  test('a policy and its interpretation link to each other', async () => {
    const policy = await docByTitle('洪江市中小学校服管理办法');
    const reading = await docByTitle('《洪江市中小学校服管理办法》政策解读');
    const p = await html(`/gk/hjjyj/doc/${policy.id}`);
    assert.match(p.body, new RegExp(`<a href="/gk/hjjyj/doc/${reading.id}">《洪江市中小学校服管理办法》政策解读</a>`));
    const r = await html(`/gk/hjjyj/doc/${reading.id}`);
    assert.match(r.body, /解读的政策文件/);
    assert.match(r.body, new RegExp(`<a href="/gk/hjjyj/doc/${policy.id}">洪江市中小学校服管理办法</a>`));
  });

  test('a document no longer valid says so and links its replacement', async () => {
    const old = await docByTitle('洪江市教育局关于规范中小学收费行为的通知');
    const res = await html(`/gk/hjjyj/doc/${old.id}`);
    assert.match(res.body, /本文件有效性：已修订/);
    assert.match(res.body, /洪江市教育局关于进一步规范中小学收费行为的通知/);
  });

  test('print layout: the record and the text without navigation', async () => {
    const doc = await docByTitle('洪江市中小学校服管理办法');
    const res = await html(`/gk/hjjyj/doc/${doc.id}/print`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /doc-print/);
    assert.match(res.body, /校服采购应当通过公开招标/);
    assert.doesNotMatch(res.body, /class="columns"/);
  });

  test('a document of another agency is not found under this agency\'s address', async () => {
    const doc = await docByTitle('洪江市人民政府2025年政府信息公开工作年度报告');
    assert.equal((await html(`/gk/hjjyj/doc/${doc.id}`)).statusCode, 404);
    assert.equal((await html(`/gk/hjs/doc/${doc.id}`)).statusCode, 200);
    assert.equal((await html('/gk/hjjyj/doc/99999999')).statusCode, 404);
  });
});

describe('feeds and sitemap', () => {
  test('Atom feed per agency and per category; unknown category 404', async () => {
    const res = await app.inject('/gk/hjjyj/feed.atom');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/atom\+xml/);
    assert.match(res.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    assert.match(res.body, /<entry>/);
    assert.match(res.body, /<link rel="alternate" type="text\/html" href="http:\/\/localhost:3000\/gk\/hjjyj\/doc\/\d+"\/>/);
    const cat = await app.inject('/gk/hjjyj/feeds/ndbg.atom');
    assert.equal(cat.statusCode, 200);
    assert.match(cat.body, /年度报告/);
    assert.doesNotMatch(cat.body, /招生范围公告/);
    assert.equal((await app.inject('/gk/hjjyj/feeds/nope.atom')).statusCode, 404);
  });

  test('sitemap.xml lists the portal columns and every public document', async () => {
    const res = await app.inject('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    assert.match(res.body, /<loc>http:\/\/localhost:3000\/gk\/hjjyj\/catalog<\/loc>/);
    const doc = await docByTitle('洪江市中小学校服管理办法');
    assert.match(res.body, new RegExp(`<loc>http://localhost:3000/gk/hjjyj/doc/${doc.id}</loc><lastmod>\\d{4}-\\d\\d-\\d\\d</lastmod>`));
  });
});

describe('what is not published appears nowhere', () => {
  test('documents in review, approved, returned or drafts: not in pages, search, feeds, sitemap or API', async () => {
    const agencies = (await ctx.repos.agencies.all()).map((a) => a.id);
    const unpublished = (await ctx.repos.documents.all({ agencyIds: agencies })).filter((d) => !['published', 'archived'].includes(d.state));
    assert.ok(unpublished.length >= 5, 'the demo has work under way');
    const pages = await Promise.all([
      html('/gk/hjjyj/catalog?page=1'), html('/gk/hjjyj/catalog?page=2'), html('/gk/hjjyj/catalog?page=3'), html('/gk/hjjyj/catalog?page=4'),
      html('/gk/hjjyj'), app.inject('/gk/hjjyj/feed.atom'), app.inject('/gk/hjs/feed.atom'), app.inject('/sitemap.xml'),
      app.inject('/api/v1/documents?pageSize=100'),
    ]);
    for (const d of unpublished) {
      for (const p of pages) assert.ok(!p.body.includes(d.title), `“${d.title}” (${d.state}) leaked`);
      assert.equal((await html(`/gk/hjjyj/doc/${d.id}`)).statusCode, 404);
      if (d.index_number) assert.equal((await app.inject(`/api/v1/documents/${encodeURIComponent(d.index_number)}`)).statusCode, 404);
      const words = d.title.slice(0, 8);
      const search = await html(`/gk/hjjyj/search?q=${encodeURIComponent(words)}`);
      assert.ok(!search.body.includes(`>${d.title}<`), `search shows “${d.title}”`);
      const api = await app.inject(`/api/v1/documents?q=${encodeURIComponent(words)}`);
      assert.ok(!api.body.includes(d.title));
    }
  });

  test('a withdrawn document keeps its address and index number; the page says it was withdrawn and shows nothing else', async () => {
    const doc = await docByTitle('洪江市2016年公开招聘中小学教师公告');
    await withdrawDocument(ctx, await staff('office'), doc.id, '招聘简章有误');
    const res = await html(`/gk/hjjyj/doc/${doc.id}`);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /该信息已撤回/);
    assert.ok(res.body.includes(doc.index_number!));
    assert.doesNotMatch(res.body, /报考条件/);
    const api = await app.inject(`/api/v1/documents/${encodeURIComponent(doc.index_number!)}`);
    assert.equal(api.statusCode, 410);
    assert.equal(api.json().error, 'withdrawn');
    const search = await html(`/gk/hjjyj/search?q=${encodeURIComponent('2016年公开招聘中小学教师公告')}`);
    assert.ok(!search.body.includes(`doc/${doc.id}"`));
  });
});

describe('API (public)', () => {
  test('GET /api/v1/documents: the stable shape, filters by category name or code, agency and year', async () => {
    const res = await app.inject('/api/v1/documents?category=%E6%94%BF%E7%AD%96%E6%96%87%E4%BB%B6&agency=hjjyj&pageSize=5');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.ok(body.total >= 5);
    assert.equal(body.items.length, 5);
    assert.deepEqual(Object.keys(body.items[0]).sort(), ['agency', 'category', 'docNumber', 'indexNumber', 'publishedOn', 'title', 'url', 'validity']);
    assert.ok(body.items.every((i: { category: string; agency: string }) => i.category === '政策文件' && i.agency === 'hjjyj'));
    const byCode = await app.inject('/api/v1/documents?category=zcwj&agency=hjjyj&pageSize=5');
    assert.equal(byCode.json().total, body.total);
    const year = await app.inject('/api/v1/documents?year=2019&pageSize=100');
    assert.ok(year.json().items.every((i: { publishedOn: string }) => i.publishedOn.startsWith('2019')));
    assert.equal((await app.inject('/api/v1/documents?category=nope')).json().total, 0);
    assert.equal((await app.inject('/api/v1/documents?pageSize=1000')).statusCode, 400);
  });

  test('GET /api/v1/documents/{indexNumber}: %2F-encoded or plain', async () => {
    const doc = await docByTitle('洪江市中小学校服管理办法');
    const enc = await app.inject(`/api/v1/documents/${encodeURIComponent(doc.index_number!)}`);
    assert.equal(enc.statusCode, 200);
    assert.equal(enc.json().title, '洪江市中小学校服管理办法');
    assert.equal(enc.json().interpretations.length, 1);
    const plain = await app.inject(`/api/v1/documents/${doc.index_number}`);
    assert.equal(plain.json().indexNumber, doc.index_number);
    const missing = await app.inject('/api/v1/documents/11431281006109018N%2F1999-00001');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error, 'not_found');
  });

  test('the OpenAPI document describes the documents API', async () => {
    const spec = (await app.inject('/api/v1/openapi.json')).json();
    assert.ok(spec.paths['/api/v1/documents']);
    assert.ok(spec.paths['/api/v1/documents/{id}/transitions']);
  });
});
