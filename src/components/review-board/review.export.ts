/**
 * The review as an .xlsx sheet: the same rows as its CSV (KPIs, gap effects, findings), each
 * number a number in its own unit (money, count, ratio as a percent, days), so a column of mixed
 * KPIs keeps every cell's format.
 */
import type { PeriodReview, ReviewKpi } from '../../engine/review/review.js';
import type { ReviewCsvLabels } from '../../engine/review/csv.js';
import type { ExportCell, ExportTable } from '../../export/table.js';

function cell(unit: ReviewKpi['unit'], v: number | null): ExportCell {
  if (v === null) return null;
  if (unit === 'money') return { value: Math.round(v), kind: 'money' };
  if (unit === 'ratio') return { value: v, kind: 'percent', decimals: 1 };
  if (unit === 'days') return { value: Math.round(v * 10) / 10, kind: 'number', decimals: 1 };
  return { value: v, kind: 'number', decimals: Number.isInteger(v) ? 0 : 2 };
}

export function reviewTable(review: PeriodReview, currency: string, labels: ReviewCsvLabels, name: string): ExportTable {
  const [section, item, plan, actual, variance, ratio] = labels.headers;
  const rows: ExportCell[][] = [];
  for (const k of review.kpis) {
    rows.push([labels.sections.kpis, labels.kpi(k), cell(k.unit, k.plan), cell(k.unit, k.actual), cell(k.unit, k.variance), k.varianceRatio === null ? null : { value: k.varianceRatio, kind: 'percent', decimals: 1 }]);
  }
  for (const e of review.attribution.effects) {
    const unit: ReviewKpi['unit'] = e.kind === 'rate' ? 'ratio' : e.kind === 'leads' ? 'count' : 'money';
    const p = e.kind === 'leads' && e.plan !== null ? Math.round(e.plan * 100) / 100 : e.plan;
    rows.push([labels.sections.effects, labels.effect(e), cell(unit, p), cell(unit, e.actual), { value: e.amount, kind: 'money' }, null]);
  }
  for (const f of labels.findings ?? []) rows.push([labels.sections.findings, f, null, null, null, null]);
  return {
    name,
    currency,
    columns: [
      { header: section, kind: 'text' },
      { header: item, kind: 'text' },
      { header: plan, kind: 'number' },
      { header: actual, kind: 'number' },
      { header: variance, kind: 'number' },
      { header: ratio, kind: 'percent' },
    ],
    rows,
  };
}
