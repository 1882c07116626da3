// The staff console in English (task G1): layout, dashboard, account, administration, reminders,
// applicants' personal data and the applications console. Each page is fetched in English (the
// choice made once with ?lang=en and kept by the cookie) and in the default Simplified Chinese.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, signedInAs, signedInEnglish } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ secret: 'console-english-g1', publicRateLimit: 0, loginRateLimit: 0 })); });
after(async () => { await close(); });

const signedIn = (username: string): Promise<Browser> => signedInAs(app, ctx, username);

/** Chose English once (?lang=en); later requests carry only the cookie. */
const inEnglish = (username: string): Promise<Browser> => signedInEnglish(app, ctx, username);

const h1Of = (html: string) => html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1].replace(/<[^>]+>/g, '').trim();
const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];

interface PageCheck {
  url: string;
  h1: string | RegExp;
  /** The page's <title> starts with this (and ends with the console's English suffix). */
  title: string;
  /** UI text of the page (not data) that must not appear in English. */
  absent: string[];
}

async function checkEnglish(b: Browser, page: PageCheck): Promise<string> {
  const res = await b.get(page.url);
  assert.equal(res.statusCode, 200, page.url);
  assert.match(res.body, /<html lang="en">/, page.url);
  const h1 = h1Of(res.body) ?? '';
  if (typeof page.h1 === 'string') assert.equal(h1, page.h1, page.url);
  else assert.match(h1, page.h1, page.url);
  const title = titleOf(res.body) ?? '';
  assert.ok(title.startsWith(page.title) && title.endsWith(' - Console - Government Information Disclosure Platform'), `${page.url}: ${title}`);
  for (const zh of page.absent) assert.ok(!res.body.includes(zh), `${page.url} still shows “${zh}”`);
  return res.body;
}

async function checkChinese(username: string, url: string, h1: string | RegExp): Promise<string> {
  const b = await signedIn(username);
  const res = await b.get(url);
  assert.equal(res.statusCode, 200, url);
  assert.match(res.body, /<html lang="zh-CN">/, url);
  const got = h1Of(res.body) ?? '';
  if (typeof h1 === 'string') assert.equal(got, h1, url);
  else assert.match(got, h1, url);
  return res.body;
}

// Chinese of the layout every console page shows.
const LAYOUT_ZH = ['门户首页', '工作台导航', '我的账号', '>依申请公开<'];

async function firstId(b: Browser, url: string, pattern: RegExp): Promise<string> {
  const res = await b.get(url);
  const m = res.body.match(pattern);
  assert.ok(m, `no link matching ${pattern} on ${url}`);
  return m[1];
}

describe('layout and dashboard', () => {
  test('the navigation, the roles and the dashboard cards are in English', async () => {
    const b = await inEnglish('office');
    const body = await checkEnglish(b, {
      url: '/console', h1: 'Console', title: 'Console',
      absent: [...LAYOUT_ZH, '您好', '您在', '接收、登记和分办政府信息公开申请', '待我办理的申请', '5个工作日内到期', '未读提醒', '（公开办）'],
    });
    assert.match(body, /<a href="\/">Public site<\/a>/);
    assert.match(body, /aria-label="Console navigation"/);
    assert.match(body, />Disclosure on application<\/a>/);
    assert.match(body, />My reminders<\/a>/);
    assert.match(body, /王公开 \(Disclosure office\)/);
    assert.match(body, /Hello, 王公开\. Your roles at 洪江市教育局: Disclosure office\./);
    assert.match(body, /Applications waiting for me/);
    // The language switcher still offers Chinese, labelled in Chinese.
    assert.match(body, /lang="zh-CN">简体中文<\/a>/);
  });

  test('each role sees its card in English', async () => {
    for (const [who, card] of [['clerk', 'Clerk'], ['reviewer', 'Reviewer'], ['head', 'Head'], ['supervisor', 'Supervising office'], ['admin', 'Platform administration']] as const) {
      const b = await inEnglish(who);
      const res = await b.get('/console');
      assert.match(res.body, new RegExp(`<h2 id="dash-[a-z-]+">${card}</h2>`), who);
      assert.doesNotMatch(res.body, /科室经办人|监督机构|平台管理<|审核人|负责人/, who);
    }
  });

  test('in Chinese the dashboard is unchanged', async () => {
    const body = await checkChinese('office', '/console', '工作台');
    assert.match(body, /王公开，您好。您在洪江市教育局的角色：公开办。/);
    assert.match(body, /<a href="\/">门户首页<\/a>/);
    assert.match(body, /王公开（公开办）/);
    assert.match(body, /aria-label="工作台导航"/);
    assert.match(body, />依申请公开<\/a>/);
    assert.doesNotMatch(body, /Disclosure office|Console navigation/);
  });
});

describe('my account', () => {
  test('in English', async () => {
    const b = await inEnglish('clerk');
    await checkEnglish(b, {
      url: '/console/account', h1: 'My account', title: 'My account',
      absent: [...LAYOUT_ZH, '修改密码', '当前密码', '接口令牌', '创建令牌', '令牌名称', '暂无令牌', '>角色<'],
    });
  });

  test('in Chinese', async () => {
    const body = await checkChinese('clerk', '/console/account', '我的账号');
    assert.match(body, /修改密码/);
    assert.match(body, /接口令牌（API）/);
  });
});

describe('administration', () => {
  const pages = (agencyId: string, userId: string): PageCheck[] => [
    { url: '/console/admin/agencies', h1: 'Agencies', title: 'Agencies', absent: ['新增机关', '机关名称', '统一社会信用代码', '>编辑<', '>操作<'] },
    { url: '/console/admin/agencies/new', h1: 'Add an agency', title: 'Add an agency', absent: ['基本信息', '机关代码', '上级机关', '索引号规则', '工作机构名称', '办公地址', '返回机关列表'] },
    { url: `/console/admin/agencies/${agencyId}`, h1: /^Edit agency: /, title: 'Edit agency: ', absent: ['编辑机关', '保存修改', '新增科室', '改名', '基本信息'] },
    { url: '/console/admin/users', h1: 'Users', title: 'Users', absent: ['新增用户', '>用户名<', '>姓名<', '>角色<', '>管理<', '>正常<', '科室经办人'] },
    { url: '/console/admin/users/new', h1: 'Add a user', title: 'Add a user', absent: ['初始密码', '（不属于任何科室）', '平台管理员（管理所有机关和用户）', '科室经办人', '返回用户列表'] },
    { url: `/console/admin/users/${userId}`, h1: /^User: /, title: 'User: ', absent: ['用户：', '重置密码', '停用账号', '密码修改时间', '姓名、邮箱、科室和角色'] },
    { url: '/console/admin/audit', h1: 'Audit log', title: 'Audit log', absent: ['操作人（用户名）', '对象类型', '开始日期', '清除条件', '来源地址', '变更内容'] },
  ];

  test('every administration page in English', async () => {
    const b = await inEnglish('admin');
    const agencyId = await firstId(b, '/console/admin/agencies', /href="\/console\/admin\/agencies\/(\d+)"/);
    const userId = await firstId(b, '/console/admin/users', /href="\/console\/admin\/users\/(\d+)"/);
    for (const page of pages(agencyId, userId)) await checkEnglish(b, { ...page, absent: [...LAYOUT_ZH.filter((s) => s !== '>依申请公开<'), ...page.absent] });
    const users = await b.get('/console/admin/users/new');
    assert.match(users.body, /Clerk \(clerk\)/);
  });

  test('the same pages in Chinese', async () => {
    const b = await signedIn('admin');
    const agencyId = await firstId(b, '/console/admin/agencies', /href="\/console\/admin\/agencies\/(\d+)"/);
    const userId = await firstId(b, '/console/admin/users', /href="\/console\/admin\/users\/(\d+)"/);
    await checkChinese('admin', '/console/admin/agencies', '机关管理');
    await checkChinese('admin', '/console/admin/agencies/new', '新增机关');
    await checkChinese('admin', `/console/admin/agencies/${agencyId}`, /^编辑机关：/);
    await checkChinese('admin', '/console/admin/users', '用户管理');
    const newUser = await checkChinese('admin', '/console/admin/users/new', '新增用户');
    assert.match(newUser, /科室经办人（clerk）/);
    await checkChinese('admin', `/console/admin/users/${userId}`, /^用户：.+（.+）$/);
    await checkChinese('admin', '/console/admin/audit', '审计日志');
  });
});

describe('reminders and applicants’ personal data', () => {
  test('in English', async () => {
    const b = await inEnglish('office');
    await checkEnglish(b, { url: '/console/inbox', h1: 'My reminders', title: 'My reminders', absent: [...LAYOUT_ZH, '未读（', '已读', '没有未读提醒', '标为已读'] });
    const admin = await inEnglish('admin');
    await checkEnglish(admin, { url: '/console/inbox', h1: 'My reminders', title: 'My reminders', absent: ['提醒邮件发送情况', '已发送 ', '未配置邮件服务器'] });
    const page = await checkEnglish(b, {
      url: '/console/applicant-data', h1: 'Applicants’ personal data', title: 'Applicants’ personal data',
      absent: [...LAYOUT_ZH, '保存期限', '导出申请人的个人信息', '查找方式', '证件号码或查询码', '>查找<', '系统每日自动删除'],
    });
    // Find one applicant by a tracking code from the list, and see the result in English.
    const code = (await b.get('/console/applications')).body.match(/>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})</)?.[1];
    assert.ok(code);
    const found = await b.post('/console/applicant-data/find', { _csrf: Browser.csrfFrom(page), by: 'code', value: code });
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /<html lang="en">/);
    assert.match(found.body, /<h3 id="match-title">Result: .+, \d+ application\(s\)<\/h3>/);
    for (const zh of ['查找结果', '我已核验申请人', '确认并下载', '收到日期']) assert.ok(!found.body.includes(zh), zh);
  });

  test('in Chinese', async () => {
    const inbox = await checkChinese('office', '/console/inbox', '我的提醒');
    assert.match(inbox, /未读（\d+）/);
    const data = await checkChinese('office', '/console/applicant-data', '申请人个人信息');
    assert.match(data, /依申请公开的申请办结（或相关行政复议、诉讼审结）满 <strong>\d+<\/strong> 年后/);
  });
});

describe('applications console', () => {
  test('list, registration, templates and fees in English', async () => {
    const b = await inEnglish('office');
    const list = await checkEnglish(b, {
      url: '/console/applications', h1: 'Disclosure on application', title: 'Disclosure on application',
      absent: [...LAYOUT_ZH, '待我办理', '即将到期', '查询码', '收到日期', '答复期限', '办理中的申请统计', '个工作日', '全部状态', '未分办', '已受理', '自然人'],
    });
    assert.match(list, />Waiting for me<\/a>/);
    assert.match(list, /<option value="received">Received<\/option>/);
    await checkEnglish(b, {
      url: '/console/applications/new', h1: 'Register an offline application', title: 'Register an offline application',
      absent: [...LAYOUT_ZH, '申请渠道', '当面提交', '身份证明类型', '居民身份证', '查询此前申请', '>登记<', '条例第三十一条'],
    });
    await checkEnglish(b, {
      url: '/console/applications/templates', h1: 'Letter templates for applications', title: 'Letter templates',
      absent: [...LAYOUT_ZH, '（系统默认）', '模板内容', '可用占位符', '决定措辞', '>保存<', '<strong>政府信息公开申请受理回执</strong>', '<strong>予以公开</strong>'],
    });
    const fees = await checkEnglish(b, {
      url: '/console/applications/fees?method=per_item&units=45&previous=3', h1: 'Processing fee calculator', title: 'Processing fee calculator',
      absent: [...LAYOUT_ZH, '计收方式', '本次件数或页数', '计算结果', '单价（元）', '合计', '按件'],
    });
    assert.match(fees, /Result: \d+ yuan in total/);
  });

  test('case pages in English: labels, states, actions, history', async () => {
    const b = await inEnglish('office');
    const list = await b.get('/console/applications');
    const ids = [...list.body.matchAll(/href="\/console\/applications\/(\d+)"/g)].map((m) => m[1]);
    assert.ok(ids.length >= 5);
    let actions = 0;
    for (const id of ids.slice(0, 8)) {
      const body = await checkEnglish(b, {
        url: `/console/applications/${id}`, h1: /^Application [0-9A-Z-]+ /, title: 'Application ',
        absent: [...LAYOUT_ZH, '>答复期限<', '计算过程', '申请内容', '受理机关', '收到申请日期', '姓名或名称', '办理记录', '申请人可见', '文书和附件',
          '行政复议和行政诉讼', '返回申请列表', '下载受理回执', '办理日期', '备注（内部', '>收到申请<', '应于 ', '剩余 '],
      });
      assert.match(body, /<h2 id="clock-title">Reply due<\/h2>/);
      assert.match(body, /<td>Application received<\/td>/);
      actions += (body.match(/<summary>[A-Z][a-z]/g) ?? []).length;
    }
    assert.ok(actions > 0, 'some case offers actions, labelled in English');
  });

  test('the same pages in Chinese', async () => {
    const list = await checkChinese('office', '/console/applications', '依申请公开');
    assert.match(list, /办理中的申请统计/);
    assert.match(list, />待我办理<\/a>/);
    const id = list.match(/href="\/console\/applications\/(\d+)"/)![1];
    const page = await checkChinese('office', `/console/applications/${id}`, /^申请 [0-9A-Z-]+ /);
    assert.match(page, /<h2 id="clock-title">答复期限<\/h2>/);
    assert.match(page, /<td>收到申请<\/td>/);
    await checkChinese('office', '/console/applications/new', '登记线下申请');
    await checkChinese('office', '/console/applications/templates', '依申请公开文书模板');
    const fees = await checkChinese('office', '/console/applications/fees?method=per_item&units=45&previous=3', '信息处理费计算器');
    assert.match(fees, /计算结果：合计 \d+ 元/);
  });
});

// R2: the services hand the views codes (and the dashboard its English); nothing is translated by
// looking a Chinese label back up.
describe('codes from the services', () => {
  const STATES_EN = ['Received', 'Awaiting correction', 'Assigned', 'In process', 'Third-party consultation', 'Awaiting the fee', 'Awaiting reasons',
    'Reply drafted (awaiting review)', 'Reply approved', 'Replied', 'Closed', 'Withdrawn'];

  test('applicant-data results show each case’s state in the page’s language', async () => {
    const { STATE_LABELS } = await import('../../src/domain/application-workflow.ts');
    const zhStates = Object.values(STATE_LABELS);
    const en = await inEnglish('office');
    const zh = await signedIn('office');
    const codes = [...(await zh.get('/console/applications')).body.matchAll(/>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})</g)].map((m) => m[1]).slice(0, 5);
    assert.ok(codes.length > 0);
    for (const code of codes) {
      const enPage = await en.get('/console/applicant-data');
      const enFound = await en.post('/console/applicant-data/find', { _csrf: Browser.csrfFrom(enPage.body), by: 'code', value: code });
      const zhPage = await zh.get('/console/applicant-data');
      const zhFound = await zh.post('/console/applicant-data/find', { _csrf: Browser.csrfFrom(zhPage.body), by: 'code', value: code });
      const enCells = [...enFound.body.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
      const zhCells = [...zhFound.body.matchAll(/<td>([^<]*)<\/td>/g)].map((m) => m[1]);
      const zhStateCells = zhCells.filter((c) => zhStates.includes(c));
      assert.ok(zhStateCells.length > 0, `${code}: the Chinese result shows the states`);
      assert.equal(enCells.filter((c) => STATES_EN.includes(c)).length, zhStateCells.length, `${code}: every state in English`);
      assert.ok(!enCells.some((c) => zhStates.includes(c)), `${code}: no Chinese state left`);
    }
  });

  test('the list’s applicant kind and the repeats’ outcomes are in English by code', async () => {
    const en = await inEnglish('office');
    const list = await en.get('/console/applications?pageSize=200');
    assert.match(list.body, /<span class="hint">Natural person<\/span>/);
    assert.match(list.body, /<span class="hint">Legal person or other organisation<\/span>/);
    assert.doesNotMatch(list.body, /法人或其他组织|自然人/);
    const ids = [...new Set([...list.body.matchAll(/href="\/console\/applications\/(\d+)"/g)].map((m) => m[1]))];
    let outcomes = 0;
    for (const id of ids) {
      const body = (await en.get(`/console/applications/${id}`)).body;
      // A repeat row: "<state>: <outcome>" — the outcome as English as the state.
      for (const m of body.matchAll(/<td>(Closed|Replied|Withdrawn): ([^<]*)<\/td>/g)) {
        outcomes++;
        assert.doesNotMatch(m[2], /[\u4e00-\u9fff]/, `application ${id}: outcome “${m[2]}” still Chinese`);
      }
    }
    assert.ok(outcomes >= 5, `repeats with an outcome seen: ${outcomes}`);
    const zh = await signedIn('office');
    const zhList = await zh.get('/console/applications?pageSize=200');
    assert.match(zhList.body, /<span class="hint">自然人<\/span>/);
    assert.match(zhList.body, /<span class="hint">法人或其他组织<\/span>/);
    const zhCase = (await zh.get(`/console/applications/${ids[0]}`)).body;
    assert.match(zhCase, /<td>已办结：予以公开<\/td>|<td>已办结：[^<]+<\/td>/);
  });

  test('dashboard: every card, link and figure comes with its English; the agency administrator only views the calendar', async () => {
    const { dashboardFor } = await import('../../src/services/dashboard.service.ts');
    const office = await ctx.repos.users.byUsername('office');
    const user = await ctx.repos.users.staffUser(office!.id);
    // In January, the annual report for last year is due by the 31st.
    const january = { ...ctx, now: () => new Date('2027-01-20T02:00:00Z') };
    const cards = await dashboardFor(january, user!);
    for (const c of cards) {
      assert.doesNotMatch(`${c.en.title} ${c.en.description} ${c.links.map((l) => l.en).join(' ')}`, /[\u4e00-\u9fff]/, c.key);
      for (const f of c.figures) assert.doesNotMatch(f.en, /[\u4e00-\u9fff]/, `${c.key}: ${f.label}`);
    }
    const report = cards.find((c) => c.key === 'annual-report')!.figures[0];
    assert.ok(report, 'the annual report reminder');
    assert.match(report.label, /^2026年度报告（.+）：距1月31日还有（天）$/);
    assert.match(report.en, /^Annual report 2026 \((In preparation|Not started|Submitted, awaiting review|Returned for changes|Accepted, awaiting publication)\): days left to 31 January$/);

    const enAdmin = await inEnglish('admin');
    const en = await enAdmin.get('/console');
    assert.match(en.body, /Manage this agency's users and their roles; view the working-day calendar and the audit log\./);
    assert.doesNotMatch(en.body, /keep the working-day calendar/);
    const zh = await checkChinese('admin', '/console', '工作台');
    assert.match(zh, /<p>管理本机关的用户及其角色，查看工作日历和审计日志。<\/p>/);
    assert.doesNotMatch(zh, /维护工作日历/);
    const enOffice = await (await inEnglish('office')).get('/console');
    assert.match(enOffice.body, /<a href="\/console\/consultations">Online consultation<\/a>/);
  });
});
