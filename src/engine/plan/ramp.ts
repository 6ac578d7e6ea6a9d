/**
 * Ramp for new hires (新人爬坡): a new rep is expected to deliver only part of a full target while
 * they learn, e.g. 30% in the first quarter and 60% in the second, then 100%. The factor scales the
 * rep's capacity weight and, month by month, the months of their annual target.
 */
import { dateParts, isMonthId, monthIndex } from '../calendar/periods.js';
import { fail, ok, type Result } from '../shared/result.js';

/** Tenure months `fromMonth` (inclusive) to `toMonth` (exclusive) work at `factor` of a full target. */
export interface RampStep {
  fromMonth: number;
  toMonth: number;
  factor: number;
}

/**
 * The default ramp from the seed FAQ: tenure months 0–2 (the first quarter) at 30%, months 3–5
 * (the second quarter) at 60%, from month 6 on 100%.
 */
export const DEFAULT_RAMP: readonly RampStep[] = Object.freeze([
  { fromMonth: 0, toMonth: 3, factor: 0.3 },
  { fromMonth: 3, toMonth: 6, factor: 0.6 },
]);

/** [year, month, day] of a valid ISO date, else null (e.g. 2026-02-30). */
const ymd = dateParts;

function checkSchedule(schedule: readonly RampStep[]): Result<true> {
  for (const [i, s] of schedule.entries()) {
    if (!Number.isInteger(s.fromMonth) || !Number.isInteger(s.toMonth) || s.fromMonth < 0 || s.toMonth <= s.fromMonth || !Number.isFinite(s.factor) || s.factor < 0) {
      return fail('invalid-ramp-schedule', `ramp step ${i} needs whole months 0 ≤ from < to and a factor ≥ 0`, { index: i }, [i]);
    }
  }
  return ok(true);
}

/** The factor of the first step holding `tenure`; 1 past every step, 0 before the hire. */
function factorAt(tenure: number, schedule: readonly RampStep[]): number {
  if (tenure < 0) return 0;
  for (const s of schedule) if (tenure >= s.fromMonth && tenure < s.toMonth) return s.factor;
  return 1;
}

/**
 * Whole months from `hireDate` to `asOf`: a month counts once the same day of the month is
 * reached. Negative when `asOf` is before the hire.
 *
 * @example tenureMonths('2026-01-15', '2026-04-14') // 2
 * @example tenureMonths('2026-01-15', '2026-04-15') // 3
 */
export function tenureMonths(hireDate: string, asOf: string): Result<number> {
  const h = ymd(hireDate), a = ymd(asOf);
  if (!h || !a) {
    const bad = h ? asOf : hireDate;
    return fail('invalid-date', `"${bad}" is not a date YYYY-MM-DD`, { date: bad });
  }
  return ok((a[0] - h[0]) * 12 + (a[1] - h[1]) - (a[2] < h[2] ? 1 : 0));
}

/**
 * The ramp factor of a rep hired on `hireDate`, as of `asOf`: the share of a full target they are
 * expected to carry. 0 before the hire date; 1 once past the schedule.
 *
 * @example
 * // Hired 2026-01-10, default schedule: tenure on 2026-03-09 is 1 month → 0.3;
 * // on 2026-04-10 it is 3 months → 0.6; on 2026-07-10, 6 months → 1.
 * rampFactor('2026-01-10', '2026-04-10') // ok(0.6)
 */
export function rampFactor(hireDate: string, asOf: string, schedule: readonly RampStep[] = DEFAULT_RAMP): Result<number> {
  const s = checkSchedule(schedule);
  if (!s.ok) return s;
  const t = tenureMonths(hireDate, asOf);
  return t.ok ? ok(factorAt(t.value, schedule)) : t;
}

export interface RampScheduleOptions {
  schedule?: readonly RampStep[];
  /** The rep's last day: months after the month they leave get 0. */
  leaveDate?: string;
  /**
   * Prorate the hire month (and the leave month) by the calendar days the rep is employed in it:
   * hired 23 October, October counts 9/31 of its step's factor.
   */
  prorate?: boolean;
}

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The ramp factor of each of `months` (calendar month ids `YYYY-MM`, e.g. the 12 months of a fiscal
 * year from `fiscalYearMonths`). The hire month is tenure month 0 whatever the day of hire; months
 * before it get 0, and so do months after `leaveDate`. No `hireDate` means a fully ramped rep (1).
 *
 * @example
 * // Hired 2026-05-20, fiscal year starting April: Apr 0, May–Jul 0.3, Aug–Oct 0.6, then 1.
 * rampSchedule('2026-05-20', fiscalYearMonths(2026, { startMonth: 4 }))
 * // ok([0, 0.3, 0.3, 0.3, 0.6, 0.6, 0.6, 1, 1, 1, 1, 1])
 */
export function rampSchedule(hireDate: string | undefined, months: readonly string[], options: RampScheduleOptions = {}): Result<number[]> {
  const schedule = options.schedule ?? DEFAULT_RAMP;
  const s = checkSchedule(schedule);
  if (!s.ok) return s;
  const index: number[] = [];
  for (const m of months) {
    if (!isMonthId(m)) return fail('invalid-month', `"${m}" is not a month id YYYY-MM`, { month: m });
    index.push(monthIndex(m));
  }
  let hire = -Infinity;
  // The share of the hire (leave) month the rep works, with `prorate`; 1 otherwise.
  let hireShare = 1, leaveShare = 1;
  if (hireDate !== undefined) {
    const h = ymd(hireDate);
    if (!h) return fail('invalid-date', `"${hireDate}" is not a date YYYY-MM-DD`, { date: hireDate });
    hire = h[0] * 12 + h[1] - 1;
    if (options.prorate) hireShare = (daysIn(h[0], h[1]) - h[2] + 1) / daysIn(h[0], h[1]);
  }
  let leave = Infinity;
  if (options.leaveDate !== undefined) {
    const l = ymd(options.leaveDate);
    if (!l) return fail('invalid-date', `"${options.leaveDate}" is not a date YYYY-MM-DD`, { date: options.leaveDate });
    leave = l[0] * 12 + l[1] - 1;
    if (options.prorate) leaveShare = l[2] / daysIn(l[0], l[1]);
  }
  return ok(
    index.map((i) => {
      if (i > leave) return 0;
      let f = factorAt(i - hire, schedule);
      if (i === hire && hireShare !== 1) f *= hireShare;
      if (i === leave && leaveShare !== 1) f = f * leaveShare;
      return f;
    }),
  );
}

/** A rep's own ramp curve (`OrgNode.ramp`) if they have one, else the plan's `fallback`, else `DEFAULT_RAMP`. */
export function rampOf(node: { ramp?: readonly RampStep[] } | undefined, fallback?: readonly RampStep[]): readonly RampStep[] {
  return node?.ramp && node.ramp.length > 0 ? node.ramp : (fallback ?? DEFAULT_RAMP);
}

/**
 * Checks an edited ramp curve: whole tenure months 0 ≤ from < to, no overlaps, factors 0…1.
 * Fails with `invalid-ramp-schedule` naming the first bad step.
 *
 * @example checkRamp([{ fromMonth: 0, toMonth: 3, factor: 0.3 }, { fromMonth: 2, toMonth: 6, factor: 0.6 }]) // fails: step 1 overlaps
 */
export function checkRamp(schedule: readonly RampStep[]): Result<true> {
  const c = checkSchedule(schedule);
  if (!c.ok) return c;
  for (const [i, s] of schedule.entries()) {
    if (s.factor > 1) return fail('invalid-ramp-schedule', `ramp step ${i} has a factor above 100%`, { index: i }, [i]);
    if (i > 0 && s.fromMonth < schedule[i - 1].toMonth) return fail('invalid-ramp-schedule', `ramp step ${i} overlaps the step before it`, { index: i }, [i]);
  }
  return ok(true);
}

export interface PersonYearsOptions {
  schedule?: readonly RampStep[];
  leaveDate?: string;
  /** Seasonality weights of `months` (default equal): a ramp month counts its month's weight. */
  profile?: readonly number[];
}

/**
 * The capacity of a rep over `months` in full-rep units: Σ ramp × weight / Σ weight, with the hire
 * month prorated by days and each month weighted by seasonality. A veteran is 1; a new hire's
 * target that is this share of an average veteran's comes out at their ramp factor in each month.
 *
 * @example
 * // Hired 2026-10-23, FY2026 January–December, equal months: Oct 0.3 × 9/31, Nov 0.3, Dec 0.3 →
 * // (0.3 × 9/31 + 0.6) / 12 = 0.057258…
 * personYears('2026-10-23', fiscalYearMonths(2026, { startMonth: 1 }))
 */
export function personYears(hireDate: string | undefined, months: readonly string[], options: PersonYearsOptions = {}): Result<number> {
  const r = rampSchedule(hireDate, months, { schedule: options.schedule ?? DEFAULT_RAMP, prorate: true, ...(options.leaveDate ? { leaveDate: options.leaveDate } : {}) });
  if (!r.ok) return r;
  const w = options.profile ?? months.map(() => 1);
  let num = 0, den = 0;
  r.value.forEach((f, m) => {
    num += f * (w[m] ?? 0);
    den += w[m] ?? 0;
  });
  return ok(den > 0 ? num / den : 0);
}
