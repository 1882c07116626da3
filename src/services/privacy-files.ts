// The text of an attachment with where each piece sits (page, sheet and cell, table cell,
// paragraph), for the personal-data scanner, and the same walk over the file's XML for writing a
// masked copy (masking.service.ts). Reading and masking share the walkers below, so the copy masks
// exactly what the scan reported.
//
// OOXML (DOCX, XLSX) is read at the XML level: the files are machine-written and regular, and
// writing back only the characters that change is what keeps "nothing else in the file changes"
// true — loading and re-saving through a spreadsheet library would rewrite every part.
import JSZip from 'jszip';
import type { FindingLocation } from '../domain/privacy-scan.ts';
import { MIME, extractText } from '../search/extract-text.ts';
import { openZipWithinLimit } from '../lib/zip-guard.ts';

export interface LocatedText {
  location: FindingLocation;
  text: string;
}

export interface AttachmentText {
  /** false: the text could not be read (a scanned image, an old binary format, a damaged file). */
  checkable: boolean;
  parts: LocatedText[];
}

export type ScannableKind = 'pdf' | 'docx' | 'xlsx' | 'csv';

/** Which reader applies to an attachment, by its detected kind (file-type.ts) or, for CSV, its name. */
export function scannableKind(kind: string, filename: string): ScannableKind | null {
  if (kind === 'pdf' || kind === 'docx' || kind === 'xlsx' || kind === 'csv') return kind;
  if (/\.csv$/i.test(filename) && (kind === '' || kind === 'csv' || kind === 'text')) return 'csv';
  return null;
}

// ---------------------------------------------------------------------------------------------
// XML helpers

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return NAMED_ENTITIES[e] ?? m;
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*'([^']*)'/g)) out[m[1]] ??= unescapeXml(m[2]);
  return out;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** A text node inside an XML part: [start, end) is its raw (escaped) content. */
export interface TextPiece {
  start: number;
  end: number;
  text: string;
  /** A tab or line break element: read as a space, never written back. */
  virtual?: boolean;
}

/** Rewrites the given pieces of `xml` with new (unescaped) text; everything else stays byte for byte. */
export function replacePieces(xml: string, changes: readonly { piece: TextPiece; text: string }[]): string {
  const sorted = [...changes].filter((c) => !c.piece.virtual).sort((a, b) => a.piece.start - b.piece.start);
  let out = '';
  let pos = 0;
  for (const c of sorted) {
    out += xml.slice(pos, c.piece.start) + escapeXml(c.text);
    pos = c.piece.end;
  }
  return out + xml.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// DOCX

export interface DocxParagraph {
  pieces: TextPiece[];
  /** Set inside a table: the table's number in the part (1-based, nested tables counted too), row and cell. */
  table: { table: number; row: number; cell: number } | null;
  /** Paragraph number outside tables (1-based); 0 inside a table. */
  number: number;
}

/** The paragraphs of a WordprocessingML part (document, header, footer) with their text nodes. */
export function docxParagraphs(xml: string): DocxParagraph[] {
  const out: DocxParagraph[] = [];
  const tables: { table: number; row: number; cell: number }[] = [];
  const open: DocxParagraph[] = [];
  let tableCount = 0;
  let paragraphCount = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, closing, name, , selfClosing] = m;
    switch (name) {
      case 'w:tbl':
        if (closing) tables.pop();
        else if (!selfClosing) tables.push({ table: ++tableCount, row: 0, cell: 0 });
        break;
      case 'w:tr':
        if (!closing && tables.length) {
          tables[tables.length - 1].row++;
          tables[tables.length - 1].cell = 0;
        }
        break;
      case 'w:tc':
        if (!closing && tables.length) tables[tables.length - 1].cell++;
        break;
      case 'w:p': {
        if (closing) {
          const p = open.pop();
          if (p) out.push(p);
          break;
        }
        const t = tables.length ? { ...tables[tables.length - 1] } : null;
        const p: DocxParagraph = { pieces: [], table: t, number: t ? 0 : ++paragraphCount };
        if (selfClosing) out.push(p);
        else open.push(p);
        break;
      }
      case 'w:t': {
        if (closing || selfClosing || open.length === 0) break;
        const start = m.index + whole.length;
        const end = xml.indexOf('</w:t>', start);
        if (end < 0) break;
        open[open.length - 1].pieces.push({ start, end, text: unescapeXml(xml.slice(start, end)) });
        TAG.lastIndex = end + '</w:t>'.length;
        break;
      }
      case 'w:tab':
      case 'w:br':
      case 'w:cr':
        if (!closing && open.length) open[open.length - 1].pieces.push({ start: m.index, end: m.index, text: ' ', virtual: true });
        break;
    }
  }
  // Document order: paragraphs close in order except for text boxes nested inside one; sort by first piece.
  return out;
}

export const paragraphText = (p: DocxParagraph) => p.pieces.map((x) => x.text).join('');

/** The XML parts of a DOCX whose text is shown: the body, then headers, footers, footnotes and endnotes. */
export function docxTextParts(names: readonly string[]): { name: string; label: string }[] {
  const parts = [{ name: 'word/document.xml', label: '' }];
  for (const n of [...names].sort()) {
    if (/^word\/header\d*\.xml$/.test(n)) parts.push({ name: n, label: '页眉' });
    else if (/^word\/footer\d*\.xml$/.test(n)) parts.push({ name: n, label: '页脚' });
    else if (n === 'word/footnotes.xml') parts.push({ name: n, label: '脚注' });
    else if (n === 'word/endnotes.xml') parts.push({ name: n, label: '尾注' });
  }
  return parts.filter((p) => names.includes(p.name));
}

export function docxCellLabel(t: { table: number; row: number; cell: number }): string {
  return `表格${t.table}第${t.row}行第${t.cell}列`;
}

async function docxText(data: Uint8Array, filename: string): Promise<AttachmentText> {
  const zip = await openZipWithinLimit(data);
  const parts: LocatedText[] = [];
  for (const p of docxTextParts(Object.keys(zip.files))) {
    const xml = await zip.file(p.name)!.async('string');
    const part = p.label ? `${filename}（${p.label}）` : filename;
    for (const para of docxParagraphs(xml)) {
      const text = paragraphText(para);
      if (text.trim() === '') continue;
      parts.push({ location: para.table ? { part, cell: docxCellLabel(para.table) } : { part, line: para.number }, text });
    }
  }
  return { checkable: true, parts };
}

// ---------------------------------------------------------------------------------------------
// XLSX

export interface SharedString {
  /** Text nodes of the string (runs), phonetic guides left out. */
  pieces: TextPiece[];
}

export function sharedStrings(xml: string): SharedString[] {
  const out: SharedString[] = [];
  let current: SharedString | null = null;
  let phonetic = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const [whole, closing, name, , selfClosing] = m;
    const local = localName(name);
    if (local === 'si') {
      if (closing) {
        if (current) out.push(current);
        current = null;
      } else if (selfClosing) out.push({ pieces: [] });
      else current = { pieces: [] };
    } else if (local === 'rPh' && !selfClosing) {
      phonetic += closing ? -1 : 1;
    } else if (local === 't' && !closing && !selfClosing && current) {
      const start = m.index + whole.length;
      const close = `</${name}>`;
      const end = xml.indexOf(close, start);
      if (end < 0) break;
      if (phonetic === 0) current.pieces.push({ start, end, text: unescapeXml(xml.slice(start, end)) });
      TAG.lastIndex = end + close.length;
    }
  }
  return out;
}

export interface SheetCell {
  ref: string;
  /** 's' shared string, 'inlineStr', 'str' (formula result), 'n' number, 'b', 'e', 'd'. */
  type: string;
  /** The whole <c> element. */
  start: number;
  end: number;
  /** Shared string index (type 's'). */
  shared?: number;
  /** Inline string text nodes (type 'inlineStr'). */
  pieces?: TextPiece[];
  /** The raw value (<v>) for numbers and formula results, unescaped. */
  value?: string;
  valueStart?: number;
  valueEnd?: number;
  attrs: string;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function sheetCells(xml: string): SheetCell[] {
  const out: SheetCell[] = [];
  CELL.lastIndex = 0;
  for (let m = CELL.exec(xml); m; m = CELL.exec(xml)) {
    const attrs = attributes(m[1]);
    const cell: SheetCell = { ref: attrs.r ?? '', type: attrs.t ?? 'n', start: m.index, end: m.index + m[0].length, attrs: m[1] };
    const inner = m[2];
    if (inner !== undefined) {
      const innerStart = m.index + m[0].indexOf('>') + 1;
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner);
      if (v) {
        cell.value = unescapeXml(v[1]);
        cell.valueStart = innerStart + v.index + 3;
        cell.valueEnd = cell.valueStart + v[1].length;
        if (cell.type === 's') cell.shared = Number(cell.value);
      }
      if (cell.type === 'inlineStr') {
        cell.pieces = [];
        for (const t of inner.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) {
          const start = innerStart + t.index + t[0].indexOf('>') + 1;
          cell.pieces.push({ start, end: start + t[1].length, text: unescapeXml(t[1]) });
        }
      }
    }
    out.push(cell);
  }
  return out;
}

export interface WorkbookSheet {
  name: string;
  path: string;
}

/** The sheets of a workbook in tab order, with the path of each sheet's XML part. */
export function workbookSheets(workbookXml: string, relsXml: string): WorkbookSheet[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const sheets: WorkbookSheet[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1]);
    const rid = a['r:id'] ?? Object.entries(a).find(([k]) => k.endsWith(':id'))?.[1];
    const path = rid ? targets.get(rid) : undefined;
    if (a.name && path) sheets.push({ name: a.name, path: path.replace(/\/\.\//g, '/') });
  }
  return sheets;
}

/** The text a cell shows for scanning: strings as they are; numbers as written in the file. */
export function cellText(cell: SheetCell, strings: readonly SharedString[]): string {
  switch (cell.type) {
    case 's': {
      const s = cell.shared !== undefined ? strings[cell.shared] : undefined;
      return s ? s.pieces.map((p) => p.text).join('') : '';
    }
    case 'inlineStr':
      return (cell.pieces ?? []).map((p) => p.text).join('');
    case 'b':
    case 'e':
      return '';
    default:
      return cell.value ?? '';
  }
}

export interface WorkbookContent {
  zip: JSZip;
  sheets: (WorkbookSheet & { xml: string; cells: SheetCell[] })[];
  stringsPath: string | null;
  stringsXml: string;
  strings: SharedString[];
}

export async function readWorkbook(data: Uint8Array): Promise<WorkbookContent> {
  const zip = await openZipWithinLimit(data);
  const read = async (name: string) => (zip.file(name) ? await zip.file(name)!.async('string') : null);
  const workbook = await read('xl/workbook.xml');
  const rels = await read('xl/_rels/workbook.xml.rels');
  if (workbook === null || rels === null) throw new Error('不是有效的 XLSX 文件：缺少 xl/workbook.xml');
  const stringsPath = zip.file('xl/sharedStrings.xml') ? 'xl/sharedStrings.xml' : null;
  const stringsXml = stringsPath ? (await read(stringsPath))! : '';
  const sheets = [];
  for (const s of workbookSheets(workbook, rels)) {
    const xml = await read(s.path);
    if (xml === null) continue;
    sheets.push({ ...s, xml, cells: sheetCells(xml) });
  }
  return { zip, sheets, stringsPath, stringsXml, strings: sharedStrings(stringsXml) };
}

async function xlsxText(data: Uint8Array, filename: string): Promise<AttachmentText> {
  const wb = await readWorkbook(data);
  const parts: LocatedText[] = [];
  for (const sheet of wb.sheets) {
    for (const cell of sheet.cells) {
      const text = cellText(cell, wb.strings);
      if (text.trim() !== '') parts.push({ location: { part: filename, sheet: sheet.name, cell: cell.ref }, text });
    }
  }
  return { checkable: true, parts };
}

// ---------------------------------------------------------------------------------------------
// CSV (UTF-8 or GB18030, as Chinese offices save them)

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  /** Byte offset of each UTF-16 unit of `text` (a surrogate pair's second unit repeats the first) and the end. */
  offsets: number[];
}

function gbSequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  if (b >= 0x81 && b <= 0xfe && i + 1 < bytes.length) {
    const b2 = bytes[i + 1];
    if (b2 >= 0x30 && b2 <= 0x39 && i + 3 < bytes.length) return 4;
    return 2;
  }
  return 1;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  let encoding: DecodedText['encoding'] = 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    encoding = 'gb18030';
  }
  const base = bom ? 3 : 0;
  const offsets: number[] = [];
  let text = '';
  if (encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8');
    for (let i = 0; i < body.length; ) {
      const b = body[i];
      const len = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      const s = decoder.decode(body.subarray(i, i + len));
      for (let k = 0; k < s.length; k++) offsets.push(base + i);
      text += s;
      i += len;
    }
  } else {
    const decoder = new TextDecoder('gb18030');
    for (let i = 0; i < body.length; ) {
      const len = gbSequenceLength(body, i);
      const s = decoder.decode(body.subarray(i, i + len));
      for (let k = 0; k < s.length; k++) offsets.push(base + i);
      text += s;
      i += len;
    }
  }
  offsets.push(bytes.length);
  return { text, encoding, bom, offsets };
}

export interface CsvField {
  row: number;
  column: number;
  /** [start, end) of the field's content in the decoded text (inside quotes when quoted). */
  start: number;
  end: number;
}

/** Fields of RFC 4180 CSV with their positions; a doubled quote inside a quoted field stays in the content range. */
export function csvFields(text: string): CsvField[] {
  const out: CsvField[] = [];
  let row = 1;
  let column = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    if (text[i] === '"') {
      const start = i + 1;
      let j = start;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) { j = n; break; }
        if (text[q + 1] === '"') { j = q + 2; continue; }
        j = q;
        break;
      }
      out.push({ row, column, start, end: j });
      i = j + 1;
      while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
    } else {
      let j = i;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      if (!(j === n && i === n && column === 1)) out.push({ row, column, start: i, end: j });
      i = j;
    }
    if (i >= n) break;
    if (text[i] === ',') {
      column++;
      i++;
      if (i === n) out.push({ row, column, start: i, end: i });
    } else {
      if (text[i] === '\r' && text[i + 1] === '\n') i++;
      i++;
      row++;
      column = 1;
    }
  }
  return out;
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function csvText(data: Uint8Array, filename: string): AttachmentText {
  const { text } = decodeText(data);
  const parts: LocatedText[] = [];
  for (const f of csvFields(text)) {
    const value = text.slice(f.start, f.end);
    if (value.trim() !== '') parts.push({ location: { part: filename, line: f.row, cell: `${columnLetters(f.column)}${f.row}` }, text: value });
  }
  return { checkable: true, parts };
}

// ---------------------------------------------------------------------------------------------
// PDF

/** PDF text per page, through the same extraction as search (src/search/extract-text.ts). */
async function pdfText(data: Uint8Array, filename: string): Promise<AttachmentText> {
  const extracted = await extractText(Buffer.from(data.buffer, data.byteOffset, data.byteLength), MIME.pdf);
  if (extracted.error) throw new Error(extracted.error);
  // A PDF without a text layer is a scan: nothing can be checked.
  const parts = (extracted.pages ?? []).map((t, i) => ({ location: { part: filename, page: i + 1 }, text: t }));
  const checkable = extracted.checkable && parts.some((p) => p.text.replace(/\s/g, '').length > 0);
  return { checkable, parts: checkable ? parts.filter((p) => p.text.trim() !== '') : [] };
}

/**
 * The located text of an attachment. A file of a kind that cannot be read (images, DOC, XLS, OFD)
 * or that fails to parse is not checkable; `fallbackText` (the text the upload extracted, if any)
 * is then scanned without a finer location than the file name.
 */
export async function attachmentText(data: Uint8Array, kind: string, filename: string, fallbackText = ''): Promise<AttachmentText> {
  const k = scannableKind(kind, filename);
  try {
    switch (k) {
      case 'pdf':
        return await pdfText(data, filename);
      case 'docx':
        return await docxText(data, filename);
      case 'xlsx':
        return await xlsxText(data, filename);
      case 'csv':
        return csvText(data, filename);
      case null:
        break;
    }
  } catch {
    // Damaged or encrypted: fall through to the uploaded text, if any.
  }
  if (fallbackText.trim() !== '') return { checkable: true, parts: [{ location: { part: filename }, text: fallbackText }] };
  return { checkable: false, parts: [] };
}
