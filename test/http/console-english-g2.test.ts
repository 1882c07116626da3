// The staff console in English (task G2): proactive disclosure (document lists, deadlines, the
// document page, the registration form, categories and topics, catalog import), the personal-data
// check (a document's check, the sweep, reply times, suggestions) and the site inspection (health
// page, league table, settings, text check). Each page is fetched in English (chosen once with
// ?lang=en and kept by the cookie) and in the default Simplified Chinese; the Chinese UI strings
// asserted absent in English are first asserted present in Chinese, so each check can fail.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, signedInAs, signedInEnglish } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ secret: 'console-english-g2', publicRateLimit: 0, loginRateLimit: 0 })); });
after(async () => { await close(); });

const signedIn = (username: string): Promise<Browser> => signedInAs(app, ctx, username);

/** Chose English once (?lang=en); later requests carry only the cookie. */
const inEnglish = (username: string): Promise<Browser> => signedInEnglish(app, ctx, username, '/console/documents/all');

const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
const h1Of = (html: string) => text(html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '');
const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
/** The page without the layout (header, navigation, footer belong to another task). */
const mainOf = (html: string) => html.match(/<main[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? html;

interface PageCheck {
  who: string;
  url: string;
  /** The English <h1> (and the start of the <title>, unless `title` says otherwise). */
  h1: string | RegExp;
  title?: string;
  /** The Chinese <h1> of the same page. */
  zh: string | RegExp;
  /** Chinese UI text of the page (not data): present in Chinese, absent in English. */
  ui: string[];
  /** English UI text that must be there. */
  en?: string[];
}

function matches(got: string, want: string | RegExp, what: string): void {
  if (typeof want === 'string') assert.equal(got, want, what);
  else assert.match(got, want, what);
}

async function checkPage(en: Browser, zh: Browser, page: PageCheck): Promise<{ en: string; zh: string }> {
  const zhRes = await zh.get(page.url);
  assert.equal(zhRes.statusCode, 200, page.url);
  assert.match(zhRes.body, /<html lang="zh-CN">/, page.url);
  matches(h1Of(zhRes.body), page.zh, `${page.url} (zh h1)`);
  for (const s of page.ui) assert.ok(mainOf(zhRes.body).includes(s), `${page.url}: the Chinese page shows “${s}”`);

  const enRes = await en.get(page.url);
  assert.equal(enRes.statusCode, 200, page.url);
  assert.match(enRes.body, /<html lang="en">/, page.url);
  const h1 = h1Of(enRes.body);
  matches(h1, page.h1, `${page.url} (en h1)`);
  const title = titleOf(enRes.body);
  const expectTitle = page.title ?? h1;
  assert.ok(title.startsWith(expectTitle), `${page.url}: <title> ${title} starts with ${expectTitle}`);
  const main = mainOf(enRes.body);
  for (const s of page.ui) assert.ok(!main.includes(s), `${page.url} still shows “${s}” in English`);
  for (const s of page.en ?? []) assert.ok(main.includes(s), `${page.url} shows “${s}” in English`);
  return { en: enRes.body, zh: zhRes.body };
}

/** The first link of a page matching a pattern; its first group. */
function firstLink(html: string, re: RegExp): string {
  const m = html.match(re);
  assert.ok(m, `a link matching ${re}`);
  return m[1];
}

describe('proactive disclosure console in English', () => {
  test('document lists, deadlines, registration form, taxonomy and import', async () => {
    const pairs: Record<string, [Browser, Browser]> = {};
    for (const who of ['clerk', 'reviewer', 'office']) pairs[who] = [await inEnglish(who), await signedIn(who)];
    const pages: PageCheck[] = [
      { who: 'clerk', url: '/console/documents', h1: 'Documents registered by me', zh: '我登记的文件', ui: ['标题、文号或索引号', '>筛选<', '>状态<', '我登记的<'], en: ['Registered by me', 'Title, document number or index number'] },
      { who: 'office', url: '/console/documents/all', h1: 'All documents of this agency', zh: '本机关文件', ui: ['本机关登记的全部文件，含未公开的。', '>标题<', '>索引号<', '>成文日期<', '>发布时限<', '已发布</span>'], en: ['Index number', 'Date created', 'Published</span>'] },
      { who: 'reviewer', url: '/console/documents/review', h1: 'To review', zh: '待审核', ui: ['等待保密审查和内容审核的文件', '>待审核<'], en: ['confidentiality review'] },
      { who: 'office', url: '/console/documents/publish', h1: 'To publish', zh: '待发布', ui: ['已审核、等待公开办发布的文件', '>待发布<'], en: ['disclosure office'] },
      { who: 'office', url: '/console/documents/due', h1: 'Proactive disclosure: publication deadlines', title: 'Publication deadlines', zh: '主动公开发布时限', ui: ['第二十六条', '已超期 ', '5 个工作日内到期'], en: ['Article 26 of the Regulations on Open Government Information', 'Due within 5 working days'] },
      { who: 'clerk', url: '/console/documents/new', h1: 'Register a document', zh: '登记文件', ui: ['基本信息', '>发文字号<', '公开属性', ' 主动公开</label>', ' 依申请公开</label>', '登记并分配索引号', '保存为草稿', '>有效<', '（不是政策解读）', '属于国家秘密（第十四条）'], en: ['Proactive disclosure', 'Disclosure on application', 'Register and assign an index number', 'State secret (Article 14)', 'In force'] },
      { who: 'office', url: '/console/documents/taxonomy', h1: 'Categories and topics', zh: '主题分类与专题', ui: ['已有文件使用的分类和专题只能改名', '>改名<', '>代码<', '新增主题分类'], en: ['Rename', 'Add a category', 'Add a topic'] },
      { who: 'office', url: '/console/documents/import', h1: 'Import an existing disclosure catalog', title: 'Import a catalog', zh: '导入已有公开目录', ui: ['第一步：上传文件', '上传并识别列', '下载模板：', 'CSV 模板'], en: ['Step 1: upload the file', 'CSV template'] },
    ];
    for (const p of pages) await checkPage(pairs[p.who][0], pairs[p.who][1], p);
  });

  test('a document page, its edit form and a catalog import in English; the public pages stay bilingual', async () => {
    const [en, zh] = [await inEnglish('office'), await signedIn('office')];
    const list = await zh.get('/console/documents/all?state=published');
    const id = firstLink(list.body, /href="\/console\/documents\/(\d+)"/);
    const { en: page } = await checkPage(en, zh, {
      who: 'office', url: `/console/documents/${id}`, h1: /\S/, zh: /\S/,
      ui: ['登记信息', '办理记录', '>索引号<', '>发布机构<', '>公开属性<', '>有效性<', '查看公开页面', '>个人信息检查</a>', '撤回理由', '>归档<'],
      en: ['Registration', 'History', 'Index number', 'View the public page', 'Personal data check', 'Reason for withdrawal', '>Archive<', 'Proactive disclosure'],
    });
    assert.match(page, /<th scope="row">Validity<\/th><td>(In force|Expired|Repealed|Amended)<\/td>/);
    // The history's action labels are English by the event's code.
    assert.ok(!mainOf(page).includes('<td>发布</td>'), 'history labels in English');
    assert.match(page, /<td>Published<\/td>/);

    // A document the clerk can still edit: the edit form in English.
    const [clerkEn, clerkZh] = [await inEnglish('clerk'), await signedIn('clerk')];
    const mine = await clerkZh.get('/console/documents?state=registered');
    const editable = firstLink(mine.body, /href="\/console\/documents\/(\d+)"/);
    await checkPage(clerkEn, clerkZh, {
      who: 'clerk', url: `/console/documents/${editable}/edit`, h1: /^Edit: /, zh: /^修改：/,
      ui: ['保存修改', '>取消<', '有效性与关联'], en: ['Save changes', 'Cancel', 'Validity and related documents'],
    });

    // The public document page (document-common's fileSize) is unchanged in English and Chinese.
    const publicUrl = firstLink(page, /href="(\/gk\/[a-z0-9]+\/[^"]*\d+[^"]*)">View the public page/);
    const anon = new Browser(app);
    const pubEn = await anon.get(`${publicUrl}?lang=en`);
    assert.equal(pubEn.statusCode, 200);
    assert.match(pubEn.body, /<html lang="en">/);
    assert.match(pubEn.body, /Index number/);
    const pubZh = await new Browser(app).get(publicUrl);
    assert.match(pubZh.body, /索引号/);
  });

  test('a dry run of a catalog import in English names the fields and rows in English', async () => {
    const en = await inEnglish('office');
    const page = await en.get('/console/documents/import');
    const csrf = Browser.csrfFrom(page.body);
    const csv = '\ufeff索引号,标题,成文日期,发布日期,主题分类,体裁\r\n,没有日期的文件,,2020-01-02,政策文件,通知\r\n';
    const boundary = '----g2boundary';
    const payload = [
      `--${boundary}`, 'Content-Disposition: form-data; name="_csrf"', '', csrf,
      `--${boundary}`, 'Content-Disposition: form-data; name="file"; filename="catalog.csv"', 'Content-Type: text/csv', '', csv,
      `--${boundary}--`, '',
    ].join('\r\n');
    const cookie = [...en.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await app.inject({ method: 'POST', url: '/console/documents/import', payload, headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' } });
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /Step 2: check the column mapping/);
    assert.match(res.body, /Date created \(成文日期\)/);
    assert.match(res.body, /Column 3: 成文日期/);
    assert.ok(!res.body.includes('第二步：核对列的对应关系'));
    assert.ok(!res.body.includes('（不导入）'));
  });
});

describe('personal-data check console in English', () => {
  test('the sweep, a document check, reply times and suggestions', async () => {
    const [en, zh] = [await inEnglish('office'), await signedIn('office')];
    const { en: overview } = await checkPage(en, zh, {
      who: 'office', url: '/console/privacy', h1: 'Personal data check', zh: '个人信息检查',
      ui: ['已发布信息检查', '答复用时', '建议与分流', '重新检查全部已发布信息', '个人信息 ', '发布于 ', '已发布<', '>撤回<'],
      en: ['Published information', 'Check all published information again', 'items of personal data', 'Published', '>Withdraw<'],
    });
    const docId = firstLink(overview, /href="\/console\/privacy\/documents\/(\d+)"/);
    await checkPage(en, zh, {
      who: 'office', url: `/console/privacy/documents/${docId}`, h1: /^Personal data check: /, zh: /^个人信息检查：/,
      ui: ['← 返回文件', '检查时间：', '>位置<', '>类型<', '内容（已遮盖）', '重新检查', '居民身份证号码', '待处理'],
      en: ['← Back to the document', 'Checked: ', 'Content (masked)', 'Check again', 'Resident ID number', 'To deal with'],
    });
    // A notice from the route (in Chinese) is shown in English.
    const done = await en.get(`/console/privacy/documents/${docId}?done=rescanned`);
    assert.match(done.body, /Checked again\./);
    assert.ok(!done.body.includes('已重新检查。'));
    await checkPage(en, zh, {
      who: 'office', url: '/console/privacy/timing', h1: /^Reply times \(\d{4}\)$/, title: 'Reply times', zh: /^答复用时（\d{4}年）$/,
      ui: ['首次回应（工作日）', '>中位数<', '第90百分位', '>按期答复<', '>延期答复<', '>年份<', '>查看<'],
      en: ['First response (working days)', 'Median', '90th percentile', 'Extension', 'Year'],
    });
    await checkPage(en, zh, {
      who: 'office', url: '/console/privacy/suggestions', h1: /^Suggestions and deflection \(\d{4}\)$/, title: 'Suggestions and deflection', zh: /^建议与分流（\d{4}年）$/,
      ui: ['展示建议', '打开建议', '分流率', '>合计<', '1月'],
      en: ['Suggestions shown', 'Deflection rate', 'Total', 'January'],
    });
  });

  test('the public suggestion box on the application form is still bilingual', async () => {
    const enRes = await new Browser(app).get('/gk/hjjyj/apply?lang=en');
    assert.equal(enRes.statusCode, 200);
    assert.match(enRes.body, /data-title="Is this what you are looking for\?"/);
    const zhRes = await new Browser(app).get('/gk/hjjyj/apply');
    assert.match(zhRes.body, /data-title="这是否是您要找的信息？"/);
  });
});

describe('site inspection console in English', () => {
  test('health page, settings and text check (office); league table and another agency (supervisor)', async () => {
    const [en, zh] = [await inEnglish('office'), await signedIn('office')];
    await checkPage(en, zh, {
      who: 'office', url: '/console/inspection', h1: /^Site inspection: /, title: 'Site inspection - ', zh: /^网站自查：/,
      ui: ['检查结论', '预计结果：', '扣分指标', '优先整改', '发现的问题', '近90天趋势', '月度检查报告', '立即检查', '去处理', '<th scope="row">发布解读</th>', '下载报告（Word）'],
      en: ['Expected result: ', 'Deduction indicators', 'Publishing and interpretation', 'Fix first', 'Problems found', 'Monthly report', 'Inspect now'],
    });
    const { en: settings } = await checkPage(en, zh, {
      who: 'office', url: '/console/inspection/settings', h1: /^Inspection settings: /, title: 'Inspection settings', zh: /^网站检查设置：/,
      ui: ['栏目及更新周期', '通知公告类', '个月<', '文字规则', '本机关的规则', '全平台规则', '添加规则', '>易错词<', '一般（扣分）', '外部链接检查'],
      en: ['Columns and update periods', 'Notices and announcements', 'months', 'Text rules', 'Commonly miswritten word', 'Ordinary (points deducted)', 'External link check'],
    });
    assert.match(settings, /to be updated within 6 months/);
    await checkPage(en, zh, {
      who: 'office', url: '/console/inspection/check-text', h1: 'Text check', zh: '文字检查',
      ui: ['发布前检查标题和正文', '返回网站自查', '>检查<'], en: ['Back to the site inspection', '>Check<'],
    });
    // A text check in English: the result table and the hit's message.
    const res = await en.submit('/console/inspection/check-text', '/console/inspection/check-text', { title: '洪江市教育委员会通知', body: '' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /“洪江市教育委员会” should be “洪江市教育局”/);
    assert.match(res.body, /<td>Title<\/td>/);
    assert.ok(!res.body.includes('应为“洪江市教育局”'));
    // An empty check comes back with the form's message in English.
    const empty = await en.submit('/console/inspection/check-text', '/console/inspection/check-text', { title: '', body: '' });
    assert.ok(!mainOf(empty.body).includes('提交的内容有误'));

    const [supEn, supZh] = [await inEnglish('supervisor'), await signedIn('supervisor')];
    await checkPage(supEn, supZh, {
      who: 'supervisor', url: '/console/inspection/league', h1: 'Site inspection of all agencies', zh: '各机关网站检查情况',
      ui: ['预计合格', '检查全部机关', '>排名<', '较7天前', '月度检查通报', '下载通报（Word）'],
      en: ['Expected to pass', 'Inspect all agencies', 'Rank', 'Monthly circular'],
    });
    await checkPage(supEn, supZh, {
      who: 'supervisor', url: '/console/inspection/agencies/hjjyj', h1: /^Site inspection: /, title: 'Site inspection - ', zh: /^网站自查：/,
      ui: ['检查结论', '各机关检查情况', '所辖机关检查通报'], en: ['All agencies', 'Circular on the supervised agencies'],
    });
  });
});

// R2: the personal-data check's events in a document's history have labels (they showed raw codes),
// and the publication monitor words a missing department in the page's language.
describe('document history and the publication monitor by code', () => {
  test('the personal-data check events are named in both languages', async () => {
    const zh = await signedIn('office');
    const en = await inEnglish('office');
    const list = await zh.get('/console/documents/all?state=published');
    const id = Number(firstLink(list.body, /href="\/console\/documents\/(\d+)"/));
    const doc = await ctx.repos.documents.byId(id);
    assert.ok(doc);
    const office = await ctx.repos.users.byUsername('office');
    const events = ['privacy.scanned', 'privacy.finding_justified', 'privacy.justification_withdrawn', 'privacy.cleared', 'privacy.masked_copy'];
    for (const action of events) {
      await ctx.repos.audit.append({ actorId: office!.id, actorLabel: '王公开', agencyId: doc.agency_id, action, subjectType: 'document', subjectId: id, summary: {}, ip: undefined });
    }
    const zhPage = (await zh.get(`/console/documents/${id}`)).body;
    const enPage = (await en.get(`/console/documents/${id}`)).body;
    for (const label of ['个人信息检查：结果有变化', '个人信息检查：说明理由', '个人信息检查：撤回理由', '个人信息检查：已通过', '个人信息检查：生成遮盖副本']) {
      assert.ok(zhPage.includes(`<td>${label}</td>`), `Chinese history shows “${label}”`);
      assert.ok(!enPage.includes(label), `English history still shows “${label}”`);
    }
    for (const label of ['Personal data check: results changed', 'Personal data check: reasons given', 'Personal data check: reasons withdrawn', 'Personal data check: passed', 'Personal data check: masked copy made']) {
      assert.ok(enPage.includes(`<td>${label}</td>`), `English history shows “${label}”`);
    }
    for (const code of events) {
      assert.ok(!zhPage.includes(`<td>${code}</td>`) && !enPage.includes(`<td>${code}</td>`), `raw code ${code} shown`);
    }
  });

  test('the demo’s own privacy events are labelled too', async () => {
    const zh = await signedIn('office');
    const list = await zh.get('/console/documents/all');
    const ids = [...new Set([...list.body.matchAll(/href="\/console\/documents\/(\d+)"/g)].map((m) => m[1]))];
    let labelled = 0;
    for (const id of ids) {
      const page = (await zh.get(`/console/documents/${id}`)).body;
      assert.doesNotMatch(page, /<td>privacy\.[a-z_]+<\/td>/, `document ${id}`);
      labelled += (page.match(/<td>个人信息检查：/g) ?? []).length;
    }
    assert.ok(labelled > 0, 'some demo document has personal-data check events');
  });

  test('the publication monitor: departments by agency for a supervisor, a missing department worded per language', async () => {
    const en = await inEnglish('supervisor');
    const zh = await signedIn('supervisor');
    const headings = (html: string) => [...html.matchAll(/<h2 id="dept-\d+">([^<]*)<\/h2>/g)].map((m) => m[1]);
    const before = headings((await zh.get('/console/documents/due')).body);
    assert.ok(before.length > 0 && before.every((h) => h.startsWith('洪江市教育局 · ')), before.join('|'));
    assert.deepEqual(headings((await en.get('/console/documents/due')).body), before);

    // A proactive document not yet published, registered without a department.
    const mine = await (await signedIn('office')).get('/console/documents/all?state=registered');
    const id = Number(firstLink(mine.body, /href="\/console\/documents\/(\d+)"/));
    await ctx.repos.documents.update(id, { department_id: null });
    const zhAfter = headings((await zh.get('/console/documents/due')).body);
    const enAfter = headings((await en.get('/console/documents/due')).body);
    assert.ok(zhAfter.includes('洪江市教育局 · 未指定部门'), zhAfter.join('|'));
    assert.ok(enAfter.includes('洪江市教育局 · No department'), enAfter.join('|'));
    assert.ok(!enAfter.some((h) => h.includes('未指定部门')));
    const own = headings((await (await inEnglish('office')).get('/console/documents/due')).body);
    assert.ok(own.includes('No department'), own.join('|'));
  });
});
