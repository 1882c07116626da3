import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Who holds a (job, period) run: the instance and the moment it claimed it (a restarted instance may reuse its name). */
export interface JobClaim {
  instance: string;
  startedAt: string;
  /** The instance whose stale claim this one took over; null for a fresh claim. */
  tookOverFrom: string | null;
}

/**
 * Scheduled-job runs: one row per (job, period), claimed by whichever instance inserts it first, or
 * taken over by one conditional UPDATE once its holder has stopped beating (see src/jobs/scheduler.ts).
 * Timestamps are ISO strings, which compare in time order on SQLite and PostgreSQL alike.
 */
export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts the run's row; when it exists, unfinished, and its heartbeat (or start, for rows from
   * before heartbeats) is older than `staleBefore`, takes it over. The UPDATE repeats the staleness
   * condition, so of several instances racing to take over the same claim exactly one changes the row.
   */
  async claim(job: string, period: string, instance: string, now: Date, staleBefore: Date): Promise<JobClaim | null> {
    const startedAt = now.toISOString();
    const res = await this.db.insertInto('job_runs')
      .values({ job, period, instance, started_at: startedAt, heartbeat_at: startedAt, finished_at: null, result: null })
      .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 1) return { instance, startedAt, tookOverFrom: null };

    const cutoff = staleBefore.toISOString();
    const held = await this.db.selectFrom('job_runs').select(['instance', 'started_at', 'heartbeat_at', 'finished_at'])
      .where('job', '=', job).where('period', '=', period).executeTakeFirst();
    if (!held || held.finished_at !== null || (held.heartbeat_at ?? held.started_at) >= cutoff) return null;
    const taken = await this.db.updateTable('job_runs')
      .set({ instance, started_at: startedAt, heartbeat_at: startedAt })
      .where('job', '=', job).where('period', '=', period)
      .where('finished_at', 'is', null)
      .where((eb) => eb(eb.fn.coalesce('heartbeat_at', 'started_at'), '<', cutoff))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1 ? { instance, startedAt, tookOverFrom: held.instance } : null;
  }

  /** Marks the claim alive; false when it is no longer this claim's (taken over, or finished). */
  async heartbeat(job: string, period: string, claim: JobClaim, now: Date): Promise<boolean> {
    const res = await this.db.updateTable('job_runs').set({ heartbeat_at: now.toISOString() })
      .where('job', '=', job).where('period', '=', period)
      .where('instance', '=', claim.instance).where('started_at', '=', claim.startedAt)
      .where('finished_at', 'is', null)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Records the result; false when another instance took the claim over meanwhile (nothing is written then). */
  async finish(job: string, period: string, claim: JobClaim, now: Date, result: unknown): Promise<boolean> {
    const res = await this.db.updateTable('job_runs').set({ finished_at: now.toISOString(), result: JSON.stringify(result) })
      .where('job', '=', job).where('period', '=', period)
      .where('instance', '=', claim.instance).where('started_at', '=', claim.startedAt)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  /** Gives the claim up so that the next tick retries; leaves a claim another instance has taken over alone. */
  async release(job: string, period: string, claim: JobClaim): Promise<void> {
    await this.db.deleteFrom('job_runs').where('job', '=', job).where('period', '=', period)
      .where('instance', '=', claim.instance).where('started_at', '=', claim.startedAt).execute();
  }

  /** Deletes the rows of runs that finished before `before`; claims in progress (finished_at NULL) are kept. */
  /**
   * Deletes the records of runs that finished before `before`, and of claims that never finished
   * and have not beaten since `before` (their instance died long ago: a takeover happens only
   * within the claim's own period).
   */
  async deleteOlderThan(before: Date): Promise<number> {
    const cutoff = before.toISOString();
    const res = await this.db.deleteFrom('job_runs').where((eb) => eb.or([
      eb('finished_at', '<', cutoff),
      eb.and([eb('finished_at', 'is', null), eb(eb.fn.coalesce('heartbeat_at', 'started_at'), '<', cutoff)]),
    ])).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  async recent(limit = 50) {
    return this.db.selectFrom('job_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
  }
}
