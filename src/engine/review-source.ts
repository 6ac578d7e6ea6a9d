/**
 * Gathers a review's plan and actuals from plain plan data (what the store holds) and runs
 * `reviewPeriod` on them.
 */
import type { ActualsSnapshot, FiscalCalendar, FunnelStage, OrgNode, Plan, TargetCell } from './model.js';
import { addDays, elapsedWorkingDays, parsePeriodId, periodOf, periodRange, workingDaysInPeriod } from './periods.js';
import { mulDivRound } from './pace.js';
import { fail, ok, type Result } from './result.js';
import { buildOrgIndex, rollupActuals, rollupTargets, stageCountsRollup, type OrgIndex } from './rollup.js';
import { conversionRatesFromHistory } from './funnel-history.js';
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
  /** Default: `defaultReviewPeriod`. */
  period?: string | null;
  /** The plan's conversion rates (stage i → i + 1); default: the node's last 12 months before the period. */
  rates?: readonly (number | null)[];
  /** The plan's average deal size, minor units; default: from the same history. */
  avgDealSize?: number | null;
  /**
   * Customer lifetime value from the host's CRM (the model keeps no customer data), minor units:
   * the target and the period's measured average. Shown in the KPI table; "—" where absent.
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
  /** While the period runs: the working days elapsed and in all; the plan is the target pro rata. Null for a closed period. */
  partial: { elapsed: number; total: number; target: number } | null;
  /** Where the plan's assumptions came from: given, or history over `window` (stages that fell back to an ancestor listed). */
  assumptions: { source: 'given' | 'history'; window: { from: string; to: string } | null; fellBack: string[] };
}

const indexes = new WeakMap<readonly OrgNode[], OrgIndex>();
function orgIndex(org: readonly OrgNode[]): OrgIndex {
  let ix = indexes.get(org);
  if (!ix) indexes.set(org, (ix = buildOrgIndex(org)));
  return ix;
}

const hasTarget = (source: ReviewSource, nodeId: string, period: string) =>
  rollupTargets(source.targets, orgIndex(source.org), { metric: 'revenue', period }, source.plan.calendar).has(nodeId);

/**
 * The period a review shows when none is chosen: the last fiscal quarter that ended before `asOf`
 * when the node has a revenue target for it; else the fiscal year holding `asOf` when it has one
 * (reviewed to date); else that last quarter.
 *
 * @example
 * // asOf 2026-11-27, calendar year: FY2026-Q3 if the node has a Q3 target (its own, its months' or its children's), else FY2026
 */
export function defaultReviewPeriod(source: ReviewSource, nodeId: string): string {
  const cal = source.plan.calendar;
  const current = periodRange(periodOf(source.asOf, 'quarter', cal), cal);
  const last = periodOf(addDays(current.start, -1), 'quarter', cal);
  for (const p of [last, periodOf(source.asOf, 'year', cal)]) if (hasTarget(source, nodeId, p)) return p;
  return last;
}

/** The twelve whole months before `start`, as months `YYYY-MM`. */
function yearBefore(start: string): { from: string; to: string } {
  const y = Number(start.slice(0, 4)), m = start.slice(5, 7);
  return { from: `${y - 1}-${m}`, to: addDays(start, -1).slice(0, 7) };
}

/**
 * A node's review for a period from plan data. The plan: the revenue target from `rollupTargets`
 * (its own cell, its months' or its children's), the funnel assumptions given in the query or
 * else learned from the node's twelve months before the period (`conversionRatesFromHistory`, which
 * falls back to an ancestor's rates where the node's sample is small), the collections target
 * when there is one, and the sales cycle as the stages' average days added up. The actuals:
 * bookings, collections and stage counts of the node's whole subtree in the period (counts by
 * month, so a period takes the months it covers), and the open deals that slipped (expected to
 * close in the period, before `asOf`, still open). The review covers all product lines: funnel
 * counts are not kept per product.
 *
 * A period that has not ended by `asOf` is reviewed to date: actuals up to `asOf`, against the
 * target pro rata by working days (target × elapsed / all, rounded half up), so that a running
 * quarter is not judged against its full target.
 *
 * @example
 * // Test fixture, company 'co', FY2026-Q1 with a target of ¥500,000 for r1 and rates given:
 * reviewFromSnapshot(source, { nodeId: 'r1', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 })
 * // plan ¥500,000 (200 leads, 50 demos, 25 quotes, 10 won); actual ¥165,000 from 40 leads, 10 demos, 5 quotes, 2 won
 *
 * Errors: `review-node-unknown` (`node`), `review-date-invalid`, `period-invalid`, and those of
 * `reviewPeriod` (`review-plan-incomplete` when the target has no assumptions and no history
 * gives any).
 */
export function reviewFromSnapshot(source: ReviewSource, query: ReviewQuery = {}): Result<ReviewReport> {
  const ix = orgIndex(source.org);
  const cal: FiscalCalendar = source.plan.calendar;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(source.asOf ?? '')) return fail('review-date-invalid', `"${source.asOf}" is not a date YYYY-MM-DD`, { value: String(source.asOf) });
  const nodeId = query.nodeId ?? ix.roots[0] ?? '';
  const node = ix.byId.get(nodeId);
  if (!node || ix.positionOf(nodeId) < 0) return fail('review-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  const period = query.period ?? defaultReviewPeriod(source, nodeId);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const stages = source.stages.map((s) => s.id);
  const range = periodRange(period, cal);
  const end = source.asOf < range.end ? source.asOf : range.end;
  const running = source.asOf < range.end;

  const target = rollupTargets(source.targets, ix, { metric: 'revenue', period }, cal).get(nodeId) ?? null;
  const collectionsTarget = rollupTargets(source.targets, ix, { metric: 'collections', period }, cal).get(nodeId) ?? null;
  let partial: ReviewReport['partial'] = null;
  let planRevenue = target, planCollections = collectionsTarget;
  if (running) {
    const total = workingDaysInPeriod(period, cal);
    const elapsed = Math.min(total, elapsedWorkingDays(period, source.asOf, cal));
    const prorate = (v: number | null) => (v === null || total === 0 ? v : mulDivRound(v, elapsed, total));
    planRevenue = prorate(target);
    planCollections = prorate(collectionsTarget);
    partial = { elapsed, total, target: target ?? 0 };
  }

  const all = source.actuals?.actuals ?? [];
  const revenue = end < range.start ? 0 : (rollupActuals(all, ix, { from: range.start, to: end, type: 'booking' }).get(nodeId) ?? 0);
  const collections = end < range.start ? 0 : (rollupActuals(all, ix, { from: range.start, to: end, type: 'collection' }).get(nodeId) ?? 0);
  const counted = end < range.start ? new Map<string, number>() : (stageCountsRollup(source.actuals?.stageCounts ?? [], ix, { from: range.start, to: end }).get(nodeId) ?? new Map<string, number>());
  const counts = Object.fromEntries(stages.map((s) => [s, counted.get(s) ?? 0]));
  const subtree = new Set([nodeId, ...ix.descendants(nodeId)]);
  const slipped = slippedDeals((source.actuals?.pipeline ?? []).filter((o) => subtree.has(o.repId)), { start: range.start, end: range.end, asOf: source.asOf });

  let rates = query.rates;
  let avgDealSize = query.avgDealSize;
  let assumptions: ReviewReport['assumptions'] = { source: 'given', window: null, fellBack: [] };
  if (rates === undefined || avgDealSize === undefined) {
    const window = yearBefore(range.start);
    const h = conversionRatesFromHistory(source.actuals?.stageCounts ?? [], ix, { nodeId, stages, ...window, actuals: all });
    if (!h.ok) return h;
    rates ??= h.value.rates.map((r) => r.rate);
    avgDealSize ??= h.value.avgDealSize?.value ?? null;
    assumptions = { source: 'history', window, fellBack: h.value.rates.filter((r) => r.fellBack).map((r) => r.id) };
  }
  const days = source.stages.slice(0, -1).map((s) => s.avgDays);
  const salesCycleDays = days.length > 0 && days.every((d) => typeof d === 'number') ? days.reduce((a, b) => a! + b!, 0)! : null;

  const r = reviewPeriod(
    {
      stages,
      plan: { revenue: planRevenue, rates: rates ?? [], avgDealSize: avgDealSize ?? null, collections: planCollections, salesCycleDays, clv: query.clv?.plan ?? null },
      actual: { revenue, counts, collections, salesCycleDays: null, clv: query.clv?.actual ?? null },
      slipped,
      market: query.market ?? null,
    },
    query.options,
  );
  if (!r.ok) return r;
  return ok({ ...r.value, nodeId, nodeName: node.name, period, currency: source.plan.currency, start: range.start, end, partial, assumptions });
}
