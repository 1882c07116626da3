import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Db } from './connection.ts';
import { migrations } from './migrations/index.ts';
import { createRepositories } from './repositories/index.ts';

// Moving a whole platform between databases (SQLite → PostgreSQL and back): every table as NDJSON
// with a row count and a content checksum in a manifest; import into an empty, migrated database
// in foreign-key order, then recompute the checksums from the target and compare table by table.

/** Tables derived from others and rebuilt by the application, never copied row by row. */
const DERIVED_PREFIXES = ['search_fts'];
/** Columns left out of exports: dialect-specific or derived (the search index's ids encode dates, tsv is PostgreSQL's). */
const DIALECT_ONLY_COLUMNS: Record<string, string[]> = { search_entries: ['tsv', 'id'] };
/** Tables re-created through the application rather than copied (their token index must be built). */
const REBUILT_TABLES = ['search_entries'];

export interface TableManifest { name: string; rows: number; checksum: string; columns: string[] }
export interface Manifest { format: 'gongkai-export-1'; exportedAt: string; source: string; migrations: string[]; tables: TableManifest[] }
export interface VerifyRow { table: string; expectedRows: number; actualRows: number; ok: boolean }

type Row = Record<string, unknown>;

function canonical(row: Row, columns: string[]): string {
  return JSON.stringify(columns.map((c) => normalizeValue(row[c])));
}

function normalizeValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  if (Buffer.isBuffer(v)) return { $b64: v.toString('base64') };
  return v;
}

/** User tables in an order where every referenced table comes before the tables referencing it. */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const deps = new Map<string, Set<string>>();
  if (db.dialect === 'sqlite') {
    const rows = await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%' and sql not like 'CREATE VIRTUAL TABLE%'`.execute(db.kysely);
    for (const { name } of rows.rows) {
      if (DERIVED_PREFIXES.some((p) => name.startsWith(p))) continue;
      const fks = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${name})`.execute(db.kysely);
      deps.set(name, new Set(fks.rows.map((r) => r.table).filter((t) => t !== name)));
    }
  } else {
    const rows = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' and table_name not like 'kysely_%'`.execute(db.kysely);
    const fks = await sql<{ child: string; parent: string }>`
      select tc.table_name as child, ccu.table_name as parent
      from information_schema.table_constraints tc
      join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
      where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()`.execute(db.kysely);
    for (const { name } of rows.rows) if (!DERIVED_PREFIXES.some((p) => name.startsWith(p))) deps.set(name, new Set());
    for (const { child, parent } of fks.rows) if (child !== parent) deps.get(child)?.add(parent);
  }
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const d of [...(deps.get(t) ?? [])].sort()) if (deps.has(d)) visit(d);
    order.push(t);
  };
  for (const t of [...deps.keys()].sort()) visit(t);
  return order;
}

async function columnsOf(db: Db, table: string): Promise<string[]> {
  const cols = db.dialect === 'sqlite'
    ? (await sql<{ name: string }>`select name from pragma_table_info(${table}) order by cid`.execute(db.kysely)).rows.map((r) => r.name)
    : (await sql<{ name: string }>`select column_name as name from information_schema.columns where table_schema = current_schema() and table_name = ${table} order by ordinal_position`.execute(db.kysely)).rows.map((r) => r.name);
  const skip = DIALECT_ONLY_COLUMNS[table] ?? [];
  return cols.filter((c) => !skip.includes(c)).sort();
}

/** Streams a table's rows in a stable order (every column ascending), in pages. */
async function* rowsOf(db: Db, table: string, columns: string[]): AsyncGenerator<Row> {
  const PAGE = 2000;
  for (let offset = 0; ; offset += PAGE) {
    let q = db.kysely.selectFrom(table as never).select(columns.map((c) => sql.ref(c).as(c)) as never);
    for (const c of columns) q = q.orderBy(sql.ref(c) as never) as never;
    const page = (await q.limit(PAGE).offset(offset).execute()) as Row[];
    for (const r of page) yield r;
    if (page.length < PAGE) return;
  }
}

/**
 * Row count and checksum of a table, independent of row order: the canonical lines are sorted by
 * code unit before hashing, because text ordering differs between SQLite (binary) and PostgreSQL
 * (the database's collation).
 */
async function tableDigest(db: Db, table: string, columns: string[], onRow?: (line: string) => void): Promise<{ rows: number; checksum: string }> {
  const lines: string[] = [];
  for await (const row of rowsOf(db, table, columns)) {
    const line = canonical(row, columns);
    onRow?.(line);
    lines.push(line);
  }
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return { rows: lines.length, checksum: hash.digest('hex') };
}

export async function exportPlatform(db: Db, dir: string, now = new Date()): Promise<Manifest> {
  fs.mkdirSync(dir, { recursive: true });
  const tables: TableManifest[] = [];
  for (const name of await tablesInDependencyOrder(db)) {
    const columns = await columnsOf(db, name);
    const fd = fs.openSync(path.join(dir, `${name}.ndjson`), 'w');
    try {
      const digest = await tableDigest(db, name, columns, (line) => fs.writeSync(fd, line + '\n'));
      tables.push({ name, columns, ...digest });
    } finally {
      fs.closeSync(fd);
    }
  }
  const manifest: Manifest = { format: 'gongkai-export-1', exportedAt: now.toISOString(), source: db.describe, migrations: Object.keys(migrations), tables };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  return manifest;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`导出目录中没有 manifest.json：${dir}`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== 'gongkai-export-1') throw new Error('不是 Gongkai 的导出格式');
  return m;
}

function readRows(dir: string, table: TableManifest): Row[] {
  return fs.readFileSync(path.join(dir, `${table.name}.ndjson`), 'utf8').split('\n').filter(Boolean).map((line) => {
    const arr = JSON.parse(line) as unknown[];
    const row: Row = {};
    table.columns.forEach((c, k) => {
      const v = arr[k];
      row[c] = v && typeof v === 'object' && '$b64' in (v as object) ? Buffer.from((v as { $b64: string }).$b64, 'base64') : v;
    });
    return row;
  });
}

/**
 * Imports an export into `db` (migrated to the same migrations, and empty) in one transaction:
 * tables in foreign-key order, the search index re-built through its repository; then verifies
 * every table against the manifest.
 */
export async function importPlatform(db: Db, dir: string): Promise<VerifyRow[]> {
  const manifest = readManifest(dir);
  const ours = Object.keys(migrations);
  const missing = manifest.migrations.filter((m) => !ours.includes(m));
  if (missing.length) throw new Error(`导出来自更新的版本，缺少迁移：${missing.join('、')}`);
  const targetTables = await tablesInDependencyOrder(db);
  for (const t of targetTables) {
    const { n } = (await db.kysely.selectFrom(t as never).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()) as { n: number };
    if (Number(n) > 0) throw new Error(`目标数据库不是空库（表 ${t} 已有 ${n} 行），拒绝导入`);
  }
  await db.kysely.transaction().execute(async (trx) => {
    for (const table of manifest.tables) {
      if (!targetTables.includes(table.name)) throw new Error(`目标数据库缺少表 ${table.name}`);
      const rows = readRows(dir, table);
      if (REBUILT_TABLES.includes(table.name)) {
        await createRepositories(trx, db.dialect).search.upsertMany(rows.map((r) => ({
          kind: String(r.kind), refId: Number(r.ref_id), agencyId: Number(r.agency_id), title: String(r.title), text: String(r.body),
          url: String(r.url), publishedOn: String(r.published_on), facets: JSON.parse(String(r.facets)),
        })));
        continue;
      }
      const BATCH = Math.max(1, Math.floor(5000 / table.columns.length));
      for (let i = 0; i < rows.length; i += BATCH) {
        await trx.insertInto(table.name as never).values(rows.slice(i, i + BATCH) as never).execute();
      }
    }
  });
  if (db.dialect === 'postgres') {
    for (const table of manifest.tables) {
      if (!table.columns.includes('id')) continue;
      const seq = await sql<{ s: string | null }>`select pg_get_serial_sequence(${table.name}, 'id') as s`.execute(db.kysely);
      if (!seq.rows[0]?.s) continue; // a text id (sessions): no sequence to move
      await sql`select setval(${seq.rows[0].s}, coalesce((select max(id) from ${sql.table(table.name)}), 0) + 1, false)`.execute(db.kysely);
    }
  }
  return verifyAgainst(db, manifest);
}

export async function verifyAgainst(db: Db, manifest: Manifest): Promise<VerifyRow[]> {
  const out: VerifyRow[] = [];
  for (const t of manifest.tables) {
    const digest = await tableDigest(db, t.name, t.columns);
    out.push({ table: t.name, expectedRows: t.rows, actualRows: digest.rows, ok: digest.rows === t.rows && digest.checksum === t.checksum });
  }
  return out;
}
