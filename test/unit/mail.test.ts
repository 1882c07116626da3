import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reminderMail } from '../../src/mail/message.ts';
import { isEmailAddress, mailConfigFromEnv } from '../../src/mail/mail-config.ts';
import { nextAttemptAt, OUTBOX_MAX_ATTEMPTS, retryDelayMs } from '../../src/mail/outbox.ts';
import { quarterHour } from '../../src/jobs/mail-outbox.job.ts';

const base = {
  recipientName: '王芳',
  agencyName: '洪江市教育局',
  title: '即将到期：申请 GK7Q2M4X9P（2026-11-05 收到）',
  body: '应于2026年12月3日前答复（剩余 2 个工作日）（《政府信息公开条例》第三十三条）。',
  href: '/console/applications/42',
  publicBaseUrl: 'https://gk.hongjiang.gov.cn/',
};

test('a reminder e-mail: the inbox wording as subject and body, a greeting, the case link and the sender', () => {
  const m = reminderMail(base);
  assert.equal(m.subject, '即将到期：申请 GK7Q2M4X9P（2026-11-05 收到）');
  const lines = m.text.split('\n');
  assert.equal(lines[0], '王芳：');
  assert.ok(lines.includes('即将到期：申请 GK7Q2M4X9P（2026-11-05 收到）'));
  assert.ok(lines.includes('应于2026年12月3日前答复（剩余 2 个工作日）（《政府信息公开条例》第三十三条）。'));
  // One slash between the base URL and the path, whatever the configured base ends with.
  assert.ok(lines.includes('办理页面：https://gk.hongjiang.gov.cn/console/applications/42'));
  assert.match(m.text, /此邮件由洪江市教育局政府信息公开平台自动发送/);
  assert.equal(reminderMail({ ...base, publicBaseUrl: 'http://localhost:3000' }).text.includes('办理页面：http://localhost:3000/console/applications/42'), true);
});

test('a subject never carries a line break (no header injection through a name or title)', () => {
  const m = reminderMail({ ...base, title: '已逾期：申请 X\r\nBcc: someone@example.com', recipientName: '李\n四' });
  assert.equal(m.subject, '已逾期：申请 X Bcc: someone@example.com');
  assert.ok(!/[\r\n]/.test(m.subject));
  assert.equal(m.text.split('\n')[0], '李 四：');
});

test('mail settings: unset means inbox only; a malformed URL or missing sender is refused without echoing the password', () => {
  assert.equal(mailConfigFromEnv({}), null);
  assert.equal(mailConfigFromEnv({ GONGKAI_SMTP_URL: '  ', GONGKAI_MAIL_FROM: 'a@b.cn' }), null);
  assert.deepEqual(mailConfigFromEnv({ GONGKAI_SMTP_URL: 'smtps://u:p@mail.example.cn:465', GONGKAI_MAIL_FROM: '政府信息公开 <gk@example.cn>' }),
    { smtpUrl: 'smtps://u:p@mail.example.cn:465', from: '政府信息公开 <gk@example.cn>' });
  assert.throws(() => mailConfigFromEnv({ GONGKAI_SMTP_URL: 'http://u:secret@host', GONGKAI_MAIL_FROM: 'a@b.cn' }), (e: Error) => /GONGKAI_SMTP_URL/.test(e.message) && !e.message.includes('secret'));
  assert.throws(() => mailConfigFromEnv({ GONGKAI_SMTP_URL: 'smtp://host:25' }), /GONGKAI_MAIL_FROM/);
  assert.throws(() => mailConfigFromEnv({ GONGKAI_SMTP_URL: 'smtp://host:25', GONGKAI_MAIL_FROM: 'not an address' }), /GONGKAI_MAIL_FROM/);
  assert.equal(isEmailAddress('clerk@hj.gov.cn'), true);
  assert.equal(isEmailAddress('clerk@localhost'), false);
  assert.equal(isEmailAddress('a b@c.cn'), false);
});

test('retry backoff doubles from 15 minutes up to 8 hours, and a message is given up after the last attempt', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n) / 60_000), [15, 30, 60, 120, 240, 480, 480]);
  const now = new Date('2026-11-27T01:00:00Z');
  assert.equal(nextAttemptAt(now, 1), '2026-11-27T01:15:00.000Z');
  assert.equal(nextAttemptAt(now, 3), '2026-11-27T02:00:00.000Z');
  assert.notEqual(nextAttemptAt(now, OUTBOX_MAX_ATTEMPTS - 1), null);
  assert.equal(nextAttemptAt(now, OUTBOX_MAX_ATTEMPTS), null);
});

test('the outbox job runs once per quarter hour', () => {
  assert.equal(quarterHour(new Date('2026-11-27T03:00:00Z')), '2026-11-27T03:00');
  assert.equal(quarterHour(new Date('2026-11-27T03:14:59Z')), '2026-11-27T03:00');
  assert.equal(quarterHour(new Date('2026-11-27T03:15:00Z')), '2026-11-27T03:15');
  assert.equal(quarterHour(new Date('2026-11-27T23:59:00Z')), '2026-11-27T23:45');
});
