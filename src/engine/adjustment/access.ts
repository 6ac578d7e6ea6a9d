/**
 * Who may ask for a target change and who may approve one. The engine checks; a host adapter
 * checks again on its side (never trust a browser alone).
 */
import type { OrgNode, User } from '../plan/model.js';
import { buildOrgIndex, type OrgIndex } from '../plan/rollup.js';

/** A permission answer: allowed, or a stable `reason` code (localized like an error code) with params. */
export type Permission = { allowed: true } | { allowed: false; reason: string; params: Record<string, string | number> };

const yes: Permission = { allowed: true };
const no = (reason: string, params: Record<string, string | number> = {}): Permission => ({ allowed: false, reason, params });

const asIndex = (org: OrgIndex | readonly OrgNode[]): OrgIndex => ('byId' in org ? org : buildOrgIndex(org));

/** Whether `nodeId` is one of `scope` or below one of them. */
export function inScope(scope: readonly string[], nodeId: string, org: OrgIndex | readonly OrgNode[]): boolean {
  const ix = asIndex(org);
  if (scope.includes(nodeId)) return true;
  return ix.ancestors(nodeId).some((a) => scope.includes(a));
}

/**
 * May `user` ask for a change of `nodeId`'s target? An admin may for any node; a manager for any
 * node in the subtrees they may edit (`canEdit`); a rep only for their own node (`user.nodeId`);
 * a viewer never. Reasons: `adjustment-unknown-node`, `adjustment-forbidden-viewer`,
 * `adjustment-forbidden-rep-other` (params `node`), `adjustment-forbidden-scope` (params `node`).
 *
 * @example
 * // 周敏 manages 华东 (canEdit ['east']); 王芳 is rep r1.
 * canRequest(zhouMin, 'r3', org)  // { allowed: true }        (r3 is in 华东 / 杭州组)
 * canRequest(zhouMin, 'r5', org)  // { allowed: false, reason: 'adjustment-forbidden-scope' } (华南)
 * canRequest(wangFang, 'r2', org) // { allowed: false, reason: 'adjustment-forbidden-rep-other' }
 */
export function canRequest(user: User, nodeId: string, org: OrgIndex | readonly OrgNode[]): Permission {
  const ix = asIndex(org);
  if (!ix.byId.has(nodeId)) return no('adjustment-unknown-node', { node: nodeId });
  if (user.roles.includes('admin')) return yes;
  if (user.roles.includes('manager')) {
    if (inScope(user.canEdit, nodeId, ix)) return yes;
    if (!user.roles.includes('rep')) return no('adjustment-forbidden-scope', { node: nodeId });
  }
  if (user.roles.includes('rep')) return user.nodeId === nodeId ? yes : no('adjustment-forbidden-rep-other', { node: nodeId });
  return no('adjustment-forbidden-viewer');
}

/** The role a refusal names: the strongest the user holds. */
function roleOf(user: User): string {
  return (['admin', 'manager', 'finance', 'rep', 'viewer'] as const).find((r) => (user.roles as readonly string[]).includes(r)) ?? 'viewer';
}

/**
 * May `user` approve (or reject, or apply) `request`? Never the requester; otherwise an admin or
 * manager whose edit scope contains the node's parent (for the root: the node itself), because
 * the parent is where the difference lands. Reasons (params `node`: the node whose subtree an
 * approver needs, so a message can say who may approve; for role and scope refusals also `user`
 * (name), `role` and `scope` (the node ids they manage, or their own node, comma-separated), so it
 * can say why not this user): `adjustment-forbidden-own`,
 * `adjustment-forbidden-role`, `adjustment-forbidden-approve-scope`; `adjustment-unknown-node`
 * (params `node`, the unknown node).
 *
 * @example
 * // r3's request (by 张伟) is approved by 周敏 (canEdit ['east'] contains 杭州组); 王芳 cannot.
 * canApprove(zhouMin, { requesterId: 'u-r3', nodeId: 'r3' }, org) // { allowed: true }
 * canApprove(zhouMin, { requesterId: 'u-east', nodeId: 'r3' }, org) // forbidden-own
 * canApprove(zhouMin, { requesterId: 'u-east', nodeId: 'east' }, org) // forbidden-approve-scope: needs 'co'
 */
export function canApprove(user: User, request: { requesterId: string; nodeId: string }, org: OrgIndex | readonly OrgNode[]): Permission {
  const ix = asIndex(org);
  // The node whose subtree an approver needs: where the difference lands.
  const needed = ix.byId.has(request.nodeId) ? (ix.parent(request.nodeId) ?? request.nodeId) : request.nodeId;
  if (request.requesterId === user.id) return no('adjustment-forbidden-own', { node: needed });
  // Who was refused, so the message can say why not this user: their name, role and what they manage (ids, comma-separated).
  const who = { user: user.name || user.id, role: roleOf(user), scope: (user.roles.includes('manager') ? user.canEdit : user.nodeId ? [user.nodeId] : []).join(',') };
  if (!user.roles.includes('admin') && !user.roles.includes('manager')) return no('adjustment-forbidden-role', { node: needed, ...who });
  if (!ix.byId.has(request.nodeId)) return no('adjustment-unknown-node', { node: request.nodeId });
  if (user.roles.includes('admin')) return yes;
  return inScope(user.canEdit, needed, ix) ? yes : no('adjustment-forbidden-approve-scope', { node: needed, ...who });
}
