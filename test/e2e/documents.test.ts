// Proactive disclosure in a real browser: a clerk registers a document through the form, a
// reviewer approves it, the office publishes it, and the public finds it in the catalog, search
// and its page — with axe-core on every page on the way.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe('documents in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('register → approve → publish, then public in catalog, search and its page; axe clean throughout', async () => {
    const title = '洪江市教育局关于做好2026年冬季校园安全工作的通知';
    const clerk = await env.newPage();
    await signIn(clerk, 'clerk');
    await clerk.goto('/console/documents/new');
    await axeCheck(clerk);
    await clerk.fill('#d-title', title);
    await clerk.fill('#d-docNumber', '洪教发〔2026〕45号');
    const today = await clerk.evaluate(() => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await clerk.fill('#d-createdOn', today);
    await clerk.selectOption('#d-category', { label: '政策文件' });
    await clerk.selectOption('#d-genre', '通知');
    await clerk.getByLabel('教育教学管理').check();
    await clerk.fill('#d-summary', '部署冬季校园安全检查。');
    await clerk.fill('#d-body', '各中小学：\n请于12月10日前完成冬季校园安全隐患排查。');
    await Promise.all([clerk.waitForURL(/\/console\/documents\/\d+\?done=registered/), clerk.getByRole('button', { name: '登记并分配索引号' }).click()]);
    const docUrl = new URL(clerk.url()).pathname;
    const id = docUrl.split('/').pop();
    await assert.doesNotReject(clerk.getByText(/11431281006109018N\/2026-\d{5}/).first().waitFor({ timeout: 3000 }));
    await axeCheck(clerk);
    assert.equal(await clerk.getByRole('button', { name: '审核通过' }).count(), 0, 'the clerk is not offered approval');
    await Promise.all([clerk.waitForURL(/done=submit/), clerk.getByRole('button', { name: '提交审核' }).click()]);

    // Not public while in review.
    const visitor = await env.newPage();
    const before = await visitor.goto(`/gk/hjjyj/doc/${id}`);
    assert.equal(before?.status(), 404);

    const reviewer = await env.newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.goto('/console/documents/review');
    await axeCheck(reviewer);
    await reviewer.getByRole('link', { name: title }).click();
    await reviewer.waitForURL(new RegExp(`${docUrl}$`));
    await axeCheck(reviewer);
    await Promise.all([reviewer.waitForURL(/done=approve/), reviewer.getByRole('button', { name: '审核通过' }).click()]);

    const office = await env.newPage();
    await signIn(office, 'office');
    await office.goto('/console/documents/publish');
    await axeCheck(office);
    await office.goto(docUrl);
    await Promise.all([office.waitForURL(/done=publish/), office.getByRole('button', { name: '发布', exact: true }).click()]);
    await assert.doesNotReject(office.getByRole('cell', { name: '发布' }).first().waitFor({ timeout: 3000 }));

    // Public now: catalog, search and page.
    await visitor.goto('/gk/hjjyj/catalog');
    await assert.doesNotReject(visitor.getByRole('link', { name: title }).waitFor({ timeout: 3000 }));
    await axeCheck(visitor);
    await visitor.goto(`/gk/hjjyj/search?q=${encodeURIComponent('校园安全')}`);
    await assert.doesNotReject(visitor.locator('mark', { hasText: '校园安全' }).first().waitFor({ timeout: 3000 }));
    await axeCheck(visitor);
    const page = await visitor.goto(`/gk/hjjyj/doc/${id}`);
    assert.equal(page?.status(), 200);
    assert.equal(await visitor.locator('h1').innerText(), title);
    assert.equal(await visitor.locator('meta[name="ArticleTitle"]').getAttribute('content'), title);
    await axeCheck(visitor);
  });

  test('other pages stay accessible: the city catalog with its agency filter, rules, a document with an interpretation, English, large text, console lists', async () => {
    const page = await env.newPage();
    for (const url of ['/gk/hjs/catalog', '/gk/hjjyj/rules', '/gk/hjjyj/catalog?lang=en', '/gk/hjjyj/catalog?category=zcwj&page=2', '/gk/hjjyj/search?q=%E5%AD%B8%E8%B2%BB']) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(page);
    }
    await page.goto(`/gk/hjjyj/search?q=${encodeURIComponent('校服管理办法')}`);
    await page.getByRole('link', { name: '洪江市中小学校服管理办法', exact: true }).click();
    await assert.doesNotReject(page.getByRole('link', { name: '《洪江市中小学校服管理办法》政策解读' }).waitFor({ timeout: 3000 }));
    await axeCheck(page);

    const large = await env.newContext();
    await large.addCookies([{ name: 'gk_large', value: '1', url: env.baseUrl }]);
    const lp = await large.newPage();
    await lp.goto('/gk/hjjyj/catalog');
    await axeCheck(lp);

    const office = await env.newPage();
    await signIn(office, 'office');
    for (const url of ['/console/documents/all', '/console/documents/due', '/console/documents/import', '/console/documents/taxonomy']) {
      const res = await office.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(office);
    }
  });
});
