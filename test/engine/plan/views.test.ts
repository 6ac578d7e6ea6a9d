import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { blendViews, compareViews, computeViews, type NodeViews, type TreeNode } from '../../../src/engine/plan/views.js';

const nodes: TreeNode[] = [
  { id: 't', parentId: null },
  { id: 'r1', parentId: 't' },
  { id: 'r2', parentId: 't' },
];

const views = () => {
  const r = computeViews({
    nodes,
    topDown: { t: 1_800_000, r1: 900_000, r2: 900_000 },
    lastYear: { r1: 1_000_000, r2: 500_000 },
    growth: 0.1,
    growthByNode: { r2: 0.2 },
    market: { t: { size: 10_000_000, share: 0.15 } },
  });
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
};

describe('computeViews', () => {
  it('computes top-down, bottom-up (rolled up) and market per node', () => {
    // r1 = 1,000,000 × 1.1 = 1,100,000; r2 = 500,000 × 1.2 = 600,000; t = 1,700,000.
    // Market for t: 10,000,000 × 0.15 = 1,500,000.
    expect(views()).to.deep.equal({
      t: { topDown: 1_800_000, bottomUp: 1_700_000, market: 1_500_000 },
      r1: { topDown: 900_000, bottomUp: 1_100_000 },
      r2: { topDown: 900_000, bottomUp: 600_000 },
    });
  });

  it('rounds growth exactly, halves up, and inherits growth from ancestors', () => {
    // 1,000,001 × 1.035 = 1,035,001.035 → 1,035,001; 15 × 1.1 = 16.5 → 17; t's 0.035 reaches r1 and r2.
    const r = computeViews({ nodes, lastYear: { r1: 1_000_001, r2: 15 }, growthByNode: { t: 0.035, r2: 0.1 } });
    expect(r.ok && r.value.r1.bottomUp).to.equal(1_035_001);
    expect(r.ok && r.value.r2.bottomUp).to.equal(17);
    // −30%: 1,000,000 × 0.7 = 700,000.
    const d = computeViews({ nodes, lastYear: { r1: 1_000_000 }, growth: -0.3 });
    expect(d.ok && d.value.t.bottomUp).to.equal(700_000);
  });

  it('rejects bad trees and inputs', () => {
    const codes = [
      computeViews({ nodes: [...nodes, { id: 'x', parentId: 'nope' }] }),
      computeViews({ nodes: [{ id: 'a', parentId: 'b' }, { id: 'b', parentId: 'a' }] }),
      computeViews({ nodes: [...nodes, { id: 'r1', parentId: 't' }] }),
      computeViews({ nodes, growth: -2 }),
      computeViews({ nodes, lastYear: { r1: -5 } }),
      computeViews({ nodes, market: { t: { size: 100, share: 2 } } }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).to.deep.equal(['invalid-tree', 'invalid-tree', 'invalid-tree', 'invalid-growth', 'invalid-value', 'invalid-market']);
  });
});

describe('compareViews', () => {
  it('gives absolute and relative differences from top-down, and the spread', () => {
    const c = compareViews(views());
    expect(c.t.bottomUpVsTopDown).to.deep.equal({ abs: -100_000, pct: -100_000 / 1_800_000 });
    expect(c.t.marketVsTopDown).to.deep.equal({ abs: -300_000, pct: -300_000 / 1_800_000 });
    expect(c.t.spread).to.equal(300_000);
    expect(c.r1.bottomUpVsTopDown).to.deep.equal({ abs: 200_000, pct: 200_000 / 900_000 });
    expect(c.r1.marketVsTopDown).to.equal(undefined);
    expect(compareViews({ x: { topDown: 0, bottomUp: 5 } }).x.bottomUpVsTopDown).to.deep.equal({ abs: 5, pct: null });
  });
});

describe('blendViews', () => {
  it('blends, redistributes a missing market weight, and reconciles exactly', () => {
    // t: 0.5·1,800,000 + 0.3·1,700,000 + 0.2·1,500,000 = 900,000 + 510,000 + 300,000 = 1,710,000.
    // r1 has no market: (0.5·900,000 + 0.3·1,100,000) / 0.8 = 780,000 / 0.8 = 975,000.
    // r2: (0.5·900,000 + 0.3·600,000) / 0.8 = 630,000 / 0.8 = 787,500.
    // Reconcile: 1,710,000 by 975,000 : 787,500 → 945,957.44… / 764,042.55… → 945,957 + 764,042
    // = 1,709,999; r2 has the larger remainder → 764,043.
    const r = blendViews(nodes, views(), { topDown: 0.5, bottomUp: 0.3, market: 0.2 });
    expect(r.ok && r.value).to.deep.equal({
      values: { t: 1_710_000, r1: 945_957, r2: 764_043 },
      proposed: { t: 1_710_000, r1: 975_000, r2: 787_500 },
      redistributed: [
        { id: 'r1', missing: ['market'] },
        { id: 'r2', missing: ['market'] },
      ],
    });
  });

  it('keeps a given root total and ignores views with zero weight', () => {
    // Bottom-up only: proposals 1,100,000 / 600,000; root fixed at 1,800,000 → split 11:6 →
    // 1,164,705.88 / 635,294.11 → 1,164,705 + 635,294 = 1,799,999; r1 has the larger remainder (.88).
    const r = blendViews(nodes, views(), { bottomUp: 1 }, { rootTotal: 1_800_000 });
    expect(r.ok && r.value.values).to.deep.equal({ t: 1_800_000, r1: 1_164_706, r2: 635_294 });
    expect(r.ok && r.value.redistributed).to.deep.equal([]);
    const bad = blendViews(nodes, views(), { market: 0 });
    expect(bad.ok ? null : bad.error.code).to.equal('invalid-blend');
    const neg = blendViews(nodes, views(), { topDown: -1, market: 1 });
    expect(neg.ok ? null : neg.error.code).to.equal('invalid-blend');
  });

  it('property: on random trees every parent equals the sum of its children', () => {
    const treeArb = fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((ps) => [
      { id: 'n0', parentId: null },
      ...ps.map((p, i) => ({ id: `n${i + 1}`, parentId: `n${p % (i + 1)}` })),
    ]);
    fc.assert(
      fc.property(
        treeArb,
        fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 41, maxLength: 41 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }), { minLength: 41, maxLength: 41 }),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 1, noNaN: true })),
        (tree, values, market, [w1, w2, w3]) => {
          const views: Record<string, NodeViews> = {};
          tree.forEach((n, i) => (views[n.id] = { topDown: values[i], bottomUp: values[(i * 7) % 41], ...(market[i] !== undefined ? { market: market[i] } : {}) }));
          const r = blendViews(tree, views, { topDown: w1, bottomUp: w2, market: w3 });
          if (!r.ok) throw new Error(r.error.code);
          const v = r.value.values;
          expect(v.n0).to.equal(r.value.proposed.n0);
          for (const n of tree) {
            const kids = tree.filter((k) => k.parentId === n.id);
            if (kids.length) expect(kids.reduce((s, k) => s + v[k.id], 0)).to.equal(v[n.id]);
            expect(Number.isSafeInteger(v[n.id]) && v[n.id] >= 0).to.equal(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
