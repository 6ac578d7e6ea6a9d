/**
 * Issue 16, items 2 and 4, in the sample data the demo loads: a mentor's 传帮带 credit that is not
 * ¥0, and CLV computed from bookings that name their customer. The figures are checked by hand
 * from the sample's own records (default options: seed 2026, asOf 2026-11-27), after 拆解目标 as
 * the goal tree does it.
 */
import { expect } from '@open-wc/testing';
import { generateSampleCompany, type SampleCompany } from '../../src/sample/sample-data.js';
import { gridReader, planDecomposition } from '../../src/components/goal-tree/goal-tree.model.js';
import { buildOrgIndex } from '../../src/engine/plan/rollup.js';
import { createPlanState } from '../../src/engine/plan/plan-state.js';
import { rampFactor } from '../../src/engine/plan/ramp.js';
import { resolveIncentiveScope } from '../../src/engine/incentive/source.js';
import { computeTeamPayouts } from '../../src/engine/incentive/team.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/plan.js';
import { customerLifetimeValue } from '../../src/engine/scorecard/customer-value.js';
import { reviewFromSnapshot } from '../../src/engine/review/source.js';
import type { MetricId, PlanSnapshot } from '../../src/engine/plan/model.js';

const ASOF = '2026-11-27';

/** The plan after 拆解目标 (planDecomposition over the goal tree's reader, as of ASOF). */
function decomposed(co: SampleCompany): PlanSnapshot {
  const { plan, actuals } = co;
  const cells = new Map(plan.targets.map((c) => [`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`, c]));
  const source = { getCell: (n: string, p: string, m: MetricId, pr?: string | null) => cells.get(`${n}|${p}|${m}|${pr ?? ''}`) };
  const d = planDecomposition(gridReader({ index: buildOrgIndex(plan.org), source, calendar: plan.plan.calendar, metric: 'revenue' }), {
    org: plan.org, fiscalYear: 2026, calendar: plan.plan.calendar, metric: 'revenue', actuals, products: plan.products, asOf: ASOF,
  });
  if (!d.ok) throw new Error(d.error.message);
  return { ...plan, targets: [...d.value.cells] };
}

describe('the sample company: figures the demo shows', () => {
  let co: SampleCompany;
  before(() => {
    co = generateSampleCompany();
  });

  it('an experienced new hire still on ramp beats her ramped target: her mentor is credited ¥600 beside her', () => {
    const snap = decomposed(co);
    const state = createPlanState(snap, { actuals: co.actuals, asOf: ASOF });
    const scope = resolveIncentiveScope(state, { nodeId: 'company', period: 'FY2026' });
    if (!scope.ok) throw new Error(scope.error.message);
    const team = computeTeamPayouts(SAMPLE_COMMISSION_PLAN, scope.value.people, co.actuals.actuals, scope.value.options);
    if (!team.ok) throw new Error(team.error.message);
    const credited = team.value.mentoring.flatMap((m) => m.mentees.filter((x) => x.credit > 0).map((x) => ({ mentorId: m.mentorId, ...x })));
    const byId = new Map(co.plan.org.map((n) => [n.id, n]));

    // 林亮玉, hired 2026-06-04, mentored by her team's senior 汪英刚.
    const mentee = co.plan.org.find((n) => n.name === '林亮玉')!;
    expect([mentee.hireDate, byId.get(mentee.mentorId!)!.parentId]).to.deep.equal(['2026-06-04', mentee.parentId]);
    // Tenure on 2026-11-27: five whole months (06-04 → 11-04), so the default ramp has her at 60 %: on ramp.
    expect(rampFactor(mentee.hireDate!, ASOF)).to.deep.equal({ ok: true, value: 0.6 });
    // Her FY2026 bookings, every one collected within 90 days (nothing clawed back):
    // ¥285,700 + ¥281,100 + ¥161,800 + ¥400,300 = ¥1,128,900 against a ramped year's target of
    // about ¥577,362 (June prorated at 30 %, then 30 %, 30 %, 60 % …): attainment ≈ 196 % ≥ 100 %.
    const own = co.actuals.actuals.filter((a) => a.repId === mentee.id && a.type === 'booking' && a.date >= '2026-01-01');
    expect(own.map((a) => a.amount)).to.deep.equal([28_570_000, 28_110_000, 16_180_000, 40_030_000]);
    const row = team.value.rows.find((r) => r.person.id === mentee.id)!;
    expect(row.payout!.revenue).to.equal(112_890_000);
    expect(row.person.target).to.be.within(50_000_000, 112_890_000);
    // So she earns the plan's ramp bonus, ¥3,000, and her mentor 20 % of it: ¥600 (under the ¥2,000 cap).
    expect(SAMPLE_COMMISSION_PLAN.rampBonus).to.deep.equal({ amount: 300_000, minAttainment: 1 });
    expect(SAMPLE_COMMISSION_PLAN.mentoring).to.deep.equal({ share: 0.2, cap: 200_000 });
    expect(credited).to.deep.equal([{ mentorId: mentee.mentorId, menteeId: mentee.id, rampBonus: 300_000, credit: 60_000 }]);
    expect(team.value.totals.mentoring).to.equal(60_000);
    // The mentor's own payout carries the line.
    const mentorRow = team.value.rows.find((r) => r.person.id === mentee.mentorId)!;
    expect(mentorRow.payout!.lines.filter((l) => l.kind === 'mentoring')).to.deep.equal([{ kind: 'mentoring', menteeId: mentee.id, amount: 60_000 }]);
  });

  it('names the customer of every booking, with repeat business from the rep’s own customers', () => {
    const bookings = co.actuals.actuals.filter((a) => a.type === 'booking');
    expect(bookings.every((b) => typeof b.customerId === 'string' && /^cust-\d+$/.test(b.customerId))).to.equal(true);
    const customers = new Set(bookings.map((b) => b.customerId));
    // About 45 % of bookings are repeat business: between a third and a half of them reuse a customer.
    expect(1 - customers.size / bookings.length).to.be.within(0.3, 0.5);
    // A customer belongs to one rep (their account).
    const owner = new Map<string, string>();
    for (const b of bookings) {
      expect(owner.get(b.customerId!) ?? b.repId, b.customerId).to.equal(b.repId);
      owner.set(b.customerId!, b.repId);
    }
    // Collections carry no customer of their own (they point at their booking).
    expect(co.actuals.actuals.some((a) => a.type === 'collection' && a.customerId !== undefined)).to.equal(false);
  });

  it('CLV of 廖泽 for FY2026, by hand: ¥302,550 a customer × 1.25 years = ¥378,187.50', () => {
    const rep = co.plan.org.find((n) => n.name === '廖泽')!;
    const own = co.actuals.actuals.filter((a) => a.repId === rep.id && a.type === 'booking');
    const fy = (y: number) => own.filter((a) => a.date.startsWith(String(y))).map((a) => [a.customerId, a.amount / 100]);
    // FY2026 to date: four customers, cust-533 twice.
    expect(fy(2026)).to.deep.equal([['cust-533', 500_000], ['cust-748', 122_000], ['cust-787', 254_600], ['cust-809', 199_400], ['cust-533', 134_200]]);
    // FY2025: five customers, of whom only cust-533 booked again in FY2026 → repeat rate 1/5.
    const before = new Set(fy(2025).map(([c]) => c));
    expect(before.size).to.equal(5);
    expect([...before].filter((c) => ['cust-533', 'cust-748', 'cust-787', 'cust-809'].includes(c as string))).to.deep.equal(['cust-533']);
    // a = (500,000 + 122,000 + 254,600 + 199,400 + 134,200) / 4 = 1,210,200 / 4 = 302,550;
    // lifetime = 1 / (1 − 1/5) = 1.25 years; CLV = 302,550 × 1.25 = 378,187.50 yuan.
    const clv = customerLifetimeValue(own, { start: '2026-01-01', end: ASOF }, { start: '2025-01-01', end: '2025-12-31' });
    expect(clv).to.deep.equal({ available: true, value: 37_818_750, customers: 4, averageValue: 30_255_000, repeatRate: 0.2, lifetimePeriods: 1.25 });
    // The review (board) of the rep shows that figure as the CLV actual, with no "not available" reason.
    const review = reviewFromSnapshot(createPlanState(decomposed(co), { actuals: co.actuals, asOf: ASOF }), { nodeId: rep.id, period: 'FY2026' });
    if (!review.ok) throw new Error(review.error.message);
    expect([review.value.kpis.find((k) => k.id === 'clv')!.actual, review.value.clvUnavailable]).to.deep.equal([37_818_750, null]);
  });
});
