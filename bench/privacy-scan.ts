// Personal-data scan throughput (issue 8): pages of text per second through scanText(), on policy
// text (few findings) and on 公示 list pages (a finding in most lines), beside a baseline measured in
// the same run — one regular-expression pass for digit runs over the same text, the least any
// scanner has to do. Then the time to scan a generated 100-page PDF attachment end to end (text
// extraction per page + scan), and to mask and verify a 200-row XLSX list.
//
//   node --import tsx bench/privacy-scan.ts [--pages=2000] [--runs=5]
//
// The PDF is written by a minimal writer below (Type0 font, Identity-H, a ToUnicode map; no font
// program is embedded: extraction needs none), so the benchmark needs no PDF library.
import ExcelJS from 'exceljs';
import { scanText } from '../src/domain/privacy-scan.ts';
import { residentIdCheckChar } from '../src/domain/identity.ts';
import { attachmentText } from '../src/services/privacy-files.ts';
import { maskAndVerify } from '../src/services/masking.service.ts';
import { benchArgs, median, prng, timeAsync, timeIt } from './_support.ts';

const args = benchArgs();
const PAGES = Number(args.get('pages') ?? 2000);
const RUNS = Number(args.get('runs') ?? 5);
const LINES_PER_PAGE = 40;

const rand = prng(20260310);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const num = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '子雨欣梓浩宇轩涵晨思佳俊杰文博嘉怡一诺可馨铭睿婷泽航雅琪明辰瑶奕阳乐安';
const TOWNS = ['黔城镇', '安江镇', '托口镇', '沅河镇', '江市镇', '岔头乡', '雪峰镇', '塘湾镇'];
const POLICY = [
  '为进一步规范义务教育招生入学工作，根据上级有关文件精神，结合我市实际，现将有关事项通知如下。',
  '各乡镇中心学校、市直各学校要高度重视，精心组织，确保各项工作落到实处，不得以任何形式举行入学考试。',
  '学费、住宿费按照物价部门核定的标准收取，严禁擅自提高收费标准或增加收费项目，收费标准为每生每学期1200元。',
  '请各单位于2026年3月20日前将有关情况报送市教育局基础教育股，文号洪教发〔2026〕12号。',
  '本通知自发布之日起施行，由市教育局负责解释。咨询电话：0745-7623456。',
  '全市共有中小学41所，在校学生34222人，教职工2998人，其中专任教师2756人。',
];

function residentId(): string {
  const first17 = `431281${num(1995, 2015)}${String(num(1, 12)).padStart(2, '0')}${String(num(1, 28)).padStart(2, '0')}${String(num(0, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}
const mobile = () => `1${pick(['38', '39', '58', '86', '77'])}${String(num(0, 99_999_999)).padStart(8, '0')}`;
const person = () => pick(Array.from(SURNAMES)) + pick(Array.from(GIVEN)) + (rand() < 0.5 ? pick(Array.from(GIVEN)) : '');

function policyPage(): string {
  return Array.from({ length: LINES_PER_PAGE }, () => pick(POLICY).slice(0, 38)).join('\n');
}

function listPage(start: number): string {
  return Array.from({ length: LINES_PER_PAGE }, (_, i) =>
    `${start + i} ${person()} ${pick(TOWNS)}中心小学 ${residentId()} ${rand() < 0.6 ? mobile() : ''} 生活补助 625元`).join('\n');
}

// ---- text throughput ----

const corpora = {
  'policy text': Array.from({ length: PAGES }, policyPage),
  '公示 list pages': Array.from({ length: PAGES }, (_, i) => listPage(i * LINES_PER_PAGE + 1)),
};

console.log(`scanText over ${PAGES} pages of ${LINES_PER_PAGE} lines (≈${corpora['policy text'][0].length} characters a page), median of ${RUNS} runs`);
for (const [name, pages] of Object.entries(corpora)) {
  let findings = 0;
  let digitRuns = 0;
  const scan: number[] = [];
  const base: number[] = [];
  for (let r = 0; r < RUNS + 1; r++) {
    const b = timeIt(() => { digitRuns = 0; for (const p of pages) digitRuns += (p.match(/\d{10,19}/g) ?? []).length; });
    const s = timeIt(() => { findings = 0; for (const [i, p] of pages.entries()) findings += scanText(p, { part: 'bench', page: i + 1 }).length; });
    if (r > 0) { base.push(b); scan.push(s); } // the first run warms up
  }
  const ms = median(scan);
  const baseMs = median(base);
  console.log(`  ${name.padEnd(16)} ${(PAGES / (ms / 1000)).toFixed(0).padStart(8)} pages/s  (${(ms / PAGES * 1000).toFixed(0)} µs a page, ${findings} findings)`
    + `   baseline digit-run regex: ${(PAGES / (baseMs / 1000)).toFixed(0)} pages/s (${digitRuns} runs) → scanText costs ${(ms / baseMs).toFixed(1)}× the baseline`);
}

// ---- a 100-page PDF attachment ----

function minimalCjkPdf(pages: string[]): Buffer {
  const objs: string[] = [];
  const add = (s: string) => { objs.push(s); return objs.length; };
  const hex = (s: string) => Array.from(s).map((c) => (c.codePointAt(0)! > 0xffff ? 0x3f : c.codePointAt(0)!).toString(16).padStart(4, '0')).join('');
  // CIDs are the Unicode code points; the ToUnicode map says so, 256 code points per range.
  const ranges = Array.from({ length: 256 }, (_, i) => { const x = i.toString(16).padStart(2, '0'); return `<${x}00> <${x}ff> <${x}00>`; });
  const cmap = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def '
    + '/CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange '
    + `100 beginbfrange ${ranges.slice(0, 100).join('\n')} endbfrange 100 beginbfrange ${ranges.slice(100, 200).join('\n')} endbfrange `
    + `56 beginbfrange ${ranges.slice(200).join('\n')} endbfrange endcmap CMapName currentdict /CMap defineresource pop end end`;
  const catalog = add('');
  const pagesObj = add('');
  const toUnicode = add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`);
  const descriptor = add('<< /Type /FontDescriptor /FontName /BenchCJK /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>');
  const descendant = add(`<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BenchCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`);
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /BenchCJK /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${toUnicode} 0 R >>`);
  const kids: number[] = [];
  for (const page of pages) {
    const content = `BT /F1 10 Tf 14 TL 40 800 Td ${page.split('\n').map((l) => `<${hex(l)}> Tj T*`).join(' ')} ET`;
    const c = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`));
  }
  objs[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objs[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.7\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(Buffer.byteLength(out, 'latin1')); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const pdfPages = Array.from({ length: 100 }, (_, i) => (i % 4 === 3 ? listPage(i * LINES_PER_PAGE + 1) : policyPage()));
const pdf = minimalCjkPdf(pdfPages);
const expected = pdfPages.reduce((n, p, i) => n + scanText(p, { part: 'x', page: i + 1 }).length, 0);
let found = 0;
let pagesRead = 0;
const total: number[] = [];
for (let r = 0; r < RUNS + 1; r++) {
  const ms = await timeAsync(async () => {
    const text = await attachmentText(pdf, 'pdf', 'bench.pdf');
    pagesRead = text.parts.length;
    found = text.parts.reduce((n, p) => n + scanText(p.text, p.location).length, 0);
  });
  if (r > 0) total.push(ms);
}
const scanOnly = median(Array.from({ length: RUNS }, () => timeIt(() => { for (const [i, p] of pdfPages.entries()) scanText(p, { part: 'x', page: i + 1 }); })));
console.log(`\n100-page PDF attachment (${(pdf.length / 1024).toFixed(0)} KB, ${pagesRead} pages with text): ${median(total).toFixed(0)} ms to extract and scan (median of ${RUNS}),`
  + ` of which scanning the text ${scanOnly.toFixed(1)} ms; ${found} findings (${expected} in the generated text)`);
if (found !== expected || pagesRead !== 100) {
  console.error('the PDF did not read back as written');
  process.exit(1);
}

// ---- masking a 200-row XLSX list ----

const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('名单');
ws.addRow(['序号', '姓名', '身份证号码', '联系电话', '岗位']);
for (let i = 1; i <= 200; i++) ws.addRow([i, person(), residentId(), mobile(), '小学教师']);
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
let masked = 0;
const maskMs: number[] = [];
for (let r = 0; r < RUNS + 1; r++) {
  const ms = await timeAsync(async () => { masked = (await maskAndVerify('xlsx', xlsx)).maskedCells; });
  if (r > 0) maskMs.push(ms);
}
console.log(`200-row XLSX list: masked copy and cell-by-cell verification in ${median(maskMs).toFixed(0)} ms (${masked} cells masked)`);
