/**
 * The funnel inverter's view model: everything `qk-funnel-inverter` shows for one org node and
 * period, gathered from the plan and actuals (`funnelContext`), the what-if computation over it
 * (`computeFunnel`), and the funnel's geometry (`layoutFunnel`, d3 scales and shapes). Pure: plain
 * data in, new plain objects out; the element only renders.
 */
import type { ActualsSnapshot, FiscalCalendar, FunnelStage, Opportunity, OrgNode, PlanSnapshot, TargetCell } from '../plan/model.js';
import { fail, ok, type QkIssue, type Result } from '../shared/result.js';
import { childPeriods, elapsedWorkingDays, parsePeriodId, periodRange, workingDaysInPeriod, monthAt, monthIndex } from '../calendar/periods.js';
import { actualOf, planStateOf, defaultPeriod, targetOf, withPlanData, type PlanState } from '../plan/plan-state.js';
import { actualFunnel, plannedFunnel, yearBefore, type PlannedFunnel } from './plan-funnel.js';
import { actualSums, repPositions, stageSums } from '../plan/subtree-sums.js';
import { runSteps, type Steps } from '../shared/steps.js';
import { allocate } from '../plan/allocate.js';
import { invertFunnel, type FunnelRequirement } from './core.js';
import { conversionRatesFromHistory, type HistoryRates } from './history.js';
import { activityQuotas, splitRequirementSteps, type ActivityQuotas, type RepRequirement, type SplitRep } from './quotas.js';
import { scheduleRequirement, type RequirementSchedule } from './schedule.js';
import { diagnosePlannedFunnel, funnelCoverage, type FunnelCoverage, type FunnelDiagnosis } from './coverage.js';
import { leadsForConfidence, reachProbability, type LeadsForConfidence, type Reach } from './confidence.js';

/** Months of history the default rates are learned from. */
export const DEFAULT_LOOKBACK_MONTHS = 12;
/** The confidence level the element asks for by default. */
export const DEFAULT_CONFIDENCE = 0.8;

/** One stage of the what-if: its conversion to the next stage and its average duration in days. */
export interface FunnelInputStage {
  id: string;
  /** 0 < rate ≤ 1; absent on the last stage. */
  rate?: number;
  /** Average calendar days in the stage (for the schedule); absent on the last stage. */
  avgDays?: number;
}

/** The what-if inputs: money in integer minor units, rates as ratios. */
export interface FunnelInputs {
  target: number;
  avgDealSize: number;
  stages: FunnelInputStage[];
  /** The chance wanted for `leadsForConfidence`, 0 < confidence < 1. */
  confidence: number;
}

/** Defaults for the inputs; a field is null when neither the plan nor history gives one. */
export interface FunnelDefaults {
  target: number | null;
  avgDealSize: number | null;
  stages: { id: string; rate: number | null; avgDays: number | null }[];
}

export interface FunnelContextRep {
  id: string;
  name: string;
  hireDate?: string;
}

/** What the plan and actuals say about one node and period. */
export interface FunnelContext {
  nodeId: string;
  nodeName: string;
  period: string;
  /** First and last day of the period. */
  start: string;
  end: string;
  asOf: string;
  currency: string;
  calendar: FiscalCalendar;
  /** The plan's funnel stages, in order. */
  stages: FunnelStage[];
  /** The node's revenue target for the period: its own cell, else the roll-up; null when none is set. */
  target: number | null;
  /** The calendar months of the period (empty for a week) and their stored targets (null where none). */
  months: { month: string; target: number | null }[];
  /** The lookback window of the history: the whole months before the period starts (the plan's window). */
  window: { from: string; to: string };
  history: HistoryRates | null;
  historyError: QkIssue | null;
  /** True when history gives every rate (the reset button has something to reset to). */
  hasHistory: boolean;
  defaults: FunnelDefaults;
  /**
   * The plan's funnel of the node and period (`plannedFunnel`): what the bottleneck compares the
   * actual counts with. Null without a target, without history, or with a lookback other than the plan's.
   */
  planned: PlannedFunnel | null;
  /** Reps under the node (the node itself when it is a rep) who have not left by `asOf`. */
  reps: FunnelContextRep[];
  /** Open opportunities of the node's reps. */
  pipeline: Opportunity[];
  /** Items that entered each stage from the period start to `asOf` (whole months); null before the period. */
  actualCounts: Record<string, number> | null;
  /** Bookings from the period start to `asOf`, minor units. */
  bookedToDate: number;
  /** Working days of the period passed by `asOf`, and all of them. */
  elapsedDays: number;
  totalDays: number;
}

export interface FunnelContextOptions {
  /** The org node; default the root. */
  nodeId?: string | null;
  /** The period id; default the page's (`defaultPeriod`). */
  period?: string | null;
  /** Today, `YYYY-MM-DD`: required with plain data; with a read model, default its `asOf`. */
  asOf?: string;
  /** Months of history before the period starts (default {@link DEFAULT_LOOKBACK_MONTHS}, the plan's). */
  lookbackMonths?: number;
}


/** The calendar months of a period in order: year/half/quarter → its months, month → itself, week → none. */
export function monthsOfPeriod(period: string, calendar: FiscalCalendar): string[] {
  const p = parsePeriodId(period);
  if (!p.ok || p.value.granularity === 'week') return [];
  if (p.value.granularity === 'month') return [period];
  return childPeriods(period, calendar).flatMap((c) => monthsOfPeriod(c, calendar));
}

/**
 * The whole months of history before `asOf`'s month: with `asOf` 2026-11-27 and 12 months,
 * 2025-11 to 2026-10 (the current, unfinished month is left out so it does not drag rates down).
 */
export function lookbackWindow(asOf: string, months = DEFAULT_LOOKBACK_MONTHS): { from: string; to: string } {
  const last = monthIndex(asOf) - 1;
  return { from: monthAt(last - Math.max(1, Math.floor(months)) + 1), to: monthAt(last) };
}

/**
 * Gathers what the funnel inverter shows for one node and period, from the read model (or plain
 * plan data, turned into one): the target (`targetOf`), the month targets, the plan's funnel
 * (`plannedFunnel`: rates and average deal size of the twelve whole months before the period
 * starts, with the parent fallback of `conversionRatesFromHistory`; the volumes and the volumes to
 * date), the reps with their hire dates (for the ramp), the node's open pipeline, the stage counts
 * (`actualFunnel`) and bookings (`actualOf`) from the period start to `asOf`, and the elapsed
 * working days. The period defaults to the page's (`defaultPeriod`), as every element's does.
 *
 * @example
 * // Team t (reps a, b) with 400 leads, 80 demos, 40 quotes, 16 won and ¥800,000 booked in 2025:
 * funnelContext(store.state, { nodeId: 't', period: 'FY2026' }).value.defaults
 * // → rates 80/400 = 0.2, 40/80 = 0.5, 16/40 = 0.4; avgDealSize 80,000,000 / 16 = 5,000,000 (¥50,000)
 * funnelContext({ snapshot, actuals }, { nodeId: 't', period: 'FY2026', asOf: '2026-07-01' }) // the same, from plain data
 *
 * Errors: `funnel-node-unknown`, `period-invalid` (and `period-week-range`). A history that cannot
 * be computed (e.g. fewer than two stages) is not an error: `historyError` says why.
 */
export function funnelContext(source: FunnelSource, options: FunnelContextOptions = {}): Result<FunnelContext> {
  return runSteps(funnelContextSteps(source, options));
}

/** Org nodes or records `funnelContextSteps` reads between two yields. */
export const FUNNEL_CONTEXT_CHUNK = 2_000;

/**
 * `funnelContext` as steps, for an element that must not block the page: at 100,000 people the
 * context is a few hundred milliseconds in one piece (the reps of the node's subtree, its open
 * pipeline, the first roll-ups of the history window). Each step reads at most
 * `FUNNEL_CONTEXT_CHUNK` org nodes or records, or computes one roll-up; the result is the same as
 * `funnelContext`'s (which runs these steps to the end).
 */
export function* funnelContextSteps(source: FunnelSource, options: FunnelContextOptions = {}): Steps<Result<FunnelContext>> {
  let state = stateOf(source, options.asOf);
  if (options.asOf && options.asOf !== state.asOf) state = withPlanData(state, { asOf: options.asOf });
  const { calendar, currency } = state.plan;
  const ix = state.index;
  const nodeId = options.nodeId ?? ix.roots[0];
  const node = nodeId === undefined ? undefined : ix.byId.get(nodeId);
  if (!node) return fail('funnel-node-unknown', `there is no org node "${nodeId}"`, { nodeId: String(nodeId) }, ['nodeId']);
  const period = options.period ?? defaultPeriod(state, node.id);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const { start, end } = periodRange(period, calendar);
  const asOf = state.asOf;
  const actuals = state.actuals;
  const stages = [...state.stages];
  const stageIds = stages.map((s) => s.id);

  const target = targetOf(state, node.id, period);
  yield { done: 0, total: 0 };
  const months: FunnelContext['months'] = [];
  for (const month of monthsOfPeriod(period, calendar)) {
    months.push({ month, target: targetOf(state, node.id, month) });
    yield { done: 0, total: 0 };
  }

  // The plan's assumptions: what was known when the period began (`plannedFunnel`).
  const lookback = options.lookbackMonths ?? DEFAULT_LOOKBACK_MONTHS;
  const window = lookbackWindow(start, lookback);
  if (actuals) {
    // The history windows' roll-ups (the plan's year before the period, the lookback), one step
    // each: memoized, so `plannedFunnel` and `conversionRatesFromHistory` below find them done.
    for (const w of [yearBefore(start), window]) {
      stageSums(ix, actuals.stageCounts, w);
      yield { done: 0, total: 0 };
      actualSums(ix, actuals.actuals, { from: `${w.from}-01`, to: periodRange(w.to, { startMonth: 1 }).end, type: 'booking' });
      yield { done: 0, total: 0 };
    }
  }
  const pf = plannedFunnel(state, node.id, period);
  yield { done: 0, total: 0 };
  const planned = pf.ok ? pf.value : null;
  let history: HistoryRates | null = null;
  let historyError: QkIssue | null = null;
  if (actuals) {
    const h = conversionRatesFromHistory(actuals.stageCounts, ix, { nodeId: node.id, ...window, stages: stageIds, actuals: actuals.actuals });
    if (h.ok) history = h.value;
    else historyError = h.error;
  }
  const hasHistory = !!history && history.rates.every((r) => r.rate !== null);
  // With the default lookback the history window is the plan's, and the defaults are the plan's own figures.
  const usePlan = planned !== null && lookback === DEFAULT_LOOKBACK_MONTHS;
  const dealSize = usePlan ? planned.avgDealSize : (history?.avgDealSize?.value ?? null);
  const defaults: FunnelDefaults = {
    target,
    avgDealSize: dealSize !== null && dealSize > 0 ? dealSize : null,
    stages: stages.map((s, i) => ({
      id: s.id,
      rate: (usePlan ? planned.rates[i] : history?.rates[i]?.rate) ?? null,
      avgDays: i < stages.length - 1 ? (s.avgDays ?? null) : null,
    })),
  };

  // The reps of the node's subtree in org order (`ix.reps`), still on the payroll at `asOf`.
  const at = ix.positionOf(node.id);
  const last = ix.subtreeEnd[at];
  const total = last - at + (actuals ? actuals.pipeline.length : 0);
  const reps: FunnelContext['reps'] = [];
  for (let p = at; p < last; p += FUNNEL_CONTEXT_CHUNK) {
    for (let q = p, stop = Math.min(last, p + FUNNEL_CONTEXT_CHUNK); q < stop; q++) {
      const r: OrgNode = ix.byId.get(ix.order[q])!;
      if (r.kind !== 'rep' || (r.leaveDate !== undefined && r.leaveDate <= asOf)) continue;
      reps.push({ id: r.id, name: r.name, ...(r.hireDate ? { hireDate: r.hireDate } : {}) });
    }
    yield { done: Math.min(last, p + FUNNEL_CONTEXT_CHUNK) - at, total };
  }
  // The node's open pipeline (`subtreeRecords`): the records' positions come from the warm-up.
  const pipeline: Opportunity[] = [];
  if (actuals) {
    const records = actuals.pipeline;
    const pos = repPositions(ix, records);
    yield { done: last - at, total };
    for (let i = 0; i < records.length; i += FUNNEL_CONTEXT_CHUNK) {
      for (let j = i, stop = Math.min(records.length, i + FUNNEL_CONTEXT_CHUNK); j < stop; j++) if (pos[j] >= at && pos[j] < last) pipeline.push(records[j]);
      yield { done: last - at + Math.min(records.length, i + FUNNEL_CONTEXT_CHUNK), total };
    }
  }
  const actualCounts = actualFunnel(state, node.id, period);
  yield { done: total, total };
  const totalDays = workingDaysInPeriod(period, calendar);

  return ok({
    nodeId: node.id,
    nodeName: node.name,
    period,
    start,
    end,
    asOf,
    currency,
    calendar,
    stages,
    target,
    months,
    window,
    history,
    historyError,
    hasHistory,
    defaults,
    planned: usePlan ? planned : null,
    reps,
    pipeline,
    actualCounts,
    bookedToDate: actualCounts ? (actualOf(state, node.id, period) ?? 0) : 0,
    elapsedDays: Math.min(totalDays, elapsedWorkingDays(period, asOf, calendar)),
    totalDays,
  });
}

/** Plain plan data, as `funnelContext` took it before the read model (`asOf` comes from the options). */
export interface FunnelData {
  snapshot: PlanSnapshot;
  actuals?: ActualsSnapshot | null;
  /** The targets as they stand now (local edits included); default the snapshot's. */
  targets?: readonly TargetCell[];
}

/** The read model (`store.state`), or plain plan data. */
export type FunnelSource = PlanState | FunnelData;

function stateOf(source: FunnelSource, asOf: string | undefined): PlanState {
  if ('cells' in source) return source;
  return planStateOf({ ...source.snapshot, targets: source.targets ?? source.snapshot.targets, actuals: source.actuals ?? null, asOf: asOf ?? '' });
}

/**
 * The what-if inputs that are the plan itself: the context's defaults (the plan's target, rates and
 * deal size, the stages' durations) at `confidence`; null when one of them is unknown.
 */
export function planInputs(context: Pick<FunnelContext, 'defaults'>, confidence = DEFAULT_CONFIDENCE): FunnelInputs | null {
  const d = context.defaults;
  const last = d.stages.length - 1;
  if (d.target === null || d.avgDealSize === null || d.stages.slice(0, last).some((s) => s.rate === null)) return null;
  return {
    target: d.target,
    avgDealSize: d.avgDealSize,
    confidence,
    stages: d.stages.map((s, i) => ({ id: s.id, ...(i < last ? { rate: s.rate! } : {}), ...(i < last && s.avgDays !== null ? { avgDays: s.avgDays } : {}) })),
  };
}

/**
 * True when the inputs are the plan's (`plannedFunnel`): the same target and deal size, and each
 * rate the same at the form's precision (0.1 percentage point), as the form shows it.
 */
export function isPlanInputs(inputs: FunnelInputs, planned: PlannedFunnel | null): boolean {
  if (!planned || inputs.target !== planned.target || inputs.avgDealSize !== planned.avgDealSize) return false;
  const rated = inputs.stages.slice(0, -1);
  return rated.length === planned.rates.length && rated.every((s, i) => planned.rates[i] !== null && s.rate !== undefined && Math.round(s.rate * 1000) === Math.round(planned.rates[i]! * 1000));
}

/**
 * A context with no plan behind it, for an element given only its inputs and a period: the
 * schedule and the weekly quotas can be computed, nothing is known about reps, pipeline or actuals.
 */
export function bareFunnelContext(options: {
  period: string;
  stages: readonly FunnelStage[];
  asOf: string;
  currency?: string;
  calendar?: FiscalCalendar;
}): Result<FunnelContext> {
  const calendar = options.calendar ?? { startMonth: 1 };
  const parsed = parsePeriodId(options.period);
  if (!parsed.ok) return parsed;
  const { start, end } = periodRange(options.period, calendar);
  return ok({
    nodeId: '',
    nodeName: '',
    period: options.period,
    start,
    end,
    asOf: options.asOf,
    currency: options.currency ?? 'CNY',
    calendar,
    stages: [...options.stages],
    target: null,
    months: monthsOfPeriod(options.period, calendar).map((month) => ({ month, target: null })),
    window: lookbackWindow(options.asOf),
    history: null,
    historyError: null,
    hasHistory: false,
    defaults: { target: null, avgDealSize: null, stages: options.stages.map((s) => ({ id: s.id, rate: null, avgDays: s.avgDays ?? null })) },
    planned: null,
    reps: [],
    pipeline: [],
    actualCounts: null,
    bookedToDate: 0,
    elapsedDays: 0,
    totalDays: workingDaysInPeriod(options.period, calendar),
  });
}

/**
 * Splits a (what-if) target over the months of the period: by the stored month targets when every
 * month has one (the plan's seasonality), else by working days; largest remainder, so the months
 * add up exactly to the target.
 *
 * @example
 * // ¥1,000,000 over FY2026-Q1 (January 2026 calendar, no holidays): 22, 20 and 22 working days
 * monthlyTargets(100_000_000, ctx) // → 34,375,000 + 31,250,000 + 34,375,000 (100,000,000 × 22/64 …)
 */
export function monthlyTargets(target: number, context: Pick<FunnelContext, 'months' | 'calendar'>): Result<{ month: string; target: number }[]> {
  const { months, calendar } = context;
  const stored = months.every((m) => m.target !== null) && months.some((m) => (m.target ?? 0) > 0);
  const parts = months.map((m) => ({ id: m.month, weight: stored ? (m.target as number) : workingDaysInPeriod(m.month, calendar) }));
  const a = allocate(target, parts);
  if (!a.ok) return a;
  return ok(months.map((m) => ({ month: m.month, target: a.value.values[m.month] })));
}

export interface FunnelResults {
  inputs: FunnelInputs;
  requirement: FunnelRequirement;
  /** P(reaching the won deals) with the required leads; null with fewer than two stages. */
  reach: Result<Reach> | null;
  /** The leads needed for `inputs.confidence`; null with fewer than two stages. */
  confidence: Result<LeadsForConfidence> | null;
  /** Per rep with ramp; null without reps. */
  perRep: Result<{ reps: RepRequirement[] }> | null;
  /** Per ISO week and working day of the period; null without a period. */
  weekly: Result<ActivityQuotas> | null;
  /** The schedule per month; null without months or without every stage's duration. */
  schedule: Result<RequirementSchedule> | null;
  /** The requirement for the revenue still to win (target − booked to date). */
  remaining: { target: number; requirement: FunnelRequirement } | null;
  /** Open pipeline against `remaining`; null without pipeline data. */
  coverage: Result<FunnelCoverage> | null;
  /**
   * The bottleneck: actual stage counts and deal size to date against the plan's funnel to date
   * (`diagnosePlannedFunnel`, the review's diagnosis too). Only for the plan's own inputs: a what-if
   * is never compared with the actuals. Null before anything is measurable, and for a what-if.
   */
  diagnosis: Result<FunnelDiagnosis> | null;
  /** What the diagnosis compares with: `plannedFunnel().toDate` (the plan's volumes pro rata by working days); null when there is no diagnosis. */
  planToDate: Record<string, number> | null;
  /** True when the inputs are not the plan's (`isPlanInputs`): a what-if, shown without comparison with the actuals. */
  whatIf: boolean;
}

/**
 * Runs the what-if: inverts the funnel for the inputs, then (when a context is given) splits the
 * requirement over the reps (capacity × ramp as of `asOf`), into weekly quotas over the period's
 * working days, into a schedule per month (the target split by `monthlyTargets`), compares the
 * open pipeline with the requirement for the revenue still to win, and computes the confidence of
 * the required leads and the leads needed for `inputs.confidence`. When the inputs are the plan's
 * (`isPlanInputs`) it also names the bottleneck: the actual stage counts and deal size to date
 * against the plan's funnel to date (`diagnosePlannedFunnel`, the same diagnosis as the review's).
 * A what-if (any other target, rate or deal size) is never compared with the actuals: `whatIf` is
 * true and `diagnosis` null.
 *
 * Fails only on the inputs (so a form can point at the bad field through `error.path`): the codes
 * of `invertFunnel` (paths `target`, `avgDealSize`, `stages.i.rate`), `funnel-days-invalid`
 * (`stages.i.avgDays`) and `funnel-confidence-invalid` (`confidence`). A section that cannot be
 * computed (no working days, no reps with capacity) carries its own failed `Result`.
 *
 * @example
 * // The seed: ¥1,000,000 target, ¥50,000 deals, 20% / 50% / 40%, no context:
 * computeFunnel({ target: 100_000_000, avgDealSize: 5_000_000, confidence: 0.8, stages: [
 *   { id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.4 }, { id: 'won' }] })
 * // → requirement 500 / 100 / 50 / 20; reach 0.5316 with 500 leads; 589 leads for 80%.
 */
export function computeFunnel(given: FunnelInputs, context: FunnelContext | null = null): Result<FunnelResults> {
  return runSteps(computeFunnelSteps(given, context));
}

/**
 * `computeFunnel` as steps, for an element that must not block the page: the split over the reps
 * (`splitRequirementSteps`, `SPLIT_CHUNK` reps or one stage per step) is a few hundred
 * milliseconds of work at 100,000 reps. A failure on the inputs is returned before the first yield;
 * the result is `computeFunnel`'s (which runs these steps to the end).
 */
export function* computeFunnelSteps(given: FunnelInputs, context: FunnelContext | null = null): Steps<Result<FunnelResults>> {
  // Inputs that show the plan's rates (the form keeps 0.1 pp) compute with the plan's exact rates,
  // so the requirement is the plan's volumes to the unit.
  const planned = context?.planned ?? null;
  const inputs = isPlanInputs(given, planned)
    ? { ...given, stages: given.stages.map((s, i) => (i < planned!.rates.length ? { ...s, rate: planned!.rates[i]! } : s)) }
    : given;
  const { stages, confidence } = inputs;
  const req = invertFunnel({ target: inputs.target, avgDealSize: inputs.avgDealSize, stages });
  if (!req.ok) return req;
  for (let i = 0; i < stages.length - 1; i++) {
    const d = stages[i].avgDays;
    if (d !== undefined && !(typeof d === 'number' && Number.isFinite(d) && d >= 0)) {
      return fail('funnel-days-invalid', `stage "${stages[i].id}" needs an average duration in days ≥ 0`, { stage: stages[i].id }, ['stages', i, 'avgDays']);
    }
  }
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    return fail('funnel-confidence-invalid', `the confidence must be between 0 and 1 (exclusive), got ${confidence}`, { value: String(confidence) }, ['confidence']);
  }
  const requirement = req.value;
  const rates = stages.slice(0, -1).map((s) => s.rate as number);
  const won = requirement.won;
  const leads = requirement.stages[0].count;
  const reach = rates.length ? reachProbability({ leads, rates, wonNeeded: won }) : null;
  const conf = rates.length ? leadsForConfidence({ rates, wonNeeded: won, confidence }) : null;
  const empty: FunnelResults = {
    inputs,
    requirement,
    reach,
    confidence: conf,
    perRep: null,
    weekly: null,
    schedule: null,
    remaining: null,
    coverage: null,
    diagnosis: null,
    planToDate: null,
    whatIf: true,
  };
  if (!context) return ok(empty);

  const stageIds = stages.map((s) => s.id);
  const splitReps: SplitRep[] = context.reps.map((r) => ({ id: r.id, ...(r.hireDate ? { hireDate: r.hireDate } : {}) }));
  const perRep = splitReps.length ? yield* splitRequirementSteps(requirement, splitReps, { asOf: context.asOf }) : null;
  const weekly = context.start ? activityQuotas(requirement, { from: context.start, to: context.end, calendar: context.calendar }) : null;

  let schedule: Result<RequirementSchedule> | null = null;
  const timed = stages.slice(0, -1).every((s) => s.avgDays !== undefined);
  if (context.months.length && timed) {
    const months = monthlyTargets(inputs.target, context);
    schedule = months.ok ? scheduleRequirement({ months: months.value, avgDealSize: inputs.avgDealSize, stages }, context.calendar) : months;
  }

  let remaining: FunnelResults['remaining'] = null;
  let coverage: Result<FunnelCoverage> | null = null;
  let diagnosis: Result<FunnelDiagnosis> | null = null;
  let planToDate: Record<string, number> | null = null;
  const whatIf = !isPlanInputs(inputs, planned);
  if (context.actualCounts) {
    const left = Math.max(0, inputs.target - context.bookedToDate);
    // The inputs passed invertFunnel above, and a smaller target cannot fail it.
    const rest = invertFunnel({ target: left, avgDealSize: inputs.avgDealSize, stages });
    if (rest.ok) {
      remaining = { target: left, requirement: rest.value };
      coverage = funnelCoverage(rest.value.counts, context.pipeline, { stages: stageIds, remainingTarget: left, closeBy: context.end });
    }
    if (!whatIf && planned && stageIds.length >= 2 && planned.elapsedDays > 0 && (context.actualCounts[stageIds[0]] ?? 0) > 0) {
      const d = diagnosePlannedFunnel(planned, stageIds, { counts: context.actualCounts, revenue: context.bookedToDate });
      if (d) {
        planToDate = d.planCounts;
        diagnosis = d.diagnosis;
      }
    }
  }
  return ok({ ...empty, perRep, weekly, schedule, remaining, coverage, diagnosis, planToDate, whatIf });
}
