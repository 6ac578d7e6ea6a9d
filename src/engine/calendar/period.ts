/**
 * One period id parsed once: what it is, its days, the period above it, the periods below it and the
 * same period a year earlier. Built on the calendar functions of `periods.ts`; elements and engine
 * modules ask a `Period` instead of matching ids with regular expressions.
 *
 * @example
 * const q = parsePeriod('FY2026-Q1', { startMonth: 4 });
 * // ok({ id: 'FY2026-Q1', granularity: 'quarter', fiscalYear: 2026, index: 1, start: '2026-04-01',
 * //      end: '2026-06-30', parent: 'FY2026', ancestors: ['FY2026'],
 * //      children: ['2026-04', '2026-05', '2026-06'], prior: 'FY2025-Q1' })
 */
import type { FiscalCalendar } from '../plan/model.js';
import type { Result } from '../shared/result.js';
import { ok } from '../shared/result.js';
import { childPeriods, parsePeriodId, periodOf, periodRange, type Granularity } from './periods.js';

export interface Period {
  /** The id as given, e.g. `FY2026`, `FY2026-H2`, `FY2026-Q1`, `2026-03`, `2026-W11`. */
  readonly id: string;
  readonly granularity: Granularity;
  /** The fiscal year the period belongs to (for a month or week: the one holding its first day). */
  readonly fiscalYear: number;
  /** Half 1–2, quarter 1–4, month 1–12 (calendar), ISO week 1–53; 0 for a year. */
  readonly index: number;
  /** First and last day, both inclusive (`YYYY-MM-DD`). */
  readonly start: string;
  readonly end: string;
  /**
   * The period one level up in the plan's hierarchy year → quarter → month: a month's fiscal
   * quarter, a quarter's or half's fiscal year; null for a year and for a week (a week may straddle
   * two months).
   */
  readonly parent: string | null;
  /** Every containing period, nearest first: a month → [its quarter, its year]. */
  readonly ancestors: readonly string[];
  /** One level down (`childPeriods`): year → quarters, half → quarters, quarter → months, month → ISO weeks. */
  readonly children: readonly string[];
  /**
   * The same period one year earlier: `FY2026-Q1` → `FY2025-Q1`, `2026-03` → `2025-03`,
   * `2026-W11` → `2025-W11`; null for a week the earlier year does not have (`2026-W53`: 2025 has
   * 52 ISO weeks).
   */
  readonly prior: string | null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Parses a period id in a fiscal calendar. Fails like `parsePeriodId` (`period-invalid`,
 * `period-week-range`).
 */
export function parsePeriod(id: string, calendar: FiscalCalendar): Result<Period> {
  const r = parsePeriodId(id);
  if (!r.ok) return r;
  const p = r.value;
  const { start, end } = periodRange(id, calendar);
  const children = childPeriods(id, calendar);
  let fiscalYear: number;
  let index: number;
  let ancestors: string[];
  let prior: string | null;
  switch (p.granularity) {
    case 'year':
      fiscalYear = p.fiscalYear;
      index = 0;
      ancestors = [];
      prior = `FY${pad(p.fiscalYear - 1, 4)}`;
      break;
    case 'half':
    case 'quarter': {
      fiscalYear = p.fiscalYear;
      index = p.granularity === 'half' ? p.half : p.quarter;
      ancestors = [`FY${pad(p.fiscalYear, 4)}`];
      prior = `FY${pad(p.fiscalYear - 1, 4)}-${p.granularity === 'half' ? 'H' : 'Q'}${index}`;
      break;
    }
    case 'month':
      fiscalYear = Number(periodOf(start, 'year', calendar).slice(2));
      index = p.month;
      ancestors = [periodOf(start, 'quarter', calendar), periodOf(start, 'year', calendar)];
      prior = `${pad(p.year - 1, 4)}-${pad(p.month)}`;
      break;
    case 'week': {
      fiscalYear = Number(periodOf(start, 'year', calendar).slice(2));
      index = p.week;
      ancestors = [];
      const earlier = `${pad(p.year - 1, 4)}-W${pad(p.week)}`;
      prior = parsePeriodId(earlier).ok ? earlier : null;
      break;
    }
  }
  return ok(Object.freeze({ id, granularity: p.granularity, fiscalYear, index, start, end, parent: ancestors[0] ?? null, ancestors: Object.freeze(ancestors), children: Object.freeze(children), prior }));
}
