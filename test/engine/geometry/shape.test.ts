import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { arc, area, line } from 'd3-shape';
import { arcPath, areaPath, linePath } from '../../../src/engine/geometry/shape.js';

// The kit's shapes must be exactly d3-shape's: the elements' SVG and their tests rely on those strings.
const coord = fc.double({ min: -1e4, max: 1e4, noNaN: true });
const points = fc.array(fc.tuple(coord, coord), { maxLength: 12 });

describe('shape (d3-shape without d3-shape)', () => {
  it('linePath: hand-checked cases', () => {
    expect(linePath([])).to.equal(null);
    expect(linePath([[1, 2]])).to.equal('M1,2Z');
    expect(linePath([[0, 0], [10.12345, 5], [20, -3]])).to.equal('M0,0L10.123,5L20,-3');
  });

  it('areaPath: along y1, back along y0, closed', () => {
    expect(areaPath([])).to.equal(null);
    expect(areaPath([{ x: 0, y0: 10, y1: 10 }, { x: 5, y0: 12, y1: 4 }])).to.equal('M0,10L5,4L5,12L0,10Z');
  });

  it('arcPath: a quarter annulus from 12 to 3 o’clock', () => {
    // Outer radius 10 from (0,-10) clockwise to (10,0); inner radius 5 back from (5,0) to (0,-5).
    expect(arcPath({ innerRadius: 5, outerRadius: 10, startAngle: 0, endAngle: Math.PI / 2 })).to.equal('M0,-10A10,10,0,0,1,10,0L5,0A5,5,0,0,0,0,-5Z');
    expect(arcPath({ innerRadius: 0, outerRadius: 0, startAngle: 0, endAngle: 1 })).to.equal('M0,0Z');
  });

  it('linePath equals d3 line() on random points', () => {
    fc.assert(fc.property(points, (pts) => linePath(pts) === line()(pts)));
  });

  it('areaPath equals d3 area().x().y0().y1() on random bands', () => {
    const band = fc.array(fc.record({ x: coord, y0: coord, y1: coord }), { maxLength: 12 });
    fc.assert(
      fc.property(band, (b) => areaPath(b) === area<{ x: number; y0: number; y1: number }>().x((d) => d.x).y0((d) => d.y0).y1((d) => d.y1)(b)),
    );
  });

  it('arcPath equals d3 arc() on random sectors, annuli, circles and points', () => {
    const angle = fc.double({ min: -3 * Math.PI, max: 3 * Math.PI, noNaN: true });
    const radius = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 500, noNaN: true }));
    const d = fc.record({ innerRadius: radius, outerRadius: radius, startAngle: angle, endAngle: angle });
    fc.assert(fc.property(d, (a) => arcPath(a) === arc()(a)), { numRuns: 500 });
    for (const a of [
      { innerRadius: 3, outerRadius: 9, startAngle: 0, endAngle: 2 * Math.PI },
      { innerRadius: 0, outerRadius: 9, startAngle: 1, endAngle: 1 },
      { innerRadius: 9, outerRadius: 3, startAngle: -Math.PI / 2, endAngle: Math.PI / 2 },
    ]) expect(arcPath(a)).to.equal(arc()(a));
  });
});
