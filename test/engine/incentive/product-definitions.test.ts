/**
 * Issue 16, item 3: which product line is new comes from one place, the decomposition's product
 * definitions (`ProductLine.new`, passed as `newProductIds`). A commission plan that lists the same
 * products with other `new` flags (a copy made before 智能助手 launched, say) must not override them:
 * the new-product coefficient and the new-product bonus follow the plan data.
 *
 * Hand-computed: target ¥100,000; booked ¥120,000 on `ai` + ¥80,000 on `core` = ¥200,000 (200 %).
 * Tiers 0 % to 50 %, 5 % to 100 %, 8 % to 150 %, 10 % above: B = 2,500 + 4,000 + 5,000 = ¥11,500.
 * New products ×2; ¥1,000 bonus when new products are ≥ 50 % of revenue.
 * - `ai` new (the plan data): uplift 11,500 × 120/200 × (2 − 1) = ¥6,900; share 60 % → bonus:
 *   11,500 + 6,900 + 1,000 = ¥19,400.
 * - had the plan's stale flags decided (`core` new): uplift 11,500 × 80/200 = ¥4,600, share 40 %,
 *   no bonus: ¥16,100.
 */
import { expect } from '@open-wc/testing';
import type { Actual } from '../../../src/engine/plan/model.js';
import { computePayout, type CommissionPlan } from '../../../src/engine/incentive/commission.js';
import { resolveIncentiveScope } from '../../../src/engine/incentive/source.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const T = 10_000_000;
const plan: CommissionPlan = {
  basis: 'booked',
  tiers: [
    { from: 0, rate: 0 },
    { from: 0.5, rate: 0.05 },
    { from: 1, rate: 0.08 },
    { from: 1.5, rate: 0.1 },
  ],
  newProductMultiplier: 2,
  newProductBonus: { share: 0.5, amount: 100_000 },
  // A stale copy of the product lines: it still calls `core` the new one.
  products: [
    { id: 'core', new: true },
    { id: 'ai', new: false },
  ],
};
const bookings: Actual[] = [
  { id: 'b1', repId: 'r1', productId: 'ai', date: '2026-02-01', type: 'booking', amount: 12_000_000 },
  { id: 'b2', repId: 'r1', productId: 'core', date: '2026-02-01', type: 'booking', amount: 8_000_000 },
];

function payout(newProductIds?: readonly string[]) {
  const r = computePayout(plan, { id: 'r1', target: T }, bookings, { asOf: '2026-03-31', ...(newProductIds ? { newProductIds } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('incentive: new products come from the plan data', () => {
  it("the decomposition's new product gets the coefficient and the bonus, whatever the commission plan's copy says (¥19,400)", () => {
    const p = payout(['ai']);
    expect(p.total).to.equal(1_940_000);
    expect(p.newProductShare).to.equal(0.6);
    expect(p.lines.filter((l) => l.kind === 'product')).to.deep.equal([{ kind: 'product', productId: 'ai', revenue: 12_000_000, multiplier: 2, amount: 690_000 }]);
    expect(p.lines.at(-1)).to.deep.equal({ kind: 'new-product-bonus', share: 0.6, shareTarget: 0.5, amount: 100_000 });
  });

  it('no new product in the plan data: no coefficient and no bonus (¥11,500)', () => {
    expect(payout([]).total).to.equal(1_150_000);
  });

  it("without product definitions (a plan standing alone) the commission plan's own flags count (¥16,100)", () => {
    expect(payout().total).to.equal(1_610_000);
  });

  it('the calculator scope passes the product lines the plan data marks new', () => {
    const { plan: snapshot, actuals } = smallFixture();
    const scope = resolveIncentiveScope({ plan: snapshot.plan, org: snapshot.org, products: snapshot.products, targets: snapshot.targets, actuals, asOf: '2026-03-31' }, { nodeId: 'r1', period: 'FY2026-Q1' });
    expect(scope.ok && scope.value.options.newProductIds).to.deep.equal(['ai']);
  });
});
