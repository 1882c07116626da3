// Answers before applications and the privacy guard in a browser: typing a description shows
// matching published information inside the form; without JavaScript the confirmation page shows
// it before final submission; the console pages pass axe-core.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { residentId } from '../integration/applications-fixture.ts';

const DESCRIPTION = '申请公开2026年义务教育招生入学工作的通知';

async function fillApplicant(page: Page, seq: string): Promise<void> {
  await page.locator('input[name="kind"][value="person"]').check();
  await page.locator('#name').fill('赵子龙');
  await page.locator('#idType').selectOption('resident_id');
  await page.locator('#idNumber').fill(residentId('19920315', seq));
  await page.locator('#phone').fill('13712345678');
  await page.locator('input[name="format"][value="electronic"]').check();
  await page.locator('input[name="delivery"][value="online"]').check();
}

describe('answers before applications in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => { env = await startBrowserEnv(); });
  after(async () => { await env?.close(); });

  test('typing a description shows matching published documents within the form; submitting after seeing them needs no confirmation', async () => {
    const page = await env.newPage();
    await page.goto('/gk/hjjyj/apply');
    const box = page.locator('.suggest-box');
    assert.equal(await box.isVisible(), false);
    await fillApplicant(page, '218');
    await page.locator('#description').pressSequentially(DESCRIPTION, { delay: 5 });
    await box.getByRole('heading', { name: '这是否是您要找的信息？' }).waitFor({ timeout: 5000 });
    const first = box.locator('.suggest-list a').first();
    assert.match(await first.innerText(), /招生/);
    assert.match(String(await first.getAttribute('href')), /^\/gk\/hjjyj\/suggest\/document-\d+\?s=[\w-]+$/);
    assert.equal(await first.getAttribute('target'), '_blank');
    await axeCheck(page);
    const token = await page.locator('input[name="suggestion"]').inputValue();
    assert.match(token, /^[\w-]{16}$/);
    await Promise.all([page.waitForURL(/\/gk\/hjjyj\/apply\/receipt\?/), page.getByRole('button', { name: '提交申请' }).click()]);
    const s = await env.ctx.repos.privacy.suggestions.byToken(token);
    assert.equal(s?.followed_kind, 'application');
  });

  test('without JavaScript the confirmation page shows the matches before final submission', async () => {
    const context = await env.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/gk/hjjyj/apply');
    await fillApplicant(page, '227');
    await page.locator('#description').fill(DESCRIPTION);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '这是否是您要找的信息？' }).waitFor({ timeout: 5000 });
    assert.match(await page.locator('.suggest-list a').first().innerText({ timeout: 2000 }), /招生/);
    assert.equal(new URL(page.url()).pathname, '/gk/hjjyj/apply');
    await Promise.all([page.waitForURL(/\/gk\/hjjyj\/apply\/receipt\?/), page.getByRole('button', { name: '不是，继续提交申请' }).click()]);
  });

  test('the confirmation page is accessible (script blocked, as when it fails to load)', async () => {
    // axe-core runs as a script in the page, so this uses a page whose suggest.js never arrives.
    const page = await env.newPage();
    await page.route('**/static/suggest.js?v=*', (route) => route.abort());
    await page.goto('/gk/hjjyj/apply');
    await fillApplicant(page, '236');
    await page.locator('#description').fill(DESCRIPTION);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('heading', { level: 1, name: '这是否是您要找的信息？' }).waitFor({ timeout: 5000 });
    await axeCheck(page);
  });

  test('the privacy console pages are accessible', async () => {
    const page = await env.newPage();
    await signIn(page, 'reviewer');
    const bureau = (await env.ctx.repos.agencies.byCode('hjjyj'))!;
    const [spring] = await env.ctx.repos.documents.all({ agencyIds: [bureau.id], text: '普通高中国家助学金拟资助学生名单' });
    await page.goto(`/console/privacy/documents/${spring.id}`);
    await page.getByText('表格1第2行第4列').first().waitFor({ timeout: 2000 });
    await axeCheck(page);
    for (const url of ['/console/privacy', '/console/privacy/timing?year=2025']) {
      await page.goto(url);
      await axeCheck(page);
    }
  });
});
