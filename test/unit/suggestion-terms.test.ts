import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { MIN_SUGGESTION_SCORE, suggestionTerms, termWeight } from '../../src/domain/suggestion-terms.ts';

describe('suggestion terms', () => {
  test('how someone asks is cut out; long phrases become overlapping 4-character windows', () => {
    assert.deepEqual(suggestionTerms('我想申请公开2026年义务教育招生入学工作的通知'), ['2026年义务', '义务教育', '教育招生', '招生入学', '入学工作', '通知']);
    assert.deepEqual(suggestionTerms('请提供学生资助名单'), ['学生资助', '资助名单']);
    assert.deepEqual(suggestionTerms('２０２５年 招生'), ['2025年', '招生']);
    assert.deepEqual(suggestionTerms('请问，谢谢！'), []);
    assert.deepEqual(suggestionTerms('的 了 a 1'), []);
    assert.equal(suggestionTerms('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'.repeat(3), 10).length, 10);
  });

  test('weights: Chinese characters (a number counts one), double in the title', () => {
    assert.equal(termWeight('学生资助', false), 4);
    assert.equal(termWeight('学生资助', true), 8);
    assert.equal(termWeight('2025年', false), 2);
    assert.ok(termWeight('名单', false) < MIN_SUGGESTION_SCORE, 'one short word alone suggests nothing');
  });
});
