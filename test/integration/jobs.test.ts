import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { createServiceContext } from '../../src/services/context.ts';
import { runOnce, daily, type ScheduledJob } from '../../src/jobs/scheduler.ts';

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
