import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database, PrivacyFindingRow, PrivacyFindingTable, PrivacyWithheldFileRow, SuggestionRow } from '../schema.ts';

export interface PrivacyScanRow {
  document_id: number;
  agency_id: number;
  content_hash: string;
  finding_count: number;
  scanned_at: string;
}

export type NewPrivacyFinding = Omit<PrivacyFindingRow, 'id'>;

/** An open finding of a public document, with what the sweep page shows about the document. */
export interface OpenFindingRow extends PrivacyFindingRow {
  title: string;
  state: string;
  index_number: string | null;
  published_on: string | null;
  agency_code: string;
  agency_name: string;
}

/** Personal-data findings per document and the scan that produced them. */
export class PrivacyFindingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  scanOf(documentId: number): Promise<PrivacyScanRow | undefined> {
    return this.db.selectFrom('privacy_scans').selectAll().where('document_id', '=', documentId).executeTakeFirst();
  }

  async saveScan(row: PrivacyScanRow): Promise<void> {
    await this.db.insertInto('privacy_scans').values(row)
      .onConflict((oc) => oc.column('document_id').doUpdateSet({ content_hash: row.content_hash, finding_count: row.finding_count, scanned_at: row.scanned_at, agency_id: row.agency_id }))
      .execute();
  }

  /** Current findings (open or justified) of a document, in document order; with `withResolved` also the resolved ones. */
  forDocument(documentId: number, opts: { withResolved?: boolean } = {}): Promise<PrivacyFindingRow[]> {
    let q = this.db.selectFrom('privacy_findings').selectAll().where('document_id', '=', documentId);
    if (!opts.withResolved) q = q.where('status', '!=', 'resolved');
    return q.orderBy('sort').orderBy('id').execute();
  }

  /** Every finding ever recorded for a document, resolved ones included (to match fingerprints on rescan). */
  allForDocument(documentId: number): Promise<PrivacyFindingRow[]> {
    return this.db.selectFrom('privacy_findings').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
  }

  byId(id: number): Promise<PrivacyFindingRow | undefined> {
    return this.db.selectFrom('privacy_findings').selectAll().where('id', '=', id).executeTakeFirst();
  }

  insert(row: NewPrivacyFinding): Promise<PrivacyFindingRow> {
    return this.db.insertInto('privacy_findings').values(row).returningAll().executeTakeFirstOrThrow();
  }

  async update(id: number, changes: Updateable<PrivacyFindingTable>): Promise<void> {
    await this.db.updateTable('privacy_findings').set(changes).where('id', '=', id).execute();
  }

  /**
   * Open findings (status 'open') of documents of these agencies in these states, with the
   * document's title and agency: what the sweep lists.
   */
  openFindings(agencyIds: readonly number[], states: readonly string[]): Promise<OpenFindingRow[]> {
    if (agencyIds.length === 0 || states.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('privacy_findings as f')
      .innerJoin('documents as d', 'd.id', 'f.document_id')
      .innerJoin('agencies as a', 'a.id', 'd.agency_id')
      .selectAll('f')
      .select(['d.title', 'd.state', 'd.index_number', 'd.published_on', 'a.code as agency_code', 'a.name as agency_name'])
      .where('f.agency_id', 'in', [...agencyIds])
      .where('f.status', '=', 'open')
      .where('d.state', 'in', [...states])
      .orderBy('a.id').orderBy('d.published_on', 'desc').orderBy('d.id').orderBy('f.sort')
      .execute();
  }

  async countOpen(agencyIds: readonly number[], states: readonly string[]): Promise<number> {
    if (agencyIds.length === 0 || states.length === 0) return 0;
    const { n } = await this.db.selectFrom('privacy_findings as f').innerJoin('documents as d', 'd.id', 'f.document_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('f.agency_id', 'in', [...agencyIds]).where('f.status', '=', 'open').where('d.state', 'in', [...states])
      .executeTakeFirstOrThrow();
    return Number(n);
  }
}

export type NewWithheldFile = Omit<PrivacyWithheldFileRow, 'id'>;

/** Originals taken off a document when their masked copy replaced them; kept for staff only. */
export class PrivacyWithheldFileRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(row: NewWithheldFile): Promise<PrivacyWithheldFileRow> {
    return this.db.insertInto('privacy_withheld_files').values(row).returningAll().executeTakeFirstOrThrow();
  }

  forDocument(documentId: number): Promise<PrivacyWithheldFileRow[]> {
    return this.db.selectFrom('privacy_withheld_files').selectAll().where('document_id', '=', documentId).orderBy('id').execute();
  }

  byId(id: number): Promise<PrivacyWithheldFileRow | undefined> {
    return this.db.selectFrom('privacy_withheld_files').selectAll().where('id', '=', id).executeTakeFirst();
  }
}

export interface NewSuggestion {
  token: string;
  agencyId: number;
  form: string;
  shownOn: string;
  shownAt: string;
  entries: string[];
}

export interface SuggestionMonthRow {
  month: string;
  shown: number;
  opened: number;
  followed: number;
  /** Opened a suggestion and did not submit the application or question. */
  deflected: number;
}

/** Suggestions shown on the application and question forms, and what followed them. */
export class SuggestionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  insert(s: NewSuggestion): Promise<SuggestionRow> {
    return this.db.insertInto('suggestions').values({
      token: s.token, agency_id: s.agencyId, form: s.form, shown_on: s.shownOn, shown_at: s.shownAt, entries: JSON.stringify(s.entries),
    }).returningAll().executeTakeFirstOrThrow();
  }

  byToken(token: string): Promise<SuggestionRow | undefined> {
    return this.db.selectFrom('suggestions').selectAll().where('token', '=', token).executeTakeFirst();
  }

  /** The same form showed other suggestions as the person kept typing. */
  async reshown(id: number, entries: string[]): Promise<void> {
    await this.db.updateTable('suggestions').set((eb) => ({ entries: JSON.stringify(entries), shown_count: eb('shown_count', '+', 1) })).where('id', '=', id).execute();
  }

  /** Records an opening; the first one keeps its time and entry. */
  async opened(id: number, entry: string, at: string): Promise<void> {
    await this.db.updateTable('suggestions')
      .set((eb) => ({
        opened_at: eb.fn.coalesce('opened_at', sql.lit(at)),
        opened_entry: eb.fn.coalesce('opened_entry', sql.lit(entry)),
        opened_count: eb('opened_count', '+', 1),
      }))
      .where('id', '=', id).execute();
  }

  /** The application or question the form went on to submit; only the first one counts. */
  async followed(id: number, kind: string, refId: number | null, at: string): Promise<boolean> {
    const r = await this.db.updateTable('suggestions').set({ followed_kind: kind, followed_id: refId, followed_at: at })
      .where('id', '=', id).where('followed_at', 'is', null).executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /**
   * The public address of an entry of the search index (read only; the index holds nothing that is
   * not public), so an opened suggestion redirects only to published content.
   */
  async entryUrl(kind: string, refId: number): Promise<{ url: string; agencyId: number } | undefined> {
    const row = await this.db.selectFrom('search_entries').select(['url', 'agency_id']).where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
    return row ? { url: row.url, agencyId: row.agency_id } : undefined;
  }

  /** Per month ('YYYY-MM') of the shown date, between two dates inclusive. */
  async monthly(agencyIds: readonly number[], from: string, to: string, form?: string): Promise<SuggestionMonthRow[]> {
    if (agencyIds.length === 0) return [];
    const month = sql<string>`substr(shown_on, 1, 7)`;
    let q = this.db.selectFrom('suggestions')
      .select([
        month.as('month'),
        (eb) => eb.fn.countAll<number>().as('shown'),
        (eb) => eb.fn.count<number>('opened_at').as('opened'),
        (eb) => eb.fn.count<number>('followed_at').as('followed'),
        sql<number>`sum(case when opened_at is not null and followed_at is null then 1 else 0 end)`.as('deflected'),
      ])
      .where('agency_id', 'in', [...agencyIds]).where('shown_on', '>=', from).where('shown_on', '<=', to);
    if (form) q = q.where('form', '=', form);
    const rows = await q.groupBy(month).orderBy(month).execute();
    return rows.map((r) => ({ month: r.month, shown: Number(r.shown), opened: Number(r.opened), followed: Number(r.followed), deflected: Number(r.deflected ?? 0) }));
  }
}

export function privacyRepositories(db: Kysely<Database>) {
  return {
    findings: new PrivacyFindingRepository(db),
    withheld: new PrivacyWithheldFileRepository(db),
    suggestions: new SuggestionRepository(db),
  };
}
