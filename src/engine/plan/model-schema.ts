/**
 * The data model of QuotaKit as zod schemas (zod/mini), for the places where payloads enter: the
 * adapters and the store parse everything that crosses the adapter boundary with these; inside the
 * engine the types (`model.ts`, inferred from these schemas, types only) are trusted. Only modules
 * that validate import this file, so zod stays out of code that only computes or renders.
 *
 * Conventions:
 * - Money is an integer number of minor units (分 / cents) in the plan's ISO 4217 currency.
 * - Dates are ISO `YYYY-MM-DD` strings (calendar dates, no time zone).
 * - Period ids: `FY2026`, `FY2026-H1`, `FY2026-Q3`, months as calendar months `2026-04`, ISO weeks
 *   `2026-W05`. See `periods.ts`.
 */
import * as z from 'zod/mini';
import { isCurrencyCode } from '../money/currencies.js';
import { parsePeriodId } from '../calendar/periods.js';
import { METRIC_IDS, type SchemaIssue } from './model.js';

type Say = (code: string, message: string, params: Record<string, string | number>) => void;

/**
 * A check that reports its own issue codes: `test(value, say)` calls `say(code, englishMessage,
 * params)` for what is wrong. The code and params reach `SchemaIssue` (and the dictionaries of
 * `src/i18n/issues.ts`); the message is the English text for logs.
 */
function rule<T>(test: (value: T, say: Say) => void) {
  return z.superRefine<T>((value, ctx) => test(value, (code, message, params) => ctx.addIssue({ code: 'custom', message, params: { qk: code, ...params } })));
}

const shorten = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

const id = z.string().check(z.minLength(1), z.maxLength(200));

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days in a month of the proleptic Gregorian calendar. */
const daysInMonth = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * A real calendar date `YYYY-MM-DD` (2024-02-29 yes; 2025-02-29 and 2026-02-30 no). Issue `date`
 * for another shape (or month 00/13, day 00), `date-nonexistent` for a day the month does not have.
 */
export const IsoDateSchema = z.string().check(
  rule<string>((value, say) => {
    const m = DATE.exec(value);
    const y = m ? +m[1]! : 0, mo = m ? +m[2]! : 0, d = m ? +m[3]! : 0;
    if (!m || mo < 1 || mo > 12 || d < 1) return say('date', `expected a date YYYY-MM-DD, got "${shorten(value)}"`, { value: shorten(value) });
    const days = daysInMonth(y, mo);
    if (d > days) say('date-nonexistent', `"${value}" is not a real date (${m[1]}-${m[2]} has ${days} days)`, { value, year: y, month: mo, days });
  }),
);
const isoDate = IsoDateSchema;

/** Integer minor units, within the range where doubles stay exact. */
export const MinorUnitsSchema = z.number().check(
  rule<number>((v, say) => {
    if (!Number.isSafeInteger(v)) say('amount', `expected an integer amount in minor units, got ${v}`, { value: String(v) });
  }),
);
const count = z.number().check(
  rule<number>((v, say) => {
    if (!Number.isSafeInteger(v) || v < 0) say('count', `expected a whole count ≥ 0, got ${v}`, { value: String(v) });
  }),
);
const ratio = z.number().check(z.gte(0), z.lte(1));
const weight = z.number().check(
  rule<number>((v, say) => {
    if (!Number.isFinite(v) || v < 0) say('weight', `expected a finite weight ≥ 0, got ${v}`, { value: String(v) });
  }),
);

/**
 * A period id: `FY2026`, `FY2026-H1`, `FY2026-Q3`, a calendar month `2026-04` or an ISO week
 * `2026-W05` that the year has (`2025-W53` is not: 2025 has 52 ISO weeks).
 */
export const PeriodIdSchema = z.string().check(
  rule<string>((v, say) => {
    const r = parsePeriodId(v);
    if (r.ok) return;
    if (r.error.code === 'period-week-range') {
      const { year, weeks } = r.error.params as { year: number; weeks: number };
      say('period-week', `"${v}" is not a week: ${year} has ${weeks} ISO weeks`, { value: v, year, weeks });
    } else {
      say('period', `expected a period id such as FY2026, FY2026-Q1, 2026-04 or 2026-W05, got "${shorten(v)}"`, { value: shorten(v) });
    }
  }),
);
/** An active ISO 4217 currency code in capitals, e.g. `CNY`, `USD` (see `currencies.ts`); `ZZZ` is not one. */
export const CurrencySchema = z.string().check(
  rule<string>((v, say) => {
    if (!isCurrencyCode(v)) say('currency', `"${shorten(v)}" is not an ISO 4217 currency code such as CNY or USD`, { value: shorten(v) });
  }),
);

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
  /**
   * The least share (0…1) of each rep-month money target that new product lines carry together when
   * the plan is decomposed (issue 16 item 3; default 0.1 when a line is new). A rule of the targets,
   * not of pay: the commission plan's `newProductBonus.share` is a share of credited revenue.
   */
  newProductMinShare: z.optional(ratio),
});
/** One step of a ramp curve: tenure months `fromMonth` (inclusive) to `toMonth` (exclusive) at `factor` (0…1) of a full target. */
export const RampStepSchema = z.object({
  fromMonth: z.number().check(z.int(), z.gte(0), z.lte(120)),
  toMonth: z.number().check(z.int(), z.gte(1), z.lte(120)),
  factor: ratio,
});
/** The level of an org node; `unit` for levels other than company, region, team and rep. */
export const OrgKindSchema = z.enum(['company', 'region', 'team', 'rep', 'unit']);
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
  /** Reps: their own ramp curve (爬坡), instead of the plan's default 30% / 60% / 100% by tenure quarter. */
  ramp: z.optional(z.array(RampStepSchema)),
  /** Reps: who mentors this person (传帮带). */
  mentorId: z.optional(id),
  /** For lazily loaded orgs: this node has children that are not loaded yet. */
  hasChildren: z.optional(z.boolean()),
});
export const ProductLineSchema = z.object({
  id,
  name: z.string().check(z.minLength(1)),
  /** A new product line (新产品): gets minimum shares, multipliers and bonuses. */
  new: z.boolean(),
});
/** One of the built-in metrics (`METRIC_IDS`). */
export const MetricIdSchema = z.enum(METRIC_IDS);
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
/** Where a target value came from: a split, a view, a person's edit, a CSV import or an approved adjustment. */
export const TargetSourceSchema = z.enum(['top-down', 'bottom-up', 'market', 'blend', 'manual', 'import', 'adjustment']);
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
  /** For bookings: the customer (account) who signed, when the CRM records it (customer lifetime value). */
  customerId: z.optional(id),
});
/** A funnel stage, in order from first (lead) to last (won). */
export const FunnelStageSchema = z.object({
  id,
  name: z.optional(z.object({ en: z.string(), 'zh-CN': z.string() })),
  /** Average days a deal spends in this stage before it moves on. */
  avgDays: z.optional(z.number().check(z.gte(0))),
});
/** How many items entered a stage for a rep in a month. */
export const StageCountSchema = z.object({
  repId: id,
  month: PeriodIdSchema,
  stageId: id,
  count,
});
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
/** What a user may do: `rep` (their own targets), `manager` (a subtree), `admin` (everything), `viewer` (read only), `finance` (reads targets, may change the commission plan). */
export const RoleSchema = z.enum(['rep', 'manager', 'admin', 'viewer', 'finance']);
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
/**
 * A rep's own bottom-up commitment (自下而上承诺) for a period: what they commit to, entered in the
 * tree or imported. `by` is the user who entered it (set by the host from the signed-in identity).
 */
export const CommitmentSchema = z.object({
  nodeId: id,
  period: PeriodIdSchema,
  metric: MetricIdSchema,
  value: MinorUnitsSchema.check(z.gte(0)),
  by: z.optional(id),
});
/** Market size (minor units, for the plan year) and the target share (0…1) of a region or team, optionally for one product line. */
export const MarketInputSchema = z.object({
  nodeId: id,
  product: z.optional(id),
  size: MinorUnitsSchema.check(z.gte(0)),
  share: ratio,
});
/** The weights of the blended view (normalized: 5/3/2 equals 0.5/0.3/0.2). */
export const BlendWeightsSchema = z.object({ topDown: weight, bottomUp: weight, market: weight });
/** A rep's own ramp curve as a manager sets it (an empty `steps` goes back to the plan's default). */
export const RampChangeSchema = z.object({ nodeId: id, steps: z.array(RampStepSchema) });
/** A change to the planning inputs: commitments and market entries to write, the blend, and reps' ramp curves. */
export const PlanInputsChangeSchema = z.object({
  baseVersion: z.number().check(z.int(), z.gte(0)),
  commitments: z.optional(z.array(CommitmentSchema)),
  market: z.optional(z.array(MarketInputSchema)),
  blend: z.optional(BlendWeightsSchema),
  ramps: z.optional(z.array(RampChangeSchema)),
  /** The plan's new-product minimum share of targets (`Plan.newProductMinShare`). */
  newProductMinShare: z.optional(ratio),
});
/** Everything needed to show and edit a plan, loaded once (or a subtree at a time). */
export const PlanSnapshotSchema = z.object({
  plan: PlanSchema,
  org: z.array(OrgNodeSchema),
  products: z.array(ProductLineSchema),
  stages: z.array(FunnelStageSchema),
  targets: z.array(TargetCellSchema),
  users: z.optional(z.array(UserSchema)),
  /** Reps' bottom-up commitments. */
  commitments: z.optional(z.array(CommitmentSchema)),
  /** Market size and target share per region/team (and product). */
  market: z.optional(z.array(MarketInputSchema)),
  /** The blend of top-down, bottom-up and market. */
  blend: z.optional(BlendWeightsSchema),
});
/** Actuals, funnel counts and open pipeline for a date range. */
export const ActualsSnapshotSchema = z.object({
  from: isoDate,
  to: isoDate,
  actuals: z.array(ActualSchema),
  stageCounts: z.array(StageCountSchema),
  pipeline: z.array(OpportunitySchema),
});
/** Which target cell: node × period × metric × optional product (a removal names no value). */
export const CellRefSchema = z.object({
  nodeId: id,
  period: PeriodIdSchema,
  metric: MetricIdSchema,
  product: z.optional(id),
});
/**
 * A change to targets sent to the host, based on a plan version: cells to write, and cells to
 * remove (`removed`: the undo of a cell that did not exist before it was saved).
 */
export const TargetChangeSchema = z.object({
  baseVersion: z.number().check(z.int(), z.gte(0)),
  cells: z.array(TargetCellSchema),
  removed: z.optional(z.array(CellRefSchema)),
});
/** What a successful save returns: the plan's new version. */
export const SaveResultSchema = z.object({ version: z.number().check(z.int(), z.gte(0)) });
/**
 * Parses `data` with `schema`; on failure lists every bad path with its code and reason. Safe for
 * any input: `null`, numbers, lists, objects with wrong types, even an object whose getter throws
 * (issue `unreadable` at the root). Cross-record checks (unknown parents, cycles, duplicate ids)
 * are `checkOrg` and the adapter's `check*` functions.
 */
export function parseWith<T>(
  schema: z.ZodMiniType<T>,
  data: unknown,
): { ok: true; value: T } | { ok: false; issues: SchemaIssue[] } {
  let r: ReturnType<typeof z.safeParse<z.ZodMiniType<T>>>;
  try {
    r = z.safeParse(schema, data, { reportInput: true });
  } catch (e) {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : safeString(e);
    return { ok: false, issues: [{ path: [], code: 'unreadable', params: { reason }, message: `the payload could not be read (${reason})` }] };
  }
  if (!r.success) return { ok: false, issues: r.error.issues.map(toSchemaIssue) };
  return { ok: true, value: r.data };
}

function safeString(v: unknown): string {
  try {
    return String(v);
  } catch {
    return typeof v;
  }
}

/** What a value is, for messages: its kind and a short text of it. */
function received(v: unknown): { received: string; value: string } {
  if (v === undefined) return { received: 'missing', value: '' };
  if (v === null) return { received: 'null', value: 'null' };
  if (Array.isArray(v)) return { received: 'array', value: '' };
  if (typeof v === 'string') return { received: 'string', value: shorten(v) };
  if (typeof v === 'object' || typeof v === 'function') return { received: 'object', value: '' };
  return { received: typeof v === 'number' || typeof v === 'boolean' ? typeof v : 'other', value: safeString(v) };
}

/** The English words for what was received (as in `got text "abc"`, `got a list`). */
function got(v: unknown): string {
  const r = received(v);
  switch (r.received) {
    case 'missing':
      return 'nothing';
    case 'array':
      return 'a list';
    case 'object':
      return 'an object';
    case 'string':
      return `"${r.value}"`;
    default:
      return r.value;
  }
}

/**
 * A zod issue as a SchemaIssue: a code and params for the dictionaries, and the English message.
 * zod/mini ships no message tables (they cost bytes), so the words are said here.
 */
function toSchemaIssue(i: z.core.$ZodIssue): SchemaIssue {
  const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const issue = (code: string, params: Record<string, string | number>, message: string): SchemaIssue => ({ path, code, params, message });
  const { received: kind, value } = received(i.input);
  switch (i.code) {
    case 'custom': {
      const { qk, ...params } = (i.params ?? {}) as Record<string, string | number>;
      return issue(typeof qk === 'string' ? qk : 'invalid', params, i.message || 'invalid');
    }
    case 'invalid_type': {
      const expected = String(i.expected);
      if (i.input === undefined) return issue('required', { expected }, `required (${expected}) but missing`);
      return issue('type', { expected, received: kind, value }, `expected ${expected === 'int' ? 'a whole number' : expected}, got ${got(i.input)}`);
    }
    case 'invalid_value':
      return issue(
        'enum',
        { allowed: i.values.map(String).join(', '), received: kind, value },
        `expected one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got(i.input)}`,
      );
    case 'too_small':
    case 'too_big': {
      const small = i.code === 'too_small';
      const bound = Number(small ? (i as { minimum: number | bigint }).minimum : (i as { maximum: number | bigint }).maximum);
      const len = i.origin === 'string' ? ' characters long' : '';
      const message = `must be at ${small ? 'least' : 'most'} ${bound}${len}, got ${got(i.input)}`;
      if (i.origin === 'string') return issue(small ? 'too-short' : 'too-long', small ? { minimum: bound } : { maximum: bound }, message);
      if (i.origin === 'array' || i.origin === 'set') return issue(small ? 'too-few' : 'too-many', small ? { minimum: bound } : { maximum: bound }, message);
      return issue(small ? 'too-small' : 'too-big', small ? { minimum: bound, value } : { maximum: bound, value }, message);
    }
    case 'unrecognized_keys':
      return issue('unknown-keys', { keys: i.keys.join(', ') }, `unknown field${i.keys.length === 1 ? '' : 's'} ${i.keys.join(', ')}`);
    default:
      return issue('invalid', { zod: i.code }, i.message && i.message !== 'Invalid input' ? i.message : `invalid (${i.code})`);
  }
}
