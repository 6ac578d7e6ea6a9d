/**
 * The pure model behind `qk-goal-tree`: which rows are visible (org index + expanded set), which
 * columns a granularity has, what each cell shows (value, lock, change since load, the
 * unallocated remainder under a parent, actual, attainment, ramp), and what an edit or a
 * "distribute" writes. No DOM: the element only renders what these functions return.
 *
 * Built for 10,000 reps: rows are a flat array rebuilt only when the org or the expanded set
 * changes; cell values are read lazily through a memoized reader that lives for one store
 * revision, so an edit re-reads only the ~30 rows on screen, never the whole plan.
 */
import { allocate } from '../../engine/plan/allocate.js';
import { applyTargetEdit, decomposePlan, type DecomposedPlan, type EditMode } from '../../engine/plan/edit.js';
import type { ActualsSnapshot, FiscalCalendar, MetricId, OrgNode, ProductLine, TargetCell } from '../../engine/plan/model.js';
import { parseMoney, type MoneyLocale } from '../../engine/money/money.js';
import { fiscalYearMonths, isPeriodClosed, periodRange } from '../../engine/calendar/periods.js';
import { parsePeriod } from '../../engine/calendar/period.js';
import { personYears, rampOf, rampSchedule, type RampStep } from '../../engine/plan/ramp.js';
import type { PlanState } from '../../engine/plan/plan-state.js';
import { fail, ok, type Result } from '../../engine/shared/result.js';
import { runSteps, STEP_CHUNK, type Steps } from '../../engine/shared/steps.js';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import { actualSums, PositionMap, stageSums } from '../../engine/plan/subtree-sums.js';
import { seasonalityFromHistory } from '../../engine/plan/seasonality.js';
import { blendViews, compareViews, computeViews, type ViewComparison, type ViewName } from '../../engine/plan/views.js';
import { childWeights, type RepInfo, type WeightMethod } from '../../engine/plan/weights.js';
import { rampedInputs } from '../../engine/plan/new-hires.js';

// ---- rows ----------------------------------------------------------------------------------

/** One rendered line of the tree: an org node, or the placeholder under a node whose children are loading. */
export interface GridRow {
  kind: 'node' | 'loading';
  /** The node id (for a loading row: the id of the node being loaded). */
  id: string;
  /** 1 for a root, 2 for its children, … (`aria-level`). */
  level: number;
  /** Has children, loaded or not (`aria-expanded` is set only then). */
  expandable: boolean;
  expanded: boolean;
  /** 1-based position among its siblings and their count (`aria-posinset` / `aria-setsize`). */
  posInSet: number;
  setSize: number;
}

export interface GridRowsOptions {
  /** Nodes above this depth start expanded (1: the root shows its children). Default 1. */
  expandDepth?: number;
  /** Nodes the user expanded (`true`) or collapsed (`false`), overriding `expandDepth`. */
  toggled?: ReadonlyMap<string, boolean>;
  /** Nodes whose children are being loaded: a loading row follows them. */
  loading?: ReadonlySet<string>;
  /** Lazily loaded nodes that turned out to have no children. */
  loadedEmpty?: ReadonlySet<string>;
}

export interface GridRows {
  rows: GridRow[];
  /** Index of each node's row in `rows`. */
  rowOf: Map<string, number>;
  /** Expanded nodes with `hasChildren` but no loaded children and no load running: load them. */
  needsLoad: string[];
}

/**
 * The visible rows in tree order: a node's children follow it when it is expanded. Linear in the
 * number of visible rows (10,531 rows for a 10,000-rep org all expanded, a few milliseconds).
 *
 * @example
 * // co → east → (sh, hz); co → south. expandDepth 1: co is open, east and south are closed.
 * gridRows(buildOrgIndex(org)).rows.map((r) => `${r.id}@${r.level}`) // ['co@1', 'east@2', 'south@2']
 */
export function gridRows(index: OrgIndex, options: GridRowsOptions = {}): GridRows {
  const { expandDepth = 1, toggled, loading, loadedEmpty } = options;
  const rows: GridRow[] = [];
  const rowOf = new Map<string, number>();
  const needsLoad: string[] = [];
  const stack: { id: string; level: number; pos: number; size: number }[] = [];
  const roots = index.roots;
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ id: roots[i], level: 1, pos: i + 1, size: roots.length });
  while (stack.length) {
    const { id, level, pos, size } = stack.pop()!;
    const kids = index.children(id);
    const lazy = kids.length === 0 && index.byId.get(id)?.hasChildren === true && !loadedEmpty?.has(id);
    const expandable = kids.length > 0 || lazy;
    const expanded = expandable && (toggled?.get(id) ?? level - 1 < expandDepth);
    rowOf.set(id, rows.length);
    rows.push({ kind: 'node', id, level, expandable, expanded, posInSet: pos, setSize: size });
    if (!expanded) continue;
    if (lazy) {
      if (loading?.has(id)) rows.push({ kind: 'loading', id, level: level + 1, expandable: false, expanded: false, posInSet: 1, setSize: 1 });
      else needsLoad.push(id);
      continue;
    }
    for (let k = kids.length - 1; k >= 0; k--) stack.push({ id: kids[k], level: level + 1, pos: k + 1, size: kids.length });
  }
  return { rows, rowOf, needsLoad };
}

// ---- columns -------------------------------------------------------------------------------

export type GridGranularity = 'year' | 'quarter' | 'month';
/** Optional columns after the total, all for the whole fiscal year. */
export type ViewColumn = 'actual' | 'attainment' | 'top-down' | 'bottom-up' | 'market' | 'blended';
export const VIEW_COLUMNS: readonly ViewColumn[] = ['actual', 'attainment', 'top-down', 'bottom-up', 'market', 'blended'];

export interface GridColumn {
  /** `period`: an editable period; `total`: the fiscal year (editable too); the rest are read-only. */
  kind: 'period' | 'total' | ViewColumn;
  /** The period the column shows. */
  period: string;
}

/**
 * The value columns for a granularity: the periods of the fiscal year, then the year as the
 * total, then the optional view columns in the order given. `year` has the total alone.
 *
 * @example gridColumns(2026, 'quarter', { startMonth: 1 }).map((c) => c.period)
 * // ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', 'FY2026']
 */
export function gridColumns(fiscalYear: number, granularity: GridGranularity, calendar: FiscalCalendar, views: readonly ViewColumn[] = []): GridColumn[] {
  const fy = `FY${fiscalYear}`;
  const periods = granularity === 'month' ? fiscalYearMonths(fiscalYear, calendar) : granularity === 'quarter' ? [1, 2, 3, 4].map((q) => `${fy}-Q${q}`) : [];
  return [
    ...periods.map((period) => ({ kind: 'period' as const, period })),
    { kind: 'total', period: fy },
    ...views.filter((v) => VIEW_COLUMNS.includes(v)).map((kind) => ({ kind, period: fy })),
  ];
}

/** Reads the `views` attribute ("actual attainment top-down"): known names in the order given, once each. */
export function parseViewColumns(text: string | null | undefined): ViewColumn[] {
  const out: ViewColumn[] = [];
  for (const w of (text ?? '').split(/[\s,]+/)) if (VIEW_COLUMNS.includes(w as ViewColumn) && !out.includes(w as ViewColumn)) out.push(w as ViewColumn);
  return out;
}

// ---- reading cells -------------------------------------------------------------------------

/** Where cells come from: `QkStore` fits. */
export interface CellSource {
  getCell(nodeId: string, period: string, metric: MetricId, product?: string | null): TargetCell | undefined;
}

export interface GridReaderOptions {
  /**
   * The store's read model (`store.state`): the reader takes the org index, the calendar and the
   * cells from it, reading cells in place (no copied array). Or give `index`, `source` and
   * `calendar` instead (tests, a host's own cell source).
   */
  state?: PlanState;
  index?: OrgIndex;
  source?: CellSource;
  calendar?: FiscalCalendar;
  metric: MetricId;
  /** One product line, or null for the product-free total cells. */
  product?: string | null;
  /**
   * Whether a cell is edited and not saved yet (the store's pending edits, `QkStore.isPending`):
   * those cells are marked "changed". An O(1) lookup, so marking stays cheap on 700,000 cells.
   */
  isPending?: (cell: { nodeId: string; period: string; metric: MetricId; product: string | null }) => boolean;
}

/** Lazily computed, memoized answers about cells for one state of the store. */
export interface GridReader {
  readonly index: OrgIndex;
  readonly metric: MetricId;
  readonly product: string | null;
  readonly calendar: FiscalCalendar;
  /** The node's own cell for the period, if one is set. */
  cell(nodeId: string, period: string): TargetCell | undefined;
  /** The node's own cell for the period and another product line (null: the product-free total). */
  cellFor(nodeId: string, period: string, product: string | null): TargetCell | undefined;
  /**
   * What the cell shows: its own value; else the sum of its own sub-period cells (a quarter's
   * months); else the sum of its children's values; undefined when nothing at or below it has a
   * target (no target is not a target of 0).
   */
  value(nodeId: string, period: string): number | undefined;
  /**
   * The pass `value` makes over every node on the first read of a period, as steps (a few
   * thousand nodes each): an element reading a company of 100,000 runs it in slices first. The
   * values are the same; `ready(period)` tells whether the pass is done.
   */
  valueSteps(period: string): Steps<void>;
  ready(period: string): boolean;
  /**
   * The parent's own value minus the sum of its children's values: what is not allocated yet
   * (negative when the children exceed it). Null for a leaf, for a node without its own value,
   * and for a node whose children are not loaded.
   */
  remainder(nodeId: string, period: string): number | null;
  locked(nodeId: string, period: string): boolean;
  /** The cell was edited and is not saved yet. */
  changed(nodeId: string, period: string): boolean;
  /** The periods one level down that targets use: year → quarters, quarter → months. */
  subPeriods(period: string): readonly string[];
  /** The enclosing periods, nearest first: month → [quarter, year], quarter → [year]. */
  superPeriods(period: string): readonly string[];
}

/** Nodes of `GridReader.valueSteps` between two yields. */
const PASS_CHUNK = STEP_CHUNK * 16;

/**
 * A reader of cell values for one metric and product, memoized: create one per `PlanState`
 * (the state is immutable, so its answers never go stale).
 *
 * @example
 * // co FY2026 = 1,000 with children east 600 and south (no target): remainder 400 unallocated.
 * const r = gridReader({ state: store.state, metric: 'revenue' });
 * r.value('co', 'FY2026') // 1000
 * r.remainder('co', 'FY2026') // 400
 */
export function gridReader(options: GridReaderOptions): GridReader {
  const { state, metric } = options;
  const index = state?.index ?? options.index;
  const calendar = state?.plan.calendar ?? options.calendar;
  const cells = state?.cells;
  const source: CellSource | undefined = cells
    ? { getCell: (nodeId, period, m, product) => cells.get({ nodeId, period, metric: m, product }) }
    : options.source;
  if (!index || !calendar || !source) throw new TypeError('gridReader needs a PlanState, or an index, a cell source and a calendar');
  const product = options.product ?? null;
  const values = new Map<string, Map<string, number | null>>();
  const owns = new Map<string, Map<string, number | null>>();
  const subs = new Map<string, string[]>();
  const supers = new Map<string, string[]>();

  const cell = (nodeId: string, period: string) => source.getCell(nodeId, period, metric, product);
  const subPeriods = (period: string): string[] => {
    let s = subs.get(period);
    if (!s) {
      // The grid's hierarchy: year → quarters → months (a month's weeks are not grid periods).
      const p = parsePeriod(period, calendar);
      s = p.ok && (p.value.granularity === 'year' || p.value.granularity === 'quarter') ? [...p.value.children] : [];
      subs.set(period, s);
    }
    return s;
  };
  const superPeriods = (period: string): string[] => {
    let s = supers.get(period);
    if (!s) {
      const p = parsePeriod(period, calendar);
      s = p.ok && (p.value.granularity === 'month' || p.value.granularity === 'quarter') ? [...p.value.ancestors] : [];
      supers.set(period, s);
    }
    return s;
  };
  // With a read-model state, each node's own cells for this metric and product are gathered once
  // (by position in the org index), so a roll-up over 100,000 people does no key building per cell.
  const N = index.order.length;
  const ownCells: (Map<string, TargetCell> | null | undefined)[] | null = cells ? new Array(N) : null;
  const cellAt = (nodeId: string, pos: number, period: string): TargetCell | undefined => {
    if (!ownCells || !cells || pos < 0) return cell(nodeId, period);
    let m = ownCells[pos];
    if (m === undefined) {
      m = null;
      for (const c of cells.ofNode(nodeId)) if (c.metric === metric && (c.product ?? null) === product) (m ??= new Map()).set(c.period, c);
      ownCells[pos] = m;
    }
    return m?.get(period);
  };
  // A node's own value: its cell, else the sum of its own sub-period values.
  const ownAt = (nodeId: string, pos: number, period: string): number | undefined => {
    let v: number | undefined = cellAt(nodeId, pos, period)?.value;
    if (v === undefined) {
      for (const s of subPeriods(period)) {
        const x = ownAt(nodeId, pos, s);
        if (x !== undefined) v = (v ?? 0) + x;
      }
    }
    return v;
  };
  const own = (nodeId: string, period: string): number | undefined => {
    let memo = owns.get(period);
    if (!memo) {
      memo = new Map();
      owns.set(period, memo);
    }
    const done = memo.get(nodeId);
    if (done !== undefined) return done ?? undefined;
    const v = ownAt(nodeId, index.positionOf(nodeId), period);
    memo.set(nodeId, v ?? null);
    return v;
  };
  /**
   * Every indexed node's value for one period, in one pass over the org index from the last
   * position to the first (children come after their parent in pre-order, so each node's children
   * are summed before it is reached): its own value, else the sum of its children's values.
   * Iterative and array-based: any depth, 100,000 nodes without a map entry per node.
   */
  const passes = new Map<string, { v: Float64Array; has: Uint8Array }>();
  // The pass as steps: a yield every PASS_CHUNK nodes (a slice of a company), the same arrays.
  const passSteps = function* (period: string): Steps<{ v: Float64Array; has: Uint8Array }> {
    const known = passes.get(period);
    if (known) return known;
    const v = new Float64Array(N);
    const has = new Uint8Array(N);
    const sum = new Float64Array(N);
    const sumHas = new Uint8Array(N);
    const { order, parentPos } = index;
    for (let q = N - 1; q >= 0; q--) {
      const mine = ownAt(order[q]!, q, period);
      if (mine !== undefined) {
        v[q] = mine;
        has[q] = 1;
      } else if (sumHas[q]) {
        v[q] = sum[q]!;
        has[q] = 1;
      }
      const up = parentPos[q]!;
      if (has[q] && up >= 0) {
        sum[up] += v[q]!;
        sumHas[up] = 1;
      }
      if ((N - q) % PASS_CHUNK === 0) yield { done: N - q, total: N };
    }
    // A read meanwhile may have made the pass in one piece: the first one is kept.
    let r = passes.get(period);
    if (!r) passes.set(period, (r = { v, has }));
    return r;
  };
  const resolved = (period: string) => passes.get(period) ?? runSteps(passSteps(period));
  /**
   * A node's value: its own, else the sum of its children's. Indexed nodes are read from the
   * period's pass; others (an index given without them) by an explicit post-order stack, so an
   * org of any depth is read without growing the call stack. Memoized per period.
   */
  const value = (nodeId: string, period: string): number | undefined => {
    const pos = index.positionOf(nodeId);
    if (pos >= 0) {
      const r = resolved(period);
      return r.has[pos] ? r.v[pos] : undefined;
    }
    let memo = values.get(period);
    if (!memo) {
      memo = new Map();
      values.set(period, memo);
    }
    const done = memo.get(nodeId);
    if (done !== undefined) return done ?? undefined;
    const stack = [nodeId];
    // false: the children are pushed; when the node comes back to the top, they are all known.
    const expanded = new Set<string>();
    while (stack.length) {
      const x = stack[stack.length - 1];
      if (memo.has(x)) {
        stack.pop();
        continue;
      }
      if (!expanded.has(x)) {
        const mine = own(x, period);
        if (mine !== undefined) {
          memo.set(x, mine);
          stack.pop();
          continue;
        }
        expanded.add(x);
        const kids = index.children(x);
        for (let i = kids.length - 1; i >= 0; i--) if (!memo.has(kids[i])) stack.push(kids[i]);
        continue;
      }
      let sum: number | undefined;
      for (const c of index.children(x)) {
        const v = memo.get(c);
        if (v !== null && v !== undefined) sum = (sum ?? 0) + v;
      }
      memo.set(x, sum ?? null);
      stack.pop();
    }
    return memo.get(nodeId) ?? undefined;
  };
  const childSum = (nodeId: string, period: string): number | undefined => {
    let sum: number | undefined;
    for (const c of index.children(nodeId)) {
      const x = value(c, period);
      if (x !== undefined) sum = (sum ?? 0) + x;
    }
    return sum;
  };
  return {
    index,
    metric,
    product,
    calendar,
    cell,
    cellFor: (nodeId, period, p) => source.getCell(nodeId, period, metric, p),
    value,
    *valueSteps(period) {
      yield* passSteps(period);
    },
    ready: (period) => passes.has(period),
    remainder(nodeId, period) {
      if (index.children(nodeId).length === 0) return null;
      const mine = own(nodeId, period);
      if (mine === undefined) return null;
      return mine - (childSum(nodeId, period) ?? 0);
    },
    locked: (nodeId, period) => cell(nodeId, period)?.locked === true,
    changed: (nodeId, period) => options.isPending?.({ nodeId, period, metric, product }) ?? false,
    subPeriods,
    superPeriods,
  };
}

// ---- badges and read-only columns ----------------------------------------------------------

/**
 * The ramp factor of a new hire in the month of `asOf` (0.3 in the first three months counting the
 * hire month, 0.6 in the next three with the default schedule; the rep's own `ramp` wins), or null
 * for a node that is not ramping (no hire date, or fully ramped). The same step the decomposition
 * gives that month's target, so the badge and the target agree.
 *
 * @example rampBadge({ …, hireDate: '2026-09-05' }, '2026-11-27') // 0.3 (Sep, Oct, Nov)
 */
export function rampBadge(node: OrgNode | undefined, asOf: string, schedule?: readonly RampStep[]): number | null {
  if (!node?.hireDate || node.kind !== 'rep' || node.hireDate > asOf) return null;
  const f = rampSchedule(node.hireDate, [asOf.slice(0, 7)], { schedule: rampOf(node, schedule) });
  return f.ok && f.value[0] < 1 ? f.value[0] : null;
}

/** Funnel stages whose counts are the actuals of count metrics. */
const STAGE_OF: Partial<Record<MetricId, string>> = { leads: 'lead', visits: 'demo', demos: 'demo', quotes: 'quote', won: 'won' };

/**
 * Actuals per node for a period (to date: the data ends at the as-of day): bookings for revenue,
 * collections for collections, funnel stage counts for leads / visits (demo stage) / demos /
 * quotes / won. Null for metrics without an actual (ratios).
 *
 * @example
 * // rep r1 booked ¥120,000 and ¥45,000 in FY2026, r3 ¥80,000; both under east:
 * gridActuals(actuals, index, { metric: 'revenue', period: 'FY2026', calendar })?.get('east') // 24_500_000 (分)
 */
export function gridActuals(
  actuals: ActualsSnapshot | null | undefined,
  index: OrgIndex,
  query: { metric: MetricId; period: string; calendar: FiscalCalendar; product?: string | null },
): ReadonlyMap<string, number> | null {
  if (!actuals) return null;
  const { start, end } = periodRange(query.period, query.calendar);
  if (!start) return null;
  // The read model's subtree sums (shared with the other elements), read by id without a map entry per node.
  if (query.metric === 'revenue' || query.metric === 'collections') {
    return new PositionMap(index, actualSums(index, actuals.actuals, {
      from: start,
      to: end,
      type: query.metric === 'revenue' ? 'booking' : 'collection',
      ...(query.product ? { product: query.product } : {}),
    }));
  }
  const stage = STAGE_OF[query.metric];
  if (!stage || query.product) return null;
  const counts = stageSums(index, actuals.stageCounts, { from: start, to: end }).get(stage);
  return new PositionMap(index, counts ?? new Float64Array(index.order.length));
}

/**
 * Attainment (完成率) = actual / target; null when there is no target or it is 0.
 * @example attainment(8_500_000, 10_000_000) // 0.85
 */
export function attainment(actual: number | undefined, target: number | undefined): number | null {
  if (actual === undefined || target === undefined || target <= 0) return null;
  return actual / target;
}

export interface GridViewsInput {
  fiscalYear: number;
  calendar: FiscalCalendar;
  actuals?: ActualsSnapshot | null;
  /** Growth over last year for the bottom-up view (0.15 = +15%). */
  growth?: number;
  /** Market size (minor units) and target share per node. */
  market?: Readonly<Record<string, { size: number; share: number }>>;
  /** Weights of the blended view. */
  blend?: Partial<Record<ViewName, number>>;
  /** Reps' own bottom-up commitments for the fiscal year: a leaf with one uses it as its bottom-up view instead of last year × growth. */
  commitments?: Readonly<Record<string, number>>;
}

export type GridViews = Record<string, ViewComparison & { blended?: number }>;

/**
 * The top-down (the plan as it stands), bottom-up (last fiscal year's bookings × (1 + growth),
 * rolled up) and market views of every node for the fiscal year, their differences, and the
 * blend reconciled so children sum to their parent (see `computeViews`, `blendViews`).
 *
 * @example
 * // r1 booked 1,000,000 last year, growth 10% → bottom-up 1,100,000; top-down 900,000:
 * gridViews(reader, { fiscalYear: 2026, calendar, actuals, growth: 0.1 }).value.r1.bottomUpVsTopDown // { abs: 200000, pct: 0.222… }
 */
export function gridViews(reader: GridReader, input: GridViewsInput): Result<GridViews> {
  const { index } = reader;
  const fy = `FY${input.fiscalYear}`;
  const nodes = index.order.map((id) => ({ id, parentId: index.parent(id) }));
  const topDown: Record<string, number> = {};
  for (const id of index.order) {
    const v = reader.value(id, fy);
    if (v !== undefined) topDown[id] = v;
  }
  const last = gridActuals(input.actuals, index, { metric: reader.metric, period: `FY${input.fiscalYear - 1}`, calendar: input.calendar, product: reader.product });
  const lastYear: Record<string, number> = {};
  if (last) for (const id of index.order) if (index.children(id).length === 0) lastYear[id] = Math.max(0, last.get(id) ?? 0);
  // A rep's commitment is their bottom-up figure as it stands (growth 0 on it).
  const growthByNode: Record<string, number> = {};
  for (const [id, v] of Object.entries(input.commitments ?? {})) {
    if (index.byId.has(id) && index.children(id).length === 0) {
      lastYear[id] = v;
      growthByNode[id] = 0;
    }
  }
  const views = computeViews({ nodes, topDown, lastYear, growth: input.growth ?? 0, growthByNode, market: input.market });
  if (!views.ok) return views;
  const compared: GridViews = compareViews(views.value);
  const blend = blendViews(nodes, views.value, input.blend ?? { topDown: 0.5, bottomUp: 0.3, market: 0.2 });
  if (blend.ok) for (const id of index.order) compared[id].blended = blend.value.values[id];
  return ok(compared);
}

// ---- input ---------------------------------------------------------------------------------

/**
 * Reads what the user typed into a cell: money in the locale's format (`120万`, `1,200,000`,
 * `¥1.2M`) for money metrics, a whole count (`1,200`, `1.2万`) for count metrics. Fails with
 * the `money-*` codes of `parseMoney`, or `count-invalid` / `count-whole` for counts.
 *
 * @example parseCellInput('120万', { metric: 'revenue', currency: 'CNY', locale: 'zh-CN' }) // ok(120_000_000) 分
 * @example parseCellInput('1.2万', { metric: 'leads', currency: 'CNY', locale: 'zh-CN' }) // ok(12_000)
 */
export function parseCellInput(text: string, options: { metric: MetricId; currency: string; locale: MoneyLocale }): Result<number> {
  const unit = metricUnit(options.metric);
  if (unit === 'money') return parseMoney(text, { currency: options.currency, locale: options.locale });
  if (/[¥￥$元]/.test(text)) return fail('count-invalid', `"${text}" is not a count`, { input: text });
  // A zero-decimal currency parses a whole number with grouping and 万/K units.
  const r = parseMoney(text, { currency: 'JPY', locale: options.locale });
  if (r.ok || r.error.code === 'money-empty' || r.error.code === 'money-negative' || r.error.code === 'money-too-large') return r;
  if (r.error.code === 'money-precision') return fail('count-whole', `"${text}" is not a whole number`, { input: text });
  return fail('count-invalid', `"${text}" is not a count`, { input: text });
}

/** `money` or `count`; ratios (win rate…) are derived and read-only. */
export function metricUnit(metric: MetricId): 'money' | 'count' | 'ratio' {
  const m: Record<MetricId, 'money' | 'count' | 'ratio'> = {
    revenue: 'money', collections: 'money', avgDealSize: 'money',
    leads: 'count', visits: 'count', demos: 'count', quotes: 'count', won: 'count',
    winRate: 'ratio', collectionRate: 'ratio',
  };
  return m[metric];
}

// ---- edits ---------------------------------------------------------------------------------

/** One cell an edit changes. */
export interface GridCellChange {
  nodeId: string;
  period: string;
  metric: MetricId;
  product?: string;
  /** The cell's value before (null when it had no cell of its own). */
  oldValue: number | null;
  newValue: number;
}

export interface GridEditPlan {
  /** The cells to write, as one undo step (`store.applyCells`). */
  cells: TargetCell[];
  changes: GridCellChange[];
  /** Nodes whose children could not follow (all locked, or no targets below): a remainder shows there. */
  stopped: string[];
}

/** Each node's change at the edited period, in minor units (or counts). */
type Deltas = Map<string, number>;

/**
 * The months of an edit and which of them are closed. A month is closed when its last day is
 * before `asOf` (`isPeriodClosed`): its targets are history, so an edit leaves them alone and the
 * open months absorb the whole difference. Without `asOf` every month is open.
 */
interface Span {
  period: string;
  asOf: string | undefined;
  /** Every month under the period, in order (none when the period is a month). */
  months: readonly string[];
  /** The months under the period that are still open. */
  open: readonly string[];
  closed: readonly string[];
}

function spanOf(reader: GridReader, period: string, asOf: string | undefined): Span {
  const months = monthsUnder(reader, period);
  const closed = asOf ? months.filter((m) => isPeriodClosed(m, asOf, reader.calendar)) : [];
  return { period, asOf, months, open: months.filter((m) => !closed.includes(m)), closed };
}

/** What a node's closed months hold at the period (0 when nothing is closed or it has no months). */
function closedSum(reader: GridReader, span: Span, x: string): number {
  let sum = 0;
  for (const m of span.closed) sum += reader.value(x, m) ?? 0;
  return sum;
}

/** The part of a node's value an edit may move: its value minus what its closed months hold. */
function openPart(reader: GridReader, span: Span, x: string): number {
  return (reader.value(x, span.period) ?? 0) - closedSum(reader, span, x);
}

/**
 * Turns changes of some nodes at one period into every cell that must change so the plan stays
 * consistent:
 * 1. down the org: each changed node's children share its change in proportion to the open part
 *    of their values (`applyTargetEdit` on the node as parent; locked children keep theirs);
 *    where they cannot (all locked, or they have no targets at that period) the node is listed
 *    in `stopped` and its remainder shows;
 * 2. over the calendar: at the nodes where the org cascade ends, the change of a quarter or year is
 *    spread over its OPEN months in proportion to them (locked and closed months keep theirs;
 *    below what the closed months hold fails with `below-closed`); every other node's months are
 *    the sums of its children's, and where a change only moves amounts between months (siblings
 *    rebalancing), the ancestors' own month cells move with it, so every level still adds up;
 *    enclosing quarters and the year move by the same amount. A locked cell that would change
 *    fails with `period-locked`.
 */
function planDeltas(reader: GridReader, span: Span, seeds: Deltas, cascadeFrom: readonly string[]): Result<GridEditPlan> {
  const { index } = reader;
  const { period, open } = span;
  const deltas: Deltas = new Map(seeds);
  const stopped: string[] = [];

  const stack = [...cascadeFrom];
  while (stack.length) {
    const x = stack.pop()!;
    const d = deltas.get(x);
    const kids = index.children(x);
    if (!d || kids.length === 0) continue;
    const vals = kids.map((k) => (reader.value(k, period) === undefined ? undefined : openPart(reader, span, k)));
    if (vals.every((v) => v === undefined)) {
      stopped.push(x);
      continue;
    }
    const sum = vals.reduce<number>((s, v) => s + (v ?? 0), 0);
    if (sum + d < 0 || vals.some((v) => v !== undefined && v < 0)) {
      stopped.push(x);
      continue;
    }
    const r = applyTargetEdit(
      { parent: { id: x, value: sum }, children: kids.map((k, i) => ({ id: k, value: vals[i] ?? 0, locked: reader.locked(k, period) })) },
      { id: x, value: sum + d },
      { mode: 'rebalance-siblings' },
    );
    if (!r.ok) {
      stopped.push(x);
      continue;
    }
    for (const c of r.value.changes) {
      if (c.id === x) continue;
      deltas.set(c.id, c.to - c.from);
      stack.push(c.id);
    }
  }

  const writes = new Map<string, GridCellChange>();
  const write = (nodeId: string, p: string, before: number | undefined, delta: number): void => {
    if (delta === 0 || before === undefined) return;
    const own = reader.cell(nodeId, p);
    const key = `${nodeId}|${p}`;
    const prior = writes.get(key);
    writes.set(key, {
      nodeId, period: p, metric: reader.metric, ...(reader.product ? { product: reader.product } : {}),
      oldValue: own ? own.value : null, newValue: (prior ? prior.newValue : before) + delta,
    });
  };

  // Month deltas (open months only), deepest nodes first so a parent can sum its children's.
  const monthDeltas = new Map<string, number[] | null>();
  const byDepth = [...deltas.keys()].sort((a, b) => index.depth(b) - index.depth(a));
  for (const x of byDepth) {
    const d = deltas.get(x)!;
    if (span.months.length === 0 || d === 0) {
      monthDeltas.set(x, null);
      continue;
    }
    let md: number[] | null = null;
    // A node whose children changed (its cascade, or the child it absorbed) moves month by month
    // with them, so its months stay the sums of theirs.
    {
      for (const k of index.children(x)) {
        const kd = monthDeltas.get(k);
        if (!kd) continue;
        md ??= open.map(() => 0);
        kd.forEach((v, i) => (md![i] += v));
      }
      if (md && md.reduce((s, v) => s + v, 0) !== d) md = null;
    }
    if (!md && span.months.some((m) => reader.value(x, m) !== undefined)) {
      const cur = open.map((m) => reader.value(x, m));
      const sum = cur.reduce<number>((s, v) => s + (v ?? 0), 0);
      const target = sum + d;
      if (target < 0 || open.length === 0) {
        const closed = closedSum(reader, span, x);
        return fail('below-closed', `${x}: the closed months of ${period} already hold ${closed}`, { node: x, period, closed, requested: (reader.value(x, period) ?? 0) + d });
      }
      const r = applyTargetEdit(
        { parent: { id: '\u0000', value: sum }, children: open.map((m, i) => ({ id: m, value: cur[i] ?? 0, locked: reader.locked(x, m) })) },
        { id: '\u0000', value: target },
        { mode: 'rebalance-siblings' },
      );
      if (!r.ok) return fail('period-locked', `every open month of ${period} is locked for ${x}`, { node: x, period });
      md = open.map((m, i) => r.value.values[m] - (cur[i] ?? 0));
    }
    monthDeltas.set(x, md);
  }

  const parsed = parsePeriod(period, reader.calendar);
  const isYear = parsed.ok && parsed.value.granularity === 'year';
  const writeMonths = (x: string, md: readonly number[], ownedOnly: boolean) => {
    const at = (p: string) => (ownedOnly && !reader.cell(x, p) ? undefined : reader.value(x, p));
    open.forEach((m, i) => write(x, m, at(m), md[i]));
    // Year edits: the quarters in between are the sums of their months.
    if (isYear) {
      for (const q of reader.subPeriods(period)) {
        let qd = 0;
        for (const m of reader.subPeriods(q)) {
          const i = open.indexOf(m);
          if (i >= 0) qd += md[i];
        }
        write(x, q, at(q), qd);
      }
    }
  };
  for (const [x, d] of deltas) {
    write(x, period, reader.value(x, period), d);
    for (const sp of reader.superPeriods(period)) write(x, sp, reader.value(x, sp), d);
    const md = monthDeltas.get(x);
    if (md) writeMonths(x, md, false);
  }

  // Amounts that only moved between months (the net change is 0) move in the ancestors' own
  // month cells too, so a parent's months still equal the sums of its children's.
  const tops = new Map<string, number[]>();
  for (const x of deltas.keys()) {
    const p = index.parent(x);
    const md = monthDeltas.get(x);
    if (p === null || deltas.has(p) || !md) continue;
    const acc = tops.get(p) ?? open.map(() => 0);
    md.forEach((v, i) => (acc[i] += v));
    tops.set(p, acc);
  }
  for (const [p, acc] of tops) {
    if (acc.reduce((s, v) => s + v, 0) !== 0 || acc.every((v) => v === 0)) continue;
    for (let a: string | null = p; a !== null; a = index.parent(a)) writeMonths(a, acc, true);
  }

  for (const w of writes.values()) {
    if (reader.locked(w.nodeId, w.period) && w.oldValue !== w.newValue) {
      return fail('period-locked', `the locked cell ${w.nodeId} ${w.period} would change`, { node: w.nodeId, period: w.period });
    }
    if (w.newValue < 0) return fail('negative-total', `${w.nodeId} ${w.period} would become ${w.newValue}`, { total: w.newValue });
  }
  const changes = [...writes.values()].filter((w) => w.oldValue !== w.newValue);
  // A target revised after its period started keeps what it was (`original`), so the tree can show
  // both; an original that is already there (from an earlier revision or adjustment) stays.
  const asOf = span.asOf;
  const started = (p: string) => asOf !== undefined && periodRange(p, reader.calendar).start <= asOf;
  const cells = changes.map((w): TargetCell => {
    const own = reader.cell(w.nodeId, w.period);
    if (!own) return { nodeId: w.nodeId, period: w.period, metric: w.metric, ...(w.product ? { product: w.product } : {}), value: w.newValue };
    return { ...own, value: w.newValue, ...(own.original === undefined && started(w.period) ? { original: own.value } : {}) };
  });
  return ok({ cells, changes, stopped });
}

/** The months of a quarter or year, in order; none for a month. */
function monthsUnder(reader: GridReader, period: string): string[] {
  const subs = reader.subPeriods(period);
  if (subs.length === 0) return [];
  return reader.subPeriods(subs[0]).length === 0 ? [...subs] : subs.flatMap((q) => reader.subPeriods(q));
}

/**
 * Why a cell cannot be edited at all, or null when it can: `period-closed` for a period that ended
 * before `asOf` (its targets are history), `cell-locked` for a locked cell (a lock holds against
 * direct edits too, until someone entitled unlocks it).
 *
 * @example editRefusal(reader, 'east', 'FY2026', '2026-12-01') // fail('cell-locked', …) when east's FY2026 is locked
 */
export function editRefusal(reader: GridReader, nodeId: string, period: string, asOf: string | undefined): Result<void> | null {
  if (asOf && isPeriodClosed(period, asOf, reader.calendar)) {
    return fail('period-closed', `${period} closed before ${asOf}; its targets are history`, { node: nodeId, period });
  }
  if (reader.locked(nodeId, period)) {
    return fail('cell-locked', `the target of ${nodeId} for ${period} is locked; unlock it to change it`, { node: nodeId, period });
  }
  return null;
}

/**
 * What setting one cell to `value` changes. The org side follows `mode` (see `applyTargetEdit`):
 * `rebalance-siblings` keeps the parent and moves the unlocked siblings; `parent-absorbs` keeps the
 * siblings and moves the parent, and its parent, up to the root or to the first locked ancestor
 * (where the difference then shows as a remainder). The edited node's children follow it, and so do
 * the rebalanced siblings' (in proportion); the calendar follows as in `planDeltas`.
 *
 * Time: with `asOf`, months that closed before it keep their values and the open months absorb
 * the whole difference (by their current weights, largest remainder, so the sum is exact); a
 * value below what the closed months already hold fails with `below-closed`, and a closed period
 * cannot be edited (`period-closed`). A locked cell cannot be edited either (`cell-locked`):
 * unlock it first (`planLockToggle`). Other failures: the codes of `applyTargetEdit`
 * (`siblings-locked`, `insufficient-siblings`, `parent-locked`, …) and `period-locked`.
 *
 * @example
 * // co FY = 1,000 = east 600 + south 400 (no months). Set east to 700, rebalancing: south gives
 * // up 100 → 300; co stays 1,000.
 * planGridEdit(reader, { nodeId: 'east', period: 'FY2026', value: 700 }, { mode: 'rebalance-siblings' })
 * // ok({ changes: [east 600→700, south 400→300], … })
 * @example
 * // r's months are 100 each, FY 1,200; on 2026-12-01 January–November (1,100) are closed.
 * planGridEdit(reader, { nodeId: 'r', period: 'FY2026', value: 1_150 }, { mode: 'rebalance-siblings', asOf: '2026-12-01' })
 * // ok: FY 1,200→1,150, Q4 300→250, December 100→50; January–November unchanged
 */
export function planGridEdit(reader: GridReader, edit: { nodeId: string; period: string; value: number }, options: { mode: EditMode; asOf?: string }): Result<GridEditPlan> {
  const { index } = reader;
  const { nodeId, period, value } = edit;
  if (!Number.isSafeInteger(value) || value < 0) return fail('invalid-value', `the new value must be a whole number ≥ 0`, { id: nodeId, value: String(value) });
  const refused = editRefusal(reader, nodeId, period, options.asOf);
  if (refused) return refused as Result<never>;
  const span = spanOf(reader, period, options.asOf);
  const closed = closedSum(reader, span, nodeId);
  if (value < closed) {
    return fail('below-closed', `the closed months of ${period} already hold ${closed}`, { node: nodeId, period, closed, requested: value });
  }
  const part = (id: string) => openPart(reader, span, id);
  const seeds: Deltas = new Map();
  const parent = index.parent(nodeId);
  const delta = value - (reader.value(nodeId, period) ?? 0);
  if (parent === null) {
    seeds.set(nodeId, delta);
  } else {
    const familyEdit = (p: string, child: string, v: number, mode: EditMode) => {
      const kids = index.children(p);
      return applyTargetEdit(
        {
          parent: { id: p, value: Math.max(0, part(p)), locked: reader.locked(p, period) },
          children: kids.map((k) => ({ id: k, value: Math.max(0, part(k)), locked: k !== child && reader.locked(k, period) })),
        },
        { id: child, value: v },
        { mode },
      );
    };
    const r = familyEdit(parent, nodeId, Math.max(0, part(nodeId)) + delta, options.mode);
    if (!r.ok) {
      // The edit ran on the open parts: give the bounds back as whole values.
      const params = { ...r.error.params };
      for (const k of ['max', 'min', 'requested'] as const) if (typeof params[k] === 'number') params[k] = (params[k] as number) + closed;
      return fail(r.error.code, r.error.message, params, r.error.path);
    }
    for (const c of r.value.changes) seeds.set(c.id, c.to - c.from);
    if (!seeds.has(nodeId)) seeds.set(nodeId, delta);
    if (options.mode === 'parent-absorbs') {
      for (let child = parent, up = index.parent(parent); up !== null && seeds.has(child); child = up, up = index.parent(up)) {
        if (reader.locked(up, period)) break;
        const r2 = familyEdit(up, child, Math.max(0, part(child)) + seeds.get(child)!, 'parent-absorbs');
        if (!r2.ok) break;
        for (const c of r2.value.changes) if (c.id === up) seeds.set(up, c.to - c.from);
      }
    }
  }
  const cascadeFrom = options.mode === 'parent-absorbs' || parent === null ? [nodeId] : index.children(parent).filter((k) => seeds.has(k));
  return planDeltas(reader, span, seeds, cascadeFrom);
}

/** A node's cell flips between locked and unlocked; the value stays. As an edit, it is one undo step. */
export function planLockToggle(reader: GridReader, nodeId: string, period: string): Result<TargetCell> {
  const own = reader.cell(nodeId, period);
  const value = own?.value ?? reader.value(nodeId, period);
  if (value === undefined) return fail('nothing-to-lock', `${nodeId} has no target for ${period}`, { node: nodeId, period });
  return ok(own ? { ...own, locked: !own.locked } : { nodeId, period, metric: reader.metric, ...(reader.product ? { product: reader.product } : {}), value, locked: true });
}

export type DistributeMethod = 'equal' | 'history' | 'potential' | 'capacity' | 'blend';
export const DISTRIBUTE_METHODS: readonly DistributeMethod[] = ['equal', 'history', 'potential', 'capacity', 'blend'];

export interface DistributeInput {
  nodeId: string;
  period: string;
  method: DistributeMethod;
  /** Prior-period actuals per node (e.g. `gridActuals` for last fiscal year), for `history`. */
  history?: ReadonlyMap<string, number> | null;
  /** The day capacity is measured at (ramp of new hires), and "today" for closed months. */
  asOf: string;
  ramp?: readonly RampStep[];
}

export interface DistributePreview extends GridEditPlan {
  /** Each child's value before and after, in display order. */
  children: { id: string; from: number | null; to: number; locked: boolean }[];
  /** Sources that had no data and fell back to equal weights. */
  fallbackSources: string[];
}

const BLEND: WeightMethod = { blend: { history: 1, potential: 1, capacity: 1 } };

/**
 * Splits a node's value at a period over its children by a method: equal; history (last
 * period's actuals); potential (`OrgNode.potential`, a parent without one counts its children's);
 * capacity (reps under the child in person-periods over the period's open months, or all its months
 * when the closed ones hold nothing: each month at the rep's ramp step, the hire month prorated by
 * days); blend (a third each of history,
 * potential and capacity shares). Locked children keep their values; the rest share by weight
 * with the largest-remainder method; the children's own children and months follow as in an
 * edit. Months closed before `asOf` are history: only the open part of the node's value (its
 * value minus its closed months) is distributed, and each child keeps its closed months. Fails
 * with `no-children`, `nothing-to-distribute`, `period-closed`, `below-closed`, or an
 * `allocate` / `childWeights` code.
 *
 * @example
 * // co FY = 1,000 over east and south, capacity: east has reps 1 + 0.3 (new hire), south 1 →
 * // weights 1.3 : 1 → 565.2… and 434.7… → 565 and 435.
 * planDistribute(reader, { nodeId: 'co', period: 'FY2026', method: 'capacity', asOf: '2026-11-27' })
 */
export function planDistribute(reader: GridReader, input: DistributeInput): Result<DistributePreview> {
  const { index } = reader;
  const { nodeId, period } = input;
  const kids = [...index.children(nodeId)];
  if (kids.length === 0) return fail('no-children', `${nodeId} has no children to distribute to`, { node: nodeId });
  const total = reader.value(nodeId, period);
  if (total === undefined) return fail('nothing-to-distribute', `${nodeId} has no target for ${period}`, { node: nodeId, period });
  if (isPeriodClosed(period, input.asOf, reader.calendar)) {
    return fail('period-closed', `${period} closed before ${input.asOf}; its targets are history`, { node: nodeId, period });
  }
  const span = spanOf(reader, period, input.asOf);
  const part = (id: string) => openPart(reader, span, id);
  // Post-order sums without recursion: an org can be deeper than the call stack.
  const potentials = new Map<string, number>();
  const potential = (id: string): number => {
    const done = potentials.get(id);
    if (done !== undefined) return done;
    const order = [id, ...index.descendants(id)];
    for (let i = order.length - 1; i >= 0; i--) {
      const x = order[i];
      const own = index.byId.get(x)?.potential;
      potentials.set(x, own ?? index.children(x).reduce((s, c) => s + (potentials.get(c) ?? 0), 0));
    }
    return potentials.get(id)!;
  };
  const method: WeightMethod = input.method === 'blend' ? BLEND : input.method;
  const need = (s: string) => input.method === s || input.method === 'blend';
  // Capacity over the open months of the period in person-periods: each rep's ramp month by month,
  // the hire month prorated by days (hired 23 October: 9/31 of October at 30%), not the factor of
  // one day applied to the whole period.
  // When the closed months hold nothing yet, the whole period is being split: count all its months.
  const capMonths = closedSum(reader, span, nodeId) === 0 ? span.months : span.open;
  let capacity: Record<string, number> | null = null;
  if (need('capacity') && capMonths.length > 0) {
    capacity = {};
    for (const k of kids) {
      let sum = 0;
      for (const id of index.reps(k)) {
        const n = index.byId.get(id)!;
        const py = personYears(n.hireDate, capMonths, { schedule: rampOf(n, input.ramp), ...(n.leaveDate ? { leaveDate: n.leaveDate } : {}) });
        if (!py.ok) return py;
        sum += py.value;
      }
      capacity[k] = sum;
    }
  }
  const w = childWeights(method, {
    children: kids,
    ...(need('history') ? { history: Object.fromEntries(kids.map((k) => [k, Math.max(0, input.history?.get(k) ?? 0)])) } : {}),
    ...(need('potential') ? { potential: Object.fromEntries(kids.map((k) => [k, potential(k)])) } : {}),
    ...(capacity ? { capacity } : {}),
    ...(need('capacity') && !capacity
      ? {
          reps: Object.fromEntries(kids.map((k) => [k, index.reps(k).map((id): RepInfo => {
            const n = index.byId.get(id)!;
            return { ...(n.hireDate ? { hireDate: n.hireDate } : {}), ...(n.leaveDate ? { leaveDate: n.leaveDate } : {}) };
          })])),
          asOf: input.asOf,
          ...(input.ramp ? { ramp: input.ramp } : {}),
        }
      : {}),
  });
  if (!w.ok) return w;
  const openTotal = part(nodeId);
  if (openTotal < 0) {
    const closed = closedSum(reader, span, nodeId);
    return fail('below-closed', `the closed months of ${period} already hold ${closed}`, { node: nodeId, period, closed, requested: total });
  }
  const a = allocate(
    openTotal,
    kids.map((k) => (reader.locked(k, period) ? { id: k, weight: 0, locked: true, value: Math.max(0, part(k)) } : { id: k, weight: w.value.weights[k] })),
  );
  if (!a.ok) return a;
  const seeds: Deltas = new Map();
  const after = (k: string) => closedSum(reader, span, k) + a.value.values[k];
  for (const k of kids) seeds.set(k, a.value.values[k] - part(k));
  const plan = planDeltas(reader, span, seeds, kids);
  if (!plan.ok) return plan;
  // A child that had no cell gets one even when its share is 0, so the remainder closes.
  for (const k of kids) {
    if (reader.value(k, period) !== undefined || plan.value.cells.some((c) => c.nodeId === k && c.period === period)) continue;
    plan.value.cells.push({ nodeId: k, period, metric: reader.metric, ...(reader.product ? { product: reader.product } : {}), value: after(k) });
    plan.value.changes.push({ nodeId: k, period, metric: reader.metric, ...(reader.product ? { product: reader.product } : {}), oldValue: null, newValue: after(k) });
  }
  return ok({
    ...plan.value,
    children: kids.map((k) => ({ id: k, from: reader.value(k, period) ?? null, to: after(k), locked: reader.locked(k, period) })),
    fallbackSources: w.value.fallbackSources,
  });
}

// ---- the whole plan ------------------------------------------------------------------------

/**
 * True when the plan has a target at the root for the fiscal year but none of the root's
 * children has one: the tree is empty below the top, so offer "decompose plan".
 */
export function needsDecomposition(reader: GridReader, fiscalYear: number): boolean {
  const fy = `FY${fiscalYear}`;
  const { index } = reader;
  return index.roots.some((r) => reader.value(r, fy) !== undefined && index.children(r).length > 0 && index.children(r).every((c) => reader.value(c, fy) === undefined));
}

export interface GridDecomposeInput {
  org: readonly OrgNode[];
  fiscalYear: number;
  calendar: FiscalCalendar;
  metric: MetricId;
  actuals?: ActualsSnapshot | null;
  products?: readonly ProductLine[];
  /**
   * How each parent splits among its children. Default: half last year's bookings, half capacity
   * in person-years of the plan year (passed as the `custom` weights).
   */
  method?: WeightMethod;
  /** The least share of each rep-month that new product lines carry together (default 0.1 when there is a new line). */
  minNewShare?: number;
  /** The plan's ramp curve (default `DEFAULT_RAMP`); a rep's own `ramp` wins. */
  ramp?: readonly RampStep[];
  /**
   * "Today": months that closed before it and already have targets keep them (each rep's closed
   * months stay, the open months share the rest of the year). Without it every month is split.
   */
  asOf?: string;
}

/**
 * Decomposes the root's annual target over the whole org with `decomposePlan`: each parent over its
 * children by `method` (default a blend of last year's bookings and capacity in person-years, the
 * rep's ramp averaged over the year's months, so new hires without history still get a target), each rep's year over the months by seasonality from history ×
 * their ramp, each rep-month over product lines by last year's mix with a minimum share for new
 * lines. Locked annual cells keep their values. With `asOf`, closed months that already have
 * targets keep them and only the open months are split. Fails with `nothing-to-distribute` when
 * the root has no annual target, `period-closed` for a year that has ended, `below-closed`, or a
 * `decomposePlan` code.
 *
 * @example
 * // The sample company: ¥1.13亿 over 4 regions → 12 teams → 78 reps × 12 months × 3 products.
 * planDecomposition(reader, { org, fiscalYear: 2026, calendar, metric: 'revenue', actuals, products })
 */
export function planDecomposition(reader: GridReader, input: GridDecomposeInput): Result<DecomposedPlan> {
  const { index } = reader;
  const fy = `FY${input.fiscalYear}`;
  const root = index.roots[0];
  const total = root === undefined ? undefined : reader.value(root, fy);
  if (root === undefined || total === undefined) return fail('nothing-to-distribute', `the plan has no ${fy} target at the top`, { node: root ?? '', period: fy });
  const months = fiscalYearMonths(input.fiscalYear, input.calendar);
  const asOf = input.asOf;
  if (asOf && isPeriodClosed(fy, asOf, input.calendar)) return fail('period-closed', `${fy} closed before ${asOf}; its targets are history`, { node: root, period: fy });
  // Closed months that already hold targets are history: decomposing again leaves them as they are.
  const fixed = asOf ? months.flatMap((m, i) => (isPeriodClosed(m, asOf, input.calendar) && reader.value(root, m) !== undefined ? [i] : [])) : [];

  const history: Record<string, number> = {};
  const monthly: Record<string, number> = {};
  const productMix = new Map<string, number>();
  const acts = input.actuals?.actuals ?? [];
  const last = periodRange(`FY${input.fiscalYear - 1}`, input.calendar);
  const first = periodRange(`FY${input.fiscalYear - 10}`, input.calendar).start;
  const type = input.metric === 'collections' ? 'collection' : 'booking';
  for (const a of acts) {
    if (a.type !== type || a.date >= months[0] + '-01' || a.date < first) continue;
    const m = a.date.slice(0, 7);
    monthly[m] = (monthly[m] ?? 0) + a.amount;
    if (a.date >= last.start && a.date <= last.end) {
      history[a.repId] = (history[a.repId] ?? 0) + a.amount;
      productMix.set(a.productId, (productMix.get(a.productId) ?? 0) + a.amount);
    }
  }
  const season = seasonalityFromHistory(monthly, months);
  // Capacity in person-years of the plan year (ramp by tenure month, the hire month prorated by
  // days, weighted by seasonality), and an average veteran's history for reps without a full year
  // of it: a new hire's months come out at their ramp × an average veteran's (see `rampedInputs`).
  const ramped = rampedInputs({
    nodes: index.order.map((id) => ({ ...index.byId.get(id)!, parentId: index.parent(id) })),
    months,
    ...(season.ok ? { profile: season.value.profile } : {}),
    history,
    historyStart: last.start,
    ...(input.ramp ? { schedule: input.ramp } : {}),
  });
  if (!ramped.ok) return ramped;
  const capacity = ramped.value.capacity;
  const products = metricUnit(input.metric) === 'money' && !reader.product ? (input.products ?? []) : [];
  const hasNew = products.some((p) => p.new);
  const locked: Record<string, number> = {};
  for (const id of index.order) {
    const c = reader.cell(id, fy);
    if (c?.locked && id !== root) locked[id] = c.value;
  }
  return decomposePlan({
    nodes: index.order.map((id) => ({ ...index.byId.get(id)!, parentId: index.parent(id) })),
    total,
    fiscalYear: fy,
    months,
    metric: input.metric,
    method: input.method ?? { blend: { history: 1, custom: 1 } },
    history: ramped.value.history,
    custom: capacity,
    prorate: true,
    ...(input.ramp ? { ramp: input.ramp } : {}),
    ...(season.ok ? { seasonality: season.value.profile } : {}),
    products: products.map((p) => ({ id: p.id, new: p.new, weight: productMix.get(p.id) ?? 0 })),
    ...(hasNew ? { minNewShare: input.minNewShare ?? 0.1 } : {}),
    locked,
    ...(fixed.length ? { fixed: { months: fixed, value: (id: string, m: string, p: string | null) => (p === null ? reader.value(id, m) : reader.cellFor(id, m, p)?.value) ?? 0 } } : {}),
  });
}
