import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, signedInBrowser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { makeWorld, registerOn, type World } from '../integration/applications-fixture.ts';
import { writeDeadlineReminders } from '../../src/services/reminder.service.ts';

const NOW = new Date('2026-03-10T01:00:00Z');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let drop: () => Promise<void>;

const signedIn = (who: keyof World['users']) => signedInBrowser(app, ctx, w.users[who].id, NOW);

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'inbox-test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  app = await testApp(ctx);
  await registerOn(ctx, w, '2025-12-01'); // long overdue
  await writeDeadlineReminders(ctx, '2026-03-10');
});
after(async () => { await app.close(); await drop(); });

test('the inbox lists unread reminders, marks one read with a CSRF form, and the dashboard counts it', async () => {
  assert.equal((await new Browser(app).get('/console/inbox')).statusCode, 303);
  const office = await signedIn('office');
  const dash = await office.get('/console');
  assert.match(dash.body, /未读提醒/);
  assert.match(dash.body, /已逾期未答复/); // the applications card's figures are wired in
  const page = await office.get('/console/inbox');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /未读（1）/);
  assert.match(page.body, /已逾期：申请/);
  const action = page.body.match(/action="(\/console\/inbox\/\d+\/read)"/)![1];
  // Without the CSRF token the POST is refused.
  const forged = await office.post(action, {});
  assert.equal(forged.statusCode, 403);
  const ok = await office.post(action, { _csrf: Browser.csrfFrom(page.body) });
  assert.equal(ok.statusCode, 303);
  const after = await office.get('/console/inbox?done=read');
  assert.match(after.body, /未读（0）/);
  assert.match(after.body, /已标为已读/);
  // Someone else's reminder is "not found".
  const clerk2 = await signedIn('clerk2');
  const other = await clerk2.submit('/console/account', action, {});
  assert.equal(other.statusCode, 404);
});
