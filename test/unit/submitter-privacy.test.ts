import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mentionsSubmitter, suggestPublicText } from '../../src/domain/submitter-privacy.ts';

test('the suggested public text masks findings and removes the submitter’s own details', () => {
  const text = suggestPublicText('我是杨女士，手机13900001111，建议增加体育活动。邮箱 yang@example.cn', [' 杨女士 ', '13900001111', 'yang@example.cn']);
  assert.doesNotMatch(text, /杨女士|13900001111|yang@example\.cn/);
  assert.match(text, /＊＊，手机/);
  assert.match(text, /建议增加体育活动/);
});

test('details shorter than two characters are neither removed nor reported', () => {
  assert.equal(suggestPublicText('建议增加体育活动', ['体', '']), '建议增加体育活动');
  assert.equal(mentionsSubmitter('建议增加体育活动', ['体', ' ']), false);
});

test('mentionsSubmitter finds a trimmed detail anywhere in the text', () => {
  assert.equal(mentionsSubmitter('杨女士建议增加体育活动', ['杨女士 ', '']), true);
  assert.equal(mentionsSubmitter('建议增加体育活动', ['杨女士', '13900001111']), false);
});
