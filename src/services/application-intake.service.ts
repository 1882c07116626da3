// Receiving applications: online from the public (no account), and offline ones registered by the
// disclosure office with the channel and the Art. 31 dates. Both end in one transaction that
// stores the application, its `received` event and an audit event; the caller answers only after
// it committed, so an acknowledged application is durable. Files the applicant attaches online (a
// scan of the identity document, a letter, a power of attorney) are stored in that same transaction.
import { createHash, randomBytes } from 'node:crypto';
import type { Agency, ApplicationRow } from '../db/schema.ts';
import {
  validateApplicationForm,
  validateReceipt,
  type FieldErrors,
  type ValidApplicationForm,
  type ValidReceipt,
} from '../domain/application-form.ts';
import { caseClock } from '../domain/application-events.ts';
import type { State } from '../domain/application-workflow.ts';
import { chinaDateOf } from '../domain/dates.ts';
import { TRACKING_CODE_BYTES, trackingCodeFromBytes } from '../domain/tracking-code.ts';
import { CSV_KIND, FILE_KINDS, detectFileKind, isCsvText, safeFilename, withKindExtension } from '../storage/file-type.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

export interface SubmitResult {
  id: number;
  agencyCode: string;
  trackingCode: string;
  state: State;
  receivedOn: string;
  dueOn: string | null;
  provisional: boolean;
  /** True when an earlier identical submission (same idempotency key) was found instead. */
  replayed: boolean;
}

export interface SubmitInput {
  agencyCode: string;
  /** The form or JSON body: `applicant` {kind, orgType, name, idType, idNumber, phone, email, address}, description, format, delivery. */
  form: Record<string, unknown>;
  /**
   * Makes a retry safe: the hidden per-form nonce, or the API's Idempotency-Key header. A second
   * submission with the same key returns the first application; the same key with other content is
   * refused (409). Keys are scoped by source and by staff account, so clients cannot collide.
   */
  idempotency?: { source: 'form' | 'api'; key: string } | null;
  /** Attachments from the online form (at most MAX_APPLICANT_FILES); checked by their content. */
  files?: readonly ApplicantFileInput[];
}

/** The `kind` of application_files rows the applicant sent (never public: they hold personal data). */
export const APPLICANT_FILE_KIND = 'applicant';
export const MAX_APPLICANT_FILES = 5;
export const MAX_APPLICANT_FILE_BYTES = 10 * 1024 * 1024;
export const APPLICANT_FILE_TYPES_LABEL = 'PDF、OFD、Word、Excel、PNG、JPEG、GIF、CSV';
/** For the file input's `accept` (a hint to the browser; the content decides). */
export const APPLICANT_FILE_EXTENSIONS = [...new Set([...Object.values(FILE_KINDS).flatMap((k) => k.extensions), ...CSV_KIND.extensions])];

export interface ApplicantFileInput {
  /** The name the browser sent (untrusted: may hold directories or control characters). */
  filename: string;
  content: Buffer;
}

export interface CheckedApplicantFile {
  filename: string;
  mime: string;
  content: Buffer;
  sha256: string;
}

export interface RegisterInput extends SubmitInput {
  /** channel, receivedOn, confirmedOn (Art. 31). */
  receipt: Record<string, unknown>;
}

export function todayOf(ctx: ServiceContext): string {
  return chinaDateOf(ctx.now());
}

/**
 * Checks an applicant's attachments: how many, each one's size and, from its bytes, its type. The
 * message names every file refused and why; a refused file refuses the whole submission.
 */
export function checkApplicantFiles(files: readonly ApplicantFileInput[]): { ok: true; files: CheckedApplicantFile[] } | { ok: false; message: string } {
  if (files.length > MAX_APPLICANT_FILES) return { ok: false, message: `附件过多：最多可以上传${MAX_APPLICANT_FILES}个附件，请减少后重新选择` };
  const problems: string[] = [];
  const checked: CheckedApplicantFile[] = [];
  for (const f of files) {
    const name = safeFilename(f.filename);
    if (f.content.length === 0) {
      problems.push(`附件“${name}”是空文件`);
      continue;
    }
    if (f.content.length > MAX_APPLICANT_FILE_BYTES) {
      problems.push(`附件“${name}”超过${MAX_APPLICANT_FILE_BYTES / 1024 / 1024}MB`);
      continue;
    }
    const kind = detectFileKind(f.content, name);
    const type = kind ? FILE_KINDS[kind] : isCsvText(f.content, name) ? CSV_KIND : null;
    if (!type) {
      problems.push(`附件“${name}”的内容不是可接受的类型（${APPLICANT_FILE_TYPES_LABEL}；系统按文件内容而不是扩展名判断）`);
      continue;
    }
    checked.push({ filename: withKindExtension(name, type.extensions), mime: type.mime, content: f.content, sha256: createHash('sha256').update(f.content).digest('hex') });
  }
  return problems.length > 0 ? { ok: false, message: problems.join('；') } : { ok: true, files: checked };
}

function invalid(fields: FieldErrors): ValidationError {
  return new ValidationError(`申请内容有误：${Object.values(fields).join('；')}`, fields);
}

async function agencyFor(ctx: ServiceContext, code: string, fields: FieldErrors): Promise<Agency | null> {
  const agency = typeof code === 'string' && code !== '' ? await ctx.repos.agencies.byCode(code) : undefined;
  if (!agency) fields.agency = '未找到受理申请的机关';
  return agency ?? null;
}

/** A new, unused tracking code (a collision in 75 random bits is not expected, but costs one query to rule out). */
async function newTrackingCode(ctx: ServiceContext): Promise<string> {
  for (;;) {
    const code = trackingCodeFromBytes(randomBytes(TRACKING_CODE_BYTES));
    if (!(await ctx.repos.applications.byTrackingCode(code))) return code;
  }
}

/** Online application from the public (Art. 29): received today, the day both sides confirm it (Art. 31). */
export async function submitApplication(ctx: ServiceContext, actor: Actor, input: SubmitInput): Promise<SubmitResult> {
  const today = todayOf(ctx);
  const fields: FieldErrors = {};
  const agency = await agencyFor(ctx, input.agencyCode, fields);
  const form = validateApplicationForm(input.form, { today });
  if (!form.ok) Object.assign(fields, form.fields);
  const files = checkApplicantFiles(input.files ?? []);
  if (!files.ok) fields.attachments = files.message;
  const key = idempotencyKeyOf(actor, input.idempotency, fields);
  if (!agency || !form.ok || !files.ok || key === undefined) throw invalid(fields);
  const receipt: ValidReceipt = { channel: 'online', arrivedOn: today, confirmedOn: today, receivedOn: today };
  return createApplication(ctx, actor, agency, form.value, receipt, key, files.files);
}

export const OFFLINE_REGISTRATION_REFUSED = '只有政府信息公开工作机构（公开办）可以登记申请';

/**
 * Whether this user may register offline applications: the disclosure office only (a platform
 * administrator without the office role may not). Used to refuse and to decide what a page offers.
 */
export function mayRegisterOffline(user: Pick<StaffUser, 'roles'>): boolean {
  return user.roles.includes('office');
}

/** An application received by letter, fax, e-mail, in person or orally, registered by the disclosure office. */
export async function registerOfflineApplication(ctx: ServiceContext, actor: Actor, input: RegisterInput): Promise<SubmitResult> {
  const user = staffOf(actor);
  if (!mayRegisterOffline(user)) throw new ForbiddenError(OFFLINE_REGISTRATION_REFUSED);
  const today = todayOf(ctx);
  const fields: FieldErrors = {};
  const agency = await agencyFor(ctx, input.agencyCode || user.agencyCode, fields);
  if (agency && agency.id !== user.agencyId) throw new ForbiddenError('只能为本机关登记申请');
  const form = validateApplicationForm(input.form, { today });
  if (!form.ok) Object.assign(fields, form.fields);
  const receipt = validateReceipt(input.receipt, { today });
  if (!receipt.ok) Object.assign(fields, receipt.fields);
  const key = idempotencyKeyOf(actor, input.idempotency, fields);
  if (!agency || !form.ok || !receipt.ok || key === undefined) throw invalid(fields);
  return createApplication(ctx, actor, agency, form.value, receipt.value, key, []);
}

/** The stored key: scoped by source and account; undefined (with a field error) when malformed. */
function idempotencyKeyOf(actor: Actor, given: SubmitInput['idempotency'], fields: FieldErrors): string | null | undefined {
  if (!given) return null;
  if (!/^[\x21-\x7e]{8,150}$/.test(given.key)) {
    fields[given.source === 'api' ? 'Idempotency-Key' : 'nonce'] = '请求标识应为8至150个可见ASCII字符';
    return undefined;
  }
  const who = actor.kind === 'staff' ? `u${actor.user.id}` : 'p';
  return `${given.source}:${who}:${given.key}`;
}

function staffOf(actor: Actor): StaffUser {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  return actor.user;
}

function requestHash(agencyId: number, form: ValidApplicationForm, receipt: ValidReceipt, files: readonly CheckedApplicantFile[]): string {
  const parts: unknown[] = [agencyId, form, receipt.channel, receipt.arrivedOn, receipt.confirmedOn];
  // Only when there are files, so that the hashes stored before attachments existed still match.
  if (files.length > 0) parts.push(files.map((f) => [f.filename, f.sha256]));
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

async function createApplication(
  ctx: ServiceContext,
  actor: Actor,
  agency: Agency,
  form: ValidApplicationForm,
  receipt: ValidReceipt,
  idempotencyKey: string | null,
  files: readonly CheckedApplicantFile[],
): Promise<SubmitResult> {
  const hash = requestHash(agency.id, form, receipt, files);
  if (idempotencyKey !== null) {
    const existing = await ctx.repos.applications.byIdempotencyKey(idempotencyKey);
    if (existing) return replay(ctx, existing, hash, agency);
  }
  const trackingCode = await newTrackingCode(ctx);
  const now = ctx.now();
  const at = now.toISOString();
  const { row, created } = await ctx.transaction(async (repos) => {
    const result = await repos.applications.insertIdempotent({
      agency_id: agency.id,
      tracking_code: trackingCode,
      applicant_kind: form.applicant.kind,
      applicant_org_type: form.applicant.orgType,
      applicant_name: form.applicant.name,
      applicant_id_type: form.applicant.idType,
      applicant_id_number: form.applicant.idNumber,
      applicant_phone: form.applicant.phone,
      applicant_email: form.applicant.email,
      applicant_address: form.applicant.address,
      description: form.description,
      format: form.format,
      delivery: form.delivery,
      channel: receipt.channel,
      received_on: receipt.receivedOn,
      signed_on: receipt.arrivedOn,
      confirmed_on: receipt.confirmedOn,
      state: 'received',
      department_id: null,
      outcome: null,
      ended_on: null,
      idempotency_key: idempotencyKey,
      request_hash: hash,
      created_by: actorUserId(actor),
      created_at: at,
      updated_at: at,
    });
    if (!result.created) return result;
    const received = await repos.applications.appendEvent({
      applicationId: result.row.id,
      type: 'received',
      on: receipt.receivedOn,
      at,
      actorId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      data: { channel: receipt.channel, arrivedOn: receipt.arrivedOn, confirmedOn: receipt.confirmedOn },
      isPublic: true,
    });
    for (const f of files) {
      await repos.applications.insertFile({
        applicationId: result.row.id, eventId: received.id, kind: APPLICANT_FILE_KIND, filename: f.filename, mime: f.mime, content: f.content,
        sha256: f.sha256, isPublic: false, createdBy: actorUserId(actor), createdAt: at,
      });
    }
    // No personal data in the audit chain: it is kept for ever and read by administrators.
    await repos.audit.append({
      actorId: actorUserId(actor),
      actorLabel: actorLabel(actor),
      agencyId: agency.id,
      action: actor.kind === 'staff' ? 'application.registered' : 'application.submitted',
      subjectType: 'application',
      subjectId: result.row.id,
      summary: { trackingCode, channel: receipt.channel, receivedOn: receipt.receivedOn, applicantKind: form.applicant.kind, ...(files.length > 0 ? { attachments: files.length } : {}) },
      ip: actor.ip ?? '',
    }, now);
    return result;
  });
  if (!created) return replay(ctx, row, hash, agency);
  return resultOf(ctx, row, agency, false);
}

async function replay(ctx: ServiceContext, existing: ApplicationRow, hash: string, agency: Agency): Promise<SubmitResult> {
  if (existing.request_hash !== hash || existing.agency_id !== agency.id) {
    throw new DomainError('该请求标识（Idempotency-Key）已用于另一份内容不同的申请；如需提交新的申请，请重新打开申请表', 'idempotency_conflict');
  }
  return resultOf(ctx, existing, agency, true);
}

async function resultOf(ctx: ServiceContext, row: ApplicationRow, agency: Agency, replayed: boolean): Promise<SubmitResult> {
  const cal = await ctx.calendar();
  const events = replayed ? await ctx.repos.applications.events(row.id) : [];
  const clock = caseClock(cal, {
    receivedOn: row.received_on,
    endedOn: row.ended_on,
    events: events.map((e) => ({ type: e.type as never, on: e.occurred_on, actorId: e.actor_id, data: JSON.parse(e.data) as Record<string, unknown> })),
  }, todayOf(ctx));
  return {
    id: row.id,
    agencyCode: agency.code,
    trackingCode: row.tracking_code,
    state: row.state as State,
    receivedOn: row.received_on,
    dueOn: clock.dueOn,
    provisional: clock.provisional,
    replayed,
  };
}

/** Throws "not found" for an unknown agency code (pages of an agency's portal). */
export async function requireAgency(ctx: ServiceContext, code: string): Promise<Agency> {
  const agency = await ctx.repos.agencies.byCode(code);
  if (!agency) throw new NotFoundError('未找到该机关');
  return agency;
}
