// The annual report in a browser: the public column and report pages, the office's workspace, the
// records behind a number and the supervisor's overview — no axe violations, and the journey of
// an inconsistent entry being refused with the cell named.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe('annual reports in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('public column and report pages: no axe violations in Chinese, Traditional and English', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    for (const url of ['/gk/hjjyj/reports', '/gk/hjjyj/reports?q=%E6%94%BF%E5%BA%9C%E4%BF%A1%E6%81%AF%E5%85%AC%E5%BC%80', '/gk/hjjyj/reports/2025', '/gk/hjjyj/reports/2016', '/gk/hjs/reports', '/gk/hjjyj/reports/2025?lang=zh-TW', '/gk/hjjyj/reports/2025?lang=en']) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(page);
    }
    await page.goto('/gk/hjjyj/reports/2025');
    await page.screenshot({ path: '/tmp/report-2025.png', fullPage: true });
    assert.equal(await page.locator('h1').innerText(), '洪江市教育局2025年政府信息公开工作年度报告');
    // the merged header cells of table 三 as a reader sees them
    const table = page.locator('table.report-table-applications');
    assert.equal(await table.locator('th[rowspan="22"]').innerText(), '三、本年度办理结果');
    assert.equal(await table.locator('thead th[colspan="5"]').innerText(), '法人或其他组织');
  });

  test('the office\'s workspace, the records behind a number and a refused entry: no axe violations', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'office');
    for (const url of ['/console/reports', '/console/reports/2025', '/console/reports/2026']) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(page);
    }
    // click a number of table 三 to see its records
    await page.goto('/console/reports/2025');
    await page.locator('table.report-table-applications tbody tr').first().locator('td a').last().click();
    await page.waitForURL(/\/records\?/);
    assert.match(await page.locator('h1').innerText(), /统计依据：表三「一、本年新收政府信息公开申请数量」行「总计」列/);
    await axeCheck(page);

    // an entry that unbalances table 三 is refused, naming the cell
    await page.goto('/console/reports/2026');
    await page.selectOption('#en-row', 'disclosed');
    await page.selectOption('#en-column', 'person');
    await page.fill('#en-delta', '1');
    await page.fill('#en-note', '纸质登记簿');
    await page.locator('form[action="/console/reports/2026/entries"] button[type="submit"]').click();
    await page.waitForLoadState();
    const alert = page.locator('#form-entries .notice-error');
    assert.match(await alert.innerText(), /「（七）总计」行「自然人」列为 \d+，但（一）至（六）各项之和为 \d+/);
    await axeCheck(page);
    await page.screenshot({ path: '/tmp/report-console.png', fullPage: true });
  });

  test('the supervisor\'s overview and a child agency\'s report: no axe violations', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'supervisor');
    for (const url of ['/console/reports', '/console/reports/supervision?year=2025', '/console/reports/2025?agency=hjjyj']) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(page);
    }
    await page.goto('/console/reports/supervision?year=2025');
    assert.match(await page.locator('main').innerText(), /洪江市教育局/);
  });
});
