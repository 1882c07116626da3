import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { makeWorld, residentId, type World } from '../integration/applications-fixture.ts';
import { performAction } from '../../src/services/application-action.service.ts';

// Friday 2025-09-26, 10:00 in China.
const NOW = new Date('2025-09-26T02:00:00Z');
const ID = residentId('19920315', '218');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let code: string;
let drop: () => Promise<void>;

const fields = (over: Record<string, string> = {}) => ({
  kind: 'person', orgType: '', name: '赵子龙', idType: 'resident_id', idNumber: ID, phone: '13712345678', email: '', address: '',
  description: '申请公开洪江市2025年义务教育学校划片范围', format: 'electronic', delivery: 'online', ...over,
});

async function formPage(b: Browser) {
  const page = await b.get(`/gk/${code}/apply`);
  const nonce = page.body.match(/name="nonce" value="([^"]+)"/)![1];
  return { page, csrf: Browser.csrfFrom(page.body), nonce };
}

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'pages-test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  code = (await ctx.repos.agencies.byId(w.bureauId))!.code;
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('the application form', () => {
  test('renders in zh-CN, zh-TW and en with labels, CSRF token and a per-form nonce', async () => {
    const b = new Browser(app);
    const { page, nonce } = await formPage(b);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /政府信息公开申请/);
    assert.match(page.body, /<label for="idNumber">证件号码/);
    assert.ok(nonce.length >= 20);
    assert.doesNotMatch(page.body, /暂无内容/, 'the placeholder column is gone');
    const tw = await b.get(`/gk/${code}/apply?lang=zh-TW`);
    assert.match(tw.body, /政府資訊公開申請|政府信息公開申請/);
    const en = await b.get(`/gk/${code}/apply?lang=en`);
    assert.match(en.body, /Apply for government information/);
    assert.match(en.body, /Tracking code|tracking code/);
  });

  test('bad input re-renders the form (400) with Chinese errors per field and the values kept', async () => {
    const b = new Browser(app);
    const { csrf, nonce } = await formPage(b);
    const bad = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    const res = await b.post(`/gk/${code}/apply`, { _csrf: csrf, nonce, ...fields({ idNumber: bad, phone: '12', description: '' }) });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /身份证号码校验位错误，请核对/);
    assert.match(res.body, /联系电话格式不正确/);
    assert.match(res.body, /请填写所需政府信息的名称/);
    assert.match(res.body, /value="赵子龙"/);
    assert.match(res.body, /aria-invalid="true"/);
    assert.match(res.body, /href="#idNumber"/);
    assert.match(res.body, new RegExp(`name="nonce" value="${nonce}"`));
  });

  test('submit → 303 to the acknowledgement; a double click does not create a second application', async () => {
    const b = new Browser(app);
    const { csrf, nonce } = await formPage(b);
    const first = await b.post(`/gk/${code}/apply`, { _csrf: csrf, nonce, ...fields() });
    assert.equal(first.statusCode, 303);
    const location = String(first.headers.location);
    assert.match(location, new RegExp(`^/gk/${code}/apply/receipt\\?c=[0-9A-Z]{16}&s=`));
    const second = await b.post(`/gk/${code}/apply`, { _csrf: csrf, nonce, ...fields() });
    assert.equal(second.statusCode, 303);
    assert.match(String(second.headers.location), /again=1/);
    const trackingCode = location.match(/c=([0-9A-Z]{16})/)![1];
    assert.equal(String(second.headers.location).match(/c=([0-9A-Z]{16})/)![1], trackingCode);
    const rows = await ctx.repos.applications.all({ agencyIds: [w.bureauId], text: '义务教育学校划片范围' });
    assert.equal(rows.length, 1);

    const receipt = await b.get(location);
    assert.equal(receipt.statusCode, 200);
    assert.match(receipt.body, /政府信息公开申请受理回执/);
    assert.match(receipt.body, new RegExp(trackingCode.match(/.{4}/g)!.join('-')));
    assert.match(receipt.body, /应于 2025年10月30日 前答复/);
    assert.match(receipt.body, /赵\*\*/);
    assert.doesNotMatch(receipt.body, /赵子龙/);
    assert.doesNotMatch(receipt.body, new RegExp(ID));
    assert.doesNotMatch(receipt.body, /13712345678|5678/);
    const docx = await b.get(`/gk/${code}/apply/receipt.docx${location.slice(location.indexOf('?'))}`);
    assert.equal(docx.statusCode, 200);
    assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    // without the token from the redirect, nobody opens the receipt
    const forged = await b.get(`/gk/${code}/apply/receipt?c=${trackingCode}&s=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`);
    assert.equal(forged.statusCode, 404);
  });

  test('an organisation with a valid credit code is accepted; XSS in the text renders inert', async () => {
    const b = new Browser(app);
    const { csrf, nonce } = await formPage(b);
    const res = await b.post(`/gk/${code}/apply`, {
      _csrf: csrf, nonce,
      ...fields({ kind: 'organization', orgType: 'legal_services', name: '湖南某某律师事务所<script>alert(1)</script>', idType: 'credit_code', idNumber: '11431281006109018N', description: '<img src=x onerror=alert(1)>申请公开学校收费标准' }),
    });
    assert.equal(res.statusCode, 303);
    const receipt = await b.get(String(res.headers.location));
    assert.doesNotMatch(receipt.body, /<script>alert|<img src=x/);
    assert.match(receipt.body, /&lt;img src=x onerror=alert\(1\)>/);
    assert.match(receipt.body, /&lt;script>alert\(1\)&lt;\/script>/);
  });

  test('a post without the CSRF token is refused', async () => {
    const b = new Browser(app);
    const res = await b.post(`/gk/${code}/apply`, fields());
    assert.equal(res.statusCode, 403);
  });
});

describe('tracking', () => {
  let trackingCode: string;

  before(async () => {
    const b = new Browser(app);
    const { csrf, nonce } = await formPage(b);
    const res = await b.post(`/gk/${code}/apply`, { _csrf: csrf, nonce, ...fields({ description: '申请公开2025年校车运营补助资金分配表', phone: '0745-7629876' }) });
    trackingCode = String(res.headers.location).match(/c=([0-9A-Z]{16})/)![1];
  });

  test('code + last 4 digits → status, due date with remaining working days, public timeline', async () => {
    const b = new Browser(app);
    const form = await b.get(`/gk/${code}/track?code=${trackingCode}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`value="${trackingCode}"`));
    const res = await b.post(`/gk/${code}/track`, { _csrf: Browser.csrfFrom(form.body), trackingCode: trackingCode.toLowerCase().replace(/(.{4})/g, '$1-'), phoneLast4: '9876' });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.match(res.body, /应于 2025年10月30日 前答复（剩余 20 个工作日）/);
    assert.match(res.body, /已受理/);
    assert.match(res.body, /收到申请/);
    assert.doesNotMatch(res.body, /7629876/);
    assert.doesNotMatch(res.body, new RegExp(ID));
  });

  test('wrong digits or a malformed code: the form again, no hint which part was wrong', async () => {
    const b = new Browser(app);
    const form = await b.get(`/gk/${code}/track`);
    let res = await b.post(`/gk/${code}/track`, { _csrf: Browser.csrfFrom(form.body), trackingCode, phoneLast4: '1111' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /未找到与查询码和手机号后四位相符的申请/);
    res = await b.post(`/gk/${code}/track`, { _csrf: Browser.csrfFrom(form.body), trackingCode: 'HELLO', phoneLast4: 'abcd' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /查询码有误/);
  });

  test('after staff act, the citizen sees the correction request and downloads the notice; staff names stay hidden', async () => {
    const row = (await ctx.repos.applications.byTrackingCode(trackingCode))!;
    await performAction(ctx, w.actor('office'), row.id, { type: 'request-correction', items: '请写明所需补助资金的年度和学校范围' });
    const b = new Browser(app);
    const form = await b.get(`/gk/${code}/track`);
    const csrf = Browser.csrfFrom(form.body);
    const res = await b.post(`/gk/${code}/track`, { _csrf: csrf, trackingCode, phoneLast4: '9876' });
    assert.match(res.body, /待补正/);
    assert.match(res.body, /请写明所需补助资金的年度和学校范围/);
    assert.match(res.body, /政府信息公开申请补正告知书/);
    assert.doesNotMatch(res.body, new RegExp(w.users.office.displayName));
    const fileId = res.body.match(/name="fileId" value="(\d+)"/)![1];
    const file = await b.post(`/gk/${code}/track/file`, { _csrf: csrf, trackingCode, phoneLast4: '9876', fileId });
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /attachment/);
    const receipt = await b.post(`/gk/${code}/track/file`, { _csrf: csrf, trackingCode, phoneLast4: '9876', fileId: 'receipt' });
    assert.equal(receipt.statusCode, 200);
    const wrong = await b.post(`/gk/${code}/track/file`, { _csrf: csrf, trackingCode, phoneLast4: '0000', fileId });
    assert.equal(wrong.statusCode, 404);
  });
});
