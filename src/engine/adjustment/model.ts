/**
 * The data model of a target adjustment (目标调整): what is asked to change, why, how the
 * difference is absorbed, who asked, where the request stands, and the trail of what happened to
 * it. Requests cross the adapter as loose objects (`AdjustmentPayload`); `parseAdjustmentRequest`
 * turns one into a typed request or lists every bad field.
 */
import * as z from 'zod/mini';
import { type MetricId, type SchemaIssue } from '../plan/model.js';
import { MetricIdSchema, MinorUnitsSchema, parseWith, PeriodIdSchema } from '../plan/model-schema.js';
import { fail, ok, type Result } from '../shared/result.js';

const id = z.string().check(z.minLength(1), z.maxLength(200));
const amount = MinorUnitsSchema.check(z.gte(0));

/** The least number of characters (after trimming) a reason must have. */
export const MIN_REASON_LENGTH = 10;

/** Why a target is changed: the triggers the process accepts. */
export const ADJUSTMENT_TRIGGERS = ['market-shift', 'competitor-move', 'policy-change', 'personnel-change', 'pace-deviation', 'other'] as const;
export const AdjustmentTriggerSchema = z.enum(ADJUSTMENT_TRIGGERS);
export type AdjustmentTrigger = z.infer<typeof AdjustmentTriggerSchema>;

/** draft → pending → approved / rejected → applied; draft or pending → withdrawn. */
export const ADJUSTMENT_STATUSES = ['draft', 'pending', 'approved', 'rejected', 'applied', 'withdrawn'] as const;
export const AdjustmentStatusSchema = z.enum(ADJUSTMENT_STATUSES);
export type AdjustmentStatus = z.infer<typeof AdjustmentStatusSchema>;

/** What happened to a request; each action is one ledger entry. */
export const ADJUSTMENT_ACTIONS = ['submit', 'approve', 'reject', 'withdraw', 'apply', 'reopen'] as const;
export const AdjustmentActionSchema = z.enum(ADJUSTMENT_ACTIONS);
export type AdjustmentAction = z.infer<typeof AdjustmentActionSchema>;

/**
 * The new target: a value per period (`value`, minor units or a count), or a change in percent of
 * the current target (`percent`, e.g. -10 lowers by 10 %, at most two decimals, above -100).
 */
export const AdjustmentChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), value: amount }),
  z.object({
    kind: z.literal('percent'),
    percent: z.number().check(
      z.refine((v) => Number.isFinite(v) && v > -100 && v <= 1000 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6, 'expected a percent above -100 and at most 1000, with at most two decimals'),
    ),
  }),
]);
export type AdjustmentChange = z.infer<typeof AdjustmentChangeSchema>;

/**
 * Who takes the difference:
 * - `siblings`: the node's siblings, in proportion to their current targets (locked ones hold);
 *   the parent's total stays.
 * - `parent`: the parent's total (and every ancestor's) moves by the difference; siblings hold.
 * - `recipients`: only the named siblings take it, in proportion to their current targets
 *   (e.g. a leaving rep's target goes to two teammates).
 */
export const AbsorptionSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('siblings') }),
  z.object({ mode: z.literal('parent') }),
  z.object({ mode: z.literal('recipients'), recipients: z.array(id).check(z.minLength(1)) }),
]);
export type Absorption = z.infer<typeof AbsorptionSchema>;

/** One cell an adjustment changes: its value before and after (created: there was no cell). */
export const AffectedCellSchema = z.object({
  nodeId: id,
  period: PeriodIdSchema,
  product: z.optional(id),
  before: amount,
  after: amount,
  created: z.boolean(),
});
export type AffectedCell = z.infer<typeof AffectedCellSchema>;

/**
 * What is applied: the plan version the preview was computed on, the node's total over the
 * requested periods before and after, and every cell's before/after.
 */
export const StoredPreviewSchema = z.object({
  baseVersion: z.number().check(z.int(), z.gte(0)),
  before: amount,
  after: amount,
  cells: z.array(AffectedCellSchema),
});
export type StoredPreview = z.infer<typeof StoredPreviewSchema>;

/**
 * One entry of the audit trail: who (`by`), when (`at`, ISO date-time), what (`action` on
 * `requestId` for `nodeId` × `metric` × `periods`), why (`reason`, and the decider's `comment`),
 * and the node's total target over the periods before and after.
 */
export const LedgerEntrySchema = z.object({
  seq: z.number().check(z.int(), z.gte(1)),
  at: z.string().check(z.minLength(1)),
  by: id,
  action: AdjustmentActionSchema,
  requestId: id,
  nodeId: id,
  metric: MetricIdSchema,
  periods: z.array(PeriodIdSchema),
  status: AdjustmentStatusSchema,
  reason: z.string(),
  comment: z.optional(z.string()),
  before: amount,
  after: amount,
});
export type LedgerEntry = z.infer<typeof LedgerEntrySchema>;

/** An adjustment request. Unknown fields a host adds are kept (loose object). */
export const AdjustmentRequestSchema = z.looseObject({
  id,
  planId: id,
  nodeId: id,
  metric: MetricIdSchema,
  /** One product line's cells; absent: the all-products cells. */
  product: z.optional(id),
  /** Periods that do not overlap, e.g. `['2026-07', '2026-08']` or `['FY2026-Q3']`. */
  periods: z.array(PeriodIdSchema).check(z.minLength(1), z.maxLength(24)),
  change: AdjustmentChangeSchema,
  trigger: AdjustmentTriggerSchema,
  reason: z.string(),
  /** Links or notes backing the reason (data, a policy memo). */
  evidence: z.optional(z.string()),
  absorption: AbsorptionSchema,
  requesterId: id,
  createdAt: z.string().check(z.minLength(1)),
  status: AdjustmentStatusSchema,
  preview: z.optional(StoredPreviewSchema),
  decision: z.optional(z.looseObject({ approve: z.boolean(), by: id, comment: z.optional(z.string()), at: z.optional(z.string()) })),
  history: z.optional(z.array(LedgerEntrySchema)),
});
export type AdjustmentRequest = z.infer<typeof AdjustmentRequestSchema>;

/**
 * Parses a request (e.g. what `listAdjustments` returned) and checks what a schema cannot say
 * alone: a reason of at least `MIN_REASON_LENGTH` characters, no period listed twice, and
 * recipients that are not the node itself. Fails with `adjustment-invalid` (params `path`,
 * `detail`, and `issues` lists all), `adjustment-reason-short` (params `min`, `length`),
 * `adjustment-periods-duplicate` or `adjustment-recipient-self`.
 *
 * @example
 * parseAdjustmentRequest({ …, reason: 'too short' }) // fail('adjustment-reason-short', { min: 10, length: 9 })
 */
export function parseAdjustmentRequest(data: unknown): Result<AdjustmentRequest> & { issues?: SchemaIssue[] } {
  const parsed = parseWith<AdjustmentRequest>(AdjustmentRequestSchema, data);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    const path = first.path.join('.');
    return { ...fail('adjustment-invalid', `invalid adjustment request at ${path || '(root)'}: ${first.message}`, { path, detail: first.message }, first.path), issues: parsed.issues };
  }
  const r = parsed.value;
  const length = r.reason.trim().length;
  if (length < MIN_REASON_LENGTH) {
    return fail('adjustment-reason-short', `the reason needs at least ${MIN_REASON_LENGTH} characters, it has ${length}`, { min: MIN_REASON_LENGTH, length }, ['reason']);
  }
  if (new Set(r.periods).size !== r.periods.length) return fail('adjustment-periods-duplicate', 'a period is listed twice', {}, ['periods']);
  if (r.absorption.mode === 'recipients' && r.absorption.recipients.includes(r.nodeId)) {
    return fail('adjustment-recipient-self', `"${r.nodeId}" cannot take its own difference`, { node: r.nodeId }, ['absorption', 'recipients']);
  }
  return ok(r);
}

/** The fields a new request needs; the rest (status, dates, trail) is filled in. */
export interface NewAdjustmentInput {
  id: string;
  planId: string;
  nodeId: string;
  metric: MetricId;
  product?: string;
  periods: string[];
  change: AdjustmentChange;
  trigger: AdjustmentTrigger;
  reason: string;
  evidence?: string;
  absorption: Absorption;
  requesterId: string;
  /** ISO date-time of creation. */
  at: string;
}

/**
 * A new request in `draft`, checked with `parseAdjustmentRequest` (same failures).
 *
 * @example
 * createAdjustment({ id: 'adj-1', planId: 'plan-fy2026', nodeId: 'r2', metric: 'revenue', periods: ['2026-07'],
 *   change: { kind: 'value', value: 0 }, trigger: 'personnel-change', reason: '李强 leaves on 30 June',
 *   absorption: { mode: 'recipients', recipients: ['r1'] }, requesterId: 'u-east', at: '2026-06-20T09:00:00Z' })
 * // ok({ …, status: 'draft', createdAt: '2026-06-20T09:00:00Z', history: [] })
 */
export function createAdjustment(input: NewAdjustmentInput): Result<AdjustmentRequest> {
  const { at, ...rest } = input;
  const r = parseAdjustmentRequest({ ...rest, createdAt: at, status: 'draft', history: [] });
  return r.ok ? ok(r.value) : fail(r.error.code, r.error.message, r.error.params, r.error.path);
}
