/**
 * CSV export of a period review, and the small generic CSV writer it uses (`csv.ts` has only the
 * goal grid's writer, whose field quoting is private).
 */
import { toDecimalString } from './money.js';
import type { PeriodReview, ReviewEffect, ReviewKpi } from './review.js';

export type CsvValue = string | number | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field (RFC 4180): numbers are written as they are; text a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, and a
 * field with a comma, a quote or a line break is quoted with quotes doubled. `null` is empty.
 *
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 * @example csvField('华东, 一部') // '"华东, 一部"'
 * @example csvField(-12.5) // '-12.5'
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (NUMBER.test(value)) return value;
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Rows to CSV text, `\r\n` after every line (RFC 4180). With `bom`, a UTF-8 byte-order mark first
 * so Excel opens Chinese text as UTF-8.
 *
 * @example csvText([['a', 1], ['=b', null]]) // "a,1\r\n'=b,\r\n"
 */
export function csvText(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean; newline?: '\r\n' | '\n' } = {}): string {
  const nl = options.newline ?? '\r\n';
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',') + nl).join('');
}

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
