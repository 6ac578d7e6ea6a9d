import { expect } from '@open-wc/testing';
import type { Actual } from '../../../src/engine/plan/model.js';
import type { CommissionPlan } from '../../../src/engine/incentive/commission.js';
import { computeTeamPayouts, mentoringCredit } from '../../../src/engine/incentive/team.js';

const plan: CommissionPlan = {
  basis: 'booked',
  tiers: [
    { from: 0, rate: 0 },
    { from: 0.5, rate: 0.05 },
    { from: 1, rate: 0.08 },
    { from: 1.5, rate: 0.1 },
  ],
  rampBonus: { amount: 300_000, minAttainment: 1 },
  mentoring: { share: 0.2, cap: 100_000 },
};
const booking = (repId: string, amount: number, id = `${repId}-b`): Actual => ({ id, repId, productId: 'core', date: '2026-02-10', type: 'booking', amount });

describe('mentoringCredit', () => {
  it('pays share × Σ ramp bonuses, split by bonus', () => {
    // 20 % × (3,000 + 2,000) = ¥1,000 → 3:2 → ¥600 and ¥400.
    const r = mentoringCredit({ share: 0.2 }, 'v', [{ menteeId: 'a', rampBonus: 300_000 }, { menteeId: 'b', rampBonus: 200_000 }]);
    expect(r.ok && r.value).to.deep.equal({
      mentorId: 'v',
      mentees: [{ menteeId: 'a', rampBonus: 300_000, credit: 60_000 }, { menteeId: 'b', rampBonus: 200_000, credit: 40_000 }],
      uncapped: 100_000,
      credit: 100_000,
      capped: false,
    });
  });

  it('caps the credit and still splits it exactly', () => {
    // Cap 99,999 分 split 3:2 → 59,999.4 and 39,999.6 → floors 99,998, the last unit to the larger remainder (b).
    const r = mentoringCredit({ share: 0.2, cap: 99_999 }, 'v', [{ menteeId: 'a', rampBonus: 300_000 }, { menteeId: 'b', rampBonus: 200_000 }]);
    expect(r.ok && r.value.mentees.map((m) => m.credit)).to.deep.equal([59_999, 40_000]);
    expect(r.ok && r.value.capped).to.equal(true);
  });

  it('rounds the uncapped credit half up', () => {
    // 12.5 % × 5 分 = 0.625 → 1; 12.5 % × 4 分 = 0.5 → 1.
    const credit = (bonus: number) => {
      const r = mentoringCredit({ share: 0.125 }, 'v', [{ menteeId: 'a', rampBonus: bonus }]);
      return r.ok ? r.value.credit : null;
    };
    expect([credit(5), credit(4), credit(3)]).to.deep.equal([1, 1, 0]);
  });

  it('refuses a bad bonus', () => {
    const r = mentoringCredit({ share: 0.2 }, 'v', [{ menteeId: 'a', rampBonus: -1 }]);
    expect(!r.ok && r.error.code).to.equal('incentive-amount-invalid');
  });
});

describe('computeTeamPayouts', () => {
  // Mentor v: target ¥100,000, booked ¥100,000 → 50,000 × 5 % = ¥2,500.
  // Mentee a (hired 5 Jan, on ramp): target ¥30,000, booked ¥30,000 → 15,000 × 5 % = ¥750 + ramp bonus ¥3,000.
  // Mentee b (hired 16 Feb): target ¥30,000, booked ¥33,000 → 750 + 3,000 × 8 % = ¥990 + ramp bonus ¥3,000.
  // Credit: 20 % × 6,000 = ¥1,200, capped at ¥1,000 → ¥500 each. v: 2,500 + 1,000 = ¥3,500.
  const people = [
    { id: 'v', name: '王芳', target: 10_000_000, hireDate: '2019-03-01' },
    { id: 'a', name: '李强', target: 3_000_000, hireDate: '2026-01-05', mentorId: 'v' },
    { id: 'b', name: '赵磊', target: 3_000_000, hireDate: '2026-02-16', mentorId: 'v' },
  ];
  const actuals = [booking('v', 10_000_000), booking('a', 3_000_000), booking('b', 3_300_000)];

  it('pays two mentees their ramp bonus and the mentor a capped share of it', () => {
    const r = computeTeamPayouts(plan, people, actuals, { asOf: '2026-03-31' });
    if (!r.ok) throw new Error(r.error.message);
    const [v, a, b] = r.value.rows.map((row) => row.payout!);
    expect(a.total).to.equal(375_000);
    expect(b.total).to.equal(399_000);
    expect(r.value.mentoring).to.deep.equal([
      {
        mentorId: 'v',
        mentees: [{ menteeId: 'a', rampBonus: 300_000, credit: 50_000 }, { menteeId: 'b', rampBonus: 300_000, credit: 50_000 }],
        uncapped: 120_000,
        credit: 100_000,
        capped: true,
      },
    ]);
    expect(v.lines.slice(-2)).to.deep.equal([{ kind: 'mentoring', menteeId: 'a', amount: 50_000 }, { kind: 'mentoring', menteeId: 'b', amount: 50_000 }]);
    expect(v.total).to.equal(350_000);
    expect(v.lines.reduce((s, l) => s + l.amount, 0)).to.equal(350_000);
    // No revenue counted twice: the mentor's revenue is their own bookings only.
    expect(v.revenue).to.equal(10_000_000);
    expect(r.value.totals).to.deep.equal({ target: 16_000_000, revenue: 16_300_000, commission: 424_000, mentoring: 100_000, total: 1_124_000, people: 3, attainment: 16_300_000 / 16_000_000 });
  });

  it('a mentee below the minimum attainment brings no credit; the what-if keeps the credit', () => {
    const r = computeTeamPayouts(plan, people, [booking('v', 10_000_000), booking('a', 2_900_000), booking('b', 3_300_000)], { asOf: '2026-03-31' });
    if (!r.ok) throw new Error(r.error.message);
    // Only b's ¥3,000: 20 % = ¥600, all to b.
    expect(r.value.mentoring[0].mentees.map((m) => m.credit)).to.deep.equal([0, 60_000]);
    const v = r.value.rows[0].payout!;
    expect(v.total).to.equal(310_000);
    // ¥50,000 more for v → 150 %: 2,500 + 4,000 = ¥6,500, plus the ¥600 credit.
    const w = v.whatIf(5_000_000);
    expect(w.ok && w.value.total).to.equal(710_000);
  });

  it('keeps a row with the error for a person without a target', () => {
    const r = computeTeamPayouts(plan, [...people, { id: 'z', target: 0 }], actuals, { asOf: '2026-03-31' });
    expect(r.ok && r.value.rows[3].error?.code).to.equal('incentive-target-invalid');
    expect(r.ok && r.value.totals.people).to.equal(3);
  });
});
