// English: the strings of scorecard (one language per module, so a page downloads only its own).
import type { ScorecardStrings } from '../strings/scorecard.js';
import pager from './pager.js';

const strings: ScorecardStrings = {
  title: 'Scorecard',
  teamHeading: ({ node, period }) => `${node} · ${period}`,
  personHeading: ({ name, period }) => `${name} · ${period}`,
  kpis: {
    attainment: 'Attainment',
    activity: 'Activity (leads, demos, quotes)',
    crmCompleteness: 'CRM completeness',
    winRate: 'Win rate',
    avgDealSize: 'Average deal size',
    collectionRate: 'Collection rate',
    clv: 'Customer lifetime value (CLV)',
    crossSell: 'Cross-sell (product lines)',
    strategicAccounts: 'Strategic new accounts',
    mentoring: 'Mentoring (mentees)',
  },
  groups: { result: 'Result', process: 'Process', quality: 'Quality' },
  profiles: { 'new-hire': 'New hire', standard: 'Standard', veteran: 'Veteran' },
  profileAuto: 'By tenure',
  profileSwitch: 'Weight profile',
  profileReason: {
    given: () => 'profile chosen above',
    'new-hire-tenure': ({ months }) => `${months} months in the job`,
    'veteran-tenure': ({ months }) => `${months} months in the job`,
    'veteran-role': () => 'senior role',
    default: ({ months }) => (months ? `${months} months in the job` : 'no hire date'),
  },
  columns: { rank: 'Rank', name: 'Name', profile: 'Profile', score: 'Score', trend: 'Trend', kpi: 'KPI', weight: 'Weight', actual: 'Actual', benchmark: 'Benchmark', kpiScore: 'Score', points: 'Points' },
  score: 'Score',
  scoreOf: ({ score, max }) => `Score ${score} of at most ${max} (100 = every KPI on its benchmark)`,
  noScore: 'No score: none of the KPIs could be measured.',
  trend: ({ delta, previous }) => `${delta} vs last period (${previous})`,
  noTrend: 'No previous period to compare with',
  tied: 'tied',
  missing: ({ kpis }) => `Not measured, weight shared by the others: ${kpis}`,
  clvUnavailable: {
    'no-customer-ids': 'CLV not available: the bookings in the data name no customer.',
    'no-customers': 'CLV not available: no customer booked in this period.',
    'no-repeat-customers': 'CLV not available: no repeat customers in the data (no customer of the previous period booked again).',
  },
  backToTeam: 'Back to the team',
  showPerson: ({ name }) => `Show the scorecard of ${name}`,
  rules: 'Ranked by score; equal scores are ordered by attainment; people equal on both share a rank.',
  empty: 'There is nobody to score under this node.',
  nodeUnknown: ({ node }) => `There is no team or person "${node}" in the organization.`,
  pager: pager,
};
export default strings;
