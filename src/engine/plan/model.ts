/**
 * The types of QuotaKit's data model, inferred from the zod schemas of `model-schema.ts` (a
 * type-only import: no zod in a page that only computes and renders), and the few values every
 * part of the kit shares: the metric ids and definitions, `cellKey`, and `checkOrg`.
 *
 * Conventions:
 * - Money is an integer number of minor units (分 / cents) in the plan's ISO 4217 currency.
 * - Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone).
 * - Period ids: `FY2026`, `FY2026-H1`, `FY2026-Q3`, months as calendar months `2026-04`, ISO weeks
 *   `2026-W05`. See `calendar/periods.ts`.
 */
import type * as z from 'zod/mini';
import type {
  BlendWeightsSchema,
  CommitmentSchema,
  MarketInputSchema,
  PlanInputsChangeSchema,
  ActualSchema,
  ActualsSnapshotSchema,
  CellRefSchema,
  FiscalCalendarSchema,
  FunnelStageSchema,
  MetricDefSchema,
  MetricIdSchema,
  OpportunitySchema,
  OrgKindSchema,
  OrgNodeSchema,
  PeriodIdSchema,
  PlanSchema,
  PlanSnapshotSchema,
  ProductLineSchema,
  SaveResultSchema,
  StageCountSchema,
  TargetCellSchema,
  TargetChangeSchema,
  TargetSourceSchema,
  UserSchema,
} from './model-schema.js';
import { runSteps, type Steps } from '../shared/steps.js';

export type PeriodId = z.infer<typeof PeriodIdSchema>;

export type FiscalCalendar = z.infer<typeof FiscalCalendarSchema>;

export type Plan = z.infer<typeof PlanSchema>;

export type OrgKind = z.infer<typeof OrgKindSchema>;

export type OrgNode = z.infer<typeof OrgNodeSchema>;

export type ProductLine = z.infer<typeof ProductLineSchema>;

export const METRIC_IDS = [
  'revenue',
  'collections',
  'leads',
  'visits',
  'demos',
  'quotes',
  'won',
  'winRate',
  'collectionRate',
  'avgDealSize',
] as const;
export type MetricId = z.infer<typeof MetricIdSchema>;

export type MetricDef = z.infer<typeof MetricDefSchema>;

/** The built-in metrics and how each one rolls up. */
export const METRICS: Readonly<Record<MetricId, MetricDef>> = {
  revenue: { id: 'revenue', unit: 'money', rollup: 'sum' },
  collections: { id: 'collections', unit: 'money', rollup: 'sum' },
  leads: { id: 'leads', unit: 'count', rollup: 'sum' },
  visits: { id: 'visits', unit: 'count', rollup: 'sum' },
  demos: { id: 'demos', unit: 'count', rollup: 'sum' },
  quotes: { id: 'quotes', unit: 'count', rollup: 'sum' },
  won: { id: 'won', unit: 'count', rollup: 'sum' },
  winRate: { id: 'winRate', unit: 'ratio', rollup: 'derived', numerator: 'won', denominator: 'quotes' },
  collectionRate: { id: 'collectionRate', unit: 'ratio', rollup: 'derived', numerator: 'collections', denominator: 'revenue' },
  avgDealSize: { id: 'avgDealSize', unit: 'money', rollup: 'derived', numerator: 'revenue', denominator: 'won' },
};

export type TargetSource = z.infer<typeof TargetSourceSchema>;

export type TargetCell = z.infer<typeof TargetCellSchema>;

/** The identity of a target cell: node × period × metric × product (no two cells share one). */
export const cellKey = (c: { nodeId: string; period: string; metric: string; product?: string | null }): string =>
  `${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`;

export type Actual = z.infer<typeof ActualSchema>;

export type FunnelStage = z.infer<typeof FunnelStageSchema>;

export type StageCount = z.infer<typeof StageCountSchema>;

export type Opportunity = z.infer<typeof OpportunitySchema>;

export type User = z.infer<typeof UserSchema>;

export type PlanSnapshot = z.infer<typeof PlanSnapshotSchema>;

export type ActualsSnapshot = z.infer<typeof ActualsSnapshotSchema>;

export type CellRefPayload = z.infer<typeof CellRefSchema>;

export type TargetChange = z.infer<typeof TargetChangeSchema>;

export type SaveResult = z.infer<typeof SaveResultSchema>;

/** A rep's bottom-up commitment for a period. */
export type Commitment = z.infer<typeof CommitmentSchema>;
/** Market size and target share of a node (and product). */
export type MarketInput = z.infer<typeof MarketInputSchema>;
export type BlendWeights = z.infer<typeof BlendWeightsSchema>;
/** A change to the planning inputs (commitments, market, blend), based on a plan version. */
export type PlanInputsChange = z.infer<typeof PlanInputsChangeSchema>;

/**
 * A validation issue from parsing a payload: where (`path`), why (`code` with `params`, which the
 * dictionaries turn into a sentence in the page's language, see `src/i18n/issues.ts`), and an
 * English `message` for logs. Issues built by hand elsewhere may lack a code; they show `message`.
 */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
  code?: string;
  params?: Record<string, string | number>;
}

/**
 * Checks the org forms one tree: unique ids (`duplicate-id`), known parents (`unknown-parent`),
 * exactly one root (`root-count`) and no cycles: every node on a cycle gets its own `cycle` issue
 * naming the loop (`east → east-hz → east`), so a subtree is never dropped without a word. With
 * `partial` (a subtree loaded on demand) parents outside the list and the root count are not checked.
 */
export function checkOrg(org: readonly OrgNode[], { partial = false } = {}): SchemaIssue[] {
  return runSteps(checkOrgSteps(org, { partial }));
}

/** Nodes checked between two yields of `checkOrgSteps`. */
const ORG_CHUNK = 4096;

/** `checkOrg` as steps (a yield every few thousand nodes): the same issues, in the same order. */
export function* checkOrgSteps(org: readonly OrgNode[], { partial = false } = {}): Steps<SchemaIssue[]> {
  const issues: SchemaIssue[] = [];
  const index = new Map<string, number>();
  let roots = 0;
  for (let i = 0; i < org.length; i++) {
    const n = org[i]!;
    if (index.has(n.id)) issues.push({ path: ['org', i, 'id'], code: 'duplicate-id', params: { id: n.id, kind: 'node' }, message: `duplicate node id "${n.id}"` });
    else index.set(n.id, i);
    if (n.parentId === null) roots++;
    if (i % ORG_CHUNK === ORG_CHUNK - 1) yield { done: i, total: org.length * 3 };
  }
  if (!partial && roots !== 1) {
    issues.push({ path: ['org'], code: 'root-count', params: { count: roots }, message: `expected exactly one root node, found ${roots}` });
  }
  if (!partial) {
    for (let i = 0; i < org.length; i++) {
      const n = org[i]!;
      if (n.parentId !== null && !index.has(n.parentId)) {
        issues.push({ path: ['org', i, 'parentId'], code: 'unknown-parent', params: { id: n.parentId }, message: `unknown parent "${n.parentId}"` });
      }
      if (i % ORG_CHUNK === ORG_CHUNK - 1) yield { done: org.length + i, total: org.length * 3 };
    }
  }
  // Cycles: walk up from each node until a root, a missing parent, a node already settled, or a
  // node seen on this walk (then the walk from there on is a cycle). Each node is settled once.
  // Typed arrays, not a Map per walk: 100,000 nodes are checked without 100,000 small allocations.
  const settled = new Uint8Array(org.length);
  const walkOf = new Int32Array(org.length).fill(-1);
  const stepOf = new Int32Array(org.length);
  const inCycle: number[] = [];
  const walk: number[] = [];
  for (let start = 0; start < org.length; start++) {
    walk.length = 0;
    let cur: number | undefined = start;
    while (cur !== undefined && !settled[cur]) {
      if (walkOf[cur] === start) {
        for (let k = stepOf[cur]!; k < walk.length; k++) inCycle.push(walk[k]!);
        break;
      }
      walkOf[cur] = start;
      stepOf[cur] = walk.length;
      walk.push(cur);
      const parentId: string | null = org[cur]!.parentId;
      cur = parentId === null ? undefined : index.get(parentId);
    }
    for (const i of walk) settled[i] = 1;
    if (start % ORG_CHUNK === ORG_CHUNK - 1) yield { done: 2 * org.length + start, total: org.length * 3 };
  }
  for (const i of inCycle.sort((a, b) => a - b)) {
    const loop = [org[i]!.id];
    for (let j = index.get(org[i]!.parentId!)!; ; j = index.get(org[j]!.parentId!)!) {
      loop.push(org[j]!.id);
      if (j === i) break;
    }
    const cycle = loop.join(' → ');
    issues.push({ path: ['org', i, 'parentId'], code: 'cycle', params: { id: org[i]!.id, cycle }, message: `node "${org[i]!.id}" is part of a cycle: ${cycle}` });
  }
  return issues;
}
