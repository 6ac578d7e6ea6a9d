/**
 * Scorecards of a team from the read model (or plain plan data): the KPIs of every rep under a
 * node, measured from bookings, collections, funnel counts, the open pipeline and the org, then
 * scored and ranked. Targets and actuals are the read model's (`targetsOf`, `actualOf`), so the
 * attainment KPI measures the same figures the goal tree and the gauge show.
 */
import type { ActualsSnapshot, FunnelStage, OrgNode, Plan, TargetCell } from '../plan/model.js';
import { addDays, daysBetween, isDate, parsePeriodId, periodOf, periodRange } from '../calendar/periods.js';
import { fail, ok, type Result } from '../shared/result.js';
import { stageCountsRollup } from '../plan/rollup.js';
import { actualOf, planStateOf, defaultPeriod, targetsOf, type PlanState } from '../plan/plan-state.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';
import {
  checkOptions,
  rampOf,
  rankScorecardSteps,
  scoreChecked,
  type KpiMeasure,
  type RankedScorecard,
  type ScorecardKpiId,
  type ScorecardOptions,
  type ScorecardPerson,
} from './scorecard.js';

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
}

interface RepFigures {
  revenue: number;
  collections: number;
  counts: ReadonlyMap<string, number>;
  products: Set<string>;
}

const median = (xs: number[]): number | null => {
  const s = xs.filter((x) => x > 0).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const stateOf = (source: ScorecardSource | PlanState): PlanState => planStateOf(source);

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
 * - `clv` (customer lifetime value): only from `extras`, as the CRM estimates it: the average
 *   expected gross revenue over the whole relationship of the customers the rep won in the period,
 *   in integer minor units, against the team's average or a target CLV (e.g.
 *   `extras: { r1: { clv: { actual: 12_000_000, benchmark: 15_000_000 } } }` scores 80).
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
  if (!isDate(input.asOf)) return fail('scorecard-date-invalid', `"${input.asOf}" is not a date YYYY-MM-DD`, { value: String(input.asOf) });
  const source = stateOf(input);
  const ix = source.index;
  const cal = source.plan.calendar;
  const nodeId = query.nodeId ?? ix.roots[0] ?? '';
  const node = ix.byId.get(nodeId);
  if (!node || ix.positionOf(nodeId) < 0) return fail('review-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  const period = query.period ?? defaultPeriod(source, nodeId);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const prev = previousPeriod(period, cal);
  const teamRoot = node.kind === 'rep' ? (ix.parent(nodeId) ?? nodeId) : nodeId;
  const team = ix.reps(teamRoot);
  const shown = new Set(ix.reps(nodeId));
  const stages = source.stages.map((s) => s.id);
  const won = stages[stages.length - 1], beforeWon = stages[stages.length - 2];
  const mentees = new Map<string, number>();
  for (const n of source.org) if (n.mentorId) mentees.set(n.mentorId, (mentees.get(n.mentorId) ?? 0) + 1);
  // The open pipeline by rep, once: filtering the whole pipeline per rep is quadratic in org size.
  const open = new Map<string, { total: number; complete: number }>();
  for (const o of source.actuals?.pipeline ?? []) {
    const f = open.get(o.repId) ?? { total: 0, complete: 0 };
    f.total++;
    if (o.productId !== undefined && o.expectedClose >= source.asOf) f.complete++;
    open.set(o.repId, f);
  }

  const shownCount = shown.size;
  const total = 2 * team.length + 2 * shownCount;
  let done = 0;
  const options: ScorecardOptions = { ...(query.options ?? {}), asOf: source.asOf < periodRange(period, cal).end ? source.asOf : periodRange(period, cal).end };
  const activityStages = stages.slice(0, -1);

  // Reps are leaves (the usual org): a rep's counts are its own, read without rolling up every node.
  const leaves = team.every((id) => ix.children(id).length === 0);
  const ownCounts = (start: string, end: string, figures: ReadonlyMap<string, RepFigures>) => {
    const from = start.slice(0, 7), to = end.slice(0, 7);
    const out = new Map<string, Map<string, number>>();
    for (const s of source.actuals?.stageCounts ?? []) {
      if (s.month < from || s.month > to || !figures.has(s.repId)) continue;
      let own = out.get(s.repId);
      if (!own) out.set(s.repId, (own = new Map()));
      own.set(s.stageId, (own.get(s.stageId) ?? 0) + s.count);
    }
    return out;
  };

  function* measure(p: string): Steps<Map<string, Partial<Record<ScorecardKpiId, KpiMeasure>>>> {
    const range = periodRange(p, cal);
    const end = source.asOf < range.end ? source.asOf : range.end;
    // Bookings and collections as the read model defines them (the rep's, period start to today or its end).
    const none: ReadonlyMap<string, number> = new Map();
    const figures = new Map<string, RepFigures>();
    for (let i = 0; i < team.length; i++) {
      const id = team[i];
      figures.set(id, { revenue: actualOf(source, id, p, 'revenue') ?? 0, collections: actualOf(source, id, p, 'collections') ?? 0, counts: none, products: new Set<string>() });
      if ((i + 1) % STEP_CHUNK === 0) yield { done, total };
    }
    for (const a of source.actuals?.actuals ?? []) {
      if (a.type !== 'booking' || a.date < range.start || a.date > end) continue;
      figures.get(a.repId)?.products.add(a.productId);
    }
    const counted = end < range.start ? new Map<string, Map<string, number>>() : leaves ? ownCounts(range.start, end, figures) : stageCountsRollup(source.actuals?.stageCounts ?? [], ix, { from: range.start, to: end });
    for (const id of team) figures.get(id)!.counts = counted.get(id) ?? none;
    const targets = targetsOf(source, { metric: 'revenue', period: p });
    const list = team.map((id) => figures.get(id)!);
    const sum = (fn: (f: RepFigures) => number) => list.reduce((s, f) => s + fn(f), 0);
    const activityOf = (f: RepFigures) => activityStages.reduce((s, st) => s + (f.counts.get(st) ?? 0), 0);
    const teamWon = sum((f) => f.counts.get(won) ?? 0), teamQuotes = sum((f) => f.counts.get(beforeWon) ?? 0);
    const teamRevenue = sum((f) => f.revenue), teamCollections = sum((f) => f.collections);
    const medRevenue = median(list.map((f) => f.revenue));
    const medActivity = median(list.map(activityOf));
    const medProducts = median(list.map((f) => f.products.size));
    const out = new Map<string, Partial<Record<ScorecardKpiId, KpiMeasure>>>();
    const days = daysBetween(range.start, end) + 1;
    yield { done, total };
    for (const id of team) {
      if (++done % STEP_CHUNK === 0) yield { done, total };
      const f = figures.get(id)!;
      const rep = ix.byId.get(id)!;
      // The share of the period (to date) the rep was employed: 1 for a veteran, 0 before the hire date.
      const employed = !rep.hireDate || rep.hireDate <= range.start ? 1 : rep.hireDate > end ? 0 : (daysBetween(rep.hireDate, end) + 1) / days;
      const w = f.counts.get(won) ?? 0, q = f.counts.get(beforeWon) ?? 0;
      const target = targets.get(id);
      const mine = open.get(id);
      const kpis: Partial<Record<ScorecardKpiId, KpiMeasure>> = {
        attainment: target !== undefined
          ? { actual: f.revenue, benchmark: target }
          : { actual: f.revenue, benchmark: medRevenue === null ? null : medRevenue * rampOf(rep.hireDate, end) * employed },
        activity: { actual: activityOf(f), benchmark: medActivity === null ? null : medActivity * employed },
        winRate: { actual: q > 0 ? w / q : null, benchmark: teamQuotes > 0 ? teamWon / teamQuotes : null },
        avgDealSize: { actual: w > 0 ? f.revenue / w : null, benchmark: teamWon > 0 ? teamRevenue / teamWon : null },
        collectionRate: { actual: f.revenue > 0 ? f.collections / f.revenue : null, benchmark: teamRevenue > 0 ? teamCollections / teamRevenue : null },
        crossSell: { actual: f.products.size, benchmark: medProducts },
        crmCompleteness: { actual: mine ? mine.complete / mine.total : null, benchmark: 1 },
        mentoring: { actual: mentees.get(id) ?? 0, benchmark: 1 },
      };
      const extra = query.extras?.[id];
      if (extra) Object.assign(kpis, extra);
      out.set(id, kpis);
    }
    return out;
  }

  const now = yield* measure(period);
  const before = yield* measure(prev);
  const prevEnd = periodRange(prev, cal).end;
  const people: ScorecardPerson[] = team
    .filter((id) => shown.has(id))
    .map((id) => {
      const rep = ix.byId.get(id)!;
      return { id, name: rep.name, ...(rep.hireDate ? { hireDate: rep.hireDate } : {}), ...(rep.role ? { role: rep.role } : {}), kpis: now.get(id)!, ...(rep.hireDate && rep.hireDate > prevEnd ? {} : { previous: before.get(id)! }) };
    });
  if (people.length > 0) {
    const checked = checkOptions(options);
    if (!checked.ok) return checked;
  }
  const cards = [];
  for (const p of people) {
    const c = scoreChecked(p, options);
    if (!c.ok) return c;
    cards.push(c.value);
    if (++done % STEP_CHUNK === 0) yield { done, total };
  }
  const ranking = rankScorecardSteps(cards);
  for (;;) {
    const r = ranking.next();
    if (r.done) return ok({ nodeId, nodeName: node.name, period, previousPeriod: prev, currency: source.plan.currency, cards: r.value, people });
    yield { done: done + r.value.done, total };
  }
}
