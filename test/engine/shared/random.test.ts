import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { createRandom } from '../../../src/engine/shared/random.js';

const draws = (seed: number, n: number): number[] => {
  const rng = createRandom(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRandom', () => {
  it('produces the reference splitmix32 → sfc32 stream', () => {
    // Cross-checked with an independent Python implementation of the same algorithm in exact
    // uint32 arithmetic (splitmix32 fills a, b, c, d; 12 outputs discarded):
    // seed 2026 → 739198404, 3897625740, 534906715; seed 0 → 548183886, 1097162541, 2219297441.
    expect(draws(2026, 3).map((x) => x * 2 ** 32)).to.deep.equal([739198404, 3897625740, 534906715]);
    expect(draws(0, 3).map((x) => x * 2 ** 32)).to.deep.equal([548183886, 1097162541, 2219297441]);
  });

  it('is deterministic per seed, differs between seeds, and uses only the integer part', () => {
    expect(draws(42, 50)).to.deep.equal(draws(42, 50));
    expect(draws(42, 50)).not.to.deep.equal(draws(43, 50));
    expect(draws(2026.9, 3)).to.deep.equal(draws(2026, 3));
    expect(draws(Number.NaN, 3)).to.deep.equal(draws(0, 3));
    // Seeds beyond 32 bits still matter: 2^32 + 1 is not 1.
    expect(draws(2 ** 32 + 1, 3)).not.to.deep.equal(draws(1, 3));
  });

  it('int covers both ends, swaps reversed bounds and never gives NaN', () => {
    const rng = createRandom(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[rng.int(1, 6) - 1]!++;
    // 6000 rolls of a fair die: 1000 per face; ±150 is more than 4 standard deviations (√833 ≈ 29).
    counts.forEach((c) => expect(c).to.be.within(850, 1150));
    const reversed = new Set(Array.from({ length: 200 }, () => rng.int(3, 1)));
    expect([...reversed].sort()).to.deep.equal([1, 2, 3]);
    expect(rng.int(5, 5)).to.equal(5);
    expect(rng.int(Number.NaN, Number.POSITIVE_INFINITY)).to.equal(0);
  });

  it('pick returns every element in turn and undefined for an empty list', () => {
    const rng = createRandom(3);
    const seen = new Set(Array.from({ length: 100 }, () => rng.pick(['华东', '华南', '华北', '西南'])));
    expect([...seen].sort()).to.deep.equal(['华东', '华北', '华南', '西南'].sort());
    expect(rng.pick([])).to.equal(undefined);
  });

  it('normal has the requested mean and standard deviation', () => {
    const rng = createRandom(11);
    const n = 20000;
    const xs = Array.from({ length: n }, () => rng.normal(10, 2));
    const mean = xs.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    // Standard error of the mean: 2 / √20000 ≈ 0.014.
    expect(mean).to.be.closeTo(10, 0.05);
    expect(sd).to.be.closeTo(2, 0.05);
    expect(createRandom(1).normal(5, -2)).to.equal(createRandom(1).normal(5, 2));
    expect(Number.isFinite(rng.normal(Number.NaN, Number.NaN))).to.equal(true);
  });

  it('poisson has the requested mean and P(0) = e^-mean', () => {
    const rng = createRandom(5);
    const n = 20000;
    const xs = Array.from({ length: n }, () => rng.poisson(0.7));
    expect(xs.reduce((s, x) => s + x, 0) / n).to.be.closeTo(0.7, 0.03);
    // e^-0.7 = 0.4966
    expect(xs.filter((x) => x === 0).length / n).to.be.closeTo(0.4966, 0.015);
    const big = Array.from({ length: 2000 }, () => rng.poisson(50));
    expect(big.reduce((s, x) => s + x, 0) / 2000).to.be.closeTo(50, 0.6);
    expect(big.every((x) => Number.isInteger(x) && x >= 0)).to.equal(true);
    expect([rng.poisson(0), rng.poisson(-3), rng.poisson(Number.NaN)]).to.deep.equal([0, 0, 0]);
  });

  it('next stays in [0, 1) and int within its rounded bounds for any seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1000, max: 1000 }), (seed, a, b) => {
        const rng = createRandom(seed);
        const x = rng.next();
        const k = rng.int(a, b);
        return x >= 0 && x < 1 && Number.isInteger(k) && k >= Math.min(a, b) && k <= Math.max(a, b);
      }),
    );
  });
});
