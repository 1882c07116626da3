// Honest timing figures (issue 8): how long an agency really takes to answer applications, in
// working days, per year — not only "replied within the legal period" (which the annual report
// already gives) but the median and the slow tail, and how often the extension was used.
//
// - First response: the first thing the applicant hears back after submitting — an
//   acknowledgement, a request to correct the application (补正, Art. 30), an extension notice
//   (Art. 33), a fee notice, a request for reasons (Art. 35), or the reply itself when nothing came
//   before it. Counted for applications received in the year.
// - Final reply: receipt to the reply (答复) in working days, counted for applications replied to in
//   the year. The elapsed days include paused days (consultation, fee): it is the applicant's wait.
// - On time: replied on or before the legal deadline (the reply clock, which does exclude the
//   paused days and follows a correction's restart). Extended: the Art. 33 extension was used.
import type { WorkingCalendar } from './calendar.ts';

/** Event types that are a response to the applicant. 'acknowledged' counts when the intake records one. */
export const FIRST_RESPONSE_TYPES: ReadonlySet<string> = new Set([
  'acknowledged',
  'correction_requested',
  'extended',
  'fee_notice_sent',
  'reasons_requested',
  'replied',
]);

export interface TimingCase {
  receivedOn: string;
  /** In the order they were recorded. */
  events: readonly { type: string; on: string }[];
  /** The day the reply was sent, when there was one (not a withdrawal or an abandoned case). */
  repliedOn: string | null;
  /** The legal deadline of the reply; null when none runs (e.g. an Art. 35 case without a set deadline). */
  dueOn: string | null;
  /** The history could not be read by the reply clock: counted as not on time, so an office checks it by hand. */
  clockUnreadable?: boolean;
}

export interface DurationStats {
  count: number;
  /** Working days; null when count is 0. */
  median: number | null;
  p90: number | null;
}

export interface TimingFigures {
  year: number;
  received: number;
  firstResponse: DurationStats;
  finalReply: DurationStats;
  replied: number;
  onTime: number;
  extended: number;
  /** Shares 0..1 of `replied`; null when nothing was replied to. */
  onTimeShare: number | null;
  extendedShare: number | null;
}

/** Nearest-rank percentile of sorted values (p in 0..100): the smallest value with at least p% at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** The median; for an even count the mean of the two middle values (so 2 and 3 give 2.5). */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function stats(values: number[]): DurationStats {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, median: median(sorted), p90: percentile(sorted, 90) };
}

export function firstResponseOn(c: Pick<TimingCase, 'events'>): string | null {
  let first: string | null = null;
  for (const e of c.events) {
    if (FIRST_RESPONSE_TYPES.has(e.type) && (first === null || e.on < first)) first = e.on;
  }
  return first;
}

/**
 * The figures of `year`: first responses of the applications received in it, replies sent in it.
 * `cases` may hold any years; each is counted where it belongs.
 */
export function computeTiming(cal: Pick<WorkingCalendar, 'workingDaysBetween'>, year: number, cases: readonly TimingCase[]): TimingFigures {
  const inYear = (d: string | null): d is string => d !== null && d.slice(0, 4) === String(year);
  const first: number[] = [];
  const final: number[] = [];
  let received = 0;
  let onTime = 0;
  let extended = 0;
  for (const c of cases) {
    if (inYear(c.receivedOn)) {
      received++;
      const on = firstResponseOn(c);
      if (on !== null) first.push(cal.workingDaysBetween(c.receivedOn, on));
    }
    if (inYear(c.repliedOn)) {
      final.push(cal.workingDaysBetween(c.receivedOn, c.repliedOn));
      if (!c.clockUnreadable && (c.dueOn === null || c.repliedOn <= c.dueOn)) onTime++;
      if (c.events.some((e) => e.type === 'extended')) extended++;
    }
  }
  const replied = final.length;
  return {
    year,
    received,
    firstResponse: stats(first),
    finalReply: stats(final),
    replied,
    onTime,
    extended,
    onTimeShare: replied === 0 ? null : onTime / replied,
    extendedShare: replied === 0 ? null : extended / replied,
  };
}

function days(n: number | null): string {
  if (n === null) return '—';
  return Number.isInteger(n) ? `${n}个工作日` : `${n.toFixed(1)}个工作日`;
}

function share(x: number | null): string {
  return x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`;
}

/** One paragraph for the annual report's prose draft; says so plainly when there is nothing to measure. */
export function timingProse(f: TimingFigures): string {
  if (f.received === 0 && f.replied === 0) return `${f.year}年未收到政府信息公开申请，无答复用时数据。`;
  const parts: string[] = [];
  if (f.firstResponse.count > 0) {
    parts.push(`自收到申请至首次回应（受理告知、补正告知或答复等）的用时中位数为${days(f.firstResponse.median)}，90%的申请在${days(f.firstResponse.p90)}内得到首次回应`);
  }
  if (f.finalReply.count > 0) {
    parts.push(`自收到申请至作出答复的用时中位数为${days(f.finalReply.median)}，90%的申请在${days(f.finalReply.p90)}内答复`);
    parts.push(`按期答复${f.onTime}件，占${share(f.onTimeShare)}；延长答复期限${f.extended}件，占${share(f.extendedShare)}`);
  }
  if (parts.length === 0) return `${f.year}年收到政府信息公开申请${f.received}件，尚无回应或答复，暂无用时数据。`;
  return `答复用时：${f.year}年${parts.join('；')}（工作日按法定节假日安排计算）。`;
}
