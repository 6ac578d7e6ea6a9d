import { expect } from '@open-wc/testing';
import { funnelContext, funnelContextSteps, FUNNEL_CONTEXT_CHUNK, lookbackWindow, monthsOfPeriod, type FunnelContext } from '../../../src/engine/funnel/view.js';
import { conversionRatesFromHistory } from '../../../src/engine/funnel/history.js';
import { plannedFunnel } from '../../../src/engine/funnel/plan-funnel.js';
import { createPlanState, targetOf, type PlanState } from '../../../src/engine/plan/plan-state.js';
import { subtreeRecords } from '../../../src/engine/plan/subtree-sums.js';
import { createRandom } from '../../../src/engine/shared/random.js';
import type { StepProgress } from '../../../src/engine/shared/steps.js';
import type { ActualsSnapshot, Opportunity, OrgNode, PlanSnapshot, StageCount, TargetCell, Actual } from '../../../src/engine/plan/model.js';
import { largeOrg } from '../../fixtures/large-org.js';

/**
 * Issue 12 item 5: the funnel inverter's context at 100,000 people is a few hundred milliseconds in
 * one piece, so the element runs `funnelContextSteps` a slice at a time. Its figures must be the
 * ones of the definition (the reps of `ix.reps` still on the payroll, the pipeline of
 * `subtreeRecords`, the month targets of `targetOf`, the plan's and the lookback's history), on a
 * random org, and no step may read more than `FUNNEL_CONTEXT_CHUNK` nodes or records.
 */

const STAGES = ['lead', 'demo', 'quote', 'won'];
const MONTHS = ['2025-01', '2025-04', '2025-07', '2025-09', '2025-12', '2026-02', '2026-05'];

/** A random org (teams nested up to four deep, empty teams, leavers), targets, history and pipeline. */
function randomPlan(seed: number): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const rnd = createRandom(seed);
  const org: OrgNode[] = [{ id: 'co', name: 'Co', parentId: null, kind: 'company' }];
  const teams = ['co'];
  for (let t = 0; t < 25; t++) {
    const id = `t${t}`;
    org.push({ id, name: `Team ${t}`, parentId: rnd.pick(teams)!, kind: 'team' });
    teams.push(id);
  }
  const targets: TargetCell[] = [];
  const actuals: Actual[] = [];
  const stageCounts: StageCount[] = [];
  const pipeline: Opportunity[] = [];
  for (let i = 0; i < 400; i++) {
    const id = `r${i}`;
    const leave = rnd.int(0, 5) === 0 ? `2026-0${rnd.int(1, 9)}-${String(rnd.int(10, 28))}` : undefined;
    org.push({ id, name: `Rep ${i}`, parentId: rnd.pick(teams.slice(1))!, kind: 'rep', hireDate: `20${rnd.int(15, 26)}-0${rnd.int(1, 9)}-01`, ...(leave ? { leaveDate: leave } : {}) });
    targets.push({ nodeId: id, period: 'FY2026', metric: 'revenue', value: rnd.int(1, 900) * 100_000, source: 'blend' });
    for (const m of ['2026-01', '2026-06']) if (rnd.int(0, 1)) targets.push({ nodeId: id, period: m, metric: 'revenue', value: rnd.int(1, 90) * 100_000, source: 'blend' });
    for (let k = rnd.int(0, 3); k > 0; k--) {
      const month = rnd.pick(MONTHS)!;
      let count = rnd.int(5, 60);
      for (const stageId of STAGES) {
        stageCounts.push({ repId: id, month, stageId, count });
        count = rnd.int(0, count);
      }
      actuals.push({ id: `b${i}-${k}`, repId: id, productId: 'core', date: `${month}-15`, type: 'booking', amount: rnd.int(1, 500) * 10_000 });
    }
    for (let k = rnd.int(0, 2); k > 0; k--) {
      pipeline.push({ id: `o${i}-${k}`, repId: id, productId: 'core', amount: rnd.int(1, 90) * 100_000, stageId: rnd.pick(STAGES)!, expectedClose: '2026-09-30', probability: 0.5 });
    }
  }
  pipeline.push({ id: 'o-ghost', repId: 'nobody', productId: 'core', amount: 100, stageId: 'lead', expectedClose: '2026-09-30', probability: 0.5 });
  return {
    plan: {
      plan: { id: 'p', name: 'FY2026', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org,
      products: [{ id: 'core', name: 'Core', new: false }],
      stages: STAGES.map((id, i) => ({ id, name: { en: id, 'zh-CN': id }, ...(i < 3 ? { avgDays: 7 + i } : {}) })),
      targets,
    },
    actuals: { from: '2025-01-01', to: '2026-12-31', actuals, stageCounts, pipeline },
  };
}

/** Runs the steps one at a time (as a sliced element does), keeping every progress report. */
function stepped<T>(steps: Generator<StepProgress, T, void>): { value: T; reports: StepProgress[] } {
  const reports: StepProgress[] = [];
  for (;;) {
    const r = steps.next();
    if (r.done) return { value: r.value, reports };
    reports.push(r.value);
  }
}

/** The definition, on its own fresh read model (no memo shared with the steps). */
function definition(state: PlanState, nodeId: string, period: string, lookbackMonths: number) {
  const ix = state.index;
  const asOf = state.asOf;
  const start = `${period.slice(2, 6)}-01-01`;
  return {
    reps: ix
      .reps(nodeId)
      .map((id) => ix.byId.get(id)!)
      .filter((r) => r.leaveDate === undefined || r.leaveDate > asOf)
      .map((r) => ({ id: r.id, name: r.name, ...(r.hireDate ? { hireDate: r.hireDate } : {}) })),
    pipeline: subtreeRecords(ix, state.actuals!.pipeline, nodeId),
    target: targetOf(state, nodeId, period),
    months: monthsOfPeriod(period, state.plan.calendar).map((month) => ({ month, target: targetOf(state, nodeId, month) })),
    planned: plannedFunnel(state, nodeId, period),
    history: conversionRatesFromHistory(state.actuals!.stageCounts, ix, { nodeId, ...lookbackWindow(start, lookbackMonths), stages: STAGES, actuals: state.actuals!.actuals }),
  };
}

describe('funnelContextSteps', function () {
  this.timeout(120_000);

  for (const seed of [1, 2, 3, 4, 5]) {
    it(`equals the definition, one step at a time, on random org ${seed}`, () => {
      const { plan, actuals } = randomPlan(seed);
      const nodes = plan.org.filter((n) => n.kind !== 'rep').map((n) => n.id);
      const rnd = createRandom(seed * 101);
      for (const nodeId of ['co', rnd.pick(nodes)!, rnd.pick(nodes)!, 'r7']) {
        const lookbackMonths = rnd.pick([6, 12])!;
        const stepsState = createPlanState(plan, { actuals, asOf: '2026-07-01' });
        const { value: r } = stepped(funnelContextSteps(stepsState, { nodeId, period: 'FY2026', lookbackMonths }));
        if (!r.ok) throw new Error(r.error.message);
        const c: FunnelContext = r.value;
        const want = definition(createPlanState(plan, { actuals, asOf: '2026-07-01' }), nodeId, 'FY2026', lookbackMonths);
        expect(c.reps, `reps of ${nodeId}`).to.deep.equal(want.reps);
        expect(c.pipeline, `pipeline of ${nodeId}`).to.deep.equal(want.pipeline);
        expect(c.target).to.equal(want.target);
        expect(c.months).to.deep.equal(want.months);
        expect(c.history).to.deep.equal(want.history.ok ? want.history.value : null);
        expect(c.planned).to.deep.equal(lookbackMonths === 12 && want.planned.ok ? want.planned.value : null);
        // And the one-piece entry point on a third fresh model gives the same whole context.
        const whole = funnelContext(createPlanState(plan, { actuals, asOf: '2026-07-01' }), { nodeId, period: 'FY2026', lookbackMonths });
        expect(whole).to.deep.equal(r);
      }
    });
  }

  it('leaves out reps who left by asOf and non-rep leaves (hand-checked on a small org)', () => {
    const { plan, actuals } = randomPlan(9);
    const state = createPlanState(plan, { actuals, asOf: '2026-07-01' });
    const r = stepped(funnelContextSteps(state, { nodeId: 'co', period: 'FY2026' })).value;
    if (!r.ok) throw new Error(r.error.message);
    const stayed = plan.org.filter((n) => n.kind === 'rep' && (n.leaveDate === undefined || n.leaveDate > '2026-07-01')).length;
    expect(stayed).to.be.below(400).and.above(250);
    expect(r.value.reps.length).to.equal(stayed);
    expect(r.value.pipeline.length).to.equal(actuals.pipeline.length - 1); // all but the opportunity of no known rep
  });

  it('reads at most FUNNEL_CONTEXT_CHUNK nodes or records per step (20,000 people)', () => {
    const { plan, actuals } = largeOrg({ nodes: 20_000, teams: 20 });
    const state = createPlanState(plan, { actuals, asOf: '2026-07-01' });
    const { value: r, reports } = stepped(funnelContextSteps(state, { nodeId: 'co', period: 'FY2026' }));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.reps.length).to.equal(20_000 - 21);
    expect(r.value.pipeline.length).to.equal(20_000 - 21);
    // Nodes of the subtree (20,000) then pipeline records (19,979): the counted steps.
    const total = 20_000 + 19_979;
    const counted = reports.filter((p) => p.total > 0);
    expect(counted.every((p) => p.total === total)).to.equal(true);
    expect(counted[counted.length - 1].done).to.equal(total);
    let before = 0;
    for (const p of counted) {
      expect(p.done - before).to.be.at.most(FUNNEL_CONTEXT_CHUNK);
      before = p.done;
    }
    // ceil(20,000 / 2,000) = 10 steps of nodes, ceil(19,979 / 2,000) = 10 of records, and more.
    expect(counted.length).to.be.at.least(20);
    // The roll-ups of the two history windows, the plan's funnel and the 12 months: a step each.
    expect(reports.length - counted.length).to.be.at.least(12 + 4 + 1);
  });
});
