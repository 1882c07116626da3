// Browser journeys through the real server and Debian's chromium: accessibility (axe-core),
// translations, keyboard access and the no-JavaScript large-text mode.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe('portal in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('home page: no axe violations; screenshot for review', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    const res = await page.goto('/');
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator('h1').innerText(), '洪江市教育局政府信息公开');
    await axeCheck(page);
    await page.screenshot({ path: '/tmp/home.png', fullPage: true });
  });

  test('disclosure guide: no axe violations, contact details shown', async () => {
    const page = await env.newPage();
    await page.goto('/gk/hjjyj/guide');
    await assert.doesNotReject(page.getByRole('cell', { name: '0745-7623456' }).waitFor({ timeout: 2000 }));
    await axeCheck(page);
  });

  test('sign-in page: no axe violations', async () => {
    const page = await env.newPage();
    const res = await page.goto('/login');
    assert.equal(res?.status(), 200, '/login should exist');
    await axeCheck(page);
  });

  test('console after signing in as office: no axe violations', async () => {
    const page = await env.newPage();
    await signIn(page, 'office');
    await page.goto('/console');
    assert.equal(new URL(page.url()).pathname, '/console');
    await assert.doesNotReject(page.getByText('王公开').first().waitFor({ timeout: 2000 }));
    await axeCheck(page);
  });

  test('other pages stay accessible: English home, large-text home, API docs, 404', async () => {
    const page = await env.newPage();
    for (const url of ['/gk/hjs?lang=en', '/api/docs', '/no/such/page']) {
      await page.goto(url);
      await axeCheck(page);
    }
    const large = await env.newContext();
    await large.addCookies([{ name: 'gk_large', value: '1', url: env.baseUrl }]);
    const lp = await large.newPage();
    await lp.goto('/gk/hjjyj');
    assert.equal(await lp.locator('body').getAttribute('class'), 'portal large');
    await axeCheck(lp);
  });

  test('home page in Traditional Chinese and in English', async () => {
    const page = await env.newPage();
    await page.goto('/?lang=zh-TW');
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-TW');
    const tw = await page.locator('body').innerText();
    assert.match(tw, /最新公開/);
    assert.match(tw, /政府資訊公開指南|政府信息公開指南/);
    assert.doesNotMatch(tw, /最新公开|暂无内容/);
    await page.goto('/?lang=en');
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const en = await page.locator('nav.columns').innerText();
    assert.match(en, /Disclosure Guide/);
    assert.match(en, /Apply for Information/);
    assert.match(await page.locator('main').innerText(), /Latest disclosures/);
  });

  test('keyboard: the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await env.newPage();
    await page.goto('/gk/hjjyj/guide');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ cls: document.activeElement?.className, text: document.activeElement?.textContent }));
    assert.deepEqual(focused, { cls: 'skip', text: '跳到主要内容' });
    // Visible when focused (it sits off-screen otherwise).
    const box = await page.locator('a.skip').boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, `skip link on screen when focused: ${JSON.stringify(box)}`);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    assert.equal(new URL(page.url()).hash, '#main');
  });

  test('large text / high contrast toggles without JavaScript', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    await page.goto('/gk/hjjyj/guide');
    const normalSize = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    await Promise.all([page.waitForURL('**/gk/hjjyj/guide'), page.getByRole('button', { name: '大字号/高对比度' }).click()]);
    assert.equal(await page.locator('body').getAttribute('class'), 'portal large');
    const largeSize = await page.locator('main p').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(largeSize >= normalSize * 1.4, `large text ${largeSize}px vs ${normalSize}px`);
    assert.equal(await page.locator('body').evaluate((el) => getComputedStyle(el).color), 'rgb(0, 0, 0)');
    await Promise.all([page.waitForURL('**/gk/hjjyj/guide'), page.getByRole('button', { name: '标准模式' }).click()]);
    assert.equal(await page.locator('body').getAttribute('class'), 'portal');
  });
});
