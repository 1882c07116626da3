import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { diffPowerLists, diffText, isEmptyDiff, summarizeDiff, type PowerItem, type TextSegment } from '../../src/domain/power-list-diff.ts';

const item = (code: string, over: Partial<PowerItem> = {}): PowerItem => ({
  code, type: 'licensing', name: `事项${code}`, legalBasis: '《中华人民共和国民办教育促进法》第十二条', department: '基础教育股',
  responsibilities: '受理、审查、决定、送达', accountability: '对不符合条件的申请准予许可的', ...over,
});

const rebuild = (segs: TextSegment[], side: 'before' | 'after') =>
  segs.filter((s) => s.op === 'same' || s.op === (side === 'before' ? 'del' : 'add')).map((s) => s.text).join('');

describe('diffText', () => {
  test('equal texts are one unchanged run; empty texts nothing', () => {
    assert.deepEqual(diffText('受理', '受理'), [{ op: 'same', text: '受理' }]);
    assert.deepEqual(diffText('', ''), []);
  });

  test('marks an insertion and a deletion inside Chinese text', () => {
    const segs = diffText('第十二条', '第十二条、第十四条');
    assert.deepEqual(segs, [{ op: 'same', text: '第十二条' }, { op: 'add', text: '、第十四条' }]);
    const del = diffText('受理、审查、决定、送达', '受理、决定、送达');
    assert.deepEqual(del, [{ op: 'same', text: '受理、' }, { op: 'del', text: '审查、' }, { op: 'same', text: '决定、送达' }]);
  });

  test('both sides can always be rebuilt from the segments', () => {
    const pairs: [string, string][] = [
      ['《教育法》第二十八条', '《中华人民共和国教育法》第二十九条'],
      ['abc', 'xyz'],
      ['', '新增内容'],
      ['删除内容', ''],
      ['𠀀汉字𠀁', '𠀀漢字𠀂'],
    ];
    for (const [a, b] of pairs) {
      const segs = diffText(a, b);
      assert.equal(rebuild(segs, 'before'), a);
      assert.equal(rebuild(segs, 'after'), b);
      for (let i = 1; i < segs.length; i++) assert.notEqual(segs[i].op, segs[i - 1].op, 'runs are merged');
    }
  });

  test('very long texts fall back to a whole replacement of the differing middle', () => {
    const a = '甲' + 'x'.repeat(3000) + '乙';
    const b = '甲' + 'y'.repeat(3000) + '乙';
    const segs = diffText(a, b);
    assert.deepEqual(segs.map((s) => s.op), ['same', 'del', 'add', 'same']);
    assert.equal(rebuild(segs, 'after'), b);
  });
});

describe('diffPowerLists', () => {
  test('added, removed, changed and unchanged items by code', () => {
    const v1 = [item('XK-001'), item('XK-002'), item('CF-001', { type: 'penalty' })];
    const v2 = [
      item('XK-001'),
      item('XK-002', { name: '民办学校设立审批（含分立、合并）', legalBasis: '《中华人民共和国民办教育促进法》第十二条、第十四条' }),
      item('JC-001', { type: 'inspection', name: '对学校办学行为的检查' }),
    ];
    const d = diffPowerLists(v1, v2);
    assert.deepEqual(d.added.map((i) => i.code), ['JC-001']);
    assert.deepEqual(d.removed.map((i) => i.code), ['CF-001']);
    assert.equal(d.unchanged, 1);
    assert.equal(d.changed.length, 1);
    assert.equal(d.changed[0].code, 'XK-002');
    assert.deepEqual(d.changed[0].changes.map((c) => c.field), ['name', 'legalBasis']);
    const basis = d.changed[0].changes[1];
    assert.equal(basis.before, '《中华人民共和国民办教育促进法》第十二条');
    assert.deepEqual(basis.segments.filter((s) => s.op !== 'same'), [{ op: 'add', text: '、第十四条' }]);
    assert.equal(summarizeDiff(d), '新增 1 项，取消 1 项，调整 1 项');
    assert.equal(isEmptyDiff(d), false);
  });

  test('a type change is shown with the legal names of both types', () => {
    const d = diffPowerLists([item('A')], [item('A', { type: 'confirmation' })]);
    assert.deepEqual(d.changed[0].changes[0].segments, [{ op: 'del', text: '行政许可' }, { op: 'add', text: '行政确认' }]);
  });

  test('identical lists make an empty diff', () => {
    const d = diffPowerLists([item('A'), item('B')], [item('B'), item('A')]);
    assert.equal(isEmptyDiff(d), true);
    assert.equal(d.unchanged, 2);
    assert.equal(summarizeDiff(d), '无变化');
  });
});
