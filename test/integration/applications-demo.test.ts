import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../support/db.ts';
import { OUTCOME_CODES, STATES } from '../../src/domain/application-workflow.ts';
import { listApplications } from '../../src/services/application-case.service.ts';

forEachDialect('application demo data', (s) => {
  test('about thirty applications to 洪江市教育局 in every state, outcome and applicant column, some overdue, some carried over', async () => {
    // Loaded here, not at the top: evaluating every area's modules must not delay the PostgreSQL probe.
    const { loadDemo } = await import('../../src/demo/seed.ts');
    await loadDemo(s.ctx);
    const bureau = (await s.ctx.repos.agencies.byCode('hjjyj'))!;
    const rows = await s.ctx.repos.applications.all({ agencyIds: [bureau.id] });
    assert.ok(rows.length >= 30 && rows.length <= 45, String(rows.length));
    assert.deepEqual(new Set(rows.map((r) => r.state)), new Set(STATES));
    assert.deepEqual(new Set(rows.map((r) => r.outcome).filter((o) => o !== null)), new Set([...OUTCOME_CODES, 'withdrawn']));
    const columns = new Set(rows.map((r) => (r.applicant_kind === 'person' ? 'person' : r.applicant_org_type)));
    assert.deepEqual(columns, new Set(['person', 'commercial', 'research', 'public_interest', 'legal_services', 'other']));
    assert.ok(rows.some((r) => r.received_on.startsWith('2024-12') && r.ended_on?.startsWith('2025-')), 'carried over from 2024');
    assert.ok(rows.some((r) => r.received_on.startsWith('2025-12') && r.ended_on?.startsWith('2026-')), 'carried over from 2025');
    assert.ok(new Set(rows.map((r) => r.channel)).size >= 6);
    const office = (await s.ctx.repos.users.staffUser((await s.ctx.repos.users.byUsername('office'))!.id))!;
    const overdue = await listApplications(s.ctx, office, { view: 'overdue' });
    assert.ok(overdue.total >= 2, `overdue: ${overdue.total}`);
    const cases = await s.ctx.repos.applications.reviewCasesOfAgency(bureau.id);
    assert.ok(cases.length >= 3);
    assert.ok(cases.some((c) => c.result === 'pending') && cases.some((c) => c.result === 'upheld') && cases.some((c) => c.result === 'corrected'));
    // every step went through the services: events, letters and an intact audit chain
    const files = await s.ctx.repos.applications.files(rows.find((r) => r.outcome === 'disclosed')!.id);
    assert.ok(files.some((f) => f.kind === 'reply'));
    assert.equal((await s.ctx.repos.audit.verify()).ok, true);
  });
});
