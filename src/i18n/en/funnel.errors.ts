// English: the messages of the funnel area (one language per module).
import type { MessageTable, Params } from '../types.js';
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

/**
 * Messages for the funnel engine: its error codes and the sentences of `diagnoseFunnel`.
 * Stage names arrive as `stage`, `from` and `to` (ids, or display names substituted by the UI).
 */
const messages: MessageTable = {
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
  'funnel-context-failed': ({ message }) => (message ? `The funnel's data could not be gathered: ${message}` : `The funnel's data could not be gathered.`),
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
};
export default messages;
