// The event log of an application (STYLE.md #6): one append-only record per step, with the legal
// date it happened on. The reply clock, the workflow guards and the applicant's timeline are all
// derived from it here, so nothing that depends on time is ever stored as a flag.
import { CONSULTATION_DAYS, computeReplyClock, correctionDeadline, feePaymentDeadline, type ApplicationClock, type ClockEvent } from './application-clock.ts';
import type { Action, OutcomeCode, WorkflowContext } from './application-workflow.ts';
import { OUTCOMES, isOutcomeCode } from './application-workflow.ts';
import type { WorkingCalendar } from './calendar.ts';
import { compareDates, formatDateZh } from './dates.ts';

export type ApplicationEventType =
  | 'received'
  | 'correction_requested'
  | 'correction_received'
  | 'assigned'
  | 'consultation_started'
  | 'consultation_ended'
  | 'extended'
  | 'fee_notice_sent'
  | 'payment_recorded'
  | 'reasons_requested'
  | 'reasons_received'
  | 'reply_drafted'
  | 'reply_approved'
  | 'reply_returned'
  | 'replied'
  | 'withdrawn'
  | 'closed'
  | 'file_attached';

export const EVENT_LABELS: Readonly<Record<ApplicationEventType, string>> = {
  received: '收到申请',
  correction_requested: '告知补正',
  correction_received: '收到补正',
  assigned: '分办',
  consultation_started: '征求意见',
  consultation_ended: '征求意见结束',
  extended: '延长答复期限',
  fee_notice_sent: '发出收费通知',
  payment_recorded: '收到缴费',
  reasons_requested: '要求说明理由',
  reasons_received: '收到说明理由',
  reply_drafted: '起草答复',
  reply_approved: '批准答复',
  reply_returned: '退回答复',
  replied: '答复',
  withdrawn: '撤回申请',
  closed: '办结',
  file_attached: '添加附件',
};

/** The event each workflow action records. */
export const ACTION_EVENT: Readonly<Record<Action, ApplicationEventType>> = {
  'request-correction': 'correction_requested',
  'receive-correction': 'correction_received',
  assign: 'assigned',
  'start-consultation': 'consultation_started',
  'end-consultation': 'consultation_ended',
  extend: 'extended',
  'send-fee-notice': 'fee_notice_sent',
  'record-payment': 'payment_recorded',
  'request-reasons': 'reasons_requested',
  'receive-reasons': 'reasons_received',
  'draft-reply': 'reply_drafted',
  'approve-reply': 'reply_approved',
  'return-reply': 'reply_returned',
  reply: 'replied',
  withdraw: 'withdrawn',
  close: 'closed',
};

/**
 * What the applicant sees in the tracking view. Internal steps (routing, drafts, review) are not
 * shown: the applicant learns the decision when it is sent, and no staff member is named.
 */
export function isPublicEventType(type: ApplicationEventType): boolean {
  switch (type) {
    case 'received':
    case 'correction_requested':
    case 'correction_received':
    case 'consultation_started':
    case 'consultation_ended':
    case 'extended':
    case 'fee_notice_sent':
    case 'payment_recorded':
    case 'reasons_requested':
    case 'reasons_received':
    case 'replied':
    case 'withdrawn':
    case 'closed':
      return true;
    case 'assigned':
    case 'reply_drafted':
    case 'reply_approved':
    case 'reply_returned':
    case 'file_attached':
      return false;
  }
}

/** An event as the derivations here need it. */
export interface CaseEvent {
  type: ApplicationEventType;
  on: string;
  actorId: number | null;
  data: Record<string, unknown>;
}

/** A stored event row as a CaseEvent (rows read without their actor have none). */
export function caseEventOf(row: { type: string; occurred_on: string; actor_id?: number | null; data: string }): CaseEvent {
  let data: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(row.data) as unknown;
    if (parsed !== null && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // A row written by hand with bad JSON still shows; it just carries no details.
  }
  return { type: row.type as ApplicationEventType, on: row.occurred_on, actorId: row.actor_id ?? null, data };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** The events that move the reply clock, in the clock's vocabulary. */
export function clockEventsOf(events: readonly CaseEvent[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const e of events) {
    switch (e.type) {
      case 'correction_requested':
        out.push({ type: 'correction_requested', on: e.on });
        break;
      case 'correction_received':
        out.push({ type: 'correction_received', on: e.on });
        break;
      // Art. 33: time spent consulting third parties or other agencies is not counted.
      case 'consultation_started':
        out.push({ type: 'pause_started', on: e.on, reason: 'consultation' });
        break;
      case 'consultation_ended':
        out.push({ type: 'pause_ended', on: e.on, reason: 'consultation' });
        break;
      // Practice (国办函〔2020〕109号): from the fee notice to payment is not counted.
      case 'fee_notice_sent':
        out.push({ type: 'pause_started', on: e.on, reason: 'fee_notice' });
        break;
      case 'payment_recorded':
        out.push({ type: 'pause_ended', on: e.on, reason: 'fee_notice' });
        break;
      case 'extended':
        out.push({ type: 'extended', on: e.on, workingDays: num(e.data.workingDays) });
        break;
      // Art. 35: reasonable but impossible in time → the agency sets a reasonable later deadline.
      case 'reasons_received':
        if (str(e.data.dueOn) !== '') out.push({ type: 'reasonable_deadline_set', on: e.on, dueOn: str(e.data.dueOn) });
        break;
      case 'received':
      case 'assigned':
      case 'reasons_requested':
      case 'reply_drafted':
      case 'reply_approved':
      case 'reply_returned':
      case 'replied':
      case 'withdrawn':
      case 'closed':
      case 'file_attached':
        break;
    }
  }
  return out;
}

/**
 * The reply clock as of `today`. Once handling has ended, the clock is read on the day it ended, so
 * a pause still open then (a fee never paid) stops counting there.
 */
export function caseClock(cal: WorkingCalendar, c: { receivedOn: string; endedOn: string | null; events: readonly CaseEvent[] }, today: string): ApplicationClock {
  const asOf = c.endedOn !== null && compareDates(c.endedOn, today) < 0 ? c.endedOn : today;
  return computeReplyClock(cal, { receivedOn: c.receivedOn, events: clockEventsOf(c.events), today: asOf });
}

function last(events: readonly CaseEvent[], type: ApplicationEventType): CaseEvent | undefined {
  for (let i = events.length - 1; i >= 0; i -= 1) if (events[i].type === type) return events[i];
  return undefined;
}

/** The period the applicant was given to correct (stated in the notice), else 15 working days. */
export const DEFAULT_CORRECTION_PERIOD_DAYS = 15;

/** When the applicant's own period (to correct, to pay) runs out, for the state that waits on it. */
export function applicantDeadline(cal: WorkingCalendar, state: string, events: readonly CaseEvent[]): string | null {
  if (state === 'awaiting_correction') {
    const req = last(events, 'correction_requested');
    if (!req) return null;
    return str(req.data.dueOn) || cal.addWorkingDays(req.on, DEFAULT_CORRECTION_PERIOD_DAYS).date;
  }
  if (state === 'awaiting_fee') {
    const notice = last(events, 'fee_notice_sent');
    return notice ? feePaymentDeadline(cal, notice.on).date : null;
  }
  if (state === 'consulting') {
    const start = last(events, 'consultation_started');
    return start ? cal.addWorkingDays(start.on, CONSULTATION_DAYS).date : null;
  }
  return null;
}

/** The outcome of the draft currently under review (the last draft since the last return). */
export function currentDraft(events: readonly CaseEvent[]): { outcome: OutcomeCode; details: string; authorId: number | null; on: string } | null {
  for (let i = events.length - 1; i >= 0; i -= 1) {
    const e = events[i];
    if (e.type === 'reply_returned') return null;
    if (e.type === 'reply_drafted') {
      const outcome = str(e.data.outcome);
      if (!isOutcomeCode(outcome)) return null;
      return { outcome, details: str(e.data.details), authorId: e.actorId, on: e.on };
    }
  }
  return null;
}

/**
 * The facts the workflow guards need (application-workflow.ts `WorkflowContext`), evaluated on the
 * date the action takes effect (`on`), for the actor.
 */
export function workflowContextOf(
  cal: WorkingCalendar,
  c: { receivedOn: string; state: string; departmentId: number | null; events: readonly CaseEvent[] },
  on: string,
  actor: { id: number; departmentId: number | null },
  outcome?: OutcomeCode,
): WorkflowContext {
  const has = (t: ApplicationEventType) => c.events.some((e) => e.type === t);
  const clock = computeReplyClock(cal, { receivedOn: c.receivedOn, events: clockEventsOf(c.events), today: on });
  const applicantDue = applicantDeadline(cal, c.state, c.events);
  // Art. 30 (2019): correction within 7 working days of receipt; the 2008 text set no limit.
  const withinCorrectionWindow = clock.regime === '2008' || compareDates(on, correctionDeadline(cal, c.receivedOn).date) <= 0;
  const draft = currentDraft(c.events);
  return {
    correctionRequestedBefore: has('correction_requested'),
    withinCorrectionWindow,
    extendedBefore: has('extended'),
    replyPeriodExpired: clock.dueOn !== null && compareDates(on, clock.dueOn) > 0,
    applicantPeriodExpired: applicantDue !== null && compareDates(on, applicantDue) > 0,
    reasonsRequestedBefore: has('reasons_requested'),
    isDraftAuthor: draft !== null && draft.authorId === actor.id,
    inAssignedDepartment: c.departmentId !== null && c.departmentId === actor.departmentId,
    ...(outcome !== undefined ? { outcome } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The applicant's timeline

const d = (date: string) => (date ? formatDateZh(date) : '');

/** One line of the public timeline: no staff names, no internal notes, no third party's name. */
export function publicEventText(e: { type: ApplicationEventType; data: Record<string, unknown> }): string {
  const data = e.data;
  switch (e.type) {
    case 'received':
      return '收到申请';
    case 'correction_requested':
      return `告知补正：${str(data.items)}${str(data.dueOn) ? `。请于${d(str(data.dueOn))}前补正` : ''}`;
    case 'correction_received':
      return '收到补正后的申请，答复期限自该日起重新计算';
    case 'consultation_started':
      return data.partyKind === 'agency'
        ? '征求有关行政机关意见，征求意见所需时间不计入答复期限'
        : '书面征求第三方意见，征求意见所需时间不计入答复期限';
    case 'consultation_ended':
      return '征求意见结束，恢复计算答复期限';
    case 'extended':
      return `经政府信息公开工作机构负责人同意，延长答复期限${num(data.workingDays)}个工作日${str(data.reason) ? `。理由：${str(data.reason)}` : ''}`;
    case 'fee_notice_sent':
      return `发出信息处理费收费通知，金额${num(data.amount)}元${str(data.dueOn) ? `，请于${d(str(data.dueOn))}前缴纳` : ''}；缴费期间不计入答复期限`;
    case 'payment_recorded':
      return '已收到信息处理费，恢复计算答复期限';
    case 'reasons_requested':
      return '请申请人说明理由（《中华人民共和国政府信息公开条例》第三十五条）';
    case 'reasons_received':
      return str(data.dueOn) ? `收到申请人说明的理由，答复期限确定为${d(str(data.dueOn))}` : '收到申请人说明的理由';
    case 'replied': {
      const outcome = str(data.outcome);
      return `已答复：${isOutcomeCode(outcome) ? OUTCOMES[outcome].label : '已答复'}`;
    }
    case 'withdrawn':
      return '申请人撤回申请';
    case 'closed':
      return '办结';
    case 'assigned':
    case 'reply_drafted':
    case 'reply_approved':
    case 'reply_returned':
    case 'file_attached':
      return EVENT_LABELS[e.type];
  }
}
