import type { Kysely } from 'kysely';
import type { Database, DocumentCategory, DocumentTopic } from '../schema.ts';

export type TaxonomyKind = 'category' | 'topic';

const TABLE = { category: 'document_categories', topic: 'document_topics' } as const;

/** Per-agency subject categories (主题分类) and topics (专题). */
export class TaxonomyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  list(kind: 'category', agencyIds: number[]): Promise<DocumentCategory[]>;
  list(kind: 'topic', agencyIds: number[]): Promise<DocumentTopic[]>;
  list(kind: TaxonomyKind, agencyIds: number[]): Promise<DocumentCategory[] | DocumentTopic[]> {
    return this.db.selectFrom(TABLE[kind]).selectAll()
      .where('agency_id', 'in', agencyIds.length ? agencyIds : [-1])
      .orderBy('agency_id').orderBy('sort').orderBy('id').execute();
  }

  byId(kind: TaxonomyKind, id: number): Promise<DocumentCategory | undefined> {
    return this.db.selectFrom(TABLE[kind]).selectAll().where('id', '=', id).executeTakeFirst();
  }

  async count(kind: TaxonomyKind, agencyId: number): Promise<number> {
    const { n } = await this.db.selectFrom(TABLE[kind]).select((eb) => eb.fn.countAll<number>().as('n')).where('agency_id', '=', agencyId).executeTakeFirstOrThrow();
    return Number(n);
  }

  insert(kind: TaxonomyKind, row: { agencyId: number; code: string; name: string; sort: number }): Promise<DocumentCategory> {
    return this.db.insertInto(TABLE[kind]).values({ agency_id: row.agencyId, code: row.code, name: row.name, sort: row.sort }).returningAll().executeTakeFirstOrThrow();
  }

  /** Inserts the entries an agency does not have yet (by code); safe to run twice or concurrently. */
  async insertMissing(kind: TaxonomyKind, agencyId: number, rows: readonly { code: string; name: string; sort: number }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insertInto(TABLE[kind])
      .values(rows.map((r) => ({ agency_id: agencyId, code: r.code, name: r.name, sort: r.sort })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async update(kind: TaxonomyKind, id: number, changes: { name?: string; sort?: number }): Promise<void> {
    await this.db.updateTable(TABLE[kind]).set(changes).where('id', '=', id).execute();
  }

  /** How many documents use a category or topic (a used entry is renamed, never deleted). */
  async usage(kind: TaxonomyKind, id: number): Promise<number> {
    const row = kind === 'category'
      ? await this.db.selectFrom('documents').where('category_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
      : await this.db.selectFrom('document_topic_links').where('topic_id', '=', id).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async delete(kind: TaxonomyKind, id: number): Promise<void> {
    await this.db.deleteFrom(TABLE[kind]).where('id', '=', id).execute();
  }
}
