/**
 * Editing targets while keeping the plan consistent, and decomposing a whole plan at once:
 * company → regions → teams → reps, × months, × product lines, with every level summing exactly.
 */
import { allocate, cmpId, integerWeights, numberSplitIsExact, splitInto } from './allocate.js';
import type { MetricId, TargetCell } from './model.js';
import { minimumOf, type ProductWeight } from './product-mix.js';
import { DEFAULT_RAMP, rampSchedule, type RampStep } from './ramp.js';
import { fail, ok, type Result } from '../shared/result.js';
import { parsePeriodId, type Granularity } from '../calendar/periods.js';
import { treeOf, type TreeNode } from './views.js';
import { childWeights, repCapacity, type WeightMethod, type WeightSource } from './weights.js';

// ---- one edit ------------------------------------------------------------------------------

/** A cell of an edit state: its current value, whether it is locked, optional bounds. */
export interface EditCell {
  id: string;
  value: number;
  locked?: boolean;
  floor?: number;
  cap?: number;
}

/** A parent and its children, as they stand before the edit. */
export interface EditState {
  parent: EditCell;
  children: readonly EditCell[];
}

/** The new value of one cell (the parent or a child). */
export interface TargetEdit {
  id: string;
  value: number;
}

export type EditMode = 'rebalance-siblings' | 'parent-absorbs';

export interface EditResult {
  /** Every cell after the edit, parent included. */
  values: Record<string, number>;
  /** The cells whose value changed, in state order (parent first). */
  changes: { id: string; from: number; to: number }[];
  /** Parent − Σ children after the edit. Normally 0; shown, never hidden. */
  unallocated: number;
}

const isAmount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * Applies a user's edit of one cell. Editing a child:
 * - `rebalance-siblings`: the parent holds; the unlocked siblings give up (or take) the
 *   difference, re-split in proportion to their current values (equally if all are 0), within
 *   their floors and caps. Fails with `siblings-locked` when none can move,
 *   `insufficient-siblings` when they cannot give up that much (`params.max` is the most the
 *   edited cell can be), `siblings-at-cap` when they cannot take that much (`params.min`).
 * - `parent-absorbs`: the siblings hold and the parent moves by the difference (`parent-locked`
 *   if it is locked). Its own parent's unallocated then changes: apply the same edit one level up.
 * Editing the parent re-splits the difference over the unlocked children the same way, in both
 * modes. A lock holds against direct edits too: changing a locked cell fails with `cell-locked`
 * (unlock it first). Any unallocated amount that existed before the edit is carried over, not
 * silently absorbed.
 *
 * @example
 * // Parent 1,000 = a 500 + b 300 + c 200. Set a to 600 (+100), rebalancing: b and c give up
 * // 100 in proportion 3:2, i.e. their 500 becomes 400 split 3:2 = 240 / 160.
 * applyTargetEdit({ parent: { id: 'p', value: 1000 }, children: [{ id: 'a', value: 500 },
 *   { id: 'b', value: 300 }, { id: 'c', value: 200 }] }, { id: 'a', value: 600 }, { mode: 'rebalance-siblings' })
 * // ok({ values: { p: 1000, a: 600, b: 240, c: 160 }, changes: [a 500→600, b 300→240, c 200→160], unallocated: 0 })
 */
export function applyTargetEdit(state: EditState, edit: TargetEdit, options: { mode: EditMode }): Result<EditResult> {
  const { parent, children } = state;
  const cells = [parent, ...children];
  for (const c of cells) {
    if (!isAmount(c.value)) return fail('invalid-value', `the value of "${c.id}" must be a whole number ≥ 0`, { id: c.id, value: String(c.value) });
  }
  if (!isAmount(edit.value)) return fail('invalid-value', `the new value of "${edit.id}" must be a whole number ≥ 0`, { id: edit.id, value: String(edit.value) });
  const target = cells.find((c) => c.id === edit.id);
  if (!target) return fail('unknown-node', `"${edit.id}" is neither the parent nor one of its children`, { id: edit.id });

  const delta = edit.value - target.value;
  if (target.locked && delta !== 0) return fail('cell-locked', `"${edit.id}" is locked; unlock it to change it`, { node: edit.id, period: '' });
  const next = new Map(cells.map((c) => [c.id, c.value]));
  next.set(edit.id, edit.value);

  if (delta !== 0) {
    if (target === parent) {
      const r = resplit(children.filter((c) => !c.locked), delta);
      if (!r.ok) return r;
      for (const [id, v] of Object.entries(r.value)) next.set(id, v);
    } else if (options.mode === 'parent-absorbs') {
      if (parent.locked) return fail('parent-locked', `the parent "${parent.id}" is locked, so it cannot absorb the change`, { id: parent.id });
      const p = parent.value + delta;
      if (p < 0) return fail('negative-total', `the parent "${parent.id}" would become ${p}`, { total: p });
      next.set(parent.id, p);
    } else {
      const siblings = children.filter((c) => c !== target && !c.locked);
      if (siblings.length === 0) return fail('siblings-locked', `every sibling of "${edit.id}" is locked, so none can rebalance`, { id: edit.id });
      const r = resplit(siblings, -delta);
      if (!r.ok) {
        const code = r.error.code;
        if (code === 'floors-exceed-total' || code === 'negative-total') {
          const room = siblings.reduce((s, c) => s + c.value - (c.floor ?? 0), 0);
          return fail('insufficient-siblings', `the siblings can give up at most ${room}, so "${edit.id}" can be at most ${target.value + room}`, { id: edit.id, max: target.value + room, requested: edit.value });
        }
        if (code === 'caps-below-total') {
          const room = siblings.reduce((s, c) => s + (c.cap! - c.value), 0);
          return fail('siblings-at-cap', `the siblings can take at most ${room} more, so "${edit.id}" must be at least ${target.value - room}`, { id: edit.id, min: Math.max(0, target.value - room), requested: edit.value });
        }
        return r;
      }
      for (const [id, v] of Object.entries(r.value)) next.set(id, v);
    }
  }

  const changes = cells.filter((c) => next.get(c.id) !== c.value).map((c) => ({ id: c.id, from: c.value, to: next.get(c.id)! }));
  const childSum = children.reduce((s, c) => s + next.get(c.id)!, 0);
  return ok({ values: Object.fromEntries(next), changes, unallocated: next.get(parent.id)! - childSum });
}

/** The cells' new values when their sum moves by `delta`, in proportion to their current values. */
function resplit(cells: readonly EditCell[], delta: number): Result<Record<string, number>> {
  if (cells.length === 0) return fail('siblings-locked', 'every child is locked, so none can take the change', { id: '' });
  const sum = cells.reduce((s, c) => s + c.value, 0);
  const r = allocate(sum + delta, cells.map((c) => ({ id: c.id, weight: c.value, floor: c.floor, cap: c.cap })));
  return r.ok ? ok(r.value.values) : r;
}

// ---- the whole plan ------------------------------------------------------------------------

/** An org node for decomposition: `OrgNode` fits. Leaves (nodes without children) are the reps. */
export interface PlanNode extends TreeNode {
  hireDate?: string;
  leaveDate?: string;
  potential?: number;
  /** The rep's own ramp curve, instead of the plan's. */
  ramp?: readonly RampStep[];
}

export interface DecomposeInput {
  /** The org tree with exactly one root. */
  nodes: readonly PlanNode[];
  /** The root's annual target (minor units or a count). */
  total: number;
  /** The fiscal year's period id, e.g. `FY2026`; quarters are `FY2026-Q1` … `-Q4`. */
  fiscalYear: string;
  /** The 12 month ids of the fiscal year in fiscal order (from `fiscalYearMonths`). */
  months: readonly string[];
  metric?: MetricId;
  /** How each node's annual target is shared among its children (default `equal`). */
  method?: WeightMethod;
  /** Prior-year actuals per node; a node without an entry counts the sum of its children's. */
  history?: Readonly<Record<string, number>>;
  /** Custom weights per node. */
  custom?: Readonly<Record<string, number>>;
  /** The date capacity weights measure ramp at; default the first day of the fiscal year. */
  asOf?: string;
  /** The ramp schedule (default `DEFAULT_RAMP`), or `false` for no ramp. A node's own `ramp` wins. */
  ramp?: readonly RampStep[] | false;
  /** Prorate each rep's hire (and leave) month by the days they are employed in it (`rampSchedule`). */
  prorate?: boolean;
  /** 12 seasonality weights in fiscal order (default equal). */
  seasonality?: readonly number[];
  /** Product lines to split every rep-month over (none: no product cells). */
  products?: readonly ProductWeight[];
  minNewShare?: number;
  /** Annual values that stay as they are (locked cells); their siblings share the rest. */
  locked?: Readonly<Record<string, number>>;
  /**
   * Months that are already settled (closed months that have targets): each leaf keeps the
   * values `value` gives for them (per product line; `null` is the product-free total), the root
   * total and the locked values count them, only the other months are split, and no cells are
   * built for them (the existing ones stay as they are). Indices into `months`.
   */
  fixed?: { months: readonly number[]; value: (nodeId: string, month: string, product: string | null) => number };
  /**
   * Build `cells` (default true). With `false` only the dense `grid` is filled: a grid that
   * renders only visible rows can read it directly and skip creating ~700,000 objects.
   */
  cells?: boolean;
}

export interface DecomposedPlan {
  /** Node ids in row order (parents before children, breadth-first). */
  rows: string[];
  /** Row of each node id in `rows` and `grid`. */
  rowIndex: ReadonlyMap<string, number>;
  /** Product ids in slot order (slot 0 is the total, slot 1 + j product j). */
  products: string[];
  /**
   * All values, dense: row r, slot s, period k at `r·(products + 1)·17 + s·17 + k`, with periods
   * as in `periods` (0 the year, 1–4 the quarters, 5–16 the months). Integers, stored as doubles.
   */
  grid: Float64Array;
  /**
   * For every node: the fiscal year, its 4 quarters and 12 months, as a total cell (no product)
   * and one cell per product. Every parent equals the sum of its children, every quarter the sum
   * of its months, the year the sum of its quarters, every total the sum of its products.
   */
  cells: TargetCell[];
  /** Column ids: the year, 4 quarters, 12 months. */
  periods: string[];
  /** Nodes whose children's weights fell back to equal, with the sources that had no data. */
  fallbacks: { nodeId: string; sources: WeightSource[] }[];
  /** True when the seasonality weights were all zero and months were split equally. */
  seasonalityFallback: boolean;
  /** Reps whose ramp left no working month in the year: their months follow plain seasonality. */
  rampIgnored: string[];
}

/** Resolution of weights whose exact decimal ratios are too fine for the kernel: parts per ten million. */
const RESOLUTION = 1e7;
const PERIODS = 17;
const MONTH0 = 5;

/** Indices 0…n−1 in tie-break order: larger weight first, then smaller id. */
function tieOrder(w: ArrayLike<number>, ids: readonly string[]): Int32Array {
  const order = Array.from({ length: w.length }, (_, j) => j).sort((a, b) => w[b] - w[a] || cmpId(ids[a], ids[b]));
  return Int32Array.from(order);
}

/** Integer weights for the Number kernel: exact decimal ratios when small enough, else parts per 1e7. */
function kernelWeights(weights: readonly number[]): Float64Array {
  const ints = integerWeights(weights);
  const W = ints.reduce((s, x) => s + x, 0n);
  if (W === 0n) return new Float64Array(weights.length).fill(1);
  if (W <= 94906265n) return Float64Array.from(ints, Number);
  const sum = weights.reduce((s, x) => s + x, 0);
  const q = Float64Array.from(weights, (x) => Math.round((x / sum) * RESOLUTION));
  return q.some((x) => x > 0) ? q : new Float64Array(weights.length).fill(1);
}

/**
 * One value of a decomposed plan: a node × period (an id from `plan.periods`) × optional product.
 * Undefined for an unknown node, period or product.
 *
 * @example gridValue(plan, 'rep-7', '2026-05', 'cloud') // rep-7's May target for the cloud line
 */
export function gridValue(plan: DecomposedPlan, nodeId: string, period: string, product?: string): number | undefined {
  const row = plan.rowIndex.get(nodeId);
  const k = plan.periods.indexOf(period);
  const slot = product === undefined ? 0 : plan.products.indexOf(product) + 1;
  if (row === undefined || k < 0 || slot < 0 || (product !== undefined && slot === 0)) return undefined;
  return plan.grid[(row * (plan.products.length + 1) + slot) * PERIODS + k];
}

const sumOf = (w: ArrayLike<number>) => {
  let s = 0;
  for (let j = 0; j < w.length; j++) s += w[j];
  return s;
};

const isGranularity = (id: string, g: Granularity) => {
  const p = parsePeriodId(id);
  return p.ok && p.value.granularity === g;
};

/**
 * Decomposes a whole plan. The root's annual total is split down the tree, each parent over its
 * children by `method` (locked annual values kept), with `allocate`. Each leaf's annual target
 * is split over the 12 months by seasonality × the rep's ramp for that month, and each rep-month
 * over the product lines (with the minimum new-product share, as in `splitByProduct`). Every
 * number above a rep-month × product is a sum, so all levels add up exactly.
 *
 * Built for size: the work happens in one dense typed array (`grid`) with an allocation-free
 * split kernel; the only per-value objects are the output `cells`, about 700,000 for 10,000 reps
 * × 17 periods × (3 products + total). A view that renders only visible rows should pass
 * `cells: false` and read the grid (`gridValue`): building the cells costs more than the split.
 *
 * Weights in the hot loops are integers: seasonality and product weights are taken exactly when
 * their decimals are short (1/1/2, 0.25/0.5), otherwise as parts per ten million, as are the
 * products seasonality × ramp; every split over those integer weights is exact.
 *
 * Fails with `invalid-tree` (not exactly one root, cycles, unknown parents), `invalid-total`,
 * `invalid-fiscal-months`, `profile-length-mismatch`, `invalid-weight`, `invalid-share`,
 * `no-new-products`, `invalid-date`, `invalid-ramp-schedule`, or any `allocate` error.
 *
 * @example
 * // co → t → r1, r2 (r2 hired 2026-04-01), 1,200,000 over FY2026 from April, equal method:
 * // r1 and r2 get 600,000 each. r1's months are equal (50,000 each); r2's months weigh
 * // 0.3 ×3, 0.6 ×3, 1 ×6 (sum 8.7): April 600,000 × 0.3 / 8.7 = 20,689.6… → 20,690 (largest
 * // remainders), … Team and company months are the sums of the reps' months.
 * decomposePlan({ nodes, total: 1_200_000, fiscalYear: 'FY2026', months: fiscalYearMonths(2026, { startMonth: 4 }) })
 */
export function decomposePlan(input: DecomposeInput): Result<DecomposedPlan> {
  const { nodes, total, months, fiscalYear } = input;
  const metric: MetricId = input.metric ?? 'revenue';
  if (!isAmount(total)) return fail('invalid-total', `the total must be a whole number ≥ 0, got ${String(total)}`, { total: String(total) });
  if (!isGranularity(fiscalYear, 'year')) return fail('invalid-fiscal-months', `"${fiscalYear}" is not a fiscal year id such as FY2026`, { count: 0 });
  if (months.length !== 12 || months.some((m) => !isGranularity(m, 'month'))) {
    return fail('invalid-fiscal-months', 'expected the 12 month ids of the fiscal year', { count: months.length });
  }
  const given = input.seasonality ?? new Array<number>(12).fill(1);
  // Settled months take no share; when the open months have no weight at all, they share equally.
  const openWeight = given.reduce((s, w, m) => s + (input.fixed?.months.includes(m) ? 0 : w), 0);
  const season = input.fixed?.months.length
    ? given.map((w, m) => (input.fixed!.months.includes(m) ? 0 : openWeight > 0 ? w : 1))
    : given;
  if (season.length !== 12) return fail('profile-length-mismatch', `the profile has ${season.length} weights for 12 months`, { weights: season.length, months: 12 });
  for (const [i, w] of season.entries()) {
    if (!Number.isFinite(w) || w < 0) return fail('invalid-weight', `seasonality weight ${i} must be a finite number ≥ 0`, { id: months[i], weight: String(w) });
  }
  const products = input.products ?? [];
  const share = input.minNewShare ?? 0;
  for (const p of products) {
    if (!Number.isFinite(p.weight) || p.weight < 0) return fail('invalid-weight', `the weight of product "${p.id}" must be a finite number ≥ 0`, { id: p.id, weight: String(p.weight) });
  }
  if (new Set(products.map((p) => p.id)).size !== products.length) return fail('duplicate-part', 'a product line appears twice', { id: '' });
  if (!Number.isFinite(share) || share < 0 || share > 1) return fail('invalid-share', `the minimum new-product share must be between 0 and 1`, { share: String(share) });
  if (share > 0 && !products.some((p) => p.new)) return fail('no-new-products', 'a minimum new-product share needs at least one new product line', { share });

  const fixedMonths = new Set(input.fixed?.months ?? []);
  const tree = treeOf(nodes);
  if (!tree.ok) return tree;
  const { order, children } = tree.value;
  const roots = nodes.filter((n) => n.parentId === null);
  if (roots.length !== 1) return fail('invalid-tree', `expected exactly one root, found ${roots.length}`, { id: '' });
  const n = order.length;
  const indexOf = new Map<string, number>();
  order.forEach((id, i) => indexOf.set(id, i));
  const byId = new Map(nodes.map((x) => [x.id, x]));
  // Typed per-row facts, so the hot loops below make no Map lookups.
  const isLeaf = new Uint8Array(n);
  const parentIdx = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const kids = children.get(order[i])!;
    if (kids.length === 0) isLeaf[i] = 1;
    for (const k of kids) parentIdx[indexOf.get(k)!] = i;
  }
  const schedule = input.ramp === false ? [] : (input.ramp ?? DEFAULT_RAMP);

  // ---- year: down the tree --------------------------------------------------------------
  const method = input.method ?? 'equal';
  const sources = new Set<WeightSource>(typeof method === 'string' ? [method] : (Object.keys(method.blend) as WeightSource[]));
  /** A node's own value if it has one, else the sum of its children's (rolled up). */
  const rolled = (own: (id: string) => number | undefined): Record<string, number> => {
    const below = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = n - 1; i >= 0; i--) {
      v[i] = own(order[i]) ?? below[i];
      if (parentIdx[i] >= 0) below[parentIdx[i]] += v[i];
    }
    return Object.fromEntries(order.map((id, i) => [id, v[i]]));
  };
  const context: { history?: Record<string, number>; potential?: Record<string, number>; capacity?: Record<string, number>; custom?: Readonly<Record<string, number>> } = { custom: input.custom };
  if (sources.has('history')) context.history = rolled((id) => (input.history && Object.hasOwn(input.history, id) ? input.history[id] : undefined));
  if (sources.has('potential')) context.potential = rolled((id) => byId.get(id)!.potential);
  if (sources.has('capacity')) {
    const asOf = input.asOf ?? `${months[0]}-01`;
    const leafCapacity = new Map<string, number>();
    const byDates = new Map<string, number>(); // reps with the same hire/leave dates have the same capacity
    for (let i = 0; i < n; i++) {
      if (!isLeaf[i]) continue;
      const rep = byId.get(order[i])!;
      const key = `${rep.hireDate ?? ''}|${rep.leaveDate ?? ''}`;
      let cap = byDates.get(key);
      if (cap === undefined) {
        const r = repCapacity([rep], asOf, schedule);
        if (!r.ok) return r;
        cap = r.value;
        byDates.set(key, cap);
      }
      leafCapacity.set(order[i], cap);
    }
    context.capacity = rolled((id) => leafCapacity.get(id));
  }

  // Settled months: what each node already holds there (the sum of its leaves), split off first.
  const settled = new Float64Array(n);
  if (input.fixed && fixedMonths.size > 0) {
    for (let i = n - 1; i >= 0; i--) {
      if (isLeaf[i]) for (const m of fixedMonths) settled[i] += input.fixed.value(order[i], months[m], null);
      if (parentIdx[i] >= 0) settled[parentIdx[i]] += settled[i];
    }
    if (settled[0] > total) return fail('below-closed', `the closed months already hold ${settled[0]}`, { node: order[0], period: fiscalYear, closed: settled[0], requested: total });
  }
  const annual = new Float64Array(n);
  annual[0] = total - settled[0];
  const fallbacks: DecomposedPlan['fallbacks'] = [];
  const locked: Record<string, number> = {};
  for (const [k, v] of Object.entries(input.locked ?? {})) {
    const i = indexOf.get(k);
    const s = i === undefined ? 0 : settled[i];
    if (v < s) return fail('below-closed', `${k}: the closed months already hold ${s}`, { node: k, period: fiscalYear, closed: s, requested: v });
    locked[k] = v - s;
  }
  for (let i = 0; i < n; i++) {
    const id = order[i];
    const kids = children.get(id)!;
    if (kids.length === 0) continue;
    const cw = childWeights(method, { children: kids, ...context });
    if (!cw.ok) return cw;
    if (cw.value.fallback) fallbacks.push({ nodeId: id, sources: cw.value.fallbackSources });
    const r = allocate(
      annual[i],
      kids.map((k) => (Object.hasOwn(locked, k) ? { id: k, weight: 0, locked: true, value: locked[k] } : { id: k, weight: cw.value.weights[k] })),
    );
    if (!r.ok) return fail(r.error.code, `${id}: ${r.error.message}`, { ...r.error.params, node: id }, r.error.path);
    for (const k of kids) annual[indexOf.get(k)!] = r.value.values[k];
  }

  // ---- months × products at the leaves ----------------------------------------------------
  const P = products.length;
  const slots = P + 1;
  const stride = slots * PERIODS;
  const grid = new Float64Array(n * stride);
  const seasonW = kernelWeights(season);
  const seasonalityFallback = season.every((w) => w === 0);
  const seasonSum = sumOf(seasonW);
  const seasonOrder = tieOrder(seasonW, months);
  // Raw weights for the ramp products, so 1 × 0.3 stays the exact decimal 0.3.
  const profile = seasonalityFallback ? season.map(() => 1) : season;

  const productW = kernelWeights(products.map((p) => p.weight));
  const productSum = sumOf(productW);
  const productOrder = tieOrder(productW, products.map((p) => p.id));
  const group = (isNew: boolean) => {
    const idx = products.map((p, j) => (p.new === isNew ? j : -1)).filter((j) => j >= 0);
    const w = kernelWeights(idx.map((j) => products[j].weight));
    return { idx: Int32Array.from(idx), w, W: sumOf(w), order: tieOrder(w, idx.map((j) => products[j].id)) };
  };
  const fresh = group(true), mature = group(false);
  const [sp, sq] = integerWeights([share, 1]).map(Number);
  const shareSmall = sq <= 94906265;
  const minimum = (amount: number) => {
    if (share === 0) return 0;
    if (!shareSmall) return minimumOf(amount, share);
    const a = Math.floor(amount / sq);
    return a * sp + Math.ceil(((amount - a * sq) * sp) / sq);
  };

  const rem = new Float64Array(Math.max(12, P));
  const tmp = new Float64Array(Math.max(P, 1));
  const rampIgnored: string[] = [];
  const rampCache = new Map<string, 'none' | 'ignored' | { w: Float64Array; W: number; ord: Int32Array }>();
  /**
   * Splits with the allocation-free kernel when it is exact (nearly always), else with
   * `allocate`'s BigInt path. Returns a failure, or null when done, so the hot path allocates nothing.
   */
  const split = (amount: number, w: Float64Array, W: number, ord: Int32Array, out: Float64Array, off: number, step: number, ids: readonly string[]) => {
    if (numberSplitIsExact(amount, W)) {
      splitInto(amount, w, W, ord, out, off, step, rem);
      return null;
    }
    const r = allocate(amount, Array.from(w, (x, j) => ({ id: ids[j], weight: x })));
    if (!r.ok) return r;
    ids.forEach((id, j) => (out[off + j * step] = r.value.values[id]));
    return null;
  };
  const productIds = products.map((p) => p.id);
  const freshIds = Array.from(fresh.idx, (j) => productIds[j]);
  const matureIds = Array.from(mature.idx, (j) => productIds[j]);
  const nFresh = fresh.idx.length, nMature = mature.idx.length;
  let freshW = 0;
  for (let k = 0; k < nFresh; k++) freshW += productW[fresh.idx[k]];
  const newFrac = P > 0 ? freshW / productSum : 0;

  for (let i = 0; i < n; i++) {
    if (!isLeaf[i]) continue;
    const id = order[i];
    const base = i * stride;
    let w = seasonW, W = seasonSum, ord = seasonOrder;
    const node = byId.get(id)!;
    const own = input.ramp !== false && node.ramp && node.ramp.length > 0 ? node.ramp : null;
    if ((schedule.length > 0 || own) && (node.hireDate !== undefined || node.leaveDate !== undefined)) {
      // Reps hired (or leaving) on the same dates share a ramp and its month weights: compute each once.
      const key = `${node.hireDate ?? ''}|${node.leaveDate ?? ''}${own ? `|${JSON.stringify(own)}` : ''}`;
      let ramped = rampCache.get(key);
      if (!ramped) {
        const ramp = rampSchedule(node.hireDate, months, { schedule: own ?? schedule, leaveDate: node.leaveDate, prorate: input.prorate === true });
        if (!ramp.ok) return ramp;
        if (!ramp.value.some((f) => f !== 1)) ramped = 'none';
        else if (!ramp.value.some((f, m) => f > 0 && profile[m] > 0)) ramped = 'ignored';
        else {
          const rw = kernelWeights(profile.map((x, m) => x * ramp.value[m]));
          ramped = { w: rw, W: sumOf(rw), ord: tieOrder(rw, months) };
        }
        rampCache.set(key, ramped);
      }
      if (ramped === 'ignored') rampIgnored.push(id);
      else if (ramped !== 'none') ({ w, W, ord } = ramped);
    }
    const r = split(annual[i], w, W, ord, grid, base + MONTH0, 1, months);
    if (r) return r;

    for (let m = 0; m < 12 && P > 0; m++) {
      const amount = grid[base + MONTH0 + m];
      const off = base + PERIODS + MONTH0 + m;
      const min = minimum(amount);
      // New lines' quotas sum to amount·newFrac and rounding adds under one unit each: when even
      // that (plus a unit of slack for float error) is below the minimum, the weights cannot meet
      // it and the plain split is skipped.
      if (share === 0 || amount * newFrac + nFresh + 1 >= min) {
        const r1 = split(amount, productW, productSum, productOrder, grid, off, PERIODS, productIds);
        if (r1) return r1;
        if (share === 0) continue;
        let newSum = 0;
        for (let k = 0; k < nFresh; k++) newSum += grid[off + fresh.idx[k] * PERIODS];
        if (newSum >= min) continue;
      }
      // The weights fall short of the minimum new-product share: new lines get exactly the minimum.
      const r2 = split(min, fresh.w, fresh.W, fresh.order, tmp, 0, 1, freshIds);
      if (r2) return r2;
      for (let k = 0; k < nFresh; k++) grid[off + fresh.idx[k] * PERIODS] = tmp[k];
      if (nMature > 0) {
        const r3 = split(amount - min, mature.w, mature.W, mature.order, tmp, 0, 1, matureIds);
        if (r3) return r3;
        for (let k = 0; k < nMature; k++) grid[off + mature.idx[k] * PERIODS] = tmp[k];
      }
    }
    if (input.fixed) {
      for (const m of fixedMonths) {
        grid[base + MONTH0 + m] = input.fixed.value(id, months[m], null);
        for (let s = 1; s < slots; s++) grid[base + s * PERIODS + MONTH0 + m] = input.fixed.value(id, months[m], productIds[s - 1]);
      }
    }
    // Quarters and the year, for the total and for each product.
    for (let s = 0; s < slots; s++) {
      const o = base + s * PERIODS;
      let year = 0;
      for (let q = 0; q < 4; q++) {
        const v = grid[o + MONTH0 + 3 * q] + grid[o + MONTH0 + 3 * q + 1] + grid[o + MONTH0 + 3 * q + 2];
        grid[o + 1 + q] = v;
        year += v;
      }
      grid[o] = year;
    }
  }

  // ---- sums up the tree (children come after their parent in `order`) ---------------------
  for (let i = n - 1; i > 0; i--) {
    const from = i * stride, to = parentIdx[i] * stride;
    for (let j = 0; j < stride; j++) grid[to + j] += grid[from + j];
  }

  // ---- cells ---------------------------------------------------------------------------
  const periods = [fiscalYear, `${fiscalYear}-Q1`, `${fiscalYear}-Q2`, `${fiscalYear}-Q3`, `${fiscalYear}-Q4`, ...months];
  // Grown with push: `new Array(hugeLength)` would start in slow dictionary mode.
  const cells: TargetCell[] = [];
  for (let i = 0; i < n && input.cells !== false; i++) {
    const nodeId = order[i];
    const base = i * stride;
    for (let k = 0; k < PERIODS; k++) {
      if (!fixedMonths.has(k - MONTH0)) cells.push({ nodeId, period: periods[k], metric, value: grid[base + k], source: 'top-down' });
    }
    for (let s = 1; s < slots; s++) {
      const product = productIds[s - 1];
      for (let k = 0; k < PERIODS; k++) {
        if (fixedMonths.has(k - MONTH0)) continue;
        cells.push({ nodeId, period: periods[k], metric, product, value: grid[base + s * PERIODS + k], source: 'top-down' });
      }
    }
  }
  return ok({ rows: order, rowIndex: indexOf, products: productIds, grid, cells, periods, fallbacks, seasonalityFallback, rampIgnored });
}
