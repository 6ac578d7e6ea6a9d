/**
 * The goal tree's targets as an export table: the same columns as the CSV the tree has always
 * written (node id, name, metric, optional product, one column per period id), so a file exported
 * as .xlsx or CSV imports back unchanged.
 */
import { METRICS, type MetricId } from '../engine/plan/model.js';
import type { TargetCsvHeaders, TargetCsvRow } from '../engine/plan/csv.js';
import type { ExportColumnKind, ExportTable } from './table.js';

export interface TargetsTableOptions {
  periods: readonly string[];
  metric: MetricId;
  product?: string;
  currency: string;
  headers: TargetCsvHeaders;
  /** Sheet name. */
  name: string;
}

/**
 * @example targetsTable([{ nodeId: 'east', name: '华东', values: { FY2026: 720000000 } }],
 *   { periods: ['FY2026'], metric: 'revenue', currency: 'CNY', headers: TARGET_CSV_HEADERS.en, name: 'Targets' })
 * // columns Node ID | Name | Metric | FY2026 (money), rows [['east', '华东', 'revenue', 720000000]]
 */
export function targetsTable(rows: readonly TargetCsvRow[], o: TargetsTableOptions): ExportTable {
  const kind: ExportColumnKind = METRICS[o.metric]?.unit === 'money' ? 'money' : 'count';
  const product = o.product !== undefined;
  return {
    name: o.name,
    currency: o.currency,
    columns: [
      { header: o.headers.nodeId, kind: 'text' },
      { header: o.headers.name, kind: 'text' },
      { header: o.headers.metric, kind: 'text' },
      ...(product ? [{ header: o.headers.product, kind: 'text' as const }] : []),
      ...o.periods.map((p) => ({ header: p, kind })),
    ],
    rows: rows.map((r) => [r.nodeId, r.name, o.metric, ...(product ? [o.product!] : []), ...o.periods.map((p) => r.values[p] ?? null)]),
  };
}
