/**
 * Exact allocation of an integer amount (minor units or counts) over weighted parts.
 *
 * The method is Hamilton's largest remainder: each unlocked part first gets the whole-number part
 * of its quota `rest × weight / Σweights`, then the few units still unplaced go one each to the
 * parts with the largest fractional remainders. Every quota is computed as an exact fraction over
 * integer weights (decimal weights such as 0.1 are read as the decimal the user wrote, 1/10, not
 * as the nearest double), so the result never drifts, even for totals near 1e13.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** One part of an allocation. */
export interface AllocPart {
  id: string;
  /** Relative weight, finite and ≥ 0. Only ratios matter: 1/1/2 and 0.25/0.25/0.5 split alike. */
  weight: number;
  /** A locked part keeps `value` and takes no share of the rest. */
  locked?: boolean;
  /** The current value; required for a locked part, ignored otherwise. */
  value?: number;
  /** The least this part may receive (an integer ≥ 0). */
  floor?: number;
  /** The most this part may receive (an integer ≥ 0). */
  cap?: number;
}

export interface AllocOptions {
  /**
   * What to do when every unlocked part has weight 0: split equally (`'equal'`, the default, and
   * `equalSplit` says so) or fail with `all-weights-zero`.
   */
  zeroWeights?: 'equal' | 'error';
}

export interface Allocation {
  /** The value of every part by id, locked parts included. Non-negative integers summing to the total. */
  values: Record<string, number>;
  /** Always 0: an allocation places every unit or fails. Present so a UI can show it plainly. */
  remainder: 0;
  /** True when weights were all zero (among the parts still open) and an equal split was used instead. */
  equalSplit: boolean;
}

const SAFE = Number.MAX_SAFE_INTEGER;
/** Largest W with W² ≤ 2^53: below it every product in the Number kernel stays exact. */
const SQRT_SAFE = 94906265;

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Splits `total` over `parts`. Locked parts keep their `value`; the rest (total − locked) goes to
 * the unlocked parts by weight with the largest-remainder method. Ties between equal remainders go
 * to the larger weight, then to the smaller id (string order), so the same input always gives the
 * same output whatever the order of `parts`. Floors and caps are met by water-filling: the parts
 * whose quota breaks a bound are pinned to it and the rest is re-split among the others, until no
 * bound is broken. When the open parts all have weight 0 they share equally.
 *
 * Fails (never clamps silently, never returns a negative value) with:
 * `invalid-total`, `negative-total`, `duplicate-part`, `invalid-weight`, `invalid-locked-value`,
 * `invalid-bound`, `floor-above-cap`, `locked-exceeds-total`, `no-unlocked-parts`,
 * `floors-exceed-total`, `caps-below-total`, and `all-weights-zero` when asked to.
 *
 * @example
 * // 100 over three equal weights: quotas 33⅓ each, floors 33+33+33 = 99, one unit left over.
 * // The remainders tie (⅓ each), the weights tie, so the smallest id, "a", gets it.
 * allocate(100, [{ id: 'a', weight: 1 }, { id: 'b', weight: 1 }, { id: 'c', weight: 1 }])
 * // ok({ values: { a: 34, b: 33, c: 33 }, remainder: 0, equalSplit: false })
 * @example
 * // A locked part keeps its 50; the other 50 splits 1:3 → 12.5 and 37.5 → 12 + 37 = 49, the
 * // remainders tie at ½, so the heavier part "y" takes the last unit: 12 and 38.
 * allocate(100, [{ id: 'l', weight: 9, locked: true, value: 50 }, { id: 'x', weight: 1 }, { id: 'y', weight: 3 }])
 * // ok({ values: { l: 50, x: 12, y: 38 }, … })
 */
export function allocate(total: number, parts: readonly AllocPart[], options: AllocOptions = {}): Result<Allocation> {
  if (typeof total !== 'number' || !Number.isSafeInteger(total)) {
    return fail('invalid-total', `the total must be a whole number of minor units, got ${String(total)}`, { total: String(total) });
  }
  if (total < 0) return fail('negative-total', `the total ${total} is negative`, { total });

  const seen = new Set<string>();
  let lockedSum = 0;
  const open: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (seen.has(p.id)) return fail('duplicate-part', `the part "${p.id}" appears twice`, { id: p.id }, [i]);
    seen.add(p.id);
    if (typeof p.weight !== 'number' || !Number.isFinite(p.weight) || p.weight < 0) {
      return fail('invalid-weight', `the weight of "${p.id}" must be a finite number ≥ 0, got ${String(p.weight)}`, { id: p.id, weight: String(p.weight) }, [i, 'weight']);
    }
    if (p.locked) {
      if (!isAmount(p.value)) {
        return fail('invalid-locked-value', `the locked part "${p.id}" needs a whole value ≥ 0, got ${String(p.value)}`, { id: p.id, value: String(p.value) }, [i, 'value']);
      }
      lockedSum += p.value;
      continue;
    }
    for (const key of ['floor', 'cap'] as const) {
      const b = p[key];
      if (b !== undefined && !isAmount(b)) {
        return fail('invalid-bound', `the ${key} of "${p.id}" must be a whole number ≥ 0, got ${String(b)}`, { id: p.id, bound: key, value: String(b) }, [i, key]);
      }
    }
    if (p.floor !== undefined && p.cap !== undefined && p.floor > p.cap) {
      return fail('floor-above-cap', `the floor of "${p.id}" (${p.floor}) is above its cap (${p.cap})`, { id: p.id, floor: p.floor, cap: p.cap }, [i]);
    }
    open.push(i);
  }

  if (lockedSum > total) {
    return fail('locked-exceeds-total', `locked parts hold ${lockedSum}, more than the total ${total}`, { locked: lockedSum, total });
  }
  const rest = total - lockedSum;
  if (open.length === 0 && rest !== 0) {
    return fail('no-unlocked-parts', `${rest} is left to place but every part is locked`, { remaining: rest, total, locked: lockedSum });
  }
  let floors = 0;
  let caps = 0;
  let uncapped = false;
  for (const i of open) {
    floors += parts[i].floor ?? 0;
    if (parts[i].cap === undefined) uncapped = true;
    else caps += parts[i].cap!;
  }
  if (floors > rest) {
    return fail('floors-exceed-total', `the floors add up to ${floors}, more than the ${rest} available`, { floors, available: rest, total });
  }
  if (!uncapped && caps < rest) {
    return fail('caps-below-total', `the caps add up to ${caps}, less than the ${rest} to place`, { caps, available: rest, total });
  }

  const ints = integerWeights(open.map((i) => parts[i].weight));
  const allZero = ints.every((w) => w === 0n);
  if (allZero && rest > 0 && options.zeroWeights === 'error') {
    return fail('all-weights-zero', `every unlocked weight is zero, so ${rest} cannot be split by weight`, { available: rest });
  }

  const value = new Map<number, number>();
  let active = open.map((_, k) => k);
  let remaining = BigInt(rest);
  let equalSplit = false;
  const hasBounds = open.some((i) => parts[i].floor !== undefined || parts[i].cap !== undefined);

  // Water-filling. At λ = remaining / W the clamped quotas sum to remaining − excess + deficit; if
  // excess ≥ deficit the true λ is at least this one, so every part over its cap stays at its cap
  // in the answer (and symmetrically for floors). Each round pins at least one part.
  while (hasBounds && active.length > 0) {
    const w = effectiveWeights(active, ints);
    const W = w.reduce((s, x) => s + x, 0n);
    let excess = 0n, deficit = 0n;
    const over: number[] = [], under: number[] = [];
    active.forEach((k, j) => {
      const q = remaining * w[j];
      const p = parts[open[k]];
      if (p.cap !== undefined && q > BigInt(p.cap) * W) {
        excess += q - BigInt(p.cap) * W;
        over.push(k);
      } else if (p.floor !== undefined && q < BigInt(p.floor) * W) {
        deficit += BigInt(p.floor) * W - q;
        under.push(k);
      }
    });
    if (over.length === 0 && under.length === 0) break;
    const pinned = excess >= deficit && over.length > 0 ? over : under;
    for (const k of pinned) {
      const p = parts[open[k]];
      const v = pinned === over ? p.cap! : p.floor!;
      value.set(k, v);
      remaining -= BigInt(v);
    }
    const pinnedSet = new Set(pinned);
    active = active.filter((k) => !pinnedSet.has(k));
  }

  if (active.length === 0 && remaining !== 0n) {
    // Unreachable after the feasibility checks above; kept so a bug can never leak units.
    return fail('caps-below-total', `the caps cannot hold the ${rest} to place`, { caps, available: rest, total });
  }
  if (active.length > 0) {
    const w = effectiveWeights(active, ints);
    equalSplit = remaining > 0n && active.every((k) => ints[k] === 0n);
    const split = hamilton(remaining, w, active.map((k) => parts[open[k]].id));
    active.forEach((k, j) => value.set(k, split[j]));
  }

  const entries: [string, number][] = parts.map((p) => [p.id, p.locked ? p.value! : 0]);
  open.forEach((i, k) => (entries[i][1] = value.get(k)!));
  return ok({ values: Object.fromEntries(entries), remainder: 0, equalSplit });
}

/** The weights of `active` parts; when all are zero, 1 each (the equal split). */
function effectiveWeights(active: number[], ints: bigint[]): bigint[] {
  const w = active.map((k) => ints[k]);
  return w.some((x) => x > 0n) ? w : w.map(() => 1n);
}

/**
 * Largest-remainder split of `amount` by integer weights `w` (not all zero), ties to the larger
 * weight and then the smaller id. Uses Number arithmetic when every product stays below 2^53,
 * BigInt otherwise; both give the same integers.
 */
function hamilton(amount: bigint, w: bigint[], ids: string[]): number[] {
  const n = w.length;
  const W = w.reduce((s, x) => s + x, 0n);
  const q = new Array<number>(n);
  const order = Array.from({ length: n }, (_, j) => j);
  if (amount <= BigInt(SAFE) && numberSplitIsExact(Number(amount), Number(W))) {
    const wn = w.map(Number);
    order.sort((a, b) => wn[b] - wn[a] || cmpId(ids[a], ids[b]));
    splitInto(Number(amount), wn, Number(W), order, q, 0, 1, new Float64Array(n));
    return q;
  }
  const rem = new Array<bigint>(n);
  let placed = 0n;
  for (let j = 0; j < n; j++) {
    const x = amount * w[j];
    rem[j] = x % W;
    const whole = x / W;
    q[j] = Number(whole);
    placed += whole;
  }
  order.sort((a, b) => cmpBig(rem[b], rem[a]) || cmpBig(w[b], w[a]) || cmpId(ids[a], ids[b]));
  const left = Number(amount - placed);
  for (let j = 0; j < left; j++) q[order[j]]++;
  return q;
}

/**
 * The largest-remainder kernel in Number arithmetic, for hot loops (no allocation): writes the
 * share of part j of `amount` by integer weights `w` (sum `W` > 0) to `out[offset + j·stride]`.
 * `order` lists the part indices in tie-break order (larger weight first, then smaller id);
 * `rem` is scratch space of at least `w.length`. Exact when `numberSplitIsExact(amount, W)`:
 * writing amount = a·W + b, the quota a·w + (b·w)/W needs only b·w < W·W ≤ 2^53 (or ≤ amount·W).
 * @internal
 */
export function splitInto(
  amount: number,
  w: ArrayLike<number>,
  W: number,
  order: ArrayLike<number>,
  out: { [i: number]: number },
  offset: number,
  stride: number,
  rem: { [j: number]: number },
): void {
  const n = w.length;
  // Math.floor(x / W) is exact for integers x < 2^53: the rounded quotient errs by less than 1/W,
  // the least distance from a non-integer quotient to the next integer. It is much faster than %.
  const a = Math.floor(amount / W);
  const b = amount - a * W;
  let left = amount;
  for (let j = 0; j < n; j++) {
    const x = b * w[j];
    const whole = Math.floor(x / W);
    out[offset + j * stride] = a * w[j] + whole;
    rem[j] = x - whole * W;
    left -= a * w[j] + whole;
  }
  if (left > 0 && left * n > SCAN_LIMIT) {
    placeLeftovers(left, n, order, out, offset, stride, rem);
    return;
  }
  // Fewer than n units are left; each goes to the largest remainder still unserved, the first
  // in tie-break order among equals (strict >). A scan per unit: for a few parts only.
  for (; left > 0; left--) {
    let best = order[0];
    let bestRem = -1;
    for (let k = 0; k < n; k++) {
      const j = order[k];
      if (rem[j] > bestRem) {
        best = j;
        bestRem = rem[j];
      }
    }
    out[offset + best * stride] += 1;
    rem[best] = -1;
  }
}

/** Above this many remainder reads (units left × parts), `splitInto` selects instead of scanning per unit. */
const SCAN_LIMIT = 4096;

/**
 * The `left` units of `splitInto` (fewer than n) in one selection instead of one scan per unit
 * (which read every remainder once per unit: quadratic in the parts, 47–78 s for the four stages
 * of a funnel over 99,899 reps). The units go to the `left` largest remainders, ties in `order`:
 * T, the `left`-th largest remainder, is selected in a copy (`kthSmallest`); every part above T
 * gets one unit, and the rest go to the parts at T in `order`. The same parts as the scan: it takes
 * the largest remainder still unserved, the first in `order` among equals, `left` times.
 */
function placeLeftovers(
  left: number,
  n: number,
  order: ArrayLike<number>,
  out: { [i: number]: number },
  offset: number,
  stride: number,
  rem: { [j: number]: number },
): void {
  const copy = new Float64Array(n);
  for (let j = 0; j < n; j++) copy[j] = rem[j];
  const t = kthSmallest(copy, n - left);
  let atT = left;
  for (let j = 0; j < n; j++) {
    if (rem[j] > t) {
      out[offset + j * stride] += 1;
      atT--;
    }
  }
  for (let k = 0; k < n && atT > 0; k++) {
    const j = order[k];
    if (rem[j] === t) {
      out[offset + j * stride] += 1;
      atT--;
    }
  }
}

/**
 * The k-th smallest value of `a` (0-based), reordering `a`: Hoare's selection, linear on average
 * (many equal values, as remainders often are, split evenly around the pivot).
 */
function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const x = a[i];
        a[i] = a[j];
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/** True when `splitInto(amount, …, W, …)` is exact. @internal */
export const numberSplitIsExact = (amount: number, W: number): boolean =>
  W <= SAFE && (W <= SQRT_SAFE || amount * W <= SAFE);

const cmpBig = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
/** Code-unit order, the same in every locale (localeCompare is not). */
export const cmpId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const DECIMAL = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Exact integer weights proportional to the decimal values of `weights`: each number is read as
 * the shortest decimal that prints it (0.1 → 1/10), and all are scaled by one power of ten, so
 * 0.1 / 0.2 / 0.7 become 1 / 2 / 7. Weights must be finite and ≥ 0.
 *
 * @example integerWeights([0.1, 0.2, 0.7]) // [1n, 2n, 7n]
 * @example integerWeights([1.5, 20]) // [15n, 200n]
 */
export function integerWeights(weights: readonly number[]): bigint[] {
  if (weights.every((w) => Number.isSafeInteger(w))) return weights.map((w) => BigInt(w));
  const parsed = weights.map((w) => {
    if (w === 0) return null;
    const m = DECIMAL.exec(String(w));
    if (!m) return null;
    let digits = m[1] + (m[2] ?? '');
    let exp = Number(m[3] ?? 0) - (m[2]?.length ?? 0);
    const trimmed = digits.replace(/0+$/, '');
    exp += digits.length - trimmed.length;
    digits = trimmed;
    return { digits: BigInt(digits), exp };
  });
  let minExp = Infinity;
  for (const p of parsed) if (p && p.exp < minExp) minExp = p.exp;
  return parsed.map((p) => (p ? p.digits * 10n ** BigInt(p.exp - minExp) : 0n));
}
