// The page and type of Chinese official documents (GB/T 9704) that the .docx outputs share: the annual
// report and the monthly inspection circular are both edited, printed and stamped by offices, so
// they use the fonts such documents use (仿宋 body, 黑体 headings, 小标宋 title, 宋体 tables), which
// Word and WPS substitute where missing, and the same ruled tables.
import {
  AlignmentType, BorderStyle, LineRuleType, PageOrientation, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlignTable, WidthType, type ITableCellBorders,
} from 'docx';

export const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋_GB2312' };
export const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
export const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '方正小标宋简体' };
export const TABLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };

// A4 portrait, margins of GB/T 9704: 37 mm top, 28 mm left, 26 mm right (twips).
export const PAGE = { width: 11906, height: 16838 };
export const MARGIN = { top: 2098, bottom: 1984, left: 1588, right: 1474 };
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 8844 twips

/** The section properties of a portrait A4 official document. */
export const A4_PORTRAIT = { page: { size: { ...PAGE, orientation: PageOrientation.PORTRAIT }, margin: MARGIN } };

/** 28 pt exact line spacing, as official documents are set. */
export const EXACT_28PT = { line: 560, lineRule: LineRuleType.EXACT };

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS: ITableCellBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE };
const HEADER_FILL = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' };

export interface CellSpec {
  text: string;
  /** Twips. */
  width: number;
  cols?: number;
  rows?: number;
  header?: boolean;
  align?: 'left' | 'center';
}

/** A ruled table cell in 宋体 of `size` half-points; header cells bold on grey. */
export function tableCell(spec: CellSpec, size: number): TableCell {
  return new TableCell({
    children: [new Paragraph({
      alignment: spec.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      children: [new TextRun({ text: spec.text, font: TABLE_FONT, size, bold: spec.header === true })],
    })],
    columnSpan: spec.cols,
    rowSpan: spec.rows,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: spec.width, type: WidthType.DXA },
    borders: BORDERS,
    shading: spec.header ? HEADER_FILL : undefined,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
  });
}

/** A centred table of fixed column widths (twips). */
export function fixedTable(columnWidths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows,
  });
}
