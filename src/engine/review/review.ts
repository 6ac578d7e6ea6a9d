/**
 * The period review (复盘): plan against actual on every KPI of a node and period, and the revenue
 * gap split exactly into one money effect per funnel factor.
 *
 * Revenue is a product of factors: revenue = leads × rate₁ × rate₂ × … × average deal size (each
 * rate carries one stage into the next). Its change from plan to actual is split with the
 * logarithmic mean Divisia index (LMDI-I): effectᵢ = L(V₁, V₀) × ln(xᵢ₁ / xᵢ₀) with
 * L(a, b) = (a − b) / (ln a − ln b) and L(a, a) = a. Because ln(V₁ / V₀) = Σ ln(xᵢ₁ / xᵢ₀), the
 * effects add up to V₁ − V₀ with no residual. The effects are then rounded to whole minor units by
 * the largest-remainder method, so they add up to the gap to the 分.
 *
 * The stated rules for values LMDI cannot take (a logarithm of 0):
 * - **A factor that fell to zero** (no deal won, so revenue is 0): the split falls back to the
 *   Shapley decomposition, the average of a factor's effect over every order in which factors can be
 *   switched from plan to actual. It is exact too and treats zeros like any value, so leads that
 *   also fell still carry their part of the loss. Factors that did not change are left out of it
 *   (they have no effect in any order).
 * - **A factor that could not be measured** (no item entered the stage, so its rate is 0 / 0; no
 *   deal won, so the deal size is 0 / 0) takes its plan value: it has no effect.
 * - **No plan** (no revenue target, or a target of 0): there is nothing to split; the whole actual
 *   revenue is one `unplanned` effect.
 * - **Counts that cannot produce the revenue** (revenue booked but no deal won; a later stage
 *   counted after an empty one) give no split (`method: 'none'`) and a finding that says why.
 *
 * On the plan side, the rates and the deal size are the assumptions and the leads are what the
 * target needs before rounding up: target / (Π rates × deal size), so the plan's factors multiply
 * to the target exactly. The KPI table shows the whole counts `invertFunnel` rounds up to.
 */
import type { Opportunity } from '../plan/model.js';
import { fail, ok, type Result } from '../shared/result.js';
import { checkRate, checkStageIds, invertFunnel, isCount, type StageRate } from '../funnel/core.js';
import { diagnoseFunnel, measuredDealSize } from '../funnel/coverage.js';
import { blendViews, computeViews, type ViewName } from '../plan/views.js';

/** The plan of the period: the revenue target and the funnel assumptions behind it. */
export interface ReviewPlanInput {
  /** The revenue target for the period, minor units; null when there is none. */
  revenue: number | null;
  /** The conversion of each stage but the last into the next one, in funnel order (0 < rate ≤ 1). */
  rates: readonly (number | null)[];
  /** The planned average deal size, minor units (> 0). */
  avgDealSize: number | null;
  /** The collections target, minor units, when there is one. */
  collections?: number | null;
  /** The planned sales cycle, days from lead to won (the stages' average days added up). */
  salesCycleDays?: number | null;
  /**
   * The planned count of each stage, by stage id, when the caller has them (`plannedFunnel().toDate`
   * while the period runs): the baseline of the KPI table, the diagnosis and the findings. Default:
   * `invertFunnel` of `revenue` at the rates and deal size (whole counts, rounded up).
   */
  counts?: Readonly<Record<string, number>> | null;
  /**
   * The target customer lifetime value (CLV), minor units: the gross revenue a customer is expected
   * to bring over the whole relationship, when the host tracks one. Only shown in the KPI table.
   */
  clv?: number | null;
}

/** What happened in the period. */
export interface ReviewActualInput {
  /** Bookings in the period, minor units. */
  revenue: number;
  /** Items that entered each stage in the period, by stage id (absent: 0). */
  counts: Readonly<Record<string, number>>;
  /** Cash collected in the period, minor units. */
  collections?: number | null;
  /** The measured average sales cycle in days, when the CRM records one. */
  salesCycleDays?: number | null;
  /** The average CLV of the customers won in the period as the CRM estimates it, minor units. */
  clv?: number | null;
  /**
   * CRM completeness of the open pipeline, 0 … 1 (`crmCompleteness`): shown as a KPI row against
   * 100% when given (null: no open opportunities to measure).
   */
  crmCompleteness?: number | null;
}

/** The market view of the next cycle: the market's size (minor units) and the share of it the node aims at. */
export interface ReviewMarket {
  /** Whole minor units ≥ 0. */
  size: number;
  /** 0 … 1 (0.12 = 12%). */
  share: number;
}

export interface ReviewInput {
  /** Stage ids in funnel order, first (leads) to last (won deals); at least two. */
  stages: readonly string[];
  plan: ReviewPlanInput;
  actual: ReviewActualInput;
  /**
   * Deals that slipped: still open although their expected close fell inside the period and has
   * passed (see `slippedDeals`). They make the timing effect.
   */
  slipped?: readonly Opportunity[];
  /** Optional: the market view (size × share) that joins the plan and the actual in the proposed next target. */
  market?: ReviewMarket | null;
}

/**
 * The default weights of the next target's three views (see `ReviewOptions.nextTarget`): the plan
 * (top-down) and the actual (bottom-up) count equally; the market view, the coarsest estimate,
 * half as much as either. A view that is missing gives its weight to the others in proportion.
 */
export const NEXT_TARGET_WEIGHTS: Readonly<{ plan: number; actual: number; market: number }> = { plan: 0.4, actual: 0.4, market: 0.2 };

export interface ReviewOptions {
  /**
   * How many observations the plan's rate counts for when the updated rate is worked out
   * (default 30, the sample at which `conversionRatesFromHistory` trusts a rate).
   */
  priorWeight?: number;
  /** The same for the deal size, in deals (default 10). */
  dealPriorWeight?: number;
  /**
   * The proposed next target blends three views with `blendViews` (`views.ts`): the plan (this
   * period's target, top-down), the actual × (1 + growth) (bottom-up, as `computeViews` grows last
   * year's actual) and, when the input has a `market`, size × share. Weights default to
   * {@link NEXT_TARGET_WEIGHTS} (0.4 / 0.4 / 0.2); each must be ≥ 0, not all 0. Growth > −1, default 0.
   */
  nextTarget?: { planWeight?: number; actualWeight?: number; marketWeight?: number; growth?: number };
}

/** Which factor of revenue an effect belongs to. `unplanned`: the revenue of a period with no plan. */
export type ReviewFactorKind = 'leads' | 'rate' | 'avgDealSize' | 'unplanned';

/** One factor's share of the revenue gap. */
export interface ReviewEffect {
  kind: ReviewFactorKind;
  /** For a rate: the stage it converts from; for leads: the first stage. */
  stageId: string | null;
  /** For a rate: the stage it converts into. */
  nextStageId: string | null;
  /** The factor's value in the plan and in the period (leads may be fractional on the plan side, see the module note). */
  plan: number | null;
  actual: number | null;
  /** Whether the actual value was measured (false: it took its plan value). */
  measured: boolean;
  /** The effect in minor units, rounded so that all effects add up to the gap exactly. */
  amount: number;
  /** The unrounded effect. */
  exact: number;
}

export interface ReviewAttribution {
  method: 'lmdi' | 'shapley' | 'unplanned' | 'none';
  /** Plan revenue V₀, actual revenue V₁ and the gap V₁ − V₀, minor units. */
  plan: number;
  actual: number;
  gap: number;
  /** In factor order: leads, each rate, deal size. Σ amount = gap (empty for `none`). */
  effects: ReviewEffect[];
  /** For `none`: why (`review-counts-inconsistent`). */
  reason: string | null;
}

export type ReviewKpiId = 'revenue' | 'leads' | 'count' | 'rate' | 'won' | 'avgDealSize' | 'salesCycle' | 'collections' | 'collectionRate' | 'crmCompleteness' | 'clv';

/** One row of the KPI table. */
export interface ReviewKpi {
  id: ReviewKpiId;
  unit: 'money' | 'count' | 'ratio' | 'days';
  /** The stage of a count, or the stage a rate converts from. */
  stageId: string | null;
  nextStageId: string | null;
  plan: number | null;
  actual: number | null;
  /** actual − plan; null when either is missing. */
  variance: number | null;
  /** actual / plan − 1; null when either is missing or the plan is 0. */
  varianceRatio: number | null;
  /** True when the variance is good news (more revenue, a shorter cycle); null without a variance. */
  favorable: boolean | null;
}

/** Deals expected to close in the period that are still open. */
export interface ReviewTiming {
  count: number;
  /** Σ amount, minor units. */
  amount: number;
  /** Σ amount × probability, rounded once. */
  weighted: number;
  ids: string[];
}

/** A sentence of the review: a message code of `i18n/en/review.errors.ts (and zh-cn/)` (or funnel's) and its parameters. */
export interface ReviewMessage {
  code: string;
  params: Record<string, string | number>;
}

/** A finding, with the money it explains (minor units, signed; findings are ranked by its size). */
export interface ReviewFinding extends ReviewMessage {
  amount: number;
}

export interface ReviewRecommendation {
  /** Updated rates: (converted + k × plan rate) / (entered + k), capped at 1; ready for `invertFunnel`. */
  rates: { stageId: string; nextStageId: string; plan: number | null; actual: number | null; updated: number | null }[];
  avgDealSize: { plan: number | null; actual: number | null; updated: number | null };
  /** The blended next target, minor units; null when there is nothing to base it on. */
  nextTarget: number | null;
  /**
   * The views the next target blends, minor units (null where absent): the plan, the actual after
   * growth, and market size × share.
   */
  views: { plan: number | null; actual: number | null; market: number | null };
  /** Leads, demos … the next target needs at the updated assumptions; null when they are incomplete. */
  required: Record<string, number> | null;
  messages: ReviewMessage[];
}

export interface PeriodReview {
  stages: string[];
  kpis: ReviewKpi[];
  attribution: ReviewAttribution;
  timing: ReviewTiming;
  /** The headline: which factor holds the period back (funnel codes from `diagnoseFunnel`, or `review-diagnosis-*`). */
  diagnosis: ReviewMessage;
  /** Ranked by the size of their money effect, largest first. */
  findings: ReviewFinding[];
  recommendation: ReviewRecommendation;
}

/** Every code `reviewPeriod` and `reviewFromSnapshot` can fail with. */
export const REVIEW_ERROR_CODES = [
  'review-amount-invalid',
  'review-count-invalid',
  'review-plan-incomplete',
  'review-option-invalid',
  'review-node-unknown',
  'review-date-invalid',
  'review-market-invalid',
] as const;

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * L(a, b) = (a − b) / (ln a − ln b), the logarithmic mean; L(a, a) = a. For a and b close together
 * the quotient loses digits, so it switches to the series a·(1 + d/2 + d²/12) around b = a(1 + d)'s midpoint.
 */
export function logMean(a: number, b: number): number {
  if (a === b) return a;
  const d = (a - b) / b;
  if (Math.abs(d) < 1e-6) return b * (1 + d / 2 - (d * d) / 12);
  return (a - b) / (Math.log(a) - Math.log(b));
}

/**
 * Rounds values to integers that add up to `total` exactly (largest remainder): each value is
 * floored, and the units still missing go to the largest fractional parts, earlier index first on
 * ties. Float drift in the inputs (a sum off by 1e-9) is absorbed the same way.
 *
 * @example roundToTotal([-1_000.4, 600.3, 200.1], -200) // [-1000, 600, 200]
 */
export function roundToTotal(values: readonly number[], total: number): number[] {
  const floors = values.map((v) => Math.floor(v));
  let left = total - floors.reduce((s, v) => s + v, 0);
  if (values.length === 0) return [];
  const order = values.map((_, i) => i).sort((i, j) => values[j] - floors[j] - (values[i] - floors[i]) || i - j);
  const out = [...floors];
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]] += 1;
  for (let k = order.length - 1; left < 0; k--, left++) out[order[((k % order.length) + order.length) % order.length]] -= 1;
  return out;
}

/**
 * Splits V₁ − V₀ over factors x₀ → x₁ (V = Π x) with the Shapley value: each factor's marginal
 * effect averaged over every order of switching factors from plan to actual. Exact for any values,
 * zeros included. Unchanged factors are dummies (effect 0) and are skipped, so the cost is 2ⁿ
 * products over the n changed factors.
 */
export function shapleyEffects(x0: readonly number[], x1: readonly number[]): number[] {
  const changed = x0.map((_, i) => i).filter((i) => x0[i] !== x1[i]);
  const fixed = x0.reduce((p, v, i) => (x0[i] === x1[i] ? p * v : p), 1);
  const n = changed.length;
  const fact = [1];
  for (let i = 1; i <= n; i++) fact[i] = fact[i - 1] * i;
  const value = (mask: number) => changed.reduce((p, f, k) => p * (mask & (1 << k) ? x1[f] : x0[f]), fixed);
  const out = x0.map(() => 0);
  for (let k = 0; k < n; k++) {
    let e = 0;
    for (let mask = 0; mask < 1 << n; mask++) {
      if (mask & (1 << k)) continue;
      let size = 0;
      for (let m = mask; m; m &= m - 1) size++;
      e += ((fact[size] * fact[n - size - 1]) / fact[n]) * (value(mask | (1 << k)) - value(mask));
    }
    out[changed[k]] = e;
  }
  return out;
}

interface Factor {
  kind: 'leads' | 'rate' | 'avgDealSize';
  stageId: string | null;
  nextStageId: string | null;
  plan: number;
  actual: number | null;
}

/**
 * The revenue gap split over leads, each stage's conversion and the deal size (see the module note
 * for the method and the rules for zeros and missing values). `planRevenue` and `actualRevenue` are
 * whole minor units; the effects are rounded to whole minor units and add up to the gap exactly.
 *
 * @example
 * // Plan: ¥1,000,000 at 20% / 50% / 40% and ¥50,000 a deal → 500 leads (the seed's funnel).
 * // Actual: 600 leads, 120 demos, 60 quotes, 15 won, ¥750,000 (deal size ¥50,000).
 * // Factors: leads 600/500 = 1.2, lead→demo 0.2/0.2, demo→quote 0.5/0.5, quote→won 0.25/0.4, deal size 1.
 * // L(750,000, 1,000,000) = −250,000 / ln 0.75 = 869,014.87; leads effect = L × ln 1.2 = +158,440.14,
 * // quote→won = L × ln 0.625 = −408,440.14; Σ = −250,000 = the gap (in 分: +15,844,014 and −40,844,014).
 */
export function attributeRevenue(
  stages: readonly string[],
  plan: { revenue: number | null; rates: readonly number[]; avgDealSize: number },
  actual: { revenue: number; counts: Readonly<Record<string, number>> },
): ReviewAttribution {
  const planRevenue = plan.revenue ?? 0;
  const gap = actual.revenue - planRevenue;
  const base = { plan: planRevenue, actual: actual.revenue, gap, reason: null };
  if (planRevenue <= 0) {
    return {
      ...base,
      method: 'unplanned',
      effects: [{ kind: 'unplanned', stageId: null, nextStageId: null, plan: null, actual: actual.revenue, measured: true, amount: gap, exact: gap }],
    };
  }
  const c = stages.map((s) => actual.counts[s] ?? 0);
  const won = c[c.length - 1];
  // Counts that cannot produce the revenue: a stage counted after an empty one, or revenue without deals.
  const firstEmpty = c.findIndex((n) => n === 0);
  if ((firstEmpty >= 0 && c.slice(firstEmpty).some((n) => n > 0)) || (won === 0 && actual.revenue > 0)) {
    return { ...base, method: 'none', effects: [], reason: 'review-counts-inconsistent' };
  }
  const product = plan.rates.reduce((p, r) => p * r, 1) * plan.avgDealSize;
  const factors: Factor[] = [
    { kind: 'leads', stageId: stages[0], nextStageId: null, plan: planRevenue / product, actual: c[0] },
    ...plan.rates.map((r, i): Factor => ({ kind: 'rate', stageId: stages[i], nextStageId: stages[i + 1], plan: r, actual: c[i] > 0 ? c[i + 1] / c[i] : null })),
    { kind: 'avgDealSize', stageId: null, nextStageId: null, plan: plan.avgDealSize, actual: won > 0 ? actual.revenue / won : null },
  ];
  const x0 = factors.map((f) => f.plan);
  const x1 = factors.map((f) => f.actual ?? f.plan);
  const lmdi = x1.every((v) => v > 0);
  let exact: number[];
  if (lmdi) {
    const L = logMean(actual.revenue, planRevenue);
    exact = x0.map((v, i) => L * Math.log(x1[i] / v));
  } else {
    exact = shapleyEffects(x0, x1);
  }
  const amounts = roundToTotal(exact, gap);
  return {
    ...base,
    method: lmdi ? 'lmdi' : 'shapley',
    effects: factors.map((f, i) => ({ ...f, measured: f.actual !== null, amount: amounts[i], exact: exact[i] })),
  };
}

/**
 * Open opportunities whose expected close lies in `start` … `end` and before `asOf`: deals the
 * period counted on that are still open, i.e. slipped past their date.
 *
 * @example slippedDeals(pipeline, { start: '2026-01-01', end: '2026-03-31', asOf: '2026-04-10' }) // those expected Jan–Mar
 */
export function slippedDeals(pipeline: readonly Opportunity[], range: { start: string; end: string; asOf: string }): Opportunity[] {
  return pipeline.filter((o) => o.expectedClose >= range.start && o.expectedClose <= range.end && o.expectedClose < range.asOf);
}

function kpi(
  id: ReviewKpiId,
  unit: ReviewKpi['unit'],
  plan: number | null | undefined,
  actual: number | null | undefined,
  ids: { stageId?: string; nextStageId?: string } = {},
): ReviewKpi {
  const p = plan ?? null, a = actual ?? null;
  const variance = p === null || a === null ? null : a - p;
  const lowerIsBetter = id === 'salesCycle';
  return {
    id, unit, stageId: ids.stageId ?? null, nextStageId: ids.nextStageId ?? null, plan: p, actual: a, variance,
    varianceRatio: variance === null || p === 0 ? null : a! / p! - 1,
    favorable: variance === null || variance === 0 ? null : lowerIsBetter ? variance < 0 : variance > 0,
  };
}

/**
 * Reviews a period: plan against actual on every KPI (revenue, leads, each stage's count and
 * conversion, won deals, average deal size, sales cycle, collections, collection rate and, when the
 * host gives them, customer lifetime value), the
 * revenue gap split per factor (`attributeRevenue`), the timing effect of slipped deals, the
 * headline diagnosis (`diagnoseFunnel`, extended with the deal size), findings ranked by money,
 * and recommendations for the next cycle: updated conversion assumptions, an updated deal size, a
 * proposed next target (`blendViews` of the plan, the actual × (1 + growth) and the optional market
 * view size × share, weighted 0.4 / 0.4 / 0.2 by default) and the funnel it needs.
 *
 * @example
 * // The seed's plan, ¥1,000,000 at 20% / 50% / 40%, ¥50,000 a deal (500 leads, 100 demos, 50 quotes, 20 won).
 * // Actual: 600 leads (+20%), 120 demos, 60 quotes, 15 won (25%), ¥750,000.
 * reviewPeriod({ stages: ['lead', 'demo', 'quote', 'won'],
 *   plan: { revenue: 100_000_000, rates: [0.2, 0.5, 0.4], avgDealSize: 5_000_000 },
 *   actual: { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 } } })
 * // attribution: leads +15,844,014, quote→won −40,844,014 (分); Σ = −25,000,000
 * // diagnosis: funnel-diagnosis-bottom { leadsDelta: 20, from: 'quote', to: 'won', planRate: 40, actualRate: 25 }
 * //   ("Leads 20% above plan but the quote→won conversion fell from 40% to 25%: the problem is closing …")
 * // recommendation: quote→won (15 + 30 × 0.4) / (60 + 30) = 30%; next target (0.4 × 1,000,000 + 0.4 × 750,000) / 0.8 = ¥875,000
 * //   (no market view: its 0.2 goes to the other two). With `market: { size: 500_000_000, share: 0.12 }` (¥600,000)
 * //   and growth 10% (actual view ¥825,000): 0.4 × 1,000,000 + 0.4 × 825,000 + 0.2 × 600,000 = ¥850,000
 *
 * Errors: `funnel-stages-invalid`; `review-amount-invalid` (`field`); `review-count-invalid`
 * (`stage`); `review-plan-incomplete` (`field`: a stage id or `avgDealSize`) when a target is set
 * but its assumptions are missing or out of range; `review-option-invalid` (`option`);
 * `review-market-invalid` (`size`, `share`).
 */
export function reviewPeriod(input: ReviewInput, options: ReviewOptions = {}): Result<PeriodReview> {
  const { plan, actual } = input;
  const stages = [...(input.stages ?? [])];
  const badStages = checkStageIds(stages);
  if (badStages) return badStages;
  if (stages.length < 2) return fail('funnel-stages-invalid', 'a review needs at least two stages', { reason: 'too-few' }, ['stages']);
  const amounts = [
    ['plan.revenue', plan.revenue], ['plan.avgDealSize', plan.avgDealSize], ['plan.collections', plan.collections], ['actual.collections', actual.collections],
    ['plan.clv', plan.clv], ['actual.clv', actual.clv],
  ] as const;
  for (const [field, v] of amounts) {
    if (v !== null && v !== undefined && !isAmount(v)) return fail('review-amount-invalid', `${field} must be a whole amount ≥ 0 in minor units`, { field, value: String(v) }, field.split('.'));
  }
  if (!isAmount(actual.revenue)) return fail('review-amount-invalid', 'actual.revenue must be a whole amount ≥ 0 in minor units', { field: 'actual.revenue', value: String(actual.revenue) }, ['actual', 'revenue']);
  for (const s of stages) {
    const n = actual.counts?.[s] ?? 0;
    if (!isCount(n)) return fail('review-count-invalid', `the count of "${s}" must be a whole number ≥ 0`, { stage: s, value: String(n) }, ['actual', 'counts', s]);
  }
  for (const [field, v] of [['plan.salesCycleDays', plan.salesCycleDays], ['actual.salesCycleDays', actual.salesCycleDays]] as const) {
    if (v !== null && v !== undefined && !(Number.isFinite(v) && v >= 0)) return fail('review-amount-invalid', `${field} must be a number of days ≥ 0`, { field, value: String(v) }, field.split('.'));
  }
  const k = options.priorWeight ?? 30, kd = options.dealPriorWeight ?? 10;
  const nt = options.nextTarget ?? {};
  const weights = {
    topDown: nt.planWeight ?? NEXT_TARGET_WEIGHTS.plan,
    bottomUp: nt.actualWeight ?? NEXT_TARGET_WEIGHTS.actual,
    market: nt.marketWeight ?? NEXT_TARGET_WEIGHTS.market,
  };
  for (const [option, v] of [['priorWeight', k], ['dealPriorWeight', kd], ['planWeight', weights.topDown], ['actualWeight', weights.bottomUp], ['marketWeight', weights.market]] as const) {
    if (!(Number.isFinite(v) && v >= 0)) return fail('review-option-invalid', `${option} must be a finite number ≥ 0`, { option, value: String(v) });
  }
  if (weights.topDown + weights.bottomUp + weights.market === 0) return fail('review-option-invalid', 'the next target needs a view weight above 0', { option: 'nextTarget', value: '0' });
  const market = input.market ?? null;
  if (market !== null && !(isAmount(market.size) && Number.isFinite(market.share) && market.share >= 0 && market.share <= 1)) {
    return fail('review-market-invalid', 'the market needs a whole size ≥ 0 in minor units and a share between 0 and 1', { size: String(market.size), share: String(market.share) }, ['market']);
  }
  if (nt.growth !== undefined && !(Number.isFinite(nt.growth) && nt.growth > -1)) return fail('review-option-invalid', 'growth must be a number above −1', { option: 'growth', value: String(nt.growth) });

  const planned = plan.revenue !== null && plan.revenue > 0;
  // A target needs its assumptions; without a target they are optional (and only feed the recommendation).
  const rates: number[] = [];
  for (let i = 0; i < stages.length - 1; i++) {
    const r = plan.rates?.[i];
    if (r === null || r === undefined) {
      if (planned) return fail('review-plan-incomplete', `the plan has no conversion rate for "${stages[i]}"`, { field: stages[i] }, ['plan', 'rates', i]);
      continue;
    }
    const bad = checkRate(r, stages[i], ['plan', 'rates', i]);
    if (bad) return fail('review-plan-incomplete', `the plan's rate for "${stages[i]}" must be above 0 and at most 1`, { field: stages[i], value: String(r) }, ['plan', 'rates', i]);
    rates[i] = r;
  }
  const dealOk = plan.avgDealSize !== null && plan.avgDealSize > 0;
  if (planned && !dealOk) return fail('review-plan-incomplete', 'the plan has no average deal size', { field: 'avgDealSize' }, ['plan', 'avgDealSize']);

  // ---- plan counts (whole, as the funnel inverter shows them) -------------------------------------
  const stageRates: StageRate[] = stages.map((id, i) => (i < stages.length - 1 ? { id, rate: rates[i] } : { id }));
  let planCounts: Record<string, number> | null = null;
  if (planned && plan.counts) {
    for (const s of stages) {
      const n = plan.counts[s];
      if (!isCount(n)) return fail('review-count-invalid', `the planned count of "${s}" must be a whole number ≥ 0`, { stage: s, value: String(n) }, ['plan', 'counts', s]);
    }
    planCounts = Object.fromEntries(stages.map((s) => [s, plan.counts![s]]));
  } else if (planned) {
    const inv = invertFunnel({ target: plan.revenue!, avgDealSize: plan.avgDealSize!, stages: stageRates });
    if (!inv.ok) return inv;
    planCounts = inv.value.counts;
  }
  const counts = Object.fromEntries(stages.map((s) => [s, actual.counts?.[s] ?? 0]));
  const wonStage = stages[stages.length - 1];
  const won = counts[wonStage];
  const actualRate = (i: number) => (counts[stages[i]] > 0 ? counts[stages[i + 1]] / counts[stages[i]] : null);
  const actualDeal = measuredDealSize(actual.revenue, won);

  // ---- KPI table ---------------------------------------------------------------------------------
  const planCollectionRate = plan.collections != null && planned ? plan.collections / plan.revenue! : null;
  const kpis: ReviewKpi[] = [
    kpi('revenue', 'money', plan.revenue, actual.revenue),
    kpi('leads', 'count', planCounts?.[stages[0]], counts[stages[0]], { stageId: stages[0] }),
  ];
  for (let i = 0; i < stages.length - 1; i++) {
    kpis.push(kpi('rate', 'ratio', rates[i] ?? null, actualRate(i), { stageId: stages[i], nextStageId: stages[i + 1] }));
    const last = i + 1 === stages.length - 1;
    kpis.push(kpi(last ? 'won' : 'count', 'count', planCounts?.[stages[i + 1]], counts[stages[i + 1]], { stageId: stages[i + 1] }));
  }
  kpis.push(
    kpi('avgDealSize', 'money', dealOk ? plan.avgDealSize : null, actualDeal),
    kpi('salesCycle', 'days', plan.salesCycleDays, actual.salesCycleDays),
    kpi('collections', 'money', plan.collections, actual.collections),
    kpi('collectionRate', 'ratio', planCollectionRate, actual.collections != null && actual.revenue > 0 ? actual.collections / actual.revenue : null),
  );
  if (actual.crmCompleteness !== undefined) kpis.push(kpi('crmCompleteness', 'ratio', 1, actual.crmCompleteness));
  kpis.push(kpi('clv', 'money', plan.clv, actual.clv));

  // ---- attribution, timing ------------------------------------------------------------------------
  const attribution = attributeRevenue(stages, { revenue: planned ? plan.revenue : null, rates, avgDealSize: plan.avgDealSize ?? 0 }, { revenue: actual.revenue, counts });
  const slipped = input.slipped ?? [];
  const timing: ReviewTiming = {
    count: slipped.length,
    amount: slipped.reduce((s, o) => s + o.amount, 0),
    weighted: Math.round(slipped.reduce((s, o) => s + o.amount * o.probability, 0)),
    ids: slipped.map((o) => o.id),
  };

  // ---- diagnosis -----------------------------------------------------------------------------------
  let diagnosis: ReviewMessage;
  if (!planned) diagnosis = { code: 'review-diagnosis-no-plan', params: { actual: actual.revenue } };
  else if (attribution.method === 'none') diagnosis = { code: 'review-counts-inconsistent', params: {} };
  else {
    // The funnel inverter's diagnosis too (`diagnosePlannedFunnel`): leads, each conversion, then the deal size.
    const d = diagnoseFunnel(
      { counts: planCounts!, rates: Object.fromEntries(stages.slice(0, -1).map((s, i) => [s, rates[i]])) },
      { counts },
      { stages, dealSize: { plan: plan.avgDealSize!, actual: actualDeal } },
    );
    if (!d.ok) return d;
    const m = d.value.message;
    diagnosis = m.code === 'funnel-diagnosis-deal-size' ? { code: 'review-diagnosis-deal-size', params: { plan: m.params.plan, actual: m.params.actual, delta: m.params.delta } } : m;
  }

  // ---- findings ------------------------------------------------------------------------------------
  const findings: ReviewFinding[] = [];
  for (const e of attribution.effects) {
    if (e.amount === 0 && e.kind !== 'unplanned') continue;
    const params: Record<string, string | number> = { amount: e.amount };
    if (e.kind === 'unplanned') findings.push({ code: 'review-no-plan', params, amount: e.amount });
    else if (e.kind === 'leads') {
      // One gap percentage: actual / the planned leads the KPI table shows − 1 (not the fractional factor of the split).
      const planLeads = planCounts![stages[0]];
      findings.push({ code: 'review-effect-leads', params: { ...params, plan: planLeads, actual: e.actual!, ...(planLeads > 0 ? { delta: pct(e.actual! / planLeads - 1) } : {}) }, amount: e.amount });
    } else if (e.kind === 'rate') {
      const rate = e.actual ?? e.plan!;
      findings.push({ code: 'review-effect-rate', params: { ...params, from: e.stageId!, to: e.nextStageId!, plan: pct(e.plan!), actual: pct(rate) }, amount: e.amount });
    } else {
      findings.push({ code: 'review-effect-deal-size', params: { ...params, plan: plan.avgDealSize!, actual: actualDeal ?? 0, delta: pct(e.actual! / e.plan! - 1) }, amount: e.amount });
    }
  }
  if (attribution.method === 'none') findings.push({ code: 'review-counts-inconsistent', params: { revenue: actual.revenue, won }, amount: 0 });
  if (timing.count > 0) findings.push({ code: 'review-timing', params: { count: timing.count, amount: timing.amount, weighted: timing.weighted }, amount: -timing.amount });
  if (plan.collections != null && actual.collections != null) {
    const diff = actual.collections - plan.collections;
    findings.push({ code: 'review-collections', params: { amount: diff, plan: plan.collections, actual: actual.collections }, amount: diff });
  }
  // Stable sort: equal amounts keep factor order.
  findings.sort((a, b) => Math.abs(b.amount) - Math.abs(a.amount));

  // ---- recommendation --------------------------------------------------------------------------------
  const recRates = stages.slice(0, -1).map((s, i) => {
    const p = rates[i] ?? null, entered = counts[s], converted = counts[stages[i + 1]];
    const denom = entered + (p === null ? 0 : k);
    const updated = denom > 0 ? Math.min(1, (converted + (p === null ? 0 : k * p)) / denom) : p;
    return { stageId: s, nextStageId: stages[i + 1], plan: p, actual: actualRate(i), updated: updated === 0 ? null : updated };
  });
  const dealPrior = dealOk ? kd : 0;
  const dealUpdated = won + dealPrior > 0 ? Math.round((actual.revenue + dealPrior * (dealOk ? plan.avgDealSize! : 0)) / (won + dealPrior)) : null;
  // The three views of one node (三种视角): growth applies to the actual only, exactly as `computeViews` grows last year's actual.
  const growth = nt.growth ?? 0;
  const node = [{ id: 'n', parentId: null }];
  const views = computeViews({ nodes: node, ...(planned ? { topDown: { n: plan.revenue! } } : {}), lastYear: { n: actual.revenue }, growth, ...(market ? { market: { n: market } } : {}) });
  if (!views.ok) return views;
  const v = views.value.n;
  // Nothing to base a target on: no weighted view, or only views of 0 (no plan, nothing booked, no market).
  const weighted = (['topDown', 'bottomUp', 'market'] as const satisfies readonly ViewName[]).filter((name) => v[name] !== undefined && weights[name] > 0);
  const blend = weighted.some((name) => v[name]! > 0) ? blendViews(node, views.value, weights) : null;
  if (blend && !blend.ok) return blend;
  const nextTarget = blend ? blend.value.proposed.n : null;
  let required: Record<string, number> | null = null;
  if (nextTarget !== null && dealUpdated && recRates.every((r) => r.updated !== null)) {
    const inv = invertFunnel({ target: nextTarget, avgDealSize: dealUpdated, stages: stages.map((id, i) => (i < recRates.length ? { id, rate: recRates[i].updated! } : { id })) });
    if (inv.ok) required = inv.value.counts;
  }
  const messages: ReviewMessage[] = [];
  for (const r of recRates) {
    if (r.updated === null || r.plan === null || pct(r.updated) === pct(r.plan)) continue;
    messages.push({ code: 'review-rec-rate', params: { from: r.stageId, to: r.nextStageId, plan: pct(r.plan), updated: pct(r.updated), entered: counts[r.stageId] } });
  }
  if (dealUpdated !== null && dealOk && dealUpdated !== plan.avgDealSize) messages.push({ code: 'review-rec-deal-size', params: { plan: plan.avgDealSize!, updated: dealUpdated, won } });
  if (nextTarget !== null) {
    messages.push({
      code: 'review-rec-target',
      params: {
        target: nextTarget, plan: planned && weights.topDown > 0 ? plan.revenue! : -1, actual: actual.revenue, growth: pct(growth), bottomUp: v.bottomUp!,
        ...(v.market !== undefined && weights.market > 0 ? { market: v.market, marketSize: market!.size, share: pct(market!.share) } : {}),
        ...(required ? { leads: required[stages[0]], won: required[wonStage] } : {}),
      },
    });
  }

  return ok({
    stages,
    kpis,
    attribution,
    timing,
    diagnosis,
    findings,
    recommendation: {
      rates: recRates,
      avgDealSize: { plan: dealOk ? plan.avgDealSize : null, actual: actualDeal, updated: dealUpdated },
      nextTarget,
      views: { plan: v.topDown ?? null, actual: v.bottomUp ?? null, market: v.market ?? null },
      required,
      messages,
    },
  });
}
