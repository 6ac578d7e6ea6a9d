/**
 * The requirement per person and per time: split over a team's reps by capacity × ramp, and into
 * weekly and daily activity quotas over the working days of a period.
 */
import type { FiscalCalendar } from '../plan/model.js';
import { addDays, isoWeek, periodRange, workingDaysBetween } from '../calendar/periods.js';
import { fail, ok, type Result } from '../shared/result.js';
import { allocate, cmpId, integerWeights, numberSplitIsExact, splitInto } from '../plan/allocate.js';
import { runSteps, type Steps } from '../shared/steps.js';
import { sortSteps } from '../shared/sort-steps.js';
import { rampFactor, type RampStep } from '../plan/ramp.js';
import { funnelFail, isCount } from './core.js';

/** Stage counts: a record `{ lead: 500, … }` or a requirement from `invertFunnel` (its `stages`, in order). */
export type StageCounts = Readonly<Record<string, number>> | { readonly stages: readonly { id: string; count: number }[] };

function entriesOf(counts: StageCounts): Result<[string, number][]> {
  const list: [string, number][] =
    'stages' in counts && Array.isArray(counts.stages)
      ? counts.stages.map((s) => [s.id, s.count])
      : Object.entries(counts as Record<string, number>);
  for (const [id, n] of list) {
    if (!isCount(n)) return funnelFail('funnel-count-invalid', `the count of "${id}" must be a whole number ≥ 0`, { stage: id }, ['counts', id]);
  }
  return ok(list);
}

export interface SplitRep {
  id: string;
  /** Needed for the ramp; a rep without one is fully ramped. */
  hireDate?: string;
  /** Relative capacity (e.g. 1 for a full-time rep, 0.5 half-time). Default 1. */
  weight?: number;
}

export interface RepRequirement {
  id: string;
  capacity: number;
  /** The ramp factor on `asOf` (0 before the hire date, 1 when fully ramped). */
  ramp: number;
  /** capacity × ramp, the weight of the split. */
  weight: number;
  counts: Record<string, number>;
}

/** Reps read between two yields of `splitRequirementSteps`. */
export const SPLIT_CHUNK = 2_000;

/**
 * Splits every stage's count over reps in proportion to capacity × ramp, with the largest-remainder
 * method of `allocate`, so each stage's per-rep counts are whole and add up exactly to the team's.
 *
 * @example
 * // 500 leads, 20 won; a veteran (weight 1), a rep hired 2 months ago (ramp 0.3) and a half-timer (0.5):
 * // weights 1 : 0.3 : 0.5 = 10 : 3 : 5 of 18 → leads 277.8, 83.3, 138.9 → 278, 83, 139 (sum 500);
 * // won 11.1, 3.3, 5.6 → 11, 3, 6 (sum 20).
 *
 * Errors: `funnel-no-capacity` (no reps, or every weight is 0), `funnel-weight-invalid`,
 * `funnel-count-invalid`, `duplicate-part` (a rep listed twice), and the ramp's date and schedule
 * errors (path into `reps`).
 */
export function splitRequirement(
  requirement: StageCounts,
  reps: readonly SplitRep[],
  options: { asOf: string; rampSchedule?: readonly RampStep[] },
): Result<{ reps: RepRequirement[] }> {
  return runSteps(splitRequirementSteps(requirement, reps, options));
}

/**
 * `splitRequirement` as steps (see `shared/steps.ts`): each step reads or writes at most
 * `SPLIT_CHUNK` reps, or sorts a slice of the tie order (`sortSteps`), or splits one stage with the
 * linear kernel `splitInto`. The work grows as n·log n with the reps (the tie order is sorted once
 * for every stage), not as n² (47–78 s at 99,899 reps in Node before). Each stage's counts are
 * those of `allocate(count, reps by weight)`; a stage whose products would not stay exact in
 * doubles (weights with many decimals and a large count) is split by `allocate` itself, in one step.
 */
export function* splitRequirementSteps(
  requirement: StageCounts,
  reps: readonly SplitRep[],
  options: { asOf: string; rampSchedule?: readonly RampStep[] },
  chunk = SPLIT_CHUNK,
): Steps<Result<{ reps: RepRequirement[] }>> {
  const entries = entriesOf(requirement);
  if (!entries.ok) return entries;
  const n = reps.length;
  const rows: RepRequirement[] = new Array(n);
  // The ramp depends on the hire date alone (same `asOf`, same schedule): once per date.
  const ramps = new Map<string, Result<number>>();
  const seen = new Set<string>();
  let duplicate = -1;
  let anyWeight = false;
  for (let i = 0; i < n; i++) {
    const r = reps[i];
    const capacity = r.weight ?? 1;
    if (typeof capacity !== 'number' || !Number.isFinite(capacity) || capacity < 0) {
      return funnelFail('funnel-weight-invalid', `the capacity of rep "${r.id}" must be a finite number ≥ 0`, { id: r.id }, ['reps', i, 'weight']);
    }
    let ramp = 1;
    if (r.hireDate !== undefined) {
      let f = ramps.get(r.hireDate);
      if (!f) ramps.set(r.hireDate, (f = rampFactor(r.hireDate, options.asOf, options.rampSchedule)));
      if (!f.ok) return { ok: false, error: { ...f.error, path: ['reps', i, 'hireDate'] } };
      ramp = f.value;
    }
    // Rounded to 1e-9 so 1.5 × 0.6 weighs 0.9, not the 0.8999999999999999 floats give.
    const weight = Math.round(capacity * ramp * 1e9) / 1e9;
    if (weight > 0) anyWeight = true;
    if (duplicate < 0 && seen.has(r.id)) duplicate = i;
    seen.add(r.id);
    rows[i] = { id: r.id, capacity, ramp, weight, counts: {} };
    if (i % chunk === chunk - 1 && i < n - 1) yield { done: i + 1, total: n };
  }
  if (!anyWeight) {
    return funnelFail('funnel-no-capacity', 'no rep has capacity to carry the requirement (no reps, or all weights or ramps are 0)', {}, ['reps']);
  }
  // What `allocate` answers for a rep listed twice.
  if (duplicate >= 0) return fail('duplicate-part', `the part "${rows[duplicate].id}" appears twice`, { id: rows[duplicate].id }, [duplicate]);
  yield { done: n, total: n };

  // `allocate`'s exact integer weights and tie order (larger weight, then smaller id), once for every stage.
  // Read over the distinct weights (a few: capacity × ramp): the same integers, as the scale is the
  // one power of ten of the most decimals, and one parse per value instead of one per rep.
  const distinct = new Map<number, number>();
  for (const r of rows) distinct.set(r.weight, (distinct.get(r.weight) ?? 0) + 1);
  const values = [...distinct.keys()];
  const ints = integerWeights(values);
  const intOf = new Map(values.map((v, k) => [v, ints[k]]));
  let bigW = 0n;
  for (const [k, v] of values.entries()) bigW += ints[k] * BigInt(distinct.get(v)!);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = Number(intOf.get(rows[i].weight)!);
  const W = Number(bigW);
  const stages = entries.value;
  // Progress: the reps read, then the reps written for each stage (the sort's steps add none).
  const total = n + stages.length * n;
  yield { done: n, total };
  let order: number[] | null = null;
  const out = new Float64Array(n);
  const rem = new Float64Array(n);
  for (const [s, [stage, count]] of stages.entries()) {
    if (numberSplitIsExact(count, W)) {
      if (!order) {
        const ids = rows.map((r) => r.id);
        const sorter = sortSteps(Array.from({ length: n }, (_, j) => j), (a, b) => w[b] - w[a] || cmpId(ids[a], ids[b]), chunk);
        for (let step = sorter.next(); ; step = sorter.next()) {
          if (step.done) {
            order = step.value;
            break;
          }
          yield { done: n, total };
        }
      }
      // One piece, linear in the reps (a few milliseconds at 100,000): its own step.
      splitInto(count, w, W, order, out, 0, 1, rem);
    } else {
      const a = allocate(count, rows.map((r) => ({ id: r.id, weight: r.weight })), { zeroWeights: 'error' });
      if (!a.ok) return a;
      for (let i = 0; i < n; i++) out[i] = a.value.values[rows[i].id];
    }
    const at = n + s * n;
    yield { done: at, total };
    for (let i = 0; i < n; i++) {
      rows[i].counts[stage] = out[i];
      if (i % chunk === chunk - 1 && i < n - 1) yield { done: at + i + 1, total };
    }
    yield { done: at + n, total };
  }
  return ok({ reps: rows });
}

export interface WeekQuota {
  /** ISO week id, e.g. `2026-W10`. */
  week: string;
  /** The part of the week inside the period. */
  from: string;
  to: string;
  workingDays: number;
  counts: Record<string, number>;
}

export interface ActivityQuotas {
  workingDays: number;
  weeks: WeekQuota[];
  /** count / working days, unrounded. */
  perDay: Record<string, number>;
  /** The same rate rounded to one decimal, for display (22.727… → 22.7). */
  perDayDisplay: Record<string, number>;
}

/** ceil(a · b / c) in integers, for a, b ≥ 0 and c > 0. */
const ceilMulDiv = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b) + BigInt(c) - 1n) / BigInt(c));

/**
 * Weekly and daily quotas over the working days of `from`..`to` (both included; weekends, holidays
 * and make-up workdays from the fiscal calendar).
 *
 * Week k's quota is ceil(count × working days up to the end of week k / all working days) minus the
 * same for week k − 1. Each week so gets its working-day share rounded so the running total is
 * never behind pro rata (a rep who meets every weekly quota is never behind pace), and the weeks
 * add up exactly to the count. A week with no working days gets 0.
 *
 * @example
 * // 500 leads over March 2026 (22 working days): ISO weeks W09 (Sun 1st: 0 days), W10–W13 (5 each), W14 (30th–31st: 2).
 * // Running totals ceil(500·5/22) = 114, ceil(500·10/22) = 228, 341, 455, 500 → 0, 114, 114, 113, 114, 45.
 * // Per day 500 / 22 = 22.727… → 22.7.
 *
 * Errors: `funnel-window-invalid`, `funnel-no-working-days`, `funnel-count-invalid`.
 */
export function activityQuotas(
  counts: StageCounts,
  options: { from: string; to: string; calendar: FiscalCalendar },
): Result<ActivityQuotas> {
  const { from, to, calendar } = options;
  if (addDays(from, 0) !== from || addDays(to, 0) !== to || from > to) {
    return funnelFail('funnel-window-invalid', `"${from}".."${to}" is not a range of dates`, { from: String(from), to: String(to) }, ['from']);
  }
  const entries = entriesOf(counts);
  if (!entries.ok) return entries;
  const total = workingDaysBetween(from, to, calendar);
  if (total === 0) return funnelFail('funnel-no-working-days', `there are no working days from ${from} to ${to}`, { from, to }, ['from']);

  const weeks: WeekQuota[] = [];
  let cum = 0;
  for (let start = from; start <= to; ) {
    const week = isoWeek(start);
    const sunday = periodRange(week, calendar).end;
    const end = sunday < to ? sunday : to;
    const days = workingDaysBetween(start, end, calendar);
    const before = cum;
    cum += days;
    const row: Record<string, number> = {};
    for (const [stage, n] of entries.value) row[stage] = ceilMulDiv(n, cum, total) - ceilMulDiv(n, before, total);
    weeks.push({ week, from: start, to: end, workingDays: days, counts: row });
    start = addDays(end, 1);
  }
  const perDay = Object.fromEntries(entries.value.map(([s, n]) => [s, n / total]));
  const perDayDisplay = Object.fromEntries(entries.value.map(([s, n]) => [s, Math.round((n / total) * 10) / 10]));
  return ok({ workingDays: total, weeks, perDay, perDayDisplay });
}
