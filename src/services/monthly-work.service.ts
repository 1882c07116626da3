// Monthly work (月度工作): per month, the planned items with their department, progress and status
// (完成 / 推进中 / 延期), problems found and their rectification, and rewards and penalties.
// A month becomes public when staff publish it; a year view counts the items by status.
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { NotFoundError, ValidationError } from './errors.ts';
import { assertSameAgency, audit, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import type { EduMonthlyItem, EduMonthlyReport } from '../db/schema.ts';
import { isWorkStatus, WORK_STATUSES, type WorkStatus } from '../domain/education-terms.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(v: string): boolean {
  return MONTH.test(v);
}

export interface MonthlyItemView {
  id: number;
  department: string;
  title: string;
  progress: string;
  status: WorkStatus;
  problems: string;
  rectification: string;
  sort: number;
}

export interface MonthlyReportView {
  id: number;
  month: string;
  summary: string;
  rewardsPenalties: string;
  documentRef: string | null;
  published: boolean;
  items: MonthlyItemView[];
  counts: Record<WorkStatus, number>;
}

function countsOf(items: { status: string }[]): Record<WorkStatus, number> {
  const c = Object.fromEntries(WORK_STATUSES.map((s) => [s, 0])) as Record<WorkStatus, number>;
  for (const i of items) if (isWorkStatus(i.status)) c[i.status]++;
  return c;
}

function itemView(i: EduMonthlyItem): MonthlyItemView {
  return { id: i.id, department: i.department, title: i.title, progress: i.progress, status: isWorkStatus(i.status) ? i.status : 'in_progress', problems: i.problems, rectification: i.rectification, sort: i.sort };
}

function reportView(r: EduMonthlyReport, items: EduMonthlyItem[]): MonthlyReportView {
  return {
    id: r.id, month: r.month, summary: r.summary, rewardsPenalties: r.rewards_penalties, documentRef: r.document_ref, published: r.published === 1,
    items: items.filter((i) => i.report_id === r.id).map(itemView), counts: countsOf(items.filter((i) => i.report_id === r.id)),
  };
}

async function reportsOf(ctx: ServiceContext, agencyId: number, opts: { year?: number; publishedOnly?: boolean }): Promise<MonthlyReportView[]> {
  const repo = ctx.repos.education.monthlyWork;
  const reports = await repo.reports(agencyId, opts);
  const items = await repo.items(reports.map((r) => r.id));
  return reports.map((r) => reportView(r, items));
}

// ---------- public ----------

export async function monthlyYears(ctx: ServiceContext, agencyId: number): Promise<number[]> {
  const all = await ctx.repos.education.monthlyWork.reports(agencyId, { publishedOnly: true });
  return [...new Set(all.map((r) => Number(r.month.slice(0, 4))))].sort((a, b) => b - a);
}

/** The published months of a year, oldest first, each with its items counted by status. */
export async function monthlyYear(ctx: ServiceContext, agencyId: number, year: number): Promise<{ year: number; months: MonthlyReportView[]; totals: Record<WorkStatus, number> }> {
  const months = (await reportsOf(ctx, agencyId, { year, publishedOnly: true })).reverse();
  const totals = countsOf(months.flatMap((m) => m.items));
  return { year, months, totals };
}

export async function monthlyReport(ctx: ServiceContext, agencyId: number, month: string): Promise<MonthlyReportView> {
  if (!isMonth(month)) throw new NotFoundError('月份无效');
  const r = await ctx.repos.education.monthlyWork.report(agencyId, month);
  if (!r || r.published !== 1) throw new NotFoundError(`${month} 的月度工作尚未公开`);
  return reportView(r, await ctx.repos.education.monthlyWork.items([r.id]));
}

// ---------- staff ----------

export async function staffMonthlyReports(ctx: ServiceContext, actor: Actor, year: number): Promise<MonthlyReportView[]> {
  const user = requireStaffFor(actor, 'content.manage');
  return reportsOf(ctx, user.agencyId, { year });
}

export async function staffMonthlyReport(ctx: ServiceContext, actor: Actor, month: string): Promise<MonthlyReportView | null> {
  const user = requireStaffFor(actor, 'content.manage');
  if (!isMonth(month)) throw new NotFoundError('月份无效');
  const r = await ctx.repos.education.monthlyWork.report(user.agencyId, month);
  return r ? reportView(r, await ctx.repos.education.monthlyWork.items([r.id])) : null;
}

export async function saveMonthlyReport(ctx: ServiceContext, actor: Actor, input: { month: string; summary: string; rewardsPenalties: string; documentRef: string }): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  if (!isMonth(input.month)) throw new ValidationError('月份无效', { month: '月份格式应为 YYYY-MM' });
  const documentRef = cleanDocumentRef(input.documentRef);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const r = await repos.education.monthlyWork.saveReport(user.agencyId, input.month, { summary: input.summary.trim(), rewardsPenalties: input.rewardsPenalties.trim(), documentRef }, now);
    await audit(repos, actor, { agencyId: user.agencyId, action: 'monthly_work.saved', subjectType: 'edu_monthly_report', subjectId: r.id, summary: { month: input.month } }, now);
  });
}

export interface MonthlyItemInput {
  department: string;
  title: string;
  progress: string;
  status: string;
  problems: string;
  rectification: string;
  sort: number;
}

function cleanItem(input: MonthlyItemInput) {
  const v = {
    department: input.department.trim(), title: input.title.trim(), progress: input.progress.trim(), status: input.status,
    problems: input.problems.trim(), rectification: input.rectification.trim(), sort: input.sort,
  };
  const fields: Record<string, string> = {};
  if (v.department === '') fields.department = '请填写责任科室';
  else if (v.department.length > 100) fields.department = '责任科室最多 100 个字';
  if (v.title === '') fields.title = '请填写工作事项';
  else if (v.title.length > 300) fields.title = '工作事项最多 300 个字';
  if (!isWorkStatus(v.status)) fields.status = '请选择完成情况';
  if (v.status === 'delayed' && v.problems === '') fields.problems = '延期的事项请说明存在的问题';
  if (!Number.isInteger(v.sort)) fields.sort = '排序应为整数';
  if (Object.keys(fields).length) throw new ValidationError('工作事项有误', fields);
  return v;
}

/** Adds an item to a month (creating the month's report when needed) or changes one. */
export async function saveMonthlyItem(ctx: ServiceContext, actor: Actor, target: { month: string } | { itemId: number }, input: MonthlyItemInput): Promise<string> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanItem(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.monthlyWork;
    let report: EduMonthlyReport;
    let id: number;
    if ('month' in target) {
      if (!isMonth(target.month)) throw new ValidationError('月份无效', { month: '月份格式应为 YYYY-MM' });
      report = (await repo.report(user.agencyId, target.month)) ?? (await repo.saveReport(user.agencyId, target.month, { summary: '', rewardsPenalties: '', documentRef: null }, now));
      id = (await repo.insertItem(report.id, v)).id;
    } else {
      const item = await repo.itemById(target.itemId);
      const r = item && (await repo.reportById(item.report_id));
      if (!item || !r) throw new NotFoundError('未找到该工作事项');
      assertSameAgency(user, r.agency_id, '未找到该工作事项');
      await repo.updateItem(item.id, v);
      report = r;
      id = item.id;
    }
    await audit(repos, actor, { agencyId: report.agency_id, action: 'monthly_work.item_saved', subjectType: 'edu_monthly_report', subjectId: report.id, summary: { item: id, title: v.title, status: v.status } }, now);
    return report.month;
  });
}

export async function monthlyItem(ctx: ServiceContext, actor: Actor, itemId: number): Promise<MonthlyItemView & { month: string }> {
  const user = requireStaffFor(actor, 'content.manage');
  const item = await ctx.repos.education.monthlyWork.itemById(itemId);
  const r = item && (await ctx.repos.education.monthlyWork.reportById(item.report_id));
  if (!item || !r) throw new NotFoundError('未找到该工作事项');
  assertSameAgency(user, r.agency_id, '未找到该工作事项');
  return { ...itemView(item), month: r.month };
}

export async function deleteMonthlyItem(ctx: ServiceContext, actor: Actor, itemId: number): Promise<string> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const item = await repos.education.monthlyWork.itemById(itemId);
    const r = item && (await repos.education.monthlyWork.reportById(item.report_id));
    if (!item || !r) throw new NotFoundError('未找到该工作事项');
    assertSameAgency(user, r.agency_id, '未找到该工作事项');
    await repos.education.monthlyWork.deleteItem(itemId);
    await audit(repos, actor, { agencyId: r.agency_id, action: 'monthly_work.item_deleted', subjectType: 'edu_monthly_report', subjectId: r.id, summary: { title: item.title } }, now);
    return r.month;
  });
}

export async function setMonthlyPublished(ctx: ServiceContext, actor: Actor, month: string, published: boolean): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const r = isMonth(month) ? await repos.education.monthlyWork.report(user.agencyId, month) : undefined;
    if (!r) throw new NotFoundError('未找到该月份的工作');
    if (published && (await repos.education.monthlyWork.items([r.id])).length === 0) throw new ValidationError('该月没有工作事项', { items: '请先添加工作事项再公开' });
    await repos.education.monthlyWork.setPublished(r.id, published, now);
    await audit(repos, actor, { agencyId: r.agency_id, action: published ? 'monthly_work.published' : 'monthly_work.unpublished', subjectType: 'edu_monthly_report', subjectId: r.id, summary: { month } }, now);
  });
}
