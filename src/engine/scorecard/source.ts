/**
 * Scorecards of a team from the read model (or plain plan data): the KPIs of every rep under a
 * node, measured from bookings, collections, funnel counts, the open pipeline and the org, then
 * scored and ranked. Targets and actuals are the read model's (`targetsOf`, `actualOf`), so the
 * attainment KPI measures the same figures the goal tree and the gauge show.
 */
import type { ActualsSnapshot, FunnelStage, OrgNode, Plan, TargetCell } from '../plan/model.js';
import { addDays, parsePeriodId, periodOf, periodRange } from '../calendar/periods.js';
import { ok, type Result } from '../shared/result.js';
import type { PlanState } from '../plan/plan-state.js';
import { runSteps, STEP_CHUNK, type StepProgress, type Steps } from '../shared/steps.js';
import type { KpiMeasure, RankedScorecard, ScorecardKpiId, ScorecardOptions, ScorecardPerson } from './scorecard.js';
import { scorecardRankingSteps } from './ranking.js';
import type { ClvUnavailableReason } from './customer-value.js';

export interface ScorecardSource {
  plan: Plan;
  org: readonly OrgNode[];
  stages: readonly FunnelStage[];
  targets: readonly TargetCell[];
  actuals: ActualsSnapshot | null;
  asOf: string;
}

export interface ScorecardQuery {
  /** A rep (one scorecard) or a team, region, company (everyone under it). Default: the root. */
  nodeId?: string | null;
  /** Default: the page's default period (`defaultPeriod` of the read model: the fiscal year holding `asOf` when the node has a target there). */
  period?: string | null;
  /**
   * KPIs the CRM measures itself (strategic accounts, customer lifetime value, its own CRM
   * completeness …), per rep; they win over the derived ones (in the previous period too, so such a
   * KPI adds no trend of its own). Money in minor units.
   */
  extras?: Readonly<Record<string, Partial<Record<ScorecardKpiId, KpiMeasure>>>>;
  options?: Omit<ScorecardOptions, 'asOf'>;
}

export interface TeamScorecards {
  nodeId: string;
  nodeName: string;
  period: string;
  previousPeriod: string;
  currency: string;
  /** Ranked, best first (`rankScorecards`). */
  cards: RankedScorecard[];
  /** The people as measured (KPIs and benchmarks), by id, in org order. */
  people: ScorecardPerson[];
  /** Why the team's CLV cannot be computed from the data in the period; null when it can. */
  clvUnavailable: ClvUnavailableReason | null;
}

/** The period of the same length just before `period` (quarter → quarter, month → month …). */
export function previousPeriod(period: string, calendar: Plan['calendar']): string {
  const p = parsePeriodId(period);
  if (!p.ok) return period;
  return periodOf(addDays(periodRange(period, calendar).start, -1), p.value.granularity, calendar);
}

/**
 * Measures and scores every rep under a node for a period, and for the period before it (the
 * trend). How each KPI is measured, and against what:
 * - `attainment`: bookings / the rep's revenue target; without a target, against the team's median
 *   bookings × the rep's ramp factor (a new hire is measured against a ramped peer level);
 * - `activity`: items entering every stage but the last (leads + demos + quotes), against the team median;
 * - `winRate`: won / the stage before won, against the team's pooled rate;
 * - `avgDealSize`: bookings / won deals, against the team's pooled average;
 * - `collectionRate`: collections / bookings in the period, against the team's pooled rate;
 * - `crossSell`: product lines the rep sold in the period, against the team median;
 * - `crmCompleteness`: the share of the rep's open opportunities with a product line and an
 *   expected close that is not in the past (what the forecast needs), against 100%;
 * - `mentoring`: people the rep mentors (`mentorId` in the org), against 1;
 * - `strategicAccounts`: only from `extras` (the model has no account data);
 * - `clv` (customer lifetime value): from the bookings that name their customer
 *   (`customerLifetimeValue`: the rep's average customer value in the period × the expected
 *   lifetime from the repeat rate of the previous period's customers), against the team's CLV by the
 *   same formula; or from `extras`, as the CRM estimates it, in integer minor units (e.g.
 *   `extras: { r1: { clv: { actual: 12_000_000, benchmark: 15_000_000 } } }` scores 80). When the
 *   data cannot give it, `clvUnavailable` says why.
 * "Team" is every rep under the node's parent when the node is a rep, else under the node. The
 * period is reviewed to `asOf` when it has not ended. Team levels that are counts over the period
 * (activity, and bookings without a target) are prorated by tenure: a rep hired during the period
 * is measured against the level × the share of its days (to `asOf`) they were employed, so a rep
 * hired 24 days into a 70-day stretch is held to 24/70 of the team's activity. A rep hired after
 * the previous period ended has no previous scorecard, hence no trend.
 *
 * Errors: `review-node-unknown` (`node`), `period-invalid`, and those of `scorePerson`.
 */
export function scorecardsFromSnapshot(input: ScorecardSource | PlanState, query: ScorecardQuery = {}): Result<TeamScorecards> {
  return runSteps(scorecardSteps(input, query));
}

/**
 * `scorecardsFromSnapshot` as steps (see `steps.ts`): it yields after every chunk of people
 * measured, scored and ranked, so an element can spread a company of 100,000 over many short tasks.
 * Progress counts each person four times (measured now, measured the period before, scored, ranked).
 */
export function* scorecardSteps(input: ScorecardSource | PlanState, query: ScorecardQuery = {}): Steps<Result<TeamScorecards>> {
  const steps = scorecardRankingSteps(input, query);
  let last: StepProgress = { done: 0, total: 0 };
  let step = steps.next();
  for (; !step.done; step = steps.next()) yield (last = step.value);
  const r = step.value;
  if (!r.ok) return r;
  const list = r.value;
  // Every card built, a chunk at a time (the ranking's progress stays where it ended).
  const cards: RankedScorecard[] = new Array(list.count);
  for (let j = 0; j < list.count; j++) {
    cards[j] = list.cardAt(j);
    if ((j + 1) % STEP_CHUNK === 0) yield last;
  }
  return ok({ nodeId: list.nodeId, nodeName: list.nodeName, period: list.period, previousPeriod: list.previousPeriod, currency: list.currency, cards, people: list.people(), clvUnavailable: list.clvUnavailable });
}
