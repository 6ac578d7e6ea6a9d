import type { LocalizedMessages, Params } from '../types.js';
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

const FIELD_EN: Record<string, string> = { avgDealSize: 'average deal size' };
const FIELD_ZH: Record<string, string> = { avgDealSize: '客单价' };

export const reviewMessages: LocalizedMessages = {
  en: {
    'review-amount-invalid': ({ field, value }) => `${field} must be a whole amount of 0 or more (got ${value}).`,
    'review-count-invalid': ({ stage, value }) => `The count of "${stage}" must be a whole number of 0 or more (got ${value}).`,
    'review-plan-incomplete': ({ field }) =>
      `The plan has a target but no ${FIELD_EN[String(field)] ?? `conversion rate for "${field}"`}: give the funnel assumptions, or load history to learn them from.`,
    'review-option-invalid': ({ option, value }) => `The option ${option} is not valid (got ${value}).`,
    'review-node-unknown': ({ node }) => `There is no team or person "${node}" in the organization.`,
    'review-date-invalid': ({ value }) => `"${value}" is not a date (YYYY-MM-DD).`,
    'review-market-invalid': ({ size, share }) =>
      `The market view needs a size of 0 or more in whole minor units and a target share between 0 and 1 (got size ${size}, share ${share}).`,
    'scorecard-date-invalid': ({ value }) => `"${value}" is not a date (YYYY-MM-DD).`,
    'scorecard-option-invalid': ({ option, value }) => `The scorecard setting ${option} is not valid (got ${value}).`,
    'scorecard-kpi-invalid': ({ kpi, person, value }) => `The ${kpi} of "${person}" must be a number of 0 or more (got ${value}).`,
    'review-counts-inconsistent': ({ revenue, won }) =>
      revenue !== undefined && Number(won) === 0 && Number(revenue) > 0
        ? 'Revenue was booked but no won deal was counted: the funnel counts are incomplete, so the gap cannot be split by stage.'
        : 'The funnel counts do not add up (a later stage was counted after an empty one), so the gap cannot be split by stage.',
    'review-diagnosis-no-plan': () => 'There is no revenue target for this period, so there is no gap to explain.',
    'review-diagnosis-deal-size': (p) =>
      `The average deal size fell from ${money(p, 'plan', 'en')} to ${money(p, 'actual', 'en')} (${signedPct(p.delta, 'en')}), the largest shortfall of any factor: the problem is deal size, not the funnel.`,
    'review-no-plan': (p) => `${money(p, 'amount', 'en')} was booked without a target for the period.`,
    'review-effect-leads': (p) =>
      `Leads were ${n(p.actual, 'en')} against ${n(p.plan, 'en')} planned (${signedPct(p.delta, 'en')}): ${Number(p.amount) >= 0 ? 'worth' : 'cost'} ${money(p, 'amount', 'en')} of revenue.`,
    'review-effect-rate': (p) =>
      `${p.from}→${p.to} converted ${p.actual}% against ${p.plan}% planned: ${Number(p.amount) >= 0 ? 'worth' : 'cost'} ${money(p, 'amount', 'en')}.`,
    'review-effect-deal-size': (p) =>
      `The average deal was ${money(p, 'actual', 'en')} against ${money(p, 'plan', 'en')} planned (${signedPct(p.delta, 'en')}): ${Number(p.amount) >= 0 ? 'worth' : 'cost'} ${money(p, 'amount', 'en')}.`,
    'review-timing': (p) =>
      `${p.count} ${Number(p.count) === 1 ? 'deal' : 'deals'} worth ${money(p, 'amount', 'en')} (${money(p, 'weighted', 'en')} weighted) expected to close in the period ${Number(p.count) === 1 ? 'is' : 'are'} still open: that part of the gap is timing and may land next period.`,
    'review-collections': (p) =>
      `Collections were ${money(p, 'actual', 'en')} against ${money(p, 'plan', 'en')} planned (${Number(p.amount) >= 0 ? `${money(p, 'amount', 'en')} ahead` : `${money(p, 'amount', 'en')} short`}).`,
    'review-rec-rate': (p) =>
      `Plan ${p.from}→${p.to} at ${p.updated}% next cycle instead of ${p.plan}% (the plan blended with ${n(p.entered, 'en')} observed).`,
    'review-rec-deal-size': (p) =>
      `Plan an average deal of ${money(p, 'updated', 'en')} instead of ${money(p, 'plan', 'en')} (the plan blended with ${p.won} won ${Number(p.won) === 1 ? 'deal' : 'deals'}).`,
    'review-rec-target': (p) => {
      const grown = Number(p.growth) ? `, ${signedPct(p.growth, 'en')} → ${money(p, 'bottomUp', 'en')}` : '';
      const parts = [
        ...(Number(p.plan) >= 0 ? [`the plan (${money(p, 'plan', 'en')})`] : []),
        `the actual (${money(p, 'actual', 'en')}${grown})`,
        ...(p.market !== undefined ? [`the market view (${money(p, 'marketSize', 'en')} × ${p.share}% = ${money(p, 'market', 'en')})`] : []),
      ];
      const basis = parts.length === 1 ? `this period's ${money(p, 'actual', 'en')}${grown ? ` (${grown.slice(2)})` : ''}` : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
      const needs = p.leads !== undefined ? `; at the updated rates it needs ${n(p.leads, 'en')} leads and ${n(p.won, 'en')} won deals` : '';
      return `Proposed next target: ${money(p, 'target', 'en')}, a blend of ${basis}${needs}.`;
    },
  },
  'zh-CN': {
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
  },
};
