import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  matchArea, matchEntries, normalizeAddress, parseAddressQuery, parseZoneArea, splitAreas, splitTown, stripAdministrativePrefixes,
} from '../../src/domain/address-match.ts';

const q = (s: string) => {
  const parsed = parseAddressQuery(s);
  assert.ok(parsed, `query ${s} should parse`);
  return parsed;
};
const match = (query: string, area: string, town = '') => matchArea(q(query), parseZoneArea(area, [], town));

describe('normalizeAddress', () => {
  test('Traditional, full-width digits, punctuation and spaces fold away', () => {
    assert.equal(normalizeAddress('沅江社區'), '沅江社区');
    assert.equal(normalizeAddress(' 沅江路　１２号 '), '沅江路12号');
    assert.equal(normalizeAddress('沅江路1—99号（单号）'), '沅江路1-99号单号');
  });

  test('administrative levels above the town are removed, the town is kept', () => {
    assert.equal(normalizeAddress('湖南省怀化市洪江市黔城镇沅江路12号'), '黔城镇沅江路12号');
    assert.equal(stripAdministrativePrefixes('芷江侗族自治县罗旧镇'), '罗旧镇');
    assert.equal(stripAdministrativePrefixes('会同县林城镇'), '林城镇');
  });

  test('a market is not a city and a bare name is not stripped to nothing', () => {
    assert.equal(normalizeAddress('黔城市场社区'), '黔城市场社区');
    assert.equal(normalizeAddress('洪江市'), '洪江市');
  });
});

describe('splitTown', () => {
  test('a town in front is split off; a generic suffix alone is not a place', () => {
    assert.deepEqual(splitTown('黔城镇沅江社区'), { town: '黔城镇', rest: '沅江社区' });
    assert.deepEqual(splitTown('新镇社区'), { town: null, rest: '新镇社区' });
    assert.deepEqual(splitTown('龙船塘瑶族乡大坪村'), { town: '龙船塘瑶族乡', rest: '大坪村' });
  });

  test('known towns take precedence over the pattern', () => {
    assert.deepEqual(splitTown('沙湾乡新街', ['沙湾乡']), { town: '沙湾乡', rest: '新街' });
    assert.deepEqual(splitTown('黔城镇', ['黔城镇']), { town: '黔城镇', rest: '' });
  });
});

describe('parseZoneArea', () => {
  test('house-number ranges with parity as bureaus write them', () => {
    const odd = parseZoneArea('沅江路1-99号（单号）');
    assert.equal(odd.kind, 'house_range');
    assert.deepEqual([odd.street, odd.from, odd.to, odd.parity], ['沅江路', 1, 99, 'odd']);
    const even = parseZoneArea('黔城镇沅江路双号2至100号');
    assert.deepEqual([even.town, even.street, even.from, even.to, even.parity], ['黔城镇', '沅江路', 2, 100, 'even']);
    const all = parseZoneArea('舞水路１０１－２００号');
    assert.deepEqual([all.street, all.from, all.to, all.parity], ['舞水路', 101, 200, 'all']);
  });

  test('kinds: community, village, street; the school town applies when none is written', () => {
    assert.equal(parseZoneArea('沅江社区').kind, 'community');
    assert.equal(parseZoneArea('长坡村').kind, 'village');
    assert.equal(parseZoneArea('沅江路').kind, 'street');
    assert.equal(parseZoneArea('沅江社区', [], '黔城镇').town, '黔城镇');
    assert.equal(parseZoneArea('安江镇大沙坪社区', [], '黔城镇').town, '安江镇');
  });

  test('a street whose name contains 双 is not read as a parity', () => {
    const a = parseZoneArea('双溪路1-20号');
    assert.equal(a.street, '双溪路');
    assert.equal(a.parity, 'all');
  });
});

describe('parseAddressQuery', () => {
  test('too short queries are refused', () => {
    assert.equal(parseAddressQuery('沅'), null);
    assert.equal(parseAddressQuery('  '), null);
    assert.equal(parseAddressQuery('（）'), null);
  });

  test('a house number on a street is recognised, also as trailing digits', () => {
    const a = q('黔城镇沅江路１２号附近');
    assert.deepEqual([a.town, a.street, a.number], ['黔城镇', '沅江路', 12]);
    const b = q('沅江路13');
    assert.deepEqual([b.street, b.number], ['沅江路', 13]);
  });
});

describe('matchArea', () => {
  test('a community name, in Simplified or Traditional, matches exactly; a fragment partially', () => {
    assert.equal(match('沅江社区', '沅江社区'), 'exact');
    assert.equal(match('沅江社區', '沅江社区'), 'exact');
    assert.equal(match('沅江', '沅江社区'), 'partial');
    assert.equal(match('黔城镇沅江社区', '沅江社区', '黔城镇'), 'exact');
    assert.equal(match('沅江社区5组18号', '沅江社区'), 'contains');
    assert.equal(match('江南社区', '沅江社区'), null);
  });

  test('different towns never match', () => {
    assert.equal(match('安江镇沅江社区', '沅江社区', '黔城镇'), null);
    assert.equal(match('安江镇沅江社区', '黔城镇沅江社区'), null);
    assert.equal(match('黔城镇', '沅江社区', '黔城镇'), 'town');
    assert.equal(match('安江镇', '沅江社区', '黔城镇'), null);
  });

  test('house numbers: inside the range and of the right parity only', () => {
    assert.equal(match('沅江路13号', '沅江路1-99号（单号）'), 'house_number');
    assert.equal(match('沅江路12号', '沅江路1-99号（单号）'), null);
    assert.equal(match('沅江路101号', '沅江路1-99号（单号）'), null);
    assert.equal(match('沅江路12号', '沅江路2-100号双号'), 'house_number');
    assert.equal(match('湖南省洪江市黔城镇沅江路99号', '沅江路1-99号单号', '黔城镇'), 'house_number');
    assert.equal(match('舞水路13号', '沅江路1-99号'), null);
  });

  test('a street without a number lists every range on it', () => {
    assert.equal(match('沅江路', '沅江路1-99号'), 'partial');
    assert.equal(match('沅江', '沅江路2-100号双号'), 'partial');
    assert.equal(match('舞水路', '沅江路1-99号'), null);
  });

  test('a house number on a whole street matches that street', () => {
    assert.equal(match('沅江路250号', '沅江路'), 'contains');
  });
});

describe('matchEntries', () => {
  test('returns every match, best first', () => {
    const entries = ['沅江路1-99号单号', '沅江社区', '沅江路'].map((area, i) => ({ id: i, area: parseZoneArea(area) }));
    const ranked = matchEntries(q('沅江路13号'), entries);
    assert.deepEqual(ranked.map((r) => [r.entry.id, r.match]), [[0, 'house_number'], [2, 'contains']]);
  });
});

describe('splitAreas', () => {
  test('splits on Chinese separators and carries the street into a bare range', () => {
    assert.deepEqual(splitAreas('沅江路1-99号、2-50号双号；长坡村，新镇社区\n 大沙坪社区 '), ['沅江路1-99号', '沅江路2-50号双号', '长坡村', '新镇社区', '大沙坪社区']);
  });

  test('a bare range with no street before it stays as written', () => {
    assert.deepEqual(splitAreas('1-9号、长坡村'), ['1-9号', '长坡村']);
  });
});
