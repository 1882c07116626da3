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

export class UsageError extends Error {}
