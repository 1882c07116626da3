import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from './helpers.ts';

// Full-text search over published content (documents now; questions, reports later). One plain
// table holds what a result shows and its facets; the token index beside it differs per dialect:
//   SQLite: a contentless FTS5 table search_fts(title, body, facets). Its rowid encodes the
//     publication date and the entry id (see search-index.repository.ts), so date order is the
//     index's own rowid order. The 'ascii' tokenizer splits on ASCII spaces and punctuation only, so
//     each CJK bigram stays one token; ':' is a token character so that facet tokens ('a:12') stay
//     whole. prefix='1' keeps single-character queries (a prefix of every bigram) one lookup
//     instead of a merge of every bigram that starts with the character (28 ms → 2 ms at 100k).
//     detail stays 'full': on a contentless table bm25() needs it (with detail=column it is 0).
//   PostgreSQL: a tsvector column (title weight A, body D, facet lexemes) with a GIN index.
export async function up(db: Kysely<any>): Promise<void> {
  let entries = withId(db, db.schema.createTable('search_entries'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('ref_id', 'integer', (c) => c.notNull())
    // The repository's agency filter relies on every entry's agency being in `agencies`.
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    .addColumn('published_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('facets', 'text', (c) => c.notNull()) // JSON: category, topics, genre, year, validity …
    .addUniqueConstraint('search_entries_ref', ['kind', 'ref_id']);
  if (isPostgres(db)) entries = entries.addColumn('tsv', sql`tsvector`, (c) => c.notNull());
  await entries.execute();

  if (isPostgres(db)) {
    await sql`create index search_entries_tsv on search_entries using gin (tsv)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(
      title, body, facets,
      content = '', contentless_delete = 1,
      tokenize = "ascii tokenchars ':'",
      prefix = '1'
    )`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_entries').execute();
}
