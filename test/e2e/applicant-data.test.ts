// The console page for applicants' personal data (issue 7) in a browser: the retention setting,
// the search with its empty state, and the confirmation with the cases found pass axe-core.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { formatTrackingCode } from '../../src/domain/tracking-code.ts';

describe('applicant data console in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('settings, empty state and confirmation are accessible; the page has no script', async () => {
    const bureau = (await env.ctx.repos.agencies.byCode('hjjyj'))!;
    const [demo] = (await env.ctx.repos.applications.list({ agencyIds: [bureau.id] }, 1, 1)).items;
    assert.ok(demo, 'the demo has applications');
    // The page carries no script: forms post and the ZIP downloads as plain HTML does. (axe-core
    // itself runs as a script, so the context keeps JavaScript on.)
    const context = await env.newContext();
    const page = await context.newPage();
    await signIn(page, 'office');
    await page.goto('/console/applicant-data');
    await page.getByRole('heading', { level: 1, name: '申请人个人信息' }).waitFor({ timeout: 5000 });
    assert.equal(await page.locator('script').count(), 0);
    await axeCheck(page);

    await page.locator('#f-value').fill('110101199001011237');
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByText('未找到该证件号码在本机关的申请。').waitFor({ timeout: 5000 });
    await axeCheck(page);

    await page.locator('#f-by').selectOption('code');
    await page.locator('#f-value').fill(formatTrackingCode(demo.tracking_code));
    await page.getByRole('button', { name: '查找' }).click();
    await page.getByRole('button', { name: '确认并下载（ZIP）' }).waitFor({ timeout: 5000 });
    await axeCheck(page);
    // Without the identity check confirmed, the page comes back with the message.
    await page.getByRole('button', { name: '确认并下载（ZIP）' }).click();
    await page.getByText('请确认已核验申请人（或其代理人）的身份证件原件').first().waitFor({ timeout: 5000 });
    await axeCheck(page);
    await page.getByLabel(/我已核验申请人/).check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '确认并下载（ZIP）' }).click()]);
    assert.match(download.suggestedFilename(), /\.zip$/);
    assert.equal(await download.failure(), null);
    await download.delete();
    await context.close();
  });
});
