/**
 * Import of reps' bottom-up commitments (自下而上承诺, issue 16 item 1) from the same file layout as
 * targets: a node column, optionally a metric column, and the fiscal year's column (`FY2026`)
 * holding each rep's commitment for the year. All or nothing, every problem with its line and
 * column, like `parseTargetsCsv` (it is that parser, with two more rules per cell).
 */
import type { Commitment, PlanSnapshot } from './model.js';
import { parseTargetsCsv, type CsvIssue, type ParseTargetsCsvOptions } from './csv.js';
import type { QkIssue } from '../shared/result.js';

export type CommitmentsImportResult = { ok: true; value: Commitment[] } | { ok: false; error: QkIssue; errors: CsvIssue[] };

/**
 * Reads commitments: one per rep and metric, for the fiscal year only. A value in a month or
 * quarter column is `commitment-not-year`; one for a node that is not a rep (a region, a team) is
 * `commitment-not-rep`; a product line is `commitment-product` (commitments are for the whole
 * year's figure). Amounts are read as in a target file (`¥1,200,000`, `120万`).
 *
 * @example
 * parseCommitmentsCsv('Node ID,Name,FY2026\nr1,王芳,"3,000,000"\n', { snapshot, metric: 'revenue' })
 * // ok([{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 300_000_000 }])
 */
export function parseCommitmentsCsv(text: string, options: ParseTargetsCsvOptions & { snapshot: Pick<PlanSnapshot, 'plan' | 'org' | 'products'> }): CommitmentsImportResult {
  const r = parseTargetsCsv(text, { ...options, checkCell: commitmentRule(options.snapshot) });
  if (!r.ok) return r;
  return { ok: true, value: r.value.map((c) => ({ nodeId: c.nodeId, period: c.period, metric: c.metric, value: c.value })) };
}

/** The per-cell rules of a commitments file, for `parseTargetsCsv`'s `checkCell`. */
export function commitmentRule(snapshot: Pick<PlanSnapshot, 'plan' | 'org'>): NonNullable<ParseTargetsCsvOptions['checkCell']> {
  const fy = `FY${snapshot.plan.fiscalYear}`;
  const kinds = new Map(snapshot.org.map((n) => [n.id, n.kind]));
  const hasChildren = new Set(snapshot.org.map((n) => n.parentId).filter((p): p is string => p !== null));
  type Refusal = { code: string; message: string; params: Record<string, string | number> };
  return (cell): Refusal | null => {
    if (cell.period !== fy) return { code: 'commitment-not-year', message: `a commitment is for the fiscal year ${fy}, not ${cell.period}`, params: { period: cell.period, fiscalYear: fy } };
    if (kinds.get(cell.nodeId) !== 'rep' && hasChildren.has(cell.nodeId)) return { code: 'commitment-not-rep', message: `${cell.nodeId} is not a rep: only reps commit`, params: { nodeId: cell.nodeId } };
    if (cell.product !== undefined) return { code: 'commitment-product', message: 'a commitment is for all product lines', params: { product: cell.product } };
    return null;
  };
}
