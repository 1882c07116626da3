import type { Db } from '../db/connection.ts';
import { createRepositories, type Repositories } from '../db/repositories/index.ts';
import { WorkingCalendar } from '../domain/calendar.ts';
import type { AppConfig } from '../config.ts';

/** What every use case may need: repositories (outside or inside a transaction), time, the calendar. */
export interface ServiceContext {
  db: Db;
  config: AppConfig;
  repos: Repositories;
  /** Runs `fn` in one transaction; the repositories it receives are bound to that transaction. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  now(): Date;
  /** The working-day calendar: chinese-days baseline overridden by the database; cached until changed. */
  calendar(): Promise<WorkingCalendar>;
  /** Call after changing stored calendar days. */
  invalidateCalendar(): void;
}

export function createServiceContext(db: Db, config: AppConfig, opts: { now?: () => Date } = {}): ServiceContext {
  const repos = createRepositories(db.kysely, db.dialect);
  let cached: Promise<WorkingCalendar> | null = null;
  let cachedAt = 0;
  // Other instances may import a year: re-read at most once a minute.
  const CALENDAR_TTL_MS = 60_000;
  return {
    db,
    config,
    repos,
    transaction: (fn) => db.kysely.transaction().execute((trx) => fn(createRepositories(trx, db.dialect))),
    now: opts.now ?? (() => new Date()),
    calendar() {
      if (!cached || Date.now() - cachedAt > CALENDAR_TTL_MS) {
        cachedAt = Date.now();
        cached = (async () => {
          const [overrides, years] = await Promise.all([repos.calendar.overrides(), repos.calendar.knownYears()]);
          return WorkingCalendar.fromBaseline(overrides, years.map((y) => y.year));
        })();
        cached.catch(() => { cached = null; });
      }
      return cached;
    },
    invalidateCalendar() {
      cached = null;
    },
  };
}
