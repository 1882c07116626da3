// Read models of the registry for the staff console: lists, a document's page with the actions
// the user may take, and the Art. 26 publication monitor. View models whitelist fields (STYLE.md #9).
import type { DocumentListRow } from '../db/repositories/document.repository.ts';
import type { DocumentAttachment } from '../db/schema.ts';
import {
  ART20_CLASSES,
  DISCLOSURE_ATTRIBUTES,
  DOCUMENT_ACTION_LABELS,
  DOCUMENT_STATE_LABELS,
  NON_DISCLOSURE_GROUNDS,
  VALIDITY,
  availableActions,
  requiresReason,
  type DocumentAction,
  type DocumentState,
} from '../domain/document-workflow.ts';
import { publicationDeadline, type PublicationStatus } from '../domain/document-catalog.ts';
import type { Actor, StaffUser } from './actor.ts';
import type { ServiceContext } from './context.ts';
import { assertCanEdit, canChangeAttachments, canEdit, canMaintain, documentForStaff, readableAgencyIds, staffOf } from './document-access.ts';
import { documentUrl } from './document-search.ts';
import { todayOf } from './document.service.ts';
import { ForbiddenError } from './errors.ts';
import { taxonomyFor } from './taxonomy.service.ts';

export const CONSOLE_PAGE_SIZE = 20;

export const validityLabel = (code: string) => VALIDITY.find((v) => v.code === code)?.label ?? code;
export const disclosureLabel = (code: string) => DISCLOSURE_ATTRIBUTES.find((a) => a.code === code)?.label ?? code;
export const stateLabel = (code: string) => DOCUMENT_STATE_LABELS[code as DocumentState] ?? code;
export const groundLabel = (code: string | null) => (code ? NON_DISCLOSURE_GROUNDS.find((g) => g.code === code) : undefined);
export const art20Label = (code: string) => ART20_CLASSES.find((a) => a.code === code)?.label ?? code;

export interface DocumentSummaryView {
  id: number;
  title: string;
  indexNumber: string | null;
  docNumber: string;
  state: DocumentState;
  stateLabel: string;
  category: string;
  department: string | null;
  author: string | null;
  createdOn: string;
  publishedOn: string | null;
  scheduledOn: string | null;
  returnReason: string | null;
  /** Art. 26, for unpublished proactive documents. */
  deadline?: { dueOn: string; status: PublicationStatus; workingDaysLeft: number; provisional: boolean };
}

const UNPUBLISHED: readonly DocumentState[] = ['draft', 'registered', 'in_review', 'approved', 'returned'];

function summaryOf(row: DocumentListRow, deadline?: DocumentSummaryView['deadline']): DocumentSummaryView {
  return {
    id: row.id,
    title: row.title,
    indexNumber: row.index_number,
    docNumber: row.doc_number,
    state: row.state as DocumentState,
    stateLabel: stateLabel(row.state),
    category: row.category_name,
    department: row.department_name,
    author: row.author_name,
    createdOn: row.created_on,
    publishedOn: row.published_on,
    scheduledOn: row.scheduled_on,
    returnReason: row.return_reason,
    deadline,
  };
}

async function withDeadlines(ctx: ServiceContext, rows: DocumentListRow[]): Promise<DocumentSummaryView[]> {
  const cal = await ctx.calendar();
  const today = todayOf(ctx);
  return rows.map((r) => summaryOf(r, r.disclosure === 'proactive' && UNPUBLISHED.includes(r.state as DocumentState) ? publicationDeadline(cal, r.created_on, today) : undefined));
}

export type ConsoleListView = 'mine' | 'all' | 'review' | 'publish';

export interface ConsoleListQuery {
  view: ConsoleListView;
  state?: string;
  text?: string;
  page: number;
}

/** 我登记的 / 本机关全部 / 待审核 (never one's own) / 待发布. */
export async function listConsoleDocuments(ctx: ServiceContext, actor: Actor, q: ConsoleListQuery): Promise<{ total: number; items: DocumentSummaryView[]; pageSize: number }> {
  const user = staffOf(actor);
  const base = { agencyIds: [user.agencyId], text: q.text || undefined };
  let filter;
  switch (q.view) {
    case 'mine':
      filter = { ...base, authorId: user.id, states: q.state ? [q.state] : undefined };
      break;
    case 'all':
      filter = { ...base, agencyIds: await readableAgencyIds(ctx.repos, user), states: q.state ? [q.state] : undefined };
      break;
    case 'review':
      filter = { ...base, states: ['in_review'], notAuthorId: user.id };
      break;
    case 'publish':
      filter = { ...base, states: ['approved'] };
      break;
  }
  const order = q.view === 'review' || q.view === 'publish' ? 'created_asc' : 'updated_desc';
  const { total, items } = await ctx.repos.documents.list(filter, order, q.page, CONSOLE_PAGE_SIZE);
  return { total, items: await withDeadlines(ctx, items), pageSize: CONSOLE_PAGE_SIZE };
}

export interface DepartmentDeadlines {
  /** The agency's name when it is not the viewer's own (a supervisor sees the agencies below). */
  agency: string | null;
  /** Null: registered without a department (the page says 未指定部门). */
  department: string | null;
  overdue: DocumentSummaryView[];
  dueSoon: DocumentSummaryView[];
  onTime: number;
}

/**
 * Art. 26 monitor: unpublished proactive documents by drafting department, overdue and due soon
 * first. A supervisor sees every agency below theirs.
 */
export async function publicationMonitor(ctx: ServiceContext, actor: Actor): Promise<{ departments: DepartmentDeadlines[]; provisional: boolean }> {
  const user = staffOf(actor);
  const rows = await ctx.repos.documents.all({ agencyIds: await readableAgencyIds(ctx.repos, user), unpublishedProactive: true }, 'created_asc');
  const items = await withDeadlines(ctx, rows);
  const byDept = new Map<string, DepartmentDeadlines & { sortName: string }>();
  for (const [i, item] of items.entries()) {
    const row = rows[i];
    const agency = row.agency_id === user.agencyId ? null : row.agency_name;
    // Ordered by the heading the page prints, the missing department under its label.
    const sortName = `${agency === null ? '' : `${agency} · `}${item.department ?? '未指定部门'}`;
    const entry = byDept.get(sortName) ?? { agency, department: item.department, sortName, overdue: [], dueSoon: [], onTime: 0 };
    if (item.deadline?.status === 'overdue') entry.overdue.push(item);
    else if (item.deadline?.status === 'due_soon') entry.dueSoon.push(item);
    else entry.onTime++;
    byDept.set(sortName, entry);
  }
  const departments = [...byDept.values()]
    .sort((a, b) => b.overdue.length - a.overdue.length || b.dueSoon.length - a.dueSoon.length || a.sortName.localeCompare(b.sortName, 'zh'))
    .map(({ sortName: _, ...d }) => d);
  return { departments, provisional: items.some((i) => i.deadline?.provisional) };
}

export interface AttachmentView {
  id: number;
  filename: string;
  kind: string;
  size: number;
  sha256: string;
  hasText: boolean;
}

export function presentAttachment(a: DocumentAttachment): AttachmentView {
  return { id: a.id, filename: a.filename, kind: a.kind, size: a.size, sha256: a.sha256, hasText: a.text.trim() !== '' };
}

export interface ActionView {
  action: DocumentAction;
  label: string;
  needsReason: boolean;
  /** Publish may be scheduled for a later date. */
  allowsDate: boolean;
}

export interface HistoryEntry {
  at: string;
  actor: string;
  action: string;
  label: string;
  detail: string;
}

const EVENT_LABELS: Record<string, string> = {
  'document.drafted': '保存草稿',
  'document.registered': '登记',
  'document.submitted': '提交审核',
  'document.approved': '审核通过',
  'document.returned': '退回',
  'document.published': '发布',
  'document.scheduled': '设置定时发布',
  'document.archived': '归档',
  'document.withdrawn': '撤回',
  'document.updated': '修改',
  'document.validity_changed': '变更有效性',
  'document.interpretation_linked': '关联政策解读',
  'document.attachment_added': '上传附件',
  'document.attachment_removed': '删除附件',
  'document.imported': '导入',
  // The personal-data check (privacy.service.ts, masking.service.ts) writes to the document's log too.
  'privacy.scanned': '个人信息检查：结果有变化',
  'privacy.finding_justified': '个人信息检查：说明理由',
  'privacy.justification_withdrawn': '个人信息检查：撤回理由',
  'privacy.cleared': '个人信息检查：已通过',
  'privacy.masked_copy': '个人信息检查：生成遮盖副本',
};

function historyDetail(action: string, summary: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof summary.reason === 'string') parts.push(`理由：${summary.reason}`);
  if (typeof summary.comment === 'string') parts.push(`意见：${summary.comment}`);
  if (typeof summary.indexNumber === 'string' && (action === 'document.registered' || action === 'document.imported')) parts.push(`索引号：${summary.indexNumber}`);
  if (typeof summary.publishedOn === 'string') parts.push(`发布日期：${summary.publishedOn}`);
  if (typeof summary.scheduledOn === 'string') parts.push(`定时发布：${summary.scheduledOn}`);
  if (typeof summary.filename === 'string') parts.push(String(summary.filename));
  if (action === 'document.validity_changed') parts.push(`${validityLabel(String(summary.from))} → ${validityLabel(String(summary.to))}`);
  if (Array.isArray(summary.changed) && summary.changed.length) parts.push(`修改了 ${summary.changed.length} 项`);
  return parts.join('；');
}

export interface StaffDocumentPage {
  id: number;
  agencyCode: string;
  agencyName: string;
  title: string;
  indexNumber: string | null;
  docNumber: string;
  state: DocumentState;
  stateLabel: string;
  category: string;
  topics: string[];
  genre: string;
  keywords: string;
  summary: string;
  bodyHtml: string;
  disclosure: string;
  withheldGround: { label: string; article: string } | null;
  disclosureScope: string;
  disclosureChannel: string;
  validity: string;
  art20: string;
  inRulesColumn: boolean;
  department: string | null;
  author: string | null;
  createdOn: string;
  publishedOn: string | null;
  scheduledOn: string | null;
  withdrawnOn: string | null;
  returnReason: string | null;
  withdrawReason: string | null;
  source: string;
  deadline?: DocumentSummaryView['deadline'];
  replacedBy: { id: number; title: string } | null;
  interpretationOf: { id: number; title: string } | null;
  interpretations: { id: number; title: string }[];
  attachments: AttachmentView[];
  actions: ActionView[];
  canEdit: boolean;
  canMaintain: boolean;
  canChangeAttachments: boolean;
  publicUrl: string | null;
  history: HistoryEntry[];
}

/** A document as staff see it, with only the actions this user may take now. */
export async function staffDocumentPage(ctx: ServiceContext, actor: Actor, id: number): Promise<StaffDocumentPage> {
  const user = staffOf(actor);
  await documentForStaff(ctx.repos, user, id);
  const row = (await ctx.repos.documents.detail(id))!;
  const [topics, attachments, interpretations, events, replacedBy, interpretationOf] = await Promise.all([
    ctx.repos.documents.topicsOf([id]),
    ctx.repos.attachments.forDocument(id),
    ctx.repos.documents.interpretationsOf(id),
    ctx.repos.audit.forSubject('document', id),
    row.replaced_by_id ? ctx.repos.documents.byId(row.replaced_by_id) : undefined,
    row.interpretation_of_id ? ctx.repos.documents.byId(row.interpretation_of_id) : undefined,
  ]);
  const state = row.state as DocumentState;
  const ownAgency = row.agency_id === user.agencyId;
  const actions = ownAgency
    ? availableActions(user.roles, state, { isAuthor: row.author_id === user.id }).filter((a) => a !== 'publish' || row.disclosure === 'proactive')
    : [];
  const [summary] = await withDeadlines(ctx, [row]);
  const ground = groundLabel(row.withheld_ground);
  return {
    id: row.id,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    title: row.title,
    indexNumber: row.index_number,
    docNumber: row.doc_number,
    state,
    stateLabel: stateLabel(state),
    category: row.category_name,
    topics: (topics.get(id) ?? []).map((t) => t.name),
    genre: row.genre,
    keywords: row.keywords,
    summary: row.summary,
    bodyHtml: row.body_html,
    disclosure: disclosureLabel(row.disclosure),
    withheldGround: ground ? { label: ground.label, article: ground.article } : null,
    disclosureScope: row.disclosure_scope,
    disclosureChannel: row.disclosure_channel,
    validity: validityLabel(row.validity),
    art20: art20Label(row.art20_class),
    inRulesColumn: row.in_rules_column === 1,
    department: row.department_name,
    author: row.author_name,
    createdOn: row.created_on,
    publishedOn: row.published_on,
    scheduledOn: row.scheduled_on,
    withdrawnOn: row.withdrawn_on,
    returnReason: row.return_reason,
    withdrawReason: row.withdraw_reason,
    source: row.source,
    deadline: summary.deadline,
    replacedBy: replacedBy ? { id: replacedBy.id, title: replacedBy.title } : null,
    interpretationOf: interpretationOf ? { id: interpretationOf.id, title: interpretationOf.title } : null,
    interpretations: interpretations.map((d) => ({ id: d.id, title: d.title })),
    attachments: attachments.map(presentAttachment),
    actions: actions.map((a) => ({ action: a, label: DOCUMENT_ACTION_LABELS[a], needsReason: requiresReason(state, a), allowsDate: a === 'publish' })),
    canEdit: canEdit(user, row),
    canMaintain: canMaintain(user, row),
    canChangeAttachments: canChangeAttachments(user, row),
    publicUrl: state === 'published' || state === 'archived' || state === 'withdrawn' ? documentUrl(row.agency_code, row.id) : null,
    history: events.map((e) => {
      let s: Record<string, unknown> = {};
      try {
        s = JSON.parse(e.summary) as Record<string, unknown>;
      } catch {
        // A summary that is not JSON is shown without details.
      }
      return { at: e.at, actor: e.actor_label, action: e.action, label: EVENT_LABELS[e.action] ?? e.action, detail: historyDetail(e.action, s) };
    }),
  };
}

export interface DocumentFormOptions {
  categories: { id: number; name: string }[];
  topics: { id: number; name: string }[];
  departments: { id: number; name: string }[];
  /** The user may choose the department (the office); clerks register in their own. */
  chooseDepartment: boolean;
  /** Documents of the agency that can be linked (policy interpreted, replacing document). */
  linkable: { id: number; label: string }[];
}

/** What the registration form offers this user. */
export async function documentFormOptions(ctx: ServiceContext, actor: Actor): Promise<DocumentFormOptions> {
  const user = staffOf(actor);
  if (!user.roles.includes('clerk') && !user.roles.includes('office')) throw new ForbiddenError('只有科室经办人或公开办可以登记文件');
  const [tax, departments, linkable] = await Promise.all([
    taxonomyFor(ctx, [user.agencyId]),
    ctx.repos.agencies.departments(user.agencyId),
    ctx.repos.documents.list({ agencyIds: [user.agencyId], states: ['registered', 'in_review', 'approved', 'published', 'archived', 'returned'] }, 'updated_desc', 1, 300),
  ]);
  return {
    categories: tax.categories.map((c) => ({ id: c.id, name: c.name })),
    topics: tax.topics.map((t) => ({ id: t.id, name: t.name })),
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    chooseDepartment: user.roles.includes('office'),
    linkable: linkable.items.map((d) => ({ id: d.id, label: `${d.title}${d.doc_number ? `（${d.doc_number}）` : ''}` })),
  };
}

/** The stored values of a document as form input (for the edit form). */
export async function documentFormValues(ctx: ServiceContext, actor: Actor, id: number): Promise<{ values: Record<string, string | string[]>; title: string; state: DocumentState }> {
  const user: StaffUser = staffOf(actor);
  // The edit form is for those who may save it: the author or the office, before review.
  const doc = await documentForStaff(ctx.repos, user, id, { write: true });
  assertCanEdit(user, doc);
  const topics = await ctx.repos.documents.topicsOf([id]);
  return {
    title: doc.title,
    state: doc.state as DocumentState,
    values: {
      title: doc.title,
      docNumber: doc.doc_number,
      createdOn: doc.created_on,
      category: String(doc.category_id),
      genre: doc.genre,
      topics: (topics.get(id) ?? []).map((t) => String(t.id)),
      keywords: doc.keywords,
      summary: doc.summary,
      body: doc.body_html,
      disclosure: doc.disclosure,
      withheldGround: doc.withheld_ground ?? '',
      disclosureScope: doc.disclosure_scope,
      disclosureChannel: doc.disclosure_channel,
      validity: doc.validity,
      replacedById: doc.replaced_by_id ? String(doc.replaced_by_id) : '',
      art20Class: doc.art20_class,
      interpretationOfId: doc.interpretation_of_id ? String(doc.interpretation_of_id) : '',
      inRulesColumn: doc.in_rules_column ? '1' : '',
      scheduledOn: doc.scheduled_on ?? '',
      departmentId: doc.department_id ? String(doc.department_id) : '',
    },
  };
}
