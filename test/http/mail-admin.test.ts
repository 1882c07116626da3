import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { freshDb } from '../support/db.ts';
import { Browser, signedInBrowser, testApp } from '../support/app.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';
import { makeWorld, registerOn, type World } from '../integration/applications-fixture.ts';
import { writeDeadlineReminders } from '../../src/services/reminder.service.ts';
import { deliverOutbox } from '../../src/mail/outbox.ts';

// E-mail for reminders in the console: an administrator gives a user an address on the user page
// (checked, CSRF-protected), and sees on the inbox page what was sent and what failed with its error.
const NOW = new Date('2026-03-10T01:00:00Z');

let app: FastifyInstance;
let ctx: ServiceContext;
let w: World;
let drop: () => Promise<void>;

const signedIn = (who: keyof World['users']): Promise<Browser> => signedInBrowser(app, ctx, w.users[who].id, NOW);

before(async () => {
  const fresh = await freshDb('sqlite');
  drop = fresh.drop;
  const config = configFromEnv({ GONGKAI_SMTP_URL: 'smtp://127.0.0.1:2525', GONGKAI_MAIL_FROM: 'gk@example.cn' });
  ctx = createServiceContext(fresh.db, { ...config, secret: 'mail-admin-test', publicRateLimit: 0 }, { now: () => NOW });
  w = await makeWorld(ctx);
  app = await testApp(ctx);
  await registerOn(ctx, w, '2025-12-01'); // long overdue
});
after(async () => { await app.close(); await drop(); });

test('an administrator sets a user\'s e-mail address; a malformed one is refused with a Chinese message and nothing changes', async () => {
  const admin = await signedIn('admin');
  const url = `/console/admin/users/${w.users.office.id}`;
  const page = await admin.get(url);
  assert.match(page.body, /id="user-email"/);
  const fields = { displayName: w.users.office.displayName, departmentId: String(w.users.office.departmentId), roles: 'office' };
  const bad = await admin.submit(url, url, { ...fields, email: 'office at hj' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /电子邮箱格式不正确/);
  assert.equal((await ctx.repos.users.byId(w.users.office.id))!.email, '');
  // Without the CSRF token the change is refused.
  assert.equal((await admin.post(url, { ...fields, email: 'office@hj.gov.cn' })).statusCode, 403);
  const ok = await admin.submit(url, url, { ...fields, email: ' office@hj.gov.cn ' });
  assert.equal(ok.statusCode, 303);
  assert.equal((await ctx.repos.users.byId(w.users.office.id))!.email, 'office@hj.gov.cn');
  assert.match((await admin.get(url)).body, /value="office@hj\.gov\.cn"/);
  // The change is audited with the address before and after.
  const { items } = await ctx.repos.audit.list({ action: 'user.updated', subjectType: 'user', subjectId: String(w.users.office.id) }, 1, 10);
  assert.equal(items.length, 1);
  assert.deepEqual(JSON.parse(items[0]!.summary), { before: { email: '' }, after: { email: 'office@hj.gov.cn' } });
});

test('the inbox page shows administrators the outbox — sent, and failed with the error — and nobody else', async () => {
  await ctx.repos.accounts.updateUser(w.users.clerk.id, { email: 'clerk@hj.gov.cn' });
  const r = await writeDeadlineReminders(ctx, '2026-03-10');
  assert.equal(r.mailQueued, 1); // office only: the application is not assigned to the clerk's department
  await deliverOutbox(ctx, { send: async () => { throw new Error('421 <b>服务</b> 暂不可用'); } });
  const admin = await signedIn('admin');
  const page = await admin.get('/console/inbox');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /提醒邮件发送情况/);
  assert.match(page.body, /已发送 0 封；待发送 1 封；发送失败 0 封/);
  assert.match(page.body, /office@hj\.gov\.cn/);
  assert.match(page.body, /已逾期：申请/);
  // The SMTP error is shown, escaped; a pending message with an error is waiting to be retried.
  assert.match(page.body, /421 &lt;b>服务&lt;\/b> 暂不可用/);
  assert.doesNotMatch(page.body, /<b>服务/);
  assert.match(page.body, /badge-warn">待重试/);
  assert.match(page.body, /下次尝试/);
  const office = await signedIn('office');
  const own = await office.get('/console/inbox');
  assert.equal(own.statusCode, 200);
  assert.doesNotMatch(own.body, /提醒邮件发送情况/);
  await deliverOutbox({ ...ctx, now: () => new Date(NOW.getTime() + 3600_000) }, { send: async () => {} });
  const later = await admin.get('/console/inbox');
  assert.match(later.body, /已发送 1 封；待发送 0 封；发送失败 0 封/);
  assert.match(later.body, /badge-ok">已发送/);
});
