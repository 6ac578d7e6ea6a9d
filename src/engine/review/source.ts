/**
 * Gathers a review's plan and actuals from the read model (`PlanState`, what the store holds; or
 * plain plan data turned into one) and runs `reviewPeriod` on them.
 */
import type { ActualsSnapshot, FiscalCalendar, FunnelStage, OrgNode, Plan, TargetCell } from '../plan/model.js';
import { elapsedWorkingDays, isDate, parsePeriodId, periodRange, workingDaysInPeriod } from '../calendar/periods.js';
import { mulDivRound } from '../pace/pace.js';
import { fail, ok, type Result } from '../shared/result.js';
import { conversionRatesFromHistory } from '../funnel/history.js';
import { invertFunnel } from '../funnel/core.js';
import { actualOf, planStateOf, defaultPeriod, targetOf, toDateRange, type PlanState } from '../plan/plan-state.js';
import { actualFunnel, plannedFunnel, yearBefore } from '../funnel/plan-funnel.js';
import { subtreeRecords } from '../plan/subtree-sums.js';
import { crmCompleteness, customerLifetimeValue, type ClvUnavailableReason } from '../scorecard/customer-value.js';
import { previousPeriod } from '../scorecard/source.js';
import { reviewPeriod, slippedDeals, type PeriodReview, type ReviewMarket, type ReviewOptions } from './review.js';

/** Plain plan data, as the store holds it. */
export interface ReviewSource {
  plan: Plan;
  org: readonly OrgNode[];
  stages: readonly FunnelStage[];
  /** The target cells as they stand now (host data plus local edits). */
  targets: readonly TargetCell[];
  actuals: ActualsSnapshot | null;
  /** Today, `YYYY-MM-DD`: a period not over yet is reviewed to this day. */
  asOf: string;
}

export interface ReviewQuery {
  /** Default: the org's root. */
  nodeId?: string | null;
  /** Default: the page's period (`defaultPeriod`). */
  period?: string | null;
  /** The plan's conversion rates (stage i → i + 1); default: the node's last 12 months before the period. */
  rates?: readonly (number | null)[];
  /** The plan's average deal size, minor units; default: from the same history. */
  avgDealSize?: number | null;
  /**
   * Customer lifetime value from the host's CRM, minor units: the target and the period's measured
   * average. The actual, when not given, is computed from bookings that name their customer
   * (`customerLifetimeValue`); where neither exists the report says why (`clvUnavailable`).
   */
  clv?: { plan?: number | null; actual?: number | null };
  /** The market view of the next cycle (size × share), blended into the proposed next target. */
  market?: ReviewMarket | null;
  options?: ReviewOptions;
}

export interface ReviewReport extends PeriodReview {
  nodeId: string;
  nodeName: string;
  period: string;
  currency: string;
  /** The first and last day counted (`end` is `asOf` while the period runs). */
  start: string;
  end: string;
  /**
   * While the period runs: the working days elapsed and in all, and the whole period's target; the
   * plan (revenue and counts) is pro rata by these days. Null for a closed period.
   */
  partial: { elapsed: number; total: number; target: number } | null;
  /** Where the plan's assumptions came from: given, or history over `window` (stages that fell back to an ancestor listed). */
  assumptions: { source: 'given' | 'history'; window: { from: string; to: string } | null; fellBack: string[] };
  /** Why the CLV row has no actual (the data cannot give one and the host gave none); null when it has one. */
  clvUnavailable: ClvUnavailableReason | null;
}

const stateOf = (source: ReviewSource | PlanState): PlanState => planStateOf(source);

/**
 * The period a review shows when none is chosen: the page's (`defaultPeriod` of the read model —
 * the fiscal year holding `asOf` when the node has a target there, else the plan's fiscal year),
 * the same for every element. A year still running is reviewed to date.
 *
 * @example
 * // asOf 2026-12-01, a FY2026 target → 'FY2026'
 */
export function defaultReviewPeriod(source: ReviewSource | PlanState, nodeId: string): string {
  return defaultPeriod(stateOf(source), nodeId);
}

/** volumes × part / whole, rounded half up: `plannedFunnel`'s pro rata, for assumptions a host gives. */
const proRata = (v: number, part: number, whole: number) => (whole === 0 ? v : Math.floor((v * part * 2 + whole) / (2 * whole)));

/**
 * A node's review for a period, from the read model (`store.state`) or plain plan data. The plan
 * is the plan's funnel (`plannedFunnel`): the revenue target (`targetOf`), the conversion rates
 * and average deal size of the twelve whole months before the period (with the ancestor fallback),
 * and the volumes per stage; rates or a deal size given in the query replace the history's (the
 * volumes are then inverted from them the same way). Also the collections target when there is
 * one, and the sales cycle as the stages' average days added up. The actuals: bookings
 * (`actualOf`), collections and stage counts (`actualFunnel`) of the node's whole subtree from the
 * period's start to `asOf` or its end, and the open deals that slipped (expected to close in the
 * period, before `asOf`, still open). The review covers all product lines: funnel counts are not
 * kept per product.
 *
 * A period that has not ended by `asOf` is reviewed to date, on one basis: the planned revenue is
 * the target pro rata by working days (target × elapsed / all, rounded half up) and the planned
 * counts are the plan's volumes pro rata the same way (`plannedFunnel().toDate`) — the baseline the
 * funnel inverter's bottleneck uses too, so both name the same numbers. `partial` says so.
 *
 * @example
 * // Test fixture, company 'co', FY2026-Q1 with a target of ¥500,000 for r1 and rates given:
 * reviewFromSnapshot(state, { nodeId: 'r1', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 })
 * // plan ¥500,000 (200 leads, 50 demos, 25 quotes, 10 won); actual ¥165,000 from 40 leads, 10 demos, 5 quotes, 2 won
 *
 * Errors: `review-node-unknown` (`node`), `review-date-invalid`, `period-invalid`, and those of
 * `reviewPeriod` (`review-plan-incomplete` when the target has no assumptions and no history
 * gives any).
 */
export function reviewFromSnapshot(source: ReviewSource | PlanState, query: ReviewQuery = {}): Result<ReviewReport> {
  if (!isDate(source.asOf)) return fail('review-date-invalid', `"${source.asOf}" is not a date YYYY-MM-DD`, { value: String(source.asOf) });
  const state = stateOf(source);
  const ix = state.index;
  const cal: FiscalCalendar = state.plan.calendar;
  const nodeId = query.nodeId ?? ix.roots[0] ?? '';
  const node = ix.byId.get(nodeId);
  if (!node || ix.positionOf(nodeId) < 0) return fail('review-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  const period = query.period ?? defaultPeriod(state, nodeId);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const stages = state.stages.map((s) => s.id);
  const range = toDateRange(state, period)!;
  const end = range.to;
  const running = range.running;

  const target = targetOf(state, nodeId, period);
  const collectionsTarget = targetOf(state, nodeId, period, 'collections');
  const total = workingDaysInPeriod(period, cal);
  const elapsed = Math.min(total, elapsedWorkingDays(period, state.asOf, cal));
  let partial: ReviewReport['partial'] = null;
  let planRevenue = target, planCollections = collectionsTarget;
  if (running) {
    const prorate = (v: number | null) => (v === null || total === 0 ? v : mulDivRound(v, elapsed, total));
    planRevenue = prorate(target);
    planCollections = prorate(collectionsTarget);
    partial = { elapsed, total, target: target ?? 0 };
  }

  const revenue = actualOf(state, nodeId, period) ?? 0;
  const collections = actualOf(state, nodeId, period, 'collections') ?? 0;
  const counts = actualFunnel(state, nodeId, period) ?? Object.fromEntries(stages.map((s) => [s, 0]));
  const slipped = slippedDeals(state.actuals ? subtreeRecords(ix, state.actuals.pipeline, nodeId) : [], { start: range.start, end: range.end, asOf: state.asOf });

  let rates = query.rates;
  let avgDealSize = query.avgDealSize;
  let assumptions: ReviewReport['assumptions'] = { source: 'given', window: null, fellBack: [] };
  let planCounts: Record<string, number> | null = null;
  if (rates === undefined || avgDealSize === undefined) {
    const pf = target === null ? null : plannedFunnel(state, nodeId, period);
    if (pf?.ok) {
      rates ??= pf.value.rates;
      avgDealSize ??= pf.value.avgDealSize;
      assumptions = { source: 'history', window: pf.value.window, fellBack: pf.value.fellBack };
      if (rates === pf.value.rates && avgDealSize === pf.value.avgDealSize) planCounts = pf.value.toDate;
    } else {
      // No target (or no plan funnel): the history still feeds the recommendation.
      const window = yearBefore(range.start);
      const h = conversionRatesFromHistory(state.actuals?.stageCounts ?? [], ix, { nodeId, stages, ...window, actuals: state.actuals?.actuals ?? [] });
      if (!h.ok) return h;
      rates ??= h.value.rates.map((r) => r.rate);
      avgDealSize ??= h.value.avgDealSize?.value ?? null;
      assumptions = { source: 'history', window, fellBack: h.value.rates.filter((r) => r.fellBack).map((r) => r.id) };
    }
  }
  if (!planCounts && target !== null && avgDealSize && rates && rates.length === stages.length - 1 && rates.every((r) => r !== null && r > 0 && r <= 1)) {
    // Given assumptions: invert the whole target, then pro rata, exactly as `plannedFunnel` does.
    const inv = invertFunnel({ target, avgDealSize, stages: stages.map((id, i) => (i < rates!.length ? { id, rate: rates![i]! } : { id })) });
    if (inv.ok) planCounts = Object.fromEntries(Object.entries(inv.value.counts).map(([k, v]) => [k, running ? proRata(v, elapsed, total) : v]));
  }
  const days = state.stages.slice(0, -1).map((s) => s.avgDays);
  const salesCycleDays = days.length > 0 && days.every((d) => typeof d === 'number') ? days.reduce((a, b) => a! + b!, 0)! : null;

  // CRM completeness of the subtree's open pipeline, and CLV from its customers' bookings (one definition each, shared with the scorecard).
  const crm = crmCompleteness(state.actuals ? subtreeRecords(ix, state.actuals.pipeline, nodeId) : [], state.asOf);
  const before = periodRange(previousPeriod(period, cal), cal);
  const clv = query.clv?.actual != null ? null : customerLifetimeValue(state.actuals ? subtreeRecords(ix, state.actuals.actuals, nodeId) : [], { start: range.start, end }, before);
  const clvActual = query.clv?.actual ?? (clv?.available ? clv.value : null);
  const clvUnavailable = clv && !clv.available ? clv.reason : null;
  const r = reviewPeriod(
    {
      stages,
      plan: {
        revenue: planRevenue, rates: rates ?? [], avgDealSize: avgDealSize ?? null, collections: planCollections, salesCycleDays, clv: query.clv?.plan ?? null,
        ...(planCounts ? { counts: planCounts } : {}),
      },
      actual: { revenue, counts, collections, salesCycleDays: null, clv: clvActual, crmCompleteness: crm.share },
      slipped,
      market: query.market ?? null,
    },
    query.options,
  );
  if (!r.ok) return r;
  return ok({ ...r.value, nodeId, nodeName: node.name, period, currency: state.plan.currency, start: range.start, end, partial, assumptions, clvUnavailable });
}
