/**
 * The read model: one definition of target, actual, attainment, gap, default period and planned
 * funnel, and roll-ups that stay exact when patched edit by edit.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  actualOf,
  createPlanState,
  defaultPeriod,
  figureOf,
  targetOf,
  targetsOf,
  withTargetChanges,
  CellTable,
} from '../../../src/engine/plan/plan-state.js';
import { rollupTargets } from '../../../src/engine/plan/rollup.js';
import { plannedFunnel } from '../../../src/engine/funnel/plan-funnel.js';
import { smallFixture } from '../../fixtures/small-plan.js';
import type { TargetCell } from '../../../src/engine/plan/model.js';
import { cellKey } from '../../../src/engine/plan/model.js';

const state0 = (asOf = '2026-03-11') => {
  const { plan, actuals } = smallFixture();
  return createPlanState(plan, { actuals, asOf });
};

describe('read model (plan-state)', () => {
  it('figureOf: target, booked actual to date, attainment and gap of the company, hand-computed', () => {
    const f = figureOf(state0(), { nodeId: 'co', period: 'FY2026' });
    // Target ¥12,000,000; bookings 1 Jan – 11 Mar: 120,000 + 45,000 + 80,000 + 200,000 + 30,000 = ¥475,000.
    expect(f).to.deep.include({ target: 1_200_000_000, actual: 47_500_000, gap: 1_152_500_000, basis: 'booked', to: '2026-03-11' });
    expect(f.attainment).to.be.closeTo(475_000 / 12_000_000, 1e-12);
  });

  it('actualOf in the collected basis counts collections (¥60,000 by 11 March), not bookings', () => {
    expect(actualOf(state0(), 'co', 'FY2026', 'collections')).to.equal(6_000_000);
    expect(actualOf(state0('2026-03-31'), 'co', 'FY2026', 'collections')).to.equal(26_000_000);
  });

  it('targetOf rolls a quarter up from months and a team from its reps', () => {
    const s = withTargetChanges(state0(), {
      set: [
        { nodeId: 'r3', period: '2026-01', metric: 'revenue', value: 100 },
        { nodeId: 'r3', period: '2026-02', metric: 'revenue', value: 200 },
        { nodeId: 'r4', period: 'FY2026-Q1', metric: 'revenue', value: 1_000 },
      ],
    });
    expect(targetOf(s, 'r3', 'FY2026-Q1')).to.equal(300);
    // 杭州组 has no Q1 cell of its own: r3's 300 + r4's 1,000.
    expect(targetOf(s, 'east-hz', 'FY2026-Q1')).to.equal(1_300);
    expect(targetOf(s, 'r5', 'FY2026-Q1')).to.equal(null);
  });

  it('one default period for the page: the fiscal year holding today', () => {
    expect(defaultPeriod(state0())).to.equal('FY2026');
    expect(defaultPeriod(state0(), 'r2')).to.equal('FY2026');
  });

  it('plannedFunnel inverts the target with the rates of the twelve months before the period', () => {
    const r = plannedFunnel(state0(), 'co', 'FY2026');
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.window).to.deep.equal({ from: '2025-01', to: '2025-12' });
    expect(r.value.target).to.equal(1_200_000_000);
    // Each stage is the next one divided by its rate, rounded up (when history gives rates).
    if (r.value.volumes) {
      const ids = Object.keys(r.value.volumes);
      for (let i = ids.length - 2; i >= 0; i--) {
        expect(r.value.volumes[ids[i]]).to.equal(Math.ceil(r.value.volumes[ids[i + 1]] / r.value.rates[i]! - 1e-9));
      }
    }
  });

  it('the old state is untouched by a change (immutable), and the cell table copies only touched nodes', () => {
    const s = state0();
    const next = withTargetChanges(s, { set: [{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 1 }] });
    expect(targetOf(s, 'east', 'FY2026')).to.equal(720_000_000);
    expect(targetOf(next, 'east', 'FY2026')).to.equal(1);
    // Untouched nodes share their cells with the previous table (no copy).
    expect([...next.cells.ofNode('south')][0]).to.equal([...s.cells.ofNode('south')][0]);
  });

  it('roll-ups patched edit by edit equal roll-ups computed from scratch (property)', () => {
    const nodes = ['co', 'east', 'south', 'east-sh', 'east-hz', 'south-sz', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
    const periods = ['FY2026', 'FY2026-H1', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q4', '2026-01', '2026-02', '2026-05', '2026-12'];
    const edit = fc.record({
      remove: fc.boolean(),
      nodeId: fc.constantFrom(...nodes),
      period: fc.constantFrom(...periods),
      product: fc.constantFrom(undefined, 'core', 'ai'),
      value: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), (steps) => {
        let s = state0();
        // Resolve once so later states are patched, not recomputed.
        for (const p of periods) targetsOf(s, { metric: 'revenue', period: p });
        for (const step of steps) {
          const set: TargetCell[] = [];
          const remove: TargetCell[] = [];
          for (const e of step) {
            const c: TargetCell = { nodeId: e.nodeId, period: e.period, metric: 'revenue', value: e.value, ...(e.product ? { product: e.product } : {}) };
            (e.remove ? remove : set).push(c);
          }
          s = withTargetChanges(s, { set, remove });
          const all = [...s.cells.values()];
          // Every node, period and product compared; the mismatches named and asserted at once.
          const mismatches: string[] = [];
          for (const p of periods) {
            for (const product of [undefined, 'core']) {
              const want = rollupTargets(all, s.org, { metric: 'revenue', period: p, ...(product ? { product } : {}) }, s.plan.calendar);
              for (const n of nodes) {
                const got = targetOf(s, n, p, 'revenue', product);
                if (got !== (want.get(n) ?? null)) mismatches.push(`${n} ${p} ${product ?? ''}: ${got}, want ${want.get(n) ?? null}`);
              }
            }
          }
          expect(mismatches).to.deep.equal([]);
        }
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('CellTable.with removes and sets, and counts', () => {
    const t = CellTable.from([{ nodeId: 'a', period: 'FY2026', metric: 'revenue', value: 1 }]);
    const { table } = t.with([{ nodeId: 'b', period: 'FY2026', metric: 'revenue', value: 2 }], ['a|FY2026|revenue|']);
    expect(table.size).to.equal(1);
    expect(table.get('b|FY2026|revenue|')?.value).to.equal(2);
    expect(t.size).to.equal(1);
  });
});

describe('CellTable: one cell held as itself, several in a map (issue 12 item 5)', () => {
  it('answers like a map by cellKey through builds, edits and removals (random cells)', () => {
    const nodes = ['a', 'b', 'c', 'd'];
    const cellArb = fc.record({
      nodeId: fc.constantFrom(...nodes),
      period: fc.constantFrom('FY2026', 'FY2026-Q1', '2026-02'),
      metric: fc.constantFrom('revenue', 'collections'),
      product: fc.constantFrom(undefined, null, 'ai'),
      value: fc.integer({ min: 0, max: 1_000 }),
    }).map((c) => {
      const { product, ...rest } = c;
      return (product === undefined ? rest : { ...rest, product }) as TargetCell;
    });
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 14 }), fc.array(fc.tuple(fc.array(cellArb, { maxLength: 4 }), fc.array(cellArb, { maxLength: 3 }), fc.boolean()), { maxLength: 5 }), (cells, edits) => {
        const model = new Map<string, TargetCell>();
        for (const c of cells) model.set(cellKey(c), c);
        let table = CellTable.from(cells);
        const same = () => {
          expect(table.size).to.equal(model.size);
          expect([...table].map(cellKey).sort()).to.deep.equal([...model.keys()].sort());
          for (const n of nodes) expect([...table.ofNode(n)].map(cellKey).sort()).to.deep.equal([...model.keys()].filter((k) => k.startsWith(`${n}|`)).sort());
          expect([...table.nodes()].sort()).to.deep.equal([...new Set([...model.values()].map((c) => c.nodeId))].sort());
          // Every cell asked for by reference and by key (the same cell object as the map's); the mismatches asserted at once.
          const mismatches: string[] = [];
          for (const n of nodes) for (const period of ['FY2026', 'FY2026-Q1', '2026-02']) for (const metric of ['revenue', 'collections']) for (const product of [undefined, null, 'ai', 'cloud']) {
            const ref = { nodeId: n, period, metric, product };
            const want = model.get(cellKey(ref));
            if (table.get(ref) !== want) mismatches.push(`get(${JSON.stringify(ref)}): ${JSON.stringify(table.get(ref))}, want ${JSON.stringify(want)}`);
            if (table.get(cellKey(ref)) !== want) mismatches.push(`get('${cellKey(ref)}'): ${JSON.stringify(table.get(cellKey(ref)))}, want ${JSON.stringify(want)}`);
          }
          expect(mismatches).to.deep.equal([]);
        };
        same();
        for (const [set, remove, byKey] of edits) {
          const before = table;
          const beforeKeys = [...before].map(cellKey).sort();
          table = table.with(set, remove.map((r) => (byKey ? cellKey(r) : r))).table;
          for (const r of remove) model.delete(cellKey(r));
          for (const c of set) model.set(cellKey(c), c);
          same();
          // The table before the edit is unchanged.
          expect([...before].map(cellKey).sort()).to.deep.equal(beforeKeys);
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});
