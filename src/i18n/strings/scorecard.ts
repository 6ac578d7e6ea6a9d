import type { PagerStrings } from '../../internal/pager.js';

type KpiId = 'attainment' | 'activity' | 'crmCompleteness' | 'winRate' | 'avgDealSize' | 'collectionRate' | 'clv' | 'crossSell' | 'strategicAccounts' | 'mentoring';
type ProfileId = 'new-hire' | 'standard' | 'veteran';

/** The strings of `qk-scorecard`; parameters and plurals are functions. */
export interface ScorecardStrings {
  title: string;
  teamHeading: (p: { node: string; period: string }) => string;
  personHeading: (p: { name: string; period: string }) => string;
  kpis: Record<KpiId, string>;
  groups: Record<'result' | 'process' | 'quality', string>;
  profiles: Record<ProfileId, string>;
  profileAuto: string;
  profileSwitch: string;
  profileReason: Record<'given' | 'new-hire-tenure' | 'veteran-tenure' | 'veteran-role' | 'default', (p: { months: string }) => string>;
  columns: { rank: string; name: string; profile: string; score: string; trend: string; kpi: string; weight: string; actual: string; benchmark: string; kpiScore: string; points: string };
  score: string;
  /** The composite's label; `max` is the cap (120): a KPI on its benchmark scores 100. */
  scoreOf: (p: { score: string; max: string }) => string;
  noScore: string;
  trend: (p: { delta: string; previous: string }) => string;
  noTrend: string;
  tied: string;
  missing: (p: { kpis: string }) => string;
  /** Why the team's customer lifetime value cannot be computed from the data. */
  clvUnavailable: Record<'no-customer-ids' | 'no-customers' | 'no-repeat-customers', string>;
  backToTeam: string;
  showPerson: (p: { name: string }) => string;
  rules: string;
  empty: string;
  nodeUnknown: (p: { node: string }) => string;
  /** The search and page controls of a long ranking. */
  pager: PagerStrings;
}
