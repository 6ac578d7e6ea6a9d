/**
 * A small seeded pseudo-random generator for deterministic simulations (sample data, Monte Carlo
 * forecasts, property tests that need reproducible noise). Same seed → same sequence, on every
 * browser and in Node, because it uses only 32-bit integer arithmetic.
 *
 * The core is sfc32 (Chris Doty-Humphrey's "small fast counting" generator, 128-bit state, period at
 * least 2^32 and on average about 2^127), seeded through splitmix32 so that neighbouring seeds
 * (1, 2, 3 …) give unrelated streams. It is not cryptographically secure.
 */

/** A seeded stream of random numbers. Every call advances the stream. */
export interface Random {
  /** A float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /**
   * An integer in [min, max], both ends included. Bounds are rounded to integers, swapped when
   * given in the wrong order, and non-finite bounds count as 0, so the result is never NaN.
   */
  int(min: number, max: number): number;
  /** A uniformly chosen element of `items`, or `undefined` when `items` is empty. */
  pick<T>(items: readonly T[]): T | undefined;
  /**
   * A normally distributed float (Box–Muller) with the given mean (default 0) and standard
   * deviation (default 1; a negative sd counts as its absolute value; non-finite values as 0 and 1).
   */
  normal(mean?: number, sd?: number): number;
  /**
   * A Poisson-distributed count ≥ 0 with the given mean (e.g. deals closed in a month). A mean ≤ 0
   * or non-finite gives 0. Exact (Knuth) below a mean of 30, a rounded normal approximation above.
   */
  poisson(mean: number): number;
}

const TWO_32 = 4294967296;

/** Folds any number into a 32-bit seed: the integer part, high and low words mixed. */
function seed32(seed: number): number {
  const s = Number.isFinite(seed) ? Math.trunc(seed) : 0;
  const lo = ((s % TWO_32) + TWO_32) % TWO_32;
  const hi = Math.floor(s / TWO_32) | 0;
  return (lo ^ Math.imul(hi, 0x85ebca6b)) >>> 0;
}

/**
 * Creates a seeded random stream.
 *
 * @example
 * const rng = createRandom(2026);
 * rng.int(1, 6);              // a die roll, the same on every run for seed 2026
 * rng.pick(['华东', '华南']);   // one of the two
 * rng.normal(100, 15);        // e.g. 97.3…
 * rng.poisson(0.7);           // 0, 1, 2 … with mean 0.7
 */
export function createRandom(seed: number): Random {
  // splitmix32 spreads the seed over the 128-bit sfc32 state.
  let sm = seed32(seed);
  const splitmix = (): number => {
    sm = (sm + 0x9e3779b9) | 0;
    let t = sm ^ (sm >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  let a = splitmix() | 0;
  let b = splitmix() | 0;
  let c = splitmix() | 0;
  let d = splitmix() | 0;

  const u32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs of a fresh sfc32 state are weakly mixed; the reference code discards them.
  for (let i = 0; i < 12; i++) u32();

  const next = (): number => u32() / TWO_32;

  // Box–Muller makes two independent normals per pair of uniforms; keep the second for the next call.
  let spare: number | null = null;
  const standardNormal = (): number => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const u1 = 1 - next(); // in (0, 1]: log(u1) stays finite
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };

  const finiteOr = (v: number, fallback: number): number => (Number.isFinite(v) ? v : fallback);

  return {
    next,
    int(min, max) {
      let lo = Math.round(finiteOr(min, 0));
      let hi = Math.round(finiteOr(max, 0));
      if (lo > hi) [lo, hi] = [hi, lo];
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    pick<T>(items: readonly T[]): T | undefined {
      return items.length === 0 ? undefined : items[Math.floor(next() * items.length)];
    },
    normal(mean = 0, sd = 1) {
      return finiteOr(mean, 0) + Math.abs(finiteOr(sd, 1)) * standardNormal();
    },
    poisson(mean) {
      if (!Number.isFinite(mean) || mean <= 0) return 0;
      if (mean >= 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * standardNormal()));
      const limit = Math.exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
  };
}
