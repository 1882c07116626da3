// The tables of the annual report (sections 二, 三, 四) as an .xlsx workbook, one sheet per table,
// laid out like the national format (merged header cells, exact labels), for offices and
// supervisors who add up or compare figures in a spreadsheet.
import ExcelJS from 'exceljs';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  BALANCE_NOTE,
  REVIEW_LITIGATION_COLUMNS,
  SECTION_TITLES,
} from '../domain/annual-report.ts';
import type { ReportDocumentModel } from '../services/annual-report.service.ts';

const FONT = { name: '宋体', size: 10.5 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };

type Sheet = ExcelJS.Worksheet;

/** Writes `value` into the range (1-based rows/columns), merged when larger than one cell, framed. */
function put(ws: Sheet, r1: number, c1: number, r2: number, c2: number, value: string | number, opts: { header?: boolean; left?: boolean } = {}): void {
  if (r1 !== r2 || c1 !== c2) ws.mergeCells(r1, c1, r2, c2);
  const cell = ws.getCell(r1, c1);
  cell.value = value;
  cell.font = { ...FONT, bold: opts.header === true };
  cell.alignment = { vertical: 'middle', horizontal: opts.left ? 'left' : 'center', wrapText: true };
  if (opts.header) cell.fill = HEADER_FILL;
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) ws.getCell(r, c).border = BORDER;
}

function titleRows(ws: Sheet, model: ReportDocumentModel, section: string, width: number): number {
  put(ws, 1, 1, 1, width, model.title, { header: false });
  ws.getCell(1, 1).font = { ...FONT, size: 14, bold: true };
  for (let c = 1; c <= width; c++) ws.getCell(1, c).border = {};
  put(ws, 2, 1, 2, width, section, { left: true });
  ws.getCell(2, 1).font = { ...FONT, bold: true };
  for (let c = 1; c <= width; c++) ws.getCell(2, c).border = {};
  return 3;
}

function proactiveSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const ws = wb.addWorksheet('二、主动公开');
  ws.columns = [{ width: 22 }, { width: 18 }, { width: 18 }, { width: 18 }];
  let r = titleRows(ws, model, SECTION_TITLES[1], 4);
  for (const s of model.tables!.proactive.sections) {
    put(ws, r, 1, r, 4, s.heading, { header: true });
    r++;
    if (s.columns.length === 4) {
      s.columns.forEach((c, i) => put(ws, r, i + 1, r, i + 1, c, { header: true }));
      r++;
      for (const row of s.rows) {
        put(ws, r, 1, r, 1, row.label);
        row.values.forEach((v, i) => put(ws, r, i + 2, r, i + 2, v));
        r++;
      }
    } else {
      put(ws, r, 1, r, 1, s.columns[0], { header: true });
      put(ws, r, 2, r, 4, s.columns[1], { header: true });
      r++;
      for (const row of s.rows) {
        put(ws, r, 1, r, 1, row.label);
        put(ws, r, 2, r, 4, row.values[0]);
        r++;
      }
    }
  }
}

function applicationSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const ws = wb.addWorksheet('三、依申请公开');
  ws.columns = [{ width: 8 }, { width: 14 }, { width: 40 }, ...APPLICANT_COLUMNS.map(() => ({ width: 10 }))];
  const top = titleRows(ws, model, SECTION_TITLES[2], 10);
  put(ws, top, 1, top + 2, 3, BALANCE_NOTE, { header: true });
  put(ws, top, 4, top, 10, '申请人情况', { header: true });
  put(ws, top + 1, 4, top + 2, 4, APPLICANT_COLUMNS[0].label, { header: true });
  put(ws, top + 1, 5, top + 1, 9, '法人或其他组织', { header: true });
  put(ws, top + 1, 10, top + 2, 10, APPLICANT_COLUMNS[6].label, { header: true });
  APPLICANT_COLUMNS.slice(1, 6).forEach((c, i) => put(ws, top + 2, 5 + i, top + 2, 5 + i, c.label, { header: true }));
  ws.getRow(top + 2).height = 30;

  const values = new Map(model.tables!.applications.rows.map((row) => [row.key, row.values]));
  const leaves = APPLICATION_ROWS.filter((d) => d.leaf);
  const resultRows = leaves.filter((d) => d.parent !== undefined).length;
  let r = top + 3;
  let resultStart = -1;
  for (const def of leaves) {
    if (def.parent === undefined) {
      put(ws, r, 1, r, 3, def.label, { left: true });
    } else {
      if (resultStart < 0) {
        resultStart = r;
        put(ws, r, 1, r + resultRows - 1, 1, '三、本年度办理结果');
      }
      if (def.level === 1) put(ws, r, 2, r, 3, def.label, { left: true });
      else {
        const siblings = APPLICATION_ROWS.filter((x) => x.parent === def.parent);
        if (siblings[0].key === def.key) put(ws, r, 2, r + siblings.length - 1, 2, APPLICATION_ROWS.find((x) => x.key === def.parent)!.label);
        put(ws, r, 3, r, 3, def.label, { left: true });
      }
    }
    values.get(def.key)!.forEach((v, i) => put(ws, r, 4 + i, r, 4 + i, v));
    r++;
  }
}

function reviewSheet(wb: ExcelJS.Workbook, model: ReportDocumentModel): void {
  const ws = wb.addWorksheet('四、复议诉讼');
  ws.columns = REVIEW_LITIGATION_COLUMNS.map(() => ({ width: 9 }));
  const top = titleRows(ws, model, SECTION_TITLES[3], 15);
  put(ws, top, 1, top, 5, '行政复议', { header: true });
  put(ws, top, 6, top, 15, '行政诉讼', { header: true });
  REVIEW_LITIGATION_COLUMNS.slice(0, 5).forEach((c, i) => put(ws, top + 1, 1 + i, top + 2, 1 + i, c.label, { header: true }));
  put(ws, top + 1, 6, top + 1, 10, '未经复议直接起诉', { header: true });
  put(ws, top + 1, 11, top + 1, 15, '复议后起诉', { header: true });
  REVIEW_LITIGATION_COLUMNS.slice(5).forEach((c, i) => put(ws, top + 2, 6 + i, top + 2, 6 + i, c.label, { header: true }));
  model.tables!.reviewLitigation.values.forEach((v, i) => put(ws, top + 3, 1 + i, top + 3, 1 + i, v));
}

/** The three tables as .xlsx. Throws for archived reports, which have no tables. */
export async function reportXlsx(model: ReportDocumentModel): Promise<Buffer> {
  if (model.tables === null) throw new Error('archived reports have no tables');
  const wb = new ExcelJS.Workbook();
  wb.creator = model.agencyName;
  wb.title = model.title;
  proactiveSheet(wb, model);
  applicationSheet(wb, model);
  reviewSheet(wb, model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
