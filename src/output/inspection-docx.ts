// The monthly inspection report as a Word document in the style of the circulars offices receive
// (关于××年×月政府网站检查情况的通报): 小标宋 title, 黑体 section headings, 仿宋 body at 三号 with a
// fixed 28-point line, the table of agencies as an attachment, issuer and date at the end. Offices
// edit, print and stamp it; Word and WPS substitute the fonts where they are missing.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import type { MonthlyReportModel } from '../services/inspection.service.ts';
import { A4_PORTRAIT, BODY_FONT, EXACT_28PT, HEADING_FONT, TITLE_FONT, fixedTable, tableCell } from './official-docx.ts';

const SIZE = { title: 44, heading: 32, body: 32, table: 21 }; // half-points: 二号, 三号, 三号, 五号

const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function body(text: string, opts: { indent?: boolean; align?: 'right' } = {}): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text, font: BODY_FONT, size: SIZE.body })],
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: EXACT_28PT,
    alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
  });
}

function heading(text: string): Paragraph {
  return new Paragraph({ children: [new TextRun({ text, font: HEADING_FONT, size: SIZE.heading })], indent: { firstLine: 640 }, spacing: EXACT_28PT, keepNext: true });
}

function cell(text: string, width: number, header = false): TableCell {
  return tableCell({ text, width, header }, SIZE.table);
}

function agencyTable(model: MonthlyReportModel): Table {
  const widths = [700, 2600, 1300, 1100, 900, 1544, 700];
  const head = ['序号', '单位', '检查日期', '预计结果', '得分', '单项否决事项', '问题数'];
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell(h, widths[i], true)) }),
    ...model.agencies.map((a, n) => new TableRow({
      cantSplit: true,
      children: [String(n + 1), a.name, a.runOn ?? '—', a.result, a.score, a.vetoes.join('、') || '无', String(a.findings)].map((t, i) => cell(t, widths[i])),
    })),
  ];
  return fixedTable(widths, rows);
}

function formatMonth(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

function formatDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** The report as .docx. */
export async function inspectionReportDocx(model: MonthlyReportModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360, line: 700, lineRule: LineRuleType.EXACT }, children: [new TextRun({ text: model.title, font: TITLE_FONT, size: SIZE.title })] }),
  ];
  const checked = model.agencies.filter((a) => a.runOn !== null);
  const passed = checked.filter((a) => a.result === '合格').length;
  let section = 0;
  const next = (title: string) => heading(`${CN_NUMBERS[section++]}、${title}`);

  children.push(next('总体情况'));
  if (model.scope === 'supervised') {
    children.push(body(`按照《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），政府信息公开平台每日对各单位政府网站进行自动检查。${formatMonth(model.month)}共检查政府网站${checked.length}个，预计合格${passed}个、不合格${checked.length - passed}个${model.agencies.length > checked.length ? `，另有${model.agencies.length - checked.length}个本月未检查` : ''}。各单位检查结果见附件。`));
  } else {
    const a = model.agencies[0];
    children.push(body(a.runOn
      ? `按照《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号），本单位${formatMonth(model.month)}政府网站自查以${formatDay(a.runOn)}的检查结果为准：预计${a.result}，得分${a.score}分，发现问题${a.findings}个${a.vetoes.length ? `，其中涉及单项否决指标：${a.vetoes.join('、')}` : ''}。`
      : `${formatMonth(model.month)}未进行网站自查。`));
  }

  children.push(next('发现的主要问题'));
  if (model.problems.length === 0) children.push(body('本月检查未发现问题。'));
  model.problems.forEach((p, i) => {
    children.push(body(`（${CN_NUMBERS[i] ?? String(i + 1)}）${p.indicator}（${p.severity}），共${p.count}处。${p.examples.length ? `如：${p.examples.join('；')}${p.count > p.examples.length ? '等' : ''}。` : ''}`));
  });

  if (model.scope === 'supervised') {
    children.push(next('预计不合格的网站'));
    children.push(body(model.failedNames.length ? `${model.failedNames.join('、')}。` : '无。'));
  }

  children.push(next('工作要求'));
  children.push(body(model.scope === 'supervised'
    ? '请各单位对照问题清单逐项整改：涉及单项否决指标的问题立即整改；栏目更新、政策解读、留言答复等问题建立台账、限期整改，并举一反三，健全信息发布审核和日常巡查制度。整改情况请在平台上完成，平台次日自动复查。'
    : '对照问题清单逐项整改，涉及单项否决指标的问题立即整改，其余问题限期整改；健全信息发布审核和日常巡查制度，整改情况由平台次日自动复查。'));

  children.push(next('说明'));
  for (const n of model.notes) children.push(body(n));

  children.push(new Paragraph({ children: [], spacing: { after: 240 } }));
  children.push(body(model.issuer, { indent: false, align: 'right' }));
  children.push(body(formatDay(model.generatedOn), { indent: false, align: 'right' }));

  if (model.scope === 'supervised' || model.agencies.length > 1) {
    children.push(new Paragraph({ pageBreakBefore: true, children: [new TextRun({ text: '附件', font: HEADING_FONT, size: SIZE.heading })] }));
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 }, children: [new TextRun({ text: `${formatMonth(model.month)}各单位政府网站检查情况`, font: TITLE_FONT, size: 36 })] }));
    children.push(agencyTable(model));
  }

  const doc = new Document({
    creator: model.issuer,
    title: model.title,
    description: model.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body } } } },
    sections: [{ properties: A4_PORTRAIT, children }],
  });
  return Packer.toBuffer(doc);
}
