import { expect } from '@open-wc/testing';
import { evaluateTriggers, type AdjustmentState, type PlanEvent } from '../../../src/engine/adjustment/index.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import type { Opportunity, OrgNode, TargetCell } from '../../../src/engine/plan/model.js';

/**
 * The adjustment panel asks for the trigger rules' proposals with the store's read model beside the
 * plain lists (issue 12 item 5): at 100,000 people, indexing the org and rolling the target cells up
 * again took seconds in one task. With `readModel` the rules read its index and its memoized roll-ups
 * and never walk the target list; the proposals are the same ones.
 *
 * Same March 2026 team as triggers.test.ts (22 working days; 13 March: 10 behind).
 */
const org: OrgNode[] = [
  { id: 'co', name: 'Co', parentId: null, kind: 'company' },
  { id: 't', name: 'Team', parentId: 'co', kind: 'team' },
  { id: 'x', name: 'Xu', parentId: 't', kind: 'rep' },
  { id: 'y', name: 'Yan', parentId: 't', kind: 'rep' },
  { id: 'z', name: 'Zhao', parentId: 't', kind: 'rep', leaveDate: '2026-03-13' },
  { id: 'w', name: 'Wu', parentId: 't', kind: 'rep', hireDate: '2026-03-02' },
  { id: 'u', name: 'Other', parentId: 'co', kind: 'team' },
  { id: 'v', name: 'Vu', parentId: 'u', kind: 'rep' },
];
const month = (nodeId: string, value: number, product?: string): TargetCell => ({ nodeId, period: '2026-03', metric: 'revenue', value, ...(product ? { product } : {}) });
const plan = { id: 'p', name: 'P', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 } as const;
const targets = [month('x', 2_200_000), month('y', 1_000_000), month('z', 2_200_000), month('w', 100_000), month('v', 3_000_000), month('v', 50_000, 'ai')];
const actuals = [
  { id: 'b1', repId: 'x', productId: 'core', date: '2026-03-05', type: 'booking' as const, amount: 500_000 },
  { id: 'b2', repId: 'y', productId: 'core', date: '2026-03-05', type: 'booking' as const, amount: 500_000 },
  { id: 'b3', repId: 'v', productId: 'core', date: '2026-03-06', type: 'booking' as const, amount: 100_000 },
];
const pipeline: Opportunity[] = [{ id: 'o1', repId: 'v', stageId: 'quote', amount: 400_000, probability: 0.5, expectedClose: '2026-03-25', productId: 'core' }];
const products = [{ id: 'core', name: 'Core', new: false }, { id: 'ai', name: 'AI', new: true }];
const events: PlanEvent[] = [
  { kind: 'market', nodeId: 'x', date: '2026-03-16', change: -0.2 },
  { kind: 'territory', nodeId: 'y', date: '2026-03-02', change: 0.1 },
  { kind: 'absence', nodeId: 'v', from: '2026-03-09', to: '2026-03-20' },
  { kind: 'new-product', productId: 'ai', date: '2026-03-16' },
];

/** Plain lists whose target list counts how often it is read. */
function counted(): { state: AdjustmentState & { pipeline: Opportunity[] }; reads: () => number } {
  let reads = 0;
  const list = new Proxy(targets, {
    get(t, k, r) {
      reads++;
      return Reflect.get(t, k, r);
    },
  });
  return { state: { plan, org, targets: list, actuals, pipeline }, reads: () => reads };
}

describe('evaluateTriggers with the read model', () => {
  const model = createPlanState({ plan, org, products, stages: [], targets }, { actuals: { from: '2026-01-01', to: '2026-03-13', actuals, stageCounts: [], pipeline }, asOf: '2026-03-13' });

  for (const [label, more] of [
    ['the company, every rule and event', { nodeId: 'co', includePace: true, events }],
    ['a team', { nodeId: 't', includePace: true, events }],
    ['the whole org, personnel rules only', {}],
    ['one rep', { nodeId: 'v', includePace: true, events }],
  ] as const) {
    it(`proposes what the plain lists do: ${label}`, () => {
      const plain = evaluateTriggers({ state: counted().state, period: '2026-03', asOf: '2026-03-13', products, ...more });
      const c = counted();
      const fast = evaluateTriggers({ state: c.state, period: '2026-03', asOf: '2026-03-13', products, readModel: model, ...more });
      if (!plain.ok || !fast.ok) throw new Error('failed');
      expect(fast.value).to.deep.equal(plain.value);
      // The target list is not walked again: the read model's roll-ups answer.
      expect(c.reads()).to.equal(0);
    });
  }

  it('finds the hand-computed proposals through the read model', () => {
    const r = evaluateTriggers({ state: counted().state, period: '2026-03', asOf: '2026-03-13', products, events, includePace: true, nodeId: 'co', readModel: model });
    if (!r.ok) throw new Error(r.error.code);
    const by = (kind: string) => r.value.filter((p) => p.kind === kind).map((p) => [p.nodeId, p.change]);
    // x: forecast 800,000 of 2,200,000 (see triggers.test.ts) → pace; z leaves; w joins.
    // v: run-rate 100,000 + 100,000 × 12 / 10 = 220,000; pipeline 100,000 + 50 % × 400,000 = 300,000;
    // blended ½ · 220,000 + ½ · 300,000 = 260,000, 8.7 % of 3,000,000 → pace.
    expect(by('pace')).to.deep.equal([['x', { kind: 'value', value: 800_000 }], ['v', { kind: 'value', value: 260_000 }]]);
    expect(by('leaving')).to.deep.equal([['z', { kind: 'value', value: 1_000_000 }]]);
    // The market: 2,200,000 − 20 % × 12 / 22 × 2,200,000 = 1,960,000.
    expect(by('market')).to.deep.equal([['x', { kind: 'value', value: 1_960_000 }]]);
    // v away 10 of 22 working days: 3,000,000 − 3,000,000 × 10 / 22 = 1,636,364.
    expect(by('absence')).to.deep.equal([['v', { kind: 'value', value: 1_636_364 }]]);
    // The company's March target 8,500,000 (5,500,000 + 3,000,000) × 10 % × 12 / 22 = 463,636, above the 50,000 already on AI.
    expect(r.value.filter((p) => p.kind === 'new-product').map((p) => [p.nodeId, p.change, p.facts.current])).to.deep.equal([['co', { kind: 'value', value: 463_636 }, 50_000]]);
  });

  it('ignores a read model of another org', () => {
    const other = createPlanState({ plan, org: org.slice(0, 6), products, stages: [], targets }, { actuals: null, asOf: '2026-03-13' });
    const r = evaluateTriggers({ state: counted().state, period: '2026-03', asOf: '2026-03-13', products, nodeId: 'co', readModel: other });
    expect(r.ok && r.value.map((p) => [p.nodeId, p.kind])).to.deep.equal([['z', 'leaving'], ['w', 'joining']]);
  });
});
