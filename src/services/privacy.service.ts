// The privacy guard before publication (issue 8). Art. 15: personal privacy of third parties is not
// disclosed without consent unless the public interest requires it; agencies still publish 公示
// lists with full ID numbers and phone numbers because nobody checked the attachment. Here:
//   - scanDocument: the title, summary, body and the text of every attachment are scanned
//     (domain/privacy-scan.ts); each finding is stored with where it is and its masked value, never
//     the value itself;
//   - recordJustification: a reviewer may let a finding stand with a reason (a 公示 list must name
//     the person) — never a full ID number or bank card number;
//   - assertPublishable: approval and publication are refused while any finding is open. Called by
//     the documents workflow (document.service.ts) inside its transaction.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Repositories } from '../db/repositories/index.ts';
import type { DocumentAttachment, DocumentRow, PrivacyFindingRow } from '../db/schema.ts';
import { FINDING_KIND_LABELS, type FindingKind, type FindingLocation, type PrivacyFinding } from '../domain/privacy-scan.ts';
import { personalFindings } from '../domain/privacy-mask.ts';
import type { DocumentState } from '../domain/document-workflow.ts';
import { actorLabel, type Actor, type StaffUser } from './actor.ts';
import { FileStore } from '../storage/file-store.ts';
import type { ServiceContext } from './context.ts';
import { documentForStaff, staffOf } from './document-access.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { attachmentText, type LocatedText } from './privacy-files.ts';

/** A finding kind, or an attachment whose text cannot be read (a scanned image) and must be checked by eye. */
export type PrivacyKind = FindingKind | 'not_checkable';

export const PRIVACY_KIND_LABELS: Readonly<Record<PrivacyKind, string>> = { ...FINDING_KIND_LABELS, not_checkable: '无法自动检查的附件' };

/** Kinds that no reason can justify publishing in full. */
export const NEVER_JUSTIFIABLE: ReadonlySet<PrivacyKind> = new Set(['resident_id', 'resident_id_15', 'bank_card']);

export type FindingStatus = 'open' | 'justified' | 'resolved';

export const FINDING_STATUS_LABELS: Readonly<Record<FindingStatus, string>> = { open: '待处理', justified: '已说明理由', resolved: '已消除' };

/** One finding as it is computed from the text (before it is stored). */
export interface ComputedFinding {
  kind: PrivacyKind;
  masked: string;
  location: FindingLocation;
  attachmentId: number | null;
  fingerprint: string;
}

/** "附件“名单.docx”表格1第2行第3列", "正文第3行", "附件“x.pdf”第2页第5行". */
export function formatLocation(loc: { part: string; page?: number | null; sheet?: string | null; cell?: string | null; line?: number | null }, isAttachment: boolean): string {
  const where: string[] = [isAttachment ? `附件“${loc.part}”` : loc.part];
  if (loc.page) where.push(`第${loc.page}页`);
  if (loc.sheet) where.push(`工作表“${loc.sheet}”`);
  if (loc.cell) where.push(/^[A-Z]+\d+$/.test(loc.cell) ? `单元格${loc.cell}` : loc.cell);
  else if (loc.line) where.push(/\.docx（?/i.test(loc.part) ? `第${loc.line}段` : `第${loc.line}行`);
  return where.join('');
}

const PART_TITLE = '标题';
const PART_SUMMARY = '内容概述';
const PART_BODY = '正文';
const PART_KEYWORDS = '关键词';

/** The text parts of a document itself (not its attachments). */
function documentParts(doc: Pick<DocumentRow, 'title' | 'summary' | 'body_text' | 'keywords'>): LocatedText[] {
  return [
    { location: { part: PART_TITLE }, text: doc.title },
    { location: { part: PART_KEYWORDS }, text: doc.keywords },
    { location: { part: PART_SUMMARY }, text: doc.summary },
    { location: { part: PART_BODY }, text: doc.body_text },
  ].filter((p) => p.text.trim() !== '');
}

/** Changes whenever anything scanned changes: the text fields and the attachments' bytes and names. */
export function contentHash(doc: Pick<DocumentRow, 'title' | 'summary' | 'body_text' | 'keywords'>, attachments: readonly Pick<DocumentAttachment, 'filename' | 'sha256'>[]): string {
  return createHash('sha256').update(JSON.stringify([doc.title, doc.keywords, doc.summary, doc.body_text, attachments.map((a) => [a.filename, a.sha256])])).digest('hex');
}

/** Digits and letters only, upper case, full width folded: 431281 19900101 124x ≡ 43128119900101124X. */
function canonicalValue(raw: string): string {
  return raw.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[^0-9A-Za-z@._-]/g, '').toUpperCase();
}

/**
 * Contact details an agency publishes about itself (its office phone, fax, e-mail): published by
 * law (Art. 19 guide), not personal data, and in nearly every notice. Phones as digits (with and
 * without the area code), e-mail addresses in lower case, and the agency's number block: offices
 * of one agency share the numbers that differ only in the last two digits (0745-7623456 and the
 * personnel section's 0745-7623458).
 */
async function publicContacts(repos: Repositories): Promise<Set<string>> {
  const out = new Set<string>();
  for (const a of await repos.agencies.all()) {
    for (const v of [a.phone, a.fax]) {
      const digits = v.replace(/\D/g, '');
      if (digits.length >= 7) out.add(digits);
      const parts = LANDLINE_PARTS.exec(digits);
      if (parts) {
        out.add(parts[2]);
        out.add(numberBlock(parts[1], parts[2]));
      }
    }
    if (a.email.includes('@')) out.add(a.email.trim().toLowerCase());
  }
  return out;
}

const LANDLINE_PARTS = /^(0(?:10|2\d|[3-9]\d\d))(\d{7,8})$/;
const numberBlock = (area: string, local: string) => `block:${area}:${local.slice(0, -2)}`;

function isPublicContact(kind: FindingKind, raw: string, contacts: Set<string>): boolean {
  if (kind === 'email') return contacts.has(canonicalValue(raw).toLowerCase());
  if (kind !== 'landline' && kind !== 'mobile') return false;
  const digits = canonicalValue(raw).replace(/\D/g, '');
  if (contacts.has(digits)) return true;
  const parts = kind === 'landline' ? LANDLINE_PARTS.exec(digits) : null;
  return parts !== null && contacts.has(numberBlock(parts[1], parts[2]));
}

/** A finding with its raw value, for callers that compare it with known values (never stored). */
export interface RawFinding extends PrivacyFinding {
  raw: string;
}

/**
 * The personal data in located texts: the scanner's findings without offices' service numbers and
 * without the agencies' own published contacts. The raw value is returned for comparison only.
 */
export async function personalDataIn(repos: Repositories, parts: readonly LocatedText[]): Promise<RawFinding[]> {
  const contacts = await publicContacts(repos);
  const out: RawFinding[] = [];
  for (const p of parts) {
    for (const f of personalFindings(p.text, p.location)) {
      const raw = p.text.slice(f.index, f.index + f.length);
      if (!isPublicContact(f.kind, raw, contacts)) out.push({ ...f, raw });
    }
  }
  return out;
}

/** Digits and letters of a value as the scanner compares them (431281 1990… ≡ 4312811990…, case folded). */
export function comparableValue(raw: string): string {
  return canonicalValue(raw).toLowerCase();
}

async function fingerprintKey(repos: Repositories): Promise<string> {
  return repos.settings.getOrCreate('privacy_fingerprint_key', () => randomBytes(32).toString('hex'));
}

interface Scanned {
  findings: ComputedFinding[];
}

/**
 * Scans located texts. A finding's fingerprint is a keyed hash (the key never leaves the database)
 * of its kind, value and place, with a counter for the same value repeated in the same place: a
 * hash of an ID number alone could be reversed by trying every birth date.
 */
function scanParts(key: string, contacts: Set<string>, parts: readonly { text: LocatedText; attachmentId: number | null }[]): ComputedFinding[] {
  const out: ComputedFinding[] = [];
  const seen = new Map<string, number>();
  for (const { text: p, attachmentId } of parts) {
    for (const f of personalFindings(p.text, p.location)) {
      const raw = p.text.slice(f.index, f.index + f.length);
      const value = canonicalValue(raw);
      if (isPublicContact(f.kind, raw, contacts)) continue;
      const loc = f.location;
      const place = [loc.part, loc.page ?? '', loc.sheet ?? '', loc.cell ?? '', loc.line ?? ''].join('\u0001');
      const base = `${f.kind}\u0001${value}\u0001${place}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.push({ kind: f.kind, masked: f.masked, location: loc, attachmentId, fingerprint: createHmac('sha256', key).update(`${base}\u0001${n}`).digest('hex') });
    }
  }
  return out;
}

/** Reads and scans everything in a document. Reads attachment files; writes nothing. */
export async function computeFindings(ctx: Pick<ServiceContext, 'config'>, repos: Repositories, doc: DocumentRow, attachments: readonly DocumentAttachment[]): Promise<Scanned> {
  const [key, contacts] = await Promise.all([fingerprintKey(repos), publicContacts(repos)]);
  const parts: { text: LocatedText; attachmentId: number | null }[] = documentParts(doc).map((text) => ({ text, attachmentId: null }));
  const unchecked: ComputedFinding[] = [];
  const store = new FileStore(ctx.config.storageDir);
  for (const a of attachments) {
    const data = await store.get(a.sha256);
    const read = data ? await attachmentText(data, a.kind, a.filename, a.text) : { checkable: a.text.trim() !== '', parts: a.text.trim() ? [{ location: { part: a.filename }, text: a.text }] : [] };
    for (const text of read.parts) parts.push({ text, attachmentId: a.id });
    if (!read.checkable) {
      unchecked.push({
        kind: 'not_checkable', masked: `${a.filename}（${a.kind.toUpperCase()}，无可检查的文字）`, location: { part: a.filename }, attachmentId: a.id,
        fingerprint: createHmac('sha256', key).update(`not_checkable\u0001${a.sha256}\u0001${a.filename}`).digest('hex'),
      });
    }
  }
  return { findings: [...scanParts(key, contacts, parts), ...unchecked] };
}

export interface ScanOutcome {
  documentId: number;
  /** Findings now stored as open or justified, in document order. */
  findings: PrivacyFindingRow[];
  open: number;
  added: number;
  resolved: number;
}

/**
 * Stores the findings of a scan: new ones open, known ones keep their decision, vanished ones
 * resolved. Writes an audit event when anything changed. Runs in the caller's transaction.
 */
async function storeFindings(repos: Repositories, doc: DocumentRow, hash: string, computed: readonly ComputedFinding[], now: Date, actor?: Actor): Promise<ScanOutcome> {
  const at = now.toISOString();
  const existing = await repos.privacy.findings.allForDocument(doc.id);
  const byPrint = new Map(existing.map((f) => [f.fingerprint, f]));
  const current = new Set<string>();
  let added = 0;
  let resolved = 0;
  for (const [sort, f] of computed.entries()) {
    current.add(f.fingerprint);
    const loc = { part: f.location.part, page: f.location.page ?? null, sheet: f.location.sheet ?? null, cell: f.location.cell ?? null, line: f.location.line ?? null };
    const old = byPrint.get(f.fingerprint);
    if (!old) {
      await repos.privacy.findings.insert({
        document_id: doc.id, agency_id: doc.agency_id, fingerprint: f.fingerprint, kind: f.kind, masked: f.masked.slice(0, 300), ...loc,
        attachment_id: f.attachmentId, sort, status: 'open', justification: null, decided_by: null, decided_at: null,
        first_seen_at: at, last_seen_at: at, resolved_at: null,
      });
      added++;
    } else {
      // A finding that comes back after it was removed needs a fresh decision.
      const reopened = old.status === 'resolved';
      if (reopened) added++;
      await repos.privacy.findings.update(old.id, {
        ...loc, attachment_id: f.attachmentId, masked: f.masked.slice(0, 300), sort, last_seen_at: at,
        ...(reopened ? { status: 'open', resolved_at: null, justification: null, decided_by: null, decided_at: null } : {}),
      });
    }
  }
  for (const f of existing) {
    if (!current.has(f.fingerprint) && f.status !== 'resolved') {
      await repos.privacy.findings.update(f.id, { status: 'resolved', resolved_at: at });
      resolved++;
    }
  }
  const findings = await repos.privacy.findings.forDocument(doc.id);
  const open = findings.filter((f) => f.status === 'open').length;
  await repos.privacy.findings.saveScan({ document_id: doc.id, agency_id: doc.agency_id, content_hash: hash, finding_count: findings.length, scanned_at: at });
  if (added > 0 || resolved > 0) {
    await repos.audit.append({
      actorId: actor?.kind === 'staff' ? actor.user.id : null, actorLabel: actor ? actorLabel(actor) : '系统（个人信息检查）', agencyId: doc.agency_id,
      action: 'privacy.scanned', subjectType: 'document', subjectId: doc.id, summary: { added, resolved, open, total: findings.length }, ip: actor?.ip,
    }, now);
  }
  return { documentId: doc.id, findings, open, added, resolved };
}

/**
 * Scans a document now and stores the result (internal: no authorisation; staff go through
 * documentPrivacy and rescanDocument). Attachment files are read before the transaction that
 * stores the findings.
 */
export async function scanDocument(ctx: ServiceContext, docId: number, opts: { actor?: Actor } = {}): Promise<ScanOutcome> {
  const doc = await ctx.repos.documents.byId(docId);
  if (!doc) throw new NotFoundError('未找到该文件');
  const attachments = await ctx.repos.attachments.forDocument(docId);
  const { findings } = await computeFindings(ctx, ctx.repos, doc, attachments);
  const hash = contentHash(doc, attachments);
  return ctx.transaction(async (repos) => {
    // Changed while it was being read: store what was read; the next check sees the new hash and scans again.
    const fresh = (await repos.documents.byId(docId)) ?? doc;
    return storeFindings(repos, fresh, hash, findings, ctx.now(), opts.actor);
  });
}

/** Scans only when the document changed since its last scan. */
export async function ensureScanned(ctx: ServiceContext, docId: number, opts: { actor?: Actor } = {}): Promise<void> {
  const doc = await ctx.repos.documents.byId(docId);
  if (!doc) throw new NotFoundError('未找到该文件');
  const attachments = await ctx.repos.attachments.forDocument(docId);
  const scan = await ctx.repos.privacy.findings.scanOf(docId);
  if (!scan || scan.content_hash !== contentHash(doc, attachments)) await scanDocument(ctx, docId, opts);
}

function describe(f: Pick<PrivacyFindingRow, 'kind' | 'masked' | 'part' | 'page' | 'sheet' | 'cell' | 'line' | 'attachment_id'>): string {
  const where = formatLocation(f, f.attachment_id !== null);
  if (f.kind === 'not_checkable') return `${where}无法自动检查（图片或扫描件），须人工核对`;
  return `${where}有${PRIVACY_KIND_LABELS[f.kind as PrivacyKind] ?? f.kind} ${f.masked}`;
}

/**
 * Refuses approval or publication while a finding is open. Runs inside the caller's transaction
 * (`repos`); when the document changed since its last scan it is scanned here, within that
 * transaction, so nothing unscanned can slip through. A pass with justified findings is audited.
 */
export async function assertPublishable(ctx: ServiceContext, docId: number, repos: Repositories = ctx.repos): Promise<void> {
  const doc = await repos.documents.byId(docId);
  if (!doc) throw new NotFoundError('未找到该文件');
  const attachments = await repos.attachments.forDocument(docId);
  const hash = contentHash(doc, attachments);
  const scan = await repos.privacy.findings.scanOf(docId);
  let findings: PrivacyFindingRow[];
  if (!scan || scan.content_hash !== hash) {
    const computed = await computeFindings(ctx, repos, doc, attachments);
    findings = (await storeFindings(repos, doc, hash, computed.findings, ctx.now())).findings;
  } else {
    findings = await repos.privacy.findings.forDocument(docId);
  }
  const open = findings.filter((f) => f.status === 'open');
  if (open.length > 0) {
    const shown = open.slice(0, 5).map(describe).join('；');
    const more = open.length > 5 ? `等共${open.length}处` : '';
    throw new DomainError(
      `该文件含有未处理的个人信息，不能审核通过或发布：${shown}${more}。请删除或遮盖后重新上传，或生成遮盖副本，或由审核人逐项说明公开理由（身份证号码、银行卡号不得完整公开）。`,
      'privacy_findings',
    );
  }
  const justified = findings.filter((f) => f.status === 'justified');
  if (justified.length > 0) {
    await repos.audit.append({
      actorId: null, actorLabel: '系统（个人信息检查）', agencyId: doc.agency_id, action: 'privacy.cleared', subjectType: 'document', subjectId: docId,
      summary: { justified: justified.map((f) => ({ id: f.id, kind: f.kind, masked: f.masked, justification: f.justification })) }, ip: undefined,
    }, ctx.now());
  }
}

// ---------------------------------------------------------------------------------------------
// Decisions

function requireReviewer(user: StaffUser): void {
  if (!user.roles.includes('reviewer')) throw new ForbiddenError('只有审核人可以对个人信息检查结果说明理由');
}

export const MIN_JUSTIFICATION = 4;
export const MAX_JUSTIFICATION = 500;

/**
 * A reviewer lets one finding stand, with the reason (e.g. 公示名单须公开姓名，依据……). An ID number
 * or bank card number in full never qualifies: it has to be masked or removed.
 */
export async function recordJustification(ctx: ServiceContext, actor: Actor, findingId: number, reason: string): Promise<PrivacyFindingRow> {
  const user = staffOf(actor);
  const text = (reason ?? '').trim();
  return ctx.transaction(async (repos) => {
    const finding = await repos.privacy.findings.byId(findingId);
    if (!finding) throw new NotFoundError('未找到该检查结果');
    await documentForStaff(repos, user, finding.document_id, { write: true });
    requireReviewer(user);
    if (NEVER_JUSTIFIABLE.has(finding.kind as PrivacyKind)) {
      throw new DomainError(`${PRIVACY_KIND_LABELS[finding.kind as PrivacyKind]}不得完整公开，不能以说明理由代替处理：请删除，或生成遮盖副本（保留前6位和后4位）后再审核`, 'never_justifiable');
    }
    if (finding.status === 'resolved') throw new DomainError('该项已消除，无需说明理由');
    if (text.length < MIN_JUSTIFICATION) throw new ValidationError('请说明公开该项信息的理由和依据', { reason: `理由至少 ${MIN_JUSTIFICATION} 个字` });
    if (text.length > MAX_JUSTIFICATION) throw new ValidationError(`理由最长 ${MAX_JUSTIFICATION} 个字`, { reason: `理由最长 ${MAX_JUSTIFICATION} 个字` });
    const at = ctx.now().toISOString();
    await repos.privacy.findings.update(findingId, { status: 'justified', justification: text, decided_by: user.id, decided_at: at });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: finding.agency_id, action: 'privacy.finding_justified', subjectType: 'document', subjectId: finding.document_id,
      summary: { findingId, kind: finding.kind, masked: finding.masked, location: formatLocation(finding, finding.attachment_id !== null), reason: text, previous: finding.status }, ip: actor.ip,
    }, ctx.now());
    return (await repos.privacy.findings.byId(findingId))!;
  });
}

/** Takes a justification back: the finding is open again and blocks publication. */
export async function withdrawJustification(ctx: ServiceContext, actor: Actor, findingId: number): Promise<void> {
  const user = staffOf(actor);
  await ctx.transaction(async (repos) => {
    const finding = await repos.privacy.findings.byId(findingId);
    if (!finding) throw new NotFoundError('未找到该检查结果');
    await documentForStaff(repos, user, finding.document_id, { write: true });
    requireReviewer(user);
    if (finding.status !== 'justified') throw new DomainError('该项没有已说明的理由');
    await repos.privacy.findings.update(findingId, { status: 'open', justification: null, decided_by: null, decided_at: null });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: finding.agency_id, action: 'privacy.justification_withdrawn', subjectType: 'document', subjectId: finding.document_id,
      summary: { findingId, kind: finding.kind, masked: finding.masked, reason: finding.justification }, ip: actor.ip,
    }, ctx.now());
  });
}

// ---------------------------------------------------------------------------------------------
// The document's privacy page

export interface FindingView {
  id: number;
  kind: PrivacyKind;
  kindLabel: string;
  masked: string;
  location: string;
  status: FindingStatus;
  statusLabel: string;
  justification: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  /** Whether a reason may be recorded for this kind at all. */
  justifiable: boolean;
  attachmentId: number | null;
}

export interface MaskableAttachment {
  id: number;
  filename: string;
  openFindings: number;
}

export interface WithheldView {
  id: number;
  filename: string;
  size: number;
  maskedCells: number;
  createdAt: string;
}

export interface DocumentPrivacyView {
  documentId: number;
  title: string;
  state: string;
  agencyCode: string;
  scannedAt: string | null;
  findings: FindingView[];
  open: number;
  canJustify: boolean;
  canMask: boolean;
  maskable: MaskableAttachment[];
  withheld: WithheldView[];
}

export const MASKABLE_KINDS: ReadonlySet<string> = new Set(['xlsx', 'csv', 'docx']);

/** Who may replace an attachment by its masked copy, in which state of the document. */
export function canMaskAttachments(user: StaffUser, doc: Pick<DocumentRow, 'agency_id' | 'state' | 'author_id'>): boolean {
  if (doc.agency_id !== user.agencyId) return false;
  const has = (r: string) => user.roles.includes(r as never);
  switch (doc.state as DocumentState) {
    case 'draft':
    case 'registered':
    case 'returned':
      return doc.author_id === user.id || has('office');
    case 'in_review':
    case 'approved':
      return has('reviewer') || has('office');
    case 'published':
    case 'archived':
      return has('office');
    case 'withdrawn':
      return false;
  }
  return false;
}

/** The privacy check of one document for staff: scanned first when it changed since the last scan. */
export async function documentPrivacy(ctx: ServiceContext, actor: Actor, docId: number): Promise<DocumentPrivacyView> {
  const user = staffOf(actor);
  await documentForStaff(ctx.repos, user, docId);
  await ensureScanned(ctx, docId, { actor });
  const doc = (await ctx.repos.documents.detail(docId))!;
  const [findings, scan, attachments, withheld] = await Promise.all([
    ctx.repos.privacy.findings.forDocument(docId),
    ctx.repos.privacy.findings.scanOf(docId),
    ctx.repos.attachments.forDocument(docId),
    ctx.repos.privacy.withheld.forDocument(docId),
  ]);
  const names = new Map<number, string>();
  for (const id of new Set(findings.map((f) => f.decided_by).filter((x): x is number => x !== null))) {
    const u = await ctx.repos.users.byId(id);
    if (u) names.set(id, u.display_name);
  }
  const canMask = canMaskAttachments(user, doc);
  return {
    documentId: doc.id, title: doc.title, state: doc.state, agencyCode: doc.agency_code, scannedAt: scan?.scanned_at ?? null,
    findings: findings.map((f) => ({
      id: f.id, kind: f.kind as PrivacyKind, kindLabel: PRIVACY_KIND_LABELS[f.kind as PrivacyKind] ?? f.kind, masked: f.masked,
      location: formatLocation(f, f.attachment_id !== null), status: f.status as FindingStatus, statusLabel: FINDING_STATUS_LABELS[f.status as FindingStatus] ?? f.status,
      justification: f.justification, decidedBy: f.decided_by !== null ? names.get(f.decided_by) ?? null : null, decidedAt: f.decided_at,
      justifiable: !NEVER_JUSTIFIABLE.has(f.kind as PrivacyKind), attachmentId: f.attachment_id,
    })),
    open: findings.filter((f) => f.status === 'open').length,
    canJustify: doc.agency_id === user.agencyId && user.roles.includes('reviewer') && doc.state !== 'withdrawn',
    canMask,
    maskable: attachments.filter((a) => MASKABLE_KINDS.has(a.kind) || /\.csv$/i.test(a.filename)).map((a) => ({
      id: a.id, filename: a.filename, openFindings: findings.filter((f) => f.attachment_id === a.id && f.status !== 'resolved' && f.kind !== 'not_checkable').length,
    })),
    withheld: withheld.map((w) => ({ id: w.id, filename: w.filename, size: w.size, maskedCells: w.masked_cells, createdAt: w.created_at })),
  };
}

/**
 * "重新检查" on a document's privacy page: scans it again now and stores the result. Whoever may
 * read the document may ask (documentForStaff: staff of its agency, a supervisor of the agency
 * above it; another agency's document is not found). A supervisor is not refused: a rescan decides
 * nothing (no finding is justified, masked or withdrawn; only what the scanner finds in the text
 * as it is now is recorded), and the supervising office already rescans every published document
 * of its agencies with the sweep (runSweep). Decisions on the findings stay with the agency's own
 * reviewer and office (recordJustification, createMaskedCopy, withdrawDocument).
 */
export async function rescanDocument(ctx: ServiceContext, actor: Actor, docId: number): Promise<ScanOutcome> {
  const user = staffOf(actor);
  await documentForStaff(ctx.repos, user, docId);
  return scanDocument(ctx, docId, { actor });
}

/** A withheld original, for staff of the document's agency (or a supervisor above it). */
export async function withheldOriginal(ctx: ServiceContext, actor: Actor, docId: number, withheldId: number): Promise<{ filename: string; mime: string; data: Buffer }> {
  const user = staffOf(actor);
  await documentForStaff(ctx.repos, user, docId);
  const w = await ctx.repos.privacy.withheld.byId(withheldId);
  if (!w || w.document_id !== docId) throw new NotFoundError('未找到该原件');
  const data = await new FileStore(ctx.config.storageDir).get(w.sha256);
  if (!data) throw new NotFoundError('原件文件缺失，请联系管理员');
  return { filename: w.filename, mime: w.mime, data };
}
