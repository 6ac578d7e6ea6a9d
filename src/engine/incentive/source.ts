/**
 * Who the incentive calculator shows, gathered from the read model (a store's `state`) or plain
 * plan data: a rep (with their mentees, for the mentoring credit) or every rep under a team, with
 * each one's target in force for the period (`targetsOf`, the target every element shows) and the
 * options `computeTeamPayouts` needs.
 */
import { cellKey, type ActualsSnapshot, type OrgNode, type Plan, type ProductLine, type TargetCell } from '../plan/model.js';
import { rollupTargets } from '../plan/rollup.js';
import { parsePeriodId, periodRange } from '../calendar/periods.js';
import { planStateOf, defaultPeriod, targetCells, targetTreeSteps, targetValues, type PlanState } from '../plan/plan-state.js';
import type { PayoutOptions, PayoutPerson } from './commission.js';
import { fail, ok, type Result } from '../shared/result.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';

export interface IncentiveSource {
  plan: Plan;
  org: readonly OrgNode[];
  products: readonly ProductLine[];
  targets: readonly TargetCell[];
  actuals: ActualsSnapshot | null;
  asOf: string;
  /**
   * The targets as loaded from the host (a store's `snapshot.targets`), before this session's
   * changes. With them, a person's `originalTarget` is set when an approved adjustment changed
   * their target in force (see `originalTargetCells`).
   */
  loadedTargets?: readonly TargetCell[];
}


/**
 * The target cells as they were before approved adjustments, for the attainment against the
 * original target. A cell that carries `original` (set when an adjustment was applied, and saved
 * with it, so it survives a reload) counts at that value (0: the adjustment created the cell).
 * From a host that does not keep `original`, a cell written by an adjustment counts at its value
 * as loaded (`loaded`), when that differs. Every other cell counts as it is in force: a planning
 * edit (`manual`, a split, an import) changes the plan itself, not the target a person is paid
 * against after the fact.
 *
 * @example
 * // r1's Q1 revenue target was loaded at ¥500,000; an approved adjustment lowered it to ¥400,000.
 * originalTargetCells([{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 40_000_000, source: 'adjustment' }],
 *   [{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 50_000_000, source: 'manual' }])
 * // → [{ nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue', value: 50_000_000, source: 'manual' }]
 */
export function originalTargetCells(inForce: readonly TargetCell[], loaded?: readonly TargetCell[]): TargetCell[] {
  const before = loaded ? new Map(loaded.map((c) => [cellKey(c), c])) : null;
  const out: TargetCell[] = [];
  for (const c of inForce) {
    // The cell remembers its pre-adjustment value (set when the adjustment was applied)…
    if (c.original !== undefined) {
      if (c.original > 0) out.push({ ...c, value: c.original });
      continue;
    }
    if (c.source !== 'adjustment' || !before) {
      out.push(c);
      continue;
    }
    // …or, from a host that does not keep `original`, the value as loaded this session.
    const was = before.get(cellKey(c));
    if (was) out.push(was.value === c.value ? c : was);
  }
  return out;
}

const stateOf = (source: IncentiveSource | PlanState): PlanState => planStateOf(source);

export interface IncentiveScope {
  /** `rep` for a rep node, `manager` for any node above reps (or when asked). */
  view: 'rep' | 'manager';
  nodeId: string;
  nodeName: string;
  period: string;
  /** Rep view: the rep first, then their mentees. Manager view: every rep under the node. A rep without a target has target 0. */
  people: PayoutPerson[];
  /** Manager view: each person's org position in the read model's index (for `teamPayoutSteps`). @internal */
  positions?: Int32Array;
  options: PayoutOptions;
  currency: string;
  /** Product names by id, for the lines. */
  productNames: Record<string, string>;
}

/**
 * The scope of the calculator for `nodeId` (default: the org's root) and `period` (default: the
 * page's default period, `defaultPeriod` of the read model). Targets are the revenue targets in
 * force as the read model rolls them up (`targetsOf`: what the goal tree shows); actuals count from
 * the period's start to the earlier of its end and `asOf` (as `actualOf` counts them); products the
 * plan data marks `new` are new products. With `loadedTargets` (in `query` for a read model, in
 * the source for plain data), a person whose target in force differs from the target before approved
 * adjustments (`originalTargetCells`, rolled up the same way) gets it as `originalTarget`, so the
 * attainment for pay is against the target in force with the original beside it.
 *
 * Fails with `incentive-node-unknown` for an unknown node, or the period codes of `parsePeriodId`.
 *
 * @example
 * // Test fixture, rep r1 (王芳, mentor of r2), FY2026-Q1: target ¥500,000 (her Q1 cell), r2 has none.
 * resolveIncentiveScope(source, { nodeId: 'r1', period: 'FY2026-Q1' })
 * // ok({ view: 'rep', people: [{ id: 'r1', target: 50_000_000 }, { id: 'r2', target: 0, mentorId: 'r1' }],
 * //      options: { from: '2026-01-01', to: '2026-03-31', asOf, newProductIds: ['ai'] }, … })
 * // An approved adjustment set r1's Q1 cell to ¥400,000 (`source: 'adjustment'`), loaded at ¥500,000:
 * resolveIncentiveScope({ ...source, loadedTargets }, { nodeId: 'r1', period: 'FY2026-Q1' })
 * // people[0]: { id: 'r1', target: 40_000_000, originalTarget: 50_000_000, … }
 */
export function resolveIncentiveScope(
  input: IncentiveSource | PlanState,
  query: IncentiveScopeQuery = {},
): Result<IncentiveScope> {
  return runSteps(incentiveScopeSteps(input, query));
}

export interface IncentiveScopeQuery {
  nodeId?: string | null;
  period?: string | null;
  view?: 'rep' | 'manager' | null;
  loadedTargets?: readonly TargetCell[];
}

/** People or cells handled between two yields of `incentiveScopeSteps`. */
const SCOPE_CHUNK = STEP_CHUNK * 16;

/**
 * `resolveIncentiveScope` as steps (see `steps.ts`): the period's target roll-up
 * (`targetTreeSteps`), the scan for adjusted cells and the people of a company of 100,000 are
 * gathered a few thousand at a time, so an element can run them in slices before paying everyone
 * (`teamPayoutSteps`). Same result as `resolveIncentiveScope`. (Original targets, when some cell was
 * adjusted, are rolled up in one piece: `rollupTargets`.)
 */
export function* incentiveScopeSteps(input: IncentiveSource | PlanState, query: IncentiveScopeQuery = {}): Steps<Result<IncentiveScope>> {
  const source = stateOf(input);
  const loaded = query.loadedTargets ?? ('cells' in input ? undefined : input.loadedTargets);
  const ix = source.index;
  let nodeId = query.nodeId || ix.roots[0] || '';
  let node = ix.byId.get(nodeId);
  if (!node) return fail('incentive-node-unknown', `There is no org node "${nodeId}"`, { node: nodeId });
  // A rep view asked for on a team shows the team's first rep.
  if (query.view === 'rep' && node.kind !== 'rep') {
    const first = ix.reps(nodeId)[0];
    if (first) {
      nodeId = first;
      node = ix.byId.get(first)!;
    }
  }
  const view = query.view ?? (node.kind === 'rep' ? 'rep' : 'manager');
  const period = query.period || defaultPeriod(source, nodeId);
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const cal = source.plan.calendar;
  const q = { metric: 'revenue', period } as const;
  const progress = { done: 0, total: 0 };
  // The period's roll-up, in slices when no element resolved it yet; then each target is read by
  // position (`targetOf`, the value `targetsOf` maps), without a map of every node's target.
  for (const _ of targetTreeSteps(source, q)) yield progress;
  // By org position, without a lookup by id per person (`targetOf` reads the same arrays).
  const targets = targetValues(source, period, 'revenue');
  const targetAt = (p: number) => (targets && p >= 0 && targets.has[p] ? targets.value[p] : 0);
  // Only a plan with adjusted cells has original targets apart from those in force.
  let adjusted = false;
  let seen = 0;
  for (const c of source.cells.values()) {
    if (c.original !== undefined || c.source === 'adjustment') {
      adjusted = true;
      break;
    }
    if (++seen % SCOPE_CHUNK === 0) yield progress;
  }
  const originals = adjusted ? rollupTargets(originalTargetCells(targetCells(source), loaded), ix, q, cal) : null;
  // Built field by field (no spread of a temporary object per field): a company has 100,000 of them.
  const person = (n: OrgNode, position: number): PayoutPerson => {
    const target = targetAt(position);
    const p: PayoutPerson = { id: n.id, name: n.name, target };
    const original = originals === null ? target : (originals.get(n.id) ?? 0);
    if (original !== target) p.originalTarget = original;
    if (n.hireDate) p.hireDate = n.hireDate;
    if (n.mentorId) p.mentorId = n.mentorId;
    return p;
  };
  const people: PayoutPerson[] = [];
  let positions: Int32Array | undefined;
  if (view === 'rep') {
    const ids = [nodeId, ...source.org.filter((n) => n.mentorId === nodeId && n.kind === 'rep').map((n) => n.id)];
    const unique = new Set<string>();
    for (const id of ids) {
      if (unique.has(id)) continue;
      unique.add(id);
      people.push(person(ix.byId.get(id)!, ix.positionOf(id)));
    }
  } else {
    // Every rep under the node (`ix.reps`: its span of the org order, each node once), read by position.
    const start = ix.positionOf(nodeId), stop = ix.subtreeEnd[start];
    const at: number[] = [];
    for (let p = start; p < stop; p++) {
      const n = ix.byId.get(ix.order[p])!;
      if (n.kind === 'rep') {
        people.push(person(n, p));
        at.push(p);
      }
      if ((p - start + 1) % SCOPE_CHUNK === 0) yield progress;
    }
    positions = Int32Array.from(at);
  }
  yield progress;
  const { start, end } = periodRange(period, cal);
  return ok({
    view,
    nodeId,
    nodeName: node.name,
    period,
    people,
    ...(positions ? { positions } : {}),
    options: { from: start, to: end < source.asOf ? end : source.asOf, asOf: source.asOf, newProductIds: source.products.filter((p) => p.new).map((p) => p.id) },
    currency: source.plan.currency,
    productNames: Object.fromEntries(source.products.map((p) => [p.id, p.name])),
  });
}
