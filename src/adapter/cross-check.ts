/**
 * The cross-record checks of a snapshot, which a per-field schema cannot see: one org tree, unique
 * ids, targets on known nodes and products inside the plan's fiscal year, one target per cell;
 * actuals inside their range, for reps, products and stages the plan knows. No zod here: the
 * standalone path of `.data` (`src/internal/read-data-store.ts`) runs these after the zod-free fast
 * parse, and `validate.ts` runs them after zod.
 */
import { checkOrg, checkOrgSteps, cellKey, type ActualsSnapshot, type OrgNode, type PlanSnapshot, type SchemaIssue, type TargetCell } from '../engine/plan/model.js';
import { periodRange } from '../engine/calendar/periods.js';
import { QkAdapterError } from './adapter.js';
import { runSteps, type Steps } from '../engine/shared/steps.js';

/** Names where a payload came from (e.g. `GET /api/plan`), for the error message. */
export interface ParseOptions {
  source?: string;
}

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

export function duplicateIds(items: readonly { id: string }[], field: string, label: string): SchemaIssue[] {
  return runSteps(duplicateIdsSteps(items, field, label));
}

/** Records checked between two yields of the step versions below. */
const CHECK_CHUNK = 4096;

function* duplicateIdsSteps(items: readonly { id: string }[], field: string, label: string): Steps<SchemaIssue[]> {
  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (seen.has(item.id)) issues.push({ path: [field, i, 'id'], code: 'duplicate-id', params: { id: item.id, kind: label }, message: `duplicate ${label} id "${item.id}"` });
    seen.add(item.id);
    if (i % CHECK_CHUNK === CHECK_CHUNK - 1) yield { done: i, total: items.length };
  }
  return issues;
}

/**
 * Cross-checks target cells against the snapshot: known node, known product, one cell per key and,
 * when the plan is given, a period that overlaps the plan's fiscal year (a week may straddle it).
 */
export function checkCells(
  cells: readonly TargetCell[],
  s: Pick<PlanSnapshot, 'org' | 'products'> & { plan?: PlanSnapshot['plan'] },
  field: string,
): SchemaIssue[] {
  return runSteps(checkCellsSteps(cells, s, field));
}

export function* checkCellsSteps(
  cells: readonly TargetCell[],
  s: Pick<PlanSnapshot, 'org' | 'products'> & { plan?: PlanSnapshot['plan'] },
  field: string,
): Steps<SchemaIssue[]> {
  const nodes = new Set(s.org.map((n) => n.id));
  const products = new Set(s.products.map((p) => p.id));
  const year = s.plan ? periodRange(`FY${s.plan.fiscalYear}`, s.plan.calendar) : null;
  const keys = new Set<string>();
  const issues: SchemaIssue[] = [];
  // 100,000 cells name a handful of periods: each period's days once.
  const ranges = new Map<string, { start: string; end: string }>();
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (i % CHECK_CHUNK === CHECK_CHUNK - 1) yield { done: i, total: cells.length };
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
  }
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

/** The cross-record issues of a plan snapshot that passed its schema. */
export function planIssues(s: PlanSnapshot): SchemaIssue[] {
  return runSteps(planIssuesSteps(s));
}

/** `planIssues` as steps (a yield every few thousand records): the same issues, in the same order. */
export function* planIssuesSteps(s: PlanSnapshot): Steps<SchemaIssue[]> {
  return [
    ...(yield* checkOrgSteps(s.org)),
    ...duplicateIds(s.products, 'products', 'product'),
    ...duplicateIds(s.stages, 'stages', 'stage'),
    ...(yield* checkCellsSteps(s.targets, s, 'targets')),
  ];
}

/**
 * The cross-record issues of an actuals snapshot that passed its schema: `from` ≤ `to`; bookings,
 * collections and pipeline dated inside the range; unique ids; and, given a plan, reps, products
 * and stages that the plan knows.
 */
export function actualsIssues(s: ActualsSnapshot, context: ActualsContext = {}): SchemaIssue[] {
  return runSteps(actualsIssuesSteps(s, context));
}

/** `actualsIssues` as steps (a yield every few thousand records): the same issues, in the same order. */
export function* actualsIssuesSteps(s: ActualsSnapshot, context: ActualsContext = {}): Steps<SchemaIssue[]> {
  const issues: SchemaIssue[] = [];
  if (s.to < s.from) issues.push({ path: ['to'], code: 'range-order', params: { from: s.from, to: s.to }, message: `"to" (${s.to}) is before "from" (${s.from})` });
  const outside = (date: string) => date < s.from || date > s.to;
  const dupActuals = yield* duplicateIdsSteps(s.actuals, 'actuals', 'actual');
  const dupPipeline = yield* duplicateIdsSteps(s.pipeline, 'pipeline', 'opportunity');
  for (const i of dupActuals) issues.push(i);
  for (const i of dupPipeline) issues.push(i);

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

  const total = s.actuals.length + s.stageCounts.length + s.pipeline.length;
  let done = 0;
  for (let i = 0; i < s.actuals.length; i++) {
    const a = s.actuals[i]!;
    if (outside(a.date)) {
      issues.push({ path: ['actuals', i, 'date'], code: 'outside-range', params: { date: a.date, from: s.from, to: s.to }, message: `dated ${a.date}, outside ${s.from} … ${s.to}` });
    }
    rep('actuals', i, a.repId);
    product('actuals', i, a.productId);
    if (++done % CHECK_CHUNK === 0) yield { done, total };
  }
  for (let i = 0; i < s.stageCounts.length; i++) {
    const c = s.stageCounts[i]!;
    rep('stageCounts', i, c.repId);
    stage('stageCounts', i, c.stageId);
    if (++done % CHECK_CHUNK === 0) yield { done, total };
  }
  // Open pipeline is as of `to` and may be expected to close after it (or be overdue): no range check.
  for (let i = 0; i < s.pipeline.length; i++) {
    const o = s.pipeline[i]!;
    rep('pipeline', i, o.repId);
    product('pipeline', i, o.productId);
    stage('pipeline', i, o.stageId);
    if (++done % CHECK_CHUNK === 0) yield { done, total };
  }
  return issues;
}

/**
 * The cross-record issues of a list of org nodes loaded a subtree at a time (that passed their
 * schema): ids unique, no cycles, and, given `parentId`, every node a child of that parent.
 */
export function orgNodesIssues(nodes: readonly OrgNode[], parent?: string): SchemaIssue[] {
  // checkOrg reports paths under `org`; here the payload itself is the list.
  const issues = checkOrg(nodes, { partial: true }).map((i) => ({ ...i, path: i.path[0] === 'org' ? i.path.slice(1) : i.path }));
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
  return issues;
}
