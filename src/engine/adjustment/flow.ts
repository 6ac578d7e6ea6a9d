/**
 * The life of an adjustment request: draft → pending → approved / rejected → applied, or
 * withdrawn while still a draft or pending. Every step is checked (who may take it, from which
 * status) and leaves a ledger entry on the request; applying writes exactly the approved preview,
 * or nothing at all when the plan moved on since.
 */
import { type OrgNode, type TargetCell, type User } from '../plan/model.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { OrgIndex } from '../plan/rollup.js';
import { canApprove, canRequest, type Permission } from './access.js';
import type { AdjustmentAction, AdjustmentRequest, AdjustmentStatus, LedgerEntry, StoredPreview } from './model.js';
import { currentCell, previewAdjustment, previewCells, type AdjustmentPreview, type AdjustmentSource } from './preview.js';

/** Which action leads from which status to which. Anything not listed is illegal. */
export const ADJUSTMENT_TRANSITIONS: Readonly<Record<AdjustmentStatus, Readonly<Partial<Record<AdjustmentAction, AdjustmentStatus>>>>> = Object.freeze({
  draft: { submit: 'pending', withdraw: 'withdrawn' },
  pending: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { apply: 'applied', reopen: 'pending' },
  rejected: {},
  applied: {},
  withdrawn: {},
});

/** Who acts, when (ISO date-time), in which org, with an optional comment (required to reject). */
export interface ActionContext {
  by: User;
  at: string;
  org: OrgIndex | readonly OrgNode[];
  comment?: string;
}

const denied = (p: Permission & { allowed: false }) => fail(p.reason, `not allowed: ${p.reason}`, p.params);

/** The stored form of a preview: what the approver sees is what gets applied. */
export function storePreview(preview: AdjustmentPreview): StoredPreview {
  return { baseVersion: preview.baseVersion, before: preview.before, after: preview.after, cells: preview.cells.map((c) => ({ ...c })) };
}

function step(request: AdjustmentRequest, action: AdjustmentAction, ctx: ActionContext, patch: Partial<AdjustmentRequest> = {}): Result<AdjustmentRequest> {
  const to = ADJUSTMENT_TRANSITIONS[request.status][action];
  if (!to) return fail('adjustment-illegal-transition', `cannot ${action} a request that is ${request.status}`, { from: request.status, action });
  const history = request.history ?? [];
  const preview = patch.preview ?? request.preview;
  const comment = ctx.comment?.trim();
  const entry: LedgerEntry = {
    seq: history.length + 1,
    at: ctx.at,
    by: ctx.by.id,
    action,
    requestId: request.id,
    nodeId: request.nodeId,
    metric: request.metric,
    periods: [...request.periods],
    status: to,
    reason: request.reason,
    ...(comment ? { comment } : {}),
    before: preview?.before ?? 0,
    after: preview?.after ?? 0,
  };
  return ok({ ...request, ...patch, status: to, history: [...history, entry] });
}

/**
 * Takes one step of the workflow and returns the updated request (the input is not changed) with a
 * ledger entry appended to its `history`:
 * - `submit` (draft → pending): only by the requester, who must still be allowed to request for the
 *   node (`canRequest`); needs `preview`, which is stored so the approver sees what will be applied.
 * - `approve` / `reject` (pending →): by someone `canApprove` allows; a rejection needs a comment.
 * - `withdraw` (draft or pending → withdrawn): only by the requester.
 * Applying is `applyAdjustment`. Fails with `adjustment-illegal-transition` (params `from`,
 * `action`), `adjustment-not-requester`, `adjustment-no-preview`, `adjustment-comment-required`, or
 * the reason codes of `canRequest` / `canApprove`.
 *
 * @example
 * const sent = transitionAdjustment(draft, 'submit', { by: zhouMin, at: '2026-06-20T09:00:00Z', org, preview });
 * // ok({ …, status: 'pending', history: [{ seq: 1, action: 'submit', by: 'u-east', status: 'pending', … }] })
 * transitionAdjustment(sent.value, 'submit', ctx) // fail('adjustment-illegal-transition', { from: 'pending', action: 'submit' })
 */
export function transitionAdjustment(
  request: AdjustmentRequest,
  action: 'submit' | 'approve' | 'reject' | 'withdraw',
  ctx: ActionContext & { preview?: AdjustmentPreview },
): Result<AdjustmentRequest> {
  if (!ADJUSTMENT_TRANSITIONS[request.status][action]) {
    return fail('adjustment-illegal-transition', `cannot ${action} a request that is ${request.status}`, { from: request.status, action });
  }
  if (action === 'submit' || action === 'withdraw') {
    if (ctx.by.id !== request.requesterId) return fail('adjustment-not-requester', `only the requester may ${action} this request`, { action });
  }
  if (action === 'submit') {
    const may = canRequest(ctx.by, request.nodeId, ctx.org);
    if (!may.allowed) return denied(may);
    if (!ctx.preview || ctx.preview.requestId !== request.id) return fail('adjustment-no-preview', 'submit the request with its preview', {});
    return step(request, action, ctx, { preview: storePreview(ctx.preview) });
  }
  if (action === 'approve' || action === 'reject') {
    const may = canApprove(ctx.by, request, ctx.org);
    if (!may.allowed) return denied(may);
    if (action === 'reject' && !ctx.comment?.trim()) return fail('adjustment-comment-required', 'a rejection needs a comment', {});
    const comment = ctx.comment?.trim();
    return step(request, action, ctx, { decision: { approve: action === 'approve', by: ctx.by.id, at: ctx.at, ...(comment ? { comment } : {}) } });
  }
  return step(request, action, ctx);
}

/** The outcome of applying: the cells to write, or a conflict that asks for a fresh preview. */
export type ApplyOutcome =
  | { kind: 'applied'; request: AdjustmentRequest; cells: TargetCell[] }
  | {
      kind: 'conflict';
      /** `version`: the plan was saved since the preview; `cells`: a cell no longer holds the previewed value. */
      reason: 'version' | 'cells';
      baseVersion: number;
      currentVersion: number;
      /** The cells whose value moved: what the preview expected and what is there now (null: no cell). */
      changed: { nodeId: string; period: string; product?: string; expected: number | null; actual: number | null }[];
    };

/**
 * Applies an approved request to the plan as it is now. When the plan's version is still the
 * preview's `baseVersion` and every cell still holds its previewed `before`, returns all the cells
 * to write (`source: 'adjustment'`) and the request as `applied`; otherwise returns a `conflict`
 * (nothing to write) that names what moved: run `refreshPreview` and decide again. Only someone
 * `canApprove` allows may apply. Fails with `adjustment-illegal-transition`, `adjustment-no-preview`
 * or the reasons of `canApprove`.
 *
 * @example
 * // Previewed on version 7; another save made it 8:
 * applyAdjustment(approved, { ...state, plan: { ...state.plan, version: 8 } }, ctx)
 * // ok({ kind: 'conflict', reason: 'version', baseVersion: 7, currentVersion: 8, changed: [] })
 */
export function applyAdjustment(request: AdjustmentRequest, state: AdjustmentSource, ctx: ActionContext): Result<ApplyOutcome> {
  if (!ADJUSTMENT_TRANSITIONS[request.status].apply) {
    return fail('adjustment-illegal-transition', `cannot apply a request that is ${request.status}`, { from: request.status, action: 'apply' });
  }
  const may = canApprove(ctx.by, request, ctx.org);
  if (!may.allowed) return denied(may);
  const stored = request.preview;
  if (!stored) return fail('adjustment-no-preview', 'the request has no preview to apply', {});
  const targets = 'cells' in state ? state : state.targets;
  const current = currentCell(targets, request.metric);
  const changed: Extract<ApplyOutcome, { kind: 'conflict' }>['changed'] = [];
  for (const c of stored.cells) {
    const now = current(c);
    const expected = c.created ? null : c.before;
    const actual = now ? now.value : null;
    if (expected !== actual) changed.push({ nodeId: c.nodeId, period: c.period, ...(c.product ? { product: c.product } : {}), expected, actual });
  }
  const version = state.plan.version;
  if (version !== stored.baseVersion || changed.length) {
    return ok({ kind: 'conflict', reason: version !== stored.baseVersion ? 'version' : 'cells', baseVersion: stored.baseVersion, currentVersion: version, changed });
  }
  const next = step(request, 'apply', ctx);
  if (!next.ok) return next;
  return ok({ kind: 'applied', request: next.value, cells: previewCells({ cells: stored.cells, metric: request.metric }, targets) });
}

/**
 * Previews the request again on the plan as it is now and stores the new preview. An approved
 * request whose cells or values come out different goes back to `pending` (a `reopen` ledger
 * entry): the approver approved other numbers. Otherwise the status stays. Fails like
 * `previewAdjustment`, and with `adjustment-illegal-transition` for a request already decided for good.
 *
 * @example
 * // After a conflict: the approved request's cells moved, so it needs a new approval.
 * refreshPreview(approved, freshState, ctx) // ok({ request: { status: 'pending', … }, preview, reopened: true })
 */
export function refreshPreview(
  request: AdjustmentRequest,
  state: AdjustmentSource,
  ctx: ActionContext,
): Result<{ request: AdjustmentRequest; preview: AdjustmentPreview; reopened: boolean }> {
  if (request.status === 'applied' || request.status === 'rejected' || request.status === 'withdrawn') {
    return fail('adjustment-illegal-transition', `cannot preview a request that is ${request.status} again`, { from: request.status, action: 'reopen' });
  }
  const p = previewAdjustment(request, state);
  if (!p.ok) return p;
  const stored = storePreview(p.value);
  const same = (a?: StoredPreview) =>
    !!a && a.cells.length === stored.cells.length && a.cells.every((c, i) => {
      const d = stored.cells[i]!;
      return c.nodeId === d.nodeId && c.period === d.period && c.product === d.product && c.after === d.after;
    });
  if (request.status === 'approved' && !same(request.preview)) {
    const next = step(request, 'reopen', ctx, { preview: stored });
    return next.ok ? ok({ request: next.value, preview: p.value, reopened: true }) : next;
  }
  return ok({ request: { ...request, preview: stored }, preview: p.value, reopened: false });
}
