import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import { makeWorld, registerOn, type World } from '../integration/applications-fixture.ts';

const NOW = new Date('2026-03-10T02:00:00Z');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let appId: number;
let drop: () => Promise<void>;
const tokens: Record<string, string> = {};
const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
const call = (method: 'GET' | 'POST', url: string, who: string | null, payload?: unknown) =>
  app.inject({ method, url, ...(payload !== undefined ? { payload: payload as object } : {}), headers: { ...(who ? auth(who) : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) } });

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  for (const who of ['office', 'clerk', 'head', 'otherOffice'] as const) tokens[who] = (await createApiToken(ctx, w.actor(who), `t-${who}`)).token;
  appId = (await registerOn(ctx, w, '2026-01-05')).id;
  app = await testApp(ctx);
});
after(async () => { await app.close(); await drop(); });

test('record, list and decide a reconsideration case', async () => {
  const base = `/api/v1/applications/${appId}/review-cases`;
  assert.equal((await call('GET', base, null)).statusCode, 401);
  const empty = await call('GET', base, 'office');
  assert.equal(empty.statusCode, 200, empty.body);
  assert.deepEqual(empty.json(), { items: [] });

  const created = await call('POST', base, 'office', { kind: 'reconsideration', filedOn: '2026-03-02', authority: '洪江市人民政府' });
  assert.equal(created.statusCode, 201, created.body);
  const c = created.json();
  assert.equal(c.kind, 'reconsideration');
  assert.equal(c.kindLabel, '行政复议');
  assert.equal(c.result, 'pending');
  assert.equal(c.decidedOn, null);

  const list = (await call('GET', base, 'head')).json();
  assert.deepEqual(list.items.map((i: { id: number }) => i.id), [c.id]);

  const decided = await call('POST', `${base}/${c.id}/result`, 'head', { result: 'upheld', decidedOn: '2026-03-09' });
  assert.equal(decided.statusCode, 200, decided.body);
  assert.equal(decided.json().resultLabel, '维持');
  assert.equal(decided.json().decidedOn, '2026-03-09');
});

test('bad input is a 400 naming the fields; roles and agencies are checked', async () => {
  const base = `/api/v1/applications/${appId}/review-cases`;
  const bad = await call('POST', base, 'office', { kind: 'appeal', filedOn: '3月2日' });
  assert.equal(bad.statusCode, 400);
  assert.ok(bad.json().fields.kind && bad.json().fields.filedOn, bad.body);
  // A date the service refuses (before the application was received).
  const early = await call('POST', base, 'office', { kind: 'lawsuit_direct', filedOn: '2025-12-01' });
  assert.equal(early.statusCode, 400);
  assert.match(early.json().fields.filedOn, /早于收到申请/);
  // A decided result needs its date.
  const c = (await call('POST', base, 'office', { kind: 'lawsuit_direct', filedOn: '2026-03-03' })).json();
  const noDate = await call('POST', `${base}/${c.id}/result`, 'office', { result: 'corrected' });
  assert.equal(noDate.statusCode, 400);
  assert.ok(noDate.json().fields.decidedOn);
  // A clerk may read but not record.
  assert.equal((await call('POST', base, 'clerk', { kind: 'reconsideration', filedOn: '2026-03-02' })).statusCode, 403);
  // Another agency's office does not learn the application exists.
  assert.equal((await call('GET', base, 'otherOffice')).statusCode, 404);
  assert.equal((await call('POST', base, 'otherOffice', { kind: 'reconsideration', filedOn: '2026-03-02' })).statusCode, 404);
  assert.equal((await call('POST', `${base}/999999/result`, 'office', { result: 'pending' })).statusCode, 404);
});
