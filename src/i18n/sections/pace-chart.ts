import type { QkLocale } from '../types.js';

/** The strings of qk-pace-chart; parameters are functions. */
export interface PaceChartStrings {
  title: string;
  /** The chart's accessible name. */
  label: (p: { metric: string; node: string; period: string }) => string;
  roleDescription: string;
  /** Read once when the chart gets focus: how to move over its points. */
  instructions: string;
  actual: string;
  expected: string;
  forecast: string;
  cone: string;
  target: string;
  today: string;
  date: string;
  forecastRange: string;
  /** A point in the tooltip and the live region; `range` is `low – high`, or `≈ amount` when the ends are equal. */
  point: (p: { when: string; actual: string | null; expected: string; forecast: string | null; low: string | null; high: string | null; range: string | null }) => string;
  /** A day, or the days a weekly point covers. */
  days: (p: { from: string; to: string }) => string;
  tableCaption: (p: { metric: string; node: string; period: string }) => string;
}

export const paceChartStrings: Record<QkLocale, PaceChartStrings> = {
  en: {
    title: 'Pace',
    label: ({ metric, node, period }) => `${metric} pace of ${node}, ${period}: cumulative actual against the expected curve`,
    roleDescription: 'chart',
    instructions: 'Use the arrow keys to move over the points, Home and End for the first and last.',
    actual: 'Actual',
    expected: 'Expected',
    forecast: 'Forecast',
    cone: 'Forecast range (p10–p90)',
    target: 'Target',
    today: 'Today',
    date: 'Date',
    forecastRange: 'Forecast range',
    point: ({ when, actual, expected, forecast, range }) =>
      [`${when}:`, actual !== null ? `actual ${actual},` : '', `expected ${expected}`, forecast !== null ? `, forecast ${forecast} (${range})` : '']
        .filter(Boolean)
        .join(' ')
        .replace(' ,', ','),
    days: ({ from, to }) => (from === to ? from : `${from} – ${to}`),
    tableCaption: ({ metric, node, period }) => `${metric} of ${node} by date, ${period}`,
  },
  'zh-CN': {
    title: '进度',
    label: ({ metric, node, period }) => `${node} ${period} ${metric}进度：累计实际与应达曲线对比`,
    roleDescription: '图表',
    instructions: '使用方向键逐点查看，Home 和 End 跳到首个和最后一个点。',
    actual: '实际累计',
    expected: '应达进度',
    forecast: '预测',
    cone: '预测区间（p10–p90）',
    target: '目标',
    today: '今天',
    date: '日期',
    forecastRange: '预测区间',
    point: ({ when, actual, expected, forecast, range }) =>
      `${when}：${actual !== null ? `实际累计 ${actual}，` : ''}应达 ${expected}${forecast !== null ? `，预测 ${forecast}（${range}）` : ''}`,
    days: ({ from, to }) => (from === to ? from : `${from} – ${to}`),
    tableCaption: ({ metric, node, period }) => `${node} ${period} ${metric}逐日数据`,
  },
};
