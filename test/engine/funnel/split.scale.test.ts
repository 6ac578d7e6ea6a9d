import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { splitInto } from '../../../src/engine/plan/allocate.js';
import { allocate } from '../../../src/engine/plan/allocate.js';
import { splitRequirement, splitRequirementSteps, SPLIT_CHUNK, type SplitRep } from '../../../src/engine/funnel/quotas.js';
import { computeFunnel, computeFunnelSteps, funnelContext } from '../../../src/engine/funnel/view.js';
import { invertFunnel } from '../../../src/engine/funnel/core.js';
import { rampFactor } from '../../../src/engine/plan/ramp.js';
import { createRandom } from '../../../src/engine/shared/random.js';
import type { StepProgress } from '../../../src/engine/shared/steps.js';
import { largeOrg } from '../../fixtures/large-org.js';

/**
 * Issue 12 item 5: `computeFunnel` grew faster than linearly with the reps (0.7–1.0 s at 9,899
 * reps, 47–78 s at 99,899 in Node): `splitInto`, the largest-remainder kernel, handed out each
 * leftover unit with a scan of every part's remainder, and fewer than n units are left over, so a
 * stage over n reps read up to n²/2 remainders; and `splitRequirement` ran the whole of `allocate`
 * (weights, tie order, a record of every rep) again for each stage. Work is counted here, never
 * timed.
 */

/** A counter of the element reads of an array-like (a Proxy over it). */
function counted<T extends object>(target: T): { value: T; reads: () => number } {
  let reads = 0;
  const value = new Proxy(target, {
    get(t, key, r) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(t, key, r);
    },
  });
  return { value, reads: () => reads };
}

/**
 * `splitInto` of `amount` over n parts weighing 1 each except every third part weighing 2, with its
 * remainder reads counted. With W = 4n/3 and amount = W·k + W/2 + 1 about half the parts get a
 * leftover unit: n/2 units left, each found by a scan of n remainders before the fix.
 */
function remainderReads(n: number): { reads: number; out: number[]; amount: number; w: number[] } {
  const w = Array.from({ length: n }, (_, j) => (j % 3 === 0 ? 2 : 1));
  const W = w.reduce((s, x) => s + x, 0);
  const amount = W * 7 + Math.floor(W / 2) + 1;
  // The tie order of `allocate`: larger weight first, then the smaller id (here the index).
  const order = w.map((_, j) => j).sort((a, b) => w[b] - w[a] || a - b);
  const out = new Array<number>(n).fill(0);
  const rem = counted(new Float64Array(n));
  splitInto(amount, w, W, order, out, 0, 1, rem.value);
  return { reads: rem.reads(), out, amount, w };
}

describe('computeFunnel at scale: the work grows linearly with the reps', () => {
  it('splitInto reads each remainder a bounded number of times (it read up to n²/2)', () => {
    for (const n of [1_000, 8_000]) {
      const { reads, out, amount, w } = remainderReads(n);
      // Before: n=1,000 read ~250,000 remainders, n=8,000 ~16,000,000.
      expect(reads, `remainder reads for ${n} parts`).to.be.at.most(4 * n);
      // And the split is still the largest remainder's, checked against allocate's BigInt path.
      expect(out.reduce((s, x) => s + x, 0)).to.equal(amount);
      const ref = allocate(amount, w.map((x, j) => ({ id: String(j).padStart(5, '0'), weight: x })));
      expect(ref.ok && w.map((_, j) => ref.value.values[String(j).padStart(5, '0')])).to.deep.equal(out);
    }
  });

  it('splitInto hands out the leftovers as the scan did: largest remainder first, ties in the given order', () => {
    // Remainders above and at the threshold, with the ties broken by `order`, not by index.
    // 13 over weights 3, 3, 3, 3, 1 (W = 13): quotas 3, 3, 3, 3, 1 exactly → nothing left.
    // 20 over the same: 60/13 = 4 r 8 (×4), 20/13 = 1 r 7 → 4·4 + 1 = 17, three units left:
    // the four remainders of 8 tie; order [3, 1, 0, 2, 4] gives them to 3, 1 and 0.
    const w = [3, 3, 3, 3, 1];
    const out = [0, 0, 0, 0, 0];
    splitInto(20, w, 13, [3, 1, 0, 2, 4], out, 0, 1, new Float64Array(5));
    expect(out).to.deep.equal([5, 5, 4, 5, 1]);
    // The selection path (more than 4,096 reads): 3,000 equal parts, 4,500 units → 1 each, 1,500
    // left, all remainders tie at 1,500: the first 1,500 parts of the order (the reversed indices).
    const n = 3_000;
    const eq = new Array<number>(n).fill(1);
    const rev = eq.map((_, j) => n - 1 - j);
    const big = new Array<number>(n).fill(0);
    splitInto(4_500, eq, n, rev, big, 0, 1, new Float64Array(n));
    expect(big.filter((x) => x === 2).length).to.equal(1_500);
    expect(big.slice(1_500).every((x) => x === 2) && big.slice(0, 1_500).every((x) => x === 1)).to.equal(true);
  });

  it('splitInto gives the units the per-unit scan gave, on random weights and amounts (the selection path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const rnd = createRandom(seed);
        const n = rnd.int(100, 3_000);
        const w = Array.from({ length: n }, () => rnd.pick([0, 1, 1, 2, 3, 7, rnd.int(1, 1_000)])!);
        if (!w.some((x) => x > 0)) w[0] = 1;
        const W = w.reduce((s, x) => s + x, 0);
        const amount = rnd.int(0, 50) * W + rnd.int(0, W - 1);
        const order = w.map((_, j) => j).sort((a, b) => w[b] - w[a] || a - b);
        const out = new Array<number>(n).fill(0);
        splitInto(amount, w, W, order, out, 0, 1, new Float64Array(n));
        // The scan, as the kernel did it before: each unit to the largest remainder still unserved, first in order.
        const ref = w.map((x) => Math.floor((amount * x) / W));
        const rem = w.map((x, j) => amount * x - ref[j] * W);
        for (let left = amount - ref.reduce((s, x) => s + x, 0); left > 0; left--) {
          let best = -1;
          for (const j of order) if (best < 0 || rem[j] > rem[best]) best = j;
          ref[best]++;
          rem[best] = -1;
        }
        return out.every((x, j) => x === ref[j]);
      }),
      { numRuns: 40 },
    );
  });

  it('splitRequirementSteps reads at most SPLIT_CHUNK reps per step, and its steps grow as n·log n', () => {
    const run = (n: number) => {
      const reps: SplitRep[] = Array.from({ length: n }, (_, i) => ({ id: `r${String(i).padStart(6, '0')}`, hireDate: `20${15 + (i % 12)}-0${(i % 9) + 1}-01` }));
      const steps = splitRequirementSteps({ lead: 3 * n + 7, demo: n + 3, quote: 5, won: 2 * n - 1 }, reps, { asOf: '2026-07-01' });
      let count = 0;
      let before: StepProgress = { done: 0, total: n };
      for (let r = steps.next(); ; r = steps.next()) {
        if (r.done) {
          expect(r.value.ok).to.equal(true);
          break;
        }
        count++;
        expect(r.value.done - before.done, 'reps read in one step').to.be.at.most(SPLIT_CHUNK);
        before = r.value;
      }
      return count;
    };
    const small = run(5_000);
    const large = run(40_000);
    // Reading the reps: n / 2,000 steps; the tie order (sortSteps): runs of 1,024 and merges of
    // 4,000; one step per stage. 8× the reps: at most 8 × log2(40,000) / log2(5,000) ≈ 10× the steps.
    expect(large / small, `${small} → ${large} steps`).to.be.at.most(10);
    expect(large).to.be.at.most(Math.ceil(40_000 / SPLIT_CHUNK) + Math.ceil((40_000 * 7) / 1_024) + 10);
  });

  it('splitRequirement gives each stage the counts of allocate over the same weights (random reps, ramps, capacities)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const rnd = createRandom(seed);
        const n = rnd.int(1, 400);
        const reps: SplitRep[] = Array.from({ length: n }, (_, i) => ({
          id: `p${rnd.int(0, 1e6)}-${i}`,
          ...(rnd.int(0, 2) ? { hireDate: `202${rnd.int(4, 6)}-0${rnd.int(1, 9)}-1${rnd.int(0, 9)}` } : {}),
          ...(rnd.int(0, 3) === 0 ? { weight: rnd.pick([0, 0.5, 1.5, 2, 0.25, 0.123456789])! } : {}),
        }));
        const counts = { lead: rnd.int(0, 50 * n), demo: rnd.int(0, 10 * n), won: rnd.int(0, n) };
        const asOf = '2026-07-01';
        const r = splitRequirement(counts, reps, { asOf });
        const weights = reps.map((p) => {
          const ramp = p.hireDate ? (rampFactor(p.hireDate, asOf) as { ok: true; value: number }).value : 1;
          return Math.round((p.weight ?? 1) * ramp * 1e9) / 1e9;
        });
        if (!weights.some((x) => x > 0)) return !r.ok && r.error.code === 'funnel-no-capacity';
        if (!r.ok) return false;
        return Object.entries(counts).every(([stage, count]) => {
          const a = allocate(count, reps.map((p, i) => ({ id: p.id, weight: weights[i] })));
          return a.ok && r.value.reps.every((x, i) => x.id === reps[i].id && x.weight === weights[i] && x.counts[stage] === a.value.values[x.id]);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('a rep listed twice fails as allocate does', () => {
    const r = splitRequirement({ lead: 7 }, [{ id: 'a' }, { id: 'b' }, { id: 'a' }], { asOf: '2026-04-01' });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect([r.error.code, r.error.path]).to.deep.equal(['duplicate-part', [2]]);
  });
});

describe('computeFunnel for a company of 20,000 reps (large-org fixture, rates set)', function () {
  this.timeout(120_000);

  it('splits the requirement over the 19,899 reps exactly, by ramp, and the steps give the same result', () => {
    const org = largeOrg({ nodes: 20_000 });
    const ctx = funnelContext({ snapshot: org.plan, actuals: org.actuals }, { nodeId: 'co', period: 'FY2026', asOf: '2026-07-01' });
    expect(ctx.ok).to.equal(true);
    if (!ctx.ok) return;
    const c = ctx.value;
    expect(c.reps.length).to.equal(19_899);
    // The fixture's company target: Σ (100,000 + (i mod 50) × 1,000) × 100 over the 19,899 reps.
    let target = 0;
    for (let i = 0; i < 19_899; i++) target += (100_000 + (i % 50) * 1_000) * 100;
    expect(c.target).to.equal(target);
    const inputs = {
      target,
      avgDealSize: 5_000_000,
      confidence: 0.8,
      stages: [{ id: 'lead', rate: 0.3, avgDays: 7 }, { id: 'demo', rate: 0.5, avgDays: 14 }, { id: 'quote', rate: 0.4, avgDays: 10 }, { id: 'won' }],
    };
    const r = computeFunnel(inputs, c);
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    // 247,740,100,000 分 ÷ 5,000,000 → 49,549 won (ceil of 49,548.02); ÷ 0.4 → 123,873 quotes
    // (ceil of 123,872.5); ÷ 0.5 → 247,746 demos; ÷ 0.3 → 825,820 leads.
    const won = Math.ceil(target / 5_000_000);
    const quote = Math.ceil((won * 10) / 4);
    const demo = quote * 2;
    const lead = Math.ceil((demo * 10) / 3);
    expect(r.value.requirement.counts).to.deep.equal({ lead, demo, quote, won });
    expect([lead, demo, quote, won]).to.deep.equal([825_820, 247_746, 123_873, 49_549]);
    const per = r.value.perRep;
    expect(per?.ok).to.equal(true);
    if (!per?.ok) return;
    const reps = per.value.reps;
    expect(reps.length).to.equal(19_899);
    // The default ramp on 2026-07-01 for a hire on the 1st: not started 0, tenure months 0–2 (hired
    // 2026-05 to -07) 0.3, months 3–5 (2026-02 to -04) 0.6, else 1. The fixture hires rep i on
    // (2015 + i mod 12)-((i mod 12) + 1)-01: the 2026-12 hires weigh 0, all the others 1.
    for (const [k, x] of reps.entries()) {
      const hire = c.reps[k].hireDate!;
      const expected = hire > '2026-07-01' ? 0 : hire >= '2026-05-01' ? 0.3 : hire >= '2026-02-01' ? 0.6 : 1;
      if (x.ramp !== expected) expect.fail(`${x.id} hired ${hire}: ramp ${x.ramp}, expected ${expected}`);
    }
    const weight = reps.reduce((s, x) => s + x.weight * 10, 0);
    for (const [stage, count] of Object.entries(r.value.requirement.counts)) {
      expect(reps.reduce((s, x) => s + x.counts[stage], 0), `${stage} over the reps`).to.equal(count);
      // Each rep's share is its quota count × weight / Σweights rounded down or up, never further.
      for (const x of reps) {
        const quota = (count * x.weight * 10) / weight;
        if (x.counts[stage] < Math.floor(quota) - 1e-9 || x.counts[stage] > Math.ceil(quota) + 1e-9) expect.fail(`${x.id} ${stage}: ${x.counts[stage]} for a quota of ${quota}`);
      }
    }
    // The weeks and the months add up to the requirement too.
    const weekly = r.value.weekly;
    const schedule = r.value.schedule;
    expect(weekly?.ok && schedule?.ok).to.equal(true);
    if (!weekly?.ok || !schedule?.ok) return;
    for (const [stage, count] of Object.entries(r.value.requirement.counts)) {
      expect(weekly.value.weeks.reduce((s, w) => s + w.counts[stage], 0)).to.equal(count);
      expect(schedule.value.months.reduce((s, m) => s + m.requirement.counts[stage], 0)).to.equal(count);
    }
    // The steps version: the same figures, no step reading more than SPLIT_CHUNK reps.
    const steps = computeFunnelSteps(inputs, c);
    let last = 0;
    let yields = 0;
    for (let s = steps.next(); ; s = steps.next()) {
      if (s.done) {
        expect(s.value.ok && s.value.value.perRep?.ok && s.value.value.perRep.value.reps.map((x) => x.counts)).to.deep.equal(reps.map((x) => x.counts));
        break;
      }
      yields++;
      if (s.value.done - last > SPLIT_CHUNK) expect.fail(`a step read ${s.value.done - last} reps`);
      last = s.value.done;
    }
    expect(yields).to.be.at.least(Math.ceil(19_899 / SPLIT_CHUNK));
    // An invalid input fails before any step.
    const bad = computeFunnelSteps({ ...inputs, avgDealSize: 0 }, c).next();
    expect(bad.done && !bad.value.ok && bad.value.error.code).to.equal('funnel-deal-size-invalid');
    expect(invertFunnel({ target, avgDealSize: 5_000_000, stages: inputs.stages }).ok).to.equal(true);
  });
});
