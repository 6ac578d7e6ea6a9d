/**
 * The data model of QuotaKit as zod schemas (zod/mini, to keep the bundle small) with the
 * TypeScript types inferred from them. Everything that crosses the adapter boundary is parsed with
 * these schemas; inside the engine the types are trusted.
 *
 * Conventions:
 * - Money is an integer number of minor units (分 / cents) in the plan's ISO 4217 currency.
 * - Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone).
 * - Period ids: `FY2026`, `FY2026-H1`, `FY2026-Q3`, months as calendar months `2026-04`, ISO weeks
 *   `2026-W05`. See `periods.ts`.
 */
import * as z from 'zod/mini';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const isoDate = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date YYYY-MM-DD'));
/** Integer minor units, within the range where doubles stay exact. */
export const MinorUnitsSchema = z.number().check(
  z.refine((v) => Number.isSafeInteger(v), 'expected an integer amount in minor units'),
);
const count = z.number().check(z.refine((v) => Number.isSafeInteger(v) && v >= 0, 'expected a whole count ≥ 0'));
const ratio = z.number().check(z.gte(0), z.lte(1));
const weight = z.number().check(z.refine((v) => Number.isFinite(v) && v >= 0, 'expected a finite weight ≥ 0'));

/** A period id: `FY2026`, `FY2026-H1`, `FY2026-Q3`, a calendar month `2026-04` or an ISO week `2026-W05`. */
export const PeriodIdSchema = z.string().check(
  z.regex(/^(FY\d{4}(-H[12]|-Q[1-4])?|\d{4}-(0[1-9]|1[0-2])|\d{4}-W(0[1-9]|[1-4]\d|5[0-3]))$/, 'expected a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05'),
);
export type PeriodId = z.infer<typeof PeriodIdSchema>;

/** An ISO 4217 currency code in capitals, e.g. `CNY`, `USD`. */
export const CurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as CNY'));

/**
 * The fiscal calendar: the month the fiscal year starts in (1 = January, 4 = April), how fiscal
 * years are named (`start`: FY2026 begins in 2026; `end`: FY2026 ends in 2026), the weekend days
 * (0 = Sunday … 6 = Saturday), public holidays, and make-up working days that fall on a weekend
 * (调休, common in China).
 */
export const FiscalCalendarSchema = z.object({
  startMonth: z.number().check(z.int(), z.gte(1), z.lte(12)),
  yearNaming: z.optional(z.enum(['start', 'end'])),
  weekend: z.optional(z.array(z.number().check(z.int(), z.gte(0), z.lte(6)))),
  holidays: z.optional(z.array(isoDate)),
  workdays: z.optional(z.array(isoDate)),
});
export type FiscalCalendar = z.infer<typeof FiscalCalendarSchema>;

/** The plan itself: which fiscal year, in which currency, on which calendar, at which version. */
export const PlanSchema = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  currency: CurrencySchema,
  calendar: FiscalCalendarSchema,
  /** The fiscal year the plan is for, e.g. 2026 for FY2026. */
  fiscalYear: z.number().check(z.int(), z.gte(1900), z.lte(2999)),
  /** Optimistic-concurrency version: every save names the version it was based on. */
  version: z.number().check(z.int(), z.gte(0)),
});
export type Plan = z.infer<typeof PlanSchema>;

/** The level of an org node; `unit` for levels other than company, region, team and rep. */
export const OrgKindSchema = z.enum(['company', 'region', 'team', 'rep', 'unit']);
export type OrgKind = z.infer<typeof OrgKindSchema>;

/** A node of the org tree: company → region → team → rep, any depth (`unit` for other levels). */
export const OrgNodeSchema = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  parentId: z.nullable(id),
  kind: OrgKindSchema,
  /** Reps: the hire date, which drives the ramp for new hires. */
  hireDate: z.optional(isoDate),
  /** Reps: e.g. `rep`, `senior`, `manager`; free text for the host's own ladder. */
  role: z.optional(z.string()),
  /** A given market/territory potential weight, used by the `potential` allocation method. */
  potential: z.optional(weight),
  /** Reps who leave on this date (personnel trigger for adjustments). */
  leaveDate: z.optional(isoDate),
  /** Reps: who mentors this person (传帮带). */
  mentorId: z.optional(id),
  /** For lazily loaded orgs: this node has children that are not loaded yet. */
  hasChildren: z.optional(z.boolean()),
});
export type OrgNode = z.infer<typeof OrgNodeSchema>;

export const ProductLineSchema = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  /** A new product line (新产品): gets minimum shares, multipliers and bonuses. */
  new: z.boolean(),
});
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
/** One of the built-in metrics (`METRIC_IDS`). */
export const MetricIdSchema = z.enum(METRIC_IDS);
export type MetricId = z.infer<typeof MetricIdSchema>;

/**
 * How a metric is measured and how it rolls up the org tree and the calendar:
 * `sum` adds children; `derived` is computed from other metrics after they are summed
 * (e.g. average deal size = revenue / won deals), never averaged.
 */
export const MetricDefSchema = z.object({
  id: MetricIdSchema,
  unit: z.enum(['money', 'count', 'ratio']),
  rollup: z.enum(['sum', 'weighted-average', 'derived']),
  /** For derived metrics: numerator / denominator metric ids. */
  numerator: z.optional(MetricIdSchema),
  denominator: z.optional(MetricIdSchema),
});
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

/** Where a target value came from: a split, a view, a person's edit, a CSV import or an approved adjustment. */
export const TargetSourceSchema = z.enum(['top-down', 'bottom-up', 'market', 'blend', 'manual', 'import', 'adjustment']);
export type TargetSource = z.infer<typeof TargetSourceSchema>;

/** One target: node × period × metric × optional product line. Values are integers (minor units or counts). */
export const TargetCellSchema = z.object({
  nodeId: id,
  period: PeriodIdSchema,
  metric: MetricIdSchema,
  product: z.optional(id),
  value: MinorUnitsSchema.check(z.gte(0)),
  locked: z.optional(z.boolean()),
  source: z.optional(TargetSourceSchema),
  /**
   * The target before approved adjustments: set when an adjustment first changes the cell (0 for
   * a cell an adjustment created), kept by later ones, so pay can show the original beside the
   * target in force even after a reload.
   */
  original: z.optional(MinorUnitsSchema.check(z.gte(0))),
});
export type TargetCell = z.infer<typeof TargetCellSchema>;

/** The identity of a target cell: node × period × metric × product (no two cells share one). */
export const cellKey = (c: { nodeId: string; period: string; metric: string; product?: string | null }): string =>
  `${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`;

/** A dated booking (signed order) or collection (回款) for a rep and product line. */
export const ActualSchema = z.object({
  id,
  repId: id,
  productId: id,
  date: isoDate,
  type: z.enum(['booking', 'collection']),
  amount: MinorUnitsSchema,
  /** For collections: the booking this cash belongs to (clawback, collection rate). */
  bookingId: z.optional(id),
});
export type Actual = z.infer<typeof ActualSchema>;

/** A funnel stage, in order from first (lead) to last (won). */
export const FunnelStageSchema = z.object({
  id,
  name: z.optional(z.object({ en: z.string(), 'zh-CN': z.string() })),
  /** Average days a deal spends in this stage before it moves on. */
  avgDays: z.optional(z.number().check(z.gte(0))),
});
export type FunnelStage = z.infer<typeof FunnelStageSchema>;

/** How many items entered a stage for a rep in a month. */
export const StageCountSchema = z.object({
  repId: id,
  month: PeriodIdSchema,
  stageId: id,
  count,
});
export type StageCount = z.infer<typeof StageCountSchema>;

/** An open opportunity (商机) in the pipeline. */
export const OpportunitySchema = z.object({
  id,
  repId: id,
  productId: z.optional(id),
  amount: MinorUnitsSchema.check(z.gte(0)),
  stageId: id,
  expectedClose: isoDate,
  probability: ratio,
});
export type Opportunity = z.infer<typeof OpportunitySchema>;

/** What a user may do: `rep` (their own targets), `manager` (a subtree), `admin` (everything), `viewer` (read only). */
export const RoleSchema = z.enum(['rep', 'manager', 'admin', 'viewer']);
export const UserSchema = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  roles: z.array(RoleSchema),
  /** Org node ids whose subtrees the user may see. */
  canView: z.array(id),
  /** Org node ids whose subtrees the user may edit. */
  canEdit: z.array(id),
  /** The org node of the user themselves (a rep's own node), if any. */
  nodeId: z.optional(id),
});
export type User = z.infer<typeof UserSchema>;

/** Everything needed to show and edit a plan, loaded once (or a subtree at a time). */
export const PlanSnapshotSchema = z.object({
  plan: PlanSchema,
  org: z.array(OrgNodeSchema),
  products: z.array(ProductLineSchema),
  stages: z.array(FunnelStageSchema),
  targets: z.array(TargetCellSchema),
  users: z.optional(z.array(UserSchema)),
});
export type PlanSnapshot = z.infer<typeof PlanSnapshotSchema>;

/** Actuals, funnel counts and open pipeline for a date range. */
export const ActualsSnapshotSchema = z.object({
  from: isoDate,
  to: isoDate,
  actuals: z.array(ActualSchema),
  stageCounts: z.array(StageCountSchema),
  pipeline: z.array(OpportunitySchema),
});
export type ActualsSnapshot = z.infer<typeof ActualsSnapshotSchema>;

/** Which target cell: node × period × metric × optional product (a removal names no value). */
export const CellRefSchema = z.object({
  nodeId: id,
  period: PeriodIdSchema,
  metric: MetricIdSchema,
  product: z.optional(id),
});
export type CellRefPayload = z.infer<typeof CellRefSchema>;

/**
 * A change to targets sent to the host, based on a plan version: cells to write, and cells to
 * remove (`removed`: the undo of a cell that did not exist before it was saved).
 */
export const TargetChangeSchema = z.object({
  baseVersion: z.number().check(z.int(), z.gte(0)),
  cells: z.array(TargetCellSchema),
  removed: z.optional(z.array(CellRefSchema)),
});
export type TargetChange = z.infer<typeof TargetChangeSchema>;

/** What a successful save returns: the plan's new version. */
export const SaveResultSchema = z.object({ version: z.number().check(z.int(), z.gte(0)) });
export type SaveResult = z.infer<typeof SaveResultSchema>;

/** A validation issue from parsing a payload: where, and why. */
export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Parses `data` with `schema`; on failure lists every bad path with its reason, plus cross-record
 * checks for snapshots (unknown parents, cycles, duplicate ids) that a per-field schema cannot see.
 */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  const r = z.safeParse(schema, data, { reportInput: true });
  if (!r.success) {
    return {
      ok: false,
      issues: r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: describeIssue(i) })),
    };
  }
  return { ok: true, value: r.data };
}

/** A zod issue in words. zod/mini ships no message tables (they cost bytes), so say it here. */
function describeIssue(i: z.core.$ZodIssue): string {
  if (i.message && i.message !== 'Invalid input') return i.message;
  const got = (v: unknown) => (v === undefined ? 'nothing' : v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : typeof v === 'object' ? 'an object' : String(v));
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? `required (${i.expected}) but missing` : `expected ${i.expected === 'int' ? 'a whole number' : i.expected}, got ${got(i.input)}`;
    case 'invalid_value':
      return `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got(i.input)}`;
    case 'too_small':
      return `must be at least ${String(i.minimum)}${i.origin === 'string' ? ' characters long' : ''}, got ${got(i.input)}`;
    case 'too_big':
      return `must be at most ${String(i.maximum)}${i.origin === 'string' ? ' characters long' : ''}, got ${got(i.input)}`;
    case 'unrecognized_keys':
      return `unknown field${i.keys.length === 1 ? '' : 's'} ${i.keys.join(', ')}`;
    default:
      return `invalid (${i.code})`;
  }
}

/** Checks the org forms one tree: unique ids, known parents, exactly one root, no cycles. */
export function checkOrg(org: readonly OrgNode[], { partial = false } = {}): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const index = new Map<string, number>();
  org.forEach((n, i) => {
    if (index.has(n.id)) issues.push({ path: ['org', i, 'id'], message: `duplicate node id "${n.id}"` });
    else index.set(n.id, i);
  });
  const roots = org.filter((n) => n.parentId === null);
  if (!partial && roots.length !== 1) {
    issues.push({ path: ['org'], message: `expected exactly one root node, found ${roots.length}` });
  }
  org.forEach((n, i) => {
    if (n.parentId !== null && !index.has(n.parentId) && !partial) {
      issues.push({ path: ['org', i, 'parentId'], message: `unknown parent "${n.parentId}"` });
    }
  });
  // Cycle check: walk up from each node, at most org.length steps.
  for (const [i, n] of org.entries()) {
    let cur: OrgNode | undefined = n;
    let steps = 0;
    while (cur && cur.parentId !== null && steps <= org.length) {
      const pi = index.get(cur.parentId);
      cur = pi === undefined ? undefined : org[pi];
      steps++;
    }
    if (steps > org.length) {
      issues.push({ path: ['org', i, 'parentId'], message: `node "${n.id}" is part of a cycle` });
      break;
    }
  }
  return issues;
}
