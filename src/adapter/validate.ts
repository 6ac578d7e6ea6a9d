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
import { checkOrg, cellKey, type ActualsSnapshot, type OrgNode, type PlanSnapshot, type SaveResult, type SchemaIssue, type TargetCell, type TargetChange, type User } from '../engine/plan/model.js';
import { ActualsSnapshotSchema, IsoDateSchema, OrgNodeSchema, parseWith, PlanSnapshotSchema, SaveResultSchema, TargetChangeSchema, UserSchema } from '../engine/plan/model-schema.js';
import { periodRange } from '../engine/calendar/periods.js';
import { QkAdapterError, type AdjustmentPayload, type Notice } from './adapter.js';
import { fastActualsSnapshot, fastPlanSnapshot } from './fast-parse.js';

/** The outcome of a non-throwing check: the typed value, or every issue found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** Names where a payload came from (e.g. `GET /api/plan`), for the error message. */
export interface ParseOptions {
  source?: string;
}

export const AdjustmentPayloadSchema = z.looseObject({ id: z.string().check(z.minLength(1)) });
export const NoticeSchema = z.object({
  recipients: z.array(z.string().check(z.minLength(1))),
  subject: z.string(),
  body: z.string(),
});

/** The key under which a target cell is unique (the model's `cellKey`, under the adapters' name). */
export const targetKey = cellKey;

const MAX_ISSUES_IN_MESSAGE = 5;

/**
 * Builds the `invalid-data` error for a list of issues. The message names the source and the first
 * few issues (for logs); `issues` carries all of them (for the UI).
 */
export function invalidData(what: string, issues: SchemaIssue[], options: ParseOptions = {}): QkAdapterError {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
  const more = issues.length > MAX_ISSUES_IN_MESSAGE ? `; and ${issues.length - MAX_ISSUES_IN_MESSAGE} more` : '';
  const prefix = options.source ? `${options.source}: ` : '';
  const n = issues.length;
  return new QkAdapterError('invalid-data', `${prefix}invalid ${what} (${n} ${n === 1 ? 'problem' : 'problems'}): ${shown}${more}`, {
    issues,
  });
}

function orThrow<T>(checked: Checked<T>, what: string, options: ParseOptions): T {
  if (!checked.ok) throw invalidData(what, checked.issues, options);
  return checked.value;
}

function duplicateIds(items: readonly { id: string }[], field: string, label: string): SchemaIssue[] {
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  items.forEach((item, i) => {
    if (seen.has(item.id)) issues.push({ path: [field, i, 'id'], code: 'duplicate-id', params: { id: item.id, kind: label }, message: `duplicate ${label} id "${item.id}"` });
    seen.add(item.id);
  });
  return issues;
}

/** Checks a plan snapshot: the schema, then one org tree, unique ids, targets on known nodes and products. */
export function checkPlanSnapshot(data: unknown): Checked<PlanSnapshot> {
  const fast = fastPlanSnapshot(data);
  const parsed: Checked<PlanSnapshot> = fast ? { ok: true, value: fast } : parseWith(PlanSnapshotSchema, data);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  const issues = [
    ...checkOrg(s.org),
    ...duplicateIds(s.products, 'products', 'product'),
    ...duplicateIds(s.stages, 'stages', 'stage'),
    ...checkCells(s.targets, s, 'targets'),
  ];
  return issues.length ? { ok: false, issues } : { ok: true, value: s };
}

/**
 * Cross-checks target cells against the snapshot: known node, known product, one cell per key and,
 * when the plan is given, a period that overlaps the plan's fiscal year (a week may straddle it).
 */
function checkCells(
  cells: readonly TargetCell[],
  s: Pick<PlanSnapshot, 'org' | 'products'> & { plan?: PlanSnapshot['plan'] },
  field: string,
): SchemaIssue[] {
  const nodes = new Set(s.org.map((n) => n.id));
  const products = new Set(s.products.map((p) => p.id));
  const year = s.plan ? periodRange(`FY${s.plan.fiscalYear}`, s.plan.calendar) : null;
  const keys = new Set<string>();
  const issues: SchemaIssue[] = [];
  // 100,000 cells name a handful of periods: each period's days once.
  const ranges = new Map<string, { start: string; end: string }>();
  cells.forEach((c, i) => {
    if (year && s.plan) {
      let r = ranges.get(c.period);
      if (!r) ranges.set(c.period, (r = periodRange(c.period, s.plan.calendar)));
      if (r.end < year.start || r.start > year.end) {
        issues.push({
          path: [field, i, 'period'],
          code: 'unknown-period',
          params: { period: c.period, fiscalYear: s.plan.fiscalYear },
          message: `period ${c.period} is outside the plan's fiscal year FY${s.plan.fiscalYear} (${year.start} … ${year.end})`,
        });
      }
    }
    if (!nodes.has(c.nodeId)) issues.push({ path: [field, i, 'nodeId'], code: 'unknown-node', params: { id: c.nodeId }, message: `unknown node "${c.nodeId}"` });
    if (c.product !== undefined && !products.has(c.product)) {
      issues.push({ path: [field, i, 'product'], code: 'unknown-product', params: { id: c.product }, message: `unknown product "${c.product}"` });
    }
    const key = targetKey(c);
    if (keys.has(key)) {
      issues.push({
        path: [field, i],
        code: 'duplicate-target',
        params: { node: c.nodeId, period: c.period, metric: c.metric, ...(c.product ? { product: c.product } : {}) },
        message: `duplicate target for node "${c.nodeId}", period ${c.period}, metric ${c.metric}${c.product ? `, product "${c.product}"` : ''}`,
      });
    }
    keys.add(key);
  });
  return issues;
}

/**
 * What actuals are cross-checked against. Without a plan only the snapshot itself is checked
 * (range, dates inside it, unique ids). `checkReps: false` skips the "known rep" check for orgs that
 * are loaded a subtree at a time, where a rep may simply not be loaded yet.
 */
export interface ActualsContext {
  plan?: Pick<PlanSnapshot, 'org' | 'products' | 'stages'>;
  checkReps?: boolean;
}

/**
 * Checks an actuals snapshot: the schema; `from` ≤ `to`; bookings, collections and pipeline dated
 * inside the range; unique ids; and, given a plan, reps, products and stages that the plan knows.
 */
export function checkActualsSnapshot(data: unknown, context: ActualsContext = {}): Checked<ActualsSnapshot> {
  const fast = fastActualsSnapshot(data);
  const parsed: Checked<ActualsSnapshot> = fast ? { ok: true, value: fast } : parseWith(ActualsSnapshotSchema, data);
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  const issues: SchemaIssue[] = [];
  if (s.to < s.from) issues.push({ path: ['to'], code: 'range-order', params: { from: s.from, to: s.to }, message: `"to" (${s.to}) is before "from" (${s.from})` });
  const outside = (date: string) => date < s.from || date > s.to;
  issues.push(...duplicateIds(s.actuals, 'actuals', 'actual'), ...duplicateIds(s.pipeline, 'pipeline', 'opportunity'));

  const plan = context.plan;
  const nodes = plan && context.checkReps !== false ? new Set(plan.org.map((n) => n.id)) : null;
  const products = plan ? new Set(plan.products.map((p) => p.id)) : null;
  const stages = plan ? new Set(plan.stages.map((st) => st.id)) : null;
  const rep = (field: string, i: number, id: string) => {
    if (nodes && !nodes.has(id)) issues.push({ path: [field, i, 'repId'], code: 'unknown-rep', params: { id }, message: `unknown rep "${id}"` });
  };
  const product = (field: string, i: number, id: string | undefined) => {
    if (products && id !== undefined && !products.has(id)) {
      issues.push({ path: [field, i, 'productId'], code: 'unknown-product', params: { id }, message: `unknown product "${id}"` });
    }
  };
  const stage = (field: string, i: number, id: string) => {
    if (stages && !stages.has(id)) issues.push({ path: [field, i, 'stageId'], code: 'unknown-stage', params: { id }, message: `unknown funnel stage "${id}"` });
  };

  s.actuals.forEach((a, i) => {
    if (outside(a.date)) {
      issues.push({ path: ['actuals', i, 'date'], code: 'outside-range', params: { date: a.date, from: s.from, to: s.to }, message: `dated ${a.date}, outside ${s.from} … ${s.to}` });
    }
    rep('actuals', i, a.repId);
    product('actuals', i, a.productId);
  });
  s.stageCounts.forEach((c, i) => {
    rep('stageCounts', i, c.repId);
    stage('stageCounts', i, c.stageId);
  });
  // Open pipeline is as of `to` and may be expected to close after it (or be overdue): no range check.
  s.pipeline.forEach((o, i) => {
    rep('pipeline', i, o.repId);
    product('pipeline', i, o.productId);
    stage('pipeline', i, o.stageId);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: s };
}

/**
 * Checks a list of org nodes loaded a subtree at a time: each node valid, ids unique, no cycles,
 * and, given `parentId`, every node a child of that parent.
 */
export function checkOrgNodes(data: unknown, options: { parentId?: string } = {}): Checked<OrgNode[]> {
  const parsed = parseWith(z.array(OrgNodeSchema), data);
  if (!parsed.ok) return parsed;
  const nodes = parsed.value;
  // checkOrg reports paths under `org`; here the payload itself is the list.
  const issues = checkOrg(nodes, { partial: true }).map((i) => ({ ...i, path: i.path[0] === 'org' ? i.path.slice(1) : i.path }));
  const parent = options.parentId;
  if (parent !== undefined) {
    nodes.forEach((n, i) => {
      if (n.parentId !== parent) {
        issues.push({
          path: [i, 'parentId'],
          code: 'not-child',
          params: { parent, got: String(n.parentId) },
          message: `expected a child of "${parent}", got parent "${n.parentId}"`,
        });
      }
    });
  }
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
