import type { QkLocale } from '../types.js';

/** The strings of qk-attainment-gauge (and those qk-pace-chart shares with it); parameters are functions. */
export interface GaugeStrings {
  title: string;
  /** The meter's accessible name: what is measured, for whom, when. */
  label: (p: { metric: string; node: string; period: string }) => string;
  /** aria-valuetext of the meter. */
  valueText: (p: { attainment: string; actual: string; target: string; status: string }) => string;
  actualOfTarget: (p: { actual: string; target: string }) => string;
  actual: string;
  target: string;
  gap: string;
  /** Shown instead of the gap once the target is beaten. */
  overTarget: string;
  requiredDailyRate: string;
  perDay: (p: { amount: string }) => string;
  expectedToDate: string;
  paceIndex: string;
  forecast: string;
  /** `range` is `low – high`, or `≈ amount` when the two ends are equal. */
  forecastRange: (p: { low: string; high: string; range: string }) => string;
  probability: string;
  originalTarget: (p: { target: string; attainment: string }) => string;
  notApplicable: string;
  asOf: (p: { date: string }) => string;
  noTarget: (p: { node: string; period: string }) => string;
  metricUnsupported: (p: { metric: string }) => string;
  nodeUnknown: (p: { node: string }) => string;
  expectedMarker: string;
  forecastMarker: string;
}

export const gaugeStrings: Record<QkLocale, GaugeStrings> = {
  en: {
    title: 'Attainment',
    label: ({ metric, node, period }) => `${metric} attainment of ${node}, ${period}`,
    valueText: ({ attainment, actual, target, status }) => `${attainment} of target: ${actual} of ${target}. ${status}.`,
    actualOfTarget: ({ actual, target }) => `${actual} of ${target}`,
    actual: 'Actual',
    target: 'Target',
    gap: 'Gap to target',
    overTarget: 'Above target by',
    requiredDailyRate: 'Needed per working day',
    perDay: ({ amount }) => `${amount} / day`,
    expectedToDate: 'Expected by today',
    paceIndex: 'Pace',
    forecast: 'Forecast at period end',
    forecastRange: ({ range }) => `range ${range}`,
    probability: 'Chance to reach target',
    originalTarget: ({ target, attainment }) => `Original target ${target}: ${attainment}`,
    notApplicable: 'Not applicable',
    asOf: ({ date }) => `as of ${date}`,
    noTarget: ({ node, period }) => `No target is set for ${node} in ${period}.`,
    metricUnsupported: ({ metric }) => `${metric} cannot be tracked against the calendar: it has no dated actuals.`,
    nodeUnknown: ({ node }) => `There is no team or person with the id “${node}”.`,
    expectedMarker: 'Expected by today',
    forecastMarker: 'Forecast',
  },
  'zh-CN': {
    title: '目标完成率',
    label: ({ metric, node, period }) => `${node} ${period} ${metric}完成率`,
    valueText: ({ attainment, actual, target, status }) => `完成率 ${attainment}：已完成 ${actual}，目标 ${target}。${status}。`,
    actualOfTarget: ({ actual, target }) => `${actual} / ${target}`,
    actual: '实际完成',
    target: '目标',
    gap: '距目标差距',
    overTarget: '超出目标',
    requiredDailyRate: '每个工作日需完成',
    perDay: ({ amount }) => `${amount} / 天`,
    expectedToDate: '截至今日应完成',
    paceIndex: '进度指数',
    forecast: '期末预测',
    forecastRange: ({ range }) => `区间 ${range}`,
    probability: '达成目标的概率',
    originalTarget: ({ target, attainment }) => `原目标 ${target}：${attainment}`,
    notApplicable: '不适用',
    asOf: ({ date }) => `截至 ${date}`,
    noTarget: ({ node, period }) => `${node} 在 ${period} 尚未设定目标。`,
    metricUnsupported: ({ metric }) => `${metric}没有按日期记录的实际数据，无法按日历跟踪进度。`,
    nodeUnknown: ({ node }) => `不存在 ID 为“${node}”的团队或人员。`,
    expectedMarker: '截至今日应完成',
    forecastMarker: '预测',
  },
};
