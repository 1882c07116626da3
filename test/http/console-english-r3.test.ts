// The pages left after the first round, in English (task R3): the working-day calendar (the platform
// administrator's page with its forms, an agency administrator's page with the note, the import
// preview), the consultation console, the API documentation, the public forms' error summaries, and
// the charts' own punctuation. Each page is fetched in English (chosen once with ?lang=en, then kept
// by the cookie) and in the default Simplified Chinese, whose headings must not have changed.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { Browser, demoApp, signedInAs, signedInEnglish } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { assertEnglish, getChinese, getEnglish, h1Of, titleOf } from '../support/language-pages.ts';
import { buildApiDocsModel } from '../../src/web/views/api-docs-page.tsx';
import { lineChart } from '../../src/output/svg-chart.ts';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => {
  ({ app, ctx, close } = await demoApp({ secret: 'console-english-r3', publicRateLimit: 0, loginRateLimit: 0 }, async (c) => {
    // An agency's administrator (not a platform administrator): sees the calendar, may not change it.
    const admin = await c.repos.users.byUsername('admin');
    await c.repos.users.insert({ username: 'bureauadmin', displayName: '机关管理员', passwordHash: 'not-used', agencyId: admin!.agency_id, departmentId: admin!.department_id, isSysadmin: false, roles: ['admin'] }, c.now());
  }));
});
after(async () => { await close(); });

const signedIn = (username: string): Promise<Browser> => signedInAs(app, ctx, username);

/** Chose English once (?lang=en); later requests carry only the cookie. */
const inEnglish = (username: string): Promise<Browser> => signedInEnglish(app, ctx, username);

const checkEnglish = assertEnglish;
const checkChinese = getChinese;

function multipart(fields: Record<string, string>, file: { name: string; content: Buffer }) {
  const boundary = `----gongkai${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.content, Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('working-day calendar', () => {
  // Chinese UI of the calendar page (headings, labels, buttons, the weekday and range words). The
  // English hint keeps one Chinese example: the title of a State Council notice, as it is written.
  const CALENDAR_UI = ['>工作日历<', '选择年份', '已载入', '年节假日安排', '放假日', '调休上班', '>名称<', '>来源<', '星期', ' 至 ', '内置日历', '查看'];

  test('the platform administrator sees the schedule and both forms in English', async () => {
    const en = await inEnglish('admin');
    await getEnglish(en, '/console/admin/calendar?year=2025', {
      h1: 'Working-day calendar',
      present: ['Holiday schedule for 2025', 'Built-in calendar (chinese-days)', '2025-10-01 to 2025-10-05 (5 days)', 'Days off (', 'Make-up working days (', 'Wednesday',
        'Import a year', 'Upload and preview', 'Add a local holiday', 'Calendar file', 'Basis', '1 Oct 2025'],
      absent: [...CALENDAR_UI, '导入年度安排', '上传并预览', '增设本地假日', '日历文件', '依据', '本地人民政府', '平台管理员'],
    });
    await getEnglish(en, '/console/admin/calendar?year=2027', {
      h1: 'Working-day calendar',
      present: ['The holiday schedule for 2027 has not been loaded yet.', 'import it below.', 'Days off: none'],
      absent: [...CALENDAR_UI, '尚未载入', '暂定', '请在下方导入', '：无'],
    });

    const zh = await signedIn('admin');
    await checkChinese(zh, '/console/admin/calendar?year=2025', '工作日历', ['2025 年节假日安排', '内置日历（chinese-days）', '2025-10-01 至 2025-10-05（5 天）', '星期三', '导入年度安排', '增设本地假日']);
    await checkChinese(zh, '/console/admin/calendar?year=2027', '工作日历', ['2027 年的节假日安排尚未载入。', '请在下方导入。', '放假日：无']);
  });

  test('an agency administrator sees the page without forms, with the note, in English', async () => {
    const en = await inEnglish('bureauadmin');
    const body = await getEnglish(en, '/console/admin/calendar?year=2027', {
      h1: 'Working-day calendar',
      present: ['kept by the platform administrators and shared by every agency', 'a platform administrator imports it.'],
      absent: [...CALENDAR_UI, '工作日历由平台管理员维护', '由平台管理员导入'],
    });
    assert.doesNotMatch(body, /\/console\/admin\/calendar\/(upload|local|remove|import)/);

    const zh = await signedIn('bureauadmin');
    await checkChinese(zh, '/console/admin/calendar?year=2027', '工作日历', ['工作日历由平台管理员维护，全平台各机关共用', '由平台管理员导入。']);
  });

  test('the import preview is in English; nothing is saved by it', async () => {
    const content = readFileSync(new URL('../fixtures/calendar-2027.json', import.meta.url));
    const preview = async (b: Browser) => {
      const csrf = Browser.csrfFrom((await b.get('/console/admin/calendar')).body);
      const { payload, contentType } = multipart({ _csrf: csrf, year: '', source: '' }, { name: 'calendar-2027.json', content });
      const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      return app.inject({ method: 'POST', url: '/console/admin/calendar/upload', payload, headers: { cookie, 'content-type': contentType, accept: 'text/html' } });
    };
    const en = await inEnglish('admin');
    checkEnglish('preview', await preview(en), {
      h1: 'Confirm the import of the 2027 holiday schedule', title: 'Confirm the calendar import',
      present: ['has been read but not saved yet', 'File format', 'Not loaded yet', ' days', 'Confirm the import', 'Cancel', 'The 2027 schedule in the file'],
      absent: ['确认导入', '尚未保存', '文件格式', '放假日', '调休上班', '当前状态', '取消', ' 至 ', '记入审计日志'],
    });
    const zh = await signedIn('admin');
    const res = await preview(zh);
    assert.equal(res.statusCode, 200);
    assert.equal(h1Of(res.body), '确认导入 2027 年节假日安排');
    assert.match(res.body, /尚未保存/);
    assert.equal((await ctx.calendar()).isKnownYear(2027), false);
  });
});

describe('consultation console', () => {
  test('the list and a draft\'s page are in English; Chinese by default', async () => {
    const en = await inEnglish('office');
    const list = await getEnglish(en, '/console/consultations', {
      h1: 'Public consultation',
      present: ['New consultation', 'Title of the draft', 'Comments close on', 'Save as draft', 'Comment period', 'Awaiting review'],
      absent: ['意见征集', '新建意见征集', '草案名称', '征集期', '保存草稿', '待审核', '>状态<', '>草案<', '年'],
    });
    const ids = [...list.matchAll(/href="\/console\/consultations\/(\d+)"/g)].map((m) => m[1]);
    assert.ok(ids.length >= 2, 'the demo has an open and a concluded consultation');
    for (const id of ids) {
      await getEnglish(en, `/console/consultations/${id}`, {
        h1: /\S/,
        present: ['Back to public consultation', 'Comments received ('],
        absent: ['返回意见征集', '查看公众页面', '收到的意见', '提交人：', '联系方式：', '公开文本', '采纳情况', '答复及理由', '不予公开', '草案与征集期', '（未填写）', '待审核', '已公开'],
      });
    }
    const open = (await Promise.all(ids.map(async (id) => ({ id, body: (await en.get(`/console/consultations/${id}`)).body })))).find((p) => p.body.includes('name="decision"'));
    assert.ok(open, 'a consultation with comments to moderate');
    assert.match(open.body, /Text to publish/);
    assert.match(open.body, />Do not publish</);

    const zh = await signedIn('office');
    await checkChinese(zh, '/console/consultations', '意见征集', ['新建意见征集', '草案名称', '保存草稿']);
    await checkChinese(zh, `/console/consultations/${open.id}`, /\S/, ['返回意见征集', '收到的意见', '公开文本（已遮盖个人信息，请核对）', '不予公开']);
  });
});

describe('public pages', () => {
  test('the API documentation\'s headers and badges are in English; the model speaks the page\'s language', async () => {
    const b = new Browser(app);
    const en = await b.get('/api/docs?lang=en');
    checkEnglish('/api/docs', en, {
      h1: /^API documentation/, title: 'API documentation', suffix: titleOf(en.body).slice('API documentation'.length),
      present: ['Token required (Authorization: Bearer)', 'No sign-in needed', '<h4>Parameters</h4>', '<h4>Responses</h4>', '<th scope="col">Required</th>', "authorization: Bearer &lt;token>", 'Endpoints marked “Token required”'],
      absent: ['需要令牌', '>无需登录<', '<h4>参数</h4>', '<h4>响应</h4>', '<h4>请求体', '<th scope="col">字段</th>', '<th scope="col">必填</th>', '<td>是</td>', '<td>否</td>', '<td>查询</td>', '无响应体说明', '&lt;令牌>'],
    });
    // The route passes the page's language to the model: its constraint texts are English too.
    assert.ok(!/最多 \d+ 字符/.test(en.body), 'no Chinese constraint texts on the English page');
    const zh = await new Browser(app).get('/api/docs');
    assert.match(zh.body, /<h4>参数<\/h4>/);
    assert.match(zh.body, /最多 \d+ 字符/);
    assert.match(zh.body, /需要令牌（Authorization: Bearer）/);

    const spec = {
      paths: {
        '/api/v1/x': {
          post: {
            parameters: [{ name: 'q', in: 'query', schema: { type: 'string', minLength: 1, maxLength: 20 } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', enum: ['a', 'b'], default: 'a' }, tags: { type: 'array', maxItems: 3, items: { type: 'string' } } }, additionalProperties: { type: 'string' } } } } },
            responses: { 200: { content: { 'application/json': { schema: { type: 'string', format: 'date' } } } } },
          },
        },
      },
    };
    const model = buildApiDocsModel(spec, 'en');
    assert.equal(model.tags[0].name, 'Other');
    const op = model.tags[0].operations[0];
    assert.deepEqual(op.parameters[0].constraints, ['At least 1 character', 'At most 20 characters']);
    assert.deepEqual(op.body!.rows.map((r) => [r.name, r.description, r.constraints]), [
      ['kind', '', ['Values: "a", "b"', 'Default: "a"']], ['tags', '', ['At most 3 items']], ['<key>', 'Any key', []],
    ]);
    assert.deepEqual(op.responses[0].rows.map((r) => [r.name, r.constraints]), [['(whole)', ['Format: date']]]);
    // Without a language: Chinese, as before.
    const zhModel = buildApiDocsModel(spec);
    assert.equal(zhModel.tags[0].name, '其他');
    assert.deepEqual(zhModel.tags[0].operations[0].body!.rows[0].constraints, ['取值："a"、"b"', '默认："a"']);
    assert.equal(zhModel.tags[0].operations[0].responses[0].rows[0].name, '（整体）');
  });

  test('the question form\'s error summary links each field; English labels around it', async () => {
    const b = new Browser(app);
    const res = await b.submit('/gk/hjjyj/ask/new?lang=en', '/gk/hjjyj/ask', { category: '', subject: '', body: '', name: '', phone: '', email: '' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<div class="notice notice-error" role="alert"><p>[^<]+<\/p><ul><li><a href="#ask-/);
    assert.match(res.body, /<a href="#ask-subject">/);
    assert.doesNotMatch(res.body, /<ul><\/ul>/);
    assert.match(res.body, /Ask a question/);
  });

  test('the consultation comment form shows its errors in a summary, without an empty list', async () => {
    const en = await inEnglish('office');
    const list = (await en.get('/console/consultations')).body;
    const ids = [...list.matchAll(/href="\/console\/consultations\/(\d+)"/g)].map((m) => m[1]);
    const b = new Browser(app);
    let tried = 0;
    for (const id of ids) {
      const page = await b.get(`/gk/hjjyj/consultations/${id}?lang=en`);
      if (!page.body.includes(`/consultations/${id}/comments`)) continue;
      tried++;
      const res = await b.post(`/gk/hjjyj/consultations/${id}/comments`, { _csrf: Browser.csrfFrom(page.body), body: '', name: '', contact: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<div class="notice notice-error" role="alert"><p>[^<]+<\/p><ul><li>/);
      assert.match(res.body, /Comment on this draft/);
    }
    assert.equal(tried, 1, 'the demo has one consultation open for comment');
  });

  test('a chart in English separates a value with ": "; Chinese keeps "："', () => {
    const o = { id: 't', title: 'Trend', desc: 'd', categories: ['9-1', '9-2'], series: [{ name: 'Score', values: [90, 95] }, { name: 'Problems', values: [3, 1] }] };
    const en = lineChart({ ...o, lang: 'en' });
    assert.match(en, /<title>9-1 Score: 90<\/title>/);
    assert.doesNotMatch(en, /：/);
    assert.match(lineChart(o), /<title>9-1 Score：90<\/title>/);
    // The legend leaves room by the label's width: the second entry starts nearer for a Latin name than for a Chinese one of as many characters.
    const second = (svg: string) => Number([...svg.matchAll(/<rect x="(\d+(?:\.\d+)?)" y="6"/g)][1][1]);
    assert.ok(second(lineChart({ ...o, series: [{ name: 'Score', values: [1] }, { name: 'x', values: [1] }] })) < second(lineChart({ ...o, series: [{ name: '得分得分得', values: [1] }, { name: 'x', values: [1] }] })));
  });
});
