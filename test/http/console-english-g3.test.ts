// The staff console in English (task G3): the education console (overview, schools, enrolment,
// recruitment, statistics, power list, monthly work, fees), online consultation, site error reports
// and the annual reports (index, workspace, records behind a figure, supervision). Each page is
// fetched in English (chosen once with ?lang=en, then kept by the cookie) and in the default
// Simplified Chinese, whose headings must not have changed.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, signedInAs, signedInEnglish } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { getChinese, getEnglish, type EnglishPage } from '../support/language-pages.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ secret: 'console-english-g3', publicRateLimit: 0, loginRateLimit: 0 })); });
after(async () => { await close(); });

const signedIn = (username: string): Promise<Browser> => signedInAs(app, ctx, username);

/** Chose English once (?lang=en); later requests carry only the cookie. */
const inEnglish = (username: string): Promise<Browser> => signedInEnglish(app, ctx, username);

/** A console page in English: its address and what it must show. */
type PageCheck = EnglishPage & { url: string };
const checkEnglish = (b: Browser, page: PageCheck): Promise<string> => getEnglish(b, page.url, page);
const checkChinese = getChinese;

async function firstId(b: Browser, url: string, pattern: RegExp): Promise<string> {
  const res = await b.get(url);
  const m = res.body.match(pattern);
  assert.ok(m, `no link matching ${pattern} on ${url}`);
  return m[1];
}

describe('education console', () => {
  test('overview, schools and enrolment are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    const pages: PageCheck[] = [
      { url: '/console/education', h1: 'Education disclosure', present: ['School directory', 'awaiting an answer'], absent: ['学校名录', '招生片区与日程', '待答复', '公众页面：', '权责清单'] },
      { url: '/console/education/schools', h1: 'School directory', present: ['Add a school', 'Ownership'], absent: ['学校名称', '新增学校', '办学性质', '>保存<', '>公办<'] },
      { url: '/console/education/schools/1', h1: '洪江市第一中学', present: ['Basic information', 'Save the zones'], absent: ['基本信息', '切换年度', '年招生计划', '保存片区', '返回学校名录', '计划班数'] },
      { url: '/console/education/enrolment', h1: 'Enrolment zones and schedule', present: ['New enrolment year'], absent: ['新建招生年度', '片区条目', '已公布', '尚无招生年度'] },
      { url: '/console/education/enrolment/2026', h1: 'Enrolment zones and schedule 2026', title: 'Enrolment 2026', present: ['Admission schedule', 'Import enrolment zones'], absent: ['招生日程', '导入招生片区', '各校片区', '添加日程', '全部学段', '年度信息'] },
    ];
    for (const p of pages) await checkEnglish(en, p);

    const zh = await signedIn('office');
    await checkChinese(zh, '/console/education', '教育公开', ['学校名录', '招生片区与日程']);
    await checkChinese(zh, '/console/education/schools', '学校名录', ['新增学校', '办学性质']);
    await checkChinese(zh, '/console/education/schools/1', '洪江市第一中学', ['基本信息', '保存片区']);
    await checkChinese(zh, '/console/education/enrolment', '招生片区与日程', ['新建招生年度']);
    await checkChinese(zh, '/console/education/enrolment/2026', '2026年招生片区与日程', ['导入招生片区', '各校片区']);
  });

  test('recruitment, statistics and fees are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    const recruitmentId = await firstId(en, '/console/education/recruitment', /href="\/console\/education\/recruitment\/(\d+)"/);
    const feeId = await firstId(en, '/console/education/fees', /href="\/console\/education\/fees\/(\d+)"/);
    const pages: PageCheck[] = [
      { url: '/console/education/recruitment', h1: 'Teacher recruitment', present: ['New recruitment announcement', 'Procedure (leave unused steps empty)'], absent: ['新建招聘公告', '报考条件', '招聘程序', '保存草稿', '开始日期'] },
      { url: `/console/education/recruitment/${recruitmentId}`, h1: /公告$/, present: ['Back to teacher recruitment'], absent: ['返回教师招聘', '公告内容', '查看公众页面', '招聘公告索引号'] },
      { url: '/console/education/statistics?year=2025', h1: 'Education statistics', present: ['Figures for 2025'], absent: ['学校数', '在校学生数', '教职工数', '已有年度', '年数据'] },
      { url: '/console/education/fees', h1: 'Education fees', present: ['Add a fee item'], absent: ['新增收费项目', '收费类别', '执行中', '执行起始日期'] },
      { url: `/console/education/fees/${feeId}`, h1: /\S/, present: ['Back to education fees', 'Delete this item'], absent: ['返回教育收费', '删除该项目', '批准文件（文号）'] },
    ];
    for (const p of pages) await checkEnglish(en, p);

    const zh = await signedIn('office');
    await checkChinese(zh, '/console/education/recruitment', '教师招聘', ['新建招聘公告', '招聘程序']);
    await checkChinese(zh, `/console/education/recruitment/${recruitmentId}`, /公告$/, ['返回教师招聘']);
    await checkChinese(zh, '/console/education/statistics?year=2025', '教育统计', ['在校学生数', '2025年数据']);
    await checkChinese(zh, '/console/education/fees', '教育收费', ['新增收费项目']);
    await checkChinese(zh, `/console/education/fees/${feeId}`, /\S/, ['返回教育收费', '删除该项目']);
  });

  test('the power list (with a draft) and monthly work are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    await checkEnglish(en, { url: '/console/education/powers', h1: 'Power and responsibility list', present: ['Create a new version'], absent: ['创建新版本', '现行版本', '公众页面：调整记录'] });
    const zh = await signedIn('office');
    await checkChinese(zh, '/console/education/powers', '权责清单', ['创建新版本']);

    const created = await en.submit('/console/education/powers', '/console/education/powers/draft', {});
    assert.equal(created.statusCode, 303);
    const draft = await checkEnglish(en, {
      url: '/console/education/powers', h1: 'Power and responsibility list', present: ['Add an item', 'Discard the draft'],
      absent: ['新增事项', '事项编码', '发布新版本', '放弃草稿', '调整原因', '版草稿'],
    });
    const itemId = draft.match(/href="\/console\/education\/powers\/items\/(\d+)"/)?.[1];
    assert.ok(itemId, 'the draft lists its items');
    await checkEnglish(en, { url: `/console/education/powers/items/${itemId}`, h1: /^Edit item: \S/, present: ['Back to the power and responsibility list'], absent: ['修改事项', '返回权责清单', '设定依据', '追责情形'] });
    await checkChinese(zh, '/console/education/powers', '权责清单', ['新增事项', '放弃草稿']);
    await checkChinese(zh, `/console/education/powers/items/${itemId}`, /^修改事项：\S/, ['设定依据']);

    await checkEnglish(en, { url: '/console/education/monthly?year=2025', h1: 'Monthly work 2025', title: 'Monthly work', present: ['Open a month'], absent: ['打开月份', '>延期<', '已公开', '月份'] });
    const month = await checkEnglish(en, {
      url: '/console/education/monthly/2025-12', h1: 'Monthly work: December 2025', present: ['Add a work item', 'Summary, rewards and sanctions'],
      absent: ['添加工作事项', '本月综述与奖惩', '返回月度工作', '工作事项', '撤回公开'],
    });
    const monthlyItem = month.match(/href="\/console\/education\/monthly\/items\/(\d+)"/)?.[1];
    assert.ok(monthlyItem, 'December 2025 has items');
    await checkEnglish(en, { url: `/console/education/monthly/items/${monthlyItem}`, h1: /^Edit work item$/, present: ['Back to December 2025'], absent: ['修改工作事项', '责任科室', '进展情况'] });
    await checkChinese(zh, '/console/education/monthly?year=2025', '2025年月度工作', ['打开月份']);
    await checkChinese(zh, '/console/education/monthly/2025-12', '2025-12 月度工作', ['添加工作事项']);
    await checkChinese(zh, `/console/education/monthly/items/${monthlyItem}`, '修改工作事项', ['责任科室']);
  });
});

describe('online consultation and site error reports', () => {
  test('the inbox and a question are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    const id = await firstId(en, '/console/questions', /href="\/console\/questions\/(\d+)"/);
    await checkEnglish(en, { url: '/console/questions', h1: 'Online consultation', present: ['Awaiting answer', 'working day(s) left'], absent: ['答复时限', '待答复', '受理日期', '即将到期', '个工作日'] });
    await checkEnglish(en, { url: `/console/questions/${id}`, h1: /\S/, present: ['Tracking code', 'Back to the questions'], absent: ['查询码', '提交时间', '咨询内容', '提交答复', '作无效处理', '是否同意公开'] });
    await checkEnglish(en, { url: '/console/questions?filter=answered', h1: 'Online consultation', present: ['Answered'], absent: ['已答复', '无效咨询'] });
    const zh = await signedIn('office');
    await checkChinese(zh, '/console/questions', '在线咨询', ['答复时限', '受理日期']);
    await checkChinese(zh, `/console/questions/${id}`, /\S/, ['查询码', '咨询内容']);
  });

  test('the error reports are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    const id = await firstId(en, '/console/error-reports', /href="\/console\/error-reports\/(\d+)"/);
    await checkEnglish(en, { url: '/console/error-reports', h1: 'Site error reports', present: ['Report an error on this site', 'Awaiting reply'], absent: ['问题描述', '收到日期', '已超期', '我为政府网站找错', '留言筛选'] });
    await checkEnglish(en, { url: `/console/error-reports/${id}`, h1: 'Site error report', present: ['Submit the reply'], absent: ['返回留言列表', '联系方式', '提交答复', '答复期限'] });
    await checkEnglish(en, { url: '/console/error-reports?filter=replied', h1: 'Site error reports', present: ['Replied'], absent: ['已按期答复', '已答复（超期）'] });
    const zh = await signedIn('office');
    await checkChinese(zh, '/console/error-reports', '网站找错留言', ['问题描述', '收到日期']);
    await checkChinese(zh, `/console/error-reports/${id}`, '网站找错留言', ['返回留言列表']);
  });
});

describe('annual reports', () => {
  test('the office\'s index, workspace and records are in English, the tables included', async () => {
    const en = await inEnglish('office');
    await checkEnglish(en, {
      url: '/console/reports', h1: 'Annual reports on government information disclosure', title: 'Annual reports',
      present: ['Article 49 of the Regulations on Open Government Information', 'Year 2025'], absent: ['第四十九条', '查看存档', '2025年度', '>打开<', '期限'],
    });
    const ws = await checkEnglish(en, {
      url: '/console/reports/2025', h1: '洪江市教育局: annual report on government information disclosure 2025', title: 'Annual report 2025',
      present: ['Table 3: applications received and handled', 'Legal persons or other organisations', '1. New applications received this year', 'Sued after reconsideration', 'Published on time on'],
      absent: ['校验', '版本和办理记录', '下载报告（Word）', '申请人情况', '>自然人<', '一、本年新收政府信息公开申请数量', '未经复议直接起诉', '表三：', '查看统计依据', '按期公布'],
    });
    assert.match(ws, /aria-label="\d+ \(1\. New applications received this year·Total: see the records behind it\)"/);
    await checkEnglish(en, {
      url: '/console/reports/2026', h1: '洪江市教育局: annual report on government information disclosure 2026', title: 'Annual report 2026',
      present: ['Save the text', 'Correct a single cell', 'Administrative licensing: decisions this year'],
      absent: ['保存正文', '填写平台不掌握的数字', '补录平台外办理的申请', '更正单个单元格', '增减数量', '>本年新收<', '数据来源'],
    });
    await checkEnglish(en, {
      url: '/console/reports/2025/records?table=applications&row=new&column=total', h1: /^Records behind: /, title: 'Records behind a figure',
      present: ['← Back to the 2025 annual report'], absent: ['计入该数字的记录', '返回2025年度报告', '统计依据：'],
    });

    const zh = await signedIn('office');
    await checkChinese(zh, '/console/reports', '政府信息公开工作年度报告', ['2025年度', '第四十九条']);
    await checkChinese(zh, '/console/reports/2025', '洪江市教育局2025年政府信息公开工作年度报告', ['申请人情况', '>自然人<', '一、本年新收政府信息公开申请数量', '未经复议直接起诉', '表三：收到和处理政府信息公开申请情况', '查看统计依据']);
    await checkChinese(zh, '/console/reports/2026', '洪江市教育局2026年政府信息公开工作年度报告', ['保存正文', '更正单个单元格']);
  });

  test('the supervisor\'s overview is in English; the public report page keeps the national format\'s Chinese tables', async () => {
    const en = await inEnglish('supervisor');
    await checkEnglish(en, {
      url: '/console/reports/supervision?year=2025', h1: 'Annual reports 2025 of subordinate agencies', title: 'Reports of subordinate agencies',
      present: ['Consolidated table 3: applications received and handled', 'No agency is late.'],
      absent: ['各机关报告状态', '汇总统计表', '没有逾期未公布的机关', '汇总范围', '申请人情况', '法人或其他组织'],
    });
    await checkEnglish(en, { url: '/console/reports/2025?agency=hjjyj', h1: '洪江市教育局: annual report on government information disclosure 2025', title: 'Annual report 2025', absent: ['申请人情况', '返回年度报告列表'] });
    const zh = await signedIn('supervisor');
    await checkChinese(zh, '/console/reports/supervision?year=2025', '下级机关2025年度政府信息公开工作年度报告', ['各机关报告状态', '申请人情况']);

    const pub = await new Browser(app).get('/gk/hjjyj/reports/2025?lang=en');
    assert.equal(pub.statusCode, 200);
    assert.match(pub.body, /<html lang="en">/);
    for (const legal of ['申请人情况', '法人或其他组织', '一、本年新收政府信息公开申请数量', '未经复议直接起诉']) assert.ok(pub.body.includes(legal), `public table keeps “${legal}”`);
    assert.ok(!pub.body.includes('Legal persons or other organisations'), 'the public tables are not translated');
  });
});

// R2: the service hands over report statuses, the archived flag and the history's action keys;
// the console words them by key, not by looking the Chinese label back up.
describe('annual report statuses and history by key', () => {
  test('statuses (archived included) and history actions in English; Chinese unchanged', async () => {
    const { importArchivedReport } = await import('../../src/services/annual-report.service.ts');
    const bureau = await ctx.repos.agencies.byCode('hjjyj');
    assert.ok(bureau);
    await importArchivedReport(ctx, { kind: 'system', label: '测试' }, {
      agencyId: bureau.id, year: 2019, title: '洪江市教育局2019年政府信息公开工作年度报告', text: '一、总体情况……', source: '市政府门户网站', publishedOn: '2020-01-20',
    });

    const en = await inEnglish('supervisor');
    const sup = (await en.get('/console/reports/supervision?year=2019')).body;
    assert.match(sup, /<th scope="row">洪江市教育局<\/th><td>Published \(archived\)<\/td>/);
    assert.doesNotMatch(sup, /已发布|存档/);
    const zhSup = (await (await signedIn('supervisor')).get('/console/reports/supervision?year=2019')).body;
    assert.match(zhSup, /<th scope="row">洪江市教育局<\/th><td>已发布（存档）<\/td>/);

    const office = await inEnglish('office');
    const index = (await office.get('/console/reports')).body;
    assert.match(index, /<td>Published \(archived\)<\/td>/);
    assert.match(index, /<td>Not started<\/td>|<td>In preparation<\/td>/);
    for (const zh of ['已发布', '（存档）', '尚未编制', '编制中']) assert.ok(!index.includes(zh), `index still shows “${zh}”`);
    const zhIndex = (await (await signedIn('office')).get('/console/reports')).body;
    assert.match(zhIndex, /<td>已发布（存档）<\/td>/);

    const ws = (await office.get('/console/reports/2025')).body;
    const history = ws.slice(ws.lastIndexOf('<table'));
    for (const action of ['Created', 'Submitted for review', 'Accepted', 'Published']) assert.ok(history.includes(`<td>${action}</td>`), `history lacks “${action}”`);
    for (const zh of ['创建', '报送审核', '审核通过', '>发布<', 'report.']) assert.ok(!history.includes(zh), `history still shows “${zh}”`);
    const zhWs = (await (await signedIn('office')).get('/console/reports/2025')).body;
    const zhHistory = zhWs.slice(zhWs.lastIndexOf('<table'));
    for (const action of ['创建', '报送审核', '审核通过', '发布']) assert.ok(zhHistory.includes(`<td>${action}</td>`), `Chinese history lacks “${action}”`);
  });
});
