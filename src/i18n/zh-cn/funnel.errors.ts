// Simplified Chinese (zh-CN): the messages of the funnel area (one language per module).
import type { MessageTable, Params } from '../types.js';
import { formatMoney } from '../../engine/money/money.js';
/** A money parameter: minor units (formatted in `currency`), or text the UI formatted already. */
const money = (v: string | number | undefined, p: Params, locale: 'en' | 'zh-CN') =>
  typeof v === 'number' ? formatMoney(Math.abs(v), { currency: String(p.currency ?? 'CNY'), locale, compact: true }) : String(v ?? '');

/** A rate given as a ratio (0.35) shown as a percentage (35%). */
const pct = (v: string | number) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : v);

const leadsZh = ({ leadsDelta: d }: Params) =>
  typeof d !== 'number' ? '' : d > 0 ? `线索比计划高 ${d}%，但` : d < 0 ? `线索比计划低 ${-d}%，且` : '线索与计划持平，但';
const dropZh = (p: Params) => `${leadsZh(p)}「${p.from}→${p.to}」的转化率从 ${p.planRate}% 降至 ${p.actualRate}%`;

/**
 * Messages for the funnel engine: its error codes and the sentences of `diagnoseFunnel`.
 * Stage names arrive as `stage`, `from` and `to` (ids, or display names substituted by the UI).
 */
const messages: MessageTable = {
  'funnel-target-invalid': ({ value }) => `目标金额必须是大于或等于 0 的整数（当前为 ${value}）。`,
  'funnel-deal-size-invalid': ({ value }) => `客单价必须是大于 0 的整数金额（当前为 ${value}）。`,
  'funnel-stages-invalid': ({ reason, stage }) =>
    reason === 'duplicate' ? `阶段「${stage}」重复出现。`
    : reason === 'too-few' ? '漏斗至少需要两个阶段。'
    : reason === 'id' ? '每个漏斗阶段都需要一个标识。'
    : '漏斗中没有任何阶段。',
  'funnel-rate-missing': ({ stage }) => `请填写「${stage}」的转化率。`,
  'funnel-rate-zero': ({ stage }) => `「${stage}」的转化率为 0%，无法通过它达成任何目标。`,
  'funnel-rate-negative': ({ stage, rate }) => `「${stage}」的转化率不能为负数（${pct(rate)}）。`,
  'funnel-rate-above-one': ({ stage, rate }) => `「${stage}」的转化率不能超过 100%（${pct(rate)}）。`,
  'funnel-count-invalid': ({ stage }) => `「${stage}」的数量必须是大于或等于 0 的整数。`,
  'funnel-count-overflow': ({ stage }) => `「${stage}」所需数量过大，无法精确计算，请检查转化率和目标。`,
  'funnel-context-failed': ({ message }) => (message ? `无法汇总漏斗数据：${message}` : '无法汇总漏斗数据。'),
  'funnel-node-unknown': ({ nodeId }) => `组织中没有「${nodeId}」这个团队或人员。`,
  'funnel-window-invalid': ({ from, to }) => `${from} 至 ${to} 不是有效的日期范围。`,
  'funnel-min-sample-invalid': ({ value }) => `最小样本量必须是大于或等于 1 的整数（当前为 ${value}）。`,
  'funnel-no-capacity': () => '没有可承担该任务的销售：团队中没有销售，或所有人的产能为 0、尚未入职。',
  'funnel-weight-invalid': ({ id }) => `「${id}」的产能必须是大于或等于 0 的数字。`,
  'funnel-no-working-days': ({ from, to }) => `${from} 至 ${to} 之间没有工作日。`,
  'funnel-month-invalid': ({ month }) => `「${month}」不是有效的月份（YYYY-MM）。`,
  'funnel-days-invalid': ({ stage }) => `请填写商机在「${stage}」阶段的平均停留天数（大于或等于 0）。`,
  'funnel-confidence-invalid': ({ value }) => `置信度必须介于 0% 与 100% 之间，且不含两端（当前为 ${value}）。`,
  'funnel-diagnosis-leads': (p) =>
    `线索比计划低 ${-Number(p.leadsDelta)}%（实际 ${p.actual}，计划 ${p.plan}），是各环节中最大的缺口：问题出在漏斗顶部的线索获取。`,
  'funnel-diagnosis-top': (p) => `${dropZh(p)}：问题出在漏斗顶部的线索质量与筛选。`,
  'funnel-diagnosis-middle': (p) => `${dropZh(p)}：问题出在漏斗中段，而不是线索获取。`,
  'funnel-diagnosis-bottom': (p) => `${dropZh(p)}：问题出在漏斗底部的成交环节。`,
  'funnel-diagnosis-deal-size': (p) =>
    `客单价从 ${money(p.plan, p, 'zh-CN')} 降至 ${money(p.actual, p, 'zh-CN')}（${p.delta}%），是所有因素中差距最大的：问题在客单价，而不在漏斗。`,
  'funnel-diagnosis-on-plan': () => '各环节均达到或超过计划，没有瓶颈。',
};
export default messages;
