// Working with computed annual-report tables (annual-report.ts): entries for records kept outside the
// platform, added to single cells of section 三; and the sum of several agencies' tables, which
// the supervising office consolidates. Pure.

import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  RESULT_LEAF_KEYS,
  REVIEW_LITIGATION_COLUMNS,
  type ApplicantColumnKey,
  type ApplicationRowKey,
  type ApplicationTable,
  type ApplicationTableRow,
  type ProactiveTable,
  type ReviewLitigationTable,
} from './annual-report.ts';

/** A signed count added to one cell of section 三, for applications handled outside the platform. */
export interface CellAdjustment {
  readonly row: ApplicationRowKey;
  /** One of the six applicant columns: the 总计 column is always their sum. */
  readonly column: Exclude<ApplicantColumnKey, 'total'>;
  readonly delta: number;
}

/** The rows an entry may touch: the format's 25 data rows (header rows are sums of their sub-rows). */
export const ADJUSTABLE_ROWS: readonly ApplicationRowKey[] = APPLICATION_ROWS.filter((r) => r.leaf).map((r) => r.key);
export const ADJUSTABLE_COLUMNS: readonly Exclude<ApplicantColumnKey, 'total'>[] = APPLICANT_COLUMNS
  .filter((c) => c.key !== 'total').map((c) => c.key as Exclude<ApplicantColumnKey, 'total'>);

const TOTAL = APPLICANT_COLUMNS.length - 1;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function childrenOf(key: ApplicationRowKey): readonly ApplicationRowKey[] {
  return key === 'result' ? RESULT_LEAF_KEYS : APPLICATION_ROWS.filter((r) => r.parent === key).map((r) => r.key);
}

/** Header rows (三, （三）–（六）) as the sum of their sub-rows, and 总计 as the sum of the six columns. */
function rederive(values: Map<ApplicationRowKey, number[]>): void {
  for (const def of APPLICATION_ROWS) {
    if (def.leaf) continue;
    const kids = childrenOf(def.key);
    values.set(def.key, APPLICANT_COLUMNS.map((_, c) => sum(kids.map((k) => values.get(k)![c]))));
  }
  for (const row of values.values()) row[TOTAL] = sum(row.slice(0, TOTAL));
}

function rebuild(table: Pick<ApplicationTable, 'rows'>, values: Map<ApplicationRowKey, number[]>): ApplicationTableRow[] {
  return table.rows.map((r) => ({ ...r, values: values.get(r.key)! }));
}

/**
 * The table with the entries added. Nothing else moves with an entry: an entry in （一） alone leaves
 * （七）总计 and 一 as they were, so an inconsistent entry shows up in the checks (naming the cell)
 * instead of being silently balanced.
 */
export function applyAdjustments<T extends Pick<ApplicationTable, 'rows'>>(table: T, adjustments: readonly CellAdjustment[]): T {
  if (adjustments.length === 0) return table;
  const values = new Map<ApplicationRowKey, number[]>(table.rows.map((r) => [r.key, [...r.values]]));
  for (const a of adjustments) {
    const c = ADJUSTABLE_COLUMNS.indexOf(a.column);
    const row = values.get(a.row);
    if (!ADJUSTABLE_ROWS.includes(a.row) || row === undefined || c < 0 || !Number.isInteger(a.delta)) {
      throw new RangeError(`无效的补录项：${a.row}/${a.column}/${a.delta}`);
    }
    row[c] += a.delta;
  }
  rederive(values);
  return { ...table, rows: rebuild(table, values) };
}

/**
 * The entries that record `count` applications handled outside the platform, consistently: 一 (new)
 * or 二 (carried in), and either the result row plus （七）总计, or 四 when still open on 31 December.
 */
export function offPlatformEntries(input: {
  column: Exclude<ApplicantColumnKey, 'total'>;
  count: number;
  carriedIn: boolean;
  /** A result leaf (not 'total'), or 'carried_out' for an application still open at year end. */
  result: ApplicationRowKey;
}): CellAdjustment[] {
  const { column, count } = input;
  const first: CellAdjustment = { row: input.carriedIn ? 'carried_in' : 'new', column, delta: count };
  if (input.result === 'carried_out') return [first, { row: 'carried_out', column, delta: count }];
  if (!(RESULT_LEAF_KEYS as readonly string[]).includes(input.result)) throw new RangeError(`不是办理结果行：${input.result}`);
  return [first, { row: input.result, column, delta: count }, { row: 'total', column, delta: count }];
}

// ---------------------------------------------------------------------------------------------
// Consolidation

/** Section 三 of several agencies added cell by cell (the record ids are not carried over). */
export function sumApplicationTables(year: number, tables: readonly Pick<ApplicationTable, 'rows'>[]): Pick<ApplicationTable, 'year' | 'columns' | 'rows'> {
  const values = new Map<ApplicationRowKey, number[]>(APPLICATION_ROWS.map((r) => [r.key, APPLICANT_COLUMNS.map(() => 0)]));
  for (const t of tables) {
    for (const r of t.rows) {
      const acc = values.get(r.key);
      if (acc === undefined) continue;
      r.values.forEach((v, c) => { acc[c] += v; });
    }
  }
  return {
    year,
    columns: APPLICANT_COLUMNS,
    rows: APPLICATION_ROWS.map((r) => ({ key: r.key, label: r.label, level: r.level, leaf: r.leaf, values: values.get(r.key)! })),
  };
}

/** Section 二 added up: counts add; fees (万元) add and are rounded to four decimals (one yuan). */
export function sumProactiveTables(year: number, tables: readonly Pick<ProactiveTable, 'sections'>[], template: Pick<ProactiveTable, 'sections'>): Pick<ProactiveTable, 'year' | 'sections'> {
  return {
    year,
    sections: template.sections.map((s) => ({
      ...s,
      rows: s.rows.map((row) => ({
        ...row,
        values: row.values.map((_, i) => {
          const total = tables.reduce((acc, t) => {
            const other = t.sections.find((x) => x.key === s.key)?.rows.find((x) => x.key === row.key);
            return acc + (other?.values[i] ?? 0);
          }, 0);
          return Math.round(total * 10_000) / 10_000;
        }),
      })),
    })),
  };
}

export function sumReviewTables(year: number, tables: readonly Pick<ReviewLitigationTable, 'values'>[]): Pick<ReviewLitigationTable, 'year' | 'columns' | 'values'> {
  return {
    year,
    columns: REVIEW_LITIGATION_COLUMNS,
    values: REVIEW_LITIGATION_COLUMNS.map((_, i) => sum(tables.map((t) => t.values[i] ?? 0))),
  };
}
