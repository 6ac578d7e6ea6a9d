/**
 * Funnel inversion (销售漏斗逆向拆解): a revenue target becomes the number of won deals, quotes,
 * demos and leads that produce it. Shared validation for the other funnel modules lives here too.
 */
import { fail, ok, type QkIssue, type Result } from '../shared/result.js';

/**
 * One funnel stage in funnel order. `rate` is the conversion from this stage to the next one
 * (0 < rate ≤ 1); the last stage (won deals) has no rate, and a rate given there is ignored.
 */
export interface StageRate {
  id: string;
  rate?: number;
}

export interface InvertFunnelInput {
  /** Revenue target in integer minor units (≥ 0). */
  target: number;
  /** Average deal size in integer minor units (> 0). */
  avgDealSize: number;
  /** Stages in funnel order, first (leads) to last (won deals). */
  stages: readonly StageRate[];
}

/** The count one stage must reach, and the rate that carries it to the next stage (null for the last). */
export interface StageRequirement {
  id: string;
  count: number;
  rate: number | null;
}

export interface FunnelRequirement {
  target: number;
  avgDealSize: number;
  /** Every stage in funnel order with its required count. */
  stages: StageRequirement[];
  /** The same counts keyed by stage id. */
  counts: Record<string, number>;
  /** Won deals needed: ceil(target / avgDealSize). */
  won: number;
  /** won × avgDealSize: what the won deals bring at the average size (≥ target, by less than one deal). */
  expectedRevenue: number;
}

/** Every error code the funnel functions can return (each has a message in `i18n/en/funnel.errors.ts (and zh-cn/)`). */
export const FUNNEL_ERROR_CODES = [
  'funnel-target-invalid',
  'funnel-deal-size-invalid',
  'funnel-stages-invalid',
  'funnel-rate-missing',
  'funnel-rate-zero',
  'funnel-rate-negative',
  'funnel-rate-above-one',
  'funnel-count-invalid',
  'funnel-count-overflow',
  'funnel-node-unknown',
  'funnel-window-invalid',
  'funnel-min-sample-invalid',
  'funnel-no-capacity',
  'funnel-weight-invalid',
  'funnel-no-working-days',
  'funnel-month-invalid',
  'funnel-days-invalid',
  'funnel-confidence-invalid',
  // The context (reps, pipeline, history) could not be gathered: its steps threw (funnelContextSteps).
  'funnel-context-failed',
] as const;
export type FunnelErrorCode = (typeof FUNNEL_ERROR_CODES)[number];

type Failure = { ok: false; error: QkIssue };

/** A typed `fail` so that only known codes can be returned. */
export const funnelFail = (
  code: FunnelErrorCode,
  message: string,
  params?: Record<string, string | number>,
  path?: (string | number)[],
): Failure => fail(code, message, params, path);

/** Checks one conversion rate: a finite number with 0 < rate ≤ 1. Returns the failure or null. */
export function checkRate(rate: unknown, stage: string, path: (string | number)[]): Failure | null {
  if (typeof rate !== 'number' || Number.isNaN(rate)) {
    return funnelFail('funnel-rate-missing', `stage "${stage}" has no conversion rate`, { stage }, path);
  }
  if (rate < 0) return funnelFail('funnel-rate-negative', `the rate of stage "${stage}" is negative (${rate})`, { stage, rate }, path);
  if (rate === 0) return funnelFail('funnel-rate-zero', `the rate of stage "${stage}" is 0: no target can be reached through it`, { stage }, path);
  if (rate > 1) return funnelFail('funnel-rate-above-one', `the rate of stage "${stage}" is above 100% (${rate})`, { stage, rate }, path);
  return null;
}

/** Checks the stage list: at least one stage, non-empty unique ids. */
export function checkStageIds(ids: readonly string[]): Failure | null {
  if (ids.length === 0) return funnelFail('funnel-stages-invalid', 'the funnel needs at least one stage', { reason: 'empty' }, ['stages']);
  const seen = new Set<string>();
  for (const [i, id] of ids.entries()) {
    if (typeof id !== 'string' || id === '') {
      return funnelFail('funnel-stages-invalid', `stage ${i} has no id`, { reason: 'id', index: i }, ['stages', i, 'id']);
    }
    if (seen.has(id)) return funnelFail('funnel-stages-invalid', `stage "${id}" appears twice`, { reason: 'duplicate', stage: id }, ['stages', i, 'id']);
    seen.add(id);
  }
  return null;
}

/** True for a whole number ≥ 0 that doubles represent exactly. */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** ceil(a / b) for safe integers a ≥ 0, b > 0, without a float division. */
export function ceilDivInt(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}

const SCALE = 1_000_000_000;
const BIG_SCALE = BigInt(SCALE);

/**
 * ceil(count / rate), exact. A rate written with at most nine decimals (0.2, 0.35, 0.123456789) is
 * the fraction n / 10⁹, so the quotient is computed in integers: 20 / 0.4 is 50, never the 50.000…01
 * that float division gives and `Math.ceil` turns into 51. Any other rate (1/3 from history) is
 * divided in floats and a quotient within a relative 1e-9 of a whole number is taken as that
 * number, so 10 / (1/3) is 30. Returns NaN when the result is not a safe integer (the caller fails).
 */
export function ceilDivRate(count: number, rate: number): number {
  const n = Math.round(rate * SCALE);
  if (n > 0 && n / SCALE === rate) {
    const big = BigInt(count) * BIG_SCALE;
    const q = (big + BigInt(n) - 1n) / BigInt(n);
    return q <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(q) : NaN;
  }
  const q = count / rate;
  const whole = Math.round(q);
  const result = Math.abs(q - whole) <= 1e-9 * Math.max(1, whole) ? whole : Math.ceil(q);
  return Number.isSafeInteger(result) ? result : NaN;
}

/**
 * Inverts the funnel: how many items each stage needs for the revenue target.
 *
 * Won deals = ceil(target / avgDealSize); walking back, each earlier stage needs
 * ceil(next stage's count / its conversion rate). Rounding up at every stage means the plan never
 * falls short by a fraction of a deal. Ratios are computed exactly (see {@link ceilDivRate}).
 *
 * @example
 * // The seed: 1,000,000 target, 50,000 average deal, lead→demo 20%, demo→quote 50%, quote→won 40%.
 * invertFunnel({ target: 1_000_000, avgDealSize: 50_000, stages: [
 *   { id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.4 }, { id: 'won' } ] });
 * // → won 20, quote ceil(20 / 0.4) = 50, demo ceil(50 / 0.5) = 100, lead ceil(100 / 0.2) = 500.
 *
 * Errors (codes): `funnel-target-invalid` (negative or not an integer), `funnel-deal-size-invalid`
 * (≤ 0 or not an integer), `funnel-stages-invalid`, `funnel-rate-missing` / `-zero` / `-negative` /
 * `-above-one` (for every stage but the last), `funnel-count-overflow`. A zero target needs zero of
 * everything.
 */
export function invertFunnel(input: InvertFunnelInput): Result<FunnelRequirement> {
  const { target, avgDealSize, stages } = input;
  if (!isCount(target)) {
    return funnelFail('funnel-target-invalid', `the target must be a whole amount ≥ 0 in minor units, got ${target}`, { value: String(target) }, ['target']);
  }
  if (typeof avgDealSize !== 'number' || !Number.isSafeInteger(avgDealSize) || avgDealSize <= 0) {
    return funnelFail('funnel-deal-size-invalid', `the average deal size must be a whole amount > 0 in minor units, got ${avgDealSize}`, { value: String(avgDealSize) }, ['avgDealSize']);
  }
  const bad = checkStageIds((stages ?? []).map((s) => s?.id));
  if (bad) return bad;
  for (let i = 0; i < stages.length - 1; i++) {
    const badRate = checkRate(stages[i].rate, stages[i].id, ['stages', i, 'rate']);
    if (badRate) return badRate;
  }
  const counts = new Array<number>(stages.length);
  const won = ceilDivInt(target, avgDealSize);
  counts[stages.length - 1] = won;
  for (let i = stages.length - 2; i >= 0; i--) {
    counts[i] = ceilDivRate(counts[i + 1], stages[i].rate as number);
    if (Number.isNaN(counts[i])) {
      return funnelFail('funnel-count-overflow', `stage "${stages[i].id}" would need more items than can be counted exactly`, { stage: stages[i].id }, ['stages', i]);
    }
  }
  const expectedRevenue = won * avgDealSize;
  if (!Number.isSafeInteger(expectedRevenue)) {
    return funnelFail('funnel-count-overflow', 'the won deals are worth more than can be counted exactly', { stage: stages[stages.length - 1].id }, ['target']);
  }
  return ok({
    target,
    avgDealSize,
    stages: stages.map((s, i) => ({ id: s.id, count: counts[i], rate: i < stages.length - 1 ? (s.rate as number) : null })),
    counts: Object.fromEntries(stages.map((s, i) => [s.id, counts[i]])),
    won,
    expectedRevenue,
  });
}
