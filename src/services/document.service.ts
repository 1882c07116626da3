// Proactive disclosure use cases: register, edit, and move a document through review and
// publication (Arts. 19–21, 26). Every change: guard → change + audit event (+ search index) in
// one transaction (STYLE.md #3).
import type { Repositories } from '../db/repositories/index.ts';
import type { DocumentCategory, DocumentRow, DocumentRowUpdate, NewDocumentRow } from '../db/schema.ts';
import { chinaDateOf, isIsoDate, yearOf } from '../domain/dates.ts';
import {
  ART20_CLASSES,
  DISCLOSURE_ATTRIBUTES,
  DOCUMENT_ACTION_LABELS,
  DOCUMENT_TRANSITIONS,
  VALIDITY,
  can,
  checkDisclosure,
  isNonDisclosureGround,
  type Art20Class,
  type DisclosureAttribute,
  type DocumentAction,
  type DocumentState,
  type NonDisclosureGround,
  type Validity,
} from '../domain/document-workflow.ts';
import { isGenre, publishRefusal } from '../domain/document-catalog.ts';
import { formatIndexNumber } from '../domain/index-number.ts';
import { htmlToText, safeBodyHtml } from '../web/sanitize.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { assertCanEdit, canEdit, canMaintain, documentForStaff, staffOf } from './document-access.ts';
import { syncDocumentSearch } from './document-search.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { ensureTaxonomy } from './taxonomy.service.ts';
import { assertPublishable } from './privacy.service.ts';

/** What a registration form, the API or an import row gives for a document. */
export interface DocumentInput {
  title: string;
  docNumber?: string;
  /** 成文日期, 'YYYY-MM-DD'. */
  createdOn: string;
  /** A category id, or its code or name (API, import). */
  category: number | string;
  genre: string;
  /** Topic ids, codes or names. */
  topics?: (number | string)[];
  keywords?: string;
  summary?: string;
  /** Rich text; sanitised before it is stored. */
  bodyHtml?: string;
  disclosure: string;
  withheldGround?: string | null;
  disclosureScope?: string;
  disclosureChannel?: string;
  validity?: string;
  replacedById?: number | null;
  art20Class?: string;
  /** This document interprets (政策解读) that policy document. */
  interpretationOfId?: number | null;
  inRulesColumn?: boolean;
  /** Publish on this date once approved (定时发布). */
  scheduledOn?: string | null;
  /** The drafting department; a clerk always registers in their own. */
  departmentId?: number | null;
}

export const DEFAULT_DISCLOSURE_SCOPE = '面向社会';
export const DEFAULT_DISCLOSURE_CHANNEL = '政府网站';

const MAX_BODY = 500_000;

function ipOf(actor: Actor): string | undefined {
  return actor.ip;
}

export function todayOf(ctx: ServiceContext): string {
  return chinaDateOf(ctx.now());
}

type CleanInput = Omit<NewDocumentRow, 'agency_id' | 'state' | 'index_number' | 'index_year' | 'index_serial' | 'author_id' | 'source' | 'created_at' | 'updated_at' | 'published_on'> & { topicIds: number[] };

/**
 * Checks a document's fields against the agency's taxonomy and the rules, collecting every
 * problem by field (form field names) before anything is written.
 */
export async function cleanDocumentInput(
  repos: Repositories,
  agencyId: number,
  input: DocumentInput,
  today: string,
  opts: { departmentFixed?: number | null; selfId?: number; taxonomy?: { categories: DocumentCategory[]; topics: DocumentCategory[] } } = {},
): Promise<CleanInput> {
  const fields: Record<string, string> = {};
  const title = (input.title ?? '').trim();
  if (title === '') fields.title = '请填写标题';
  else if (title.length > 500) fields.title = '标题最长 500 个字符';
  const docNumber = (input.docNumber ?? '').trim();
  if (docNumber.length > 100) fields.docNumber = '发文字号最长 100 个字符';
  if (!isIsoDate(input.createdOn)) fields.createdOn = '成文日期应为 YYYY-MM-DD 格式的有效日期';
  else if (input.createdOn > today) fields.createdOn = '成文日期不能晚于今天';
  else if (input.createdOn < '1950-01-01') fields.createdOn = '成文日期不能早于 1950 年';

  if (!opts.taxonomy) await ensureTaxonomy(repos, agencyId);
  const categories = opts.taxonomy?.categories ?? await repos.taxonomy.list('category', [agencyId]);
  const c = input.category;
  const category = categories.find((x) => (typeof c === 'number' ? x.id === c : x.code === c.trim() || x.name === c.trim() || String(x.id) === c.trim()));
  if (!category) fields.category = c === '' || c === undefined ? '请选择主题分类' : `主题分类“${c}”不存在`;

  const allTopics = opts.taxonomy?.topics ?? await repos.taxonomy.list('topic', [agencyId]);
  const topicIds: number[] = [];
  for (const t of input.topics ?? []) {
    if (t === '') continue;
    const topic = allTopics.find((x) => (typeof t === 'number' ? x.id === t : x.code === t.trim() || x.name === t.trim() || String(x.id) === t.trim()));
    if (!topic) fields.topics = `专题“${t}”不存在`;
    else topicIds.push(topic.id);
  }

  if (!isGenre(input.genre ?? '')) fields.genre = '请选择体裁';

  const disclosure = input.disclosure as DisclosureAttribute;
  const ground = input.withheldGround ? input.withheldGround : null;
  if (!DISCLOSURE_ATTRIBUTES.some((a) => a.code === disclosure)) fields.disclosure = '请选择公开属性';
  else if (ground !== null && !isNonDisclosureGround(ground)) fields.withheldGround = '不公开的依据无效';
  else {
    const problem = checkDisclosure(disclosure, ground as NonDisclosureGround | null);
    if (problem) fields.withheldGround = problem;
  }

  const validity = (input.validity ?? 'valid') as Validity;
  if (!VALIDITY.some((v) => v.code === validity)) fields.validity = '有效性无效';
  const art20 = (input.art20Class ?? 'none') as Art20Class;
  if (!ART20_CLASSES.some((a) => a.code === art20)) fields.art20Class = '规章或规范性文件类别无效';

  const checkLink = async (field: string, id: number | null | undefined, label: string) => {
    if (id === null || id === undefined) return null;
    if (id === opts.selfId) {
      fields[field] = `${label}不能是文件本身`;
      return null;
    }
    const other = await repos.documents.byId(id);
    if (!other || other.agency_id !== agencyId) {
      fields[field] = `${label}不存在`;
      return null;
    }
    return id;
  };
  const replacedById = await checkLink('replacedById', input.replacedById, '替代文件');
  if (replacedById !== null && validity === 'valid') fields.replacedById = '有效的文件没有替代文件：请先将有效性改为“失效”“废止”或“已修订”';
  const interpretationOfId = await checkLink('interpretationOfId', input.interpretationOfId, '所解读的政策文件');

  let scheduledOn: string | null = null;
  if (input.scheduledOn) {
    if (!isIsoDate(input.scheduledOn)) fields.scheduledOn = '定时发布日期应为 YYYY-MM-DD 格式的有效日期';
    else scheduledOn = input.scheduledOn;
  }

  let departmentId: number | null = opts.departmentFixed !== undefined ? opts.departmentFixed : input.departmentId ?? null;
  if (departmentId !== null) {
    const dept = await repos.agencies.departmentById(departmentId);
    if (!dept || dept.agency_id !== agencyId) {
      fields.departmentId = '起草部门不属于本机关';
      departmentId = null;
    }
  }

  const bodyHtml = safeBodyHtml(input.bodyHtml ?? '');
  if (bodyHtml.length > MAX_BODY) fields.body = '正文过长（最多 50 万字符）';
  const summary = (input.summary ?? '').trim();
  if (summary.length > 5000) fields.summary = '内容概述最长 5000 个字符';
  const keywords = (input.keywords ?? '').trim();
  if (keywords.length > 500) fields.keywords = '关键词最长 500 个字符';
  const scope = (input.disclosureScope ?? '').trim() || DEFAULT_DISCLOSURE_SCOPE;
  const channel = (input.disclosureChannel ?? '').trim() || DEFAULT_DISCLOSURE_CHANNEL;
  if (scope.length > 200) fields.disclosureScope = '公开范围最长 200 个字符';
  if (channel.length > 200) fields.disclosureChannel = '公开方式最长 200 个字符';

  if (Object.keys(fields).length > 0) throw new ValidationError(`文件信息填写有误：${Object.values(fields).join('；')}`, fields);
  return {
    title,
    doc_number: docNumber,
    created_on: input.createdOn,
    category_id: category!.id,
    genre: input.genre,
    keywords,
    summary,
    body_html: bodyHtml,
    body_text: htmlToText(bodyHtml),
    disclosure,
    withheld_ground: ground,
    disclosure_scope: scope,
    disclosure_channel: channel,
    validity,
    replaced_by_id: replacedById,
    art20_class: art20,
    interpretation_of_id: interpretationOfId,
    in_rules_column: input.inRulesColumn ? 1 : 0,
    scheduled_on: scheduledOn,
    department_id: departmentId,
    withdrawn_on: null,
    return_reason: null,
    withdraw_reason: null,
    topicIds,
  };
}

/** Allocates the next index number (索引号) of the agency for the document's year, in the caller's transaction. */
export async function assignIndexNumber(repos: Repositories, agencyId: number, createdOn: string, categoryId: number): Promise<{ index_number: string; index_year: number; index_serial: number }> {
  const agency = await repos.agencies.byId(agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  const category = await repos.taxonomy.byId('category', categoryId);
  const year = yearOf(createdOn);
  const serial = await repos.documents.allocateSerial(agencyId, year);
  try {
    const indexNumber = formatIndexNumber(agency.index_pattern, { creditCode: agency.credit_code, year, serial, agencyCode: agency.code, categoryCode: category?.code });
    return { index_number: indexNumber, index_year: year, index_serial: serial };
  } catch (e) {
    throw new DomainError(`本机关的索引号规则无法生成索引号，请系统管理员检查：${(e as Error).message}`, 'index_pattern');
  }
}

function requireRegistrar(user: StaffUser): void {
  if (!can(user.roles, 'draft', 'register').ok) throw new ForbiddenError('只有科室经办人或公开办可以登记文件');
}

/** Clerks register in their own department; the office may register for any department. */
function departmentFor(user: StaffUser, requested: number | null | undefined): number | null | undefined {
  return user.roles.includes('office') ? requested ?? user.departmentId : user.departmentId;
}

/**
 * Registers a document (登记): it gets its index number at once. With `draft`, it is only
 * collected (收集) and gets its number when registered later.
 */
export async function registerDocument(ctx: ServiceContext, actor: Actor, input: DocumentInput, opts: { draft?: boolean } = {}): Promise<DocumentRow> {
  const user = staffOf(actor);
  requireRegistrar(user);
  const today = todayOf(ctx);
  const now = ctx.now().toISOString();
  return ctx.transaction(async (repos) => {
    const { topicIds, ...clean } = await cleanDocumentInput(repos, user.agencyId, input, today, { departmentFixed: departmentFor(user, input.departmentId) });
    const index = opts.draft ? { index_number: null, index_year: null, index_serial: null } : await assignIndexNumber(repos, user.agencyId, clean.created_on, clean.category_id);
    const doc = await repos.documents.insert({
      ...clean,
      ...index,
      agency_id: user.agencyId,
      state: opts.draft ? 'draft' : 'registered',
      author_id: user.id,
      source: 'registered',
      published_on: null,
      created_at: now,
      updated_at: now,
    });
    await repos.documents.setTopics(doc.id, topicIds);
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId,
      action: opts.draft ? 'document.drafted' : 'document.registered', subjectType: 'document', subjectId: doc.id,
      summary: { title: doc.title, indexNumber: doc.index_number, state: doc.state }, ip: ipOf(actor),
    }, ctx.now());
    return doc;
  });
}

/** Changes the registration form (before review, by its author or the office). */
export async function updateDocument(ctx: ServiceContext, actor: Actor, id: number, input: DocumentInput): Promise<DocumentRow> {
  const user = staffOf(actor);
  const today = todayOf(ctx);
  return ctx.transaction(async (repos) => {
    const doc = await documentForStaff(repos, user, id, { forUpdate: true, write: true });
    assertCanEdit(user, doc);
    const { topicIds, ...clean } = await cleanDocumentInput(repos, user.agencyId, input, today, {
      departmentFixed: user.roles.includes('office') ? input.departmentId ?? doc.department_id : doc.department_id,
      selfId: doc.id,
    });
    // The index number stays as assigned, even if the year or category changes: numbers are never reassigned.
    const { return_reason: _r, withdraw_reason: _w, withdrawn_on: _o, ...changes } = clean;
    await repos.documents.update(id, { ...changes, updated_at: ctx.now().toISOString() });
    await repos.documents.setTopics(id, topicIds);
    const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== (doc as unknown as Record<string, unknown>)[k]);
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'document.updated',
      subjectType: 'document', subjectId: id, summary: { changed }, ip: ipOf(actor),
    }, ctx.now());
    await syncDocumentSearch(repos, id);
    return (await repos.documents.byId(id))!;
  });
}

/** Keeps a public document's validity (有效性) and replacing document current (the office). */
export async function updateValidity(ctx: ServiceContext, actor: Actor, id: number, input: { validity: string; replacedById?: number | null }): Promise<void> {
  const user = staffOf(actor);
  await ctx.transaction(async (repos) => {
    const doc = await documentForStaff(repos, user, id, { forUpdate: true, write: true });
    if (!canMaintain(user, doc)) throw new ForbiddenError('只有公开办可以维护已发布文件的有效性');
    const fields: Record<string, string> = {};
    if (!VALIDITY.some((v) => v.code === input.validity)) fields.validity = '有效性无效';
    let replacedBy: number | null = input.replacedById ?? null;
    if (replacedBy !== null) {
      const other = await repos.documents.byId(replacedBy);
      if (!other || other.agency_id !== doc.agency_id || other.id === doc.id) fields.replacedById = '替代文件不存在';
      if (input.validity === 'valid') fields.replacedById = '有效的文件没有替代文件';
    }
    if (input.validity === 'valid') replacedBy = null;
    if (Object.keys(fields).length) throw new ValidationError('有效性填写有误', fields);
    await repos.documents.update(id, { validity: input.validity, replaced_by_id: replacedBy, updated_at: ctx.now().toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'document.validity_changed',
      subjectType: 'document', subjectId: id, summary: { from: doc.validity, to: input.validity, replacedById: replacedBy }, ip: ipOf(actor),
    }, ctx.now());
    await syncDocumentSearch(repos, id);
  });
}

/** Links an interpretation (政策解读) to the policy document it explains, or unlinks it (null). */
export async function linkInterpretation(ctx: ServiceContext, actor: Actor, interpretationId: number, policyId: number | null): Promise<void> {
  const user = staffOf(actor);
  await ctx.transaction(async (repos) => {
    const doc = await documentForStaff(repos, user, interpretationId, { forUpdate: true, write: true });
    if (!canEdit(user, doc) && !canMaintain(user, doc)) throw new ForbiddenError('只有登记人或公开办可以关联政策解读');
    if (policyId !== null) {
      const policy = await repos.documents.byId(policyId);
      if (!policy || policy.agency_id !== doc.agency_id) throw new ValidationError('所解读的政策文件不存在', { interpretationOfId: '所解读的政策文件不存在' });
      if (policy.id === doc.id) throw new ValidationError('文件不能解读自身', { interpretationOfId: '文件不能解读自身' });
      if (policy.interpretation_of_id === doc.id) throw new ValidationError('两份文件不能互为解读', { interpretationOfId: '两份文件不能互为解读' });
    }
    await repos.documents.update(interpretationId, { interpretation_of_id: policyId, updated_at: ctx.now().toISOString() });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: 'document.interpretation_linked',
      subjectType: 'document', subjectId: interpretationId, summary: { from: doc.interpretation_of_id, to: policyId }, ip: ipOf(actor),
    }, ctx.now());
  });
}

export interface TransitionOptions {
  /** Required for a return (退回) or a withdrawal (撤回). */
  reason?: string;
  /** For publish: a later date schedules publication (定时发布) instead of publishing now. */
  publishOn?: string;
}

const ACTION_EVENTS: Record<DocumentAction, string> = {
  register: 'document.registered',
  submit: 'document.submitted',
  approve: 'document.approved',
  return: 'document.returned',
  publish: 'document.published',
  archive: 'document.archived',
  withdraw: 'document.withdrawn',
};

/**
 * Moves a document one step along the transition table. Who may, from which state, and whether a
 * reason is needed all come from the table (domain/document-workflow.ts); a refusal carries its
 * message. The system actor (scheduled publication) is bound by the states but not by roles.
 */
export async function transitionDocument(ctx: ServiceContext, actor: Actor, id: number, action: DocumentAction, opts: TransitionOptions = {}): Promise<DocumentRow> {
  const today = todayOf(ctx);
  const reason = (opts.reason ?? '').trim();
  if (reason.length > 2000) throw new ValidationError('理由最长 2000 个字符', { reason: '理由最长 2000 个字符' });
  if (opts.publishOn !== undefined && opts.publishOn !== '' && !isIsoDate(opts.publishOn)) {
    throw new ValidationError('发布日期应为 YYYY-MM-DD 格式的有效日期', { publishOn: '发布日期应为 YYYY-MM-DD 格式的有效日期' });
  }
  return ctx.transaction(async (repos) => {
    let doc: DocumentRow;
    let to: DocumentState;
    if (actor.kind === 'system') {
      const row = await repos.documents.byIdForUpdate(id);
      if (!row) throw new NotFoundError('未找到该文件');
      doc = row;
      const t = DOCUMENT_TRANSITIONS[doc.state as DocumentState][action];
      if (!t) throw new DomainError(`该文件当前状态不能${DOCUMENT_ACTION_LABELS[action]}`, 'invalid_state');
      to = t.to;
    } else {
      const user = staffOf(actor);
      doc = await documentForStaff(repos, user, id, { forUpdate: true, write: true });
      const decision = can(user.roles, doc.state as DocumentState, action, { isAuthor: doc.author_id === user.id, reason });
      if (!decision.ok) {
        if (decision.code === 'forbidden' || decision.code === 'own_document') throw new ForbiddenError(decision.message);
        if (decision.code === 'reason_required') throw new ValidationError(decision.message, { reason: decision.message });
        throw new DomainError(decision.message, decision.code);
      }
      to = decision.to;
    }

    const now = ctx.now().toISOString();
    const changes: DocumentRowUpdate = { state: to, updated_at: now };
    const summary: Record<string, unknown> = { from: doc.state, to };
    let event = ACTION_EVENTS[action];
    switch (action) {
      case 'register': {
        Object.assign(changes, await assignIndexNumber(repos, doc.agency_id, doc.created_on, doc.category_id));
        summary.indexNumber = changes.index_number;
        break;
      }
      case 'submit':
        changes.return_reason = null;
        break;
      case 'return':
        changes.return_reason = reason;
        summary.reason = reason;
        break;
      case 'publish': {
        const refusal = publishRefusal(doc.disclosure as DisclosureAttribute);
        if (refusal) throw new DomainError(refusal, 'not_proactive');
        const on = opts.publishOn || (actor.kind === 'system' ? doc.scheduled_on ?? today : today);
        if (on > today) {
          // 定时发布: stays approved; the scheduled job publishes it on that day.
          changes.state = doc.state;
          changes.scheduled_on = on;
          event = 'document.scheduled';
          summary.to = doc.state;
          summary.scheduledOn = on;
          break;
        }
        changes.published_on = actor.kind === 'system' ? on : today;
        changes.scheduled_on = null;
        summary.publishedOn = changes.published_on;
        break;
      }
      case 'withdraw':
        changes.withdraw_reason = reason;
        changes.withdrawn_on = today;
        summary.reason = reason;
        break;
      case 'approve':
      case 'archive':
        if (reason) summary.comment = reason;
        break;
    }
    if (action === 'approve' || action === 'publish') await assertPublishable(ctx, doc.id, repos); // issue 8: unresolved personal data blocks approval and publication
    await repos.documents.update(doc.id, changes);
    await repos.audit.append({
      actorId: actorUserId(actor), actorLabel: actorLabel(actor), agencyId: doc.agency_id, action: event,
      subjectType: 'document', subjectId: doc.id, summary: { title: doc.title, ...summary }, ip: ipOf(actor),
    }, ctx.now());
    await syncDocumentSearch(repos, doc.id);
    return (await repos.documents.byId(doc.id))!;
  });
}

export const submitDocument = (ctx: ServiceContext, actor: Actor, id: number) => transitionDocument(ctx, actor, id, 'submit');
export const approveDocument = (ctx: ServiceContext, actor: Actor, id: number, comment?: string) => transitionDocument(ctx, actor, id, 'approve', { reason: comment });
export const returnDocument = (ctx: ServiceContext, actor: Actor, id: number, reason: string) => transitionDocument(ctx, actor, id, 'return', { reason });
export const publishDocument = (ctx: ServiceContext, actor: Actor, id: number, publishOn?: string) => transitionDocument(ctx, actor, id, 'publish', { publishOn });
export const archiveDocument = (ctx: ServiceContext, actor: Actor, id: number) => transitionDocument(ctx, actor, id, 'archive');
export const withdrawDocument = (ctx: ServiceContext, actor: Actor, id: number, reason: string) => transitionDocument(ctx, actor, id, 'withdraw', { reason });

/**
 * Publishes approved documents whose scheduled date (定时发布) has come. Run by the scheduler or
 * `gongkai documents publish-due`; returns the ids published.
 */
export async function publishScheduledDocuments(ctx: ServiceContext): Promise<number[]> {
  const today = todayOf(ctx);
  const agencies = await ctx.repos.agencies.all();
  const due = (await ctx.repos.documents.all({ agencyIds: agencies.map((a) => a.id), states: ['approved'] }))
    .filter((d) => d.scheduled_on !== null && d.scheduled_on <= today);
  const published: number[] = [];
  for (const d of due) {
    try {
      await transitionDocument(ctx, { kind: 'system', label: '系统（定时发布）' }, d.id, 'publish');
      published.push(d.id);
    } catch (e) {
      // Changed meanwhile (returned, already published): the next run sees the current state.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  return published;
}
