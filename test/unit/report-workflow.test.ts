import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  deadlineState,
  missedDeadline,
  reportActions,
  reportDeadline,
  reportingYearOf,
  reportTransition,
  REPORT_TRANSITIONS,
  type ReportStatus,
} from '../../src/domain/report-workflow.ts';

describe('report workflow transitions', () => {
  test('the happy path: draft → submitted → accepted → published', () => {
    assert.deepEqual(reportTransition('draft', 'submit', 'office'), { ok: true, to: 'submitted' });
    assert.deepEqual(reportTransition('submitted', 'accept', 'supervisor'), { ok: true, to: 'accepted' });
    assert.deepEqual(reportTransition('accepted', 'publish', 'office'), { ok: true, to: 'published' });
  });

  test('returned with comments, edited and submitted again', () => {
    assert.deepEqual(reportTransition('submitted', 'return', 'supervisor'), { ok: true, to: 'returned' });
    assert.deepEqual(reportTransition('returned', 'edit', 'office'), { ok: true, to: 'returned' });
    assert.deepEqual(reportTransition('returned', 'submit', 'office'), { ok: true, to: 'submitted' });
  });

  test('the wrong party is refused with who acts', () => {
    const d = reportTransition('submitted', 'accept', 'office');
    assert.equal(d.ok, false);
    assert.match((d as { reason: string }).reason, /上级政府信息公开工作主管部门/);
    const p = reportTransition('accepted', 'publish', 'supervisor');
    assert.equal(p.ok, false);
    assert.match((p as { reason: string }).reason, /公开办/);
  });

  test('a published report cannot be edited, submitted or returned', () => {
    for (const action of ['edit', 'submit', 'return', 'accept', 'publish'] as const) {
      for (const party of ['office', 'supervisor'] as const) {
        assert.equal(reportTransition('published', action, party).ok, false, `${action} by ${party}`);
      }
    }
    const d = reportTransition('published', 'edit', 'office');
    assert.match((d as { reason: string }).reason, /更正版本/);
  });

  test('a submitted report cannot be edited by the office', () => {
    assert.equal(reportTransition('submitted', 'edit', 'office').ok, false);
  });

  test('an agency with no supervisor on the platform: submission counts as accepted', () => {
    assert.deepEqual(reportTransition('draft', 'submit', 'office', false), { ok: true, to: 'accepted' });
  });

  test('reportActions lists the buttons per party', () => {
    assert.deepEqual(reportActions('draft', 'office'), ['edit', 'submit']);
    assert.deepEqual(reportActions('draft', 'supervisor'), []);
    assert.deepEqual(reportActions('submitted', 'supervisor').sort(), ['accept', 'return']);
    assert.deepEqual(reportActions('accepted', 'office'), ['publish']);
    for (const s of Object.keys(REPORT_TRANSITIONS) as ReportStatus[]) {
      for (const a of reportActions(s, 'office')) assert.equal(reportTransition(s, a, 'office').ok, true);
    }
  });
});

describe('the 31 January deadline (Art. 49)', () => {
  test('deadline and reporting year', () => {
    assert.equal(reportDeadline(2025), '2026-01-31');
    assert.equal(reportingYearOf('2026-01-15'), 2025);
    assert.equal(reportingYearOf('2026-12-31'), 2025);
  });

  test('no reminder while the year runs', () => {
    assert.deepEqual(deadlineState(2025, '2025-12-31', null), { kind: 'year_running' });
  });

  test('days left from 1 January, 0 on 31 January', () => {
    assert.deepEqual(deadlineState(2025, '2026-01-01', null), { kind: 'due', daysLeft: 30 });
    assert.deepEqual(deadlineState(2025, '2026-01-31', null), { kind: 'due', daysLeft: 0 });
    assert.equal(missedDeadline(deadlineState(2025, '2026-01-31', null)), false);
  });

  test('overdue after 31 January; missed', () => {
    const s = deadlineState(2025, '2026-02-02', null);
    assert.deepEqual(s, { kind: 'overdue', daysOverdue: 2 });
    assert.equal(missedDeadline(s), true);
  });

  test('published on or before 31 January is on time; later is late, whatever today is', () => {
    assert.deepEqual(deadlineState(2025, '2026-11-26', '2026-01-31'), { kind: 'on_time', publishedOn: '2026-01-31' });
    const late = deadlineState(2025, '2026-11-26', '2026-02-10');
    assert.deepEqual(late, { kind: 'late', publishedOn: '2026-02-10', daysLate: 10 });
    assert.equal(missedDeadline(late), true);
    // leap year: 2024's report is due 2025-01-31; 2023's report published 2024-03-01 is 30 days late
    assert.deepEqual(deadlineState(2023, '2024-06-01', '2024-03-01'), { kind: 'late', publishedOn: '2024-03-01', daysLate: 30 });
  });
});
