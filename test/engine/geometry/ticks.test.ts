import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ticks as d3Ticks, tickIncrement as d3TickIncrement } from 'd3-array';
import { tickIncrement, ticks } from '../../../src/engine/geometry/ticks.js';

// The kit's own ticks (issue 14: d3-array's single-file build costs a gauge page ~6 kB) must be
// d3-array's, number for number: d3-array stays a dev dependency of this check.
/** A result, or the kind of error thrown; NaN as a string so that deep equality compares it. */
function outcome(f: () => unknown): unknown {
  try {
    const v = f();
    return typeof v === 'number' && Number.isNaN(v) ? 'NaN' : v;
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

describe('ticks (the kit’s own, d3-array’s algorithm)', () => {
  it('hand-checked values', () => {
    expect(ticks(0, 1.5, 3)).to.deep.equal([0, 0.5, 1, 1.5]);
    // 1.5 / 5 = 0.3 per tick → a step of 2 × 10⁻¹.
    expect(ticks(0, 1.5, 5)).to.deep.equal([0, 0.2, 0.4, 0.6, 0.8, 1, 1.2, 1.4]);
    expect(ticks(0, 10, 5)).to.deep.equal([0, 2, 4, 6, 8, 10]);
    expect(ticks(10, 0, 5)).to.deep.equal([10, 8, 6, 4, 2, 0]);
    expect(ticks(0.001, 0.0093, 3)).to.deep.equal([0.002, 0.004, 0.006, 0.008]);
    expect(ticks(3, 3, 5)).to.deep.equal([3]);
    expect(ticks(0, 1, 0)).to.deep.equal([]);
    expect(tickIncrement(0, 12_345_678, 10)).to.equal(1_000_000);
    expect(tickIncrement(0, 1, 10)).to.equal(-10);
  });

  it('equals d3-array on random domains and counts', () => {
    const n = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: -1000, max: 1000 }), fc.double({ min: -1, max: 1, noNaN: true }));
    fc.assert(
      fc.property(n, n, fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 40, noNaN: true })), (a, b, count) => {
        // Domains of a few denormals make both ask for an array of ~10³⁰⁰ ticks: both throw alike.
        expect(outcome(() => ticks(a, b, count))).to.deep.equal(outcome(() => d3Ticks(a, b, count)));
        expect(outcome(() => tickIncrement(a, b, count))).to.deep.equal(outcome(() => d3TickIncrement(a, b, count)));
      }),
      { numRuns: 3000 },
    );
  });
});
