// The console page for applicants' personal data (issue 7): retention setting and the export of
// one applicant's data — refused to clerks and reviewers, a ZIP with exactly that applicant's cases
// in this agency (never another agency's), audited without the identity number.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { openDb } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { Browser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { loadDemo, DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { registerOfflineApplication } from '../../src/services/application-intake.service.ts';
import { performAction } from '../../src/services/application-action.service.ts';
import { retentionYearsOf } from '../../src/services/applicant-data.service.ts';
import { formatTrackingCode } from '../../src/domain/tracking-code.ts';
import type { Actor } from '../../src/services/actor.ts';
import { personForm, residentId } from '../integration/applications-fixture.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let db: ReturnType<typeof openDb>;

const ID = residentId('19770708', '531');
const codes: { own: string[]; other: string; stranger: string } = { own: [], other: '', stranger: '' };
let firstId = 0;

async function signIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD, next: '/console' });
  assert.equal(res.statusCode, 303, `sign-in of ${username}`);
  return b;
}

async function staff(username: string): Promise<Actor> {
  const u = await ctx.repos.users.byUsername(username);
  return { kind: 'staff', user: (await ctx.repos.users.staffUser(u!.id))!, ip: '127.0.0.1' };
}

const exportsAudited = async () => (await ctx.repos.audit.list({ action: 'applicant_data.exported' }, 1, 50)).items;

before(async () => {
  db = openDb({ dialect: 'sqlite', file: ':memory:' });
  await migrateToLatest(db);
  ctx = createServiceContext(db, { ...configFromEnv({}), secret: 'applicant-data-test', publicRateLimit: 0, loginRateLimit: 0 });
  await loadDemo(ctx);
  app = await testApp(ctx);
  const office = await staff('office');
  const form = personForm({}, { name: '钱学森', idNumber: ID, phone: '13911112222', email: 'qxs@example.com' });
  for (const receivedOn of ['2026-03-02', '2026-04-01']) {
    const r = await registerOfflineApplication(ctx, office, { agencyCode: 'hjjyj', form, receipt: { channel: 'in_person', receivedOn } });
    codes.own.push(r.trackingCode);
    firstId ||= r.id;
  }
  // An internal step (never shown to the applicant), an ID scan, and an internal staff file.
  await performAction(ctx, office, firstId, { type: 'assign', on: '2026-03-03', departmentId: (await ctx.repos.agencies.departments((await ctx.repos.agencies.byCode('hjjyj'))!.id))[0].id, note: '内部备注：请基础教育股办理' });
  for (const [kind, filename, isPublic] of [['applicant', '身份证正面.jpg', false], ['attachment', '内部检索记录.txt', false]] as const) {
    const content = Buffer.from(`${kind} content`);
    await ctx.repos.applications.insertFile({
      applicationId: firstId, eventId: null, kind, filename, mime: kind === 'applicant' ? 'image/jpeg' : 'text/plain', content,
      sha256: createHash('sha256').update(content).digest('hex'), isPublic, createdBy: null, createdAt: new Date().toISOString(),
    });
  }
  // The same person at another agency (the county government), and a stranger at this one.
  const hjs = (await ctx.repos.agencies.byCode('hjs'))!;
  const u = await ctx.repos.users.insert({ username: 'hjs-office', displayName: '市政府公开办', passwordHash: 'x', agencyId: hjs.id, departmentId: null, isSysadmin: false, roles: ['office'] }, new Date());
  const hjsOffice: Actor = { kind: 'staff', user: (await ctx.repos.users.staffUser(u.id))!, ip: '127.0.0.1' };
  codes.other = (await registerOfflineApplication(ctx, hjsOffice, { agencyCode: 'hjs', form, receipt: { channel: 'in_person', receivedOn: '2026-03-05' } })).trackingCode;
  codes.stranger = (await registerOfflineApplication(ctx, office, { agencyCode: 'hjjyj', form: personForm({}, { idNumber: residentId('19800101', '777') }), receipt: { channel: 'in_person', receivedOn: '2026-03-06' } })).trackingCode;
});
after(async () => { await app.close(); await db.close(); });

describe('applicant data console', () => {
  test('clerks and reviewers are refused, page and export alike; the head sees the retention setting only', async () => {
    for (const who of ['clerk', 'reviewer']) {
      const b = await signIn(who);
      assert.equal((await b.get('/console/applicant-data')).statusCode, 403, who);
      const csrf = Browser.csrfFrom((await b.get('/console/account')).body);
      const res = await b.post('/console/applicant-data/export', { _csrf: csrf, by: 'id', value: ID, verified: '1' });
      assert.equal(res.statusCode, 403, who);
      assert.match(res.body, /只有公开办可以导出申请人的个人信息|只有公开办、负责人或系统管理员/);
      assert.notEqual(res.headers['content-type'], 'application/zip');
      assert.equal((await b.post('/console/applicant-data/find', { _csrf: csrf, by: 'id', value: ID })).statusCode, 403, who);
      assert.equal((await b.post('/console/applicant-data/retention', { _csrf: csrf, years: '1' })).statusCode, 403, who);
    }
    const head = await signIn('head');
    const page = await head.get('/console/applicant-data');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /action="\/console\/applicant-data\/retention"/);
    assert.doesNotMatch(page.body, /action="\/console\/applicant-data\/find"/);
    assert.equal((await head.post('/console/applicant-data/export', { _csrf: Browser.csrfFrom(page.body), by: 'id', value: ID, verified: '1' })).statusCode, 403);
    assert.equal((await exportsAudited()).length, 0);
    assert.equal(await retentionYearsOf(ctx.repos, (await ctx.repos.agencies.byCode('hjjyj'))!.id), 3);
  });

  test('the office sets the retention period; a wrong value gets a Chinese message and changes nothing', async () => {
    const office = await signIn('office');
    const bureauId = (await ctx.repos.agencies.byCode('hjjyj'))!.id;
    const bad = await office.submit('/console/applicant-data', '/console/applicant-data/retention', { years: '0' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /保存期限应为 1 至 30 之间的整数（年）/);
    assert.equal(await retentionYearsOf(ctx.repos, bureauId), 3);
    const ok = await office.submit('/console/applicant-data', '/console/applicant-data/retention', { years: '5' });
    assert.equal(ok.statusCode, 303);
    assert.match((await office.get(String(ok.headers.location))).body, /办结（或相关行政复议、诉讼审结）满 <strong>5<\/strong> 年后/);
    assert.equal(await retentionYearsOf(ctx.repos, bureauId), 5);
  });

  test('find: by identity number or by tracking code, this agency only; empty state and messages', async () => {
    const office = await signIn('office');
    const empty = await office.submit('/console/applicant-data', '/console/applicant-data/find', { by: 'id', value: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /请填写申请人的证件号码/);
    const badCode = await office.submit('/console/applicant-data', '/console/applicant-data/find', { by: 'code', value: 'NOPE' });
    assert.equal(badCode.statusCode, 400);
    assert.match(badCode.body, /查询码有误/);

    const byId = await office.submit('/console/applicant-data', '/console/applicant-data/find', { by: 'id', value: ` ${ID.toLowerCase()} ` });
    assert.equal(byId.statusCode, 200);
    assert.match(byId.body, /查找结果：钱\*\*，共 2 件申请/);
    for (const c of codes.own) assert.ok(byId.body.includes(formatTrackingCode(c)));
    assert.ok(!byId.body.includes(formatTrackingCode(codes.other)));
    assert.ok(!byId.body.includes(formatTrackingCode(codes.stranger)));

    const byCode = await office.submit('/console/applicant-data', '/console/applicant-data/find', { by: 'code', value: formatTrackingCode(codes.own[1]).toLowerCase() });
    assert.match(byCode.body, /共 2 件申请/);
    // Another agency's tracking code finds nothing here, as if it did not exist.
    const foreign = await office.submit('/console/applicant-data', '/console/applicant-data/find', { by: 'code', value: codes.other });
    assert.equal(foreign.statusCode, 200);
    assert.match(foreign.body, /未找到该查询码在本机关的申请。/);
    assert.equal((await exportsAudited()).length, 0);
  });

  test('export: confirmation required; the ZIP holds this applicant\'s cases here, the public steps, the receipt and their own files; audited', async () => {
    const office = await signIn('office');
    const unconfirmed = await office.submit('/console/applicant-data', '/console/applicant-data/export', { by: 'id', value: ID });
    assert.equal(unconfirmed.statusCode, 400);
    assert.match(unconfirmed.body, /请确认已核验申请人（或其代理人）的身份证件原件/);
    assert.match(unconfirmed.body, /共 2 件申请/);
    assert.equal((await exportsAudited()).length, 0);

    const res = await office.submit('/console/applicant-data', '/console/applicant-data/export', { by: 'id', value: ID, verified: '1' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/zip');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="[^"]+\.zip"; filename\*=UTF-8''/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['cache-control']), /no-store/);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir).sort();
    const [a, b] = codes.own;
    const scan = (await ctx.repos.applications.files(firstId)).find((f) => f.kind === 'applicant')!;
    assert.deepEqual(names, [`${a}/${scan.id}-身份证正面.jpg`, `${a}/政府信息公开申请受理回执-${a}.docx`, `${b}/政府信息公开申请受理回执-${b}.docx`, '申请记录.json', '说明.txt'].sort());
    assert.equal(await zip.file(`${a}/${scan.id}-身份证正面.jpg`)!.async('string'), 'applicant content');
    const record = JSON.parse(await zip.file('申请记录.json')!.async('string'));
    assert.equal(record.agency.code, 'hjjyj');
    assert.deepEqual(record.applications.map((x: { trackingCode: string }) => x.trackingCode), codes.own.map(formatTrackingCode));
    const first = record.applications[0];
    assert.deepEqual(first.applicant, { kind: '自然人', orgType: null, name: '钱学森', idType: '居民身份证', idNumber: ID, phone: '13911112222', email: 'qxs@example.com', address: '湖南省洪江市黔城镇新街1号' });
    assert.deepEqual(first.timeline.map((t: { step: string }) => t.step), ['收到申请']);
    const all = JSON.stringify(record);
    assert.ok(!all.includes('内部备注') && !all.includes('内部检索记录'), 'internal steps and staff files are not exported');
    assert.ok(!names.some((n) => n.includes(codes.other) || n.includes(codes.stranger)));

    const audited = await exportsAudited();
    assert.equal(audited.length, 1);
    assert.equal(audited[0].actor_label.includes('office'), true);
    const summary = JSON.parse(audited[0].summary);
    assert.deepEqual(summary.cases, codes.own);
    assert.equal(summary.files, 3);
    assert.equal(summary.sha256, createHash('sha256').update(res.rawPayload).digest('hex'));
    assert.ok(!audited[0].summary.includes(ID) && !audited[0].summary.includes('钱学森'));
  });
});
