import { expect } from '@open-wc/testing';
import { gaugeScaleMax, layoutGauge, type GaugeModel } from '../../../src/components/attainment-gauge/attainment-gauge.layout.js';

const PI = Math.PI;
const size = { width: 200, height: 120 };
const bands: GaugeModel['bands'] = [
  { status: 'off-track', from: 0, to: 0.8 },
  { status: 'at-risk', from: 0.8, to: 0.95 },
  { status: 'on-track', from: 0.95, to: Infinity },
];
const arcOf = (g: ReturnType<typeof layoutGauge>, kind: string) => g.arcs.filter((a) => a.kind === kind);

describe('gaugeScaleMax', () => {
  it('is at least 1.2, grows by 0.25 steps above it, and caps at maxScale with an overflow flag', () => {
    expect(gaugeScaleMax(0)).to.deep.equal({ scaleMax: 1.2, overflow: false });
    expect(gaugeScaleMax(1.2)).to.deep.equal({ scaleMax: 1.2, overflow: false });
    expect(gaugeScaleMax(1.21)).to.deep.equal({ scaleMax: 1.25, overflow: false });
    expect(gaugeScaleMax(1.25)).to.deep.equal({ scaleMax: 1.25, overflow: false });
    expect(gaugeScaleMax(1.3)).to.deep.equal({ scaleMax: 1.5, overflow: false });
    expect(gaugeScaleMax(2.9)).to.deep.equal({ scaleMax: 3, overflow: false });
    expect(gaugeScaleMax(4)).to.deep.equal({ scaleMax: 3, overflow: true });
    expect(gaugeScaleMax(1.8, 1.5)).to.deep.equal({ scaleMax: 1.5, overflow: true });
  });
});

describe('layoutGauge', () => {
  it('sizes a half circle into the box', () => {
    // half = min(200 / 2, 120) = 100; margin 10; R = 90; the center sits on the baseline at y = 10 + 90.
    const g = layoutGauge({ attainment: 0.5, bands }, size);
    expect(g.outerRadius).to.equal(90);
    expect(g.center).to.deep.equal({ x: 100, y: 100 });
    expect([g.startAngle, g.endAngle]).to.deep.equal([-PI / 2, PI / 2]);
  });

  it('0 %: no fill, the needle at the left end', () => {
    const g = layoutGauge({ attainment: 0, bands }, size);
    expect(g.scaleMax).to.equal(1.2);
    expect(arcOf(g, 'fill')).to.have.length(0);
    expect(g.needle!.angle).to.be.closeTo(-PI / 2, 1e-12);
    // The tip at 0.88R straight left of the center.
    expect(g.needle!.x).to.be.closeTo(-79.2, 1e-9);
    expect(g.needle!.y).to.be.closeTo(0, 1e-9);
  });

  it('50 %: the fill ends at −π/2 + π × 0.5 / 1.2 = −π/12 (−15°)', () => {
    const g = layoutGauge({ attainment: 0.5, expected: 0.6, bands }, size);
    const [fill] = arcOf(g, 'fill');
    expect(fill.startAngle).to.be.closeTo(-PI / 2, 1e-12);
    expect(fill.endAngle).to.be.closeTo(-PI / 12, 1e-12);
    expect([fill.innerRadius, fill.outerRadius]).to.deep.equal([0.68 * 90, 0.88 * 90]);
    expect(fill.path).to.be.a('string').and.not.include('NaN');
    expect(fill.path.length).to.be.above(10);
    // The expected marker at 0.6 / 1.2 of the way: straight up.
    const [marker] = g.markers;
    expect(marker.kind).to.equal('expected');
    expect(marker.angle).to.be.closeTo(0, 1e-12);
    expect(marker.x1).to.be.closeTo(0, 1e-9);
    expect(marker.y1).to.be.closeTo(-0.64 * 90, 1e-9);
  });

  it('100 %: the fill ends at −π/2 + π / 1.2 = π/3 (60°), nothing over', () => {
    const g = layoutGauge({ attainment: 1, bands }, size);
    expect(arcOf(g, 'fill')[0].endAngle).to.be.closeTo(PI / 3, 1e-12);
    expect(arcOf(g, 'fill-over')).to.have.length(0);
    expect(g.overflow).to.equal(false);
  });

  it('130 %: the scale grows to 150 % and the part over 100 % is its own arc', () => {
    const g = layoutGauge({ attainment: 1.3, forecast: 1.4, forecastLow: 1.1, forecastHigh: 1.6, bands }, size);
    // forecastHigh 1.6 is the largest value: the scale grows to 1.75 so the range is not clipped.
    expect(g.scaleMax).to.equal(1.75);
    const g2 = layoutGauge({ attainment: 1.3, bands }, size);
    expect(g2.scaleMax).to.equal(1.5);
    const [fill] = arcOf(g2, 'fill');
    const [over] = arcOf(g2, 'fill-over');
    expect(fill.endAngle).to.be.closeTo(PI / 6, 1e-12); // −π/2 + π × 1 / 1.5
    expect(over.startAngle).to.be.closeTo(PI / 6, 1e-12);
    expect(over.endAngle).to.be.closeTo((11 * PI) / 30, 1e-12); // −π/2 + π × 1.3 / 1.5 = 66°
    expect(g2.needle!.angle).to.be.closeTo((11 * PI) / 30, 1e-12);
    expect(g2.needle!.clipped).to.equal(false);
  });

  it('beyond the cap: drawn at the end of the scale and flagged', () => {
    const g = layoutGauge({ attainment: 4, bands }, size);
    expect(g.scaleMax).to.equal(3);
    expect(g.overflow).to.equal(true);
    expect(arcOf(g, 'fill-over')[0].endAngle).to.be.closeTo(PI / 2, 1e-12);
    expect(g.needle!.clipped).to.equal(true);
  });

  it('clips bands to the scale and places ticks every 25 %, labelled every 50 % and at the end', () => {
    const g = layoutGauge({ attainment: 0.9, bands }, size);
    expect(arcOf(g, 'band').map((b) => [b.status, b.from, b.to])).to.deep.equal([
      ['off-track', 0, 0.8],
      ['at-risk', 0.8, 0.95],
      ['on-track', 0.95, 1.2],
    ]);
    expect(arcOf(g, 'band')[0].endAngle).to.be.closeTo(PI / 6, 1e-12); // −π/2 + π × 0.8 / 1.2
    expect(g.ticks.map((t) => t.value)).to.deep.equal([0, 0.25, 0.5, 0.75, 1, 1.2]);
    expect(g.ticks.filter((t) => t.major).map((t) => t.value)).to.deep.equal([0, 0.5, 1, 1.2]);
    const tickLabels = g.labels.filter((l) => l.kind === 'tick');
    expect(tickLabels.map((l) => l.anchor)).to.deep.equal(['end', 'end', 'start', 'start']);
    expect(tickLabels[0].x).to.be.closeTo(-95.4, 1e-9); // 1.06R to the left
  });

  it('draws the forecast range on its own ring', () => {
    const g = layoutGauge({ attainment: 0.6, forecastLow: 0.9, forecastHigh: 1.1, bands: [] }, size);
    const [range] = arcOf(g, 'forecast-range');
    expect(range.startAngle).to.be.closeTo(-PI / 2 + (PI * 0.9) / 1.2, 1e-12);
    expect(range.endAngle).to.be.closeTo(-PI / 2 + (PI * 1.1) / 1.2, 1e-12);
  });

  it('a zero target (attainment null): no fill, no needle; an empty box gives no NaN', () => {
    const g = layoutGauge({ attainment: null, bands }, size);
    expect(arcOf(g, 'fill')).to.have.length(0);
    expect(g.needle).to.equal(null);
    const empty = layoutGauge({ attainment: 0.5, expected: Number.NaN, bands }, { width: 0, height: Number.NaN });
    expect(empty.outerRadius).to.equal(0);
    // JSON would turn a NaN number into null, so walk the values instead.
    const bad: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'number' && !Number.isFinite(v)) bad.push(path);
      else if (typeof v === 'string' && v.includes('NaN')) bad.push(path);
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(empty, 'layout');
    expect(bad).to.deep.equal([]);
    expect(empty.markers).to.have.length(0);
  });
});
