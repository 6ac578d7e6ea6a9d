/**
 * Reading the funnel against the plan: pipeline coverage per stage, and the stage that holds
 * the team back.
 */
import type { Opportunity } from '../plan/model.js';
import type { PlannedFunnel } from './plan-funnel.js';
import { ok, type Result } from '../shared/result.js';
import { checkRate, checkStageIds, funnelFail, isCount } from './core.js';

export interface CoverageOptions {
  /** Stage ids in funnel order. */
  stages: readonly string[];
  /** Revenue still to win in the period, minor units; compared with the weighted pipeline. */
  remainingTarget?: number;
  /** Only opportunities expected to close on or before this date (`YYYY-MM-DD`) count. */
  closeBy?: string;
}

export interface StageCoverage {
  id: string;
  /** Open opportunities currently at this stage. */
  open: number;
  required: number;
  /** open / required; null when nothing is required. */
  coverage: number | null;
  /** required − open when short, else 0. */
  gap: number;
}

export interface FunnelCoverage {
  stages: StageCoverage[];
  /** Σ amount of the counted opportunities, minor units. */
  openValue: number;
  /** Σ amount × probability, rounded once to whole minor units. */
  weightedValue: number;
  remainingTarget: number | null;
  /** weightedValue / remainingTarget; null without a remaining target or when it is 0. */
  weightedCoverage: number | null;
  /** remainingTarget − weightedValue when short, else 0; null without a remaining target. */
  revenueGap: number | null;
  /** Opportunities at a stage that is not in `stages` (left out of every figure). */
  unmatched: number;
}

/**
 * Compares the open pipeline with what each stage requires. An opportunity counts at the stage it
 * is in now (not at the stages it has passed): 40 open quotes against 50 required quotes is a
 * coverage of 0.8 and a gap of 10 quotes. The weighted value (amount × probability) is compared
 * with the revenue still to win.
 *
 * @example
 * funnelCoverage({ lead: 500, demo: 100, quote: 50, won: 20 }, pipeline, { stages: ['lead', 'demo', 'quote', 'won'], remainingTarget: 1_000_000 })
 * // quote: open 40, required 50, coverage 0.8, gap 10
 *
 * Errors: `funnel-stages-invalid`, `funnel-count-invalid` (a required count that is not a whole number ≥ 0),
 * `funnel-target-invalid` (a remaining target that is not a whole amount ≥ 0).
 */
export function funnelCoverage(
  required: Readonly<Record<string, number>>,
  openPipeline: readonly Opportunity[],
  options: CoverageOptions,
): Result<FunnelCoverage> {
  const { stages, remainingTarget, closeBy } = options;
  const bad = checkStageIds(stages ?? []);
  if (bad) return bad;
  for (const id of stages) {
    const v = required[id] ?? 0;
    if (!isCount(v)) return funnelFail('funnel-count-invalid', `the required count of "${id}" must be a whole number ≥ 0`, { stage: id }, ['required', id]);
  }
  if (remainingTarget !== undefined && !isCount(remainingTarget)) {
    return funnelFail('funnel-target-invalid', 'the remaining target must be a whole amount ≥ 0', { value: String(remainingTarget) }, ['remainingTarget']);
  }
  const open = new Map<string, number>(stages.map((s) => [s, 0]));
  let openValue = 0, weighted = 0, unmatched = 0;
  for (const o of openPipeline) {
    if (closeBy !== undefined && o.expectedClose > closeBy) continue;
    const n = open.get(o.stageId);
    if (n === undefined) {
      unmatched++;
      continue;
    }
    open.set(o.stageId, n + 1);
    openValue += o.amount;
    weighted += o.amount * o.probability;
  }
  const weightedValue = Math.round(weighted);
  const hasTarget = remainingTarget !== undefined;
  return ok({
    stages: stages.map((id) => {
      const req = required[id] ?? 0, have = open.get(id)!;
      return { id, open: have, required: req, coverage: req > 0 ? have / req : null, gap: Math.max(0, req - have) };
    }),
    openValue,
    weightedValue,
    remainingTarget: hasTarget ? remainingTarget : null,
    weightedCoverage: hasTarget && remainingTarget > 0 ? weightedValue / remainingTarget : null,
    revenueGap: hasTarget ? Math.max(0, remainingTarget - weightedValue) : null,
    unmatched,
  });
}

/** Counts per stage, and optionally the rates (stage → next stage) if they are not count ratios. */
export interface FunnelObservation {
  counts: Readonly<Record<string, number>>;
  rates?: Readonly<Record<string, number | null | undefined>>;
}

/** One multiplicative factor of revenue = leads × rate₁ × rate₂ × … × deal size. */
export interface FunnelFactor {
  kind: 'leads' | 'rate' | 'deal-size';
  /** The stage (for a rate, the stage it converts from). */
  stageId: string;
  /** For a rate, the stage it converts to. */
  nextStageId: string | null;
  plan: number;
  /** null when it cannot be measured (no actual entries in the stage). */
  actual: number | null;
  /** actual / plan; null when unmeasured or the plan is 0. */
  ratio: number | null;
}

export interface FunnelFinding {
  stageId: string;
  nextStageId: string | null;
  /**
   * `top`: lead volume or the first conversion; `bottom`: the last conversion (closing); `middle`:
   * any other; `deal-size`: the average deal size (only when `options.dealSize` is given).
   */
  kind: 'top' | 'middle' | 'bottom' | 'deal-size';
  /** actual leads / plan leads − 1 (0.2 = 20% above plan); null when the plan has no leads. */
  leadsVsPlan: number | null;
  /** actual rate / plan rate − 1 of the named conversion (−0.4 = 40% below plan); null when the finding is lead volume. */
  rateVsPlan: number | null;
  planRate: number | null;
  actualRate: number | null;
}

export interface FunnelDiagnosis {
  factors: FunnelFactor[];
  /** The factor furthest below plan; null when every measurable factor is at or above plan. */
  finding: FunnelFinding | null;
  /** A message code in `i18n/en/funnel.errors.ts (and zh-cn/)` and its parameters (percentages as numbers, e.g. 20 for 20%). */
  message: { code: string; params: Record<string, string | number> };
}

/** Every message code `diagnoseFunnel` returns (each has a sentence in `i18n/en/funnel.errors.ts (and zh-cn/)`). */
export const FUNNEL_DIAGNOSIS_CODES = [
  'funnel-diagnosis-leads',
  'funnel-diagnosis-top',
  'funnel-diagnosis-middle',
  'funnel-diagnosis-bottom',
  'funnel-diagnosis-deal-size',
  'funnel-diagnosis-on-plan',
] as const;

/**
 * The average deal size of a period as every diagnosis measures it: revenue / won deals, rounded
 * to whole minor units; null without a won deal.
 */
export function measuredDealSize(revenue: number, won: number): number | null {
  return won > 0 ? Math.round(revenue / won) : null;
}

const pct = (x: number) => Math.round(x * 1000) / 10;

/** Rates from `obs.rates` where given, else count(next) / count(stage); null when unmeasurable. */
function ratesOf(obs: FunnelObservation, stages: readonly string[]): (number | null)[] {
  return stages.slice(0, -1).map((id, i) => {
    const given = obs.rates?.[id];
    if (typeof given === 'number') return given;
    const n = obs.counts[id] ?? 0;
    return n > 0 ? (obs.counts[stages[i + 1]] ?? 0) / n : null;
  });
}

/**
 * Names the stage with the largest shortfall against plan (or against the team average, passed as
 * the plan). Revenue = leads × each conversion rate × deal size, so each factor's actual / plan
 * ratio says how much of the gap it causes; the factor with the smallest ratio is the finding
 * (ties go to the earlier stage).
 *
 * @example
 * // Plan: 400 leads, lead→demo 20%, demo→quote 50%, quote→won 40% (80 demos, 40 quotes, 16 won).
 * // Actual: 480 leads (20% above plan), 96 demos (20%), 29 quotes (30.2%), 12 won (41.4%):
 * // lead ratio 1.2, rate ratios 1.0, 0.604, 1.03 → demo→quote is furthest below plan.
 * // → finding { stageId: 'demo', nextStageId: 'quote', kind: 'middle', leadsVsPlan: 0.2, rateVsPlan: −0.396 },
 * //   message funnel-diagnosis-middle { leadsDelta: 20, from: 'demo', to: 'quote', planRate: 50, actualRate: 30.2 }
 * //   ("Leads 20% above plan but demo→quote fell from 50% to 30.2%: the problem is the middle of the funnel, …").
 *
 * `from` and `to` are stage ids; a UI may replace them with display names before rendering.
 * Errors: `funnel-stages-invalid` (fewer than two stages), `funnel-count-invalid`, and the rate
 * errors for a plan rate that is missing, 0 or above 1.
 */
export function diagnoseFunnel(
  plan: FunnelObservation,
  actual: FunnelObservation,
  options: {
    stages?: readonly string[];
    /**
     * The average deal size, planned and measured (`measuredDealSize`), minor units: revenue's last
     * factor. When given it is weighed like the others (after them on ties): the review and the
     * funnel inverter pass it, so they name the same factor.
     */
    dealSize?: { plan: number; actual: number | null } | null;
  } = {},
): Result<FunnelDiagnosis> {
  const stages = options.stages ?? Object.keys(plan.counts ?? {});
  const bad = checkStageIds(stages);
  if (bad) return bad;
  if (stages.length < 2) return funnelFail('funnel-stages-invalid', 'a diagnosis needs at least two stages', { reason: 'too-few' }, ['stages']);
  for (const [side, obs] of [['plan', plan], ['actual', actual]] as const) {
    for (const id of stages) {
      if (!isCount(obs.counts?.[id] ?? 0)) return funnelFail('funnel-count-invalid', `the ${side} count of "${id}" must be a whole number ≥ 0`, { stage: id }, [side, 'counts', id]);
    }
  }
  const planRates = ratesOf(plan, stages);
  for (const [i, r] of planRates.entries()) {
    const badRate = checkRate(r ?? undefined, stages[i], ['plan', 'rates', stages[i]]);
    if (badRate) return badRate;
  }
  const actualRates = ratesOf(actual, stages);
  for (const [i, r] of actualRates.entries()) {
    // An actual rate may be 0 (nothing converted) or above 1 (a window's timing), but not NaN, negative or infinite.
    if (r !== null && !(Number.isFinite(r) && r >= 0)) return checkRate(r, stages[i], ['actual', 'rates', stages[i]])!;
  }

  const planLeads = plan.counts[stages[0]] ?? 0, actualLeads = actual.counts[stages[0]] ?? 0;
  const factors: FunnelFactor[] = [
    { kind: 'leads', stageId: stages[0], nextStageId: null, plan: planLeads, actual: actualLeads, ratio: planLeads > 0 ? actualLeads / planLeads : null },
    ...planRates.map((p, i): FunnelFactor => {
      const a = actualRates[i];
      return { kind: 'rate', stageId: stages[i], nextStageId: stages[i + 1], plan: p as number, actual: a, ratio: a === null ? null : a / (p as number) };
    }),
  ];
  const deal = options.dealSize;
  if (deal && deal.plan > 0) {
    factors.push({ kind: 'deal-size', stageId: stages[stages.length - 1], nextStageId: null, plan: deal.plan, actual: deal.actual, ratio: deal.actual === null ? null : deal.actual / deal.plan });
  }
  let worst = -1;
  for (const [i, f] of factors.entries()) {
    if (f.ratio !== null && f.ratio < 1 && (worst < 0 || f.ratio < factors[worst].ratio!)) worst = i;
  }
  const leadsVsPlan = factors[0].ratio === null ? null : factors[0].ratio - 1;
  const leadsParam: Record<string, number> = leadsVsPlan === null ? {} : { leadsDelta: pct(leadsVsPlan) };
  if (worst < 0) return ok({ factors, finding: null, message: { code: 'funnel-diagnosis-on-plan', params: leadsParam } });

  const f = factors[worst];
  if (f.kind === 'deal-size') {
    return ok({
      factors,
      finding: { stageId: f.stageId, nextStageId: null, kind: 'deal-size', leadsVsPlan, rateVsPlan: null, planRate: null, actualRate: null },
      message: { code: 'funnel-diagnosis-deal-size', params: { ...leadsParam, plan: f.plan, actual: f.actual!, delta: pct(f.ratio! - 1) } },
    });
  }
  if (f.kind === 'leads') {
    return ok({
      factors,
      finding: { stageId: f.stageId, nextStageId: null, kind: 'top', leadsVsPlan, rateVsPlan: null, planRate: null, actualRate: null },
      message: { code: 'funnel-diagnosis-leads', params: { ...leadsParam, stage: f.stageId, plan: f.plan, actual: f.actual! } },
    });
  }
  const lastRate = stages.length - 1;
  const kind = worst === lastRate ? 'bottom' : worst === 1 ? 'top' : 'middle';
  return ok({
    factors,
    finding: { stageId: f.stageId, nextStageId: f.nextStageId, kind, leadsVsPlan, rateVsPlan: f.ratio! - 1, planRate: f.plan, actualRate: f.actual },
    message: {
      code: `funnel-diagnosis-${kind}`,
      params: { ...leadsParam, from: f.stageId, to: f.nextStageId!, planRate: pct(f.plan), actualRate: pct(f.actual!) },
    },
  });
}

/**
 * The one bottleneck diagnosis of a node and period, shared by the funnel inverter and the review:
 * the actual counts and deal size to date against the plan's funnel to date — `planned.toDate`
 * (the plan's volumes pro rata by elapsed working days while the period runs, the volumes once it
 * is over), the plan's rates and average deal size — with `diagnoseFunnel` weighing leads, each
 * conversion and the deal size (`measuredDealSize` of the bookings to date). Null when the plan
 * has no volumes (no rates or deal size).
 *
 * @example
 * // Plan to date 214 / 44 / 23 / 9 at 20.5% / 52.8% / 41.4%, ¥185,132.61 a deal; actual 144 / 29 / 15 / 6, ¥1,172,600 booked:
 * diagnosePlannedFunnel(planned, ['lead', 'demo', 'quote', 'won'], { counts, revenue: 117_260_000 })
 * // → planCounts { lead: 214, … }; leads 144 / 214 = 0.673 is the smallest ratio → funnel-diagnosis-leads
 */
export function diagnosePlannedFunnel(
  planned: PlannedFunnel,
  stages: readonly string[],
  actual: { counts: Readonly<Record<string, number>>; revenue: number },
): { planCounts: Record<string, number>; diagnosis: Result<FunnelDiagnosis> } | null {
  const planCounts = planned.toDate;
  if (!planCounts || planned.avgDealSize === null || planned.rates.some((r) => r === null)) return null;
  const won = actual.counts[stages[stages.length - 1]] ?? 0;
  const diagnosis = diagnoseFunnel(
    { counts: planCounts, rates: Object.fromEntries(stages.slice(0, -1).map((s, i) => [s, planned.rates[i]!])) },
    { counts: actual.counts },
    { stages, dealSize: { plan: planned.avgDealSize, actual: measuredDealSize(actual.revenue, won) } },
  );
  return { planCounts: { ...planCounts }, diagnosis };
}
