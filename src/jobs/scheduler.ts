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

/**
 * `tookOverFrom` names the instance whose stale claim this run took over (it stopped beating: killed,
 * lost power …). It is a field, not a status, so that the metrics' label set stays ran / failed /
 * claimed_elsewhere.
 */
export type JobOutcome =
  | { job: string; period: string; status: 'ran'; result: Record<string, unknown>; tookOverFrom?: string }
  | { job: string; period: string; status: 'claimed_elsewhere' }
  | { job: string; period: string; status: 'failed'; error: string; tookOverFrom?: string };

/** How often a running job marks its claim alive. */
export const JOB_HEARTBEAT_MS = 60_000;
/** A claim unfinished and without a heartbeat for this long belongs to a dead instance: another may take it over. */
export const JOB_LEASE_MS = 5 * 60_000;

const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * Claims (job, period) by inserting its job_runs row — the primary key lets exactly one instance win,
 * on SQLite and PostgreSQL alike — then runs it and records the result. While it runs, the claim's
 * heartbeat is refreshed every JOB_HEARTBEAT_MS; a claim whose heartbeat is older than JOB_LEASE_MS
 * is taken over by the next instance that ticks, so a period is not lost with an instance that died
 * mid-run. A failed run releases its claim so that the next tick retries it. `heartbeatMs` is for tests.
 */
export async function runOnce(ctx: ServiceContext, job: ScheduledJob, now = ctx.now(), opts: { heartbeatMs?: number } = {}): Promise<JobOutcome> {
  const period = job.period(now);
  const claim = await ctx.repos.jobs.claim(job.name, period, INSTANCE, now, new Date(now.getTime() - JOB_LEASE_MS));
  if (!claim) return { job: job.name, period, status: 'claimed_elsewhere' };
  const tookOver = claim.tookOverFrom === null ? {} : { tookOverFrom: claim.tookOverFrom };
  // A failed heartbeat (the database briefly unreachable) is retried on the next beat: the lease is
  // five beats long. A beat is conditional on the claim being this run's and unfinished, so one that
  // lands during or after finish() or release() changes nothing.
  let beat: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    beat = ctx.repos.jobs.heartbeat(job.name, period, claim, ctx.now()).catch(() => false);
  }, opts.heartbeatMs ?? JOB_HEARTBEAT_MS);
  timer.unref();
  try {
    const result = await job.run(ctx, period);
    if (!(await ctx.repos.jobs.finish(job.name, period, claim, ctx.now(), result))) {
      return { job: job.name, period, status: 'failed', error: `运行期间本实例超过 ${JOB_LEASE_MS / 60_000} 分钟未更新心跳，该周期已由其他实例接管，本次运行的结果未记录`, ...tookOver };
    }
    return { job: job.name, period, status: 'ran', result, ...tookOver };
  } catch (e) {
    await ctx.repos.jobs.release(job.name, period, claim);
    return { job: job.name, period, status: 'failed', error: (e as Error).message, ...tookOver };
  } finally {
    clearInterval(timer);
    await beat;
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
