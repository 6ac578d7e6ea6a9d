/**
 * Status bands and alerts: turns a pace index and a forecast ratio into on track / at risk /
 * off track, and says which status changes deserve an alert (预警), so managers intervene during
 * the period rather than after it.
 */
import type { MetricId, PeriodId } from '../plan/model.js';
import { fail, ok, type Result } from '../shared/result.js';

/**
 * The verdict on a node: on track / at risk / off track while the period runs; `too-early` before a
 * minimum share of it has elapsed (no verdict yet); `achieved` / `missed` once it is over.
 */
export type Status = 'on-track' | 'at-risk' | 'off-track' | 'too-early' | 'achieved' | 'missed';

/** Every status, in the order a legend lists them. */
export const STATUSES: readonly Status[] = Object.freeze(['too-early', 'on-track', 'at-risk', 'off-track', 'achieved', 'missed']);

/** Worst last: the index is the severity used to tell a worsening from an improvement. */
const SEVERITY: Readonly<Record<Status, number>> = { 'too-early': 0, achieved: 0, 'on-track': 0, 'at-risk': 1, 'off-track': 2, missed: 2 };

/** Statuses that raise no alert when a node is first seen with them. */
const QUIET: ReadonlySet<Status> = new Set<Status>(['on-track', 'too-early', 'achieved']);

/**
 * Where the bands lie. A node is on track when its pace index is at least `onTrackPace` and its
 * forecast ratio at least `onTrackForecast`; off track when its pace index is below `offTrackPace`
 * or its forecast ratio below `offTrackForecast`; at risk otherwise.
 */
export interface StatusThresholds {
  onTrackPace: number;
  onTrackForecast: number;
  offTrackPace: number;
  offTrackForecast: number;
  /**
   * The share of the period's working days that must have elapsed before a node may be called at
   * risk or off track, 0 … 1. Before it the status is `too-early`: one working day into a month
   * says nothing about the month.
   */
  minElapsedShare: number;
}

/**
 * The defaults: on track at pace ≥ 95 % of expected-to-date and a forecast ≥ 100 % of target;
 * off track below 80 % pace or below an 85 % forecast. A node at 90 % pace with a 102 % forecast
 * is therefore at risk: it will probably make it, but it is behind the calendar today. No verdict
 * before 10 % of the period's working days have elapsed (2 of a month's ~22).
 */
export const DEFAULT_STATUS_THRESHOLDS: Readonly<StatusThresholds> = Object.freeze({
  onTrackPace: 0.95,
  onTrackForecast: 1.0,
  offTrackPace: 0.8,
  offTrackForecast: 0.85,
  minElapsedShare: 0.1,
});

/**
 * Merges host-configured thresholds over the defaults and checks them: every value finite and ≥ 0,
 * and each off-track bound no higher than its on-track bound. Fails with `status-thresholds-invalid`
 * (params `name`, `value`) or `status-thresholds-order` (params `metric`: `pace` or `forecast`).
 *
 * `minElapsedShare` must also be at most 1.
 *
 * @example statusThresholds({ onTrackPace: 1 }) // ok({ onTrackPace: 1, onTrackForecast: 1, offTrackPace: 0.8, offTrackForecast: 0.85, minElapsedShare: 0.1 })
 */
export function statusThresholds(overrides: Partial<StatusThresholds> = {}): Result<StatusThresholds> {
  const t = { ...DEFAULT_STATUS_THRESHOLDS, ...overrides };
  for (const [name, value] of Object.entries(t)) {
    if (!Number.isFinite(value) || value < 0) {
      return fail('status-thresholds-invalid', `Threshold ${name} must be a finite number ≥ 0, got ${value}`, { name, value: String(value) });
    }
  }
  if (t.minElapsedShare > 1) {
    return fail('status-thresholds-invalid', `Threshold minElapsedShare must be at most 1, got ${t.minElapsedShare}`, { name: 'minElapsedShare', value: String(t.minElapsedShare) });
  }
  if (t.offTrackPace > t.onTrackPace) {
    return fail('status-thresholds-order', 'The off-track pace threshold is above the on-track one', { metric: 'pace' });
  }
  if (t.offTrackForecast > t.onTrackForecast) {
    return fail('status-thresholds-order', 'The off-track forecast threshold is above the on-track one', { metric: 'forecast' });
  }
  return ok(t);
}

/** What a status is judged on; `null` means not applicable (nothing expected yet, zero target). */
export interface StatusInput {
  paceIndex: number | null;
  forecastRatio: number | null;
  /** The share of the period's working days elapsed, 0 … 1; below `minElapsedShare` there is no verdict. Absent: not checked. */
  elapsedShare?: number | null;
  /** The period is over (as of its last day or later): the verdict is achieved or missed, from `attainment`. */
  closed?: boolean;
  /** actual / target, for a closed period. */
  attainment?: number | null;
}

/**
 * Why a node has its status: `pace-low` / `forecast-low` name the first measure that missed the
 * band's bound (params `value`, `threshold`), `on-pace` means both measures are within the on-track
 * band, `no-data` that neither measure applies (a node is then on track: nothing can be judged),
 * `too-early` that less than `minElapsedShare` of the period has elapsed (params `value`,
 * `threshold`), `period-achieved` / `period-missed` that the period is over (params `value`: the
 * attainment).
 */
export type StatusReason = 'on-pace' | 'pace-low' | 'forecast-low' | 'no-data' | 'too-early' | 'period-achieved' | 'period-missed';

export interface StatusAssessment {
  status: Status;
  reason: StatusReason;
  params: Record<string, number>;
}

/**
 * The status with its reason. A closed period is achieved (attainment ≥ 100 %) or missed; an open
 * one with less than `minElapsedShare` of its working days elapsed is too early to judge; otherwise
 * pace is checked before forecast, off track before at risk.
 *
 * @example assessStatus({ paceIndex: 0.9, forecastRatio: 1.02 })
 * // { status: 'at-risk', reason: 'pace-low', params: { value: 0.9, threshold: 0.95 } }
 * @example
 * // 1 December, 1 of December's 23 working days elapsed, nothing booked yet:
 * assessStatus({ paceIndex: 0, forecastRatio: 0, elapsedShare: 1 / 23 })
 * // { status: 'too-early', reason: 'too-early', params: { value: 0.0435, threshold: 0.1 } }
 * @example assessStatus({ paceIndex: 0.7, forecastRatio: 0.7, closed: true, attainment: 0.7 })
 * // { status: 'missed', reason: 'period-missed', params: { value: 0.7 } }
 */
export function assessStatus(input: StatusInput, thresholds: Partial<StatusThresholds> = {}): StatusAssessment {
  const t = { ...DEFAULT_STATUS_THRESHOLDS, ...thresholds };
  if (input.closed) {
    const a = finiteOrNull(input.attainment ?? null);
    if (a !== null) return a >= 1 ? { status: 'achieved', reason: 'period-achieved', params: { value: a } } : { status: 'missed', reason: 'period-missed', params: { value: a } };
  }
  const elapsed = finiteOrNull(input.elapsedShare ?? null);
  if (!input.closed && elapsed !== null && elapsed < t.minElapsedShare) {
    return { status: 'too-early', reason: 'too-early', params: { value: elapsed, threshold: t.minElapsedShare } };
  }
  const pace = finiteOrNull(input.paceIndex);
  const forecast = finiteOrNull(input.forecastRatio);
  if (pace === null && forecast === null) return { status: 'on-track', reason: 'no-data', params: {} };
  const checks: [Status, StatusReason, number | null, number][] = [
    ['off-track', 'pace-low', pace, t.offTrackPace],
    ['off-track', 'forecast-low', forecast, t.offTrackForecast],
    ['at-risk', 'pace-low', pace, t.onTrackPace],
    ['at-risk', 'forecast-low', forecast, t.onTrackForecast],
  ];
  for (const [status, reason, value, threshold] of checks) {
    if (value !== null && value < threshold) return { status, reason, params: { value, threshold } };
  }
  return { status: 'on-track', reason: 'on-pace', params: {} };
}

/**
 * The status band of a node: `on-track`, `at-risk` or `off-track` (see `StatusThresholds` for the
 * bands and `DEFAULT_STATUS_THRESHOLDS` for the defaults). A measure that is `null` is left out.
 *
 * @example statusOf({ paceIndex: 0.97, forecastRatio: 1.04 }) // 'on-track'
 * @example statusOf({ paceIndex: 0.75, forecastRatio: 1.1 }) // 'off-track': pace below 0.8
 * @example statusOf({ paceIndex: null, forecastRatio: 0.9 }) // 'at-risk': forecast below 1.0
 */
export function statusOf(input: StatusInput, thresholds: Partial<StatusThresholds> = {}): Status {
  return assessStatus(input, thresholds).status;
}

function finiteOrNull(v: number | null): number | null {
  return v !== null && Number.isFinite(v) ? v : null;
}

/** One status observation of a node, metric and period, as `evaluateAlerts` takes it. */
export interface StatusObservation {
  nodeId: string;
  metric: MetricId;
  period: PeriodId;
  status: Status;
  /** A reason code, e.g. from `assessStatus` (`pace-low`), with its params. */
  reason: string;
  params?: Record<string, string | number>;
}

/** An alert to raise (the `qk-alert` event's payload). */
export interface StatusAlert {
  key: string;
  nodeId: string;
  metric: MetricId;
  period: PeriodId;
  /** The previous status, or `null` when the node had none recorded. */
  from: Status | null;
  to: Status;
  direction: 'worsened' | 'improved';
  reason: string;
  params: Record<string, string | number>;
}

/**
 * The key under which a status is remembered: `metric|period|nodeId`. The node id goes last because
 * it is free text; metric ids and period ids never contain `|`.
 *
 * @example alertKey('rep-7', 'revenue', 'FY2026-Q1') // 'revenue|FY2026-Q1|rep-7'
 */
export function alertKey(nodeId: string, metric: MetricId, period: PeriodId): string {
  return `${metric}|${period}|${nodeId}`;
}

/**
 * The alerts to raise for the statuses just computed, against the statuses last seen (a record keyed
 * by `alertKey`). A change of status raises one alert, worsened or improved; an unchanged status
 * raises none. A node seen for the first time raises an alert only when it is at risk, off track or
 * missed (from `null`), so opening a dashboard mid-period still warns about nodes already at risk. Observations
 * are taken in order, so a key listed twice is compared with its earlier entry.
 *
 * @example
 * evaluateAlerts({ 'revenue|2026-04|rep-7': 'on-track' },
 *   [{ nodeId: 'rep-7', metric: 'revenue', period: '2026-04', status: 'at-risk', reason: 'pace-low', params: { value: 0.9, threshold: 0.95 } }])
 * // [{ key: 'revenue|2026-04|rep-7', nodeId: 'rep-7', metric: 'revenue', period: '2026-04',
 * //    from: 'on-track', to: 'at-risk', direction: 'worsened', reason: 'pace-low', params: {…} }]
 */
export function evaluateAlerts(previous: Readonly<Record<string, Status>>, current: readonly StatusObservation[]): StatusAlert[] {
  const seen = new Map<string, Status>(Object.entries(previous));
  const alerts: StatusAlert[] = [];
  for (const o of current) {
    const key = alertKey(o.nodeId, o.metric, o.period);
    const from = seen.get(key) ?? null;
    seen.set(key, o.status);
    if (from === o.status || (from === null && QUIET.has(o.status))) continue;
    alerts.push({
      key,
      nodeId: o.nodeId,
      metric: o.metric,
      period: o.period,
      from,
      to: o.status,
      direction: from !== null && SEVERITY[o.status] < SEVERITY[from] ? 'improved' : 'worsened',
      reason: o.reason,
      params: { ...o.params },
    });
  }
  return alerts;
}

/**
 * The record of statuses to keep for the next `evaluateAlerts` call: `previous` with the current
 * observations written over it (a new object).
 *
 * @example nextStatuses({}, [{ nodeId: 'a', metric: 'revenue', period: '2026-04', status: 'at-risk', reason: 'pace-low' }])
 * // { 'revenue|2026-04|a': 'at-risk' }
 */
export function nextStatuses(previous: Readonly<Record<string, Status>>, current: readonly StatusObservation[]): Record<string, Status> {
  const next: Record<string, Status> = { ...previous };
  for (const o of current) next[alertKey(o.nodeId, o.metric, o.period)] = o.status;
  return next;
}
