// English: the messages of the review area (one language per module).
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

const FIELD_EN: Record<string, string> = { avgDealSize: 'average deal size' };

const messages: MessageTable = {
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
  'scorecard-failed': ({ message }) => `The scorecards could not be computed: ${message}`,
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
};
export default messages;
