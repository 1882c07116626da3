// The annual report as a Word document in the national format (国办公开办函〔2021〕30号): the six
// section headings, the prose, and the tables of sections 二, 三 and 四 with their merged header
// cells and exact labels. Offices edit, print and stamp it, so it uses the fonts Chinese government
// documents use (仿宋 body, 黑体 headings, 小标宋 title), which Word and WPS substitute where missing.
import { AlignmentType, Document, LineRuleType, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  BALANCE_NOTE,
  REVIEW_LITIGATION_COLUMNS,
  SECTION_TITLES,
  type ApplicationTable,
  type ProactiveTable,
  type ReviewLitigationTable,
} from '../domain/annual-report.ts';
import type { ReportDocumentModel } from '../services/annual-report.service.ts';
import { A4_PORTRAIT, BODY_FONT, EXACT_28PT, HEADING_FONT, TEXT_WIDTH, TITLE_FONT, fixedTable, tableCell, type CellSpec } from './official-docx.ts';

const HALF_POINTS = { title: 44, heading: 32, body: 32, table: 20 }; // 二号, 三号, 三号, 五号 (10.5pt ≈ 20)

function bodyParagraphs(text: string): Paragraph[] {
  const paras = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (paras.length === 0) return [new Paragraph({ children: [new TextRun({ text: '无。', font: BODY_FONT, size: HALF_POINTS.body })], indent: { firstLine: 640 } })];
  return paras.map((p) => new Paragraph({
    children: [new TextRun({ text: p, font: BODY_FONT, size: HALF_POINTS.body })],
    indent: { firstLine: 640 }, // two characters of 16 pt
    spacing: EXACT_28PT,
    alignment: AlignmentType.JUSTIFIED,
  }));
}

function heading(title: string): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: title, font: HEADING_FONT, size: HALF_POINTS.heading })],
    indent: { firstLine: 640 },
    spacing: { before: 240, after: 120 },
    keepNext: true,
  });
}

function cell(spec: CellSpec): TableCell {
  return tableCell(spec, HALF_POINTS.table);
}

const span = (widths: number[], from: number, n: number): number => widths.slice(from, from + n).reduce((a, b) => a + b, 0);

export function formatFigure(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10_000) / 10_000);
}

// ---------------------------------------------------------------------------------------------
// Section 二

function proactiveTable(t: Pick<ProactiveTable, 'sections'>): Table {
  const w = [TEXT_WIDTH - 3 * 2100, 2100, 2100, 2100];
  const rows: TableRow[] = [];
  for (const s of t.sections) {
    rows.push(new TableRow({ cantSplit: true, keepNext: true, children: [cell({ text: s.heading, cols: 4, header: true, width: span(w, 0, 4) })] }));
    if (s.columns.length === 4) {
      rows.push(new TableRow({ cantSplit: true, keepNext: true, children: s.columns.map((c, i) => cell({ text: c, header: true, width: w[i] })) }));
      for (const r of s.rows) rows.push(new TableRow({ cantSplit: true, children: [cell({ text: r.label, width: w[0] }), ...r.values.map((v, i) => cell({ text: formatFigure(v), width: w[i + 1] }))] }));
    } else {
      rows.push(new TableRow({ cantSplit: true, keepNext: true, children: [cell({ text: s.columns[0], header: true, width: w[0] }), cell({ text: s.columns[1], cols: 3, header: true, width: span(w, 1, 3) })] }));
      for (const r of s.rows) rows.push(new TableRow({ cantSplit: true, children: [cell({ text: r.label, width: w[0] }), cell({ text: formatFigure(r.values[0]), cols: 3, width: span(w, 1, 3) })] }));
    }
  }
  return fixedTable(w, rows);
}

// ---------------------------------------------------------------------------------------------
// Section 三: the label area is three columns wide — 三 (merged down its 22 result rows), the
// group （三）–（六） (merged down its sub-rows), and the sub-row — then the seven applicant columns.

function applicationTable(t: Pick<ApplicationTable, 'rows'>): Table {
  const valueWidth = 700;
  const w = [620, 1200, TEXT_WIDTH - 620 - 1200 - 7 * valueWidth, ...Array<number>(7).fill(valueWidth)];
  const labelWidth = span(w, 0, 3);
  const values = new Map(t.rows.map((r) => [r.key, r.values]));
  const valueCells = (key: string) => values.get(key as never)!.map((v, i) => cell({ text: String(v), width: w[3 + i] }));
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true, cantSplit: true, keepNext: true,
      children: [cell({ text: BALANCE_NOTE, cols: 3, rows: 3, header: true, width: labelWidth }), cell({ text: '申请人情况', cols: 7, header: true, width: span(w, 3, 7) })],
    }),
    new TableRow({
      tableHeader: true, cantSplit: true, keepNext: true,
      children: [
        cell({ text: APPLICANT_COLUMNS[0].label, rows: 2, header: true, width: w[3] }),
        cell({ text: '法人或其他组织', cols: 5, header: true, width: span(w, 4, 5) }),
        cell({ text: APPLICANT_COLUMNS[6].label, rows: 2, header: true, width: w[9] }),
      ],
    }),
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: APPLICANT_COLUMNS.slice(1, 6).map((c, i) => cell({ text: c.label, header: true, width: w[4 + i] })) }),
  ];
  const resultRows = APPLICATION_ROWS.filter((r) => r.parent !== undefined && r.leaf).length; // 22
  let firstResult = true;
  for (const def of APPLICATION_ROWS) {
    if (!def.leaf) continue; // header rows print no numbers: they are merged label cells
    const children: TableCell[] = [];
    if (def.parent === undefined) {
      children.push(cell({ text: def.label, cols: 3, align: 'left', width: labelWidth }));
    } else {
      if (firstResult) {
        children.push(cell({ text: '三、本年度办理结果', rows: resultRows, width: w[0] }));
        firstResult = false;
      }
      if (def.level === 1) {
        children.push(cell({ text: def.label, cols: 2, align: 'left', width: span(w, 1, 2) }));
      } else {
        const siblings = APPLICATION_ROWS.filter((r) => r.parent === def.parent);
        if (siblings[0].key === def.key) {
          const group = APPLICATION_ROWS.find((r) => r.key === def.parent)!;
          children.push(cell({ text: group.label, rows: siblings.length, width: w[1] }));
        }
        children.push(cell({ text: def.label, align: 'left', width: w[2] }));
      }
    }
    children.push(...valueCells(def.key));
    rows.push(new TableRow({ cantSplit: true, children }));
  }
  return fixedTable(w, rows);
}

// ---------------------------------------------------------------------------------------------
// Section 四: 行政复议 (5) | 行政诉讼: 未经复议直接起诉 (5), 复议后起诉 (5)

function reviewTable(t: Pick<ReviewLitigationTable, 'values'>): Table {
  const w = Array<number>(15).fill(Math.floor(TEXT_WIDTH / 15));
  const labels = REVIEW_LITIGATION_COLUMNS;
  const rows = [
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: [cell({ text: '行政复议', cols: 5, header: true, width: span(w, 0, 5) }), cell({ text: '行政诉讼', cols: 10, header: true, width: span(w, 5, 10) })] }),
    new TableRow({
      tableHeader: true, cantSplit: true, keepNext: true,
      children: [
        ...labels.slice(0, 5).map((c, i) => cell({ text: c.label, rows: 2, header: true, width: w[i] })),
        cell({ text: '未经复议直接起诉', cols: 5, header: true, width: span(w, 5, 5) }),
        cell({ text: '复议后起诉', cols: 5, header: true, width: span(w, 10, 5) }),
      ],
    }),
    new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: labels.slice(5).map((c, i) => cell({ text: c.label, header: true, width: w[5 + i] })) }),
    new TableRow({ cantSplit: true, children: t.values.map((v, i) => cell({ text: String(v), width: w[i] })) }),
  ];
  return fixedTable(w, rows);
}

// ---------------------------------------------------------------------------------------------

function title(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 360, line: 700, lineRule: LineRuleType.EXACT },
    children: [new TextRun({ text, font: TITLE_FONT, size: HALF_POINTS.title })],
  });
}

function note(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text, font: BODY_FONT, size: 24 })] });
}

/** The report as .docx. Archived reports (free text, before the format) are their text under the title. */
export async function reportDocx(model: ReportDocumentModel): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [title(model.title)];
  if (model.correctionNote) children.push(note(`（第${model.version}版。更正说明：${model.correctionNote}）`));
  if (model.kind === 'archived' || model.tables === null) {
    const meta = [model.publishedOn ? `发布日期：${model.publishedOn}` : '', model.archiveSource ? `来源：${model.archiveSource}` : ''].filter(Boolean);
    if (meta.length) children.push(note(meta.join('　')));
    children.push(...bodyParagraphs(model.archiveText));
  } else {
    const gap = () => new Paragraph({ children: [], spacing: { after: 120 } });
    children.push(heading(SECTION_TITLES[0]), ...bodyParagraphs(model.overview));
    children.push(heading(SECTION_TITLES[1]), proactiveTable(model.tables.proactive), gap());
    children.push(heading(SECTION_TITLES[2]), applicationTable(model.tables.applications), gap());
    children.push(heading(SECTION_TITLES[3]), reviewTable(model.tables.reviewLitigation), gap());
    children.push(heading(SECTION_TITLES[4]), ...bodyParagraphs(model.problems));
    children.push(heading(SECTION_TITLES[5]), ...bodyParagraphs(model.otherMatters));
  }
  const doc = new Document({
    creator: model.agencyName,
    title: model.title,
    description: `${model.agencyName}${model.year}年政府信息公开工作年度报告`,
    styles: { default: { document: { run: { font: BODY_FONT, size: HALF_POINTS.body } } } },
    sections: [{ properties: A4_PORTRAIT, children }],
  });
  return Packer.toBuffer(doc);
}
