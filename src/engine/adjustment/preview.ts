/**
 * The preview of a target adjustment: every cell it changes, before and after, the parent totals,
 * and each affected person's attainment against the old and the new target. The same preview is
 * what gets applied, so what the approver saw is exactly what is written.
 */
import { applyTargetEdit, type EditCell } from '../plan/edit.js';
import { allocate, cmpId } from '../plan/allocate.js';
import { cellKey, type Actual, type FiscalCalendar, type MetricId, type OrgKind, type OrgNode, type Plan, type TargetCell } from '../plan/model.js';
import { dualAttainment, mulDivRound, type DualAttainment } from '../pace/pace.js';
import { childPeriods, isPeriodClosed, parsePeriodId, periodRange } from '../calendar/periods.js';
import { fail, ok, type QkIssue, type Result } from '../shared/result.js';
import { buildOrgIndex, rollupActuals, rollupTargets, type OrgIndex } from '../plan/rollup.js';
import { targetsOf, type PlanState } from '../plan/plan-state.js';
import { parseAdjustmentRequest, type AdjustmentRequest, type AffectedCell } from './model.js';

/** What a preview reads: the plan (version, calendar), the org, the target cells, and actuals for attainment. */
export interface AdjustmentState {
  plan: Plan;
  org: readonly OrgNode[];
  targets: readonly TargetCell[];
  actuals?: readonly Actual[];
}

/** The plan a preview reads: the store's read model (`PlanState`), or plain data. */
export type AdjustmentSource = AdjustmentState | PlanState;

const isPlanState = (s: AdjustmentSource): s is PlanState => 'cells' in s && 'index' in s;

/**
 * How the adjustment engine reads targets of one metric. From a `PlanState` it asks the read
 * model's selectors (memoized roll-ups, cells by node: nothing is copied); from plain data it
 * indexes the cells once.
 */
interface TargetReader {
  plan: Plan;
  ix: OrgIndex;
  /** The roll-up of every node at one period and product (`rollupTargets` semantics). */
  valuesAt(period: string, product?: string): ReadonlyMap<string, number>;
  /** The node's own cell, if it has one. */
  cell(nodeId: string, period: string, product?: string): TargetCell | undefined;
  /** The node's own cells of the metric. */
  cellsOf(nodeId: string): readonly TargetCell[];
  /** Product lines that may have cells of the metric, sorted. */
  products: readonly string[];
  actuals?: readonly Actual[];
}

function readerOf(state: AdjustmentSource, metric: MetricId): TargetReader {
  if (isPlanState(state)) {
    return {
      plan: state.plan,
      ix: state.index,
      valuesAt: (period, product) => targetsOf(state, { metric, period, ...(product !== undefined ? { product } : {}) }),
      cell: (nodeId, period, product) => state.cells.get({ nodeId, period, metric, product: product ?? null }),
      cellsOf: (nodeId) => [...state.cells.ofNode(nodeId)].filter((c) => c.metric === metric),
      products: state.products.map((p) => p.id).sort(cmpId),
      ...(state.actuals ? { actuals: state.actuals.actuals } : {}),
    };
  }
  const ix = buildOrgIndex(state.org);
  const cells = state.targets.filter((c) => c.metric === metric);
  const explicit = new Map(cells.map((c) => [keyOf(c.nodeId, c.period, c.product), c]));
  const byNode = new Map<string, TargetCell[]>();
  for (const c of cells) {
    const own = byNode.get(c.nodeId);
    if (own) own.push(c);
    else byNode.set(c.nodeId, [c]);
  }
  const memo = new Map<string, Map<string, number>>();
  return {
    plan: state.plan,
    ix,
    valuesAt: (period, product) => {
      const k = `${period}|${product ?? ''}`;
      let m = memo.get(k);
      if (!m) memo.set(k, (m = rollupTargets(cells, ix, { metric, period, product }, state.plan.calendar)));
      return m;
    },
    cell: (nodeId, period, product) => explicit.get(keyOf(nodeId, period, product)),
    cellsOf: (nodeId) => byNode.get(nodeId) ?? [],
    products: [...new Set(cells.flatMap((c) => (c.product === undefined ? [] : [c.product])))].sort(cmpId),
    ...(state.actuals ? { actuals: state.actuals } : {}),
  };
}

/** How a node is involved in the adjustment. */
export type ImpactRole = 'target' | 'parent' | 'ancestor' | 'sibling' | 'recipient' | 'descendant';

/** One node's target over each requested period and over all of them, before and after. */
export interface NodeImpact {
  nodeId: string;
  name: string;
  kind: OrgKind;
  role: ImpactRole;
  periods: { period: string; before: number; after: number }[];
  before: number;
  after: number;
}

/** A person (rep) whose target changes, with attainment against the old and the new target. */
export interface PersonImpact {
  nodeId: string;
  name: string;
  before: number;
  after: number;
  /** Bookings (revenue) or collections over the requested periods; null for metrics without dated actuals. */
  actual: number | null;
  /** `original` = against the target before, `current` = after; null when `actual` is null. */
  attainment: DualAttainment | null;
}

export interface AdjustmentPreview {
  requestId: string;
  /** The plan version the preview was computed on; applying needs the plan still at it. */
  baseVersion: number;
  metric: AdjustmentRequest['metric'];
  product?: string;
  periods: string[];
  /** The node's total over the requested periods before and after, and the difference. */
  before: number;
  after: number;
  delta: number;
  /** Every target cell written: existing cells that change, and cells created where none existed. */
  cells: AffectedCell[];
  /** The node, its parent, siblings and every node whose target changes, in org order. */
  nodes: NodeImpact[];
  /** The parent's total per period (and, when the parent absorbs, every ancestor's that moves). */
  totals: { nodeId: string; period: string; before: number; after: number }[];
  people: PersonImpact[];
}

interface Slice {
  period: string;
  product?: string;
}

const keyOf = (nodeId: string, period: string, product?: string) => `${nodeId}|${period}|${product ?? ''}`;

/** Maps an error of the shared edit engine to the adjustment's own, more specific code. */
function editError(e: QkIssue, node: string, period: string): { ok: false; error: QkIssue } {
  const code =
    e.code === 'siblings-locked' ? 'adjustment-siblings-locked'
    : e.code === 'insufficient-siblings' ? 'adjustment-siblings-insufficient'
    : e.code === 'parent-locked' ? 'adjustment-parent-locked'
    : e.code === 'negative-total' || e.code === 'floors-exceed-total' ? 'adjustment-negative'
    : e.code;
  return fail(code, `${period}: ${e.message}`, { ...e.params, node, period });
}

/**
 * Computes what an adjustment would change, with the allocation engine of the goal tree
 * (`applyTargetEdit`, `allocate`: largest remainder, exact sums, locks respected).
 *
 * For each requested period the node's new target is `change.value`, or its current target ×
 * (1 + percent / 100) rounded half up. The node's target is then set at the finest level the plan
 * has for it (if it has month values the change is spread over the months in proportion to them,
 * and over product lines the same way), and at each of those slices:
 * - `siblings`: the unlocked siblings give up (or take) the difference in proportion to their
 *   current targets; the parent holds. `recipients`: only the named siblings do.
 * - `parent`: the parent and every ancestor move by the difference; siblings hold.
 * - every node whose target changed and has children with targets re-splits its change over them
 *   in proportion (locked children hold), down to the reps.
 * Cells for longer periods or all products that contain a changed slice (the year of a month, the
 * all-products cell of a product) move by the same difference, so every level still adds up.
 *
 * Fails with the codes of `parseAdjustmentRequest`, `adjustment-unknown-node`,
 * `adjustment-period-week`, `adjustment-periods-overlap`, `adjustment-no-parent`,
 * `adjustment-recipient-unknown`, `adjustment-recipient-not-sibling`, `adjustment-recipient-locked`,
 * `adjustment-siblings-locked`, `adjustment-siblings-insufficient` (params `max`),
 * `adjustment-parent-locked`, `adjustment-children-locked`, `adjustment-total-locked`,
 * `adjustment-target-locked`, `adjustment-finer-cells` or `adjustment-negative` (params `node`, `period`).
 *
 * @example
 * // Team east-sh holds ¥4,000,000 for FY2026 = r1 ¥2,500,000 + r2 ¥1,500,000. r2 leaves: set r2 to 0
 * // and let the siblings absorb → r1 takes all ¥1,500,000: r1 4,000,000, team unchanged.
 * previewAdjustment({ …, nodeId: 'r2', periods: ['FY2026'], change: { kind: 'value', value: 0 },
 *   absorption: { mode: 'siblings' } }, state)
 * // ok({ delta: -150_000_000, cells: [r1 250,000,000 → 400,000,000, r2 150,000,000 → 0], totals: [east-sh 400,000,000 → 400,000,000], … })
 */
export function previewAdjustment(request: AdjustmentRequest, source: AdjustmentSource): Result<AdjustmentPreview> {
  const parsed = parseAdjustmentRequest(request);
  if (!parsed.ok) return fail(parsed.error.code, parsed.error.message, parsed.error.params, parsed.error.path);
  const r = parsed.value;
  const reader = readerOf(source, r.metric);
  const state = { plan: reader.plan, actuals: reader.actuals };
  const cal = state.plan.calendar;
  const ix = reader.ix;
  const N = r.nodeId;
  if (!ix.byId.has(N)) return fail('adjustment-unknown-node', `no node "${N}"`, { node: N });

  const ranges = new Map<string, { start: string; end: string }>();
  const rangeOf = (p: string) => {
    let v = ranges.get(p);
    if (!v) ranges.set(p, (v = periodRange(p, cal)));
    return v;
  };
  for (const p of r.periods) {
    const pp = parsePeriodId(p);
    if (!pp.ok) return pp;
    if (pp.value.granularity === 'week') return fail('adjustment-period-week', `weeks cannot be adjusted: ${p}`, { period: p });
  }
  for (const [i, a] of r.periods.entries()) {
    for (const b of r.periods.slice(i + 1)) {
      const ra = rangeOf(a), rb = rangeOf(b);
      if (ra.start <= rb.end && rb.start <= ra.end) return fail('adjustment-periods-overlap', `${a} and ${b} overlap`, { a, b });
    }
  }
  const parent = ix.parent(N);
  const mode = r.absorption.mode;
  if (parent === null && mode !== 'parent') return fail('adjustment-no-parent', `"${N}" has no parent, so no sibling can absorb the change`, { node: N });
  const recipients = r.absorption.mode === 'recipients' ? r.absorption.recipients : [];
  for (const x of recipients) {
    if (!ix.byId.has(x)) return fail('adjustment-recipient-unknown', `no node "${x}"`, { node: x });
    if (ix.parent(x) !== parent) return fail('adjustment-recipient-not-sibling', `"${x}" is not a sibling of "${N}"`, { node: x });
  }

  // ---- values --------------------------------------------------------------------------------
  const products = r.product !== undefined ? [] : reader.products;
  const valuesAt = reader.valuesAt;
  const V = (x: string, s: Slice) => valuesAt(s.period, s.product).get(x) ?? 0;
  const locked = (x: string, s: Slice) => reader.cell(x, s.period, s.product)?.locked === true;
  const childrenWithValues = (x: string, s: Slice) => ix.children(x).some((c) => valuesAt(s.period, s.product).has(c));
  const nodeHas = (period: string) =>
    valuesAt(period, r.product).has(N) || products.some((p) => valuesAt(period, p).has(N));
  const finest = (p: string): string[] => {
    const g = parsePeriodId(p);
    if (!g.ok || g.value.granularity === 'month') return [p];
    const kids = childPeriods(p, cal);
    return kids.some(nodeHas) ? kids.flatMap(finest) : [p];
  };

  // ---- per period, per slice -----------------------------------------------------------------
  interface Touched extends AffectedCell { locked: boolean; aggregated: boolean }
  const touched = new Map<string, Touched>();
  const nodeDelta = new Map<string, Map<string, number>>();
  const addNodeDelta = (x: string, period: string, d: number) => {
    const m = nodeDelta.get(x) ?? new Map<string, number>();
    m.set(period, (m.get(period) ?? 0) + d);
    nodeDelta.set(x, m);
  };

  for (const P of r.periods) {
    const slices: Slice[] = finest(P).flatMap((fp) => {
      if (r.product !== undefined) return [{ period: fp, product: r.product }];
      const ps = products.filter((p) => valuesAt(fp, p).has(N));
      return ps.length ? ps.map((p) => ({ period: fp, product: p })) : [{ period: fp }];
    });
    const beforeP = V(N, { period: P, product: r.product });
    const target = r.change.kind === 'value' ? r.change.value : mulDivRound(beforeP, 10_000 + Math.round(r.change.percent * 100), 10_000);
    const befores = slices.map((s) => V(N, s));
    const newSum = befores.reduce((a, b) => a + b, 0) + target - beforeP;
    if (newSum < 0) return fail('adjustment-negative', `${N} would fall below zero in ${P}`, { node: N, period: P });
    let news: number[];
    if (slices.length === 1) news = [newSum];
    else {
      const split = allocate(newSum, slices.map((s, i) => ({ id: String(i).padStart(4, '0'), weight: befores[i]!, locked: locked(N, s), value: befores[i] })));
      if (!split.ok) {
        return split.error.code === 'no-unlocked-parts' || split.error.code === 'locked-exceeds-total'
          ? fail('adjustment-target-locked', `the cells of "${N}" in ${P} are locked`, { node: N, period: P })
          : split;
      }
      news = slices.map((_, i) => split.value.values[String(i).padStart(4, '0')]!);
    }

    for (const [i, s] of slices.entries()) {
      const pass = orgPass(s, news[i]!);
      if (!pass.ok) return pass;
      for (const [x, { before, after }] of pass.value.changes) {
        addNodeDelta(x, P, after - before);
        const k = keyOf(x, s.period, s.product);
        const own = reader.cell(x, s.period, s.product);
        if (own) touched.set(k, { nodeId: x, period: s.period, ...(s.product ? { product: s.product } : {}), before: own.value, after, created: false, locked: own.locked === true, aggregated: false });
        else if (!childrenWithValues(x, s)) {
          const finer = reader.cellsOf(x).some((c) => c.period !== s.period && contains(s.period, c.period) && (s.product === undefined || c.product === s.product));
          if (finer) return fail('adjustment-finer-cells', `"${x}" has targets for periods inside ${s.period}; adjust those instead`, { node: x, period: s.period });
          touched.set(k, { nodeId: x, period: s.period, ...(s.product ? { product: s.product } : {}), before: 0, after, created: true, locked: false, aggregated: false });
        }
        // Longer periods and the all-products cell that contain this slice move with it.
        for (const c of reader.cellsOf(x)) {
          if (c.period === s.period && c.product === s.product) continue;
          const productFits = s.product === undefined ? c.product === undefined : c.product === s.product || c.product === undefined;
          if (!productFits || /-W\d/.test(c.period) || !contains(c.period, s.period)) continue;
          const ck = keyOf(c.nodeId, c.period, c.product);
          const t = touched.get(ck) ?? { nodeId: x, period: c.period, ...(c.product ? { product: c.product } : {}), before: c.value, after: c.value, created: false, locked: c.locked === true, aggregated: true };
          touched.set(ck, { ...t, after: t.after + after - before });
        }
      }
    }
  }

  for (const t of touched.values()) {
    if (t.after < 0) return fail('adjustment-negative', `${t.nodeId} would fall below zero in ${t.period}`, { node: t.nodeId, period: t.period });
    if (t.aggregated && t.locked && t.after !== t.before) {
      return fail('adjustment-total-locked', `the locked target of "${t.nodeId}" for ${t.period} would change`, { node: t.nodeId, period: t.period });
    }
  }

  // ---- the result ----------------------------------------------------------------------------
  const pos = (x: string) => ix.positionOf(x);
  const affected = [...touched.values()]
    .filter((t) => t.after !== t.before || t.created)
    .sort((a, b) => pos(a.nodeId) - pos(b.nodeId) || cmpId(rangeOf(a.period).start, rangeOf(b.period).start) || rangeOf(b.period).end.localeCompare(rangeOf(a.period).end) || cmpId(a.product ?? '', b.product ?? ''))
    .map(({ locked: _l, aggregated: _a, ...c }) => c);

  const ancestors = ix.ancestors(N);
  const siblings = parent === null ? [] : ix.children(parent).filter((c) => c !== N);
  const involved = new Set<string>([N, ...(parent ? [parent] : []), ...siblings, ...nodeDelta.keys()]);
  const roleOf = (x: string): ImpactRole =>
    x === N ? 'target'
    : x === parent ? 'parent'
    : ancestors.includes(x) ? 'ancestor'
    : recipients.includes(x) ? 'recipient'
    : siblings.includes(x) ? 'sibling'
    : 'descendant';
  const impact = (x: string): NodeImpact => {
    const node = ix.byId.get(x)!;
    const periods = r.periods.map((P) => {
      const before = V(x, { period: P, product: r.product });
      return { period: P, before, after: before + (nodeDelta.get(x)?.get(P) ?? 0) };
    });
    return {
      nodeId: x,
      name: node.name,
      kind: node.kind,
      role: roleOf(x),
      periods,
      before: periods.reduce((s, p) => s + p.before, 0),
      after: periods.reduce((s, p) => s + p.after, 0),
    };
  };
  const nodes = [...involved].sort((a, b) => pos(a) - pos(b)).map(impact);
  const target = nodes.find((n) => n.nodeId === N)!;

  const totals: AdjustmentPreview['totals'] = [];
  for (const [i, a] of ancestors.entries()) {
    const im = impact(a);
    if (i > 0 && im.before === im.after) break;
    for (const p of im.periods) totals.push({ nodeId: a, ...p });
  }

  const moneyType = r.metric === 'revenue' ? 'booking' : r.metric === 'collections' ? 'collection' : null;
  const actualSums = moneyType && state.actuals
    ? r.periods.map((P) => rollupActuals(state.actuals!, ix, { from: rangeOf(P).start, to: rangeOf(P).end, type: moneyType, ...(r.product ? { product: r.product } : {}) }))
    : null;
  const people: PersonImpact[] = [];
  for (const n of nodes) {
    const node = ix.byId.get(n.nodeId)!;
    const isPerson = node.kind === 'rep' || (ix.children(n.nodeId).length === 0 && node.kind !== 'company');
    if (!isPerson || (n.before === n.after && n.nodeId !== N)) continue;
    const actual = actualSums ? actualSums.reduce((s, m) => s + (m.get(n.nodeId) ?? 0), 0) : null;
    const att = actual === null ? null : dualAttainment({ actual, originalTarget: n.before, currentTarget: n.after });
    people.push({ nodeId: n.nodeId, name: n.name, before: n.before, after: n.after, actual, attainment: att && att.ok ? att.value : null });
  }

  return ok({
    requestId: r.id,
    baseVersion: state.plan.version,
    metric: r.metric,
    ...(r.product ? { product: r.product } : {}),
    periods: [...r.periods],
    before: target.before,
    after: target.after,
    delta: target.after - target.before,
    cells: affected,
    nodes,
    totals,
    people,
  });

  /** The new values of every node at one slice when the node is set to `value`. */
  function orgPass(s: Slice, value: number): Result<{ changes: Map<string, { before: number; after: number }> }> {
    const next = new Map<string, number>([[N, value]]);
    const down: string[] = [N];
    const cellOf = (x: string, lock = locked(x, s)): EditCell => ({ id: x, value: V(x, s), ...(lock ? { locked: true } : {}) });
    if (value !== V(N, s)) {
      if (mode === 'parent') {
        let cur = N;
        let curValue = value;
        for (let p = ix.parent(cur); p !== null; cur = p, p = ix.parent(p)) {
          const e = applyTargetEdit({ parent: cellOf(p), children: ix.children(p).map((c) => cellOf(c, false)) }, { id: cur, value: curValue }, { mode: 'parent-absorbs' });
          if (!e.ok) return editError(e.error, p, s.period);
          curValue = e.value.values[p]!;
          next.set(p, curValue);
        }
      } else {
        const p = parent!;
        for (const x of recipients) {
          if (locked(x, s)) return fail('adjustment-recipient-locked', `"${x}" is locked in ${s.period}`, { node: x, period: s.period });
        }
        const kids = ix.children(p).map((c) => cellOf(c, c !== N && (locked(c, s) || (mode === 'recipients' && !recipients.includes(c)))));
        const e = applyTargetEdit({ parent: cellOf(p, false), children: kids }, { id: N, value }, { mode: 'rebalance-siblings' });
        if (!e.ok) return editError(e.error, N, s.period);
        for (const c of e.value.changes) {
          if (c.id === p || c.id === N) continue;
          next.set(c.id, c.to);
          down.push(c.id);
        }
      }
    }
    while (down.length) {
      const x = down.shift()!;
      const now = next.get(x)!;
      if (now === V(x, s) || !childrenWithValues(x, s)) continue;
      const e = applyTargetEdit({ parent: cellOf(x, false), children: ix.children(x).map((c) => cellOf(c)) }, { id: x, value: now }, { mode: 'rebalance-siblings' });
      if (!e.ok) return editError(e.error.code === 'siblings-locked' ? { ...e.error, code: 'adjustment-children-locked' } : e.error, x, s.period);
      for (const c of e.value.changes) {
        if (c.id === x) continue;
        next.set(c.id, c.to);
        down.push(c.id);
      }
    }
    const changes = new Map<string, { before: number; after: number }>();
    for (const [x, after] of next) if (after !== V(x, s)) changes.set(x, { before: V(x, s), after });
    return ok({ changes });
  }

  function contains(outer: string, inner: string): boolean {
    const a = rangeOf(outer), b = rangeOf(inner);
    return a.start <= b.start && b.end <= a.end;
  }
}

/** The preview's cells as target cells to write (`source: 'adjustment'`), locks kept. `targets`: the cells as they stand (the read model, or a list). */
export function previewCells(preview: Pick<AdjustmentPreview, 'cells' | 'metric'>, targets: readonly TargetCell[] | PlanState): TargetCell[] {
  const find = currentCell(targets, preview.metric);
  return preview.cells.map((c) => {
    const own = find(c);
    return {
      nodeId: c.nodeId,
      period: c.period,
      metric: preview.metric,
      ...(c.product ? { product: c.product } : {}),
      value: c.after,
      ...(own?.locked ? { locked: true } : {}),
      source: 'adjustment' as const,
      original: own ? (own.original ?? own.value) : 0,
    };
  });
}

/** A lookup of the cell standing at a node × period × product of `metric`, in the read model or a list of cells. */
export function currentCell(targets: readonly TargetCell[] | PlanState, metric: string): (c: { nodeId: string; period: string; product?: string }) => TargetCell | undefined {
  if (!Array.isArray(targets)) {
    const state = targets as PlanState;
    return (c) => state.cells.get({ nodeId: c.nodeId, period: c.period, metric, product: c.product ?? null });
  }
  const existing = new Map((targets as readonly TargetCell[]).filter((c) => c.metric === metric).map((c) => [cellKey(c), c]));
  return (c) => existing.get(cellKey({ nodeId: c.nodeId, period: c.period, metric, product: c.product ?? null }));
}

/** The current value of each preview cell in `targets` (absent cells count as missing). */
export function currentCellValue(targets: readonly TargetCell[], metric: string, c: { nodeId: string; period: string; product?: string }): number | undefined {
  return targets.find((t) => t.metric === metric && t.nodeId === c.nodeId && t.period === c.period && t.product === c.product)?.value;
}

/**
 * Closed periods are history: a target of a period that ended before `asOf` is archived and no edit
 * may change it (the plan's rule the store enforces when cells are written, `edit-period-closed`).
 * A request is held to the same rule when it is made, not only when an approver applies it: a
 * change of the whole year after some months closed also rewrites those months, so it is refused
 * here, naming the first closed period and the node whose archived target would move.
 * Cells created where none existed (a closed month that never had a target) and cells whose value
 * stays are not archived targets: they pass.
 *
 * Fails with `adjustment-period-closed` (params `node`: the node id, `period`: the closed period,
 * `asOf`, `requested`: the request's periods joined with ", ").
 *
 * @example
 * // asOf 2026-12-02, a request for FY2026 whose preview moves every month of 华东一部:
 * checkClosedPeriods(preview, '2026-12-02', { startMonth: 1 })
 * // fail 'adjustment-period-closed' { node: 'team-1-1', period: '2026-01', asOf: '2026-12-02', requested: 'FY2026' }
 */
export function checkClosedPeriods(preview: Pick<AdjustmentPreview, 'cells' | 'periods'>, asOf: string, calendar: FiscalCalendar): Result<true> {
  for (const c of preview.cells) {
    if (c.created || c.before === c.after || !isPeriodClosed(c.period, asOf, calendar)) continue;
    return fail('adjustment-period-closed', `${c.period} closed before ${asOf}; its targets are archived and a request cannot change them`, {
      node: c.nodeId, period: c.period, asOf, requested: preview.periods.join(', '),
    });
  }
  return ok(true);
}
