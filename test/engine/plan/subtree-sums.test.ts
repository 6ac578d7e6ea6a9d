import { expect } from '@open-wc/testing';
import type { Actual, Opportunity, OrgNode, StageCount } from '../../../src/engine/plan/model.js';
import { buildOrgIndex, rollupActuals, stageCountsRollup } from '../../../src/engine/plan/rollup.js';
import { actualSums, actualSumsSteps, stageCountsAt, stageSums, stageSumsSteps, subtreeRecords, SUM_CHUNK } from '../../../src/engine/plan/subtree-sums.js';
import type { Steps } from '../../../src/engine/shared/steps.js';
import { createRandom } from '../../../src/engine/shared/random.js';

/** Every node's subtree ids, the slow, obvious way (children lists, walked with a stack). */
function subtreeOf(org: readonly OrgNode[], id: string): Set<string> {
  const out = new Set<string>();
  const todo = [id];
  while (todo.length) {
    const x = todo.pop()!;
    if (out.has(x) || !org.some((n) => n.id === x)) continue;
    out.add(x);
    for (const n of org) if (n.parentId === x) todo.push(n.id);
  }
  return out;
}

function randomData(seed: number, size: number) {
  const rng = createRandom(seed);
  const rnd = () => rng.next();
  const org: OrgNode[] = [{ id: 'n0', name: 'n0', parentId: null, kind: 'company' }];
  for (let i = 1; i < size; i++) org.push({ id: `n${i}`, name: `n${i}`, parentId: `n${Math.floor(rnd() * i)}`, kind: rnd() < 0.6 ? 'rep' : 'unit' });
  const someone = () => (rnd() < 0.05 ? 'ghost' : `n${Math.floor(rnd() * size)}`);
  const actuals: Actual[] = Array.from({ length: size * 3 }, (_, i) => ({
    id: `a${i}`,
    repId: someone(),
    productId: rnd() < 0.5 ? 'ai' : 'cloud',
    date: `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    type: rnd() < 0.7 ? 'booking' : 'collection',
    amount: Math.floor(rnd() * 100_000),
  }));
  const stageCounts: StageCount[] = Array.from({ length: size * 4 }, () => ({
    repId: someone(),
    month: `2026-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`,
    stageId: ['lead', 'demo', 'quote', 'won'][Math.floor(rnd() * 4)],
    count: Math.floor(rnd() * 50),
  }));
  const pipeline: Opportunity[] = Array.from({ length: size * 2 }, (_, i) => ({
    id: `o${i}`, repId: someone(), amount: Math.floor(rnd() * 100_000), stageId: 'quote', expectedClose: '2026-09-30', probability: 0.5,
  }));
  return { org, actuals, stageCounts, pipeline };
}

describe('subtree sums by org position (issue 12 item 5: one shared pass instead of maps per node)', () => {
  it('equal the definition (a subtree\'s records summed) and the Map roll-ups, on random orgs', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const { org, actuals, stageCounts, pipeline } = randomData(seed, 60);
      const wrong: string[] = []; // every node's sums checked in plain JS, the wrong ones asserted at once per seed
      const ix = buildOrgIndex(org);
      const queries = [
        { from: '2026-01-01', to: '2026-12-31', type: 'booking' as const },
        { from: '2026-03-10', to: '2026-06-30', type: 'collection' as const },
        { from: '2026-02-01', to: '2026-02-28', type: 'booking' as const, product: 'ai' },
      ];
      for (const q of queries) {
        const sums = actualSums(ix, actuals, q);
        const maps = rollupActuals(actuals, ix, q);
        for (const n of org) {
          const mine = subtreeOf(org, n.id);
          const want = actuals
            .filter((a) => mine.has(a.repId) && a.type === q.type && a.date >= q.from && a.date <= q.to && (!q.product || a.productId === q.product))
            .reduce((s, a) => s + a.amount, 0);
          if (sums[ix.positionOf(n.id)] !== want) wrong.push(`seed ${seed} ${n.id} ${JSON.stringify(q)}: ${sums[ix.positionOf(n.id)]}, want ${want}`);
          if (maps.get(n.id) !== want) wrong.push(`seed ${seed} ${n.id} ${JSON.stringify(q)} (Map roll-up): ${maps.get(n.id)}, want ${want}`);
        }
      }
      const range = { from: '2026-02-15', to: '2026-05-01' };
      const stages = stageSums(ix, stageCounts, range);
      const maps = stageCountsRollup(stageCounts, ix, range);
      for (const n of org) {
        const mine = subtreeOf(org, n.id);
        const got = stageCountsAt(stages, ix.positionOf(n.id), ['lead', 'demo', 'quote', 'won', 'none']);
        for (const stage of ['lead', 'demo', 'quote', 'won', 'none']) {
          const want = stageCounts.filter((s) => mine.has(s.repId) && s.stageId === stage && s.month >= '2026-02' && s.month <= '2026-05').reduce((x, s) => x + s.count, 0);
          if (got[stage] !== want) wrong.push(`seed ${seed} ${n.id} ${stage}: ${got[stage]}, want ${want}`);
          if ((maps.get(n.id)?.get(stage) ?? 0) !== want) wrong.push(`seed ${seed} ${n.id} ${stage} (Map roll-up): ${maps.get(n.id)?.get(stage) ?? 0}, want ${want}`);
        }
        expect(subtreeRecords(ix, pipeline, n.id)).to.deep.equal(pipeline.filter((o) => mine.has(o.repId)));
      }
      expect(subtreeRecords(ix, pipeline, 'ghost')).to.deep.equal([]);
      expect(wrong).to.deep.equal([]);
    }
  });

  it('in steps (a warm-up\'s slices): the same sums as the definition, a yield every SUM_CHUNK records, the memo shared', () => {
    /** Runs steps to the end, counting the yields. */
    const stepped = <T>(steps: Steps<T>): { value: T; yields: number } => {
      let yields = 0;
      for (;;) {
        const r = steps.next();
        if (r.done) return { value: r.value, yields };
        yields++;
      }
    };
    for (let seed = 1; seed <= 3; seed++) {
      // 6,000 nodes: 18,000 actuals and 24,000 stage counts, several chunks each.
      const { org, actuals, stageCounts } = randomData(seed, 6_000);
      const ix = buildOrgIndex(org);
      const q = { from: '2026-02-10', to: '2026-08-31', type: 'booking' as const };
      const a = stepped(actualSumsSteps(ix, actuals, q));
      // The positions (a yield per 5,000 records), the records, the org's positions: at least one yield per chunk.
      expect(a.yields, `seed ${seed}: yields of the bookings`).to.be.at.least(Math.floor(actuals.length / SUM_CHUNK) + Math.floor(org.length / SUM_CHUNK));
      const range = { from: '2026-04-01', to: '2026-09-30' };
      const st = stepped(stageSumsSteps(ix, stageCounts, range));
      expect(st.yields, `seed ${seed}: yields of the stage counts`).to.be.at.least(Math.floor(stageCounts.length / SUM_CHUNK));
      // The definition, by parent walks: every record adds into its rep and each ancestor.
      const parent = new Map(org.map((n) => [n.id, n.parentId]));
      const wantA = new Map<string, number>();
      for (const r of actuals) {
        if (!parent.has(r.repId) || r.type !== q.type || r.date < q.from || r.date > q.to) continue;
        for (let id: string | null | undefined = r.repId; id; id = parent.get(id)) wantA.set(id, (wantA.get(id) ?? 0) + r.amount);
      }
      const wantS = new Map<string, number>();
      for (const c of stageCounts) {
        if (!parent.has(c.repId) || c.month < '2026-04' || c.month > '2026-09') continue;
        for (let id: string | null | undefined = c.repId; id; id = parent.get(id)) wantS.set(`${id}|${c.stageId}`, (wantS.get(`${id}|${c.stageId}`) ?? 0) + c.count);
      }
      // Every node's sums compared in plain JS; the mismatches named and asserted at once.
      const mismatches: string[] = [];
      for (const n of org) {
        const p = ix.positionOf(n.id);
        if (a.value[p] !== (wantA.get(n.id) ?? 0)) mismatches.push(`seed ${seed} ${n.id}: ${a.value[p]}, want ${wantA.get(n.id) ?? 0}`);
        for (const stage of ['lead', 'demo', 'quote', 'won']) {
          const got = st.value.get(stage)![p];
          if (got !== (wantS.get(`${n.id}|${stage}`) ?? 0)) mismatches.push(`seed ${seed} ${n.id} ${stage}: ${got}, want ${wantS.get(`${n.id}|${stage}`) ?? 0}`);
        }
      }
      expect(mismatches).to.deep.equal([]);
      // The plain calls now read the memo the steps filled; steps after a plain call return its array.
      expect(actualSums(ix, actuals, q)).to.equal(a.value);
      expect(stageSums(ix, stageCounts, range)).to.equal(st.value);
      const q2 = { ...q, type: 'collection' as const };
      const plain = actualSums(ix, actuals, q2);
      expect(stepped(actualSumsSteps(ix, actuals, q2))).to.deep.equal({ value: plain, yields: 0 });
    }
  });

  it('hand-computed: a team of two reps', () => {
    const org: OrgNode[] = [
      { id: 't', name: 't', parentId: null, kind: 'team' },
      { id: 'a', name: 'a', parentId: 't', kind: 'rep' },
      { id: 'b', name: 'b', parentId: 't', kind: 'rep' },
    ];
    const a = (repId: string, date: string, amount: number): Actual => ({ id: `${repId}${date}`, repId, productId: 'p', date, type: 'booking', amount });
    const actuals = [a('a', '2026-03-02', 10_000), a('a', '2026-03-31', 5_000), a('b', '2026-03-15', 3_000), a('b', '2026-04-01', 7_000)];
    const ix = buildOrgIndex(org);
    const sums = actualSums(ix, actuals, { from: '2026-03-01', to: '2026-03-31', type: 'booking' });
    // t = 10,000 + 5,000 + 3,000 (b's April booking is outside); a = 15,000; b = 3,000
    expect([...sums]).to.deep.equal([18_000, 15_000, 3_000]);
    const counts: StageCount[] = [
      { repId: 'a', month: '2026-03', stageId: 'lead', count: 40 },
      { repId: 'b', month: '2026-03', stageId: 'lead', count: 2 },
      { repId: 'b', month: '2026-04', stageId: 'won', count: 1 },
    ];
    expect(stageCountsAt(stageSums(ix, counts, { from: '2026-03-01', to: '2026-03-31' }), ix.positionOf('t'), ['lead', 'won'])).to.deep.equal({ lead: 42, won: 0 });
  });

  it('are computed once per index and record array, and shared by every caller', () => {
    const { org, actuals, stageCounts } = randomData(3, 30);
    const ix = buildOrgIndex(org);
    const q = { from: '2026-01-01', to: '2026-06-30', type: 'booking' as const };
    expect(actualSums(ix, actuals, q)).to.equal(actualSums(ix, actuals, { ...q }));
    expect(stageSums(ix, stageCounts, { from: '2026-01', to: '2026-03' })).to.equal(stageSums(ix, stageCounts, { from: '2026-01-05', to: '2026-03-31' }));
    // Another index (another org) or another actuals array is another computation.
    expect(actualSums(buildOrgIndex(org), actuals, q)).not.to.equal(actualSums(ix, actuals, q));
    expect(actualSums(ix, [...actuals], q)).not.to.equal(actualSums(ix, actuals, q));
  });

  it('a 10,000-level chain: the bottom rep\'s bookings reach the root, and every level in between', () => {
    const N = 10_000;
    const org: OrgNode[] = Array.from({ length: N }, (_, i) => ({ id: `c${i}`, name: `c${i}`, parentId: i === 0 ? null : `c${i - 1}`, kind: i === N - 1 ? 'rep' : 'unit' }));
    const actuals: Actual[] = [
      { id: 'x', repId: `c${N - 1}`, productId: 'p', date: '2026-03-02', type: 'booking', amount: 1_234_500 },
      { id: 'y', repId: 'c5000', productId: 'p', date: '2026-03-03', type: 'booking', amount: 100 },
    ];
    const counts: StageCount[] = [{ repId: `c${N - 1}`, month: '2026-03', stageId: 'won', count: 3 }];
    const ix = buildOrgIndex(org);
    const sums = actualSums(ix, actuals, { from: '2026-01-01', to: '2026-12-31', type: 'booking' });
    const won = stageSums(ix, counts, { from: '2026-03', to: '2026-03' }).get('won')!;
    // Every level checked in plain JS; the wrong ones named and asserted at once.
    const wrong: string[] = [];
    for (let i = 0; i < N; i++) {
      const p = ix.positionOf(`c${i}`);
      if (sums[p] !== (i <= 5000 ? 1_234_600 : 1_234_500)) wrong.push(`c${i}: ${sums[p]} booked, want ${i <= 5000 ? 1_234_600 : 1_234_500}`);
      if (won[p] !== 3) wrong.push(`c${i}: ${won[p]} won, want 3`);
    }
    expect(wrong).to.deep.equal([]);
    expect(subtreeRecords(ix, actuals, 'c5001').map((a) => a.id)).to.deep.equal(['x']);
    expect(subtreeRecords(ix, actuals, 'c0').map((a) => a.id)).to.deep.equal(['x', 'y']);
  });
});
