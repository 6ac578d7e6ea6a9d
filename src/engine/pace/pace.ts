/**
 * Pace: how far a node is from its target during the period, and whether it is where the calendar
 * says it should be by now (事中干预). Money is integer minor units throughout; ratios are plain
 * numbers (1 = 100 %).
 *
 * "Elapsed" always means the end of `asOf`: a rep looking at the gauge on Wednesday evening has
 * Wednesday behind them. Remaining working days are those after `asOf`.
 */
import type { FiscalCalendar, PeriodId } from '../plan/model.js';
import { addDays, daysBetween, isDate, parsePeriodId, periodOf, periodRange, workingDaysBetween } from '../calendar/periods.js';
import { rampSchedule, type RampStep } from '../plan/ramp.js';
import { fail, ok, type Result } from '../shared/result.js';

/** How the target is spread over the period to get expected-to-date. */
export type PaceBasis = 'working-days' | 'seasonality' | 'ramp';

/** One calendar month of a period, clipped to the period (an ISO week may cut a month). */
export interface PeriodMonth {
  month: string;
  start: string;
  end: string;
  /** Working days of the month inside the period. */
  workingDays: number;
  /** Working days of the whole calendar month. */
  monthWorkingDays: number;
  calendarDays: number;
  monthCalendarDays: number;
}

/**
 * What pace and forecast need to know about a period, computed once and shared by every node
 * (10,000 reps in one period cost one context, not 10,000 calendar walks).
 */
export interface PaceContext {
  readonly period: PeriodId;
  readonly calendar: FiscalCalendar;
  readonly start: string;
  readonly end: string;
  readonly workingDays: number;
  readonly calendarDays: number;
  readonly months: readonly PeriodMonth[];
}

/**
 * Precomputes a period for pace and forecast: its first and last day, its working days, and its
 * calendar months with their working days. Pass the result as `context` to `pace` and `forecast`
 * when computing many nodes of one period. The calendar is treated as immutable. Fails with
 * `period-invalid` or `period-week-range` for an id that is not a period.
 *
 * @example createPaceContext('FY2026-Q1', { startMonth: 4 })
 * // ok({ start: '2026-04-01', end: '2026-06-30', workingDays: 65, calendarDays: 91,
 * //      months: [{ month: '2026-04', workingDays: 22, … }, { month: '2026-05', workingDays: 21, … }, { month: '2026-06', workingDays: 22, … }] })
 */
export function createPaceContext(period: PeriodId, calendar: FiscalCalendar): Result<PaceContext> {
  const parsed = parsePeriodId(period);
  if (!parsed.ok) return parsed;
  const { start, end } = periodRange(period, calendar);
  const months: PeriodMonth[] = [];
  for (let cursor = start; cursor !== '' && cursor <= end; ) {
    const month = periodOf(cursor, 'month', calendar);
    const whole = periodRange(month, calendar);
    const segEnd = whole.end < end ? whole.end : end;
    months.push({
      month,
      start: cursor,
      end: segEnd,
      workingDays: workingDaysBetween(cursor, segEnd, calendar),
      monthWorkingDays: workingDaysBetween(whole.start, whole.end, calendar),
      calendarDays: daysBetween(cursor, segEnd) + 1,
      monthCalendarDays: daysBetween(whole.start, whole.end) + 1,
    });
    cursor = addDays(segEnd, 1);
  }
  return ok({
    period,
    calendar,
    start,
    end,
    workingDays: months.reduce((s, m) => s + m.workingDays, 0),
    calendarDays: daysBetween(start, end) + 1,
    months,
  });
}

/** The context to use: the given one when it was made for this period and calendar, else a new one. */
export function resolveContext(period: PeriodId, calendar: FiscalCalendar, context?: PaceContext): Result<PaceContext> {
  return context && context.period === period && context.calendar === calendar ? ok(context) : createPaceContext(period, calendar);
}

/** A seasonality weight for one calendar month (`2026-02`); weights need not sum to 1. */
export interface SeasonalityWeight {
  month: string;
  weight: number;
}

/** The inputs of `pace`: one node, one metric, one period, as of one day. */
export interface PaceOptions {
  /** The target for the period, minor units (or a count), ≥ 0. */
  target: number;
  /** The actual so far in the period, minor units; may be negative after refunds. */
  actual: number;
  period: PeriodId;
  /** The day the figures are as of (its end): `YYYY-MM-DD`. */
  asOf: string;
  calendar: FiscalCalendar;
  /** From `createPaceContext(period, calendar)`; ignored (and rebuilt) if made for another period or calendar. */
  context?: PaceContext;
  basis?: PaceBasis;
  /** `seasonality`: the expected share of each month of the period (every month the period touches). */
  profile?: readonly SeasonalityWeight[];
  /** `ramp`: the rep's hire date. */
  hireDate?: string;
  /** `ramp`: the ramp steps (default `DEFAULT_RAMP`: 30 % the first quarter, 60 % the second). */
  rampSchedule?: readonly RampStep[];
}

/** Why a ratio or rate is `null`. */
export type PaceReason = 'zero-target' | 'nothing-expected-yet' | 'no-working-days-left';

/** The figures `pace` returns; money in minor units, ratios as plain numbers (1 = 100 %). */
export interface PaceResult {
  period: PeriodId;
  asOf: string;
  basis: PaceBasis;
  target: number;
  actual: number;
  /** actual / target; `null` for a zero target (`reasons.attainment = 'zero-target'`). */
  attainment: number | null;
  /** target − actual: what is still missing; negative when over target. */
  gap: number;
  /** The share of the target expected by the end of `asOf`, 0 … 1. */
  expectedShare: number;
  /** target × expectedShare, rounded half up to a whole minor unit. */
  expectedToDate: number;
  /** actual / expectedToDate; `null` while nothing is expected (`'nothing-expected-yet'`). */
  paceIndex: number | null;
  totalWorkingDays: number;
  elapsedWorkingDays: number;
  remainingWorkingDays: number;
  /** max(gap, 0) / remaining working days, rounded up to a whole minor unit; `null` when none remain. */
  requiredDailyRate: number | null;
  reasons: Partial<Record<'attainment' | 'paceIndex' | 'requiredDailyRate', PaceReason>>;
}

/**
 * Attainment, gap, expected-to-date, pace index and the daily rate needed to close the gap.
 *
 * Expected-to-date is target × the elapsed share of the period, where the share is measured
 * - `working-days` (default): working days up to and including `asOf` / working days in the period;
 * - `seasonality`: each month weighs its `profile` weight (a month cut by the period weighs its
 *   working-day part of it); whole months elapsed count fully, the current month by its working-day
 *   share; so a February with the Spring Festival is expected to bring less;
 * - `ramp`: each month weighs its working days (from the hire date on, in the hire month) × the
 *   rep's ramp factor for that month from `rampSchedule` (the hire month is tenure month 0; months
 *   before it weigh 0), so a new hire is expected to deliver most in the later, more ramped months.
 * A period (or month) without working days is measured in calendar days instead.
 *
 * Rounding: expectedToDate is rounded half up once (exact integer arithmetic for working days);
 * requiredDailyRate is rounded up so that paying it every remaining day closes the gap.
 *
 * Fails with `pace-amount-invalid` (target or actual not a whole number, target < 0),
 * `pace-basis-invalid`, `pace-date-invalid`, `pace-profile-missing-month`, `pace-profile-invalid`, `pace-profile-empty`,
 * `pace-hire-date-missing`, the period codes of `createPaceContext`, or `invalid-ramp-schedule`
 * from `rampSchedule`. A seasonality profile of 12 fiscal-order weights (from
 * `seasonalityFromHistory`) becomes `profile` by pairing it with `fiscalYearMonths(fy, calendar)`.
 *
 * @example
 * // March 2026 has 22 working days; Wed 11 March is the 8th.
 * pace({ target: 2_200_000, actual: 700_000, period: '2026-03', asOf: '2026-03-11', calendar: { startMonth: 1 } })
 * // ok({ attainment: 0.3182, gap: 1_500_000, expectedToDate: 800_000 (2,200,000 × 8 / 22),
 * //      paceIndex: 0.875, elapsedWorkingDays: 8, remainingWorkingDays: 14,
 * //      requiredDailyRate: 107_143 (1,500,000 / 14 = 107,142.86, rounded up), … })
 */
export function pace(options: PaceOptions): Result<PaceResult> {
  const { target, actual, period, asOf, calendar, basis = 'working-days' } = options;
  const amounts = checkAmounts(target, actual);
  if (!amounts.ok) return amounts;
  if (basis !== 'working-days' && basis !== 'seasonality' && basis !== 'ramp') {
    return fail('pace-basis-invalid', `"${basis}" is not a pace basis (working-days, seasonality or ramp)`, { value: String(basis) });
  }
  const ctxResult = resolveContext(period, calendar, options.context);
  if (!ctxResult.ok) return ctxResult;
  const ctx = ctxResult.value;
  const position = asOfPosition(ctx, asOf);
  if (!position) return fail('pace-date-invalid', `"${asOf}" is not a date YYYY-MM-DD`, { field: 'asOf', value: asOf });

  const elapsed = position.elapsed;
  const remaining = ctx.workingDays - elapsed;
  let expectedToDate: number;
  let expectedShare: number;
  if (basis === 'working-days') {
    const [done, total] = ctx.workingDays > 0 ? [elapsed, ctx.workingDays] : [elapsedCalendarDays(ctx.start, ctx.end, asOf), ctx.calendarDays];
    expectedToDate = mulDivRound(target, done, total);
    expectedShare = done / total;
  } else {
    const weights = basis === 'seasonality' ? seasonalWeights(ctx, options.profile) : rampWeights(ctx, options.hireDate, options.rampSchedule);
    if (!weights.ok) return weights;
    expectedShare = weightedShare(ctx, weights.value, asOf);
    expectedToDate = Math.round(target * expectedShare);
  }

  const gap = target - actual;
  const reasons: PaceResult['reasons'] = {};
  if (target === 0) reasons.attainment = 'zero-target';
  if (expectedToDate === 0) reasons.paceIndex = 'nothing-expected-yet';
  if (remaining === 0) reasons.requiredDailyRate = 'no-working-days-left';
  return ok({
    period,
    asOf,
    basis,
    target,
    actual,
    attainment: target === 0 ? null : actual / target,
    gap,
    expectedShare,
    expectedToDate,
    paceIndex: expectedToDate === 0 ? null : actual / expectedToDate,
    totalWorkingDays: ctx.workingDays,
    elapsedWorkingDays: elapsed,
    remainingWorkingDays: remaining,
    requiredDailyRate: remaining === 0 ? null : ceilDiv(Math.max(gap, 0), remaining),
    reasons,
  });
}

/** Where a date stands in a context's period; see `asOfPosition`. */
export interface AsOfPosition {
  /** Working days of the period up to and including the date. */
  elapsed: number;
  /** The day after: the remaining period starts at the later of it and the period's start. */
  dayAfter: string;
}

/** Per context, the positions of the dates asked about: every node of a dashboard shares one asOf. */
const positions = new WeakMap<PaceContext, Map<string, AsOfPosition | null>>();

/**
 * The working days of the context's period elapsed by the end of `asOf` (0 before the period, all
 * after it), and the day after `asOf`; `null` for a malformed date. Remembered per context and date,
 * so the 10,000th rep asking about the same day costs a map lookup.
 *
 * @example asOfPosition(march2026Context, '2026-03-11') // { elapsed: 8, dayAfter: '2026-03-12' }
 */
export function asOfPosition(ctx: PaceContext, asOf: string): AsOfPosition | null {
  let cache = positions.get(ctx);
  if (!cache) positions.set(ctx, (cache = new Map()));
  let position = cache.get(asOf);
  if (position === undefined) {
    position = !isDate(asOf)
      ? null
      : {
          elapsed: asOf < ctx.start ? 0 : asOf >= ctx.end ? ctx.workingDays : workingDaysBetween(ctx.start, asOf, ctx.calendar),
          dayAfter: addDays(asOf, 1),
        };
    cache.set(asOf, position);
  }
  return position;
}

function elapsedCalendarDays(start: string, end: string, asOf: string): number {
  if (asOf < start) return 0;
  return daysBetween(start, asOf < end ? asOf : end) + 1;
}

/** Elapsed share of one month of the period: by working days, or calendar days if it has none. */
function monthShare(m: PeriodMonth, asOf: string, calendar: FiscalCalendar, from = m.start): number {
  if (asOf < from) return 0;
  if (asOf >= m.end) return 1;
  const total = workingDaysBetween(from, m.end, calendar);
  if (total > 0) return workingDaysBetween(from, asOf, calendar) / total;
  return (daysBetween(from, asOf) + 1) / (daysBetween(from, m.end) + 1);
}

/** A month's weight and the first day it counts from (the hire date, for a new hire's first month). */
interface MonthWeight {
  weight: number;
  from: string;
}

function weightedShare(ctx: PaceContext, weights: readonly MonthWeight[], asOf: string): number {
  let total = 0;
  let done = 0;
  ctx.months.forEach((m, i) => {
    const { weight, from } = weights[i];
    total += weight;
    if (weight > 0) done += weight * monthShare(m, asOf, ctx.calendar, from);
  });
  // Ratios of sums: a share that should be exactly 1 can come out as 0.9999999999999999.
  return total > 0 ? Math.min(1, done / total) : 0;
}

function seasonalWeights(ctx: PaceContext, profile: readonly SeasonalityWeight[] | undefined): Result<MonthWeight[]> {
  const byMonth = new Map((profile ?? []).map((p) => [p.month, p.weight]));
  const weights: MonthWeight[] = [];
  for (const m of ctx.months) {
    const w = byMonth.get(m.month);
    if (w === undefined) {
      return fail('pace-profile-missing-month', `The seasonality profile has no weight for ${m.month}`, { month: m.month });
    }
    if (!Number.isFinite(w) || w < 0) {
      return fail('pace-profile-invalid', `The seasonality weight for ${m.month} must be a finite number ≥ 0`, { month: m.month, value: String(w) });
    }
    // A month the period only partly covers (ISO weeks) contributes the working-day part of its weight.
    const part = m.monthWorkingDays > 0 ? m.workingDays / m.monthWorkingDays : m.calendarDays / m.monthCalendarDays;
    weights.push({ weight: w * part, from: m.start });
  }
  if (!weights.some((w) => w.weight > 0)) {
    return fail('pace-profile-empty', `The seasonality profile gives the months of ${ctx.period} no weight`, { period: ctx.period });
  }
  return ok(weights);
}

function rampWeights(ctx: PaceContext, hireDate: string | undefined, schedule: PaceOptions['rampSchedule']): Result<MonthWeight[]> {
  if (hireDate === undefined) return fail('pace-hire-date-missing', 'The ramp basis needs the rep\'s hire date', {});
  if (!isDate(hireDate)) return fail('pace-date-invalid', `"${hireDate}" is not a date YYYY-MM-DD`, { field: 'hireDate', value: hireDate });
  // The same month factors the target was set with (the hire month is tenure month 0).
  const factors = rampSchedule(hireDate, ctx.months.map((m) => m.month), schedule ? { schedule } : {});
  if (!factors.ok) return factors;
  return ok(ctx.months.map((m, i) => {
    if (hireDate > m.end) return { weight: 0, from: m.start };
    // In the hire month only the days from the hire date on are expected to bring anything.
    const from = hireDate > m.start ? hireDate : m.start;
    const days = from === m.start ? m.workingDays : workingDaysBetween(from, m.end, ctx.calendar);
    return { weight: factors.value[i] * days, from };
  }));
}

export interface DualAttainmentOptions {
  actual: number;
  /** The target as first set for the period. */
  originalTarget: number;
  /** The target after approved adjustments. */
  currentTarget: number;
}

export interface AttainmentFigures {
  target: number;
  /** actual / target; `null` for a zero target. */
  attainment: number | null;
  gap: number;
  reason?: 'zero-target';
}

export interface DualAttainment {
  original: AttainmentFigures;
  current: AttainmentFigures;
  /** currentTarget − originalTarget: negative when the target was lowered. */
  targetChange: number;
  /** targetChange / originalTarget; `null` when the original target was 0. */
  targetChangeRatio: number | null;
}

/**
 * Attainment against the original target and against the current (adjusted) one, side by side, so
 * an adjustment never hides how the node did against what was first agreed. Fails with
 * `pace-amount-invalid` for amounts that are not whole numbers or a negative target.
 *
 * @example dualAttainment({ actual: 900_000, originalTarget: 1_200_000, currentTarget: 1_000_000 })
 * // ok({ original: { target: 1_200_000, attainment: 0.75, gap: 300_000 },
 * //      current: { target: 1_000_000, attainment: 0.9, gap: 100_000 },
 * //      targetChange: -200_000, targetChangeRatio: -0.1667 })
 */
export function dualAttainment(options: DualAttainmentOptions): Result<DualAttainment> {
  const { actual, originalTarget, currentTarget } = options;
  for (const [field, value] of [['originalTarget', originalTarget], ['currentTarget', currentTarget]] as const) {
    const r = checkAmounts(value, actual, field);
    if (!r.ok) return r;
  }
  const figures = (target: number): AttainmentFigures =>
    target === 0 ? { target, attainment: null, gap: -actual, reason: 'zero-target' } : { target, attainment: actual / target, gap: target - actual };
  const targetChange = currentTarget - originalTarget;
  return ok({
    original: figures(originalTarget),
    current: figures(currentTarget),
    targetChange,
    targetChangeRatio: originalTarget === 0 ? null : targetChange / originalTarget,
  });
}

// ---- shared helpers (also used by forecast.ts) ----------------------------------------------

/** Target a whole number ≥ 0, actual a whole number, both within the exact range of doubles. */
export function checkAmounts(target: number, actual: number, targetField = 'target'): Result<true> {
  if (!Number.isSafeInteger(target) || target < 0) {
    return fail('pace-amount-invalid', `${targetField} must be a whole number ≥ 0 in minor units, got ${target}`, { field: targetField, value: String(target) });
  }
  if (!Number.isSafeInteger(actual)) {
    return fail('pace-amount-invalid', `actual must be a whole number in minor units, got ${actual}`, { field: 'actual', value: String(actual) });
  }
  return ok(true);
}

/** Whether `s` is a real calendar date `YYYY-MM-DD` (2026-02-30 is not): the calendar's own check. */
export { isDate };

/**
 * a × b / c rounded half up (towards +∞ at exactly .5), exact for any safe integer `a` and small
 * non-negative integers `b`, `c > 0` (day counts): a is split as q·c + r so no product overflows.
 */
export function mulDivRound(a: number, b: number, c: number): number {
  const r = ((a % c) + c) % c;
  const q = (a - r) / c;
  return q * b + Math.floor((2 * r * b + c) / (2 * c));
}

/** a / b rounded up, for a whole a ≥ 0 and b > 0, exactly. */
export function ceilDiv(a: number, b: number): number {
  const r = a % b;
  return (a - r) / b + (r > 0 ? 1 : 0);
}
