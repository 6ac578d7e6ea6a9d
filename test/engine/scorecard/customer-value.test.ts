import { expect } from '@open-wc/testing';
import { reviewFromSnapshot } from '../../../src/engine/review/source.js';
import { scorecardsFromSnapshot } from '../../../src/engine/scorecard/source.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import { customersFixture } from '../../fixtures/customers.js';

// Issue 16 item 4: "CLV is always '—'; CRM completeness '未统计'". Both are now measured from the
// plan data, one definition each, and the scorecard and the review show the same figures.

function withCustomers(asOf: string) {
  const { plan, actuals } = customersFixture();
  return { plan: plan.plan, org: plan.org, stages: plan.stages, targets: plan.targets, actuals, asOf };
}
const plain = (asOf: string) => {
  const { plan, actuals } = smallFixture();
  return { plan: plan.plan, org: plan.org, stages: plan.stages, targets: plan.targets, actuals, asOf };
};

describe('CLV and CRM completeness from the data (issue 16 item 4)', () => {
  it('the review computes CLV from repeat customers and says why when it cannot', () => {
    // 华东, FY2026-Q1: customers acme (¥120,000 + ¥80,000) and bolt (¥45,000): a = ¥245,000 / 2 = ¥122,500.
    // Q4 customers acme, cider; acme booked again → r = 1/2, lifetime 1 / (1 − 1/2) = 2 quarters.
    // CLV = ¥122,500 × 2 = ¥245,000 = 24,500,000 分.
    const r = reviewFromSnapshot(withCustomers('2026-04-15'), { nodeId: 'east', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!r.ok) throw new Error(r.error.message);
    const clv = r.value.kpis.find((k) => k.id === 'clv')!;
    expect(clv.actual).to.equal(24_500_000);
    expect(r.value.clvUnavailable).to.equal(null);

    // 张伟's group (杭州组): acme ¥80,000 this quarter; last quarter only cider, who did not come back.
    const hz = reviewFromSnapshot(withCustomers('2026-04-15'), { nodeId: 'east-hz', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!hz.ok) throw new Error(hz.error.message);
    expect([hz.value.kpis.find((k) => k.id === 'clv')!.actual, hz.value.clvUnavailable]).to.deep.equal([null, 'no-repeat-customers']);

    // The plain fixture names no customer on any booking.
    const none = reviewFromSnapshot(plain('2026-04-15'), { nodeId: 'east', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.clvUnavailable).to.equal('no-customer-ids');

    // A CLV the host gives wins, and then nothing is missing.
    const given = reviewFromSnapshot(plain('2026-04-15'), { nodeId: 'east', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000, clv: { actual: 7_000_000 } });
    if (!given.ok) throw new Error(given.error.message);
    expect([given.value.kpis.find((k) => k.id === 'clv')!.actual, given.value.clvUnavailable]).to.deep.equal([7_000_000, null]);
  });

  it('the review lists CRM completeness of the open pipeline against 100%, as the scorecard measures it', () => {
    // Company, asOf 2026-04-15: o1 (product, expected 2026-02-20: past) incomplete; o2 (product, 2026-04-15) complete;
    // o3 (no product) incomplete → 1 / 3.
    const r = reviewFromSnapshot(plain('2026-04-15'), { nodeId: 'co', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!r.ok) throw new Error(r.error.message);
    const crm = r.value.kpis.find((k) => k.id === 'crmCompleteness')!;
    expect([crm.plan, crm.actual, crm.unit]).to.deep.equal([1, 1 / 3, 'ratio']);
    // 刘洋 (r4) has only o2: 100% in both the review and his scorecard.
    const r4 = reviewFromSnapshot(plain('2026-04-15'), { nodeId: 'r4', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!r4.ok) throw new Error(r4.error.message);
    expect(r4.value.kpis.find((k) => k.id === 'crmCompleteness')!.actual).to.equal(1);
    const sc = scorecardsFromSnapshot(plain('2026-04-15'), { nodeId: 'r4', period: 'FY2026-Q1' });
    if (!sc.ok) throw new Error(sc.error.message);
    expect(sc.value.people.find((p) => p.id === 'r4')!.kpis.crmCompleteness).to.deep.equal({ actual: 1, benchmark: 1 });
  });

  it('the scorecard measures each rep\'s CLV against the team\'s and says why when the team has none', () => {
    // Team 华东 (r1…r4). Team CLV as in the review: ¥245,000.
    // 王芳 (r1): acme ¥120,000 + bolt ¥45,000 → a = ¥82,500; Q4 customer acme came back → r = 1 → lifetime capped at 10 → ¥825,000.
    // 张伟 (r3): acme this quarter, cider last → no repeat customer → not measured.
    const r = scorecardsFromSnapshot(withCustomers('2026-04-15'), { nodeId: 'east', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.message);
    const kpi = (id: string) => r.value.people.find((p) => p.id === id)!.kpis.clv;
    expect(kpi('r1')).to.deep.equal({ actual: 82_500_000, benchmark: 24_500_000 });
    expect(kpi('r3')).to.deep.equal({ actual: null, benchmark: 24_500_000 });
    expect(r.value.clvUnavailable).to.equal(null);
    // 王芳 is a veteran (CLV weight 10): 825,000 / 245,000 = 3.37 → capped at 120.
    const card = r.value.cards.find((c) => c.id === 'r1')!;
    expect(card.lines.find((l) => l.kpi === 'clv')!.score).to.equal(120);

    const none = scorecardsFromSnapshot(plain('2026-04-15'), { nodeId: 'east', period: 'FY2026-Q1' });
    if (!none.ok) throw new Error(none.error.message);
    expect(none.value.clvUnavailable).to.equal('no-customer-ids');
    expect(none.value.cards.find((c) => c.id === 'r1')!.missing).to.include('clv');
  });
});
