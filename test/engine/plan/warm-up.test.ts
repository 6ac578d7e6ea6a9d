import { expect } from '@open-wc/testing';
import type { Actual, OrgNode, PlanSnapshot, StageCount, TargetCell } from '../../../src/engine/plan/model.js';
import { actualOf, createPlanState, figureOf, targetOf } from '../../../src/engine/plan/plan-state.js';
import { warmUpSteps } from '../../../src/engine/plan/warm-up.js';
import { actualSums, hasRepPositions, stageSums, SUM_CHUNK } from '../../../src/engine/plan/subtree-sums.js';
import { runSteps } from '../../../src/engine/shared/steps.js';
import { createRandom } from '../../../src/engine/shared/random.js';

const PERIODS = ['FY2026', 'FY2026-H1', 'FY2026-Q1', 'FY2026-Q2', 'FY2026-Q4', '2026-01', '2026-03', '2026-11'];

function snapshot(org: OrgNode[], targets: TargetCell[]): PlanSnapshot {
  return {
    plan: { id: 'p', name: 'p', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
    org, products: [{ id: 'ai', name: 'AI', new: true }], stages: [], targets,
  };
}

function randomPlan(seed: number) {
  const rng = createRandom(seed);
  const rnd = () => rng.next();
  const org: OrgNode[] = [{ id: 'n0', name: 'n0', parentId: null, kind: 'company' }];
  for (let i = 1; i < 50; i++) org.push({ id: `n${i}`, name: `n${i}`, parentId: `n${Math.floor(rnd() * i)}`, kind: 'rep' });
  const targets: TargetCell[] = [];
  for (const n of org) {
    for (const p of PERIODS) {
      if (rnd() < 0.1) targets.push({ nodeId: n.id, period: p, metric: 'revenue', value: Math.floor(rnd() * 1000) * 100 });
      if (rnd() < 0.05) targets.push({ nodeId: n.id, period: p, metric: 'collections', value: Math.floor(rnd() * 1000) * 100 });
    }
  }
  const actuals: Actual[] = Array.from({ length: 150 }, (_, i) => ({
    id: `a${i}`, repId: `n${Math.floor(rnd() * 50)}`, productId: 'ai',
    date: `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-15`, type: rnd() < 0.7 ? 'booking' : 'collection', amount: Math.floor(rnd() * 10_000),
  }));
  return { snap: snapshot(org, targets), actuals: { from: '2025-01-01', to: '2026-12-31', actuals, stageCounts: [], pipeline: [] } };
}

describe('read-model warm-up in steps (issue 12 item 5)', () => {
  it('a warmed state gives the same targets, actuals and figures as one computed on demand (random orgs)', () => {
    for (let seed = 1; seed <= 8; seed++) {
      const { snap, actuals } = randomPlan(seed);
      const warm = createPlanState(snap, { actuals, asOf: '2026-05-20' });
      const cold = createPlanState(snap, { actuals, asOf: '2026-05-20' });
      let slices = 0;
      const steps = warmUpSteps(warm);
      for (let r = steps.next(); !r.done; r = steps.next()) slices++;
      expect(slices, 'the warm-up yields between its parts').to.be.greaterThan(3);
      // Every node, period and metric compared in plain JS (the figures all in one deep equality); the mismatches named and asserted at once.
      const mismatches: string[] = [];
      const warmFigures: { at: string; figure: unknown }[] = [];
      const coldFigures: { at: string; figure: unknown }[] = [];
      for (const n of snap.org) {
        for (const p of PERIODS) {
          for (const metric of ['revenue', 'collections'] as const) {
            const [tw, tc] = [targetOf(warm, n.id, p, metric), targetOf(cold, n.id, p, metric)];
            if (tw !== tc) mismatches.push(`seed ${seed} ${n.id} ${p} ${metric} target: ${tw}, cold ${tc}`);
            const [aw, ac] = [actualOf(warm, n.id, p, metric), actualOf(cold, n.id, p, metric)];
            if (aw !== ac) mismatches.push(`seed ${seed} ${n.id} ${p} ${metric} actual: ${aw}, cold ${ac}`);
          }
          warmFigures.push({ at: `seed ${seed} ${n.id} ${p}`, figure: figureOf(warm, { nodeId: n.id, period: p }) });
          coldFigures.push({ at: `seed ${seed} ${n.id} ${p}`, figure: figureOf(cold, { nodeId: n.id, period: p }) });
        }
      }
      expect(mismatches).to.deep.equal([]);
      expect(warmFigures).to.deep.equal(coldFigures);
    }
  });

  it('no step reads more than two chunks of records: the year\'s and the quarter\'s sums are sliced too (40,000 actuals, 60,000 stage counts)', () => {
    const reps = 2_000;
    const org: OrgNode[] = [{ id: 'co', name: 'co', parentId: null, kind: 'company' }];
    for (let i = 0; i < reps; i++) org.push({ id: `r${i}`, name: `r${i}`, parentId: 'co', kind: 'rep' });
    const raw: Actual[] = Array.from({ length: 40_000 }, (_, i) => ({
      id: `a${i}`, repId: `r${i % reps}`, productId: 'ai', date: `2026-0${1 + (i % 6)}-10`, type: i % 3 ? 'booking' : 'collection', amount: 100 + (i % 7),
    }));
    const rawCounts: StageCount[] = Array.from({ length: 60_000 }, (_, i) => ({ repId: `r${i % reps}`, month: `2026-0${1 + (i % 6)}`, stageId: ['lead', 'won'][i % 2], count: 1 + (i % 3) }));
    // The records as the warm-up reads them, each element read counted.
    let reads = 0;
    const counted = <T extends object>(list: T[]): T[] =>
      new Proxy(list, {
        get(t, k, r) {
          if (typeof k === 'string' && k !== 'length' && /^[0-9]+$/.test(k)) reads++;
          return Reflect.get(t, k, r);
        },
      });
    const actuals = { from: '2026-01-01', to: '2026-12-31', actuals: counted(raw), stageCounts: counted(rawCounts), pipeline: [] };
    const state = createPlanState(snapshot(org, [{ nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 1_000_000 }]), { actuals, asOf: '2026-05-20' });
    const steps = warmUpSteps(state);
    let most = 0;
    let total = 0;
    for (;;) {
      reads = 0;
      const r = steps.next();
      most = Math.max(most, reads);
      total += reads;
      if (r.done) break;
    }
    // The positions (100,000 records), then the year's and Q2's bookings, collections and stage
    // counts to 05-20 (2 × 140,000): every record read in each pass, a chunk at a time (in one piece, one
    // step read all 60,000 stage counts).
    expect(total, 'every record was read').to.be.at.least(100_000 + 2 * 140_000);
    expect(most, 'the most records one step read').to.be.at.most(2 * SUM_CHUNK);
    // Q1 bookings: the records dated in months 1–3 (i mod 6 < 3) that are bookings (i mod 3 ≠ 0).
    let want = 0;
    for (let i = 0; i < 40_000; i++) if (i % 6 < 3 && i % 3 !== 0) want += 100 + (i % 7);
    expect(actualSums(state.index, actuals.actuals, { type: 'booking', from: '2026-01-01', to: '2026-03-31' })[0]).to.equal(want);
    // Q1 'won' counts: i odd with i mod 6 in {1} → i ≡ 1 (mod 6), count 1 + (i mod 3) = 2 each: 10,000 × 2.
    expect(stageSums(state.index, actuals.stageCounts, { from: '2026-01-01', to: '2026-03-31' }).get('won')![0]).to.equal(20_000);
  });

  it('a 10,000-level chain warms without recursion trouble, and the leaf target reaches the root', () => {
    const N = 10_000;
    const org: OrgNode[] = Array.from({ length: N }, (_, i) => ({ id: `c${i}`, name: `c${i}`, parentId: i === 0 ? null : `c${i - 1}`, kind: i === N - 1 ? 'rep' : 'unit' }));
    const targets: TargetCell[] = [{ nodeId: `c${N - 1}`, period: '2026-02', metric: 'revenue', value: 5_000_000 }];
    const actuals: Actual[] = [{ id: 'x', repId: `c${N - 1}`, productId: 'ai', date: '2026-02-03', type: 'booking', amount: 1_000_000 }];
    const state = createPlanState(snapshot(org, targets), { actuals: { from: '2026-01-01', to: '2026-12-31', actuals, stageCounts: [], pipeline: [] }, asOf: '2026-03-31' });
    runSteps(warmUpSteps(state));
    expect(hasRepPositions(state.index, actuals)).to.equal(true);
    // The February cell is the whole year's target at every level; ¥10,000 booked of ¥50,000.
    for (const id of ['c0', 'c5000', `c${N - 1}`]) {
      expect(figureOf(state, { nodeId: id, period: 'FY2026' })).to.include({ target: 5_000_000, actual: 1_000_000, attainment: 0.2, gap: 4_000_000 });
    }
  });
});
