// Simplified Chinese (zh-CN): the messages of the pace area (one language per module).
import type { MessageTable } from '../types.js';
const pct = (v: string | number | undefined) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : String(v ?? ''));

/**
 * Messages for pace, forecast and status: the error codes of `pace`, `forecast`, `dualAttainment`
 * and `statusThresholds`; the reasons a figure is not applicable (`zero-target`,
 * `nothing-expected-yet`, `no-working-days-left`); and the status reasons an alert carries
 * (`pace-low`, `forecast-low`, `on-pace`, `no-data`, `too-early`, `period-achieved`, `period-missed`).
 */
const messages: MessageTable = {
  'pace-amount-invalid': ({ field }) => (field === 'actual' ? '实际完成额必须是整数金额。' : '目标必须是不小于零的整数金额。'),
  'pace-date-invalid': ({ value }) => `“${value}”不是有效日期（格式为 YYYY-MM-DD）。`,
  'pace-basis-invalid': ({ value }) => `“${value}”不是有效的进度计算方式，请使用 working-days（工作日）、seasonality（季节性）或 ramp（爬坡）。`,
  'pace-profile-missing-month': ({ month }) => `季节性系数中缺少 ${month} 的权重。`,
  'pace-profile-invalid': ({ month }) => `${month} 的季节性权重必须是不小于零的数字。`,
  'pace-profile-empty': ({ period }) => `季节性系数中 ${period} 各月的权重均为零。`,
  'pace-hire-date-missing': () => '按爬坡期计算进度需要该销售的入职日期。',
  'forecast-blend-invalid': ({ value }) => `按当前进度推算的权重必须在 0 到 1 之间（当前为 ${value}）。`,
  'forecast-history-invalid': () => '用于预测区间的历史完成数据必须都是数字。',
  'forecast-opportunity-invalid': ({ id }) => `商机 ${id} 的金额或赢率无效。`,
  'forecast-too-large': () => '预测金额过大，无法精确计算。',
  'status-thresholds-invalid': ({ name, value }) => `状态阈值 ${name} 必须是不小于零的数字（当前为 ${value}）。`,
  'status-thresholds-order': ({ metric }) => `“落后”的${metric === 'pace' ? '进度' : '预测'}阈值不能高于“正常”的阈值。`,
  'zero-target': () => '不适用：目标为零。',
  'nothing-expected-yet': () => '本期尚未到应有产出的时间。',
  'no-working-days-left': () => '本期已没有剩余工作日。',
  'pace-low': ({ value, threshold }) => `当前进度为应达进度的 ${pct(value)}，低于 ${pct(threshold)}。`,
  'forecast-low': ({ value, threshold }) => `预测完成率为 ${pct(value)}，低于 ${pct(threshold)}。`,
  'on-pace': () => '进度正常，预计可完成目标。',
  'no-data': () => '数据不足，暂无法判断进度。',
  'too-early': ({ value, threshold }) => `本期工作日仅过去 ${pct(value)}，过去 ${pct(threshold)} 后才评估进度。`,
  'period-achieved': ({ value }) => `本期已结束：完成目标的 ${pct(value)}。`,
  'period-missed': ({ value }) => `本期已结束：仅完成目标的 ${pct(value)}。`,
  'forecast-beyond-pipeline': () => '本期尚无成交，即使在手商机全部赢单也达不到目标',
  'forecast-no-spread': () => '没有历史业绩或在手商机，无法估计不确定性',
};
export default messages;
