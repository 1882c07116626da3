// The citizen's journey in a real browser: apply → receipt with tracking code → staff request a
// correction → the citizen sees it → staff extend, draft, approve and reply with a .docx letter →
// the citizen downloads it, and LibreOffice opens it. axe-core checks every page on the way.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { axeCheck, browserSkip, signIn, startBrowserEnv, type BrowserEnv } from '../support/browser.ts';
import { residentIdCheckChar } from '../../src/domain/identity.ts';
import { PDF } from '../support/upload-fixtures.ts';

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';

const first17 = '43128119880808456';
const ID_NUMBER = first17 + residentIdCheckChar(first17);
const PHONE = '13974561234';
/** One attachment on the application form (a scan of the identity card, as a PDF). */
const ATTACHMENT = { name: '身份证复印件.pdf', mimeType: 'application/pdf', buffer: PDF };

/** Opens the action's <details> on the case page, fills its fields and submits. */
async function act(page: Page, label: string, fields: Record<string, string> = {}): Promise<void> {
  const details = page.locator('details.action-form').filter({ has: page.locator('summary', { hasText: new RegExp(`^${label}$`) }) });
  await details.locator('summary').click();
  for (const [name, value] of Object.entries(fields)) {
    const control = details.locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  await Promise.all([page.waitForURL(/done=/), details.locator('button[type="submit"]').click()]);
}

describe('disclosure on application in a browser', { skip: browserSkip }, () => {
  let env: BrowserEnv;
  let work: string;
  before(async () => {
    env = await startBrowserEnv();
    work = await mkdtemp(join(tmpdir(), 'gk-e2e-apply-'));
  });
  after(async () => {
    await env?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  let trackingCode = '';
  let caseUrl = '';

  test('apply: the form is accessible, errors are shown in Chinese with values kept, then the receipt', async () => {
    const page = await env.newPage();
    await page.goto('/gk/hjjyj/apply');
    await axeCheck(page);
    await page.locator('#name').fill('林晓峰');
    await page.locator('#idNumber').fill(ID_NUMBER.slice(0, 17) + (ID_NUMBER[17] === '1' ? '2' : '1'));
    await page.locator('#phone').fill(PHONE);
    await page.locator('#description').fill('申请公开2026年洪江市城区小学一年级招生范围');
    await page.locator('#attachments').setInputFiles(ATTACHMENT);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.error-summary').innerText(), /身份证号码校验位错误/);
    assert.equal(await page.locator('#name').inputValue(), '林晓峰');
    // The browser forgets chosen files: the page names the file to choose again.
    assert.match(await page.locator('#attachments-reattach').innerText(), /您选择的附件（身份证复印件\.pdf）没有随本页保留/);
    await axeCheck(page);
    await page.locator('#idNumber').fill(ID_NUMBER);
    await page.locator('#attachments').setInputFiles(ATTACHMENT);
    await Promise.all([page.waitForURL(/\/apply\/receipt\?/), page.getByRole('button', { name: '提交申请' }).click()]);
    const code = await page.locator('.tracking-code').innerText();
    assert.match(code, /^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    trackingCode = code.replace(/-/g, '');
    const main = await page.locator('main').innerText();
    assert.match(main, /政府信息公开申请受理回执/);
    assert.match(main, /林\*\*/);
    assert.match(main, /随申请提交的附件\s+身份证复印件\.pdf/);
    assert.doesNotMatch(main, new RegExp(`${ID_NUMBER}|${PHONE}`));
    await axeCheck(page);
    // reloading the receipt does not file the application again
    await page.reload();
    const row = await env.ctx.repos.applications.byTrackingCode(trackingCode);
    assert.ok(row);
    caseUrl = `/console/applications/${row.id}`;
    assert.equal((await env.ctx.repos.applications.all({ agencyIds: [row.agency_id], text: '2026年洪江市城区小学一年级招生范围' })).length, 1);
  });

  const track = async (page: Page) => {
    await page.goto(`/gk/hjjyj/track?code=${trackingCode}`);
    await page.locator('#phoneLast4').fill(PHONE.slice(-4));
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForLoadState();
  };

  test('staff request a correction; the citizen sees it in the tracking view', async () => {
    const office = await env.newPage();
    await signIn(office, 'office');
    await office.goto(caseUrl);
    await axeCheck(office);
    const file = office.locator('#files-title ~ ul a', { hasText: '身份证复印件.pdf' });
    assert.equal(await file.count(), 1, 'the office sees the applicant’s file');
    const [download] = await Promise.all([office.waitForEvent('download'), file.click()]);
    assert.equal(download.suggestedFilename(), '身份证复印件.pdf');
    await act(office, '告知补正', { items: '请写明所需招生范围涉及的学校名称。' });
    assert.match(await office.locator('main').innerText(), /已办理：告知补正/);

    const citizen = await env.newPage();
    await track(citizen);
    const text = await citizen.locator('main').innerText();
    assert.match(text, /待补正/);
    assert.match(text, /请写明所需招生范围涉及的学校名称/);
    assert.doesNotMatch(text, /王公开/);
    await axeCheck(citizen);
  });

  test('staff receive the correction, extend, draft, approve and reply; the citizen downloads the letter and LibreOffice opens it', async () => {
    const office = await env.newPage();
    await signIn(office, 'office');
    await office.goto(caseUrl);
    await act(office, '收到补正', { description: '申请公开2026年洪江市城区各小学一年级招生范围（含第一、第二完全小学）' });
    await act(office, '分办', { departmentId: String((await env.ctx.repos.agencies.departments((await env.ctx.repos.agencies.byCode('hjjyj'))!.id)).find((d) => d.name === '基础教育股')!.id) });

    const head = await env.newPage();
    await signIn(head, 'head');
    await head.goto(caseUrl);
    await act(head, '延长答复期限', { reason: '需要会同学校核实招生范围' });
    assert.match(await head.locator('.clock-box').innerText(), /已延长答复期限 20 个工作日/);

    const clerk = await env.newPage();
    await signIn(clerk, 'clerk');
    await clerk.goto(caseUrl);
    await act(clerk, '起草答复', { outcome: 'disclosed', details: '现将《洪江市2026年城区小学一年级招生范围》提供给您。' });

    const reviewer = await env.newPage();
    await signIn(reviewer, 'reviewer');
    await reviewer.goto(caseUrl);
    await act(reviewer, '批准答复');

    await office.goto(caseUrl);
    await act(office, '答复');
    assert.match(await office.locator('main').innerText(), /政府信息公开申请答复书/);
    await axeCheck(office);

    const citizen = await env.newPage();
    await track(citizen);
    assert.match(await citizen.locator('main').innerText(), /已答复/);
    await axeCheck(citizen);
    const button = citizen.getByRole('button', { name: /政府信息公开申请答复书/ });
    const [download] = await Promise.all([citizen.waitForEvent('download'), button.click()]);
    const docx = join(work, 'reply.docx');
    await download.saveAs(docx);
    assert.equal((await readFile(docx)).subarray(0, 2).toString(), 'PK');

    if (!existsSync(SOFFICE)) {
      if (process.env.CI) assert.fail('CI 要求 LibreOffice（soffice）');
      return;
    }
    const profile = `file://${join(work, 'lo-profile')}`;
    await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, docx], { timeout: 180_000 });
    const pdf = join(work, 'reply.pdf');
    assert.ok(existsSync(pdf), 'LibreOffice converted the letter to PDF');
    const { stdout } = await run('pdftotext', [pdf, '-'], { timeout: 60_000 }).catch(async () => {
      await run(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', work, docx], { timeout: 180_000 });
      return { stdout: await readFile(join(work, 'reply.txt'), 'utf8') };
    });
    const text = stdout.replace(/\s+/g, '');
    assert.match(text, /决定予以公开/);
    assert.match(text, /60日内向洪江市人民政府申请行政复议/);
    assert.match(text, /6个月内依法向人民法院提起行政诉讼/);
  });

  test('console list, registration and template pages are accessible', async () => {
    const page = await env.newPage();
    await signIn(page, 'office');
    for (const url of ['/console/applications', '/console/applications?view=overdue', '/console/applications/new', '/console/applications/templates', '/console/applications/fees?method=per_item&units=35']) {
      const res = await page.goto(url);
      assert.equal(res?.status(), 200, url);
      await axeCheck(page);
    }
    const en = await env.newPage();
    await en.goto('/gk/hjjyj/apply?lang=en');
    assert.match(await en.locator('h1').innerText(), /Apply for government information/);
    await axeCheck(en);
  });
});
