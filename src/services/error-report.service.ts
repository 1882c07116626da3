// 我为政府网站找错 (issue 9): a link on every public page opens a short form (page address filled
// in, description, optional contact); the report reaches the agency's console with a reply deadline
// of 3 working days, and the numbers of reports and replies are published, as the inspection
// indicators expect. The contact is personal data: staff who handle reports see it, nobody else.
import type { ErrorReportRow } from '../db/schema.ts';
import type { ErrorReportFilter } from '../db/repositories/error-report.repository.ts';
import { addDays, chinaDateOf } from '../domain/dates.ts';
import { ERROR_REPORT_WORKING_DAYS } from '../domain/inspection.ts';
import { actorLabel, actorUserId, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { requireStaffFor } from './inspection-access.ts';
import { agencyByCode } from './portal.service.ts';

export const MIN_DESCRIPTION = 5;
export const MAX_DESCRIPTION = 1000;
export const MAX_CONTACT = 100;
export const MAX_PAGE_URL = 500;
export const MAX_REPLY = 5000;
/** A pending report is "due soon" with at most this many working days left. */
export const DUE_SOON_WORKING_DAYS = 1;

/**
 * The page a report is about, as a path on this site ('/gk/hjjyj/doc/12'), or null when the value
 * is not an address of this site (it is never turned into a link to somewhere else).
 */
export function sitePath(value: string | undefined, siteUrl: string): string | null {
  const v = (value ?? '').trim();
  if (v === '' || v.length > MAX_PAGE_URL) return null;
  try {
    const site = new URL(siteUrl);
    const u = new URL(v, site);
    if (u.host !== site.host || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
    if (!v.startsWith('/') && !/^https?:\/\//i.test(v)) return null;
    if (v.startsWith('//')) return null;
    const path = u.pathname + u.search;
    return path.length <= MAX_PAGE_URL ? path : null;
  } catch {
    return null;
  }
}

export interface ErrorReportInput {
  pageUrl: string;
  description: string;
  contact: string;
}

export interface ErrorReportReceipt {
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
}

/** A report from the public; due `ERROR_REPORT_WORKING_DAYS` working days after the day received. */
export async function submitErrorReport(ctx: ServiceContext, actor: Actor, agencyCode: string, input: ErrorReportInput): Promise<ErrorReportReceipt> {
  const agency = await agencyByCode(ctx, agencyCode);
  const fields: Record<string, string> = {};
  const page = sitePath(input.pageUrl, ctx.config.publicBaseUrl);
  if (page === null) fields.pageUrl = '请填写本网站上出错页面的地址（以“/”开头，或本网站的完整网址）';
  const description = input.description.trim();
  const len = [...description].length;
  if (len < MIN_DESCRIPTION) fields.description = `请描述发现的错误（至少 ${MIN_DESCRIPTION} 个字）`;
  else if (len > MAX_DESCRIPTION) fields.description = `描述最多 ${MAX_DESCRIPTION} 个字`;
  const contact = input.contact.trim();
  if ([...contact].length > MAX_CONTACT) fields.contact = `联系方式最多 ${MAX_CONTACT} 个字`;
  if (Object.keys(fields).length) throw new ValidationError('提交的内容有误，请修改后重试', fields);
  const now = ctx.now();
  const receivedOn = chinaDateOf(now);
  const due = (await ctx.calendar()).addWorkingDays(receivedOn, ERROR_REPORT_WORKING_DAYS);
  await ctx.transaction(async (repos) => {
    const row = await repos.inspection.errorReports.insert({
      agency_id: agency.id, page_url: page!, description, contact, submitted_at: now.toISOString(), received_on: receivedOn,
      due_on: due.date, due_provisional: due.provisional ? 1 : 0, status: 'pending', reply: '', replied_at: null, replied_on: null, replied_by: null,
      ip: actor.ip ?? '',
    });
    // No contact details in the audit chain.
    await repos.audit.append({
      actorId: actorUserId(actor), actorLabel: actorLabel(actor), agencyId: agency.id, action: 'error_report.submitted', subjectType: 'error_report',
      subjectId: row.id, summary: { pageUrl: page, receivedOn, dueOn: due.date }, ip: actor.ip ?? '',
    }, now);
  });
  return { receivedOn, dueOn: due.date, provisional: due.provisional };
}

export type DueState = 'overdue' | 'due_soon' | 'on_time' | 'replied';

export const DUE_STATE_LABELS: Readonly<Record<DueState, string>> = { overdue: '已超期', due_soon: '即将到期', on_time: '办理中', replied: '已答复' };

export interface StaffErrorReport {
  id: number;
  pageUrl: string;
  description: string;
  contact: string;
  receivedOn: string;
  submittedAt: string;
  dueOn: string;
  provisional: boolean;
  status: 'pending' | 'replied';
  dueState: DueState;
  dueStateLabel: string;
  /** Working days left (negative: overdue by). */
  workingDaysLeft: number;
  reply: string;
  repliedOn: string | null;
  repliedOnTime: boolean | null;
}

function present(r: ErrorReportRow, cal: { workingDaysBetween(a: string, b: string): number }, today: string): StaffErrorReport {
  let dueState: DueState;
  let left = 0;
  if (r.status === 'replied') dueState = 'replied';
  else if (today > r.due_on) {
    dueState = 'overdue';
    left = -cal.workingDaysBetween(r.due_on, today);
  } else {
    left = cal.workingDaysBetween(today, r.due_on);
    dueState = left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time';
  }
  return {
    id: r.id, pageUrl: r.page_url, description: r.description, contact: r.contact, receivedOn: r.received_on, submittedAt: r.submitted_at,
    dueOn: r.due_on, provisional: r.due_provisional === 1, status: r.status as 'pending' | 'replied', dueState, dueStateLabel: DUE_STATE_LABELS[dueState],
    workingDaysLeft: left, reply: r.reply, repliedOn: r.replied_on, repliedOnTime: r.replied_on === null ? null : r.replied_on <= r.due_on,
  };
}

const agencyIdsOf = async (ctx: ServiceContext, user: { agencyId: number; isSysadmin: boolean }) =>
  user.isSysadmin ? (await ctx.repos.agencies.all()).map((a) => a.id) : [user.agencyId];

export const INBOX_PAGE_SIZE = 30;

/** The console list: pending reports by deadline (overdue first), or the replied ones. */
export async function errorReportInbox(ctx: ServiceContext, actor: Actor, filter: ErrorReportFilter, page = 1): Promise<{ rows: StaffErrorReport[]; total: number; counts: { pending: number; overdue: number }; page: number; pageSize: number }> {
  const user = requireStaffFor(actor, 'error_report.handle');
  const ids = await agencyIdsOf(ctx, user);
  const today = chinaDateOf(ctx.now());
  const cal = await ctx.calendar();
  const [list, counts] = await Promise.all([
    ctx.repos.inspection.errorReports.list(ids, filter, today, page, INBOX_PAGE_SIZE),
    ctx.repos.inspection.errorReports.counts(ids, today),
  ]);
  return { rows: list.items.map((r) => present(r, cal, today)), total: list.total, counts, page, pageSize: INBOX_PAGE_SIZE };
}

export async function errorReportForStaff(ctx: ServiceContext, actor: Actor, id: number): Promise<StaffErrorReport> {
  const user = requireStaffFor(actor, 'error_report.handle');
  const row = await ctx.repos.inspection.errorReports.byId(id);
  if (!row || !(await agencyIdsOf(ctx, user)).includes(row.agency_id)) throw new NotFoundError('未找到该留言');
  return present(row, await ctx.calendar(), chinaDateOf(ctx.now()));
}

/** Records the reply; a report is answered once. */
export async function replyErrorReport(ctx: ServiceContext, actor: Actor, id: number, reply: string): Promise<void> {
  const user = requireStaffFor(actor, 'error_report.handle');
  const text = reply.trim();
  if (text === '') throw new ValidationError('请填写答复内容', { reply: '请填写答复内容' });
  if ([...text].length > MAX_REPLY) throw new ValidationError(`答复最多 ${MAX_REPLY} 个字`, { reply: `答复最多 ${MAX_REPLY} 个字` });
  const now = ctx.now();
  const today = chinaDateOf(now);
  const ids = await agencyIdsOf(ctx, user);
  await ctx.transaction(async (repos) => {
    const row = await repos.inspection.errorReports.byId(id);
    if (!row || !ids.includes(row.agency_id)) throw new NotFoundError('未找到该留言');
    if (row.status !== 'pending') throw new DomainError('该留言已经答复，不能重复答复');
    await repos.inspection.errorReports.update(id, { status: 'replied', reply: text, replied_at: now.toISOString(), replied_on: today, replied_by: user.id });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: row.agency_id, action: 'error_report.replied', subjectType: 'error_report', subjectId: id,
      summary: { repliedOn: today, dueOn: row.due_on, onTime: today <= row.due_on }, ip: actor.ip ?? '',
    }, now);
  });
}

export interface PublicErrorReportStats {
  agency: { code: string; name: string };
  months: { month: string; received: number; replied: number; repliedOnTime: number }[];
  year: { year: number; received: number; replied: number; repliedOnTime: number };
  total: { received: number; replied: number; repliedOnTime: number };
  pending: number;
  workingDays: number;
}

/** What the public sees: numbers of reports received and replied (on time), never their content. */
export async function publicErrorReportStats(ctx: ServiceContext, agencyCode: string): Promise<PublicErrorReportStats> {
  const agency = await agencyByCode(ctx, agencyCode);
  const today = chinaDateOf(ctx.now());
  const firstMonth = addDays(`${today.slice(0, 7)}-01`, -335).slice(0, 7);
  const stored = await ctx.repos.inspection.errorReports.monthly(agency.id, `${firstMonth}-01`);
  const months: PublicErrorReportStats['months'] = [];
  for (let m = firstMonth; m <= today.slice(0, 7); m = nextMonth(m)) months.push(stored.find((s) => s.month === m) ?? { month: m, received: 0, replied: 0, repliedOnTime: 0 });
  const year = Number(today.slice(0, 4));
  const inYear = months.filter((m) => m.month.startsWith(`${year}-`));
  const sum = (k: 'received' | 'replied' | 'repliedOnTime') => inYear.reduce((s, m) => s + m[k], 0);
  const total = await ctx.repos.inspection.errorReports.totals(agency.id);
  const { pending } = await ctx.repos.inspection.errorReports.counts([agency.id], today);
  return {
    agency: { code: agency.code, name: agency.name }, months: months.reverse(),
    year: { year, received: sum('received'), replied: sum('replied'), repliedOnTime: sum('repliedOnTime') },
    total, pending, workingDays: ERROR_REPORT_WORKING_DAYS,
  };
}

function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** Counts for the console's start page. */
export async function errorReportCounts(ctx: ServiceContext, user: { agencyId: number }): Promise<{ pending: number; overdue: number }> {
  return ctx.repos.inspection.errorReports.counts([user.agencyId], chinaDateOf(ctx.now()));
}
