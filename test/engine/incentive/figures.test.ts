import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Actual } from '../../../src/engine/plan/model.js';
import { computePayout, payoutFigures, teamFigures, SAMPLE_COMMISSION_PLAN, type CommissionPlan, type Payout, type PayoutPerson } from '../../../src/engine/incentive/commission.js';
import { computeTeamPayouts } from '../../../src/engine/incentive/team.js';

/**
 * Issue 12 item 5: a company's payout table sorts and totals 100,000 people, but shows the lines of
 * one page. `payoutFigures` gives the numbers without the lines; they must be `computePayout`'s,
 * on every plan feature (tiers, multipliers, decelerator, gate, new-product bonus, ramp bonus, cap,
 * clawback), and a team's payouts are built only when read.
 */
const TIERS = [
  { from: 0, rate: 0 },
  { from: 0.5, rate: 0.05 },
  { from: 1, rate: 0.08 },
  { from: 1.5, rate: 0.1 },
];
const PLANS: CommissionPlan[] = [
  SAMPLE_COMMISSION_PLAN,
  { basis: 'booked', tiers: TIERS },
  { basis: 'collected', tiers: TIERS, threshold: 0.6, cap: { amount: 900_000 } },
  {
    basis: 'booked', tiers: [{ from: 0, rate: 0.03 }, { from: 0.8, rate: 0.07 }], decelerator: { floor: 0.9, factor: 0.25 }, threshold: 0.2,
    products: [{ id: 'ai', multiplier: 2, new: true }, { id: 'svc', multiplier: 0.5 }], newProductBonus: { share: 0.1, amount: 77_777 },
    rampBonus: { amount: 123_457, minAttainment: 0.4 }, clawback: { days: 20 }, cap: { targetRatio: 0.05 },
  },
];
const PRODUCTS = ['core', 'ai', 'svc', 'cloud'];

describe('payoutFigures', () => {
  it('equals computePayout’s revenue, booked, target, attainment, commission, total and ramp bonus (random people and bookings)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PLANS.length - 1 }),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.option(fc.integer({ min: 0, max: 50_000_000 })),
        fc.option(fc.constantFrom('2026-01-15', '2025-11-01', '2024-01-01')),
        fc.array(fc.record({ amount: fc.integer({ min: -2_000_000, max: 30_000_000 }), product: fc.constantFrom(...PRODUCTS), day: fc.integer({ min: 1, max: 28 }), month: fc.integer({ min: 1, max: 3 }), paid: fc.boolean() }), { maxLength: 8 }),
        (p, target, original, hireDate, bookings) => {
          const person: PayoutPerson = { id: 'r1', target, ...(original !== null ? { originalTarget: original } : {}), ...(hireDate ? { hireDate } : {}) };
          const actuals: Actual[] = [];
          bookings.forEach((b, i) => {
            const date = `2026-0${b.month}-${String(b.day).padStart(2, '0')}`;
            actuals.push({ id: `b${i}`, repId: 'r1', productId: b.product, date, type: 'booking', amount: b.amount });
            if (b.paid && b.amount > 0) actuals.push({ id: `c${i}`, repId: 'r1', productId: b.product, date: '2026-03-20', type: 'collection', amount: b.amount, bookingId: `b${i}` });
          });
          const options = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31', newProductIds: ['cloud'] };
          const full = computePayout(PLANS[p], person, actuals, options);
          const f = payoutFigures(PLANS[p], person, actuals, options);
          if (!full.ok || !f.ok) {
            expect(f).to.deep.equal(full);
            return;
          }
          const q = full.value;
          expect(f.value).to.deep.equal({
            revenue: q.revenue, booked: q.booked, target: q.target, originalTarget: q.originalTarget, attainment: q.attainment,
            commission: q.commission, total: q.total, rampBonus: q.lines.find((l) => l.kind === 'ramp-bonus')?.amount ?? 0,
          });
        },
      ),
      { numRuns: 400, seed: 12_005 },
    );
  });

  it('teamFigures (the plan compiled once for a team) gives payoutFigures’ figures and errors, person by person', () => {
    // A team on each plan: people with and without targets, hire dates on ramp, clawed-back and
    // collected bookings, new and old products, amounts up to ¥300,000 and a negative correction.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: PLANS.length - 1 }),
        fc.array(
          fc.record({
            target: fc.integer({ min: -5, max: 50_000_000 }),
            hireDate: fc.option(fc.constantFrom('2026-01-15', '2025-11-01', '2024-01-01', '2026-02-30')),
            bookings: fc.array(fc.record({ amount: fc.integer({ min: -2_000_000, max: 30_000_000 }), product: fc.constantFrom(...PRODUCTS), day: fc.integer({ min: 1, max: 28 }), paid: fc.boolean() }), { maxLength: 5 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (p, team) => {
          const options = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31', newProductIds: ['cloud', 'ai'] };
          const figures = teamFigures(PLANS[p], options);
          team.forEach((m, k) => {
            const person: PayoutPerson = { id: `r${k}`, target: m.target, ...(m.hireDate ? { hireDate: m.hireDate } : {}) };
            const actuals: Actual[] = [];
            m.bookings.forEach((b, i) => {
              const date = `2026-02-${String(b.day).padStart(2, '0')}`;
              actuals.push({ id: `b${k}-${i}`, repId: person.id, productId: b.product, date, type: 'booking', amount: b.amount });
              if (b.paid && b.amount > 0) actuals.push({ id: `c${k}-${i}`, repId: person.id, productId: b.product, date: '2026-03-20', type: 'collection', amount: b.amount, bookingId: `b${k}-${i}` });
            });
            expect(figures(person, actuals)).to.deep.equal(payoutFigures(PLANS[p], person, actuals, options));
          });
        },
      ),
      { numRuns: 200, seed: 12_006 },
    );
  });

  it('gives computePayout’s errors', () => {
    const f = payoutFigures(SAMPLE_COMMISSION_PLAN, { id: 'r9', target: 0 }, []);
    expect(!f.ok && f.error.code).to.equal('incentive-target-invalid');
  });
});

describe('computeTeamPayouts builds each payout when read', () => {
  // Mentor v (target ¥100,000, booked ¥100,000) with new hires a and b, who each reach 100 % and earn
  // the ¥3,000 ramp bonus; mentoring 20 % of ¥6,000 = ¥1,200, capped at ¥2,000 → ¥1,200 (¥600 each).
  const people: PayoutPerson[] = [
    { id: 'v', name: 'V', target: 10_000_000 },
    { id: 'a', name: 'A', target: 1_000_000, hireDate: '2026-02-01', mentorId: 'v' },
    { id: 'b', name: 'B', target: 1_000_000, hireDate: '2026-02-01', mentorId: 'v' },
    { id: 'x', name: 'X', target: 0 },
  ];
  const actuals: Actual[] = [
    { id: 'bv', repId: 'v', productId: 'core', date: '2026-02-10', type: 'booking', amount: 10_000_000 },
    { id: 'cv', repId: 'v', productId: 'core', date: '2026-02-20', type: 'collection', amount: 10_000_000, bookingId: 'bv' },
    { id: 'ba', repId: 'a', productId: 'core', date: '2026-02-10', type: 'booking', amount: 1_000_000 },
    { id: 'ca', repId: 'a', productId: 'core', date: '2026-02-20', type: 'collection', amount: 1_000_000, bookingId: 'ba' },
    { id: 'bb', repId: 'b', productId: 'core', date: '2026-02-10', type: 'booking', amount: 1_000_000 },
    { id: 'cb', repId: 'b', productId: 'core', date: '2026-02-20', type: 'collection', amount: 1_000_000, bookingId: 'bb' },
  ];
  const options = { from: '2026-01-01', to: '2026-03-31', asOf: '2026-03-31' };

  it('totals and sorts from the figures, and each payout read equals computePayout (the mentor’s with the credit)', () => {
    const r = computeTeamPayouts(SAMPLE_COMMISSION_PLAN, people, actuals, options);
    if (!r.ok) throw new Error(r.error.message);
    const [v, a, b, x] = r.value.rows;
    expect(x.error?.code).to.equal('incentive-target-invalid');
    expect(r.value.mentoring.map((m) => [m.mentorId, m.credit, m.mentees.map((e) => e.credit)])).to.deep.equal([['v', 120_000, [60_000, 60_000]]]);
    if (v.error !== null || a.error !== null || b.error !== null) throw new Error('unpaid');
    // v at 100 %: 50 % × 0 + 50 % × 5 % × ¥100,000 = ¥2,500, plus the ¥1,200 credit.
    expect([v.figures.commission, v.figures.total]).to.deep.equal([250_000, 370_000]);
    // a and b at 100 % of ¥10,000: ¥250 commission + the ¥3,000 ramp bonus = ¥3,250, capped at 20 % of the target: ¥2,000.
    expect([a.figures.commission, a.figures.total, a.figures.rampBonus, b.figures.total]).to.deep.equal([25_000, 200_000, 300_000, 200_000]);
    expect(r.value.totals).to.deep.equal({ target: 12_000_000, revenue: 12_000_000, commission: 300_000, mentoring: 120_000, total: 770_000, people: 3, attainment: 1 });
    const alone = computePayout(SAMPLE_COMMISSION_PLAN, people[1], actuals.filter((q) => q.repId === 'a'), options);
    // Every field but the what-if function (a closure of its own).
    const plain = ({ whatIf, ...rest }: Payout) => (void whatIf, rest);
    if (!alone.ok) throw new Error(alone.error.message);
    expect(plain(a.payout)).to.deep.equal(plain(alone.value));
    expect(v.payout.total).to.equal(v.figures.total);
    expect(v.payout.lines.filter((l) => l.kind === 'mentoring').map((l) => l.amount)).to.deep.equal([60_000, 60_000]);
  });
});
