import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { barChart, escapeXml, lineChart, niceScale } from '../../src/output/svg-chart.ts';

describe('svg charts', () => {
  test('nice scales end on 1, 2 or 5 × 10^k', () => {
    assert.deepEqual(niceScale(17430), { max: 20000, step: 5000 });
    assert.deepEqual(niceScale(0), { max: 1, step: 1 });
    assert.deepEqual(niceScale(9), { max: 10, step: 2 });
  });

  test('a bar chart is an image named by its title and description, with every value written', () => {
    const svg = barChart({ id: 'c1', title: '2016年各学段在校学生数', desc: '共 34,222 人', categories: ['小学', '初中'], series: [{ name: '在校学生数', values: [17430, 8912] }], unit: '人' });
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c1-title c1-desc"/);
    assert.match(svg, /<title id="c1-title">2016年各学段在校学生数<\/title><desc id="c1-desc">共 34,222 人<\/desc>/);
    assert.match(svg, />17,430</);
    assert.match(svg, />8,912</);
    assert.equal((svg.match(/<rect [^>]*fill="#0072b2"/g) ?? []).length, 2);
    assert.doesNotMatch(svg, /style=/, 'no inline styles (CSP)');
  });

  test('text is escaped, so a label cannot inject markup', () => {
    assert.equal(escapeXml('<a href="x">&\''), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    const svg = lineChart({ id: 'c2', title: '<script>', desc: 'x', categories: ['2016', '2017'], series: [{ name: 'a&b', values: [1, 2] }, { name: 'c', values: [2, 1] }] });
    assert.doesNotMatch(svg, /<script>/);
    assert.match(svg, /&lt;script&gt;/);
    assert.equal((svg.match(/<polyline /g) ?? []).length, 2);
  });
});
