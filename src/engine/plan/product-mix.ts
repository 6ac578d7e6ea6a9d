/**
 * Product mix (产品结构): a node's target split over product lines, with a guaranteed minimum for
 * new products (新产品) so a team cannot meet its number on mature lines alone.
 */
import { allocate, integerWeights } from './allocate.js';
import { fail, ok, type Result } from '../shared/result.js';

export interface ProductWeight {
  id: string;
  /** A new product line: counts towards the minimum new-product share. */
  new: boolean;
  /** Relative weight, finite and ≥ 0 (e.g. last year's mix or a plan mix in %). */
  weight: number;
}

export interface ProductMixOptions {
  /** The least share of the total that new products must carry together, 0…1 (e.g. 0.2 = 20%). */
  minNewShare?: number;
}

export interface ProductSplit {
  /** Value per product id; integers summing exactly to the total. */
  values: Record<string, number>;
  /** The new products' share of the total after the split (0 for a zero total), for display. */
  newShare: number;
  /** True when the weights alone gave new products less than the minimum and the minimum was applied. */
  minApplied: boolean;
}

/** The new-product minimum share of targets when neither the plan nor the element sets one. */
export const DEFAULT_MIN_NEW_SHARE = 0.1;

/**
 * The new-product minimum share a decomposition uses (issue 16 item 3): a host's own override (the
 * goal tree's `min-new-share`), else the plan's `newProductMinShare` (the one stored rule, saved through
 * the adapter), else `DEFAULT_MIN_NEW_SHARE`.
 *
 * @example newProductMinShare({ newProductMinShare: 0.15 }) // 0.15
 * @example newProductMinShare({ newProductMinShare: 0.15 }, 0.3) // 0.3
 */
export function newProductMinShare(plan: { newProductMinShare?: number } | null | undefined, override?: number | null): number {
  return override ?? plan?.newProductMinShare ?? DEFAULT_MIN_NEW_SHARE;
}

/**
 * The smallest whole amount that is at least `share` of `total`: ceil(total × share), exact for a
 * decimal share (0.15 is read as 15/100, not as the double nearest to it).
 *
 * @example minimumOf(1_000_001, 0.2) // 200001: 1,000,001 × 0.2 = 200,000.2 → 200,001
 */
export function minimumOf(total: number, share: number): number {
  const [p, q] = integerWeights([share, 1]);
  if (p === 0n) return 0;
  const x = BigInt(total) * p;
  return Number((x + q - 1n) / q);
}

/**
 * Splits `total` over product lines by weight; if new products together would get less than
 * `minNewShare` of the total, they get exactly the minimum (ceil(total × minNewShare)), shared among
 * them by weight, and the mature lines share the rest by weight. Every split is exact (largest
 * remainder). Fails with `invalid-share`, `no-new-products`, or any `allocate` error.
 *
 * @example
 * // 1,000,000 over A (mature, 8), B (mature, 1), N (new, 1) with at least 20% new:
 * // by weight N would get 100,000 < 200,000, so N = 200,000 and A/B split 800,000 as 8:1 →
 * // 711,111.1 and 88,888.9 → 711,111 + 88,888 = 799,999, B has the larger remainder: 88,889.
 * splitByProduct(1_000_000, [{ id: 'A', new: false, weight: 8 }, { id: 'B', new: false, weight: 1 },
 *   { id: 'N', new: true, weight: 1 }], { minNewShare: 0.2 })
 * // ok({ values: { A: 711111, B: 88889, N: 200000 }, newShare: 0.2, minApplied: true })
 */
export function splitByProduct(total: number, products: readonly ProductWeight[], options: ProductMixOptions = {}): Result<ProductSplit> {
  const share = options.minNewShare ?? 0;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 1) {
    return fail('invalid-share', `the minimum new-product share must be between 0 and 1, got ${String(share)}`, { share: String(share) });
  }
  const fresh = products.filter((p) => p.new);
  if (share > 0 && fresh.length === 0) {
    return fail('no-new-products', 'a minimum new-product share needs at least one new product line', { share });
  }
  const plain = allocate(total, products);
  if (!plain.ok) return plain;
  const newSum = (values: Record<string, number>) => fresh.reduce((s, p) => s + values[p.id], 0);
  const min = share > 0 && Number.isSafeInteger(total) ? minimumOf(total, share) : 0;
  if (newSum(plain.value.values) >= min) {
    const values = plain.value.values;
    return ok({ values, newShare: total > 0 ? newSum(values) / total : 0, minApplied: false });
  }
  const mature = products.filter((p) => !p.new);
  const a = allocate(min, fresh);
  if (!a.ok) return a;
  const b = allocate(total - min, mature);
  if (!b.ok) return b;
  const values = Object.fromEntries(products.map((p) => [p.id, p.new ? a.value.values[p.id] : b.value.values[p.id]]));
  return ok({ values, newShare: total > 0 ? min / total : 0, minApplied: true });
}
