// Masked copies of 公示 lists (issue 8). Some lists must be published (student aid recipients,
// recruitment results) but not with full ID numbers and phone numbers. One click makes a copy in
// which, following common practice, an ID number keeps its first 6 and last 4 characters
// (431281********1234), a mobile number its first 3 and last 4 (138****8000), and names stay. The
// copy becomes a NEW attachment of the document; the original is taken off the document (so it is
// never public) and kept for staff.
//
// Nothing else in the file changes: only the characters of the findings are replaced, in place, in
// the file's own XML (or bytes, for CSV). Before anything is stored the copy is read back and
// checked cell by cell against the original: every cell either unchanged or exactly its masked
// form, and no personal data left.
import JSZip from 'jszip';
import { openZipWithinLimit } from '../lib/zip-guard.ts';
import type { DocumentAttachment } from '../db/schema.ts';
import { maskTextSameLength, personalFindings, splitLike } from '../domain/privacy-mask.ts';
import { FileStore } from '../storage/file-store.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { documentForStaff, staffOf } from './document-access.ts';
import { syncDocumentSearch } from './document-search.ts';
import { DomainError, ForbiddenError, NotFoundError } from './errors.ts';
import {
  cellText, csvFields, decodeText, docxParagraphs, docxTextParts, escapeXml, paragraphText, readWorkbook, replacePieces, scannableKind, type TextPiece,
} from './privacy-files.ts';
import { canMaskAttachments, scanDocument } from './privacy.service.ts';

export interface MaskResult {
  data: Buffer;
  /** Cells (XLSX, CSV) or paragraphs (DOCX) that changed. */
  maskedCells: number;
}

/** The changes that mask a string split over text nodes (runs): each node keeps its own characters. */
function maskPieces(pieces: readonly TextPiece[]): { piece: TextPiece; text: string }[] {
  const text = pieces.map((p) => p.text).join('');
  const masked = maskTextSameLength(text);
  if (masked === text) return [];
  const parts = splitLike(masked, pieces.map((p) => p.text));
  return pieces.map((piece, i) => ({ piece, text: parts[i] })).filter((c, i) => c.text !== pieces[i].text);
}

async function zipOut(zip: JSZip): Promise<Buffer> {
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Masks an XLSX workbook: shared strings, inline strings and numbers written as numbers (a phone in a number cell). */
export async function maskXlsx(data: Uint8Array): Promise<MaskResult> {
  const wb = await readWorkbook(data);
  const stringChanges: { piece: TextPiece; text: string }[] = [];
  const changedStrings = new Set<number>();
  wb.strings.forEach((s, i) => {
    const changes = maskPieces(s.pieces);
    if (changes.length) {
      changedStrings.add(i);
      stringChanges.push(...changes);
    }
  });
  if (wb.stringsPath && stringChanges.length) wb.zip.file(wb.stringsPath, replacePieces(wb.stringsXml, stringChanges));

  let maskedCells = 0;
  for (const sheet of wb.sheets) {
    const edits: { start: number; end: number; text: string }[] = [];
    for (const cell of sheet.cells) {
      if (cell.type === 's') {
        if (cell.shared !== undefined && changedStrings.has(cell.shared)) maskedCells++;
      } else if (cell.type === 'inlineStr') {
        const changes = maskPieces(cell.pieces ?? []);
        if (changes.length) {
          maskedCells++;
          for (const c of changes) edits.push({ start: c.piece.start, end: c.piece.end, text: escapeXml(c.text) });
        }
      } else if (cell.type === 'str' && cell.value !== undefined) {
        const masked = maskTextSameLength(cell.value);
        if (masked !== cell.value) {
          maskedCells++;
          edits.push({ start: cell.valueStart!, end: cell.valueEnd!, text: escapeXml(masked) });
        }
      } else if ((cell.type === 'n' || cell.type === 'd') && cell.value !== undefined) {
        // 13800138000 stored as a number: the masked form is text, so the cell becomes an inline string (same style).
        const masked = maskTextSameLength(cell.value);
        if (masked !== cell.value) {
          maskedCells++;
          const attrs = cell.attrs.replace(/\s+t\s*=\s*"[^"]*"/, '');
          edits.push({ start: cell.start, end: cell.end, text: `<c${attrs} t="inlineStr"><is><t>${escapeXml(masked)}</t></is></c>` });
        }
      }
    }
    if (edits.length) {
      edits.sort((a, b) => a.start - b.start);
      let xml = '';
      let pos = 0;
      for (const e of edits) {
        xml += sheet.xml.slice(pos, e.start) + e.text;
        pos = e.end;
      }
      wb.zip.file(sheet.path, xml + sheet.xml.slice(pos));
    }
  }
  return { data: await zipOut(wb.zip), maskedCells };
}

export interface CellCheck {
  cells: number;
  changed: number;
}

/**
 * Reads a masked workbook back and compares it with the original cell by cell: the same sheets,
 * the same cells with the same styles, each value unchanged or exactly its masked form, no
 * personal data left in any cell, and every other part of the file byte for byte the same.
 */
export async function verifyMaskedXlsx(original: Uint8Array, masked: Uint8Array): Promise<CellCheck> {
  const [a, b] = await Promise.all([readWorkbook(original), readWorkbook(masked)]);
  const fail = (why: string): never => { throw new Error(`遮盖副本校验未通过：${why}`); };
  if (a.sheets.map((s) => s.name).join('\u0001') !== b.sheets.map((s) => s.name).join('\u0001')) fail('工作表不一致');
  let cells = 0;
  let changed = 0;
  for (const [i, sa] of a.sheets.entries()) {
    const sb = b.sheets[i];
    if (sa.cells.length !== sb.cells.length) fail(`工作表“${sa.name}”的单元格数量不一致`);
    for (const [k, ca] of sa.cells.entries()) {
      const cb = sb.cells[k];
      const style = (c: typeof ca) => /\bs\s*=\s*"(\d+)"/.exec(c.attrs)?.[1] ?? '';
      if (ca.ref !== cb.ref || style(ca) !== style(cb)) fail(`工作表“${sa.name}”单元格${ca.ref}的位置或格式被改动`);
      const ta = cellText(ca, a.strings);
      const tb = cellText(cb, b.strings);
      if (tb !== maskTextSameLength(ta)) fail(`工作表“${sa.name}”单元格${ca.ref}的内容不是原值的遮盖形式`);
      if (personalFindings(tb, { part: '' }).length) fail(`工作表“${sa.name}”单元格${ca.ref}仍含个人信息`);
      if (ta !== tb) changed++;
      else if (ca.type !== cb.type) fail(`工作表“${sa.name}”单元格${ca.ref}的类型被改动`);
      cells++;
    }
  }
  const touched = new Set([a.stringsPath, ...a.sheets.map((s) => s.path)]);
  await sameOtherParts(a.zip, b.zip, touched, fail);
  return { cells, changed };
}

async function sameOtherParts(a: JSZip, b: JSZip, touched: Set<string | null>, fail: (why: string) => never): Promise<void> {
  const names = Object.keys(a.files).filter((n) => !a.files[n].dir);
  const namesB = Object.keys(b.files).filter((n) => !b.files[n].dir);
  if (names.length !== namesB.length || names.some((n) => !b.files[n])) fail('文件中的部件不一致');
  for (const n of names) {
    if (touched.has(n)) continue;
    const [x, y] = await Promise.all([a.file(n)!.async('uint8array'), b.file(n)!.async('uint8array')]);
    if (Buffer.compare(Buffer.from(x), Buffer.from(y)) !== 0) fail(`部件 ${n} 被改动`);
  }
}

// ---------------------------------------------------------------------------------------------
// DOCX

/** Masks a DOCX: every paragraph of the body, tables, headers, footers and notes, run by run. */
export async function maskDocx(data: Uint8Array): Promise<MaskResult> {
  const zip = await openZipWithinLimit(data);
  let maskedCells = 0;
  for (const part of docxTextParts(Object.keys(zip.files))) {
    const xml = await zip.file(part.name)!.async('string');
    const changes: { piece: TextPiece; text: string }[] = [];
    for (const p of docxParagraphs(xml)) {
      const c = maskPieces(p.pieces);
      if (c.length) {
        maskedCells++;
        changes.push(...c);
      }
    }
    if (changes.length) zip.file(part.name, replacePieces(xml, changes));
  }
  return { data: await zipOut(zip), maskedCells };
}

export async function verifyMaskedDocx(original: Uint8Array, masked: Uint8Array): Promise<CellCheck> {
  const [a, b] = await Promise.all([JSZip.loadAsync(original), JSZip.loadAsync(masked)]);
  const fail = (why: string): never => { throw new Error(`遮盖副本校验未通过：${why}`); };
  const parts = docxTextParts(Object.keys(a.files));
  let cells = 0;
  let changed = 0;
  for (const part of parts) {
    const pa = docxParagraphs(await a.file(part.name)!.async('string'));
    const pb = docxParagraphs(await b.file(part.name)!.async('string'));
    if (pa.length !== pb.length) fail(`${part.name} 的段落数量不一致`);
    for (const [i, x] of pa.entries()) {
      const ta = paragraphText(x);
      const tb = paragraphText(pb[i]);
      if (tb !== maskTextSameLength(ta)) fail(`${part.name} 第${i + 1}段不是原文的遮盖形式`);
      if (personalFindings(tb, { part: '' }).length) fail(`${part.name} 第${i + 1}段仍含个人信息`);
      if (x.pieces.length !== pb[i].pieces.length) fail(`${part.name} 第${i + 1}段的文字格式被改动`);
      if (ta !== tb) changed++;
      cells++;
    }
  }
  await sameOtherParts(a, b, new Set(parts.map((p) => p.name)), fail);
  return { cells, changed };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Masks a CSV field by field, keeping its encoding (UTF-8 or GB18030), BOM, quoting and line ends byte for byte. */
export function maskCsv(data: Uint8Array): MaskResult {
  const decoded = decodeText(data);
  const { text, offsets } = decoded;
  let masked = text;
  let maskedCells = 0;
  const chunks: string[] = [];
  let pos = 0;
  for (const f of csvFields(text)) {
    const value = text.slice(f.start, f.end);
    const m = maskTextSameLength(value);
    if (m === value) continue;
    maskedCells++;
    chunks.push(text.slice(pos, f.start), m);
    pos = f.end;
  }
  if (maskedCells === 0) return { data: Buffer.from(data), maskedCells: 0 };
  chunks.push(text.slice(pos));
  masked = chunks.join('');
  const out: number[] = Array.from(data.subarray(0, offsets[0]));
  for (let i = 0; i < text.length; ) {
    const next = i + (text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1);
    const orig = text.slice(i, next);
    const now = masked.slice(i, next);
    if (orig === now) for (let b = offsets[i]; b < offsets[next]; b++) out.push(data[b]);
    else if (now === '*') out.push(0x2a);
    else throw new Error('遮盖副本校验未通过：CSV 中出现了意外的替换字符');
    i = next;
  }
  return { data: Buffer.from(out), maskedCells };
}

export function verifyMaskedCsv(original: Uint8Array, masked: Uint8Array): CellCheck {
  const fail = (why: string): never => { throw new Error(`遮盖副本校验未通过：${why}`); };
  const a = decodeText(original);
  const b = decodeText(masked);
  if (a.encoding !== b.encoding || a.bom !== b.bom) fail('编码被改动');
  const fa = csvFields(a.text);
  const fb = csvFields(b.text);
  if (fa.length !== fb.length) fail('字段数量不一致');
  let changed = 0;
  for (const [i, x] of fa.entries()) {
    const y = fb[i];
    const ta = a.text.slice(x.start, x.end);
    const tb = b.text.slice(y.start, y.end);
    if (x.row !== y.row || x.column !== y.column) fail(`第${x.row}行的字段位置被改动`);
    if (tb !== maskTextSameLength(ta)) fail(`第${x.row}行第${x.column}列不是原值的遮盖形式`);
    if (personalFindings(tb, { part: '' }).length) fail(`第${x.row}行第${x.column}列仍含个人信息`);
    if (ta !== tb) changed++;
  }
  return { cells: fa.length, changed };
}

// ---------------------------------------------------------------------------------------------
// The use case

/** '名单.xlsx' → '名单（已遮盖）.xlsx' */
export function maskedFilename(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? `${filename.slice(0, dot)}（已遮盖）${filename.slice(dot)}` : `${filename}（已遮盖）`;
}

/** Masks a file of a maskable kind and checks the copy; throws when the check fails. */
export async function maskAndVerify(kind: 'xlsx' | 'docx' | 'csv', data: Uint8Array): Promise<MaskResult & CellCheck> {
  switch (kind) {
    case 'xlsx': {
      const r = await maskXlsx(data);
      return { ...r, ...(await verifyMaskedXlsx(data, r.data)) };
    }
    case 'docx': {
      const r = await maskDocx(data);
      return { ...r, ...(await verifyMaskedDocx(data, r.data)) };
    }
    case 'csv': {
      const r = maskCsv(data);
      return { ...r, ...verifyMaskedCsv(data, r.data) };
    }
  }
}

export interface MaskedCopyResult {
  attachment: DocumentAttachment;
  maskedCells: number;
  withheldId: number;
}

/**
 * Replaces an XLSX, CSV or DOCX attachment by its masked copy: the copy is a new attachment, the
 * original leaves the document (kept, unpublished, for staff). Audited; the document is scanned
 * again afterwards.
 */
export async function createMaskedCopy(ctx: ServiceContext, actor: Actor, documentId: number, attachmentId: number): Promise<MaskedCopyResult> {
  const user = staffOf(actor);
  const doc = await documentForStaff(ctx.repos, user, documentId, { write: true });
  if (!canMaskAttachments(user, doc)) throw new ForbiddenError('您不能在文件的当前状态下替换附件');
  const att = await ctx.repos.attachments.byId(attachmentId);
  if (!att || att.document_id !== documentId) throw new NotFoundError('未找到该附件');
  const kind = scannableKind(att.kind, att.filename);
  if (kind !== 'xlsx' && kind !== 'docx' && kind !== 'csv') throw new DomainError('只能为 Excel（XLSX）、CSV 或 Word（DOCX）附件生成遮盖副本；其他格式请遮盖后重新上传');
  const store = new FileStore(ctx.config.storageDir);
  const data = await store.get(att.sha256);
  if (!data) throw new NotFoundError('附件文件缺失，请联系管理员');
  let result: MaskResult & CellCheck;
  try {
    result = await maskAndVerify(kind, data);
  } catch (e) {
    throw new DomainError(`无法生成遮盖副本，附件未作任何改动：${(e as Error).message}`, 'mask_failed');
  }
  if (result.maskedCells === 0) throw new DomainError('该附件中没有发现需要遮盖的身份证号码、电话号码等个人信息');
  const stored = await store.put(result.data);
  const filename = maskedFilename(att.filename);
  const now = ctx.now();
  const out = await ctx.transaction(async (repos) => {
    const fresh = await documentForStaff(repos, user, documentId, { forUpdate: true, write: true });
    if (!canMaskAttachments(user, fresh)) throw new ForbiddenError('您不能在文件的当前状态下替换附件');
    const still = await repos.attachments.byId(attachmentId);
    if (!still || still.document_id !== documentId || still.sha256 !== att.sha256) throw new DomainError('附件已被修改或删除，请刷新后重试');
    const copy = await repos.attachments.insert({
      documentId, filename, kind: att.kind, mime: att.mime, size: stored.size, sha256: stored.sha256,
      text: maskTextSameLength(att.text), checkable: att.checkable === 1, uploadedBy: user.id,
    }, now);
    await repos.attachments.delete(attachmentId);
    const withheld = await repos.privacy.withheld.insert({
      document_id: documentId, agency_id: doc.agency_id, original_attachment_id: att.id, masked_attachment_id: copy.id, filename: att.filename,
      kind: att.kind, mime: att.mime, size: att.size, sha256: att.sha256, masked_cells: result.maskedCells, created_by: user.id, created_at: now.toISOString(),
    });
    await repos.documents.update(documentId, { updated_at: now.toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'privacy.masked_copy', subjectType: 'document', subjectId: documentId,
      summary: { original: { id: att.id, filename: att.filename, sha256: att.sha256 }, copy: { id: copy.id, filename, sha256: stored.sha256 }, maskedCells: result.maskedCells, checkedCells: result.cells },
      ip: actor.ip,
    }, now);
    await syncDocumentSearch(repos, documentId);
    return { attachment: copy, maskedCells: result.maskedCells, withheldId: withheld.id };
  });
  await scanDocument(ctx, documentId, { actor });
  return out;
}

