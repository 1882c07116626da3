// Power and responsibility lists (权力清单 / 责任清单), updated dynamically: staff edit a draft copy
// of the current list and publish it as a new version with the reason and date of the change.
// Published versions never change, so every old version stays viewable and any two can be compared.
import type { ServiceContext } from './context.ts';
import type { Actor } from './actor.ts';
import { DomainError, NotFoundError, ValidationError } from './errors.ts';
import { audit, requireStaffFor } from './education-access.ts';
import { cleanDocumentRef } from './enrolment.service.ts';
import type { EduPowerItem, EduPowerVersion } from '../db/schema.ts';
import { isIsoDate } from '../domain/dates.ts';
import { diffPowerLists, isEmptyDiff, isPowerType, summarizeDiff, type PowerItem, type PowerListDiff, type PowerType } from '../domain/power-list-diff.ts';

export interface PowerItemView extends PowerItem {
  id: number;
  sort: number;
}

export interface PowerVersionView {
  id: number;
  versionNo: number;
  status: 'draft' | 'published';
  reason: string;
  effectiveOn: string | null;
  documentRef: string | null;
  publishedAt: string | null;
}

function itemView(i: EduPowerItem): PowerItemView {
  return {
    id: i.id, code: i.code, type: (isPowerType(i.type) ? i.type : 'other') as PowerType, name: i.name, legalBasis: i.legal_basis, department: i.department,
    responsibilities: i.responsibilities, accountability: i.accountability, sort: i.sort,
  };
}

function versionView(v: EduPowerVersion): PowerVersionView {
  return {
    id: v.id, versionNo: v.version_no, status: v.status === 'draft' ? 'draft' : 'published', reason: v.reason, effectiveOn: v.effective_on,
    documentRef: v.document_ref, publishedAt: v.published_at,
  };
}

// ---------- public ----------

export async function currentPowerList(ctx: ServiceContext, agencyId: number): Promise<{ version: PowerVersionView | null; items: PowerItemView[] }> {
  const v = await ctx.repos.education.powerList.latestPublished(agencyId);
  if (!v) return { version: null, items: [] };
  return { version: versionView(v), items: (await ctx.repos.education.powerList.items(v.id)).map(itemView) };
}

export interface ChangeLogEntry extends PowerVersionView {
  summary: string;
  itemCount: number;
  previousNo: number | null;
}

/** Every published version, newest first, each with what changed against the one before. */
export async function powerChangeLog(ctx: ServiceContext, agencyId: number): Promise<ChangeLogEntry[]> {
  const repo = ctx.repos.education.powerList;
  const versions = (await repo.versions(agencyId, 'published')).reverse();
  const out: ChangeLogEntry[] = [];
  let prev: PowerItemView[] | null = null;
  let prevNo: number | null = null;
  for (const v of versions) {
    const items = (await repo.items(v.id)).map(itemView);
    const summary = prev === null ? `首次发布，共 ${items.length} 项` : summarizeDiff(diffPowerLists(prev, items));
    out.push({ ...versionView(v), summary, itemCount: items.length, previousNo: prevNo });
    prev = items;
    prevNo = v.version_no;
  }
  return out.reverse();
}

/** A published version (current or old). */
export async function powerVersion(ctx: ServiceContext, agencyId: number, versionNo: number): Promise<{ version: PowerVersionView; items: PowerItemView[]; currentNo: number }> {
  const repo = ctx.repos.education.powerList;
  const v = await repo.version(agencyId, versionNo);
  if (!v || v.status !== 'published') throw new NotFoundError(`未找到第 ${versionNo} 版权责清单`);
  const current = await repo.latestPublished(agencyId);
  return { version: versionView(v), items: (await repo.items(v.id)).map(itemView), currentNo: current!.version_no };
}

/** The difference between two published versions (from → to). */
export async function powerDiff(ctx: ServiceContext, agencyId: number, fromNo: number, toNo: number): Promise<{ from: PowerVersionView; to: PowerVersionView; diff: PowerListDiff }> {
  if (fromNo === toNo) throw new ValidationError('请选择两个不同的版本进行比较', { to: '请选择两个不同的版本' });
  const a = await powerVersion(ctx, agencyId, fromNo);
  const b = await powerVersion(ctx, agencyId, toNo);
  return { from: a.version, to: b.version, diff: diffPowerLists(a.items, b.items) };
}

// ---------- staff: the draft of the next version ----------

export interface PowerConsoleView {
  current: PowerVersionView | null;
  draft: PowerVersionView | null;
  draftItems: PowerItemView[];
  /** The draft against the current version (null when there is no draft or no current version). */
  preview: PowerListDiff | null;
  versions: PowerVersionView[];
}

export async function powerListConsole(ctx: ServiceContext, actor: Actor): Promise<PowerConsoleView> {
  const user = requireStaffFor(actor, 'content.manage');
  const repo = ctx.repos.education.powerList;
  const [current, draft, versions] = await Promise.all([repo.latestPublished(user.agencyId), repo.draft(user.agencyId), repo.versions(user.agencyId, 'published')]);
  const draftItems = draft ? (await repo.items(draft.id)).map(itemView) : [];
  const currentItems = current ? (await repo.items(current.id)).map(itemView) : [];
  return {
    current: current ? versionView(current) : null,
    draft: draft ? versionView(draft) : null,
    draftItems,
    preview: draft && current ? diffPowerLists(currentItems, draftItems) : null,
    versions: versions.map(versionView),
  };
}

/** Starts the next version as a copy of the current one (one draft at a time). */
export async function startPowerDraft(ctx: ServiceContext, actor: Actor): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.powerList;
    if (await repo.draft(user.agencyId)) throw new DomainError('已有一个未发布的新版本草稿，请继续编辑或先放弃它');
    const current = await repo.latestPublished(user.agencyId);
    const no = await repo.nextVersionNo(user.agencyId);
    const draft = await repo.createVersion(user.agencyId, no, now);
    if (current) {
      const items = await repo.items(current.id);
      await repo.insertItems(draft.id, items.map((i) => ({
        code: i.code, type: i.type, name: i.name, legalBasis: i.legal_basis, department: i.department, responsibilities: i.responsibilities, accountability: i.accountability, sort: i.sort,
      })));
    }
    await audit(repos, actor, { agencyId: user.agencyId, action: 'power_list.draft_started', subjectType: 'edu_power_version', subjectId: draft.id, summary: { versionNo: no, from: current?.version_no ?? null } }, now);
    return draft.id;
  });
}

export interface PowerItemInput {
  code: string;
  type: string;
  name: string;
  legalBasis: string;
  department: string;
  responsibilities: string;
  accountability: string;
  sort: number;
}

function cleanItem(input: PowerItemInput) {
  const v = {
    code: input.code.trim(), type: input.type, name: input.name.trim(), legalBasis: input.legalBasis.trim(), department: input.department.trim(),
    responsibilities: input.responsibilities.trim(), accountability: input.accountability.trim(), sort: input.sort,
  };
  const fields: Record<string, string> = {};
  if (v.code === '') fields.code = '请填写事项编码';
  else if (v.code.length > 50) fields.code = '事项编码最多 50 个字符';
  if (!isPowerType(v.type)) fields.type = '请选择权力类型';
  if (v.name === '') fields.name = '请填写事项名称';
  else if (v.name.length > 300) fields.name = '事项名称最多 300 个字';
  if (v.legalBasis === '') fields.legalBasis = '请填写设定依据';
  if (v.department.length > 100) fields.department = '实施主体最多 100 个字';
  if (!Number.isInteger(v.sort)) fields.sort = '排序应为整数';
  if (Object.keys(fields).length) throw new ValidationError('清单事项有误', fields);
  return v;
}

async function draftOf(repos: ServiceContext['repos'], agencyId: number): Promise<EduPowerVersion> {
  const d = await repos.education.powerList.draft(agencyId);
  if (!d) throw new DomainError('没有正在编辑的新版本，请先创建新版本');
  return d;
}

/** Adds (itemId null) or changes an item of the draft. */
export async function saveDraftItem(ctx: ServiceContext, actor: Actor, itemId: number | null, input: PowerItemInput): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const v = cleanItem(input);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.powerList;
    const draft = await draftOf(repos, user.agencyId);
    const items = await repo.items(draft.id);
    if (items.some((i) => i.code === v.code && i.id !== itemId)) throw new ValidationError('事项编码重复', { code: `编码“${v.code}”已被其他事项使用` });
    let id: number;
    if (itemId === null) {
      await repo.insertItems(draft.id, [v]);
      id = (await repo.items(draft.id)).find((i) => i.code === v.code)!.id;
    } else {
      const old = items.find((i) => i.id === itemId);
      if (!old) throw new NotFoundError('未找到该事项（只能修改新版本草稿中的事项）');
      await repo.updateItem(itemId, v);
      id = itemId;
    }
    await audit(repos, actor, { agencyId: user.agencyId, action: itemId === null ? 'power_list.item_added' : 'power_list.item_changed', subjectType: 'edu_power_version', subjectId: draft.id, summary: { code: v.code, name: v.name } }, now);
    return id;
  });
}

export async function deleteDraftItem(ctx: ServiceContext, actor: Actor, itemId: number): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const draft = await draftOf(repos, user.agencyId);
    const item = await repos.education.powerList.itemById(itemId);
    if (!item || item.version_id !== draft.id) throw new NotFoundError('未找到该事项（只能删除新版本草稿中的事项）');
    await repos.education.powerList.deleteItem(itemId);
    await audit(repos, actor, { agencyId: user.agencyId, action: 'power_list.item_removed', subjectType: 'edu_power_version', subjectId: draft.id, summary: { code: item.code, name: item.name } }, now);
  });
}

export async function draftItem(ctx: ServiceContext, actor: Actor, itemId: number): Promise<PowerItemView> {
  const user = requireStaffFor(actor, 'content.manage');
  const draft = await ctx.repos.education.powerList.draft(user.agencyId);
  const item = await ctx.repos.education.powerList.itemById(itemId);
  if (!draft || !item || item.version_id !== draft.id) throw new NotFoundError('未找到该事项（只能修改新版本草稿中的事项）');
  return itemView(item);
}

/** Publishes the draft as the current version; the reason and the date of the change are required. */
export async function publishPowerDraft(ctx: ServiceContext, actor: Actor, input: { reason: string; effectiveOn: string; documentRef: string }): Promise<number> {
  const user = requireStaffFor(actor, 'content.manage');
  const reason = input.reason.trim();
  const fields: Record<string, string> = {};
  if (reason === '') fields.reason = '请填写调整原因（如：依据某法规修订取消某事项）';
  if (!isIsoDate(input.effectiveOn)) fields.effectiveOn = '请填写调整日期（YYYY-MM-DD）';
  if (Object.keys(fields).length) throw new ValidationError('发布信息不完整', fields);
  const documentRef = cleanDocumentRef(input.documentRef);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    const repo = repos.education.powerList;
    const draft = await draftOf(repos, user.agencyId);
    const items = (await repo.items(draft.id)).map(itemView);
    if (items.length === 0) throw new DomainError('新版本中没有任何事项，不能发布');
    const current = await repo.latestPublished(user.agencyId);
    if (current && current.effective_on && input.effectiveOn < current.effective_on) {
      throw new ValidationError('调整日期有误', { effectiveOn: `调整日期不能早于现行第 ${current.version_no} 版的日期` });
    }
    const diff = current ? diffPowerLists((await repo.items(current.id)).map(itemView), items) : null;
    if (diff && isEmptyDiff(diff)) throw new DomainError('新版本与现行版本没有任何差别，无需发布');
    await repo.publishVersion(draft.id, { reason, effectiveOn: input.effectiveOn, documentRef }, now);
    await audit(repos, actor, {
      agencyId: user.agencyId, action: 'power_list.published', subjectType: 'edu_power_version', subjectId: draft.id,
      summary: { versionNo: draft.version_no, reason, effectiveOn: input.effectiveOn, changes: diff ? summarizeDiff(diff) : `首次发布 ${items.length} 项` },
    }, now);
    return draft.version_no;
  });
}

export async function discardPowerDraft(ctx: ServiceContext, actor: Actor): Promise<void> {
  const user = requireStaffFor(actor, 'content.manage');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const draft = await draftOf(repos, user.agencyId);
    await repos.education.powerList.deleteVersion(draft.id);
    await audit(repos, actor, { agencyId: user.agencyId, action: 'power_list.draft_discarded', subjectType: 'edu_power_version', subjectId: draft.id, summary: { versionNo: draft.version_no } }, now);
  });
}
