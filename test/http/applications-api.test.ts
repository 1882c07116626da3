import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import { makeWorld, residentId, type World } from '../integration/applications-fixture.ts';

// Today is Friday 2025-09-26 in China (10:00 CST).
const NOW = new Date('2025-09-26T02:00:00Z');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let agency: string;
let drop: () => Promise<void>;
const tokens: Record<string, string> = {};

const body = (over: Record<string, unknown> = {}, applicant: Record<string, unknown> = {}) => ({
  applicant: { kind: 'person', name: '王小红', idType: 'resident_id', idNumber: residentId('19880808', '321'), phone: '13900001111', ...applicant },
  agency,
  description: '申请公开2025年秋季学期义务教育阶段学校招生计划',
  format: 'electronic',
  delivery: 'online',
  ...over,
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json', ...headers } });
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  agency = (await ctx.repos.agencies.byId(w.bureauId))!.code;
  for (const who of ['office', 'clerk', 'clerk2', 'reviewer', 'head', 'supervisor', 'otherOffice'] as const) {
    tokens[who] = (await createApiToken(ctx, w.actor(who), `test-${who}`)).token;
  }
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

describe('POST /api/v1/applications (public)', () => {
  test('201 with tracking code, status, receivedOn and dueOn; no id', async () => {
    const res = await post('/api/v1/applications', body());
    assert.equal(res.statusCode, 201, res.body);
    const json = res.json();
    assert.deepEqual(Object.keys(json).sort(), ['dueOn', 'receivedOn', 'status', 'trackingCode']);
    assert.match(json.trackingCode, /^[0-9A-Z]{16}$/);
    assert.equal(json.status, 'received');
    assert.equal(json.receivedOn, '2025-09-26');
    assert.equal(json.dueOn, '2025-10-30');
  });

  test('400 names every bad field at once, structural and legal', async () => {
    const res = await post('/api/v1/applications', {
      applicant: { kind: 'person', name: '', idType: 'resident_id', idNumber: '431281199001011230', phone: 'x' },
      agency, description: '短', format: 'paper', delivery: 'email',
    });
    assert.equal(res.statusCode, 400);
    const json = res.json();
    assert.equal(json.error, 'invalid_input');
    for (const f of ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'description', 'delivery']) assert.ok(f in json.fields, `${f}: ${res.body}`);
    assert.match(json.fields['applicant.idNumber'], /校验位/);
  });

  test('malformed bodies are 400, never 500', async () => {
    const cases: unknown[] = [
      {}, [], 'x', { applicant: 'me' }, { applicant: null, agency: 5 }, body({ format: 'scroll' }), body({ agency: 'nowhere' }),
      body({}, { kind: 'organization', idType: 'credit_code', idNumber: 'ABC' }), body({ description: 'x'.repeat(6000) }),
      body({}, { idType: 'resident_id', idNumber: { $ne: 1 } }), body({ channel: 'fax' }),
    ];
    for (const c of cases) {
      const res = await post('/api/v1/applications', c);
      assert.equal(res.statusCode, 400, `${JSON.stringify(c).slice(0, 80)} → ${res.statusCode} ${res.body}`);
      assert.ok(res.json().message);
    }
    const broken = await app.inject({ method: 'POST', url: '/api/v1/applications', payload: '{"applicant":', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.statusCode, 400);
    const unknownAgency = await post('/api/v1/applications', body({ agency: 'nowhere' }));
    assert.ok('agency' in unknownAgency.json().fields);
  });

  test('Idempotency-Key: a retry returns the same application; other content with the key is 409', async () => {
    const headers = { 'idempotency-key': 'client-retry-0001' };
    const a = await post('/api/v1/applications', body(), headers);
    const b = await post('/api/v1/applications', body(), headers);
    assert.equal(a.statusCode, 201);
    assert.equal(b.statusCode, 201);
    assert.equal(b.headers['idempotent-replayed'], 'true');
    assert.equal(a.json().trackingCode, b.json().trackingCode);
    const c = await post('/api/v1/applications', body({ description: '完全不同的另一项申请内容描述' }), headers);
    assert.equal(c.statusCode, 409);
    assert.equal(c.json().error, 'idempotency_conflict');
  });

  test('an invalid Bearer token is 401, not a silent public application', async () => {
    const res = await post('/api/v1/applications', body({ channel: 'in_person', receivedOn: '2025-09-25' }), { authorization: 'Bearer not-a-valid-token-at-all-xxxx' });
    assert.equal(res.statusCode, 401);
  });

  test('XSS payloads are stored as text and returned inert in JSON', async () => {
    const res = await post('/api/v1/applications', body({ description: '<script>alert(1)</script>申请公开文件' }, { name: '<img src=x onerror=alert(1)>' }));
    assert.equal(res.statusCode, 201);
    const row = await ctx.repos.applications.byTrackingCode(res.json().trackingCode);
    assert.equal(row!.description, '<script>alert(1)</script>申请公开文件');
  });
});

describe('staff API', () => {
  let id: number;
  let trackingCode: string;

  test('registering an offline application needs channel and the Art. 31 dates; 201 with id', async () => {
    let res = await post('/api/v1/applications', body(), auth('office'));
    assert.equal(res.statusCode, 400);
    assert.ok('channel' in res.json().fields);
    res = await post('/api/v1/applications', body({ channel: 'email', receivedOn: '2025-09-25' }), auth('office'));
    assert.equal(res.statusCode, 400);
    assert.ok('confirmedOn' in res.json().fields);
    res = await post('/api/v1/applications', body({ channel: 'post', receivedOn: '2025-09-26' }, { phone: '0745-7625678' }), auth('office'));
    assert.equal(res.statusCode, 201, res.body);
    const json = res.json();
    assert.equal(typeof json.id, 'number');
    assert.equal(json.receivedOn, '2025-09-26');
    assert.equal(json.dueOn, '2025-10-30');
    id = json.id;
    trackingCode = json.trackingCode;
    res = await post('/api/v1/applications', body({ channel: 'post', receivedOn: '2025-09-26' }), auth('clerk'));
    assert.equal(res.statusCode, 403);
  });

  test('GET /api/v1/applications/{id}: state, dates, clock, events; masked for another department, 404 for another agency', async () => {
    let res = await app.inject({ url: `/api/v1/applications/${id}`, headers: auth('office') });
    assert.equal(res.statusCode, 200, res.body);
    const json = res.json();
    assert.equal(json.state, 'received');
    assert.equal(json.receivedOn, '2025-09-26');
    assert.equal(json.dueOn, '2025-10-30');
    assert.equal(json.provisional, false);
    assert.equal(json.pausedWorkingDays, 0);
    assert.equal(json.extended, false);
    assert.equal(json.events.length, 1);
    assert.equal(json.events[0].type, 'received');
    assert.equal(json.applicant.phone, '0745-7625678');
    assert.ok(json.availableActions.some((a: { type: string }) => a.type === 'assign'));
    res = await app.inject({ url: `/api/v1/applications/${id}`, headers: auth('clerk2') });
    assert.equal(res.json().applicant.masked, true);
    assert.doesNotMatch(res.body, /7625678/);
    res = await app.inject({ url: `/api/v1/applications/${id}`, headers: auth('otherOffice') });
    assert.equal(res.statusCode, 404);
    res = await app.inject({ url: `/api/v1/applications/${id}` });
    assert.equal(res.statusCode, 401);
    res = await app.inject({ url: '/api/v1/applications/abc', headers: auth('office') });
    assert.equal(res.statusCode, 400);
  });

  test('POST actions: stable types, outcome codes; refusals are 400/403/409 with Chinese messages', async () => {
    const act = (who: string, payload: unknown) => post(`/api/v1/applications/${id}/actions`, payload, auth(who));
    let res = await act('office', { type: 'assign', on: '2025-09-26', departmentId: w.departments['基础教育股'] });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'assigned');
    res = await act('office', { type: 'fly' });
    assert.equal(res.statusCode, 400);
    res = await act('clerk', { type: 'extend', reason: 'x' });
    assert.equal(res.statusCode, 403);
    assert.match(res.json().message, /负责人/);
    res = await act('office', { type: 'close' });
    assert.equal(res.statusCode, 409);
    res = await act('clerk', { type: 'draft-reply', outcome: 'no_such_outcome' });
    assert.equal(res.statusCode, 400);
    res = await act('clerk', { type: 'draft-reply', outcome: 'not_this_agency', details: '该信息由洪江市人力资源和社会保障局负责公开，联系电话0745-7620000。' });
    assert.equal(res.statusCode, 200);
    res = await act('reviewer', { type: 'approve-reply' });
    assert.equal(res.statusCode, 200);
    res = await act('office', { type: 'reply', outcome: 'not_this_agency' });
    assert.equal(res.statusCode, 200, res.body);
    const json = res.json();
    assert.equal(json.state, 'replied');
    assert.equal(json.outcome, 'not_this_agency');
    assert.ok(json.files.some((f: { kind: string; public: boolean }) => f.kind === 'reply' && f.public));
    res = await act('office', { type: 'reply', on: '2025-99-01' });
    assert.equal(res.statusCode, 400);
  });

  test('GET /api/v1/applications?overdue=true lists only overdue; filters are validated', async () => {
    // Received 2025-08-01: due 2025-08-29, overdue on 2025-09-26.
    const late = await post('/api/v1/applications', body({ channel: 'in_person', receivedOn: '2025-08-01' }), auth('office'));
    assert.equal(late.statusCode, 201);
    let res = await app.inject({ url: `/api/v1/applications?agency=${agency}&overdue=true`, headers: auth('office') });
    assert.equal(res.statusCode, 200, res.body);
    const json = res.json();
    assert.deepEqual(json.items.map((i: { id: number }) => i.id), [late.json().id]);
    assert.equal(json.items[0].overdue, true);
    assert.ok(json.items[0].remainingWorkingDays < 0);
    assert.equal(json.counts[0].overdue, 1);
    res = await app.inject({ url: `/api/v1/applications?state=replied`, headers: auth('office') });
    assert.ok(res.json().items.every((i: { state: string }) => i.state === 'replied'));
    assert.ok(res.json().items.some((i: { outcome: string; outcomeLabel: string }) => i.outcome === 'not_this_agency' && /不属于本机关/.test(i.outcomeLabel)));
    res = await app.inject({ url: `/api/v1/applications?state=bogus`, headers: auth('office') });
    assert.equal(res.statusCode, 400);
    res = await app.inject({ url: `/api/v1/applications?agency=${agency}`, headers: auth('otherOffice') });
    assert.equal(res.statusCode, 400);
    res = await app.inject({ url: `/api/v1/applications?overdue=true`, headers: auth('supervisor') });
    assert.equal(res.statusCode, 200);
    assert.ok(res.json().counts.some((c: { agency: string; overdue: number }) => c.agency === agency && c.overdue === 1));
  });

  test('tracking: code + last 4 digits → status, due date, public events, letters; nothing else', async () => {
    let res = await app.inject({ url: `/api/v1/applications/track/${trackingCode}?phoneLast4=5678` });
    assert.equal(res.statusCode, 200, res.body);
    const json = res.json();
    assert.equal(json.status, 'replied');
    assert.equal(json.outcome, 'not_this_agency');
    assert.deepEqual(json.events.map((e: { label: string }) => e.label), ['收到申请', '答复']);
    assert.doesNotMatch(res.body, /7625678|office|reviewer|clerk/);
    assert.equal(json.files.length, 1);
    const file = await app.inject({ url: `/api/v1/applications/track/${trackingCode}/files/${json.files[0].id}?phoneLast4=5678` });
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-type']), /wordprocessingml/);
    assert.match(String(file.headers['content-disposition']), /filename\*=UTF-8''/);
    assert.equal(file.rawPayload.subarray(0, 2).toString(), 'PK');
    res = await app.inject({ url: `/api/v1/applications/track/${trackingCode}?phoneLast4=0000` });
    assert.equal(res.statusCode, 404);
    res = await app.inject({ url: `/api/v1/applications/track/${trackingCode}/files/${json.files[0].id}?phoneLast4=0000` });
    assert.equal(res.statusCode, 404);
    res = await app.inject({ url: `/api/v1/applications/track/NOT-A-CODE?phoneLast4=5678` });
    assert.equal(res.statusCode, 400);
    res = await app.inject({ url: `/api/v1/applications/track/${trackingCode}` });
    assert.equal(res.statusCode, 400);
  });

  test('the OpenAPI document lists the application endpoints', async () => {
    const res = await app.inject('/api/v1/openapi.json');
    const paths = Object.keys(res.json().paths);
    for (const p of ['/api/v1/applications', '/api/v1/applications/track/{trackingCode}', '/api/v1/applications/{id}', '/api/v1/applications/{id}/actions']) {
      assert.ok(paths.includes(p), p);
    }
  });
});

describe('rate limit on public submissions and tracking', () => {
  test('answers 429 after config.publicRateLimit requests a minute; staff are not limited', async () => {
    const fresh = await freshDb('sqlite');
    const c = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'test', publicRateLimit: 3 }, { now: () => NOW });
    const world = await makeWorld(c);
    const code = (await c.repos.agencies.byId(world.bureauId))!.code;
    const token = (await createApiToken(c, world.actor('office'), 't')).token;
    const limited = await testApp(c);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await limited.inject({ method: 'POST', url: '/api/v1/applications', payload: { ...body(), agency: code }, headers: { 'content-type': 'application/json' } });
        statuses.push(res.statusCode);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const staff = await limited.inject({ method: 'POST', url: '/api/v1/applications', payload: { ...body({ channel: 'in_person', receivedOn: '2025-09-26' }), agency: code }, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` } });
      assert.equal(staff.statusCode, 201);
      const guesses: number[] = [];
      for (let i = 0; i < 5; i++) guesses.push((await limited.inject({ url: `/api/v1/applications/track/0000000000000000?phoneLast4=1234` })).statusCode);
      assert.deepEqual(guesses.slice(3), [429, 429]);
    } finally {
      await limited.close();
      await fresh.drop();
    }
  });
});
