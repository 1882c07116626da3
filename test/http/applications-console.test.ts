import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, signedInBrowser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { makeWorld, personForm, registerOn, residentId, type World } from '../integration/applications-fixture.ts';

// Wednesday 2025-12-31, 12:00 in China.
const NOW = new Date('2025-12-31T04:00:00Z');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let drop: () => Promise<void>;

/** A browser signed in as one of the world's users (a session row, as the sign-in page would create). */
const signedIn = (who: keyof World['users']) => signedInBrowser(app, ctx, w.users[who].id, NOW);

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'console-test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('lists', () => {
  test('anonymous visitors are sent to sign in; staff see tabs, counts and deadlines', async () => {
    const anon = await new Browser(app).get('/console/applications');
    assert.equal(anon.statusCode, 303);
    assert.match(String(anon.headers.location), /^\/login/);
    await registerOn(ctx, w, '2025-10-09'); // due 2025-11-06: overdue
    await registerOn(ctx, w, '2025-12-03'); // due 2025-12-31: due today
    const b = await signedIn('office');
    const all = await b.get('/console/applications');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /待我办理/);
    assert.match(all.body, /已逾期 \d+ 个工作日/);
    assert.match(all.body, /办理中的申请统计/);
    const overdue = await b.get('/console/applications?view=overdue');
    assert.equal((overdue.body.match(/badge-danger/g) ?? []).length, 1);
    const soon = await b.get('/console/applications?view=due_soon');
    assert.match(soon.body, /剩余 0 个工作日/);
    assert.match(all.body, /href="\/console\/applications\/new"/);
  });

  test('a supervisor sees the agencies below with masked names', async () => {
    const b = await signedIn('supervisor');
    const res = await b.get('/console/applications');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /洪江市教育局/);
    assert.match(res.body, /张\*\*/);
    assert.doesNotMatch(res.body, /张晓明/);
  });
});

describe('registration and the case page', () => {
  let caseUrl: string;

  test('repeat check, field errors, then registration with Art. 31 dates', async () => {
    const idNumber = residentId('19790101', '777');
    await registerOn(ctx, w, '2025-11-03', personForm({ description: '申请公开2025年中小学教辅材料征订目录' }, { idNumber, name: '刘强', phone: '13511112222' }));
    const b = await signedIn('office');
    const page = await b.get('/console/applications/new');
    assert.equal(page.statusCode, 200);
    const csrf = Browser.csrfFrom(page.body);
    const nonce = page.body.match(/name="nonce" value="([^"]+)"/)![1];
    const form = {
      _csrf: csrf, nonce, kind: 'person', orgType: '', name: '刘强', idType: 'resident_id', idNumber, phone: '13511112222', email: '', address: '洪江市黔城镇玉壶路8号',
      description: '请公开2025年中小学教辅材料征订目录', format: 'paper', delivery: 'post', channel: 'ordinary_mail', receivedOn: '2025-12-29', confirmedOn: '',
    };
    const check = await b.post('/console/applications/new', { ...form, intent: 'check' });
    assert.equal(check.statusCode, 200);
    assert.match(check.body, /repeat-similar/);
    assert.match(check.body, /内容相似/);
    const bad = await b.post('/console/applications/new', { ...form, intent: 'register' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /第三十一条/);
    const ok = await b.post('/console/applications/new', { ...form, confirmedOn: '2025-12-30', intent: 'register' });
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    caseUrl = String(ok.headers.location).replace(/\?.*$/, '');
    const view = await b.get(String(ok.headers.location));
    assert.equal(view.statusCode, 200);
    assert.match(view.body, /申请已登记/);
    assert.match(view.body, /收到申请日期<\/th><td>2025年12月30日/);
    assert.match(view.body, /应于 2026年1月\d+日 前答复（剩余 \d+ 个工作日）/);
    assert.match(view.body, /计算过程：/);
    assert.match(view.body, /同一申请人此前的申请/);
    assert.match(view.body, /13511112222/);
  });

  test('actions are forms; a refused one explains why and changes nothing', async () => {
    const b = await signedIn('office');
    const page = await b.get(caseUrl);
    assert.match(page.body, /<summary>分办<\/summary>/);
    assert.match(page.body, /<summary>告知补正<\/summary>/);
    assert.doesNotMatch(page.body, /<summary>延长答复期限<\/summary>/, 'only the head may extend');
    const csrf = Browser.csrfFrom(page.body);
    const version = page.body.match(/name="expectedVersion" value="(\d+)"/)![1];
    const missing = await b.post(`${caseUrl}/actions`, { _csrf: csrf, type: 'request-correction', on: '2025-12-31', expectedVersion: version, items: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /一次性写明需要补正的事项/);
    const forbidden = await b.post(`${caseUrl}/actions`, { _csrf: csrf, type: 'extend', on: '2025-12-31', reason: '需要时间', expectedVersion: version });
    assert.equal(forbidden.statusCode, 403);
    assert.match(forbidden.body, /负责人/);
    const dept = page.body.match(/<option value="(\d+)">基础教育股<\/option>/)![1];
    const assigned = await b.post(`${caseUrl}/actions`, { _csrf: csrf, type: 'assign', on: '2025-12-31', departmentId: dept, expectedVersion: version });
    assert.equal(assigned.statusCode, 303);
    const after = await b.get(String(assigned.headers.location));
    assert.match(after.body, /已办理：分办/);
    assert.match(after.body, /分办至基础教育股/);
    // the stale form (old version) is refused
    const stale = await b.post(`${caseUrl}/actions`, { _csrf: csrf, type: 'assign', on: '2025-12-31', departmentId: dept, expectedVersion: version });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人更新/);
  });

  test('a clerk of another department sees personal data masked; another agency gets 404', async () => {
    const other = await signedIn('clerk2');
    const page = await other.get(caseUrl);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /个人信息已脱敏显示/);
    assert.doesNotMatch(page.body, /13511112222/);
    assert.match(page.body, /135\*\*\*\*2222/);
    assert.match(page.body, /您当前没有可办理的事项/);
    const clerk = await signedIn('clerk');
    const own = await clerk.get(caseUrl);
    assert.match(own.body, /13511112222/);
    assert.match(own.body, /<summary>起草答复<\/summary>/);
    const stranger = await signedIn('otherOffice');
    assert.equal((await stranger.get(caseUrl)).statusCode, 404);
  });

  test('files: upload with CSRF, download; review cases recorded and decided', async () => {
    const b = await signedIn('office');
    const page = await b.get(caseUrl);
    const csrf = Browser.csrfFrom(page.body);
    const boundary = '----gk' + randomBytes(6).toString('hex');
    const multipart = (fields: Record<string, string>, file: { name: string; content: string } | null) => {
      let body = '';
      for (const [k, v] of Object.entries(fields)) body += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`;
      if (file) body += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/plain\r\n\r\n${file.content}\r\n`;
      return body + `--${boundary}--\r\n`;
    };
    const send = (fields: Record<string, string>) => app.inject({
      method: 'POST', url: `${caseUrl}/files`, payload: multipart(fields, { name: 'list.txt', content: '教辅材料征订目录（节选）' }),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), accept: 'text/html' },
    });
    assert.equal((await send({ public: '1' })).statusCode, 403, 'no CSRF token');
    const up = await send({ _csrf: csrf, public: '1', note: '目录' });
    assert.equal(up.statusCode, 303);
    const withFile = await b.get(caseUrl);
    const fileId = withFile.body.match(/\/files\/(\d+)">list\.txt/)![1];
    const dl = await b.get(`${caseUrl}/files/${fileId}`);
    assert.equal(dl.body, '教辅材料征订目录（节选）');

    const bad = await b.post(`${caseUrl}/review-cases`, { _csrf: csrf, kind: 'appeal', filedOn: '2026-02-01', authority: '' });
    assert.equal(bad.statusCode, 400);
    const rec = await b.post(`${caseUrl}/review-cases`, { _csrf: csrf, kind: 'reconsideration', filedOn: '2025-12-31', authority: '洪江市人民政府' });
    assert.equal(rec.statusCode, 303);
    const withCase = await b.get(caseUrl);
    assert.match(withCase.body, /行政复议，2025年12月31日立案（洪江市人民政府）：<strong>尚未审结/);
    const caseId = withCase.body.match(/review-cases\/(\d+)"/)![1];
    const noDate = await b.post(`${caseUrl}/review-cases/${caseId}`, { _csrf: csrf, result: 'upheld', decidedOn: '' });
    assert.equal(noDate.statusCode, 400);
    const decided = await b.post(`${caseUrl}/review-cases/${caseId}`, { _csrf: csrf, result: 'upheld', decidedOn: '2025-12-31' });
    assert.equal(decided.statusCode, 303);
    assert.match((await b.get(caseUrl)).body, /<strong>维持<\/strong>，2025年12月31日审结/);
  });
});

describe('templates and fees', () => {
  test('an agency edits a letter template; unknown placeholders are refused; reset restores the default', async () => {
    const b = await signedIn('office');
    const page = await b.get('/console/applications/templates');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /政府信息公开申请答复书/);
    const csrf = Browser.csrfFrom(page.body);
    const bad = await b.post('/console/applications/templates/reply', { _csrf: csrf, intent: 'save', body: '# {{title}}\n{{applicantNmae}}：' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /无法识别的占位符：\{\{applicantNmae\}\}/);
    const body = '# {{title}}\n= {{applicantName}}：\n本局答复如下：{{decision}}\n{{details}}\n依据：{{legalBasis}}。\n{{remedies}}\n> {{agencyName}}（盖章）\n> {{date}}';
    const ok = await b.post('/console/applications/templates/reply', { _csrf: csrf, intent: 'save', body });
    assert.equal(ok.statusCode, 303);
    assert.match((await b.get('/console/applications/templates')).body, /本机关修改于/);
    // the next reply uses the agency's wording
    const r = await registerOn(ctx, w, '2025-12-01');
    const { performAction } = await import('../../src/services/application-action.service.ts');
    await performAction(ctx, w.actor('office'), r.id, { type: 'assign', departmentId: w.departments['基础教育股'] });
    await performAction(ctx, w.actor('clerk'), r.id, { type: 'draft-reply', outcome: 'not_held' });
    await performAction(ctx, w.actor('reviewer'), r.id, { type: 'approve-reply' });
    const replied = await performAction(ctx, w.actor('office'), r.id, { type: 'reply' });
    const letter = replied.files.find((f) => f.kind === 'reply')!;
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync((await ctx.repos.applications.file(r.id, letter.id))!.content)).file('word/document.xml')!.async('string');
    assert.match(xml, /本局答复如下/);
    assert.match(xml, /（盖章）/);
    const reset = await b.post('/console/applications/templates/reply', { _csrf: csrf, intent: 'reset' });
    assert.equal(reset.statusCode, 303);
    assert.doesNotMatch((await b.get('/console/applications/templates')).body, /本机关修改于/);
    const clerk = await signedIn('clerk');
    assert.equal((await clerk.get('/console/applications/templates')).statusCode, 403);
  });

  test('fee calculator: 35 items in a month → 3,000 yuan; 150 pages → 1,700 yuan', async () => {
    const b = await signedIn('office');
    const items = await b.get('/console/applications/fees?method=per_item&units=35&previous=0');
    assert.match(items.body, /合计 3000 元/);
    const pages = await b.get('/console/applications/fees?method=per_volume&units=150');
    assert.match(pages.body, /合计 1700 元/);
    const bad = await b.get('/console/applications/fees?method=per_volume&units=-3');
    assert.equal(bad.statusCode, 400);
  });
});
