// Browsing the audit log (staff with `admin`): their own agency's events; system administrators see
// every agency's and the platform's own (agency-less) events.
import type { ServiceContext } from './context.ts';
import type { AuditEvent } from '../db/schema.ts';
import type { AuditFilter } from '../db/repositories/audit.repository.ts';
import type { Actor } from './actor.ts';
import { ForbiddenError, ValidationError } from './errors.ts';
import { addDays, isIsoDate } from '../domain/dates.ts';
import { isPlatformAdmin } from './account.service.ts';

export const AUDIT_PAGE_SIZE = 50;

export function canBrowseAudit(actor: Actor): boolean {
  return isPlatformAdmin(actor) || (actor.kind === 'staff' && actor.user.roles.includes('admin'));
}

export interface AuditQuery {
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** The username of the staff member who acted. */
  actor?: string;
  /** 'YYYY-MM-DD' in China Standard Time, both inclusive. */
  from?: string;
  to?: string;
  /** System administrators only: one agency's events, by code. */
  agency?: string;
  page?: number;
}

export interface AuditChange {
  field: string;
  before: string | null;
  after: string | null;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorLabel: string;
  agencyCode: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  ip: string;
  /** Fields with a before/after value. */
  changes: AuditChange[];
  /** Other summary fields. */
  details: { key: string; value: string }[];
}

export interface AuditPage {
  items: AuditEntryView[];
  total: number;
  page: number;
  pageSize: number;
  /** Actions present in the log the actor can see, for the filter. */
  actions: string[];
  /** Agencies to filter by: only for system administrators. */
  agencies: { code: string; name: string }[] | null;
}

const MAX_SHOWN = 300;

function show(v: unknown): string | null {
  if (v === undefined) return null;
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return [...s].length > MAX_SHOWN ? [...s].slice(0, MAX_SHOWN).join('') + '…' : s;
}

/** Splits a stored summary into before/after pairs and the remaining details. */
export function presentSummary(summary: string): { changes: AuditChange[]; details: { key: string; value: string }[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(summary);
  } catch {
    return { changes: [], details: [{ key: 'summary', value: show(summary) ?? '' }] };
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { changes: [], details: [{ key: 'summary', value: show(parsed) ?? '' }] };
  const { before, after, ...rest } = parsed as Record<string, unknown>;
  const obj = (x: unknown): Record<string, unknown> => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {});
  const b = obj(before);
  const a = obj(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return {
    changes: fields.map((field) => ({ field, before: show(b[field]), after: show(a[field]) })),
    details: Object.entries(rest).map(([key, value]) => ({ key, value: show(value) ?? '' })),
  };
}

/** A China Standard Time calendar date's first instant, as the UTC ISO string the log stores. */
function cstStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

export async function browseAudit(ctx: ServiceContext, actor: Actor, q: AuditQuery): Promise<AuditPage> {
  if (!canBrowseAudit(actor)) throw new ForbiddenError('只有管理员可以查看审计日志');
  const platform = isPlatformAdmin(actor);
  const fields: Record<string, string> = {};
  if (q.from && !isIsoDate(q.from)) fields.from = '开始日期应为 YYYY-MM-DD 格式的有效日期';
  if (q.to && !isIsoDate(q.to)) fields.to = '结束日期应为 YYYY-MM-DD 格式的有效日期';
  if (q.from && q.to && !fields.from && !fields.to && q.from > q.to) fields.to = '结束日期不能早于开始日期';
  if (Object.keys(fields).length) throw new ValidationError(Object.values(fields).join('；'), fields);

  const filter: AuditFilter = {};
  const agencies = await ctx.repos.agencies.all();
  if (!platform) {
    filter.agencyId = (actor as Extract<Actor, { kind: 'staff' }>).user.agencyId;
  } else if (q.agency) {
    // An unknown code matches nothing rather than everything.
    filter.agencyId = agencies.find((a) => a.code === q.agency)?.id ?? -1;
  }
  if (q.action) filter.action = q.action.trim();
  if (q.subjectType) filter.subjectType = q.subjectType.trim();
  if (q.subjectId) filter.subjectId = q.subjectId.trim();
  if (q.actor) filter.actorId = (await ctx.repos.users.byUsername(q.actor.trim()))?.id ?? -1;
  if (q.from) filter.from = cstStart(q.from);
  if (q.to) filter.to = cstStart(addDays(q.to, 1));

  const page = Math.max(1, Math.floor(q.page ?? 1));
  const { total, items } = await ctx.repos.audit.list(filter, page, AUDIT_PAGE_SIZE);
  const codes = new Map(agencies.map((a) => [a.id, a.code]));
  return {
    items: items.map((e: AuditEvent) => ({
      id: e.id, at: e.at, actorLabel: e.actor_label, agencyCode: e.agency_id !== null ? codes.get(e.agency_id) ?? null : null,
      action: e.action, subjectType: e.subject_type, subjectId: e.subject_id, ip: e.ip, ...presentSummary(e.summary),
    })),
    total,
    page,
    pageSize: AUDIT_PAGE_SIZE,
    actions: await ctx.repos.accounts.auditActions(filter.agencyId),
    agencies: platform ? agencies.map((a) => ({ code: a.code, name: a.name })) : null,
  };
}
