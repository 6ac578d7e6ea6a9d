/**
 * Incentives (激励): tiered commission with multipliers, gates, caps and bonuses (`commission`), the
 * payout curve (`curve`), team payouts and mentoring credit (`team`), and the scope read from a
 * plan (`source`).
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  canEditIncentivePlan,
  type PlanPermission,
} from './access.js';
export {
  type ClawbackBooking,
} from './basis.js';
export {
  computePayout,
  whatIfPayout,
  type NextStep,
  type Payout,
  type PayoutLine,
  type PayoutOptions,
  type PayoutPerson,
} from './commission.js';
export {
  payoutCurve,
  whatIfRange,
  type CurvePoint,
  type PayoutCurveOptions,
} from './curve.js';
export {
  CommissionPlanSchema,
  parseCommissionPlan,
  roundLines,
  SAMPLE_COMMISSION_PLAN,
  type CommissionPlan,
  type CommissionTier,
} from './plan.js';
export {
  originalTargetCells,
  resolveIncentiveScope,
  type IncentiveScope,
  type IncentiveSource,
} from './source.js';
export {
  computeTeamPayouts,
  mentoringCredit,
  type MenteeCredit,
  type MentoringCredit,
  type TeamPayouts,
} from './team.js';
