import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_INDEX_PATTERN,
  formatIndexNumber,
  parseIndexNumber,
  validateIndexPattern,
} from '../../src/domain/index-number.ts';

const AGENCY = { creditCode: '11431281006178945K', year: 2026, serial: 12, agencyCode: 'HJJY' };

describe('formatIndexNumber', () => {
  test('the default pattern: credit code / year - five-digit serial', () => {
    assert.equal(DEFAULT_INDEX_PATTERN, '{creditCode}/{year}-{serial:5}');
    assert.equal(formatIndexNumber(DEFAULT_INDEX_PATTERN, AGENCY), '11431281006178945K/2026-00012');
    assert.equal(formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial: 1 }), '11431281006178945K/2026-00001');
    assert.equal(formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial: 99999 }), '11431281006178945K/2026-99999');
  });

  test('a serial wider than the pattern is written in full', () => {
    assert.equal(formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial: 123456 }), '11431281006178945K/2026-123456');
  });

  test('other placeholders and literal text', () => {
    assert.equal(
      formatIndexNumber('{agencyCode}-{categoryCode}-{year}-{serial:4}', { ...AGENCY, categoryCode: 'ZC01' }),
      'HJJY-ZC01-2026-0012',
    );
    assert.equal(formatIndexNumber('洪教{year}第{serial}号', AGENCY), '洪教2026第12号');
  });

  test('refuses an invalid pattern, serial or year, or a missing code', () => {
    assert.throws(() => formatIndexNumber('{creditCode}/{year}', AGENCY), /必须包含流水号/);
    assert.throws(() => formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial: 0 }), /流水号应为正整数/);
    assert.throws(() => formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial: 1.5 }), /流水号应为正整数/);
    assert.throws(() => formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, year: 26 }), /年份应为四位整数/);
    assert.throws(() => formatIndexNumber('{categoryCode}/{year}-{serial}', AGENCY), /索引号规则需要分类代码，但未设置/);
    assert.throws(() => formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, creditCode: ' ' }), /统一社会信用代码/);
  });
});

describe('validateIndexPattern', () => {
  test('accepts patterns with a serial, a year and known placeholders', () => {
    for (const p of [DEFAULT_INDEX_PATTERN, '{agencyCode}-{year}-{serial}', '{creditCode}/{categoryCode}/{year}/{serial:10}']) {
      assert.deepEqual(validateIndexPattern(p), { ok: true }, p);
    }
  });

  test('explains every problem in Chinese', () => {
    assert.deepEqual(validateIndexPattern(''), { ok: false, errors: ['索引号规则不能为空'] });
    assert.deepEqual(validateIndexPattern('{creditCode}/{year}'), {
      ok: false,
      errors: ['索引号规则必须包含流水号 {serial}，否则无法保证索引号唯一'],
    });
    assert.deepEqual(validateIndexPattern('{creditCode}-{serial}'), {
      ok: false,
      errors: ['索引号规则必须包含年份 {year}：流水号每年从 1 开始编号'],
    });
    const unknown = validateIndexPattern('{creditcode}/{year}-{serial}');
    assert.equal(unknown.ok, false);
    assert.match(!unknown.ok ? unknown.errors[0] : '', /^索引号规则含有未知的占位符 \{creditcode\}，可用的占位符：\{creditCode\}/);
    assert.deepEqual(validateIndexPattern('{year}-{serial}-{serial}'), { ok: false, errors: ['索引号规则只能包含一个流水号 {serial}'] });
    assert.deepEqual(validateIndexPattern('{year:2}-{serial}'), {
      ok: false,
      errors: ['只有流水号 {serial} 可以指定位数，{year:2} 不可以'],
    });
    assert.deepEqual(validateIndexPattern('{year}-{serial:0}'), { ok: false, errors: ['流水号位数应为 1 至 10'] });
    assert.deepEqual(validateIndexPattern('{year}-{serial:11}'), { ok: false, errors: ['流水号位数应为 1 至 10'] });
  });

  test('unbalanced braces', () => {
    for (const p of ['{year}-{serial', '{year}-serial}', '{year}-{{serial}', '{year}}-{serial}']) {
      const r = validateIndexPattern(p);
      assert.equal(r.ok, false, p);
      assert.ok(!r.ok && r.errors.includes('索引号规则中的花括号不成对'), p);
    }
  });
});

describe('parseIndexNumber', () => {
  test('reads back what formatIndexNumber wrote', () => {
    for (const serial of [1, 12, 99999, 100000]) {
      const s = formatIndexNumber(DEFAULT_INDEX_PATTERN, { ...AGENCY, serial });
      assert.deepEqual(parseIndexNumber(DEFAULT_INDEX_PATTERN, s), { creditCode: AGENCY.creditCode, year: 2026, serial });
    }
    const pattern = '[{agencyCode}].({categoryCode})-{year}*{serial:3}';
    const s = formatIndexNumber(pattern, { ...AGENCY, agencyCode: 'A+B', categoryCode: 'C1' });
    assert.equal(s, '[A+B].(C1)-2026*012');
    assert.deepEqual(parseIndexNumber(pattern, s), { agencyCode: 'A+B', categoryCode: 'C1', year: 2026, serial: 12 });
  });

  test('surrounding spaces are ignored', () => {
    assert.deepEqual(parseIndexNumber(DEFAULT_INDEX_PATTERN, ' 11431281006178945K/2026-00012 '), {
      creditCode: '11431281006178945K',
      year: 2026,
      serial: 12,
    });
  });

  test('returns null for strings that do not fit the pattern', () => {
    for (const s of [
      '11431281006178945K/2026-0012', // serial narrower than its width
      '11431281006178945/2026-00012', // 17-character credit code
      '11431281006178945K/26-00012',
      '11431281006178945K-2026-00012',
      '11431281006178945K/2026-00000',
      'x11431281006178945K/2026-00012',
      '',
    ]) {
      assert.equal(parseIndexNumber(DEFAULT_INDEX_PATTERN, s), null, s);
    }
  });

  test('a placeholder used twice must have the same value both times', () => {
    const pattern = '{year}/{agencyCode}-{year}-{serial}';
    assert.deepEqual(parseIndexNumber(pattern, '2026/HJ-2026-7'), { year: 2026, agencyCode: 'HJ', serial: 7 });
    assert.equal(parseIndexNumber(pattern, '2026/HJ-2025-7'), null);
  });

  test('an invalid pattern throws', () => {
    assert.throws(() => parseIndexNumber('{nope}', 'x'), /未知的占位符/);
  });
});
