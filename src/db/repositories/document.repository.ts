import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../connection.ts';
import type { Database, DocumentRow, DocumentRowUpdate, NewDocumentRow } from '../schema.ts';

/** A document with the names a list or page shows beside it. */
export interface DocumentListRow extends DocumentRow {
  category_code: string;
  category_name: string;
  department_name: string | null;
  agency_code: string;
  agency_name: string;
  author_name: string | null;
}

export interface DocumentFilter {
  /** Agencies whose documents are listed (one agency, or a parent and its subtree). */
  agencyIds: number[];
  states?: readonly string[];
  authorId?: number;
  /** Exclude documents registered by this user (a reviewer's queue). */
  notAuthorId?: number;
  departmentId?: number;
  categoryId?: number;
  /** Category by code, across agencies (a parent portal's filter). */
  categoryCode?: string;
  topicId?: number;
  topicCode?: string;
  genre?: string;
  /** Year of the publication date. */
  publishedYear?: number;
  validity?: string;
  disclosure?: string;
  inRulesColumn?: boolean;
  /** Only proactive documents not yet published (Art. 26 monitoring). */
  unpublishedProactive?: boolean;
  /** Substring of the title, document number or index number (console lists). */
  text?: string;
}

export type DocumentOrder = 'published_desc' | 'updated_desc' | 'created_asc' | 'index_asc';

/** Documents, their topics and the index-number counters. The only place that writes them. */
export class DocumentRepository {
  constructor(private readonly db: Kysely<Database>, private readonly dialect: Dialect) {}

  /**
   * The next serial number for an agency and year, taken inside the caller's transaction: the
   * counter row stays locked until it commits (PostgreSQL row lock; SQLite serialises writers),
   * and a rollback returns the number, so serials are consecutive without gaps.
   */
  async allocateSerial(agencyId: number, year: number): Promise<number> {
    const row = await this.db.insertInto('document_index_counters')
      .values({ agency_id: agencyId, year, last_serial: 1 })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last_serial: sql<number>`document_index_counters.last_serial + 1` }))
      .returning('last_serial')
      .executeTakeFirstOrThrow();
    return Number(row.last_serial);
  }

  /** After importing an existing catalog: later registrations continue after its highest serial. */
  async raiseSerial(agencyId: number, year: number, serial: number): Promise<void> {
    const greatest = this.dialect === 'postgres' ? sql<number>`greatest(document_index_counters.last_serial, excluded.last_serial)` : sql<number>`max(document_index_counters.last_serial, excluded.last_serial)`;
    await this.db.insertInto('document_index_counters')
      .values({ agency_id: agencyId, year, last_serial: serial })
      .onConflict((oc) => oc.columns(['agency_id', 'year']).doUpdateSet({ last_serial: greatest }))
      .execute();
  }

  async lastSerial(agencyId: number, year: number): Promise<number> {
    const row = await this.db.selectFrom('document_index_counters').select('last_serial').where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
    return row ? Number(row.last_serial) : 0;
  }

  insert(row: NewDocumentRow): Promise<DocumentRow> {
    return this.db.insertInto('documents').values(row).returningAll().executeTakeFirstOrThrow();
  }

  /**
   * Many rows at once (catalog import), in chunks. Every row must carry an index number: the
   * result is matched back by it (RETURNING order is not guaranteed on SQLite).
   */
  async insertMany(rows: NewDocumentRow[]): Promise<Map<string, DocumentRow>> {
    const out = new Map<string, DocumentRow>();
    for (let i = 0; i < rows.length; i += 100) {
      const inserted = await this.db.insertInto('documents').values(rows.slice(i, i + 100)).returningAll().execute();
      for (const r of inserted) out.set(r.index_number!, r);
    }
    return out;
  }

  /** Topic links of new documents, in bulk. */
  async addTopicLinks(links: { document_id: number; topic_id: number }[]): Promise<void> {
    for (let i = 0; i < links.length; i += 500) await this.db.insertInto('document_topic_links').values(links.slice(i, i + 500)).execute();
  }

  async update(id: number, changes: DocumentRowUpdate): Promise<void> {
    await this.db.updateTable('documents').set(changes).where('id', '=', id).execute();
  }

  byId(id: number): Promise<DocumentRow | undefined> {
    return this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The same row as byId, locked against concurrent transitions until the transaction ends (PostgreSQL). */
  byIdForUpdate(id: number): Promise<DocumentRow | undefined> {
    const q = this.db.selectFrom('documents').selectAll().where('id', '=', id);
    return (this.dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
  }

  async detail(id: number): Promise<DocumentListRow | undefined> {
    return this.joined().where('documents.id', '=', id).executeTakeFirst();
  }

  /** By index number among some agencies (index numbers are unique per agency). */
  byIndexNumber(indexNumber: string, agencyIds?: number[]): Promise<DocumentListRow | undefined> {
    let q = this.joined().where('documents.index_number', '=', indexNumber);
    if (agencyIds) q = q.where('documents.agency_id', 'in', agencyIds.length ? agencyIds : [-1]);
    return q.orderBy('documents.id').limit(1).executeTakeFirst();
  }

  async indexNumberTaken(agencyId: number, indexNumbers: string[]): Promise<string[]> {
    if (indexNumbers.length === 0) return [];
    const taken: string[] = [];
    for (let i = 0; i < indexNumbers.length; i += 500) {
      const rows = await this.db.selectFrom('documents').select('index_number').where('agency_id', '=', agencyId)
        .where('index_number', 'in', indexNumbers.slice(i, i + 500)).execute();
      for (const r of rows) if (r.index_number) taken.push(r.index_number);
    }
    return taken;
  }

  private joined() {
    return this.db.selectFrom('documents')
      .innerJoin('document_categories', 'document_categories.id', 'documents.category_id')
      .innerJoin('agencies', 'agencies.id', 'documents.agency_id')
      .leftJoin('departments', 'departments.id', 'documents.department_id')
      .leftJoin('users', 'users.id', 'documents.author_id')
      .selectAll('documents')
      .select([
        'document_categories.code as category_code',
        'document_categories.name as category_name',
        'departments.name as department_name',
        'agencies.code as agency_code',
        'agencies.name as agency_name',
        'users.display_name as author_name',
      ]);
  }

  /** The filter as one condition on `documents` (used by the count and the joined list alike). */
  private conditions(eb: ExpressionBuilder<Database, 'documents'>, f: DocumentFilter): Expression<SqlBool> {
    const c: Expression<SqlBool>[] = [eb('documents.agency_id', 'in', f.agencyIds.length ? f.agencyIds : [-1])];
    if (f.states) c.push(eb('documents.state', 'in', f.states.length ? [...f.states] : ['-']));
    if (f.authorId !== undefined) c.push(eb('documents.author_id', '=', f.authorId));
    if (f.notAuthorId !== undefined) c.push(eb.or([eb('documents.author_id', 'is', null), eb('documents.author_id', '!=', f.notAuthorId)]));
    if (f.departmentId !== undefined) c.push(eb('documents.department_id', '=', f.departmentId));
    if (f.categoryId !== undefined) c.push(eb('documents.category_id', '=', f.categoryId));
    if (f.categoryCode !== undefined) {
      c.push(eb('documents.category_id', 'in', eb.selectFrom('document_categories').select('document_categories.id').where('document_categories.code', '=', f.categoryCode)));
    }
    if (f.topicId !== undefined) {
      c.push(eb('documents.id', 'in', eb.selectFrom('document_topic_links').select('document_topic_links.document_id').where('document_topic_links.topic_id', '=', f.topicId)));
    }
    if (f.topicCode !== undefined) {
      c.push(eb('documents.id', 'in', eb.selectFrom('document_topic_links')
        .innerJoin('document_topics', 'document_topics.id', 'document_topic_links.topic_id')
        .select('document_topic_links.document_id').where('document_topics.code', '=', f.topicCode)));
    }
    if (f.genre !== undefined) c.push(eb('documents.genre', '=', f.genre));
    if (f.publishedYear !== undefined) {
      c.push(eb('documents.published_on', '>=', `${f.publishedYear}-01-01`), eb('documents.published_on', '<=', `${f.publishedYear}-12-31`));
    }
    if (f.validity !== undefined) c.push(eb('documents.validity', '=', f.validity));
    if (f.disclosure !== undefined) c.push(eb('documents.disclosure', '=', f.disclosure));
    if (f.inRulesColumn !== undefined) c.push(eb('documents.in_rules_column', '=', f.inRulesColumn ? 1 : 0));
    if (f.unpublishedProactive) {
      c.push(eb('documents.disclosure', '=', 'proactive'), eb('documents.state', 'in', ['draft', 'registered', 'in_review', 'approved', 'returned']));
    }
    if (f.text) {
      const like = `%${f.text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      const pattern = sql<string>`${like} escape '\\'`;
      c.push(eb.or([
        eb('documents.title', 'like', pattern),
        eb('documents.doc_number', 'like', pattern),
        eb('documents.index_number', 'like', pattern),
      ]));
    }
    return eb.and(c);
  }

  async list(f: DocumentFilter, order: DocumentOrder, page: number, pageSize: number): Promise<{ total: number; items: DocumentListRow[] }> {
    const { total } = await this.db.selectFrom('documents').where((eb) => this.conditions(eb, f))
      .select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    let q = this.joined().where((eb) => this.conditions(eb as unknown as ExpressionBuilder<Database, 'documents'>, f));
    switch (order) {
      case 'published_desc':
        q = q.orderBy('documents.published_on', 'desc').orderBy('documents.id', 'desc');
        break;
      case 'updated_desc':
        q = q.orderBy('documents.updated_at', 'desc').orderBy('documents.id', 'desc');
        break;
      case 'created_asc':
        q = q.orderBy('documents.created_on', 'asc').orderBy('documents.id', 'asc');
        break;
      case 'index_asc':
        q = q.orderBy('documents.index_year', 'asc').orderBy('documents.index_serial', 'asc').orderBy('documents.id', 'asc');
        break;
    }
    const items = await q.limit(pageSize).offset((page - 1) * pageSize).execute();
    return { total: Number(total), items };
  }

  /** Every matching row (for the Art. 26 monitor and exports; callers keep the filter narrow). */
  async all(f: DocumentFilter, order: DocumentOrder = 'created_asc'): Promise<DocumentListRow[]> {
    return (await this.list(f, order, 1, 100_000)).items;
  }

  /** Distinct publication years among matching documents, newest first (the catalog's year filter). */
  async publishedYears(f: DocumentFilter): Promise<number[]> {
    const rows = await this.db.selectFrom('documents').where((eb) => this.conditions(eb, f))
      .select(sql<string>`substr(documents.published_on, 1, 4)`.as('y'))
      .where('documents.published_on', 'is not', null)
      .distinct().execute();
    return rows.map((r) => Number(r.y)).filter((y) => Number.isInteger(y)).sort((a, b) => b - a);
  }

  /** Interpretations (政策解读) of a policy document. */
  interpretationsOf(policyId: number, states?: readonly string[]): Promise<DocumentListRow[]> {
    let q = this.joined().where('documents.interpretation_of_id', '=', policyId);
    if (states) q = q.where('documents.state', 'in', [...states]);
    return q.orderBy('documents.id').execute();
  }

  /** Documents marked as replaced by this one (有效性: 已修订/废止 pointing here). */
  replacing(id: number, states?: readonly string[]): Promise<DocumentListRow[]> {
    let q = this.joined().where('documents.replaced_by_id', '=', id);
    if (states) q = q.where('documents.state', 'in', [...states]);
    return q.orderBy('documents.id').execute();
  }

  async setTopics(documentId: number, topicIds: number[]): Promise<void> {
    await this.db.deleteFrom('document_topic_links').where('document_id', '=', documentId).execute();
    const unique = [...new Set(topicIds)];
    if (unique.length) await this.db.insertInto('document_topic_links').values(unique.map((topic_id) => ({ document_id: documentId, topic_id }))).execute();
  }

  /** Topics of many documents at once: document id → topics. */
  async topicsOf(documentIds: number[]): Promise<Map<number, { id: number; code: string; name: string }[]>> {
    const out = new Map<number, { id: number; code: string; name: string }[]>();
    if (documentIds.length === 0) return out;
    for (let i = 0; i < documentIds.length; i += 500) {
      const rows = await this.db.selectFrom('document_topic_links')
        .innerJoin('document_topics', 'document_topics.id', 'document_topic_links.topic_id')
        .select(['document_topic_links.document_id', 'document_topics.id', 'document_topics.code', 'document_topics.name', 'document_topics.sort'])
        .where('document_topic_links.document_id', 'in', documentIds.slice(i, i + 500))
        .orderBy('document_topics.sort').orderBy('document_topics.id').execute();
      for (const r of rows) {
        const list = out.get(r.document_id) ?? [];
        list.push({ id: r.id, code: r.code, name: r.name });
        out.set(r.document_id, list);
      }
    }
    return out;
  }

  /** Public documents for the sitemap: id, agency code and last change, newest first. */
  async sitemapEntries(states: readonly string[], limit: number): Promise<{ id: number; agency_code: string; published_on: string | null; updated_at: string }[]> {
    return this.db.selectFrom('documents').innerJoin('agencies', 'agencies.id', 'documents.agency_id')
      .select(['documents.id', 'agencies.code as agency_code', 'documents.published_on', 'documents.updated_at'])
      .where('documents.state', 'in', [...states])
      .orderBy('documents.published_on', 'desc').orderBy('documents.id', 'desc').limit(limit).execute();
  }
}
