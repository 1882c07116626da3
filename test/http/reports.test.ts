import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { Browser, demoApp } from '../support/app.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { DEMO_PASSWORD } from '../../src/demo/seed.ts';
import { createApiToken } from '../../src/services/auth.service.ts';
import { APPLICATION_ROWS, BALANCE_NOTE, PROACTIVE_LABELS, REVIEW_LITIGATION_COLUMNS, SECTION_TITLES } from '../../src/domain/annual-report.ts';

const run = promisify(execFile);
const SOFFICE = '/usr/bin/soffice';
const PDFTOTEXT = '/usr/bin/pdftotext';

let app: FastifyInstance;
let ctx: ServiceContext;
let close: () => Promise<void>;

before(async () => { ({ app, ctx, close } = await demoApp({ secret: 'http-test', loginRateLimit: 10_000 })); });
after(() => close());

async function signedIn(username: string): Promise<Browser> {
  const b = new Browser(app);
  const res = await b.submit('/login', '/login', { username, password: DEMO_PASSWORD });
  assert.equal(res.statusCode, 303, `sign-in of ${username}`);
  return b;
}

/** The labels of the section 三 table rows that carry numbers, in the format's order. */
const DATA_ROW_LABELS = APPLICATION_ROWS.filter((r) => r.leaf).map((r) => r.label);

/** Asserts that each of `labels` occurs in `text` after the previous one (whitespace ignored). */
function assertInOrder(text: string, labels: readonly string[], what: string): void {
  const flat = text.replace(/\s+/g, '');
  let at = 0;
  for (const label of labels) {
    const i = flat.indexOf(label.replace(/\s+/g, ''), at);
    assert.ok(i >= 0, `${what}: 「${label}」 not found after position ${at}`);
    at = i + 1;
  }
}

interface PdfWord { page: number; x: number; x2: number; y: number; text: string }

/** The words of a PDF with their positions (pdftotext -bbox-layout), in reading order. */
async function pdfWords(pdf: string, out: string): Promise<PdfWord[]> {
  await run(PDFTOTEXT, ['-bbox-layout', pdf, out]);
  const html = await readFile(out, 'utf8');
  const words: PdfWord[] = [];
  let page = -1;
  for (const m of html.matchAll(/<page\b|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)) {
    if (m[0] === '<page') page++;
    else words.push({ page, x: Number(m[1]), y: Number(m[2]), x2: Number(m[3]), text: m[4].replace(/&quot;/g, '"').replace(/&amp;/g, '&') });
  }
  return words.sort((a, b) => a.page - b.page || Math.round(a.y) - Math.round(b.y) || a.x - b.x);
}

/**
 * Table 三's label area is three columns (三 | group | sub-row) beside the numbers; plain text
 * interleaves them line by line. Reading each column on its own gives each cell's text whole.
 */
function labelLanes(words: readonly PdfWord[]): { a: string; b: string; c: string } {
  const xOf = (text: string) => {
    const w = words.find((x) => x.text.startsWith(text));
    assert.ok(w, `PDF word starting with 「${text}」`);
    return w.x;
  };
  const xB = xOf('（一）予以公开') - 1;
  const xC = xOf('1.属于国家秘密') - 1;
  const xV = xOf('自然') - 1;
  const start = words.findIndex((w) => w.text.startsWith('（本列数据'));
  const lane = (lo: number, hi: number) => words.slice(start).filter((w) => w.x >= lo && w.x < hi).map((w) => w.text).join('');
  // Where the table runs onto another page its header rows, the note included, are repeated there.
  const a = lane(0, xB);
  const note = a.indexOf(BALANCE_NOTE) + BALANCE_NOTE.length;
  return { a: a.slice(0, note) + a.slice(note).split(BALANCE_NOTE).join(''), b: lane(xB, xC), c: lane(xC, xV) };
}

/** The header of each applicant column: the header words centred over that column's numbers. */
function columnHeaders(words: readonly PdfWord[]): string[] {
  const from = words.findIndex((w) => w.text === '申请人情况');
  const to = words.findIndex((w) => w.text.startsWith('一、本年新收'));
  const first = words[to];
  const numbers = words.filter((w) => w.page === first.page && Math.abs(w.y - first.y) < 4 && /^\d+$/.test(w.text)).sort((a, b) => a.x - b.x);
  assert.equal(numbers.length, 7, 'seven numbers beside the first row label');
  const centres = numbers.map((w) => (w.x + w.x2) / 2);
  const column = (w: PdfWord) => {
    const c = (w.x + w.x2) / 2;
    return centres.reduce((best, x, i) => (Math.abs(x - c) < Math.abs(centres[best] - c) ? i : best), 0);
  };
  const heads = centres.map(() => '');
  for (const w of words.slice(from + 1, to)) if (w.x >= centres[0] - 40 && !/^\d+$/.test(w.text)) heads[column(w)] += w.text;
  return heads;
}

describe('the public column', () => {
  test('lists the published 2025 report and the archived 2016 report', async () => {
    const res = await new Browser(app).get('/gk/hjjyj/reports');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>政府信息公开年报<\/h1>/);
    assert.match(res.body, /href="\/gk\/hjjyj\/reports\/2025">洪江市教育局2025年政府信息公开工作年度报告<\/a>/);
    assert.match(res.body, /href="\/gk\/hjjyj\/reports\/2016">洪江市教育局2016年度政府信息公开工作年度报告<\/a>/);
    assert.match(res.body, /存档（平台上线前发布，无统计表）/);
    assert.ok(res.body.indexOf('reports/2025') < res.body.indexOf('reports/2016'), 'newest year first');
    // the city's column links to its agencies' reports
    const city = await new Browser(app).get('/gk/hjs/reports');
    assert.equal(city.statusCode, 200);
    assert.match(city.body, /href="\/gk\/hjjyj\/reports">洪江市教育局<\/a>/);
    // the home page lists the newest reports
    const home = await new Browser(app).get('/gk/hjjyj');
    assert.match(home.body, /洪江市教育局2025年政府信息公开工作年度报告/);
  });

  test('the 2025 report page has the six sections and the three tables with the exact labels', async () => {
    const res = await new Browser(app).get('/gk/hjjyj/reports/2025');
    assert.equal(res.statusCode, 200);
    assertInOrder(res.body, SECTION_TITLES, 'section headings');
    assertInOrder(res.body, [PROACTIVE_LABELS.art20_1, PROACTIVE_LABELS.rule, PROACTIVE_LABELS.normative, PROACTIVE_LABELS.art20_5, PROACTIVE_LABELS.licensing, PROACTIVE_LABELS.art20_6, PROACTIVE_LABELS.penalty, PROACTIVE_LABELS.coercion, PROACTIVE_LABELS.art20_8, PROACTIVE_LABELS.fees], 'table 二');
    assertInOrder(res.body, [BALANCE_NOTE, '申请人情况', '自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'], 'table 三 header');
    assertInOrder(res.body.replace(/&quot;/g, '"'), DATA_ROW_LABELS, 'table 三 rows');
    assertInOrder(res.body, ['行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉'], 'table 四 header');
    assert.match(res.body, /href="\/gk\/hjjyj\/reports\/2025\/report\.docx"/);
    assert.match(res.body, /href="\/gk\/hjjyj\/reports\/2025\/tables\.xlsx"/);
    assert.match(res.body, /rowspan="22"[^>]*>三、本年度办理结果</);
    // the draft's placeholders were written over before publication
    assert.doesNotMatch(res.body, /【请补充/);
  });

  test('the report pages work in Traditional Chinese and English', async () => {
    const tw = await new Browser(app).get('/gk/hjjyj/reports/2025?lang=zh-TW');
    assert.equal(tw.statusCode, 200);
    assert.match(tw.body, /<html lang="zh-TW"/);
    assert.match(tw.body, /政府資訊公開|政府信息公開/);
    const en = await new Browser(app).get('/gk/hjjyj/reports/2025?lang=en');
    assert.match(en.body, /1\. Overview/);
    assert.match(en.body, /Download report \(Word\)/);
    assert.match(en.body, /lang="zh-Hans"/);
    const list = await new Browser(app).get('/gk/hjjyj/reports?lang=en');
    assert.match(list.body, /Annual Reports/);
  });

  test('the archived 2016 report is readable as published and searchable', async () => {
    const res = await new Browser(app).get('/gk/hjjyj/reports/2016');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /發布時間/); // kept in Traditional characters as published
    assert.match(res.body, /主動公開政府信息188件/);
    assert.match(res.body, /本报告发布于本平台上线之前/);
    assert.doesNotMatch(res.body, /tables\.xlsx/);
    // searched in the column, with a Simplified query for the Traditional text; from the city's column too
    for (const code of ['hjjyj', 'hjs']) {
      const found = await new Browser(app).get(`/gk/${code}/reports?q=${encodeURIComponent('主动公开政府信息188件')}`);
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /检索结果：共 \d+ 条/);
      assert.match(found.body, /<li><a href="\/gk\/hjjyj\/reports\/2016">/);
      assert.match(found.body, /<mark>/);
    }
    const none = await new Browser(app).get(`/gk/hjjyj/reports?q=${encodeURIComponent('量子计算')}`);
    assert.match(none.body, /没有找到相关的年度报告/);
  });

  test('unknown years and versions are 404', async () => {
    assert.equal((await new Browser(app).get('/gk/hjjyj/reports/2024')).statusCode, 404);
    assert.equal((await new Browser(app).get('/gk/hjjyj/reports/2025?version=9')).statusCode, 404);
    assert.equal((await new Browser(app).get('/gk/nope/reports')).statusCode, 404);
  });
});

describe('the API', () => {
  test('GET /api/v1/reports/annual/2025?agency=hjjyj has the stable shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?agency=hjjyj' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['agency', 'agencyName', 'checks', 'format', 'publishedOn', 'status', 'tables', 'version', 'year']);
    assert.equal(body.agency, 'hjjyj');
    assert.equal(body.year, 2025);
    assert.equal(body.format, '2021');
    assert.equal(body.status, 'published');
    assert.deepEqual(Object.keys(body.tables).sort(), ['applications', 'proactive', 'reviewLitigation']);
    assert.deepEqual(body.tables.applications.columns, ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计']);
    assert.deepEqual(body.tables.applications.rows.map((r: { label: string }) => r.label), APPLICATION_ROWS.map((r) => r.label));
    for (const row of body.tables.applications.rows) {
      assert.equal(row.values.length, 7);
      assert.equal(row.values[6], row.values.slice(0, 6).reduce((a: number, b: number) => a + b, 0), `总计 of ${row.label}`);
    }
    assert.equal(body.tables.reviewLitigation.length, REVIEW_LITIGATION_COLUMNS.length);
    assert.deepEqual(body.tables.proactive.map((s: { heading: string }) => s.heading), [PROACTIVE_LABELS.art20_1, PROACTIVE_LABELS.art20_5, PROACTIVE_LABELS.art20_6, PROACTIVE_LABELS.art20_8]);
    assert.ok(body.checks.length > 0);
    assert.ok(body.checks.every((c: { rule: string; ok: boolean; detail: string }) => c.ok && c.rule && c.detail));
  });

  test('unpublished years: 404 for the public, the draft for the office with a token; bad input is 400', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/reports/annual/2024?agency=hjjyj' })).statusCode, 404);
    const office = (await ctx.repos.users.staffUser((await ctx.repos.users.byUsername('office'))!.id))!;
    const { token } = await createApiToken(ctx, { kind: 'staff', user: office, ip: '127.0.0.1' }, '年报测试');
    const draft = await app.inject({ method: 'GET', url: '/api/v1/reports/annual/2026?agency=hjjyj', headers: { authorization: `Bearer ${token}` } });
    assert.equal(draft.statusCode, 200);
    assert.equal(draft.json().status, 'draft');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().error, 'invalid_input');
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/reports/annual/20x5?agency=hjjyj' })).statusCode, 400);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/reports/annual/2025?agency=nope' })).statusCode, 404);
  });
});

describe('downloads', () => {
  test('the .xlsx has the three tables with merged headers and exact labels', async () => {
    const res = await new Browser(app).get('/gk/hjjyj/reports/2025/tables.xlsx');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['二、主动公开', '三、依申请公开', '四、复议诉讼']);
    const ws = wb.getWorksheet('三、依申请公开')!;
    const labels: string[] = [];
    ws.eachRow((row) => {
      const v = row.getCell(3).value;
      if (typeof v === 'string' && !labels.includes(v)) labels.push(v);
    });
    assertInOrder(labels.join('\n'), DATA_ROW_LABELS.filter((l) => !l.startsWith('三、')), 'xlsx rows');
    assert.ok((ws.model.merges ?? []).length > 10, 'merged cells');
  });

  test('the .docx converts with LibreOffice to a PDF with the format\'s rows in order', { skip: existsSync(SOFFICE) ? false : `LibreOffice not installed at ${SOFFICE}`, timeout: 180_000 }, async () => {
    const res = await new Browser(app).get('/gk/hjjyj/reports/2025/report.docx');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /wordprocessingml/);
    const dir = await mkdtemp(path.join(tmpdir(), 'gk-report-'));
    try {
      const docx = path.join(dir, 'report.docx');
      await writeFile(docx, res.rawPayload);
      // The docx itself: merged cells (gridSpan / vMerge) and the labels.
      const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
      assert.match(xml, /<w:gridSpan w:val="3"\/>/);
      assert.match(xml, /<w:vMerge w:val="restart"\/>/);
      await run(SOFFICE, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 170_000 });
      const pdf = path.join(dir, 'report.pdf');
      assert.ok(existsSync(pdf), 'LibreOffice wrote the PDF');
      const levels = (level: number) => APPLICATION_ROWS.filter((r) => r.level === level).map((r) => r.label);
      if (existsSync(PDFTOTEXT)) {
        const words = await pdfWords(pdf, path.join(dir, 'report.html'));
        const text = words.map((w) => w.text).join('');
        assertInOrder(text, ['洪江市教育局2025年政府信息公开工作年度报告', SECTION_TITLES[0], SECTION_TITLES[1]], 'PDF title');
        assertInOrder(text, [PROACTIVE_LABELS.art20_1, '信息内容', '本年制发件数', '本年废止件数', '现行有效件数', '规章', '行政规范性文件', PROACTIVE_LABELS.art20_5, '本年处理决定数量', '行政许可', PROACTIVE_LABELS.art20_6, '行政处罚', '行政强制', PROACTIVE_LABELS.art20_8, PROACTIVE_LABELS.feeAmount, '行政事业性收费'], 'PDF table 二');
        assertInOrder(text, [SECTION_TITLES[2], '申请人情况'], 'PDF table 三 header');
        const heads = columnHeaders(words);
        ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].forEach((label, i) => assert.ok(heads[i].endsWith(label), `column ${i + 1} header 「${heads[i]}」 ends with 「${label}」`));
        assert.ok(heads[3].includes('法人或其他组织'), 'the organisation group header spans the five columns (centred over the third)');
        const lanes = labelLanes(words);
        assertInOrder(lanes.a, [BALANCE_NOTE, ...levels(0)], 'PDF table 三: the note, 一, 二, 三, 四');
        assertInOrder(lanes.b, levels(1), 'PDF table 三: （一）–（七）');
        assertInOrder(lanes.c, levels(2), 'PDF table 三: numbered sub-rows');
        assertInOrder(text, [SECTION_TITLES[3], '行政复议', '行政诉讼', '未经复议直接起诉', '复议后起诉', SECTION_TITLES[4], SECTION_TITLES[5]], 'PDF table 四 and the rest');
      } else {
        // Without poppler: the document's own text, in document order.
        const text = xml.replace(/<[^>]+>/g, '');
        assertInOrder(text, [...SECTION_TITLES.slice(0, 3), BALANCE_NOTE, ...DATA_ROW_LABELS.filter((l) => !l.startsWith('三、')), SECTION_TITLES[3]], 'docx text');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the console', () => {
  test('the office sees the years, the report and the records behind a number', async () => {
    const b = await signedIn('office');
    const index = await b.get('/console/reports');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /2025年度/);
    assert.match(index.body, /已发布/);
    const ws = await b.get('/console/reports/2025');
    assert.equal(ws.statusCode, 200);
    assert.match(ws.body, /统计表已于报送时冻结/);
    assert.match(ws.body, /创建更正版本/);
    const link = /href="(\/console\/reports\/2025\/records\?table=applications&amp;row=new&amp;column=total)"/.exec(ws.body);
    assert.ok(link, 'each number links to its records');
    const records = await b.get(link[1].replace(/&amp;/g, '&'));
    assert.equal(records.statusCode, 200);
    assert.match(records.body, /统计依据：表三「一、本年新收政府信息公开申请数量」行「总计」列/);
    const docx = await b.get('/console/reports/2025/report.docx');
    assert.equal(docx.statusCode, 200);
  });

  test('a deliberately inconsistent entry is refused with the cell named; figures need their source', async () => {
    const b = await signedIn('office');
    const refused = await b.submit('/console/reports/2026', '/console/reports/2026/entries', { row: 'disclosed', column: 'person', delta: '1', note: '纸质登记簿' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /补录后表三不平衡，未保存：「（七）总计」行「自然人」列为 \d+，但（一）至（六）各项之和为 \d+/);
    const noSource = await b.submit('/console/reports/2026', '/console/reports/2026/figures', { licensing: '3', penalty: '', coercion: '', fees: '' });
    assert.equal(noSource.statusCode, 400);
    assert.match(noSource.body, /请注明「行政许可本年处理决定数量」的数据来源/);
    assert.match(noSource.body, /value="3"/); // what was typed is shown again
    const ok = await b.submit('/console/reports/2026', '/console/reports/2026/off-platform', { column: 'commercial', count: '2', origin: 'new', result: 'disclosed', note: '纸质申请登记簿' });
    assert.equal(ok.statusCode, 303);
    const page = await b.get(String(ok.headers.location));
    assert.match(page.body, /补录数据已保存，表三仍然平衡/);
    // the year is not over: submission is refused
    const submit = await b.submit('/console/reports/2026', '/console/reports/2026/submit', {});
    assert.equal(submit.statusCode, 409);
    assert.match(submit.body, /2026年尚未结束/);
  });

  test('a clerk may not open the report; the supervisor sees the overview and exports the consolidated tables', async () => {
    const clerk = await signedIn('clerk');
    assert.equal((await clerk.get('/console/reports/2025')).statusCode, 403);
    const sup = await signedIn('supervisor');
    const o = await sup.get('/console/reports/supervision?year=2025');
    assert.equal(o.statusCode, 200);
    assert.match(o.body, /洪江市教育局/);
    assert.match(o.body, /没有逾期未公布的机关/);
    assert.match(o.body, /汇总范围（已审核通过或已发布的报告）：洪江市教育局/);
    const child = await sup.get('/console/reports/2025?agency=hjjyj');
    assert.equal(child.statusCode, 200);
    assert.doesNotMatch(child.body, /保存正文/);
    const x = await sup.get('/console/reports/supervision/2025/consolidated.xlsx');
    assert.equal(x.statusCode, 200);
    assert.match(String(x.headers['content-type']), /spreadsheetml/);
    const officeTries = await (await signedIn('office')).get('/console/reports/supervision');
    assert.equal(officeTries.statusCode, 403);
  });
});
