/**
 * The scorecards as export tables: the ranking (one row per person) and every person's KPI lines,
 * from the same engine figures the element shows. Money KPIs in minor units (written as money),
 * ratios as percents, scores with one decimal.
 */
import type { RankedScorecard, ScorecardKpiId } from '../../engine/scorecard/scorecard.js';
import type { ExportCell, ExportTable } from '../../export/table.js';
import type { ScorecardStrings } from '../../i18n/strings/scorecard.js';

const MONEY: readonly ScorecardKpiId[] = ['attainment', 'avgDealSize', 'clv'];
const RATIO: readonly ScorecardKpiId[] = ['winRate', 'collectionRate', 'crmCompleteness'];

function kpiCell(kpi: ScorecardKpiId, v: number | null): ExportCell {
  if (v === null) return null;
  if (MONEY.includes(kpi)) return { value: Math.round(v), kind: 'money' };
  if (RATIO.includes(kpi)) return { value: v, kind: 'percent' };
  return { value: Math.round(v * 10) / 10, kind: 'number', decimals: 1 };
}

const one = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function scorecardTables(cards: readonly RankedScorecard[], t: ScorecardStrings, currency: string, title: string): ExportTable[] {
  const c = t.columns;
  return [
    {
      name: title,
      currency,
      columns: [
        { header: c.rank, kind: 'count' },
        { header: c.name, kind: 'text' },
        { header: c.profile, kind: 'text' },
        { header: c.score, kind: 'number', decimals: 1 },
        { header: c.trend, kind: 'number', decimals: 1 },
      ],
      rows: cards.map((p) => [p.rank, p.name, t.profiles[p.profile], one(p.score), one(p.trend)]),
    },
    {
      name: c.kpi,
      currency,
      columns: [
        { header: c.name, kind: 'text' },
        { header: c.kpi, kind: 'text' },
        { header: c.weight, kind: 'count' },
        { header: c.actual, kind: 'number' },
        { header: c.benchmark, kind: 'number' },
        { header: c.kpiScore, kind: 'number', decimals: 1 },
        { header: c.points, kind: 'number', decimals: 1 },
      ],
      rows: cards.flatMap((p) => p.lines.map((l) => [p.name, t.kpis[l.kpi], l.weight, kpiCell(l.kpi, l.actual), kpiCell(l.kpi, l.benchmark), one(l.score), one(l.points)])),
    },
  ];
}
