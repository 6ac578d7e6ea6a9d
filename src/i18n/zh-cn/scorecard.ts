// Simplified Chinese (zh-CN): the strings of scorecard (one language per module, so a page downloads only its own).
import type { ScorecardStrings } from '../strings/scorecard.js';
import pager from './pager.js';

const strings: ScorecardStrings = {
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
  clvUnavailable: {
    'no-customer-ids': '客户终身价值不可用：数据中没有客户标识。',
    'no-customers': '客户终身价值不可用：本期没有客户下单。',
    'no-repeat-customers': '客户终身价值不可用：数据中没有回头客（上期客户本期均未再次下单）。',
  },
  backToTeam: '返回团队',
  showPerson: ({ name }) => `查看 ${name} 的记分卡`,
  rules: '按得分排名；得分相同时按目标完成率排序；两者都相同则并列。',
  empty: '该节点下没有可评分的人员。',
  nodeUnknown: ({ node }) => `组织中没有「${node}」这个团队或人员。`,
  pager: pager,
};
export default strings;
