/**
 * Parsing of everything that enters QuotaKit through an adapter. Each `parse*` function checks a
 * payload with the zod schemas of the model and then with the cross-record checks a per-field
 * schema cannot see (unknown parents, targets for unknown nodes, stage counts for unknown stages),
 * and either returns the typed value or throws one `QkAdapterError('invalid-data')` whose `issues`
 * list every problem once: its path, a `code` with `params` (worded in the page's language by
 * `describeIssue` in `src/i18n/issues.ts`) and an English `message` for logs. A payload with any
 * issue is rejected whole: nothing half-loaded is ever shown as if it were complete. Any input is
 * safe — `null`, a number, a list, an object with wrong types: the answer is `invalid-data`, never
 * a TypeError.
 *
 * Cross-record checks: one org tree (unique ids, known parents, exactly one root, every node on a
 * cycle reported), targets on known nodes and products inside the plan's fiscal year, one target
 * per cell; actuals inside their range, for reps, products and stages the plan knows.
 *
 * The `check*` functions do the same without throwing, for callers that compose their own error
 * (the LocalStorageAdapter reports a corrupt stored value this way).
 *
 * @example
 * try {
 *   const snapshot = parsePlanSnapshot(await res.json(), { source: 'GET /api/plan' });
 * } catch (e) {
 *   // e.code === 'invalid-data'; e.issues →
 *   // [{ path: ['targets', 4, 'nodeId'], code: 'unknown-node', params: { id: 'r9' }, message: 'unknown node "r9"' }]
 *   // describeIssue(getTranslation('zh-CN'), e.issues[0]) → '目标 第5项 组织节点：组织节点“r9”不存在'
 * }
 */
import * as z from 'zod/mini';
import { type ActualsSnapshot, type OrgNode, type PlanSnapshot, type SaveResult, type SchemaIssue, type TargetChange, type User } from '../engine/plan/model.js';
import { ActualsSnapshotSchema, IsoDateSchema, OrgNodeSchema, parseWith, PlanSnapshotSchema, SaveResultSchema, TargetCellSchema, TargetChangeSchema, UserSchema } from '../engine/plan/model-schema.js';
import type { Steps } from '../engine/shared/steps.js';
import type { AdjustmentPayload, Notice } from './adapter.js';
import { fastActualsSnapshot, fastPlanSnapshot } from './fast-parse.js';
import { actualsIssues, checkCells, checkCellsSteps, invalidData, orgNodesIssues, planIssues, targetKey, type ActualsContext, type ParseOptions } from './cross-check.js';

export { invalidData, targetKey, type ActualsContext };

/** The outcome of a non-throwing check: the typed value, or every issue found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

export type { ParseOptions };

export const AdjustmentPayloadSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });
export const NoticeSchema = z.object({
  recipients: z.array(z.string().check(z.minLength(1))),
  subject: z.string(),
  body: z.string(),
});

function orThrow<T>(checked: Checked<T>, what: string, options: ParseOptions): T {
  if (!checked.ok) throw invalidData(what, checked.issues, options);
  return checked.value;
}

/** Checks a plan snapshot: the schema, then one org tree, unique ids, targets on known nodes and products. */
export function checkPlanSnapshot(data: unknown): Checked<PlanSnapshot> {
  const fast = fastPlanSnapshot(data);
  const parsed: Checked<PlanSnapshot> = fast ? { ok: true, value: fast } : parseWith(PlanSnapshotSchema, data);
  if (!parsed.ok) return parsed;
  const issues = planIssues(parsed.value);
  return issues.length ? { ok: false, issues } : parsed;
}

/**
 * Checks an actuals snapshot: the schema; `from` ≤ `to`; bookings, collections and pipeline dated
 * inside the range; unique ids; and, given a plan, reps, products and stages that the plan knows.
 */
export function checkActualsSnapshot(data: unknown, context: ActualsContext = {}): Checked<ActualsSnapshot> {
  const fast = fastActualsSnapshot(data);
  const parsed: Checked<ActualsSnapshot> = fast ? { ok: true, value: fast } : parseWith(ActualsSnapshotSchema, data);
  if (!parsed.ok) return parsed;
  const issues = actualsIssues(parsed.value, context);
  return issues.length ? { ok: false, issues } : parsed;
}

/**
 * Checks a list of org nodes loaded a subtree at a time: each node valid, ids unique, no cycles,
 * and, given `parentId`, every node a child of that parent.
 */
export function checkOrgNodes(data: unknown, options: { parentId?: string } = {}): Checked<OrgNode[]> {
  const parsed = parseWith(z.array(OrgNodeSchema), data);
  if (!parsed.ok) return parsed;
  const nodes = parsed.value;
  const issues = orgNodesIssues(nodes, options.parentId);
  return issues.length ? { ok: false, issues } : { ok: true, value: nodes };
}

/**
 * Checks a target change; given the plan, also that every cell names a known node and product and
 * that no cell appears twice.
 */
export function checkTargetChange(data: unknown, plan?: Pick<PlanSnapshot, 'org' | 'products'> & { plan?: PlanSnapshot['plan'] }): Checked<TargetChange> {
  const parsed = parseWith(TargetChangeSchema, data);
  if (!parsed.ok || !plan) return parsed;
  const issues = checkCells(parsed.value.cells, plan, 'cells');
  return issues.length ? { ok: false, issues } : parsed;
}

/** Parses a plan snapshot or throws `invalid-data` with every issue. */
export function parsePlanSnapshot(data: unknown, options: ParseOptions = {}): PlanSnapshot {
  return orThrow(checkPlanSnapshot(data), 'plan snapshot', options);
}

/** Parses an actuals snapshot (cross-checked against `context.plan` when given) or throws `invalid-data`. */
export function parseActualsSnapshot(data: unknown, options: ParseOptions & ActualsContext = {}): ActualsSnapshot {
  return orThrow(checkActualsSnapshot(data, options), 'actuals snapshot', options);
}

/** Parses the children of an org node (`options.parentId`) or throws `invalid-data`. */
export function parseOrgNodes(data: unknown, options: ParseOptions & { parentId?: string } = {}): OrgNode[] {
  return orThrow(checkOrgNodes(data, options), 'org nodes', options);
}

/** Parses a user or throws `invalid-data`. */
export function parseUser(data: unknown, options: ParseOptions = {}): User {
  return orThrow(parseWith(UserSchema, data), 'user', options);
}

/** Parses the answer to a save (`{ version }`) or throws `invalid-data`. */
export function parseSaveResult(data: unknown, options: ParseOptions = {}): SaveResult {
  return orThrow(parseWith(SaveResultSchema, data), 'save result', options);
}

/** Parses a target change (cross-checked against `options.plan` when given) or throws `invalid-data`. */
export function parseTargetChange(
  data: unknown,
  options: ParseOptions & { plan?: Pick<PlanSnapshot, 'org' | 'products'> & { plan?: PlanSnapshot['plan'] } } = {},
): TargetChange {
  return orThrow(checkTargetChange(data, options.plan), 'target change', options);
}

/** Cells of a target change parsed between two yields of `targetChangeSteps`. */
const CHANGE_CHUNK = 2048;
const CellListSchema = z.array(TargetCellSchema);

/**
 * `parseTargetChange(data, { plan, source })` as steps, for a save of many cells (a decomposition
 * over 100,000 people): the cells parsed a chunk at a time, then cross-checked against the plan
 * in steps. The same value; on any issue the whole change is parsed again in one piece, which
 * throws `parseTargetChange`'s own error (every issue, its paths).
 */
export function* targetChangeSteps(data: unknown, plan: PlanSnapshot, options: ParseOptions = {}): Steps<TargetChange> {
  const whole = () => parseTargetChange(data, { ...options, plan });
  let cells: unknown;
  let shell: Checked<TargetChange>;
  try {
    cells = (data as { cells?: unknown } | null)?.cells;
    if (!Array.isArray(cells) || cells.length <= CHANGE_CHUNK) return whole();
    shell = parseWith(TargetChangeSchema, { ...(data as object), cells: [] });
  } catch {
    return whole();
  }
  if (!shell.ok) return whole();
  const out: TargetChange['cells'] = [];
  for (let i = 0; i < cells.length; i += CHANGE_CHUNK) {
    const part = parseWith(CellListSchema, cells.slice(i, i + CHANGE_CHUNK));
    if (!part.ok) return whole();
    for (const c of part.value) out.push(c);
    yield { done: Math.min(cells.length, i + CHANGE_CHUNK), total: cells.length };
  }
  const issues = yield* checkCellsSteps(out, plan, 'cells');
  if (issues.length) return whole();
  return { ...shell.value, cells: out };
}

/** Parses an adjustment payload (an object with a non-empty string `id`) or throws `invalid-data`. */
export function parseAdjustment(data: unknown, options: ParseOptions = {}): AdjustmentPayload {
  return orThrow(parseWith<AdjustmentPayload>(AdjustmentPayloadSchema, data), 'adjustment', options);
}

/** Parses a list of adjustment payloads or throws `invalid-data`. */
export function parseAdjustments(data: unknown, options: ParseOptions = {}): AdjustmentPayload[] {
  return orThrow(parseWith<AdjustmentPayload[]>(z.array(AdjustmentPayloadSchema), data), 'adjustment list', options);
}

/** Parses a notice (recipients, subject, body) or throws `invalid-data`. */
export function parseNotice(data: unknown, options: ParseOptions = {}): Notice {
  return orThrow(parseWith(NoticeSchema, data), 'notice', options);
}

const DateRangeSchema = z.object({ from: IsoDateSchema, to: IsoDateSchema });

/** Checks a date range `{ from, to }` of real calendar dates with `from` ≤ `to`, or throws `invalid-data`. */
export function parseDateRange(data: { from: string; to: string }, options: ParseOptions = {}): { from: string; to: string } {
  const parsed = parseWith(DateRangeSchema, data);
  if (!parsed.ok) throw invalidData('date range', parsed.issues, options);
  const { from, to } = parsed.value;
  if (to < from) {
    throw invalidData('date range', [{ path: ['to'], code: 'range-order', params: { from, to }, message: `"to" (${to}) is before "from" (${from})` }], options);
  }
  return { from, to };
}
