/** CSV export of a period review, written with the kit's one CSV writer (`csv.ts`). */
import { toDecimalString } from '../money/money.js';
import { csvText, type CsvValue } from '../plan/csv.js';
import type { PeriodReview, ReviewEffect, ReviewKpi } from './review.js';

export interface ReviewCsvLabels {
  /** Column headers: section, item, plan, actual, variance, variance %. */
  headers: readonly [string, string, string, string, string, string];
  /** Section names of the three blocks. */
  sections: { kpis: string; effects: string; findings: string };
  kpi: (k: ReviewKpi) => string;
  effect: (e: ReviewEffect) => string;
  /** The findings as the reader sees them, in order (written as text in the item column). */
  findings?: readonly string[];
}

/**
 * The review as CSV: a header row, one row per KPI (plan, actual, variance, variance ratio), one row
 * per factor effect (plan value, actual value, effect in money), then the findings as text. Money
 * is written in major units with the currency's decimals (`12345.67`), ratios as decimals with four
 * places (`0.2600`), counts and days as numbers, missing values empty.
 *
 * @example
 * reviewToCsv(review, 'CNY', labels)
 * // Section,Item,Plan,Actual,Variance,Variance %\r\nKPI,Revenue,1000000.00,750000.00,-250000.00,-0.2500\r\n…
 */
export function reviewToCsv(review: PeriodReview, currency: string, labels: ReviewCsvLabels, options: { bom?: boolean } = {}): string {
  const value = (unit: ReviewKpi['unit'], v: number | null): CsvValue => {
    if (v === null) return null;
    if (unit === 'money') return toDecimalString(Math.round(v), currency);
    if (unit === 'ratio') return v.toFixed(4);
    return unit === 'days' ? Math.round(v * 10) / 10 : v;
  };
  const rows: CsvValue[][] = [[...labels.headers]];
  for (const k of review.kpis) {
    rows.push([labels.sections.kpis, labels.kpi(k), value(k.unit, k.plan), value(k.unit, k.actual), value(k.unit, k.variance), k.varianceRatio === null ? null : k.varianceRatio.toFixed(4)]);
  }
  for (const e of review.attribution.effects) {
    const unit: ReviewKpi['unit'] = e.kind === 'rate' ? 'ratio' : e.kind === 'leads' ? 'count' : 'money';
    const plan = e.kind === 'leads' && e.plan !== null ? Math.round(e.plan * 100) / 100 : e.plan;
    rows.push([labels.sections.effects, labels.effect(e), value(unit, plan), value(unit, e.actual), toDecimalString(e.amount, currency), null]);
  }
  for (const f of labels.findings ?? []) rows.push([labels.sections.findings, f, null, null, null, null]);
  return csvText(rows, options);
}
