/**
 * Roll-ups over the org tree and the fiscal calendar: a department's figure includes all of its
 * sub-departments, a quarter is the sum of its months, and derived metrics (win rate, average deal
 * size) are recomputed from the rolled-up sums, never averaged.
 */
import { METRICS, type Actual, type MetricId, type OrgNode, type StageCount, type TargetCell, type FiscalCalendar } from './model.js';
import { childPeriods, parsePeriodId } from './periods.js';

/**
 * A precomputed view of the org tree. Ids are laid out in depth-first order, so the descendants
 * of a node are one contiguous slice and sums run in one reverse pass.
 */
export interface OrgIndex {
  byId: ReadonlyMap<string, OrgNode>;
  /** Nodes with no parent, or whose parent is not loaded (lazily loaded subtrees). */
  roots: readonly string[];
  /** Every reachable id in depth-first pre-order (parents before children, siblings in input order). */
  order: readonly string[];
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
 * Indexes an org list once so tree questions are answered from maps (100,000 nodes index in a
 * few tens of milliseconds). Nodes on a parent cycle are unreachable and left out of `order`;
 * validate with `checkOrg` first.
 *
 * @example
 * const ix = buildOrgIndex(org);
 * ix.ancestors('rep-1') // ['team-a', 'east', 'co']
 */
export function buildOrgIndex(org: readonly OrgNode[]): OrgIndex {
  const byId = new Map<string, OrgNode>();
  for (const n of org) if (!byId.has(n.id)) byId.set(n.id, n);
  const kids = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of byId.values()) {
    if (n.parentId === null || !byId.has(n.parentId)) roots.push(n.id);
    else {
      const list = kids.get(n.parentId);
      if (list) list.push(n.id);
      else kids.set(n.parentId, [n.id]);
    }
  }
  const order: string[] = [];
  const pos = new Map<string, number>();
  const end = new Map<string, number>();
  const depthOf = new Map<string, number>();
  // Iterative DFS: an org 100,000 deep must not overflow the call stack.
  const stack: [string, number, boolean][] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push([roots[i], 0, false]);
  while (stack.length) {
    const [id, depth, done] = stack.pop()!;
    if (done) {
      end.set(id, order.length);
      continue;
    }
    pos.set(id, order.length);
    depthOf.set(id, depth);
    order.push(id);
    stack.push([id, depth, true]);
    const cs = kids.get(id) ?? [];
    for (let i = cs.length - 1; i >= 0; i--) stack.push([cs[i], depth + 1, false]);
  }
  const none: readonly string[] = [];
  const slice = (id: string) => {
    const p = pos.get(id);
    return p === undefined ? [] : order.slice(p + 1, end.get(id));
  };
  const self = (id: string) => (pos.has(id) ? [id] : []);
  const parent = (id: string) => {
    const p = byId.get(id)?.parentId ?? null;
    return p !== null && byId.has(p) ? p : null;
  };
  return {
    byId,
    roots,
    order,
    children: (id) => kids.get(id) ?? none,
    parent,
    ancestors(id) {
      const out: string[] = [];
      // Bounded by the node count so a cycle in unchecked data cannot loop forever.
      for (let p = parent(id); p !== null && out.length < byId.size; p = parent(p)) out.push(p);
      return out;
    },
    descendants: slice,
    leaves: (id) => [...self(id), ...slice(id)].filter((x) => !kids.has(x)),
    reps: (id) => [...self(id), ...slice(id)].filter((x) => byId.get(x)!.kind === 'rep'),
    depth: (id) => depthOf.get(id) ?? -1,
  };
}

const asIndex = (org: OrgIndex | readonly OrgNode[]): OrgIndex => ('order' in org ? org : buildOrgIndex(org));

/**
 * Adds each node's own values into all of its ancestors, in one reverse pre-order pass.
 * Only ids in the index receive a total; every indexed id gets one (0 if nothing below it).
 */
function sumUp(ix: OrgIndex, own: ReadonlyMap<string, number>): Map<string, number> {
  const total = new Map<string, number>();
  for (const id of ix.order) total.set(id, own.get(id) ?? 0);
  for (let i = ix.order.length - 1; i >= 0; i--) {
    const id = ix.order[i];
    const p = ix.parent(id);
    if (p !== null) total.set(p, total.get(p)! + total.get(id)!);
  }
  return total;
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
  const own = new Map<string, number>();
  for (const a of actuals) {
    if (a.type !== query.type || a.date < query.from || a.date > query.to) continue;
    if (query.product !== undefined && a.productId !== query.product) continue;
    own.set(a.repId, (own.get(a.repId) ?? 0) + a.amount);
  }
  return sumUp(ix, own);
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

/** Cell values per node and period for one metric and product selection. */
function cellValues(targets: readonly TargetCell[], q: TargetQuery): Map<string, Map<string, number>> {
  const total = new Map<string, Map<string, number>>();
  const byProduct = new Map<string, Map<string, number>>();
  for (const t of targets) {
    if (t.metric !== q.metric) continue;
    let into: Map<string, Map<string, number>>;
    if (q.product !== undefined) {
      if (t.product !== q.product) continue;
      into = total;
    } else {
      into = t.product === undefined ? total : byProduct;
    }
    let periods = into.get(t.nodeId);
    if (!periods) into.set(t.nodeId, (periods = new Map()));
    // Product cells add up to a total; a repeated total cell replaces the earlier one, as a later edit would.
    periods.set(t.period, into === byProduct ? (periods.get(t.period) ?? 0) + t.value : t.value);
  }
  for (const [node, periods] of byProduct) {
    let own = total.get(node);
    if (!own) total.set(node, (own = new Map()));
    for (const [period, v] of periods) if (!own.has(period)) own.set(period, v);
  }
  return total;
}

/**
 * A node's own value for a period: its cell, else the sum of its own values for the sub-periods
 * (undefined when it has neither).
 */
function ownValue(cells: ReadonlyMap<string, number> | undefined, period: string, calendar: FiscalCalendar): number | undefined {
  if (!cells) return undefined;
  const v = cells.get(period);
  if (v !== undefined) return v;
  let sum: number | undefined;
  for (const sub of subPeriods(period, calendar)) {
    const s = ownValue(cells, sub, calendar);
    if (s !== undefined) sum = (sum ?? 0) + s;
  }
  return sum;
}

function rollupFrom(
  cells: Map<string, Map<string, number>>,
  ix: OrgIndex,
  period: string,
  calendar: FiscalCalendar,
): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = ix.order.length - 1; i >= 0; i--) {
    const id = ix.order[i];
    const own = ownValue(cells.get(id), period, calendar);
    if (own !== undefined) {
      out.set(id, own);
      continue;
    }
    let sum: number | undefined;
    for (const c of ix.children(id)) {
      const v = out.get(c);
      if (v !== undefined) sum = (sum ?? 0) + v;
    }
    if (sum !== undefined) out.set(id, sum);
  }
  return out;
}

/**
 * Target values per node for one metric, period and product selection.
 *
 * A node's value is its own cell for the period; failing that, the sum of its own cells for the
 * sub-periods (a quarter = its three months, a year = its halves or quarters); failing that, the
 * sum of its children's values. A node's own cells win over its children's: a team with cells for
 * only some months of a quarter counts those months, and `targetMismatches` reports where its
 * children disagree. A node with no target anywhere at or below it is absent from the map (no
 * target is not a target of 0).
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
  return rollupFrom(cellValues(targets, query), asIndex(org), query.period, calendar);
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
 * (halves, quarters, months): a node whose cell differs from the sum of its children's values,
 * and a cell that differs from the sum of the same node's sub-period values. Parts that have no
 * value at all are not compared.
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
  const cells = cellValues(targets, query);
  const out: TargetMismatch[] = [];
  const walk = (period: string) => {
    const values = rollupFrom(cells, ix, period, calendar);
    for (const id of ix.order) {
      const value = cells.get(id)?.get(period);
      if (value === undefined) continue;
      let sum: number | undefined;
      for (const c of ix.children(id)) {
        const v = values.get(c);
        if (v !== undefined) sum = (sum ?? 0) + v;
      }
      if (sum !== undefined && sum !== value) out.push({ kind: 'org', nodeId: id, period, value, sum, difference: value - sum });
      let psum: number | undefined;
      for (const sub of subPeriods(period, calendar)) {
        const v = ownValue(cells.get(id), sub, calendar);
        if (v !== undefined) psum = (psum ?? 0) + v;
      }
      if (psum !== undefined && psum !== value) out.push({ kind: 'period', nodeId: id, period, value, sum: psum, difference: value - psum });
    }
    for (const sub of subPeriods(period, calendar)) walk(sub);
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
  for (let i = ix.order.length - 1; i >= 0; i--) {
    const id = ix.order[i];
    const p = ix.parent(id);
    if (p === null) continue;
    const into = out.get(p)!;
    for (const [stage, n] of out.get(id)!) into.set(stage, (into.get(stage) ?? 0) + n);
  }
  return out;
}
