/**
 * Who may change which target cell. The store checks every edit with these rules before it applies
 * or sends anything, and the built-in adapters check again on their side from the signed-in user
 * (a client cannot be trusted); a field in a request never grants a right.
 *
 * - Scope: an admin may edit any node; a manager only nodes in the subtrees of `user.canEdit`;
 *   nobody else edits targets, whatever `canEdit` a host gives them (a viewer, a rep or finance
 *   asks through an adjustment request; a rep enters their own commitment).
 * - Locks: a locked cell holds its value against every edit, direct ones included, like a protected
 *   spreadsheet cell. Someone entitled (in scope) may unlock it — a change that keeps the value and
 *   clears `locked` — and only then change it.
 * - Closed periods: a cell whose period ended before today keeps its value (unless the caller
 *   turns the rule off). Creating a cell that did not exist is not a change of history and passes.
 */
import { cellKey, type PlanInputsChange, type TargetCell, type User } from './model.js';
import type { FiscalCalendar } from './model.js';
import type { OrgIndex } from './rollup.js';
import type { RampStep } from './ramp.js';
import { isPeriodClosed } from '../calendar/periods.js';

/** An edit's verdict: allowed, or a stable `reason` code (localized like an error code) with params. */
export type EditVerdict = { allowed: true } | { allowed: false; reason: string; params: Record<string, string | number> };

export interface EditContext {
  index: OrgIndex;
  calendar: FiscalCalendar;
  /** Today; with `lockClosedPeriods`, cells of periods that ended before it keep their value. */
  asOf?: string;
  lockClosedPeriods?: boolean;
  /**
   * Whether a cell's value is on record at the host (default: every existing cell is). A cell
   * created here and not saved yet is not history: undoing it in a closed period is allowed.
   */
  isRecorded?: (key: string) => boolean;
}

const yes: EditVerdict = { allowed: true };
const no = (reason: string, params: Record<string, string | number>): EditVerdict => ({ allowed: false, reason, params });

/** Whether `user` may edit targets of `nodeId` at all (scope and role). */
export function canEditNode(user: User | null, nodeId: string, index: OrgIndex): EditVerdict {
  if (!user) return no('edit-no-user', { node: nodeId });
  if (!index.byId.has(nodeId)) return no('edit-unknown-node', { node: nodeId });
  if (user.roles.includes('admin')) return yes;
  const name = index.byId.get(nodeId)!.name;
  if (!user.roles.includes('manager')) return no('edit-forbidden-role', { node: name });
  if (user.canEdit.includes(nodeId) || index.ancestors(nodeId).some((a) => user.canEdit.includes(a))) return yes;
  return no('edit-forbidden-scope', { node: name });
}

/**
 * May `user` turn `before` into `after`? `before` absent: a new cell; `after` absent: the cell is
 * removed (the undo of a cell that did not exist before).
 *
 * @example
 * // 王芳 (rep, canEdit []) → no('edit-forbidden-role'); 周敏 (manager of 华东) on a 华南 rep → no('edit-forbidden-scope')
 * // any user on a locked cell with another value → no('edit-locked'); on { ...locked, locked: false } (same value) → allowed
 */
export function checkCellEdit(user: User | null, before: TargetCell | undefined, after: TargetCell | undefined, ctx: EditContext): EditVerdict {
  const ref = (after ?? before)!;
  const scope = canEditNode(user, ref.nodeId, ctx.index);
  if (!scope.allowed) return scope;
  if (!before) return yes;
  const name = ctx.index.byId.get(ref.nodeId)?.name ?? ref.nodeId;
  const same = !!after && after.value === before.value && (after.original ?? null) === (before.original ?? null);
  if (before.locked) {
    // The only change a locked cell takes: its unlock (or a no-op), value untouched.
    if (!same) return no('edit-locked', { node: name, period: ref.period });
  }
  const recorded = ctx.isRecorded ? ctx.isRecorded(cellKey(before)) : true;
  if (ctx.lockClosedPeriods && ctx.asOf && recorded && isPeriodClosed(ref.period, ctx.asOf, ctx.calendar) && !same) {
    return no('edit-period-closed', { node: name, period: ref.period });
  }
  return yes;
}

/**
 * Checks a batch of changes, all or nothing: the first refusal, with the cell it concerns, or null
 * when every change is allowed. `before` gives the cell as it stands now.
 */
export function checkCellEdits(
  user: User | null,
  changes: readonly { key?: string; before: TargetCell | undefined; after: TargetCell | undefined }[],
  ctx: EditContext,
): { reason: string; params: Record<string, string | number>; cell: string } | null {
  for (const c of changes) {
    const v = checkCellEdit(user, c.before, c.after, ctx);
    if (!v.allowed) return { reason: v.reason, params: v.params, cell: c.key ?? cellKey((c.after ?? c.before)!) };
  }
  return null;
}

/**
 * Whether `user` may make a change to the planning inputs, decided from the signed-in user only:
 * a commitment of node n by its own rep (`user.nodeId === n`) or by someone who may edit n
 * (`canEditNode`); a market entry and the blend by someone who may edit that node (the blend: the
 * root); a ramp curve by someone who may edit that rep (a rep's own `canEdit` is empty: not they).
 * The first refusal, with a reason code (`input-commitment-not-own` for a rep entering
 * someone else's commitment, else `canEditNode`'s codes), or null when all is allowed.
 *
 * @example
 * // 王芳 (rep r1) may commit for r1 but not for r3; the manager of 华东 may enter 华东's market.
 * checkInputsChange(repUser, { baseVersion: 1, commitments: [{ nodeId: 'r3', period: 'FY2026', metric: 'revenue', value: 1 }] }, index)
 * // { allowed: false, reason: 'input-commitment-not-own', params: { node: 'r3' } }
 */
export function checkInputsChange(user: User | null, change: PlanInputsChange, index: OrgIndex): EditVerdict {
  for (const c of change.commitments ?? []) {
    if (user && user.nodeId === c.nodeId) continue;
    const v = canEditNode(user, c.nodeId, index);
    if (!v.allowed) return user?.roles.includes('rep') ? no('input-commitment-not-own', { node: c.nodeId }) : v;
  }
  for (const m of change.market ?? []) {
    const v = canEditNode(user, m.nodeId, index);
    if (!v.allowed) return v;
  }
  // A ramp curve is a manager's call about a rep (a rep does not set their own): edit rights over the rep.
  for (const r of change.ramps ?? []) {
    const v = canEditNode(user, r.nodeId, index);
    if (!v.allowed) return v;
    if (index.byId.get(r.nodeId)?.kind !== 'rep') return no('input-ramp-not-rep', { node: index.byId.get(r.nodeId)?.name ?? r.nodeId });
  }
  // The blend and the new-product minimum share are rules of the whole plan: edit rights over the top.
  if (change.blend || change.newProductMinShare !== undefined) {
    for (const r of index.roots) {
      const v = canEditNode(user, r, index);
      if (!v.allowed) return v;
    }
  }
  return yes;
}

/** Commitments and market entries after a change: an entry replaces the one with the same node (× period × metric, or × product). */
export function mergeInputs<T extends { nodeId: string }>(current: readonly T[] | undefined, incoming: readonly T[] | undefined, key: (x: T) => string): T[] {
  const out = new Map((current ?? []).map((x) => [key(x), x]));
  for (const x of incoming ?? []) out.set(key(x), x);
  return [...out.values()];
}
export const commitmentKey = (c: { nodeId: string; period: string; metric: string }): string => `${c.nodeId}|${c.period}|${c.metric}`;
export const marketKey = (m: { nodeId: string; product?: string }): string => `${m.nodeId}|${m.product ?? ''}`;

/**
 * The org after ramp changes: each named rep gets its own curve, or loses it (back to the plan's
 * default) when `steps` is empty. Other nodes are returned as they are.
 */
export function withRamps<T extends { id: string; ramp?: readonly RampStep[] }>(org: readonly T[], ramps: readonly { nodeId: string; steps: readonly RampStep[] }[] | undefined): T[] {
  if (!ramps?.length) return [...org];
  const by = new Map(ramps.map((r) => [r.nodeId, r.steps]));
  return org.map((n) => {
    if (!by.has(n.id)) return n;
    const steps = by.get(n.id)!;
    const { ramp: _old, ...rest } = n;
    return (steps.length ? { ...rest, ramp: steps.map((x) => ({ ...x })) } : rest) as T;
  });
}
