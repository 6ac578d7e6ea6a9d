/**
 * Seasonality (季节性): how a year's target spreads over its months. The profile is 12 weights in
 * fiscal order, taken from history or given; months are split exactly with `allocate`, and
 * quarters are always the sums of their months, never split on their own.
 */
import { allocate } from './allocate.js';
import { fail, ok, type Result } from '../shared/result.js';
import { monthAt, parsePeriodId } from '../calendar/periods.js';

/** A month id (`2026-04`) read with the period grammar, or null for anything else. */
function monthOf(id: string): { year: number; month: number } | null {
  const p = parsePeriodId(id);
  return p.ok && p.value.granularity === 'month' ? p.value : null;
}

export interface SeasonalityOptions {
  /** Use only the latest N complete fiscal years of history (a positive whole number; otherwise all). */
  years?: number;
}

export interface Seasonality {
  /** 12 weights in fiscal order, each the mean share of that fiscal month; they sum to 1 (up to float rounding). */
  profile: number[];
  /** The fiscal years used, named by their first month (e.g. `2024-04`), oldest first. */
  yearsUsed: string[];
  /** Fiscal years in the history that were left out, and why. */
  skipped: { year: string; reason: 'incomplete' | 'negative' | 'zero' }[];
  /** True when no year was usable and the profile is equal (1/12 each). */
  fallback: boolean;
}

/**
 * The seasonality profile of a fiscal year from monthly history. `fiscalMonths` are the 12 month
 * ids of the year being planned, in fiscal order (from `fiscalYearMonths`); they fix which month
 * of the year each fiscal position is, so a year starting in April works like any other. Every
 * complete fiscal year in `monthlyTotals` (all 12 months present, none negative, total above 0)
 * gives 12 shares; the profile is their mean, so each year counts equally whatever its size.
 * No usable year → equal profile with `fallback: true`.
 *
 * @example
 * // Fiscal year from April. FY2024 (2024-04…2025-03): 100 in every month but 300 in March →
 * // total 1,400: shares 1/14 …, March 3/14. FY2025: 100 every month → 1/12 each.
 * // Mean: April (1/14 + 1/12)/2 = 13/168 ≈ 0.0774, March (3/14 + 1/12)/2 = 25/168 ≈ 0.1488.
 * seasonalityFromHistory(history, fiscalYearMonths(2026, { startMonth: 4 }))
 */
export function seasonalityFromHistory(
  monthlyTotals: Readonly<Record<string, number>>,
  fiscalMonths: readonly string[],
  options: SeasonalityOptions = {},
): Result<Seasonality> {
  if (fiscalMonths.length !== 12) {
    return fail('invalid-fiscal-months', `expected the 12 months of a fiscal year, got ${fiscalMonths.length}`, { count: fiscalMonths.length });
  }
  const position = new Array<number>(12).fill(-1);
  for (const [p, m] of fiscalMonths.entries()) {
    const x = monthOf(m);
    if (!x) return fail('invalid-month', `"${m}" is not a month id YYYY-MM`, { month: m });
    position[x.month - 1] = p;
  }
  if (position.includes(-1)) return fail('invalid-fiscal-months', 'the fiscal months must hold each month of the year once', { count: 12 });

  // Group history by fiscal year, keyed by the index (year·12 + month) of the year's first month.
  const years = new Map<number, (number | undefined)[]>();
  for (const [m, v] of Object.entries(monthlyTotals)) {
    const x = monthOf(m);
    if (!x) return fail('invalid-month', `"${m}" is not a month id YYYY-MM`, { month: m });
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return fail('invalid-history', `the history of ${m} must be a finite number, got ${String(v)}`, { month: m, value: String(v) });
    }
    const index = x.year * 12 + x.month - 1;
    const p = position[x.month - 1];
    const start = index - p;
    let row = years.get(start);
    if (!row) years.set(start, (row = new Array(12).fill(undefined)));
    row[p] = v;
  }

  const skipped: Seasonality['skipped'] = [];
  let usable: { start: number; row: number[]; total: number }[] = [];
  for (const start of [...years.keys()].sort((a, b) => a - b)) {
    const row = years.get(start)!;
    const year = monthAt(start);
    if (row.some((v) => v === undefined)) skipped.push({ year, reason: 'incomplete' });
    else if (row.some((v) => v! < 0)) skipped.push({ year, reason: 'negative' });
    else {
      const total = row.reduce<number>((s, v) => s + v!, 0);
      if (total === 0) skipped.push({ year, reason: 'zero' });
      else usable.push({ start, row: row as number[], total });
    }
  }
  if (options.years !== undefined && Number.isInteger(options.years) && options.years > 0) {
    usable = usable.slice(-options.years);
  }
  if (usable.length === 0) {
    return ok({ profile: new Array(12).fill(1 / 12), yearsUsed: [], skipped, fallback: true });
  }
  const profile = new Array<number>(12).fill(0);
  for (const y of usable) for (let p = 0; p < 12; p++) profile[p] += y.row[p] / y.total;
  return ok({
    profile: profile.map((s) => s / usable.length),
    yearsUsed: usable.map((y) => monthAt(y.start)),
    skipped,
    fallback: false,
  });
}

export interface CalendarSplit {
  /** Month ids in order (e.g. the 12 fiscal months). */
  months: readonly string[];
  /** One weight per month; equal when absent. */
  profile?: readonly number[];
  /** Months whose value is fixed. */
  locked?: Readonly<Record<string, number>>;
}

/**
 * Splits a total over months by a profile, exactly (largest remainder; ties go to the heavier
 * month, then the earlier one). Locked months keep their values and the rest spreads over the
 * others. Fails like `allocate`, and with `profile-length-mismatch` or `invalid-month`.
 *
 * @example
 * // 1,000,000 over a quarter weighted 1/1/2 → 250,000 / 250,000 / 500,000.
 * splitByCalendar(1_000_000, { months: ['2026-04', '2026-05', '2026-06'], profile: [1, 1, 2] })
 * @example
 * // 100 over three equal months → quotas 33⅓; the earliest month takes the extra unit: 34/33/33.
 */
export function splitByCalendar(total: number, split: CalendarSplit): Result<{ values: Record<string, number>; equalSplit: boolean }> {
  const { months, profile, locked = {} } = split;
  if (profile && profile.length !== months.length) {
    return fail('profile-length-mismatch', `the profile has ${profile.length} weights for ${months.length} months`, { weights: profile.length, months: months.length });
  }
  for (const m of months) if (!monthOf(m)) return fail('invalid-month', `"${m}" is not a month id YYYY-MM`, { month: m });
  const r = allocate(
    total,
    months.map((m, i) => ({
      id: m,
      weight: profile ? profile[i] : 1,
      ...(Object.hasOwn(locked, m) ? { locked: true, value: locked[m] } : {}),
    })),
  );
  return r.ok ? ok({ values: r.value.values, equalSplit: r.value.equalSplit }) : r;
}

/**
 * Quarter (or any period) totals as the sums of their months, so they can never disagree.
 * `quarters` maps each quarter id to its month ids (e.g. from `childPeriods`). Fails with
 * `missing-month` when a month has no value.
 *
 * @example
 * quarterTotals({ '2026-04': 34, '2026-05': 33, '2026-06': 33 }, { 'FY2026-Q1': ['2026-04', '2026-05', '2026-06'] })
 * // ok({ 'FY2026-Q1': 100 })
 */
export function quarterTotals(
  monthValues: Readonly<Record<string, number>>,
  quarters: Readonly<Record<string, readonly string[]>>,
): Result<Record<string, number>> {
  const out: [string, number][] = [];
  for (const [q, months] of Object.entries(quarters)) {
    let sum = 0;
    for (const m of months) {
      if (!Object.hasOwn(monthValues, m)) return fail('missing-month', `${q} needs a value for ${m}`, { period: q, month: m });
      sum += monthValues[m];
    }
    out.push([q, sum]);
  }
  return ok(Object.fromEntries(out));
}
