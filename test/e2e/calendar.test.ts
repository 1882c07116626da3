// Browser checks of the working-day calendar console page: the platform administrator sees the import
// and local-holiday forms, an agency administrator sees the schedule with a note and no forms; axe-core
// finds no violations on either, in Simplified Chinese and in English, nor on the import preview.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { hashPassword } from '../../src/services/password.ts';

describe('the working-day calendar in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  before(async () => {
    env = await startBrowserEnv();
    // An agency's administrator: the admin role, but not a platform administrator.
    const admin = await env.ctx.repos.users.byUsername('admin');
    assert.ok(admin);
    await env.ctx.repos.users.insert({
      username: 'bureauadmin', displayName: '机关管理员', passwordHash: await hashPassword(DEMO_PASSWORD),
      agencyId: admin.agency_id, departmentId: admin.department_id, isSysadmin: false, roles: ['admin'],
    }, env.ctx.now());
  });
  after(async () => { await env?.close(); });

  test('the platform administrator sees both forms; the page and the preview pass axe in Chinese and English', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'admin');
    for (const lang of ['zh-CN', 'en']) {
      for (const year of [2025, 2027]) {
        const res = await page.goto(`/console/admin/calendar?year=${year}&lang=${lang}`);
        assert.equal(res?.status(), 200);
        assert.equal(await page.locator('html').getAttribute('lang'), lang);
        assert.equal(await page.locator('form[action="/console/admin/calendar/upload"]').count(), 1);
        assert.equal(await page.locator('form[action="/console/admin/calendar/local"]').count(), 1);
        assert.equal(await page.locator('.calendar-platform-note').count(), 0);
        await axeCheck(page);
      }
      assert.equal(await page.locator('h1').innerText(), lang === 'en' ? 'Working-day calendar' : '工作日历');
    }
    // The import preview, reached through the form as a person would (in English: the cookie keeps it).
    await page.goto('/console/admin/calendar?year=2027');
    await page.locator('#cal-file').setInputFiles(fileURLToPath(new URL('../fixtures/calendar-2027.json', import.meta.url)));
    await page.locator('form[action="/console/admin/calendar/upload"] button[type="submit"]').click();
    await page.locator('h1', { hasText: 'Confirm the import of the 2027 holiday schedule' }).waitFor({ timeout: 5000 });
    await axeCheck(page);
    await page.goto('/console/admin/calendar?year=2027&lang=zh-CN');
    await page.locator('#cal-file').setInputFiles(fileURLToPath(new URL('../fixtures/calendar-2027.json', import.meta.url)));
    await page.locator('form[action="/console/admin/calendar/upload"] button[type="submit"]').click();
    await page.locator('h1', { hasText: '确认导入 2027 年节假日安排' }).waitFor({ timeout: 5000 });
    await axeCheck(page);
    assert.equal((await env.ctx.calendar()).isKnownYear(2027), false, 'the preview saves nothing');
  });

  test('an agency administrator sees the note and no forms; the page passes axe in Chinese and English', async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, 'bureauadmin');
    for (const lang of ['zh-CN', 'en']) {
      const res = await page.goto(`/console/admin/calendar?year=2027&lang=${lang}`);
      assert.equal(res?.status(), 200);
      assert.equal(await page.locator('html').getAttribute('lang'), lang);
      const note = page.locator('.calendar-platform-note');
      assert.equal(await note.count(), 1);
      assert.match(await note.innerText(), lang === 'en' ? /kept by the platform administrators/ : /工作日历由平台管理员维护/);
      assert.equal(await page.locator('main form[method="post"]').count(), 0, 'no form that changes the calendar');
      assert.equal(await page.locator('input[type="file"]').count(), 0);
      await axeCheck(page);
    }
  });
});
