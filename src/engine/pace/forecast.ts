/**
 * Forecast to period end: where a node will land if it keeps its pace (run-rate), if its open
 * pipeline closes as weighted (weighted pipeline), a blend of the two, a p10–p90 range, and the
 * probability of reaching the target. Money is integer minor units; every figure is deterministic.
 */
import type { FiscalCalendar, Opportunity, PeriodId } from '../plan/model.js';
import { asOfPosition, checkAmounts, mulDivRound, resolveContext, type PaceContext } from './pace.js';
import { fail, ok, type Result } from '../shared/result.js';

/** z such that Φ(z) = 0.9: p10 and p90 lie this many standard deviations from the mean. */
const Z90 = 1.2815515655446004;

export interface ForecastOptions {
  /** The actual so far, minor units. */
  actual: number;
  /** The period's target, minor units, ≥ 0. */
  target: number;
  period: PeriodId;
  /** The day the figures are as of (its end). */
  asOf: string;
  calendar: FiscalCalendar;
  /** From `createPaceContext(period, calendar)`, to share the period's working days across nodes. */
  context?: PaceContext;
  /**
   * The node's open opportunities (see `groupPipeline`). Those expected to close after `asOf` and
   * by the period's end count; overdue ones (expected before) and later ones do not.
   */
  pipeline: readonly Opportunity[];
  /**
   * Past periods' outcomes as ratios actual / expected (e.g. `[0.92, 1.08, 1.01]`): their spread is
   * the run-rate's uncertainty. With fewer than two values the run-rate is taken as certain.
   */
  history?: readonly number[];
  /** The weight of the run-rate in the blend, 0 … 1 (default 0.5); the pipeline gets the rest. */
  blend?: number;
}

export interface ForecastResult {
  /** actual + (actual / elapsed working days) × remaining working days; `null` before any working day has passed. */
  runRate: number | null;
  /** actual + Σ amount × probability of the counted opportunities. */
  weightedPipeline: number;
  /** How many opportunities were counted and their full amount. */
  pipelineCount: number;
  pipelineAmount: number;
  /** The blend weight actually used: `blend`, or 0 while there is no run-rate. */
  blend: number;
  /** blend × runRate + (1 − blend) × weightedPipeline: the point forecast. */
  blended: number;
  /** The 10th and 90th percentiles of the period-end outcome. */
  low: number;
  high: number;
  /** The standard deviation of the outcome, minor units. */
  spread: number;
  /** P(outcome ≥ target), 0 … 1. */
  probability: number;
  /**
   * Why `probability` is exactly 0 or 1 rather than a model figure, so a widget can say so:
   * `reached` (the actual is already at target), `beyond-pipeline` (no run-rate yet and the target
   * is more than the actual plus every counted opportunity), `no-spread` (no history and no open
   * pipeline: nothing measures the uncertainty). `null` when the probability is the model's.
   */
  probabilityReason: 'reached' | 'beyond-pipeline' | 'no-spread' | null;
  /** blended / target; `null` for a zero target. Feed it to `statusOf`. */
  forecastRatio: number | null;
  method: 'normal-approximation';
}

/**
 * The forecast to period end.
 *
 * The range and the probability come from an analytic model, not a simulation, so they are exact
 * functions of the inputs and cost microseconds per node. The outcome is
 * `actual + b·R + (1 − b)·P`, with `b` the blend, `P` the sum of the counted opportunities, each
 * closing for its full amount with its probability (independent Bernoulli trials: mean Σ a·p,
 * variance Σ a²·p·(1 − p)), and `R` the run-rate's remaining part with the standard deviation of
 * `history` as its relative error. The outcome is taken as normal with that mean and variance:
 * p10/p90 = mean ∓ 1.2816 σ and P(reach) = 1 − Φ((target − mean) / σ). Known bounds are applied:
 * the outcome is never below `actual` when the mean is above it; with no run-rate weight it never
 * exceeds actual + the whole counted pipeline, and a target beyond that has probability 0. With a
 * few large opportunities the real distribution is lumpy and the normal quantiles are a smoothing
 * of it.
 *
 * Rounding: runRate's extrapolated part is rounded half up exactly; weightedPipeline is rounded
 * half up once from the exact Σ amount × probability; blended is the blend of those two figures
 * rounded half up; low, high and spread are rounded half up from the exact model.
 *
 * Fails with `pace-amount-invalid`, `pace-date-invalid`, `forecast-blend-invalid`,
 * `forecast-history-invalid`, `forecast-opportunity-invalid` (params `id`), `forecast-too-large`,
 * or the period codes of `createPaceContext`.
 *
 * @example
 * // March 2026: 22 working days, as of Wed 11 March 8 have passed and 14 remain.
 * forecast({ actual: 800_000, target: 2_200_000, period: '2026-03', asOf: '2026-03-11', calendar: { startMonth: 1 },
 *   pipeline: [{ id: 'o1', repId: 'r', amount: 1_000_000, probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' }] })
 * // runRate = 800,000 + 800,000 × 14 / 8 = 2,200,000; weightedPipeline = 800,000 + 600,000 = 1,400,000;
 * // blended = 1,800,000; σ = 0.5 × √(1,000,000² × 0.6 × 0.4) = 244,949; low = 1,486,085; high = 2,113,915;
 * // probability = 1 − Φ(400,000 / 244,949) = 0.0512
 */
export function forecast(options: ForecastOptions): Result<ForecastResult> {
  const { actual, target, period, asOf, calendar, pipeline, history = [], blend = 0.5 } = options;
  const amounts = checkAmounts(target, actual);
  if (!amounts.ok) return amounts;
  if (!Number.isFinite(blend) || blend < 0 || blend > 1) {
    return fail('forecast-blend-invalid', `The blend must be between 0 and 1, got ${blend}`, { value: String(blend) });
  }
  if (history.some((h) => !Number.isFinite(h))) {
    return fail('forecast-history-invalid', 'Every historical ratio must be a finite number', {});
  }
  const ctxResult = resolveContext(period, calendar, options.context);
  if (!ctxResult.ok) return ctxResult;
  const ctx = ctxResult.value;
  const position = asOfPosition(ctx, asOf);
  if (!position) return fail('pace-date-invalid', `"${asOf}" is not a date YYYY-MM-DD`, { field: 'asOf', value: asOf });

  const elapsed = position.elapsed;
  const remaining = ctx.workingDays - elapsed;
  const runRate = elapsed === 0 ? null : actual + mulDivRound(actual, remaining, elapsed);

  // The remaining period: from the day after asOf (or the period's start) to the period's end.
  const from = position.dayAfter > ctx.start ? position.dayAfter : ctx.start;
  let count = 0;
  let amount = 0;
  let mean = 0;
  let variance = 0;
  for (const o of pipeline) {
    if (!Number.isSafeInteger(o.amount) || o.amount < 0 || !(o.probability >= 0 && o.probability <= 1)) {
      return fail('forecast-opportunity-invalid', `Opportunity ${o.id} has an invalid amount or probability`, { id: o.id });
    }
    if (o.expectedClose < from || o.expectedClose > ctx.end) continue;
    count++;
    amount += o.amount;
    mean += o.amount * o.probability;
    variance += o.amount * o.amount * o.probability * (1 - o.probability);
  }
  const weightedPipeline = actual + Math.round(mean);

  const b = runRate === null ? 0 : blend;
  const runRemainder = runRate === null ? 0 : runRate - actual;
  const sd = sampleStdDev(history);
  // The blend of the two figures as shown, so blended = b × runRate + (1 − b) × weightedPipeline holds.
  const exactMean = b * (actual + runRemainder) + (1 - b) * weightedPipeline;
  const sigma = Math.sqrt(b * b * (sd * runRemainder) ** 2 + (1 - b) ** 2 * variance);

  let low = exactMean - Z90 * sigma;
  let high = exactMean + Z90 * sigma;
  if (exactMean >= actual) low = Math.max(low, actual);
  const ceiling = b === 0 ? actual + amount : Infinity;
  high = Math.min(high, ceiling);

  let probability: number;
  let probabilityReason: ForecastResult['probabilityReason'] = null;
  if (actual >= target) [probability, probabilityReason] = [1, 'reached'];
  else if (target > ceiling) [probability, probabilityReason] = [0, 'beyond-pipeline'];
  else if (sigma === 0) [probability, probabilityReason] = [exactMean >= target ? 1 : 0, 'no-spread'];
  else probability = 1 - normalCdf((target - exactMean) / sigma);

  const blended = Math.round(exactMean);
  const result: ForecastResult = {
    runRate,
    weightedPipeline,
    pipelineCount: count,
    pipelineAmount: amount,
    blend: b,
    blended,
    low: Math.round(low),
    high: Math.round(high),
    spread: Math.round(sigma),
    probability,
    probabilityReason,
    forecastRatio: target === 0 ? null : blended / target,
    method: 'normal-approximation',
  };
  const money = [result.runRate ?? 0, weightedPipeline, amount, blended, result.low, result.high, result.spread];
  if (!money.every(Number.isSafeInteger)) {
    return fail('forecast-too-large', 'The forecast exceeds the range where amounts stay exact', {});
  }
  return ok(result);
}

/**
 * Groups opportunities by rep (or any key) once, so a forecast for each of 10,000 reps reads its own
 * list instead of scanning 50,000 opportunities each time. Order within a group is kept.
 *
 * @example groupPipeline(pipeline).get('rep-7') // rep-7's open opportunities, or undefined
 * @example groupPipeline(pipeline, (o) => o.productId ?? '') // by product line
 */
export function groupPipeline(
  pipeline: readonly Opportunity[],
  keyOf: (o: Opportunity) => string = (o) => o.repId,
): Map<string, Opportunity[]> {
  const groups = new Map<string, Opportunity[]>();
  for (const o of pipeline) {
    const k = keyOf(o);
    const g = groups.get(k);
    if (g) g.push(o);
    else groups.set(k, [o]);
  }
  return groups;
}

/** The sample standard deviation (n − 1), 0 for fewer than two values. */
function sampleStdDev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Φ(x), the standard normal distribution function, through erfc (Numerical Recipes' Chebyshev
 * fit, relative error below 1.2e-7: ample for a probability shown to the percent).
 *
 * @example normalCdf(0) // 0.5
 * @example normalCdf(1.2815515655446004) // 0.9
 */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 +
    t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}
