import { expect } from '@open-wc/testing';
import { EXACT_MAX_VARIANCE, leadsForConfidence, reachProbability } from '../../../src/engine/funnel/confidence.js';
import { createRandom } from '../../../src/engine/shared/random.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
const prob = (r: ReturnType<typeof reachProbability>) => {
  if (!r.ok) throw new Error(r.error.code);
  return r.value.probability;
};

/**
 * Brute force with exact rationals: p = a / d, P(X ≥ k) = Σ_{j ≥ k} C(n, j)·a^j·(d − a)^(n−j) / d^n,
 * every term a BigInt, rounded to a double only at the end.
 */
function exactBinomialTail(n: number, a: number, d: number, k: number): number {
  const A = BigInt(a), B = BigInt(d - a);
  let c = 1n, num = 0n;
  for (let j = 0; j <= n; j++) {
    if (j >= k) num += c * A ** BigInt(j) * B ** BigInt(n - j);
    c = (c * BigInt(n - j)) / BigInt(j + 1);
  }
  const den = BigInt(d) ** BigInt(n);
  return Number((num * 10n ** 18n) / den) / 1e18;
}

describe('reachProbability', () => {
  it('matches the hand computation for 10 leads at 30%, needing 3', () => {
    // 1 − [0.7^10 + 10·0.3·0.7^9 + 45·0.09·0.7^8] = 1 − (0.0282475249 + 0.1210608210 + 0.2334744405) = 0.6172172136
    const r = reachProbability({ leads: 10, rates: [0.3], wonNeeded: 3 });
    expect(r.ok && r.value.method).to.equal('exact');
    expect(prob(r)).to.be.closeTo(0.6172172136, 1e-10);
    expect(prob(r)).to.be.closeTo(exactBinomialTail(10, 3, 10, 3), 1e-14);
    // Two stages at 50% and 60% thin the leads to the same Binomial(10, 0.3).
    expect(prob(reachProbability({ leads: 10, rates: [0.5, 0.6], wonNeeded: 3 }))).to.be.closeTo(0.6172172136, 1e-10);
  });

  it('agrees with exact rationals for every k of small funnels', () => {
    // Every (p, n, k) checked in plain JS; the ones off by 1e-12 or more named and asserted at once.
    const off: string[] = [];
    for (const [a, d] of [[1, 20], [3, 10], [1, 2], [77, 100], [999, 1000]]) {
      for (let n = 0; n <= 30; n++) {
        for (let k = 0; k <= n + 1; k++) {
          const got = prob(reachProbability({ leads: n, rates: [a / d], wonNeeded: k }));
          const want = exactBinomialTail(n, a, d, k);
          if (!(Math.abs(got - want) < 1e-12)) off.push(`n=${n} p=${a}/${d} k=${k}: ${got}, exact ${want}`);
        }
      }
    }
    expect(off).to.deep.equal([]);
  });

  it('gives the seed plan only about a 53% chance: 500 leads, p = 0.04, 20 deals needed', () => {
    const r = reachProbability({ leads: 500, rates: [0.2, 0.5, 0.4], wonNeeded: 20 });
    expect(prob(r)).to.be.closeTo(exactBinomialTail(500, 1, 25, 20), 1e-12);
    expect(prob(r)).to.be.closeTo(0.53156, 1e-5);
    expect(r.ok && r.value.expectedWon).to.be.closeTo(20, 1e-12);
  });

  it('handles the edges: nothing needed, more needed than leads, a certain funnel', () => {
    expect(prob(reachProbability({ leads: 0, rates: [0.5], wonNeeded: 0 }))).to.equal(1);
    expect(prob(reachProbability({ leads: 5, rates: [0.5], wonNeeded: 6 }))).to.equal(0);
    expect(prob(reachProbability({ leads: 5, rates: [1, 1], wonNeeded: 5 }))).to.equal(1);
  });

  it('stays exact for 100,000 leads (against a plain full log-space sum)', () => {
    // Every term log C(n, j) + j log p + (n − j) log(1 − p), summed from the largest, without the engine's window.
    const n = 100_000, p = 0.04, k = 4_050;
    const logs: number[] = [];
    let lc = 0;
    for (let j = 0; j <= n; j++) {
      logs.push(lc + j * Math.log(p) + (n - j) * Math.log1p(-p));
      lc += Math.log(n - j) - Math.log(j + 1);
    }
    const max = Math.max(...logs.slice(0, 10_000));
    let all = 0, tail = 0;
    logs.forEach((l, j) => {
      const t = Math.exp(l - max);
      all += t;
      if (j >= k) tail += t;
    });
    const r = reachProbability({ leads: n, rates: [p], wonNeeded: k });
    expect(r.ok && r.value.method).to.equal('exact');
    expect(prob(r)).to.be.closeTo(tail / all, 1e-9);
  });

  it('switches to the normal approximation above the documented variance, within 1e-4 of exact', () => {
    // n·p·(1−p) = 1.02e9 × 0.001 × 0.999 ≈ 1.019e6 > 1e6; the exact sum is forced with exactMaxVariance: Infinity.
    expect(EXACT_MAX_VARIANCE).to.equal(1_000_000);
    const n = 1_020_000_000, p = 0.001, sd = Math.sqrt(n * p * (1 - p));
    for (const z of [-2, -0.5, 0, 1, 2.5]) {
      const k = Math.round(n * p + z * sd);
      const approx = reachProbability({ leads: n, rates: [p], wonNeeded: k });
      expect(approx.ok && approx.value.method).to.equal('normal');
      expect(prob(approx)).to.be.closeTo(prob(reachProbability({ leads: n, rates: [p], wonNeeded: k, exactMaxVariance: Infinity })), 1e-4);
    }
    // 1e9 leads at 0.001: variance 999,000, still summed exactly.
    const below = reachProbability({ leads: 1_000_000_000, rates: [p], wonNeeded: 1_000_000 });
    expect(below.ok && below.value.method).to.equal('exact');
  });

  it('agrees with a seeded simulation of the stage-by-stage draws', () => {
    // 4,000 runs of 500 leads through 20% → 50% → 40%, each lead drawn at each stage. Standard error of
    // the hit rate ≈ √(0.25 / 4000) = 0.0079; allow 4 of them.
    const rng = createRandom(20260401);
    const rates = [0.2, 0.5, 0.4];
    let hits = 0;
    for (let run = 0; run < 4000; run++) {
      let n = 500;
      for (const r of rates) {
        let next = 0;
        for (let i = 0; i < n; i++) if (rng.next() < r) next++;
        n = next;
      }
      if (n >= 20) hits++;
    }
    expect(hits / 4000).to.be.closeTo(prob(reachProbability({ leads: 500, rates, wonNeeded: 20 })), 4 * 0.0079);
  });

  it('fails for bad counts and rates', () => {
    expect(code(reachProbability({ leads: -1, rates: [0.5], wonNeeded: 1 }))).to.equal('funnel-count-invalid');
    expect(code(reachProbability({ leads: 10, rates: [0.5], wonNeeded: 1.5 }))).to.equal('funnel-count-invalid');
    expect(code(reachProbability({ leads: 10, rates: [], wonNeeded: 1 }))).to.equal('funnel-stages-invalid');
    expect(code(reachProbability({ leads: 10, rates: [0.5, 0], wonNeeded: 1 }))).to.equal('funnel-rate-zero');
    expect(code(reachProbability({ leads: 10, rates: [1.1], wonNeeded: 1 }))).to.equal('funnel-rate-above-one');
  });
});

describe('leadsForConfidence', () => {
  it('finds the fewest leads for 80% on the seed funnel: 589, where the plain inversion says 500', () => {
    // Checked with exact rationals: P(588 leads) < 0.8 ≤ P(589 leads) at p = 1/25, 20 deals.
    const r = leadsForConfidence({ rates: [0.2, 0.5, 0.4], wonNeeded: 20, confidence: 0.8 });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect([r.value.leads, r.value.expectedLeads]).to.deep.equal([589, 500]);
    expect(exactBinomialTail(588, 1, 25, 20)).to.be.below(0.8);
    expect(exactBinomialTail(589, 1, 25, 20)).to.be.at.least(0.8);
    expect(r.value.probability).to.be.closeTo(exactBinomialTail(589, 1, 25, 20), 1e-12);
  });

  it('asks for more leads at 90% and fewer at 50%', () => {
    const at = (confidence: number) => {
      const r = leadsForConfidence({ rates: [0.2, 0.5, 0.4], wonNeeded: 20, confidence });
      return r.ok ? r.value.leads : -1;
    };
    expect(at(0.9)).to.equal(645);
    expect(exactBinomialTail(644, 1, 25, 20)).to.be.below(0.9);
    expect(exactBinomialTail(645, 1, 25, 20)).to.be.at.least(0.9);
    // The median needs fewer than the mean: 492 leads give 20 deals just over half the time.
    expect(at(0.5)).to.equal(492);
    expect(exactBinomialTail(491, 1, 25, 20)).to.be.below(0.5);
  });

  it('handles the edges and large funnels quickly', () => {
    const leads = (input: Parameters<typeof leadsForConfidence>[0]) => {
      const r = leadsForConfidence(input);
      return r.ok ? r.value.leads : r.error.code;
    };
    expect(leads({ rates: [0.3], wonNeeded: 0 })).to.equal(0);
    expect(leads({ rates: [1, 1], wonNeeded: 7, confidence: 0.99 })).to.equal(7);
    // 90,000 deals at one in a million: about 90.4 billion leads, via the normal approximation.
    const huge = leadsForConfidence({ rates: [0.000001], wonNeeded: 90_000, confidence: 0.9 });
    expect(huge.ok && huge.value.expectedLeads).to.equal(90_000_000_000);
    expect(huge.ok && huge.value.leads).to.be.within(90_380_000_000, 90_390_000_000);
  });

  it('fails for a confidence outside (0, 1) and bad inputs', () => {
    for (const confidence of [0, 1, 1.5, -0.2, NaN]) {
      expect(code(leadsForConfidence({ rates: [0.5], wonNeeded: 3, confidence })), String(confidence)).to.equal('funnel-confidence-invalid');
    }
    expect(code(leadsForConfidence({ rates: [0.5], wonNeeded: -3 }))).to.equal('funnel-count-invalid');
    expect(code(leadsForConfidence({ rates: [0], wonNeeded: 3 }))).to.equal('funnel-rate-zero');
    expect(code(leadsForConfidence({ rates: [1e-9, 1e-9], wonNeeded: 1e6 }))).to.equal('funnel-count-overflow');
  });
});
