// Administrative reconsideration and litigation about an application (annual report section 四):
// the kind of case, when it was filed, and its result once decided.
import type { CaseKind, CaseResult } from '../domain/annual-report.ts';
import { compareDates, isIsoDate } from '../domain/dates.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { todayOf } from './application-intake.service.ts';
import { loadVisibleApplication } from './application-policy.service.ts';

export const CASE_KINDS: readonly CaseKind[] = ['reconsideration', 'lawsuit_direct', 'lawsuit_after_reconsideration'];
export const CASE_RESULTS: readonly CaseResult[] = ['upheld', 'corrected', 'other', 'pending'];

export const CASE_KIND_LABELS: Readonly<Record<CaseKind, string>> = {
  reconsideration: '行政复议',
  lawsuit_direct: '行政诉讼（未经复议直接起诉）',
  lawsuit_after_reconsideration: '行政诉讼（复议后起诉）',
};

// The annual report's words: 结果维持 / 结果纠正 / 其他结果 / 尚未审结.
export const CASE_RESULT_LABELS: Readonly<Record<CaseResult, string>> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
};

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

function staffWhoRecords(actor: Actor) {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  const user = actor.user;
  if (!user.roles.includes('office') && !user.roles.includes('head')) throw new ForbiddenError('只有公开办或负责人可以登记行政复议、行政诉讼案件');
  return user;
}

/** Records a reconsideration or lawsuit filed about an application (result pending until decided). */
export async function recordReviewCase(ctx: ServiceContext, actor: Actor, applicationId: number, input: Record<string, unknown>): Promise<number> {
  const user = staffWhoRecords(actor);
  const app = await loadVisibleApplication(ctx, user, applicationId);
  if (app.agency_id !== user.agencyId) throw new ForbiddenError('只能为本机关的申请登记案件');
  const fields: Record<string, string> = {};
  const kind = str(input.kind);
  if (!(CASE_KINDS as readonly string[]).includes(kind)) fields.kind = '请选择案件类型（行政复议、直接起诉或复议后起诉）';
  const filedOn = str(input.filedOn);
  if (!isIsoDate(filedOn)) fields.filedOn = '请填写立案（申请）日期，格式 YYYY-MM-DD';
  else if (compareDates(filedOn, todayOf(ctx)) > 0) fields.filedOn = '立案日期不能晚于今天';
  else if (compareDates(filedOn, app.received_on) < 0) fields.filedOn = '立案日期不能早于收到申请的日期';
  const authority = str(input.authority);
  if (authority.length > 200) fields.authority = '复议机关或法院名称不能超过200个字';
  const note = str(input.note);
  if (note.length > 2000) fields.note = '备注不能超过2000个字';
  if (Object.keys(fields).length > 0) throw new ValidationError(`案件信息有误：${Object.values(fields).join('；')}`, fields);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const row = await repos.applications.insertReviewCase({
      application_id: app.id, agency_id: app.agency_id, kind, filed_on: filedOn, result: 'pending', decided_on: null,
      authority, note, created_by: user.id, created_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: app.agency_id, action: 'application.review_case_recorded',
      subjectType: 'application', subjectId: app.id, summary: { caseId: row.id, kind, filedOn }, ip: actor.ip,
    }, now);
    return row.id;
  });
}

/** Records the result of a case (维持/纠正/其他), or sets it back to 尚未审结. */
export async function decideReviewCase(ctx: ServiceContext, actor: Actor, applicationId: number, caseId: number, input: Record<string, unknown>): Promise<void> {
  const user = staffWhoRecords(actor);
  const app = await loadVisibleApplication(ctx, user, applicationId);
  const c = await ctx.repos.applications.reviewCase(caseId);
  if (!c || c.application_id !== app.id || app.agency_id !== user.agencyId) throw new NotFoundError('未找到该案件');
  const fields: Record<string, string> = {};
  const result = str(input.result);
  if (!(CASE_RESULTS as readonly string[]).includes(result)) fields.result = '请选择结果：维持、纠正、其他或尚未审结';
  let decidedOn: string | null = str(input.decidedOn) || null;
  if (result === 'pending') decidedOn = null;
  else if (decidedOn === null || !isIsoDate(decidedOn)) fields.decidedOn = '请填写审结日期，格式 YYYY-MM-DD';
  else if (compareDates(decidedOn, c.filed_on) < 0) fields.decidedOn = '审结日期不能早于立案日期';
  else if (compareDates(decidedOn, todayOf(ctx)) > 0) fields.decidedOn = '审结日期不能晚于今天';
  const note = input.note === undefined ? c.note : str(input.note);
  if (note.length > 2000) fields.note = '备注不能超过2000个字';
  if (Object.keys(fields).length > 0) throw new ValidationError(`案件结果有误：${Object.values(fields).join('；')}`, fields);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    await repos.applications.updateReviewCase(c.id, { result, decided_on: decidedOn, note, updated_at: now.toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: app.agency_id, action: 'application.review_case_decided',
      subjectType: 'application', subjectId: app.id, summary: { caseId: c.id, from: c.result, to: result, decidedOn }, ip: actor.ip,
    }, now);
  });
}

export interface ReviewCaseItem {
  id: number;
  kind: CaseKind;
  kindLabel: string;
  filedOn: string;
  result: CaseResult;
  resultLabel: string;
  decidedOn: string | null;
  authority: string;
  note: string;
}

/** The reconsideration and litigation cases of an application the user may see (404 otherwise). */
export async function reviewCasesOf(ctx: ServiceContext, actor: Actor, applicationId: number): Promise<ReviewCaseItem[]> {
  if (actor.kind !== 'staff') throw new ForbiddenError('请先登录');
  const app = await loadVisibleApplication(ctx, actor.user, applicationId);
  return (await ctx.repos.applications.reviewCases(app.id)).map((c) => ({
    id: c.id,
    kind: c.kind as CaseKind,
    kindLabel: CASE_KIND_LABELS[c.kind as CaseKind] ?? c.kind,
    filedOn: c.filed_on,
    result: c.result as CaseResult,
    resultLabel: CASE_RESULT_LABELS[c.result as CaseResult] ?? c.result,
    decidedOn: c.decided_on,
    authority: c.authority,
    note: c.note,
  }));
}
