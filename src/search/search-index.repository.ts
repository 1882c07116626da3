// The search index of published content: documents now, questions and reports later (anything with
// a kind and an id). Callers upsert an entry when it is published or changed and remove it when it
// is withdrawn, inside their own transaction, so search never shows what the catalog does not.
//
// Matching (see tokenize.ts): the title and text are indexed as CJK bigram tokens; a query's tokens
// must all be present. Filters are tokens too ('a:12' for agency 12, 'c:<hex>' for a category …),
// kept in their own column/lexemes with a ':' that no user token can contain, so a filter is a
// lookup in the same index instead of a row-by-row check of the matches.
//
// SQLite (FTS5): an entry's id — which is also its FTS rowid — is (days since 1900-01-01) × 2^20 +
// a sequence number within that day, so the index's own rowid order is date order (read backwards:
// newest first) and "order by date" never sorts. Inserting in rowid order also keeps FTS5 writing
// one segment per transaction (a smaller rowid than the last one forces a flush), so bulk loads sort
// by date first.
// PostgreSQL: one tsvector per entry (title weight A, body D, facet lexemes) with a GIN index.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { normalizeText } from './normalize.ts';
import { ftsMatchExpression, indexTokens, queryTokens, titleTermCount, tsQueryTokens } from './tokenize.ts';

export interface SearchFacets {
  category?: string;
  topics?: string[];
  genre?: string;
  year?: number;
  validity?: string;
  department?: string;
  docNumber?: string;
  indexNumber?: string;
}

/** One piece of published content as the index sees it. */
export interface SearchEntry {
  kind: 'document' | 'question' | 'report' | string;
  refId: number;
  agencyId: number;
  title: string;
  /** Everything searchable besides the title: summary, body, attachment text … (plain text). */
  text: string;
  url: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  facets: SearchFacets;
}

export interface SearchIndexQuery {
  q: string;
  /** Entries of these agencies only; an empty list finds nothing. */
  agencyIds: number[];
  kinds?: string[];
  category?: string;
  topic?: string;
  year?: number;
  validity?: string;
  order: 'relevance' | 'date';
  limit: number;
  offset: number;
}

export interface SearchIndexResult {
  /** The number of hits, counted up to the count cap (10,000). */
  total: number;
  /** More entries match than the cap: `total` is the cap, a lower bound. */
  totalCapped: boolean;
  hits: SearchEntry[];
}

// The benchmark's raw baseline ranks with the databases' own scores: bm25 with title matches
// weighing ten times body matches (ts_rank's default weights give PostgreSQL the same ratio).
// Search itself ranks by title terms (byTitleTerms).
const TITLE_WEIGHT = 10;
const PER_DAY = 2 ** 20; // entries per publication date; ids stay far below 2^53
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);
// PostgreSQL: positions beyond 16383 are all stored as 16383, and a tsvector must stay under 1 MB.
const PG_MAX_POSITIONS = 16_383;
const PG_MAX_POSITIONED_LEXEMES = 60_000; // ≈ 14 bytes each with one position
const PG_MAX_LEXEMES = 90_000; // ≈ 10 bytes each without positions
const BULK_ROWS = 200;
export interface SearchLimits {
  /** Hits are counted up to this many; past it a search says "more than …" and pages stop there. */
  countCap: number;
  /** Relevance order ranks this many of the newest matches (see pageIds). */
  relevanceCandidates: number;
}

// Measured in bench/search.ts: both keep a search at 1M entries within the same few milliseconds
// as at 100k, whatever the word.
export const SEARCH_LIMITS: SearchLimits = { countCap: 10_000, relevanceCandidates: 1_000 };

export class SearchIndexRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly limits: SearchLimits = SEARCH_LIMITS,
  ) {}

  /** Adds or replaces the entry for (kind, refId). Call inside the transaction that publishes it. */
  async upsert(entry: SearchEntry): Promise<void> {
    const e = checkEntry(entry);
    if (this.db.isTransaction) return this.upsertIn(this.db, e);
    await this.db.transaction().execute((trx) => this.upsertIn(trx, e));
  }

  /** Bulk loading (imports, benchmarks): many entries in one transaction, a few statements per 200. */
  async upsertMany(entries: SearchEntry[]): Promise<void> {
    // The last entry for a (kind, refId) wins, as it would with one upsert after another.
    const latest = new Map(entries.map((e) => [`${e.kind}\u0000${e.refId}`, checkEntry(e)]));
    const checked = [...latest.values()].sort((a, b) => (a.publishedOn < b.publishedOn ? -1 : a.publishedOn > b.publishedOn ? 1 : 0));
    const run = async (db: Kysely<Database>) => {
      for (let i = 0; i < checked.length; i += BULK_ROWS) await this.insertChunk(db, checked.slice(i, i + BULK_ROWS));
    };
    if (this.db.isTransaction) return run(this.db);
    await this.db.transaction().execute(run);
  }

  /** Drops the entry for (kind, refId), if any. */
  async remove(kind: string, refId: number): Promise<void> {
    if (this.dialect === 'postgres') {
      await this.db.deleteFrom('search_entries').where('kind', '=', kind).where('ref_id', '=', refId).execute();
      return;
    }
    const run = async (db: Kysely<Database>) => {
      const old = await db.selectFrom('search_entries').select(['id', 'published_on']).where('kind', '=', kind).where('ref_id', '=', refId).executeTakeFirst();
      if (!old) return;
      await sql`delete from search_fts where rowid = ${old.id}`.execute(db);
      await db.deleteFrom('search_entries').where('id', '=', old.id).execute();
    };
    if (this.db.isTransaction) return run(this.db);
    await this.db.transaction().execute(run);
  }

  async search(query: SearchIndexQuery): Promise<SearchIndexResult> {
    const filter = await this.filterGroups(query);
    if (!filter) return { total: 0, totalCapped: false, hits: [] };
    return this.dialect === 'postgres' ? this.searchPostgres(query, filter) : this.searchSqlite(query, filter);
  }

  /**
   * The raw index query for a search, without loading, filtering by agency through the agencies
   * table, or presenting: used by the benchmark as the baseline (relevance: the database's own
   * score over every match). Returns the page's entry ids.
   */
  async rawIds(q: string, order: 'relevance' | 'date', limit: number): Promise<number[]> {
    if (this.dialect === 'postgres') {
      const tsq = tsQueryTokens(q);
      if (!tsq) return [];
      const orderBy = order === 'date' ? sql`published_on desc, id desc` : sql`ts_rank(tsv, to_tsquery('simple', ${tsq})) desc, published_on desc, id desc`;
      const r = await sql<{ id: number }>`select id from search_entries where tsv @@ to_tsquery('simple', ${tsq}) order by ${orderBy} limit ${limit}`.execute(this.db);
      return r.rows.map((x) => x.id);
    }
    const m = ftsMatchExpression(q);
    if (!m) return [];
    const orderBy = order === 'date' ? sql`rowid desc` : sql`bm25(search_fts, ${TITLE_WEIGHT}, 1.0, 0.0), rowid desc`;
    const r = await sql<{ rowid: number }>`select rowid from search_fts where search_fts match ${m} order by ${orderBy} limit ${limit}`.execute(this.db);
    return r.rows.map((x) => x.rowid);
  }

  private async upsertIn(db: Kysely<Database>, e: SearchEntry): Promise<void> {
    const t = tokensOf(e);
    if (this.dialect === 'postgres') {
      await this.insertPostgres(db, [{ e, t }]);
      return;
    }
    const old = await db.selectFrom('search_entries').select(['id', 'published_on']).where('kind', '=', e.kind).where('ref_id', '=', e.refId).executeTakeFirst();
    if (old) {
      await sql`delete from search_fts where rowid = ${old.id}`.execute(db);
      if (old.published_on === e.publishedOn) {
        await db.updateTable('search_entries').set(rowOf(e, t.title)).where('id', '=', old.id).execute();
        await sql`insert into search_fts (rowid, title, body, facets) values (${old.id}, ${t.title}, ${t.body}, ${t.facets.join(' ')})`.execute(db);
        return;
      }
      // A new date means a new place in date order: a new id.
      await db.deleteFrom('search_entries').where('id', '=', old.id).execute();
    }
    await this.insertSqlite(db, [{ e, t }]);
  }

  /** Bulk path: entries sorted by date; those already indexed go through upsertIn. */
  private async insertChunk(db: Kysely<Database>, chunk: SearchEntry[]): Promise<void> {
    const existing = new Set<string>();
    for (const kind of new Set(chunk.map((e) => e.kind))) {
      const refIds = chunk.filter((e) => e.kind === kind).map((e) => e.refId);
      const rows = await db.selectFrom('search_entries').select('ref_id').where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
      for (const r of rows) existing.add(`${kind}\u0000${r.ref_id}`);
    }
    const fresh: Tokenized[] = [];
    for (const e of chunk) {
      if (existing.has(`${e.kind}\u0000${e.refId}`)) await this.upsertIn(db, e);
      else fresh.push({ e, t: tokensOf(e) });
    }
    if (fresh.length === 0) return;
    if (this.dialect === 'postgres') await this.insertPostgres(db, fresh);
    else await this.insertSqlite(db, fresh);
  }

  /** New entries (not yet indexed), sorted by date: ids allocated per day, then two multi-row inserts. */
  private async insertSqlite(db: Kysely<Database>, items: Tokenized[]): Promise<void> {
    const days = [...new Set(items.map((x) => dayNumber(x.e.publishedOn)))];
    // The last id used on each day, in one statement: an index lookup per day.
    const last = await sql<{ day: number; last: number | null }>`with d(day) as (values ${sql.join(days.map((d) => sql`(${d})`))})
      select day, (select max(id) from search_entries where id >= day * ${PER_DAY} and id < (day + 1) * ${PER_DAY}) as last from d`.execute(db);
    const next = new Map(last.rows.map((r) => [r.day, r.last ?? r.day * PER_DAY]));
    const ids = items.map((x) => {
      const day = dayNumber(x.e.publishedOn);
      const id = next.get(day)! + 1;
      if (id >= (day + 1) * PER_DAY) throw new Error(`同一发布日期（${x.e.publishedOn}）的检索条目超过 ${PER_DAY - 1} 条`);
      next.set(day, id);
      return id;
    });
    await db.insertInto('search_entries').values(items.map((x, i) => ({ id: ids[i], ...rowOf(x.e, x.t.title) }))).execute();
    await sql`insert into search_fts (rowid, title, body, facets) values ${sql.join(items.map((x, i) => sql`(${ids[i]}, ${x.t.title}, ${x.t.body}, ${x.t.facets.join(' ')})`))}`.execute(db);
  }

  private async insertPostgres(db: Kysely<Database>, items: Tokenized[]): Promise<void> {
    const values = items.map(({ e, t }) => {
      const r = rowOf(e, t.title);
      const body = pgBody(t.body);
      const bodyVector = body.strip ? sql`strip(to_tsvector('simple', ${body.text}))` : sql`to_tsvector('simple', ${body.text})`;
      // Facet lexemes are literal (a ::tsvector cast applies no parser, so 'a:12' stays whole).
      const facets = t.facets.map((f) => `'${f}'`).join(' ');
      return sql`(${r.kind}, ${r.ref_id}, ${r.agency_id}, ${r.title}, ${r.body}, ${r.url}, ${r.published_on}, ${r.facets}, ${r.title_tokens},
        setweight(to_tsvector('simple', ${t.title}), 'A') || ${bodyVector} || ${facets}::tsvector)`;
    });
    await sql`insert into search_entries (kind, ref_id, agency_id, title, body, url, published_on, facets, title_tokens, tsv)
      values ${sql.join(values)}
      on conflict (kind, ref_id) do update set agency_id = excluded.agency_id, title = excluded.title, body = excluded.body,
        url = excluded.url, published_on = excluded.published_on, facets = excluded.facets, title_tokens = excluded.title_tokens, tsv = excluded.tsv`.execute(db);
  }

  /**
   * The query's filters as groups of facet tokens: every `all` group must have one of its tokens,
   * no entry may have a `none` token. null: nothing can match (no agency, no searchable text).
   */
  private async filterGroups(query: SearchIndexQuery): Promise<FilterGroups | null> {
    if (query.agencyIds.length === 0 || queryIsEmpty(query.q)) return null;
    const all: string[][] = [];
    const none: string[] = [];
    // Agencies: a city platform searches dozens of agencies. Whichever list is shorter — the
    // agencies asked for, or the others — becomes the filter, and none at all when every agency
    // is asked for (the migration's foreign key guarantees entries only name known agencies).
    const wanted = new Set(query.agencyIds);
    const known = (await this.db.selectFrom('agencies').select('id').execute()).map((a) => a.id);
    const others = known.filter((id) => !wanted.has(id));
    if (others.length > 0) {
      if (wanted.size <= others.length) all.push([...wanted].map((id) => facetToken('a', id)));
      else none.push(...others.map((id) => facetToken('a', id)));
    }
    if (query.kinds) {
      if (query.kinds.length === 0) return null;
      all.push(query.kinds.map((k) => facetToken('k', k)));
    }
    if (query.category) all.push([facetToken('c', query.category)]);
    if (query.topic) all.push([facetToken('t', query.topic)]);
    if (query.year !== undefined) all.push([facetToken('y', query.year)]);
    if (query.validity) all.push([facetToken('v', query.validity)]);
    return { all, none };
  }

  private async searchSqlite(query: SearchIndexQuery, filter: FilterGroups): Promise<SearchIndexResult> {
    const user = ftsMatchExpression(query.q)!;
    // Facet tokens are [a-z]:[0-9a-f]+ and need no escaping; quoted for uniformity.
    const quote = (t: string) => `"${t}"`;
    let match = [`(${user})`, ...filter.all.map((g) => `(${g.map(quote).join(' OR ')})`)].join(' AND ');
    if (filter.none.length > 0) match = `(${match}) NOT (${filter.none.map(quote).join(' OR ')})`;

    // One pass over the index: the newest countCap + 1 matches, read in the index's own (date)
    // order. Their number is the count (counting every match of a frequent word costs time in
    // proportion to the index); date order pages through them; relevance ranks the newest of them.
    const newest = (await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match}
        order by rowid desc limit ${this.limits.countCap + 1}`.execute(this.db)).rows.map((r) => r.id);
    const n = newest.length;
    const total = Math.min(n, this.limits.countCap);
    if (n === 0 || query.offset >= total) return { total, totalCapped: n > this.limits.countCap, hits: [] };
    const ids = await pageIds({ ...query, limit: Math.min(query.limit, total - query.offset) }, this.limits.relevanceCandidates,
      async (limit, offset) => newest.slice(offset, offset + limit),
      async (limit, offset) => {
        const candidates = newest.slice(0, this.limits.relevanceCandidates);
        // From the covering index (see migration 18-search-title-tokens): never the rows' bodies.
        const rows = (await sql<{ id: number; title_tokens: string }>`select id, title_tokens from search_entries
          indexed by search_entries_title_tokens where id in (${sql.join(candidates)})`.execute(this.db)).rows;
        // Entries indexed before title tokens were kept: their titles, tokenised when ranked.
        const legacy = rows.filter((r) => r.title_tokens === '').map((r) => r.id);
        const titles = new Map(legacy.length === 0 ? [] : (await this.db.selectFrom('search_entries').select(['id', 'title']).where('id', 'in', legacy).execute()).map((r) => [r.id, r.title]));
        const byId = new Map(rows.map((r) => [r.id, { ...r, title: titles.get(r.id) ?? '' }]));
        return rankByTitle(query.q, candidates.flatMap((id) => byId.get(id) ?? [])).slice(offset, offset + limit);
      });
    return { total, totalCapped: n > this.limits.countCap, hits: await this.load(ids) };
  }

  private async searchPostgres(query: SearchIndexQuery, filter: FilterGroups): Promise<SearchIndexResult> {
    const user = tsQueryTokens(query.q)!;
    const quote = (t: string) => `'${t}'`;
    const parts = filter.all.map((g) => `(${g.map(quote).join(' | ')})`);
    if (filter.none.length > 0) parts.push(`!(${filter.none.map(quote).join(' | ')})`);
    // Facet lexemes are literal (no parser, no dictionary): a ::tsquery cast, not to_tsquery.
    const tsq = parts.length > 0 ? sql`(to_tsquery('simple', ${user}) && ${parts.join(' & ')}::tsquery)` : sql`to_tsquery('simple', ${user})`;

    const { n } = (await sql<{ n: number }>`select count(*) as n from (
        select 1 from search_entries where tsv @@ ${tsq} limit ${this.limits.countCap + 1}) m`.execute(this.db)).rows[0];
    const total = Math.min(n, this.limits.countCap);
    if (n === 0 || query.offset >= total) return { total, totalCapped: n > this.limits.countCap, hits: [] };
    const ids = await pageIds({ ...query, limit: Math.min(query.limit, total - query.offset) }, this.limits.relevanceCandidates, (limit, offset) => sql<{ id: number }>`select id from search_entries where tsv @@ ${tsq}
        order by published_on desc, id desc limit ${limit} offset ${offset}`.execute(this.db).then((r) => r.rows.map((x) => x.id)),
      async (limit, offset) => rankByTitle(query.q, (await sql<Candidate>`select id, title, title_tokens from search_entries where tsv @@ ${tsq}
          order by published_on desc, id desc limit ${this.limits.relevanceCandidates}`.execute(this.db)).rows).slice(offset, offset + limit));
    return { total, totalCapped: n > this.limits.countCap, hits: await this.load(ids) };
  }

  /** The entries with these ids, in the given order. */
  private async load(ids: number[]): Promise<SearchEntry[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('search_entries')
      .select(['id', 'kind', 'ref_id', 'agency_id', 'title', 'body', 'url', 'published_on', 'facets'])
      .where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      return [{
        kind: r.kind, refId: r.ref_id, agencyId: r.agency_id, title: r.title, text: r.body, url: r.url,
        publishedOn: r.published_on, facets: JSON.parse(r.facets) as SearchFacets,
      }];
    });
  }
}

type PageQuery = (limit: number, offset: number) => Promise<number[]>;

/**
 * One page of ids. Date order is the index's order. Relevance order ranks the newest
 * `candidates` matches and lists any further matches after them by date: ranking every
 * match of a frequent word (招生 in a third of a million documents) costs hundreds of milliseconds,
 * and a reader looking for "the relevant ones" rarely wants an old one over a recent one.
 * The two parts together are a total order, so pages neither repeat nor skip a hit.
 */
interface Candidate { id: number; title: string; title_tokens: string }

/**
 * Relevance: the candidates (newest first) reordered so that titles holding more of the query's
 * terms come first, newest first among equals (a stable sort). Every hit holds every term
 * somewhere, so what tells hits apart is where — and a title is what a reader scans. It is the same
 * order on both databases. Statistical scores were measured and dropped: bm25() and FTS5 title
 * column filters decode the position lists of every candidate (30–100 ms at 1M documents), and
 * bm25 and ts_rank never agreed with each other.
 */
function rankByTitle(q: string, candidates: Candidate[]): number[] {
  const terms = queryTokens(q);
  return candidates
    .map((c) => ({ id: c.id, score: titleTermCount(c.title_tokens || indexTokens(c.title), terms) }))
    .sort((x, y) => y.score - x.score)
    .map((x) => x.id);
}

/**
 * One page of ids. Date order is the index's order. Relevance order ranks the newest
 * `candidates` matches and lists any further matches after them by date: ranking every
 * match of a frequent word (招生 in a third of a million documents) costs hundreds of milliseconds,
 * and a reader looking for "the relevant ones" rarely wants an old one over a recent one.
 * The two parts together are a total order, so pages neither repeat nor skip a hit.
 */
async function pageIds(query: SearchIndexQuery, candidates: number, byDate: PageQuery, byRank: PageQuery): Promise<number[]> {
  if (query.order === 'date') return byDate(query.limit, query.offset);
  const end = query.offset + query.limit;
  const ranked = query.offset < candidates ? await byRank(Math.min(end, candidates) - query.offset, query.offset) : [];
  const rest = end > candidates ? await byDate(end - Math.max(query.offset, candidates), Math.max(query.offset, candidates)) : [];
  return [...ranked, ...rest];
}

interface FilterGroups {
  all: string[][];
  none: string[];
}

function queryIsEmpty(q: string): boolean {
  return ftsMatchExpression(q) === null;
}

/** A facet value as an index token: 'a:12', 'y:2026', 'c:' + hex of the normalised text. */
export function facetToken(name: 'a' | 'k' | 'c' | 't' | 'g' | 'y' | 'v', value: string | number): string {
  // Normalised, so a filter value from the Traditional page (規劃計劃) finds 规划计划.
  return typeof value === 'number' ? `${name}:${value}` : `${name}:${Buffer.from(normalizeText(value), 'utf8').toString('hex')}`;
}

function facetTokensOf(e: SearchEntry): string[] {
  const f = e.facets;
  const tokens = [facetToken('a', e.agencyId), facetToken('k', e.kind), facetToken('y', Math.trunc(f.year ?? Number(e.publishedOn.slice(0, 4))))];
  if (f.category) tokens.push(facetToken('c', f.category));
  for (const t of f.topics ?? []) if (t) tokens.push(facetToken('t', t));
  if (f.genre) tokens.push(facetToken('g', f.genre));
  if (f.validity) tokens.push(facetToken('v', f.validity));
  return [...new Set(tokens)];
}

function checkEntry(e: SearchEntry): SearchEntry {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(e.publishedOn);
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(t) || new Date(t).toISOString().slice(0, 10) !== e.publishedOn || t < EPOCH_1900) {
    throw new Error(`检索条目的发布日期无效：${e.publishedOn}`);
  }
  if (!Number.isSafeInteger(e.refId) || !Number.isSafeInteger(e.agencyId)) throw new Error('检索条目的编号无效');
  return e;
}

function dayNumber(publishedOn: string): number {
  return Math.round((Date.parse(`${publishedOn}T00:00:00Z`) - EPOCH_1900) / DAY_MS);
}

interface Tokenized {
  e: SearchEntry;
  t: { title: string; body: string; facets: string[] };
}

function tokensOf(e: SearchEntry): Tokenized['t'] {
  return {
    title: indexTokens(e.title),
    // The document number and index number are searchable even when the text does not repeat them.
    body: indexTokens([e.text, e.facets.docNumber ?? '', e.facets.indexNumber ?? ''].join('\n')),
    facets: facetTokensOf(e),
  };
}

function rowOf(e: SearchEntry, titleTokens: string) {
  return {
    kind: e.kind,
    ref_id: e.refId,
    agency_id: e.agencyId,
    title: e.title,
    body: e.text,
    url: e.url,
    published_on: e.publishedOn,
    facets: JSON.stringify(e.facets),
    title_tokens: titleTokens,
  };
}

/** The body token string for to_tsvector, kept within PostgreSQL's tsvector limits. */
function pgBody(tokens: string): { text: string; strip: boolean } {
  const all = tokens === '' ? [] : tokens.split(' ');
  if (all.length <= PG_MAX_POSITIONS) return { text: tokens, strip: false };
  // Beyond 16383 positions are meaningless anyway: each distinct token once, in order of first use.
  const distinct = [...new Set(all)];
  if (distinct.length <= PG_MAX_POSITIONED_LEXEMES) return { text: distinct.join(' '), strip: false };
  // A very long attachment: lexemes without positions. Past PG_MAX_LEXEMES distinct tokens (a text
  // of several hundred thousand characters) the rest cannot be indexed on PostgreSQL.
  return { text: distinct.slice(0, PG_MAX_LEXEMES).join(' '), strip: true };
}
