// Teacher recruitment (教师招聘): a posting with quotas per school and subject, requirements, the
// procedure with its dates, and the publicity of the results with the end of the publicity period
// (公示期). States: draft → published → closed; closed postings stay public in the archive.
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { audit, inOwnAgency, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import type { EduRecruitment } from '../db/schema.ts';
import { isIsoDate } from '../domain/dates.ts';
import { RECRUITMENT_STEPS, RECRUITMENT_STEP_LABELS, isRecruitmentStep, type RecruitmentStepKind } from '../domain/education-terms.ts';
import { FINDING_KIND_LABELS, scanText } from '../domain/privacy-scan.ts';

export type RecruitmentStatus = 'draft' | 'published' | 'closed';
/** Derived from the dates for a published posting. */
export type RecruitmentPhase = 'upcoming' | 'in_progress' | 'publicity' | 'publicity_ended' | 'archived' | 'draft';

export interface QuotaView { schoolName: string; subject: string; count: number; requirements: string }
export interface StepView { step: RecruitmentStepKind; startsOn: string; endsOn: string | null; note: string }
export interface ResultView { candidateName: string; schoolName: string; subject: string; score: string; note: string }

export interface RecruitmentView {
  id: number;
  agencyId: number;
  year: number;
  title: string;
  summary: string;
  requirements: string;
  status: RecruitmentStatus;
  phase: RecruitmentPhase;
  documentRef: string | null;
  quotas: QuotaView[];
  totalQuota: number;
  steps: StepView[];
  results: ResultView[];
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  resultsNote: string;
  resultsDocumentRef: string | null;
  publishedAt: string | null;
  closedAt: string | null;
}

export function phaseOf(r: Pick<RecruitmentView, 'status' | 'steps' | 'publicityStartsOn' | 'publicityEndsOn'>, today: string): RecruitmentPhase {
  if (r.status === 'draft') return 'draft';
  if (r.status === 'closed') return 'archived';
  if (r.publicityEndsOn) {
    if (today > r.publicityEndsOn) return 'publicity_ended';
    if (!r.publicityStartsOn || today >= r.publicityStartsOn) return 'publicity';
  }
  const first = r.steps[0]?.startsOn;
  return first && today < first ? 'upcoming' : 'in_progress';
}

async function load(ctx: ServiceContext | { repos: ServiceContext['repos'] }, r: EduRecruitment, today: string): Promise<RecruitmentView> {
  const repo = ctx.repos.education.recruitment;
  const [quotas, steps, results] = await Promise.all([repo.quotas(r.id), repo.steps(r.id), repo.results(r.id)]);
  const view: RecruitmentView = {
    id: r.id, agencyId: r.agency_id, year: r.year, title: r.title, summary: r.summary, requirements: r.requirements, status: r.status as RecruitmentStatus,
    phase: 'draft', documentRef: r.document_ref,
    quotas: quotas.map((q) => ({ schoolName: q.school_name, subject: q.subject, count: q.count, requirements: q.requirements })),
    totalQuota: quotas.reduce((n, q) => n + q.count, 0),
    steps: steps.filter((s) => isRecruitmentStep(s.step)).map((s) => ({ step: s.step as RecruitmentStepKind, startsOn: s.starts_on, endsOn: s.ends_on, note: s.note }))
      .sort((a, b) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : RECRUITMENT_STEPS.indexOf(a.step) - RECRUITMENT_STEPS.indexOf(b.step))),
    results: results.map((x) => ({ candidateName: x.candidate_name, schoolName: x.school_name, subject: x.subject, score: x.score, note: x.note })),
    publicityStartsOn: r.publicity_starts_on, publicityEndsOn: r.publicity_ends_on, resultsNote: r.results_note, resultsDocumentRef: r.results_document_ref,
    publishedAt: r.published_at, closedAt: r.closed_at,
  };
  view.phase = phaseOf(view, today);
  return view;
}

const todayOf = (ctx: ServiceContext) => new Date(ctx.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

// ---------- public ----------

export async function publicRecruitments(ctx: ServiceContext, agencyId: number): Promise<{ current: RecruitmentView[]; archive: RecruitmentView[] }> {
  const today = todayOf(ctx);
  const rows = await ctx.repos.education.recruitment.list(agencyId, ['published', 'closed']);
  const views = await Promise.all(rows.map((r) => load(ctx, r, today)));
  return { current: views.filter((v) => v.status === 'published'), archive: views.filter((v) => v.status === 'closed') };
}

export async function publicRecruitment(ctx: ServiceContext, agencyId: number, id: number): Promise<RecruitmentView> {
  const r = await ctx.repos.education.recruitment.byId(id);
  if (!r || r.agency_id !== agencyId || r.status === 'draft') throw new NotFoundError('未找到该招聘公告');
  return load(ctx, r, todayOf(ctx));
}

// ---------- staff ----------

export async function staffRecruitments(ctx: ServiceContext, actor: Actor): Promise<RecruitmentView[]> {
  const user = requireStaffFor(actor, 'content.manage');
  const today = todayOf(ctx);
  const rows = await ctx.repos.education.recruitment.list(user.agencyId, ['draft', 'published', 'closed']);
  return Promise.all(rows.map((r) => load(ctx, r, today)));
}

export async function staffRecruitment(ctx: ServiceContext, actor: Actor, id: number): Promise<RecruitmentView> {
  const user = requireStaffFor(actor, 'content.manage');
  const r = inOwnAgency(user, await ctx.repos.education.recruitment.byId(id), '未找到该招聘公告');
  return load(ctx, r, todayOf(ctx));
}

export interface RecruitmentInput {
  year: number;
  title: string;
  summary: string;
  requirements: string;
  documentRef: string;
  /** One quota per line: 学校｜学科｜人数｜要求 */
  quotasText: string;
  /** Per step: 'YYYY-MM-DD' dates ('' = the step is not used). */
  steps: Partial<Record<RecruitmentStepKind, { startsOn: string; endsOn: string; note: string }>>;
}

const SPLIT = /[|｜]/;

export function parseQuotas(text: string): { rows: QuotaView[]; errors: string[] } {
  const rows: QuotaView[] = [];
  const errors: string[] = [];
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const [school = '', subject = '', count = '', requirements = ''] = line.split(SPLIT).map((x) => x.trim());
    if (school === '' || subject === '') errors.push(`第${i + 1}行：应为“学校｜学科｜人数｜要求”`);
    else if (!/^\d{1,4}$/.test(count) || Number(count) < 1) errors.push(`第${i + 1}行：人数应为正整数`);
    else rows.push({ schoolName: school, subject, count: Number(count), requirements });
  }
  return { rows, errors };
}

function cleanInput(input: RecruitmentInput) {
  const fields: Record<string, string> = {};
  const title = input.title.trim();
  if (title === '') fields.title = '请填写公告标题';
  else if (title.length > 300) fields.title = '公告标题最多 300 个字';
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) fields.year = '年度应为 2000 至 2100 之间的整数';
  const quotas = parseQuotas(input.quotasText);
  if (quotas.errors.length) fields.quotasText = quotas.errors.join('；');
  const steps: StepView[] = [];
  for (const step of RECRUITMENT_STEPS) {
    const s = input.steps[step];
    if (!s) continue;
    const startsOn = s.startsOn.trim();
    const endsOn = s.endsOn.trim();
    if (startsOn === '' && endsOn === '') continue;
    const label = RECRUITMENT_STEP_LABELS[step].zh;
    if (!isIsoDate(startsOn)) fields[`${step}.startsOn`] = `${label}：请填写开始日期`;
    else if (endsOn !== '' && !isIsoDate(endsOn)) fields[`${step}.endsOn`] = `${label}：结束日期格式应为 YYYY-MM-DD`;
    else if (endsOn !== '' && endsOn < startsOn) fields[`${step}.endsOn`] = `${label}：结束日期不能早于开始日期`;
    else steps.push({ step, startsOn, endsOn: endsOn === '' ? null : endsOn, note: s.note.trim().slice(0, 500) });
  }
  if (Object.keys(fields).length) throw new ValidationError('招聘公告有误', fields);
  return { title, summary: input.summary.trim(), requirements: input.requirements.trim(), documentRef: cleanDocumentRef(input.documentRef), quotas: quotas.rows, steps };
}

export async function saveRecruitment(ctx: ServiceContext, actor: Actor, id: number | null, input: RecruitmentInput): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanInput(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.recruitment;
    let rid: number;
    if (id === null) {
      rid = (await repo.insert({
        agency_id: user.agencyId, year: input.year, title: v.title, summary: v.summary, requirements: v.requirements, status: 'draft', document_ref: v.documentRef,
        publicity_starts_on: null, publicity_ends_on: null, results_note: '', results_document_ref: null, created_at: now.toISOString(), updated_at: now.toISOString(),
        published_at: null, closed_at: null,
      })).id;
    } else {
      const old = inOwnAgency(user, await repo.byId(id), '未找到该招聘公告');
      if (old.status === 'closed') throw new DomainError('已归档的招聘公告不能修改');
      await repo.update(id, { year: input.year, title: v.title, summary: v.summary, requirements: v.requirements, document_ref: v.documentRef, updated_at: now.toISOString() });
      rid = id;
    }
    await repo.replaceQuotas(rid, v.quotas);
    await repo.replaceSteps(rid, v.steps);
    await audit(repos, actor, {
      agencyId: user.agencyId, action: id === null ? 'recruitment.created' : 'recruitment.updated', subjectType: 'edu_recruitment', subjectId: rid,
      summary: { title: v.title, quota: v.quotas.reduce((n, q) => n + q.count, 0), steps: v.steps.map((s) => [s.step, s.startsOn, s.endsOn]) },
    }, now);
    return rid;
  });
}

async function transition(ctx: ServiceContext, actor: Actor, id: number, from: RecruitmentStatus, to: RecruitmentStatus, refusal: string, extra?: (r: EduRecruitment, repos: ServiceContext['repos']) => Promise<void> | void): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const r = inOwnAgency(user, await repos.education.recruitment.byId(id), '未找到该招聘公告');
    if (r.status !== from) throw new DomainError(refusal);
    await extra?.(r, repos);
    await repos.education.recruitment.update(id, {
      status: to, updated_at: now.toISOString(), ...(to === 'published' ? { published_at: now.toISOString() } : { closed_at: now.toISOString() }),
    });
    await audit(repos, actor, { agencyId: r.agency_id, action: to === 'published' ? 'recruitment.published' : 'recruitment.closed', subjectType: 'edu_recruitment', subjectId: id, summary: { title: r.title } }, now);
  });
}

export async function publishRecruitment(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  await transition(ctx, actor, id, 'draft', 'published', '只有草稿状态的招聘公告才能发布', async (_r, repos) => {
    if ((await repos.education.recruitment.quotas(id)).length === 0) throw new DomainError('请先填写岗位计划（学校、学科、人数）再发布');
  });
}

/** Archives a posting; while results are under publicity it cannot be closed. */
export async function closeRecruitment(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const today = todayOf(ctx);
  await transition(ctx, actor, id, 'published', 'closed', '只有已发布的招聘公告才能归档', (r) => {
    if (r.publicity_ends_on && today <= r.publicity_ends_on) throw new DomainError(`结果公示期至 ${r.publicity_ends_on} 结束，公示期满后才能归档`);
  });
}

export interface ResultsInput {
  /** One person per line: 姓名｜学校｜学科｜成绩｜备注 */
  text: string;
  publicityStartsOn: string;
  publicityEndsOn: string;
  note: string;
  documentRef: string;
}

/** Publishes the results with their publicity period (公示期). */
export async function publishResults(ctx: ServiceContext, actor: Actor, id: number, input: ResultsInput): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const fields: Record<string, string> = {};
  const rows: { candidateName: string; schoolName: string; subject: string; score: string; note: string }[] = [];
  const lineErrors: string[] = [];
  for (const [i, line] of input.text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const [name = '', school = '', subject = '', score = '', note = ''] = line.split(SPLIT).map((x) => x.trim());
    if (name === '' || school === '' || subject === '') lineErrors.push(`第${i + 1}行：应为“姓名｜学校｜学科｜成绩｜备注”`);
    else if (name.length > 50) lineErrors.push(`第${i + 1}行：姓名过长`);
    else rows.push({ candidateName: name, schoolName: school, subject, score, note });
  }
  // Art. 15: the publicity names the persons hired; identity numbers and phones never appear.
  const findings = [...new Set(scanText(input.text, { part: 'results' }).map((f) => FINDING_KIND_LABELS[f.kind]))];
  if (findings.length) lineErrors.push(`公示名单中含有${findings.join('、')}，请删除后再发布`);
  if (lineErrors.length) fields.text = lineErrors.join('；');
  else if (rows.length === 0) fields.text = '请填写拟聘用人员名单';
  if (!isIsoDate(input.publicityStartsOn)) fields.publicityStartsOn = '请填写公示开始日期';
  if (!isIsoDate(input.publicityEndsOn)) fields.publicityEndsOn = '请填写公示期结束日期';
  else if (isIsoDate(input.publicityStartsOn) && input.publicityEndsOn < input.publicityStartsOn) fields.publicityEndsOn = '公示期结束日期不能早于开始日期';
  if (Object.keys(fields).length) throw new ValidationError('结果公示有误', fields);
  const documentRef = cleanDocumentRef(input.documentRef, 'resultsDocumentRef');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const r = inOwnAgency(user, await repos.education.recruitment.byId(id), '未找到该招聘公告');
    if (r.status !== 'published') throw new DomainError('只有已发布、未归档的招聘公告才能公示结果');
    await repos.education.recruitment.replaceResults(id, rows);
    await repos.education.recruitment.update(id, {
      publicity_starts_on: input.publicityStartsOn, publicity_ends_on: input.publicityEndsOn, results_note: input.note.trim(), results_document_ref: documentRef, updated_at: now.toISOString(),
    });
    await audit(repos, actor, { agencyId: r.agency_id, action: 'recruitment.results_published', subjectType: 'edu_recruitment', subjectId: id, summary: { people: rows.length, publicityEndsOn: input.publicityEndsOn } }, now);
  });
}
