/**
 * Pace and forecast (进度与预测): where a node stands against the time elapsed (`pace`), where it will
 * land (`forecast`), its status band and alerts (`status`), and the figures the gauge and the pace
 * chart show (`view`: `resolvePaceFigures`, `paceView`, `paceSeries`).
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  forecast,
  groupPipeline,
  type ForecastOptions,
  type ForecastResult,
} from './forecast.js';
export {
  createPaceContext,
  dualAttainment,
  pace,
  type AttainmentFigures,
  type DualAttainment,
  type DualAttainmentOptions,
  type PaceBasis,
  type PaceContext,
  type PaceOptions,
  type PaceReason,
  type PaceResult,
  type PeriodMonth,
  type SeasonalityWeight,
} from './pace.js';
export {
  assessStatus,
  DEFAULT_STATUS_THRESHOLDS,
  evaluateAlerts,
  nextStatuses,
  statusOf,
  statusThresholds,
  STATUSES,
  type Status,
  type StatusAlert,
  type StatusAssessment,
  type StatusInput,
  type StatusObservation,
  type StatusReason,
  type StatusThresholds,
} from './status.js';
export {
  historyRatios,
  paceSeries,
  paceView,
  resolvePaceFigures,
  type DatedAmount,
  type PaceFigures,
  type PacePoint,
  type PaceQuery,
  type PaceSeries,
  type PaceSeriesOptions,
  type PaceSource,
  type PaceView,
  type ResolvedFigures,
} from './view.js';
