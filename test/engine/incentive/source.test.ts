import { expect } from '@open-wc/testing';
import { originalTargetCells, resolveIncentiveScope, type IncentiveSource } from '../../../src/engine/incentive/source.js';
import { computePayout, SAMPLE_COMMISSION_PLAN, type CommissionPlan } from '../../../src/engine/incentive/commission.js';
import { createPlanState, defaultPeriod, figureOf, targetOf } from '../../../src/engine/plan/plan-state.js';
import type { TargetCell } from '../../../src/engine/plan/model.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const PLAN: CommissionPlan = {
  basis: 'booked',
  tiers: [
    { from: 0, rate: 0 },
    { from: 0.5, rate: 0.05 },
    { from: 1, rate: 0.08 },
  ],
};
const q1 = (nodeId: string, value: number, source?: TargetCell['source']): TargetCell => ({ nodeId, period: 'FY2026-Q1', metric: 'revenue', value, ...(source ? { source } : {}) });

/** The small fixture as of 31 March 2026; `inForce` replaces or adds Q1 revenue cells on top of the loaded targets. */
function source(inForce: TargetCell[], loaded = true): IncentiveSource {
  const { plan, actuals } = smallFixture();
  const key = (c: TargetCell) => `${c.nodeId}|${c.period}|${c.metric}|${c.product ?? ''}`;
  const replaced = new Set(inForce.map(key));
  return {
    plan: plan.plan,
    org: plan.org,
    products: plan.products,
    targets: [...plan.targets.filter((c) => !replaced.has(key(c))), ...inForce],
    actuals,
    asOf: '2026-03-31',
    ...(loaded ? { loadedTargets: plan.targets } : {}),
  };
}

describe('originalTargetCells', () => {
  const loaded = [q1('r1', 50_000_000, 'manual'), q1('r3', 10_000_000, 'adjustment')];

  it('puts back the loaded value of a cell an approved adjustment changed', () => {
    expect(originalTargetCells([q1('r1', 30_000_000, 'adjustment')], loaded)).to.deep.equal([q1('r1', 50_000_000, 'manual')]);
  });

  it('keeps planning edits, unchanged adjusted cells (loaded after a reload) and drops cells an adjustment created', () => {
    const inForce = [q1('r1', 45_000_000, 'manual'), q1('r3', 10_000_000, 'adjustment'), q1('r2', 4_000_000, 'adjustment')];
    expect(originalTargetCells(inForce, loaded)).to.deep.equal([q1('r1', 45_000_000, 'manual'), q1('r3', 10_000_000, 'adjustment')]);
  });
});

describe('resolveIncentiveScope: the original target beside the target in force', () => {
  it('sets originalTarget from the loaded cell when an adjustment lowered the target', () => {
    // 王芳's Q1 target was loaded at ¥500,000 (source manual); an approved adjustment set it to ¥300,000.
    const r = resolveIncentiveScope(source([q1('r1', 30_000_000, 'adjustment')]), { nodeId: 'r1', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.people.map((p) => [p.id, p.target, p.originalTarget])).to.deep.equal([
      ['r1', 30_000_000, 50_000_000],
      // 李强 (her mentee) has no Q1 target and nothing changed: no original.
      ['r2', 0, undefined],
    ]);
    expect('originalTarget' in r.value.people[1]!).to.equal(false);

    // Pay is against the target in force: booked 120,000 + 45,000 = ¥165,000 in Q1.
    // vs ¥300,000 → 55 %: (165,000 − 150,000) × 5 % = ¥750. Against the original ¥500,000 it would be 33 %: ¥0.
    const p = computePayout(PLAN, r.value.people[0]!, smallFixture().actuals.actuals, r.value.options);
    if (!p.ok) throw new Error(p.error.code);
    expect([p.value.total, p.value.attainment, p.value.originalTarget, p.value.originalAttainment]).to.deep.equal([75_000, 0.55, 50_000_000, 0.33]);
  });

  it('rolls the originals up like the targets: the team of a manager view', () => {
    // An adjustment created 李强's Q1 cell (¥40,000; nothing loaded): original 0. 王芳 unchanged.
    const r = resolveIncentiveScope(source([q1('r2', 4_000_000, 'adjustment')]), { nodeId: 'east-sh', period: 'FY2026-Q1' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.view).to.equal('manager');
    expect(r.value.people.map((p) => [p.id, p.target, p.originalTarget])).to.deep.equal([
      ['r1', 50_000_000, undefined],
      ['r2', 4_000_000, 0],
    ]);
  });

  it('shows no original for a planning edit, or without the loaded targets', () => {
    const manual = resolveIncentiveScope(source([q1('r1', 45_000_000, 'manual')]), { nodeId: 'r1', period: 'FY2026-Q1' });
    expect(manual.ok && manual.value.people[0]).to.deep.include({ target: 45_000_000 });
    expect(manual.ok && manual.value.people[0]!.originalTarget).to.equal(undefined);
    const unknown = resolveIncentiveScope(source([q1('r1', 30_000_000, 'adjustment')], false), { nodeId: 'r1', period: 'FY2026-Q1' });
    expect(unknown.ok && [unknown.value.people[0]!.target, unknown.value.people[0]!.originalTarget]).to.deep.equal([30_000_000, undefined]);
  });
});

describe('originalTargetCells with the cell\'s own original', () => {
  it('uses `original` saved with an adjusted cell, so the original survives a reload', () => {
    // 王芳's Q1 target: ¥500,000 before the adjustment, ¥300,000 in force, loaded that way after a reload.
    const adjusted = { nodeId: 'r1', period: 'FY2026-Q1', metric: 'revenue' as const, value: 30_000_000, source: 'adjustment' as const, original: 50_000_000 };
    expect(originalTargetCells([adjusted], [adjusted])).to.deep.equal([{ ...adjusted, value: 50_000_000 }]);
    // A cell the adjustment created had no target before: it does not count.
    expect(originalTargetCells([{ ...adjusted, original: 0 }], [])).to.deep.equal([]);
  });
});

describe('resolveIncentiveScope on the read model: one truth with the goal tree', () => {
  /*
   * As of 30 April 2026, FY2026-Q1, the small fixture: every rep's booked figure in the payout is the
   * read model's actual (r1 ¥165,000, r3 ¥80,000, r5 ¥200,000, r6 ¥30,000, r2 and r4 none), and the
   * target is its target (r1's Q1 cell ¥500,000). Under the sample plan r1's ¥120,000 booking of
   * 15 January, ¥60,000 collected, is clawed back after 90 days: credited ¥105,000, not ¥165,000.
   */
  it('pays against targetOf and reports actualOf as the booked figure for every rep', () => {
    const { plan, actuals } = smallFixture();
    const state = createPlanState(plan, { actuals, asOf: '2026-04-30' });
    const scope = resolveIncentiveScope(state, { nodeId: 'co', period: 'FY2026-Q1' });
    if (!scope.ok) throw new Error(scope.error.message);
    expect(scope.value.people.map((p) => p.id)).to.deep.equal(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    const booked: Record<string, number> = {};
    for (const p of scope.value.people) {
      expect(p.target, p.id).to.equal(targetOf(state, p.id, 'FY2026-Q1') ?? 0);
      const pay = computePayout(SAMPLE_COMMISSION_PLAN, { ...p, target: p.target || 1 }, actuals.actuals, scope.value.options);
      if (!pay.ok) throw new Error(pay.error.message);
      expect(pay.value.booked, p.id).to.equal(figureOf(state, { nodeId: p.id, period: 'FY2026-Q1' }).actual);
      booked[p.id] = pay.value.booked;
      if (p.id === 'r1') expect([pay.value.revenue, pay.value.target]).to.deep.equal([10_500_000, 50_000_000]);
    }
    expect(booked).to.deep.equal({ r1: 16_500_000, r2: 0, r3: 8_000_000, r4: 0, r5: 20_000_000, r6: 3_000_000 });
  });

  it('defaults to the page default period of the read model (defaultPeriod)', () => {
    const { plan, actuals } = smallFixture();
    const state = createPlanState(plan, { actuals, asOf: '2026-04-30' });
    const scope = resolveIncentiveScope(state, { nodeId: 'east' });
    expect(scope.ok && scope.value.period).to.equal(defaultPeriod(state, 'east'));
    expect(defaultPeriod(state, 'east')).to.equal('FY2026');
  });
});
