// Information processing fee (信息处理费), 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号),
// charged under Art. 42 only for applications clearly beyond a reasonable number or frequency.
// An application is charged per item or per volume, never both; the caller chooses.

export interface FeeTier {
  /** First and last item (or page) of this application that fall in the tier. */
  from: number;
  to: number;
  count: number;
  /** Yuan per item or page. */
  rate: number;
  amount: number;
}

export interface FeeBreakdown {
  /** Yuan. */
  total: number;
  /** The tiers this application touches, lowest first (free tiers included, with amount 0). */
  tiers: FeeTier[];
}

/** Far above any real application; stops a typo from producing absurd numbers. */
export const MAX_FEE_UNITS = 100_000;

function assertCount(n: number, what: string, min: number): void {
  if (!Number.isInteger(n) || n < min || n > MAX_FEE_UNITS) {
    throw new RangeError(`${what}应为 ${min} 至 ${MAX_FEE_UNITS} 之间的整数：${n}`);
  }
}

interface TierRule {
  from: number;
  /** Inclusive; Infinity for an open top tier. */
  to: number;
  rate: number;
}

function breakdown(first: number, last: number, tierAt: (unit: number) => TierRule): FeeBreakdown {
  const tiers: FeeTier[] = [];
  let unit = first;
  while (unit <= last) {
    const rule = tierAt(unit);
    const to = Math.min(last, rule.to);
    const count = to - unit + 1;
    tiers.push({ from: unit, to, count, rate: rule.rate, amount: count * rule.rate });
    unit = to + 1;
  }
  return { total: tiers.reduce((sum, t) => sum + t.amount, 0), tiers };
}

/**
 * Per item (按件计收): items 1–10 in the applicant's calendar month are free, 11–30 cost 100 yuan
 * each, and from item 31 every band of 10 items costs 100 yuan per item more than the last
 * (31–40: 200, 41–50: 300, …).
 *
 * @param previousItemsThisMonth items this applicant already filed with the agency this month
 * @param itemsNow items in the application being charged
 */
export function perItemFee(previousItemsThisMonth: number, itemsNow: number): FeeBreakdown {
  assertCount(previousItemsThisMonth, '本月此前已申请件数', 0);
  assertCount(itemsNow, '本次申请件数', 0);
  return breakdown(previousItemsThisMonth + 1, previousItemsThisMonth + itemsNow, (item) => {
    if (item <= 10) return { from: 1, to: 10, rate: 0 };
    if (item <= 30) return { from: 11, to: 30, rate: 100 };
    const band = Math.floor((item - 31) / 10);
    return { from: 31 + band * 10, to: 40 + band * 10, rate: 200 + band * 100 };
  });
}

/**
 * Per volume (按量计收), for paper copies, e-mail or copied electronic data: pages 1–30 free,
 * 31–100 10 yuan a page, 101–200 20 yuan, from 201 40 yuan.
 */
export function perVolumeFee(pages: number): FeeBreakdown {
  assertCount(pages, '页数', 0);
  return breakdown(1, pages, (page) => {
    if (page <= 30) return { from: 1, to: 30, rate: 0 };
    if (page <= 100) return { from: 31, to: 100, rate: 10 };
    if (page <= 200) return { from: 101, to: 200, rate: 20 };
    return { from: 201, to: Number.POSITIVE_INFINITY, rate: 40 };
  });
}
