/**
 * The planning inputs as they cross the adapter: reps' commitments, market size/share, the
 * blend (issue 16 item 1), reps' ramp curves and the plan's new-product minimum share (item 3). Parsing and the shared save step of the snapshot adapters, kept apart
 * from the target path so a page that never saves inputs does not carry them.
 */
import type { PlanInputsChange, PlanSnapshot, User } from '../engine/plan/model.js';
import { parseWith, PlanInputsChangeSchema } from '../engine/plan/model-schema.js';
import { checkInputsChange, commitmentKey, marketKey, mergeInputs, withRamps } from '../engine/plan/edit-rights.js';
import { checkRamp } from '../engine/plan/ramp.js';
import { buildOrgIndex } from '../engine/plan/rollup.js';
import { QkAdapterError } from './adapter.js';

/** Parses an inputs change or throws `invalid-data` with every bad path. */
export function parsePlanInputsChange(data: unknown, source = 'saveInputs'): PlanInputsChange {
  const r = parseWith<PlanInputsChange>(PlanInputsChangeSchema as never, data);
  if (!r.ok) throw new QkAdapterError('invalid-data', `${source}: invalid inputs change`, { issues: r.issues });
  return r.value;
}

/**
 * Applies an inputs change to a snapshot as a host would: the version must match (`conflict`
 * otherwise), nodes must exist (`invalid-data`), and the signed-in `user` must be entitled
 * (`forbidden`, see `checkInputsChange`). Each commitment is stamped `by` the user, whatever the
 * payload said. Returns the new snapshot, its version moved on by one.
 */
export function applyInputsChange(snapshot: PlanSnapshot, raw: unknown, user: User): PlanSnapshot {
  const change = parsePlanInputsChange(raw);
  checkRampsOf(change);
  const version = snapshot.plan.version;
  if (change.baseVersion !== version) {
    throw new QkAdapterError('conflict', `saveInputs: based on version ${change.baseVersion}, but the plan is at version ${version}`, { currentVersion: version });
  }
  const index = buildOrgIndex(snapshot.org);
  const unknown = [...(change.commitments ?? []), ...(change.market ?? []), ...(change.ramps ?? [])].find((x) => !index.byId.has(x.nodeId));
  if (unknown) throw new QkAdapterError('invalid-data', `saveInputs: unknown node "${unknown.nodeId}"`, { issues: [{ path: ['nodeId'], message: `unknown node "${unknown.nodeId}"` }] });
  const verdict = checkInputsChange(user, change, index);
  if (!verdict.allowed) throw new QkAdapterError('forbidden', `saveInputs: ${verdict.reason} (${JSON.stringify(verdict.params)})`);
  return {
    ...snapshot,
    plan: { ...snapshot.plan, version: version + 1, ...(change.newProductMinShare !== undefined ? { newProductMinShare: change.newProductMinShare } : {}) },
    ...(change.commitments ? { commitments: mergeInputs(snapshot.commitments, change.commitments.map((c) => ({ ...c, by: user.id })), commitmentKey) } : {}),
    ...(change.market ? { market: mergeInputs(snapshot.market, change.market, marketKey) } : {}),
    ...(change.blend ? { blend: change.blend } : {}),
    ...(change.ramps?.length ? { org: withRamps(snapshot.org, change.ramps) } : {}),
  };
}

/** Refuses a ramp curve with overlapping steps or a factor above 100 % (`invalid-data`, naming the step). */
export function checkRampsOf(change: PlanInputsChange, source = 'saveInputs'): void {
  for (const [i, r] of (change.ramps ?? []).entries()) {
    const c = checkRamp(r.steps);
    if (!c.ok) throw new QkAdapterError('invalid-data', `${source}: ${c.error.message}`, { issues: [{ path: ['ramps', i, 'steps', ...(c.error.path ?? [])], message: c.error.message }] });
  }
}
