// The public catalog (法定主动公开内容): what the public, feeds, the sitemap and the API read.
// Only public documents (published, archived) ever leave this module; a withdrawn one is answered
// with a notice that it was withdrawn and nothing of its content.
import type { DocumentFilter, DocumentListRow } from '../db/repositories/document.repository.ts';
import type { Agency } from '../db/schema.ts';
import { GENRES } from '../domain/document-catalog.ts';
import { PUBLIC_DOCUMENT_STATES, VALIDITY, type DocumentState } from '../domain/document-workflow.ts';
import { searchDocuments, type SearchOrder } from '../search/search.service.ts';
import type { ServiceContext } from './context.ts';
import { art20Label, presentAttachment, validityLabel, type AttachmentView } from './document-query.service.ts';
import { documentUrl } from './document-search.ts';
import { NotFoundError } from './errors.ts';
import { taxonomyFor } from './taxonomy.service.ts';

export const CATALOG_PAGE_SIZE = 20;

export interface CatalogFilters {
  /** Category code. */
  category?: string;
  /** Topic code. */
  topic?: string;
  genre?: string;
  /** Publication year. */
  year?: number;
  /** Drafting department id. */
  department?: number;
  /** Agency code, within the portal's agency and those below it. */
  agency?: string;
  validity?: string;
  q?: string;
  order?: SearchOrder;
  /** The 政府信息公开制度 column: documents marked for it. */
  rules?: boolean;
  page: number;
  pageSize?: number;
}

export interface Segment {
  text: string;
  match: boolean;
}

export interface CatalogItem {
  id: number;
  url: string;
  title: string;
  /** Title with the query's words marked, when searching. */
  titleSegments?: Segment[];
  snippet?: Segment[];
  indexNumber: string;
  docNumber: string;
  agencyCode: string;
  agencyName: string;
  category: string;
  categoryCode: string;
  genre: string;
  createdOn: string;
  publishedOn: string;
  validity: string;
  validityLabel: string;
}

export interface FacetOption {
  value: string;
  label: string;
}

export interface CatalogFacets {
  categories: FacetOption[];
  topics: FacetOption[];
  genres: FacetOption[];
  years: FacetOption[];
  departments: FacetOption[];
  /** Only on a parent agency's portal: itself and the agencies below it. */
  agencies: FacetOption[];
  validities: FacetOption[];
}

export interface CatalogPage {
  total: number;
  /** A search matched more than it counts (the index's count cap): `total` is a lower bound. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
  items: CatalogItem[];
  facets: CatalogFacets;
  /** The filters as applied (unknown values dropped). */
  applied: CatalogFilters;
  /** Filters the full-text search cannot combine with a query (shown as not applied). */
  ignored: string[];
}

function itemOf(row: DocumentListRow): CatalogItem {
  return {
    id: row.id,
    url: documentUrl(row.agency_code, row.id),
    title: row.title,
    indexNumber: row.index_number ?? '',
    docNumber: row.doc_number,
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    category: row.category_name,
    categoryCode: row.category_code,
    genre: row.genre,
    createdOn: row.created_on,
    publishedOn: row.published_on ?? '',
    validity: row.validity,
    validityLabel: validityLabel(row.validity),
  };
}

/** The agencies a portal shows: itself and, for a parent (the city platform), every agency below it. */
export async function portalAgencies(ctx: ServiceContext, agency: Agency): Promise<Agency[]> {
  const ids = await ctx.repos.agencies.subtreeIds(agency.id);
  const all = await ctx.repos.agencies.all();
  return ids.map((id) => all.find((a) => a.id === id)!).filter(Boolean);
}

async function facetsFor(ctx: ServiceContext, agencies: Agency[], base: DocumentFilter): Promise<CatalogFacets> {
  const ids = agencies.map((a) => a.id);
  const [tax, years, departments] = await Promise.all([
    taxonomyFor(ctx, ids),
    ctx.repos.documents.publishedYears(base),
    Promise.all(agencies.map((a) => ctx.repos.agencies.departments(a.id))),
  ]);
  // A parent portal merges its agencies' lists by code: one "政策文件" entry, not one per agency.
  const byCode = (rows: { code: string; name: string }[]) => {
    const seen = new Map<string, string>();
    for (const r of rows) if (!seen.has(r.code)) seen.set(r.code, r.name);
    return [...seen].map(([value, label]) => ({ value, label }));
  };
  const multi = agencies.length > 1;
  return {
    categories: byCode(tax.categories),
    topics: byCode(tax.topics),
    genres: GENRES.map((g) => ({ value: g, label: g })),
    years: years.map((y) => ({ value: String(y), label: String(y) })),
    departments: departments.flatMap((list, i) => list.map((d) => ({ value: String(d.id), label: multi ? `${agencies[i].short_name ?? agencies[i].name} · ${d.name}` : d.name }))),
    agencies: multi ? agencies.map((a) => ({ value: a.code, label: a.name })) : [],
    validities: VALIDITY.map((v) => ({ value: v.code, label: v.label })),
  };
}

/** One page of an agency's public catalog, browsed by filters or searched with `q`. */
export async function browseCatalog(ctx: ServiceContext, agency: Agency, f: CatalogFilters): Promise<CatalogPage> {
  const agencies = await portalAgencies(ctx, agency);
  const pageSize = Math.min(100, Math.max(1, f.pageSize ?? CATALOG_PAGE_SIZE));
  const page = Math.max(1, f.page);
  const scope = f.agency ? agencies.filter((a) => a.code === f.agency) : agencies;
  const applied: CatalogFilters = { ...f, agency: f.agency && scope.length ? f.agency : undefined, page, pageSize };
  const agencyIds = (scope.length ? scope : agencies).map((a) => a.id);
  const base: DocumentFilter = { agencyIds, states: PUBLIC_DOCUMENT_STATES, ...(f.rules ? { inRulesColumn: true } : {}) };
  const facets = await facetsFor(ctx, agencies, base);
  if (applied.category && !facets.categories.some((c) => c.value === applied.category)) applied.category = undefined;
  if (applied.topic && !facets.topics.some((c) => c.value === applied.topic)) applied.topic = undefined;
  if (applied.genre && !facets.genres.some((c) => c.value === applied.genre)) applied.genre = undefined;
  if (applied.validity && !facets.validities.some((c) => c.value === applied.validity)) applied.validity = undefined;
  if (applied.department && !facets.departments.some((c) => c.value === String(applied.department))) applied.department = undefined;

  const q = (f.q ?? '').trim();
  if (q) {
    const ignored = [applied.genre ? '体裁' : '', applied.department ? '部门' : '', applied.rules ? '栏目' : ''].filter(Boolean);
    const found = await searchDocuments(ctx, {
      q, agencyIds, kinds: ['document'], category: applied.category, topic: applied.topic, year: applied.year, validity: applied.validity,
      order: f.order ?? 'relevance', page, pageSize,
    });
    const rows = await Promise.all(found.items.map((i) => ctx.repos.documents.detail(i.refId)));
    const items: CatalogItem[] = [];
    for (const [k, hit] of found.items.entries()) {
      const row = rows[k];
      // The index only ever holds public documents; checking again costs nothing and keeps that true.
      if (!row || !PUBLIC_DOCUMENT_STATES.includes(row.state as DocumentState)) continue;
      items.push({ ...itemOf(row), titleSegments: hit.titleSegments, snippet: hit.snippet });
    }
    return { total: found.total, totalCapped: found.totalCapped, page, pageSize, items, facets, applied: { ...applied, q }, ignored };
  }
  const filter: DocumentFilter = {
    ...base,
    categoryCode: applied.category,
    topicCode: applied.topic,
    genre: applied.genre,
    publishedYear: applied.year,
    departmentId: applied.department,
    validity: applied.validity,
  };
  const { total, items } = await ctx.repos.documents.list(filter, 'published_desc', page, pageSize);
  return { total, page, pageSize, items: items.map(itemOf), facets, applied, ignored: [] };
}

/** The latest public documents of a portal (home page lists, feeds). */
export async function latestPublished(ctx: ServiceContext, agency: Agency, limit: number, opts: { rules?: boolean; category?: string } = {}): Promise<CatalogItem[]> {
  const agencies = await portalAgencies(ctx, agency);
  const { items } = await ctx.repos.documents.list({
    agencyIds: agencies.map((a) => a.id), states: PUBLIC_DOCUMENT_STATES, ...(opts.rules ? { inRulesColumn: true } : {}), ...(opts.category ? { categoryCode: opts.category } : {}),
  }, 'published_desc', 1, limit);
  return items.map(itemOf);
}

export interface LinkedDocument {
  title: string;
  url: string;
  indexNumber: string;
}

export interface PublicDocumentView {
  kind: 'public';
  id: number;
  url: string;
  agencyCode: string;
  agencyName: string;
  title: string;
  indexNumber: string;
  docNumber: string;
  category: string;
  categoryCode: string;
  topics: { code: string; name: string }[];
  genre: string;
  keywords: string;
  summary: string;
  /** Sanitised when stored (web/sanitize.ts); rendered as HTML. */
  bodyHtml: string;
  bodyText: string;
  department: string | null;
  createdOn: string;
  publishedOn: string;
  updatedAt: string;
  validity: string;
  validityLabel: string;
  art20: string | null;
  disclosureScope: string;
  disclosureChannel: string;
  attachments: (AttachmentView & { url: string })[];
  interpretationOf: LinkedDocument | null;
  interpretations: LinkedDocument[];
  replacedBy: LinkedDocument | null;
  replaces: LinkedDocument[];
}

export interface WithdrawnDocumentView {
  kind: 'withdrawn';
  id: number;
  agencyCode: string;
  agencyName: string;
  title: string;
  indexNumber: string;
  withdrawnOn: string | null;
}

function linked(row: DocumentListRow): LinkedDocument {
  return { title: row.title, url: documentUrl(row.agency_code, row.id), indexNumber: row.index_number ?? '' };
}

export function attachmentUrl(agencyCode: string, documentId: number, a: { id: number; filename: string }): string {
  return `${documentUrl(agencyCode, documentId)}/files/${a.id}/${encodeURIComponent(a.filename)}`;
}

/**
 * A document's public page. Not public → not found (its existence stays private); withdrawn →
 * the notice that it was withdrawn, under the index number it keeps. `agencyCode` must be the
 * issuing agency's (the URL is canonical).
 */
export async function publicDocument(ctx: ServiceContext, agencyCode: string, id: number): Promise<PublicDocumentView | WithdrawnDocumentView> {
  const row = await ctx.repos.documents.detail(id);
  if (!row || row.agency_code !== agencyCode) throw new NotFoundError('未找到该信息');
  return presentPublic(ctx, row);
}

/** The same page, found by index number (the API); among `agencyIds` when given. */
export async function publicDocumentByIndexNumber(ctx: ServiceContext, indexNumber: string, agencyIds?: number[]): Promise<PublicDocumentView | WithdrawnDocumentView> {
  const row = await ctx.repos.documents.byIndexNumber(indexNumber, agencyIds);
  if (!row) throw new NotFoundError('未找到该索引号的信息');
  return presentPublic(ctx, row);
}

async function presentPublic(ctx: ServiceContext, row: DocumentListRow): Promise<PublicDocumentView | WithdrawnDocumentView> {
  const state = row.state as DocumentState;
  if (state === 'withdrawn') {
    return { kind: 'withdrawn', id: row.id, agencyCode: row.agency_code, agencyName: row.agency_name, title: row.title, indexNumber: row.index_number ?? '', withdrawnOn: row.withdrawn_on };
  }
  if (!PUBLIC_DOCUMENT_STATES.includes(state)) throw new NotFoundError('未找到该信息');
  const publicOnly = PUBLIC_DOCUMENT_STATES;
  const [topics, attachments, interpretations, replaces, replacedBy, interpretationOf] = await Promise.all([
    ctx.repos.documents.topicsOf([row.id]),
    ctx.repos.attachments.forDocument(row.id),
    ctx.repos.documents.interpretationsOf(row.id, publicOnly),
    ctx.repos.documents.replacing(row.id, publicOnly),
    row.replaced_by_id ? ctx.repos.documents.detail(row.replaced_by_id) : undefined,
    row.interpretation_of_id ? ctx.repos.documents.detail(row.interpretation_of_id) : undefined,
  ]);
  const isPublic = (d: DocumentListRow | undefined) => d !== undefined && publicOnly.includes(d.state as DocumentState);
  return {
    kind: 'public',
    id: row.id,
    url: documentUrl(row.agency_code, row.id),
    agencyCode: row.agency_code,
    agencyName: row.agency_name,
    title: row.title,
    indexNumber: row.index_number ?? '',
    docNumber: row.doc_number,
    category: row.category_name,
    categoryCode: row.category_code,
    topics: (topics.get(row.id) ?? []).map((t) => ({ code: t.code, name: t.name })),
    genre: row.genre,
    keywords: row.keywords,
    summary: row.summary,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    department: row.department_name,
    createdOn: row.created_on,
    publishedOn: row.published_on ?? '',
    updatedAt: row.updated_at,
    validity: row.validity,
    validityLabel: validityLabel(row.validity),
    art20: row.art20_class === 'none' ? null : art20Label(row.art20_class),
    disclosureScope: row.disclosure_scope,
    disclosureChannel: row.disclosure_channel,
    attachments: attachments.map((a) => ({ ...presentAttachment(a), url: attachmentUrl(row.agency_code, row.id, a) })),
    interpretationOf: isPublic(interpretationOf) ? linked(interpretationOf!) : null,
    interpretations: interpretations.map(linked),
    replacedBy: isPublic(replacedBy) ? linked(replacedBy!) : null,
    replaces: replaces.map(linked),
  };
}

/** Every public document for the sitemap (newest first; the protocol allows 50,000 URLs a file). */
export async function sitemapDocuments(ctx: ServiceContext, limit = 50_000): Promise<{ url: string; lastmod: string }[]> {
  const rows = await ctx.repos.documents.sitemapEntries(PUBLIC_DOCUMENT_STATES, limit);
  return rows.map((r) => ({ url: documentUrl(r.agency_code, r.id), lastmod: r.updated_at.slice(0, 10) }));
}

// ---- the JSON API (GET /api/v1/documents) ------------------------------------------------------

export interface ApiDocumentQuery {
  q?: string;
  /** A category's name or code. */
  category?: string;
  /** A topic's name or code. */
  topic?: string;
  year?: number;
  /** An agency's code: its own documents only. */
  agency?: string;
  validity?: string;
  page: number;
  pageSize: number;
}

export interface ApiDocumentItem {
  indexNumber: string;
  title: string;
  docNumber: string;
  agency: string;
  category: string;
  publishedOn: string;
  validity: string;
  url: string;
}

/** Public documents of every agency (or one), newest first or by relevance to `q`. */
export async function apiListDocuments(ctx: ServiceContext, query: ApiDocumentQuery): Promise<{ total: number; totalCapped?: boolean; items: ApiDocumentItem[] }> {
  const agencies = await ctx.repos.agencies.all();
  const scope = query.agency ? agencies.filter((a) => a.code === query.agency) : agencies;
  if (scope.length === 0) return { total: 0, items: [] };
  const agencyIds = scope.map((a) => a.id);
  const tax = await taxonomyFor(ctx, agencyIds);
  const resolve = (rows: { code: string; name: string }[], value: string | undefined): string | null | undefined => {
    if (!value) return undefined;
    const hit = rows.find((r) => r.code === value || r.name === value);
    return hit ? hit.code : null;
  };
  const category = resolve(tax.categories, query.category);
  const topic = resolve(tax.topics, query.topic);
  if (category === null || topic === null) return { total: 0, items: [] };
  const base = ctx.config.publicBaseUrl.replace(/\/+$/, '');
  const present = (row: DocumentListRow): ApiDocumentItem => ({
    indexNumber: row.index_number ?? '', title: row.title, docNumber: row.doc_number, agency: row.agency_code, category: row.category_name,
    publishedOn: row.published_on ?? '', validity: row.validity, url: base + documentUrl(row.agency_code, row.id),
  });
  const q = (query.q ?? '').trim();
  if (q) {
    const found = await searchDocuments(ctx, {
      q, agencyIds, kinds: ['document'], category, topic, year: query.year, validity: query.validity, order: 'relevance', page: query.page, pageSize: query.pageSize,
    });
    const rows = await Promise.all(found.items.map((i) => ctx.repos.documents.detail(i.refId)));
    return { total: found.total, totalCapped: found.totalCapped, items: rows.filter((r): r is DocumentListRow => r !== undefined && PUBLIC_DOCUMENT_STATES.includes(r.state as DocumentState)).map(present) };
  }
  const { total, items } = await ctx.repos.documents.list({
    agencyIds, states: PUBLIC_DOCUMENT_STATES, categoryCode: category, topicCode: topic, publishedYear: query.year, validity: query.validity,
  }, 'published_desc', query.page, query.pageSize);
  return { total, items: items.map(present) };
}

/** The latest public documents as links (the portal home page's lists). */
export async function latestLinks(ctx: ServiceContext, agency: Agency, limit: number, opts: { rules?: boolean } = {}): Promise<{ title: string; href: string; date: string }[]> {
  return (await latestPublished(ctx, agency, limit, opts)).map((i) => ({ title: i.title, href: i.url, date: i.publishedOn }));
}
