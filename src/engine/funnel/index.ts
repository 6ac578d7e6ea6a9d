/**
 * The funnel inverter's engine (销售漏斗逆向拆解), one module per question:
 * - `core`: revenue target → required count per stage (`invertFunnel`);
 * - `history`: stage rates and average deal size from history, with a parent fallback;
 * - `quotas`: the requirement per rep (capacity × ramp) and per week / working day;
 * - `schedule`: by which date and week each stage's volume must exist, per month;
 * - `coverage`: pipeline coverage per stage, and the stage that holds the team back;
 * - `confidence`: the chance of reaching the won deals with a number of leads, and the
 *   leads needed for a chosen confidence;
 * - `plan-funnel`: the plan's funnel of a node and period from the read model;
 * - `view`: what the funnel inverter shows for a node and period (`funnelContext`, `computeFunnel`).
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  leadsForConfidence,
  reachProbability,
  type ConfidenceInput,
  type LeadsForConfidence,
  type Reach,
  type ReachInput,
} from './confidence.js';
export {
  FUNNEL_ERROR_CODES,
  invertFunnel,
  type FunnelErrorCode,
  type FunnelRequirement,
  type InvertFunnelInput,
  type StageRate,
  type StageRequirement,
} from './core.js';
export {
  diagnoseFunnel,
  FUNNEL_DIAGNOSIS_CODES,
  funnelCoverage,
  type CoverageOptions,
  type FunnelCoverage,
  type FunnelDiagnosis,
  type FunnelFactor,
  type FunnelFinding,
  type FunnelObservation,
  type StageCoverage,
} from './coverage.js';
export {
  conversionRatesFromHistory,
  DEFAULT_MIN_DEALS,
  DEFAULT_MIN_SAMPLE,
  type HistoryDealSize,
  type HistoryOptions,
  type HistoryRate,
  type HistoryRates,
} from './history.js';
export {
  plannedFunnel,
  type PlannedFunnel,
} from './plan-funnel.js';
export {
  activityQuotas,
  splitRequirement,
  splitRequirementSteps,
  SPLIT_CHUNK,
  type ActivityQuotas,
  type RepRequirement,
  type SplitRep,
  type StageCounts,
  type WeekQuota,
} from './quotas.js';
export {
  scheduleRequirement,
  type MonthSchedule,
  type RequirementSchedule,
  type ScheduledStage,
  type ScheduleInput,
  type ScheduleStage,
} from './schedule.js';
export {
  computeFunnel,
  computeFunnelSteps,
  DEFAULT_CONFIDENCE,
  DEFAULT_LOOKBACK_MONTHS,
  funnelContext,
  funnelContextSteps,
  FUNNEL_CONTEXT_CHUNK,
  type FunnelContext,
  type FunnelContextOptions,
  type FunnelContextRep,
  type FunnelData,
  type FunnelDefaults,
  type FunnelInputs,
  type FunnelInputStage,
  type FunnelResults,
  type FunnelSource,
} from './view.js';
