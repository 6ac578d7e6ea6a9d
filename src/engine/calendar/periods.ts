/**
 * Fiscal periods and working days.
 *
 * Period ids: fiscal `FY2026`, `FY2026-H1`, `FY2026-Q3`; calendar months `2026-04`; ISO weeks
 * `2026-W05`. A fiscal year starts in `calendar.startMonth`; with `yearNaming: 'start'` (the
 * default) FY2026 begins in 2026, with `'end'` it ends in 2026. So with startMonth 4, FY2026 is
 * 2026-04-01..2027-03-31 under 'start' and 2025-04-01..2026-03-31 under 'end'.
 *
 * Dates are `YYYY-MM-DD` strings. Internally a date is a day number (days since 1970-01-01),
 * computed with integer arithmetic, so no time zone or daylight-saving shift can move a day.
 * Functions given a malformed date return an empty string, 0 or false rather than throwing.
 */
import type { FiscalCalendar } from '../plan/model.js';
import { fail, ok, type Result } from '../shared/result.js';

export type Granularity = 'year' | 'half' | 'quarter' | 'month' | 'week';

/** A period id taken apart. Fiscal periods carry the fiscal year; months and weeks a calendar/ISO year. */
export type ParsedPeriod =
  | { granularity: 'year'; fiscalYear: number }
  | { granularity: 'half'; fiscalYear: number; half: 1 | 2 }
  | { granularity: 'quarter'; fiscalYear: number; quarter: 1 | 2 | 3 | 4 }
  | { granularity: 'month'; year: number; month: number }
  | { granularity: 'week'; year: number; week: number };

// ---- day numbers -------------------------------------------------------------------------

/** Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civil(n: number): [number, number, number] {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (n: number) => {
  const [y, m, d] = civil(n);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
};
const monthId = (y: number, m: number) => `${pad(y, 4)}-${pad(m)}`;
/** Months since year 0 of a month id or date (`2026-03`, `2026-03-11` → 2026 × 12 + 2); engine-internal. */
export const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
/** The month id of a month index (the inverse of `monthIndex`); engine-internal. */
export const monthAt = (i: number): string => monthId(Math.floor(i / 12), (i % 12) + 1);
const daysInMonth = (y: number, m: number) => dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayNumber(y, m, 1);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a valid `YYYY-MM-DD`, or null. */
function parseDate(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

/** Whether `s` is a real calendar date `YYYY-MM-DD` (2026-02-30 is not); engine-internal. */
export const isDate = (s: unknown): s is string => typeof s === 'string' && parseDate(s) !== null;

/** [year, month, day] of a real calendar date `YYYY-MM-DD`, else null; engine-internal. */
export function dateParts(date: string): [number, number, number] | null {
  return isDate(date) ? [+date.slice(0, 4), +date.slice(5, 7), +date.slice(8, 10)] : null;
}

/** 0 = Sunday … 6 = Saturday, as in `Date.getUTCDay()` and `calendar.weekend`. 1970-01-01 was a Thursday. */
const weekday = (n: number) => (((n + 4) % 7) + 7) % 7;

/**
 * The date `n` days after `date` (before, for negative `n`).
 *
 * @example addDays('2026-02-27', 2) // "2026-03-01"
 */
export function addDays(date: string, n: number): string {
  const d = parseDate(date);
  return d === null || !Number.isInteger(n) ? '' : iso(d + n);
}

/**
 * Calendar days from `a` to `b`: positive when `b` is later.
 *
 * @example daysBetween('2026-01-01', '2026-12-31') // 364
 */
export function daysBetween(a: string, b: string): number {
  const x = parseDate(a), y = parseDate(b);
  return x === null || y === null ? 0 : y - x;
}

// ---- ISO weeks ---------------------------------------------------------------------------

/** Day number of the Monday of ISO week 1 of `year` (the week holding 4 January). */
function isoWeekOneMonday(year: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - ((weekday(jan4) + 6) % 7);
}

function isoWeekOfDay(n: number): { year: number; week: number } {
  const thursday = n - ((weekday(n) + 6) % 7) + 3;
  const year = civil(thursday)[0];
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/** 52 or 53: a year has 53 ISO weeks when 28 December falls in week 53. */
function isoWeeksInYear(year: number): number {
  return isoWeekOfDay(dayNumber(year, 12, 28)).week;
}

/**
 * The ISO 8601 week id of a date. Weeks run Monday to Sunday and belong to the year of their
 * Thursday, so early January can belong to the previous year's last week.
 *
 * @example isoWeek('2026-01-01') // "2026-W01" (a Thursday)
 * @example isoWeek('2027-01-01') // "2026-W53" (a Friday; 2026 has 53 weeks)
 */
export function isoWeek(date: string): string {
  const d = parseDate(date);
  if (d === null) return '';
  const { year, week } = isoWeekOfDay(d);
  return `${pad(year, 4)}-W${pad(week)}`;
}

// ---- period ids --------------------------------------------------------------------------

const PERIOD = /^(?:FY(\d{4})(?:-(H[12]|Q[1-4]))?|(\d{4})-(0[1-9]|1[0-2])|(\d{4})-W(0[1-9]|[1-4]\d|5[0-3]))$/;

/**
 * Takes a period id apart. Fails with `period-invalid` for an unknown shape and
 * `period-week-range` for a week the ISO year does not have (e.g. `2025-W53`).
 *
 * @example parsePeriodId('FY2026-Q3') // ok({ granularity: 'quarter', fiscalYear: 2026, quarter: 3 })
 */
export function parsePeriodId(id: string): Result<ParsedPeriod> {
  const m = PERIOD.exec(id);
  if (!m) return fail('period-invalid', `"${id}" is not a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05`, { id });
  if (m[1]) {
    const fiscalYear = +m[1];
    const sub = m[2];
    if (!sub) return ok({ granularity: 'year', fiscalYear });
    const k = +sub.slice(1);
    return ok(sub[0] === 'H'
      ? { granularity: 'half', fiscalYear, half: k as 1 | 2 }
      : { granularity: 'quarter', fiscalYear, quarter: k as 1 | 2 | 3 | 4 });
  }
  if (m[3]) return ok({ granularity: 'month', year: +m[3], month: +m[4] });
  const year = +m[5], week = +m[6];
  const weeks = isoWeeksInYear(year);
  if (week > weeks) {
    return fail('period-week-range', `${year} has ISO weeks 1 to ${weeks}, not ${week}`, { id, year, weeks });
  }
  return ok({ granularity: 'week', year, week });
}

/** Whether `s` is a calendar month id `YYYY-MM` (month 01–12), by `parsePeriodId`; engine-internal. */
export function isMonthId(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const p = parsePeriodId(s);
  return p.ok && p.value.granularity === 'month';
}

const startMonthOf = (c: FiscalCalendar) => (Number.isInteger(c.startMonth) && c.startMonth >= 1 && c.startMonth <= 12 ? c.startMonth : 1);

/** Calendar year in which fiscal year `fy` starts. With startMonth 1 both namings agree. */
function fyStartYear(fy: number, c: FiscalCalendar): number {
  return c.yearNaming === 'end' && startMonthOf(c) > 1 ? fy - 1 : fy;
}

/**
 * The fiscal year a date falls in.
 *
 * @example fiscalYearOf('2027-02-10', { startMonth: 4 }) // 2026: FY2026 runs 2026-04-01..2027-03-31
 * @example fiscalYearOf('2027-02-10', { startMonth: 4, yearNaming: 'end' }) // 2027
 */
export function fiscalYearOf(date: string, calendar: FiscalCalendar): number {
  const d = parseDate(date);
  if (d === null) return 0;
  const [y, m] = civil(d);
  const s = startMonthOf(calendar);
  const startYear = m >= s ? y : y - 1;
  return calendar.yearNaming === 'end' && s > 1 ? startYear + 1 : startYear;
}

/**
 * The 12 calendar-month ids of a fiscal year, in fiscal order.
 *
 * @example fiscalYearMonths(2026, { startMonth: 4 }) // ["2026-04", …, "2026-12", "2027-01", …, "2027-03"]
 */
export function fiscalYearMonths(fiscalYear: number, calendar: FiscalCalendar): string[] {
  const y0 = fyStartYear(fiscalYear, calendar);
  const s = startMonthOf(calendar);
  return Array.from({ length: 12 }, (_, i) => {
    const m0 = s - 1 + i;
    return monthId(y0 + Math.floor(m0 / 12), (m0 % 12) + 1);
  });
}

/** Month ids of a fiscal period: year → 12, half → 6, quarter → 3; null for months and weeks. */
function fiscalMonthsOf(p: ParsedPeriod, calendar: FiscalCalendar): string[] | null {
  if (p.granularity === 'month' || p.granularity === 'week') return null;
  const months = fiscalYearMonths(p.fiscalYear, calendar);
  if (p.granularity === 'year') return months;
  if (p.granularity === 'half') return months.slice((p.half - 1) * 6, p.half * 6);
  return months.slice((p.quarter - 1) * 3, p.quarter * 3);
}

function rangeOf(p: ParsedPeriod, calendar: FiscalCalendar): [number, number] {
  if (p.granularity === 'week') {
    const start = isoWeekOneMonday(p.year) + 7 * (p.week - 1);
    return [start, start + 6];
  }
  const months = p.granularity === 'month' ? [monthId(p.year, p.month)] : fiscalMonthsOf(p, calendar)!;
  const [fy, fm] = months[0].split('-').map(Number);
  const [ly, lm] = months[months.length - 1].split('-').map(Number);
  return [dayNumber(fy, fm, 1), dayNumber(ly, lm, daysInMonth(ly, lm))];
}

/**
 * The first and last day (both inclusive) of a period. An invalid id gives `{ start: '', end: '' }`;
 * check user input with `parsePeriodId` first.
 *
 * @example periodRange('FY2026-Q1', { startMonth: 4 }) // { start: "2026-04-01", end: "2026-06-30" }
 * @example periodRange('2026-W53', { startMonth: 1 }) // { start: "2026-12-28", end: "2027-01-03" }
 */
export function periodRange(id: string, calendar: FiscalCalendar): { start: string; end: string } {
  const p = parsePeriodId(id);
  if (!p.ok) return { start: '', end: '' };
  const [a, b] = rangeOf(p.value, calendar);
  return { start: iso(a), end: iso(b) };
}

/**
 * The id of the period of the given granularity that holds `date`.
 *
 * @example periodOf('2026-05-20', 'quarter', { startMonth: 4 }) // "FY2026-Q1"
 * @example periodOf('2026-05-20', 'week', { startMonth: 4 }) // "2026-W21"
 */
export function periodOf(date: string, granularity: Granularity, calendar: FiscalCalendar): string {
  const d = parseDate(date);
  if (d === null) return '';
  if (granularity === 'week') return isoWeek(date);
  const [y, m] = civil(d);
  if (granularity === 'month') return monthId(y, m);
  const fy = fiscalYearOf(date, calendar);
  if (granularity === 'year') return `FY${pad(fy, 4)}`;
  const index = (m - startMonthOf(calendar) + 12) % 12;
  return granularity === 'half'
    ? `FY${pad(fy, 4)}-H${Math.floor(index / 6) + 1}`
    : `FY${pad(fy, 4)}-Q${Math.floor(index / 3) + 1}`;
}

/** ISO week ids of every week that has at least one day in [a, b]. */
function weeksOverlapping(a: number, b: number): string[] {
  const out: string[] = [];
  for (let monday = a - ((weekday(a) + 6) % 7); monday <= b; monday += 7) {
    const { year, week } = isoWeekOfDay(monday);
    out.push(`${pad(year, 4)}-W${pad(week)}`);
  }
  return out;
}

/**
 * The periods one level down: year → 4 quarters (or 2 halves with `{ halves: true }`),
 * half → 2 quarters, quarter → 3 months, month → the ISO weeks overlapping it (a week that
 * straddles two months is listed under both), week → none. An invalid id has no children.
 *
 * @example childPeriods('FY2026-H2', { startMonth: 4 }) // ["FY2026-Q3", "FY2026-Q4"]
 * @example childPeriods('FY2026-Q4', { startMonth: 4 }) // ["2027-01", "2027-02", "2027-03"]
 */
export function childPeriods(id: string, calendar: FiscalCalendar, options: { halves?: boolean } = {}): string[] {
  const r = parsePeriodId(id);
  if (!r.ok) return [];
  const p = r.value;
  switch (p.granularity) {
    case 'year':
      return options.halves ? [`${id}-H1`, `${id}-H2`] : [1, 2, 3, 4].map((q) => `${id}-Q${q}`);
    case 'half': {
      const fy = id.slice(0, 6);
      return p.half === 1 ? [`${fy}-Q1`, `${fy}-Q2`] : [`${fy}-Q3`, `${fy}-Q4`];
    }
    case 'quarter':
      return fiscalMonthsOf(p, calendar)!;
    case 'month':
      return weeksOverlapping(...rangeOf(p, calendar));
    case 'week':
      return [];
  }
}

/**
 * Every period of one granularity in a fiscal year, in order. For weeks: the ISO weeks that
 * overlap the fiscal year (the first and last may straddle into the neighbouring years).
 *
 * @example periodsOf(2026, 'quarter', { startMonth: 1 }) // ["FY2026-Q1", …, "FY2026-Q4"]
 */
export function periodsOf(fiscalYear: number, granularity: Granularity, calendar: FiscalCalendar): string[] {
  const fy = `FY${pad(fiscalYear, 4)}`;
  switch (granularity) {
    case 'year':
      return [fy];
    case 'half':
      return [`${fy}-H1`, `${fy}-H2`];
    case 'quarter':
      return [1, 2, 3, 4].map((q) => `${fy}-Q${q}`);
    case 'month':
      return fiscalYearMonths(fiscalYear, calendar);
    case 'week':
      return weeksOverlapping(...rangeOf({ granularity: 'year', fiscalYear }, calendar));
  }
}

// ---- closed periods ----------------------------------------------------------------------

/**
 * Whether a period is closed as of `asOf`: its last day is before `asOf`. A closed period's
 * targets are history (pay and reviews were measured against them), so edits leave them alone
 * and the store and the built-in adapters refuse to rewrite them by default. A malformed period
 * or date is never closed.
 *
 * @example isPeriodClosed('2026-11', '2026-12-01', { startMonth: 1 }) // true: November ended on the 30th
 * @example isPeriodClosed('2026-12', '2026-12-01', { startMonth: 1 }) // false: December runs until the 31st
 * @example isPeriodClosed('FY2026-Q1', '2026-06-30', { startMonth: 4 }) // false: its last day is today
 */
export function isPeriodClosed(period: string, asOf: string, calendar: FiscalCalendar): boolean {
  const p = parsePeriodId(period);
  const d = parseDate(asOf);
  if (!p.ok || d === null) return false;
  return rangeOf(p.value, calendar)[1] < d;
}

/**
 * The periods of a list that are still open as of `asOf` (not `isPeriodClosed`), in the order given.
 *
 * @example openPeriods(fiscalYearMonths(2026, { startMonth: 1 }), '2026-12-01', { startMonth: 1 }) // ["2026-12"]
 */
export function openPeriods(periods: readonly string[], asOf: string, calendar: FiscalCalendar): string[] {
  return periods.filter((p) => !isPeriodClosed(p, asOf, calendar));
}

// ---- working days ------------------------------------------------------------------------

interface WorkCalendar {
  isWeekend: boolean[];
  /** Working weekdays in a full week. */
  perWeek: number;
  /** Sorted day numbers whose status differs from the plain weekday rule, and the running total of those differences. */
  days: number[];
  prefix: number[];
}

const compiled = new WeakMap<FiscalCalendar, WorkCalendar>();

/**
 * Precomputes a calendar once (cached per calendar object, which is treated as immutable):
 * the weekend mask and, for holidays and make-up workdays, the ±1 each makes against the weekday
 * rule, so a range count is arithmetic on whole weeks plus two binary searches.
 */
function compile(calendar: FiscalCalendar): WorkCalendar {
  let c = compiled.get(calendar);
  if (c) return c;
  const isWeekend = Array.from({ length: 7 }, (_, i) => (calendar.weekend ?? [0, 6]).includes(i));
  const workdays = new Set((calendar.workdays ?? []).map(parseDate).filter((d): d is number => d !== null));
  const holidays = new Set((calendar.holidays ?? []).map(parseDate).filter((d): d is number => d !== null));
  const delta = new Map<number, number>();
  // A make-up workday (调休) works even if also listed as a holiday.
  for (const d of workdays) if (isWeekend[weekday(d)]) delta.set(d, 1);
  for (const d of holidays) if (!workdays.has(d) && !isWeekend[weekday(d)]) delta.set(d, -1);
  const days = [...delta.keys()].sort((a, b) => a - b);
  const prefix = [0];
  for (const d of days) prefix.push(prefix[prefix.length - 1] + delta.get(d)!);
  c = { isWeekend, perWeek: isWeekend.filter((w) => !w).length, days, prefix };
  compiled.set(calendar, c);
  return c;
}

/** Index of the first element of sorted `xs` that is ≥ `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function workingDays(a: number, b: number, c: WorkCalendar): number {
  if (a > b) return 0;
  const n = b - a + 1;
  const weeks = Math.floor(n / 7);
  let count = weeks * c.perWeek;
  for (let d = a + weeks * 7; d <= b; d++) if (!c.isWeekend[weekday(d)]) count++;
  return count + c.prefix[lowerBound(c.days, b + 1)] - c.prefix[lowerBound(c.days, a)];
}

/**
 * Whether people work on `date`: a listed make-up workday does; otherwise a holiday or a weekend
 * day does not; every other day does.
 *
 * @example isWorkingDay('2026-02-14', cal) // true when cal.workdays lists that Saturday (调休)
 */
export function isWorkingDay(date: string, calendar: FiscalCalendar): boolean {
  const d = parseDate(date);
  return d !== null && workingDays(d, d, compile(calendar)) === 1;
}

/**
 * Working days from `from` to `to`, both included; 0 when `to` is before `from`. Weekends and
 * holidays are excluded, make-up workdays included. Runs in time independent of the range length
 * (whole weeks are counted arithmetically), so it is cheap to call for every rep.
 *
 * @example workingDaysBetween('2026-03-02', '2026-03-13', { startMonth: 1 }) // 10: two Mon–Fri weeks
 */
export function workingDaysBetween(from: string, to: string, calendar: FiscalCalendar): number {
  const a = parseDate(from), b = parseDate(to);
  return a === null || b === null ? 0 : workingDays(a, b, compile(calendar));
}

/**
 * Working days in a whole period.
 *
 * @example workingDaysInPeriod('2026-03', { startMonth: 1 }) // 22: 31 days minus 9 weekend days
 */
export function workingDaysInPeriod(id: string, calendar: FiscalCalendar): number {
  const p = parsePeriodId(id);
  return p.ok ? workingDays(...rangeOf(p.value, calendar), compile(calendar)) : 0;
}

/**
 * Working days of a period that have passed by the end of `asOf` (asOf included): 0 before the
 * period starts, all of them after it ends. `elapsed / workingDaysInPeriod` is the share of the
 * period a pace calculation expects to be done.
 *
 * @example elapsedWorkingDays('2026-03', '2026-03-04', { startMonth: 1 }) // 3: Mon 2, Tue 3, Wed 4 (Sun 1 is weekend)
 */
export function elapsedWorkingDays(id: string, asOf: string, calendar: FiscalCalendar): number {
  const p = parsePeriodId(id);
  const d = parseDate(asOf);
  if (!p.ok || d === null) return 0;
  const [a, b] = rangeOf(p.value, calendar);
  return workingDays(a, Math.min(b, d), compile(calendar));
}
