import { expect } from '@open-wc/testing';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import { buildOrgIndex } from '../../../src/engine/plan/rollup.js';
import { gridReader, planDecomposition } from '../../../src/components/goal-tree/goal-tree.model.js';
import { createPlanState, defaultPeriod, actualOf, type PlanState } from '../../../src/engine/plan/plan-state.js';
import { plannedFunnel, actualFunnel } from '../../../src/engine/funnel/plan-funnel.js';
import { computeFunnel, funnelContext, planInputs, type FunnelResults } from '../../../src/engine/funnel/view.js';
import { reviewFromSnapshot, type ReviewReport } from '../../../src/engine/review/source.js';
import type { MetricId, PlanSnapshot, TargetCell, ActualsSnapshot } from '../../../src/engine/plan/model.js';

/**
 * Issue 13, "One plan, one truth": the sample company as of 2026-12-01 after 拆解目标 (the goal
 * tree's decomposition of the company's FY2026 target). Before the fix the funnel inverter's
 * bottleneck compared actual leads with its own pro-rata requirement (16,872 planned leads for the
 * company) while the review inverted the pro-rata target (15,891), and the two named different
 * problems (leads vs deal size).
 */
let cached: { plan: PlanSnapshot; actuals: ActualsSnapshot; targets: TargetCell[]; state: PlanState } | undefined;
function demo() {
  if (cached) return cached;
  const asOf = '2026-12-01';
  const { plan, actuals } = generateSampleCompany({ asOf });
  const ix = buildOrgIndex(plan.org);
  const cells = new Map(plan.targets.map((c) => [`${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`, c]));
  const source = { getCell: (n: string, p: string, m: MetricId, pr?: string | null) => cells.get(`${n}|${p}|${m}|${pr ?? ''}`) };
  const reader = gridReader({ index: ix, source, calendar: plan.plan.calendar, metric: 'revenue' });
  const d = planDecomposition(reader, { org: plan.org, fiscalYear: 2026, calendar: plan.plan.calendar, metric: 'revenue', actuals, products: plan.products });
  if (!d.ok) throw new Error(d.error.message);
  const targets = [...d.value.cells];
  const state = createPlanState({ ...plan, targets }, { actuals, asOf });
  return (cached = { plan, actuals, targets, state });
}
const xueTing = () => demo().plan.org.find((n) => n.name === '薛婷')!.id;

function funnelOf(state: PlanState, nodeId: string, period?: string): FunnelResults {
  const ctx = funnelContext(state, { nodeId, ...(period ? { period } : {}) });
  if (!ctx.ok) throw new Error(ctx.error.message);
  const inputs = planInputs(ctx.value);
  if (!inputs) throw new Error('the plan gives no inputs');
  const r = computeFunnel(inputs, ctx.value);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
function reviewOf(state: PlanState, nodeId: string, period?: string): ReviewReport {
  const r = reviewFromSnapshot(state, { nodeId, ...(period ? { period } : {}) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The weakest factor a diagnosis names: 'lead', a conversion 'demo→quote', 'deal-size', or 'on-plan'. */
function verdictOfFunnel(r: FunnelResults): string {
  const d = r.diagnosis;
  if (!d?.ok) throw new Error('no diagnosis');
  const f = d.value.finding;
  if (!f) return 'on-plan';
  if (f.kind === 'deal-size') return 'deal-size';
  return f.nextStageId === null ? f.stageId : `${f.stageId}→${f.nextStageId}`;
}
function verdictOfReview(r: ReviewReport): string {
  const { code, params } = r.diagnosis;
  if (code === 'review-diagnosis-deal-size') return 'deal-size';
  if (code === 'funnel-diagnosis-on-plan') return 'on-plan';
  if (code === 'funnel-diagnosis-leads') return String(params.stage);
  return `${params.from}→${params.to}`;
}

describe('one planned funnel (issue 13)', () => {
  for (const who of ['company', '薛婷']) {
    it(`${who}, FY2026: the funnel's bottleneck and the review compare the same planned leads to date and name the same factor`, () => {
      const { state } = demo();
      const nodeId = who === 'company' ? 'company' : xueTing();
      const planned = plannedFunnel(state, nodeId, 'FY2026');
      if (!planned.ok) throw new Error(planned.error.message);
      const pf = planned.value;
      // FY2026 runs to Dec 31: 226 of 248 working days have passed by 2026-12-01, so the baseline is pro rata.
      expect([pf.elapsedDays, pf.totalDays]).to.deep.equal([226, 248]);
      const planLeads = pf.toDate!.lead;
      // toDate = volumes × 226 / 248, rounded half up.
      expect(planLeads).to.equal(Math.floor((pf.volumes!.lead * 226 * 2 + 248) / 496));

      const funnel = funnelOf(state, nodeId, 'FY2026');
      const review = reviewOf(state, nodeId, 'FY2026');
      const actualLeads = actualFunnel(state, nodeId, 'FY2026')!.lead;

      expect(funnel.planToDate!.lead, 'funnel plan to date').to.equal(planLeads);
      const diagnosis = funnel.diagnosis;
      if (!diagnosis?.ok) throw new Error('the funnel inverter shows no bottleneck');
      expect(diagnosis.value.factors[0].plan, 'funnel diagnosis plan leads').to.equal(planLeads);
      expect(diagnosis.value.factors[0].actual, 'funnel diagnosis actual leads').to.equal(actualLeads);
      const leads = review.kpis.find((k) => k.id === 'leads')!;
      expect(leads.plan, 'review plan leads').to.equal(planLeads);
      expect(leads.actual, 'review actual leads').to.equal(actualLeads);
      // The review's revenue is the same actual as everywhere (bookings to date).
      expect(review.kpis[0].actual).to.equal(actualOf(state, nodeId, 'FY2026'));
      expect(verdictOfFunnel(funnel)).to.equal(verdictOfReview(review));
    });
  }

  it('both default to the page period of defaultPeriod', () => {
    const { state } = demo();
    for (const nodeId of ['company', xueTing()]) {
      const ctx = funnelContext(state, { nodeId });
      expect(ctx.ok && ctx.value.period).to.equal(defaultPeriod(state, nodeId));
      expect(reviewOf(state, nodeId).period).to.equal(defaultPeriod(state, nodeId));
      expect(defaultPeriod(state, nodeId)).to.equal('FY2026');
    }
  });

  it('keeps the plain-data signatures working, with the same figures as the state', () => {
    const { plan, actuals, targets, state } = demo();
    const nodeId = xueTing();
    const ctx = funnelContext({ snapshot: plan, actuals, targets }, { nodeId, period: 'FY2026', asOf: '2026-12-01' });
    if (!ctx.ok) throw new Error(ctx.error.message);
    const r = computeFunnel(planInputs(ctx.value)!, ctx.value);
    const pf = plannedFunnel(state, nodeId, 'FY2026');
    if (!pf.ok) throw new Error(pf.error.message);
    expect(r.ok && r.value.planToDate).to.deep.equal(pf.value.toDate);
    const rv = reviewFromSnapshot({ plan: plan.plan, org: plan.org, stages: plan.stages, targets, actuals, asOf: '2026-12-01' }, { nodeId, period: 'FY2026' });
    expect(rv.ok && rv.value.kpis[1].plan).to.equal(reviewOf(state, nodeId, 'FY2026').kpis[1].plan);
  });

  it("states one gap percentage for the review's leads: the KPI table's and the finding's agree", () => {
    const { state } = demo();
    const review = reviewOf(state, xueTing(), 'FY2026');
    const leads = review.kpis.find((k) => k.id === 'leads')!;
    const finding = review.findings.find((f) => f.code === 'review-effect-leads')!;
    expect(finding.params.plan).to.equal(leads.plan);
    // One definition: actual / planned leads to date − 1, in percent to one decimal.
    expect(finding.params.delta).to.equal(Math.round((leads.actual! / leads.plan! - 1) * 1000) / 10);
  });

  it('never compares a what-if target with the actuals: no bottleneck against a ¥1,000,000 what-if', () => {
    const { state } = demo();
    const ctx = funnelContext(state, { nodeId: 'company', period: 'FY2026' });
    if (!ctx.ok) throw new Error(ctx.error.message);
    const plan = planInputs(ctx.value)!;
    const whatIf = computeFunnel({ ...plan, target: 100_000_000 }, ctx.value);
    if (!whatIf.ok) throw new Error(whatIf.error.message);
    expect(whatIf.value.diagnosis).to.equal(null);
    expect(whatIf.value.planToDate).to.equal(null);
    expect(whatIf.value.whatIf).to.equal(true);
    // Another rate is a what-if too; the plan's own inputs are not.
    const rate = computeFunnel({ ...plan, stages: plan.stages.map((s, i) => (i === 0 ? { ...s, rate: 0.5 } : s)) }, ctx.value);
    expect(rate.ok && [rate.value.whatIf, rate.value.diagnosis]).to.deep.equal([true, null]);
    const same = computeFunnel(plan, ctx.value);
    expect(same.ok && same.value.whatIf).to.equal(false);
    expect(same.ok && same.value.diagnosis?.ok).to.equal(true);
  });
});
