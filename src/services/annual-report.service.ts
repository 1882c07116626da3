// The annual report on open government information work (Art. 49–50; issue 5): tables computed
// from the agency's records (annual-report.ts), figures the platform does not hold entered with their
// source, prose written by the office, checks that must pass before submission, the review by the
// supervising office, publication, and corrections as new versions (report-workflow.ts).
import type { ServiceContext } from './context.ts';
import type { Repositories } from '../db/repositories/index.ts';
import type { Agency, AnnualReportAdjustmentRow, AnnualReportRow } from '../db/schema.ts';
import { actorLabel, type Actor, type StaffUser } from './actor.ts';
import { DomainError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from './errors.ts';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  PROACTIVE_LABELS,
  REVIEW_LITIGATION_COLUMNS,
  ReportInputError,
  checkApplicationTable,
  checkReport,
  computeApplicationTable,
  computeProactiveTable,
  computeReviewLitigation,
  type ApplicantType,
  type ApplicationRowKey,
  type ApplicationTable,
  type CaseKind,
  type CaseResult,
  type CheckResult,
  type ProactiveDocument,
  type ProactiveManualFigures,
  type ProactiveTable,
  type ReportApplication,
  type ReviewCase,
  type ReviewLitigationTable,
} from '../domain/annual-report.ts';
import { isOutcomeCode, OUTCOMES, STATE_LABELS, WITHDRAWAL, type ReportOutcome, type State } from '../domain/application-workflow.ts';
import { caseClock, caseEventOf } from '../domain/application-events.ts';
import {
  ADJUSTABLE_COLUMNS,
  ADJUSTABLE_ROWS,
  applyAdjustments,
  offPlatformEntries,
  sumApplicationTables,
  sumProactiveTables,
  sumReviewTables,
  type CellAdjustment,
} from '../domain/report-tables.ts';
import {
  REPORT_STATUS_LABELS,
  deadlineState,
  isReportStatus,
  missedDeadline,
  reportActions,
  reportDeadline,
  reportTransition,
  reminderStart,
  type DeadlineState,
  type ReportAction,
  type ReportParty,
  type ReportStatus,
} from '../domain/report-workflow.ts';
import { chinaDateOf, isIsoDate } from '../domain/dates.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { searchDocuments, type SearchResults } from '../search/search.service.ts';
import { timingParagraph } from './timing.service.ts';

// =============================================================================================
// Types the pages, outputs and the API receive (plain data)

export type FigureKey = 'licensing' | 'penalty' | 'coercion' | 'fees';
export const FIGURE_KEYS: readonly FigureKey[] = ['licensing', 'penalty', 'coercion', 'fees'];
export const FIGURE_LABELS: Readonly<Record<FigureKey, string>> = {
  licensing: `${PROACTIVE_LABELS.licensing}${PROACTIVE_LABELS.decisions}`,
  penalty: `${PROACTIVE_LABELS.penalty}${PROACTIVE_LABELS.decisions}`,
  coercion: `${PROACTIVE_LABELS.coercion}${PROACTIVE_LABELS.decisions}`,
  fees: `${PROACTIVE_LABELS.fees}${PROACTIVE_LABELS.feeAmount}`,
};

/** The three tables of a report (sections 二, 三, 四), with the record ids behind each cell. */
export interface ReportTableSet {
  proactive: ProactiveTable;
  applications: ApplicationTable;
  reviewLitigation: ReviewLitigationTable;
}

/** What is frozen at submission and published: the tables and their checks as the supervisor saw them. */
export interface ReportSnapshot extends ReportTableSet {
  format: '2021';
  computedAt: string;
  checks: CheckResult[];
}

export interface AdjustmentView {
  id: number;
  row: ApplicationRowKey;
  rowLabel: string;
  column: string;
  columnLabel: string;
  delta: number;
  note: string;
  createdAt: string;
}

export interface ReportVersionView {
  id: number;
  version: number;
  status: ReportStatus;
  statusLabel: string;
  publishedOn: string | null;
  correctionNote: string;
}

export interface ReportHistoryEntry {
  at: string;
  actor: string;
  /** The audit action ('report.submitted' …), for a view that words it in another language. */
  actionKey: string;
  /** Its Chinese label (the key itself when it has none). */
  action: string;
  detail: string;
}

/** Everything a rendering of one report needs (HTML page, .docx, .xlsx). */
export interface ReportDocumentModel {
  agencyCode: string;
  agencyName: string;
  year: number;
  version: number;
  kind: 'computed' | 'archived';
  status: ReportStatus;
  title: string;
  overview: string;
  problems: string;
  otherMatters: string;
  /** Archived reports: the text as published. */
  archiveText: string;
  archiveSource: string;
  publishedOn: string | null;
  correctionNote: string;
  /** Null for archived reports. */
  tables: ReportTableSet | null;
  checks: CheckResult[];
}

export interface ReportWorkspace {
  agency: { id: number; code: string; name: string };
  year: number;
  supervisorName: string | null;
  today: string;
  deadline: string;
  deadlineState: DeadlineState;
  /** The version being shown: the one in progress, else the newest. Null before anything was saved. */
  report: {
    id: number;
    version: number;
    status: ReportStatus;
    statusLabel: string;
    overview: string;
    problems: string;
    otherMatters: string;
    figures: Record<FigureKey, string>;
    sources: Record<FigureKey, string>;
    reviewComment: string;
    correctionNote: string;
    submittedAt: string | null;
    decidedAt: string | null;
    publishedOn: string | null;
  } | null;
  /** True when the tables are computed now from the records; false when frozen at submission. */
  live: boolean;
  document: ReportDocumentModel;
  failures: CheckResult[];
  /** What must still be done before submission (besides failing checks). */
  missing: string[];
  adjustments: AdjustmentView[];
  versions: ReportVersionView[];
  history: ReportHistoryEntry[];
  /** What this viewer may do now. */
  can: { edit: boolean; submit: boolean; publish: boolean; correct: boolean; review: boolean };
  party: ReportParty | null;
}

// =============================================================================================
// Access

interface Access {
  agency: Agency;
  user: StaffUser;
  party: ReportParty | null;
}

function staffOf(actor: Actor): StaffUser {
  if (actor.kind !== 'staff') throw new UnauthorizedError();
  return actor.user;
}

const OFFICE_VIEWERS = ['office', 'head', 'reviewer'] as const;

/**
 * Who the viewer is for this agency's report: its disclosure office, the supervising office of its
 * parent, or someone who may only read. Staff of unrelated agencies get "not found" (STYLE.md #8).
 */
function partyFor(user: StaffUser, agency: Agency): { party: ReportParty | null; mayView: boolean } {
  if (user.agencyId === agency.id) {
    const office = user.isSysadmin || user.roles.includes('office');
    return { party: office ? 'office' : null, mayView: office || OFFICE_VIEWERS.some((r) => user.roles.includes(r)) };
  }
  const supervises = agency.parent_id !== null && agency.parent_id === user.agencyId && user.roles.includes('supervisor');
  if (supervises || user.isSysadmin) return { party: 'supervisor', mayView: true };
  return { party: null, mayView: false };
}

async function access(ctx: ServiceContext, actor: Actor, agencyId: number): Promise<Access> {
  const user = staffOf(actor);
  const agency = await ctx.repos.agencies.byId(agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  const { party, mayView } = partyFor(user, agency);
  if (!mayView) {
    if (user.agencyId === agency.id) throw new ForbiddenError('只有公开办、负责人和审核人可以查看本机关的年度报告');
    throw new NotFoundError('未找到该机关的年度报告');
  }
  return { agency, user, party };
}

function requireParty(a: Access, party: ReportParty): void {
  if (a.party !== party) {
    throw new ForbiddenError(party === 'office' ? '只有本机关公开办可以编制、报送和发布年度报告' : '只有上级政府信息公开工作主管部门可以审核年度报告');
  }
}

/** The actor's own agency, where the actor is its disclosure office (who compiles, submits and publishes). */
async function ownOfficeAccess(ctx: ServiceContext, actor: Actor): Promise<Access> {
  const a = await access(ctx, actor, staffOf(actor).agencyId);
  requireParty(a, 'office');
  return a;
}

export function checkYear(year: number, today: string): void {
  const current = Number(today.slice(0, 4));
  if (!Number.isInteger(year) || year < 2008 || year > current) {
    throw new ValidationError(`报告年度无效：${year}（应为2008年至${current}年）`, { year: '报告年度无效' });
  }
}

const todayOf = (ctx: ServiceContext): string => chinaDateOf(ctx.now());
const auditSubject = 'annual_report';
const ipOf = (actor: Actor): string => actor.ip ?? '';

// =============================================================================================
// Computing the tables from the records

function applicantColumnOf(kind: string, orgType: string | null): ApplicantType {
  if (kind === 'person') return 'person';
  const types: readonly string[] = ['commercial', 'research', 'public_interest', 'legal_services', 'other'];
  return orgType !== null && types.includes(orgType) ? (orgType as ApplicantType) : 'other';
}

function outcomeOf(row: { id: number; outcome: string | null; state: string; ended_on: string | null }): ReportOutcome | null {
  if (row.ended_on === null) return null;
  if (row.outcome === 'withdrawn' || (row.outcome === null && row.state === 'withdrawn')) return 'withdrawn';
  if (row.outcome === null) return null; // reported by the domain check as "ended without an outcome"
  if (!isOutcomeCode(row.outcome)) throw new ReportInputError(`申请（编号 ${row.id}）的处理结果无效：${row.outcome}`);
  return row.outcome;
}

const ART20_CLASS: Readonly<Record<string, 'rule' | 'normative'>> = { rules: 'rule', normative_document: 'normative' };

/**
 * The day a document stopped being in force: the last recorded validity change away from 有效
 * (失效, 废止, 已修订 all end it), else — for documents imported with that validity — the day the
 * row last changed. Never before the document's own date.
 */
function repealedOnOf(doc: { id: number; validity: string; created_on: string; updated_at: string }, changes: Map<number, { at: string; to: string }[]>): string | null {
  if (doc.validity === 'valid') return null;
  const list = changes.get(doc.id) ?? [];
  let day = chinaDateOf(new Date(doc.updated_at));
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].to !== 'valid') {
      day = chinaDateOf(new Date(list[i].at));
      break;
    }
  }
  return day < doc.created_on ? doc.created_on : day;
}

const CASE_KINDS: readonly string[] = ['reconsideration', 'lawsuit_direct', 'lawsuit_after_reconsideration'];
const CASE_RESULTS: readonly string[] = ['upheld', 'corrected', 'other', 'pending'];

interface RecordInputs {
  applications: ReportApplication[];
  documents: ProactiveDocument[];
  cases: ReviewCase[];
}

async function loadInputs(repos: Repositories, agencyId: number, year: number): Promise<RecordInputs> {
  const [apps, docs, cases] = await Promise.all([
    repos.reportSources.applications(agencyId, `${year}-12-31`),
    repos.reportSources.art20Documents(agencyId),
    repos.reportSources.reviewCases(agencyId),
  ]);
  const changes = new Map<number, { at: string; to: string }[]>();
  for (const c of await repos.reportSources.validityChanges(docs.filter((d) => d.validity !== 'valid').map((d) => d.id))) {
    const list = changes.get(c.document_id) ?? [];
    list.push(c);
    changes.set(c.document_id, list);
  }
  return {
    applications: apps.map((a) => ({
      id: a.id,
      applicantColumn: applicantColumnOf(a.applicant_kind, a.applicant_org_type),
      receivedOn: a.received_on,
      endedOn: a.ended_on,
      outcome: outcomeOf(a),
    })),
    documents: docs.filter((d) => ART20_CLASS[d.art20_class] !== undefined).map((d) => ({
      id: d.id,
      art20Class: ART20_CLASS[d.art20_class],
      createdOn: d.created_on,
      publishedOn: d.state === 'published' || d.state === 'archived' ? d.published_on : null,
      repealedOn: repealedOnOf(d, changes),
    })),
    cases: cases.map((c) => {
      if (!CASE_KINDS.includes(c.kind) || !CASE_RESULTS.includes(c.result)) {
        throw new ReportInputError(`复议诉讼案件（编号 ${c.id}）的类型或结果无效：${c.kind}/${c.result}`);
      }
      return { id: c.id, kind: c.kind as CaseKind, result: c.result as CaseResult, filedOn: c.filed_on, decidedOn: c.decided_on };
    }),
  };
}

function manualFiguresOf(report: AnnualReportRow | null): ProactiveManualFigures {
  return {
    licensing: report?.licensing ?? 0,
    penalty: report?.penalty ?? 0,
    coercion: report?.coercion ?? 0,
    feesWanYuan: report?.fees_wan_yuan !== null && report?.fees_wan_yuan !== undefined ? Number(report.fees_wan_yuan) : 0,
  };
}

function cellAdjustments(rows: readonly AnnualReportAdjustmentRow[]): CellAdjustment[] {
  return rows.map((a) => ({ row: a.row_key as ApplicationRowKey, column: a.column_key as CellAdjustment['column'], delta: a.delta }));
}

/** The carried-over row (四) of last year's newest published report with tables, if any. */
async function previousCarriedOut(repos: Repositories, agencyId: number, year: number): Promise<number[] | undefined> {
  const prev = await repos.reports.latestPublished(agencyId, year - 1);
  if (!prev || prev.snapshot === null) return undefined;
  const snap = JSON.parse(prev.snapshot) as ReportSnapshot;
  return snap.applications.rows.find((r) => r.key === 'carried_out')?.values.slice();
}

function runChecks(applications: Pick<ApplicationTable, 'rows'>, previous: number[] | undefined): CheckResult[] {
  return checkReport({ applications: { rows: applications.rows }, previousCarriedOut: previous });
}

/** Tables computed now from the records, the entered figures and the section 三 entries. */
async function computeLive(repos: Repositories, agencyId: number, year: number, report: AnnualReportRow | null, adjustments: readonly CellAdjustment[]): Promise<ReportSnapshot> {
  try {
    const inputs = await loadInputs(repos, agencyId, year);
    const applications = applyAdjustments(computeApplicationTable(year, inputs.applications), adjustments);
    const proactive = computeProactiveTable({ year, documents: inputs.documents, manual: manualFiguresOf(report) });
    const reviewLitigation = computeReviewLitigation(inputs.cases, year);
    const checks = runChecks(applications, await previousCarriedOut(repos, agencyId, year));
    return { format: '2021', computedAt: new Date().toISOString(), proactive, applications, reviewLitigation, checks };
  } catch (e) {
    if (e instanceof ReportInputError) throw new DomainError(`记录有误，无法生成年度报告统计表：${e.message}`, 'report_input');
    throw e;
  }
}

function parseSnapshot(report: AnnualReportRow): ReportSnapshot | null {
  return report.snapshot === null ? null : (JSON.parse(report.snapshot) as ReportSnapshot);
}

/** The tables of a version: frozen if it was submitted, else computed now. */
async function tablesOf(repos: Repositories, agencyId: number, year: number, report: AnnualReportRow | null): Promise<{ snapshot: ReportSnapshot; live: boolean }> {
  if (report) {
    const frozen = parseSnapshot(report);
    if (frozen) return { snapshot: frozen, live: false };
  }
  const adjustments = report ? cellAdjustments(await repos.reports.adjustments(report.id)) : [];
  return { snapshot: await computeLive(repos, agencyId, year, report, adjustments), live: true };
}

/**
 * The tables for (agency, year) computed from the records now, with the entries and figures of
 * the version in progress (if any). For tests, the CLI and the API.
 */
export async function computeReport(ctx: ServiceContext, agencyId: number, year: number): Promise<ReportSnapshot> {
  const versions = await ctx.repos.reports.versions(agencyId, year);
  const current = versions.at(-1) ?? null;
  const editable = current && (current.status === 'draft' || current.status === 'returned') ? current : null;
  const adjustments = editable ? cellAdjustments(await ctx.repos.reports.adjustments(editable.id)) : [];
  return computeLive(ctx.repos, agencyId, year, editable, adjustments);
}

// =============================================================================================
// Views

function titleOf(agency: Agency, year: number): string {
  return `${agency.name}${year}年政府信息公开工作年度报告`;
}

function statusOf(row: AnnualReportRow): ReportStatus {
  if (!isReportStatus(row.status)) throw new Error(`unknown report status ${row.status}`);
  return row.status;
}

function parseSources(json: string): Record<FigureKey, string> {
  let parsed: Record<string, unknown> = {};
  try {
    parsed = JSON.parse(json) as Record<string, unknown>;
  } catch {
    parsed = {};
  }
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, typeof parsed[k] === 'string' ? parsed[k] : ''])) as Record<FigureKey, string>;
}

function documentModel(agency: Agency, year: number, row: AnnualReportRow | null, tables: ReportSnapshot | null): ReportDocumentModel {
  return {
    agencyCode: agency.code,
    agencyName: agency.name,
    year,
    version: row?.version ?? 1,
    kind: row?.kind === 'archived' ? 'archived' : 'computed',
    status: row ? statusOf(row) : 'draft',
    title: row?.title ?? titleOf(agency, year),
    overview: row?.overview ?? '',
    problems: row?.problems ?? '',
    otherMatters: row?.other_matters ?? '',
    archiveText: row?.archive_text ?? '',
    archiveSource: row?.archive_source ?? '',
    publishedOn: row?.published_on ?? null,
    correctionNote: row?.correction_note ?? '',
    tables: tables ? { proactive: tables.proactive, applications: tables.applications, reviewLitigation: tables.reviewLitigation } : null,
    checks: tables?.checks ?? [],
  };
}

const ROW_LABEL = new Map(APPLICATION_ROWS.map((r) => [r.key, r.label]));
const COLUMN_LABEL = new Map(APPLICANT_COLUMNS.map((c) => [c.key as string, c.label]));

function rowLabel(key: string): string {
  const def = APPLICATION_ROWS.find((r) => r.key === key);
  if (!def) return key;
  if (def.level === 2 && def.parent) return `${ROW_LABEL.get(def.parent)}${def.label}`;
  return def.label;
}

function adjustmentViews(rows: readonly AnnualReportAdjustmentRow[]): AdjustmentView[] {
  return rows.map((a) => ({
    id: a.id, row: a.row_key as ApplicationRowKey, rowLabel: rowLabel(a.row_key), column: a.column_key,
    columnLabel: COLUMN_LABEL.get(a.column_key) ?? a.column_key, delta: a.delta, note: a.note, createdAt: a.created_at,
  }));
}

/** The status label of a year with no report yet (status null). */
const NOT_STARTED_LABEL = '尚未编制';

const HISTORY_LABELS: Record<string, string> = {
  'report.created': '创建',
  'report.prose_saved': '修改正文',
  'report.draft_generated': '生成总体情况初稿',
  'report.figures_saved': '填写统计数据',
  'report.adjustment_added': '补录平台外数据',
  'report.adjustment_removed': '删除补录数据',
  'report.submitted': '报送审核',
  'report.returned': '退回修改',
  'report.accepted': '审核通过',
  'report.published': '发布',
  'report.correction_started': '创建更正版本',
  'report.archived_imported': '导入存档报告',
};

async function historyOf(repos: Repositories, versions: readonly AnnualReportRow[]): Promise<ReportHistoryEntry[]> {
  const all = (await Promise.all(versions.map((v) => repos.audit.forSubject(auditSubject, v.id)))).flat();
  all.sort((a, b) => a.id - b.id);
  return all.map((e) => {
    let detail = '';
    try {
      const s = JSON.parse(e.summary) as Record<string, unknown>;
      const parts: string[] = [];
      if (typeof s.version === 'number') parts.push(`第${s.version}版`);
      if (typeof s.comment === 'string' && s.comment) parts.push(`意见：${s.comment}`);
      if (typeof s.note === 'string' && s.note) parts.push(`说明：${s.note}`);
      detail = parts.join('；');
    } catch {
      detail = '';
    }
    return { at: e.at, actor: e.actor_label, actionKey: e.action, action: HISTORY_LABELS[e.action] ?? e.action, detail };
  });
}

function versionViews(versions: readonly AnnualReportRow[]): ReportVersionView[] {
  return versions.map((v) => ({
    id: v.id, version: v.version, status: statusOf(v), statusLabel: REPORT_STATUS_LABELS[statusOf(v)],
    publishedOn: v.published_on, correctionNote: v.correction_note,
  }));
}

/** The day the first version was published (Art. 49's deadline is about the first publication). */
function firstPublishedOn(versions: readonly AnnualReportRow[]): string | null {
  const published = versions.filter((v) => v.published_on !== null).map((v) => v.published_on!);
  return published.length ? published.sort()[0] : null;
}

function missingBeforeSubmit(row: AnnualReportRow | null): string[] {
  const missing: string[] = [];
  if (!row || row.overview.trim() === '') missing.push('「一、总体情况」尚未填写');
  const figures: [FigureKey, unknown][] = [['licensing', row?.licensing], ['penalty', row?.penalty], ['coercion', row?.coercion], ['fees', row?.fees_wan_yuan]];
  for (const [key, value] of figures) {
    if (value === null || value === undefined) missing.push(`「${FIGURE_LABELS[key]}」尚未填写（没有的请填0）`);
  }
  return missing;
}

/** The office's (or the supervisor's) view of an agency's report for a year. */
export async function reportWorkspace(ctx: ServiceContext, actor: Actor, year: number, agencyId?: number): Promise<ReportWorkspace> {
  const user = staffOf(actor);
  const a = await access(ctx, actor, agencyId ?? user.agencyId);
  const today = todayOf(ctx);
  checkYear(year, today);
  const versions = await ctx.repos.reports.versions(a.agency.id, year);
  const current = versions.at(-1) ?? null;
  const { snapshot, live } = await tablesOf(ctx.repos, a.agency.id, year, current?.kind === 'archived' ? null : current);
  const parent = a.agency.parent_id !== null ? await ctx.repos.agencies.byId(a.agency.parent_id) : undefined;
  const status = current ? statusOf(current) : 'draft';
  const actions: ReportAction[] = a.party ? reportActions(status, a.party) : [];
  const archived = current?.kind === 'archived';
  const adjustments = current ? await ctx.repos.reports.adjustments(current.id) : [];
  return {
    agency: { id: a.agency.id, code: a.agency.code, name: a.agency.name },
    year,
    supervisorName: parent?.name ?? null,
    today,
    deadline: reportDeadline(year),
    deadlineState: deadlineState(year, today, firstPublishedOn(versions)),
    report: current && {
      id: current.id,
      version: current.version,
      status,
      statusLabel: REPORT_STATUS_LABELS[status],
      overview: current.overview,
      problems: current.problems,
      otherMatters: current.other_matters,
      figures: {
        licensing: current.licensing === null ? '' : String(current.licensing),
        penalty: current.penalty === null ? '' : String(current.penalty),
        coercion: current.coercion === null ? '' : String(current.coercion),
        fees: current.fees_wan_yuan ?? '',
      },
      sources: parseSources(current.figure_sources),
      reviewComment: current.review_comment,
      correctionNote: current.correction_note,
      submittedAt: current.submitted_at,
      decidedAt: current.decided_at,
      publishedOn: current.published_on,
    },
    live,
    document: documentModel(a.agency, year, current, archived ? null : snapshot),
    failures: archived ? [] : snapshot.checks.filter((c) => !c.ok),
    missing: archived ? [] : missingBeforeSubmit(current),
    adjustments: adjustmentViews(adjustments),
    versions: versionViews(versions),
    history: await historyOf(ctx.repos, versions),
    can: {
      edit: !archived && (actions.includes('edit') || (!current && a.party === 'office')),
      submit: !archived && (actions.includes('submit') || (!current && a.party === 'office')),
      publish: actions.includes('publish'),
      correct: a.party === 'office' && current !== null && status === 'published' && !archived,
      review: actions.includes('accept'),
    },
    party: a.party,
  };
}

// =============================================================================================
// Editing (the office)

/**
 * The version the office edits: the one in progress, created (version 1) when there is none. A
 * version already submitted or published is not edited (a correction is a new version).
 */
async function editableVersion(ctx: ServiceContext, repos: Repositories, actor: Actor, a: Access, year: number): Promise<AnnualReportRow> {
  const versions = await repos.reports.versions(a.agency.id, year);
  const current = versions.at(-1);
  if (current) {
    if (current.kind === 'archived') throw new DomainError('该年度的报告是平台上线前的存档文本，不能在平台上编制');
    const d = reportTransition(statusOf(current), 'edit', 'office');
    if (!d.ok) throw new DomainError(d.reason);
    return current;
  }
  const now = ctx.now().toISOString();
  const row = await repos.reports.insert({
    agency_id: a.agency.id, year, version: 1, kind: 'computed', status: 'draft', title: titleOf(a.agency, year),
    overview: '', problems: '', other_matters: '', archive_text: '', archive_source: '',
    licensing: null, penalty: null, coercion: null, fees_wan_yuan: null, figure_sources: '{}', snapshot: null,
    corrects_id: null, correction_note: '', submitted_at: null, submitted_by: null, decided_at: null, decided_by: null,
    review_comment: '', published_at: null, published_on: null, published_by: null,
    created_by: a.user.id, created_at: now, updated_at: now,
  });
  await repos.audit.append({
    actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.created',
    subjectType: auditSubject, subjectId: row.id, summary: { year, version: 1 }, ip: ipOf(actor),
  }, ctx.now());
  return row;
}

/** Runs an edit of the office's version in progress in one transaction. */
async function editReport<T>(ctx: ServiceContext, actor: Actor, year: number, fn: (repos: Repositories, row: AnnualReportRow, a: Access) => Promise<T>): Promise<T> {
  const a = await ownOfficeAccess(ctx, actor);
  checkYear(year, todayOf(ctx));
  const run = () => ctx.transaction(async (repos) => fn(repos, await editableVersion(ctx, repos, actor, a, year), a));
  try {
    return await run();
  } catch (e) {
    // Two first saves at once: the loser's insert of version 1 hits the unique key; retry once.
    if (isUniqueViolation(e)) return run();
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(err?.message ?? '');
}

async function touch(repos: Repositories, row: AnnualReportRow, changes: Parameters<Repositories['reports']['update']>[2], now: Date): Promise<void> {
  const ok = await repos.reports.update(row.id, [row.status], { ...changes, updated_at: now.toISOString() });
  if (!ok) throw new DomainError('年度报告的状态已经变化，请刷新页面后重试');
}

const PROSE_MAX = 20_000;

export interface ProseInput {
  overview: string;
  problems: string;
  otherMatters: string;
}

/** Sections 一, 五 and 六, written by the office. */
export async function saveProse(ctx: ServiceContext, actor: Actor, year: number, input: ProseInput): Promise<void> {
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (v.length > PROSE_MAX) fields[k] = `不能超过${PROSE_MAX}字`;
  if (Object.keys(fields).length) throw new ValidationError('正文过长', fields);
  await editReport(ctx, actor, year, async (repos, row, a) => {
    await touch(repos, row, { overview: input.overview.trim(), problems: input.problems.trim(), other_matters: input.otherMatters.trim() }, ctx.now());
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.prose_saved',
      subjectType: auditSubject, subjectId: row.id,
      summary: { version: row.version, lengths: { overview: input.overview.length, problems: input.problems.length, otherMatters: input.otherMatters.length } },
      ip: ipOf(actor),
    }, ctx.now());
  });
}

export interface ManualFiguresInput {
  licensing: string;
  penalty: string;
  coercion: string;
  /** 万元, up to four decimals (one yuan). */
  fees: string;
  sources: Partial<Record<FigureKey, string>>;
}

/** Section 二 figures the platform does not hold, each with where it comes from. */
export async function saveManualFigures(ctx: ServiceContext, actor: Actor, year: number, input: ManualFiguresInput): Promise<void> {
  const fields: Record<string, string> = {};
  const counts: Partial<Record<'licensing' | 'penalty' | 'coercion', number | null>> = {};
  for (const key of ['licensing', 'penalty', 'coercion'] as const) {
    const raw = input[key].trim();
    if (raw === '') counts[key] = null;
    else if (!/^\d{1,9}$/.test(raw)) fields[key] = `「${FIGURE_LABELS[key]}」应为非负整数`;
    else counts[key] = Number(raw);
  }
  const feesRaw = input.fees.trim();
  if (feesRaw !== '' && !/^\d{1,9}(\.\d{1,4})?$/.test(feesRaw)) fields.fees = `「${FIGURE_LABELS.fees}」应为非负数，最多四位小数（单位：万元）`;
  const sources: Partial<Record<FigureKey, string>> = {};
  for (const key of FIGURE_KEYS) {
    const note = (input.sources[key] ?? '').trim();
    if (note.length > 500) fields[`source_${key}`] = '数据来源说明不能超过500字';
    const value = key === 'fees' ? feesRaw : input[key].trim();
    if (value !== '' && note === '') fields[`source_${key}`] = `请注明「${FIGURE_LABELS[key]}」的数据来源（平台不掌握这些记录）`;
    sources[key] = note;
  }
  if (Object.keys(fields).length) throw new ValidationError('统计数据有误，请按提示修改', fields);
  const fees = feesRaw === '' ? null : String(Number(feesRaw));
  await editReport(ctx, actor, year, async (repos, row, a) => {
    await touch(repos, row, {
      licensing: counts.licensing ?? null, penalty: counts.penalty ?? null, coercion: counts.coercion ?? null,
      fees_wan_yuan: fees, figure_sources: JSON.stringify(sources),
    }, ctx.now());
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.figures_saved',
      subjectType: auditSubject, subjectId: row.id,
      summary: { version: row.version, before: { licensing: row.licensing, penalty: row.penalty, coercion: row.coercion, fees: row.fees_wan_yuan }, after: { ...counts, fees }, sources },
      ip: ipOf(actor),
    }, ctx.now());
  });
}

export interface AdjustmentInput {
  row: string;
  column: string;
  delta: number;
}

const key = (c: CheckResult): string => `${c.rule}|${c.row ?? ''}|${c.column ?? ''}`;

/**
 * Adds entries to section 三 for applications handled outside the platform. The table with the
 * entries must not fail a check that the table without them passed: an inconsistent entry is
 * refused, and the message names the cell.
 */
export async function addAdjustments(ctx: ServiceContext, actor: Actor, year: number, entries: readonly AdjustmentInput[], note: string): Promise<void> {
  const fields: Record<string, string> = {};
  const trimmed = note.trim();
  if (trimmed === '') fields.note = '请说明这些数据的来源（例如：纸质登记簿第几页）';
  if (trimmed.length > 500) fields.note = '说明不能超过500字';
  const cells: CellAdjustment[] = [];
  for (const e of entries) {
    if (!ADJUSTABLE_ROWS.includes(e.row as ApplicationRowKey)) fields.row = '请选择表三中的数据行（标题行由其下各项相加得出）';
    else if (!(ADJUSTABLE_COLUMNS as readonly string[]).includes(e.column)) fields.column = '请选择申请人类别（总计列由各列相加得出）';
    else if (!Number.isInteger(e.delta) || e.delta === 0 || Math.abs(e.delta) > 100_000) fields.delta = '数量应为非零整数（减少填负数）';
    else cells.push({ row: e.row as ApplicationRowKey, column: e.column as CellAdjustment['column'], delta: e.delta });
  }
  if (entries.length === 0) fields.delta = '没有要补录的数据';
  if (Object.keys(fields).length) throw new ValidationError('补录数据有误，请按提示修改', fields);

  await editReport(ctx, actor, year, async (repos, row, a) => {
    const existing = cellAdjustments(await repos.reports.adjustments(row.id));
    const before = await computeLive(repos, a.agency.id, year, row, existing);
    const after = await computeLive(repos, a.agency.id, year, row, [...existing, ...cells]);
    const passedBefore = new Set(before.checks.filter((c) => c.ok).map(key));
    const newFailures = after.checks.filter((c) => !c.ok && (passedBefore.has(key(c)) || c.rule === 'shape'));
    if (newFailures.length > 0) {
      const more = newFailures.length > 1 ? `（另有${newFailures.length - 1}项校验未通过）` : '';
      throw new ValidationError(`补录后表三不平衡，未保存：${newFailures[0].detail}${more}`, { cell: newFailures[0].detail });
    }
    const now = ctx.now().toISOString();
    for (const c of cells) {
      await repos.reports.insertAdjustment({ report_id: row.id, row_key: c.row, column_key: c.column, delta: c.delta, note: trimmed, created_by: a.user.id, created_at: now });
    }
    await touch(repos, row, {}, ctx.now());
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.adjustment_added',
      subjectType: auditSubject, subjectId: row.id, summary: { version: row.version, cells, note: trimmed }, ip: ipOf(actor),
    }, ctx.now());
  });
}

/** Records `count` applications handled outside the platform in one go (consistent entries). */
export async function addOffPlatformApplications(ctx: ServiceContext, actor: Actor, year: number, input: { column: string; count: number; carriedIn: boolean; result: string; note: string }): Promise<void> {
  const fields: Record<string, string> = {};
  if (!(ADJUSTABLE_COLUMNS as readonly string[]).includes(input.column)) fields.column = '请选择申请人类别';
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > 100_000) fields.count = '件数应为正整数';
  const results = [...ADJUSTABLE_ROWS.filter((r) => !['new', 'carried_in', 'total'].includes(r))];
  if (!results.includes(input.result as ApplicationRowKey)) fields.result = '请选择办理结果（或“结转下年度继续办理”）';
  if (Object.keys(fields).length) throw new ValidationError('补录数据有误，请按提示修改', fields);
  const entries = offPlatformEntries({
    column: input.column as CellAdjustment['column'], count: input.count, carriedIn: input.carriedIn, result: input.result as ApplicationRowKey,
  });
  await addAdjustments(ctx, actor, year, entries.map((e) => ({ row: e.row, column: e.column, delta: e.delta })), input.note);
}

export async function removeAdjustment(ctx: ServiceContext, actor: Actor, year: number, adjustmentId: number): Promise<void> {
  await editReport(ctx, actor, year, async (repos, row, a) => {
    const list = await repos.reports.adjustments(row.id);
    const target = list.find((x) => x.id === adjustmentId);
    if (!target) throw new NotFoundError('未找到该补录数据');
    await repos.reports.deleteAdjustment(row.id, adjustmentId);
    await touch(repos, row, {}, ctx.now());
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.adjustment_removed',
      subjectType: auditSubject, subjectId: row.id,
      summary: { version: row.version, row: target.row_key, column: target.column_key, delta: target.delta, note: target.note }, ip: ipOf(actor),
    }, ctx.now());
  });
}

// ---------------------------------------------------------------------------------------------
// The first draft of section 一

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${(Math.round((n / d) * 1000) / 10).toFixed(1)}%`);

/** Replies (not withdrawals or abandonments) ended in the year, and how many of them by the due date. */
async function repliesOnTime(repos: Repositories, cal: WorkingCalendar, agencyId: number, year: number): Promise<{ replies: number; onTime: number }> {
  const apps = await repos.reportSources.applications(agencyId, `${year}-12-31`);
  const replied = apps.filter((a) => a.ended_on !== null && a.ended_on >= `${year}-01-01` && a.ended_on <= `${year}-12-31`
    && a.outcome !== null && isOutcomeCode(a.outcome) && OUTCOMES[a.outcome].reportRow !== 'other_handling.no_correction'
    && OUTCOMES[a.outcome].reportRow !== 'other_handling.fee_unpaid');
  const events = await repos.reportSources.applicationEvents(replied.map((a) => a.id));
  let onTime = 0;
  for (const a of replied) {
    const caseEvents = (events.get(a.id) ?? []).map(caseEventOf);
    try {
      const clock = caseClock(cal, { receivedOn: a.received_on, endedOn: a.ended_on, events: caseEvents }, a.ended_on!);
      if (clock.dueOn === null || a.ended_on! <= clock.dueOn) onTime++;
    } catch {
      // A history the clock cannot read is not counted as on time: the office checks it by hand.
    }
  }
  return { replies: replied.length, onTime };
}

/** A first draft of section 一 with the year's real figures, for the office to rewrite. */
export async function draftOverview(repos: Repositories, cal: WorkingCalendar, agency: Agency, year: number, tables: ReportTableSet): Promise<string> {
  const byCategory = await repos.reportSources.publishedByCategory(agency.id, year);
  const published = byCategory.reduce((a, c) => a + c.n, 0);
  const v = (k: ApplicationRowKey): number => tables.applications.rows.find((r) => r.key === k)!.values[APPLICANT_COLUMNS.length - 1];
  const p = (k: string, i: number): number => tables.proactive.sections.flatMap((s) => s.rows).find((r) => r.key === k)!.values[i];
  const { replies, onTime } = await repliesOnTime(repos, cal, agency.id, year);
  const rl = tables.reviewLitigation.values;
  const categories = byCategory.length ? `，其中${byCategory.map((c) => `${c.category}${c.n}条`).join('、')}` : '';
  return [
    `${year}年，${agency.name}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进政府信息公开工作。现将本年度政府信息公开工作情况报告如下。`,
    `（一）主动公开。全年主动公开政府信息${published}条${categories}。本年制发规章${p('rule', 0)}件、行政规范性文件${p('normative', 0)}件，废止规章${p('rule', 1)}件、行政规范性文件${p('normative', 1)}件；现行有效规章${p('rule', 2)}件、行政规范性文件${p('normative', 2)}件。`,
    `（二）依申请公开。全年新收政府信息公开申请${v('new')}件，上年结转${v('carried_in')}件；本年度办结${v('total')}件，其中予以公开${v('disclosed')}件、部分公开${v('partial')}件、不予公开${v('withheld')}件、无法提供${v('unable')}件、不予处理${v('not_processed')}件、其他处理${v('other_handling')}件；结转下年度继续办理${v('carried_out')}件。本年度作出答复${replies}件，在法定期限内答复${onTime}件，按期答复率${pct(onTime, replies)}。`,
    await timingParagraph(repos, cal, agency.id, year), // issue 8: working days to first response and reply (median, 90th percentile), on time, extended
    '（三）政府信息管理。【请补充：政府信息公开保密审查、公文公开属性认定、政策解读和信息发布审核等情况。】',
    '（四）平台建设。【请补充：政府信息公开专栏和政务新媒体等平台建设和维护情况。】',
    `（五）监督保障。全年因政府信息公开被申请行政复议${rl[4]}件、被提起行政诉讼${rl[9] + rl[14]}件。【请补充：工作考核、社会评议、责任追究和业务培训等情况。】`,
  ].join('\n\n');
}

/** Replaces section 一 with a generated first draft (the office then rewrites it). */
export async function generateDraftProse(ctx: ServiceContext, actor: Actor, year: number): Promise<string> {
  const cal = await ctx.calendar(); // read before the transaction: it uses its own connection
  return editReport(ctx, actor, year, async (repos, row, a) => {
    const { snapshot } = await tablesOf(repos, a.agency.id, year, row);
    const text = await draftOverview(repos, cal, a.agency, year, snapshot);
    await touch(repos, row, { overview: text }, ctx.now());
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.draft_generated',
      subjectType: auditSubject, subjectId: row.id, summary: { version: row.version, replacedLength: row.overview.length }, ip: ipOf(actor),
    }, ctx.now());
    return text;
  });
}

// =============================================================================================
// The workflow

/**
 * Submits the version in progress to the supervising office. Refused while a check fails (the
 * message names the cell), a figure is missing, or the year is not over. The tables are frozen.
 */
export async function submitReport(ctx: ServiceContext, actor: Actor, year: number): Promise<ReportStatus> {
  const today = todayOf(ctx);
  if (today < reminderStart(year)) throw new DomainError(`${year}年尚未结束，年度报告须在${year + 1}年1月1日以后报送`);
  return editReport(ctx, actor, year, async (repos, row, a) => {
    const missing = missingBeforeSubmit(row);
    if (missing.length) throw new DomainError(`年度报告尚不完整，不能报送：${missing.join('；')}`);
    const snapshot = await computeLive(repos, a.agency.id, year, row, cellAdjustments(await repos.reports.adjustments(row.id)));
    const failures = snapshot.checks.filter((c) => !c.ok);
    if (failures.length) {
      const more = failures.length > 1 ? `（另有${failures.length - 1}项校验未通过）` : '';
      throw new DomainError(`年度报告未通过校验，不能报送：${failures[0].detail}${more}`, 'report_check_failed');
    }
    const d = reportTransition(statusOf(row), 'submit', 'office', a.agency.parent_id !== null);
    if (!d.ok) throw new DomainError(d.reason);
    const now = ctx.now();
    await touch(repos, row, {
      status: d.to, snapshot: JSON.stringify({ ...snapshot, computedAt: now.toISOString() }), submitted_at: now.toISOString(), submitted_by: a.user.id,
      review_comment: '', ...(d.to === 'accepted' ? { decided_at: now.toISOString(), decided_by: a.user.id } : {}),
    }, now);
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.submitted',
      subjectType: auditSubject, subjectId: row.id, summary: { version: row.version, to: d.to }, ip: ipOf(actor),
    }, now);
    return d.to;
  });
}

async function supervisorDecision(ctx: ServiceContext, actor: Actor, reportId: number, action: 'return' | 'accept', comment: string): Promise<void> {
  const trimmed = comment.trim();
  if (action === 'return' && trimmed === '') throw new ValidationError('退回时须填写修改意见', { comment: '退回时须填写修改意见' });
  if (trimmed.length > 5000) throw new ValidationError('意见不能超过5000字', { comment: '意见不能超过5000字' });
  const report = await ctx.repos.reports.byId(reportId);
  if (!report) throw new NotFoundError('未找到该年度报告');
  const a = await access(ctx, actor, report.agency_id);
  requireParty(a, 'supervisor');
  const d = reportTransition(statusOf(report), action, 'supervisor');
  if (!d.ok) throw new DomainError(d.reason);
  await ctx.transaction(async (repos) => {
    const now = ctx.now();
    // Returned: the tables thaw and are computed from the records again when next submitted.
    const ok = await repos.reports.update(report.id, [report.status], {
      status: d.to, decided_at: now.toISOString(), decided_by: a.user.id, review_comment: trimmed, updated_at: now.toISOString(),
      ...(action === 'return' ? { snapshot: null } : {}),
    });
    if (!ok) throw new DomainError('年度报告的状态已经变化，请刷新页面后重试');
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: report.agency_id, action: action === 'return' ? 'report.returned' : 'report.accepted',
      subjectType: auditSubject, subjectId: report.id, summary: { version: report.version, comment: trimmed }, ip: ipOf(actor),
    }, now);
  });
}

/** The supervising office returns a submitted report with comments. */
export function returnReport(ctx: ServiceContext, actor: Actor, reportId: number, comment: string): Promise<void> {
  return supervisorDecision(ctx, actor, reportId, 'return', comment);
}

/** The supervising office accepts a submitted report; the office then publishes it. */
export function acceptReport(ctx: ServiceContext, actor: Actor, reportId: number, comment = ''): Promise<void> {
  return supervisorDecision(ctx, actor, reportId, 'accept', comment);
}

function searchTextOf(row: AnnualReportRow): string {
  return row.kind === 'archived' ? row.archive_text : [row.overview, row.problems, row.other_matters, row.correction_note].filter(Boolean).join('\n');
}

/** Publishes the accepted version in the 政府信息公开年报 column (and the search index). */
export async function publishReport(ctx: ServiceContext, actor: Actor, year: number): Promise<AnnualReportRow> {
  const a = await ownOfficeAccess(ctx, actor);
  return ctx.transaction(async (repos) => {
    const versions = await repos.reports.versions(a.agency.id, year);
    const current = versions.at(-1);
    if (!current) throw new NotFoundError('该年度还没有年度报告');
    const d = reportTransition(statusOf(current), 'publish', 'office');
    if (!d.ok) throw new DomainError(d.reason);
    const now = ctx.now();
    const today = chinaDateOf(now);
    const ok = await repos.reports.update(current.id, ['accepted'], {
      status: 'published', published_at: now.toISOString(), published_on: today, published_by: a.user.id, updated_at: now.toISOString(),
    });
    if (!ok) throw new DomainError('年度报告的状态已经变化，请刷新页面后重试');
    const published = (await repos.reports.byId(current.id))!;
    await indexReport(repos, a.agency, published);
    // The corrected version stays readable in the column; search leads to the newest one.
    for (const v of versions) if (v.id !== current.id && v.status === 'published') await repos.search.remove('report', v.id);
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.published',
      subjectType: auditSubject, subjectId: current.id, summary: { version: current.version, publishedOn: today }, ip: ipOf(actor),
    }, now);
    return published;
  });
}

async function indexReport(repos: Repositories, agency: Agency, row: AnnualReportRow): Promise<void> {
  await repos.search.upsert({
    kind: 'report', refId: row.id, agencyId: agency.id, title: row.title, text: searchTextOf(row),
    url: reportPath(agency.code, row.year, row.version), publishedOn: row.published_on!, facets: { year: row.year, category: '政府信息公开年报' },
  });
}

/** The public address of a report (the newest version without `?version`). */
export function reportPath(agencyCode: string, year: number, version?: number): string {
  return `/gk/${encodeURIComponent(agencyCode)}/reports/${year}${version !== undefined && version > 1 ? `?version=${version}` : ''}`;
}

/**
 * A correction of a published report: a new version (a copy of the newest, with a note saying
 * what is corrected) that goes through review and publication again. The published one stays.
 */
export async function startCorrection(ctx: ServiceContext, actor: Actor, year: number, note: string): Promise<AnnualReportRow> {
  const trimmed = note.trim();
  if (trimmed === '') throw new ValidationError('请说明更正的内容和原因', { note: '请说明更正的内容和原因' });
  if (trimmed.length > 2000) throw new ValidationError('更正说明不能超过2000字', { note: '更正说明不能超过2000字' });
  const a = await ownOfficeAccess(ctx, actor);
  return ctx.transaction(async (repos) => {
    const versions = await repos.reports.versions(a.agency.id, year);
    const current = versions.at(-1);
    if (!current || current.status !== 'published') throw new DomainError('只有已发布的年度报告才能更正；正在编制或审核中的报告请直接修改');
    if (current.kind === 'archived') throw new DomainError('平台上线前的存档报告不能在平台上更正');
    const now = ctx.now().toISOString();
    const row = await repos.reports.insert({
      agency_id: a.agency.id, year, version: current.version + 1, kind: 'computed', status: 'draft', title: current.title,
      overview: current.overview, problems: current.problems, other_matters: current.other_matters, archive_text: '', archive_source: '',
      licensing: current.licensing, penalty: current.penalty, coercion: current.coercion, fees_wan_yuan: current.fees_wan_yuan,
      figure_sources: current.figure_sources, snapshot: null, corrects_id: current.id, correction_note: trimmed,
      submitted_at: null, submitted_by: null, decided_at: null, decided_by: null, review_comment: '',
      published_at: null, published_on: null, published_by: null, created_by: a.user.id, created_at: now, updated_at: now,
    });
    for (const adj of await repos.reports.adjustments(current.id)) {
      await repos.reports.insertAdjustment({ report_id: row.id, row_key: adj.row_key, column_key: adj.column_key, delta: adj.delta, note: adj.note, created_by: adj.created_by, created_at: adj.created_at });
    }
    await repos.audit.append({
      actorId: a.user.id, actorLabel: actorLabel(actor), agencyId: a.agency.id, action: 'report.correction_started',
      subjectType: auditSubject, subjectId: row.id, summary: { version: row.version, corrects: current.version, note: trimmed }, ip: ipOf(actor),
    }, ctx.now());
    return row;
  });
}

/**
 * Keeps a report published before the platform (free text) in the column, searchable, without
 * tables. For the demo data and administrators.
 */
export async function importArchivedReport(ctx: ServiceContext, actor: Actor, input: { agencyId: number; year: number; title: string; text: string; source: string; publishedOn: string }): Promise<AnnualReportRow> {
  if (!(actor.kind === 'system' || (actor.kind === 'staff' && actor.user.isSysadmin))) throw new ForbiddenError('只有系统管理员可以导入存档报告');
  const fields: Record<string, string> = {};
  if (!input.title.trim()) fields.title = '请填写标题';
  if (!input.text.trim()) fields.text = '请填写报告全文';
  if (!isIsoDate(input.publishedOn)) fields.publishedOn = '发布日期无效';
  if (Object.keys(fields).length) throw new ValidationError('存档报告信息不完整', fields);
  const agency = await ctx.repos.agencies.byId(input.agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  return ctx.transaction(async (repos) => {
    if ((await repos.reports.versions(agency.id, input.year)).length > 0) throw new DomainError(`${agency.name}${input.year}年度已有年度报告`);
    const now = ctx.now().toISOString();
    const row = await repos.reports.insert({
      agency_id: agency.id, year: input.year, version: 1, kind: 'archived', status: 'published', title: input.title.trim(),
      overview: '', problems: '', other_matters: '', archive_text: input.text, archive_source: input.source.trim(),
      licensing: null, penalty: null, coercion: null, fees_wan_yuan: null, figure_sources: '{}', snapshot: null,
      corrects_id: null, correction_note: '', submitted_at: null, submitted_by: null, decided_at: null, decided_by: null,
      review_comment: '', published_at: now, published_on: input.publishedOn, published_by: null,
      created_by: actor.kind === 'staff' ? actor.user.id : null, created_at: now, updated_at: now,
    });
    await indexReport(repos, agency, row);
    await repos.audit.append({
      actorId: actor.kind === 'staff' ? actor.user.id : null, actorLabel: actorLabel(actor), agencyId: agency.id, action: 'report.archived_imported',
      subjectType: auditSubject, subjectId: row.id, summary: { year: input.year, title: row.title, publishedOn: input.publishedOn }, ip: ipOf(actor),
    }, ctx.now());
    return row;
  });
}

// =============================================================================================
// The records behind a number

export type DrillTable = 'proactive' | 'applications' | 'reviewLitigation';

export interface DrillRecord {
  id: number;
  /** Where a staff member opens the record. */
  href: string;
  reference: string;
  title: string;
  facts: string[];
}

export interface DrillResult {
  agency: { code: string; name: string };
  year: number;
  table: DrillTable;
  cellLabel: string;
  value: number;
  records: DrillRecord[];
  /** Entries for records kept outside the platform that make up part of the number. */
  adjustments: AdjustmentView[];
  /** For figures entered by hand: where the number comes from. */
  source: string | null;
}

const PROACTIVE_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
const DOC_STATE_LABELS: Record<string, string> = { registered: '已登记', in_review: '审核中', approved: '已审核', published: '已发布', returned: '已退回', archived: '已归档' };
const VALIDITY_LABELS: Record<string, string> = { valid: '有效', expired: '失效', repealed: '废止', amended: '已修订' };
const APPLICANT_LABEL: Record<string, string> = Object.fromEntries(APPLICANT_COLUMNS.map((c) => [c.key, c.label]));
const CASE_KIND_LABELS: Record<string, string> = { reconsideration: '行政复议', lawsuit_direct: '行政诉讼（未经复议直接起诉）', lawsuit_after_reconsideration: '行政诉讼（复议后起诉）' };
const CASE_RESULT_LABELS: Record<string, string> = { upheld: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' };

function outcomeLabel(outcome: string | null, state: string): string {
  if (outcome === 'withdrawn' || (outcome === null && state === 'withdrawn')) return WITHDRAWAL.label;
  if (outcome !== null && isOutcomeCode(outcome)) return OUTCOMES[outcome].label;
  return STATE_LABELS[state as State] ?? state;
}

/**
 * The records counted in one cell, so a staff member can check the number. `row`/`column` are the
 * table's keys: section 三 row key and column key; section 二 row key and issued|repealed|inForce;
 * section 四 column key (row ignored).
 */
export async function recordsBehind(ctx: ServiceContext, actor: Actor, input: { year: number; agencyId?: number; version?: number; table: DrillTable; row: string; column: string }): Promise<DrillResult> {
  const user = staffOf(actor);
  const a = await access(ctx, actor, input.agencyId ?? user.agencyId);
  checkYear(input.year, todayOf(ctx));
  const versions = await ctx.repos.reports.versions(a.agency.id, input.year);
  const row = input.version !== undefined ? versions.find((v) => v.version === input.version) : versions.at(-1);
  if (input.version !== undefined && !row) throw new NotFoundError('未找到该版本的年度报告');
  if (row?.kind === 'archived') throw new NotFoundError('存档报告没有统计表');
  const { snapshot } = await tablesOf(ctx.repos, a.agency.id, input.year, row ?? null);
  const base = { agency: { code: a.agency.code, name: a.agency.name }, year: input.year, table: input.table };

  if (input.table === 'applications') {
    const def = APPLICATION_ROWS.find((r) => r.key === input.row);
    const c = APPLICANT_COLUMNS.findIndex((x) => x.key === input.column);
    if (!def || c < 0) throw new NotFoundError('表三中没有这个单元格');
    const ids = snapshot.applications.ids[def.key][c] ?? [];
    const apps = await ctx.repos.reportSources.applicationsByIds(a.agency.id, ids);
    const leafKeys = def.leaf ? [def.key] : def.key === 'result' ? APPLICATION_ROWS.filter((r) => r.leaf && r.parent !== undefined && r.key !== 'total').map((r) => r.key) : APPLICATION_ROWS.filter((r) => r.parent === def.key).map((r) => r.key);
    const adjustments = row ? adjustmentViews((await ctx.repos.reports.adjustments(row.id)).filter((x) => leafKeys.includes(x.row_key as ApplicationRowKey) && (APPLICANT_COLUMNS[c].key === 'total' || x.column_key === APPLICANT_COLUMNS[c].key))) : [];
    return {
      ...base,
      cellLabel: `表三「${rowLabel(def.key)}」行「${APPLICANT_COLUMNS[c].label}」列`,
      value: snapshot.applications.rows.find((r) => r.key === def.key)!.values[c],
      records: apps.map((x) => ({
        id: x.id,
        href: `/console/applications/${x.id}`,
        reference: x.tracking_code,
        title: x.description.length > 60 ? `${x.description.slice(0, 60)}…` : x.description,
        facts: [
          `申请人类别：${APPLICANT_LABEL[applicantColumnOf(x.applicant_kind, x.applicant_org_type)]}`,
          `收到：${x.received_on}`,
          x.ended_on ? `办结：${x.ended_on}` : '尚未办结',
          `处理结果：${outcomeLabel(x.outcome, x.state)}`,
          ...(x.department_name ? [`承办科室：${x.department_name}`] : []),
        ],
      })),
      adjustments,
      source: null,
    };
  }

  if (input.table === 'proactive') {
    if (input.row === 'rule' || input.row === 'normative') {
      const col = PROACTIVE_COLUMNS.indexOf(input.column as (typeof PROACTIVE_COLUMNS)[number]);
      if (col < 0) throw new NotFoundError('表二中没有这个单元格');
      const ids = snapshot.proactive.ids[input.row][PROACTIVE_COLUMNS[col]];
      const docs = await ctx.repos.reportSources.documentsByIds(a.agency.id, ids);
      const colLabel = [PROACTIVE_LABELS.issued, PROACTIVE_LABELS.repealed, PROACTIVE_LABELS.inForce][col];
      return {
        ...base,
        cellLabel: `表二「${PROACTIVE_LABELS[input.row]}」「${colLabel}」`,
        value: ids.length,
        records: docs.map((d) => ({
          id: d.id,
          href: `/console/documents/${d.id}`,
          reference: d.index_number ?? `#${d.id}`,
          title: d.title,
          facts: [
            ...(d.doc_number ? [`文号：${d.doc_number}`] : []),
            `成文日期：${d.created_on}`,
            d.published_on ? `发布日期：${d.published_on}` : '尚未发布',
            `有效性：${VALIDITY_LABELS[d.validity] ?? d.validity}`,
            `状态：${DOC_STATE_LABELS[d.state] ?? d.state}`,
          ],
        })),
        adjustments: [],
        source: null,
      };
    }
    const figure = (['licensing', 'penalty', 'coercion', 'fees'] as const).find((k) => k === input.row);
    if (!figure) throw new NotFoundError('表二中没有这个单元格');
    const value = snapshot.proactive.sections.flatMap((s) => s.rows).find((r) => r.key === figure)!.values[0];
    return { ...base, cellLabel: `表二「${FIGURE_LABELS[figure]}」`, value, records: [], adjustments: [], source: parseSources(row?.figure_sources ?? '{}')[figure] || '（尚未注明来源）' };
  }

  const col = REVIEW_LITIGATION_COLUMNS.findIndex((x) => x.key === input.column);
  if (col < 0) throw new NotFoundError('表四中没有这个单元格');
  const ids = snapshot.reviewLitigation.ids[col];
  const cases = await ctx.repos.reportSources.reviewCasesByIds(a.agency.id, ids);
  const def = REVIEW_LITIGATION_COLUMNS[col];
  return {
    ...base,
    cellLabel: `表四「${def.group}${def.subgroup ? `·${def.subgroup}` : ''}·${def.label}」`,
    value: ids.length,
    records: cases.map((x) => ({
      id: x.id,
      href: `/console/applications/${x.application_id}`,
      reference: x.tracking_code,
      title: `${CASE_KIND_LABELS[x.kind] ?? x.kind}${x.authority ? `（${x.authority}）` : ''}`,
      facts: [`立案：${x.filed_on}`, x.decided_on ? `审结：${x.decided_on}` : '尚未审结', `结果：${CASE_RESULT_LABELS[x.result] ?? x.result}`, ...(x.note ? [x.note] : [])],
    })),
    adjustments: [],
    source: null,
  };
}

// =============================================================================================
// Supervision

export interface SupervisionRow {
  agency: { id: number; code: string; name: string };
  reportId: number | null;
  version: number | null;
  status: ReportStatus | null;
  /** The current version is an archived (pre-platform) report; its label then ends in （存档）. */
  archived: boolean;
  statusLabel: string;
  submittedAt: string | null;
  publishedOn: string | null;
  deadlineState: DeadlineState;
  missed: boolean;
  canReview: boolean;
}

export interface Consolidated {
  year: number;
  included: string[];
  excluded: { name: string; status: ReportStatus | null; archived: boolean; statusLabel: string }[];
  tables: { proactive: Pick<ProactiveTable, 'year' | 'sections'>; applications: Pick<ApplicationTable, 'year' | 'columns' | 'rows'>; reviewLitigation: Pick<ReviewLitigationTable, 'year' | 'columns' | 'values'> };
  checks: CheckResult[];
}

export interface SupervisionOverview {
  agency: { code: string; name: string };
  year: number;
  today: string;
  deadline: string;
  rows: SupervisionRow[];
  missed: SupervisionRow[];
  consolidated: Consolidated;
}

function requireSupervisor(actor: Actor): StaffUser {
  const user = staffOf(actor);
  if (!user.isSysadmin && !user.roles.includes('supervisor')) throw new ForbiddenError('只有政府信息公开工作主管部门（监督机构）可以查看下级机关的年度报告');
  return user;
}

/** Every child agency's report for a year: status, who missed 31 January, and the consolidated tables. */
export async function supervisionOverview(ctx: ServiceContext, actor: Actor, year: number): Promise<SupervisionOverview> {
  const user = requireSupervisor(actor);
  const today = todayOf(ctx);
  checkYear(year, today);
  const own = await ctx.repos.agencies.byId(user.agencyId);
  if (!own) throw new NotFoundError('未找到本机关');
  const children = await ctx.repos.agencies.children(own.id);
  const reports = await ctx.repos.reports.forAgenciesAndYear(children.map((c) => c.id), year);
  const rows: SupervisionRow[] = children.map((child) => {
    const versions = reports.filter((r) => r.agency_id === child.id);
    const current = versions.at(-1);
    const status = current ? statusOf(current) : null;
    const state = deadlineState(year, today, firstPublishedOn(versions));
    return {
      agency: { id: child.id, code: child.code, name: child.name },
      reportId: current?.id ?? null,
      version: current?.version ?? null,
      status,
      archived: current?.kind === 'archived',
      statusLabel: status ? `${REPORT_STATUS_LABELS[status]}${current!.kind === 'archived' ? '（存档）' : ''}` : NOT_STARTED_LABEL,
      submittedAt: current?.submitted_at ?? null,
      publishedOn: firstPublishedOn(versions),
      deadlineState: state,
      missed: missedDeadline(state),
      canReview: status === 'submitted',
    };
  });
  const included: string[] = [];
  const excluded: Consolidated['excluded'] = [];
  const snapshots: ReportSnapshot[] = [];
  for (const child of children) {
    const versions = reports.filter((r) => r.agency_id === child.id && (r.status === 'accepted' || r.status === 'published') && r.snapshot !== null);
    const best = versions.at(-1);
    if (best) {
      snapshots.push(parseSnapshot(best)!);
      included.push(child.name);
    } else {
      const row = rows.find((r) => r.agency.id === child.id)!;
      excluded.push({ name: child.name, status: row.status, archived: row.archived, statusLabel: row.statusLabel });
    }
  }
  const template = computeProactiveTable({ year, documents: [], manual: { licensing: 0, penalty: 0, coercion: 0, feesWanYuan: 0 } });
  const applications = sumApplicationTables(year, snapshots.map((s) => s.applications));
  return {
    agency: { code: own.code, name: own.name },
    year,
    today,
    deadline: reportDeadline(year),
    rows,
    missed: rows.filter((r) => r.missed),
    consolidated: {
      year,
      included,
      excluded,
      tables: {
        proactive: sumProactiveTables(year, snapshots.map((s) => s.proactive), template),
        applications,
        reviewLitigation: sumReviewTables(year, snapshots.map((s) => s.reviewLitigation)),
      },
      checks: checkApplicationTable({ rows: applications.rows }),
    },
  };
}

/** The consolidated tables as a report model (for the .xlsx export). */
export function consolidatedModel(o: SupervisionOverview): ReportDocumentModel {
  const t = o.consolidated.tables;
  return {
    agencyCode: o.agency.code, agencyName: o.agency.name, year: o.year, version: 1, kind: 'computed', status: 'draft',
    title: `${o.agency.name}所属部门${o.year}年政府信息公开工作年度报告汇总表`,
    overview: `汇总范围：${o.consolidated.included.join('、') || '（无）'}`, problems: '', otherMatters: '', archiveText: '', archiveSource: '',
    publishedOn: null, correctionNote: '',
    tables: {
      proactive: { ...t.proactive, ids: { rule: { issued: [], repealed: [], inForce: [] }, normative: { issued: [], repealed: [], inForce: [] } } },
      applications: { ...t.applications, ids: {} as ApplicationTable['ids'] },
      reviewLitigation: { ...t.reviewLitigation, ids: [] },
    },
    checks: o.consolidated.checks,
  };
}

/** The reminder the console shows from 1 January: the report for last year and days left to 31 January. */
export async function reportReminder(ctx: ServiceContext, user: StaffUser): Promise<{ year: number; state: DeadlineState; status: ReportStatus | null; statusLabel: string } | null> {
  const today = todayOf(ctx);
  const year = Number(today.slice(0, 4)) - 1;
  const versions = await ctx.repos.reports.versions(user.agencyId, year);
  const state = deadlineState(year, today, firstPublishedOn(versions));
  if (state.kind !== 'due' && state.kind !== 'overdue') return null;
  const current = versions.at(-1);
  const status = current ? statusOf(current) : null;
  return { year, state, status, statusLabel: status ? REPORT_STATUS_LABELS[status] : NOT_STARTED_LABEL };
}

// =============================================================================================
// The public column and the API

export interface PublishedListEntry {
  year: number;
  title: string;
  kind: 'computed' | 'archived';
  version: number;
  publishedOn: string;
  href: string;
  /** Earlier published versions, corrected by this one. */
  earlier: { version: number; publishedOn: string; href: string }[];
  correctionNote: string;
}

/** Published reports of an agency by year, newest first (archived ones included). */
export async function publishedReports(ctx: ServiceContext, agency: Agency): Promise<PublishedListEntry[]> {
  const rows = await ctx.repos.reports.published(agency.id);
  const byYear = new Map<number, AnnualReportRow[]>();
  for (const r of rows) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r]);
  return [...byYear.entries()].sort((a, b) => b[0] - a[0]).map(([year, list]) => {
    const [latest, ...earlier] = list; // newest version first
    return {
      year, title: latest.title, kind: latest.kind === 'archived' ? 'archived' : 'computed', version: latest.version,
      publishedOn: latest.published_on!, href: reportPath(agency.code, year), correctionNote: latest.correction_note,
      earlier: earlier.map((e) => ({ version: e.version, publishedOn: e.published_on!, href: `/gk/${encodeURIComponent(agency.code)}/reports/${year}?version=${e.version}` })),
    };
  });
}

export interface PublishedReportView {
  model: ReportDocumentModel;
  versions: { version: number; publishedOn: string; current: boolean; href: string; correctionNote: string }[];
}

/** One published report (the newest version, or the version asked for). 404 when not published. */
export async function publishedReport(ctx: ServiceContext, agency: Agency, year: number, version?: number): Promise<PublishedReportView> {
  const published = (await ctx.repos.reports.versions(agency.id, year)).filter((v) => v.status === 'published');
  if (published.length === 0) throw new NotFoundError(`${agency.name}${year}年度的政府信息公开工作年度报告尚未发布`);
  const row = version === undefined ? published.at(-1)! : published.find((v) => v.version === version);
  if (!row) throw new NotFoundError('未找到该版本的年度报告');
  const newest = published.at(-1)!.version;
  return {
    model: documentModel(agency, year, row, parseSnapshot(row)),
    versions: published.map((v) => ({
      version: v.version, publishedOn: v.published_on!, current: v.version === newest,
      href: v.version === newest ? reportPath(agency.code, year) : `/gk/${encodeURIComponent(agency.code)}/reports/${year}?version=${v.version}`,
      correctionNote: v.correction_note,
    })),
  };
}

/** The newest published reports of an agency, for its portal's home page. */
export async function latestPublishedReports(ctx: ServiceContext, agencyId: number, limit: number): Promise<{ title: string; href: string; date: string }[]> {
  const agency = await ctx.repos.agencies.byId(agencyId);
  if (!agency) return [];
  return (await publishedReports(ctx, agency)).slice(0, limit).map((e) => ({ title: e.title, href: e.href, date: e.publishedOn }));
}

export interface AnnualReportJson {
  agency: string;
  agencyName: string;
  year: number;
  format: '2021' | 'archive';
  status: ReportStatus;
  version: number;
  publishedOn: string | null;
  tables: {
    proactive: { key: string; heading: string; columns: string[]; rows: { key: string; label: string; values: number[] }[] }[];
    applications: { columns: string[]; rows: { key: string; label: string; values: number[] }[] };
    reviewLitigation: number[];
  } | null;
  checks: { rule: string; ok: boolean; detail: string }[];
}

/**
 * GET /api/v1/reports/annual/{year}?agency=CODE: the newest published version for everyone; staff
 * who may see the agency's report in progress (its office, the supervising office) get that when
 * nothing is published yet.
 */
export async function annualReportJson(ctx: ServiceContext, actor: Actor, agencyCode: string, year: number): Promise<AnnualReportJson> {
  const agency = await ctx.repos.agencies.byCode(agencyCode);
  if (!agency) throw new NotFoundError('未找到该机关');
  const versions = await ctx.repos.reports.versions(agency.id, year);
  let row = versions.filter((v) => v.status === 'published').at(-1) ?? null;
  let snapshot: ReportSnapshot | null = row ? parseSnapshot(row) : null;
  if (!row) {
    const viewer = actor.kind === 'staff' ? partyFor(actor.user, agency) : { mayView: false };
    if (!viewer.mayView) throw new NotFoundError(`${agency.name}${year}年度的政府信息公开工作年度报告尚未发布`);
    checkYear(year, todayOf(ctx));
    row = versions.at(-1) ?? null;
    snapshot = (await tablesOf(ctx.repos, agency.id, year, row)).snapshot;
  }
  const status: ReportStatus = row ? statusOf(row) : 'draft';
  const archived = row?.kind === 'archived';
  return {
    agency: agency.code,
    agencyName: agency.name,
    year,
    format: archived ? 'archive' : '2021',
    status,
    version: row?.version ?? 1,
    publishedOn: row?.published_on ?? null,
    tables: archived || !snapshot ? null : {
      proactive: snapshot.proactive.sections.map((s) => ({ key: s.key, heading: s.heading, columns: [...s.columns], rows: s.rows.map((r) => ({ key: r.key, label: r.label, values: [...r.values] })) })),
      applications: {
        columns: APPLICANT_COLUMNS.map((c) => c.label),
        rows: snapshot.applications.rows.map((r) => ({ key: r.key, label: r.label, values: [...r.values] })),
      },
      reviewLitigation: [...snapshot.reviewLitigation.values],
    },
    checks: archived || !snapshot ? [] : snapshot.checks.map((c) => ({ rule: c.rule, ok: c.ok, detail: c.detail })),
  };
}

// =============================================================================================
// The console's list of years

export interface ReportIndexEntry {
  year: number;
  status: ReportStatus | null;
  statusLabel: string;
  version: number | null;
  archived: boolean;
  deadlineState: DeadlineState;
}

export interface ReportIndex {
  agency: { code: string; name: string };
  reportingYear: number;
  today: string;
  /** Null when the viewer may not see their own agency's report (e.g. a supervisor only). */
  entries: ReportIndexEntry[] | null;
  isSupervisor: boolean;
}

/** The years of the viewer's agency (the reporting year and the four before it, and any year with a report). */
export async function reportIndex(ctx: ServiceContext, actor: Actor): Promise<ReportIndex> {
  const user = staffOf(actor);
  const agency = await ctx.repos.agencies.byId(user.agencyId);
  if (!agency) throw new NotFoundError('未找到本机关');
  const today = todayOf(ctx);
  const reportingYear = Number(today.slice(0, 4)) - 1;
  const isSupervisor = user.isSysadmin || user.roles.includes('supervisor');
  const { mayView } = partyFor(user, agency);
  if (!mayView && !isSupervisor) throw new ForbiddenError('只有公开办、负责人、审核人和监督机构可以查看年度报告');
  let entries: ReportIndexEntry[] | null = null;
  if (mayView) {
    const years = new Set<number>([0, 1, 2, 3, 4].map((i) => reportingYear - i));
    for (const y of await ctx.repos.reports.years(agency.id)) years.add(y);
    entries = [];
    for (const year of [...years].sort((a, b) => b - a)) {
      const versions = await ctx.repos.reports.versions(agency.id, year);
      const current = versions.at(-1);
      const status = current ? statusOf(current) : null;
      entries.push({
        year, status, statusLabel: status ? REPORT_STATUS_LABELS[status] : NOT_STARTED_LABEL, version: current?.version ?? null,
        archived: current?.kind === 'archived', deadlineState: deadlineState(year, today, firstPublishedOn(versions)),
      });
    }
  }
  return { agency: { code: agency.code, name: agency.name }, reportingYear, today, entries, isSupervisor };
}

/**
 * Searches the published reports of an agency (and the agencies below it), archived ones
 * included: the column's own search (the catalog's search covers documents).
 */
export async function searchReports(ctx: ServiceContext, agency: Agency, q: string): Promise<SearchResults> {
  const agencyIds = await ctx.repos.agencies.subtreeIds(agency.id);
  return searchDocuments(ctx, { q, agencyIds, kinds: ['report'], order: 'relevance', page: 1, pageSize: 20 });
}
