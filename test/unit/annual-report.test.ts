import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  APPLICANT_COLUMNS,
  APPLICATION_ROWS,
  BALANCE_NOTE,
  PROACTIVE_LABELS,
  RESULT_LEAF_KEYS,
  REVIEW_LITIGATION_COLUMNS,
  ReportInputError,
  SECTION_TITLES,
  checkApplicationTable,
  checkReport,
  computeApplicationTable,
  computeProactiveTable,
  computeReviewLitigation,
  type ApplicantType,
  type ApplicationRowKey,
  type ApplicationTable,
  type ProactiveDocument,
  type ReportApplication,
  type ReviewCase,
} from '../../src/domain/annual-report.ts';
import type { ReportOutcome } from '../../src/domain/application-workflow.ts';

// ---------------------------------------------------------------------------------------------
// Labels, copied from the format (国办公开办函〔2021〕30号) character for character.

describe('labels', () => {
  test('section titles', () => {
    assert.deepEqual(SECTION_TITLES, [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
  });

  test('applicant columns, keys matching the API orgType codes', () => {
    assert.deepEqual(
      APPLICANT_COLUMNS.map((c) => [c.key, c.label, c.group]),
      [
        ['person', '自然人', null],
        ['commercial', '商业企业', '法人或其他组织'],
        ['research', '科研机构', '法人或其他组织'],
        ['public_interest', '社会公益组织', '法人或其他组织'],
        ['legal_services', '法律服务机构', '法人或其他组织'],
        ['other', '其他', '法人或其他组织'],
        ['total', '总计', null],
      ],
    );
    assert.equal(BALANCE_NOTE, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
  });

  test('section 三 rows in order, 25 of them data rows', () => {
    assert.deepEqual(APPLICATION_ROWS.map((r) => r.label), [
      '一、本年新收政府信息公开申请数量',
      '二、上年结转政府信息公开申请数量',
      '三、本年度办理结果',
      '（一）予以公开',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '（三）不予公开',
      '1.属于国家秘密',
      '2.其他法律行政法规禁止公开',
      '3.危及"三安全一稳定"',
      '4.保护第三方合法权益',
      '5.属于三类内部事务信息',
      '6.属于四类过程性信息',
      '7.属于行政执法案卷',
      '8.属于行政查询事项',
      '（四）无法提供',
      '1.本机关不掌握相关政府信息',
      '2.没有现成信息需要另行制作',
      '3.补正后申请内容仍不明确',
      '（五）不予处理',
      '1.信访举报投诉类申请',
      '2.重复申请',
      '3.要求提供公开出版物',
      '4.无正当理由大量反复申请',
      '5.要求行政机关确认或重新出具已获取信息',
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '3.其他',
      '（七）总计',
      '四、结转下年度继续办理',
    ]);
    // ASCII double quotes, as in the format file.
    assert.ok(APPLICATION_ROWS[8].label.includes('\u0022三安全一稳定\u0022'));
    assert.equal(APPLICATION_ROWS.filter((r) => r.leaf).length, 25);
    assert.deepEqual(
      APPLICATION_ROWS.filter((r) => !r.leaf).map((r) => r.key),
      ['result', 'withheld', 'unable', 'not_processed', 'other_handling'],
    );
    assert.equal(RESULT_LEAF_KEYS.length, 21);
    const keys = APPLICATION_ROWS.map((r) => r.key);
    assert.deepEqual(keys.slice(0, 5), ['new', 'carried_in', 'result', 'disclosed', 'partial']);
    assert.deepEqual(keys.slice(-2), ['total', 'carried_out']);
    const byKey = new Map(APPLICATION_ROWS.map((r) => [r.key, r]));
    assert.equal(byKey.get('withheld.state_secret')!.parent, 'withheld');
    assert.equal(byKey.get('withheld.state_secret')!.level, 2);
    assert.equal(byKey.get('disclosed')!.parent, 'result');
    assert.equal(byKey.get('carried_out')!.parent, undefined);
  });

  test('section 四 columns', () => {
    assert.equal(REVIEW_LITIGATION_COLUMNS.length, 15);
    const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    assert.deepEqual(REVIEW_LITIGATION_COLUMNS.map((c) => c.label), [...five, ...five, ...five]);
    assert.deepEqual(
      REVIEW_LITIGATION_COLUMNS.map((c) => `${c.group}/${c.subgroup ?? ''}`),
      [
        ...Array(5).fill('行政复议/'),
        ...Array(5).fill('行政诉讼/未经复议直接起诉'),
        ...Array(5).fill('行政诉讼/复议后起诉'),
      ],
    );
  });
});

// ---------------------------------------------------------------------------------------------
// A scripted year: 2023.

const P: ApplicantType = 'person';
const C: ApplicantType = 'commercial';
const R: ApplicantType = 'research';
const S: ApplicantType = 'public_interest';
const L: ApplicantType = 'legal_services';
const O: ApplicantType = 'other';

function app(
  id: number,
  applicantColumn: ApplicantType,
  receivedOn: string,
  endedOn: string | null,
  outcome: ReportOutcome | null,
): ReportApplication {
  return { id, applicantColumn, receivedOn, endedOn, outcome };
}

const YEAR_2023: readonly ReportApplication[] = [
  // Received and ended in 2023: every outcome, and a withdrawal, across every column.
  app(1, P, '2023-01-01', '2023-01-20', 'disclosed'),
  app(2, P, '2023-02-01', '2023-02-20', 'already_public'),
  app(3, C, '2023-03-01', '2023-03-20', 'partially_disclosed'),
  app(4, R, '2023-03-02', '2023-03-25', 'withheld_state_secret'),
  app(5, S, '2023-03-03', '2023-03-25', 'withheld_prohibited_by_law'),
  app(6, L, '2023-03-04', '2023-03-25', 'withheld_security_stability'),
  app(7, O, '2023-03-05', '2023-03-25', 'withheld_third_party'),
  app(8, P, '2023-04-01', '2023-04-20', 'withheld_internal_affairs'),
  app(9, C, '2023-04-02', '2023-04-20', 'withheld_process_info'),
  app(10, R, '2023-04-03', '2023-04-20', 'withheld_enforcement_file'),
  app(11, S, '2023-04-04', '2023-04-20', 'withheld_administrative_query'),
  app(12, L, '2023-05-01', '2023-05-20', 'not_held'),
  app(13, O, '2023-05-02', '2023-05-20', 'not_this_agency'),
  app(14, P, '2023-05-03', '2023-05-20', 'needs_compilation'),
  app(15, C, '2023-05-04', '2023-06-20', 'unclear_after_correction'),
  app(16, R, '2023-06-01', '2023-06-20', 'petition_complaint'),
  app(17, S, '2023-06-02', '2023-06-20', 'repeat_application'),
  app(18, L, '2023-06-03', '2023-06-20', 'publication_request'),
  app(19, O, '2023-06-04', '2023-07-20', 'excessive_requests'),
  app(20, P, '2023-07-01', '2023-07-20', 'confirmation_request'),
  app(21, C, '2023-07-02', '2023-08-20', 'abandoned_no_correction'),
  app(22, R, '2023-08-01', '2023-09-20', 'abandoned_fee_unpaid'),
  app(23, S, '2023-09-01', '2023-09-20', 'other'),
  app(24, L, '2023-12-01', '2023-12-31', 'withdrawn'), // ended on the last day: a result
  // Carried in from 2022.
  app(25, P, '2022-12-20', '2023-01-10', 'disclosed'),
  app(26, O, '2022-11-01', '2024-01-01', 'not_held'), // ended the day after: still open on 31 Dec
  app(27, C, '2022-12-31', null, null),
  // Received in 2023 and open on 31 December.
  app(28, P, '2023-12-29', null, null),
  app(29, R, '2023-12-01', '2024-01-05', 'not_held'),
  // Not part of 2023 at all.
  app(30, P, '2022-05-01', '2022-12-31', 'disclosed'),
  app(31, P, '2024-01-02', null, null),
];

// Worked out by hand from the list above.   自然人 商业 科研 公益 法律 其他 总计
const EXPECTED_2023: Readonly<Record<ApplicationRowKey, readonly number[]>> = {
  new: [6, 4, 5, 4, 4, 3, 26], // 1,2,8,14,20,28 | 3,9,15,21 | 4,10,16,22,29 | 5,11,17,23 | 6,12,18,24 | 7,13,19
  carried_in: [1, 1, 0, 0, 0, 1, 3], // 25 | 27 | 26
  result: [6, 4, 4, 4, 4, 3, 25],
  disclosed: [3, 0, 0, 0, 0, 0, 3], // 1, 2, 25
  partial: [0, 1, 0, 0, 0, 0, 1],
  withheld: [1, 1, 2, 2, 1, 1, 8],
  'withheld.state_secret': [0, 0, 1, 0, 0, 0, 1],
  'withheld.prohibited_by_law': [0, 0, 0, 1, 0, 0, 1],
  'withheld.security_stability': [0, 0, 0, 0, 1, 0, 1],
  'withheld.third_party': [0, 0, 0, 0, 0, 1, 1],
  'withheld.internal_affairs': [1, 0, 0, 0, 0, 0, 1],
  'withheld.process_info': [0, 1, 0, 0, 0, 0, 1],
  'withheld.enforcement_file': [0, 0, 1, 0, 0, 0, 1],
  'withheld.administrative_query': [0, 0, 0, 1, 0, 0, 1],
  unable: [1, 1, 0, 0, 1, 1, 4],
  'unable.not_held': [0, 0, 0, 0, 1, 1, 2], // not_held (12) and not_this_agency (13) share the row
  'unable.needs_compilation': [1, 0, 0, 0, 0, 0, 1],
  'unable.unclear_after_correction': [0, 1, 0, 0, 0, 0, 1],
  not_processed: [1, 0, 1, 1, 1, 1, 5],
  'not_processed.petition_complaint': [0, 0, 1, 0, 0, 0, 1],
  'not_processed.repeat_application': [0, 0, 0, 1, 0, 0, 1],
  'not_processed.publication_request': [0, 0, 0, 0, 1, 0, 1],
  'not_processed.excessive_requests': [0, 0, 0, 0, 0, 1, 1],
  'not_processed.confirmation_request': [1, 0, 0, 0, 0, 0, 1],
  other_handling: [0, 1, 1, 1, 1, 0, 4],
  'other_handling.no_correction': [0, 1, 0, 0, 0, 0, 1],
  'other_handling.fee_unpaid': [0, 0, 1, 0, 0, 0, 1],
  'other_handling.other': [0, 0, 0, 1, 1, 0, 2], // 23 other, 24 withdrawn
  total: [6, 4, 4, 4, 4, 3, 25],
  carried_out: [1, 1, 1, 0, 0, 1, 4], // 28 | 27 | 29 | 26
};

function valuesOf(table: ApplicationTable): Record<string, readonly number[]> {
  return Object.fromEntries(table.rows.map((r) => [r.key, r.values]));
}

function failures(results: ReturnType<typeof checkApplicationTable>) {
  return results.filter((r) => !r.ok);
}

/** A plain, editable copy of a table, as if typed in by hand. */
function manualCopy(table: ApplicationTable): { rows: { key: string; values: number[] }[] } {
  return { rows: table.rows.map((r) => ({ key: r.key, values: [...r.values] })) };
}

describe('section 三: applications', () => {
  const table = computeApplicationTable(2023, YEAR_2023);

  test('every cell of the scripted year', () => {
    assert.equal(table.year, 2023);
    assert.deepEqual(table.rows.map((r) => r.key), APPLICATION_ROWS.map((r) => r.key));
    assert.deepEqual(table.rows.map((r) => r.label), APPLICATION_ROWS.map((r) => r.label));
    assert.deepEqual(valuesOf(table), EXPECTED_2023);
  });

  test('the ids behind each cell', () => {
    assert.deepEqual(table.ids.disclosed[0], [1, 2, 25]);
    assert.deepEqual(table.ids.disclosed[6], [1, 2, 25]);
    assert.deepEqual(table.ids['unable.not_held'][6], [12, 13]);
    assert.deepEqual(table.ids['other_handling.other'][4], [24]);
    assert.deepEqual(table.ids.carried_in[6], [25, 26, 27]);
    assert.deepEqual(table.ids.carried_out[6], [26, 27, 28, 29]);
    assert.deepEqual(table.ids.new[2], [4, 10, 16, 22, 29]);
    assert.deepEqual(table.ids.withheld[2], [4, 10]);
    // Applications outside the year are behind no cell.
    const all = new Set(Object.values(table.ids).flatMap((cells) => cells.flat()));
    assert.equal(all.has(30), false);
    assert.equal(all.has(31), false);
    for (const row of table.rows) {
      table.ids[row.key].forEach((cell, c) => assert.equal(cell.length, row.values[c], `${row.key}[${c}]`));
    }
  });

  test('the computed table passes every check', () => {
    const results = checkApplicationTable(table);
    assert.deepEqual(failures(results), []);
    // 7 balance + 7 result totals + 5 header rows × 7 + 30 column totals
    assert.equal(results.length, 7 + 7 + 35 + 30);
    const personBalance = results.find((r) => r.rule === 'balance' && r.column === 'person')!;
    assert.equal(
      personBalance.detail,
      '「自然人」列：一、本年新收政府信息公开申请数量（6）+ 二、上年结转政府信息公开申请数量（1）= 7，' +
        '（七）总计（6）+ 四、结转下年度继续办理（1）= 7',
    );
  });

  test('last year\'s 四 carries into this year\'s 二', () => {
    // 2022: 25, 26, 27 were open on 31 Dec 2022; 30 ended on that day.
    const previous = computeApplicationTable(2022, YEAR_2023);
    const carriedOut2022 = previous.rows.find((r) => r.key === 'carried_out')!.values;
    assert.deepEqual(carriedOut2022, [1, 1, 0, 0, 0, 1, 3]);
    assert.deepEqual(previous.rows.find((r) => r.key === 'disclosed')!.values, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(failures(checkReport({ applications: table, previousCarriedOut: carriedOut2022 })), []);

    const mismatch = failures(checkReport({ applications: table, previousCarriedOut: [2, 1, 0, 0, 0, 1, 4] }));
    assert.deepEqual(
      mismatch.map((r) => [r.rule, r.column, r.detail]),
      [
        ['carried_in', 'person', '「二、上年结转政府信息公开申请数量」行「自然人」列为 1，但上年报告「四、结转下年度继续办理」为 2'],
        ['carried_in', 'total', '「二、上年结转政府信息公开申请数量」行「总计」列为 3，但上年报告「四、结转下年度继续办理」为 4'],
      ],
    );
  });

  test('changing one outcome moves one count between rows', () => {
    const changed = YEAR_2023.map((a) => (a.id === 1 ? { ...a, outcome: 'withheld_state_secret' as const } : a));
    const v = valuesOf(computeApplicationTable(2023, changed));
    assert.deepEqual(v.disclosed, [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(v['withheld.state_secret'], [1, 0, 1, 0, 0, 0, 2]);
    assert.deepEqual(v.withheld, [2, 1, 2, 2, 1, 1, 9]);
    assert.deepEqual(v.total, EXPECTED_2023.total);
    assert.deepEqual(v.new, EXPECTED_2023.new);
  });

  test('ending an open application moves it from 四 to a result row', () => {
    const changed = YEAR_2023.map((a) => (a.id === 28 ? { ...a, endedOn: '2023-12-31', outcome: 'not_held' as const } : a));
    const v = valuesOf(computeApplicationTable(2023, changed));
    assert.deepEqual(v.carried_out, [0, 1, 1, 0, 0, 1, 3]);
    assert.deepEqual(v['unable.not_held'], [1, 0, 0, 0, 1, 1, 3]);
    assert.deepEqual(v.total, [7, 4, 4, 4, 4, 3, 26]);
    assert.deepEqual(v.new, EXPECTED_2023.new);
  });

  test('an empty year is all zeros and balanced', () => {
    const empty = computeApplicationTable(2023, []);
    for (const row of empty.rows) assert.deepEqual(row.values, [0, 0, 0, 0, 0, 0, 0]);
    assert.deepEqual(failures(checkApplicationTable(empty)), []);
  });

  test('inconsistent records are refused, naming the record', () => {
    const bad = (a: ReportApplication) => () => computeApplicationTable(2023, [a]);
    assert.throws(bad(app(7, P, '2023-01-05', '2023-02-01', null)), (e: Error) =>
      e instanceof ReportInputError && e.message === '申请（编号 7）已于 2023-02-01 办结，但没有记录处理结果');
    assert.throws(bad(app(8, P, '2023-01-05', null, 'disclosed')), /申请（编号 8）记录了处理结果，但没有办结日期/);
    assert.throws(bad(app(9, P, '2023-03-05', '2023-02-01', 'disclosed')), /早于收到日期/);
    assert.throws(bad(app(10, P, '2023-13-05', null, null)), /收到日期不是有效日期/);
    assert.throws(bad(app(11, 'nobody' as ApplicantType, '2023-01-05', null, null)), /申请人类型无效/);
    assert.throws(
      () => computeApplicationTable(2023, [app(3, P, '2023-01-05', null, null), app(3, C, '2023-01-06', null, null)]),
      /申请编号 3 重复出现/,
    );
    assert.throws(() => computeApplicationTable(23.5, []), /报告年度无效/);
  });
});

describe('checking a table typed in by hand', () => {
  const good = computeApplicationTable(2023, YEAR_2023);

  test('a wrong leaf count fails （七）, the header, and the 总计 column, naming the cells', () => {
    const t = manualCopy(good);
    t.rows.find((r) => r.key === 'disclosed')!.values[0] = 4; // 自然人 予以公开: 3 → 4
    const f = failures(checkApplicationTable(t));
    assert.deepEqual(
      f.map((r) => [r.rule, r.row, r.column, r.detail]),
      [
        ['result_total', 'total', 'person', '「（七）总计」行「自然人」列为 6，但（一）至（六）各项之和为 7'],
        ['header_sum', 'result', 'person', '「三、本年度办理结果」行「自然人」列为 6，但其下各项之和为 7'],
        ['column_total', 'disclosed', 'total', '「（一）予以公开」行「总计」列为 3，但自然人及法人或其他组织各列之和为 4'],
      ],
    );
  });

  test('a sub-row is named with its group', () => {
    const t = manualCopy(good);
    t.rows.find((r) => r.key === 'withheld.state_secret')!.values[2] = 0; // 科研机构 1 → 0
    const f = failures(checkApplicationTable(t));
    assert.ok(f.some((r) => r.detail === '「（三）不予公开」行「科研机构」列为 2，但其下各项之和为 1'));
    assert.ok(
      f.some(
        (r) => r.detail === '「（三）不予公开1.属于国家秘密」行「总计」列为 1，但自然人及法人或其他组织各列之和为 0',
      ),
    );
  });

  test('a broken balance names the column and both sides', () => {
    const t = manualCopy(good);
    for (const c of [3, 6]) t.rows.find((r) => r.key === 'new')!.values[c] += 1; // 社会公益组织 and 总计
    const f = failures(checkApplicationTable(t));
    assert.deepEqual(
      f.map((r) => [r.rule, r.column]),
      [
        ['balance', 'public_interest'],
        ['balance', 'total'],
      ],
    );
    assert.equal(
      f[0].detail,
      '「社会公益组织」列：一、本年新收政府信息公开申请数量（5）+ 二、上年结转政府信息公开申请数量（0）= 5，' +
        '（七）总计（4）+ 四、结转下年度继续办理（0）= 4，两者不相等',
    );
  });

  test('header rows may be left out of a manual table', () => {
    const t = manualCopy(good);
    t.rows = t.rows.filter((r) => APPLICATION_ROWS.find((d) => d.key === r.key)!.leaf);
    assert.equal(t.rows.length, 25);
    const results = checkApplicationTable(t);
    assert.deepEqual(failures(results), []);
    assert.equal(results.filter((r) => r.rule === 'header_sum').length, 0);
  });

  test('missing rows, bad numbers and unknown rows are reported as shape problems only', () => {
    const t = manualCopy(good);
    t.rows = t.rows.filter((r) => r.key !== 'carried_out');
    t.rows.find((r) => r.key === 'partial')!.values[1] = -1;
    t.rows.find((r) => r.key === 'new')!.values[0] = 1.5;
    t.rows.push({ key: 'bogus', values: [0, 0, 0, 0, 0, 0, 0] });
    t.rows.push({ key: 'total', values: [0, 0, 0, 0, 0, 0, 0] });
    t.rows.find((r) => r.key === 'carried_in')!.values.pop();
    const results = checkApplicationTable(t);
    assert.ok(results.every((r) => r.rule === 'shape' && !r.ok));
    assert.deepEqual(
      results.map((r) => r.detail),
      [
        '「一、本年新收政府信息公开申请数量」行「自然人」列的数值无效：1.5（应为非负整数）',
        '「二、上年结转政府信息公开申请数量」行应有 7 列数值，实有 6 列',
        '「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」行「商业企业」列的数值无效：-1（应为非负整数）',
        '表中有未知的行：bogus',
        '「（七）总计」行重复出现',
        '表中缺少「四、结转下年度继续办理」行',
      ],
    );
  });

  test('a malformed previous-year row is reported', () => {
    const f = failures(checkReport({ applications: good, previousCarriedOut: [1, 2, 3] }));
    assert.equal(f.length, 1);
    assert.equal(f[0].rule, 'carried_in');
    assert.match(f[0].detail, /上年报告「四、结转下年度继续办理」应为 7 个非负整数/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('section 二: proactive disclosure', () => {
  const doc = (
    id: number,
    art20Class: ProactiveDocument['art20Class'],
    createdOn: string,
    publishedOn: string | null,
    repealedOn: string | null,
  ): ProactiveDocument => ({ id, art20Class, createdOn, publishedOn, repealedOn });

  const documents = [
    doc(1, 'rule', '2023-03-01', '2023-03-05', null), // issued, in force
    doc(2, 'rule', '2020-01-01', '2020-01-10', '2023-06-30'), // repealed
    doc(3, 'normative', '2023-12-30', '2024-01-03', null), // issued; published only next year
    doc(4, 'normative', '2019-05-01', '2019-05-02', '2024-02-01'), // in force on 31 Dec
    doc(5, 'normative', '2022-01-01', '2022-01-02', '2022-12-31'), // gone before 2023
    doc(6, null, '2023-04-01', '2023-04-02', null), // not an Art. 20(1) document
    doc(7, 'normative', '2023-02-01', '2023-02-02', '2023-11-01'), // issued and repealed
    doc(8, 'normative', '2024-01-05', '2024-01-06', null), // next year
  ];
  const manual = { licensing: 12, penalty: 3, coercion: 0, feesWanYuan: 1.25 };

  test('the four blocks with the format\'s labels and counts', () => {
    const t = computeProactiveTable({ year: 2023, documents, manual });
    assert.deepEqual(
      t.sections.map((s) => [s.heading, s.columns, s.rows.map((r) => [r.label, r.values])]),
      [
        [
          '第二十条第（一）项',
          ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
          [
            ['规章', [1, 1, 1]],
            ['行政规范性文件', [2, 1, 1]],
          ],
        ],
        ['第二十条第（五）项', ['信息内容', '本年处理决定数量'], [['行政许可', [12]]]],
        [
          '第二十条第（六）项',
          ['信息内容', '本年处理决定数量'],
          [
            ['行政处罚', [3]],
            ['行政强制', [0]],
          ],
        ],
        ['第二十条第（八）项', ['信息内容', '本年收费金额（单位：万元）'], [['行政事业性收费', [1.25]]]],
      ],
    );
    assert.deepEqual(t.ids.rule, { issued: [1], repealed: [2], inForce: [1] });
    assert.deepEqual(t.ids.normative, { issued: [3, 7], repealed: [7], inForce: [4] });
    assert.equal(PROACTIVE_LABELS.feeAmount, '本年收费金额（单位：万元）');
  });

  test('the following year sees the repeal and the late publication', () => {
    const t = computeProactiveTable({ year: 2024, documents, manual });
    assert.deepEqual(t.sections[0].rows.map((r) => r.values), [
      [0, 0, 1],
      [1, 1, 2], // issued 8; repealed 4; in force 3 and 8
    ]);
  });

  test('bad figures are refused', () => {
    assert.throws(
      () => computeProactiveTable({ year: 2023, documents, manual: { ...manual, penalty: -1 } }),
      /「行政处罚」本年处理决定数量应为非负整数/,
    );
    assert.throws(
      () => computeProactiveTable({ year: 2023, documents, manual: { ...manual, feesWanYuan: Number.NaN } }),
      /本年收费金额（单位：万元）应为非负数/,
    );
    assert.throws(
      () => computeProactiveTable({ year: 2023, documents: [doc(9, 'rule', '2023-05-01', null, '2023-04-01')], manual }),
      /文件（编号 9）的废止日期 2023-04-01 早于成文日期 2023-05-01/,
    );
  });
});

describe('section 四: reconsideration and litigation', () => {
  const rc = (
    id: number,
    kind: ReviewCase['kind'],
    result: ReviewCase['result'],
    filedOn: string,
    decidedOn: string | null,
  ): ReviewCase => ({ id, kind, result, filedOn, decidedOn });

  const cases = [
    rc(1, 'reconsideration', 'upheld', '2023-02-01', '2023-04-01'),
    rc(2, 'reconsideration', 'corrected', '2022-11-01', '2023-01-10'), // filed last year, decided this year
    rc(3, 'reconsideration', 'pending', '2023-12-01', null),
    rc(4, 'reconsideration', 'upheld', '2023-10-01', '2024-01-15'), // pending on 31 Dec
    rc(5, 'reconsideration', 'other', '2022-01-01', '2022-06-01'), // decided last year
    rc(6, 'lawsuit_direct', 'other', '2023-05-01', '2023-09-01'),
    rc(7, 'lawsuit_direct', 'pending', '2021-03-01', null), // still pending, counted again
    rc(8, 'lawsuit_after_reconsideration', 'corrected', '2023-01-01', '2023-08-01'),
    rc(9, 'lawsuit_after_reconsideration', 'upheld', '2024-01-02', '2024-03-01'), // next year
  ];

  test('one row of 15 numbers, with the cases behind each', () => {
    const t = computeReviewLitigation(cases, 2023);
    assert.deepEqual(t.values, [1, 1, 0, 2, 4, 0, 0, 1, 1, 2, 0, 1, 0, 0, 1]);
    assert.deepEqual(t.ids[3], [3, 4]);
    assert.deepEqual(t.ids[4], [1, 2, 3, 4]);
    assert.deepEqual(t.ids[8], [7]);
  });

  test('a case pending across years is 尚未审结 each year, then counted by result', () => {
    assert.deepEqual(computeReviewLitigation(cases, 2022).values, [0, 0, 1, 1, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    assert.deepEqual(computeReviewLitigation(cases, 2024).values, [1, 0, 0, 1, 2, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1]);
  });

  test('inconsistent cases are refused', () => {
    assert.throws(() => computeReviewLitigation([rc(1, 'reconsideration', 'upheld', '2023-01-01', null)], 2023), /没有审结日期/);
    assert.throws(
      () => computeReviewLitigation([rc(2, 'lawsuit_direct', 'pending', '2023-01-01', '2023-02-01')], 2023),
      /结果仍为尚未审结/,
    );
    assert.throws(
      () => computeReviewLitigation([rc(3, 'lawsuit_direct', 'other', '2023-03-01', '2023-02-01')], 2023),
      /早于立案日期/,
    );
  });
});
