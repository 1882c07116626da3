// Plain text out of an attachment, for the search index and for the personal-data scanner that
// checks a document before it is published. The scanner reports where it found something, so the
// structure that locates a finding is kept: PDF text per page ("第3页"), spreadsheet and DOCX table
// cells by row and column ("表1 第2行第3列", "Sheet1 第5行第2列").
//
// `checkable: false` means the file's text could not be read (an image, a scanned PDF without a
// text layer, an old binary Office format, OFD, a damaged file): a person has to look at it.
import { decodeText, parseCsv } from '../lib/csv.ts';
import ExcelJS from 'exceljs';
import { openZipWithinLimit } from '../lib/zip-guard.ts';

export interface ExtractedText {
  /** All text, in reading order: pages, paragraphs, table rows (cells separated by tabs). */
  text: string;
  /** PDF: the text of each page (index 0 is page 1). */
  pages?: string[];
  /**
   * XLSX and CSV: each worksheet's rows of cell texts. DOCX: each table, named 表1, 表2 … in
   * document order. rows[r][c] is row r + 1, column c + 1.
   */
  sheets?: { name: string; rows: string[][] }[];
  checkable: boolean;
  /** Why the text could not be read, when the file is damaged or not what its type says. */
  error?: string;
}

export const MIME = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  text: 'text/plain',
} as const;

const UNREADABLE: ExtractedText = { text: '', checkable: false };

export async function extractText(buffer: Buffer, mime: string): Promise<ExtractedText> {
  const type = mime.split(';')[0].trim().toLowerCase();
  try {
    switch (type) {
      case MIME.pdf: return await fromPdf(buffer);
      case MIME.docx: return await fromDocx(buffer);
      case MIME.xlsx: return await fromXlsx(buffer);
      case MIME.csv:
      case 'application/csv': return fromCsv(buffer);
      case MIME.text: return { text: decodeText(buffer), checkable: true };
      default: return UNREADABLE; // images, OFD, .doc/.xls: no text we can read
    }
  } catch (e) {
    return { ...UNREADABLE, error: `无法读取文件内容：${(e as Error).message}` };
  }
}

// ---- PDF ----

async function fromPdf(buffer: Buffer): Promise<ExtractedText> {
  const { getDocumentProxy, extractText: pdfText } = await import('unpdf');
  // A copy: PDF.js transfers (detaches) the array it is given.
  const pdf = await getDocumentProxy(new Uint8Array(buffer), { isEvalSupported: false, verbosity: 0, useSystemFonts: false });
  try {
    const { text } = await pdfText(pdf, { mergePages: false });
    const pages = text.map((p) => p.replace(/[ \t]+\n/g, '\n').trim());
    // A scan without a text layer has pages but no text: nothing to check automatically.
    return { text: pages.join('\n\n'), pages, checkable: pages.some((p) => p !== '') };
  } finally {
    await pdf.destroy();
  }
}

// ---- DOCX ----

async function fromDocx(buffer: Buffer): Promise<ExtractedText> {
  const zip = await openZipWithinLimit(buffer);
  const main = zip.file('word/document.xml');
  if (!main) throw new Error('不是有效的 DOCX 文件（缺少 word/document.xml）');
  const body = parseWordXml(await main.async('string'));
  // Headers, footers and notes can carry names and phone numbers too.
  const extra: string[] = [];
  const parts = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$|^word\/(footnotes|endnotes)\.xml$/.test(n)).sort();
  for (const name of parts) {
    const part = parseWordXml(await zip.file(name)!.async('string'));
    if (part.text) extra.push(part.text);
  }
  const sheets = body.tables.map((rows, i) => ({ name: `表${i + 1}`, rows }));
  return { text: [body.text, ...extra].filter(Boolean).join('\n'), sheets, checkable: true };
}

interface WordText {
  text: string;
  tables: string[][][];
}

/**
 * Paragraph text of a WordprocessingML part. Top-level tables become row/cell arrays; a table
 * nested in a cell is part of that cell's text. Deleted revisions (w:delText) and field codes
 * (w:instrText) are not text the reader sees, and are skipped.
 */
export function parseWordXml(xml: string): WordText {
  const lines: string[] = [];
  const tables: string[][][] = [];
  let paragraph = '';
  let inText = false;
  let tableDepth = 0;
  let row: string[] = [];
  let cell: string[] = [];
  let table: string[][] = [];

  const endParagraph = () => {
    if (tableDepth > 0) cell.push(paragraph);
    else lines.push(paragraph);
    paragraph = '';
  };

  const re = /<(\/?)([A-Za-z0-9_:.-]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[5] !== undefined) {
      if (inText) paragraph += decodeEntities(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    const name = m[2];
    switch (name) {
      case 'w:t':
        inText = !closing && !selfClosing;
        break;
      case 'w:tab':
        if (!closing) paragraph += '\t';
        break;
      case 'w:br':
      case 'w:cr':
        if (!closing) paragraph += '\n';
        break;
      case 'w:noBreakHyphen':
        if (!closing) paragraph += '-';
        break;
      case 'w:p':
        if (closing || selfClosing) endParagraph();
        break;
      case 'w:tbl':
        if (!closing && !selfClosing) {
          tableDepth++;
          if (tableDepth === 1) table = [];
        } else if (closing) {
          tableDepth--;
          if (tableDepth === 0) {
            tables.push(table);
            // Rows read as lines of tab-separated cells, where the table stands among the paragraphs.
            for (const r of table) lines.push(r.join('\t'));
          }
        }
        break;
      case 'w:tr':
        if (tableDepth === 1) {
          if (!closing && !selfClosing) row = [];
          else if (closing) table.push(row);
        }
        break;
      case 'w:tc':
        if (tableDepth === 1) {
          if (!closing && !selfClosing) cell = [];
          else if (closing) row.push(cell.join('\n').trim());
        }
        break;
    }
  }
  return { text: lines.map((l) => l.trimEnd()).filter((l) => l !== '').join('\n'), tables };
}

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()] ?? all;
  });
}

// ---- XLSX ----

async function fromXlsx(buffer: Buffer): Promise<ExtractedText> {
  await openZipWithinLimit(buffer); // ExcelJS inflates every part in memory: refuse a zip bomb first
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheets: { name: string; rows: string[][] }[] = [];
  wb.eachSheet((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (r, rowNumber) => {
      const cells: string[] = [];
      r.eachCell({ includeEmpty: true }, (c, col) => { cells[col - 1] = cellText(c); });
      rows[rowNumber - 1] = Array.from(cells, (x) => x ?? '');
    });
    sheets.push({ name: ws.name, rows: Array.from(rows, (r) => r ?? []) });
  });
  return { text: sheetsText(sheets), sheets, checkable: true };
}

function cellText(c: ExcelJS.Cell): string {
  try {
    return c.text ?? '';
  } catch {
    return String(c.value ?? '');
  }
}

function sheetsText(sheets: { name: string; rows: string[][] }[]): string {
  const out: string[] = [];
  for (const s of sheets) {
    for (const r of s.rows) {
      const line = r.join('\t').trimEnd();
      if (line !== '') out.push(line);
    }
  }
  return out.join('\n');
}

// ---- CSV and plain text ----

function fromCsv(buffer: Buffer): ExtractedText {
  const rows = parseCsv(decodeText(buffer));
  const sheets = [{ name: 'CSV', rows }];
  return { text: sheetsText(sheets), sheets, checkable: true };
}

