import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { inboxFor, writeDeadlineReminders } from '../../src/services/reminder.service.ts';
import { deliverOutbox, outboxOverview, OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS } from '../../src/mail/outbox.ts';
import type { MailTransport } from '../../src/mail/transport.ts';
import type { MailMessage } from '../../src/mail/message.ts';
import { ForbiddenError, ValidationError } from '../../src/services/errors.ts';
import { createUser, updateUser } from '../../src/services/account.service.ts';
import { makeWorld, personForm, registerOn, residentId, type World } from './applications-fixture.ts';

const MAIL = { smtpUrl: 'smtp://127.0.0.1:2525', from: '政府信息公开 <gk@example.cn>' };
const ID_NUMBER = residentId('19850312', '457');

/** Records what it is asked to send; `fail` makes it throw instead; each send yields to the event loop, so runs interleave. */
function recorder(opts: { fail?: string } = {}): MailTransport & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(m) {
      await new Promise((r) => setTimeout(r, 1));
      if (opts.fail) throw new Error(opts.fail);
      sent.push(m);
    },
  };
}

forEachDialect('e-mail outbox for deadline reminders', (s) => {
  let w: World;
  let clock = new Date('2026-03-10T01:00:00Z');
  let mctx: ServiceContext;
  let appId = 0;
  const emails = { office: 'office@hj.gov.cn', clerk: 'clerk@hj.gov.cn' };

  test('setup: an overdue application assigned to 基础教育股; two recipients with an address, one without', async () => {
    mctx = createServiceContext(s.db, { ...s.ctx.config, mail: MAIL }, { now: () => clock });
    w = await makeWorld(s.ctx);
    appId = (await registerOn(s.ctx, w, '2025-12-01', personForm({}, { idNumber: ID_NUMBER, name: '赵明亮', phone: '13912345678' }))).id;
    const row = (await s.ctx.repos.applications.byId(appId))!;
    assert.ok(await s.ctx.repos.applications.update(row.id, row.version, { department_id: w.departments['基础教育股'], state: row.state }, clock.toISOString()));
    await s.ctx.repos.accounts.updateUser(w.users.office.id, { email: emails.office });
    await s.ctx.repos.accounts.updateUser(w.users.clerk.id, { email: emails.clerk });
    // A second office user without an address: reminded in the inbox only.
    await s.ctx.repos.users.insert({ username: `office-noemail-${s.dialect}`, displayName: '无邮箱', passwordHash: 'x', agencyId: w.bureauId, departmentId: w.departments['办公室'], isSysadmin: false, roles: ['office'] }, clock);
  });

  test('SMTP not configured: reminders go to the inbox only, nothing is queued', async () => {
    const r = await writeDeadlineReminders(s.ctx, '2026-03-09');
    assert.equal(r.written, 3);
    assert.equal(r.mailQueued, 0);
    assert.deepEqual(await s.ctx.repos.outbox.counts(), { pending: 0, sending: 0, sent: 0, failed: 0 });
  });

  test('SMTP configured: one message per recipient with an address, in the reminder wording, with the link and no applicant data; a rerun queues nothing', async () => {
    const r = await writeDeadlineReminders(mctx, '2026-03-10');
    assert.equal(r.written, 3);
    assert.equal(r.mailQueued, 2);
    const rows = await s.ctx.repos.outbox.recent();
    assert.deepEqual(rows.map((m) => m.recipient).sort(), [emails.clerk, emails.office]);
    const inboxTitle = (await inboxFor(s.ctx, w.users.clerk)).unread.find((i) => i.day === '2026-03-10')!.title;
    for (const m of rows) {
      const full = (await s.ctx.repos.outbox.byId(m.id))!;
      assert.equal(full.status, 'pending');
      assert.equal(full.subject, inboxTitle);
      assert.match(full.subject, /^已逾期：申请 /);
      assert.ok(full.body.includes(`办理页面：http://localhost:3000/console/applications/${appId}`));
      assert.match(full.body, /答复期限为\d{4}年\d{1,2}月\d{1,2}日，已超期 \d+ 个工作日/);
      for (const secret of [ID_NUMBER, '赵明亮', '13912345678']) assert.ok(!full.body.includes(secret) && !full.subject.includes(secret), `e-mail leaks ${secret}`);
    }
    const again = await writeDeadlineReminders(mctx, '2026-03-10');
    assert.equal(again.written, 0);
    assert.equal(again.mailQueued, 0);
    assert.equal((await s.ctx.repos.outbox.recent()).length, 2);
  });

  test('two instances writing the next day\'s reminders at once queue each e-mail once', async () => {
    const other = createServiceContext(s.db, mctx.config, { now: () => clock });
    const [a, b] = await Promise.all([writeDeadlineReminders(mctx, '2026-03-11'), writeDeadlineReminders(other, '2026-03-11')]);
    assert.equal(a.written + b.written, 3);
    assert.equal(a.mailQueued + b.mailQueued, 2);
    assert.equal((await s.ctx.repos.outbox.recent({ limit: 100 })).length, 4);
  });

  test('two instances delivering at once: every message is sent exactly once and marked sent once', async () => {
    for (let i = 0; i < 20; i++) {
      await s.ctx.repos.outbox.enqueueOnce({ dedupe_key: `bulk-${i}`, user_id: null, application_id: null, recipient: `r${i}@example.cn`, subject: `第 ${i} 封`, body: '正文', next_attempt_at: clock.toISOString(), created_at: clock.toISOString() });
    }
    const other = createServiceContext(s.db, mctx.config, { now: () => clock });
    const a = recorder();
    const b = recorder();
    const [ra, rb] = await Promise.all([deliverOutbox(mctx, a, { limit: 100 }), deliverOutbox(other, b, { limit: 100 })]);
    assert.equal(ra.sent + rb.sent, 24);
    assert.ok(ra.claimedElsewhere + rb.claimedElsewhere > 0, 'the two runs competed for the same messages');
    const delivered = [...a.sent, ...b.sent].map((m) => `${m.to}|${m.subject}|${m.text}`);
    assert.equal(delivered.length, 24);
    assert.equal(new Set(delivered).size, 24, 'no message went out twice');
    assert.deepEqual(await s.ctx.repos.outbox.counts(), { pending: 0, sending: 0, sent: 24, failed: 0 });
    assert.deepEqual(await deliverOutbox(mctx, a), { sent: 0, retrying: 0, failed: 0, claimedElsewhere: 0 });
    assert.equal(a.sent.length + b.sent.length, 24);
  });

  test('a failure is recorded and retried with backoff; the retry that succeeds marks it sent once', async () => {
    await s.ctx.repos.outbox.enqueueOnce({ dedupe_key: 'flaky', user_id: w.users.office.id, application_id: appId, recipient: emails.office, subject: '重试', body: '正文', next_attempt_at: clock.toISOString(), created_at: clock.toISOString() });
    const id = (await s.ctx.repos.outbox.recent({ limit: 1 }))[0]!.id;
    const down = recorder({ fail: '421 4.3.0 Service not available' });
    assert.deepEqual(await deliverOutbox(mctx, down), { sent: 0, retrying: 1, failed: 0, claimedElsewhere: 0 });
    let row = (await s.ctx.repos.outbox.byId(id))!;
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, '421 4.3.0 Service not available');
    assert.equal(row.next_attempt_at, new Date(clock.getTime() + 15 * 60_000).toISOString());
    // Not due yet: nothing is tried.
    clock = new Date(clock.getTime() + 14 * 60_000);
    assert.equal((await deliverOutbox(mctx, down)).retrying, 0);
    clock = new Date(clock.getTime() + 60_000);
    assert.equal((await deliverOutbox(mctx, down)).retrying, 1);
    row = (await s.ctx.repos.outbox.byId(id))!;
    assert.equal(row.attempts, 2);
    assert.equal(row.next_attempt_at, new Date(clock.getTime() + 30 * 60_000).toISOString());
    clock = new Date(clock.getTime() + 30 * 60_000);
    const up = recorder();
    assert.equal((await deliverOutbox(mctx, up)).sent, 1);
    row = (await s.ctx.repos.outbox.byId(id))!;
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 3);
    assert.equal(row.last_error, null);
    assert.equal(row.sent_at, clock.toISOString());
    clock = new Date(clock.getTime() + 24 * 3600_000);
    assert.equal((await deliverOutbox(mctx, up)).sent, 0);
    assert.deepEqual(up.sent.map((m) => m.subject), ['重试']);
  });

  test(`after ${OUTBOX_MAX_ATTEMPTS} failed attempts a message is marked failed with its error and no longer tried`, async () => {
    await s.ctx.repos.outbox.enqueueOnce({ dedupe_key: 'doomed', user_id: w.users.clerk.id, application_id: appId, recipient: 'nobody@hj.gov.cn', subject: '失败', body: '正文', next_attempt_at: clock.toISOString(), created_at: clock.toISOString() });
    const id = (await s.ctx.repos.outbox.recent({ limit: 1 }))[0]!.id;
    const refuse = recorder({ fail: '550 5.1.1 mailbox unavailable' });
    for (let i = 1; i <= OUTBOX_MAX_ATTEMPTS; i++) {
      const r = await deliverOutbox(mctx, refuse);
      assert.deepEqual(r, i < OUTBOX_MAX_ATTEMPTS ? { sent: 0, retrying: 1, failed: 0, claimedElsewhere: 0 } : { sent: 0, retrying: 0, failed: 1, claimedElsewhere: 0 });
      clock = new Date(clock.getTime() + 9 * 3600_000);
    }
    const row = (await s.ctx.repos.outbox.byId(id))!;
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, OUTBOX_MAX_ATTEMPTS);
    assert.equal(row.last_error, '550 5.1.1 mailbox unavailable');
    clock = new Date(clock.getTime() + 30 * 24 * 3600_000);
    assert.equal((await deliverOutbox(mctx, recorder())).sent, 0);
  });

  test('a claim held by an instance that died is taken over after its lease; the dead claimant cannot mark it afterwards', async () => {
    await s.ctx.repos.outbox.enqueueOnce({ dedupe_key: 'orphan', user_id: null, application_id: null, recipient: 'orphan@example.cn', subject: '接管', body: '正文', next_attempt_at: clock.toISOString(), created_at: clock.toISOString() });
    const id = (await s.ctx.repos.outbox.recent({ limit: 1 }))[0]!.id;
    const held = await s.ctx.repos.outbox.claim(id, 'dead-instance', clock.toISOString(), new Date(clock.getTime() + OUTBOX_LEASE_MS).toISOString());
    assert.equal(held?.status, 'sending');
    assert.equal(await s.ctx.repos.outbox.claim(id, 'someone-else', clock.toISOString(), clock.toISOString()), undefined);
    const t = recorder();
    assert.equal((await deliverOutbox(mctx, t)).sent, 0);
    clock = new Date(clock.getTime() + OUTBOX_LEASE_MS + 1000);
    assert.equal((await deliverOutbox(mctx, t)).sent, 1);
    assert.equal(await s.ctx.repos.outbox.markSent(id, 'dead-instance', clock.toISOString()), false);
    assert.equal(await s.ctx.repos.outbox.markFailed(id, 'dead-instance', 'late', null), false);
    const row = (await s.ctx.repos.outbox.byId(id))!;
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 2);
  });

  test('administrators see the outbox (sent / failed with the error); their agency only unless system administrator; others are refused', async () => {
    const all = await outboxOverview(mctx, w.actor('admin'));
    assert.equal(all.enabled, true);
    assert.deepEqual(all.counts, { pending: 0, sending: 0, sent: 26, failed: 1 });
    const failed = all.recent.find((m) => m.status === 'failed')!;
    assert.equal(failed.lastError, '550 5.1.1 mailbox unavailable');
    assert.equal(failed.recipient, 'nobody@hj.gov.cn');
    assert.equal((await outboxOverview(s.ctx, w.actor('admin'))).enabled, false);
    const agencyAdmin = await s.ctx.repos.users.insert({ username: `bureau-admin-${s.dialect}`, displayName: '局管理员', passwordHash: 'x', agencyId: w.bureauId, departmentId: null, isSysadmin: false, roles: ['admin'] }, clock);
    const mine = await outboxOverview(mctx, { kind: 'staff', ip: '127.0.0.1', user: (await s.ctx.repos.users.staffUser(agencyAdmin.id))! });
    // Messages to the bureau's users only (the bulk and orphan ones have no user).
    assert.deepEqual(mine.counts, { pending: 0, sending: 0, sent: 5, failed: 1 });
    assert.ok(mine.recent.every((m) => !m.recipient.startsWith('r') && m.recipient !== 'orphan@example.cn'));
    await assert.rejects(outboxOverview(mctx, w.actor('office')), ForbiddenError);
    await assert.rejects(outboxOverview(mctx, w.actor('clerk')), ForbiddenError);
  });

  test('an address is set when creating or editing a user, checked, and removable', async () => {
    const admin = w.actor('admin');
    await assert.rejects(createUser(s.ctx, admin, { username: `mailer-${s.dialect}`, password: 'Mailer2026x', agencyId: w.bureauId, roles: ['office'], email: 'mailer@' }),
      (e: ValidationError) => e instanceof ValidationError && e.fields?.email === '电子邮箱格式不正确，例如 name@example.gov.cn');
    assert.equal(await s.ctx.repos.users.byUsername(`mailer-${s.dialect}`), undefined);
    const u = await createUser(s.ctx, admin, { username: `mailer-${s.dialect}`, password: 'Mailer2026x', agencyId: w.bureauId, roles: ['office'], email: ' mailer@hj.gov.cn ' });
    assert.equal(u.email, 'mailer@hj.gov.cn');
    await assert.rejects(updateUser(s.ctx, admin, u.id, { displayName: '改名', departmentId: null, roles: ['office'], email: 'a b@c.cn' }), ValidationError);
    assert.equal((await s.ctx.repos.users.byId(u.id))!.display_name, u.displayName);
    // Leaving the address out of an update keeps it; '' removes it.
    assert.equal((await updateUser(s.ctx, admin, u.id, { displayName: '改名', departmentId: null, roles: ['office'] })).email, 'mailer@hj.gov.cn');
    assert.equal((await updateUser(s.ctx, admin, u.id, { displayName: '改名', departmentId: null, roles: ['office'], email: '' })).email, '');
  });
});
