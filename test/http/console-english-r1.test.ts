// The console's confirmations and the messages the routes write themselves, in English (task R1):
// an action is done with English chosen and the notice after the redirect is English; the same in
// the default Simplified Chinese shows the Chinese notice, unchanged. Also: registering an offline
// application is the disclosure office's, on the form's GET as on its POST.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, signedInAs, signedInEnglish } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => {
  ({ app, ctx, close } = await demoApp({ secret: 'console-english-r1', publicRateLimit: 0, loginRateLimit: 0 }, async (c) => {
    await c.repos.settings.set('inspection.external_links', '0');
  }));
});
after(async () => { await close(); });

const signedIn = (username: string): Promise<Browser> => signedInAs(app, ctx, username);

/** Chose English once (?lang=en); later requests carry only the cookie. */
const inEnglish = (username: string): Promise<Browser> => signedInEnglish(app, ctx, username);

/** Follows a 303 after a form post and returns the page it leads to. */
async function follow(b: Browser, res: { statusCode: number; headers: Record<string, unknown>; body: string }): Promise<string> {
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  const to = String(res.headers.location);
  const page = await b.get(to);
  assert.equal(page.statusCode, 200, to);
  return page.body;
}

const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

async function ownAgencyId(username: string): Promise<number> {
  const user = await ctx.repos.users.byUsername(username);
  assert.ok(user);
  return user.agency_id;
}

describe('administration, account and reminders', () => {
  test('adding a department: “Department saved.” in English, “科室已保存。” in Chinese', async () => {
    const agencyId = await ownAgencyId('admin');
    const url = `/console/admin/agencies/${agencyId}`;
    const en = await inEnglish('admin');
    const page = await follow(en, await en.submit(url, `${url}/departments`, { name: '英文测试科' }));
    assert.match(page, /<html lang="en">/);
    assert.ok(page.includes('Department saved.'));
    assert.ok(!page.includes('科室已保存。'));

    const zh = await signedIn('admin');
    const zhPage = await follow(zh, await zh.submit(url, `${url}/departments`, { name: '中文测试科' }));
    assert.ok(zhPage.includes('科室已保存。'));
    assert.ok(!zhPage.includes('Department saved.'));
  });

  test('a user left without an agency: the route’s own field error in English', async () => {
    const en = await inEnglish('admin');
    const res = await en.submit('/console/admin/users/new', '/console/admin/users', { username: 'noagency', displayName: '无机关', password: 'long-enough-password-1', agencyId: '' });
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('Please choose an agency'));
    assert.ok(!res.body.includes('请选择机关'));
    const zh = await signedIn('admin');
    const zhRes = await zh.submit('/console/admin/users/new', '/console/admin/users', { username: 'noagency', displayName: '无机关', password: 'long-enough-password-1', agencyId: '' });
    assert.equal(zhRes.statusCode, 400);
    assert.ok(zhRes.body.includes('请选择机关'));
  });

  test('the account page’s notices, and an unknown or inherited key shows none', async () => {
    const en = await inEnglish('office');
    assert.ok((await en.get('/console/account?done=revoked')).body.includes('Token revoked.'));
    const zh = await signedIn('office');
    assert.ok((await zh.get('/console/account?done=revoked')).body.includes('令牌已撤销。'));
    for (const url of ['/console/admin/agencies?done=constructor', '/console/admin/agencies?done=toString', '/console/documents/taxonomy?done=__proto__']) {
      const res = await (await signedIn('admin')).get(url);
      assert.equal(res.statusCode, 200, url);
      assert.ok(!/class="notice notice-ok"/.test(mainOf(res.body)), `${url} shows no notice`);
    }
  });

  test('marking a reminder read: “Marked as read.” in English, “已标为已读。” in Chinese', async () => {
    const office = await ctx.repos.users.byUsername('office');
    assert.ok(office);
    for (const n of [1, 2]) {
      await ctx.repos.inbox.insertOnce({
        user_id: office.id, application_id: null, kind: 'due_soon', day: '2026-11-27', dedupe_key: `r1-test-${n}`,
        title: `测试提醒${n}`, body: '测试', href: '/console/applications', created_at: new Date().toISOString(), read_at: null,
      });
    }
    const en = await inEnglish('office');
    const inbox = await en.get('/console/inbox');
    const action = inbox.body.match(/action="(\/console\/inbox\/\d+\/read)"/)?.[1];
    assert.ok(action, 'an unread reminder to mark');
    const page = await follow(en, await en.post(action, { _csrf: Browser.csrfFrom(inbox.body) }));
    assert.ok(page.includes('Marked as read.'));
    assert.ok(!page.includes('已标为已读。'));
    const zh = await signedIn('office');
    const zhPage = await zh.get('/console/inbox?done=read');
    assert.ok(zhPage.body.includes('已标为已读。'));
    assert.ok(!zhPage.body.includes('Marked as read.'));
  });
});

describe('documents, privacy and site error reports', () => {
  test('adding a category: “Added.” in English, “已新增。” in Chinese; a workflow action’s notice', async () => {
    const en = await inEnglish('office');
    const page = await follow(en, await en.submit('/console/documents/taxonomy', '/console/documents/taxonomy/category', { code: 'r1en', name: '英文测试分类' }));
    assert.ok(mainOf(page).includes('Added.'));
    assert.ok(!mainOf(page).includes('已新增。'));
    const zh = await signedIn('office');
    const zhPage = await follow(zh, await zh.submit('/console/documents/taxonomy', '/console/documents/taxonomy/category', { code: 'r1zh', name: '中文测试分类' }));
    assert.ok(mainOf(zhPage).includes('已新增。'));

    const imported = await en.get('/console/documents?done=imported&n=3');
    assert.ok(imported.body.includes('3 documents imported, all published.'));
    assert.ok((await zh.get('/console/documents?done=imported&n=3')).body.includes('已导入 3 份文件，均已发布。'));
    const docId = (await en.get('/console/documents')).body.match(/href="\/console\/documents\/(\d+)"/)?.[1];
    assert.ok(docId, 'a document in the list');
    assert.ok((await en.get(`/console/documents/${docId}?done=submit`)).body.includes('Submitted for review.'));
    assert.ok((await zh.get(`/console/documents/${docId}?done=submit`)).body.includes('已提交审核。'));
  });

  test('an upload without a file: the route’s message in English', async () => {
    const en = await inEnglish('office');
    const form = await en.get('/console/documents/import');
    const res = await en.post('/console/documents/import', { _csrf: Browser.csrfFrom(form.body) });
    assert.equal(res.statusCode, 400);
    assert.ok(res.body.includes('Please choose a file to import'), res.body.slice(0, 300));
    assert.ok(!res.body.includes('请选择要导入的文件'));
  });

  test('a privacy rescan: “Checked again.” in English, “已重新检查。” in Chinese', async () => {
    const en = await inEnglish('office');
    const docId = (await en.get('/console/documents?state=published')).body.match(/href="\/console\/documents\/(\d+)"/)?.[1];
    assert.ok(docId);
    const url = `/console/privacy/documents/${docId}`;
    const page = await follow(en, await en.submit(url, `${url}/rescan`, {}));
    assert.ok(page.includes('Checked again.'));
    assert.ok(!page.includes('已重新检查。'));
    const zh = await signedIn('office');
    const zhPage = await follow(zh, await zh.submit(url, `${url}/rescan`, {}));
    assert.ok(zhPage.includes('已重新检查。'));
    const swept = await en.get('/console/privacy?done=swept&n=4');
    assert.ok(swept.body.includes('All published information has been checked again.'));
  });

  test('answering a site error report: “Answered.” in English, “已答复。” in Chinese', async () => {
    const pub = new Browser(app);
    const submitted = await pub.submit('/gk/hjjyj/report-error', '/gk/hjjyj/report-error', { pageUrl: '/gk/hjjyj/guide', description: '指南页面的电话号码少了一位数字。', contact: '' });
    assert.equal(submitted.statusCode, 201);
    const en = await inEnglish('office');
    const list = await en.get('/console/error-reports');
    const row = mainOf(list.body).split('<tr>').find((r) => r.includes('电话号码少了一位'));
    const id = row?.match(/href="\/console\/error-reports\/(\d+)"/)?.[1];
    assert.ok(id, 'the report is listed');
    const page = await follow(en, await en.submit(`/console/error-reports/${id}`, `/console/error-reports/${id}/reply`, { reply: '已更正，谢谢。' }));
    assert.ok(mainOf(page).includes('Answered.'));
    assert.ok(!mainOf(page).includes('已答复。'));
    const zh = await signedIn('office');
    assert.ok(mainOf((await zh.get(`/console/error-reports/${id}?done=replied`)).body).includes('已答复。'));
  });
});

describe('reports, inspection, education and applications', () => {
  test('annual report, inspection and education notices in both languages', async () => {
    const en = await inEnglish('office');
    const zh = await signedIn('office');
    const year = new Date().getFullYear() - 1;
    assert.ok((await en.get(`/console/reports/${year}?done=prose`)).body.includes('Text saved.'));
    assert.ok((await zh.get(`/console/reports/${year}?done=prose`)).body.includes('正文已保存。'));

    const ran = await follow(en, await en.submit('/console/inspection', '/console/inspection/run', {}));
    assert.ok(ran.includes('Check complete.'));
    assert.ok(!ran.includes('检查完成。'));
    assert.ok(!ran.includes('近90天网站自查趋势'), 'the trend chart is in English too');
    assert.ok((await zh.get('/console/inspection?done=ran')).body.includes('检查完成。'));

    const created = await follow(en, await en.submit('/console/education/enrolment', '/console/education/enrolment', { year: '2031', title: '2031 enrolment' }));
    assert.ok(created.includes('Created.'));
    assert.ok(!created.includes('已创建。'));
    const again = await en.submit('/console/education/enrolment', '/console/education/enrolment', { year: '2031', title: 'again' });
    assert.equal(again.statusCode, 400);
    assert.ok(again.body.includes('2031 already exists; open it from the list'));
    assert.ok((await zh.get('/console/education/enrolment/2031?done=created')).body.includes('已创建。'));
  });

  test('an application action: “Done: …” in English, “已办理：…。” in Chinese; templates saved', async () => {
    const en = await inEnglish('office');
    const zh = await signedIn('office');
    const id = (await en.get('/console/applications')).body.match(/href="\/console\/applications\/(\d+)"/)?.[1];
    assert.ok(id, 'an application in the list');
    const enPage = await en.get(`/console/applications/${id}?done=extend`);
    assert.ok(enPage.body.includes('Done: Extend the reply period.'));
    assert.ok(!enPage.body.includes('已办理：'));
    assert.ok((await zh.get(`/console/applications/${id}?done=extend`)).body.includes('已办理：延长答复期限。'));
    assert.ok((await en.get(`/console/applications/${id}?done=registered`)).body.includes('Application registered.'));
    assert.ok(!(await en.get(`/console/applications/${id}?done=constructor`)).body.includes('Done:'));
    assert.ok((await en.get('/console/applications/templates?done=receipt')).body.includes('Saved: Acknowledgement of an application'));
    assert.match((await zh.get('/console/applications/templates?done=receipt')).body, /已保存：/);
  });

  test('registering an offline application: the office only, on GET as on POST; the button only for it', async () => {
    const admin = await signedIn('admin');
    const refused = await admin.get('/console/applications/new');
    assert.equal(refused.statusCode, 403);
    assert.ok(refused.body.includes('只有政府信息公开工作机构（公开办）可以登记申请'));
    const adminList = (await admin.get('/console/applications')).body;
    assert.ok(!mainOf(adminList).includes('href="/console/applications/new"'));
    assert.ok(!adminList.includes('href="/console/applications/new"'), 'nor in the side navigation');
    assert.ok(adminList.includes('href="/console/admin/agencies"'), 'the platform administrator still sees its own entries');
    const office = await signedIn('office');
    assert.equal((await office.get('/console/applications/new')).statusCode, 200);
    const officeList = (await office.get('/console/applications')).body;
    assert.ok(mainOf(officeList).includes('href="/console/applications/new"'));
    assert.equal(officeList.split('href="/console/applications/new"').length - 1, 2, 'the button and the side navigation');
  });
});
