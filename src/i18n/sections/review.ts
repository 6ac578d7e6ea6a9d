import type { QkLocale } from '../types.js';

/** The strings of `qk-review-board`; parameters and plurals are functions. */
export interface ReviewStrings {
  title: string;
  /** "华东 · FY2026-Q3" */
  heading: (p: { node: string; period: string }) => string;
  partial: (p: { date: string; elapsed: number; total: number; target: string }) => string;
  /** The plan column while the period runs (pro rata), and its tooltip naming the basis. */
  planToDate: string;
  proRataTip: (p: { elapsed: number; total: number; target: string }) => string;
  assumptionsFromHistory: (p: { from: string; to: string }) => string;
  waterfallTitle: string;
  waterfallLabel: (p: { plan: string; actual: string; gap: string }) => string;
  planBar: string;
  actualBar: string;
  effectLeads: string;
  effectRate: (p: { from: string; to: string }) => string;
  effectDealSize: string;
  unplanned: string;
  notMeasured: string;
  method: { lmdi: string; shapley: string; unplanned: string; none: string };
  kpiTitle: string;
  columns: { kpi: string; plan: string; actual: string; variance: string; varianceRatio: string; value: string; effect: string; from: string; to: string };
  rate: (p: { from: string; to: string }) => string;
  salesCycle: string;
  /** The KPI row of customer lifetime value. */
  clv: string;
  days: (p: { n: string }) => string;
  favorable: string;
  unfavorable: string;
  diagnosisTitle: string;
  findingsTitle: string;
  recommendationsTitle: string;
  /** The button that hands the recommendations to the host (`qk-review-apply`). */
  applyNext: string;
  /** Announced after it was pressed. */
  applied: string;
  noFindings: string;
  exportCsv: string;
  exported: (p: { file: string }) => string;
  csvHeaders: [string, string, string, string, string, string];
  csvSections: { kpis: string; effects: string; findings: string };
  nodeUnknown: (p: { node: string }) => string;
}

export const reviewStrings: Record<QkLocale, ReviewStrings> = {
  en: {
    title: 'Period review',
    heading: ({ node, period }) => `${node} · ${period}`,
    partial: ({ date, elapsed, total, target }) => `The period is still running: reviewed to ${date} (${elapsed} of ${total} working days), against the target (${target} for the whole period) pro rata.`,
    planToDate: 'Plan to date',
    proRataTip: ({ elapsed, total, target }) => `Pro rata: the period's plan (target ${target}) × ${elapsed} / ${total} working days. Counts are the plan's volumes pro rata the same way.`,
    assumptionsFromHistory: ({ from, to }) => `Planned conversion and deal size learned from ${from} – ${to}.`,
    waterfallTitle: 'From planned to actual revenue',
    waterfallLabel: ({ plan, actual, gap }) => `Waterfall from planned revenue ${plan} to actual ${actual}, a gap of ${gap}, split by factor. The same figures are in the table below.`,
    planBar: 'Plan',
    actualBar: 'Actual',
    effectLeads: 'Leads',
    effectRate: ({ from, to }) => `${from}→${to}`,
    effectDealSize: 'Deal size',
    unplanned: 'Unplanned',
    notMeasured: 'not measured',
    method: {
      lmdi: 'Split with the logarithmic mean Divisia index (exact, no residual).',
      shapley: 'A factor fell to zero: split with the Shapley decomposition (exact, no residual).',
      unplanned: 'No target: the whole revenue is unplanned.',
      none: 'The gap cannot be split by factor.',
    },
    kpiTitle: 'Plan vs actual',
    columns: { kpi: 'KPI', plan: 'Plan', actual: 'Actual', variance: 'Variance', varianceRatio: 'Variance %', value: 'Amount', effect: 'Effect', from: 'From', to: 'To' },
    rate: ({ from, to }) => `Conversion ${from}→${to}`,
    salesCycle: 'Sales cycle',
    clv: 'Customer lifetime value (CLV)',
    days: ({ n }) => `${n} days`,
    favorable: 'better than plan',
    unfavorable: 'worse than plan',
    diagnosisTitle: 'Diagnosis',
    findingsTitle: 'Findings, by money effect',
    recommendationsTitle: 'For the next cycle',
    applyNext: 'Use for the next cycle',
    applied: 'The updated rates, deal size and next target were sent for the next cycle.',
    noFindings: 'Every factor is on plan.',
    exportCsv: 'Export CSV',
    exported: ({ file }) => `Exported ${file}`,
    csvHeaders: ['Section', 'Item', 'Plan', 'Actual', 'Variance', 'Variance %'],
    csvSections: { kpis: 'KPI', effects: 'Effect', findings: 'Finding' },
    nodeUnknown: ({ node }) => `There is no team or person "${node}" in the organization.`,
  },
  'zh-CN': {
    title: '复盘',
    heading: ({ node, period }) => `${node} · ${period}`,
    partial: ({ date, elapsed, total, target }) => `本期尚未结束：复盘截至 ${date}（已过 ${elapsed}/${total} 个工作日），目标（全期 ${target}）按比例折算。`,
    planToDate: '截至今日计划',
    proRataTip: ({ elapsed, total, target }) => `按比例折算：本期计划（目标 ${target}）× ${elapsed}/${total} 个工作日；各阶段数量同样按计划量折算。`,
    assumptionsFromHistory: ({ from, to }) => `计划转化率和客单价取自 ${from} 至 ${to} 的历史数据。`,
    waterfallTitle: '从计划收入到实际收入',
    waterfallLabel: ({ plan, actual, gap }) => `瀑布图：计划收入 ${plan}，实际收入 ${actual}，差距 ${gap}，按因素拆分。下方表格列出相同数字。`,
    planBar: '计划',
    actualBar: '实际',
    effectLeads: '线索',
    effectRate: ({ from, to }) => `${from}→${to}`,
    effectDealSize: '客单价',
    unplanned: '计划外',
    notMeasured: '未统计',
    method: {
      lmdi: '采用对数平均迪氏指数（LMDI）拆分：精确，无残差。',
      shapley: '有因素降为 0：采用 Shapley 分解拆分，精确，无残差。',
      unplanned: '本期无目标：全部收入计为计划外。',
      none: '无法按因素拆分差距。',
    },
    kpiTitle: '计划与实际',
    columns: { kpi: '指标', plan: '计划', actual: '实际', variance: '差异', varianceRatio: '差异率', value: '金额', effect: '影响', from: '起点', to: '终点' },
    rate: ({ from, to }) => `「${from}→${to}」转化率`,
    salesCycle: '销售周期',
    clv: '客户终身价值（CLV）',
    days: ({ n }) => `${n} 天`,
    favorable: '好于计划',
    unfavorable: '差于计划',
    diagnosisTitle: '诊断',
    findingsTitle: '发现（按金额影响排序）',
    recommendationsTitle: '下期建议',
    applyNext: '用于下期',
    applied: '已发送更新后的转化率、客单价和下期目标，供下期使用。',
    noFindings: '各因素均与计划一致。',
    exportCsv: '导出 CSV',
    exported: ({ file }) => `已导出 ${file}`,
    csvHeaders: ['部分', '项目', '计划', '实际', '差异', '差异率'],
    csvSections: { kpis: '指标', effects: '影响', findings: '发现' },
    nodeUnknown: ({ node }) => `组织中没有「${node}」这个团队或人员。`,
  },
};
