/**
 * Credited revenue for a commission plan's payment basis: bookings (minus clawbacks) or collections
 * (回款), per product line.
 */
import type { Actual } from '../plan/model.js';
import { addDays } from '../calendar/periods.js';
import type { CommissionPlan } from './plan.js';

// The clawback deadline of a booking day, once per day (a company has 100,000 bookings on a few hundred days).
const dues = new Map<string, string>();
const dueOf = (date: string, days: number): string => {
  const key = `${date}|${days}`;
  let d = dues.get(key);
  if (d === undefined) {
    d = addDays(date, days);
    if (dues.size >= 4096) dues.clear();
    dues.set(key, d);
  }
  return d;
};

export interface ClawbackBooking {
  id: string;
  productId: string;
  date: string;
  /** The last day to collect it. */
  due: string;
  amount: number;
  collected: number;
  clawedBack: number;
}

export interface Credited {
  revenue: Map<string | null, number>;
  /**
   * Bookings in the period before any clawback, whatever the basis: the figure the goal tree and
   * the gauges show as the actual (the read model's `actualOf`), shown beside the credited one.
   */
  booked: number;
  gross: Map<string | null, number>;
  clawed: ClawbackBooking[];
}

/**
 * Credited revenue by product for the plan's basis; bookings past their collection deadline are
 * clawed back. `listed: false` (a team's figures, 100,000 people): the same `revenue` and `booked`,
 * without a copy for `gross` (the same map) and without the clawed-back bookings listed (empty).
 */
export function credit(plan: CommissionPlan, personId: string, actuals: readonly Actual[], from: string, to: string, asOf: string, listed = true): Credited {
  const type = plan.basis === 'booked' ? 'booking' : 'collection';
  const revenue = new Map<string | null, number>();
  let booked = 0;
  for (const a of actuals) {
    if (a.repId !== personId || a.date < from || a.date > to) continue;
    if (a.type === type) revenue.set(a.productId, (revenue.get(a.productId) ?? 0) + a.amount);
    if (a.type === 'booking') booked += a.amount;
  }
  const gross = listed ? new Map(revenue) : revenue;
  const clawed: ClawbackBooking[] = [];
  if (plan.basis === 'booked' && plan.clawback) {
    // A late payment (after the deadline, by asOf) restores the booking: only cash still missing is clawed back.
    const collected = new Map<string, number>();
    for (const a of actuals) if (a.repId === personId && a.type === 'collection' && a.bookingId && a.date <= asOf) collected.set(a.bookingId, (collected.get(a.bookingId) ?? 0) + a.amount);
    for (const b of actuals) {
      if (b.repId !== personId || b.type !== 'booking' || b.date < from || b.date > to || b.amount <= 0) continue;
      const due = dueOf(b.date, plan.clawback.days);
      const got = collected.get(b.id) ?? 0;
      if (due >= asOf || got >= b.amount) continue;
      const clawedBack = b.amount - Math.max(0, got);
      revenue.set(b.productId, (revenue.get(b.productId) ?? 0) - clawedBack);
      if (listed) clawed.push({ id: b.id, productId: b.productId, date: b.date, due, amount: b.amount, collected: got, clawedBack });
    }
  }
  return { revenue, booked, gross, clawed };
}

