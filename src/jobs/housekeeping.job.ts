import { daily, type ScheduledJob } from './scheduler.ts';

/** How long the record of a job run is kept (the mail outbox alone adds ~35,000 runs a year). */
export const JOB_RUNS_KEPT_DAYS = 90;

/**
 * Once per CST day: deletes bookkeeping rows nobody reads any more — records of job runs that
 * finished more than JOB_RUNS_KEPT_DAYS ago, claims whose instance died that long ago (no
 * heartbeat since), and expired sessions. Runs in progress (this job's own claim among them) are
 * never deleted.
 */
export const housekeepingJob: ScheduledJob = {
  name: 'housekeeping',
  period: daily,
  run: async (ctx) => {
    const now = ctx.now();
    const jobRuns = await ctx.repos.jobs.deleteOlderThan(new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * 86_400_000));
    const sessions = await ctx.repos.sessions.deleteExpired(now);
    return { jobRuns, sessions };
  },
};
