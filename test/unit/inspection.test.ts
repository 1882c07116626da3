import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  assess, columnState, defaultColumns, fixFirst, formatScore, inColumn, isPolicyDocument, monthsBefore, periodStart,
  type CheckKind, type ColumnKind, type FindingDraft,
} from '../../src/domain/inspection.ts';
import { classifyHref, extractHrefs, isBrokenStatus, isPrivateHost, parseInternalPath } from '../../src/domain/inspection-links.ts';

let n = 0;
const draft = (check: CheckKind, extra: Partial<FindingDraft> = {}): FindingDraft => {
  n++;
  return { check, fingerprint: `${check}:${n}`, subjectType: 'x', subjectId: String(n), title: `${check} ${n}`, detail: '', href: '/console', publicHref: null, since: null, ...extra };
};
const column = (check: 'column_stale' | 'column_empty', kind: ColumnKind) => draft(check, { columnKind: kind });

describe('periods and column freshness', () => {
  test('months back clamp to the end of a shorter month', () => {
    assert.equal(monthsBefore('2026-08-31', 6), '2026-02-28');
    assert.equal(monthsBefore('2024-08-31', 6), '2024-02-29');
    assert.equal(monthsBefore('2026-01-15', 1), '2025-12-15');
    assert.equal(monthsBefore('2026-03-31', 13), '2025-02-28');
  });

  test('period starts: 2 weeks, 6 months, days', () => {
    assert.equal(periodStart('2026-11-27', 2, 'week'), '2026-11-13');
    assert.equal(periodStart('2026-11-27', 6, 'month'), '2026-05-27');
    assert.equal(periodStart('2026-11-27', 10, 'day'), '2026-11-17');
  });

  test('a column is fresh when something was published on or after the first day of the period', () => {
    const news = { periodValue: 2, periodUnit: 'week' as const };
    assert.equal(columnState('2026-11-13', '2026-11-27', news), 'fresh');
    assert.equal(columnState('2026-11-12', '2026-11-27', news), 'stale');
    assert.equal(columnState(null, '2026-11-27', news), 'empty');
    const notices = { periodValue: 6, periodUnit: 'month' as const };
    assert.equal(columnState('2026-05-27', '2026-11-27', notices), 'fresh');
    assert.equal(columnState('2026-05-26', '2026-11-27', notices), 'stale');
  });

  test('default columns follow the taxonomy: news only where a news category exists', () => {
    const seed = { categories: [{ code: 'zcwj', name: '政策文件' }, { code: 'ldxx', name: '领导信息' }], topics: [{ code: 'zcjd', name: '政策解读' }] };
    const cols = defaultColumns(seed);
    assert.deepEqual(cols.map((c) => [c.name, c.kind, c.periodValue, c.periodUnit]), [['通知公告', 'notices', 6, 'month'], ['政策文件', 'policy', 6, 'month']]);
    assert.deepEqual(cols[0].genres, ['通知', '公告']);
    assert.deepEqual(cols[1].categories, ['zcwj']);
    const withNews = defaultColumns({ categories: [...seed.categories, { code: 'gzdt', name: '工作动态' }], topics: [] });
    assert.deepEqual(withNews[0], { name: '动态要闻', kind: 'news', periodValue: 2, periodUnit: 'week', categories: ['gzdt'], topics: [], genres: [] });
  });

  test('a document is in a column by category, topic or genre', () => {
    const col = { categories: ['zcwj'], topics: ['tzgg'], genres: ['公告'] };
    assert.ok(inColumn({ categoryCode: 'zcwj', topicCodes: [], genre: '其他' }, col));
    assert.ok(inColumn({ categoryCode: 'msgy', topicCodes: ['tzgg'], genre: '其他' }, col));
    assert.ok(inColumn({ categoryCode: 'msgy', topicCodes: [], genre: '公告' }, col));
    assert.ok(!inColumn({ categoryCode: 'msgy', topicCodes: ['zsrx'], genre: '通知' }, col));
  });
});

describe('policy documents', () => {
  test('rules and normative documents always; otherwise policy genres in a policy column', () => {
    assert.ok(isPolicyDocument({ art20Class: 'normative_document', genre: '公告', inPolicyColumn: false }));
    assert.ok(isPolicyDocument({ art20Class: 'rules', genre: '其他', inPolicyColumn: false }));
    assert.ok(isPolicyDocument({ art20Class: 'none', genre: '办法', inPolicyColumn: true }));
    assert.ok(isPolicyDocument({ art20Class: 'none', genre: '通知', inPolicyColumn: true }));
    assert.ok(!isPolicyDocument({ art20Class: 'none', genre: '公告', inPolicyColumn: true }), 'a 公示 list filed under 政策文件');
    assert.ok(!isPolicyDocument({ art20Class: 'none', genre: '办法', inPolicyColumn: false }));
  });
});

describe('assessment', () => {
  test('no findings: 100 points, 合格', () => {
    const a = assess([]);
    assert.equal(a.result, 'pass');
    assert.equal(a.score, 1000);
    assert.deepEqual(a.vetoes, []);
  });

  test('deductions are scored out of the 75 assessed points and scaled to 100 (办事服务 not assessed)', () => {
    // One policy document without interpretation (2 points) and one broken link (0.1 point):
    // (75 − 2.1) × 4/3 = 97.2.
    const a = assess([draft('policy_without_interpretation'), draft('broken_link')]);
    assert.equal(a.result, 'pass');
    assert.equal(a.score, 972);
    assert.equal(formatScore(a.score), '97.2');
    assert.deepEqual(a.deductions.map((d) => [d.indicator, d.raw, d.capped]), [['publishing', 20, 20], ['interaction', 0, 0], ['function', 1, 1]]);
  });

  test('deductions under one indicator never exceed its points', () => {
    // 300 broken links would be 30 points, but 功能设计 carries 20: (75 − 20) × 4/3 = 73.3.
    const a = assess(Array.from({ length: 300 }, () => draft('broken_link')));
    assert.deepEqual(a.deductions.find((d) => d.indicator === 'function'), { indicator: 'function', raw: 300, capped: 200 });
    assert.equal(a.score, 733);
    assert.equal(a.result, 'pass');
  });

  test('below 60 points the site fails without any veto', () => {
    const many = [
      ...Array.from({ length: 20 }, () => draft('policy_without_interpretation')), // 40 (cap 40)
      ...Array.from({ length: 15 }, () => draft('question_overdue')), // 15 (cap 15)
    ];
    const a = assess(many);
    assert.deepEqual(a.vetoes, []);
    assert.equal(a.score, 267); // (75 − 55) × 4/3
    assert.equal(a.result, 'fail');
  });

  test('four stale key columns cost points and warn; the fifth fails 栏目不更新 and turns all five into vetoes', () => {
    const four = assess([column('column_stale', 'notices'), column('column_stale', 'policy'), column('column_stale', 'news'), column('column_stale', 'notices')]);
    assert.equal(four.result, 'pass');
    assert.ok(four.findings.every((f) => f.severity === 'deduct' && f.tenths === 50));
    assert.match(four.warnings.join(), /再有1个即触发/);
    const five = assess([...four.findings.map((f) => ({ ...f, severity: undefined })), column('column_stale', 'policy')]);
    assert.equal(five.result, 'fail');
    assert.deepEqual(five.vetoes.map((v) => v.indicator), ['columns_not_updated']);
    assert.ok(five.findings.every((f) => f.severity === 'veto' && f.indicator === 'columns_not_updated' && f.tenths === 0));
  });

  test('other stale columns count only towards the threshold of 10', () => {
    const nine = assess(Array.from({ length: 9 }, () => column('column_stale', 'other')));
    assert.equal(nine.vetoes.length, 0);
    const ten = assess(Array.from({ length: 10 }, () => column('column_stale', 'other')));
    assert.match(ten.vetoes[0].reason, /10个栏目/);
  });

  test('five empty columns fail; four do not', () => {
    assert.equal(assess(Array.from({ length: 4 }, () => column('column_empty', 'other'))).vetoes.length, 0);
    assert.equal(assess(Array.from({ length: 5 }, () => column('column_empty', 'other'))).result, 'fail');
  });

  test('a text rule decides its own severity: a serious miswriting fails the site, a minor one costs a point', () => {
    const serious = assess([draft('text_miswriting', { severity: 'veto' })]);
    assert.equal(serious.result, 'fail');
    assert.deepEqual(serious.vetoes.map((v) => v.indicator), ['serious_typo']);
    const minor = assess([draft('text_miswriting', { severity: 'deduct' })]);
    assert.equal(minor.result, 'pass');
    assert.equal(minor.findings[0].indicator, 'publishing');
    const forbidden = assess([draft('text_forbidden', { severity: 'veto' })]);
    assert.deepEqual(forbidden.vetoes.map((v) => v.indicator), ['security']);
  });

  test('no update for two weeks and messages unanswered for three months are vetoes by themselves', () => {
    assert.deepEqual(assess([draft('site_not_updated')]).vetoes.map((v) => v.indicator), ['site_not_updated']);
    assert.deepEqual(assess([draft('question_unanswered')]).vetoes.map((v) => v.indicator), ['poor_interaction']);
    assert.equal(assess([draft('question_overdue')]).result, 'pass');
  });

  test('what to fix first: vetoes, then the most points, then the oldest', () => {
    const a = assess([
      draft('broken_link', { title: 'link', since: '2020-01-01' }),
      draft('policy_without_interpretation', { title: 'newer policy', since: '2026-10-01' }),
      draft('policy_without_interpretation', { title: 'older policy', since: '2026-01-01' }),
      draft('site_not_updated', { title: 'veto' }),
    ]);
    assert.deepEqual(fixFirst(a.findings, 3).map((f) => f.title), ['veto', 'older policy', 'newer policy']);
  });
});

describe('links', () => {
  const site = 'https://gk.example.gov.cn';
  const page = '/gk/hjjyj/doc/12';

  test('hrefs are read from the sanitised body, entities decoded', () => {
    assert.deepEqual(extractHrefs('<p><a href="/gk/a/doc/1">x</a> <a href="https://x.cn/?a=1&amp;b=2">y</a><a>z</a></p>'), ['/gk/a/doc/1', 'https://x.cn/?a=1&b=2']);
  });

  test('internal, external, skipped and invalid links', () => {
    assert.deepEqual(classifyHref('/gk/hjjyj/doc/3', page, site), { kind: 'internal', path: '/gk/hjjyj/doc/3' });
    assert.deepEqual(classifyHref('files/5/%E9%99%84%E4%BB%B6.pdf', page + '/', site), { kind: 'internal', path: '/gk/hjjyj/doc/12/files/5/附件.pdf' });
    assert.deepEqual(classifyHref('https://gk.example.gov.cn/gk/hjs', page, site), { kind: 'internal', path: '/gk/hjs' });
    assert.deepEqual(classifyHref('https://www.moe.gov.cn/a.html#top', page, site), { kind: 'external', url: 'https://www.moe.gov.cn/a.html' });
    assert.deepEqual(classifyHref('#section', page, site), { kind: 'skip' });
    assert.deepEqual(classifyHref('mailto:gk@example.cn', page, site), { kind: 'skip' });
    assert.equal(classifyHref('http://192.168.1.10/oa', page, site).kind, 'invalid');
    assert.equal(classifyHref('http://intranet/oa', page, site).kind, 'invalid');
    assert.equal(classifyHref('http://[::1]/', page, site).kind, 'invalid');
  });

  test('private hosts', () => {
    for (const h of ['localhost', '127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.0.1', '169.254.1.1', 'oa', '[fd00::1]']) assert.ok(isPrivateHost(h), h);
    for (const h of ['www.gov.cn', '172.32.0.1', '8.8.8.8', '[2001:db8::1]']) assert.ok(!isPrivateHost(h), h);
  });

  test('internal paths by the portal URL scheme', () => {
    assert.deepEqual(parseInternalPath('/gk/hjjyj/doc/12'), { kind: 'document', agencyCode: 'hjjyj', documentId: 12 });
    assert.deepEqual(parseInternalPath('/gk/hjjyj/doc/12/print'), { kind: 'document', agencyCode: 'hjjyj', documentId: 12 });
    assert.deepEqual(parseInternalPath('/gk/hjjyj/doc/12/files/5/表.xlsx'), { kind: 'attachment', agencyCode: 'hjjyj', documentId: 12, attachmentId: 5 });
    assert.deepEqual(parseInternalPath('/gk/hjjyj/catalog'), { kind: 'agency', agencyCode: 'hjjyj' });
    assert.deepEqual(parseInternalPath('/gk/hjjyj/doc/abc'), { kind: 'unknown' });
    assert.deepEqual(parseInternalPath('/'), { kind: 'site' });
    assert.deepEqual(parseInternalPath('/static/site.css'), { kind: 'site' });
    assert.deepEqual(parseInternalPath('/nowhere'), { kind: 'unknown' });
  });

  test('HEAD answers: not found and server errors are broken; refusals of robots are not', () => {
    for (const s of [404, 410, 500, 502, 503]) assert.ok(isBrokenStatus(s), String(s));
    for (const s of [200, 204, 301, 302, 401, 403, 405, 429, 501]) assert.ok(!isBrokenStatus(s), String(s));
  });
});
