/**
 * The store's parse of a plan and of actuals as steps (`engine/shared/steps.ts`), so a 100,000-person
 * payload is checked a few thousand records at a time between yields instead of in one long task:
 * the zod-free fast path (`fast-parse.ts`) and the cross-record checks (`cross-check.ts`), exactly
 * what `parsePlanSnapshot` / `parseActualsSnapshot` run first. A payload the fast path declines
 * answers `undefined`: the caller then parses it with zod (`validate.ts`), which lists every issue.
 * A payload a built-in adapter validated and froze (`trusted.ts`) is taken as it is.
 *
 * No zod here (issue 14: zod loads only when a payload needs it).
 */
import type { ActualsSnapshot, PlanSnapshot } from '../engine/plan/model.js';
import type { Steps } from '../engine/shared/steps.js';
import { actualsIssuesSteps, invalidData, planIssuesSteps, type ActualsContext, type ParseOptions } from './cross-check.js';
import { fastActualsSnapshotSteps, fastPlanSnapshotSteps } from './fast-parse.js';
import { isTrustedActuals, isTrustedPlan } from './trusted.js';

/**
 * The plan snapshot `parsePlanSnapshot(data, options)` returns, as steps; throws the same
 * `invalid-data` for cross-record issues; `undefined` when the fast path declines.
 */
export function* planSnapshotSteps(data: unknown, options: ParseOptions = {}): Steps<PlanSnapshot | undefined> {
  if (isTrustedPlan(data)) return data;
  const fast = yield* fastPlanSnapshotSteps(data);
  if (!fast) return undefined;
  const issues = yield* planIssuesSteps(fast);
  if (issues.length) throw invalidData('plan snapshot', issues, options);
  return fast;
}

/** The actuals `parseActualsSnapshot(data, options)` returns, as steps (see `planSnapshotSteps`). */
export function* actualsSnapshotSteps(data: unknown, options: ParseOptions & ActualsContext = {}): Steps<ActualsSnapshot | undefined> {
  if (isTrustedActuals(data, options.plan)) return data;
  const fast = yield* fastActualsSnapshotSteps(data);
  if (!fast) return undefined;
  const issues = yield* actualsIssuesSteps(fast, options);
  if (issues.length) throw invalidData('actuals snapshot', issues, options);
  return fast;
}
