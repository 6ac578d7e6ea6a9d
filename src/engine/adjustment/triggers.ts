/**
 * Trigger rules: adjustments the data and the host's recorded events suggest, for a manager to
 * review. The seed ties adjustment to market and resource triggers (调整的触发条件: 外部市场环境的剧变,
 * 内部关键资源的变化): a market change, a territory change, a rep leaving, joining or absent for a
 * long time, a new product launched. Cutting a lagging rep's target to their forecast (pace) is
 * off by default: it rewards sandbagging, so a host has to ask for it (`includePace`).
 */
import type { MetricId, Opportunity, PeriodId } from '../plan/model.js';
import { forecast } from '../pace/forecast.js';
import { createPaceContext, pace } from '../pace/pace.js';
import { periodRange, workingDaysBetween } from '../calendar/periods.js';
import { fail, ok, type Result } from '../shared/result.js';
import { buildOrgIndex, rollupActuals, rollupTargets } from '../plan/rollup.js';
import { cmpId } from '../plan/allocate.js';
import { newHireTarget } from '../plan/new-hires.js';
import { rampOf } from '../plan/ramp.js';
import { newProductMinShare } from '../plan/product-mix.js';
import type { Absorption, AdjustmentChange, AdjustmentTrigger } from './model.js';
import type { AdjustmentState } from './preview.js';
import { targetsOf, targetTreeSteps, type PlanState } from '../plan/plan-state.js';
import { runSteps, STEP_CHUNK, type Steps } from '../shared/steps.js';

export interface TriggerThresholds {
  /** Propose when the forecast is below this share of the target (default 0.8). */
  forecastBelow: number;
  /** …and at least this share of the period's working days is behind (default 0.4). */
  minElapsed: number;
}

export const DEFAULT_TRIGGER_THRESHOLDS: Readonly<TriggerThresholds> = Object.freeze({ forecastBelow: 0.8, minElapsed: 0.4 });

export interface TriggerOptions {
  state: AdjustmentState & { pipeline?: readonly Opportunity[] };
  period: PeriodId;
  /** `revenue` (bookings, default) or `collections`: the metrics with dated actuals. */
  metric?: Extract<MetricId, 'revenue' | 'collections'>;
  /** Today, `YYYY-MM-DD`. */
  asOf: string;
  thresholds?: Partial<TriggerThresholds>;
  /** Only the reps under this node (itself when it is a rep); default: the whole org. */
  nodeId?: string;
  /**
   * Also propose cutting the target of a rep far behind pace to their forecast. Default false:
   * lowering a target because someone is behind rewards sandbagging; the seed ties adjustments to
   * market and resource triggers.
   */
  includePace?: boolean;
  /** Events the host records (market and territory changes, long absences, product launches). */
  events?: readonly PlanEvent[];
  /** The products of the plan: which are new (for `new-product` events). */
  products?: readonly { id: string; name: string; new: boolean }[];
  /** An absence shorter than this many working days inside the period suggests nothing (default 10). */
  minAbsenceDays?: number;
  /**
   * The store's read model of the same plan (`state` is its plain form): its org index and its
   * memoized target roll-ups are read instead of being built again from the lists, which at
   * 100,000 people is most of the work. The proposals are the same.
   */
  readModel?: PlanState;
}

/**
 * An event a host records that may justify a target change (the seed's 触发条件):
 * - `market`: the market of `nodeId` (a region, team or rep) changes by `change` (−0.2: shrinks by
 *   20 %) from `date` on — a competitor's move, a policy change;
 * - `territory`: the territory of `nodeId` grows or shrinks by `change` from `date` on (accounts
 *   moved to or from a teammate);
 * - `absence`: the rep `nodeId` is away from `from` to `to` (inclusive: leave, illness);
 * - `new-product`: the product `productId` launches on `date`; new products should reach `share`
 *   of the revenue (default: the plan's `newProductMinShare`, the decomposition's minimum; else 0.1).
 */
export type PlanEvent =
  | { kind: 'market'; nodeId: string; date: string; change: number; note?: string }
  | { kind: 'territory'; nodeId: string; date: string; change: number; note?: string }
  | { kind: 'absence'; nodeId: string; from: string; to: string; note?: string }
  | { kind: 'new-product'; productId: string; date: string; share?: number; note?: string };

/** The kinds of proposal, and the groups a list shows them in (resources: people and territory). */
export type TriggerKind = 'market' | 'territory' | 'leaving' | 'joining' | 'absence' | 'new-product' | 'pace';
export type TriggerGroup = 'market' | 'resources' | 'new-product' | 'pace';
export const TRIGGER_GROUPS: readonly TriggerGroup[] = ['market', 'resources', 'new-product', 'pace'];
const GROUP_OF: Record<TriggerKind, TriggerGroup> = {
  market: 'market',
  territory: 'resources',
  leaving: 'resources',
  joining: 'resources',
  absence: 'resources',
  'new-product': 'new-product',
  pace: 'pace',
};

/**
 * The proposals by group, in `TRIGGER_GROUPS` order (empty groups left out), each with at most
 * `limit` shown and the full count: a list stays short after a decomposition however many reps
 * lag, and a "show all" reveals the rest.
 *
 * @example
 * groupProposals(proposals, 3) // [{ group: 'resources', shown: [3 proposals], total: 5 }, { group: 'pace', shown: [3], total: 36 }]
 */
export function groupProposals(proposals: readonly TriggerProposal[], limit = Infinity): { group: TriggerGroup; shown: TriggerProposal[]; total: number }[] {
  return TRIGGER_GROUPS.map((group) => {
    const all = proposals.filter((p) => GROUP_OF[p.kind] === group);
    return { group, shown: all.slice(0, Math.max(0, limit)), total: all.length };
  }).filter((g) => g.total > 0);
}

/** A suggested adjustment: prefill a request from it; `facts` feed the suggested reason text. */
export interface TriggerProposal {
  trigger: AdjustmentTrigger;
  kind: TriggerKind;
  nodeId: string;
  name: string;
  metric: MetricId;
  /** For a `new-product` proposal: the product line whose target it sets. */
  product?: string;
  periods: string[];
  /** The suggested new value; absent when only the manager can say (a new hire's target). */
  change?: AdjustmentChange;
  absorption: Absorption;
  facts: Record<string, string | number>;
}

/**
 * Proposes adjustments for the reps of the org, in org order:
 * - pace (`pace-deviation`): the rep's target for `period` is above 0, at least `minElapsed` of its
 *   working days are behind as of `asOf`, and the forecast (`forecast`, run-rate blended with the
 *   weighted pipeline) is below `forecastBelow` × target. Suggests the forecast as the new target,
 *   the siblings absorbing the difference. Facts: `target`, `actual`, `forecast`, `ratio`, `elapsed`.
 *   A rep with no actuals in the period so far and no opportunity closing in the rest of it is
 *   skipped: there is nothing to forecast from, and a forecast of 0 is not evidence that the
 *   target should be 0 (a slow start, or data not entered yet).
 * - leaving (`personnel-change`): a rep whose `leaveDate` falls on or before the period's end and
 *   whose target is more than what the calendar expects by the leave date. Suggests that prorated
 *   amount (target × working days up to the leave date / working days of the period) with the
 *   teammates who stay as recipients (the parent when none stays). Facts: `leaveDate`, `target`,
 *   `prorated`, and `remainder` (target − prorated: what the recipients take).
 * - joining (`personnel-change`): a rep hired inside the period. Suggests their ramp × the average
 *   target of the veteran teammates who have one for the period (none: no value is suggested) (`newHireTarget`: person-years of the period, the hire month prorated
 *   by days); the siblings absorb the difference. Facts: `hireDate`, `suggested`.
 * With `nodeId`, only the reps under that node are considered (their teammates outside it still
 * take a leaving rep's target). Fails with `adjustment-thresholds-invalid` (params `name`, `value`:
 * each between 0 and 1), `adjustment-unknown-node` (params `node`), or the period and date codes of
 * `pace`.
 *
 * @example
 * // FY2026-Q1, as of 2026-03-11: 45 of 59 working days behind (0.76 ≥ 0.4). r3 has ¥800,000 of
 * // target, ¥80,000 booked and nothing in the pipeline: run-rate 80,000 × 59 / 45 = 104,889,
 * // blended with the pipeline's 80,000 → 92,444, 11.6 % of target < 80 % → a proposal to set r3 to ¥92,444.
 * evaluateTriggers({ state, period: 'FY2026-Q1', asOf: '2026-03-11' })
 * // A rep with a target but no booking yet and no opportunity closing this quarter: no proposal (not ¥0).
 */
export function evaluateTriggers(options: TriggerOptions): Result<TriggerProposal[]> {
  return runSteps(evaluateTriggersSteps(options));
}

/** Reps read between two yields of `evaluateTriggersSteps`. */
const TRIGGER_CHUNK = STEP_CHUNK * 8;

/**
 * `evaluateTriggers` as steps (`engine/shared/steps.ts`): the same proposals, the period's target
 * roll-up (from `readModel`) and the reps a few thousand at a time between yields, so a panel at
 * the top of a 100,000-person org does not read every rep in one task.
 */
export function* evaluateTriggersSteps(options: TriggerOptions): Steps<Result<TriggerProposal[]>> {
  const { state, period, asOf } = options;
  const metric = options.metric ?? 'revenue';
  const th = { ...DEFAULT_TRIGGER_THRESHOLDS, ...options.thresholds };
  for (const [name, value] of Object.entries(th)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      return fail('adjustment-thresholds-invalid', `the threshold ${name} must be between 0 and 1`, { name, value: String(value) });
    }
  }
  const cal = state.plan.calendar;
  const ctx = createPaceContext(period, cal);
  if (!ctx.ok) return ctx;
  const { start, end } = periodRange(period, cal);
  const model = options.readModel && options.readModel.org === state.org ? options.readModel : null;
  const ix = model ? model.index : buildOrgIndex(state.org);
  if (options.nodeId !== undefined && !ix.byId.has(options.nodeId)) {
    return fail('adjustment-unknown-node', `no node "${options.nodeId}"`, { node: options.nodeId });
  }
  // The reps under the node, in org order (`reps` lists a subtree in pre-order, as `order` does).
  const ids = options.nodeId === undefined ? ix.order : ix.reps(options.nodeId);
  // The roll-up of the period's targets over the read model, in steps (memoized there: `targetsOf` below finds it).
  if (model) yield* targetTreeSteps(model, { metric, period });
  const targetsFor = (product?: string) =>
    model ? targetsOf(model, { metric, period, ...(product !== undefined ? { product } : {}) }) : rollupTargets(state.targets, ix, { metric, period, ...(product !== undefined ? { product } : {}) }, cal);
  const targets = targetsFor();
  const to = asOf < end ? asOf : end;
  const type = metric === 'revenue' ? 'booking' : 'collection';
  // Actuals and the pipeline matter only to the pace rule (off by default): gathered once, and only then.
  let paceData: { actuals: Map<string, number>; withActuals: Set<string>; pipeline: Map<string, Opportunity[]> } | null = null;
  const paceInputs = () => {
    if (paceData) return paceData;
    const actuals = rollupActuals(state.actuals ?? [], ix, { from: start, to, type });
    // Reps with an actual record in the period so far (one that nets to 0 is still data).
    const withActuals = new Set((state.actuals ?? []).filter((a) => a.type === type && a.date >= start && a.date <= to).map((a) => a.repId));
    const pipeline = new Map<string, Opportunity[]>();
    for (const o of state.pipeline ?? []) {
      const list = pipeline.get(o.repId);
      if (list) list.push(o);
      else pipeline.set(o.repId, [o]);
    }
    return (paceData = { actuals, withActuals, pipeline });
  };

  const out: TriggerProposal[] = [];
  let read = 0;
  for (const id of ids) {
    if (++read % TRIGGER_CHUNK === 0) yield { done: read, total: ids.length };
    const node = ix.byId.get(id)!;
    if (node.kind !== 'rep') continue;
    const target = targets.get(id) ?? 0;
    const base = { nodeId: id, name: node.name, metric, periods: [period] };
    const parent = ix.parent(id);

    if (node.leaveDate !== undefined && node.leaveDate <= end && target > 0) {
      const p = pace({ target, actual: 0, period, asOf: node.leaveDate < start ? start : node.leaveDate, calendar: cal, context: ctx.value });
      if (!p.ok) return p;
      const prorated = node.leaveDate < start ? 0 : p.value.expectedToDate;
      if (prorated < target) {
        const stay = parent === null ? [] : ix.children(parent).filter((c) => c !== id && ix.byId.get(c)!.kind === 'rep' && !(ix.byId.get(c)!.leaveDate! <= end));
        out.push({
          ...base,
          trigger: 'personnel-change',
          kind: 'leaving',
          change: { kind: 'value', value: prorated },
          absorption: stay.length ? { mode: 'recipients', recipients: [...stay].sort(cmpId) } : { mode: 'parent' },
          facts: { leaveDate: node.leaveDate, target, prorated, remainder: target - prorated },
        });
        continue;
      }
    }
    if (node.hireDate !== undefined && node.hireDate >= start && node.hireDate <= end && parent !== null) {
      // Suggest the ramp × an average veteran beside them with a target for the period (`newHireTarget`).
      const veterans = ix.children(parent).filter((c) => { const n = ix.byId.get(c)!; return c !== id && n.kind === 'rep' && targets.has(c) && !(n.hireDate !== undefined && n.hireDate > start) && n.leaveDate === undefined; });
      const s = newHireTarget({ hireDate: node.hireDate, start, end, veteranTargets: veterans.map((v) => targets.get(v) ?? 0), schedule: rampOf(node) });
      if (!s.ok) return s;
      out.push({ ...base, trigger: 'personnel-change', kind: 'joining', ...(s.value !== null ? { change: { kind: 'value' as const, value: s.value } } : {}), absorption: { mode: 'siblings' }, facts: { hireDate: node.hireDate, ...(s.value !== null ? { suggested: s.value } : {}) } });
      continue;
    }
    if (target <= 0 || !options.includePace) continue;
    const { actuals, withActuals, pipeline } = paceInputs();
    const actual = actuals.get(id) ?? 0;
    const p = pace({ target, actual, period, asOf, calendar: cal, context: ctx.value });
    if (!p.ok) return p;
    if (p.value.expectedShare < th.minElapsed) continue;
    const f = forecast({ actual, target, period, asOf, calendar: cal, context: ctx.value, pipeline: pipeline.get(id) ?? [] });
    if (!f.ok) return f;
    if (!withActuals.has(id) && f.value.pipelineCount === 0) continue;
    const ratio = f.value.forecastRatio ?? 1;
    if (ratio >= th.forecastBelow) continue;
    out.push({
      ...base,
      trigger: 'pace-deviation',
      kind: 'pace',
      change: { kind: 'value', value: f.value.blended },
      absorption: { mode: 'siblings' },
      facts: { target, actual, forecast: f.value.blended, ratio, elapsed: p.value.expectedShare },
    });
  }
  const events = eventProposals(options, { ix, targets, targetsFor, start, end, workingDays: ctx.value.workingDays, metric, period });
  if (!events.ok) return events;
  return ok([...out, ...events.value]);
}

const DEFAULT_MIN_ABSENCE_DAYS = 10;

/** The proposals of the host's recorded events, in the order given (see `evaluateTriggers`). */
function eventProposals(
  options: TriggerOptions,
  c: { ix: ReturnType<typeof buildOrgIndex>; targets: ReadonlyMap<string, number>; targetsFor: (product?: string) => ReadonlyMap<string, number>; start: string; end: string; workingDays: number; metric: MetricId; period: PeriodId },
): Result<TriggerProposal[]> {
  const { ix, targets, targetsFor, start, end, workingDays: W, metric, period } = c;
  const out: TriggerProposal[] = [];
  if (W <= 0) return ok(out);
  const scope = options.nodeId;
  const inScope = (id: string) => scope === undefined || id === scope || ix.ancestors(id).includes(scope);
  const minDays = options.minAbsenceDays ?? DEFAULT_MIN_ABSENCE_DAYS;
  const later = (a: string, b: string) => (a > b ? a : b);
  for (const [i, ev] of (options.events ?? []).entries()) {
    if (ev.kind === 'new-product') {
      const product = options.products?.find((p) => p.id === ev.productId);
      if (!product) return fail('adjustment-unknown-product', `event ${i}: no product "${ev.productId}"`, { product: ev.productId });
      if (ev.date > end) continue;
      const at = scope ?? ix.roots[0];
      if (at === undefined) continue;
      const target = targets.get(at) ?? 0;
      // Without its own share, a launch asks for the plan's new-product minimum (the tree's rule).
      const share = ev.share ?? newProductMinShare(options.state.plan);
      const days = workingDaysBetween(later(ev.date, start), end, options.state.plan.calendar);
      const want = Math.round((target * share * days) / W);
      const has = targetsFor(product.id).get(at) ?? 0;
      if (target <= 0 || want <= has) continue;
      out.push({
        trigger: 'other',
        kind: 'new-product',
        nodeId: at,
        name: ix.byId.get(at)!.name,
        metric,
        periods: [period],
        product: product.id,
        change: { kind: 'value', value: want },
        absorption: { mode: 'parent' },
        facts: { product: product.name, date: ev.date, share, target, value: want, current: has, remaining: days / W },
      });
      continue;
    }
    const node = ix.byId.get(ev.nodeId);
    if (!node) return fail('adjustment-unknown-node', `event ${i}: no node "${ev.nodeId}"`, { node: ev.nodeId });
    if (!inScope(ev.nodeId)) continue;
    const target = targets.get(ev.nodeId) ?? 0;
    if (target <= 0) continue;
    const base = { nodeId: ev.nodeId, name: node.name, metric, periods: [period] };
    const parent = ix.parent(ev.nodeId);
    const siblings = parent === null ? [] : ix.children(parent).filter((x) => x !== ev.nodeId);
    if (ev.kind === 'absence') {
      if (node.kind !== 'rep') continue;
      const from = later(ev.from, start);
      const to = ev.to < end ? ev.to : end;
      const days = from > to ? 0 : workingDaysBetween(from, to, options.state.plan.calendar);
      if (days < minDays) continue;
      const value = target - Math.round((target * days) / W);
      out.push({
        ...base,
        trigger: 'personnel-change',
        kind: 'absence',
        change: { kind: 'value', value },
        absorption: siblings.length ? { mode: 'siblings' } : { mode: 'parent' },
        facts: { from: ev.from, to: ev.to, days, share: days / W, target, value },
      });
      continue;
    }
    if (!Number.isFinite(ev.change) || ev.change < -1 || ev.change > 10) {
      return fail('adjustment-thresholds-invalid', `event ${i}: the change must be between -1 and 10`, { name: 'change', value: String(ev.change) });
    }
    if (ev.date > end) continue;
    const days = workingDaysBetween(later(ev.date, start), end, options.state.plan.calendar);
    const value = target + Math.round((target * ev.change * days) / W);
    if (value === target) continue;
    out.push({
      ...base,
      trigger: ev.kind === 'market' ? 'market-shift' : 'personnel-change',
      kind: ev.kind,
      change: { kind: 'value', value },
      // A market change is the company's to absorb; a territory moves between teammates.
      absorption: ev.kind === 'territory' && siblings.length ? { mode: 'siblings' } : { mode: 'parent' },
      facts: { date: ev.date, change: ev.change, target, value, remaining: days / W, ...(ev.note ? { note: ev.note } : {}) },
    });
  }
  return ok(out);
}
