import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openDb, type Db } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { buildApp } from '../../src/web/app.ts';
import { loadDemo } from '../../src/demo/seed.ts';
import { Browser } from '../support/app.ts';
import { PLACEHOLDER_COLUMNS } from '../../src/web/routes/portal.routes.ts';
import { buildApiDocsModel } from '../../src/web/views/api-docs-page.tsx';
import { EmptyColumnPage } from '../../src/web/views/portal-pages.tsx';
import { renderPage } from '../../src/web/render.tsx';
import { translator } from '../../src/web/i18n/index.ts';
import { h } from 'preact';

let app: FastifyInstance;
let db: Db;

before(async () => {
  db = openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  const ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'test-secret' });
  await loadDemo(ctx);
  app = await buildApp(ctx);
  // A route that fails, to see the 500 page (registered before the app is ready).
  app.get('/test-only/boom', async () => { throw new Error('database on fire: secret detail'); });
  await app.ready();
});
after(async () => { await app.close(); await db.close(); });

const page = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers: { accept: 'text/html', ...headers } });

describe('home page', () => {
  test('names the agency, offers search, the six column entrances and the office contacts', async () => {
    const res = await page('/gk/hjjyj');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1[^>]*>洪江市教育局<span class="hero-sub">政府信息公开<\/span><\/h1>/);
    assert.match(html, /<form role="search" method="get" action="\/gk\/hjjyj\/search"/);
    assert.match(html, /name="q"/);
    for (const path of ['guide', 'rules', 'catalog', 'reports', 'apply', 'ask']) {
      assert.match(html, new RegExp(`class="tile tile-${path}" href="/gk/hjjyj/${path}"`), path);
    }
    assert.match(html, /<h2 id="list-catalog">最新公开<\/h2>/);
    assert.match(html, /洪江市教育局办公室/);
    assert.match(html, /0745-7623456/);
    // The bureau links up to the city government.
    assert.match(html, /上级机关[\s\S]*href="\/gk\/hjs">洪江市人民政府/);
    assert.match(html, /<nav class="columns" aria-label="主导航">[\s\S]*aria-current="page">首页/);
  });

  test('the city government lists its bureau among the agencies under it', async () => {
    const res = await page('/gk/hjs');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /所属机构[\s\S]*href="\/gk\/hjjyj">洪江市教育局/);
    assert.doesNotMatch(res.body, /上级机关/);
  });

  test('/ shows the home agency (the bureau in the demo)', async () => {
    const res = await page('/');
    assert.match(res.body, /<title>洪江市教育局政府信息公开<\/title>/);
  });

  test('English and Traditional Chinese', async () => {
    const en = await page('/gk/hjjyj?lang=en');
    assert.match(en.body, /<html lang="en"/);
    assert.match(en.body, />Latest disclosures</);
    assert.match(en.body, />Proactive Disclosure</);
    assert.match(en.body, /placeholder="Title, document number or keyword"/);
    assert.doesNotMatch(en.body, /最新公开|暂无内容|上级机关/);
    const tw = await page('/gk/hjjyj?lang=zh-TW');
    assert.match(tw.body, /<html lang="zh-TW"/);
    assert.match(tw.body, /最新公開/);
    assert.match(tw.body, /上級機關/);
    assert.match(tw.body, /政府資訊公開指南|政府信息公開指南/);
    assert.doesNotMatch(tw.body, /最新公开|暂无内容|上级机关/);
  });

  test('no inline scripts or styles (the CSP forbids them); print styles are linked', async () => {
    for (const url of ['/gk/hjjyj', '/gk/hjjyj/guide', '/api/docs', '/no/such/page']) {
      const res = await page(url);
      assert.doesNotMatch(res.body, /<script|\sstyle=/, url);
      assert.match(res.body, /<link rel="stylesheet" href="\/static\/print.css\?v=[0-9a-f]{12}" media="print"\/?>/, url);
    }
    const css = await app.inject('/static/print.css');
    assert.equal(css.statusCode, 200);
    assert.match(css.body, /\.toolbar/);
  });
});

describe('disclosure guide (Art. 12)', () => {
  test('shows the office contact details and the standard sections with the legal time limits', async () => {
    const res = await page('/gk/hjjyj/guide');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    for (const v of ['洪江市教育局办公室', '湖南省洪江市黔城镇沅江路18号', '418100', '工作日 上午8:00—12:00，下午14:30—17:30', '0745-7623456', '0745-7623457', 'hjjyjgk@example.gov.cn']) {
      assert.equal(html.includes(v), true, v);
    }
    for (const h of ['一、公开的主体和范围', '二、主动公开', '三、依申请公开', '四、监督和救济']) assert.equal(html.includes(h), true, h);
    assert.match(html, /自该政府信息形成或者变更之日起<strong>20个工作日<\/strong>内/); // Art. 26
    assert.match(html, /自收到申请之日起<strong>20个工作日<\/strong>内予以答复/); // Art. 33
    assert.match(html, /延长的期限最长不超过<strong>20个工作日<\/strong>/);
    assert.match(html, /国办函〔2020〕109号/);
    assert.match(html, /<strong>60日<\/strong>内提出行政复议申请/);
    assert.match(html, /<strong>6个月<\/strong>内向人民法院提起诉讼/);
    assert.match(html, /上一级行政机关（洪江市人民政府）/);
    assert.match(html, /<nav class="crumbs wrap" aria-label="当前位置">/);
  });

  test('in English: English headings and summaries, the legal text marked as Chinese', async () => {
    const res = await page('/gk/hjjyj/guide?lang=en');
    assert.match(res.body, />3\. Disclosure on application</);
    assert.match(res.body, /within 20 working days of receipt, extendable once by at most 20 working days \(Art\. 33\)/);
    assert.match(res.body, /<div class="legal" lang="zh-CN">/);
    assert.match(res.body, /<th scope="row">Telephone<\/th><td>0745-7623456<\/td>/);
  });

  test('in Traditional Chinese the whole guide is converted', async () => {
    const res = await page('/gk/hjjyj/guide?lang=zh-TW');
    assert.match(res.body, /依申請公開/);
    assert.match(res.body, /監督和救濟/);
    assert.doesNotMatch(res.body, /监督和救济/);
  });

  test('an unknown agency answers the Chinese 404 page; a malformed code answers 400', async () => {
    const missing = await page('/gk/nosuch/guide');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /未找到该机关/);
    const bad = await page('/gk/bad%20code!/guide');
    assert.equal(bad.statusCode, 400);
  });
});

describe('column placeholders', () => {
  test('a column no area serves yet answers 暂无内容 with its column marked current', async () => {
    // The view, for every column (areas take their columns out of PLACEHOLDER_COLUMNS as they land) …
    const labels: Record<string, string> = { rules: '政府信息公开制度', catalog: '法定主动公开内容', reports: '政府信息公开年报', apply: '依申请公开', ask: '在线咨询' };
    const ctx = { lang: 'zh-CN' as const, t: translator('zh-CN'), user: null, csrfToken: 't', url: '/gk/hjjyj/rules', largeText: false };
    const agency = { code: 'hjjyj', name: '洪江市教育局', officeName: '', address: '', postcode: '', officeHours: '', phone: '', fax: '', email: '', website: '' };
    for (const column of ['rules', 'catalog', 'reports', 'apply', 'ask'] as const) {
      const html = renderPage(h(EmptyColumnPage, { ctx, agency, column }), 'zh-CN');
      assert.match(html, /<p class="empty empty-box">暂无内容<\/p>/, column);
      assert.match(html, new RegExp(`href="/gk/hjjyj/${column}" aria-current="page">${labels[column]}<`), column);
      assert.match(html, new RegExp(`<title>${labels[column]} - 洪江市教育局政府信息公开</title>`), column);
    }
    // … and the routes still serving it.
    for (const column of PLACEHOLDER_COLUMNS) {
      const res = await page(`/gk/hjjyj/${column}`);
      assert.equal(res.statusCode, 200, column);
      assert.match(res.body, /暂无内容/, column);
    }
  });

  test('portal pages are not listed in the OpenAPI document', async () => {
    const spec = (await app.inject('/api/v1/openapi.json')).json();
    const listed = Object.keys(spec.paths).filter((p) => ['/', '/gk/{code}', '/gk/{code}/guide', '/api/docs'].includes(p));
    assert.deepEqual(listed, []);
  });
});

describe('error pages', () => {
  test('404 in Chinese with a way home, and in English', async () => {
    const res = await page('/no/such/page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /<h1 id="error-title">页面不存在<\/h1>/);
    assert.match(res.body, /请检查网址是否输入正确/);
    assert.match(res.body, /<a class="button" href="\/">返回首页<\/a>/);
    const en = await page('/no/such/page?lang=en');
    assert.match(en.body, /Page not found/);
  });

  test('500 in Chinese without internal details', async () => {
    const res = await page('/test-only/boom');
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /系统繁忙/);
    assert.match(res.body, /请稍后刷新页面重试/);
    assert.doesNotMatch(res.body, /database on fire|secret detail|Error:/);
  });
});

describe('large text / high contrast (适老化)', () => {
  test('the toolbar form switches the mode on and off without JavaScript', async () => {
    const b = new Browser(app);
    const before = await b.get('/gk/hjjyj/guide');
    assert.match(before.body, /<body class="portal">/);
    assert.match(before.body, /大字号\/高对比度/);
    assert.match(before.body, /<form method="get" action="\/prefs\/large-text"/);
    const on = await b.get('/prefs/large-text?on=1&next=%2Fgk%2Fhjjyj%2Fguide');
    assert.equal(on.statusCode, 303);
    assert.equal(on.headers.location, '/gk/hjjyj/guide');
    const large = await b.get('/gk/hjjyj/guide');
    assert.match(large.body, /<body class="portal large">/);
    assert.match(large.body, /<input type="hidden" name="on" value="0"\/?>/);
    assert.match(large.body, /标准模式/);
    await b.get('/prefs/large-text?on=0&next=%2Fgk%2Fhjjyj%2Fguide');
    assert.match((await b.get('/gk/hjjyj/guide')).body, /<body class="portal">/);
  });
});

describe('API docs', () => {
  test('/api/docs lists the endpoints with their parameters, how to get a token and the %2F rule', async () => {
    const res = await page('/api/docs');
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /开放接口文档/);
    assert.match(html, /POST http:\/\/localhost:80\/api\/v1\/auth\/token|POST http:\/\/localhost\/api\/v1\/auth\/token/);
    assert.match(html, /authorization: Bearer &lt;令牌>/);
    assert.match(html, /%2F/);
    assert.match(html, /href="\/api\/v1\/openapi.json"/);
    assert.match(html, /<span class="api-method api-get">GET<\/span> <code class="api-path">\/api\/v1\/calendar\/due-date<\/code>/);
    assert.match(html, /<td><code>workingDays<\/code><\/td>\s*<td>查询<\/td>/);
    assert.doesNotMatch(html, /\/gk\/\{code\}/);
    const en = await page('/api/docs?lang=en');
    assert.match(en.body, /Getting a token/);
  });

  test('the model resolves references, request bodies, nested fields, security, and leaves pages out', () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1' },
      tags: [{ name: 'auth', description: '令牌' }],
      components: { schemas: { Person: { type: 'object', properties: { name: { type: 'string', maxLength: 50 } }, required: ['name'] } } },
      paths: {
        '/api/v1/auth/token': {
          post: {
            tags: ['auth'], summary: '换取令牌',
            requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['username'], properties: { username: { type: 'string', minLength: 1 }, who: { $ref: '#/components/schemas/Person' }, tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string', enum: ['a', 'b'] } } } } } } } } },
            responses: { 200: { description: 'Default Response', content: { 'application/json': { schema: { type: 'object', properties: { token: { type: 'string' } } } } } }, 401: { description: '用户名或密码错误' } },
          },
        },
        '/api/v1/items/{id}': { get: { tags: ['items'], security: [{ bearer: [] }], parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, description: '索引号' }], responses: {} } },
        '/api/v1/items/{*}': { get: { tags: ['items'], responses: {} } },
        '/api/v1/items/*': { get: { tags: ['items'], responses: {} } },
        '/gk/{code}': { get: { responses: {} } },
      },
    };
    const model = buildApiDocsModel(spec);
    assert.deepEqual(model.tags.map((t) => t.name), ['auth', 'items']);
    const token = model.tags[0].operations[0];
    assert.equal(token.method, 'POST');
    assert.equal(token.needsToken, false);
    assert.deepEqual(token.body!.rows.map((r) => [r.name, r.type, r.required, r.depth]), [
      ['username', 'string', true, 0],
      ['who', 'object', false, 0],
      ['who.name', 'string', true, 1],
      ['tags', 'object[]', false, 0],
      ['tags[].label', 'string', false, 1],
    ]);
    assert.deepEqual(token.body!.rows[4].constraints, ['取值："a"、"b"']);
    assert.deepEqual(token.responses.map((r) => [r.status, r.description, r.rows.length]), [['200', '', 1], ['401', '用户名或密码错误', 0]]);
    const item = model.tags[1].operations[0];
    assert.equal(item.needsToken, true);
    assert.deepEqual(item.parameters, [{ name: 'id', in: 'path', required: true, type: 'string', description: '索引号', constraints: [] }]);
    assert.deepEqual(model.tags.flatMap((t) => t.operations.map((o) => o.path)).filter((p) => !p.startsWith('/api/')), []);
    // Fragment ids stay unique (they name the landmarks), also for wildcard paths.
    assert.deepEqual(model.tags[1].operations.map((o) => o.anchor), ['op-get-api-v1-items-id', 'op-get-api-v1-items-any', 'op-get-api-v1-items-any-2']);
  });
});
