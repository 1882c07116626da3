// Online consultation (在线咨询): the public asks, staff answer within a configurable number of
// working days (default 5), and answered questions may be published with personal data removed.
// Opinions on the disclosure work (政府信息公开意见) are a category of their own, counted per year
// for the annual report's prose.
import { randomBytes } from 'node:crypto';
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { agencyByCode } from './portal.service.ts';
import { audit, can, inOwnAgency, requireStaffFor } from './education-access.ts';
import type { Question } from '../db/schema.ts';
import type { WorkingCalendar } from '../domain/calendar.ts';
import { chinaDateOf } from '../domain/dates.ts';
import { DISCLOSURE_OPINION, QUESTION_CATEGORY_LABELS, isQuestionCategory, type QuestionCategory } from '../domain/education-terms.ts';
import { FINDING_KIND_LABELS, maskText, scanText } from '../domain/privacy-scan.ts';
import { mentionsSubmitter, suggestPublicText } from '../domain/submitter-privacy.ts';
import { isValidTrackingCode, normalizeTrackingCode, trackingCodeFromBytes, TRACKING_CODE_BYTES } from '../domain/tracking-code.ts';
import { normalizeText } from '../search/normalize.ts';

export const DEFAULT_ANSWER_DAYS = 5;
export const MAX_ANSWER_DAYS = 60;
/** A pending question is "due soon" when at most this many working days are left. */
export const DUE_SOON_WORKING_DAYS = 2;

const answerDaysKey = (agencyId: number) => `questions.answer_days.${agencyId}`;

export type QuestionStatus = 'pending' | 'answered' | 'discarded';
export type DueState = 'overdue' | 'due_soon' | 'on_time' | 'answered' | 'discarded';

// ---------- rules derived from time ----------

/** Derived, never stored: how a question stands against its due date on `today`. */
export function dueStateOf(cal: WorkingCalendar, q: { status: string; due_on: string }, today: string): { state: DueState; workingDaysLeft: number } {
  if (q.status === 'answered') return { state: 'answered', workingDaysLeft: 0 };
  if (q.status === 'discarded') return { state: 'discarded', workingDaysLeft: 0 };
  if (today > q.due_on) return { state: 'overdue', workingDaysLeft: -cal.workingDaysBetween(q.due_on, today) };
  const left = cal.workingDaysBetween(today, q.due_on);
  return { state: left <= DUE_SOON_WORKING_DAYS ? 'due_soon' : 'on_time', workingDaysLeft: left };
}

export async function answerDays(ctx: ServiceContext, agencyId: number): Promise<number> {
  const v = await ctx.repos.settings.get(answerDaysKey(agencyId));
  const n = v === undefined ? NaN : Number(v);
  return Number.isInteger(n) && n >= 1 && n <= MAX_ANSWER_DAYS ? n : DEFAULT_ANSWER_DAYS;
}

export async function setAnswerDays(ctx: ServiceContext, actor: Actor, days: number): Promise<void> {
  const user = requireStaffFor(actor, 'question.configure');
  if (!Number.isInteger(days) || days < 1 || days > MAX_ANSWER_DAYS) {
    throw new ValidationError('答复时限有误', { days: `答复时限应为 1 至 ${MAX_ANSWER_DAYS} 个工作日` });
  }
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await repos.settings.get(answerDaysKey(user.agencyId));
    await repos.settings.set(answerDaysKey(user.agencyId), String(days));
    await audit(repos, actor, { agencyId: user.agencyId, action: 'question.answer_days_set', subjectType: 'agency', subjectId: user.agencyId, summary: { before: before ?? String(DEFAULT_ANSWER_DAYS), after: days } }, now);
  });
}

// ---------- public submission and tracking ----------

export interface QuestionInput {
  category: string;
  subject: string;
  body: string;
  name: string;
  phone: string;
  email: string;
  /** The asker does not want the question published (answered privately only). */
  keepPrivate: boolean;
}

function cleanQuestion(input: QuestionInput) {
  const fields: Record<string, string> = {};
  const v = {
    category: input.category, subject: input.subject.trim(), body: input.body.trim(), name: input.name.trim(),
    phone: input.phone.trim(), email: input.email.trim(), keepPrivate: input.keepPrivate,
  };
  if (!isQuestionCategory(v.category)) fields.category = '请选择咨询类别';
  if (v.subject === '') fields.subject = '请填写标题';
  else if ([...v.subject].length > 100) fields.subject = '标题最多 100 个字';
  if ([...v.body].length < 5) fields.body = '请填写咨询内容（至少 5 个字）';
  else if ([...v.body].length > 5000) fields.body = '咨询内容最多 5000 个字';
  if ([...v.name].length > 50) fields.name = '姓名最多 50 个字';
  if (v.phone === '' && v.email === '') fields.phone = '请至少填写联系电话或电子邮箱中的一项，以便工作人员联系您';
  if (v.phone !== '' && !/^[0-9+\-() ]{7,20}$/.test(v.phone)) fields.phone = '联系电话格式不正确';
  if (v.email !== '' && (v.email.length > 200 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email))) fields.email = '电子邮箱格式不正确';
  if (Object.keys(fields).length) throw new ValidationError('提交的内容有误，请修改后重试', fields);
  return v as typeof v & { category: QuestionCategory };
}

export interface SubmittedQuestion {
  code: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
  answerDays: number;
}

/** A question from the public; its due date is `answerDays` working days after the day received. */
export async function submitQuestion(ctx: ServiceContext, actor: Actor, agencyCode: string, input: QuestionInput): Promise<SubmittedQuestion> {
  const agency = await agencyByCode(ctx, agencyCode);
  const v = cleanQuestion(input);
  const now = ctx.now();
  const receivedOn = chinaDateOf(now);
  const days = await answerDays(ctx, agency.id);
  const due = (await ctx.calendar()).addWorkingDays(receivedOn, days);
  const code = trackingCodeFromBytes(randomBytes(TRACKING_CODE_BYTES));
  await ctx.transaction(async (repos) => {
    const row = await repos.questions.insert({
      agency_id: agency.id, code, category: v.category, subject: v.subject, body: v.body, asker_name: v.name, phone: v.phone, email: v.email,
      keep_private: v.keepPrivate ? 1 : 0, submitted_at: now.toISOString(), received_on: receivedOn, due_on: due.date, due_provisional: due.provisional ? 1 : 0,
      status: 'pending', answer: '', answer_department: '', answered_at: null, answered_on: null, answered_by: null,
      published: 0, published_at: null, public_subject: '', public_body: '', ip: actor.ip ?? '',
    });
    // No personal data in the audit summary: the chain is read by auditors, not case handlers.
    await audit(repos, actor, { agencyId: agency.id, action: 'question.submitted', subjectType: 'question', subjectId: row.id, summary: { category: v.category, receivedOn, dueOn: due.date } }, now);
  });
  return { code, receivedOn, dueOn: due.date, provisional: due.provisional, answerDays: days };
}

/** What the holder of a tracking code sees: their question and the answer, never contact details. */
export interface TrackedQuestion {
  code: string;
  category: QuestionCategory;
  subject: string;
  body: string;
  receivedOn: string;
  dueOn: string;
  status: QuestionStatus;
  answer: string;
  answerDepartment: string;
  answeredOn: string | null;
  published: boolean;
  publicId: number | null;
}

export async function trackQuestion(ctx: ServiceContext, agencyCode: string, codeInput: string): Promise<TrackedQuestion> {
  const agency = await agencyByCode(ctx, agencyCode);
  const code = normalizeTrackingCode(codeInput);
  if (!isValidTrackingCode(code)) throw new ValidationError('查询码无效，请核对后重新输入', { code: '查询码无效，请核对后重新输入' });
  const q = await ctx.repos.questions.byCode(code);
  if (!q || q.agency_id !== agency.id) throw new NotFoundError('未找到该查询码对应的咨询');
  return {
    // The code may be shared or read over a shoulder: identifiers in the question stay masked.
    code: q.code, category: categoryOf(q), subject: maskText(q.subject), body: maskText(q.body), receivedOn: q.received_on, dueOn: q.due_on,
    status: q.status as QuestionStatus, answer: q.status === 'answered' ? q.answer : '', answerDepartment: q.status === 'answered' ? q.answer_department : '',
    answeredOn: q.answered_on, published: q.published === 1, publicId: q.published === 1 ? q.id : null,
  };
}

function categoryOf(q: Question): QuestionCategory {
  return isQuestionCategory(q.category) ? q.category : 'other';
}

// ---------- public reading of published questions ----------

/** A published question: whitelisted fields only (no name, phone, e-mail, address, IP). */
export interface PublicQuestion {
  id: number;
  category: QuestionCategory;
  subject: string;
  body: string;
  answer: string;
  answerDepartment: string;
  receivedOn: string;
  answeredOn: string | null;
}

function publicView(q: Question): PublicQuestion {
  return {
    id: q.id, category: categoryOf(q), subject: q.public_subject, body: q.public_body, answer: q.answer, answerDepartment: q.answer_department,
    receivedOn: q.received_on, answeredOn: q.answered_on,
  };
}

export async function listPublishedQuestions(ctx: ServiceContext, agencyId: number, f: { q?: string; category?: string; page?: number; pageSize?: number }): Promise<{ total: number; items: PublicQuestion[]; page: number; pageSize: number }> {
  const page = Math.max(1, f.page ?? 1);
  const pageSize = Math.min(50, Math.max(1, f.pageSize ?? 20));
  const terms = normalizeText(f.q ?? '').split(' ').filter((t) => t !== '').slice(0, 8);
  const category = f.category && isQuestionCategory(f.category) ? f.category : undefined;
  const { total, items } = await ctx.repos.questions.listPublished(agencyId, { terms, category, page, pageSize });
  return { total, items: items.map(publicView), page, pageSize };
}

export async function publishedQuestion(ctx: ServiceContext, agencyId: number, id: number): Promise<PublicQuestion> {
  const q = await ctx.repos.questions.byId(id);
  if (!q || q.agency_id !== agencyId || q.published !== 1) throw new NotFoundError('未找到该咨询');
  return publicView(q);
}

/** Questions of a category received in a year (the annual report counts 政府信息公开意见). */
export async function countQuestionsByCategory(ctx: ServiceContext, agencyId: number, year: number): Promise<Record<QuestionCategory, number>> {
  const raw = await ctx.repos.questions.countByCategory(agencyId, year);
  const out = Object.fromEntries(Object.keys(QUESTION_CATEGORY_LABELS).map((k) => [k, raw[k] ?? 0])) as Record<QuestionCategory, number>;
  return out;
}

/** Opinions and suggestions on the disclosure work received in a year (annual report prose). */
export async function countDisclosureOpinions(ctx: ServiceContext, agencyId: number, year: number): Promise<number> {
  return (await ctx.repos.questions.countByCategory(agencyId, year))[DISCLOSURE_OPINION] ?? 0;
}

// ---------- staff ----------

export interface StaffQuestionRow {
  id: number;
  code: string;
  category: QuestionCategory;
  subject: string;
  receivedOn: string;
  dueOn: string;
  provisional: boolean;
  status: QuestionStatus;
  state: DueState;
  workingDaysLeft: number;
  published: boolean;
  keepPrivate: boolean;
}

export type InboxFilter = 'pending' | 'due_soon' | 'overdue' | 'answered' | 'discarded';

function staffRow(cal: WorkingCalendar, today: string, q: Question): StaffQuestionRow {
  const d = dueStateOf(cal, q, today);
  return {
    id: q.id, code: q.code, category: categoryOf(q), subject: q.subject, receivedOn: q.received_on, dueOn: q.due_on, provisional: q.due_provisional === 1,
    status: q.status as QuestionStatus, state: d.state, workingDaysLeft: d.workingDaysLeft, published: q.published === 1, keepPrivate: q.keep_private === 1,
  };
}

function requireHandler(actor: Actor) {
  if (actor.kind === 'staff' && (can(actor.user, 'question.answer') || can(actor.user, 'question.publish'))) return actor.user;
  return requireStaffFor(actor, 'question.answer');
}

export async function questionInbox(ctx: ServiceContext, actor: Actor, filter: InboxFilter, page = 1): Promise<{ rows: StaffQuestionRow[]; counts: Record<'pending' | 'due_soon' | 'overdue', number>; answerDays: number }> {
  const user = requireHandler(actor);
  const cal = await ctx.calendar();
  const today = chinaDateOf(ctx.now());
  const pending = (await ctx.repos.questions.listByStatus(user.agencyId, ['pending'], 5000)).map((q) => staffRow(cal, today, q));
  const counts = {
    pending: pending.length,
    due_soon: pending.filter((r) => r.state === 'due_soon').length,
    overdue: pending.filter((r) => r.state === 'overdue').length,
  };
  let rows: StaffQuestionRow[];
  if (filter === 'pending') rows = pending;
  else if (filter === 'due_soon' || filter === 'overdue') rows = pending.filter((r) => r.state === filter);
  else if (filter === 'answered') rows = (await ctx.repos.questions.listAnswered(user.agencyId, page, 50)).map((q) => staffRow(cal, today, q));
  else rows = (await ctx.repos.questions.listByStatus(user.agencyId, ['discarded'], 200)).map((q) => staffRow(cal, today, q));
  return { rows, counts, answerDays: await answerDays(ctx, user.agencyId) };
}

/** Counts for the console overview; any staff member of the agency may see them. */
export async function consoleCounts(ctx: ServiceContext, actor: Actor): Promise<{ pendingQuestions: number; overdueQuestions: number; pendingComments: number }> {
  if (actor.kind !== 'staff') return { pendingQuestions: 0, overdueQuestions: 0, pendingComments: 0 };
  const cal = await ctx.calendar();
  const today = chinaDateOf(ctx.now());
  const pending = await ctx.repos.questions.listByStatus(actor.user.agencyId, ['pending'], 5000);
  const consultations = await ctx.repos.consultations.list(actor.user.agencyId, ['published', 'concluded']);
  const counts = await ctx.repos.consultations.commentCounts(consultations.map((c) => c.id));
  let pendingComments = 0;
  for (const m of counts.values()) pendingComments += m.pending ?? 0;
  return { pendingQuestions: pending.length, overdueQuestions: pending.filter((q) => dueStateOf(cal, q, today).state === 'overdue').length, pendingComments };
}

export interface StaffQuestionDetail extends StaffQuestionRow {
  body: string;
  askerName: string;
  phone: string;
  email: string;
  submittedAt: string;
  answer: string;
  answerDepartment: string;
  answeredOn: string | null;
  publicSubject: string;
  publicBody: string;
  /** A suggested public text: the question with personal data masked. */
  suggestedPublicBody: string;
  canAnswer: boolean;
  canPublish: boolean;
}

export async function questionForStaff(ctx: ServiceContext, actor: Actor, id: number): Promise<StaffQuestionDetail> {
  const user = requireHandler(actor);
  const q = inOwnAgency(user, await ctx.repos.questions.byId(id), '未找到该咨询');
  const cal = await ctx.calendar();
  return {
    ...staffRow(cal, chinaDateOf(ctx.now()), q),
    body: q.body, askerName: q.asker_name, phone: q.phone, email: q.email, submittedAt: q.submitted_at,
    answer: q.answer, answerDepartment: q.answer_department, answeredOn: q.answered_on,
    publicSubject: q.public_subject || q.subject, publicBody: q.public_body || suggestPublic(q),
    suggestedPublicBody: suggestPublic(q),
    canAnswer: can(user, 'question.answer') && q.status !== 'discarded',
    canPublish: can(user, 'question.publish') && q.status === 'answered' && q.keep_private === 0,
  };
}

/** The question text with identifiers masked and the asker's own name and contacts removed. */
function suggestPublic(q: Question): string {
  return suggestPublicText(q.body, [q.asker_name, q.phone, q.email]);
}

export async function answerQuestion(ctx: ServiceContext, actor: Actor, id: number, input: { answer: string; department: string }): Promise<void> {
  const user = requireStaffFor(actor, 'question.answer');
  const answer = input.answer.trim();
  const department = input.department.trim();
  const fields: Record<string, string> = {};
  if ([...answer].length < 2) fields.answer = '请填写答复内容';
  else if ([...answer].length > 10000) fields.answer = '答复内容最多 10000 个字';
  if ([...department].length > 100) fields.department = '答复单位最多 100 个字';
  if (Object.keys(fields).length) throw new ValidationError('答复内容有误', fields);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const q = inOwnAgency(user, await repos.questions.byId(id), '未找到该咨询');
    if (q.status === 'discarded') throw new DomainError('该咨询已作无效处理，不能答复');
    if (q.published === 1) assertNoPersonalData(q, q.public_subject, q.public_body, answer);
    const revised = q.status === 'answered';
    await repos.questions.update(id, {
      status: 'answered', answer, answer_department: department, answered_by: user.id,
      ...(revised ? {} : { answered_at: now.toISOString(), answered_on: chinaDateOf(now) }),
    });
    if (q.published === 1) await repos.search.upsert(searchEntry({ ...q, answer, answer_department: department }, await agencyCodeOf(repos, q.agency_id)));
    await audit(repos, actor, { agencyId: q.agency_id, action: revised ? 'question.answer_revised' : 'question.answered', subjectType: 'question', subjectId: id, summary: { dueOn: q.due_on, answeredOn: chinaDateOf(now), length: answer.length } }, now);
  });
}

export async function discardQuestion(ctx: ServiceContext, actor: Actor, id: number, reason: string): Promise<void> {
  const user = requireStaffFor(actor, 'question.publish');
  const why = reason.trim();
  if (why === '') throw new ValidationError('请填写原因', { reason: '请填写作无效处理的原因（如重复提交、与教育工作无关）' });
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const q = inOwnAgency(user, await repos.questions.byId(id), '未找到该咨询');
    if (q.status !== 'pending') throw new DomainError('只有待答复的咨询才能作无效处理');
    await repos.questions.update(id, { status: 'discarded' });
    await audit(repos, actor, { agencyId: q.agency_id, action: 'question.discarded', subjectType: 'question', subjectId: id, summary: { reason: why.slice(0, 200) } }, now);
  });
}

/** Refuses public text that still carries personal data or the asker's own name or contacts. */
function assertNoPersonalData(q: Question, subject: string, body: string, answer: string): void {
  const problems: Record<string, string> = {};
  const parts: [string, string, string][] = [['publicSubject', '公开标题', subject], ['publicBody', '公开的咨询内容', body], ['answer', '答复内容', answer]];
  for (const [field, label, text] of parts) {
    const kinds = [...new Set(scanText(text, { part: field }).map((f) => FINDING_KIND_LABELS[f.kind]))];
    if (mentionsSubmitter(text, [q.asker_name, q.phone, q.email])) kinds.push('提问人的姓名或联系方式');
    if (kinds.length > 0) problems[field] = `${label}中含有个人信息：${kinds.join('、')}，请删除或遮盖后再发布`;
  }
  if (Object.keys(problems).length) throw new ValidationError('公开内容中含有个人信息', problems);
}

async function agencyCodeOf(repos: ServiceContext['repos'], agencyId: number): Promise<string> {
  return (await repos.agencies.byId(agencyId))?.code ?? '';
}

function searchEntry(q: Question, agencyCode: string) {
  return {
    kind: 'question', refId: q.id, agencyId: q.agency_id, title: q.public_subject,
    text: `${q.public_body}\n${q.answer}`, url: `/gk/${encodeURIComponent(agencyCode)}/ask/${q.id}`,
    publishedOn: (q.published_at ? chinaDateOf(new Date(q.published_at)) : q.answered_on) ?? q.received_on,
    facets: { year: Number((q.answered_on ?? q.received_on).slice(0, 4)) },
  };
}

/** Publishes an answered question without personal data: an edited public text, the answer, dates. */
export async function publishQuestion(ctx: ServiceContext, actor: Actor, id: number, input: { subject: string; body: string }): Promise<void> {
  const user = requireStaffFor(actor, 'question.publish');
  const subject = input.subject.trim();
  const body = input.body.trim();
  const fields: Record<string, string> = {};
  if (subject === '') fields.publicSubject = '请填写公开标题';
  else if ([...subject].length > 100) fields.publicSubject = '公开标题最多 100 个字';
  if ([...body].length < 5) fields.publicBody = '请填写公开的咨询内容';
  if (Object.keys(fields).length) throw new ValidationError('公开内容有误', fields);
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const q = inOwnAgency(user, await repos.questions.byId(id), '未找到该咨询');
    if (q.status !== 'answered') throw new DomainError('只有已答复的咨询才能公开');
    if (q.keep_private === 1) throw new DomainError('提问人要求不公开此咨询，不能发布');
    assertNoPersonalData(q, subject, body, q.answer);
    const published = { ...q, published: 1, published_at: q.published_at ?? now.toISOString(), public_subject: subject, public_body: body };
    await repos.questions.update(id, { published: 1, published_at: published.published_at, public_subject: subject, public_body: body });
    await repos.search.upsert(searchEntry(published, await agencyCodeOf(repos, q.agency_id)));
    await audit(repos, actor, { agencyId: q.agency_id, action: 'question.published', subjectType: 'question', subjectId: id, summary: { subject } }, now);
  });
}

export async function unpublishQuestion(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'question.publish');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const q = inOwnAgency(user, await repos.questions.byId(id), '未找到该咨询');
    if (q.published !== 1) throw new DomainError('该咨询尚未公开');
    await repos.questions.update(id, { published: 0 });
    await repos.search.remove('question', id);
    await audit(repos, actor, { agencyId: q.agency_id, action: 'question.unpublished', subjectType: 'question', subjectId: id, summary: {} }, now);
  });
}

/** The latest published answers as links, for the agency's home page. */
export async function latestAnswerLinks(ctx: ServiceContext, agency: { id: number; code: string }, limit: number): Promise<{ title: string; href: string; date?: string }[]> {
  const { items } = await ctx.repos.questions.listPublished(agency.id, { terms: [], page: 1, pageSize: limit });
  return items.map((q) => ({ title: q.public_subject, href: `/gk/${encodeURIComponent(agency.code)}/ask/${q.id}`, date: q.answered_on ?? q.received_on }));
}
