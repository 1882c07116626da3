import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

export interface LoginFailureRow {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

/**
 * Sign-in back-off counters in `login_failures`, keyed by text: one row per account
 * ('user:NAME'), one lock row per client address ('ip:ADDRESS') and per-minute counting rows for
 * each address ('ipm:ADDRESS:MINUTE'), so "N failures within 15 minutes" is counted exactly to the
 * minute on both dialects without a second table.
 */
export class LoginFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  get(key: string): Promise<LoginFailureRow | undefined> {
    return this.db.selectFrom('login_failures').selectAll().where('key', '=', key).executeTakeFirst();
  }

  /**
   * Adds one failure atomically and returns the new count. A count whose last failure is older than
   * `resetBefore` starts again at 1 (an old streak of typos does not add up forever).
   */
  async increment(key: string, now: Date, resetBefore: Date): Promise<number> {
    const at = now.toISOString();
    const row = await this.db.insertInto('login_failures')
      .values({ key, failures: 1, last_failure_at: at, locked_until: null })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({
        failures: eb.case()
          .when('login_failures.last_failure_at', '<', resetBefore.toISOString()).then(1)
          .else(eb('login_failures.failures', '+', 1))
          .end(),
        last_failure_at: at,
      })))
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  }

  async lock(key: string, until: Date, now: Date): Promise<void> {
    await this.db.insertInto('login_failures')
      .values({ key, failures: 0, last_failure_at: now.toISOString(), locked_until: until.toISOString() })
      .onConflict((oc) => oc.column('key').doUpdateSet({ locked_until: until.toISOString() }))
      .execute();
  }

  /** Sum of the counters stored under `keys` (the minute rows of one address). */
  async sum(keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const row = await this.db.selectFrom('login_failures')
      .select((eb) => eb.fn.sum<number>('failures').as('total'))
      .where('key', 'in', keys)
      .executeTakeFirst();
    return Number(row?.total ?? 0);
  }

  /** Removes counting rows under `prefix` last touched before `before` (keeps the table small). */
  async purgePrefix(prefix: string, before: Date): Promise<void> {
    // Callers pass prefixes of [A-Za-z0-9:.-] only, so LIKE needs no escaping.
    await this.db.deleteFrom('login_failures')
      .where('key', 'like', `${prefix}%`)
      .where('last_failure_at', '<', before.toISOString())
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('key', '=', key).execute();
  }
}
