import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FEE_UNITS, perItemFee, perVolumeFee } from '../../src/domain/fees.ts';

describe('perItemFee (按件计收, 国办函〔2020〕109号)', () => {
  test('35 items in a month → 20 × 100 + 5 × 200 = 3,000 yuan', () => {
    assert.deepEqual(perItemFee(0, 35), {
      total: 3000,
      tiers: [
        { from: 1, to: 10, count: 10, rate: 0, amount: 0 },
        { from: 11, to: 30, count: 20, rate: 100, amount: 2000 },
        { from: 31, to: 35, count: 5, rate: 200, amount: 1000 },
      ],
    });
  });

  test('edges of the tiers', () => {
    const total = (n: number) => perItemFee(0, n).total;
    assert.equal(total(0), 0);
    assert.equal(total(1), 0);
    assert.equal(total(10), 0);
    assert.equal(total(11), 100);
    assert.equal(total(30), 2000);
    assert.equal(total(31), 2200);
    assert.equal(total(40), 4000);
    assert.equal(total(41), 4300);
    assert.equal(total(50), 7000);
    assert.equal(total(51), 7400);
    assert.equal(total(60), 11000);
    assert.equal(total(61), 11500);
  });

  test('no items, no tiers', () => {
    assert.deepEqual(perItemFee(0, 0), { total: 0, tiers: [] });
    assert.deepEqual(perItemFee(25, 0), { total: 0, tiers: [] });
  });

  test('counts cumulatively within the calendar month', () => {
    // The 9th to 12th items of the month: 2 free, 2 at 100.
    assert.deepEqual(perItemFee(8, 4), {
      total: 200,
      tiers: [
        { from: 9, to: 10, count: 2, rate: 0, amount: 0 },
        { from: 11, to: 12, count: 2, rate: 100, amount: 200 },
      ],
    });
    // Items 29–53 cross four tiers.
    assert.deepEqual(perItemFee(28, 25), {
      total: 6400,
      tiers: [
        { from: 29, to: 30, count: 2, rate: 100, amount: 200 },
        { from: 31, to: 40, count: 10, rate: 200, amount: 2000 },
        { from: 41, to: 50, count: 10, rate: 300, amount: 3000 },
        { from: 51, to: 53, count: 3, rate: 400, amount: 1200 },
      ],
    });
  });

  test('splitting a month into applications does not change what is paid', () => {
    for (let a = 0; a <= 70; a += 1) {
      for (const b of [0, 1, 7, 10, 19, 33]) {
        for (const c of [0, 1, 5, 12, 40]) {
          assert.equal(perItemFee(a, b).total + perItemFee(a + b, c).total, perItemFee(a, b + c).total, `${a} ${b} ${c}`);
        }
      }
    }
  });

  test('every tier rate rises by 100 per band of 10 from item 31', () => {
    const { tiers } = perItemFee(0, 100);
    assert.deepEqual(
      tiers.map((t) => [t.from, t.to, t.rate]),
      [
        [1, 10, 0],
        [11, 30, 100],
        [31, 40, 200],
        [41, 50, 300],
        [51, 60, 400],
        [61, 70, 500],
        [71, 80, 600],
        [81, 90, 700],
        [91, 100, 800],
      ],
    );
    assert.equal(tiers.reduce((s, t) => s + t.count, 0), 100);
  });

  test('rejects negative, fractional and absurd counts in Chinese', () => {
    assert.throws(() => perItemFee(-1, 5), { name: 'RangeError', message: /本月此前已申请件数/ });
    assert.throws(() => perItemFee(0, 2.5), { name: 'RangeError', message: /本次申请件数/ });
    assert.throws(() => perItemFee(0, MAX_FEE_UNITS + 1), RangeError);
    assert.throws(() => perItemFee(Number.NaN, 1), RangeError);
  });
});

describe('perVolumeFee (按量计收)', () => {
  test('150 pages → 70 × 10 + 50 × 20 = 1,700 yuan', () => {
    assert.deepEqual(perVolumeFee(150), {
      total: 1700,
      tiers: [
        { from: 1, to: 30, count: 30, rate: 0, amount: 0 },
        { from: 31, to: 100, count: 70, rate: 10, amount: 700 },
        { from: 101, to: 150, count: 50, rate: 20, amount: 1000 },
      ],
    });
  });

  test('edges of the tiers', () => {
    const total = (n: number) => perVolumeFee(n).total;
    assert.equal(total(0), 0);
    assert.equal(total(10), 0);
    assert.equal(total(30), 0);
    assert.equal(total(31), 10);
    assert.equal(total(100), 700);
    assert.equal(total(101), 720);
    assert.equal(total(200), 2700);
    assert.equal(total(201), 2740);
    assert.equal(total(250), 4700);
  });

  test('the top tier is open-ended', () => {
    assert.deepEqual(perVolumeFee(1000).tiers.at(-1), { from: 201, to: 1000, count: 800, rate: 40, amount: 32000 });
    assert.deepEqual(perVolumeFee(0), { total: 0, tiers: [] });
  });

  test('rejects bad page counts', () => {
    assert.throws(() => perVolumeFee(-3), { name: 'RangeError', message: /页数/ });
    assert.throws(() => perVolumeFee(12.5), RangeError);
  });
});
