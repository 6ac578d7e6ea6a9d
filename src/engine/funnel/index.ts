/**
 * The funnel inverter's engine (销售漏斗逆向拆解), one module per question:
 * - `funnel-core`: revenue target → required count per stage (`invertFunnel`);
 * - `funnel-history`: stage rates and average deal size from history, with a parent fallback;
 * - `funnel-quotas`: the requirement per rep (capacity × ramp) and per week / working day;
 * - `funnel-schedule`: by which date and week each stage's volume must exist, per month;
 * - `funnel-review`: pipeline coverage per stage, and the stage that holds the team back;
 * - `funnel-confidence`: the chance of reaching the won deals with a number of leads, and the
 *   leads needed for a chosen confidence.
 */
export {
  invertFunnel,
  FUNNEL_ERROR_CODES,
  type FunnelErrorCode,
  type FunnelRequirement,
  type InvertFunnelInput,
  type StageRate,
  type StageRequirement,
} from './core.js';
export * from './history.js';
export * from './quotas.js';
export * from './schedule.js';
export * from './coverage.js';
export * from './confidence.js';
