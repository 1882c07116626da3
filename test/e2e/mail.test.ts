// Reminder e-mail in the console, in a browser: an administrator sets a user's address on the user
// page, and the outbox section of 我的提醒 (a sent and a failed message with its error) passes
// axe-core. (Both are plain forms and pages; test/http/mail-admin.test.ts posts them without a script.)
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { deliverOutbox } from '../../src/mail/outbox.ts';

describe('reminder e-mail in the console in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('the user page sets an address; the outbox on the inbox page is accessible', async () => {
    const office = (await env.ctx.repos.users.byUsername('office'))!;
    const page = await env.newPage();
    page.setDefaultTimeout(30_000);
    await signIn(page, 'admin');
    await page.goto(`/console/admin/users/${office.id}`);
    await page.getByLabel('电子邮箱').fill('office@hongjiang.gov.cn');
    await page.getByRole('button', { name: '保存修改' }).click();
    await page.getByText('修改已保存。').waitFor({ timeout: 5000 });
    await axeCheck(page);
    assert.equal((await env.ctx.repos.users.byId(office.id))!.email, 'office@hongjiang.gov.cn');

    const now = env.ctx.now().toISOString();
    for (const key of ['ok', 'bad']) {
      await env.ctx.repos.outbox.enqueueOnce({ dedupe_key: `e2e-${key}`, user_id: office.id, application_id: null, recipient: `${key}@hongjiang.gov.cn`, subject: `已逾期：申请 E2E-${key}`, body: '正文', next_attempt_at: now, created_at: now });
    }
    await deliverOutbox(env.ctx, { send: async (m) => { if (m.to.startsWith('bad')) throw new Error('550 5.1.1 mailbox unavailable'); } });
    await page.goto('/console/inbox');
    await page.getByRole('heading', { level: 2, name: '提醒邮件发送情况' }).waitFor({ timeout: 5000 });
    await page.getByText('550 5.1.1 mailbox unavailable').waitFor({ timeout: 5000 });
    await axeCheck(page);
  });
});
