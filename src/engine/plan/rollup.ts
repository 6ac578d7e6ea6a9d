/**
 * Roll-ups over the org tree and the fiscal calendar: a department's figure includes all of its
 * sub-departments, a quarter is the sum of its months, and derived metrics (win rate, average deal
 * size) are recomputed from the rolled-up sums, never averaged.
 */
import { METRICS, type Actual, type MetricId, type OrgNode, type StageCount, type TargetCell, type FiscalCalendar } from './model.js';
import { childPeriods, parsePeriodId } from '../calendar/periods.js';
import { runSteps, type Steps } from '../shared/steps.js';

/**
 * A precomputed view of the org tree. Nodes are laid out in depth-first pre-order, so the
 * descendants of a node are one contiguous slice of `order` and a roll-up is one reverse pass
 * over positions (`parentPos`), with no lookups by id.
 */
export interface OrgIndex {
  byId: ReadonlyMap<string, OrgNode>;
  /** Nodes with no parent, or whose parent is not loaded (lazily loaded subtrees). */
  roots: readonly string[];
  /** Every reachable id in depth-first pre-order (parents before children, siblings in input order). */
  order: readonly string[];
  /** For each position in `order`, the position of the parent; -1 for a root. */
  parentPos: Int32Array;
  /** For each position, the position just after its subtree: the subtree of `p` is `order[p … subtreeEnd[p] - 1]`. */
  subtreeEnd: Int32Array;
  /** The position of `id` in `order`; -1 for an unknown or unreachable id. */
  positionOf(id: string): number;
  children(id: string): readonly string[];
  /** The parent id, or null for a root or an unknown id. */
  parent(id: string): string | null;
  /** Ancestors from the parent up to the root. */
  ancestors(id: string): string[];
  /** All nodes below `id` (not `id` itself), in pre-order. */
  descendants(id: string): string[];
  /** Nodes with no children under `id`, including `id` itself when it is one. */
  leaves(id: string): string[];
  /** Nodes of kind `rep` under `id`, including `id` itself when it is one. */
  reps(id: string): string[];
  /** 0 for a root, 1 for its children, …; -1 for an unknown id. */
  depth(id: string): number;
}

/**
 * Indexes an org list once so tree questions are answered from precomputed arrays (100,000 nodes
 * index in a few tens of milliseconds). A repeated id keeps its first node. Nodes on a parent
 * cycle are unreachable and left out of `order`; validate with `checkOrg` first.
 *
 * @example
 * const ix = buildOrgIndex(org);
 * ix.ancestors('rep-1') // ['team-a', 'east', 'co']
 */
export function buildOrgIndex(org: readonly OrgNode[]): OrgIndex {
  return runSteps(buildOrgIndexSteps(org));
}

/** Nodes handled between two yields of `buildOrgIndexSteps` (a few milliseconds of work). */
const INDEX_CHUNK = 4096;

/**
 * `buildOrgIndex` as steps (see `shared/steps.ts`): the same index, built a few thousand nodes
 * between yields, so a store can index a 100,000-person org without one long task.
 */
export function* buildOrgIndexSteps(org: readonly OrgNode[]): Steps<OrgIndex> {
  const total = org.length;
  const byId = new Map<string, OrgNode>();
  const nodes: OrgNode[] = [];
  for (let i = 0; i < total; i++) {
    const n = org[i]!;
    if (!byId.has(n.id)) {
      byId.set(n.id, n);
      nodes.push(n);
    }
    if (i % INDEX_CHUNK === INDEX_CHUNK - 1) yield { done: i, total: total * 3 };
  }
  const kids = new Map<string, string[]>();
  const roots: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (n.parentId === null || !byId.has(n.parentId)) roots.push(n.id);
    else {
      const list = kids.get(n.parentId);
      if (list) list.push(n.id);
      else kids.set(n.parentId, [n.id]);
    }
    if (i % INDEX_CHUNK === INDEX_CHUNK - 1) yield { done: total + i, total: total * 3 };
  }
  const size = nodes.length;
  const order: string[] = [];
  const parentPos = new Int32Array(size);
  const end = new Int32Array(size);
  const depthAt = new Int32Array(size);
  const pos = new Map<string, number>();
  // Iterative DFS (an org can be deeper than the call stack). A stack entry is a position whose
  // children are pushed next; its subtree ends where the next sibling or ancestor's sibling begins.
  const stack: string[] = [];
  const stackParent: number[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i]);
    stackParent.push(-1);
  }
  while (stack.length) {
    const id = stack.pop()!;
    const parent = stackParent.pop()!;
    const p = order.length;
    pos.set(id, p);
    order.push(id);
    parentPos[p] = parent;
    depthAt[p] = parent < 0 ? 0 : depthAt[parent] + 1;
    const cs = kids.get(id);
    if (cs) {
      for (let i = cs.length - 1; i >= 0; i--) {
        stack.push(cs[i]);
        stackParent.push(p);
      }
    }
    if (p % INDEX_CHUNK === INDEX_CHUNK - 1) yield { done: 2 * total + p, total: total * 3 };
  }
  // A subtree ends where the next node that is not its descendant starts: fill from the back.
  for (let p = order.length - 1; p >= 0; p--) end[p] = p + 1;
  for (let p = order.length - 1; p >= 0; p--) if (parentPos[p] >= 0) end[parentPos[p]] = Math.max(end[parentPos[p]], end[p]);
  const positionOf = (id: string) => pos.get(id) ?? -1;
  const none: readonly string[] = [];
  const subtree = (id: string, self: boolean) => {
    const p = positionOf(id);
    return p < 0 ? [] : order.slice(self ? p : p + 1, end[p]);
  };
  const parent = (id: string) => {
    const p = positionOf(id);
    return p < 0 || parentPos[p] < 0 ? null : order[parentPos[p]];
  };
  return {
    byId,
    roots,
    order,
    parentPos,
    subtreeEnd: end,
    positionOf,
    children: (id) => kids.get(id) ?? none,
    parent,
    ancestors(id) {
      const out: string[] = [];
      for (let p = parent(id); p !== null; p = parent(p)) out.push(p);
      return out;
    },
    descendants: (id) => subtree(id, false),
    leaves: (id) => subtree(id, true).filter((x) => !kids.has(x)),
    reps: (id) => subtree(id, true).filter((x) => byId.get(x)!.kind === 'rep'),
    depth: (id) => {
      const p = positionOf(id);
      return p < 0 ? -1 : depthAt[p];
    },
  };
}

const asIndex = (org: OrgIndex | readonly OrgNode[]): OrgIndex => ('order' in org ? org : buildOrgIndex(org));

/** Adds every position's value into its parent, deepest first, so each holds its subtree's sum. */
function sumUp(ix: OrgIndex, total: Float64Array): Map<string, number> {
  for (let p = ix.order.length - 1; p > 0; p--) {
    const pp = ix.parentPos[p];
    if (pp >= 0) total[pp] += total[p];
  }
  const out = new Map<string, number>();
  ix.order.forEach((id, p) => out.set(id, total[p]));
  return out;
}

export interface ActualsQuery {
  /** First and last date included, `YYYY-MM-DD`. */
  from: string;
  to: string;
  type: 'booking' | 'collection';
  /** Only this product line; all product lines when absent. */
  product?: string;
}

/**
 * Sums dated actuals (minor units) per org node over a date range: a rep gets their own
 * bookings, a team the sum of its reps, a region the sum of its teams, and so on. Every indexed
 * node appears (0 when nothing was booked); actuals of unknown reps are ignored.
 *
 * @example
 * // rep a books ¥100 and ¥50 in March, rep b ¥30; both in team t:
 * rollupActuals(actuals, org, { from: '2026-03-01', to: '2026-03-31', type: 'booking' })
 * // → t: 18000, a: 15000, b: 3000 (分)
 */
export function rollupActuals(
  actuals: readonly Actual[],
  org: OrgIndex | readonly OrgNode[],
  query: ActualsQuery,
): Map<string, number> {
  const ix = asIndex(org);
  // Doubles hold integers exactly up to 2^53 分 (about ¥90 trillion): the sums stay exact.
  const total = new Float64Array(ix.order.length);
  for (const a of actuals) {
    if (a.type !== query.type || a.date < query.from || a.date > query.to) continue;
    if (query.product !== undefined && a.productId !== query.product) continue;
    const p = ix.positionOf(a.repId);
    if (p >= 0) total[p] += a.amount;
  }
  return sumUp(ix, total);
}

export interface TargetQuery {
  metric: MetricId;
  /** A fiscal period or month id; weeks have no sub-periods and only count their own cells. */
  period: string;
  /**
   * One product line's targets. When absent, the product-free (total) cells; a node-period with no
   * total cell but product cells counts the sum of its product cells.
   */
  product?: string;
}

/**
 * The calendar tree used for targets: year → halves → quarters → months. Weeks overlap months
 * and are left out so that every level partitions its parent.
 */
function subPeriods(period: string, calendar: FiscalCalendar): string[] {
  const p = parsePeriodId(period);
  if (!p.ok || p.value.granularity === 'month' || p.value.granularity === 'week') return [];
  return childPeriods(period, calendar, { halves: p.value.granularity === 'year' });
}

/**
 * Cell values per node and period for one metric and product selection. A repeated cell (same
 * node, period and product) replaces the earlier one, as a later edit would.
 */
function cellValues(targets: readonly TargetCell[], q: TargetQuery): Map<string, Map<string, number>> {
  const totals = new Map<string, Map<string, number>>();
  // Product cells by node, keyed `period|product`; only built when the plan splits by product.
  const products = new Map<string, Map<string, TargetCell>>();
  for (const t of targets) {
    if (t.metric !== q.metric) continue;
    if (q.product === undefined ? t.product === undefined : t.product === q.product) {
      let periods = totals.get(t.nodeId);
      if (!periods) totals.set(t.nodeId, (periods = new Map()));
      periods.set(t.period, t.value);
    } else if (q.product === undefined) {
      let cells = products.get(t.nodeId);
      if (!cells) products.set(t.nodeId, (cells = new Map()));
      cells.set(`${t.period}|${t.product}`, t);
    }
  }
  // Without a total cell, a node-period's total is the sum of its product cells.
  for (const [node, cells] of products) {
    let periods = totals.get(node);
    if (!periods) totals.set(node, (periods = new Map()));
    const sums = new Map<string, number>();
    for (const t of cells.values()) if (!periods.has(t.period)) sums.set(t.period, (sums.get(t.period) ?? 0) + t.value);
    for (const [period, v] of sums) periods.set(period, v);
  }
  return totals;
}

interface PeriodValues {
  /** By position in `order`: the node's value, meaningful where `has` is 1. */
  value: Float64Array;
  has: Uint8Array;
  /** By position: the sum of the children's values, meaningful where `childHas` is above 0. */
  childSum: Float64Array;
  /** By position: how many children have a value. */
  childHas: Int32Array;
  subs: string[];
  /** Every period strictly below this one in the calendar tree. */
  below: Set<string>;
}

/**
 * Resolves target values for `period` and every period below it, bottom-up in both trees
 * (months before quarters, children before parents); results land in `memo` by period id.
 * `cells` is indexed by position in `ix.order`.
 */
function resolveTargets(
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
  memo: Map<string, PeriodValues>,
): PeriodValues {
  return runSteps(resolveTargetSteps(cells, ix, period, calendar, memo));
}

/** `resolveTargets` as steps: one yield after each period's pass over the org (a read model warms up a slice at a time). */
function* resolveTargetSteps(
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
  memo: Map<string, PeriodValues>,
): Steps<PeriodValues> {
  const subs = subPeriods(period, calendar);
  const below = new Set<string>();
  const subValues: PeriodValues[] = [];
  for (const sub of subs) {
    const r = yield* resolveTargetSteps(cells, ix, sub, calendar, memo);
    below.add(sub);
    for (const b of r.below) below.add(b);
    subValues.push(r);
  }
  const n = ix.order.length;
  const value = new Float64Array(n), has = new Uint8Array(n);
  const childSum = new Float64Array(n), childHas = new Int32Array(n);
  for (let p = n - 1; p >= 0; p--) {
    const own = cells[p];
    const cell = own?.get(period);
    if (cell !== undefined) {
      value[p] = cell;
      has[p] = 1;
    } else if (own && hasAny(own, below)) {
      for (const sv of subValues) {
        if (sv.has[p]) {
          value[p] += sv.value[p];
          has[p] = 1;
        }
      }
    } else if (childHas[p]) {
      value[p] = childSum[p];
      has[p] = 1;
    }
    const pp = ix.parentPos[p];
    if (has[p] && pp >= 0) {
      childSum[pp] += value[p];
      childHas[pp]++;
    }
  }
  const r = { value, has, childSum, childHas, subs, below };
  memo.set(period, r);
  yield { done: memo.size, total: 0 };
  return r;
}

function hasAny(own: ReadonlyMap<string, number>, periods: ReadonlySet<string>): boolean {
  for (const p of periods) if (own.has(p)) return true;
  return false;
}

function cellsByPosition(targets: readonly TargetCell[], ix: OrgIndex, q: TargetQuery): (Map<string, number> | undefined)[] {
  const byNode = cellValues(targets, q);
  return ix.order.map((id) => byNode.get(id));
}

/**
 * Target values per node for one metric, period and product selection.
 *
 * A node's value is its own cell for the period. Failing that, when the node has its own cells
 * further down the calendar, it is the sum of its values for the sub-periods (a quarter = its three
 * months, a year = its halves = its quarters), each resolved the same way; otherwise it is the sum
 * of its children's values. So a quarter with no cell of its own is always the sum of its months,
 * a department with no cells of its own is always the sum of its sub-departments, and a rep
 * planned by quarter and another planned by month still add up in their team. A node with no
 * target anywhere at or below it is absent from the map (no target is not a target of 0).
 *
 * @example
 * // company has FY2026 = 1000; region east has Q1..Q4 = 100, 200, 300, 400; region west has nothing:
 * rollupTargets(cells, org, { metric: 'revenue', period: 'FY2026' }, cal)
 * // → co: 1000 (own cell), east: 1000 (100+200+300+400); west absent
 */
export function rollupTargets(
  targets: readonly TargetCell[],
  org: OrgIndex | readonly OrgNode[],
  query: TargetQuery,
  calendar: FiscalCalendar,
): Map<string, number> {
  const ix = asIndex(org);
  const r = resolveTargets(cellsByPosition(targets, ix, query), ix, query.period, calendar, new Map());
  const out = new Map<string, number>();
  ix.order.forEach((id, p) => {
    if (r.has[p]) out.set(id, r.value[p]);
  });
  return out;
}

/**
 * One node's own values per period for a target query, from that node's cells only: its total
 * cells, or (for the total selection) the sum of its product cells where a period has no total
 * cell. `undefined` when the node has no cell for the selection. The per-node step of
 * `rollupTargets`, for read models that keep cells indexed by node and rebuild one node at a time.
 */
export function nodeTargetValues(cells: Iterable<TargetCell>, q: Pick<TargetQuery, 'metric' | 'product'>): Map<string, number> | undefined {
  let own: Map<string, number> | undefined;
  let fromProducts: Map<string, number> | undefined;
  for (const t of cells) {
    if (t.metric !== q.metric) continue;
    if (q.product === undefined ? t.product === undefined : t.product === q.product) {
      (own ??= new Map()).set(t.period, t.value);
    } else if (q.product === undefined) {
      (fromProducts ??= new Map()).set(t.period, (fromProducts.get(t.period) ?? 0) + t.value);
    }
  }
  if (fromProducts) for (const [period, v] of fromProducts) if (!own?.has(period)) (own ??= new Map()).set(period, v);
  return own;
}

/** A resolved roll-up: every period at and below the query period, by period id. */
export type TargetRollupTree = ReadonlyMap<string, Readonly<PeriodValues>>;
export type { PeriodValues };

/** Resolves the roll-up of `period` and every period below it over values grouped by node position. */
export function resolveTargetTree(
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
): TargetRollupTree {
  return runSteps(resolveTargetTreeSteps(cells, ix, period, calendar));
}

/** `resolveTargetTree` as steps, one period's pass over the org between yields. */
export function* resolveTargetTreeSteps(
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
): Steps<TargetRollupTree> {
  const memo = new Map<string, PeriodValues>();
  yield* resolveTargetSteps(cells, ix, period, calendar, memo);
  return memo;
}

/**
 * The roll-up tree after the own values of a few nodes changed (`cells` holds the new values):
 * only those nodes and their ancestors are recomputed, period by period from the months up; the
 * rest of each period's arrays is copied. O(periods × (nodes + changed × depth)).
 */
export function patchTargetTree(
  tree: TargetRollupTree,
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  changed: Iterable<number>,
): TargetRollupTree {
  const affected = new Set<number>();
  for (const p0 of changed) for (let p = p0; p >= 0 && !affected.has(p); p = ix.parentPos[p]) affected.add(p);
  // Deepest positions first: a node's children are patched before it (pre-order puts them after it).
  const order = [...affected].sort((a, b) => b - a);
  const out = new Map<string, PeriodValues>();
  const patch = (id: string): PeriodValues => {
    const done = out.get(id);
    if (done) return done;
    const old = tree.get(id)!;
    const subValues = old.subs.map(patch);
    const r: PeriodValues = {
      value: old.value.slice(), has: old.has.slice(), childSum: old.childSum.slice(), childHas: old.childHas.slice(), subs: old.subs, below: old.below,
    };
    for (const p of order) {
      const wasHas = r.has[p], wasValue = r.value[p];
      const own = cells[p];
      const cell = own?.get(id);
      let value = 0, has = 0;
      if (cell !== undefined) {
        value = cell;
        has = 1;
      } else if (own && hasAny(own, old.below)) {
        for (const sv of subValues) {
          if (sv.has[p]) {
            value += sv.value[p];
            has = 1;
          }
        }
      } else if (r.childHas[p] > 0) {
        value = r.childSum[p];
        has = 1;
      }
      r.value[p] = value;
      r.has[p] = has;
      const pp = ix.parentPos[p];
      if (pp >= 0) {
        r.childSum[pp] += (has ? value : 0) - (wasHas ? wasValue : 0);
        r.childHas[pp] += has - wasHas;
      }
    }
    out.set(id, r);
    return r;
  };
  patch(period);
  return out;
}

/** The roll-up of one period as node id → value (nodes without a value left out). */
export function rollupOf(tree: TargetRollupTree, ix: OrgIndex, period: string): Map<string, number> {
  const r = tree.get(period)!;
  const out = new Map<string, number>();
  ix.order.forEach((id, p) => {
    if (r.has[p]) out.set(id, r.value[p]);
  });
  return out;
}

/**
 * `rollupTargets` over values already grouped by node position (`cells[p]` = the own values of
 * `ix.order[p]`, as `nodeTargetValues` gives them). O(nodes × periods below `period`).
 */
export function rollupTargetsAt(
  cells: readonly (ReadonlyMap<string, number> | undefined)[],
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
): Map<string, number> {
  const r = resolveTargets(cells, ix, period, calendar, new Map());
  const out = new Map<string, number>();
  ix.order.forEach((id, p) => {
    if (r.has[p]) out.set(id, r.value[p]);
  });
  return out;
}

export interface TargetMismatch {
  /** `org`: a node's cell vs the sum of its children; `period`: a cell vs the sum of its sub-periods. */
  kind: 'org' | 'period';
  nodeId: string;
  period: string;
  /** The node's own cell. */
  value: number;
  /** What the parts add up to. */
  sum: number;
  /** value − sum: positive when the parts fall short of the whole (unallocated), negative when they exceed it. */
  difference: number;
}

/**
 * Cells that disagree with their parts, for the query period and every period below it
 * (halves, quarters, months), in calendar then org order:
 * - `org`: a node's cell differs from the sum of its children's values for that period;
 * - `period`: a node that also has cells further down the calendar, whose cell differs from the
 *   sum of its own values for the sub-periods (the value it would have without that cell).
 * Parts that have no value at all are not compared.
 *
 * @example
 * // co FY2026 = 1000, its two regions 600 and 300:
 * // → [{ kind: 'org', nodeId: 'co', period: 'FY2026', value: 1000, sum: 900, difference: 100 }]
 */
export function targetMismatches(
  targets: readonly TargetCell[],
  org: OrgIndex | readonly OrgNode[],
  query: TargetQuery,
  calendar: FiscalCalendar,
): TargetMismatch[] {
  const ix = asIndex(org);
  const cells = cellsByPosition(targets, ix, query);
  const memo = new Map<string, PeriodValues>();
  resolveTargets(cells, ix, query.period, calendar, memo);
  const out: TargetMismatch[] = [];
  const walk = (period: string) => {
    const { childSum, childHas, subs, below } = memo.get(period)!;
    ix.order.forEach((nodeId, p) => {
      const own = cells[p];
      const value = own?.get(period);
      if (own === undefined || value === undefined) return;
      if (childHas[p] && childSum[p] !== value) {
        out.push({ kind: 'org', nodeId, period, value, sum: childSum[p], difference: value - childSum[p] });
      }
      if (!hasAny(own, below)) return;
      let sum = 0, any = false;
      for (const sub of subs) {
        const sv = memo.get(sub)!;
        if (sv.has[p]) {
          sum += sv.value[p];
          any = true;
        }
      }
      if (any && sum !== value) out.push({ kind: 'period', nodeId, period, value, sum, difference: value - sum });
    });
    for (const sub of subs) walk(sub);
  };
  walk(query.period);
  return out;
}

/**
 * Computes a derived metric from numerator and denominator values, e.g.
 * `deriveMetric('winRate', { won: 20, quotes: 50 })` → 0.4 and
 * `deriveMetric('avgDealSize', { revenue: 100000000, won: 20 })` → 5000000 (¥50,000.00 in 分; money
 * is rounded to whole minor units). A zero or missing denominator gives null. A sum metric returns
 * its own value, or null when missing.
 */
export function deriveMetric(metric: MetricId, sums: Partial<Record<MetricId, number>>): number | null {
  const def = METRICS[metric];
  if (def.rollup !== 'derived' || !def.numerator || !def.denominator) return sums[metric] ?? null;
  const num = sums[def.numerator];
  const den = sums[def.denominator];
  if (num === undefined || den === undefined || den === 0) return null;
  const v = num / den;
  if (!Number.isFinite(v)) return null;
  return def.unit === 'money' ? Math.round(v) : v;
}

/**
 * A metric per node from rolled-up sums. For a derived metric (winRate = won / quotes,
 * avgDealSize = revenue / won, collectionRate = collections / revenue) each node's value is its
 * rolled-up numerator over its rolled-up denominator, never an average of its children's ratios:
 * a team whose reps won 1 of 2 and 9 of 10 quotes has a win rate of 10/12, not 70%.
 *
 * @param sums per metric, node id → rolled-up value (from `rollupActuals`, `rollupTargets`, …).
 * @example rollupMetric('winRate', { won: wonByNode, quotes: quotesByNode }).get('team') // 0.8333…
 */
export function rollupMetric(
  metric: MetricId,
  sums: Partial<Record<MetricId, ReadonlyMap<string, number>>>,
): Map<string, number | null> {
  const def = METRICS[metric];
  const inputs: MetricId[] = def.rollup === 'derived' && def.numerator && def.denominator ? [def.numerator, def.denominator] : [metric];
  const ids = new Set<string>();
  for (const m of inputs) for (const id of sums[m]?.keys() ?? []) ids.add(id);
  const out = new Map<string, number | null>();
  for (const id of ids) {
    const row: Partial<Record<MetricId, number>> = {};
    for (const m of inputs) {
      const v = sums[m]?.get(id);
      if (v !== undefined) row[m] = v;
    }
    out.set(id, deriveMetric(metric, row));
  }
  return out;
}

/**
 * Funnel stage counts per node and stage over the months that overlap `from`..`to` (dates or
 * month ids): each node gets the counts of every rep under it. Every indexed node appears, with
 * an empty map when nothing was counted.
 *
 * @example
 * stageCountsRollup(counts, org, { from: '2026-01', to: '2026-03' }).get('team-a')?.get('lead') // Q1 leads of the team
 */
export function stageCountsRollup(
  stageCounts: readonly StageCount[],
  org: OrgIndex | readonly OrgNode[],
  range: { from: string; to: string },
): Map<string, Map<string, number>> {
  const ix = asIndex(org);
  const from = range.from.slice(0, 7), to = range.to.slice(0, 7);
  const out = new Map<string, Map<string, number>>();
  for (const id of ix.order) out.set(id, new Map());
  for (const s of stageCounts) {
    if (s.month < from || s.month > to) continue;
    const own = out.get(s.repId);
    if (own) own.set(s.stageId, (own.get(s.stageId) ?? 0) + s.count);
  }
  for (let p = ix.order.length - 1; p > 0; p--) {
    const pp = ix.parentPos[p];
    if (pp < 0) continue;
    const into = out.get(ix.order[pp])!;
    for (const [stage, n] of out.get(ix.order[p])!) into.set(stage, (into.get(stage) ?? 0) + n);
  }
  return out;
}
