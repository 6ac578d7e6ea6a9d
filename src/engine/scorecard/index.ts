/**
 * KPI scorecards (多维度考核): a person's weighted score by profile (new hire, standard, veteran),
 * ranking, and the team's cards from plan data.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  DEFAULT_SCORE_CAP,
  profileFor,
  rankScorecards,
  SCORECARD_ERROR_CODES,
  SCORECARD_KPIS,
  scorePerson,
  WEIGHT_PROFILE_IDS,
  WEIGHT_PROFILES,
  type KpiMeasure,
  type ProfileReason,
  type RankedScorecard,
  type Scorecard,
  type ScorecardKpiId,
  type ScorecardLine,
  type ScorecardOptions,
  type ScorecardPerson,
  type WeightProfileId,
} from './scorecard.js';
export {
  CLV_UNAVAILABLE_REASONS,
  crmCompleteness,
  customerLifetimeValue,
  type ClvResult,
  type ClvUnavailableReason,
  type CrmCompleteness,
} from './customer-value.js';
export {
  previousPeriod,
  scorecardsFromSnapshot,
  type ScorecardQuery,
  type ScorecardSource,
  type TeamScorecards,
} from './source.js';
