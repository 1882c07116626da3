import { randomBytes } from 'node:crypto';
import { describe, after, before } from 'node:test';
import pg from 'pg';
import { openDb, type Db, type Dialect } from '../../src/db/connection.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { createServiceContext, type ServiceContext } from '../../src/services/context.ts';
import { configFromEnv } from '../../src/config.ts';

export const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function probePostgres(): Promise<string | null> {
  // A loaded 2-core machine can take seconds to accept a connection: retry before calling it absent.
  let problem = '';
  for (let attempt = 0; attempt < 3; attempt++) {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.end();
      return null;
    } catch (e) {
      problem = (e as Error).message;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return problem;
}

// Probed once when a suite file loads, so describe() knows synchronously whether to skip.
export const pgProblem = await probePostgres();
if (pgProblem && process.env.CI) throw new Error(`CI 要求 PostgreSQL，但无法连接 ${PG_URL}：${pgProblem}`);

/** A new, empty PostgreSQL database with a unique name (for a suite, or for spawned servers); `drop` removes it. */
export async function createPgDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongkai_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A fresh, migrated database of the dialect: an in-memory SQLite, or a new PostgreSQL database. */
export async function freshDb(dialect: Dialect): Promise<{ db: Db; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = openDb({ dialect: 'sqlite', file: ':memory:' });
    await migrateToLatest(db);
    return { db, drop: () => db.close() };
  }
  const created = await createPgDatabase();
  const db = openDb({ dialect: 'postgres', url: created.url });
  await migrateToLatest(db);
  return {
    db,
    async drop() {
      await db.close();
      await created.drop();
    },
  };
}

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export interface DialectSuite {
  dialect: Dialect;
  /** Set in `before`: a fresh migrated database and a service context on it. */
  ctx: ServiceContext;
  db: Db;
}

/**
 * Runs the same suite once per dialect (STYLE.md #11), each on its own fresh database.
 * Outside CI the PostgreSQL run is skipped with a message when no server answers.
 */
export function forEachDialect(name: string, body: (s: DialectSuite) => void, opts: { now?: () => Date } = {}): void {
  for (const dialect of DIALECTS) {
    const suite = {} as DialectSuite;
    suite.dialect = dialect;
    describe(`${name} [${dialect}]`, { skip: dialect === 'postgres' && pgProblem ? `PostgreSQL 不可用（${pgProblem}）：设置 TEST_DATABASE_URL 或启动本机 PostgreSQL` : false }, () => {
      let drop: () => Promise<void>;
      before(async () => {
        const fresh = await freshDb(dialect);
        suite.db = fresh.db;
        drop = fresh.drop;
        suite.ctx = createServiceContext(fresh.db, { ...configFromEnv({}), secret: 'test-secret' }, opts);
      });
      after(async () => { await drop?.(); });
      body(suite);
    });
  }
}

