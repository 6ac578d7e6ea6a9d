/**
 * The host's side of the adjustment rules: what an adapter (or a server) checks when a client
 * stores or decides a request, from the signed-in user alone. A client cannot be trusted: a field
 * in a payload never grants a right.
 *
 * - A new request is the signed-in user's (`requesterId`), for a node they may request for
 *   (`canRequest`), arrives as a draft or pending, undecided, with only their own trail entries.
 * - A stored request never changes who asked (`requesterId`), for what (`nodeId`, `planId`,
 *   `createdAt`) or the change asked for (`metric`, `product`, `periods`, `change`, `absorption`,
 *   `trigger`, `reason`, `evidence`) — except a draft, by its requester. Its `decision` never changes.
 * - Its status moves only along the workflow: submit and withdraw by the requester; approve and
 *   reject only through a decision (`checkDecision`); apply only once approved, by someone
 *   `canApprove` allows (never the requester); reopen by the requester or an approver.
 * - What was approved (the preview's cells and values) stays what was approved, unless the request
 *   goes back to pending; a decided request keeps its preview for the record.
 * - The audit trail (`history`) only grows, and every new entry is the signed-in user's.
 *
 * Payloads of other shapes (no `nodeId`, no `requesterId`: e.g. a host's own notes) are held to the
 * rules their fields allow.
 */
import type { OrgNode, User } from '../plan/model.js';
import { buildOrgIndex, type OrgIndex } from '../plan/rollup.js';
import { canApprove, canRequest, type Permission } from './access.js';
import { parseAdjustmentRequest, type AdjustmentAction } from './model.js';
import { transitionAdjustment } from './flow.js';
import { fail, ok, type Result } from '../shared/result.js';

type Payload = { id: string; [key: string]: unknown };

/** A refusal: the adapter error code to throw (`forbidden`, `conflict`, `invalid-data`) and the rule. */
export interface GuardRefusal {
  code: 'forbidden' | 'conflict' | 'invalid-data';
  reason: string;
  params: Record<string, string | number>;
  message: string;
}

export type GuardAnswer = { allowed: true } | ({ allowed: false } & GuardRefusal);

const yes: GuardAnswer = { allowed: true };
const refuse = (code: GuardRefusal['code'], reason: string, message: string, params: Record<string, string | number> = {}): GuardAnswer => ({
  allowed: false,
  code,
  reason,
  params,
  message: `${reason}: ${message}`,
});
const denied = (p: Permission & { allowed: false }, what: string): GuardAnswer => refuse('forbidden', p.reason, what, p.params);

/** Fields fixed once a request is submitted. */
const IDENTITY_FIELDS = ['requesterId', 'nodeId', 'planId', 'createdAt'] as const;
const CHANGE_FIELDS = ['metric', 'product', 'periods', 'change', 'absorption', 'trigger', 'reason', 'evidence'] as const;

/** Deep equality of JSON values, whatever the key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => sameJson(x, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const asIndex = (org: OrgIndex | readonly OrgNode[]): OrgIndex => ('byId' in org ? org : buildOrgIndex(org));
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const entries = (p: Payload | undefined): Record<string, unknown>[] => (p && Array.isArray(p.history) ? (p.history as Record<string, unknown>[]) : []);

/** What a preview approves: each cell and its new value (the base version and `before` may move). */
const approvedEffect = (p: unknown) =>
  p && typeof p === 'object' && Array.isArray((p as { cells?: unknown }).cells)
    ? (p as { cells: Record<string, unknown>[] }).cells.map((c) => [c.nodeId, c.period, c.product, c.after])
    : null;

/** Which workflow action a status change is, when a client may take it through `submitAdjustment`. */
function actionOf(from: string | undefined, to: string | undefined): AdjustmentAction | 'same' | 'decide' | null {
  if (from === to) return 'same';
  if (to === 'approved' || to === 'rejected') return 'decide';
  if (from === 'draft' && to === 'pending') return 'submit';
  if ((from === 'draft' || from === 'pending') && to === 'withdrawn') return 'withdraw';
  if (from === 'approved' && to === 'applied') return 'apply';
  if (from === 'approved' && to === 'pending') return 'reopen';
  return null;
}

/**
 * May the signed-in `user` store `incoming` (`submitAdjustment`), given the stored `existing` one
 * with the same id (if any)? Reasons: `adjustment-history-rewritten`, `adjustment-history-mismatch`
 * (conflicts); `adjustment-history-not-yours`, `adjustment-not-requester`, `adjustment-immutable`
 * (params `field`), `adjustment-status-locked` (params `status`), `adjustment-approved-changed`, the
 * reasons of `canRequest` / `canApprove` (forbidden); `adjustment-illegal-transition` (params
 * `from`, `action`; a conflict).
 *
 * @example
 * // 周敏 (u-east) rewrites the requester of her own pending request to approve it herself:
 * checkSubmission(zhouMin, { ...stored, requesterId: 'u-admin' }, stored, org)
 * // { allowed: false, code: 'forbidden', reason: 'adjustment-immutable', params: { field: 'requesterId' }, … }
 */
export function checkSubmission(user: User, incoming: Payload, existing: Payload | undefined, org: OrgIndex | readonly OrgNode[]): GuardAnswer {
  const ix = asIndex(org);
  const before = entries(existing);
  const after = entries(incoming);
  if (before.length && (after.length < before.length || before.some((e, i) => !sameJson(e, after[i])))) {
    return refuse('conflict', 'adjustment-history-rewritten', `the audit trail of "${incoming.id}" can only grow; an entry was changed or removed`);
  }
  const added = after.slice(before.length);
  const stranger = added.find((e) => e.by !== undefined && e.by !== user.id);
  const notYours = (): GuardAnswer =>
    refuse('forbidden', 'adjustment-history-not-yours', `an audit entry can only record what the signed-in user "${user.id}" did, not "${String(stranger!.by)}"`, { by: String(stranger!.by) });
  const nodeId = str(incoming.nodeId);
  const requesterId = str(incoming.requesterId);

  if (!existing) {
    if (incoming.decision !== undefined || (incoming.status !== undefined && incoming.status !== 'draft' && incoming.status !== 'pending')) {
      return refuse('forbidden', 'adjustment-status-locked', 'a new request is a draft or pending; it is decided by an approver, through a decision', { status: String(incoming.status ?? '') });
    }
    // A request for a node names its requester, the signed-in user: one without (or with a
    // requester that is not a user id) would be decided as nobody's, its maker among the approvers.
    if ((incoming.requesterId !== undefined || incoming.nodeId !== undefined) && requesterId !== user.id) {
      return refuse('forbidden', 'adjustment-not-requester', `a request can only be made by the signed-in user "${user.id}"`, { requester: requesterId ?? '' });
    }
    if (stranger) return notYours();
    if (added.some((e) => e.action !== undefined && e.action !== 'submit')) {
      return refuse('conflict', 'adjustment-history-mismatch', 'a new request records only its submission');
    }
    if (nodeId !== undefined) {
      // Without a requester it is not a request the kit can apply (its schema needs one), but the node still has to be the user's to ask for.
      const p = canRequest(user, nodeId, ix);
      if (!p.allowed) return denied(p, `"${user.id}" may not request a change for "${nodeId}"`);
    }
    return yes;
  }

  const draft = existing.status === 'draft';
  for (const field of [...IDENTITY_FIELDS, ...(draft ? [] : CHANGE_FIELDS)]) {
    if (!sameJson(incoming[field], existing[field])) {
      return refuse('forbidden', 'adjustment-immutable', `"${field}" of a submitted request cannot change; withdraw it and make a new one`, { field });
    }
  }
  if (!sameJson(incoming.decision, existing.decision)) {
    return refuse('forbidden', 'adjustment-status-locked', 'a decision is recorded only through decideAdjustment, by an approver', { status: String(incoming.status ?? '') });
  }
  if (stranger) return notYours();
  const requester = str(existing.requesterId);
  const node = str(existing.nodeId);
  const isRequester = requester !== undefined && requester === user.id;
  const approve = node !== undefined ? canApprove(user, { requesterId: requester ?? '', nodeId: node }, ix) : yes;
  if (draft && !isRequester && requester !== undefined) return refuse('forbidden', 'adjustment-not-requester', 'only the requester edits a draft');

  const from = str(existing.status);
  const to = str(incoming.status);
  const action = actionOf(from, to);
  if (action === 'decide') {
    return refuse('forbidden', 'adjustment-status-locked', `a request becomes ${String(to)} only through a decision by an approver`, { status: String(to) });
  }
  if (action === null) {
    return refuse('conflict', 'adjustment-illegal-transition', `cannot move a request from ${String(from)} to ${String(to)}`, { from: String(from ?? ''), action: String(to ?? '') });
  }
  const expected = action === 'same' ? null : action;
  if (added.some((e) => e.action !== undefined && e.action !== expected)) {
    return refuse('conflict', 'adjustment-history-mismatch', `the new audit entries do not record ${expected ?? 'an unchanged status'}`);
  }
  if (requester !== undefined) {
    if ((action === 'submit' || action === 'withdraw') && !isRequester) {
      return refuse('forbidden', 'adjustment-not-requester', `only the requester may ${action} this request`, { action });
    }
    if (action === 'submit' && node !== undefined) {
      const p = canRequest(user, node, ix);
      if (!p.allowed) return denied(p, `"${user.id}" may no longer request a change for "${node}"`);
    }
    if (action === 'apply' && !approve.allowed) return denied(approve, `"${user.id}" may not apply this request`);
    if ((action === 'same' || action === 'reopen') && !isRequester && !approve.allowed) return denied(approve, `"${user.id}" may not update this request`);
  } else if (action === 'apply' && !approve.allowed) {
    return denied(approve, `"${user.id}" may not apply this request`);
  }
  // A preview is redone while a request waits (draft, pending, or sent back); an approved one keeps
  // what was approved; a decided one keeps it for the record.
  const previewMoves = !sameJson(incoming.preview, existing.preview);
  if (previewMoves && to !== 'draft' && to !== 'pending') {
    if (!(from === 'approved' && to === 'approved' && sameJson(approvedEffect(incoming.preview), approvedEffect(existing.preview)))) {
      return refuse('forbidden', 'adjustment-approved-changed', 'what was approved cannot change; send the request back for approval (status pending) with the new preview');
    }
  }
  return yes;
}

/**
 * May the signed-in `user` decide on `existing`? Returns the request as decided: for a request of
 * the kit's shape, the engine's transition (status, `decision` with the time, and an audit entry,
 * all for `user`); for other shapes `status` and `decision: { approve, by, comment? }`. `by` must
 * be the signed-in user. Refusals as `checkSubmission`, plus `adjustment-not-signed-in` (params
 * `by`), `adjustment-comment-required` (invalid-data) and the reasons of `canApprove`.
 *
 * @example
 * decideAs(zhouMin, ownRequest, { approve: true, by: 'u-east' }, org, now)
 * // fail: { code: 'forbidden', reason: 'adjustment-forbidden-own', params: { node: 'east' } }
 */
export function decideAs(
  user: User,
  existing: Payload,
  decision: { approve: boolean; by: string; comment?: string },
  org: OrgIndex | readonly OrgNode[],
  at: string,
): Result<Payload> & { refusal?: GuardRefusal } {
  const no = (a: GuardAnswer) => {
    const r = a as { allowed: false } & GuardRefusal;
    return { ...fail(r.reason, r.message, r.params), refusal: { code: r.code, reason: r.reason, params: r.params, message: r.message } };
  };
  if (decision.by !== user.id) {
    return no(refuse('forbidden', 'adjustment-not-signed-in', `"${decision.by}" is not the signed-in user "${user.id}"; a decision is recorded for the signed-in user`, { by: decision.by }));
  }
  const ix = asIndex(org);
  const status = str(existing.status);
  if (status !== undefined && status !== 'pending') {
    return no(refuse('conflict', 'adjustment-illegal-transition', `a request that is ${status} cannot be decided`, { from: status, action: decision.approve ? 'approve' : 'reject' }));
  }
  const parsed = parseAdjustmentRequest(existing);
  if (parsed.ok) {
    const comment = decision.comment?.trim();
    const next = transitionAdjustment(parsed.value, decision.approve ? 'approve' : 'reject', { by: user, at, org: ix, ...(comment ? { comment } : {}) });
    if (!next.ok) {
      const code = next.error.code === 'adjustment-comment-required' ? 'invalid-data' : next.error.code === 'adjustment-illegal-transition' ? 'conflict' : 'forbidden';
      return no(refuse(code, next.error.code, next.error.message, next.error.params ?? {}));
    }
    return ok({ ...existing, ...next.value });
  }
  const node = str(existing.nodeId);
  if (node !== undefined) {
    const p = canApprove(user, { requesterId: str(existing.requesterId) ?? '', nodeId: node }, ix);
    if (!p.allowed) return no(denied(p, `"${user.id}" may not decide on this request`));
  } else if (str(existing.requesterId) === user.id) {
    return no(refuse('forbidden', 'adjustment-forbidden-own', 'nobody decides on their own request'));
  }
  const record = { approve: decision.approve, by: user.id, ...(decision.comment === undefined ? {} : { comment: decision.comment }) };
  return ok({ ...existing, status: decision.approve ? 'approved' : 'rejected', decision: record });
}
