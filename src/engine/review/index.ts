/**
 * The period review (复盘): plan against actual, the gap split into factor effects (LMDI), timing,
 * findings and a recommendation (`review`), from plan data (`source`), and its CSV (`csv`).
 * Not to be confused with `funnel/coverage` (pipeline coverage and diagnosis of a running period).
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  reviewToCsv,
  type ReviewCsvLabels,
} from './csv.js';
export {
  attributeRevenue,
  logMean,
  NEXT_TARGET_WEIGHTS,
  REVIEW_ERROR_CODES,
  reviewPeriod,
  roundToTotal,
  shapleyEffects,
  slippedDeals,
  type PeriodReview,
  type ReviewActualInput,
  type ReviewAttribution,
  type ReviewEffect,
  type ReviewFactorKind,
  type ReviewFinding,
  type ReviewInput,
  type ReviewKpi,
  type ReviewKpiId,
  type ReviewMarket,
  type ReviewMessage,
  type ReviewOptions,
  type ReviewPlanInput,
  type ReviewRecommendation,
  type ReviewTiming,
} from './review.js';
export {
  reviewFromSnapshot,
  type ReviewQuery,
  type ReviewReport,
  type ReviewSource,
} from './source.js';
