// The workflow of an agency's annual report (Art. 49): the office prepares it, submits it to the
// supervising disclosure office (the parent agency's supervisor), which returns it with comments or
// accepts it; the office then publishes it in the 政府信息公开年报 column. A published version is never
// changed: a correction is a new version. One explicit table, checked by one function.
//
// Pure: dates are 'YYYY-MM-DD' calendar dates (China Standard Time), compared as strings.

import { toDayNumber } from './dates.ts';

export type ReportStatus = 'draft' | 'submitted' | 'returned' | 'accepted' | 'published';

export const REPORT_STATUS_LABELS: Readonly<Record<ReportStatus, string>> = {
  draft: '编制中',
  submitted: '已报送，待审核',
  returned: '已退回修改',
  accepted: '审核通过，待发布',
  published: '已发布',
};

/** The same statuses in English, for the console in English. */
export const REPORT_STATUS_LABELS_EN: Readonly<Record<ReportStatus, string>> = {
  draft: 'In preparation',
  submitted: 'Submitted, awaiting review',
  returned: 'Returned for changes',
  accepted: 'Accepted, awaiting publication',
  published: 'Published',
};

export type ReportAction = 'edit' | 'submit' | 'return' | 'accept' | 'publish';

export const REPORT_ACTION_LABELS: Readonly<Record<ReportAction, string>> = {
  edit: '修改',
  submit: '报送审核',
  return: '退回修改',
  accept: '审核通过',
  publish: '发布',
};

/** Who acts: the agency's disclosure office, or the supervising office of the parent agency. */
export type ReportParty = 'office' | 'supervisor';

export interface ReportTransition {
  readonly to: ReportStatus;
  readonly by: ReportParty;
}

export const REPORT_TRANSITIONS: { readonly [S in ReportStatus]: Readonly<Partial<Record<ReportAction, ReportTransition>>> } = {
  draft: {
    edit: { to: 'draft', by: 'office' },
    submit: { to: 'submitted', by: 'office' },
  },
  returned: {
    edit: { to: 'returned', by: 'office' },
    submit: { to: 'submitted', by: 'office' },
  },
  submitted: {
    return: { to: 'returned', by: 'supervisor' },
    accept: { to: 'accepted', by: 'supervisor' },
  },
  accepted: {
    publish: { to: 'published', by: 'office' },
  },
  published: {},
};

const WRONG_STATE: Readonly<Record<ReportAction, string>> = {
  edit: '只有编制中或已退回的年度报告才能修改；已报送的报告请等待审核，已发布的报告请创建更正版本',
  submit: '只有编制中或已退回的年度报告才能报送审核',
  return: '只有已报送、待审核的年度报告才能退回',
  accept: '只有已报送、待审核的年度报告才能审核通过',
  publish: '只有审核通过的年度报告才能发布',
};

const WRONG_PARTY: Readonly<Record<ReportParty, string>> = {
  office: '此操作由本机关政府信息公开工作机构（公开办）办理',
  supervisor: '此操作由上级政府信息公开工作主管部门办理',
};

export type ReportDecision = { readonly ok: true; readonly to: ReportStatus } | { readonly ok: false; readonly reason: string };

/**
 * May `party` take `action` on a version in `status`? `hasSupervisor` is false for an agency with
 * no parent on the platform: its submission has nobody here to review it, so it counts as accepted
 * (the review then happens outside the platform).
 */
export function reportTransition(status: ReportStatus, action: ReportAction, party: ReportParty, hasSupervisor = true): ReportDecision {
  const t = REPORT_TRANSITIONS[status][action];
  if (t === undefined) return { ok: false, reason: WRONG_STATE[action] };
  if (t.by !== party) return { ok: false, reason: WRONG_PARTY[t.by] };
  if (action === 'submit' && !hasSupervisor) return { ok: true, to: 'accepted' };
  return { ok: true, to: t.to };
}

/** The actions `party` may take on a version in `status` (the buttons a page shows). */
export function reportActions(status: ReportStatus, party: ReportParty): ReportAction[] {
  return (Object.keys(REPORT_TRANSITIONS[status]) as ReportAction[]).filter((a) => REPORT_TRANSITIONS[status][a]!.by === party);
}

export function isReportStatus(value: string): value is ReportStatus {
  return value in REPORT_TRANSITIONS;
}

// ---------------------------------------------------------------------------------------------
// The deadline

/** Art. 49: the report for `year` is published (and submitted) before 31 January of the next year. */
export function reportDeadline(year: number): string {
  return `${year + 1}-01-31`;
}

/** Reminders start on 1 January, when the year to report on has ended. */
export function reminderStart(year: number): string {
  return `${year + 1}-01-01`;
}

export type DeadlineState =
  | { readonly kind: 'year_running' } // the year is not over: nothing to report yet
  | { readonly kind: 'due'; readonly daysLeft: number } // 1–31 January, not yet published
  | { readonly kind: 'overdue'; readonly daysOverdue: number } // after 31 January, not published
  | { readonly kind: 'on_time'; readonly publishedOn: string }
  | { readonly kind: 'late'; readonly publishedOn: string; readonly daysLate: number };

/**
 * Where a report for `year` stands against Art. 49's deadline on `today`, given the day its first
 * version was published (null while unpublished). `daysLeft` counts calendar days, 0 on 31 January.
 */
export function deadlineState(year: number, today: string, firstPublishedOn: string | null): DeadlineState {
  const deadline = reportDeadline(year);
  if (firstPublishedOn !== null) {
    if (firstPublishedOn <= deadline) return { kind: 'on_time', publishedOn: firstPublishedOn };
    return { kind: 'late', publishedOn: firstPublishedOn, daysLate: toDayNumber(firstPublishedOn) - toDayNumber(deadline) };
  }
  if (today < reminderStart(year)) return { kind: 'year_running' };
  if (today <= deadline) return { kind: 'due', daysLeft: toDayNumber(deadline) - toDayNumber(today) };
  return { kind: 'overdue', daysOverdue: toDayNumber(today) - toDayNumber(deadline) };
}

/** Missed 31 January: published after it, or still unpublished once it has passed. */
export function missedDeadline(state: DeadlineState): boolean {
  return state.kind === 'overdue' || state.kind === 'late';
}

/** The year an agency reports on during `today`'s year: the one before. */
export function reportingYearOf(today: string): number {
  return Number(today.slice(0, 4)) - 1;
}

/** For messages: '2026年1月31日'. */
export function deadlineLabel(year: number): string {
  const d = reportDeadline(year);
  return `${d.slice(0, 4)}年1月31日`;
}
