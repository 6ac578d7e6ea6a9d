/**
 * Trigger rules: adjustments the data suggests, for a manager to review. Pace: a rep forecast to
 * miss the target by a wide margin once enough of the period is behind. Personnel: a rep leaving
 * (their remaining target goes to the teammates) or joining during the period.
 */
import type { MetricId, Opportunity, PeriodId } from '../plan/model.js';
import { forecast } from '../pace/forecast.js';
import { createPaceContext, pace } from '../pace/pace.js';
import { periodRange } from '../calendar/periods.js';
import { fail, ok, type Result } from '../shared/result.js';
import { buildOrgIndex, rollupActuals, rollupTargets } from '../plan/rollup.js';
import { cmpId } from '../plan/allocate.js';
import { newHireTarget } from '../plan/new-hires.js';
import { rampOf } from '../plan/ramp.js';
import type { Absorption, AdjustmentChange, AdjustmentTrigger } from './model.js';
import type { AdjustmentState } from './preview.js';

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
}

/** A suggested adjustment: prefill a request from it; `facts` feed the suggested reason text. */
export interface TriggerProposal {
  trigger: AdjustmentTrigger;
  kind: 'pace' | 'leaving' | 'joining';
  nodeId: string;
  name: string;
  metric: MetricId;
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
  const ix = buildOrgIndex(state.org);
  if (options.nodeId !== undefined && !ix.byId.has(options.nodeId)) {
    return fail('adjustment-unknown-node', `no node "${options.nodeId}"`, { node: options.nodeId });
  }
  const inScope = options.nodeId === undefined ? null : new Set(ix.reps(options.nodeId));
  const targets = rollupTargets(state.targets, ix, { metric, period }, cal);
  const to = asOf < end ? asOf : end;
  const type = metric === 'revenue' ? 'booking' : 'collection';
  const actuals = rollupActuals(state.actuals ?? [], ix, { from: start, to, type });
  // Reps with an actual record in the period so far (one that nets to 0 is still data).
  const withActuals = new Set((state.actuals ?? []).filter((a) => a.type === type && a.date >= start && a.date <= to).map((a) => a.repId));
  const pipelineOf = (rep: string) => (state.pipeline ?? []).filter((o) => o.repId === rep);

  const out: TriggerProposal[] = [];
  for (const id of ix.order) {
    const node = ix.byId.get(id)!;
    if (node.kind !== 'rep' || (inScope && !inScope.has(id))) continue;
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
    if (target <= 0) continue;
    const actual = actuals.get(id) ?? 0;
    const p = pace({ target, actual, period, asOf, calendar: cal, context: ctx.value });
    if (!p.ok) return p;
    if (p.value.expectedShare < th.minElapsed) continue;
    const f = forecast({ actual, target, period, asOf, calendar: cal, context: ctx.value, pipeline: pipelineOf(id) });
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
  return ok(out);
}
