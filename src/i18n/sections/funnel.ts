import type { QkLocale } from '../types.js';

/** The strings of `qk-funnel-inverter`; parameters and plurals are functions. */
export interface FunnelStrings {
  title: string;
  /** "Team A · FY2026" */
  subtitle: (p: { node: string; period: string }) => string;
  /** Display names for the usual stage ids, used when the plan gives none. */
  stageNames: Record<string, string>;
  whatIf: string;
  target: string;
  avgDealSize: string;
  moneyHint: string;
  rates: string;
  rateLabel: (p: { from: string; to: string }) => string;
  rateSlider: (p: { from: string; to: string }) => string;
  durations: string;
  daysLabel: (p: { stage: string }) => string;
  daysUnit: string;
  confidenceLevel: string;
  resetToHistory: string;
  historyNote: (p: { from: string; to: string }) => string;
  noHistory: (p: { from: string; to: string }) => string;
  fellBack: (p: { stage: string; source: string }) => string;
  notANumber: string;
  /** Shown while a field is invalid: the results are those of the last valid inputs. */
  showingLastValid: string;
  needInputs: string;
  noTarget: string;
  noStages: string;
  chartLabel: (p: { node: string }) => string;
  legendRequired: string;
  legendActual: string;
  legendPipeline: string;
  /** Accessible name of one stage band. */
  stageMark: (p: { stage: string; required: string; actual: string | null; pipeline: string | null }) => string;
  conversionMark: (p: { from: string; to: string; rate: string }) => string;
  bottleneck: string;
  /** The hidden table's column and the note naming the bottleneck's baseline: the plan's volumes pro rata by working days. */
  planToDate: string;
  planToDateNote: (p: { elapsed: number; total: number }) => string;
  /** Shown instead of a bottleneck while the inputs are a what-if (not the plan's). */
  whatIfNote: string;
  /** The hidden table's caption. */
  tableCaption: string;
  stage: string;
  required: string;
  actualToDate: string;
  openPipeline: string;
  conversion: string;
  summary: (p: { counts: string }) => string;
  confidenceTitle: string;
  reach: (p: { leads: string; won: string; probability: string }) => string;
  leadsFor: (p: { confidence: string; leads: string; extra: string }) => string;
  coverageTitle: string;
  stillNeeded: string;
  coverage: string;
  gap: string;
  weighted: (p: { weighted: string; remaining: string; coverage: string }) => string;
  noPipeline: string;
  perRepTitle: string;
  rep: string;
  ramp: string;
  noReps: string;
  perWeekTitle: string;
  perWeekSummary: (p: { days: number; perDay: string }) => string;
  week: string;
  workingDays: string;
  scheduleTitle: string;
  scheduleHint: string;
  month: string;
  monthTarget: string;
  /** "30 by 2025-11-26 (W48)" */
  due: (p: { count: string; date: string; week: string }) => string;
  noSchedule: string;
  noPeriod: string;
}

export const funnelStrings: Record<QkLocale, FunnelStrings> = {
  en: {
    title: 'Funnel inverter',
    subtitle: ({ node, period }) => (node ? `${node} · ${period}` : period),
    stageNames: { lead: 'Leads', visit: 'Visits', demo: 'Demos', quote: 'Quotes', won: 'Won deals' },
    whatIf: 'What if',
    target: 'Revenue target',
    avgDealSize: 'Average deal size',
    moneyHint: 'e.g. 1,200,000 or 120万',
    rates: 'Conversion rates',
    rateLabel: ({ from, to }) => `${from} → ${to} (%)`,
    rateSlider: ({ from, to }) => `${from} → ${to} conversion rate`,
    durations: 'Days in stage',
    daysLabel: ({ stage }) => `${stage} (days)`,
    daysUnit: 'days',
    confidenceLevel: 'Confidence level',
    resetToHistory: 'Reset to history',
    historyNote: ({ from, to }) => `Defaults from history, ${from} to ${to}.`,
    noHistory: ({ from, to }) => `No funnel history from ${from} to ${to}: enter the rates.`,
    fellBack: ({ stage, source }) => `${stage}: too few items, so the rate of ${source} is used.`,
    notANumber: 'Enter a number.',
    showingLastValid: 'Showing the result of the last valid inputs.',
    needInputs: 'Enter the target, the average deal size and every conversion rate to see the funnel.',
    noTarget: 'No revenue target is set here yet: enter one to see the funnel.',
    noStages: 'The plan has no funnel stages.',
    chartLabel: ({ node }) => (node ? `Funnel of ${node}: required, actual to date and open pipeline per stage` : 'Funnel: required count per stage'),
    legendRequired: 'Required',
    legendActual: 'Actual to date',
    legendPipeline: 'Open pipeline',
    stageMark: ({ stage, required, actual, pipeline }) =>
      `${stage}: ${required} required` + (actual !== null ? `, ${actual} actual to date` : '') + (pipeline !== null ? `, ${pipeline} open` : ''),
    conversionMark: ({ from, to, rate }) => `${from} to ${to} conversion ${rate}`,
    bottleneck: 'Bottleneck',
    planToDate: 'Plan to date',
    planToDateNote: ({ elapsed, total }) => `Compared with the plan to date: the plan's volumes pro rata, ${elapsed} of ${total} working days.`,
    whatIfNote: 'What-if: these inputs differ from the plan, so they are not compared with the actuals. Reset to the plan to see the bottleneck.',
    tableCaption: 'Funnel per stage',
    stage: 'Stage',
    required: 'Required',
    actualToDate: 'Actual to date',
    openPipeline: 'Open pipeline',
    conversion: 'Conversion to next',
    summary: ({ counts }) => `Needed: ${counts}.`,
    confidenceTitle: 'Confidence',
    reach: ({ leads, won, probability }) => `With ${leads} leads the chance of reaching ${won} won deals is ${probability}.`,
    leadsFor: ({ confidence, leads, extra }) => `For ${confidence} confidence: ${leads} leads (${extra} more).`,
    coverageTitle: 'Pipeline coverage',
    stillNeeded: 'Still needed',
    coverage: 'Coverage',
    gap: 'Gap',
    weighted: ({ weighted, remaining, coverage }) => `Weighted pipeline ${weighted} against ${remaining} still to win (${coverage}).`,
    noPipeline: 'No pipeline data for this period.',
    perRepTitle: 'Per rep',
    rep: 'Rep',
    ramp: 'Ramp',
    noReps: 'No reps under this node.',
    perWeekTitle: 'Per week',
    perWeekSummary: ({ days, perDay }) => `${days} working days; per working day: ${perDay}.`,
    week: 'Week',
    workingDays: 'Working days',
    scheduleTitle: 'Schedule by month',
    scheduleHint: 'By which date each stage’s items must exist for the month’s deals to close in that month.',
    month: 'Month',
    monthTarget: 'Target',
    due: ({ count, date, week }) => `${count} by ${date} (${week})`,
    noSchedule: 'Enter the days in each stage to see the schedule.',
    noPeriod: 'Set a period to see weekly quotas and the schedule.',
  },
  'zh-CN': {
    title: '销售漏斗逆向拆解',
    subtitle: ({ node, period }) => (node ? `${node} · ${period}` : period),
    stageNames: { lead: '线索', visit: '拜访', demo: '演示', quote: '报价', won: '赢单' },
    whatIf: '假设分析',
    target: '销售额目标',
    avgDealSize: '客单价',
    moneyHint: '例如 1,200,000 或 120万',
    rates: '转化率',
    rateLabel: ({ from, to }) => `${from} → ${to}（%）`,
    rateSlider: ({ from, to }) => `${from} → ${to} 转化率`,
    durations: '阶段停留天数',
    daysLabel: ({ stage }) => `${stage}（天）`,
    daysUnit: '天',
    confidenceLevel: '置信度',
    resetToHistory: '恢复为历史数据',
    historyNote: ({ from, to }) => `默认值来自 ${from} 至 ${to} 的历史数据。`,
    noHistory: ({ from, to }) => `${from} 至 ${to} 没有漏斗历史数据，请填写转化率。`,
    fellBack: ({ stage, source }) => `${stage}：样本太少，使用「${source}」的转化率。`,
    notANumber: '请输入数字。',
    showingLastValid: '当前显示的是上一次有效输入的结果。',
    needInputs: '请填写目标、客单价和各阶段转化率，即可看到漏斗。',
    noTarget: '这里还没有设定销售额目标，填写目标即可看到漏斗。',
    noStages: '计划中没有漏斗阶段。',
    chartLabel: ({ node }) => (node ? `${node} 的销售漏斗：各阶段所需数量、本期实际与在手商机` : '销售漏斗：各阶段所需数量'),
    legendRequired: '所需',
    legendActual: '本期实际',
    legendPipeline: '在手商机',
    stageMark: ({ stage, required, actual, pipeline }) =>
      `${stage}：需要 ${required}` + (actual !== null ? `，本期实际 ${actual}` : '') + (pipeline !== null ? `，在手 ${pipeline}` : ''),
    conversionMark: ({ from, to, rate }) => `${from}到${to}的转化率 ${rate}`,
    bottleneck: '瓶颈',
    planToDate: '截至今日计划',
    planToDateNote: ({ elapsed, total }) => `对比的是截至今日的计划：计划量按已过工作日折算（${elapsed}/${total} 个工作日）。`,
    whatIfNote: '假设情景：输入与计划不同，因此不与实际对比。恢复为计划即可查看瓶颈。',
    tableCaption: '各阶段漏斗数据',
    stage: '阶段',
    required: '所需',
    actualToDate: '本期实际',
    openPipeline: '在手商机',
    conversion: '转化到下一阶段',
    summary: ({ counts }) => `需要：${counts}。`,
    confidenceTitle: '达成概率',
    reach: ({ leads, won, probability }) => `以 ${leads} 条线索达成 ${won} 个赢单的概率为 ${probability}。`,
    leadsFor: ({ confidence, leads, extra }) => `若要 ${confidence} 的把握：需要 ${leads} 条线索（多 ${extra} 条）。`,
    coverageTitle: '商机覆盖',
    stillNeeded: '仍需',
    coverage: '覆盖率',
    gap: '缺口',
    weighted: ({ weighted, remaining, coverage }) => `加权商机 ${weighted}，剩余目标 ${remaining}（覆盖 ${coverage}）。`,
    noPipeline: '本期没有商机数据。',
    perRepTitle: '按人员',
    rep: '销售',
    ramp: '爬坡系数',
    noReps: '该节点下没有销售人员。',
    perWeekTitle: '按周',
    perWeekSummary: ({ days, perDay }) => `共 ${days} 个工作日；每个工作日：${perDay}。`,
    week: '周',
    workingDays: '工作日',
    scheduleTitle: '按月时间表',
    scheduleHint: '每个阶段最晚需在哪天前产生，当月的订单才能在当月成交。',
    month: '月份',
    monthTarget: '目标',
    due: ({ count, date, week }) => `${count}，${date} 前（${week}）`,
    noSchedule: '填写各阶段停留天数后即可看到时间表。',
    noPeriod: '设置期间后即可看到每周任务和时间表。',
  },
};
