import { expect } from '@open-wc/testing';
import { gridReader } from '../../../src/components/goal-tree/goal-tree.model.js';
import type { OrgNode, PlanSnapshot, TargetCell } from '../../../src/engine/plan/model.js';
import { createPlanState } from '../../../src/engine/plan/plan-state.js';
import { createRandom } from '../../../src/engine/shared/random.js';

const CAL = { startMonth: 1 };
const PERIODS = ['FY2026', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];
const SUBS: Record<string, string[]> = {
  FY2026: ['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3', 'FY2026-Q4'],
  ...Object.fromEntries([1, 2, 3, 4].map((q) => [`FY2026-Q${q}`, [0, 1, 2].map((m) => `2026-${String((q - 1) * 3 + m + 1).padStart(2, '0')}`)])),
};

function plan(org: OrgNode[], targets: TargetCell[]): PlanSnapshot {
  return { plan: { id: 'p', name: 'p', currency: 'CNY', calendar: CAL, fiscalYear: 2026, version: 1 }, org, products: [{ id: 'ai', name: 'AI', new: true }], stages: [], targets };
}

/** The definition, written the slow, obvious way: own cell, else own sub-periods, else children. */
function reference(org: OrgNode[], targets: TargetCell[], product: string | null) {
  const cell = (n: string, p: string) => targets.find((t) => t.nodeId === n && t.period === p && t.metric === 'revenue' && (t.product ?? null) === product)?.value;
  const own = (n: string, p: string): number | undefined => {
    let v = cell(n, p);
    if (v === undefined) for (const s of SUBS[p] ?? []) { const x = own(n, s); if (x !== undefined) v = (v ?? 0) + x; }
    return v;
  };
  const value = (n: string, p: string): number | undefined => {
    const mine = own(n, p);
    if (mine !== undefined) return mine;
    let sum: number | undefined;
    for (const k of org.filter((o) => o.parentId === n)) { const x = value(k.id, p); if (x !== undefined) sum = (sum ?? 0) + x; }
    return sum;
  };
  return value;
}

describe('goal-grid reader at scale (issue 12 item 5)', () => {
  it('the one-pass roll-up gives the same value as the definition for every node and period (random orgs, mixed cells)', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const rng = createRandom(seed);
      const rnd = () => rng.next();
      const org: OrgNode[] = [{ id: 'n0', name: 'n0', parentId: null, kind: 'company' }];
      for (let i = 1; i < 40; i++) org.push({ id: `n${i}`, name: `n${i}`, parentId: `n${Math.floor(rnd() * i)}`, kind: 'unit' });
      const targets: TargetCell[] = [];
      for (const n of org) {
        for (const p of PERIODS) {
          if (rnd() < 0.08) targets.push({ nodeId: n.id, period: p, metric: 'revenue', value: Math.floor(rnd() * 1000) * 100 });
          if (rnd() < 0.04) targets.push({ nodeId: n.id, period: p, metric: 'revenue', product: 'ai', value: Math.floor(rnd() * 1000) * 100 });
          if (rnd() < 0.03) targets.push({ nodeId: n.id, period: p, metric: 'won', value: Math.floor(rnd() * 10) });
        }
      }
      const state = createPlanState(plan(org, targets), { asOf: '2026-06-30' });
      for (const product of [null, 'ai']) {
        const want = reference(org, targets, product);
        const r = gridReader({ state, metric: 'revenue', product });
        for (const n of org) for (const p of PERIODS) expect(r.value(n.id, p), `seed ${seed}, ${n.id} ${p} ${product}`).to.equal(want(n.id, p));
      }
    }
  });

  it('valueSteps reads a period in slices of at most 4,000 nodes, to the values of the one-piece pass (random org of 12,000)', () => {
    const rng = createRandom(2026);
    const rnd = () => rng.next();
    const org: OrgNode[] = [{ id: 'n0', name: 'n0', parentId: null, kind: 'company' }];
    for (let i = 1; i < 12_000; i++) org.push({ id: `n${i}`, name: `n${i}`, parentId: `n${Math.floor(rnd() * Math.min(i, 400))}`, kind: 'unit' });
    const targets: TargetCell[] = [];
    for (const n of org) for (const p of PERIODS) if (rnd() < 0.05) targets.push({ nodeId: n.id, period: p, metric: 'revenue', value: Math.floor(rnd() * 1e9) * 100 });
    const state = createPlanState(plan(org, targets), { asOf: '2026-06-30' });
    const cells = state.cells as { ofNode(id: string): Iterable<TargetCell> };
    const ofNode = cells.ofNode.bind(cells);
    let reads = 0;
    cells.ofNode = (id: string) => (reads++, ofNode(id));
    const sliced = gridReader({ state, metric: 'revenue' });
    for (const p of ['FY2026', 'FY2026-Q2', '2026-07']) {
      expect(sliced.ready(p)).to.equal(false);
      const steps = sliced.valueSteps(p);
      let yields = 0;
      let most = 0;
      for (let r = steps.next(); !r.done; r = steps.next()) {
        yields++;
        most = Math.max(most, reads);
        reads = 0;
      }
      most = Math.max(most, reads);
      reads = 0;
      expect(sliced.ready(p)).to.equal(true);
      expect(yields, `${p}: slices`).to.equal(3);
      expect(most, `${p}: nodes read in one slice`).to.be.at.most(4_000);
    }
    cells.ofNode = ofNode;
    const whole = gridReader({ state, metric: 'revenue' });
    for (const p of ['FY2026', 'FY2026-Q2', '2026-07']) for (const n of org) expect(sliced.value(n.id, p), `${n.id} ${p}`).to.equal(whole.value(n.id, p));
    expect(whole.value('n0', 'FY2026')).to.be.a('number');
  });

  it('a 10,000-level chain: the leaf target reaches the root, and every level in between', () => {
    const org: OrgNode[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, name: `c${i}`, parentId: i ? `c${i - 1}` : null, kind: 'unit' as const }));
    const targets: TargetCell[] = [
      { nodeId: 'c9999', period: '2026-02', metric: 'revenue', value: 700 },
      { nodeId: 'c9999', period: '2026-05', metric: 'revenue', value: 300 },
      { nodeId: 'c5000', period: 'FY2026-Q3', metric: 'revenue', value: 50 },
    ];
    const r = gridReader({ state: createPlanState(plan(org, targets), { asOf: '2026-06-30' }), metric: 'revenue' });
    expect(r.value('c9999', 'FY2026')).to.equal(1000);
    expect(r.value('c5001', 'FY2026')).to.equal(1000);
    // c5000 has its own Q3 only: its year is its own quarters' sum (50), not its children's.
    expect(r.value('c5000', 'FY2026')).to.equal(50);
    expect(r.value('c0', 'FY2026')).to.equal(50);
    expect(r.value('c0', 'FY2026-Q1')).to.equal(700);
    expect(r.value('c0', 'FY2026-Q4')).to.equal(undefined);
    expect(r.remainder('c5000', 'FY2026')).to.equal(50 - 1000);
  });
});
