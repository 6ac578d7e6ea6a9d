/**
 * What a target change does to a rep's pay if they book their forecast (issue 16 item 7: a suggested
 * cut shows its effect on payout). The forecast is booked over the rep's product lines in the
 * proportions of what they have booked so far, so the commission plan's product multipliers, the
 * new-product coefficient and the new-product bonus count the way the incentive calculator counts
 * them (issue 16 item 3: one set of product rules); with nothing booked yet it goes to no line.
 */
import { allocate } from '../plan/allocate.js';
import type { Actual } from '../plan/model.js';
import { fail, ok, type Result } from '../shared/result.js';
import { computePayout } from './commission.js';
import type { CommissionPlan } from './plan.js';

/** Booked revenue per rep and product line (bookings only), from a period's or a year's actuals. */
export function bookedMix(actuals: readonly Actual[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const a of actuals) {
    if (a.type !== 'booking' || !(a.amount > 0)) continue;
    let m = out.get(a.repId);
    if (!m) out.set(a.repId, (m = new Map()));
    m.set(a.productId, (m.get(a.productId) ?? 0) + a.amount);
  }
  return out;
}

/**
 * The forecast as bookings (collected the same day when the plan pays on collections): split over
 * `mix` by largest remainder so the parts add up to `forecast` exactly, in product id order.
 *
 * @example forecastBookings('r1', 1_000, new Map([['ai', 1], ['core', 3]]), 'booked').map((a) => [a.productId, a.amount])
 * // [['ai', 250], ['core', 750]]
 */
export function forecastBookings(repId: string, forecast: number, mix: ReadonlyMap<string, number> | undefined, basis: CommissionPlan['basis']): Actual[] {
  const lines = [...(mix ?? [])].filter(([, v]) => v > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const split = lines.length ? allocate(forecast, lines.map(([id, v]) => ({ id, weight: v }))) : null;
  const parts: [string, number][] = split?.ok ? lines.map(([id]) => [id, split.value.values[id] ?? 0]) : [['', forecast]];
  const out: Actual[] = [];
  parts.forEach(([productId, amount], i) => {
    if (amount <= 0 && parts.length > 1) return;
    const booking: Actual = { id: `forecast-${i}`, repId, productId, date: '2000-01-01', type: 'booking', amount };
    out.push(booking);
    if (basis === 'collected') out.push({ ...booking, id: `forecast-${i}-cash`, type: 'collection', bookingId: booking.id });
  });
  return out;
}

/**
 * The payout if `repId` books `forecast` (whole minor units), against the target now and against
 * the changed one, with the plan data's new product lines (`newProductIds`).
 *
 * @example
 * // A flat 10 % with new products ×1.5, a rep who sold ai 1 : core 3, forecast ¥1,000:
 * // 250 × 10 % × 1.5 + 750 × 10 % = 112.5 → before and after both ¥112.50 (a flat rate ignores the target)
 */
export function forecastPayouts(
  plan: CommissionPlan,
  input: { repId: string; forecast: number; target: number; changed: number; mix?: ReadonlyMap<string, number>; newProductIds?: readonly string[] },
): Result<{ before: number; after: number }> {
  if (!Number.isSafeInteger(input.forecast) || input.forecast < 0) return fail('incentive-amount-invalid', `forecast ${input.forecast} is not a whole amount ≥ 0`, { amount: String(input.forecast) });
  const actuals = forecastBookings(input.repId, input.forecast, input.mix, plan.basis);
  const options = { asOf: '2000-01-01', ...(input.newProductIds ? { newProductIds: input.newProductIds } : {}) };
  const before = computePayout(plan, { id: input.repId, target: input.target }, actuals, options);
  if (!before.ok) return before;
  const after = computePayout(plan, { id: input.repId, target: input.changed }, actuals, options);
  if (!after.ok) return after;
  return ok({ before: before.value.total, after: after.value.total });
}
