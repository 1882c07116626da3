import type { Kysely } from 'kysely';
import { isPostgres } from './helpers.ts';

// Relevance order ranks a search's candidates by how many of the query's terms their titles hold
// (search-index.repository.ts). It reads each candidate's title as index tokens, kept here when an
// entry is written. Rows written before this migration have '' and are tokenised when ranked.
// SQLite: the added column sits after the body in each row, and reaching it would walk the body's
// overflow pages (an attachment's text runs to hundreds of kilobytes); a covering index on
// (id, title_tokens) answers the lookup from the index alone. PostgreSQL keeps long bodies out of
// line (TOAST), so the row is read without them.
// Frozen: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('search_entries').addColumn('title_tokens', 'text', (c) => c.notNull().defaultTo('')).execute();
  if (!isPostgres(db)) await db.schema.createIndex('search_entries_title_tokens').on('search_entries').columns(['id', 'title_tokens']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await db.schema.dropIndex('search_entries_title_tokens').execute();
  await db.schema.alterTable('search_entries').dropColumn('title_tokens').execute();
}
