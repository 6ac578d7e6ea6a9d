import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Actual } from '../../../src/engine/plan/model.js';
import {
  computePayout,
  parseCommissionPlan,
  payoutCurve,
  roundLines,
  whatIfPayout,
  SAMPLE_COMMISSION_PLAN,
  type CommissionPlan,
  type Payout,
  type PayoutLine,
} from '../../../src/engine/incentive/commission.js';

// Money in 分: ¥1 = 100. Target ¥100,000 = 10,000,000 分 throughout unless said otherwise.
const T = 10_000_000;
const TIERS = [
  { from: 0, rate: 0 },
  { from: 0.5, rate: 0.05 },
  { from: 1, rate: 0.08 },
  { from: 1.5, rate: 0.1 },
];
const plan = (extra: Partial<CommissionPlan> = {}): CommissionPlan => ({ basis: 'booked', tiers: TIERS, ...extra });

let n = 0;
const booking = (amount: number, productId = 'core', date = '2026-02-01', repId = 'r1'): Actual => ({ id: `b${++n}`, repId, productId, date, type: 'booking', amount });
const collection = (amount: number, bookingId: string, date: string, productId = 'core'): Actual => ({ id: `c${++n}`, repId: 'r1', productId, date, type: 'collection', amount, bookingId });

function pay(p: CommissionPlan, actuals: Actual[], target = T, extra: Record<string, unknown> = {}): Payout {
  const r = computePayout(p, { id: 'r1', target, ...extra }, actuals, { asOf: '2026-03-31' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
const sum = (lines: readonly { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);
const tierAmounts = (p: Payout) => p.lines.filter((l): l is Extract<PayoutLine, { kind: 'tier' }> => l.kind === 'tier').map((l) => l.amount);
const tierRevenues = (p: Payout) => p.lines.filter((l): l is Extract<PayoutLine, { kind: 'tier' }> => l.kind === 'tier').map((l) => l.revenue);

describe('computePayout: tiers', () => {
  it('pays nothing at exactly 50 % and names the next tier', () => {
    const p = pay(plan(), [booking(5_000_000)]);
    expect(p.attainment).to.equal(0.5);
    expect(p.total).to.equal(0);
    expect(tierRevenues(p)).to.deep.equal([5_000_000, 0, 0, 0]);
    // At 50 % the person is in the 5 % band; the next boundary is 100 %: ¥50,000 more × 5 % = ¥2,500.
    expect(p.next).to.deep.equal({ kind: 'tier', attainment: 1, rate: 0.08, revenueNeeded: 5_000_000, payoutGain: 250_000 });
  });

  it('one fen below 50 % the next step is the 5 % tier, one fen away', () => {
    const p = pay(plan(), [booking(4_999_999)]);
    expect(p.next).to.deep.include({ kind: 'tier', rate: 0.05, revenueNeeded: 1, payoutGain: 0 });
  });

  it('pays ¥2,500 at exactly 100 %: 50,000 × 5 %', () => {
    const p = pay(plan(), [booking(10_000_000)]);
    expect(tierAmounts(p)).to.deep.equal([0, 250_000, 0, 0]);
    expect(p.total).to.equal(250_000);
    expect(p.next).to.deep.equal({ kind: 'tier', attainment: 1.5, rate: 0.1, revenueNeeded: 5_000_000, payoutGain: 400_000 });
  });

  it('pays ¥6,500 at exactly 150 %: 2,500 + 50,000 × 8 %', () => {
    const p = pay(plan(), [booking(15_000_000)]);
    expect(tierAmounts(p)).to.deep.equal([0, 250_000, 400_000, 0]);
    expect(p.total).to.equal(650_000);
    expect(p.next).to.equal(null);
  });

  it('pays ¥11,500 at 200 %: 6,500 + 50,000 × 10 %, the top tier open-ended', () => {
    const p = pay(plan(), [booking(20_000_000)]);
    expect(tierAmounts(p)).to.deep.equal([0, 250_000, 400_000, 500_000]);
    expect(tierRevenues(p)).to.deep.equal([5_000_000, 5_000_000, 5_000_000, 5_000_000]);
    expect(p.total).to.equal(1_150_000);
  });

  it('only counts the person’s own actuals inside the period', () => {
    const r = computePayout(plan(), { id: 'r1', target: T }, [booking(10_000_000), booking(9_000_000, 'core', '2026-02-01', 'r2'), booking(7_000_000, 'core', '2026-04-02')], { from: '2026-01-01', to: '2026-03-31', asOf: '2026-04-10' });
    expect(r.ok && r.value.revenue).to.equal(10_000_000);
  });

  it('measures attainment against the target in force, the original beside it', () => {
    // Target lowered from ¥100,000 to ¥80,000; ¥100,000 booked → 125 % for pay, 100 % of the original.
    // 40,000 × 5 % + 20,000 × 8 % = 2,000 + 1,600 = ¥3,600.
    const p = pay(plan(), [booking(10_000_000)], 8_000_000, { originalTarget: 10_000_000 });
    expect(p.attainment).to.equal(1.25);
    expect(p.originalAttainment).to.equal(1);
    expect(p.dual.targetChange).to.equal(-2_000_000);
    expect(p.total).to.equal(360_000);
  });

  it('pays nothing on zero or negative revenue', () => {
    const p = pay(plan(), [booking(-300_000)]);
    expect(p.total).to.equal(0);
    expect(p.attainment).to.equal(-0.03);
  });
});

describe('computePayout: gate, decelerator, cap', () => {
  it('the gate cancels everything below the threshold, and shows what it cancelled', () => {
    // 55 %: the 5 % band holds 500,000 → ¥250; gated at 60 % → 0.
    const p = pay(plan({ threshold: 0.6 }), [booking(5_500_000)]);
    expect(p.gated).to.equal(true);
    expect(p.lines.map((l) => [l.kind, l.amount])).to.deep.equal([['tier', 0], ['tier', 25_000], ['tier', 0], ['tier', 0], ['gate', -25_000]]);
    expect(p.total).to.equal(0);
    // 500,000 more passes the gate at 60 %: 1,000,000 × 5 % = ¥500.
    expect(p.next).to.deep.equal({ kind: 'gate', attainment: 0.6, revenueNeeded: 500_000, payoutGain: 50_000 });
    expect(pay(plan({ threshold: 0.6 }), [booking(6_000_000)]).total).to.equal(50_000);
  });

  it('halves the commission below the decelerator floor, not at it', () => {
    const d = plan({ decelerator: { floor: 0.7, factor: 0.5 } });
    // 60 %: 1,000,000 × 5 % = 50,000, × 0.5 → 25,000 (a −25,000 line).
    const below = pay(d, [booking(6_000_000)]);
    expect(below.decelerated).to.equal(true);
    expect(below.lines.at(-1)).to.deep.equal({ kind: 'decelerator', floor: 0.7, factor: 0.5, amount: -25_000 });
    expect(below.total).to.equal(25_000);
    expect(below.next).to.deep.equal({ kind: 'floor', attainment: 0.7, revenueNeeded: 1_000_000, payoutGain: 75_000 });
    const at = pay(d, [booking(7_000_000)]);
    expect(at.decelerated).to.equal(false);
    expect(at.total).to.equal(100_000);
  });

  it('caps commission + bonuses at a share of the target or an amount, whichever is lower', () => {
    // 200 %: ¥11,500 uncapped; 5 % of ¥100,000 = ¥5,000 cap → −¥6,500 line.
    const p = pay(plan({ cap: { targetRatio: 0.05 } }), [booking(20_000_000)]);
    expect(p.capped).to.equal(true);
    expect(p.lines.at(-1)).to.deep.equal({ kind: 'cap', cap: 500_000, amount: -650_000 });
    expect(p.total).to.equal(500_000);
    expect(sum(p.lines)).to.equal(500_000);
    expect(pay(plan({ cap: { targetRatio: 0.05, amount: 400_000 } }), [booking(20_000_000)]).total).to.equal(400_000);
    expect(pay(plan({ cap: { amount: 2_000_000 } }), [booking(20_000_000)]).capped).to.equal(false);
  });
});

describe('computePayout: basis and clawback', () => {
  // b1 ¥60,000 on 10 Jan, fully collected; b2 ¥40,000 on 20 Jan, ¥10,000 collected, due 20 Apr;
  // b3 ¥30,000 on 20 Mar, nothing collected yet, due 18 Jun.
  const b1 = booking(6_000_000, 'core', '2026-01-10');
  const b2 = booking(4_000_000, 'core', '2026-01-20');
  const b3 = booking(3_000_000, 'core', '2026-03-20');
  const actuals = [b1, b2, b3, collection(6_000_000, b1.id, '2026-02-01'), collection(1_000_000, b2.id, '2026-03-01')];
  const clawPlan = plan({ clawback: { days: 90 } });
  const run = (p: CommissionPlan, list: Actual[], asOf: string) => {
    const r = computePayout(p, { id: 'r1', target: T }, list, { from: '2026-01-01', to: '2026-06-30', asOf });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };

  it('booked basis: claws back the uncollected part of a booking past its deadline', () => {
    // As of 30 Apr: b2 is past 20 Apr with ¥30,000 missing. 130,000 − 30,000 = ¥100,000 → ¥2,500.
    const p = run(clawPlan, actuals, '2026-04-30');
    expect(p.revenue).to.equal(10_000_000);
    expect(p.total).to.equal(250_000);
    expect(p.clawback!.revenue).to.equal(3_000_000);
    expect(p.clawback!.bookings).to.deep.equal([{ id: b2.id, productId: 'core', date: '2026-01-20', due: '2026-04-20', amount: 4_000_000, collected: 1_000_000, clawedBack: 3_000_000 }]);
    // Without the clawback, 130 %: 2,500 + 30,000 × 8 % = ¥4,900, so it costs ¥2,400.
    expect(p.clawback!.payoutEffect).to.equal(240_000);
  });

  it('the deadline day itself is still in time', () => {
    expect(run(clawPlan, actuals, '2026-04-20').clawback!.revenue).to.equal(0);
    expect(run(clawPlan, actuals, '2026-04-21').clawback!.revenue).to.equal(3_000_000);
  });

  it('a late payment restores the booking', () => {
    const late = [...actuals, collection(3_000_000, b2.id, '2026-04-25')];
    expect(run(clawPlan, late, '2026-04-30').revenue).to.equal(13_000_000);
  });

  it('collected basis: only cash received counts, no clawback', () => {
    // Collections ¥60,000 + ¥10,000 = ¥70,000 → 70 %: 20,000 × 5 % = ¥1,000.
    const p = run(plan({ basis: 'collected', clawback: { days: 90 } }), actuals, '2026-04-30');
    expect(p.revenue).to.equal(7_000_000);
    expect(p.total).to.equal(100_000);
    expect(p.clawback).to.equal(null);
  });
});

describe('computePayout: products and bonuses', () => {
  const np = plan({ products: [{ id: 'ai', multiplier: 1.5, new: true }], newProductBonus: { share: 0.2, amount: 500_000 } });

  it('a new product multiplies its share of the commission, and its share earns the bonus', () => {
    // core ¥80,000 + ai ¥40,000 = ¥120,000 → 120 %: B = 2,500 + 20,000 × 8 % = ¥4,100.
    // ai uplift = 4,100 × 40/120 × 0.5 = 683.33 → 68,333 分; commission 478,333.33 → 478,333.
    // ai share 33 % ≥ 20 % → bonus ¥5,000. Total 478,333 + 500,000 = 978,333.
    const p = pay(np, [booking(8_000_000, 'core'), booking(4_000_000, 'ai')]);
    expect(p.attainment).to.equal(1.2);
    expect(p.lines.map((l) => l.amount)).to.deep.equal([0, 250_000, 160_000, 0, 68_333, 500_000]);
    expect(p.lines[4]).to.deep.include({ kind: 'product', productId: 'ai', multiplier: 1.5 });
    expect(p.commission).to.equal(478_333);
    expect(p.total).to.equal(978_333);
    // By product: core 4,100 × 80/120 = 2,733.33; ai 4,100 × 40/120 × 1.5 = 2,050.00 → 273,333 + 205,000.
    expect(p.byProduct).to.deep.equal([
      { productId: 'core', revenue: 8_000_000, multiplier: 1, amount: 273_333 },
      { productId: 'ai', revenue: 4_000_000, multiplier: 1.5, amount: 205_000 },
    ]);
    expect(p.effectiveMultiplier).to.be.closeTo(1 + 1 / 6, 1e-6);
  });

  it('the bonus needs the share: exactly 20 % earns it, one fen less does not', () => {
    expect(pay(np, [booking(8_000_000, 'core'), booking(2_000_000, 'ai')]).lines.some((l) => l.kind === 'new-product-bonus')).to.equal(true);
    expect(pay(np, [booking(8_000_001, 'core'), booking(1_999_999, 'ai')]).lines.some((l) => l.kind === 'new-product-bonus')).to.equal(false);
  });

  it('newProductIds marks products new; newProductMultiplier is their coefficient', () => {
    const p = computePayout(plan({ newProductMultiplier: 2 }), { id: 'r1', target: T }, [booking(10_000_000, 'x'), booking(10_000_000, 'core')], { asOf: '2026-03-31', newProductIds: ['x'] });
    // 200 %: B = ¥11,500; x uplift = 11,500 × ½ × (2 − 1) = ¥5,750.
    expect(p.ok && p.value.total).to.equal(1_725_000);
  });

  it('ramp bonus: a new hire still on ramp earns it at the minimum attainment', () => {
    const rp = plan({ rampBonus: { amount: 300_000, minAttainment: 1 } });
    // Hired 5 Jan 2026: as of 31 Mar the tenure is 2 months → ramp factor 0.3 < 1.
    const hire = { hireDate: '2026-01-05' };
    expect(pay(rp, [booking(10_000_000)], T, hire).lines.at(-1)).to.deep.equal({ kind: 'ramp-bonus', minAttainment: 1, amount: 300_000 });
    expect(pay(rp, [booking(9_999_999)], T, hire).lines.some((l) => l.kind === 'ramp-bonus')).to.equal(false);
    expect(pay(rp, [booking(10_000_000)], T, { hireDate: '2019-03-01' }).lines.some((l) => l.kind === 'ramp-bonus')).to.equal(false);
  });
});

describe('rounding', () => {
  it('splits a rounded total by largest remainder, ties to the earlier line', () => {
    // Target ¥10 (1,000 分), rates 1.3 % then 2.7 % from 50 %; ¥10 booked:
    // 500 × 1.3 % = 6.5, 500 × 2.7 % = 13.5 → total 20; floors 6 + 13 = 19; tie at .5 → first line: 7, 13.
    const p2 = plan({ tiers: [{ from: 0, rate: 0.013 }, { from: 0.5, rate: 0.027 }] });
    expect(tierAmounts(pay(p2, [booking(1_000)], 1_000))).to.deep.equal([7, 13]);
    // ¥10.01: 501 × 2.7 % = 13.527 → 20.027 → 20; remainders .5 < .527 → the second line: 6, 14.
    expect(tierAmounts(pay(p2, [booking(1_001)], 1_000))).to.deep.equal([6, 14]);
  });

  it('roundLines: negative values, half up', () => {
    // 1.5 + (−1.5) = 0: floors 1, −2; one unit to the first of the tied remainders → 2, −2.
    expect(roundLines([15n, -15n], 10n)).to.deep.equal([2, -2]);
    expect(roundLines([5n, 5n, 5n], 10n)).to.deep.equal([1, 1, 0]);
  });

  it('lines always add up to the total and stay within one unit of their exact value (property)', () => {
    const ratio = fc.integer({ min: 0, max: 200 }).map((x) => x / 1000);
    fc.assert(
      fc.property(
        fc.array(ratio, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 300_000_000 })), { minLength: 1, maxLength: 5 }),
        fc.constantFrom(1, 1.5, 0.8, 2.25),
        fc.option(fc.constantFrom(0.6, 0.85)),
        (rates, target, bookings, mult, floor) => {
          const p: CommissionPlan = {
            basis: 'booked',
            tiers: rates.map((rate, i) => ({ from: i * 0.5, rate })),
            products: [{ id: 'b', multiplier: mult }],
            ...(floor !== null ? { decelerator: { floor, factor: 0.5 } } : {}),
          };
          const out = pay(p, bookings.map(([id, amount]) => booking(amount, id)), target);
          expect(sum(out.lines)).to.equal(out.total);
          expect(sum(out.byProduct)).to.equal(out.commission);
          // Exact (up to float error) commission per tier: rate × revenue in band.
          out.lines.forEach((l) => {
            if (l.kind !== 'tier') return;
            const hi = l.to === null ? Infinity : l.to * target;
            const exact = l.rate * Math.max(0, Math.min(out.revenue, hi) - l.from * target);
            expect(Math.abs(l.amount - exact)).to.be.below(1 + 1e-6 * exact);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('whatIf', () => {
  const base = [booking(12_000_000)];

  it('adds an amount at multiplier 1: 120 % + ¥40,000 → 160 % pays ¥7,500', () => {
    // 2,500 + 50,000 × 8 % + 10,000 × 10 % = 2,500 + 4,000 + 1,000.
    const r = whatIfPayout(plan(), { id: 'r1', target: T }, base, 4_000_000, { asOf: '2026-03-31' });
    expect(r.ok && r.value.total).to.equal(750_000);
    expect(pay(plan(), base).total).to.equal(410_000);
  });

  it('on a product, with its multiplier', () => {
    const p = pay(plan({ products: [{ id: 'ai', multiplier: 2 }] }), base);
    // 160 %: B = ¥7,500 (as above); ai holds 40/160 → uplift 7,500 × ¼ × 1 = ¥1,875 → ¥9,375.
    const w = p.whatIf(4_000_000, 'ai');
    expect(w.ok && w.value.total).to.equal(937_500);
  });

  it('by default spreads the extra over the mix sold so far, keeping the new-product share', () => {
    const np = plan({ products: [{ id: 'ai', multiplier: 1.5, new: true }], newProductBonus: { share: 0.2, amount: 500_000 } });
    const p = pay(np, [booking(8_000_000, 'core'), booking(4_000_000, 'ai')]);
    // ¥30,000 more splits 2:1 → core 100,000, ai 50,000 → 150 %: B = 2,500 + 4,000 = ¥6,500;
    // ai uplift 6,500 × 50/150 × 0.5 = 1,083.33 → commission 758,333 分; ai still ⅓ → bonus ¥5,000.
    const w = p.whatIf(3_000_000);
    expect(w.ok && w.value.revenueByProduct).to.deep.equal([{ productId: 'core', revenue: 10_000_000 }, { productId: 'ai', revenue: 5_000_000 }]);
    expect(w.ok && w.value.total).to.equal(1_258_333);
    // On no product (multiplier 1) the share falls to 40/150 = 26.7 %, still ≥ 20 %: 6,500 + 40/150 × 0.5 × 6,500 = 7,366.67.
    const plain = p.whatIf(3_000_000, null);
    expect(plain.ok && plain.value.commission).to.equal(736_667);
    // The next tier's gain uses the same mix: 150 % is ¥30,000 away, worth 1,258,333 − 978,333.
    expect(p.next).to.deep.include({ revenueNeeded: 3_000_000, payoutGain: 280_000 });
  });

  it('refuses a negative or fractional amount', () => {
    const p = pay(plan(), base);
    for (const bad of [-1, 0.5, Number.NaN]) {
      const w = p.whatIf(bad);
      expect(!w.ok && w.error.code).to.equal('incentive-amount-invalid');
    }
  });
});

describe('payoutCurve', () => {
  it('samples the sample plan at its breakpoints, with the step at the decelerator floor', () => {
    const r = payoutCurve(SAMPLE_COMMISSION_PLAN, T);
    expect(r.ok && r.value.map((p) => [p.attainment, p.payout])).to.deep.equal([
      [0, 0],
      [0.5, 0],
      [0.7, 50_000], // 20,000 × 5 % = ¥1,000, halved just below 70 %
      [0.7, 100_000],
      [1, 250_000],
      [1.5, 650_000],
      [2, 1_150_000],
    ]);
  });

  it('flattens at the cap, where it is reached', () => {
    // Cap ¥10,000: reached between 150 % (6,500) and 200 % (11,500) at 150 % + 3,500 / 5,000 × 50 % = 185 %.
    const r = payoutCurve(plan({ cap: { amount: 1_000_000 } }), T);
    expect(r.ok && r.value.slice(-3).map((p) => [p.attainment, p.payout])).to.deep.equal([[1.5, 650_000], [1.85, 1_000_000], [2, 1_000_000]]);
  });

  it('drops to 0 below the gate and scales by the product mix', () => {
    const r = payoutCurve(plan({ threshold: 0.8 }), T, { multiplier: 1.5 });
    // 80 %: 30,000 × 5 % × 1.5 = ¥2,250.
    expect(r.ok && r.value.filter((p) => p.attainment === 0.8).map((p) => p.payout)).to.deep.equal([0, 225_000]);
  });

  it('fails on a zero target', () => {
    const r = payoutCurve(plan(), 0);
    expect(!r.ok && r.error.code).to.equal('incentive-target-invalid');
  });
});

describe('computePayout: bad input', () => {
  it('refuses a zero target and bad dates', () => {
    const r = computePayout(plan(), { id: 'r1', name: '王芳', target: 0 }, []);
    expect(!r.ok && r.error).to.deep.include({ code: 'incentive-target-invalid', path: ['target'] });
    const d = computePayout(plan(), { id: 'r1', target: T }, [], { asOf: '2026-02-30' });
    expect(!d.ok && d.error.code).to.equal('incentive-date-invalid');
  });
});

describe('parseCommissionPlan', () => {
  const bad = (data: unknown) => {
    const r = parseCommissionPlan(data);
    if (r.ok) throw new Error('expected a failure');
    return r.error;
  };

  it('accepts the sample plan', () => {
    expect(parseCommissionPlan(SAMPLE_COMMISSION_PLAN).ok).to.equal(true);
  });

  it('names the path of the bad field', () => {
    expect(bad({ basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 0.5, rate: 1.2 }] }).path).to.deep.equal(['tiers', 1, 'rate']);
    expect(bad({ basis: 'invoiced', tiers: TIERS }).path).to.deep.equal(['basis']);
    expect(bad({ basis: 'booked' }).path).to.deep.equal(['tiers']);
    expect(bad({ basis: 'booked', tiers: TIERS, cap: { amount: 1.5 } }).path).to.deep.equal(['cap', 'amount']);
    expect(bad({ basis: 'booked', tiers: TIERS, decelerator: { floor: 0.7, factor: 0.1234567891 } }).path).to.deep.equal(['decelerator', 'factor']);
    expect(bad(null).code).to.equal('incentive-plan-invalid');
  });

  it('checks tier order and unique products', () => {
    expect(bad({ basis: 'booked', tiers: [{ from: 0.1, rate: 0 }] }).params).to.deep.include({ path: 'tiers.0.from' });
    expect(bad({ basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 1, rate: 0.1 }, { from: 1, rate: 0.2 }] }).path).to.deep.equal(['tiers', 2, 'from']);
    expect(bad({ basis: 'booked', tiers: TIERS, products: [{ id: 'a' }, { id: 'a' }] }).path).to.deep.equal(['products', 1, 'id']);
  });
});
