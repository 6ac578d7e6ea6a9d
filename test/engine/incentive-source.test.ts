import { expect } from '@open-wc/testing';
import { originalTargetCells, resolveIncentiveScope, type IncentiveSource } from '../../src/engine/incentive-source.js';
import { computePayout, type CommissionPlan } from '../../src/engine/incentive.js';
import type { TargetCell } from '../../src/engine/model.js';
import { smallFixture } from '../fixtures/small-plan.js';

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
