import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type RootOperationNode } from 'kysely';
import type { DbConfig } from '../config.ts';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** A human-readable description without credentials, for logs and the CLI. */
  describe: string;
  /** The raw SQLite handle (online backup), on SQLite only. */
  sqlite?: SQLite.Database;
  /** Calls `listener` with the table name (or '' when unknown) before each write this process sends. */
  onWrite(listener: (table: string) => void): () => void;
  close(): Promise<void>;
}

/**
 * Tells listeners (the page cache) about every INSERT, UPDATE or DELETE that this process sends,
 * also inside transactions and from raw `sql` statements. Reads pass through untouched.
 */
class WriteObserver implements KyselyPlugin {
  private listeners = new Set<(table: string) => void>();

  subscribe(listener: (table: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.listeners.size > 0) {
      const table = writtenTable(node);
      if (table !== null) for (const l of this.listeners) l(table);
    }
    return node;
  }

  async transformResult<T>({ result }: { result: T }): Promise<T> {
    return result;
  }
}

function tableName(node: OperationNode | undefined): string {
  const n = node as { kind?: string; table?: { identifier?: { name?: string } }; node?: OperationNode } | undefined;
  if (n?.kind === 'TableNode') return n.table?.identifier?.name ?? '';
  if (n?.kind === 'AliasNode') return tableName(n.node);
  return '';
}

/** The table a write goes to ('' when it cannot be told), or null for a read. */
function writtenTable(node: RootOperationNode): string | null {
  switch (node.kind) {
    case 'InsertQueryNode': return tableName(node.into);
    case 'UpdateQueryNode': return tableName(node.table);
    case 'DeleteQueryNode': return tableName(node.from.froms[0]);
    case 'RawNode': return /^\s*(insert|update|delete|replace)\b/i.test(node.sqlFragments[0] ?? '') ? '' : null;
    default: return null;
  }
}

// Kysely prepares a statement for every query; better-sqlite3 statements are reusable, so the
// compiled SQL text maps to its prepared statement (bounded: `in (?, ?, …)` lists vary in length).
const STATEMENT_CACHE_SIZE = 1000;

function cachingDatabase(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sqlText: string): SQLite.Statement {
      let stmt = statements.get(sqlText);
      if (!stmt) {
        stmt = sqlite.prepare(sqlText);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

// DATE columns must stay 'YYYY-MM-DD' strings (pg would build a local-midnight Date); we store
// calendar dates as text anyway, this guards any DATE a query computes. COUNT(*) is int8: a number.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

export function openDb(config: DbConfig): Db {
  if (config.dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle client whose server connection drops (restart, failover) emits 'error' on the pool;
    // unhandled, that would crash the process. The pool replaces the client on next use.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL 连接中断：${err.message}`));
    const writes = new WriteObserver();
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [writes] });
    const u = new URL(config.url);
    return {
      kysely,
      dialect: 'postgres',
      describe: `postgres://${u.host}${u.pathname}`,
      onWrite: (listener) => writes.subscribe(listener),
      close: () => kysely.destroy(),
    };
  }
  if (config.file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(config.file)), { recursive: true });
  const sqlite = new SQLite(config.file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut as well as a killed process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const writes = new WriteObserver();
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: cachingDatabase(sqlite) }), plugins: [writes] });
  return {
    kysely, dialect: 'sqlite', describe: `sqlite:${config.file}`, sqlite,
    onWrite: (listener) => writes.subscribe(listener),
    close: () => kysely.destroy(),
  };
}
