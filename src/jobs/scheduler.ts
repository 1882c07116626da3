import { hostname } from 'node:os';
import type { ServiceContext } from '../services/context.ts';
import { todayCst } from '../web/format.ts';

/** A job that runs once per period (a CST day by default) across every instance sharing the database. */
export interface ScheduledJob {
  name: string;
  /** The period key for a moment, e.g. '2026-11-27' for daily jobs. Runs are claimed per (name, period). */
  period(now: Date): string;
  run(ctx: ServiceContext, period: string): Promise<Record<string, unknown>>;
}

export const daily = (now: Date) => todayCst(now);

export type JobOutcome = { job: string; period: string; status: 'ran'; result: Record<string, unknown> } | { job: string; period: string; status: 'claimed_elsewhere' } | { job: string; period: string; status: 'failed'; error: string };

const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Claims (job, period) by inserting its job_runs row — the primary key lets exactly one instance win,
 * on SQLite and PostgreSQL alike — then runs it and records the result. A failed run releases its
 * claim so that the next tick retries it.
 */
export async function runOnce(ctx: ServiceContext, job: ScheduledJob, now = ctx.now()): Promise<JobOutcome> {
  const period = job.period(now);
  const claimed = await ctx.repos.jobs.claim(job.name, period, INSTANCE, now);
  if (!claimed) return { job: job.name, period, status: 'claimed_elsewhere' };
  try {
    const result = await job.run(ctx, period);
    await ctx.repos.jobs.finish(job.name, period, ctx.now(), result);
    return { job: job.name, period, status: 'ran', result };
  } catch (e) {
    await ctx.repos.jobs.release(job.name, period);
    return { job: job.name, period, status: 'failed', error: (e as Error).message };
  }
}

/**
 * Ticks every `intervalMs` and runs each due job once per period; returns a stop function. Every
 * outcome is reported, `claimed_elsewhere` included: it shows that this instance's scheduler is
 * alive while another instance (or an earlier tick) holds the period.
 */
export function startScheduler(ctx: ServiceContext, jobs: ScheduledJob[], opts: { intervalMs?: number; onOutcome?: (o: JobOutcome) => void } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        opts.onOutcome?.(await runOnce(ctx, job));
      }
    } catch (e) {
      opts.onOutcome?.({ job: '*', period: '', status: 'failed', error: (e as Error).message });
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
