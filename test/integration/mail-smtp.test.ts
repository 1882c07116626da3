// The reminder job speaking real SMTP (nodemailer) to an in-process server (smtp-server): the
// message that arrives has the recipient, a correctly encoded Chinese subject and the case link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { runOnce } from '../../src/jobs/scheduler.ts';
import { deadlineRemindersJob } from '../../src/jobs/deadline-reminders.job.ts';
import { mailOutboxJob } from '../../src/jobs/mail-outbox.job.ts';
import { inboxFor } from '../../src/services/reminder.service.ts';
import { makeWorld, registerOn, type World } from './applications-fixture.ts';

interface Received { from: string; rcpt: string[]; raw: string; user: string }

const received: Received[] = [];
let server: SMTPServer;
let port = 0;

before(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'gongkai' && auth.password === 'pa:ss word') cb(null, { user: auth.username });
      else cb(new Error('535 认证失败'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('bounce')) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        cb(err);
      } else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcpt: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
          user: String(session.user ?? ''),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Header fields of a raw message, unfolded, keyed in lower case. */
function headers(raw: string): Map<string, string> {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  return new Map(head.split('\r\n').map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
}

/** RFC 2047 encoded words (B and Q), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=\s*(?==\?)?/g, (_m, _charset: string, enc: string, text: string) => {
    const bytes = enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
    return bytes.toString('utf8');
  });
}

/** The text body, decoded by its Content-Transfer-Encoding. */
function body(raw: string): string {
  const h = headers(raw);
  const text = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  const cte = (h.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') {
    return Buffer.from(text.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, hx: string) => String.fromCharCode(parseInt(hx, 16))), 'latin1').toString('utf8');
  }
  return Buffer.from(text, 'latin1').toString('utf8');
}

forEachDialect('deadline reminders by e-mail over SMTP', (s) => {
  let w: World;
  let mctx: ServiceContext;
  let appId = 0;
  const at = new Date('2026-03-10T01:00:00Z');

  test('setup: an overdue application; the office user has an address, the assigned clerk one the server refuses', async () => {
    received.length = 0;
    mctx = createServiceContext(s.db, {
      ...s.ctx.config,
      publicBaseUrl: 'https://gk.hongjiang.gov.cn',
      mail: { smtpUrl: `smtp://gongkai:${encodeURIComponent('pa:ss word')}@127.0.0.1:${port}`, from: '洪江市教育局政府信息公开 <gongkai@hongjiang.gov.cn>' },
    }, { now: () => at });
    w = await makeWorld(s.ctx);
    appId = (await registerOn(s.ctx, w, '2025-12-01')).id;
    const row = (await s.ctx.repos.applications.byId(appId))!;
    assert.ok(await s.ctx.repos.applications.update(row.id, row.version, { department_id: w.departments['基础教育股'], state: row.state }, at.toISOString()));
    await s.ctx.repos.accounts.updateUser(w.users.office.id, { email: 'office@hongjiang.gov.cn' });
    await s.ctx.repos.accounts.updateUser(w.users.clerk.id, { email: 'bounce@hongjiang.gov.cn' });
  });

  test('the daily job writes the reminders and sends the e-mail: recipient, encoded Chinese subject, link to the case', async () => {
    const outcome = await runOnce(mctx, deadlineRemindersJob, at);
    assert.equal(outcome.status, 'ran');
    assert.deepEqual((outcome as { result: Record<string, unknown> }).result.mail, { sent: 1, retrying: 1, failed: 0, claimedElsewhere: 0 });
    assert.equal(received.length, 1);
    const m = received[0]!;
    assert.equal(m.user, 'gongkai');
    assert.equal(m.from, 'gongkai@hongjiang.gov.cn');
    assert.deepEqual(m.rcpt, ['office@hongjiang.gov.cn']);
    const h = headers(m.raw);
    assert.equal(h.get('to'), 'office@hongjiang.gov.cn');
    assert.match(h.get('from')!, /<gongkai@hongjiang\.gov\.cn>$/);
    // The subject travels as RFC 2047 encoded words (pure ASCII on the wire) and decodes to the inbox title.
    assert.match(h.get('subject')!, /^=\?UTF-8\?[BQ]\?/i);
    assert.ok(/^[\x20-\x7e]+$/.test(h.get('subject')!));
    const title = (await inboxFor(s.ctx, w.users.office)).unread.find((i) => i.href === `/console/applications/${appId}`)!.title;
    assert.match(title, /^已逾期：申请 \S+（2025-12-01 收到）$/);
    assert.equal(decodeWords(h.get('subject')!), title);
    assert.match(h.get('content-type')!, /text\/plain; charset=utf-8/i);
    const text = body(m.raw);
    assert.ok(text.includes(`办理页面：https://gk.hongjiang.gov.cn/console/applications/${appId}`), text);
    assert.ok(text.includes('，已超期 '));
    assert.ok(text.includes('洪江市教育局政府信息公开平台自动发送'));
  });

  test("the server's refusal is recorded on the message, which the outbox job retries later", async () => {
    const rows = await s.ctx.repos.outbox.recent();
    const bounced = rows.find((r) => r.recipient === 'bounce@hongjiang.gov.cn')!;
    assert.equal(bounced.status, 'pending');
    assert.equal(bounced.attempts, 1);
    assert.match(bounced.last_error ?? '', /550/);
    assert.equal(rows.find((r) => r.recipient === 'office@hongjiang.gov.cn')!.status, 'sent');
    // A quarter of an hour later the job tries again; the server still refuses, nothing is sent twice.
    const later = new Date(at.getTime() + 16 * 60_000);
    const retry = createServiceContext(s.db, mctx.config, { now: () => later });
    const outcome = await runOnce(retry, mailOutboxJob, later);
    assert.equal(outcome.status, 'ran');
    assert.deepEqual((outcome as { result: Record<string, unknown> }).result, { sent: 0, retrying: 1, failed: 0, claimedElsewhere: 0 });
    assert.equal((await s.ctx.repos.outbox.byId(bounced.id))!.attempts, 2);
    assert.equal(received.length, 1);
  });
});
