/**
 * Round tick values for a numeric domain, as d3-array's `ticks` and `tickIncrement` pick them
 * (steps of 1, 2 or 5 × 10ⁿ, about `count` of them). The kit's own copy of the algorithm: d3-array
 * ships as one file whose module-level code a host's bundler keeps whole (about 6 kB in a gauge
 * page), for what is these few lines. `test/engine/geometry/ticks.test.ts` checks them against
 * d3-array on random domains.
 *
 * @example
 * ticks(0, 1.5, 5); // [0, 0.5, 1, 1.5]
 * tickIncrement(0, 12_345_678, 10); // 1_000_000 (a negative value −k means a step of 1/k)
 */

const SQRT50 = Math.sqrt(50);
const SQRT10 = Math.sqrt(10);
const SQRT2 = Math.sqrt(2);

/**
 * The first and last tick as multiples of the step, and the step: `inc` > 0 is the step itself,
 * `inc` < 0 means a step of 1 / −inc (so that small steps stay exact integers).
 */
function spec(lo: number, hi: number, count: number): [number, number, number] {
  const raw = (hi - lo) / Math.max(0, count);
  const power = Math.floor(Math.log10(raw));
  const error = raw / Math.pow(10, power);
  const factor = error >= SQRT50 ? 10 : error >= SQRT10 ? 5 : error >= SQRT2 ? 2 : 1;
  let first: number;
  let last: number;
  let inc: number;
  if (power < 0) {
    inc = Math.pow(10, -power) / factor;
    first = Math.round(lo * inc);
    last = Math.round(hi * inc);
    if (first / inc < lo) first++;
    if (last / inc > hi) last--;
    inc = -inc;
  } else {
    inc = Math.pow(10, power) * factor;
    first = Math.round(lo / inc);
    last = Math.round(hi / inc);
    if (first * inc < lo) first++;
    if (last * inc > hi) last--;
  }
  // Fewer than two ticks asked for and none found: try twice as many.
  if (last < first && count >= 0.5 && count < 2) return spec(lo, hi, count * 2);
  return [first, last, inc];
}

/** About `count` round values from `start` to `stop` (in that order; `stop` may be the smaller). */
export function ticks(start: number, stop: number, count: number): number[] {
  if (!(count > 0)) return [];
  if (start === stop) return [start];
  const reverse = stop < start;
  const [first, last, inc] = reverse ? spec(stop, start, count) : spec(start, stop, count);
  if (!(last >= first)) return [];
  const n = last - first + 1;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const k = reverse ? last - i : first + i;
    out[i] = inc < 0 ? k / -inc : k * inc;
  }
  return out;
}

/** The step between ticks (negative −k for a step of 1/k), as d3-array's `tickIncrement`. */
export function tickIncrement(start: number, stop: number, count: number): number {
  return spec(start, stop, count)[2];
}
