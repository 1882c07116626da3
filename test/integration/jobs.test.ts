import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { runOnce, daily, JOB_LEASE_MS, type ScheduledJob } from '../../src/jobs/scheduler.ts';
import { housekeepingJob } from '../../src/jobs/housekeeping.job.ts';

forEachDialect('scheduled jobs run once per period', (s) => {
  test('two instances racing for the same day: exactly one runs', async () => {
    let runs = 0;
    const job: ScheduledJob = { name: 'count', period: daily, run: async () => { runs++; return { ok: true }; } };
    // A second context on the same database stands for a second instance.
    const other = createServiceContext(s.db, s.ctx.config);
    const now = new Date('2026-03-02T01:00:00Z');
    const outcomes = await Promise.all([runOnce(s.ctx, job, now), runOnce(other, job, now), runOnce(s.ctx, job, now)]);
    assert.equal(runs, 1);
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['claimed_elsewhere', 'claimed_elsewhere', 'ran']);
    const next = await runOnce(other, job, new Date('2026-03-03T01:00:00Z'));
    assert.equal(next.status, 'ran');
    assert.equal(runs, 2);
  });

  test('the period is the China Standard Time date', () => {
    assert.equal(daily(new Date('2026-03-02T15:59:00Z')), '2026-03-02');
    assert.equal(daily(new Date('2026-03-02T16:00:00Z')), '2026-03-03');
  });

  test('a failed run releases its claim so the next tick retries', async () => {
    let attempts = 0;
    const job: ScheduledJob = { name: 'flaky', period: daily, run: async () => { attempts++; if (attempts === 1) throw new Error('boom'); return {}; } };
    const now = new Date('2026-03-05T01:00:00Z');
    const first = await runOnce(s.ctx, job, now);
    assert.equal(first.status, 'failed');
    const second = await runOnce(s.ctx, job, now);
    assert.equal(second.status, 'ran');
    const rows = await s.ctx.repos.jobs.recent();
    assert.equal(rows.filter((r) => r.job === 'flaky').length, 1);
    assert.ok(rows.find((r) => r.job === 'flaky')!.finished_at);
  });
});

forEachDialect('a job claim whose instance died is taken over after the lease', (s) => {
  /** A daily job that counts its runs; each run takes `ms` (real time). */
  const counting = (name: string, ms = 0) => {
    const job = {
      name, period: daily, runs: 0,
      run: async () => { job.runs++; if (ms) await new Promise((r) => setTimeout(r, ms)); return { ok: true }; },
    } satisfies ScheduledJob & { runs: number };
    return job;
  };
  const runRow = (job: string) => s.db.kysely.selectFrom('job_runs').selectAll().where('job', '=', job).executeTakeFirstOrThrow();
  const at = (iso: string) => new Date(iso);
  const longAgo = new Date(0);

  /** An instance that claimed the day, beat for the last time at `lastBeat`, and was then killed. */
  async function deadClaim(job: string, started: Date, lastBeat: Date) {
    const claim = await s.ctx.repos.jobs.claim(job, daily(started), 'dead-host:4242', started, longAgo);
    assert.ok(claim);
    assert.equal(await s.ctx.repos.jobs.heartbeat(job, daily(started), claim, lastBeat), true);
  }

  test('within the lease another instance is told claimed_elsewhere; after it, it takes over and runs the job once', async () => {
    const job = counting('reminders-after-crash');
    await deadClaim(job.name, at('2026-03-10T01:00:00Z'), at('2026-03-10T01:10:00Z'));
    // Started more than five minutes ago, but beat less than five minutes ago: still held.
    const within = await runOnce(s.ctx, job, at('2026-03-10T01:14:59Z'));
    assert.equal(within.status, 'claimed_elsewhere');
    assert.equal(job.runs, 0);
    assert.equal((await runRow(job.name)).instance, 'dead-host:4242');

    const after = await runOnce(s.ctx, job, at('2026-03-10T01:15:01Z'));
    assert.equal(after.status, 'ran');
    assert.equal(after.status === 'ran' && after.tookOverFrom, 'dead-host:4242');
    assert.equal(job.runs, 1);
    const row = await runRow(job.name);
    assert.notEqual(row.instance, 'dead-host:4242');
    assert.equal(row.started_at, '2026-03-10T01:15:01.000Z');
    assert.ok(row.finished_at);
    assert.deepEqual(JSON.parse(row.result!), { ok: true });

    // A finished run is never taken over, however old.
    const later = await runOnce(s.ctx, job, at('2026-03-10T15:00:00Z'));
    assert.equal(later.status, 'claimed_elsewhere');
    assert.equal(job.runs, 1);
  });

  test('a claim from before heartbeats (heartbeat_at NULL) is judged by its start', async () => {
    const job = counting('legacy-claim');
    await s.db.kysely.insertInto('job_runs').values({ job: job.name, period: '2026-03-11', instance: 'old-host:7', started_at: '2026-03-11T01:00:00.000Z', heartbeat_at: null, finished_at: null, result: null }).execute();
    assert.equal((await runOnce(s.ctx, job, at('2026-03-11T01:04:00Z'))).status, 'claimed_elsewhere');
    const after = await runOnce(s.ctx, job, at('2026-03-11T01:06:00Z'));
    assert.equal(after.status, 'ran');
    assert.equal(after.status === 'ran' && after.tookOverFrom, 'old-host:7');
    assert.equal(job.runs, 1);
  });

  test('instances racing to take over the same stale claim: exactly one runs', async () => {
    // The run lasts long enough for every instance to reach its takeover attempt while the winner's
    // run is still unfinished; PostgreSQL's pool is warmed so that the instances' queries overlap.
    const job = counting('race-takeover', 50);
    await deadClaim(job.name, at('2026-03-12T01:00:00Z'), at('2026-03-12T01:01:00Z'));
    await Promise.all([1, 2, 3, 4].map(() => sql`select 1`.execute(s.db.kysely)));
    const instances = [s.ctx, createServiceContext(s.db, s.ctx.config), createServiceContext(s.db, s.ctx.config), createServiceContext(s.db, s.ctx.config)];
    const now = at('2026-03-12T01:30:00Z');
    const outcomes = await Promise.all(instances.map((ctx) => runOnce(ctx, job, now)));
    assert.deepEqual(outcomes.map((o) => o.status).sort(), ['claimed_elsewhere', 'claimed_elsewhere', 'claimed_elsewhere', 'ran']);
    assert.equal(job.runs, 1);
  });

  test("a live job's heartbeat keeps its claim however long it runs", async () => {
    let clock = at('2026-03-13T01:00:00Z');
    const live = createServiceContext(s.db, s.ctx.config, { now: () => clock });
    let finishRun!: () => void;
    const blocked = new Promise<void>((r) => { finishRun = r; });
    let runs = 0;
    const job: ScheduledJob = { name: 'long-running', period: daily, run: async () => { runs++; await blocked; return { done: true }; } };
    const running = runOnce(live, job, clock, { heartbeatMs: 5 });
    while (runs === 0) await new Promise((r) => setTimeout(r, 1));
    // Twenty-one minutes pass in steps of three; after each, wait until a beat has recorded the new time.
    for (let step = 0; step < 7; step++) {
      clock = new Date(clock.getTime() + 3 * 60_000);
      const deadline = Date.now() + 10_000;
      while ((await runRow(job.name)).heartbeat_at !== clock.toISOString()) {
        assert.ok(Date.now() < deadline, `no heartbeat recorded ${clock.toISOString()}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    }
    const row = await runRow(job.name);
    assert.ok(row.started_at < new Date(clock.getTime() - JOB_LEASE_MS).toISOString(), 'started longer than a lease ago: only the heartbeat keeps it');
    const other = await runOnce(createServiceContext(s.db, s.ctx.config), job, new Date(clock.getTime() + 60_000));
    assert.equal(other.status, 'claimed_elsewhere');
    finishRun();
    const outcome = await running;
    assert.equal(outcome.status, 'ran');
    assert.equal(outcome.status === 'ran' && outcome.tookOverFrom, undefined);
    assert.equal(runs, 1);
    assert.equal((await runRow(job.name)).finished_at, clock.toISOString());
  });

  test('an instance that stopped beating and comes back finds its claim taken over, and records nothing', async () => {
    const start = at('2026-03-14T01:00:00Z');
    let finishFirst!: () => void;
    const blocked = new Promise<void>((r) => { finishFirst = r; });
    let runs = 0;
    const job: ScheduledJob = { name: 'stalled', period: daily, run: async () => { runs++; if (runs === 1) await blocked; return { run: runs }; } };
    // The first run beats only once a minute (real time): during this test, never.
    const stalled = runOnce(createServiceContext(s.db, s.ctx.config, { now: () => start }), job, start);
    while (runs === 0) await new Promise((r) => setTimeout(r, 1));
    const takeover = await runOnce(s.ctx, job, new Date(start.getTime() + JOB_LEASE_MS + 1000));
    assert.equal(takeover.status, 'ran');
    finishFirst();
    const late = await stalled;
    assert.equal(late.status, 'failed');
    assert.match(late.status === 'failed' ? late.error : '', /已由其他实例接管/);
    assert.equal(runs, 2);
    const row = await runRow(job.name);
    assert.deepEqual(JSON.parse(row.result!), { run: 2 });
    assert.equal(row.started_at, new Date(start.getTime() + JOB_LEASE_MS + 1000).toISOString());
  });

  test('a failed run releases only its own claim', async () => {
    const start = at('2026-03-15T01:00:00Z');
    let failFirst!: () => void;
    const blocked = new Promise<void>((r) => { failFirst = r; });
    let runs = 0;
    const job: ScheduledJob = { name: 'stalled-then-failed', period: daily, run: async () => { runs++; if (runs === 1) { await blocked; throw new Error('boom'); } return {}; } };
    const stalled = runOnce(createServiceContext(s.db, s.ctx.config, { now: () => start }), job, start);
    while (runs === 0) await new Promise((r) => setTimeout(r, 1));
    assert.equal((await runOnce(s.ctx, job, new Date(start.getTime() + JOB_LEASE_MS + 1000))).status, 'ran');
    failFirst();
    assert.equal((await stalled).status, 'failed');
    const row = await runRow(job.name);
    assert.ok(row.finished_at, 'the run that took over keeps its row');
  });
});

forEachDialect('housekeeping prunes bookkeeping tables', (s) => {
  test('deletes job runs finished (or silent) more than 90 days ago and expired sessions; keeps recent runs, recent claims and valid sessions', async () => {
    const now = new Date('2026-06-01T02:00:00Z');
    const ctx = createServiceContext(s.db, s.ctx.config, { now: () => now });
    const run = (job: string, period: string, startedAt: string, finishedAt: string | null) => ({ job, period, instance: 'h:1', started_at: startedAt, heartbeat_at: startedAt, finished_at: finishedAt, result: finishedAt ? '{}' : null });
    await s.db.kysely.insertInto('job_runs').values([
      run('mail.outbox', '2026-03-02T01:00', '2026-03-02T01:00:00.000Z', '2026-03-02T01:00:01.000Z'), // 91 days: deleted
      run('mail.outbox', '2026-03-04T01:00', '2026-03-04T01:00:00.000Z', '2026-03-04T01:00:01.000Z'), // 89 days: kept
      run('stuck', '2026-01-01', '2026-01-01T01:00:00.000Z', null), // never finished, silent for 151 days: deleted
      run('stalled', '2026-05-20', '2026-05-20T01:00:00.000Z', null), // never finished, 12 days: kept
    ]).execute();
    const agency = await ctx.repos.agencies.insert({
      code: 'hk', name: '洪江市教育局', short_name: null, parent_id: null, credit_code: '11431281006109018N', address: '', postcode: '', office_hours: '', phone: '', fax: '', email: '', website: '', office_name: '办公室', index_pattern: '{creditCode}/{year}-{serial:5}', created_at: now.toISOString(),
    });
    const user = await ctx.repos.users.insert({ username: 'hk-office', displayName: '办公室', passwordHash: 'x', agencyId: agency.id, departmentId: null, isSysadmin: false, roles: ['office'] }, now);
    const session = (id: string, expiresAt: string) => ctx.repos.sessions.create({ id, userId: user.id, ip: '127.0.0.1', userAgent: 'test', expiresAt: new Date(expiresAt) }, new Date('2026-05-31T00:00:00Z'));
    await session('expired', '2026-06-01T01:59:59.000Z');
    await session('valid', '2026-06-01T02:30:00.000Z');

    const outcome = await runOnce(ctx, housekeepingJob, now);
    assert.equal(outcome.status, 'ran');
    assert.deepEqual(outcome.status === 'ran' && outcome.result, { jobRuns: 2, sessions: 1 });

    const left = await s.db.kysely.selectFrom('job_runs').select(['job', 'period', 'finished_at']).orderBy('period').execute();
    assert.deepEqual(left.map((r) => [r.job, r.period]), [['mail.outbox', '2026-03-04T01:00'], ['stalled', '2026-05-20'], ['housekeeping', '2026-06-01']]);
    assert.equal(left[2].finished_at, now.toISOString(), 'its own claim is kept and finished');
    assert.deepEqual((await s.db.kysely.selectFrom('sessions').select('id').execute()).map((r) => r.id), ['valid']);
    assert.ok(await ctx.repos.sessions.findValid('valid', now));

    // The next day nothing more is due.
    const next = await runOnce(ctx, housekeepingJob, new Date('2026-06-02T02:00:00Z'));
    assert.deepEqual(next.status === 'ran' && next.result, { jobRuns: 0, sessions: 0 });
  });
});
