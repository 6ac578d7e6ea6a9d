/**
 * Conversion rates and average deal size learned from history, for any node of the org tree,
 * with a fallback to the parent where a node's own sample is too small to trust.
 */
import type { Actual, OrgNode, StageCount } from '../plan/model.js';
import { isDate, isMonthId, periodRange } from '../calendar/periods.js';
import { ok, type Result } from '../shared/result.js';
import { buildOrgIndex, type OrgIndex } from '../plan/rollup.js';
import { actualSums, stageSums } from '../plan/subtree-sums.js';
import { checkStageIds, funnelFail, type StageRate } from './core.js';

/**
 * Below this many items entering a stage in the lookback window, a node's rate for that stage is
 * replaced by its nearest ancestor's. 30 is the usual rule of thumb for a proportion: with 30
 * entries a 40% rate has a standard error of about 9 points; with 5 entries, 22 points.
 */
export const DEFAULT_MIN_SAMPLE = 30;
/** Below this many won deals, the average deal size falls back to the nearest ancestor's. */
export const DEFAULT_MIN_DEALS = 10;

export interface HistoryOptions {
  /** The org node (rep, team, region, company) whose funnel is measured; its subtree is summed. */
  nodeId: string;
  /** The lookback window: first and last month (`YYYY-MM`) or date (`YYYY-MM-DD`), both included. */
  from: string;
  to: string;
  /** Stage ids in funnel order, first (leads) to last (won deals). */
  stages: readonly string[];
  /** Minimum entries in a stage for the node's own rate to be used. Default {@link DEFAULT_MIN_SAMPLE}. */
  minSample?: number;
  /** Minimum won deals for the node's own average deal size. Default {@link DEFAULT_MIN_DEALS}. */
  minDeals?: number;
  /** Bookings and collections; when given, the average deal size is bookings / won deals. */
  actuals?: readonly Actual[];
}

/** One stage's conversion rate to the next stage and where it came from. */
export interface HistoryRate {
  id: string;
  nextId: string;
  /** converted / entered at the source node, capped at 1; null when no node up the tree has any entries. */
  rate: number | null;
  /** Items that entered this stage and the next one at the source node. */
  entered: number;
  converted: number;
  /** The same counts at the node itself, before any fallback. */
  ownEntered: number;
  ownConverted: number;
  /** The node whose counts gave the rate: the node itself, or the ancestor it fell back to. */
  source: string;
  fellBack: boolean;
  /** True when not even the source reaches the minimum sample (the widest sample available is used). */
  lowSample: boolean;
  /** True when more items entered the next stage than this one in the window, and the rate was capped at 1. */
  capped: boolean;
}

export interface HistoryDealSize {
  /** bookings / won deals at the source node, rounded to whole minor units; null without won deals. */
  value: number | null;
  bookings: number;
  won: number;
  source: string;
  fellBack: boolean;
  lowSample: boolean;
}

export interface HistoryRates {
  nodeId: string;
  minSample: number;
  /** The node's own rolled-up count per stage over the lookback window (its own entries). */
  counts: Record<string, number>;
  /** One entry per stage but the last, in funnel order. */
  rates: HistoryRate[];
  /** Only when `actuals` were given. */
  avgDealSize: HistoryDealSize | null;
  /** The stages ready for `invertFunnel` (a null rate stays missing, which `invertFunnel` reports). */
  stages: StageRate[];
}


/** The first and last date of a window given as months or dates; null when malformed. */
function windowDates(from: string, to: string): { from: string; to: string } | null {
  const a = isMonthId(from) ? `${from}-01` : isDate(from) ? from : null;
  const b = isMonthId(to) ? periodRange(to, { startMonth: 1 }).end : isDate(to) ? to : null;
  return a !== null && b !== null && a <= b ? { from: a, to: b } : null;
}

/**
 * The first node on the path (the node, then its parent, grandparent …) whose sample reaches
 * `min`; failing that, the node with the largest sample, flagged as low.
 */
function pickSource(path: readonly string[], sample: (id: string) => number, min: number): { id: string; low: boolean } {
  let best = path[0];
  for (const id of path) {
    if (sample(id) >= min) return { id, low: false };
    if (sample(id) > sample(best)) best = id;
  }
  return { id: best, low: true };
}

/**
 * Conversion rates and average deal size from history.
 *
 * For each stage but the last, rate = (items that entered the next stage) / (items that entered this
 * stage) over the lookback window, summed over the node's whole subtree (a team counts all of its
 * reps). Where the node's own denominator is below `minSample` (default 30), the rate of the
 * nearest ancestor with enough entries is used instead, and the stage is marked `fellBack` with
 * that ancestor as `source`. Average deal size = bookings / won deals in the window (rounded to
 * minor units), with the same fallback below `minDeals` (default 10) won deals. Counts are monthly,
 * so a window given as dates takes the whole months it touches; bookings are taken by date.
 *
 * @example
 * // Rep r1 had 20 leads and 6 demos last quarter; the team (r1 + r2) had 100 leads and 25 demos.
 * conversionRatesFromHistory(counts, org, { nodeId: 'r1', from: '2026-01', to: '2026-03', stages: ['lead', 'demo', 'won'] })
 * // → lead→demo: 20 < 30 entries, so the team's 25 / 100 = 0.25, fellBack, source 'team'.
 *
 * Errors: `funnel-node-unknown`, `funnel-stages-invalid` (fewer than two stages or duplicate ids),
 * `funnel-window-invalid`, `funnel-min-sample-invalid`.
 */
export function conversionRatesFromHistory(
  stageCounts: readonly StageCount[],
  org: OrgIndex | readonly OrgNode[],
  options: HistoryOptions,
): Result<HistoryRates> {
  const { nodeId, stages, minSample = DEFAULT_MIN_SAMPLE, minDeals = DEFAULT_MIN_DEALS, actuals } = options;
  const ix = 'order' in org ? org : buildOrgIndex(org);
  if (!ix.byId.has(nodeId)) return funnelFail('funnel-node-unknown', `there is no org node "${nodeId}"`, { nodeId }, ['nodeId']);
  const bad = checkStageIds(stages ?? []);
  if (bad) return bad;
  if (stages.length < 2) {
    return funnelFail('funnel-stages-invalid', 'rates need at least two stages', { reason: 'too-few' }, ['stages']);
  }
  const window = windowDates(options.from, options.to);
  if (!window) {
    return funnelFail('funnel-window-invalid', `"${options.from}".."${options.to}" is not a window of months or dates`, { from: String(options.from), to: String(options.to) }, ['from']);
  }
  for (const [key, v] of [['minSample', minSample], ['minDeals', minDeals]] as const) {
    if (!Number.isSafeInteger(v) || v < 1) {
      return funnelFail('funnel-min-sample-invalid', `${key} must be a whole number ≥ 1, got ${v}`, { value: String(v) }, [key]);
    }
  }

  // Subtree sums by position, shared with every other element reading the same counts.
  const rolled = stageSums(ix, stageCounts, window);
  const path = [nodeId, ...ix.ancestors(nodeId)];
  const count = (id: string, stage: string) => {
    const p = ix.positionOf(id);
    return p < 0 ? 0 : (rolled.get(stage)?.[p] ?? 0);
  };

  const rates: HistoryRate[] = [];
  for (let i = 0; i < stages.length - 1; i++) {
    const [id, nextId] = [stages[i], stages[i + 1]];
    const src = pickSource(path, (n) => count(n, id), minSample);
    const entered = count(src.id, id);
    const converted = count(src.id, nextId);
    rates.push({
      id,
      nextId,
      rate: entered > 0 ? Math.min(1, converted / entered) : null,
      entered,
      converted,
      ownEntered: count(nodeId, id),
      ownConverted: count(nodeId, nextId),
      source: src.id,
      fellBack: src.id !== nodeId,
      lowSample: src.low,
      capped: converted > entered,
    });
  }

  let avgDealSize: HistoryDealSize | null = null;
  if (actuals) {
    const wonStage = stages[stages.length - 1];
    const bookings = actualSums(ix, actuals, { ...window, type: 'booking' });
    const src = pickSource(path, (n) => count(n, wonStage), minDeals);
    const won = count(src.id, wonStage);
    const at = ix.positionOf(src.id);
    const sum = at < 0 ? 0 : bookings[at];
    avgDealSize = {
      value: won > 0 ? Math.round(sum / won) : null,
      bookings: sum,
      won,
      source: src.id,
      fellBack: src.id !== nodeId,
      lowSample: src.low,
    };
  }

  return ok({
    nodeId,
    minSample,
    counts: Object.fromEntries(stages.map((s) => [s, count(nodeId, s)])),
    rates,
    avgDealSize,
    stages: stages.map((id, i) => (i < rates.length && rates[i].rate !== null ? { id, rate: rates[i].rate as number } : { id })),
  });
}
