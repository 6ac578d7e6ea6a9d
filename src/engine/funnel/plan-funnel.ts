/**
 * The plan's funnel of a node and period, from the read model: the one baseline the funnel
 * inverter, the review board and the scorecard compare actual activity with.
 */
import { stageCountsAt, stageSums } from '../plan/subtree-sums.js';
import { addDays, elapsedWorkingDays, parsePeriodId, periodRange, workingDaysInPeriod } from '../calendar/periods.js';
import { conversionRatesFromHistory } from './history.js';
import { invertFunnel } from './core.js';
import { fail, ok, type Result } from '../shared/result.js';
import { targetOf, toDateRange, type PlanState } from '../plan/plan-state.js';

const funnels = new WeakMap<PlanState, Map<string, Result<PlannedFunnel>>>();

/** The plan's funnel for a node and period: what the target needs at each stage. */
export interface PlannedFunnel {
  nodeId: string;
  period: string;
  /** The revenue target (`targetOf`). */
  target: number;
  /** Conversion rate of each stage into the next (the last stage has none). */
  rates: (number | null)[];
  avgDealSize: number | null;
  /** Items each stage needs for the whole period (`invertFunnel`); null without rates and deal size. */
  volumes: Record<string, number> | null;
  /**
   * While the period runs: the same volumes pro rata by elapsed working days (rounded half up),
   * the baseline actual counts to date are compared with. Equal to `volumes` once it is over.
   */
  toDate: Record<string, number> | null;
  elapsedDays: number;
  totalDays: number;
  /** The twelve whole months before the period the rates and deal size come from. */
  window: { from: string; to: string };
  /** Stages whose rate came from an ancestor (the node's own sample was too small). */
  fellBack: string[];
}

/** The twelve whole months before `start`, as months `YYYY-MM`. */
export function yearBefore(start: string): { from: string; to: string } {
  const y = Number(start.slice(0, 4));
  return { from: `${String(y - 1).padStart(4, '0')}-${start.slice(5, 7)}`, to: addDays(start, -1).slice(0, 7) };
}

/**
 * The one planned funnel of a node and period, shared by the funnel inverter, the review board and
 * the scorecard. Target: `targetOf` (revenue). Rates and average deal size: the node's history of
 * the twelve whole months before the period starts (`conversionRatesFromHistory`, which falls back
 * to an ancestor where the node's sample is small) — the plan is what was known when the period
 * began. Volumes: `invertFunnel` of the target.
 *
 * Errors: `funnel-node-unknown`, `period-invalid`, `funnel-no-target` (params `node`, `period`), and
 * those of the history.
 */
export function plannedFunnel(state: PlanState, nodeId: string, period: string): Result<PlannedFunnel> {
  let memo = funnels.get(state);
  if (!memo) funnels.set(state, (memo = new Map()));
  const key = `${nodeId}|${period}`;
  let r = memo.get(key);
  if (!r) {
    r = computePlannedFunnel(state, nodeId, period);
    memo.set(key, r);
  }
  return r;
}

function computePlannedFunnel(state: PlanState, nodeId: string, period: string): Result<PlannedFunnel> {
  if (!state.index.byId.has(nodeId)) return fail('funnel-node-unknown', `there is no org node "${nodeId}"`, { nodeId }, ['nodeId']);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const target = targetOf(state, nodeId, period);
  if (target === null) return fail('funnel-no-target', `"${nodeId}" has no revenue target for ${period}`, { node: nodeId, period });
  const cal = state.plan.calendar;
  const { start } = periodRange(period, cal);
  const window = yearBefore(start);
  const stageIds = state.stages.map((s) => s.id);
  const h = conversionRatesFromHistory(state.actuals?.stageCounts ?? [], state.index, {
    nodeId,
    stages: stageIds,
    ...window,
    actuals: state.actuals?.actuals ?? [],
  });
  if (!h.ok) return h;
  const rates = h.value.rates.map((x) => x.rate);
  const avgDealSize = h.value.avgDealSize?.value ?? null;
  const totalDays = workingDaysInPeriod(period, cal);
  const elapsedDays = Math.min(totalDays, elapsedWorkingDays(period, state.asOf, cal));
  let volumes: Record<string, number> | null = null;
  if (avgDealSize !== null && avgDealSize > 0 && rates.every((x) => x !== null && x > 0)) {
    const inv = invertFunnel({ target, avgDealSize, stages: stageIds.map((id, i) => ({ id, ...(i < rates.length ? { rate: rates[i] as number } : {}) })) });
    if (inv.ok) volumes = inv.value.counts;
  }
  const toDate = volumes && Object.fromEntries(Object.entries(volumes).map(([s, v]) => [s, totalDays === 0 ? v : proRata(v, elapsedDays, totalDays)]));
  return ok({
    nodeId,
    period,
    target,
    rates,
    avgDealSize,
    volumes,
    toDate,
    elapsedDays,
    totalDays,
    window,
    fellBack: h.value.rates.filter((x) => x.fellBack).map((x) => x.id),
  });
}

/** v × part / whole, rounded half up (integers stay exact for counts). */
const proRata = (v: number, part: number, whole: number) => Math.floor((v * part * 2 + whole) / (2 * whole));

/** Actual funnel counts of a node's subtree per stage, from the period's start to today or its end. */
export function actualFunnel(state: PlanState, nodeId: string, period: string): Record<string, number> | null {
  const range = toDateRange(state, period);
  if (!range || !state.actuals || range.to < range.start) return null;
  const sums = stageSums(state.index, state.actuals.stageCounts, { from: range.start, to: range.to });
  return stageCountsAt(sums, state.index.positionOf(nodeId), state.stages.map((s) => s.id));
}
