import type { Repositories } from '../db/repositories/index.ts';
import type { TaxonomyKind } from '../db/repositories/taxonomy.repository.ts';
import type { DocumentCategory } from '../db/schema.ts';
import { DEFAULT_CATEGORIES, DEFAULT_TOPICS, TAXONOMY_CODE } from '../domain/document-catalog.ts';
import { actorLabel, type Actor } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { staffOf } from './document-access.ts';
import { DomainError, ForbiddenError, NotFoundError, ValidationError } from './errors.ts';

export interface Taxonomy {
  categories: DocumentCategory[];
  topics: DocumentCategory[];
}

const KIND_LABEL: Record<TaxonomyKind, string> = { category: '主题分类', topic: '专题' };

/**
 * An agency's categories and topics. An agency that has none yet (new, or created before this
 * feature) gets the seed lists, so a registration form is never without choices.
 */
export async function ensureTaxonomy(repos: Repositories, agencyId: number): Promise<void> {
  if ((await repos.taxonomy.count('category', agencyId)) === 0) {
    await repos.taxonomy.insertMissing('category', agencyId, DEFAULT_CATEGORIES.map((c, i) => ({ ...c, sort: i + 1 })));
  }
  if ((await repos.taxonomy.count('topic', agencyId)) === 0) {
    await repos.taxonomy.insertMissing('topic', agencyId, DEFAULT_TOPICS.map((c, i) => ({ ...c, sort: i + 1 })));
  }
}

export async function taxonomyFor(ctx: ServiceContext, agencyIds: number[]): Promise<Taxonomy> {
  for (const id of agencyIds) await ensureTaxonomy(ctx.repos, id);
  const [categories, topics] = await Promise.all([ctx.repos.taxonomy.list('category', agencyIds), ctx.repos.taxonomy.list('topic', agencyIds)]);
  return { categories, topics };
}

function requireTaxonomyEditor(actor: Actor) {
  const user = staffOf(actor);
  if (!user.roles.includes('office') && !user.roles.includes('admin')) throw new ForbiddenError('只有公开办或系统管理员可以维护主题分类和专题');
  return user;
}

/** Adds a category or topic to the acting user's agency. */
export async function addTaxonomyEntry(ctx: ServiceContext, actor: Actor, kind: TaxonomyKind, input: { code: string; name: string }): Promise<DocumentCategory> {
  const user = requireTaxonomyEditor(actor);
  const code = input.code.trim().toLowerCase();
  const name = input.name.trim();
  const fields: Record<string, string> = {};
  if (!TAXONOMY_CODE.test(code)) fields.code = '代码只能包含小写字母、数字、下划线和连字符，最长 32 个字符';
  if (name === '' || name.length > 100) fields.name = '名称不能为空，最长 100 个字符';
  if (Object.keys(fields).length) throw new ValidationError(`${KIND_LABEL[kind]}填写有误`, fields);
  return ctx.transaction(async (repos) => {
    await ensureTaxonomy(repos, user.agencyId);
    const existing = await repos.taxonomy.list(kind as 'category', [user.agencyId]);
    if (existing.some((e) => e.code === code)) throw new ValidationError(`${KIND_LABEL[kind]}代码已存在`, { code: '该代码已被使用' });
    if (existing.some((e) => e.name === name)) throw new ValidationError(`${KIND_LABEL[kind]}名称已存在`, { name: '该名称已被使用' });
    const row = await repos.taxonomy.insert(kind, { agencyId: user.agencyId, code, name, sort: existing.reduce((m, e) => Math.max(m, e.sort), 0) + 1 });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: `taxonomy.${kind}.added`,
      subjectType: `document_${kind}`, subjectId: row.id, summary: { code, name }, ip: actor.kind === 'staff' ? actor.ip : undefined,
    }, ctx.now());
    return row;
  });
}

/** Renames an entry; its code (in URLs and index numbers) stays. */
export async function renameTaxonomyEntry(ctx: ServiceContext, actor: Actor, kind: TaxonomyKind, id: number, name: string): Promise<void> {
  const user = requireTaxonomyEditor(actor);
  const clean = name.trim();
  if (clean === '' || clean.length > 100) throw new ValidationError('名称不能为空，最长 100 个字符', { name: '名称不能为空，最长 100 个字符' });
  await ctx.transaction(async (repos) => {
    const row = await repos.taxonomy.byId(kind, id);
    if (!row || row.agency_id !== user.agencyId) throw new NotFoundError(`未找到该${KIND_LABEL[kind]}`);
    if (row.name === clean) return;
    const existing = await repos.taxonomy.list(kind as 'category', [user.agencyId]);
    if (existing.some((e) => e.name === clean && e.id !== id)) throw new ValidationError(`${KIND_LABEL[kind]}名称已存在`, { name: '该名称已被使用' });
    await repos.taxonomy.update(kind, id, { name: clean });
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: `taxonomy.${kind}.renamed`,
      subjectType: `document_${kind}`, subjectId: id, summary: { from: row.name, to: clean }, ip: actor.kind === 'staff' ? actor.ip : undefined,
    }, ctx.now());
  });
}

/** Removes an unused entry; one that documents use can only be renamed. */
export async function deleteTaxonomyEntry(ctx: ServiceContext, actor: Actor, kind: TaxonomyKind, id: number): Promise<void> {
  const user = requireTaxonomyEditor(actor);
  await ctx.transaction(async (repos) => {
    const row = await repos.taxonomy.byId(kind, id);
    if (!row || row.agency_id !== user.agencyId) throw new NotFoundError(`未找到该${KIND_LABEL[kind]}`);
    const used = await repos.taxonomy.usage(kind, id);
    if (used > 0) throw new DomainError(`该${KIND_LABEL[kind]}已有 ${used} 份文件使用，不能删除，只能改名`);
    await repos.taxonomy.delete(kind, id);
    await repos.audit.append({
      actorId: user.id, actorLabel: actorLabel(actor), agencyId: user.agencyId, action: `taxonomy.${kind}.deleted`,
      subjectType: `document_${kind}`, subjectId: id, summary: { code: row.code, name: row.name }, ip: actor.kind === 'staff' ? actor.ip : undefined,
    }, ctx.now());
  });
}
