import type { LocalizedMessages, Params } from '../types.js';
import { formatMoney } from '../../engine/money/money.js';

/** A money parameter: minor units (formatted in `currency`), or text the UI formatted already. */
const money = (v: string | number | undefined, p: Params, locale: 'en' | 'zh-CN') =>
  typeof v === 'number' ? formatMoney(Math.abs(v), { currency: String(p.currency ?? 'CNY'), locale, compact: true }) : String(v ?? '');

/** A rate given as a ratio (0.35) shown as a percentage (35%). */
const pct = (v: string | number) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : v);

const leadsEn = ({ leadsDelta: d }: Params) =>
  typeof d !== 'number' ? '' : d > 0 ? `Leads ${d}% above plan but ` : d < 0 ? `Leads ${-d}% below plan and ` : 'Leads on plan but ';
const dropEn = (p: Params) => {
  const lead = leadsEn(p);
  const conv = `the ${p.from}→${p.to} conversion fell from ${p.planRate}% to ${p.actualRate}%`;
  return lead ? lead + conv : conv.charAt(0).toUpperCase() + conv.slice(1);
};

const leadsZh = ({ leadsDelta: d }: Params) =>
  typeof d !== 'number' ? '' : d > 0 ? `线索比计划高 ${d}%，但` : d < 0 ? `线索比计划低 ${-d}%，且` : '线索与计划持平，但';
const dropZh = (p: Params) => `${leadsZh(p)}「${p.from}→${p.to}」的转化率从 ${p.planRate}% 降至 ${p.actualRate}%`;

/**
 * Messages for the funnel engine: its error codes and the sentences of `diagnoseFunnel`.
 * Stage names arrive as `stage`, `from` and `to` (ids, or display names substituted by the UI).
 */
export const funnelMessages: LocalizedMessages = {
  en: {
    'funnel-target-invalid': ({ value }) => `The target must be a whole amount of 0 or more (got ${value}).`,
    'funnel-deal-size-invalid': ({ value }) => `The average deal size must be a whole amount above 0 (got ${value}).`,
    'funnel-stages-invalid': ({ reason, stage }) =>
      reason === 'duplicate' ? `The stage "${stage}" appears twice.`
      : reason === 'too-few' ? 'At least two funnel stages are needed.'
      : reason === 'id' ? 'Every funnel stage needs an id.'
      : 'The funnel has no stages.',
    'funnel-rate-missing': ({ stage }) => `Enter a conversion rate for "${stage}".`,
    'funnel-rate-zero': ({ stage }) => `The conversion rate of "${stage}" is 0%: no target can be reached through it.`,
    'funnel-rate-negative': ({ stage, rate }) => `The conversion rate of "${stage}" cannot be negative (${pct(rate)}).`,
    'funnel-rate-above-one': ({ stage, rate }) => `The conversion rate of "${stage}" cannot be above 100% (${pct(rate)}).`,
    'funnel-count-invalid': ({ stage }) => `The count for "${stage}" must be a whole number of 0 or more.`,
    'funnel-count-overflow': ({ stage }) => `"${stage}" would need more items than can be counted exactly; check the rates and the target.`,
    'funnel-node-unknown': ({ nodeId }) => `There is no team or person "${nodeId}" in the organization.`,
    'funnel-window-invalid': ({ from, to }) => `${from} to ${to} is not a valid date range.`,
    'funnel-min-sample-invalid': ({ value }) => `The minimum sample must be a whole number of 1 or more (got ${value}).`,
    'funnel-no-capacity': () => 'No rep can carry this requirement: there are no reps, or all of them have zero capacity or have not started yet.',
    'funnel-weight-invalid': ({ id }) => `The capacity of "${id}" must be a number of 0 or more.`,
    'funnel-no-working-days': ({ from, to }) => `There are no working days from ${from} to ${to}.`,
    'funnel-month-invalid': ({ month }) => `"${month}" is not a month (YYYY-MM).`,
    'funnel-days-invalid': ({ stage }) => `Enter the average number of days a deal spends in "${stage}" (0 or more).`,
    'funnel-confidence-invalid': ({ value }) => `The confidence level must be between 0% and 100%, exclusive (got ${value}).`,
    'funnel-diagnosis-leads': (p) =>
      `Leads are ${-Number(p.leadsDelta)}% below plan (${p.actual} vs ${p.plan}), the largest shortfall of any stage: the problem is lead generation at the top of the funnel.`,
    'funnel-diagnosis-top': (p) => `${dropEn(p)}: the problem is lead quality and qualification at the top of the funnel.`,
    'funnel-diagnosis-middle': (p) => `${dropEn(p)}: the problem is the middle of the funnel, not lead generation.`,
    'funnel-diagnosis-bottom': (p) => `${dropEn(p)}: the problem is closing, at the bottom of the funnel.`,
    'funnel-diagnosis-deal-size': (p) =>
      `The average deal size fell from ${money(p.plan, p, 'en')} to ${money(p.actual, p, 'en')} (${p.delta}%), the largest shortfall of any factor: the problem is deal size, not the funnel.`,
    'funnel-diagnosis-on-plan': () => 'Every stage is at or above plan: there is no bottleneck.',
  },
  'zh-CN': {
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
  },
};
