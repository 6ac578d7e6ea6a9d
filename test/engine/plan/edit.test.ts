import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { applyTargetEdit, decomposePlan, gridValue, type DecomposeInput, type EditState, type PlanNode } from '../../../src/engine/plan/edit.js';
import { fiscalYearMonths } from '../../../src/engine/calendar/periods.js';
import { splitByProduct } from '../../../src/engine/plan/product-mix.js';
import { splitByCalendar } from '../../../src/engine/plan/seasonality.js';

const state = (over: Partial<Record<'a' | 'b' | 'c' | 'p', object>> = {}): EditState => ({
  parent: { id: 'p', value: 1000, ...over.p },
  children: [
    { id: 'a', value: 500, ...over.a },
    { id: 'b', value: 300, ...over.b },
    { id: 'c', value: 200, ...over.c },
  ],
});
const rebalance = { mode: 'rebalance-siblings' } as const;
const absorb = { mode: 'parent-absorbs' } as const;
const errorOf = (r: { ok: boolean; error?: { code: string; params?: object } }) => (r.ok ? null : r.error);

describe('applyTargetEdit', () => {
  it('rebalances the unlocked siblings in proportion to their values', () => {
    // a 500 → 600: b and c give up 100; their 500 becomes 400, split 3:2 → 240 / 160.
    expect(applyTargetEdit(state(), { id: 'a', value: 600 }, rebalance)).to.deep.equal({
      ok: true,
      value: {
        values: { p: 1000, a: 600, b: 240, c: 160 },
        changes: [
          { id: 'a', from: 500, to: 600 },
          { id: 'b', from: 300, to: 240 },
          { id: 'c', from: 200, to: 160 },
        ],
        unallocated: 0,
      },
    });
  });

  it('leaves locked siblings alone and rounds exactly', () => {
    // c locked: b alone gives up the 100 → 200.
    const r = applyTargetEdit(state({ c: { locked: true } }), { id: 'a', value: 600 }, rebalance);
    expect(r.ok && r.value.values).to.deep.equal({ p: 1000, a: 600, b: 200, c: 200 });
    // 100 = 34 + 33 + 33; a → 35: b and c share 65 by 33:33 → 32.5 each; the tie goes to "b".
    const small: EditState = { parent: { id: 'p', value: 100 }, children: [{ id: 'a', value: 34 }, { id: 'b', value: 33 }, { id: 'c', value: 33 }] };
    const s = applyTargetEdit(small, { id: 'a', value: 35 }, rebalance);
    expect(s.ok && s.value.values).to.deep.equal({ p: 100, a: 35, b: 33, c: 32 });
  });

  it('says how far a value can go when the siblings cannot give enough', () => {
    // c locked at 200: b can give up 300 at most, so a can be at most 800.
    const r = applyTargetEdit(state({ c: { locked: true } }), { id: 'a', value: 1000 }, rebalance);
    expect(errorOf(r)).to.deep.include({ code: 'insufficient-siblings', params: { id: 'a', max: 800, requested: 1000 } });
    // With a floor of 250 on b, only 50 can move: max 550.
    const f = applyTargetEdit(state({ b: { floor: 250 }, c: { locked: true } }), { id: 'a', value: 600 }, rebalance);
    expect(errorOf(f)).to.deep.include({ code: 'insufficient-siblings', params: { id: 'a', max: 550, requested: 600 } });
    // b capped at 350, c locked: b can take 50 more, so a must stay at least 450.
    const c = applyTargetEdit(state({ b: { cap: 350 }, c: { locked: true } }), { id: 'a', value: 400 }, rebalance);
    expect(errorOf(c)).to.deep.include({ code: 'siblings-at-cap', params: { id: 'a', min: 450, requested: 400 } });
    const all = applyTargetEdit(state({ b: { locked: true }, c: { locked: true } }), { id: 'a', value: 600 }, rebalance);
    expect(errorOf(all)?.code).to.equal('siblings-locked');
  });

  it('lets the parent absorb the change', () => {
    expect(applyTargetEdit(state(), { id: 'a', value: 600 }, absorb)).to.deep.equal({
      ok: true,
      value: {
        values: { p: 1100, a: 600, b: 300, c: 200 },
        changes: [
          { id: 'p', from: 1000, to: 1100 },
          { id: 'a', from: 500, to: 600 },
        ],
        unallocated: 0,
      },
    });
    expect(errorOf(applyTargetEdit(state({ p: { locked: true } }), { id: 'a', value: 600 }, absorb))?.code).to.equal('parent-locked');
  });

  it('re-splits the children when the parent is edited', () => {
    // 1,000 → 1,100: the children scale 5:3:2 → 550 / 330 / 220; a locked child stays.
    const r = applyTargetEdit(state(), { id: 'p', value: 1100 }, absorb);
    expect(r.ok && r.value.values).to.deep.equal({ p: 1100, a: 550, b: 330, c: 220 });
    const l = applyTargetEdit(state({ a: { locked: true } }), { id: 'p', value: 900 }, rebalance);
    // b and c: 500 → 400 by 3:2 = 240 / 160.
    expect(l.ok && l.value.values).to.deep.equal({ p: 900, a: 500, b: 240, c: 160 });
  });

  it('shows an existing unallocated amount instead of hiding it', () => {
    const s: EditState = { parent: { id: 'p', value: 1000 }, children: [{ id: 'a', value: 500 }, { id: 'b', value: 400 }] };
    const r = applyTargetEdit(s, { id: 'a', value: 600 }, rebalance);
    expect(r.ok && r.value).to.deep.include({ values: { p: 1000, a: 600, b: 300 }, unallocated: 100 });
    const n = applyTargetEdit(s, { id: 'b', value: 400 }, rebalance);
    expect(n.ok && n.value).to.deep.include({ changes: [], unallocated: 100 });
  });

  it('rejects bad edits', () => {
    expect(errorOf(applyTargetEdit(state(), { id: 'zz', value: 1 }, rebalance))?.code).to.equal('unknown-node');
    expect(errorOf(applyTargetEdit(state(), { id: 'a', value: -1 }, rebalance))?.code).to.equal('invalid-value');
    expect(errorOf(applyTargetEdit(state(), { id: 'a', value: 1.5 }, rebalance))?.code).to.equal('invalid-value');
  });

  it('refuses to change a locked cell, the edited one included, in both modes', () => {
    for (const mode of [rebalance, absorb]) {
      const r = applyTargetEdit(state({ a: { locked: true } }), { id: 'a', value: 600 }, mode);
      expect(errorOf(r)).to.deep.include({ code: 'cell-locked', params: { node: 'a', period: '' } });
      // Setting it to the value it has is no change, and passes.
      expect(applyTargetEdit(state({ a: { locked: true } }), { id: 'a', value: 500 }, mode).ok).to.equal(true);
    }
    expect(errorOf(applyTargetEdit(state({ p: { locked: true } }), { id: 'p', value: 900 }, rebalance))?.code).to.equal('cell-locked');
  });

  it('property: the parent total holds and locks stay in rebalance mode', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.integer({ min: 0, max: 1e9 }), locked: fc.boolean() }), { minLength: 2, maxLength: 8 }),
        fc.nat(),
        fc.integer({ min: 0, max: 2e9 }),
        (kids, pick, value) => {
          const children = kids.map((k, i) => ({ id: `c${i}`, ...k }));
          const parent = { id: 'p', value: children.reduce((s, c) => s + c.value, 0) };
          const target = children[pick % children.length];
          const r = applyTargetEdit({ parent, children }, { id: target.id, value }, rebalance);
          if (!r.ok) {
            if (target.locked && value !== target.value) expect(r.error.code).to.equal('cell-locked');
            else expect(['insufficient-siblings', 'siblings-locked']).to.include(r.error.code);
            return;
          }
          if (target.locked) expect(value).to.equal(target.value);
          expect(r.value.unallocated).to.equal(0);
          expect(r.value.values.p).to.equal(parent.value);
          expect(r.value.values[target.id]).to.equal(value);
          for (const c of children) if (c.locked && c !== target) expect(r.value.values[c.id]).to.equal(c.value);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const months = fiscalYearMonths(2026, { startMonth: 4 });

describe('decomposePlan', () => {
  const nodes: PlanNode[] = [
    { id: 'co', parentId: null },
    { id: 't', parentId: 'co' },
    { id: 'r1', parentId: 't' },
    { id: 'r2', parentId: 't', hireDate: '2026-04-01' },
  ];
  const plan = (extra: Partial<DecomposeInput> = {}) => {
    const r = decomposePlan({ nodes, total: 1_200_000, fiscalYear: 'FY2026', months, ...extra });
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };

  it('splits the year down the org and ramps a new hire over the months', () => {
    const p = plan();
    const at = (id: string, period: string) => gridValue(p, id, period);
    // Equal method: r1 = r2 = 600,000. r1's months are 50,000 each.
    expect(at('r1', 'FY2026')).to.equal(600_000);
    expect(months.map((m) => at('r1', m))).to.deep.equal(new Array(12).fill(50_000));
    // r2 hired 1 April: weights 0.3 ×3, 0.6 ×3, 1 ×6 → 3/3/3/6/6/6/10×6 over 87.
    // 600,000·3/87 = 20,689.66; ·6/87 = 41,379.31; ·10/87 = 68,965.52 → floors sum 599,994, 6 left:
    // the three .66 remainders (Apr–Jun), then three of the six .52 (Oct–Dec, by month id).
    expect(months.map((m) => at('r2', m))).to.deep.equal([
      20_690, 20_690, 20_690, 41_379, 41_379, 41_379, 68_966, 68_966, 68_966, 68_965, 68_965, 68_965,
    ]);
    expect(at('r2', 'FY2026-Q1')).to.equal(62_070);
    expect(at('t', '2026-04')).to.equal(70_690);
    expect(at('co', 'FY2026')).to.equal(1_200_000);
    expect(p.cells.find((c) => c.nodeId === 'r2' && c.period === '2026-04')).to.deep.equal({
      nodeId: 'r2', period: '2026-04', metric: 'revenue', value: 20_690, source: 'top-down',
    });
    expect(p.cells).to.have.length(4 * 17);
  });

  it('uses capacity weights with ramp, keeps locked values, and splits products with a new-product minimum', () => {
    // As of 2026-04-01 r2 has tenure 0 → capacity 0.3 vs r1's 1: 1,200,000 by 1 : 0.3 →
    // 923,076.92 / 276,923.08 → 923,076 + 276,923 = 1,199,999; r1's remainder (.92) wins.
    const cap = plan({ method: 'capacity' });
    expect(gridValue(cap, 'r1', 'FY2026')).to.equal(923_077);
    expect(gridValue(cap, 'r2', 'FY2026')).to.equal(276_923);
    const locked = plan({ locked: { r1: 1_000_000 } });
    expect(gridValue(locked, 'r2', 'FY2026')).to.equal(200_000);
    // r1's month is 50,000; products A:N = 9:1 would give N 5,000 < 25% → N = 12,500, A = 37,500.
    const mix = plan({ products: [{ id: 'A', new: false, weight: 9 }, { id: 'N', new: true, weight: 1 }], minNewShare: 0.25, ramp: false });
    expect(gridValue(mix, 'r1', '2026-04', 'N')).to.equal(12_500);
    expect(gridValue(mix, 'r1', '2026-04', 'A')).to.equal(37_500);
    expect(gridValue(mix, 'co', 'FY2026', 'N')).to.equal(300_000);
    expect(gridValue(mix, 'co', 'FY2026', 'nope')).to.equal(undefined);
    expect(mix.cells).to.have.length(4 * 17 * 3);
  });

  it('matches splitByCalendar for a profile with short decimals', () => {
    const seasonality = [0.07, 0.08, 0.09, 0.08, 0.08, 0.09, 0.08, 0.08, 0.09, 0.07, 0.08, 0.11];
    const p = plan({ seasonality, total: 1_000_003 });
    const annual = gridValue(p, 'r1', 'FY2026')!;
    const s = splitByCalendar(annual, { months, profile: seasonality });
    expect(s.ok && months.map((m) => s.value.values[m])).to.deep.equal(months.map((m) => gridValue(p, 'r1', m)));
  });

  it('splits every rep-month over products exactly as splitByProduct does', () => {
    const products = [{ id: 'A', new: false, weight: 5 }, { id: 'B', new: false, weight: 3 }, { id: 'N', new: true, weight: 2 }];
    for (const minNewShare of [0, 0.15, 0.25, 1]) {
      const p = plan({ products, minNewShare, total: 1_234_567, seasonality: [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8] });
      for (const id of ['r1', 'r2']) {
        for (const m of months) {
          const s = splitByProduct(gridValue(p, id, m)!, products, { minNewShare });
          expect(s.ok && s.value.values).to.deep.equal({ A: gridValue(p, id, m, 'A'), B: gridValue(p, id, m, 'B'), N: gridValue(p, id, m, 'N') });
        }
      }
    }
  });

  it('reports bad input', () => {
    const code = (extra: Partial<DecomposeInput>) => {
      const r = decomposePlan({ nodes, total: 100, fiscalYear: 'FY2026', months, ...extra });
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code({ nodes: [...nodes, { id: 'x', parentId: null }] })).to.equal('invalid-tree');
    expect(code({ months: months.slice(1) })).to.equal('invalid-fiscal-months');
    expect(code({ seasonality: [1, 2] })).to.equal('profile-length-mismatch');
    expect(code({ products: [{ id: 'A', new: false, weight: 1 }], minNewShare: 0.1 })).to.equal('no-new-products');
    expect(code({ total: -1 })).to.equal('invalid-total');
    expect(code({ locked: { r1: 500 } })).to.equal('locked-exceeds-total');
  });

  it('property: every level sums exactly on random orgs', () => {
    const P = ['A', 'B', 'N'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ parent: fc.nat(), hired: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }) }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, total, seasonality, pw, pct) => {
          const org: PlanNode[] = [{ id: 'n0', parentId: null }];
          raw.forEach((x, i) => {
            const hire = x.hired === undefined ? undefined : `20${25 + Math.floor(x.hired / 12)}-${String((x.hired % 12) + 1).padStart(2, '0')}-10`;
            org.push({ id: `n${i + 1}`, parentId: `n${x.parent % (i + 1)}`, ...(hire ? { hireDate: hire } : {}) });
          });
          const r = decomposePlan({
            nodes: org, total, fiscalYear: 'FY2026', months, seasonality, method: 'capacity', minNewShare: pct / 100,
            products: P.map((id, j) => ({ id, new: id === 'N', weight: pw[j] })),
          });
          if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
          const v = (id: string, period: string, product?: string) => gridValue(r.value, id, period, product)!;
          expect(v('n0', 'FY2026')).to.equal(total);
          // Every node, product and period checked in plain JS; the mismatches named and asserted at once.
          const mismatches: string[] = [];
          const check = (what: string, got: unknown, want: unknown) => {
            if (got !== want) mismatches.push(`${what}: ${String(got)}, want ${String(want)}`);
          };
          for (const n of org) {
            const kids = org.filter((k) => k.parentId === n.id);
            for (const product of [undefined, ...P]) {
              for (const period of r.value.periods) {
                const x = v(n.id, period, product);
                check(`${n.id} ${period} ${product ?? ''} a safe integer ≥ 0`, Number.isSafeInteger(x) && x >= 0, true);
                if (kids.length) check(`${n.id} ${period} ${product ?? ''} children's sum`, kids.reduce((s, k) => s + v(k.id, period, product), 0), x);
              }
              for (let q = 0; q < 4; q++) {
                check(`${n.id} FY2026-Q${q + 1} ${product ?? ''} months' sum`, v(n.id, months[3 * q], product) + v(n.id, months[3 * q + 1], product) + v(n.id, months[3 * q + 2], product), v(n.id, `FY2026-Q${q + 1}`, product));
              }
            }
            for (const m of months) {
              check(`${n.id} ${m} products' sum`, P.reduce((s, p) => s + v(n.id, m, p), 0), v(n.id, m));
              const least = Math.ceil((v(n.id, m) * pct) / 100 - 1e-9);
              if (kids.length === 0 && !(v(n.id, m, 'N') >= least)) mismatches.push(`${n.id} ${m} new products: ${v(n.id, m, 'N')}, want at least ${least}`);
            }
          }
          expect(mismatches).to.deep.equal([]);
        },
      ),
      { numRuns: 100 },
    );
  });

  // 10,000 reps × 12 months × 3 products is timed in bench/engine (npm run bench:engine).
});
