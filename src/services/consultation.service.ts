// Public comment on draft decisions (决策预公开 / 意见征集): staff publish a draft with a comment
// period; the public comments; comments are moderated before anything of them is shown, and the
// commenter's name and contact stay private; after the period staff publish a summary of the
// feedback, what was adopted (采纳情况) and the final document.
// 《重大行政决策程序暂行条例》Art. 15: the comment period is generally no shorter than 30 days.
import type { Repositories } from '../db/repositories/index.ts';
import type { ServiceContext } from './context.ts';
import type { Actor, StaffUser } from './actor.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { assertSameAgency, audit, can, inOwnAgency, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import type { Consultation, ConsultationComment } from '../db/schema.ts';
import { isIsoDate, toDayNumber } from '../domain/dates.ts';
import { ADOPTIONS, isAdoption, type Adoption } from '../domain/education-terms.ts';
import { FINDING_KIND_LABELS, scanText } from '../domain/privacy-scan.ts';
import { mentionsSubmitter, suggestPublicText } from '../domain/submitter-privacy.ts';

export const RECOMMENDED_COMMENT_DAYS = 30;

export type ConsultationPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'concluded';

export function phaseOf(c: Pick<Consultation, 'status' | 'opens_on' | 'closes_on'>, today: string): ConsultationPhase {
  if (c.status === 'draft') return 'draft';
  if (c.status === 'concluded') return 'concluded';
  if (today < c.opens_on) return 'upcoming';
  if (today > c.closes_on) return 'closed';
  return 'open';
}

const todayOf = (ctx: ServiceContext) => new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

export interface ConsultationView {
  id: number;
  title: string;
  summary: string;
  body: string;
  documentRef: string | null;
  opensOn: string;
  closesOn: string;
  phase: ConsultationPhase;
  feedbackSummary: string;
  adoptionSummary: string;
  finalDocumentRef: string | null;
  /** Comments received (all), shown (approved), and how they were taken up. */
  counts: { received: number; shown: number; pending: number; adoption: Record<Adoption, number> };
}

/** A comment as the public sees it: the moderated text only, never the name or contact. */
export interface PublicComment {
  id: number;
  submittedOn: string;
  body: string;
  adoption: Adoption | null;
  response: string;
}

export interface StaffComment extends PublicComment {
  name: string;
  contact: string;
  originalBody: string;
  status: 'pending' | 'approved' | 'rejected';
  suggestedPublicBody: string;
}

function dateOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

function counts(comments: ConsultationComment[]): ConsultationView['counts'] {
  const adoption = Object.fromEntries(ADOPTIONS.map((a) => [a, 0])) as Record<Adoption, number>;
  for (const c of comments) if (c.adoption && isAdoption(c.adoption)) adoption[c.adoption]++;
  return {
    received: comments.length,
    shown: comments.filter((c) => c.status === 'approved').length,
    pending: comments.filter((c) => c.status === 'pending').length,
    adoption,
  };
}

function view(c: Consultation, comments: ConsultationComment[], today: string): ConsultationView {
  return {
    id: c.id, title: c.title, summary: c.summary, body: c.body, documentRef: c.document_ref, opensOn: c.opens_on, closesOn: c.closes_on, phase: phaseOf(c, today),
    feedbackSummary: c.feedback_summary, adoptionSummary: c.adoption_summary, finalDocumentRef: c.final_document_ref, counts: counts(comments),
  };
}

function publicComment(c: ConsultationComment): PublicComment {
  return { id: c.id, submittedOn: dateOf(c.submitted_at), body: c.public_body, adoption: c.adoption && isAdoption(c.adoption) ? c.adoption : null, response: c.response };
}

// ---------- public ----------

export async function publicConsultations(ctx: ServiceContext, agencyId: number): Promise<ConsultationView[]> {
  const today = todayOf(ctx);
  const rows = await ctx.repos.consultations.list(agencyId, ['published', 'concluded']);
  const out: ConsultationView[] = [];
  for (const c of rows) out.push(view(c, await ctx.repos.consultations.comments(c.id), today));
  return out;
}

export async function publicConsultation(ctx: ServiceContext, agencyId: number, id: number): Promise<{ consultation: ConsultationView; comments: PublicComment[] }> {
  const c = await ctx.repos.consultations.byId(id);
  if (!c || c.agency_id !== agencyId || c.status === 'draft') throw new NotFoundError('未找到该意见征集');
  const comments = await ctx.repos.consultations.comments(id);
  return { consultation: view(c, comments, todayOf(ctx)), comments: comments.filter((x) => x.status === 'approved').map(publicComment) };
}

export async function submitComment(ctx: ServiceContext, actor: Actor, agencyId: number, id: number, input: { name: string; contact: string; body: string }): Promise<void> {
  const body = input.body.trim();
  const name = input.name.trim();
  const contact = input.contact.trim();
  const fields: Record<string, string> = {};
  if ([...body].length < 5) fields.body = '请填写意见建议（至少 5 个字）';
  else if ([...body].length > 3000) fields.body = '意见建议最多 3000 个字';
  if ([...name].length > 50) fields.name = '姓名最多 50 个字';
  if (contact.length > 200) fields.contact = '联系方式最多 200 个字符';
  if (Object.keys(fields).length) throw new ValidationError('提交的意见有误', fields);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const c = await repos.consultations.byId(id);
    if (!c || c.agency_id !== agencyId || c.status === 'draft') throw new NotFoundError('未找到该意见征集');
    const phase = phaseOf(c, todayOf(ctx));
    if (phase === 'upcoming') throw new DomainError(`意见征集将于 ${c.opens_on} 开始，请届时再提交`);
    if (phase !== 'open') throw new DomainError(`意见征集已于 ${c.closes_on} 截止，不再接收意见`);
    const row = await repos.consultations.insertComment({
      consultation_id: id, name, contact, body, submitted_at: now.toISOString(), ip: actor.ip ?? '', status: 'pending', public_body: '',
      moderated_at: null, moderated_by: null, adoption: null, response: '',
    });
    await audit(repos, actor, { agencyId: c.agency_id, action: 'consultation.comment_received', subjectType: 'consultation', subjectId: id, summary: { comment: row.id, length: body.length } }, now);
  });
}

// ---------- staff ----------

export interface ConsultationInput {
  title: string;
  summary: string;
  body: string;
  documentRef: string;
  opensOn: string;
  closesOn: string;
}

function clean(input: ConsultationInput) {
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  if (title === '') fields.title = '请填写草案名称';
  else if (title.length > 300) fields.title = '草案名称最多 300 个字';
  if (input.body.trim() === '' && input.documentRef.trim() === '') fields.body = '请填写草案正文或草案文件的索引号';
  if (!isIsoDate(input.opensOn)) fields.opensOn = '请填写征集开始日期';
  if (!isIsoDate(input.closesOn)) fields.closesOn = '请填写征集截止日期';
  else if (isIsoDate(input.opensOn) && input.closesOn < input.opensOn) fields.closesOn = '截止日期不能早于开始日期';
  if (Object.keys(fields).length) throw new ValidationError('意见征集信息有误', fields);
  return { title, summary: input.summary.trim(), body: input.body.trim(), documentRef: cleanDocumentRef(input.documentRef), opensOn: input.opensOn, closesOn: input.closesOn };
}

/** Days in the comment period, both ends included. */
export function periodDays(opensOn: string, closesOn: string): number {
  return toDayNumber(closesOn) - toDayNumber(opensOn) + 1;
}

export async function saveConsultation(ctx: ServiceContext, actor: Actor, id: number | null, input: ConsultationInput): Promise<number> {
  const user = requireStaffFor(actor, 'consultation.manage');
  const v = clean(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    let cid: number;
    const row = { title: v.title, summary: v.summary, body: v.body, document_ref: v.documentRef, opens_on: v.opensOn, closes_on: v.closesOn, updated_at: now.toISOString() };
    if (id === null) {
      cid = (await repos.consultations.insert({
        agency_id: user.agencyId, status: 'draft', feedback_summary: '', adoption_summary: '', final_document_ref: null, created_at: now.toISOString(), published_at: null, concluded_at: null, ...row,
      })).id;
    } else {
      const old = inOwnAgency(user, await repos.consultations.byId(id), '未找到该意见征集');
      if (old.status === 'concluded') throw new DomainError('已发布采纳情况的意见征集不能修改');
      await repos.consultations.update(id, row);
      cid = id;
    }
    await audit(repos, actor, { agencyId: user.agencyId, action: id === null ? 'consultation.created' : 'consultation.updated', subjectType: 'consultation', subjectId: cid, summary: { title: v.title, opensOn: v.opensOn, closesOn: v.closesOn } }, now);
    return cid;
  });
}

export async function publishConsultation(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'consultation.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const c = inOwnAgency(user, await repos.consultations.byId(id), '未找到该意见征集');
    if (c.status !== 'draft') throw new DomainError('只有草稿状态的意见征集才能发布');
    if (c.closes_on < todayOf(ctx)) throw new DomainError('征集截止日期已过，请先修改征集期限');
    await repos.consultations.update(id, { status: 'published', published_at: now.toISOString(), updated_at: now.toISOString() });
    await audit(repos, actor, { agencyId: c.agency_id, action: 'consultation.published', subjectType: 'consultation', subjectId: id, summary: { opensOn: c.opens_on, closesOn: c.closes_on, days: periodDays(c.opens_on, c.closes_on) } }, now);
  });
}

export async function staffConsultations(ctx: ServiceContext, actor: Actor): Promise<ConsultationView[]> {
  const user = requireStaffFor(actor, 'consultation.manage', 'consultation.moderate');
  const today = todayOf(ctx);
  const rows = await ctx.repos.consultations.list(user.agencyId, ['draft', 'published', 'concluded']);
  const out: ConsultationView[] = [];
  for (const c of rows) out.push(view(c, await ctx.repos.consultations.comments(c.id), today));
  return out;
}

export async function staffConsultation(ctx: ServiceContext, actor: Actor, id: number): Promise<{ consultation: ConsultationView; comments: StaffComment[]; canManage: boolean; canModerate: boolean }> {
  const user = requireStaffFor(actor, 'consultation.manage', 'consultation.moderate');
  const c = inOwnAgency(user, await ctx.repos.consultations.byId(id), '未找到该意见征集');
  const comments = await ctx.repos.consultations.comments(id);
  return {
    consultation: view(c, comments, todayOf(ctx)),
    comments: comments.map((x) => ({
      ...publicComment(x), name: x.name, contact: x.contact, originalBody: x.body, status: x.status as StaffComment['status'], suggestedPublicBody: x.public_body || suggest(x),
    })),
    canManage: can(user, 'consultation.manage'),
    canModerate: can(user, 'consultation.moderate'),
  };
}

function suggest(c: ConsultationComment): string {
  return suggestPublicText(c.body, [c.name, c.contact]);
}

/** A comment of the user's agency and its consultation, while the consultation is not concluded. */
async function commentOpenForChange(repos: Repositories, user: StaffUser, commentId: number, concludedMessage: string): Promise<{ cm: ConsultationComment; c: Consultation }> {
  const cm = await repos.consultations.commentById(commentId);
  const c = cm && (await repos.consultations.byId(cm.consultation_id));
  if (!cm || !c) throw new NotFoundError('未找到该意见');
  assertSameAgency(user, c.agency_id, '未找到该意见');
  if (c.status === 'concluded') throw new DomainError(concludedMessage);
  return { cm, c };
}

/** Approves a comment for display with a text free of personal data, or keeps it from the public. */
export async function moderateComment(ctx: ServiceContext, actor: Actor, commentId: number, input: { decision: 'approve' | 'reject'; publicBody: string }): Promise<number> {
  const user = requireStaffFor(actor, 'consultation.moderate');
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const { cm, c } = await commentOpenForChange(repos, user, commentId, '已发布采纳情况的意见征集不能再审核意见');
    let publicBody = '';
    if (input.decision === 'approve') {
      publicBody = input.publicBody.trim() || suggest(cm);
      const kinds = [...new Set(scanText(publicBody, { part: 'comment' }).map((f) => FINDING_KIND_LABELS[f.kind]))];
      if (mentionsSubmitter(publicBody, [cm.name, cm.contact])) kinds.push('提交人的姓名或联系方式');
      if (kinds.length) throw new ValidationError('公开内容中含有个人信息', { publicBody: `公开内容中含有${kinds.join('、')}，请删除或遮盖后再公开` });
    }
    await repos.consultations.updateComment(commentId, { status: input.decision === 'approve' ? 'approved' : 'rejected', public_body: publicBody, moderated_at: now.toISOString(), moderated_by: user.id });
    await audit(repos, actor, { agencyId: c.agency_id, action: input.decision === 'approve' ? 'consultation.comment_approved' : 'consultation.comment_rejected', subjectType: 'consultation', subjectId: c.id, summary: { comment: commentId } }, now);
    return c.id;
  });
}

/** Records how a comment was taken up (采纳情况) and the agency's response to it. */
export async function setCommentAdoption(ctx: ServiceContext, actor: Actor, commentId: number, input: { adoption: string; response: string }): Promise<number> {
  const user = requireStaffFor(actor, 'consultation.manage');
  if (!isAdoption(input.adoption)) throw new ValidationError('请选择采纳情况', { adoption: '请选择采纳情况' });
  const response = input.response.trim();
  if (input.adoption !== 'adopted' && response === '') throw new ValidationError('请说明理由', { response: '未采纳或部分采纳的意见，请说明理由' });
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const { c } = await commentOpenForChange(repos, user, commentId, '已发布采纳情况的意见征集不能再修改');
    await repos.consultations.updateComment(commentId, { adoption: input.adoption, response });
    await audit(repos, actor, { agencyId: c.agency_id, action: 'consultation.comment_adoption', subjectType: 'consultation', subjectId: c.id, summary: { comment: commentId, adoption: input.adoption } }, now);
    return c.id;
  });
}

/** After the period: the feedback summary, what was adopted and the final document. */
export async function concludeConsultation(ctx: ServiceContext, actor: Actor, id: number, input: { feedbackSummary: string; adoptionSummary: string; finalDocumentRef: string }): Promise<void> {
  const user = requireStaffFor(actor, 'consultation.manage');
  const fields: Record<string, string> = {};
  if (input.feedbackSummary.trim() === '') fields.feedbackSummary = '请填写意见收集情况';
  if (input.adoptionSummary.trim() === '') fields.adoptionSummary = '请填写采纳情况及理由';
  if (Object.keys(fields).length) throw new ValidationError('反馈内容不完整', fields);
  const finalDocumentRef = cleanDocumentRef(input.finalDocumentRef, 'finalDocumentRef');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const c = inOwnAgency(user, await repos.consultations.byId(id), '未找到该意见征集');
    const phase = phaseOf(c, todayOf(ctx));
    if (phase !== 'closed') throw new DomainError(phase === 'concluded' ? '采纳情况已经发布' : `征集期至 ${c.closes_on} 结束，期满后才能发布采纳情况`);
    const comments = await repos.consultations.comments(id);
    const pending = comments.filter((x) => x.status === 'pending').length;
    if (pending > 0) throw new DomainError(`还有 ${pending} 条意见尚未审核，请先审核全部意见`);
    await repos.consultations.update(id, {
      status: 'concluded', feedback_summary: input.feedbackSummary.trim(), adoption_summary: input.adoptionSummary.trim(), final_document_ref: finalDocumentRef,
      concluded_at: now.toISOString(), updated_at: now.toISOString(),
    });
    await audit(repos, actor, { agencyId: c.agency_id, action: 'consultation.concluded', subjectType: 'consultation', subjectId: id, summary: { comments: comments.length, finalDocumentRef } }, now);
  });
}
