import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkApplicationTable,
  computeApplicationTable,
  computeProactiveTable,
  type ReportApplication,
} from '../../src/domain/annual-report.ts';
import { applyAdjustments, offPlatformEntries, sumApplicationTables, sumProactiveTables, sumReviewTables } from '../../src/domain/report-tables.ts';

const apps: ReportApplication[] = [
  { id: 1, applicantColumn: 'person', receivedOn: '2025-03-01', endedOn: '2025-03-10', outcome: 'disclosed' },
  { id: 2, applicantColumn: 'commercial', receivedOn: '2025-04-01', endedOn: null, outcome: null },
  { id: 3, applicantColumn: 'person', receivedOn: '2025-05-01', endedOn: '2025-05-10', outcome: 'withheld_third_party' },
];
const table = computeApplicationTable(2025, apps);
const row = (t: { rows: readonly { key: string; values: readonly number[] }[] }, key: string) => t.rows.find((r) => r.key === key)!.values;

describe('entries for records outside the platform', () => {
  test('no entries: the same table', () => {
    assert.equal(applyAdjustments(table, []), table);
  });

  test('an entry moves only its cell, the 总计 column and the header rows above it', () => {
    const t = applyAdjustments(table, [{ row: 'withheld.third_party', column: 'research', delta: 2 }]);
    assert.deepEqual(row(t, 'withheld.third_party'), [1, 0, 2, 0, 0, 0, 3]);
    assert.deepEqual(row(t, 'withheld'), [1, 0, 2, 0, 0, 0, 3]);
    assert.deepEqual(row(t, 'result'), [2, 0, 2, 0, 0, 0, 4]);
    assert.deepEqual(row(t, 'total'), [2, 0, 0, 0, 0, 0, 2]); // （七） is the office's own figure
    assert.deepEqual(row(t, 'new'), [2, 1, 0, 0, 0, 0, 3]);
    const failing = checkApplicationTable(t).filter((c) => !c.ok);
    // （七） no longer equals the sum of its rows, in the column entered and in 总计; 一+二 = （七）+四 still holds
    assert.deepEqual(failing.map((c) => [c.rule, c.column]), [['result_total', 'research'], ['result_total', 'total']]);
    assert.match(failing[0].detail, /「（七）总计」行「科研机构」列为 0，但（一）至（六）各项之和为 2/);
    // the computed table itself is untouched
    assert.deepEqual(row(table, 'withheld.third_party'), [1, 0, 0, 0, 0, 0, 1]);
  });

  test('header rows and the 总计 column cannot be entered', () => {
    assert.throws(() => applyAdjustments(table, [{ row: 'withheld', column: 'person', delta: 1 }]), RangeError);
    assert.throws(() => applyAdjustments(table, [{ row: 'new', column: 'total' as never, delta: 1 }]), RangeError);
    assert.throws(() => applyAdjustments(table, [{ row: 'new', column: 'person', delta: 0.5 }]), RangeError);
  });

  test('off-platform applications are entered consistently', () => {
    const answered = offPlatformEntries({ column: 'legal_services', count: 3, carriedIn: true, result: 'unable.not_held' });
    assert.deepEqual(answered, [
      { row: 'carried_in', column: 'legal_services', delta: 3 },
      { row: 'unable.not_held', column: 'legal_services', delta: 3 },
      { row: 'total', column: 'legal_services', delta: 3 },
    ]);
    const open = offPlatformEntries({ column: 'other', count: 1, carriedIn: false, result: 'carried_out' });
    assert.deepEqual(open, [{ row: 'new', column: 'other', delta: 1 }, { row: 'carried_out', column: 'other', delta: 1 }]);
    const t = applyAdjustments(table, [...answered, ...open]);
    assert.deepEqual(checkApplicationTable(t).filter((c) => !c.ok), []);
    assert.throws(() => offPlatformEntries({ column: 'other', count: 1, carriedIn: false, result: 'withheld' }), RangeError);
  });
});

describe('consolidation', () => {
  test('section 三 adds cell by cell and still balances', () => {
    const other = computeApplicationTable(2025, [{ id: 9, applicantColumn: 'other', receivedOn: '2024-12-30', endedOn: '2025-01-05', outcome: 'withdrawn' }]);
    const sum = sumApplicationTables(2025, [table, other]);
    assert.deepEqual(row(sum, 'new'), [2, 1, 0, 0, 0, 0, 3]);
    assert.deepEqual(row(sum, 'carried_in'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(row(sum, 'other_handling.other'), [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(checkApplicationTable(sum).filter((c) => !c.ok), []);
    assert.equal(sum.rows.length, table.rows.length);
  });

  test('section 二 adds counts and fees (万元, to one yuan); section 四 adds the 15 numbers', () => {
    const a = computeProactiveTable({ year: 2025, documents: [], manual: { licensing: 2, penalty: 1, coercion: 0, feesWanYuan: 0.1 } });
    const b = computeProactiveTable({ year: 2025, documents: [], manual: { licensing: 3, penalty: 0, coercion: 4, feesWanYuan: 0.2 } });
    const sum = sumProactiveTables(2025, [a, b], a);
    const values = Object.fromEntries(sum.sections.flatMap((s) => s.rows).map((r) => [r.key, r.values]));
    assert.deepEqual(values.licensing, [5]);
    assert.deepEqual(values.coercion, [4]);
    assert.deepEqual(values.fees, [0.3]); // not 0.30000000000000004
    const review = sumReviewTables(2025, [{ values: Array(15).fill(1) }, { values: Array(15).fill(2) }]);
    assert.deepEqual(review.values, Array(15).fill(3));
  });
});
