// Simplified Chinese (zh-CN): the strings of pace-chart (one language per module, so a page downloads only its own).
import type { PaceChartStrings } from '../strings/pace-chart.js';

const strings: PaceChartStrings = {
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
};
export default strings;
