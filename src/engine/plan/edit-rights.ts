/**
 * Who may change which target cell. The store checks every edit with these rules before it applies
 * or sends anything, and the built-in adapters check again on their side from the signed-in user
 * (a client cannot be trusted); a field in a request never grants a right.
 *
 * - Scope: an admin may edit any node; anyone else only nodes in the subtrees of `user.canEdit`
 *   (a viewer's and a rep's `canEdit` are usually empty: they edit nothing).
 * - Locks: a locked cell holds its value against every edit, direct ones included, like a protected
 *   spreadsheet cell. Someone entitled (in scope) may unlock it — a change that keeps the value and
 *   clears `locked` — and only then change it.
 * - Closed periods: a cell whose period ended before today keeps its value (unless the caller
 *   turns the rule off). Creating a cell that did not exist is not a change of history and passes.
 */
import { cellKey, type TargetCell, type User } from './model.js';
import type { FiscalCalendar } from './model.js';
import type { OrgIndex } from './rollup.js';
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
  if (!user.roles.includes('manager') && user.canEdit.length === 0) return no('edit-forbidden-role', { node: name });
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
