// Browser checks of the inspection and error-report pages (issue 9): axe-core finds no violations
// on the public form, its receipt and statistics (three languages), and the console pages; the
// footer link carries the page address into the form.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe('inspection and error reports in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => {
    env = await startBrowserEnv();
    await env.ctx.repos.settings.set('inspection.external_links', '0');
  });
  after(async () => { await env?.close(); });

  test('public: the footer link opens the form with the page filled in; form, receipt and statistics pass axe in three languages', async () => {
    const page = await env.newPage();
    await page.goto('/gk/hjjyj/guide');
    await page.getByRole('link', { name: '我为政府网站找错' }).click();
    assert.equal(new URL(page.url()).pathname, '/gk/hjjyj/report-error');
    assert.equal(await page.locator('input[name="pageUrl"]').inputValue(), '/gk/hjjyj/guide');
    await axeCheck(page);
    // An error comes back on the same page, with the field marked.
    await page.locator('button[type="submit"].primary').click();
    assert.equal(await page.locator('textarea[name="description"]').getAttribute('aria-invalid'), 'true');
    await axeCheck(page);
    await page.locator('textarea[name="description"]').fill('指南中的传真号码与联系电话相同，可能有误。');
    await page.locator('button[type="submit"].primary').click();
    await page.getByText('已收到您的留言').first().waitFor({ timeout: 5000 });
    await axeCheck(page);
    for (const lang of ['zh-CN', 'zh-TW', 'en']) {
      await page.goto(`/gk/hjjyj/report-error/stats?lang=${lang}`);
      await axeCheck(page);
      await page.goto(`/gk/hjjyj/report-error?lang=${lang}`);
      await axeCheck(page);
    }
  });

  test('console: health page, settings, text check, error reports (office); league table and another agency (supervisor)', async () => {
    const office = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(office, 'office');
    for (const url of ['/console/inspection', '/console/inspection/settings', '/console/inspection/check-text', '/console/error-reports', '/console/error-reports?filter=all']) {
      const res = await office.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(office);
    }
    await office.goto('/console/inspection');
    await office.screenshot({ path: '/tmp/inspection-health.png', fullPage: true });
    // The settings forms open (no JavaScript needed: <details>) and stay accessible.
    await office.goto('/console/inspection/settings');
    for (const summary of await office.locator('summary').all()) await summary.click();
    await axeCheck(office);
    await office.goto('/console/inspection/check-text');
    await office.locator('#f-title').fill('洪江市教育委員會通知');
    await office.locator('button.primary').click();
    await office.getByText('应为“洪江市教育局”').first().waitFor({ timeout: 5000 });
    await axeCheck(office);
    await office.goto('/console/error-reports?filter=all');
    await office.locator('main table a').first().click();
    await axeCheck(office);

    const sup = await env.newPage();
    await signIn(sup, 'supervisor');
    for (const url of ['/console/inspection/league', '/console/inspection/agencies/hjjyj']) {
      const res = await sup.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(sup);
    }
  });
});
