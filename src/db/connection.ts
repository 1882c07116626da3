import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
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
  close(): Promise<void>;
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
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const u = new URL(config.url);
    return {
      kysely,
      dialect: 'postgres',
      describe: `postgres://${u.host}${u.pathname}`,
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
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { kysely, dialect: 'sqlite', describe: `sqlite:${config.file}`, sqlite, close: () => kysely.destroy() };
}
