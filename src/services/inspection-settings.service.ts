// Settings of the site inspection (issue 9): the columns an agency's site is judged by (which
// categories, topics and genres feed each, how often each must be updated), the text rules
// (the agency's own and the platform's), and whether external links are checked (a closed network
// switches it off). Every change: guard → change + audit event in one transaction.
import type { Repositories } from '../db/repositories/index.ts';
import type { InspectionColumnRow, TextRuleRow } from '../db/schema.ts';
import { DEFAULT_CATEGORIES, DEFAULT_TOPICS, GENRES } from '../domain/document-catalog.ts';
import {
  COLUMN_KIND_LABELS, defaultColumns, describePeriod, isColumnKind, isPeriodUnit, type ColumnKind, type ColumnSpec, type PeriodUnit,
} from '../domain/inspection.ts';
import { TEXT_RULE_KIND_LABELS, TEXT_RULE_SEVERITY_LABELS, ruleKey, validateTextRule, type TextRule, type TextRuleKind, type TextRuleSeverity } from '../domain/text-rules.ts';
import { actorLabel, actorUserId, type Actor, type StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { ForbiddenError, NotFoundError, ValidationError } from './errors.ts';
import { assertOwnAgency, requireStaffFor } from './inspection-access.ts';

export const EXTERNAL_LINKS_SETTING = 'inspection.external_links';
export const MAX_COLUMNS = 60;
const MAX_PERIOD: Readonly<Record<PeriodUnit, number>> = { day: 366, week: 52, month: 24 };

export interface ColumnConfig extends ColumnSpec {
  /** null while the agency uses the defaults (nothing stored yet). */
  id: number | null;
}

export interface TaxonomyChoices {
  categories: { code: string; name: string }[];
  topics: { code: string; name: string }[];
}

/** The agency's categories and topics (the seed lists while it has none yet). */
export async function taxonomyChoices(repos: Repositories, agencyId: number): Promise<TaxonomyChoices> {
  const [categories, topics] = await Promise.all([repos.taxonomy.list('category', [agencyId]), repos.taxonomy.list('topic', [agencyId])]);
  return {
    categories: categories.length ? categories.map((c) => ({ code: c.code, name: c.name })) : DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    topics: topics.length ? topics.map((c) => ({ code: c.code, name: c.name })) : DEFAULT_TOPICS.map((c) => ({ ...c })),
  };
}

const split = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);

function fromRow(r: InspectionColumnRow): ColumnConfig {
  return {
    id: r.id, name: r.name, kind: r.kind as ColumnKind, periodValue: r.period_value, periodUnit: r.period_unit as PeriodUnit,
    categories: split(r.categories), topics: split(r.topics), genres: split(r.genres),
  };
}

/** The columns an agency is inspected by: its own settings, or the defaults mapped onto its taxonomy. */
export async function columnsOf(repos: Repositories, agencyId: number): Promise<{ columns: ColumnConfig[]; isDefault: boolean }> {
  const rows = await repos.inspection.columns.list(agencyId);
  if (rows.length > 0) return { columns: rows.map(fromRow), isDefault: false };
  return { columns: defaultColumns(await taxonomyChoices(repos, agencyId)).map((c) => ({ ...c, id: null })), isDefault: true };
}

/** '通知公告类，6个月内须更新；主题分类：政策文件；体裁：通知、公告' */
export function describeColumn(c: ColumnSpec, taxonomy: TaxonomyChoices): string {
  const name = (list: { code: string; name: string }[], code: string) => list.find((x) => x.code === code)?.name ?? code;
  const parts = [`${COLUMN_KIND_LABELS[c.kind]}，${describePeriod(c.periodValue, c.periodUnit)}内须更新`];
  if (c.categories.length) parts.push(`主题分类：${c.categories.map((x) => name(taxonomy.categories, x)).join('、')}`);
  if (c.topics.length) parts.push(`专题：${c.topics.map((x) => name(taxonomy.topics, x)).join('、')}`);
  if (c.genres.length) parts.push(`体裁：${c.genres.join('、')}`);
  return parts.join('；');
}

export interface ColumnInput {
  name: string;
  kind: string;
  periodValue: string;
  periodUnit: string;
  categories: string[];
  topics: string[];
  genres: string[];
}

async function audit(repos: Repositories, actor: Actor, agencyId: number | null, action: string, subjectType: string, subjectId: string | number, summary: Record<string, unknown>, now: Date): Promise<void> {
  await repos.audit.append({ actorId: actorUserId(actor), actorLabel: actorLabel(actor), agencyId, action, subjectType, subjectId, summary, ip: actor.ip ?? '' }, now);
}

function cleanColumn(input: ColumnInput, taxonomy: TaxonomyChoices, others: ColumnConfig[]): ColumnSpec {
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  if (name === '') fields.name = '请填写栏目名称';
  else if ([...name].length > 20) fields.name = '栏目名称最长 20 个字';
  else if (others.some((o) => o.name === name)) fields.name = '已有同名栏目';
  if (!isColumnKind(input.kind)) fields.kind = '请选择栏目类型';
  const unit = input.periodUnit;
  const value = /^\d{1,4}$/.test(input.periodValue.trim()) ? Number(input.periodValue.trim()) : Number.NaN;
  if (!isPeriodUnit(unit)) fields.periodUnit = '请选择更新周期的单位';
  else if (!(value >= 1 && value <= MAX_PERIOD[unit])) fields.periodValue = `更新周期应为 1 至 ${MAX_PERIOD[unit]} 之间的整数`;
  const unknownCategory = input.categories.find((c) => !taxonomy.categories.some((x) => x.code === c));
  const unknownTopic = input.topics.find((c) => !taxonomy.topics.some((x) => x.code === c));
  const unknownGenre = input.genres.find((g) => !(GENRES as readonly string[]).includes(g));
  if (unknownCategory) fields.categories = `主题分类“${unknownCategory}”不存在`;
  if (unknownTopic) fields.topics = `专题“${unknownTopic}”不存在`;
  if (unknownGenre) fields.genres = `体裁“${unknownGenre}”不存在`;
  if (input.categories.length + input.topics.length + input.genres.length === 0) fields.categories = '请至少选择一个主题分类、专题或体裁，栏目才有内容可查';
  if (Object.keys(fields).length) throw new ValidationError('栏目设置有误，请修改后重试', fields);
  return {
    name, kind: input.kind as ColumnKind, periodValue: value, periodUnit: unit as PeriodUnit,
    categories: [...new Set(input.categories)], topics: [...new Set(input.topics)], genres: [...new Set(input.genres)],
  };
}

function toRow(agencyId: number, c: ColumnSpec, sort: number, now: Date) {
  const at = now.toISOString();
  return {
    agency_id: agencyId, name: c.name, kind: c.kind, period_value: c.periodValue, period_unit: c.periodUnit,
    categories: c.categories.join(','), topics: c.topics.join(','), genres: c.genres.join(','), sort, created_at: at, updated_at: at,
  };
}

/** The defaults become the agency's stored settings before the first change to them. */
async function materialise(repos: Repositories, agencyId: number, now: Date): Promise<ColumnConfig[]> {
  const { columns, isDefault } = await columnsOf(repos, agencyId);
  if (!isDefault) return columns;
  const out: ColumnConfig[] = [];
  for (const [i, c] of columns.entries()) out.push(fromRow(await repos.inspection.columns.insert(toRow(agencyId, c, i + 1, now))));
  return out;
}

/** A column of the user's own agency. */
async function ownColumn(repos: Repositories, user: StaffUser, id: number): Promise<InspectionColumnRow> {
  const row = await repos.inspection.columns.byId(id);
  if (!row) throw new NotFoundError('未找到该栏目');
  assertOwnAgency(user, row.agency_id);
  return row;
}

export async function addColumn(ctx: ServiceContext, actor: Actor, input: ColumnInput): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const taxonomy = await taxonomyChoices(repos, user.agencyId);
    const existing = await materialise(repos, user.agencyId, now);
    if (existing.length >= MAX_COLUMNS) throw new ValidationError(`最多设置 ${MAX_COLUMNS} 个栏目`, { name: `最多设置 ${MAX_COLUMNS} 个栏目` });
    const spec = cleanColumn(input, taxonomy, existing);
    const row = await repos.inspection.columns.insert(toRow(user.agencyId, spec, existing.length + 1, now));
    await audit(repos, actor, user.agencyId, 'inspection.column.added', 'inspection_column', row.id, { ...spec }, now);
  });
}

export async function updateColumn(ctx: ServiceContext, actor: Actor, id: number, input: ColumnInput): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const row = await ownColumn(repos, user, id);
    const taxonomy = await taxonomyChoices(repos, row.agency_id);
    const others = (await repos.inspection.columns.list(row.agency_id)).filter((r) => r.id !== id).map(fromRow);
    const spec = cleanColumn(input, taxonomy, others);
    const t = toRow(row.agency_id, spec, row.sort, now);
    await repos.inspection.columns.update(id, { ...t, created_at: row.created_at });
    await audit(repos, actor, row.agency_id, 'inspection.column.changed', 'inspection_column', id, { before: fromRow(row), after: spec }, now);
  });
}

export async function deleteColumn(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const row = await ownColumn(repos, user, id);
    await repos.inspection.columns.delete(id);
    await audit(repos, actor, row.agency_id, 'inspection.column.removed', 'inspection_column', id, { name: row.name }, now);
  });
}

/** Stores the defaults as the agency's settings (so they can be edited one by one). */
export async function adoptDefaultColumns(ctx: ServiceContext, actor: Actor): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = (await repos.inspection.columns.list(user.agencyId)).length;
    const columns = await materialise(repos, user.agencyId, now);
    if (before === 0) await audit(repos, actor, user.agencyId, 'inspection.column.defaults_adopted', 'agency', user.agencyId, { columns: columns.map((c) => c.name) }, now);
  });
}

// ---- text rules ----------------------------------------------------------------------------------

export type RuleScope = 'agency' | 'platform';

export interface TextRuleView {
  id: number;
  scope: RuleScope;
  kind: TextRuleKind;
  kindLabel: string;
  pattern: string;
  replacement: string;
  severity: TextRuleSeverity;
  severityLabel: string;
  note: string;
}

export function toTextRule(r: TextRuleRow): TextRule {
  return { id: r.id, kind: r.kind as TextRuleKind, pattern: r.pattern, replacement: r.replacement, severity: r.severity as TextRuleSeverity, agencyId: r.agency_id, note: r.note };
}

function ruleView(r: TextRuleRow): TextRuleView {
  return {
    id: r.id, scope: r.agency_id === null ? 'platform' : 'agency', kind: r.kind as TextRuleKind, kindLabel: TEXT_RULE_KIND_LABELS[r.kind as TextRuleKind] ?? r.kind,
    pattern: r.pattern, replacement: r.replacement, severity: r.severity as TextRuleSeverity, severityLabel: TEXT_RULE_SEVERITY_LABELS[r.severity as TextRuleSeverity] ?? r.severity, note: r.note,
  };
}

export async function textRulesOf(repos: Repositories, agencyId: number): Promise<{ agency: TextRuleView[]; platform: TextRuleView[] }> {
  const [agency, platform] = await Promise.all([repos.inspection.textRules.list(agencyId), repos.inspection.textRules.list(null)]);
  return { agency: agency.map(ruleView), platform: platform.map(ruleView) };
}

export interface TextRuleFormInput {
  scope: string;
  kind: string;
  pattern: string;
  replacement: string;
  severity: string;
  note: string;
}

/** Adds a rule for the user's agency, or (system administrators) for the whole platform. */
export async function addTextRule(ctx: ServiceContext, actor: Actor, input: TextRuleFormInput): Promise<TextRuleView> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const scope: RuleScope = input.scope === 'platform' ? 'platform' : 'agency';
  if (scope === 'platform' && !user.isSysadmin) throw new ForbiddenError('只有平台管理员可以设置全平台适用的规则');
  const fields = validateTextRule(input);
  const note = input.note.trim();
  if ([...note].length > 100) fields.note = '说明最长 100 个字';
  if (Object.keys(fields).length) throw new ValidationError('规则填写有误，请修改后重试', fields);
  const agencyId = scope === 'platform' ? null : user.agencyId;
  const normalized = ruleKey(input.pattern);
  const now = ctx.now();
  return ctx.transaction(async (repos) => {
    if (await repos.inspection.textRules.exists(agencyId, input.kind, normalized)) {
      throw new ValidationError('已有相同的规则', { pattern: '已有相同的规则（繁简、全角半角视为相同）' });
    }
    const row = await repos.inspection.textRules.insert({
      agency_id: agencyId, kind: input.kind, pattern: input.pattern.trim(), normalized, replacement: input.replacement.trim(), severity: input.severity,
      note, created_by: user.id, created_at: now.toISOString(),
    });
    await audit(repos, actor, agencyId, 'inspection.text_rule.added', 'text_rule', row.id, { scope, kind: row.kind, pattern: row.pattern, replacement: row.replacement, severity: row.severity }, now);
    return ruleView(row);
  });
}

export async function deleteTextRule(ctx: ServiceContext, actor: Actor, id: number): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const row = await repos.inspection.textRules.byId(id);
    if (!row) throw new NotFoundError('未找到该规则');
    if (row.agency_id === null ? !user.isSysadmin : (!user.isSysadmin && row.agency_id !== user.agencyId)) throw new NotFoundError('未找到该规则');
    await repos.inspection.textRules.delete(id);
    await audit(repos, actor, row.agency_id, 'inspection.text_rule.removed', 'text_rule', id, { kind: row.kind, pattern: row.pattern }, now);
  });
}

// ---- external links ------------------------------------------------------------------------------

/** Whether the daily inspection checks external links (on unless switched off for a closed network). */
export async function externalLinksEnabled(repos: Repositories): Promise<boolean> {
  return (await repos.settings.get(EXTERNAL_LINKS_SETTING)) !== '0';
}

export async function setExternalLinks(ctx: ServiceContext, actor: Actor, on: boolean): Promise<void> {
  const user = requireStaffFor(actor, 'inspection.configure');
  if (!user.isSysadmin) throw new ForbiddenError('只有平台管理员可以开关外部链接检查');
  const now = ctx.now();
  await ctx.transaction(async (repos) => {
    const before = await externalLinksEnabled(repos);
    await repos.settings.set(EXTERNAL_LINKS_SETTING, on ? '1' : '0');
    await audit(repos, actor, null, 'inspection.external_links_set', 'platform', 'inspection', { before, after: on }, now);
  });
}
