// The reply clock of an application for disclosure (依申请公开), derived from the case's event
// history and the working-day calendar every time it is read (STYLE.md #4, #6): nothing here is
// stored, so a corrected calendar or a late-recorded event recomputes the due date.
import type { WorkingCalendar, WorkingDayResult } from './calendar.ts';
import { compareDates, formatDateZh, fromDayNumber, parseIsoDate, toDayNumber, weekdayZh, yearOf } from './dates.ts';

export type Regime = '2008' | '2019';

export interface ReplyLimits {
  replyDays: number;
  extensionDays: number;
  regime: Regime;
}

/** The 2019 Regulations (Decree No. 711) apply to applications received from this day. */
export const REGIME_2019_FROM = '2019-05-15';

/**
 * Art. 33 (2019): reply within 20 working days, one extension of at most 20.
 * Decree No. 492 (2008), Art. 24: 15 and 15 — kept for applications received before 2019-05-15.
 */
export function limitsFor(receivedOn: string): ReplyLimits {
  return compareDates(parseIsoDate(receivedOn), REGIME_2019_FROM) < 0
    ? { replyDays: 15, extensionDays: 15, regime: '2008' }
    : { replyDays: 20, extensionDays: 20, regime: '2019' };
}

/** Art. 30: the agency asks for a correction once, in full, within 7 working days of receipt. */
export const CORRECTION_REQUEST_DAYS = 7;
/** Art. 32 / Art. 34: a consulted third party or agency answers within 15 working days. */
export const CONSULTATION_DAYS = 15;
/** 国办函〔2020〕109号: pay within 20 working days from the day after receiving the fee notice. */
export const FEE_PAYMENT_DAYS = 20;

export function correctionDeadline(cal: WorkingCalendar, receivedOn: string): WorkingDayResult {
  return cal.addWorkingDays(receivedOn, CORRECTION_REQUEST_DAYS);
}

/**
 * When a consultation expires without an answer. Counted from the day the letter was sent: the
 * Regulations count from the third party's receipt, which the agency rarely knows — a caller who
 * knows the receipt date passes that instead.
 */
export function consultationDeadline(cal: WorkingCalendar, sentOn: string): WorkingDayResult {
  return cal.addWorkingDays(sentOn, CONSULTATION_DAYS);
}

export function feePaymentDeadline(cal: WorkingCalendar, noticeReceivedOn: string): WorkingDayResult {
  return cal.addWorkingDays(noticeReceivedOn, FEE_PAYMENT_DAYS);
}

/**
 * Working days left until `dueOn`: 0 on the due day, negative once it has passed. A day after the
 * due date is always at least 1 day overdue, also on a weekend before the next working day.
 */
export function remainingWorkingDays(cal: WorkingCalendar, today: string, dueOn: string): number {
  if (compareDates(today, dueOn) <= 0) return cal.workingDaysBetween(today, dueOn);
  return -Math.max(1, cal.workingDaysBetween(dueOn, today));
}

// ---------------------------------------------------------------------------------------------
// Events and result

/** Why the clock stands still: consulting a third party or agency (Art. 32–34), or a fee notice. */
export type PauseReason = 'consultation' | 'fee_notice';

export type ClockEvent =
  | { type: 'correction_requested'; on: string } // 补正告知 (Art. 30)
  | { type: 'correction_received'; on: string } // 收到补正 — the clock restarts (Art. 30)
  | { type: 'pause_started'; on: string; reason: PauseReason }
  /** Consultation answered or expired, fee paid. Without `reason` it closes the only open pause. */
  | { type: 'pause_ended'; on: string; reason?: PauseReason }
  | { type: 'extended'; on: string; workingDays: number } // 延期答复 (Art. 33)
  | { type: 'reasonable_deadline_set'; on: string; dueOn: string }; // 合理期限 (Art. 35)

export interface ClockInput {
  receivedOn: string;
  events: readonly ClockEvent[];
  /**
   * Today's date (China Standard Time). Needed for an open pause (see `dueOn`) and for warnings
   * about pauses that outlast their own deadline; otherwise optional.
   */
  today?: string;
}

export type ClockStatus = 'running' | 'paused' | 'awaiting_correction';

export type ExplanationStep =
  | { kind: 'received'; on: string; regime: Regime; replyDays: number }
  | { kind: 'correction_requested'; on: string; deadline: string; late: boolean }
  | { kind: 'correction_received'; on: string }
  | { kind: 'awaiting_correction'; since: string }
  /** A run of consecutive days off inside the counted period (weekends inside the break included). */
  | { kind: 'days_off'; from: string; to: string; names: string[]; days: number }
  | { kind: 'make_up_workday'; on: string; name: string | null }
  /**
   * `to` null: still open; `workingDays` then counts up to `asOf` (today), or is 0 without today.
   * `workingDays` leaves out days already counted for an earlier, overlapping pause.
   */
  | { kind: 'paused'; reason: PauseReason; from: string; to: string | null; workingDays: number; asOf: string | null }
  | { kind: 'extended'; on: string; workingDays: number }
  | { kind: 'reasonable_deadline_set'; on: string; dueOn: string }
  /**
   * The result. `workingDays` = reply days + extension; `asOf` set when a pause is open and the
   * date assumes it ends today; `unknownYears` lists years counted on weekdays only.
   */
  | {
      kind: 'due';
      on: string;
      workingDays: number;
      basis: 'statutory' | 'reasonable_deadline';
      provisional: boolean;
      unknownYears: number[];
      asOf: string | null;
    };

export type ClockWarning =
  /** Art. 30: the request came after the 7th working day from receipt. */
  | { kind: 'correction_late'; requestedOn: string; deadline: string }
  /** Art. 30: correction is to be requested once, in full. */
  | { kind: 'correction_repeated'; requestedOn: string }
  /** An open pause has outlasted its own period: consultation unanswered (decide without it), or the fee unpaid (treat as abandoned). */
  | { kind: 'pause_expired'; reason: PauseReason; since: string; expiredOn: string };

export interface OpenPause {
  reason: PauseReason;
  since: string;
  /** When the pause ends by itself: consultation silence (15 working days) or fee not paid (20). */
  expiresOn: WorkingDayResult;
}

export interface ApplicationClock {
  status: ClockStatus;
  regime: Regime;
  replyDays: number;
  /** Receipt of the application, or of the last correction (Art. 30 restarts the clock). */
  startOn: string;
  /**
   * The reply deadline. null while a correction is awaited. While a pause is open it is the date
   * the deadline would fall on if the pause ended today (so it moves later each working day the
   * pause lasts) — null when no `today` was given. An Art. 35 deadline is shown as set.
   */
  dueOn: string | null;
  provisional: boolean;
  /** Paused working days that pushed the due date (with an open pause: up to today). */
  pausedWorkingDays: number;
  extended: boolean;
  extensionDays: number;
  openPauses: OpenPause[];
  warnings: ClockWarning[];
  explanation: ExplanationStep[];
}

/** The history contradicts the procedure (e.g. a second extension). Message in Chinese. */
export class ClockHistoryError extends RangeError {
  override name = 'ClockHistoryError';
}

const PAUSE_LABEL_ZH: Record<PauseReason, string> = {
  consultation: '征求第三方或有关机关意见',
  fee_notice: '等待缴纳信息处理费',
};

function pauseExpiry(cal: WorkingCalendar, reason: PauseReason, since: string): WorkingDayResult {
  return reason === 'consultation' ? consultationDeadline(cal, since) : feePaymentDeadline(cal, since);
}

interface Interval {
  /** Days d with start < d <= end (day numbers) are paused. */
  start: number;
  end: number;
}

const EVENT_TYPES: ReadonlySet<string> = new Set([
  'correction_requested',
  'correction_received',
  'pause_started',
  'pause_ended',
  'extended',
  'reasonable_deadline_set',
]);

/**
 * Derives the reply clock. Events are applied in date order (same-day events in the order given).
 * A history the procedure does not allow throws ClockHistoryError — a service can validate a new
 * event by deriving the clock with it appended before saving it.
 */
export function computeReplyClock(cal: WorkingCalendar, input: ClockInput): ApplicationClock {
  const receivedOn = parseIsoDate(input.receivedOn);
  const today = input.today === undefined ? undefined : parseIsoDate(input.today);
  const limits = limitsFor(receivedOn);

  const events = input.events.map((e, index) => ({ e, index }));
  for (const { e } of events) {
    if (!EVENT_TYPES.has((e as { type: string }).type)) {
      throw new ClockHistoryError(`未知的事件类型：${String((e as { type: unknown }).type)}`);
    }
    parseIsoDate(e.on);
    if (compareDates(e.on, receivedOn) < 0) {
      throw new ClockHistoryError(`事件日期 ${e.on} 早于收到申请日期 ${receivedOn}`);
    }
  }
  events.sort((a, b) => compareDates(a.e.on, b.e.on) || a.index - b.index);

  const timeline: { on: string; step: ExplanationStep }[] = [
    { on: receivedOn, step: { kind: 'received', on: receivedOn, regime: limits.regime, replyDays: limits.replyDays } },
  ];
  const warnings: ClockWarning[] = [];
  let startOn = receivedOn;
  let awaitingSince: string | null = null;
  let correctionsRequested = 0;
  let pauses: Interval[] = [];
  const open = new Map<PauseReason, string>();
  let extensionDays = 0;
  let reasonableDue: string | null = null;
  const pauseSteps: { on: string; step: Extract<ExplanationStep, { kind: 'paused' }> }[] = [];

  for (const { e } of events) {
    switch (e.type) {
      case 'correction_requested': {
        if (awaitingSince !== null) throw new ClockHistoryError(`${e.on}：已在等待申请人补正，不能再次要求补正`);
        if (open.size > 0) throw new ClockHistoryError(`${e.on}：答复期限暂停期间不能要求补正，请先结束暂停`);
        const deadline = correctionDeadline(cal, receivedOn).date;
        // The 7-day limit is Art. 30 of the 2019 text; the 2008 Regulations set none.
        // A second request is flagged as repeated, not (again) as late.
        const late = limits.regime === '2019' && correctionsRequested === 0 && compareDates(e.on, deadline) > 0;
        if (late) warnings.push({ kind: 'correction_late', requestedOn: e.on, deadline });
        if (correctionsRequested > 0) warnings.push({ kind: 'correction_repeated', requestedOn: e.on });
        correctionsRequested += 1;
        awaitingSince = e.on;
        timeline.push({ on: e.on, step: { kind: 'correction_requested', on: e.on, deadline, late } });
        break;
      }
      case 'correction_received': {
        if (awaitingSince === null) throw new ClockHistoryError(`${e.on}：没有待补正的要求，不能登记收到补正`);
        awaitingSince = null;
        // Art. 30: the period runs afresh from receipt of the corrected application; earlier pauses
        // belonged to the old period.
        assignPausedDays(cal, pauseSteps, toDayNumber(startOn), Number.POSITIVE_INFINITY);
        timeline.push(...pauseSteps.splice(0));
        startOn = e.on;
        pauses = [];
        timeline.push({ on: e.on, step: { kind: 'correction_received', on: e.on } });
        break;
      }
      case 'pause_started': {
        if (e.reason !== 'consultation' && e.reason !== 'fee_notice') {
          throw new ClockHistoryError(`未知的暂停原因：${String(e.reason)}`);
        }
        if (awaitingSince !== null) throw new ClockHistoryError(`${e.on}：等待补正期间不能暂停答复期限`);
        if (open.has(e.reason)) throw new ClockHistoryError(`${e.on}：${PAUSE_LABEL_ZH[e.reason]}已在暂停中`);
        open.set(e.reason, e.on);
        break;
      }
      case 'pause_ended': {
        let reason = e.reason;
        if (reason === undefined) {
          if (open.size !== 1) {
            throw new ClockHistoryError(
              open.size === 0 ? `${e.on}：没有进行中的暂停，不能结束暂停` : `${e.on}：有多项暂停同时进行，结束暂停时须注明原因`,
            );
          }
          reason = [...open.keys()][0];
        }
        const since = open.get(reason);
        if (since === undefined) throw new ClockHistoryError(`${e.on}：没有进行中的“${PAUSE_LABEL_ZH[reason]}”暂停`);
        open.delete(reason);
        pauses.push({ start: toDayNumber(since), end: toDayNumber(e.on) });
        pauseSteps.push({
          on: since,
          step: { kind: 'paused', reason, from: since, to: e.on, workingDays: 0, asOf: null },
        });
        break;
      }
      case 'extended': {
        if (awaitingSince !== null) throw new ClockHistoryError(`${e.on}：等待补正期间不能延长答复期限`);
        // Art. 33: one extension, of at most 20 working days (15 under the 2008 Regulations).
        if (extensionDays > 0) throw new ClockHistoryError(`${e.on}：答复期限只能延长一次`);
        if (!Number.isInteger(e.workingDays) || e.workingDays < 1 || e.workingDays > limits.extensionDays) {
          throw new ClockHistoryError(`延长答复期限应为 1 至 ${limits.extensionDays} 个工作日：${e.workingDays}`);
        }
        extensionDays = e.workingDays;
        timeline.push({ on: e.on, step: { kind: 'extended', on: e.on, workingDays: e.workingDays } });
        break;
      }
      case 'reasonable_deadline_set': {
        parseIsoDate(e.dueOn);
        if (awaitingSince !== null) throw new ClockHistoryError(`${e.on}：等待补正期间不能确定答复期限`);
        if (compareDates(e.dueOn, e.on) <= 0) {
          throw new ClockHistoryError(`合理答复期限 ${e.dueOn} 应晚于确定之日 ${e.on}`);
        }
        // Art. 35: a later revision replaces the earlier one.
        reasonableDue = e.dueOn;
        timeline.push({ on: e.on, step: { kind: 'reasonable_deadline_set', on: e.on, dueOn: e.dueOn } });
        break;
      }
      default: {
        const never: never = e;
        throw new ClockHistoryError(`未知的事件：${JSON.stringify(never)}`);
      }
    }
  }

  // Open pauses count up to today; without today the deadline cannot be stated.
  const openPauses: OpenPause[] = [];
  for (const [reason, since] of open) {
    const expiresOn = pauseExpiry(cal, reason, since);
    openPauses.push({ reason, since, expiresOn });
    if (today !== undefined) {
      if (compareDates(today, since) > 0) pauses.push({ start: toDayNumber(since), end: toDayNumber(today) });
      if (compareDates(today, expiresOn.date) > 0) {
        warnings.push({ kind: 'pause_expired', reason, since, expiredOn: expiresOn.date });
      }
    }
    pauseSteps.push({
      on: since,
      step: { kind: 'paused', reason, from: since, to: null, workingDays: 0, asOf: today ?? null },
    });
  }

  const isPaused = (day: number) => pauses.some((p) => p.start < day && day <= p.end);
  const startDay = toDayNumber(startOn);

  let status: ClockStatus;
  let dueOn: string | null = null;
  let provisional = false;
  let pausedWorkingDays = 0;
  let basis: 'statutory' | 'reasonable_deadline' = 'statutory';
  const unknownYears = new Set<number>();
  const workingDays = limits.replyDays + extensionDays;

  if (awaitingSince !== null) {
    status = 'awaiting_correction';
  } else {
    status = open.size > 0 ? 'paused' : 'running';
    if (reasonableDue !== null) {
      dueOn = reasonableDue;
      basis = 'reasonable_deadline';
    } else if (open.size === 0 || today !== undefined) {
      // Count working days after startOn that are not paused. A pause after the deadline has
      // passed therefore moves nothing.
      let day = startDay;
      let counted = 0;
      while (counted < workingDays) {
        day += 1;
        const date = fromDayNumber(day);
        const year = yearOf(date);
        if (!cal.isKnownYear(year)) {
          provisional = true;
          unknownYears.add(year);
        }
        if (!cal.isWorkingDay(date)) continue;
        if (isPaused(day)) pausedWorkingDays += 1;
        else counted += 1;
      }
      dueOn = fromDayNumber(day);
    }
  }

  // Days the pauses cost, capped at the due date when there is one.
  const cap = dueOn !== null && basis === 'statutory' ? toDayNumber(dueOn) : Number.POSITIVE_INFINITY;
  assignPausedDays(cal, pauseSteps, startDay, cap);
  timeline.push(...pauseSteps);
  if (dueOn === null && awaitingSince === null) {
    pausedWorkingDays = pauseSteps.reduce((sum, p) => sum + p.step.workingDays, 0);
  }

  if (dueOn !== null && basis === 'statutory') {
    for (const step of calendarSteps(cal, startOn, dueOn)) timeline.push({ on: step.kind === 'days_off' ? step.from : step.on, step });
  }

  timeline.sort((a, b) => compareDates(a.on, b.on));
  const explanation = timeline.map((t) => t.step);
  if (awaitingSince !== null) {
    explanation.push({ kind: 'awaiting_correction', since: awaitingSince });
  } else if (dueOn !== null) {
    explanation.push({
      kind: 'due',
      on: dueOn,
      workingDays,
      basis,
      provisional,
      unknownYears: [...unknownYears].sort((a, b) => a - b),
      asOf: status === 'paused' && basis === 'statutory' ? (today ?? null) : null,
    });
  }

  return {
    status,
    regime: limits.regime,
    replyDays: limits.replyDays,
    startOn,
    dueOn,
    provisional,
    pausedWorkingDays,
    extended: extensionDays > 0,
    extensionDays,
    openPauses,
    warnings,
    explanation,
  };
}

/**
 * Sets each pause step's working days: those after the period started (`startDay`), not after
 * `until`, and not already counted for an earlier pause — overlapping pauses (a consultation and a
 * fee notice at once) stop the clock once, so the steps add up to the days the due date moved.
 */
function assignPausedDays(
  cal: WorkingCalendar,
  steps: { step: Extract<ExplanationStep, { kind: 'paused' }> }[],
  startDay: number,
  until: number,
): void {
  const counted = new Set<number>();
  const byStart = [...steps].sort((a, b) => compareDates(a.step.from, b.step.from));
  for (const { step } of byStart) {
    const end = Math.min(toDayNumber(step.to ?? step.asOf ?? step.from), until);
    let n = 0;
    for (let d = Math.max(toDayNumber(step.from), startDay) + 1; d <= end; d += 1) {
      if (!counted.has(d) && cal.isWorkingDay(fromDayNumber(d))) {
        counted.add(d);
        n += 1;
      }
    }
    step.workingDays = n;
  }
}

/** Holiday breaks and make-up working days in a < d <= b, as explanation steps. */
type CalendarStep = Extract<ExplanationStep, { kind: 'days_off' | 'make_up_workday' }>;

function calendarSteps(cal: WorkingCalendar, a: string, b: string): CalendarStep[] {
  const steps: CalendarStep[] = [];
  let run: { from: string; to: string; names: string[]; days: number } | null = null;
  const flush = () => {
    if (run !== null) steps.push({ kind: 'days_off', ...run });
    run = null;
  };
  for (const o of cal.overridesBetween(a, b)) {
    if (o.kind === 'work') {
      flush();
      steps.push({ kind: 'make_up_workday', on: o.date, name: o.name ?? null });
      continue;
    }
    if (run !== null && toDayNumber(o.date) === toDayNumber(run.to) + 1) {
      run.to = o.date;
      run.days += 1;
    } else {
      flush();
      run = { from: o.date, to: o.date, names: [], days: 1 };
    }
    if (o.name !== undefined && !run.names.includes(o.name)) run.names.push(o.name);
  }
  flush();
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Chinese rendering

/**
 * Renders an explanation as one Chinese sentence, e.g.
 * "2025年9月26日收到申请；9月28日（星期日）国庆节调休上班；10月1日至8日国庆节、中秋节放假8天；…；应于2025年10月30日前答复。"
 * The year is written on the first date and whenever it differs from the first date's year.
 */
export function formatExplanationZh(steps: readonly ExplanationStep[]): string {
  if (steps.length === 0) return '';
  const first = steps[0];
  const referenceYear = yearOf('on' in first ? first.on : 'from' in first ? first.from : first.since);
  let printedYear = false;
  const d = (date: string) => {
    const withYear = !printedYear || yearOf(date) !== referenceYear;
    printedYear = true;
    return formatDateZh(date, { withYear });
  };
  const range = (from: string, to: string) => {
    if (from === to) return d(from);
    const start = d(from);
    const sameMonth = from.slice(0, 7) === to.slice(0, 7);
    return `${start}至${sameMonth ? `${Number(to.slice(8))}日` : d(to)}`;
  };

  const parts = steps.map((s): string => {
    switch (s.kind) {
      case 'received':
        return s.regime === '2008'
          ? `${d(s.on)}收到申请（适用2008年《政府信息公开条例》，${s.replyDays}个工作日内答复）`
          : `${d(s.on)}收到申请`;
      case 'correction_requested':
        return `${d(s.on)}告知申请人补正${s.late ? `（已超过7个工作日的告知期限${d(s.deadline)}）` : ''}`;
      case 'correction_received':
        return `${d(s.on)}收到补正，答复期限重新起算`;
      case 'awaiting_correction':
        return `等待申请人补正，答复期限自收到补正之日起重新计算`;
      case 'days_off':
        return `${range(s.from, s.to)}${s.names.join('、')}放假${s.days}天`;
      case 'make_up_workday':
        return `${d(s.on)}（${weekdayZh(s.on)}）${s.name ?? ''}调休上班`;
      case 'paused':
        if (s.to !== null) {
          return `${range(s.from, s.to)}${PAUSE_LABEL_ZH[s.reason]}，${s.workingDays}个工作日不计入答复期限`;
        }
        return `自${d(s.from)}起${PAUSE_LABEL_ZH[s.reason]}，暂停计算答复期限${
          s.asOf !== null ? `（截至${d(s.asOf)}已暂停${s.workingDays}个工作日）` : ''
        }`;
      case 'extended':
        return `${d(s.on)}延长答复期限${s.workingDays}个工作日`;
      case 'reasonable_deadline_set':
        return `${d(s.on)}确定合理的答复期限至${d(s.dueOn)}`;
      case 'due': {
        const note = s.provisional
          ? `（${s.unknownYears.join('、')}年节假日安排尚未公布，暂按周一至周五计算）`
          : '';
        return s.asOf !== null
          ? `如暂停至${d(s.asOf)}结束，应于${d(s.on)}前答复${note}`
          : `应于${d(s.on)}前答复${note}`;
      }
      default: {
        const never: never = s;
        return String(never);
      }
    }
  });
  return `${parts.join('；')}。`;
}
