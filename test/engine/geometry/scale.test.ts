import { expect } from '@open-wc/testing';
import { scaleLinear } from 'd3';
import { linearScale } from '../../../src/engine/geometry/scale.js';

describe('linearScale', () => {
  it('maps, clamps and inverts', () => {
    const x = linearScale([0, 1.5], [-Math.PI / 2, Math.PI / 2]);
    expect(x(0.75)).to.be.closeTo(0, 1e-12);
    expect(x(3)).to.be.closeTo((3 / 1.5) * Math.PI - Math.PI / 2, 1e-12);
    x.clamp(true);
    expect(x(3)).to.equal(Math.PI / 2);
    expect(x.invert(0)).to.be.closeTo(0.75, 1e-12);
    const y = linearScale([0, 100], [200, 0]);
    // A value of 25 sits 3/4 of the way down a 200 px axis drawn upwards: 200 − 25 × 2 = 150.
    expect(y(25)).to.equal(150);
    expect(y.invert(150)).to.equal(25);
  });

  it('a degenerate domain maps to the middle of the range instead of NaN', () => {
    expect(linearScale([5, 5], [0, 100])(5)).to.equal(50);
  });

  it('ticks and nice agree with d3-scale on a spread of domains', () => {
    const domains: [number, number][] = [[0, 1], [0, 1.37], [-3, 17], [0, 12345678], [0.001, 0.0093], [100, 0], [2, 2.5]];
    for (const d of domains) {
      for (const count of [3, 5, 10]) {
        expect(linearScale(d).ticks(count), `ticks ${d} ${count}`).to.deep.equal(scaleLinear().domain(d).ticks(count));
        expect(linearScale(d).nice(count).domain(), `nice ${d} ${count}`).to.deep.equal(scaleLinear().domain(d).nice(count).domain());
      }
    }
  });
});
