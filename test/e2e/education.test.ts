// Education disclosure and public engagement (issue 6) in a real browser: every new public page
// passes axe-core in zh-CN, zh-TW and en; the lookup, the statistics chart and the consultation
// form work with JavaScript turned off.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { axeCheck, browserSkip, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';

describe('education pages in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  const ids: Record<string, string> = {};
  before(async () => {
    env = await startBrowserEnv();
    const rec = await env.ctx.repos.education.recruitment.list((await env.ctx.repos.agencies.byCode('hjjyj'))!.id, ['published']);
    ids.recruitment = String(rec[0].id);
    const cons = await env.ctx.repos.consultations.list((await env.ctx.repos.agencies.byCode('hjjyj'))!.id, ['published', 'concluded']);
    ids.consultation = String(cons[0].id);
    const published = await env.ctx.repos.questions.listPublished((await env.ctx.repos.agencies.byCode('hjjyj'))!.id, { terms: [], page: 1, pageSize: 1 });
    ids.question = String(published.items[0].id);
  });
  after(async () => { await env?.close(); });

  const pages = () => [
    '/gk/hjjyj/education',
    '/gk/hjjyj/education/enrolment',
    '/gk/hjjyj/education/enrolment?q=沅江社区',
    '/gk/hjjyj/education/enrolment/2026/zones',
    '/gk/hjjyj/education/schools',
    '/gk/hjjyj/education/recruitment',
    `/gk/hjjyj/education/recruitment/${ids.recruitment}`,
    '/gk/hjjyj/education/statistics',
    '/gk/hjjyj/education/statistics/2016',
    '/gk/hjjyj/education/powers',
    '/gk/hjjyj/education/powers/versions',
    '/gk/hjjyj/education/powers/versions/1',
    '/gk/hjjyj/education/powers/diff?from=1&to=2',
    '/gk/hjjyj/education/monthly?year=2025',
    '/gk/hjjyj/education/monthly/2025-07',
    '/gk/hjjyj/education/fees',
    '/gk/hjjyj/ask',
    '/gk/hjjyj/ask/new',
    `/gk/hjjyj/ask/${ids.question}`,
    '/gk/hjjyj/consultations',
    `/gk/hjjyj/consultations/${ids.consultation}`,
  ];

  for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) {
    test(`every new public page passes axe-core (${lang})`, async () => {
      const page = await env.newPage({ locale: lang });
      page.setDefaultTimeout(20_000);
      // All pages in Simplified Chinese; in the other languages (same markup, other words) every third one.
      const urls = lang === 'zh-CN' ? pages() : pages().filter((_, i) => i % 3 === (lang === 'en' ? 0 : 1));
      for (const url of urls) {
        const res = await page.goto(`${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(res?.status(), 200, url);
        assert.equal(await page.locator('h1').count(), 1, `${url}: one h1`);
        await axeCheck(page);
      }
    });
  }

  test('without JavaScript: the zone lookup answers, the chart is drawn, a question can be asked', async () => {
    const page = await env.newPage({ javaScriptEnabled: false });
    page.setDefaultTimeout(20_000);
    await page.goto('/gk/hjjyj/education/enrolment');
    await page.getByLabel('住址、小区或社区名称').fill('沅江社區');
    await Promise.all([page.waitForURL(/q=/), page.getByRole('button', { name: '查询' }).click()]);
    const results = await page.locator('.school-result h3').allInnerTexts();
    assert.deepEqual(results, ['黔城镇第一完全小学', '黔城镇第二完全小学', '洪江市实验中学']);

    await page.goto('/gk/hjjyj/education/statistics/2016');
    const chart = page.getByRole('img', { name: '2016年各学段在校学生数' });
    assert.equal(await chart.isVisible(), true);
    const box = await chart.boundingBox();
    assert.ok(box && box.width > 300 && box.height > 150, 'the chart has a size');

    await page.goto('/gk/hjjyj/ask/new');
    await page.getByLabel('咨询类别').selectOption('enrolment');
    await page.getByLabel('标题').fill('插班生如何办理');
    await page.getByLabel('咨询内容').fill('孩子想在学期中转入黔城镇第二完全小学，需要什么手续？');
    await page.getByLabel('联系电话').fill('13912345678');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForLoadState();
    // Published answers that may already answer it come first (issue 8); the visitor goes on.
    const goOn = page.getByRole('button', { name: '不是，继续提交咨询' });
    if (await goOn.count()) {
      await goOn.click();
      await page.waitForLoadState();
    }
    assert.match(await page.locator('main').innerText(), /您的查询码是/);
    // (axe-core needs JavaScript; the receipt is checked with it on in the next test.)
  });

  test('with JavaScript: the question form and its receipt pass axe-core', async () => {
    const page = await env.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/gk/hjjyj/ask/new');
    await page.getByLabel('咨询类别').selectOption('fees');
    await page.getByLabel('标题').fill('作业本费标准');
    await page.getByLabel('咨询内容').fill('初中作业本费每学期最多收多少？');
    await page.getByLabel('电子邮箱').fill('parent@example.com');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.waitForLoadState();
    const goOn = page.getByRole('button', { name: '不是，继续提交咨询' });
    if (await goOn.count()) {
      await goOn.click();
      await page.waitForLoadState();
    }
    assert.match(await page.locator('main').innerText(), /您的查询码是/);
    await axeCheck(page);
  });
});
