/**
 * The read model: one immutable, indexed picture of a plan that every element reads, and the
 * selectors that answer from it. The store builds a new `PlanState` on every data change (load,
 * an edit, new actuals, another day) and keeps the old one untouched; selectors memoize per state,
 * so fifty widgets asking the same roll-up cost one computation, and an edit that touches a few
 * cells re-indexes only the nodes it touched.
 *
 * One definition each, here and nowhere else:
 * - target of a node × period × metric × product: `targetOf` (its own cell, else what its months or
 *   its children add up to — `rollupTargets`);
 * - actual: `actualOf` (bookings for revenue, collections for collections, the node's subtree, from
 *   the period's start to today or the period's end);
 * - attainment and gap: `figureOf` (actual / target; target − actual);
 * - the default period of a page: `defaultPeriod`;
 * - the planned funnel of a node and period: `plannedFunnel` (in `plan-funnel.ts`, so pages without
 *   a funnel do not download the funnel formulas).
 *
 * @example
 * const state = createPlanState(snapshot, { actuals, asOf: '2026-12-01' });
 * figureOf(state, { nodeId: 'company', period: 'FY2026' })
 * // → { target: 11_300_000_000, actual: 9_545_300_000, attainment: 0.8447…, gap: 1_754_700_000, basis: 'booked', … }
 * const next = withTargetChanges(state, { set: [cell] }); // state is unchanged; next re-indexes one node
 */
import {
  cellKey,
  type ActualsSnapshot,
  type FunnelStage,
  type MetricId,
  type OrgNode,
  type Plan,
  type PlanSnapshot,
  type ProductLine,
  type TargetCell,
  type User,
} from './model.js';
import { buildOrgIndex, buildOrgIndexSteps, nodeTargetValues, patchTargetTree, resolveTargetTree, resolveTargetTreeSteps, rollupOf, type OrgIndex, type TargetRollupTree } from './rollup.js';
import { actualSums, type ActualSumsQuery } from './subtree-sums.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';

/** Cells handled between two yields of `CellTable.fromSteps`. */
const CELL_CHUNK = 4096;
import { parsePeriodId, periodOf, periodRange } from '../calendar/periods.js';

/** A reference to one target cell: node × period × metric × optional product. */
export interface CellRef {
  nodeId: string;
  period: string;
  metric: string;
  product?: string | null;
}

/** A node's cells: the one cell itself (most nodes have one), or a map by `cellKey`. */
type NodeCells = TargetCell | ReadonlyMap<string, TargetCell>;

/** Whether `own`, a node's only cell, is the cell `ref` names (what `cellKey` equality means). */
const isCell = (own: TargetCell, ref: CellRef): boolean =>
  own.period === ref.period && own.metric === ref.metric && (own.product ?? '') === (ref.product ?? '');

/**
 * The target cells of a plan, indexed by node. Copy-on-write: `with` returns a new table that
 * shares every untouched node with this one, so an edit of a few cells on a plan of 700,000 costs
 * a few map copies, not a copy of every cell. A node with one cell holds the cell itself, not a
 * map of one (at 100,000 people, a `Map` and a key string per node were most of the table's
 * allocations, and of the garbage collector's work during a load).
 */
export class CellTable implements Iterable<TargetCell> {
  private constructor(
    private readonly byNode: ReadonlyMap<string, NodeCells>,
    /** How many cells the table holds. */
    readonly size: number,
  ) {}

  /** A table of `cells`; a later cell with the same key replaces an earlier one. */
  static from(cells: Iterable<TargetCell>): CellTable {
    return runSteps(CellTable.fromSteps(cells));
  }

  /** `from` as steps: a few thousand cells between yields (700,000 cells without one long task). */
  static *fromSteps(cells: Iterable<TargetCell>): Steps<CellTable> {
    const byNode = new Map<string, NodeCells>();
    let size = 0;
    let n = 0;
    for (const c of cells) {
      const own = byNode.get(c.nodeId);
      if (own === undefined) {
        byNode.set(c.nodeId, c);
        size++;
      } else if (own instanceof Map) {
        const k = cellKey(c);
        if (!own.has(k)) size++;
        (own as Map<string, TargetCell>).set(k, c);
      } else if (isCell(own as TargetCell, c)) {
        byNode.set(c.nodeId, c);
      } else {
        byNode.set(c.nodeId, new Map([[cellKey(own as TargetCell), own as TargetCell], [cellKey(c), c]]));
        size++;
      }
      if (++n % CELL_CHUNK === 0) yield { done: n, total: 0 };
    }
    return new CellTable(byNode, size);
  }

  /** The cell at `ref`, or by its `cellKey`. */
  get(ref: CellRef | string): TargetCell | undefined {
    const own = this.byNode.get(typeof ref === 'string' ? ref.slice(0, ref.indexOf('|')) : ref.nodeId);
    if (own === undefined) return undefined;
    if (own instanceof Map) return own.get(typeof ref === 'string' ? ref : cellKey(ref));
    const cell = own as TargetCell;
    return (typeof ref === 'string' ? cellKey(cell) === ref : isCell(cell, ref)) ? cell : undefined;
  }

  has(ref: CellRef | string): boolean {
    return this.get(ref) !== undefined;
  }

  /** The cells of one node (any period, metric, product). */
  ofNode(nodeId: string): Iterable<TargetCell> {
    const own = this.byNode.get(nodeId);
    if (own === undefined) return [];
    return own instanceof Map ? own.values() : [own as TargetCell];
  }

  /** Ids of the nodes that have at least one cell. */
  nodes(): Iterable<string> {
    return this.byNode.keys();
  }

  *values(): IterableIterator<TargetCell> {
    for (const own of this.byNode.values()) {
      if (own instanceof Map) yield* own.values();
      else yield own as TargetCell;
    }
  }

  [Symbol.iterator](): IterableIterator<TargetCell> {
    return this.values();
  }

  /**
   * A new table with `set` written over and `remove` (keys or refs) taken out; this table is
   * unchanged. Returns the ids of the nodes whose cells changed beside it.
   */
  with(set: readonly TargetCell[], remove: readonly (CellRef | string)[] = []): { table: CellTable; touched: Set<string> } {
    const copies = new Map<string, Map<string, TargetCell>>();
    const touched = new Set<string>();
    let size = this.size;
    const own = (nodeId: string) => {
      let m = copies.get(nodeId);
      if (!m) {
        const cur = this.byNode.get(nodeId);
        m = cur === undefined ? new Map() : cur instanceof Map ? new Map(cur) : new Map([[cellKey(cur as TargetCell), cur as TargetCell]]);
        copies.set(nodeId, m);
        touched.add(nodeId);
      }
      return m;
    };
    for (const r of remove) {
      const key = typeof r === 'string' ? r : cellKey(r);
      const nodeId = typeof r === 'string' ? r.slice(0, r.indexOf('|')) : r.nodeId;
      const copy = copies.get(nodeId);
      if (!(copy ? copy.has(key) : this.has(r))) continue;
      own(nodeId).delete(key);
      size--;
    }
    for (const c of set) {
      const m = own(c.nodeId);
      const key = cellKey(c);
      if (!m.has(key)) size++;
      m.set(key, c);
    }
    if (!copies.size) return { table: this, touched };
    const byNode = new Map(this.byNode);
    for (const [nodeId, m] of copies) {
      if (m.size === 0) byNode.delete(nodeId);
      else if (m.size === 1) byNode.set(nodeId, m.values().next().value as TargetCell);
      else byNode.set(nodeId, m);
    }
    return { table: new CellTable(byNode, size), touched };
  }
}

/** The plan as every element sees it. Never mutated: a change makes a new state. */
export interface PlanState {
  readonly plan: Plan;
  readonly org: readonly OrgNode[];
  /** The org tree, indexed once (pre-order, parents, subtrees). */
  readonly index: OrgIndex;
  readonly products: readonly ProductLine[];
  readonly stages: readonly FunnelStage[];
  readonly users: readonly User[];
  /** The targets as they stand now (the host's plus local edits). */
  readonly cells: CellTable;
  readonly actuals: ActualsSnapshot | null;
  /** The day the dashboard treats as today, `YYYY-MM-DD`. */
  readonly asOf: string;
}

/** Derived data of one state, computed on first use. */
interface Derived {
  list?: readonly TargetCell[];
  /** Per target selection (`metric|product`): each node position's own values by period. */
  selections: Map<string, (ReadonlyMap<string, number> | undefined)[]>;
  /** Per `selection|period`: the resolved roll-up tree that holds that period (a year's holds its months). */
  trees: Map<string, TargetRollupTree>;
  /** Per `selection|period`: the roll-up as node id → value, built when asked for. */
  rollups: Map<string, ReadonlyMap<string, number>>;
}

const derivedOf = new WeakMap<PlanState, Derived>();
function derived(state: PlanState): Derived {
  let d = derivedOf.get(state);
  if (!d) derivedOf.set(state, (d = { selections: new Map(), trees: new Map(), rollups: new Map() }));
  return d;
}

/**
 * Builds the read model of a snapshot. `cells` overrides the snapshot's targets (local edits on
 * top); `index`, an index of `snapshot.org` built already (e.g. in slices).
 */
export function createPlanState(
  snapshot: PlanSnapshot,
  options: { actuals?: ActualsSnapshot | null; asOf: string; cells?: CellTable; index?: OrgIndex },
): PlanState {
  return runSteps(createPlanStateSteps(snapshot, options));
}

/**
 * `createPlanState` as steps: the org index and the cell table a few thousand records between
 * yields, so a store can build the read model of a 100,000-person plan in slices.
 */
export function* createPlanStateSteps(
  snapshot: PlanSnapshot,
  options: { actuals?: ActualsSnapshot | null; asOf: string; cells?: CellTable; index?: OrgIndex },
): Steps<PlanState> {
  // `index` and `cells`, when given, must be those of `snapshot.org` (and the targets to show).
  const index = options.index ?? (yield* buildOrgIndexSteps(snapshot.org));
  const cells = options.cells ?? (yield* CellTable.fromSteps(snapshot.targets));
  return {
    plan: snapshot.plan,
    org: snapshot.org,
    index,
    products: snapshot.products,
    stages: snapshot.stages,
    users: snapshot.users ?? [],
    cells,
    actuals: options.actuals ?? null,
    asOf: options.asOf,
  };
}

/** Plain plan data as callers without a store hold it (the engine's older `*Source` shapes). */
export interface PlainPlanSource {
  plan: Plan;
  org: readonly OrgNode[];
  targets: readonly TargetCell[];
  actuals?: ActualsSnapshot | null;
  asOf: string;
  products?: readonly ProductLine[];
  stages?: readonly FunnelStage[];
}

const plainStates = new WeakMap<readonly TargetCell[], WeakMap<readonly OrgNode[], PlanState>>();

/**
 * The read model of plain plan data (or the state itself): one per targets array and org array, so
 * callers passing the same arrays share the index and the roll-ups. The one adapter from the
 * engine's plain-data signatures to the read model.
 */
export function planStateOf(source: PlainPlanSource | PlanState): PlanState {
  if ('cells' in source) return source;
  let byOrg = plainStates.get(source.targets);
  if (!byOrg) plainStates.set(source.targets, (byOrg = new WeakMap()));
  const actuals = source.actuals ?? null;
  const products = source.products ?? [];
  const stages = source.stages ?? [];
  let st = byOrg.get(source.org);
  if (!st || st.plan !== source.plan || st.actuals !== actuals || st.asOf !== source.asOf || (source.products && st.products !== products) || (source.stages && st.stages !== stages)) {
    st = createPlanState({ plan: source.plan, org: [...source.org], products: [...products], stages: [...stages], targets: [...source.targets] }, { actuals, asOf: source.asOf });
    byOrg.set(source.org, st);
  }
  return st;
}

/**
 * A new state with target cells set and removed. Roll-up indexes already built for `state` are
 * carried over and rebuilt only for the nodes touched, so one edit on a large plan stays cheap.
 */
export function withTargetChanges(state: PlanState, change: { set?: readonly TargetCell[]; remove?: readonly (CellRef | string)[] }): PlanState {
  const { table, touched } = state.cells.with(change.set ?? [], change.remove ?? []);
  if (table === state.cells) return state;
  const next: PlanState = { ...state, cells: table };
  const before = derivedOf.get(state);
  if (before) {
    const d = derived(next);
    const positions = [...touched].map((id) => state.index.positionOf(id)).filter((p) => p >= 0);
    for (const [sel, old] of before.selections) {
      const copy = old.slice();
      const q = selectionQuery(sel);
      for (const p of positions) copy[p] = nodeTargetValues(table.ofNode(state.index.order[p]), q);
      d.selections.set(sel, copy);
      // Roll-ups already resolved are patched along the touched nodes' ancestors, not redone.
      const patched = new Map<TargetRollupTree, TargetRollupTree>();
      for (const [key, tree] of before.trees) {
        if (!key.startsWith(`${sel}|`)) continue;
        let next = patched.get(tree);
        if (!next) {
          const root = rootPeriodOf(tree);
          next = patchTargetTree(tree, copy, state.index, root, positions);
          patched.set(tree, next);
        }
        d.trees.set(key, next);
      }
    }
  }
  return next;
}

/** A new state with other actuals, another today, or another org (lazily loaded children). */
export function withPlanData(state: PlanState, change: { actuals?: ActualsSnapshot | null; asOf?: string; org?: readonly OrgNode[]; plan?: Plan }): PlanState {
  const org = change.org ?? state.org;
  const next: PlanState = {
    ...state,
    ...(change.plan ? { plan: change.plan } : {}),
    ...(change.actuals !== undefined ? { actuals: change.actuals } : {}),
    ...(change.asOf !== undefined ? { asOf: change.asOf } : {}),
    org,
    index: org === state.org ? state.index : buildOrgIndex(org),
  };
  // The version moving on changes no figure: keep what was derived.
  const before = derivedOf.get(state);
  if (before && org === state.org && change.actuals === undefined && change.asOf === undefined && (!change.plan || sameCalendar(change.plan, state.plan))) {
    derivedOf.set(next, { selections: before.selections, trees: before.trees, rollups: before.rollups, list: before.list });
  }
  return next;
}

const sameCalendar = (a: Plan, b: Plan) => a.calendar === b.calendar && a.fiscalYear === b.fiscalYear && a.currency === b.currency;

/** Every target cell as one array, memoized per state (do not mutate it). */
export function targetCells(state: PlanState): readonly TargetCell[] {
  const d = derived(state);
  return (d.list ??= [...state.cells.values()]);
}

const selectionKey = (metric: string, product?: string | null) => `${metric}|${product ?? ''}`;
function selectionQuery(sel: string): { metric: MetricId; product?: string } {
  const bar = sel.indexOf('|');
  const product = sel.slice(bar + 1);
  return { metric: sel.slice(0, bar) as MetricId, ...(product ? { product } : {}) };
}

function selection(state: PlanState, sel: string): (ReadonlyMap<string, number> | undefined)[] {
  const d = derived(state);
  let positions = d.selections.get(sel);
  if (!positions) {
    const q = selectionQuery(sel);
    positions = state.index.order.map((id) => nodeTargetValues(state.cells.ofNode(id), q));
    d.selections.set(sel, positions);
  }
  return positions;
}

/**
 * Target values of every node for one metric, period and product selection: the roll-up of
 * `rollupTargets` (a node's own cell, else its sub-periods', else its children's sum; absent when
 * no target is set at or below it). Memoized per state.
 */
export function targetsOf(state: PlanState, query: { metric: MetricId; period: string; product?: string | null }): ReadonlyMap<string, number> {
  const sel = selectionKey(query.metric, query.product);
  const key = `${sel}|${query.period}`;
  const d = derived(state);
  let r = d.rollups.get(key);
  if (!r) {
    const tree = treeOf(state, sel, query.period);
    r = tree ? rollupOf(tree, state.index, query.period) : new Map();
    d.rollups.set(key, r);
  }
  return r;
}

/** The resolved roll-up tree holding `period` for a selection, computed once per state (or patched from the previous one). */
function treeOf(state: PlanState, sel: string, period: string): TargetRollupTree | null {
  const d = derived(state);
  const key = `${sel}|${period}`;
  let tree = d.trees.get(key);
  if (!tree) {
    if (!parsePeriodId(period).ok) return null;
    tree = resolveTargetTree(selection(state, sel), state.index, period, state.plan.calendar);
    for (const p of tree.keys()) if (!d.trees.has(`${sel}|${p}`)) d.trees.set(`${sel}|${p}`, tree);
  }
  return tree;
}

/**
 * What `targetsOf` / `targetOf` compute on first use for a selection and period (each node's own
 * values, then one pass over the org per period of the tree), as steps of `STEP_CHUNK` × 20 nodes
 * or one period: a store warms the read model with them a slice at a time after a load, and the
 * first element to ask finds them done. Results are the same memo entries the plain functions fill.
 */
export function* targetTreeSteps(state: PlanState, query: { metric: MetricId; period: string; product?: string | null }): Steps<void> {
  const sel = selectionKey(query.metric, query.product);
  const d = derived(state);
  if (d.trees.has(`${sel}|${query.period}`) || !parsePeriodId(query.period).ok) return;
  let positions = d.selections.get(sel);
  if (!positions) {
    const q = selectionQuery(sel);
    const { order } = state.index;
    const out: (ReadonlyMap<string, number> | undefined)[] = new Array(order.length);
    for (let p = 0; p < order.length; p++) {
      out[p] = nodeTargetValues(state.cells.ofNode(order[p]), q);
      if (p % (STEP_CHUNK * 20) === STEP_CHUNK * 20 - 1) yield { done: p + 1, total: order.length };
    }
    // Another caller may have filled it meanwhile: keep the first.
    positions = d.selections.get(sel) ?? out;
    d.selections.set(sel, positions);
  }
  if (d.trees.has(`${sel}|${query.period}`)) return;
  const tree = yield* resolveTargetTreeSteps(positions, state.index, query.period, state.plan.calendar);
  if (d.trees.has(`${sel}|${query.period}`)) return;
  for (const p of tree.keys()) if (!d.trees.has(`${sel}|${p}`)) d.trees.set(`${sel}|${p}`, tree);
}

/** The period a tree was resolved for: the one no other period in it lists as a sub-period. */
function rootPeriodOf(tree: TargetRollupTree): string {
  const subs = new Set<string>();
  for (const v of tree.values()) for (const s of v.subs) subs.add(s);
  for (const p of tree.keys()) if (!subs.has(p)) return p;
  return tree.keys().next().value as string;
}

/** The target of a node × period × metric × product, or null when none is set at or below it. */
export function targetOf(state: PlanState, nodeId: string, period: string, metric: MetricId = 'revenue', product?: string | null): number | null {
  const tree = treeOf(state, selectionKey(metric, product), period);
  const p = state.index.positionOf(nodeId);
  if (!tree || p < 0) return null;
  const r = tree.get(period)!;
  return r.has[p] ? r.value[p] : null;
}

/**
 * The targets in force of a period by org position (`value[p]`, meaningful where `has[p]` is 1):
 * the arrays `targetOf` reads, for a caller reading every node of a span (100,000 people) without
 * a lookup by id per node. Null for a period that does not parse. Do not mutate.
 */
export function targetValues(state: PlanState, period: string, metric: MetricId = 'revenue', product?: string | null): { value: Float64Array; has: Uint8Array } | null {
  const tree = treeOf(state, selectionKey(metric, product), period);
  return tree ? tree.get(period)! : null;
}

/** Which dated actuals a metric is measured by: bookings (签约) or collections (回款). */
export type ActualBasis = 'booked' | 'collected';
const BASIS: Partial<Record<MetricId, ActualBasis>> = { revenue: 'booked', collections: 'collected' };

/** The basis of a metric's actuals, or null for metrics without dated actuals (counts, ratios). */
export function actualBasis(metric: MetricId): ActualBasis | null {
  return BASIS[metric] ?? null;
}

// Actual roll-ups depend only on the org and the actuals, not on targets: they survive edits
// (`actualSums` memoizes per index and actuals array, by position).
function actualsRollup(state: PlanState, q: ActualSumsQuery): Float64Array | null {
  const actuals = state.actuals;
  return actuals ? actualSums(state.index, actuals.actuals, q) : null;
}

// A period's days per calendar, once: `actualOf` is asked per person (100,000 reps × a few periods).
const ranges = new WeakMap<Plan['calendar'], Map<string, { start: string; end: string } | null>>();

/** The days an actual counts over: the period's start to today, or to its end once it is over. */
export function toDateRange(state: PlanState, period: string): { start: string; end: string; to: string; running: boolean } | null {
  let byPeriod = ranges.get(state.plan.calendar);
  if (!byPeriod) ranges.set(state.plan.calendar, (byPeriod = new Map()));
  let range = byPeriod.get(period);
  if (range === undefined) byPeriod.set(period, (range = parsePeriodId(period).ok ? periodRange(period, state.plan.calendar) : null));
  if (!range) return null;
  const { start, end } = range;
  return { start, end, to: state.asOf < end ? state.asOf : end, running: state.asOf < end };
}

/**
 * The actual of a node × period (its whole subtree, from the period's start to today or the
 * period's end), in the metric's basis (bookings for revenue, collections for collections); 0
 * before the period starts; null for metrics without dated actuals.
 */
export function actualOf(state: PlanState, nodeId: string, period: string, metric: MetricId = 'revenue', product?: string | null): number | null {
  const basis = actualBasis(metric);
  const range = toDateRange(state, period);
  if (!basis || !range) return null;
  if (range.to < range.start) return 0;
  const type = basis === 'booked' ? 'booking' : 'collection';
  const sums = actualsRollup(state, { type, from: range.start, to: range.to, product });
  const p = state.index.positionOf(nodeId);
  return sums && p >= 0 ? sums[p] : 0;
}

/** Target, actual, attainment and gap of one node × period × metric: the figures every element shows. */
export interface Figure {
  nodeId: string;
  period: string;
  metric: MetricId;
  target: number | null;
  actual: number | null;
  /** actual / target; null without a positive target or without actuals. */
  attainment: number | null;
  /** target − actual (negative when over target); null without a target or actuals. */
  gap: number | null;
  /** What the actual counts: bookings or collections. */
  basis: ActualBasis | null;
  /** The last day the actual counts (today, or the period's end once it is over). */
  to: string | null;
}

/**
 * The one definition of target, actual, attainment and gap.
 *
 * @example
 * // target ¥1,000,000 for FY2026, bookings to date ¥845,000:
 * figureOf(state, { nodeId: 'east', period: 'FY2026' })
 * // → { target: 100_000_000, actual: 84_500_000, attainment: 0.845, gap: 15_500_000, basis: 'booked', … }
 */
export function figureOf(state: PlanState, q: { nodeId: string; period: string; metric?: MetricId; product?: string | null }): Figure {
  const metric = q.metric ?? 'revenue';
  const target = targetOf(state, q.nodeId, q.period, metric, q.product);
  const actual = actualOf(state, q.nodeId, q.period, metric, q.product);
  return {
    nodeId: q.nodeId,
    period: q.period,
    metric,
    target,
    actual,
    attainment: target !== null && target > 0 && actual !== null ? actual / target : null,
    gap: target !== null && actual !== null ? target - actual : null,
    basis: actualBasis(metric),
    to: toDateRange(state, q.period)?.to ?? null,
  };
}

/**
 * The period a page shows when none is chosen, the same for every element: the fiscal year
 * holding today when the node has a target for it, else the plan's fiscal year.
 *
 * @example
 * // plan FY2026, asOf 2026-12-01 → 'FY2026'; asOf 2027-01-05 with no FY2027 target → 'FY2026'
 */
export function defaultPeriod(state: PlanState, nodeId?: string | null, metric: MetricId = 'revenue'): string {
  const node = nodeId ?? state.index.roots[0];
  const current = periodOf(state.asOf, 'year', state.plan.calendar);
  if (node !== undefined && targetOf(state, node, current, metric) !== null) return current;
  return `FY${state.plan.fiscalYear}`;
}
