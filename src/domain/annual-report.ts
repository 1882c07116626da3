// The tables of the annual report on open government information work (Art. 49–50), in the national
// format of 2021 (国办公开办函〔2021〕30号; see shared/domain/ANNUAL-REPORT-FORMAT.md), computed from
// records, and the checks every published table must pass. Labels are the format's own, character
// for character: they are printed in the report and compared by supervisors.
//
// Dates are 'YYYY-MM-DD' calendar dates (China Standard Time), compared as strings.

import { reportRowOf, type ReportOutcome } from './application-workflow.ts';

export const SECTION_TITLES = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

/** Bad records handed to a report computation. The message says which record and what is wrong. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function checkDate(value: string, what: string): void {
  if (!DATE.test(value)) throw new ReportInputError(`${what}不是有效日期（应为YYYY-MM-DD）：${value}`);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new ReportInputError(`报告年度无效：${year}`);
  }
}

const yearStart = (year: number): string => `${year}-01-01`;
const yearEnd = (year: number): string => `${year}-12-31`;
const inYear = (date: string, year: number): boolean => date >= yearStart(year) && date <= yearEnd(year);

// =============================================================================================
// Section 三: applications received and handled

export type ApplicantType = 'person' | 'commercial' | 'research' | 'public_interest' | 'legal_services' | 'other';
export type ApplicantColumnKey = ApplicantType | 'total';

export interface ApplicantColumn {
  readonly key: ApplicantColumnKey;
  readonly label: string;
  /** The header spanning the five organisation columns. */
  readonly group: '法人或其他组织' | null;
}

// Organisation keys equal the API's orgType codes (Art. 29 applicant types).
export const APPLICANT_COLUMNS: readonly ApplicantColumn[] = [
  { key: 'person', label: '自然人', group: null },
  { key: 'commercial', label: '商业企业', group: '法人或其他组织' },
  { key: 'research', label: '科研机构', group: '法人或其他组织' },
  { key: 'public_interest', label: '社会公益组织', group: '法人或其他组织' },
  { key: 'legal_services', label: '法律服务机构', group: '法人或其他组织' },
  { key: 'other', label: '其他', group: '法人或其他组织' },
  { key: 'total', label: '总计', group: null },
];

const TOTAL_COLUMN = APPLICANT_COLUMNS.length - 1;
const APPLICANT_TYPES: readonly ApplicantType[] = ['person', 'commercial', 'research', 'public_interest', 'legal_services', 'other'];

/** Printed in the table header. */
export const BALANCE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** The 21 result rows that an ended application is counted in; their sum is （七）总计. */
export type ResultLeafKey =
  | 'disclosed'
  | 'partial'
  | 'withheld.state_secret'
  | 'withheld.prohibited_by_law'
  | 'withheld.security_stability'
  | 'withheld.third_party'
  | 'withheld.internal_affairs'
  | 'withheld.process_info'
  | 'withheld.enforcement_file'
  | 'withheld.administrative_query'
  | 'unable.not_held'
  | 'unable.needs_compilation'
  | 'unable.unclear_after_correction'
  | 'not_processed.petition_complaint'
  | 'not_processed.repeat_application'
  | 'not_processed.publication_request'
  | 'not_processed.excessive_requests'
  | 'not_processed.confirmation_request'
  | 'other_handling.no_correction'
  | 'other_handling.fee_unpaid'
  | 'other_handling.other';

/** Rows that only head their sub-rows; the format prints no numbers of their own. */
export type HeaderRowKey = 'result' | 'withheld' | 'unable' | 'not_processed' | 'other_handling';

export type ApplicationRowKey = 'new' | 'carried_in' | HeaderRowKey | ResultLeafKey | 'total' | 'carried_out';

export interface ApplicationRowDef {
  readonly key: ApplicationRowKey;
  readonly label: string;
  /** 0: 一–四; 1: （一）–（七）; 2: numbered sub-rows. For indentation. */
  readonly level: 0 | 1 | 2;
  /**
   * True for the 25 data rows of the format (rows with no sub-rows); false for the five header
   * rows 三、（三）、（四）、（五）、（六）, to which this module gives the sum of their sub-rows.
   */
  readonly leaf: boolean;
  readonly parent?: ApplicationRowKey;
}

export const APPLICATION_ROWS: readonly ApplicationRowDef[] = [
  { key: 'new', label: '一、本年新收政府信息公开申请数量', level: 0, leaf: true },
  { key: 'carried_in', label: '二、上年结转政府信息公开申请数量', level: 0, leaf: true },
  { key: 'result', label: '三、本年度办理结果', level: 0, leaf: false },
  { key: 'disclosed', label: '（一）予以公开', level: 1, leaf: true, parent: 'result' },
  {
    key: 'partial',
    label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    level: 1,
    leaf: true,
    parent: 'result',
  },
  { key: 'withheld', label: '（三）不予公开', level: 1, leaf: false, parent: 'result' },
  { key: 'withheld.state_secret', label: '1.属于国家秘密', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.prohibited_by_law', label: '2.其他法律行政法规禁止公开', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.security_stability', label: '3.危及"三安全一稳定"', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.third_party', label: '4.保护第三方合法权益', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.internal_affairs', label: '5.属于三类内部事务信息', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.process_info', label: '6.属于四类过程性信息', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.enforcement_file', label: '7.属于行政执法案卷', level: 2, leaf: true, parent: 'withheld' },
  { key: 'withheld.administrative_query', label: '8.属于行政查询事项', level: 2, leaf: true, parent: 'withheld' },
  { key: 'unable', label: '（四）无法提供', level: 1, leaf: false, parent: 'result' },
  { key: 'unable.not_held', label: '1.本机关不掌握相关政府信息', level: 2, leaf: true, parent: 'unable' },
  { key: 'unable.needs_compilation', label: '2.没有现成信息需要另行制作', level: 2, leaf: true, parent: 'unable' },
  { key: 'unable.unclear_after_correction', label: '3.补正后申请内容仍不明确', level: 2, leaf: true, parent: 'unable' },
  { key: 'not_processed', label: '（五）不予处理', level: 1, leaf: false, parent: 'result' },
  { key: 'not_processed.petition_complaint', label: '1.信访举报投诉类申请', level: 2, leaf: true, parent: 'not_processed' },
  { key: 'not_processed.repeat_application', label: '2.重复申请', level: 2, leaf: true, parent: 'not_processed' },
  { key: 'not_processed.publication_request', label: '3.要求提供公开出版物', level: 2, leaf: true, parent: 'not_processed' },
  { key: 'not_processed.excessive_requests', label: '4.无正当理由大量反复申请', level: 2, leaf: true, parent: 'not_processed' },
  {
    key: 'not_processed.confirmation_request',
    label: '5.要求行政机关确认或重新出具已获取信息',
    level: 2,
    leaf: true,
    parent: 'not_processed',
  },
  { key: 'other_handling', label: '（六）其他处理', level: 1, leaf: false, parent: 'result' },
  {
    key: 'other_handling.no_correction',
    label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    level: 2,
    leaf: true,
    parent: 'other_handling',
  },
  {
    key: 'other_handling.fee_unpaid',
    label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    level: 2,
    leaf: true,
    parent: 'other_handling',
  },
  { key: 'other_handling.other', label: '3.其他', level: 2, leaf: true, parent: 'other_handling' },
  { key: 'total', label: '（七）总计', level: 1, leaf: true, parent: 'result' },
  { key: 'carried_out', label: '四、结转下年度继续办理', level: 0, leaf: true },
];

export const RESULT_LEAF_KEYS: readonly ResultLeafKey[] = [
  'disclosed',
  'partial',
  'withheld.state_secret',
  'withheld.prohibited_by_law',
  'withheld.security_stability',
  'withheld.third_party',
  'withheld.internal_affairs',
  'withheld.process_info',
  'withheld.enforcement_file',
  'withheld.administrative_query',
  'unable.not_held',
  'unable.needs_compilation',
  'unable.unclear_after_correction',
  'not_processed.petition_complaint',
  'not_processed.repeat_application',
  'not_processed.publication_request',
  'not_processed.excessive_requests',
  'not_processed.confirmation_request',
  'other_handling.no_correction',
  'other_handling.fee_unpaid',
  'other_handling.other',
];

const ROW_BY_KEY: ReadonlyMap<string, ApplicationRowDef> = new Map(APPLICATION_ROWS.map((r) => [r.key, r]));

/** How a row is named in a check message: sub-rows carry their group, since "1." repeats. */
function rowName(key: ApplicationRowKey): string {
  const row = ROW_BY_KEY.get(key)!;
  if (row.level === 2 && row.parent !== undefined) return `${ROW_BY_KEY.get(row.parent)!.label}${row.label}`;
  return row.label;
}

function cellName(key: ApplicationRowKey, column: number): string {
  return `「${rowName(key)}」行「${APPLICANT_COLUMNS[column].label}」列`;
}

/** One application as the report sees it. */
export interface ReportApplication {
  readonly id: number;
  readonly applicantColumn: ApplicantType;
  readonly receivedOn: string;
  /** The day handling ended (reply sent, abandonment recorded, withdrawal); null while open. */
  readonly endedOn: string | null;
  /** Set exactly when endedOn is set. */
  readonly outcome: ReportOutcome | null;
}

export interface ApplicationTableRow {
  readonly key: ApplicationRowKey;
  readonly label: string;
  readonly level: 0 | 1 | 2;
  readonly leaf: boolean;
  /** One number per APPLICANT_COLUMNS entry, total last. */
  readonly values: readonly number[];
}

export interface ApplicationTable {
  readonly year: number;
  readonly columns: readonly ApplicantColumn[];
  readonly rows: readonly ApplicationTableRow[];
  /** The application ids behind each cell: ids[rowKey][column], ascending. */
  readonly ids: Readonly<Record<ApplicationRowKey, readonly (readonly number[])[]>>;
}

function validateApplication(app: ReportApplication): void {
  const who = `申请（编号 ${app.id}）`;
  if (!APPLICANT_TYPES.includes(app.applicantColumn)) {
    throw new ReportInputError(`${who}的申请人类型无效：${String(app.applicantColumn)}`);
  }
  checkDate(app.receivedOn, `${who}的收到日期`);
  if (app.endedOn === null) {
    if (app.outcome !== null) throw new ReportInputError(`${who}记录了处理结果，但没有办结日期`);
    return;
  }
  checkDate(app.endedOn, `${who}的办结日期`);
  if (app.endedOn < app.receivedOn) {
    throw new ReportInputError(`${who}的办结日期 ${app.endedOn} 早于收到日期 ${app.receivedOn}`);
  }
  if (app.outcome === null) throw new ReportInputError(`${who}已于 ${app.endedOn} 办结，但没有记录处理结果`);
}

/**
 * The section 三 table for `year`. Counting (ANNUAL-REPORT-FORMAT.md):
 * - 一: received in the year;
 * - 二: received before the year and not ended before it began (last year's 四);
 * - result rows: handling ended in the year, one row per application;
 * - 四: received by 31 December and not ended by then.
 * Header rows carry the sum of their sub-rows; 三 equals （七）.
 */
export function computeApplicationTable(year: number, apps: readonly ReportApplication[]): ApplicationTable {
  checkYear(year);
  const seen = new Set<number>();
  for (const app of apps) {
    validateApplication(app);
    if (seen.has(app.id)) throw new ReportInputError(`申请编号 ${app.id} 重复出现`);
    seen.add(app.id);
  }

  const ids = {} as Record<ApplicationRowKey, number[][]>;
  for (const row of APPLICATION_ROWS) ids[row.key] = APPLICANT_COLUMNS.map(() => []);
  const add = (key: ApplicationRowKey, app: ReportApplication): void => {
    ids[key][APPLICANT_TYPES.indexOf(app.applicantColumn)].push(app.id);
    ids[key][TOTAL_COLUMN].push(app.id);
  };

  const start = yearStart(year);
  const end = yearEnd(year);
  for (const app of apps) {
    if (app.receivedOn > end) continue;
    if (app.endedOn !== null && app.endedOn < start) continue;
    add(app.receivedOn >= start ? 'new' : 'carried_in', app);
    if (app.endedOn !== null && app.endedOn <= end) {
      // validateApplication guarantees an outcome once ended.
      let key: ApplicationRowKey | undefined = reportRowOf(app.outcome!);
      while (key !== undefined) {
        add(key, app); // the leaf, its group header, and 三
        key = ROW_BY_KEY.get(key)!.parent;
      }
      add('total', app);
    } else {
      add('carried_out', app);
    }
  }

  for (const row of APPLICATION_ROWS) for (const cell of ids[row.key]) cell.sort((a, b) => a - b);
  return {
    year,
    columns: APPLICANT_COLUMNS,
    rows: APPLICATION_ROWS.map((r) => ({
      key: r.key,
      label: r.label,
      level: r.level,
      leaf: r.leaf,
      values: ids[r.key].map((cell) => cell.length),
    })),
    ids,
  };
}

// ---------------------------------------------------------------------------------------------
// Checks

export type CheckRule =
  | 'shape' // every data row present, seven non-negative integers
  | 'balance' // 一 + 二 = 三（七） + 四, per column (printed in the table)
  | 'result_total' // （七） = sum of the result leaf rows, per column
  | 'header_sum' // a header row, where given, = sum of its sub-rows
  | 'column_total' // 总计 = 自然人 + the five organisation columns, per row
  | 'carried_in'; // 二 = last year's published 四, per column

export interface CheckResult {
  readonly rule: CheckRule;
  readonly ok: boolean;
  /** Chinese; names the cell (row and column) and the numbers. */
  readonly detail: string;
  readonly row?: ApplicationRowKey;
  readonly column?: ApplicantColumnKey;
}

/** Any section 三 table: computed, typed in by hand, or read back from a published report. */
export interface CheckableTable {
  readonly rows: readonly { readonly key: string; readonly values: readonly number[] }[];
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function shapeProblems(table: CheckableTable): CheckResult[] {
  const problems: CheckResult[] = [];
  const given = new Set<string>();
  for (const row of table.rows) {
    const def = ROW_BY_KEY.get(row.key);
    if (def === undefined) {
      problems.push({ rule: 'shape', ok: false, detail: `表中有未知的行：${row.key}` });
      continue;
    }
    if (given.has(row.key)) {
      problems.push({ rule: 'shape', ok: false, detail: `「${rowName(def.key)}」行重复出现`, row: def.key });
      continue;
    }
    given.add(row.key);
    if (row.values.length !== APPLICANT_COLUMNS.length) {
      problems.push({
        rule: 'shape',
        ok: false,
        detail: `「${rowName(def.key)}」行应有 ${APPLICANT_COLUMNS.length} 列数值，实有 ${row.values.length} 列`,
        row: def.key,
      });
      continue;
    }
    row.values.forEach((v, c) => {
      if (!isCount(v)) {
        problems.push({
          rule: 'shape',
          ok: false,
          detail: `${cellName(def.key, c)}的数值无效：${String(v)}（应为非负整数）`,
          row: def.key,
          column: APPLICANT_COLUMNS[c].key,
        });
      }
    });
  }
  for (const def of APPLICATION_ROWS) {
    if (def.leaf && !given.has(def.key)) {
      problems.push({ rule: 'shape', ok: false, detail: `表中缺少「${rowName(def.key)}」行`, row: def.key });
    }
  }
  return problems;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/**
 * Check a section 三 table against the rules every published table must pass. A table that is not
 * well-formed gets only its `shape` problems (the other rules would repeat them as noise).
 */
export function checkApplicationTable(table: CheckableTable): CheckResult[] {
  const shape = shapeProblems(table);
  if (shape.length > 0) return shape;

  const values = new Map<string, readonly number[]>(table.rows.map((r) => [r.key, r.values]));
  const v = (key: ApplicationRowKey, c: number): number => values.get(key)![c];
  const results: CheckResult[] = [];

  APPLICANT_COLUMNS.forEach((col, c) => {
    const left = v('new', c) + v('carried_in', c);
    const right = v('total', c) + v('carried_out', c);
    const equation =
      `「${col.label}」列：${rowName('new')}（${v('new', c)}）+ ${rowName('carried_in')}（${v('carried_in', c)}）= ${left}，` +
      `${rowName('total')}（${v('total', c)}）+ ${rowName('carried_out')}（${v('carried_out', c)}）= ${right}`;
    results.push({
      rule: 'balance',
      ok: left === right,
      detail: left === right ? equation : `${equation}，两者不相等`,
      column: col.key,
    });

    const leaves = sum(RESULT_LEAF_KEYS.map((k) => v(k, c)));
    results.push({
      rule: 'result_total',
      ok: leaves === v('total', c),
      detail:
        leaves === v('total', c)
          ? `${cellName('total', c)}为 ${v('total', c)}，等于（一）至（六）各项之和`
          : `${cellName('total', c)}为 ${v('total', c)}，但（一）至（六）各项之和为 ${leaves}`,
      row: 'total',
      column: col.key,
    });

    for (const header of APPLICATION_ROWS) {
      if (header.leaf || !values.has(header.key)) continue; // header rows are optional in a table
      const children = header.key === 'result' ? RESULT_LEAF_KEYS : leafChildren(header.key);
      const childSum = sum(children.map((k) => v(k, c)));
      const ok = childSum === v(header.key, c);
      results.push({
        rule: 'header_sum',
        ok,
        detail: ok
          ? `${cellName(header.key, c)}为 ${v(header.key, c)}，等于其下各项之和`
          : `${cellName(header.key, c)}为 ${v(header.key, c)}，但其下各项之和为 ${childSum}`,
        row: header.key,
        column: col.key,
      });
    }
  });

  for (const def of APPLICATION_ROWS) {
    const row = values.get(def.key);
    if (row === undefined) continue;
    const parts = sum(row.slice(0, TOTAL_COLUMN));
    const ok = parts === row[TOTAL_COLUMN];
    results.push({
      rule: 'column_total',
      ok,
      detail: ok
        ? `${cellName(def.key, TOTAL_COLUMN)}为 ${row[TOTAL_COLUMN]}，等于自然人及法人或其他组织各列之和`
        : `${cellName(def.key, TOTAL_COLUMN)}为 ${row[TOTAL_COLUMN]}，但自然人及法人或其他组织各列之和为 ${parts}`,
      row: def.key,
      column: 'total',
    });
  }
  return results;
}

function leafChildren(key: ApplicationRowKey): ApplicationRowKey[] {
  return APPLICATION_ROWS.filter((r) => r.parent === key).map((r) => r.key);
}

/**
 * All checks for section 三, plus continuity with last year's report: 二 must equal last year's
 * published 四 (seven numbers in column order), when that is known.
 */
export function checkReport(input: {
  readonly applications: CheckableTable;
  readonly previousCarriedOut?: readonly number[];
}): CheckResult[] {
  const results = checkApplicationTable(input.applications);
  const previous = input.previousCarriedOut;
  if (previous === undefined) return results;
  if (previous.length !== APPLICANT_COLUMNS.length || !previous.every(isCount)) {
    return [
      ...results,
      {
        rule: 'carried_in',
        ok: false,
        detail: `上年报告「${rowName('carried_out')}」应为 ${APPLICANT_COLUMNS.length} 个非负整数：${previous.join('，')}`,
      },
    ];
  }
  const carriedIn = input.applications.rows.find((r) => r.key === 'carried_in');
  if (carriedIn === undefined || carriedIn.values.length !== APPLICANT_COLUMNS.length) return results; // shape reported
  APPLICANT_COLUMNS.forEach((col, c) => {
    const ok = carriedIn.values[c] === previous[c];
    results.push({
      rule: 'carried_in',
      ok,
      detail: ok
        ? `${cellName('carried_in', c)}为 ${carriedIn.values[c]}，等于上年报告「${rowName('carried_out')}」`
        : `${cellName('carried_in', c)}为 ${carriedIn.values[c]}，但上年报告「${rowName('carried_out')}」为 ${previous[c]}`,
      row: 'carried_in',
      column: col.key,
    });
  });
  return results;
}

// =============================================================================================
// Section 二: proactive disclosure (2021 format; the 2019 trial format is not produced)

export type Art20DocumentClass = 'rule' | 'normative'; // 规章 / 行政规范性文件, Art. 20(1)

export interface ProactiveDocument {
  readonly id: number;
  readonly art20Class: Art20DocumentClass | null;
  /** Date of issue (成文/制发日期). */
  readonly createdOn: string;
  readonly repealedOn: string | null;
  /** Null while not published. */
  readonly publishedOn: string | null;
}

/** Figures kept outside the platform, entered by the office for the year. */
export interface ProactiveManualFigures {
  readonly licensing: number; // 行政许可 本年处理决定数量
  readonly penalty: number; // 行政处罚 本年处理决定数量
  readonly coercion: number; // 行政强制 本年处理决定数量
  readonly feesWanYuan: number; // 行政事业性收费 本年收费金额（单位：万元）
}

export interface ProactiveInput {
  readonly year: number;
  readonly documents: readonly ProactiveDocument[];
  readonly manual: ProactiveManualFigures;
}

export type ProactiveSectionKey = 'art20_1' | 'art20_5' | 'art20_6' | 'art20_8';
export type ProactiveRowKey = 'rule' | 'normative' | 'licensing' | 'penalty' | 'coercion' | 'fees';

export interface ProactiveSection {
  readonly key: ProactiveSectionKey;
  readonly heading: string;
  /** Column headings, the first being 信息内容. */
  readonly columns: readonly string[];
  readonly rows: readonly { readonly key: ProactiveRowKey; readonly label: string; readonly values: readonly number[] }[];
}

export interface DocumentCounts<T> {
  readonly issued: T; // 本年制发件数
  readonly repealed: T; // 本年废止件数
  readonly inForce: T; // 现行有效件数
}

export interface ProactiveTable {
  readonly year: number;
  readonly sections: readonly ProactiveSection[];
  /** Document ids behind the Art. 20(1) cells. */
  readonly ids: Readonly<Record<Art20DocumentClass, DocumentCounts<readonly number[]>>>;
}

export const PROACTIVE_LABELS = {
  art20_1: '第二十条第（一）项',
  art20_5: '第二十条第（五）项',
  art20_6: '第二十条第（六）项',
  art20_8: '第二十条第（八）项',
  content: '信息内容',
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
  decisions: '本年处理决定数量',
  feeAmount: '本年收费金额（单位：万元）',
  rule: '规章',
  normative: '行政规范性文件',
  licensing: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
} as const;

/**
 * Art. 20(1) counts from the catalogue, by date: issued = issued in the year; repealed = repealed
 * in the year; in force = published by 31 December and not repealed by then (an unpublished rule or
 * normative document cannot be applied, so it is not counted as in force).
 */
export function computeProactiveTable(input: ProactiveInput): ProactiveTable {
  const { year, documents, manual } = input;
  checkYear(year);
  const end = yearEnd(year);
  const ids: Record<Art20DocumentClass, DocumentCounts<number[]>> = {
    rule: { issued: [], repealed: [], inForce: [] },
    normative: { issued: [], repealed: [], inForce: [] },
  };
  for (const doc of documents) {
    const who = `文件（编号 ${doc.id}）`;
    checkDate(doc.createdOn, `${who}的成文日期`);
    if (doc.publishedOn !== null) checkDate(doc.publishedOn, `${who}的发布日期`);
    if (doc.repealedOn !== null) {
      checkDate(doc.repealedOn, `${who}的废止日期`);
      if (doc.repealedOn < doc.createdOn) {
        throw new ReportInputError(`${who}的废止日期 ${doc.repealedOn} 早于成文日期 ${doc.createdOn}`);
      }
    }
    if (doc.art20Class === null) continue;
    const cell = ids[doc.art20Class];
    if (inYear(doc.createdOn, year)) cell.issued.push(doc.id);
    if (doc.repealedOn !== null && inYear(doc.repealedOn, year)) cell.repealed.push(doc.id);
    if (doc.publishedOn !== null && doc.publishedOn <= end && (doc.repealedOn === null || doc.repealedOn > end)) {
      cell.inForce.push(doc.id);
    }
  }
  for (const cls of ['rule', 'normative'] as const) {
    for (const list of [ids[cls].issued, ids[cls].repealed, ids[cls].inForce]) list.sort((a, b) => a - b);
  }

  for (const key of ['licensing', 'penalty', 'coercion'] as const) {
    if (!isCount(manual[key])) {
      throw new ReportInputError(`「${PROACTIVE_LABELS[key]}」${PROACTIVE_LABELS.decisions}应为非负整数：${manual[key]}`);
    }
  }
  if (!Number.isFinite(manual.feesWanYuan) || manual.feesWanYuan < 0) {
    throw new ReportInputError(`「${PROACTIVE_LABELS.fees}」${PROACTIVE_LABELS.feeAmount}应为非负数：${manual.feesWanYuan}`);
  }

  const L = PROACTIVE_LABELS;
  const docRow = (cls: Art20DocumentClass) => ({
    key: cls,
    label: L[cls],
    values: [ids[cls].issued.length, ids[cls].repealed.length, ids[cls].inForce.length],
  });
  return {
    year,
    sections: [
      { key: 'art20_1', heading: L.art20_1, columns: [L.content, L.issued, L.repealed, L.inForce], rows: [docRow('rule'), docRow('normative')] },
      { key: 'art20_5', heading: L.art20_5, columns: [L.content, L.decisions], rows: [{ key: 'licensing', label: L.licensing, values: [manual.licensing] }] },
      {
        key: 'art20_6',
        heading: L.art20_6,
        columns: [L.content, L.decisions],
        rows: [
          { key: 'penalty', label: L.penalty, values: [manual.penalty] },
          { key: 'coercion', label: L.coercion, values: [manual.coercion] },
        ],
      },
      { key: 'art20_8', heading: L.art20_8, columns: [L.content, L.feeAmount], rows: [{ key: 'fees', label: L.fees, values: [manual.feesWanYuan] }] },
    ],
    ids,
  };
}

// =============================================================================================
// Section 四: administrative reconsideration and litigation

export type CaseKind = 'reconsideration' | 'lawsuit_direct' | 'lawsuit_after_reconsideration';
export type CaseResult = 'upheld' | 'corrected' | 'other' | 'pending';

/**
 * A reconsideration or lawsuit over this agency's disclosure work. Where the reconsideration body
 * is co-defendant, only the original acting agency records the case (国办公开办函〔2016〕201号), so
 * the caller passes only cases this agency counts.
 */
export interface ReviewCase {
  readonly id: number;
  readonly kind: CaseKind;
  /** 'pending' exactly while decidedOn is null. */
  readonly result: CaseResult;
  readonly filedOn: string;
  readonly decidedOn: string | null;
}

export type ReviewColumnKey = `${CaseKind}.${CaseResult | 'total'}`;

export interface ReviewColumn {
  readonly key: ReviewColumnKey;
  readonly group: '行政复议' | '行政诉讼';
  readonly subgroup: '未经复议直接起诉' | '复议后起诉' | null;
  readonly label: '结果维持' | '结果纠正' | '其他结果' | '尚未审结' | '总计';
}

export const REVIEW_LITIGATION_COLUMNS: readonly ReviewColumn[] = [
  { key: 'reconsideration.upheld', group: '行政复议', subgroup: null, label: '结果维持' },
  { key: 'reconsideration.corrected', group: '行政复议', subgroup: null, label: '结果纠正' },
  { key: 'reconsideration.other', group: '行政复议', subgroup: null, label: '其他结果' },
  { key: 'reconsideration.pending', group: '行政复议', subgroup: null, label: '尚未审结' },
  { key: 'reconsideration.total', group: '行政复议', subgroup: null, label: '总计' },
  { key: 'lawsuit_direct.upheld', group: '行政诉讼', subgroup: '未经复议直接起诉', label: '结果维持' },
  { key: 'lawsuit_direct.corrected', group: '行政诉讼', subgroup: '未经复议直接起诉', label: '结果纠正' },
  { key: 'lawsuit_direct.other', group: '行政诉讼', subgroup: '未经复议直接起诉', label: '其他结果' },
  { key: 'lawsuit_direct.pending', group: '行政诉讼', subgroup: '未经复议直接起诉', label: '尚未审结' },
  { key: 'lawsuit_direct.total', group: '行政诉讼', subgroup: '未经复议直接起诉', label: '总计' },
  { key: 'lawsuit_after_reconsideration.upheld', group: '行政诉讼', subgroup: '复议后起诉', label: '结果维持' },
  { key: 'lawsuit_after_reconsideration.corrected', group: '行政诉讼', subgroup: '复议后起诉', label: '结果纠正' },
  { key: 'lawsuit_after_reconsideration.other', group: '行政诉讼', subgroup: '复议后起诉', label: '其他结果' },
  { key: 'lawsuit_after_reconsideration.pending', group: '行政诉讼', subgroup: '复议后起诉', label: '尚未审结' },
  { key: 'lawsuit_after_reconsideration.total', group: '行政诉讼', subgroup: '复议后起诉', label: '总计' },
];

export interface ReviewLitigationTable {
  readonly year: number;
  readonly columns: readonly ReviewColumn[];
  readonly values: readonly number[];
  /** Case ids behind each of the 15 cells, ascending. */
  readonly ids: readonly (readonly number[])[];
}

const CASE_KINDS: readonly CaseKind[] = ['reconsideration', 'lawsuit_direct', 'lawsuit_after_reconsideration'];
const CASE_RESULTS: readonly CaseResult[] = ['upheld', 'corrected', 'other', 'pending'];

/**
 * Section 四 for `year`. Rule (common practice, mirroring section 三): a case is counted in the
 * year it was decided, under its result; a case filed by 31 December and not decided by then is
 * counted as 尚未审结 — again in each later year it stays pending. Cases decided before the year, or
 * filed after it, are not counted. 总计 = the four result columns of its group.
 */
export function computeReviewLitigation(cases: readonly ReviewCase[], year: number): ReviewLitigationTable {
  checkYear(year);
  const end = yearEnd(year);
  const ids: number[][] = REVIEW_LITIGATION_COLUMNS.map(() => []);
  const seen = new Set<number>();
  for (const rc of cases) {
    const who = `复议诉讼案件（编号 ${rc.id}）`;
    if (seen.has(rc.id)) throw new ReportInputError(`复议诉讼案件编号 ${rc.id} 重复出现`);
    seen.add(rc.id);
    if (!CASE_KINDS.includes(rc.kind)) throw new ReportInputError(`${who}的类型无效：${String(rc.kind)}`);
    if (!CASE_RESULTS.includes(rc.result)) throw new ReportInputError(`${who}的结果无效：${String(rc.result)}`);
    checkDate(rc.filedOn, `${who}的立案日期`);
    if (rc.decidedOn === null) {
      if (rc.result !== 'pending') throw new ReportInputError(`${who}记录了结果，但没有审结日期`);
    } else {
      checkDate(rc.decidedOn, `${who}的审结日期`);
      if (rc.result === 'pending') throw new ReportInputError(`${who}已于 ${rc.decidedOn} 审结，但结果仍为尚未审结`);
      if (rc.decidedOn < rc.filedOn) {
        throw new ReportInputError(`${who}的审结日期 ${rc.decidedOn} 早于立案日期 ${rc.filedOn}`);
      }
    }

    let result: CaseResult;
    if (rc.filedOn > end) continue;
    if (rc.decidedOn === null || rc.decidedOn > end) result = 'pending';
    else if (inYear(rc.decidedOn, year)) result = rc.result;
    else continue; // decided before the year
    const base = CASE_KINDS.indexOf(rc.kind) * 5;
    ids[base + CASE_RESULTS.indexOf(result)].push(rc.id);
    ids[base + 4].push(rc.id);
  }
  for (const cell of ids) cell.sort((a, b) => a - b);
  return { year, columns: REVIEW_LITIGATION_COLUMNS, values: ids.map((cell) => cell.length), ids };
}
