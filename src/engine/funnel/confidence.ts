/**
 * Confidence: the chance that a number of leads yields the won deals needed, and the leads needed
 * for a chosen chance.
 *
 * Model: each lead independently passes each stage with that stage's rate, so the number passing
 * stage 1 is Binomial(leads, r₁), and a Binomial(m, r₂) thinning of a Binomial(n, r₁) count is
 * Binomial(n, r₁·r₂). Hence won deals ~ Binomial(leads, p) with p = r₁·r₂·…·rₖ exactly, and
 * P(won ≥ k) is a binomial tail: computed exactly, no simulation, the same answer every time.
 */
import { ok, type Result } from '../shared/result.js';
import { ceilDivRate, checkRate, funnelFail, isCount } from './core.js';

/**
 * Up to this variance (leads·p·(1−p), i.e. a standard deviation of 1,000 won deals) the tail is
 * summed exactly, over the ±(40 standard deviations + 40) terms around the mode that hold all but ~1e-20 of the
 * mass (at most ~80,000 terms, a millisecond). Above it the normal approximation with continuity
 * correction is used: its error shrinks like 0.07 / standard deviation, so it is below 1e-4 there
 * (tested against the exact sum).
 */
export const EXACT_MAX_VARIANCE = 1_000_000;

export interface ReachInput {
  leads: number;
  /** The conversion rates from the first stage to won, in funnel order (each 0 < r ≤ 1). */
  rates: readonly number[];
  wonNeeded: number;
  /** Override {@link EXACT_MAX_VARIANCE} (tests use it to compare both methods). */
  exactMaxVariance?: number;
}

export interface Reach {
  /** P(won ≥ wonNeeded), in [0, 1]. */
  probability: number;
  /** The product of the rates: the chance that one lead becomes a won deal. */
  p: number;
  /** leads × p: the won deals expected on average. */
  expectedWon: number;
  method: 'exact' | 'normal';
}

/**
 * log Σ of terms given as logs, kept as (max, scaled sum) so no term overflows or underflows
 * before it is compared with the largest.
 */
class LogSum {
  max = -Infinity;
  sum = 0;
  add(l: number): void {
    if (l <= this.max) this.sum += Math.exp(l - this.max);
    else {
      this.sum = this.sum * Math.exp(this.max - l) + 1;
      this.max = l;
    }
  }
}

/**
 * P(X ≥ k) for X ~ Binomial(n, p), 0 < p < 1, exactly (to ~1e-15). Terms relative to the first one
 * of the window come from the recurrence pmf(j+1) = pmf(j)·(n−j)/(j+1)·p/(1−p), summed in log space
 * in two parts (j < k and j ≥ k). The answer is tail / (head + tail): both are sums of positive terms,
 * so nothing cancels, and the unknown common factor (the first term's true size) divides out, so no
 * factorial is ever computed.
 */
function exactTail(n: number, p: number, k: number): number {
  const reach = Math.ceil(40 * Math.sqrt(n * p * (1 - p))) + 40;
  const mode = Math.floor((n + 1) * p);
  const lo = Math.max(0, mode - reach), hi = Math.min(n, mode + reach);
  if (k <= lo) return 1;
  if (k > hi) return 0;
  const step = Math.log(p) - Math.log1p(-p);
  const head = new LogSum(), tail = new LogSum();
  let l = 0;
  for (let j = lo; j <= hi; j++) {
    (j < k ? head : tail).add(l);
    l += Math.log((n - j) / (j + 1)) + step;
  }
  return 1 / (1 + (head.sum / tail.sum) * Math.exp(head.max - tail.max));
}

/** erfc with a relative error below 1.2e-7 (Chebyshev fit, Numerical Recipes' erfcc). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(X ≥ k) ≈ P(Normal(np, np(1−p)) ≥ k − ½). */
function normalTail(n: number, p: number, k: number): number {
  const z = (k - 0.5 - n * p) / Math.sqrt(n * p * (1 - p));
  return 0.5 * erfc(z / Math.SQRT2);
}

function tail(n: number, p: number, k: number, maxVariance: number): { probability: number; method: 'exact' | 'normal' } {
  if (k <= 0) return { probability: 1, method: 'exact' };
  if (k > n) return { probability: 0, method: 'exact' };
  if (p >= 1) return { probability: 1, method: 'exact' };
  if (n * p * (1 - p) <= maxVariance) return { probability: exactTail(n, p, k), method: 'exact' };
  return { probability: normalTail(n, p, k), method: 'normal' };
}

/** Validates rates and returns their product, or the failure. */
function productOf(rates: readonly number[]): Result<number> {
  if (!Array.isArray(rates) || rates.length === 0) {
    return funnelFail('funnel-stages-invalid', 'at least one conversion rate is needed', { reason: 'empty' }, ['rates']);
  }
  let p = 1;
  for (const [i, r] of rates.entries()) {
    const bad = checkRate(r, String(i + 1), ['rates', i]);
    if (bad) return bad;
    p *= r;
  }
  return ok(p);
}

/**
 * The probability that `leads` leads produce at least `wonNeeded` won deals, each stage being an
 * independent binomial draw with its rate.
 *
 * @example
 * reachProbability({ leads: 10, rates: [0.3], wonNeeded: 3 })
 * // → 1 − Σ_{k<3} C(10,k)·0.3^k·0.7^(10−k) = 1 − (0.0282 + 0.1211 + 0.2335) = 0.6172
 * reachProbability({ leads: 500, rates: [0.2, 0.5, 0.4], wonNeeded: 20 })
 * // → 0.5316: the plain inversion's 500 leads give 20 deals only a little more often than not.
 *
 * Errors: `funnel-count-invalid` (leads or wonNeeded not a whole number ≥ 0), `funnel-stages-invalid`
 * (no rates), and the rate errors.
 */
export function reachProbability(input: ReachInput): Result<Reach> {
  const { leads, wonNeeded, exactMaxVariance = EXACT_MAX_VARIANCE } = input;
  if (!isCount(leads)) return funnelFail('funnel-count-invalid', 'leads must be a whole number ≥ 0', { stage: 'leads' }, ['leads']);
  if (!isCount(wonNeeded)) return funnelFail('funnel-count-invalid', 'wonNeeded must be a whole number ≥ 0', { stage: 'won' }, ['wonNeeded']);
  const p = productOf(input.rates);
  if (!p.ok) return p;
  return ok({ ...tail(leads, p.value, wonNeeded, exactMaxVariance), p: p.value, expectedWon: leads * p.value });
}

export interface ConfidenceInput {
  rates: readonly number[];
  wonNeeded: number;
  /** The chance wanted, 0 < confidence < 1. Default 0.8. */
  confidence?: number;
  exactMaxVariance?: number;
}

export interface LeadsForConfidence {
  /** The smallest number of leads whose chance of reaching `wonNeeded` is at least `confidence`. */
  leads: number;
  /** That chance (≥ confidence). */
  probability: number;
  /** ceil(wonNeeded / p): the leads the plain inversion asks for, which reach the target only about half the time. */
  expectedLeads: number;
  p: number;
}

/**
 * The fewest leads that reach `wonNeeded` won deals with at least the given confidence. The chance
 * grows with the number of leads, so the answer is found by doubling from the plain inversion until
 * it is enough, then bisecting.
 *
 * @example
 * leadsForConfidence({ rates: [0.2, 0.5, 0.4], wonNeeded: 20, confidence: 0.8 })
 * // → 589 leads (p = 0.04; 500 leads give 20 deals on average but only 53% of the time); 645 for 90%.
 *
 * Errors: `funnel-confidence-invalid`, `funnel-count-invalid`, `funnel-stages-invalid`, the rate
 * errors, `funnel-count-overflow`.
 */
export function leadsForConfidence(input: ConfidenceInput): Result<LeadsForConfidence> {
  const { wonNeeded, confidence = 0.8, exactMaxVariance = EXACT_MAX_VARIANCE } = input;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    return funnelFail('funnel-confidence-invalid', `the confidence must be between 0 and 1 (exclusive), got ${confidence}`, { value: String(confidence) }, ['confidence']);
  }
  if (!isCount(wonNeeded)) return funnelFail('funnel-count-invalid', 'wonNeeded must be a whole number ≥ 0', { stage: 'won' }, ['wonNeeded']);
  const pr = productOf(input.rates);
  if (!pr.ok) return pr;
  const p = pr.value;
  const expectedLeads = ceilDivRate(wonNeeded, p);
  if (Number.isNaN(expectedLeads)) return funnelFail('funnel-count-overflow', 'the leads needed cannot be counted exactly', { stage: 'leads' }, ['wonNeeded']);
  const chance = (n: number) => tail(n, p, wonNeeded, exactMaxVariance).probability;

  let lo = wonNeeded, hi = Math.max(wonNeeded, expectedLeads);
  while (chance(hi) < confidence) {
    lo = hi + 1;
    hi *= 2;
    if (hi > Number.MAX_SAFE_INTEGER) return funnelFail('funnel-count-overflow', 'the leads needed cannot be counted exactly', { stage: 'leads' }, ['wonNeeded']);
  }
  // Invariant: chance(hi) ≥ confidence, and every n < lo falls short.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (chance(mid) >= confidence) hi = mid;
    else lo = mid + 1;
  }
  return ok({ leads: hi, probability: chance(hi), expectedLeads, p });
}
