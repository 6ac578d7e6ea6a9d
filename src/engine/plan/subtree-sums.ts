/**
 * Subtree sums of the read model as arrays by org position (`OrgIndex.order`): bookings,
 * collections and funnel stage counts of every node's whole subtree, and the records of one
 * subtree. Each is computed once per org index and record array (a plan state's index survives
 * target edits, its actuals survive everything but new actuals) and shared by every element that
 * asks: the gauge, the pace chart, the funnel inverter, the review board and the goal tree read the
 * same arrays.
 *
 * At 100,000 people the per-node `Map`s of `rollupActuals` / `stageCountsRollup` (one per node and,
 * for stage counts, one per node and stage) cost seconds, mostly in the garbage collector; here a
 * record's rep is looked up once (`repPositions`), a sum is one pass over the records and one
 * reverse pass over the positions, and a subtree is the contiguous span `[p, subtreeEnd[p])`.
 *
 * Plain TypeScript: no DOM.
 */
import type { Actual, StageCount } from './model.js';
import type { OrgIndex } from './rollup.js';
import { STEP_CHUNK, runSteps, type Steps } from '../shared/steps.js';

type Keyed = { readonly repId: string };

/** Memo per org index, then per record array (both held weakly), then per query key. */
class Memo<V> {
  private readonly byIndex = new WeakMap<OrgIndex, WeakMap<object, Map<string, V>>>();
  get(ix: OrgIndex, records: object, key: string, make: () => V): V {
    let byRecords = this.byIndex.get(ix);
    if (!byRecords) this.byIndex.set(ix, (byRecords = new WeakMap()));
    let byKey = byRecords.get(records);
    if (!byKey) byRecords.set(records, (byKey = new Map()));
    let v = byKey.get(key);
    if (v === undefined) byKey.set(key, (v = make()));
    return v;
  }
  has(ix: OrgIndex, records: object, key: string): boolean {
    return !!this.byIndex.get(ix)?.get(records)?.has(key);
  }
  set(ix: OrgIndex, records: object, key: string, v: V): void {
    this.get(ix, records, key, () => v);
  }
}

const positions = new Memo<Int32Array>();

/**
 * The org position of each record's rep (`-1` for a rep not in the index), as steps of
 * `STEP_CHUNK` records so a store can compute it a slice at a time after a load.
 */
export function* repPositionSteps(ix: OrgIndex, records: readonly Keyed[]): Steps<Int32Array> {
  const out = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    out[i] = ix.positionOf(records[i].repId);
    if (i % (STEP_CHUNK * 20) === STEP_CHUNK * 20 - 1) yield { done: i + 1, total: records.length };
  }
  return out;
}

/** The org position of each record's rep (`-1` when unknown), memoized per index and array. */
export function repPositions(ix: OrgIndex, records: readonly Keyed[]): Int32Array {
  return positions.get(ix, records, '', () => runSteps(repPositionSteps(ix, records)));
}

/** Whether `repPositions(ix, records)` is already computed (a warm-up step can skip it). */
export function hasRepPositions(ix: OrgIndex, records: readonly Keyed[]): boolean {
  return positions.has(ix, records, '');
}

/** Stores positions computed elsewhere (by `repPositionSteps` run in slices). */
export function setRepPositions(ix: OrgIndex, records: readonly Keyed[], value: Int32Array): void {
  positions.set(ix, records, '', value);
}

/** Records (or org positions) handled between two yields of the sums' steps. */
export const SUM_CHUNK = 8192;

/** Adds every position's value into its parent, deepest first, so each holds its subtree's sum. */
function* sumUpSteps(ix: OrgIndex, total: Float64Array): Steps<Float64Array> {
  const { parentPos } = ix;
  for (let p = ix.order.length - 1; p > 0; p--) {
    const pp = parentPos[p];
    if (pp >= 0) total[pp] += total[p];
    if (p % SUM_CHUNK === 0) yield { done: ix.order.length - p, total: ix.order.length };
  }
  return total;
}

/** The records' positions: memoized ones, else computed in steps (and memoized). */
function* positionsSteps(ix: OrgIndex, records: readonly Keyed[]): Steps<Int32Array> {
  if (hasRepPositions(ix, records)) return repPositions(ix, records);
  const computed = yield* repPositionSteps(ix, records);
  return positions.get(ix, records, '', () => computed);
}

export interface ActualSumsQuery {
  /** First and last date included, `YYYY-MM-DD`. */
  from: string;
  to: string;
  type: 'booking' | 'collection';
  /** Only this product line; all product lines when absent. */
  product?: string | null;
}

const actualMemo = new Memo<Float64Array>();
const actualKey = (q: ActualSumsQuery) => `${q.type}|${q.from}|${q.to}|${q.product ?? ''}`;

/**
 * Dated actuals of one type summed per node over its subtree and a date range (both days
 * included), by position: `sums[ix.positionOf(id)]`. Actuals of reps not in the index are left
 * out. The same figures as `rollupActuals`, memoized per index and actuals array; do not mutate.
 */
export function actualSums(ix: OrgIndex, actuals: readonly Actual[], q: ActualSumsQuery): Float64Array {
  return actualMemo.get(ix, actuals, actualKey(q), () => runSteps(actualSumsSteps(ix, actuals, q)));
}

/**
 * `actualSums` as steps (`SUM_CHUNK` records or positions between yields), for a store's warm-up:
 * the same array, memoized the same way (a memoized one is returned at once).
 */
export function* actualSumsSteps(ix: OrgIndex, actuals: readonly Actual[], q: ActualSumsQuery): Steps<Float64Array> {
  const key = actualKey(q);
  if (actualMemo.has(ix, actuals, key)) return actualMemo.get(ix, actuals, key, () => new Float64Array(0));
  const pos = yield* positionsSteps(ix, actuals);
  // Doubles hold integers exactly up to 2^53 分 (about ¥90 trillion): the sums stay exact.
  const total = new Float64Array(ix.order.length);
  const product = q.product || undefined;
  for (let i = 0; i < actuals.length; i++) {
    if (i % SUM_CHUNK === SUM_CHUNK - 1) yield { done: i, total: actuals.length };
    const p = pos[i];
    if (p < 0) continue;
    const a = actuals[i];
    if (a.type !== q.type || a.date < q.from || a.date > q.to) continue;
    if (product !== undefined && a.productId !== product) continue;
    total[p] += a.amount;
  }
  const sums = yield* sumUpSteps(ix, total);
  // Computed meanwhile by a plain call: that one is shared.
  return actualMemo.get(ix, actuals, key, () => sums);
}

const stageMemo = new Memo<ReadonlyMap<string, Float64Array>>();
const monthsOf = (range: { from: string; to: string }) => [range.from.slice(0, 7), range.to.slice(0, 7)] as const;

/**
 * Funnel stage counts summed per node over its subtree and the months that overlap `from`..`to`
 * (dates or month ids), by stage id then position. The same figures as `stageCountsRollup`
 * (a stage nobody counted is absent), memoized per index and counts array; do not mutate.
 */
export function stageSums(ix: OrgIndex, stageCounts: readonly StageCount[], range: { from: string; to: string }): ReadonlyMap<string, Float64Array> {
  const [from, to] = monthsOf(range);
  return stageMemo.get(ix, stageCounts, `${from}|${to}`, () => runSteps(stageSumsSteps(ix, stageCounts, range)));
}

/** `stageSums` as steps (`SUM_CHUNK` records or positions between yields): the same map, memoized the same way. */
export function* stageSumsSteps(ix: OrgIndex, stageCounts: readonly StageCount[], range: { from: string; to: string }): Steps<ReadonlyMap<string, Float64Array>> {
  const [from, to] = monthsOf(range);
  const key = `${from}|${to}`;
  if (stageMemo.has(ix, stageCounts, key)) return stageMemo.get(ix, stageCounts, key, () => new Map());
  const pos = yield* positionsSteps(ix, stageCounts);
  const n = ix.order.length;
  const out = new Map<string, Float64Array>();
  for (let i = 0; i < stageCounts.length; i++) {
    if (i % SUM_CHUNK === SUM_CHUNK - 1) yield { done: i, total: stageCounts.length };
    const p = pos[i];
    if (p < 0) continue;
    const s = stageCounts[i];
    if (s.month < from || s.month > to) continue;
    let arr = out.get(s.stageId);
    if (!arr) out.set(s.stageId, (arr = new Float64Array(n)));
    arr[p] += s.count;
  }
  for (const arr of out.values()) yield* sumUpSteps(ix, arr);
  return stageMemo.get(ix, stageCounts, key, () => out);
}

/** The stage counts of one node's subtree (0 for a stage in `stages` nobody counted). */
export function stageCountsAt(sums: ReadonlyMap<string, Float64Array>, position: number, stages: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of stages) out[s] = position < 0 ? 0 : (sums.get(s)?.[position] ?? 0);
  return out;
}

/**
 * The records whose rep is `nodeId` or below it, in their order; empty for an unknown node.
 * Not memoized (callers keep what they need).
 */
export function subtreeRecords<T extends Keyed>(ix: OrgIndex, records: readonly T[], nodeId: string): T[] {
  const start = ix.positionOf(nodeId);
  if (start < 0) return [];
  const end = ix.subtreeEnd[start];
  const pos = repPositions(ix, records);
  const out: T[] = [];
  for (let i = 0; i < records.length; i++) if (pos[i] >= start && pos[i] < end) out.push(records[i]);
  return out;
}

/**
 * Sums by position read as a map by node id (every indexed node, in org order), without building
 * one entry per node: `get` is a position lookup. For callers that take a `ReadonlyMap`.
 */
export class PositionMap implements ReadonlyMap<string, number> {
  constructor(
    private readonly ix: OrgIndex,
    private readonly sums: Float64Array,
  ) {}
  get size(): number {
    return this.ix.order.length;
  }
  get(id: string): number | undefined {
    const p = this.ix.positionOf(id);
    return p < 0 ? undefined : this.sums[p];
  }
  has(id: string): boolean {
    return this.ix.positionOf(id) >= 0;
  }
  *entries(): MapIterator<[string, number]> {
    const { order } = this.ix;
    for (let p = 0; p < order.length; p++) yield [order[p], this.sums[p]];
  }
  *keys(): MapIterator<string> {
    yield* this.ix.order;
  }
  *values(): MapIterator<number> {
    yield* this.sums;
  }
  forEach(f: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
  [Symbol.iterator](): MapIterator<[string, number]> {
    return this.entries();
  }
}
