// Applicants' personal data (issue 7): how long an agency keeps it, its erasure once that period
// has run out, and the export of one applicant's data when they ask for it (identity verified in
// person by the disclosure office). The retention rule and the scrubbing of texts are in
// src/domain/applicant-retention.ts; this file loads, authorises, changes and audits.
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import type { ApplicationRow } from '../db/schema.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { ErasedApplicantFields } from '../db/repositories/applicant-data.repository.ts';
import {
  DEFAULT_RETENTION_YEARS, ENDED_STATES, ERASED_MARK, checkRetentionYears, retentionCutoff, scrubJson, scrubText, type OwnPersonalData,
} from '../domain/applicant-retention.ts';
import { EVENT_LABELS, caseEventOf, publicEventText, type ApplicationEventType } from '../domain/application-events.ts';
import {
  APPLICANT_KIND_LABELS, CHANNEL_LABELS, DELIVERY_LABELS, FORMAT_LABELS, ID_TYPE_LABELS, ORG_TYPE_LABELS,
  type ApplicantKind, type Channel, type Delivery, type IdType, type InfoFormat, type OrgType,
} from '../domain/application-form.ts';
import { STATE_LABELS, type State } from '../domain/application-workflow.ts';
import { chinaDateOf } from '../domain/dates.ts';
import { maskName } from '../domain/identity.ts';
import { formatTrackingCode, isValidTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.ts';
import type { LetterKind } from '../output/application-letters.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { ForbiddenError, UnauthorizedError, ValidationError } from './errors.ts';
import { outcomeLabelOf } from './application-case.service.ts';
import { receiptLetter } from './application-letter.service.ts';
import { APPLICANT_FILE_KIND } from './application-intake.service.ts';

const retentionKey = (agencyId: number) => `privacy.retention_years.${agencyId}`;

/**
 * What an erasure deletes: the applicant's own files, and the letters addressed to them (they carry
 * the applicant's name; the stamped originals are in the agency's paper archive). Consultation
 * letters to third parties and staff material stay.
 */
const ERASED_FILE_KINDS: readonly string[] = [
  APPLICANT_FILE_KIND,
  ...(['correction_notice', 'extension_notice', 'fee_notice', 'reply'] satisfies LetterKind[]),
];

const ERASURE_ACTOR: Actor = { kind: 'system', label: '系统（个人信息保存期限）' };

// ---------------------------------------------------------------------------------------------
// Who may do what

function staffOf(actor: Actor): StaffUser {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  return actor.user;
}

/** The disclosure office, its head and administrators manage retention; the page is theirs. */
function canConfigure(user: StaffUser): boolean {
  return user.isSysadmin || user.roles.some((r) => r === 'office' || r === 'head' || r === 'admin');
}

/** Only the disclosure office, which receives applications and meets applicants, exports one's data. */
function canExport(user: StaffUser): boolean {
  return user.roles.includes('office');
}

function requireExporter(actor: Actor): StaffUser {
  const user = staffOf(actor);
  if (!canExport(user)) throw new ForbiddenError('只有公开办可以导出申请人的个人信息');
  return user;
}

// ---------------------------------------------------------------------------------------------
// The retention setting (per agency)

export async function retentionYearsOf(repos: Repositories, agencyId: number): Promise<number> {
  const v = await repos.settings.get(retentionKey(agencyId));
  const n = v === undefined ? Number.NaN : Number(v);
  return checkRetentionYears(n) === null ? n : DEFAULT_RETENTION_YEARS;
}

export async function setRetentionYears(ctx: ServiceContext, actor: Actor, years: number): Promise<void> {
  const user = staffOf(actor);
  if (!canConfigure(user)) throw new ForbiddenError('只有公开办、负责人或系统管理员可以设置个人信息保存期限');
  const problem = checkRetentionYears(years);
  if (problem) throw new ValidationError('保存期限有误', { years: problem });
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await retentionYearsOf(repos, user.agencyId);
    await repos.settings.set(retentionKey(user.agencyId), String(years));
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: 'privacy.retention_set',
      subjectType: 'agency', subjectId: user.agencyId, summary: { before, after: years }, ip: actor.ip,
    }, now);
  });
}

export interface ApplicantDataPage {
  retentionYears: number;
  defaultYears: number;
  canConfigure: boolean;
  canExport: boolean;
}

/** What the console page shows the user (refused to those who neither configure nor export). */
export async function applicantDataPage(ctx: ServiceContext, actor: Actor): Promise<ApplicantDataPage> {
  const user = staffOf(actor);
  if (!canConfigure(user) && !canExport(user)) throw new ForbiddenError('只有公开办、负责人或系统管理员可以管理申请人的个人信息');
  return { retentionYears: await retentionYearsOf(ctx.repos, user.agencyId), defaultYears: DEFAULT_RETENTION_YEARS, canConfigure: canConfigure(user), canExport: canExport(user) };
}

// ---------------------------------------------------------------------------------------------
// Erasure after the retention period

export interface ErasedCase {
  applicationId: number;
  agencyId: number;
  trackingCode: string;
  endedOn: string;
}

export interface PurgeReport {
  today: string;
  dryRun: boolean;
  agencies: { agencyId: number; agencyCode: string; retentionYears: number; cutoff: string; cases: ErasedCase[] }[];
  /** Cases erased (or, in a dry run, that would be). */
  erased: number;
  filesDeleted: number;
}

function ownData(app: ApplicationRow): OwnPersonalData {
  return { name: app.applicant_name, idNumber: app.applicant_id_number, phone: app.applicant_phone, email: app.applicant_email, address: app.applicant_address };
}

function erasedFields(app: ApplicationRow): ErasedApplicantFields {
  return {
    applicant_name: ERASED_MARK,
    applicant_id_number: '',
    applicant_phone: '',
    applicant_email: '',
    applicant_address: '',
    description: scrubText(app.description, ownData(app)),
    // Both were derived from the submitted form, personal data included.
    idempotency_key: null,
    request_hash: null,
  };
}

/** Erases one case in one transaction; false when another run got there first. */
async function eraseCase(ctx: ServiceContext, app: ApplicationRow, retentionYears: number, today: string): Promise<{ erased: boolean; filesDeleted: number }> {
  const now = ctx.now();
  const at = now.toISOString();
  return ctx.transaction(async (repos) => {
    // The claim comes first: a concurrent run (the job on another instance, the command line)
    // waits for it and then finds the case taken.
    const claimed = await repos.applicantData.claimErasure({ application_id: app.id, agency_id: app.agency_id, erased_on: today, erased_at: at, retention_years: retentionYears, files_deleted: 0 });
    if (!claimed) return { erased: false, filesDeleted: 0 };
    const current = (await repos.applications.byId(app.id))!;
    const own = ownData(current);
    let eventsScrubbed = 0;
    for (const e of await repos.applications.events(app.id)) {
      const data = JSON.parse(e.data) as Record<string, unknown>;
      const scrubbed = scrubJson(data, own) as Record<string, unknown>;
      if (JSON.stringify(scrubbed) !== e.data) {
        await repos.applicantData.setEventData(e.id, scrubbed);
        eventsScrubbed++;
      }
    }
    const filesDeleted = await repos.applicantData.deleteFiles(app.id, ERASED_FILE_KINDS);
    await repos.applicantData.eraseApplicant(app.id, erasedFields(current), at);
    await repos.applicantData.setFilesDeleted(app.id, filesDeleted);
    // What was done, never the data itself.
    await repos.audit.append({
      actorId: actorUserId(ERASURE_ACTOR), actorLabel: actorLabel(ERASURE_ACTOR), agencyId: app.agency_id, action: 'application.personal_data_erased',
      subjectType: 'application', subjectId: app.id,
      summary: { trackingCode: app.tracking_code, endedOn: app.ended_on, retentionYears, filesDeleted, eventsScrubbed },
    }, now);
    return { erased: true, filesDeleted };
  });
}

/**
 * Erases the personal data of every case whose retention period ran out (per agency setting):
 * idempotent (an erased case is recorded and never selected again), safe to run from several
 * instances. `dryRun` lists the cases and changes nothing.
 */
export async function purgeExpiredPersonalData(ctx: ServiceContext, opts: { dryRun?: boolean; agencyCodes?: readonly string[] } = {}): Promise<PurgeReport> {
  const today = chinaDateOf(ctx.now());
  const dryRun = opts.dryRun ?? false;
  const all = await ctx.repos.agencies.all();
  const agencies = opts.agencyCodes ? all.filter((a) => opts.agencyCodes!.includes(a.code)) : all;
  const report: PurgeReport = { today, dryRun, agencies: [], erased: 0, filesDeleted: 0 };
  for (const agency of agencies) {
    const retentionYears = await retentionYearsOf(ctx.repos, agency.id);
    const cutoff = retentionCutoff(today, retentionYears);
    const cases: ErasedCase[] = [];
    for (const app of await ctx.repos.applicantData.expired(agency.id, cutoff, ENDED_STATES)) {
      const item = { applicationId: app.id, agencyId: agency.id, trackingCode: app.tracking_code, endedOn: app.ended_on! };
      if (dryRun) {
        cases.push(item);
        continue;
      }
      const done = await eraseCase(ctx, app, retentionYears, today);
      if (done.erased) {
        cases.push(item);
        report.filesDeleted += done.filesDeleted;
      }
    }
    report.erased += cases.length;
    report.agencies.push({ agencyId: agency.id, agencyCode: agency.code, retentionYears, cutoff, cases });
  }
  return report;
}

// ---------------------------------------------------------------------------------------------
// One applicant's data, on request

export interface ApplicantQuery {
  /** 'id': an identity document number; 'code': a tracking code of one of their applications. */
  by: string;
  value: string;
}

export interface ApplicantMatch {
  by: 'id' | 'code';
  value: string;
  /** The person's name as on their latest case, masked (the page is a confirmation, not a view). */
  maskedName: string;
  cases: { id: number; trackingCode: string; receivedOn: string; state: State; stateLabel: string; description: string }[];
  /** The tracking code belonged to a case whose personal data was already erased. */
  erasedOn: string | null;
}

/** The normalised forms an identity number may be stored under (resident IDs and credit codes in upper case). */
function idNumberForms(value: string): string[] {
  const trimmed = value.trim();
  const folded = trimmed.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return [trimmed, folded];
}

async function matchApplicant(ctx: ServiceContext, user: StaffUser, query: ApplicantQuery): Promise<{ match: ApplicantMatch; apps: ApplicationRow[] }> {
  const value = String(query.value ?? '').trim();
  const by = query.by === 'code' ? 'code' : query.by === 'id' ? 'id' : null;
  if (by === null) throw new ValidationError('请选择查找方式', { by: '请选择按证件号码或按查询码查找' });
  if (value === '') throw new ValidationError('请填写要查找的内容', { value: by === 'id' ? '请填写申请人的证件号码' : '请填写申请的查询码' });
  if ([...value].length > 64) throw new ValidationError('查找内容过长', { value: '证件号码或查询码不能超过64个字符' });
  let idNumbers: string[];
  let erasedOn: string | null = null;
  if (by === 'code') {
    const code = normalizeTrackingCode(value);
    if (!isValidTrackingCode(code)) throw new ValidationError('查询码有误', { value: '查询码有误，请核对回执上的16位查询码' });
    const app = await ctx.repos.applications.byTrackingCode(code);
    // Another agency's code finds nothing, as a code that does not exist.
    idNumbers = app && app.agency_id === user.agencyId ? [app.applicant_id_number] : [];
    if (app && app.agency_id === user.agencyId) erasedOn = (await ctx.repos.applicantData.erasure(app.id))?.erased_on ?? null;
  } else {
    idNumbers = idNumberForms(value);
  }
  const apps = await ctx.repos.applicantData.byIdNumber(user.agencyId, idNumbers);
  const latest = apps.at(-1);
  return {
    apps,
    match: {
      by, value, erasedOn,
      maskedName: latest ? (latest.applicant_kind === 'person' ? maskName(latest.applicant_name) : latest.applicant_name) : '',
      cases: apps.map((a) => ({
        id: a.id, trackingCode: formatTrackingCode(a.tracking_code), receivedOn: a.received_on,
        state: a.state as State, stateLabel: STATE_LABELS[a.state as State] ?? a.state, description: [...a.description].slice(0, 60).join(''),
      })),
    },
  };
}

/** The cases an applicant filed with the user's agency, for the office to confirm before exporting. */
export async function findApplicant(ctx: ServiceContext, actor: Actor, query: ApplicantQuery): Promise<ApplicantMatch> {
  return (await matchApplicant(ctx, requireExporter(actor), query)).match;
}

export interface ApplicantExport {
  filename: string;
  mime: 'application/zip';
  content: Buffer;
  cases: number;
  files: number;
}

/** A name safe inside a ZIP on every system: no directories, no control or reserved characters. */
function safeName(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').trim();
  return [...(cleaned || 'file')].slice(-120).join('');
}

/**
 * A ZIP of everything the agency holds about one applicant: each case's fields, the steps the
 * applicant was told of, the letters and files sent to them, the files they supplied, and each
 * case's acknowledgement. Only the disclosure office may make it, after confirming that the
 * applicant's identity was checked in person; every export is an audit event.
 */
export async function exportApplicantData(ctx: ServiceContext, actor: Actor, query: ApplicantQuery & { verified: boolean }): Promise<ApplicantExport> {
  const user = requireExporter(actor);
  const { match, apps } = await matchApplicant(ctx, user, query);
  if (!query.verified) throw new ValidationError('请先核验申请人身份', { verified: '请确认已核验申请人（或其代理人）的身份证件原件' });
  if (apps.length === 0) throw new ValidationError('没有可导出的申请', { value: '未找到该申请人在本机关的申请' });
  const agency = (await ctx.repos.agencies.byId(user.agencyId))!;
  const today = chinaDateOf(ctx.now());
  const zip = new JSZip();
  const applications: unknown[] = [];
  let fileCount = 0;
  for (const app of apps) {
    const dir = app.tracking_code;
    const [events, files, receipt] = await Promise.all([
      ctx.repos.applications.events(app.id),
      ctx.repos.applicantData.applicantFiles(app.id, [APPLICANT_FILE_KIND]),
      receiptLetter(ctx, app),
    ]);
    const listed: { path: string; filename: string; kind: string; size: number; sha256: string }[] = [];
    const add = (filename: string, kind: string, content: Buffer, id?: number) => {
      const path = `${dir}/${id === undefined ? '' : `${id}-`}${safeName(filename)}`;
      zip.file(path, content);
      listed.push({ path, filename, kind, size: content.length, sha256: createHash('sha256').update(content).digest('hex') });
      fileCount++;
    };
    add(receipt.filename, 'receipt', receipt.content);
    for (const f of files) add(f.filename, f.kind, f.content, f.id);
    applications.push({
      trackingCode: formatTrackingCode(app.tracking_code),
      receivedOn: app.received_on,
      channel: CHANNEL_LABELS[app.channel as Channel] ?? app.channel,
      applicant: {
        kind: APPLICANT_KIND_LABELS[app.applicant_kind as ApplicantKind] ?? app.applicant_kind,
        orgType: app.applicant_org_type ? ORG_TYPE_LABELS[app.applicant_org_type as OrgType] ?? app.applicant_org_type : null,
        name: app.applicant_name,
        idType: ID_TYPE_LABELS[app.applicant_id_type as IdType] ?? app.applicant_id_type,
        idNumber: app.applicant_id_number,
        phone: app.applicant_phone,
        email: app.applicant_email,
        address: app.applicant_address,
      },
      description: app.description,
      format: FORMAT_LABELS[app.format as InfoFormat] ?? app.format,
      delivery: DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery,
      state: STATE_LABELS[app.state as State] ?? app.state,
      outcome: outcomeLabelOf(app.outcome),
      endedOn: app.ended_on,
      // The steps the applicant sees in the tracking view: no internal steps, no staff names.
      timeline: events.filter((e) => e.is_public === 1).map((row) => {
        const e = caseEventOf(row);
        return { on: row.occurred_on, step: EVENT_LABELS[e.type as ApplicationEventType] ?? row.type, text: publicEventText(e) };
      }),
      files: listed,
    });
  }
  zip.file('申请记录.json', JSON.stringify({ agency: { code: agency.code, name: agency.name }, exportedOn: today, applications }, null, 2));
  zip.file('说明.txt', [
    `${agency.name}：申请人个人信息导出`,
    `导出日期：${today}；共 ${apps.length} 件申请，${fileCount} 个文件。`,
    '申请记录.json：每件申请的申请人信息、申请内容、办理结果和告知申请人的办理环节。',
    '每件申请一个文件夹（以查询码命名）：受理回执、发送给申请人的文书和材料、申请人提交的材料。',
    '',
  ].join('\r\n'));
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const now = ctx.now();
  await ctx.transaction((repos) => repos.audit.append({
    actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: 'applicant_data.exported',
    subjectType: 'application', subjectId: apps.map((a) => a.id).join(','),
    // Which cases left, and how they were found; the identity number itself stays out of the chain.
    summary: { by: match.by, cases: apps.map((a) => a.tracking_code), files: fileCount, sha256: createHash('sha256').update(content).digest('hex') },
    ip: actor.ip,
  }, now));
  return { filename: `申请人信息-${agency.code}-${today}.zip`, mime: 'application/zip', content, cases: apps.length, files: fileCount };
}
