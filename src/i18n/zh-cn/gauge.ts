// Simplified Chinese (zh-CN): the strings of gauge (one language per module, so a page downloads only its own).
import type { GaugeStrings } from '../strings/gauge.js';

const strings: GaugeStrings = {
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
};
export default strings;
