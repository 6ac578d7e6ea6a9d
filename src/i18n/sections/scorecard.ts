import type { QkLocale } from '../types.js';
import type { PagerStrings } from '../../internal/pager.js';
import { pagerStrings } from './pager.js';

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
  backToTeam: string;
  showPerson: (p: { name: string }) => string;
  rules: string;
  empty: string;
  nodeUnknown: (p: { node: string }) => string;
  /** The search and page controls of a long ranking. */
  pager: PagerStrings;
}

export const scorecardStrings: Record<QkLocale, ScorecardStrings> = {
  en: {
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
    backToTeam: 'Back to the team',
    showPerson: ({ name }) => `Show the scorecard of ${name}`,
    rules: 'Ranked by score; equal scores are ordered by attainment; people equal on both share a rank.',
    empty: 'There is nobody to score under this node.',
    nodeUnknown: ({ node }) => `There is no team or person "${node}" in the organization.`,
    pager: pagerStrings.en,
  },
  'zh-CN': {
    title: '绩效记分卡',
    teamHeading: ({ node, period }) => `${node} · ${period}`,
    personHeading: ({ name, period }) => `${name} · ${period}`,
    kpis: {
      attainment: '目标完成率',
      activity: '活动量（线索、演示、报价）',
      crmCompleteness: 'CRM 填写完整度',
      winRate: '赢单率',
      avgDealSize: '平均客单价',
      collectionRate: '回款率',
      clv: '客户终身价值（CLV）',
      crossSell: '交叉销售（产品线数）',
      strategicAccounts: '战略新客户',
      mentoring: '传帮带（带教人数）',
    },
    groups: { result: '结果', process: '过程', quality: '质量' },
    profiles: { 'new-hire': '新人', standard: '标准', veteran: '资深' },
    profileAuto: '按司龄',
    profileSwitch: '权重方案',
    profileReason: {
      given: () => '手动选择的方案',
      'new-hire-tenure': ({ months }) => `入职 ${months} 个月`,
      'veteran-tenure': ({ months }) => `入职 ${months} 个月`,
      'veteran-role': () => '资深岗位',
      default: ({ months }) => (months ? `入职 ${months} 个月` : '无入职日期'),
    },
    columns: { rank: '排名', name: '姓名', profile: '方案', score: '得分', trend: '趋势', kpi: '指标', weight: '权重', actual: '实际', benchmark: '基准', kpiScore: '得分', points: '加权分' },
    score: '得分',
    scoreOf: ({ score, max }) => `得分 ${score}（最高 ${max} 分，100 分表示各项指标均达到基准）`,
    noScore: '暂无得分：没有可计算的指标。',
    trend: ({ delta, previous }) => `较上期（${previous}）${delta}`,
    noTrend: '没有可比较的上期数据',
    tied: '并列',
    missing: ({ kpis }) => `未统计（权重已分给其他指标）：${kpis}`,
    backToTeam: '返回团队',
    showPerson: ({ name }) => `查看 ${name} 的记分卡`,
    rules: '按得分排名；得分相同时按目标完成率排序；两者都相同则并列。',
    empty: '该节点下没有可评分的人员。',
    nodeUnknown: ({ node }) => `组织中没有「${node}」这个团队或人员。`,
    pager: pagerStrings['zh-CN'],
  },
};
