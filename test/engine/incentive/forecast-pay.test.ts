/**
 * Issue 16 items 3 and 7: the payout effect of a suggested cut books the forecast in the rep's
 * product mix, so the new-product coefficient and bonus count as in the incentive calculator.
 * Figures by hand, in fen: a flat 10 %, new products ×1.5, ¥5,000 (500,000) when new products are
 * ≥ 20 % of the credited revenue.
 */
import { expect } from '@open-wc/testing';
import { bookedMix, forecastBookings, forecastPayouts } from '../../../src/engine/incentive/forecast-pay.js';
import type { CommissionPlan } from '../../../src/engine/incentive/plan.js';
import type { Actual } from '../../../src/engine/plan/model.js';

const PLAN: CommissionPlan = { id: 'p', basis: 'booked', tiers: [{ from: 0, rate: 0.1 }], newProductMultiplier: 1.5, newProductBonus: { share: 0.2, amount: 500_000 } };
const booking = (id: string, repId: string, productId: string, amount: number, type: Actual['type'] = 'booking'): Actual => ({ id, repId, productId, date: '2026-03-01', type, amount });

describe('forecastPayouts (the payout effect of a target change)', () => {
  it('books the mix so far: ai 1 : core 3 of ¥100,000 → 2,500,000 × 10 % × 1.5 + 7,500,000 × 10 % + the ¥5,000 bonus = 1,625,000', () => {
    const r = forecastPayouts(PLAN, { repId: 'r1', forecast: 10_000_000, target: 20_000_000, changed: 12_000_000, mix: new Map([['ai', 1], ['core', 3]]), newProductIds: ['ai'] });
    // 375,000 + 750,000 + 500,000; a flat rate pays the same on either target.
    expect(r.ok && r.value).to.deep.equal({ before: 1_625_000, after: 1_625_000 });
  });

  it('without the plan data naming ai new, ai is a plain line: 10 % of ¥100,000 = 1,000,000', () => {
    const r = forecastPayouts(PLAN, { repId: 'r1', forecast: 10_000_000, target: 20_000_000, changed: 12_000_000, mix: new Map([['ai', 1], ['core', 3]]), newProductIds: [] });
    expect(r.ok && r.value).to.deep.equal({ before: 1_000_000, after: 1_000_000 });
  });

  it('new products under 20 % earn the coefficient but no bonus: ai 1 : core 9 → 1,000,000 × 0.15 + 9,000,000 × 0.1 = 1,050,000', () => {
    const r = forecastPayouts(PLAN, { repId: 'r1', forecast: 10_000_000, target: 20_000_000, changed: 12_000_000, mix: new Map([['ai', 1], ['core', 9]]), newProductIds: ['ai'] });
    expect(r.ok && r.value).to.deep.equal({ before: 1_050_000, after: 1_050_000 });
  });

  it('a rep who has booked nothing yet: the forecast on no line, 1,000,000', () => {
    const r = forecastPayouts(PLAN, { repId: 'r1', forecast: 10_000_000, target: 20_000_000, changed: 12_000_000, newProductIds: ['ai'] });
    expect(r.ok && r.value).to.deep.equal({ before: 1_000_000, after: 1_000_000 });
  });

  it('splits by largest remainder so the parts add up: 100 over 1 : 1 : 1 → 34 / 33 / 33, and collects each part on a collected basis', () => {
    const b = forecastBookings('r1', 100, new Map([['c', 1], ['a', 1], ['b', 1]]), 'booked');
    expect(b.map((x) => [x.productId, x.amount])).to.deep.equal([['a', 34], ['b', 33], ['c', 33]]);
    const c = forecastBookings('r1', 100, new Map([['a', 1]]), 'collected');
    expect(c.map((x) => [x.type, x.amount, x.bookingId ?? null])).to.deep.equal([['booking', 100, null], ['collection', 100, 'forecast-0']]);
  });

  it('bookedMix sums bookings per rep and line, nothing else', () => {
    const mix = bookedMix([booking('1', 'r1', 'ai', 300), booking('2', 'r1', 'ai', 200), booking('3', 'r1', 'core', 100), booking('4', 'r1', 'core', 999, 'collection'), booking('5', 'r2', 'core', 7)]);
    expect([...mix].map(([r, m]) => [r, [...m]])).to.deep.equal([['r1', [['ai', 500], ['core', 100]]], ['r2', [['core', 7]]]]);
  });
});
