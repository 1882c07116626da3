import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** Scheduled-job runs: one row per (job, period), claimed by whichever instance inserts it first. */
export class JobRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async claim(job: string, period: string, instance: string, now: Date): Promise<boolean> {
    const res = await this.db.insertInto('job_runs')
      .values({ job, period, instance, started_at: now.toISOString(), finished_at: null, result: null })
      .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
  }

  async finish(job: string, period: string, now: Date, result: unknown): Promise<void> {
    await this.db.updateTable('job_runs').set({ finished_at: now.toISOString(), result: JSON.stringify(result) })
      .where('job', '=', job).where('period', '=', period).execute();
  }

  async release(job: string, period: string): Promise<void> {
    await this.db.deleteFrom('job_runs').where('job', '=', job).where('period', '=', period).execute();
  }

  async recent(limit = 50) {
    return this.db.selectFrom('job_runs').selectAll().orderBy('started_at', 'desc').limit(limit).execute();
  }
}
