import { configFromEnv, parseDbUrl } from '../config.ts';
import { openDb, type Db } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createServiceContext, type ServiceContext } from '../services/context.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: CliIo = {
  out: (l) => process.stdout.write(l + '\n'),
  err: (l) => process.stderr.write(l + '\n'),
};

/** Opens the database named by --db or DATABASE_URL, migrated, with a service context. */
export async function openContext(dbArg: string | undefined): Promise<{ db: Db; ctx: ServiceContext }> {
  const db = openDb(parseDbUrl(dbArg ?? process.env.DATABASE_URL));
  await migrateToLatest(db);
  return { db, ctx: createServiceContext(db, configFromEnv()) };
}

/** Runs `fn` with a context on the database named by --db or DATABASE_URL, and closes it afterwards. */
export async function withContext<T>(dbArg: string | undefined, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const { db, ctx } = await openContext(dbArg);
  try {
    return await fn(ctx);
  } finally {
    await db.close();
  }
}

export class UsageError extends Error {}

/** Refuses a command whose required options are absent or empty, naming them, with the usage. */
export function requireOptions(values: Readonly<Record<string, unknown>>, names: readonly string[], usage: string): void {
  const missing = names.filter((n) => values[n] === undefined || values[n] === '').map((n) => `--${n}`);
  if (missing.length) throw new UsageError(`缺少参数：${missing.join('、')}\n${usage}`);
}
