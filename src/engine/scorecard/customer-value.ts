/**
 * Two KPIs measured from the plan data by one definition each, shared by the scorecard and the
 * period review: CRM completeness (the open pipeline) and customer lifetime value (bookings with a
 * customer id). Pure: no DOM, integer minor units.
 */
import type { Actual, Opportunity } from '../plan/model.js';

/** How complete the CRM data of a set of open opportunities is. */
export interface CrmCompleteness {
  /** Open opportunities counted. */
  total: number;
  /** Those with every field the forecast needs. */
  complete: number;
  /** complete / total; null without open opportunities (nothing to measure). */
  share: number | null;
}

/**
 * CRM completeness (CRM 填写完整度): the share of open opportunities whose required fields are
 * filled — a product line (`productId`) and an expected close that is not in the past (on or after
 * `asOf`), what the forecast needs. Null share without open opportunities.
 *
 * @example crmCompleteness([{ productId: 'p', expectedClose: '2026-12-20' }, { expectedClose: '2026-12-20' }, { productId: 'p', expectedClose: '2026-11-01' }], '2026-12-01') // { total: 3, complete: 1, share: 1/3 }
 */
export function crmCompleteness(open: Iterable<Pick<Opportunity, 'productId' | 'expectedClose'>>, asOf: string): CrmCompleteness {
  let total = 0, complete = 0;
  for (const o of open) {
    total++;
    if (isComplete(o, asOf)) complete++;
  }
  return { total, complete, share: total > 0 ? complete / total : null };
}

/** Whether one open opportunity has every field `crmCompleteness` requires. */
export const isComplete = (o: Pick<Opportunity, 'productId' | 'expectedClose'>, asOf: string): boolean =>
  o.productId !== undefined && o.productId !== '' && o.expectedClose >= asOf;

/** Why customer lifetime value cannot be computed from the data. */
export type ClvUnavailableReason = 'no-customer-ids' | 'no-customers' | 'no-repeat-customers';
export const CLV_UNAVAILABLE_REASONS: readonly ClvUnavailableReason[] = ['no-customer-ids', 'no-customers', 'no-repeat-customers'];

export type ClvResult =
  | {
      available: true;
      /** The CLV, integer minor units. */
      value: number;
      /** Customers who booked in the period, and their average bookings in it (minor units, unrounded). */
      customers: number;
      averageValue: number;
      /** Share of the previous period's customers who booked again in this period. */
      repeatRate: number;
      /** Expected periods a customer stays: min(1 / (1 − repeatRate), maxPeriods). */
      lifetimePeriods: number;
    }
  | { available: false; reason: ClvUnavailableReason };

/** A date window, both ends included, `YYYY-MM-DD`. */
export interface DateWindow {
  start: string;
  end: string;
}

/** The expected lifetime is capped at this many periods (a repeat rate of 90% or more). */
export const CLV_MAX_PERIODS = 10;

/**
 * Customer lifetime value (客户生命周期价值, CLV) from bookings that name their customer
 * (`customerId`). The seed (sales-target-faq.zh.txt, ¶ on 质量型指标) lists CLV among the quality KPIs
 * to reward long customer relationships over one-off deals; it gives no formula, so this one is
 * the usual retention model:
 *
 *   average customer value  a = Σ bookings in the period / customers who booked in the period
 *   observed repeat rate    r = customers of the previous period who booked again in this one
 *                               / customers of the previous period
 *   CLV = a × min(1 / (1 − r), 10)   (expected periods a customer stays, capped at 10), rounded half up.
 *
 * The two periods have the same length (`previousPeriod`). Only bookings count; `period.end` should
 * be `asOf` while the period runs. Not available, with the reason, when no booking names a customer
 * (`no-customer-ids`), no customer booked in the period (`no-customers`), or no customer of the
 * previous period booked again (`no-repeat-customers`: nothing shows a relationship lasts).
 *
 * @example
 * // Period: c1 ¥1,000, c2 ¥1,000 + ¥2,000 → a = ¥2,000; previous period: c1, c3 → r = 1/2, lifetime 2
 * customerLifetimeValue(bookings, { start: '2026-07-01', end: '2026-09-30' }, { start: '2026-04-01', end: '2026-06-30' }) // value 400_000 (¥4,000)
 */
export function customerLifetimeValue(records: Iterable<Pick<Actual, 'type' | 'date' | 'amount' | 'customerId'>>, period: DateWindow, previous: DateWindow): ClvResult {
  let named = false, sum = 0;
  const now = new Set<string>(), before = new Set<string>();
  for (const a of records) {
    if (a.type !== 'booking' || a.customerId === undefined || a.customerId === '') continue;
    named = true;
    if (a.date >= period.start && a.date <= period.end) {
      now.add(a.customerId);
      sum += a.amount;
    } else if (a.date >= previous.start && a.date <= previous.end) before.add(a.customerId);
  }
  if (!named) return { available: false, reason: 'no-customer-ids' };
  if (now.size === 0) return { available: false, reason: 'no-customers' };
  let repeated = 0;
  for (const c of before) if (now.has(c)) repeated++;
  if (repeated === 0) return { available: false, reason: 'no-repeat-customers' };
  const repeatRate = repeated / before.size;
  const lifetimePeriods = repeatRate >= 1 - 1 / CLV_MAX_PERIODS ? CLV_MAX_PERIODS : 1 / (1 - repeatRate);
  const averageValue = sum / now.size;
  return { available: true, value: Math.round(averageValue * lifetimePeriods + 1e-9), customers: now.size, averageValue, repeatRate, lifetimePeriods };
}
