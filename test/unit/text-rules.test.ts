import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { TextMatcher, checkText, describeHit, ruleForm, ruleKey, validateTextRule, type TextRule } from '../../src/domain/text-rules.ts';

let nextId = 1;
const rule = (pattern: string, opts: Partial<TextRule> = {}): TextRule => ({
  id: nextId++, kind: 'forbidden', pattern, replacement: '', severity: 'deduct', agencyId: null, ...opts,
});
const found = (m: TextMatcher, text: string) => m.find(text).map((h) => h.found);

describe('rule form', () => {
  test('Traditional, full-width, case and whitespace fold to one form, mapped back to the source', () => {
    assert.equal(ruleKey('教育委員會'), '教育委员会');
    assert.equal(ruleKey('ＰＭ２．５ 標準'), 'pm2.5标准');
    assert.equal(ruleKey(' 保 录　取 '), '保录取');
    const f = ruleForm('a 保\u200b录');
    assert.equal(f.text, 'a保录');
    // 录 comes from index 4 of the source (after the space and the zero-width space).
    assert.deepEqual([f.starts[2], f.ends[2]], [4, 5]);
  });
});

describe('matcher', () => {
  test('finds a forbidden expression however it is written, with the exact source characters', () => {
    const m = new TextMatcher([rule('保录取')]);
    assert.deepEqual(found(m, '本校承诺保录取，欢迎报名'), ['保录取']);
    assert.deepEqual(found(m, '本校承諾保錄取'), ['保錄取']);
    assert.deepEqual(found(m, '保 录 取'), ['保 录 取']);
    assert.deepEqual(found(m, '保证录取'), []);
    const [hit] = m.find('一二三四五六七八九十一二三保录取四五');
    assert.equal(hit.start, 13);
    assert.equal(hit.end, 16);
    assert.equal(hit.context, '…二三四五六七八九十一二三保录取四五');
  });

  test('many rules in one pass: overlapping and nested patterns are all reported in text order', () => {
    const m = new TextMatcher([rule('教育委员会'), rule('委员'), rule('会议纪要'), rule('abc'), rule('bcd')]);
    assert.deepEqual(found(m, '市教育委员会议纪要'), ['教育委员会', '委员', '会议纪要']);
    assert.deepEqual(found(m, 'xABCDx'), ['ABC', 'BCD']);
    assert.deepEqual(found(m, '无关内容'), []);
  });

  test('failure links: a partial match that fails still finds a later pattern', () => {
    const m = new TextMatcher([rule('abcd'), rule('bce'), rule('cf')]);
    assert.deepEqual(found(m, 'abce'), ['bce']);
    assert.deepEqual(found(m, 'abcf'), ['cf']);
    assert.deepEqual(found(m, 'aabcd'), ['abcd']);
  });

  test('a miswriting is not reported inside its own correct form', () => {
    const m = new TextMatcher([rule('教育局', { kind: 'miswriting', replacement: '洪江市教育局' })]);
    assert.deepEqual(found(m, '洪江市教育局发布'), []);
    assert.deepEqual(found(m, '洪江市教育局和市教育局'), ['教育局']);
    const m2 = new TextMatcher([rule('既往不究', { kind: 'miswriting', replacement: '既往不咎' })]);
    assert.deepEqual(found(m2, '既往不究，既往不咎'), ['既往不究']);
  });

  test('the same expression listed twice reports each place once, for the first rule given', () => {
    const agencyRule = rule('保录取', { agencyId: 7 });
    const platformRule = rule('保錄取', { agencyId: null });
    const hits = new TextMatcher([agencyRule, platformRule]).find('保录取');
    assert.equal(hits.length, 1);
    assert.equal(hits[0].rule.id, agencyRule.id);
  });

  test('too short patterns are ignored; an empty set finds nothing', () => {
    assert.equal(new TextMatcher([rule('的')]).size, 0);
    assert.deepEqual(new TextMatcher([]).find('任何内容'), []);
  });

  test('checkText reports the field; describeHit says what to do', () => {
    const m = new TextMatcher([rule('教育委员会', { kind: 'miswriting', replacement: '教育局' }), rule('保录取')]);
    const hits = checkText(m, { title: '市教育委員會通知', body: '承诺保录取。' });
    assert.deepEqual(hits.map((h) => [h.field, h.found]), [['title', '教育委員會'], ['body', '保录取']]);
    assert.equal(describeHit(hits[0]), '“教育委員會”应为“教育局”');
    assert.equal(describeHit(hits[1]), '含禁用或敏感表述“保录取”');
  });
});

describe('rule validation', () => {
  test('a miswriting needs a correct form that differs from it', () => {
    assert.deepEqual(validateTextRule({ kind: 'miswriting', pattern: '既往不究', replacement: '既往不咎', severity: 'deduct' }), {});
    assert.ok(validateTextRule({ kind: 'miswriting', pattern: '既往不究', replacement: '', severity: 'deduct' }).replacement);
    assert.ok(validateTextRule({ kind: 'miswriting', pattern: '教育委員會', replacement: '教育委员会', severity: 'deduct' }).replacement);
  });

  test('pattern length, kind and severity are checked', () => {
    const e = validateTextRule({ kind: 'x', pattern: '的', replacement: '', severity: 'y' });
    assert.deepEqual(Object.keys(e).sort(), ['kind', 'pattern', 'severity']);
    assert.ok(validateTextRule({ kind: 'forbidden', pattern: '字'.repeat(51), replacement: '', severity: 'veto' }).pattern);
    assert.deepEqual(validateTextRule({ kind: 'forbidden', pattern: '保录取', replacement: '', severity: 'veto' }), {});
  });
});
