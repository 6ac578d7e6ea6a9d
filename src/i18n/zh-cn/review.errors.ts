// Simplified Chinese (zh-CN): the messages of the review area (one language per module).
import type { MessageTable, Params } from '../types.js';
import { formatMoney, formatPercent } from '../../engine/money/money.js';
/**
 * Messages of the review and scorecard engines: error codes, the findings, the diagnoses and the
 * recommendations of `reviewPeriod`. Money parameters are minor units; the element adds the plan's
 * `currency` to the parameters. Percentages arrive as numbers (20 for 20%). Stage names arrive as
 * `from` and `to` (ids, or display names substituted by the UI).
 */
const money = (p: Params, key: string, locale: 'en' | 'zh-CN') =>
  formatMoney(Math.abs(Number(p[key]) || 0), { currency: String(p.currency ?? 'CNY'), locale, compact: true });
const n = (v: string | number | undefined, locale: 'en' | 'zh-CN') => (typeof v === 'number' ? v.toLocaleString(locale) : String(v ?? ''));
/** A change in percent (20 for +20%), signed with + or − (U+2212) and never −0%. */
const signedPct = (d: string | number | undefined, locale: 'en' | 'zh-CN') =>
  Number.isFinite(Number(d)) && d !== '' ? formatPercent(Number(d) / 100, locale, 1, { signed: true }) : `${d ?? ''}%`;

const FIELD_ZH: Record<string, string> = { avgDealSize: '客单价' };

const messages: MessageTable = {
  'review-amount-invalid': ({ field, value }) => `${field} 必须是大于或等于 0 的整数金额（当前为 ${value}）。`,
  'review-count-invalid': ({ stage, value }) => `「${stage}」的数量必须是大于或等于 0 的整数（当前为 ${value}）。`,
  'review-plan-incomplete': ({ field }) =>
    `计划有目标，但缺少${FIELD_ZH[String(field)] ?? `「${field}」的转化率`}：请填写漏斗假设，或加载历史数据以便推算。`,
  'review-option-invalid': ({ option, value }) => `选项 ${option} 无效（当前为 ${value}）。`,
  'review-node-unknown': ({ node }) => `组织中没有「${node}」这个团队或人员。`,
  'review-date-invalid': ({ value }) => `「${value}」不是有效日期（YYYY-MM-DD）。`,
  'review-market-invalid': ({ size, share }) => `市场视角需要大于或等于 0 的整数市场规模（最小货币单位）和 0 到 1 之间的目标份额（当前规模 ${size}，份额 ${share}）。`,
  'scorecard-date-invalid': ({ value }) => `「${value}」不是有效日期（YYYY-MM-DD）。`,
  'scorecard-option-invalid': ({ option, value }) => `记分卡设置 ${option} 无效（当前为 ${value}）。`,
  'scorecard-kpi-invalid': ({ kpi, person, value }) => `「${person}」的 ${kpi} 必须是大于或等于 0 的数（当前为 ${value}）。`,
  'scorecard-failed': ({ message }) => `无法计算绩效记分卡：${message}`,
  'review-counts-inconsistent': ({ revenue, won }) =>
    revenue !== undefined && Number(won) === 0 && Number(revenue) > 0
      ? '有签约金额，却没有统计到赢单：漏斗数据不完整，无法按阶段拆分差距。'
      : '漏斗各阶段数量对不上（前一阶段为 0，后一阶段却有数量），无法按阶段拆分差距。',
  'review-diagnosis-no-plan': () => '本期没有收入目标，因此没有需要解释的差距。',
  'review-diagnosis-deal-size': (p) =>
    `客单价从 ${money(p, 'plan', 'zh-CN')} 降至 ${money(p, 'actual', 'zh-CN')}（${signedPct(p.delta, 'zh-CN')}），是所有因素中差距最大的：问题在客单价，而不在漏斗。`,
  'review-no-plan': (p) => `本期没有目标，签约 ${money(p, 'amount', 'zh-CN')}。`,
  'review-effect-leads': (p) =>
    `线索 ${n(p.actual, 'zh-CN')} 条，计划 ${n(p.plan, 'zh-CN')} 条（${signedPct(p.delta, 'zh-CN')}）：${Number(p.amount) >= 0 ? '带来' : '损失'}收入 ${money(p, 'amount', 'zh-CN')}。`,
  'review-effect-rate': (p) =>
    `「${p.from}→${p.to}」转化率 ${p.actual}%，计划 ${p.plan}%：${Number(p.amount) >= 0 ? '带来' : '损失'} ${money(p, 'amount', 'zh-CN')}。`,
  'review-effect-deal-size': (p) =>
    `平均客单价 ${money(p, 'actual', 'zh-CN')}，计划 ${money(p, 'plan', 'zh-CN')}（${signedPct(p.delta, 'zh-CN')}）：${Number(p.amount) >= 0 ? '带来' : '损失'} ${money(p, 'amount', 'zh-CN')}。`,
  'review-timing': (p) =>
    `有 ${p.count} 个预计在本期成交的商机仍未关闭，金额 ${money(p, 'amount', 'zh-CN')}（加权 ${money(p, 'weighted', 'zh-CN')}）：这部分差距属于时间延后，可能在下期落地。`,
  'review-collections': (p) =>
    `回款 ${money(p, 'actual', 'zh-CN')}，计划 ${money(p, 'plan', 'zh-CN')}（${Number(p.amount) >= 0 ? `超出 ${money(p, 'amount', 'zh-CN')}` : `差 ${money(p, 'amount', 'zh-CN')}`}）。`,
  'review-rec-rate': (p) => `下期「${p.from}→${p.to}」转化率按 ${p.updated}% 计划，而不是 ${p.plan}%（计划值与本期 ${n(p.entered, 'zh-CN')} 个样本加权）。`,
  'review-rec-deal-size': (p) => `下期客单价按 ${money(p, 'updated', 'zh-CN')} 计划，而不是 ${money(p, 'plan', 'zh-CN')}（计划值与本期 ${n(p.won, 'zh-CN')} 笔赢单加权）。`,
  'review-rec-target': (p) => {
    const grown = Number(p.growth) ? `（${signedPct(p.growth, 'zh-CN')}，即 ${money(p, 'bottomUp', 'zh-CN')}）` : '';
    const parts = [
      ...(Number(p.plan) >= 0 ? [`计划 ${money(p, 'plan', 'zh-CN')}`] : []),
      `实际 ${money(p, 'actual', 'zh-CN')}${grown}`,
      ...(p.market !== undefined ? [`市场视角 ${money(p, 'marketSize', 'zh-CN')} × ${p.share}% = ${money(p, 'market', 'zh-CN')}`] : []),
    ];
    const head = parts.slice(0, -1).join('、');
    const basis = parts.length === 1 ? `本期${parts[0]}` : `${head}${head.endsWith('）') ? '' : ' '}与${parts.at(-1)}`;
    const needs = p.leads !== undefined ? `；按更新后的转化率，需要 ${n(p.leads, 'zh-CN')} 条线索、${n(p.won, 'zh-CN')} 笔赢单` : '';
    return `建议下期目标 ${money(p, 'target', 'zh-CN')}，综合${basis}${needs}。`;
  },
};
export default messages;
