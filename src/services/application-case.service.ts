// Reading applications: the staff case view, the staff lists (with derived "due soon" and
// "overdue"), and the applicant's tracking view. Every due date is derived here from the event
// history and the calendar at the moment of reading (STYLE.md #4).
import type { ApplicationRow } from '../db/schema.ts';
import type { ApplicationFileMeta } from '../db/repositories/application.repository.ts';
import type { ApplicationClock, ClockWarning } from '../domain/application-clock.ts';
import { formatExplanationZh, remainingWorkingDays } from '../domain/application-clock.ts';
import {
  EVENT_LABELS,
  applicantDeadline,
  caseClock,
  caseEventOf,
  currentDraft,
  publicEventText,
  workflowContextOf,
  type ApplicationEventType,
  type CaseEvent,
} from '../domain/application-events.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  DELIVERY_LABELS,
  FORMAT_LABELS,
  ID_TYPE_LABELS,
  ORG_TYPE_LABELS,
  phoneDigits,
  type ApplicantKind,
  type Channel,
  type Delivery,
  type IdType,
  type InfoFormat,
  type OrgType,
} from '../domain/application-form.ts';
import {
  OUTCOMES,
  STATES,
  STATE_LABELS,
  WITHDRAWAL,
  availableActions,
  isOpen,
  isOutcomeCode,
  type AvailableAction,
  type OutcomeCode,
  type State,
} from '../domain/application-workflow.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { compareDates, formatDateZh } from '../domain/dates.ts';
import { rankRepeats, type RepeatCandidate } from '../domain/repeat-detection.ts';
import { isValidTrackingCode, normalizeTrackingCode } from '../domain/tracking-code.ts';
import type { StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { APPLICANT_FILE_KIND, todayOf } from './application-intake.service.ts';
import {
  applicantView,
  handlesApplication,
  loadVisibleApplication,
  maskedApplicantName,
  visibleAgencyIds,
  type ApplicantView,
} from './application-policy.service.ts';

/** Open applications due within this many working days are listed as "due soon". */
export const DUE_SOON_WORKING_DAYS = 5;

export interface DueView {
  dueOn: string | null;
  provisional: boolean;
  /** Working days left (0 on the due day, negative once overdue); null without a due date. */
  remainingWorkingDays: number | null;
  overdue: boolean;
  dueSoon: boolean;
  /** 'running' | 'paused' | 'awaiting_correction' | 'ended' */
  status: ApplicationClock['status'] | 'ended';
  /** For an ended application: replied within the period? */
  onTime: boolean | null;
}

export function dueViewOf(cal: WorkingCalendar, app: ApplicationRow, clock: ApplicationClock, today: string): DueView {
  const open = isOpen(app.state as State);
  const remaining = clock.dueOn === null ? null : remainingWorkingDays(cal, today, clock.dueOn);
  return {
    dueOn: clock.dueOn,
    provisional: clock.provisional,
    remainingWorkingDays: open ? remaining : null,
    overdue: open && remaining !== null && remaining < 0,
    dueSoon: open && remaining !== null && remaining >= 0 && remaining <= DUE_SOON_WORKING_DAYS,
    status: open ? clock.status : 'ended',
    onTime: !open && app.ended_on !== null && clock.dueOn !== null ? compareDates(app.ended_on, clock.dueOn) <= 0 : null,
  };
}

/** "应于 2025年10月30日 前答复（剩余 N 个工作日）" and its variants, for pages and letters. */
export function dueSentence(due: DueView): string {
  if (due.status === 'ended') return due.dueOn ? `答复期限为 ${formatDateZh(due.dueOn)}` : '';
  if (due.status === 'awaiting_correction') return '等待申请人补正，答复期限自收到补正之日起重新计算';
  if (due.dueOn === null) return '';
  const note = due.provisional ? '（节假日安排尚未公布，暂按周一至周五计算）' : '';
  const paused = due.status === 'paused' ? '答复期限暂停计算中；如今日恢复，' : '';
  const r = due.remainingWorkingDays ?? 0;
  const tail = r > 0 ? `（剩余 ${r} 个工作日）` : r === 0 ? '（今天到期）' : `（已超期 ${-r} 个工作日）`;
  return `${paused}应于 ${formatDateZh(due.dueOn)} 前答复${tail}${note}`;
}

function warningText(w: ClockWarning): string {
  switch (w.kind) {
    case 'correction_late':
      return `补正告知于${formatDateZh(w.requestedOn)}发出，已超过收到申请之日起7个工作日（${formatDateZh(w.deadline)}）的期限（条例第三十条）`;
    case 'correction_repeated':
      return `${formatDateZh(w.requestedOn)}再次告知补正；补正应一次性告知（条例第三十条）`;
    case 'pause_expired':
      return w.reason === 'consultation'
        ? `征求意见已于${formatDateZh(w.expiredOn)}届满15个工作日，第三方或有关机关逾期未答复的，由本机关依法决定（条例第三十二条、第三十四条）`
        : `缴费期限已于${formatDateZh(w.expiredOn)}届满，申请人逾期未缴费的，可视为放弃申请`;
  }
}

const txt = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One line per event for staff, with the details recorded (internal notes included). */
export function staffEventText(e: CaseEvent, departments: ReadonlyMap<number, string>): string {
  const note = txt(e.data.note) ? `；备注：${txt(e.data.note)}` : '';
  switch (e.type) {
    case 'received': {
      const channel = txt(e.data.channel) as Channel;
      return `${CHANNEL_LABELS[channel] ?? ''}${note}`;
    }
    case 'assigned':
      return `分办至${departments.get(Number(e.data.departmentId)) ?? txt(e.data.departmentName)}${note}`;
    case 'consultation_started':
      return `${e.data.partyKind === 'agency' ? '征求有关机关意见' : '征求第三方意见'}：${txt(e.data.party)}${note}`;
    case 'consultation_ended': {
      const result: Record<string, string> = { consented: '同意公开', objected: '不同意公开', no_answer: '逾期未答复', answered: '已答复' };
      return `${result[txt(e.data.result)] ?? ''}${note}`;
    }
    case 'reply_drafted':
    case 'replied': {
      const outcome = txt(e.data.outcome);
      const details = txt(e.data.details) ? `；${txt(e.data.details)}` : '';
      return `${isOutcomeCode(outcome) ? OUTCOMES[outcome].label : ''}${details}${note}`;
    }
    case 'file_attached':
      return `${txt(e.data.filename)}${e.data.public ? '（向申请人提供）' : '（内部）'}${note}`;
    case 'correction_requested':
    case 'correction_received':
    case 'extended':
    case 'fee_notice_sent':
    case 'payment_recorded':
    case 'reasons_requested':
    case 'reasons_received':
    case 'withdrawn':
    case 'closed':
      return `${publicEventText(e)}${note}`;
    case 'reply_approved':
    case 'reply_returned':
      return note.replace(/^；/, '');
  }
}

export interface EventView {
  id: number;
  type: ApplicationEventType;
  label: string;
  on: string;
  at: string;
  actorLabel: string;
  isPublic: boolean;
  text: string;
  data: Record<string, unknown>;
}

export interface FileView {
  id: number;
  kind: string;
  filename: string;
  mime: string;
  size: number;
  isPublic: boolean;
  createdAt: string;
}

export interface RepeatView {
  id: number;
  trackingCode: string;
  receivedOn: string;
  description: string;
  state: State;
  stateLabel: string;
  outcome: OutcomeCode | 'withdrawn' | null;
  outcomeLabel: string | null;
  similarity: number;
  similar: boolean;
}

export interface ReviewCaseView {
  id: number;
  kind: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
  authority: string;
  note: string;
}

export interface CaseView {
  id: number;
  trackingCode: string;
  agency: { id: number; code: string; name: string };
  state: State;
  stateLabel: string;
  channel: Channel;
  channelLabel: string;
  receivedOn: string;
  arrivedOn: string | null;
  confirmedOn: string | null;
  format: InfoFormat;
  formatLabel: string;
  delivery: Delivery;
  deliveryLabel: string;
  description: string;
  applicant: ApplicantView & { kindLabel: string; orgTypeLabel: string | null; idTypeLabel: string };
  department: { id: number; name: string } | null;
  outcome: OutcomeCode | 'withdrawn' | null;
  outcomeLabel: string | null;
  endedOn: string | null;
  due: DueView;
  dueSentence: string;
  clock: {
    regime: '2008' | '2019';
    replyDays: number;
    startOn: string;
    pausedWorkingDays: number;
    extended: boolean;
    extensionDays: number;
    explanation: string;
    warnings: string[];
  };
  /** Date the applicant's own period ends (correction, payment) or a consultation runs out. */
  waitingUntil: string | null;
  draft: { outcome: OutcomeCode; outcomeLabel: string; details: string; on: string } | null;
  events: EventView[];
  files: FileView[];
  actions: AvailableAction[];
  repeats: RepeatView[];
  reviewCases: ReviewCaseView[];
  departments: { id: number; name: string }[];
  /** The viewer handles the case (sees personal data, may record review cases). */
  handles: boolean;
  version: number;
}

export function outcomeLabelOf(outcome: string | null): string | null {
  if (outcome === null) return null;
  if (outcome === 'withdrawn') return WITHDRAWAL.label;
  return isOutcomeCode(outcome) ? OUTCOMES[outcome].label : outcome;
}

function repeatView(r: RepeatCandidate<ApplicationRow>): RepeatView {
  return {
    id: r.item.id,
    trackingCode: r.item.tracking_code,
    receivedOn: r.item.received_on,
    description: r.item.description,
    state: r.item.state as State,
    stateLabel: STATE_LABELS[r.item.state as State] ?? r.item.state,
    outcome: r.item.outcome as OutcomeCode | 'withdrawn' | null,
    outcomeLabel: outcomeLabelOf(r.item.outcome),
    similarity: r.similarity,
    similar: r.similar,
  };
}

/** The names of the files the applicant attached to the application, in the order sent. */
function applicantFileNames(files: readonly ApplicationFileMeta[]): string[] {
  return files.filter((f) => f.kind === APPLICANT_FILE_KIND).map((f) => f.filename);
}

function fileView(f: ApplicationFileMeta): FileView {
  return { id: f.id, kind: f.kind, filename: f.filename, mime: f.mime, size: f.size, isPublic: f.is_public === 1, createdAt: f.created_at };
}

/** The whole case for a staff member who may see it; personal data masked unless they handle it. */
export async function caseView(ctx: ServiceContext, user: StaffUser, id: number): Promise<CaseView> {
  const app = await loadVisibleApplication(ctx, user, id);
  return buildCaseView(ctx, user, app);
}

export async function buildCaseView(ctx: ServiceContext, user: StaffUser, app: ApplicationRow): Promise<CaseView> {
  const repos = ctx.repos;
  const [cal, agency, eventRows, files, departments, earlier, reviewCases] = await Promise.all([
    ctx.calendar(),
    repos.agencies.byId(app.agency_id),
    repos.applications.events(app.id),
    repos.applications.files(app.id),
    repos.agencies.departments(app.agency_id),
    repos.applications.sameApplicant(app.agency_id, { idNumber: app.applicant_id_number, name: app.applicant_name, phone: app.applicant_phone }, app.id),
  repos.applications.reviewCases(app.id),
  ]);
  const today = todayOf(ctx);
  const events = eventRows.map(caseEventOf);
  const clock = caseClock(cal, { receivedOn: app.received_on, endedOn: app.ended_on, events }, today);
  const due = dueViewOf(cal, app, clock, today);
  const handles = handlesApplication(user, app);
  const deptNames = new Map(departments.map((d) => [d.id, d.name]));
  const state = app.state as State;
  const wf = workflowContextOf(cal, { receivedOn: app.received_on, state, departmentId: app.department_id, events }, today, user);
  const actions = user.agencyId === app.agency_id ? availableActions(user.roles, state, wf) : [];
  const draft = currentDraft(events);
  const applicant = applicantView(app, handles);
  return {
    id: app.id,
    trackingCode: app.tracking_code,
    agency: { id: app.agency_id, code: agency?.code ?? '', name: agency?.name ?? '' },
    state,
    stateLabel: STATE_LABELS[state] ?? app.state,
    channel: app.channel as Channel,
    channelLabel: CHANNEL_LABELS[app.channel as Channel] ?? app.channel,
    receivedOn: app.received_on,
    arrivedOn: app.signed_on,
    confirmedOn: app.confirmed_on,
    format: app.format as InfoFormat,
    formatLabel: FORMAT_LABELS[app.format as InfoFormat] ?? app.format,
    delivery: app.delivery as Delivery,
    deliveryLabel: DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery,
    description: app.description,
    applicant: {
      ...applicant,
      kindLabel: APPLICANT_KIND_LABELS[app.applicant_kind as ApplicantKind] ?? app.applicant_kind,
      orgTypeLabel: app.applicant_org_type ? ORG_TYPE_LABELS[app.applicant_org_type as OrgType] ?? app.applicant_org_type : null,
      idTypeLabel: ID_TYPE_LABELS[app.applicant_id_type as IdType] ?? app.applicant_id_type,
    },
    department: app.department_id !== null ? { id: app.department_id, name: deptNames.get(app.department_id) ?? '' } : null,
    outcome: (app.outcome as CaseView['outcome']) ?? null,
    outcomeLabel: outcomeLabelOf(app.outcome),
    endedOn: app.ended_on,
    due,
    dueSentence: dueSentence(due),
    clock: {
      regime: clock.regime,
      replyDays: clock.replyDays,
      startOn: clock.startOn,
      pausedWorkingDays: clock.pausedWorkingDays,
      extended: clock.extended,
      extensionDays: clock.extensionDays,
      explanation: formatExplanationZh(clock.explanation),
      warnings: clock.warnings.map(warningText),
    },
    waitingUntil: isOpen(state) ? applicantDeadline(cal, state, events) : null,
    draft: draft ? { outcome: draft.outcome, outcomeLabel: OUTCOMES[draft.outcome].label, details: draft.details, on: draft.on } : null,
    events: eventRows.map((row, i) => ({
      id: row.id,
      type: events[i].type,
      label: EVENT_LABELS[events[i].type] ?? row.type,
      on: row.occurred_on,
      at: row.at,
      actorLabel: row.actor_label,
      isPublic: row.is_public === 1,
      text: staffEventText(events[i], deptNames),
      data: events[i].data,
    })),
    files: files.map(fileView),
    actions,
    repeats: rankRepeats(app.description, earlier.filter((e) => compareDates(e.received_on, app.received_on) <= 0)).map(repeatView),
    reviewCases: reviewCases.map((c) => ({ id: c.id, kind: c.kind, filedOn: c.filed_on, result: c.result, decidedOn: c.decided_on, authority: c.authority, note: c.note })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    handles,
    version: app.version,
  };
}

// ---------------------------------------------------------------------------------------------
// Repeat detection while registering

/** The same applicant's earlier applications to the agency, most similar first (Art. 36(6)). */
export async function findPossibleRepeats(
  ctx: ServiceContext,
  user: StaffUser,
  input: { idNumber: string; name: string; phone: string; description: string },
): Promise<RepeatView[]> {
  const idNumber = input.idNumber.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  if (idNumber === '' && (input.name.trim() === '' || input.phone.trim() === '')) return [];
  const earlier = await ctx.repos.applications.sameApplicant(user.agencyId, { idNumber, name: input.name.trim(), phone: input.phone.trim() });
  return rankRepeats(input.description, earlier).map(repeatView);
}

// ---------------------------------------------------------------------------------------------
// Lists

export type ListView = 'all' | 'open' | 'mine' | 'due_soon' | 'overdue';

export interface ListFilter {
  /** Agency code; default: the user's agency (a supervisor's default is every agency they see). */
  agency?: string;
  state?: State;
  view?: ListView;
  departmentId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface ApplicationSummary {
  id: number;
  trackingCode: string;
  agencyCode: string;
  agencyName: string;
  receivedOn: string;
  applicantName: string;
  applicantKind: ApplicantKind;
  applicantKindLabel: string;
  description: string;
  state: State;
  stateLabel: string;
  departmentId: number | null;
  departmentName: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  endedOn: string | null;
  due: DueView;
}

export interface AgencyCounts {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  open: number;
  dueSoon: number;
  overdue: number;
  departments: { id: number | null; name: string; open: number; dueSoon: number; overdue: number }[];
}

export interface ApplicationList {
  items: ApplicationSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** Open / due soon / overdue per agency and department, over everything the user may see. */
  counts: AgencyCounts[];
}

const OPEN_STATES: readonly State[] = STATES.filter(isOpen);

export async function listApplications(ctx: ServiceContext, user: StaffUser, filter: ListFilter = {}): Promise<ApplicationList> {
  const visible = await visibleAgencyIds(ctx, user);
  const agencies = (await ctx.repos.agencies.all()).filter((a) => visible.includes(a.id));
  let agencyIds = visible;
  if (filter.agency) {
    const a = agencies.find((x) => x.code === filter.agency);
    if (!a) throw new ValidationError('机关代码无效', { agency: '没有该机关，或您无权查看其申请' });
    agencyIds = [a.id];
  } else if (!user.roles.includes('supervisor') && !user.isSysadmin) {
    agencyIds = [user.agencyId];
  }
  const page = Math.max(1, Math.floor(filter.page ?? 1));
  const pageSize = Math.min(200, Math.max(1, Math.floor(filter.pageSize ?? 20)));
  const view = filter.view ?? 'all';
  const cal = await ctx.calendar();
  const today = todayOf(ctx);
  const departments = new Map<number, string>();
  for (const a of agencies) for (const d of await ctx.repos.agencies.departments(a.id)) departments.set(d.id, d.name);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));

  // Every open application the user may see: the counts, and the views that filter on derived facts.
  const openRows = await ctx.repos.applications.all({ agencyIds: visible, states: OPEN_STATES });
  const openEvents = await ctx.repos.applications.eventsFor(openRows.map((r) => r.id));
  const derived = new Map<number, { due: DueView; mine: boolean }>();
  for (const row of openRows) {
    const events = (openEvents.get(row.id) ?? []).map(caseEventOf);
    const clock = caseClock(cal, { receivedOn: row.received_on, endedOn: row.ended_on, events }, today);
    const wf = workflowContextOf(cal, { receivedOn: row.received_on, state: row.state, departmentId: row.department_id, events }, today, user);
    const mine = row.agency_id === user.agencyId && availableActions(user.roles, row.state as State, wf).length > 0;
    derived.set(row.id, { due: dueViewOf(cal, row, clock, today), mine });
  }

  const summary = async (row: ApplicationRow): Promise<ApplicationSummary> => {
    let due = derived.get(row.id)?.due;
    if (!due) {
      const events = (await ctx.repos.applications.events(row.id)).map(caseEventOf);
      due = dueViewOf(cal, row, caseClock(cal, { receivedOn: row.received_on, endedOn: row.ended_on, events }, today), today);
    }
    const agency = agencyById.get(row.agency_id);
    return {
      id: row.id,
      trackingCode: row.tracking_code,
      agencyCode: agency?.code ?? '',
      agencyName: agency?.name ?? '',
      receivedOn: row.received_on,
      applicantName: handlesApplication(user, row) ? row.applicant_name : maskedApplicantName(row),
      applicantKind: row.applicant_kind as ApplicantKind,
      applicantKindLabel: APPLICANT_KIND_LABELS[row.applicant_kind as ApplicantKind] ?? row.applicant_kind,
      description: row.description,
      state: row.state as State,
      stateLabel: STATE_LABELS[row.state as State] ?? row.state,
      departmentId: row.department_id,
      departmentName: row.department_id !== null ? departments.get(row.department_id) ?? null : null,
      outcome: row.outcome,
      outcomeLabel: outcomeLabelOf(row.outcome),
      endedOn: row.ended_on,
      due,
    };
  };

  const sqlFilter = {
    agencyIds,
    ...(filter.state ? { states: [filter.state] } : {}),
    ...(filter.departmentId !== undefined ? { departmentId: filter.departmentId } : {}),
    ...(filter.q ? { text: filter.q.trim().slice(0, 100) } : {}),
  };
  let items: ApplicationSummary[];
  let total: number;
  if (view === 'all') {
    const result = await ctx.repos.applications.list(sqlFilter, page, pageSize);
    items = await Promise.all(result.items.map(summary));
    total = result.total;
  } else {
    const states = filter.state ? (OPEN_STATES.includes(filter.state) ? [filter.state] : []) : OPEN_STATES;
    const rows = states.length === 0 ? [] : await ctx.repos.applications.all({ ...sqlFilter, states });
    const keep = rows.filter((r) => {
      const d = derived.get(r.id);
      if (!d) return false;
      switch (view) {
        case 'open':
          return true;
        case 'mine':
          return d.mine;
        case 'due_soon':
          return d.due.dueSoon;
        case 'overdue':
          return d.due.overdue;
      }
    });
    // Most urgent first in the deadline views.
    keep.sort((a, b) => (derived.get(a.id)!.due.remainingWorkingDays ?? 9999) - (derived.get(b.id)!.due.remainingWorkingDays ?? 9999) || a.id - b.id);
    total = keep.length;
    items = await Promise.all(keep.slice((page - 1) * pageSize, page * pageSize).map(summary));
  }

  const counts: AgencyCounts[] = agencies
    .filter((a) => agencyIds.includes(a.id) || visible.length > 1)
    .map((a) => {
      const rows = openRows.filter((r) => r.agency_id === a.id);
      const tally = (rs: ApplicationRow[]) => ({
        open: rs.length,
        dueSoon: rs.filter((r) => derived.get(r.id)!.due.dueSoon).length,
        overdue: rs.filter((r) => derived.get(r.id)!.due.overdue).length,
      });
      const deptIds = [...new Set(rows.map((r) => r.department_id))];
      return {
        agencyId: a.id,
        agencyCode: a.code,
        agencyName: a.name,
        ...tally(rows),
        departments: deptIds.map((id) => ({
          id,
          name: id === null ? '未分办' : departments.get(id) ?? '',
          ...tally(rows.filter((r) => r.department_id === id)),
        })),
      };
    });
  return { items, total, page, pageSize, counts };
}

// ---------------------------------------------------------------------------------------------
// The applicant's tracking view

export interface PublicApplicationView {
  trackingCode: string;
  agency: { code: string; name: string; phone: string; address: string };
  applicantName: string;
  receivedOn: string;
  description: string;
  formatLabel: string;
  deliveryLabel: string;
  /** A public-facing state: no internal steps. */
  status: 'received' | 'awaiting_correction' | 'in_process' | 'paused' | 'awaiting_fee' | 'awaiting_reasons' | 'replied' | 'withdrawn';
  statusLabel: string;
  state: State;
  due: DueView;
  dueSentence: string;
  waitingUntil: string | null;
  outcome: string | null;
  outcomeLabel: string | null;
  endedOn: string | null;
  timeline: { on: string; label: string; text: string }[];
  files: { id: number; filename: string; kind: string; size: number }[];
  /** The names of the files the applicant attached (listed, not downloadable: the applicant has them). */
  applicantFiles: string[];
}

function publicStatus(state: State): { status: PublicApplicationView['status']; label: string } {
  switch (state) {
    case 'received':
      return { status: 'received', label: '已受理' };
    case 'awaiting_correction':
      return { status: 'awaiting_correction', label: '待补正' };
    case 'consulting':
      return { status: 'paused', label: '办理中（征求意见，期限暂停）' };
    case 'awaiting_fee':
      return { status: 'awaiting_fee', label: '待缴纳信息处理费' };
    case 'awaiting_reasons':
      return { status: 'awaiting_reasons', label: '待申请人说明理由' };
    case 'assigned':
    case 'in_process':
    case 'reply_drafted':
    case 'reply_approved':
      return { status: 'in_process', label: '办理中' };
    case 'replied':
    case 'closed':
      return { status: 'replied', label: '已答复' };
    case 'withdrawn':
      return { status: 'withdrawn', label: '已撤回' };
  }
}

const NOT_FOUND_TRACKING = '未找到与查询码和手机号后四位相符的申请，请核对后重试';

/**
 * The tracking view for whoever holds the tracking code and the last 4 digits of the phone. Any
 * mismatch answers the same "not found", so the code cannot be probed with a known phone or back.
 */
export async function trackApplication(
  ctx: ServiceContext,
  input: { trackingCode: string; phoneLast4: string; agencyCode?: string },
): Promise<PublicApplicationView> {
  const app = await findTracked(ctx, input);
  const [cal, agency, eventRows, files] = await Promise.all([
    ctx.calendar(),
    ctx.repos.agencies.byId(app.agency_id),
    ctx.repos.applications.events(app.id),
    ctx.repos.applications.files(app.id),
  ]);
  const today = todayOf(ctx);
  const events = eventRows.map(caseEventOf);
  const clock = caseClock(cal, { receivedOn: app.received_on, endedOn: app.ended_on, events }, today);
  const due = dueViewOf(cal, app, clock, today);
  const state = app.state as State;
  const { status, label } = publicStatus(state);
  return {
    trackingCode: app.tracking_code,
    agency: { code: agency?.code ?? '', name: agency?.name ?? '', phone: agency?.phone ?? '', address: agency?.address ?? '' },
    applicantName: maskedApplicantName(app),
    receivedOn: app.received_on,
    description: app.description,
    formatLabel: FORMAT_LABELS[app.format as InfoFormat] ?? app.format,
    deliveryLabel: DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery,
    status,
    statusLabel: label,
    state,
    due,
    dueSentence: dueSentence(due),
    waitingUntil: state === 'awaiting_correction' || state === 'awaiting_fee' ? applicantDeadline(cal, state, events) : null,
    outcome: app.outcome,
    outcomeLabel: outcomeLabelOf(app.outcome),
    endedOn: app.ended_on,
    timeline: eventRows
      .map((row, i) => ({ row, e: events[i] }))
      .filter(({ row }) => row.is_public === 1)
      .map(({ row, e }) => ({ on: row.occurred_on, label: EVENT_LABELS[e.type] ?? row.type, text: publicEventText(e) })),
    files: files.filter((f) => f.is_public === 1).map((f) => ({ id: f.id, filename: f.filename, kind: f.kind, size: f.size })),
    applicantFiles: applicantFileNames(files),
  };
}

/** The application behind a tracking code and phone check, or "not found". */
export async function findTracked(ctx: ServiceContext, input: { trackingCode: string; phoneLast4: string; agencyCode?: string }): Promise<ApplicationRow> {
  const code = normalizeTrackingCode(input.trackingCode);
  const last4 = String(input.phoneLast4 ?? '').normalize('NFKC').trim();
  const fields: Record<string, string> = {};
  if (!isValidTrackingCode(code)) fields.trackingCode = '查询码有误，请核对回执上的16位查询码';
  if (!/^\d{4}$/.test(last4)) fields.phoneLast4 = '请填写申请时所留联系电话的后四位数字';
  if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields).join('；'), fields);
  const app = await ctx.repos.applications.byTrackingCode(code);
  if (!app || phoneDigits(app.applicant_phone).slice(-4) !== last4) throw new NotFoundError(NOT_FOUND_TRACKING);
  if (input.agencyCode) {
    const agency = await ctx.repos.agencies.byId(app.agency_id);
    if (agency?.code !== input.agencyCode) throw new NotFoundError(NOT_FOUND_TRACKING);
  }
  return app;
}

/** A file the applicant may download (sent to them), for the tracking view. */
export async function trackedFile(ctx: ServiceContext, input: { trackingCode: string; phoneLast4: string; agencyCode?: string; fileId: number }) {
  const app = await findTracked(ctx, input);
  const file = await ctx.repos.applications.file(app.id, input.fileId);
  if (!file || file.is_public !== 1) throw new NotFoundError('未找到该文件');
  return file;
}

/** A file of a case, for staff who may see the case. */
export async function caseFile(ctx: ServiceContext, user: StaffUser, applicationId: number, fileId: number) {
  const app = await loadVisibleApplication(ctx, user, applicationId);
  const file = await ctx.repos.applications.file(app.id, fileId);
  if (!file) throw new NotFoundError('未找到该文件');
  // The applicant's own files (identity documents, letters) are personal data: only for those who handle the case.
  if (file.kind === APPLICANT_FILE_KIND && !handlesApplication(user, app)) throw new ForbiddenError('申请人提交的附件含有个人信息，只有承办本申请的工作人员可以查看');
  return file;
}

// ---------------------------------------------------------------------------------------------
// The acknowledgement (受理回执)

export interface ReceiptData {
  trackingCode: string;
  agencyCode: string;
  agencyName: string;
  receivedOn: string;
  /** The due date as it stood on receipt. */
  dueOn: string | null;
  applicantName: string;
  description: string;
  formatLabel: string;
  deliveryLabel: string;
  channelLabel: string;
  /** Names of the files attached to the application. */
  attachments: string[];
}

/** The receipt of an application (masked), for whoever holds the receipt token (see application-policy). */
export async function receiptData(ctx: ServiceContext, trackingCode: string): Promise<{ app: ApplicationRow; receipt: ReceiptData }> {
  const app = await ctx.repos.applications.byTrackingCode(normalizeTrackingCode(trackingCode));
  if (!app) throw new NotFoundError('未找到该申请');
  const [cal, agency, files] = await Promise.all([ctx.calendar(), ctx.repos.agencies.byId(app.agency_id), ctx.repos.applications.files(app.id)]);
  const clock = caseClock(cal, { receivedOn: app.received_on, endedOn: null, events: [] }, app.received_on);
  return {
    app,
    receipt: {
      trackingCode: app.tracking_code,
      agencyCode: agency?.code ?? '',
      agencyName: agency?.name ?? '',
      receivedOn: app.received_on,
      dueOn: clock.dueOn,
      applicantName: maskedApplicantName(app),
      description: app.description,
      formatLabel: FORMAT_LABELS[app.format as InfoFormat] ?? app.format,
      deliveryLabel: DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery,
      channelLabel: CHANNEL_LABELS[app.channel as Channel] ?? app.channel,
      attachments: applicantFileNames(files),
    },
  };
}

/** Live counts for the console's start page (dashboard `figures`): waiting for me, due soon, overdue. */
export async function applicationFigures(ctx: ServiceContext, user: StaffUser): Promise<{ label: string; en: string; value: number; href: string; tone?: 'ok' | 'warn' | 'danger' }[]> {
  const [mine, soon, overdue] = await Promise.all((['mine', 'due_soon', 'overdue'] as const).map((view) => listApplications(ctx, user, { view, pageSize: 1 })));
  return [
    { label: '待我办理的申请', en: 'Applications waiting for me', value: mine.total, href: '/console/applications?view=mine' },
    { label: '5个工作日内到期', en: 'Due within 5 working days', value: soon.total, href: '/console/applications?view=due_soon', tone: 'warn' },
    { label: '已逾期未答复', en: 'Overdue, not yet replied', value: overdue.total, href: '/console/applications?view=overdue', tone: 'danger' },
  ];
}
