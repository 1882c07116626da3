import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { rankRepeats, REPEAT_THRESHOLD, textSimilarity } from '../../src/domain/repeat-detection.ts';

describe('repeat detection', () => {
  test('identical texts are 1, unrelated texts near 0', () => {
    const a = '申请公开2025年洪江市城区小学招生范围划分文件';
    assert.equal(textSimilarity(a, a), 1);
    assert.ok(textSimilarity(a, '请提供教育局2024年部门决算报表') < 0.15);
    assert.equal(textSimilarity('', a), 0);
  });

  test('a reworded request for the same information counts as similar', () => {
    const first = '申请公开2025年洪江市城区小学招生范围划分文件';
    const again = '请公开洪江市2025年城区小学的招生范围划分文件';
    assert.ok(textSimilarity(first, again) >= REPEAT_THRESHOLD);
  });

  test('Traditional and full-width spellings compare equal to Simplified', () => {
    assert.equal(textSimilarity('申請公開２０２５年招生範圍', '申请公开2025年招生范围'), 1);
  });

  test('ranks the most similar first and flags only those above the threshold', () => {
    const ranked = rankRepeats('2025年城区小学招生范围划分', [
      { id: 1, description: '教师招聘考试成绩' },
      { id: 2, description: '2025年城区小学招生范围划分方案' },
    ]);
    assert.deepEqual(ranked.map((r) => r.item.id), [2, 1]);
    assert.equal(ranked[0].similar, true);
    assert.equal(ranked[1].similar, false);
  });
});
