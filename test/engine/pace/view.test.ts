import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  defaultPacePeriod,
  paceSeries,
  paceView,
  historyRatios,
  resolvePaceFigures,
  type PaceSource,
  type PaceView,
} from '../../../src/engine/pace/view.js';
import { gaugeModelOf } from '../../../src/components/attainment-gauge/attainment-gauge.layout.js';
import { layoutPaceChart } from '../../../src/components/pace-chart/pace-chart.layout.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const march = { target: 2_200_000, period: '2026-03', asOf: '2026-03-11' } as const;

function view(figures: Parameters<typeof paceView>[0]): PaceView {
  const r = paceView(figures);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function source(asOf: string): PaceSource {
  const { plan, actuals } = smallFixture();
  return { plan: plan.plan, org: plan.org, targets: plan.targets, actuals, asOf };
}

describe('paceView', () => {
  it('gathers pace, forecast and status for March 2026 as of Wed 11 March', () => {
    const v = view({ ...march, actual: 700_000 });
    // 22 working days in March 2026; 8 by the 11th, 14 left.
    expect(v.pace.expectedToDate).to.equal(800_000); // 2,200,000 × 8 / 22
    expect(v.pace.gap).to.equal(1_500_000);
    expect(v.pace.paceIndex).to.equal(0.875); // 700,000 / 800,000
    expect(v.pace.requiredDailyRate).to.equal(107_143); // 1,500,000 / 14 = 107,142.86 → up
    expect(v.forecast.runRate).to.equal(1_925_000); // 700,000 + 700,000 × 14 / 8
    expect(v.forecast.weightedPipeline).to.equal(700_000);
    expect(v.forecast.blended).to.equal(1_312_500); // (1,925,000 + 700,000) / 2
    // pace 0.875 ≥ 0.8, but the forecast 1,312,500 / 2,200,000 = 0.597 < 0.85: off track.
    expect(v.status.status).to.equal('off-track');
    expect(v.status.reason).to.equal('forecast-low');
    expect(v.currency).to.equal('CNY');
    expect(v.daily).to.equal(null);
  });

  it('sums dated actuals inside the period up to asOf when no total is given', () => {
    const v = view({
      ...march,
      actuals: [
        { date: '2026-02-27', amount: 999 }, // before the period
        { date: '2026-03-10', amount: 300_000 },
        { date: '2026-03-02', amount: 400_000 },
        { date: '2026-03-12', amount: 5_000 }, // after asOf
      ],
    });
    expect(v.pace.actual).to.equal(700_000);
    expect(v.daily).to.deep.equal([{ date: '2026-03-02', amount: 400_000 }, { date: '2026-03-10', amount: 300_000 }]);
  });

  it('reports bad input as results, never throws', () => {
    expect(paceView({ ...march, asOf: '2026-02-30' })).to.deep.include({ ok: false });
    const bad = paceView({ ...march, actuals: [{ date: 'yesterday', amount: 1 }] });
    expect(!bad.ok && bad.error.code).to.equal('pace-date-invalid');
    const period = paceView({ ...march, period: 'FY2026-Q5' });
    expect(!period.ok && period.error.code).to.equal('period-invalid');
    const target = paceView({ ...march, target: -1, actual: 0 });
    expect(!target.ok && target.error.code).to.equal('pace-amount-invalid');
  });

  it('handles a zero target as not applicable', () => {
    const v = view({ ...march, target: 0, actual: 50_000 });
    expect(v.pace.attainment).to.equal(null);
    expect(v.pace.reasons.attainment).to.equal('zero-target');
    expect(v.status).to.deep.equal({ status: 'on-track', reason: 'no-data', params: {} });
    expect(gaugeModelOf(v)).to.deep.equal({ attainment: null, bands: [] });
  });

  it('gives both attainments when the target was adjusted', () => {
    const v = view({ ...march, target: 1_000_000, originalTarget: 1_200_000, actual: 900_000 });
    expect(v.dual?.original.attainment).to.equal(0.75);
    expect(v.dual?.current.attainment).to.equal(0.9);
    expect(v.dual?.targetChange).to.equal(-200_000);
  });
});

describe('gaugeModelOf', () => {
  it('scales the status bands by the expected share', () => {
    const m = gaugeModelOf(view({ ...march, actual: 700_000 }));
    const e = 8 / 22;
    expect(m.attainment).to.be.closeTo(700_000 / 2_200_000, 1e-12);
    expect(m.expected).to.be.closeTo(800_000 / 2_200_000, 1e-12);
    expect(m.forecast).to.be.closeTo(1_312_500 / 2_200_000, 1e-12);
    expect(m.bands.map((b) => b.status)).to.deep.equal(['off-track', 'at-risk', 'on-track']);
    expect(m.bands[0].to).to.be.closeTo(e * 0.8, 1e-12); // 0.2909
    expect(m.bands[1].to).to.be.closeTo(e * 0.95, 1e-12); // 0.3455
    expect(m.bands[2].to).to.equal(Infinity);
  });

  it('has no forecast marker once no working day is left', () => {
    const m = gaugeModelOf(view({ ...march, asOf: '2026-03-31', actual: 2_500_000 }));
    expect(m.forecast).to.equal(null);
    expect(m.attainment).to.be.closeTo(2_500_000 / 2_200_000, 1e-12);
  });
});

describe('resolvePaceFigures (test fixture 星河科技)', () => {
  it('takes the target from the cell and the actual from bookings up to asOf', () => {
    const r = resolvePaceFigures(source('2026-03-11'), { nodeId: 'co', period: 'FY2026' });
    if (!r.ok) throw new Error(r.error.code);
    const f = r.value.figures!;
    expect(f.target).to.equal(1_200_000_000); // ¥12,000,000
    // 120,000 + 45,000 + 80,000 + 200,000 + 30,000 yuan booked by 11 March
    expect(f.actual).to.equal(47_500_000);
    expect(f.actuals!.reduce((s, a) => s + a.amount, 0)).to.equal(47_500_000);
    expect(f.pipeline!.map((o) => o.id)).to.deep.equal(['o1', 'o2', 'o3']);
    expect(r.value.nodeName).to.equal('星河科技');
  });

  it('narrows to a subtree and a product line', () => {
    const east = resolvePaceFigures(source('2026-03-11'), { nodeId: 'east', period: 'FY2026' });
    if (!east.ok) throw new Error(east.error.code);
    expect(east.value.figures!.target).to.equal(720_000_000);
    expect(east.value.figures!.actual).to.equal(24_500_000); // r1 120,000 + 45,000, r3 80,000
    expect(east.value.figures!.pipeline!.map((o) => o.id)).to.deep.equal(['o1', 'o2']);
    const ai = resolvePaceFigures(source('2026-03-11'), { nodeId: 'co', period: 'FY2026', product: 'ai' });
    if (!ai.ok) throw new Error(ai.error.code);
    expect(ai.value.figures!.target).to.equal(200_000_000);
    expect(ai.value.figures!.actual).to.equal(7_500_000); // b2 45,000 + b5 30,000
    expect(ai.value.figures!.pipeline!.map((o) => o.id)).to.deep.equal(['o2']);
  });

  it('reads collections without pipeline', () => {
    const r = resolvePaceFigures(source('2026-03-31'), { nodeId: 'co', period: 'FY2026-Q1', metric: 'collections' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.missing).to.equal('no-target');
    const s = source('2026-03-31');
    s.targets = [...s.targets, { nodeId: 'co', period: 'FY2026-Q1', metric: 'collections', value: 50_000_000 }];
    const c = resolvePaceFigures(s, { nodeId: 'co', period: 'FY2026-Q1', metric: 'collections' });
    if (!c.ok) throw new Error(c.error.code);
    expect(c.value.figures!.actual).to.equal(26_000_000); // c1 60,000 + c2 200,000
    expect(c.value.figures!.pipeline).to.deep.equal([]);
  });

  it('says why there is nothing to show, and fails on an unknown node', () => {
    const s = source('2026-03-11');
    const noTarget = resolvePaceFigures(s, { nodeId: 'r2', period: 'FY2026' });
    expect(noTarget.ok && noTarget.value.missing).to.equal('no-target');
    const unsupported = resolvePaceFigures(s, { nodeId: 'co', period: 'FY2026', metric: 'winRate' });
    expect(unsupported.ok && unsupported.value.missing).to.equal('metric-unsupported');
    const unknown = resolvePaceFigures(s, { nodeId: 'nope' });
    expect(!unknown.ok && unknown.error).to.deep.include({ code: 'pace-node-unknown', params: { node: 'nope' } });
    const period = resolvePaceFigures(s, { period: '2026-13' });
    expect(!period.ok && period.error.code).to.equal('period-invalid');
  });

  it("defaults to the root and to the page's one default period: the fiscal year holding today", () => {
    // One default for every element (issue: widgets defaulted to FY2026 in one, FY2026-Q4 in another).
    expect(defaultPacePeriod(source('2026-03-11'), 'co', 'revenue')).to.equal('FY2026');
    expect(defaultPacePeriod(source('2026-05-11'), 'co', 'revenue')).to.equal('FY2026');
    expect(defaultPacePeriod(source('2026-03-11'), 'south', 'revenue')).to.equal('FY2026');
    // r2 has no FY2026 target at or below it: still the plan's year.
    expect(defaultPacePeriod(source('2026-03-11'), 'r2', 'revenue')).to.equal('FY2026');
    expect(defaultPacePeriod(source('2027-01-05'), 'co', 'revenue')).to.equal('FY2026');
    const r = resolvePaceFigures(source('2026-05-11'));
    expect(r.ok && [r.value.nodeId, r.value.period]).to.deep.equal(['co', 'FY2026']);
  });

  it('takes the hire date for ramp and a history profile for seasonality', () => {
    const ramp = resolvePaceFigures(source('2026-03-11'), { nodeId: 'r1', period: 'FY2026-Q1', basis: 'ramp' });
    expect(ramp.ok && ramp.value.figures!.hireDate).to.equal('2019-03-01');
    const season = resolvePaceFigures(source('2026-03-11'), { nodeId: 'r1', period: 'FY2026-Q1', basis: 'seasonality' });
    if (!season.ok) throw new Error(season.error.code);
    // No complete past year in the fixture: the equal profile, 1/12 per month.
    expect(season.value.figures!.profile!.slice(0, 3)).to.deep.equal([
      { month: '2026-01', weight: 1 / 12 },
      { month: '2026-02', weight: 1 / 12 },
      { month: '2026-03', weight: 1 / 12 },
    ]);
    const v = paceView(season.value.figures!);
    expect(v.ok).to.equal(true);
  });
});

describe('paceSeries', () => {
  const marchView = () => view({ ...march, actuals: [{ date: '2026-03-02', amount: 700_000 }] });

  it('has one point per day with the expected curve, the running actual and the cone', () => {
    const s = paceSeries(marchView());
    if (!s.ok) throw new Error(s.error.code);
    const { points } = s.value;
    expect(s.value.granularity).to.equal('day');
    expect(points).to.have.length(31);
    expect(points[0]).to.deep.equal({ from: '2026-03-01', to: '2026-03-01', expected: 0, actual: 0, forecast: null, today: false }); // Sunday
    expect(points[1]).to.deep.include({ expected: 100_000, actual: 700_000 }); // 2,200,000 × 1/22
    expect(points[10]).to.deep.equal({ from: '2026-03-11', to: '2026-03-11', expected: 800_000, actual: 700_000, forecast: null, today: true });
    expect(s.value.todayIndex).to.equal(10);
    // Thu 12 March, 1 of the 14 remaining working days: 700,000 + (1,312,500 − 700,000) × 1/14
    expect(points[11].forecast).to.deep.equal({ low: 743_750, mid: 743_750, high: 743_750 });
    expect(points[11].actual).to.equal(null);
    expect(points[30]).to.deep.include({ expected: 2_200_000, forecast: { low: 1_312_500, mid: 1_312_500, high: 1_312_500 } });
  });

  it('opens the cone to the p10 and p90 forecasts at the period end', () => {
    const v = view({
      ...march,
      actual: 700_000,
      pipeline: [{ id: 'o', repId: 'r', amount: 1_000_000, probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' }],
    });
    const s = paceSeries(v);
    if (!s.ok) throw new Error(s.error.code);
    const last = s.value.points[30].forecast!;
    expect(last).to.deep.equal({ low: v.forecast.low, mid: v.forecast.blended, high: v.forecast.high });
    expect(last.low).to.be.below(last.mid);
    expect(last.high).to.be.above(last.mid);
    // Only a total is known: the actual shows at asOf alone.
    expect(s.value.points.filter((p) => p.actual !== null).map((p) => p.to)).to.deep.equal(['2026-03-11']);
  });

  it('groups by ISO week and splits the week of asOf at asOf', () => {
    const s = paceSeries(marchView(), { granularity: 'week' });
    if (!s.ok) throw new Error(s.error.code);
    expect(s.value.points.map((p) => p.to)).to.deep.equal(['2026-03-01', '2026-03-08', '2026-03-11', '2026-03-15', '2026-03-22', '2026-03-29', '2026-03-31']);
    expect(s.value.points[3].from).to.equal('2026-03-12');
    expect(s.value.todayIndex).to.equal(2);
    const year = paceSeries(view({ target: 120_000_000, actual: 0, period: 'FY2026', asOf: '2026-06-30' }));
    expect(year.ok && year.value.granularity).to.equal('week');
    expect(year.ok && year.value.points.length).to.equal(54); // 53 week ends in 2026 (W01 ends 4 Jan) + the split at asOf
  });

  it('before the period: no actuals, the cone from 0; after it: no cone', () => {
    const before = paceSeries(view({ ...march, asOf: '2026-02-20', actual: 0 }));
    if (!before.ok) throw new Error(before.error.code);
    expect(before.value.todayIndex).to.equal(-1);
    expect(before.value.points.every((p) => p.actual === null && p.forecast !== null)).to.equal(true);
    const after = paceSeries(view({ ...march, asOf: '2026-04-10', actuals: [{ date: '2026-03-20', amount: 2_000_000 }] }));
    if (!after.ok) throw new Error(after.error.code);
    expect(after.value.points.every((p) => p.forecast === null && p.actual !== null)).to.equal(true);
    expect(after.value.points[30].actual).to.equal(2_000_000);
    // With only a total, the period's last point carries it.
    const total = paceSeries(view({ ...march, asOf: '2026-04-10', actual: 2_000_000 }));
    expect(total.ok && total.value.points.filter((p) => p.actual !== null).map((p) => [p.to, p.actual])).to.deep.equal([['2026-03-31', 2_000_000]]);
  });

  it('ends the running actual at the view actual (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 31 }), amount: fc.integer({ min: -1e6, max: 1e8 }) }), { maxLength: 40 }), fc.integer({ min: 1, max: 31 }), (rows, asDay) => {
        const d = (n: number) => `2026-03-${String(n).padStart(2, '0')}`;
        const v = view({ ...march, asOf: d(asDay), actuals: rows.map((r) => ({ date: d(r.day), amount: r.amount })) });
        const s = paceSeries(v);
        if (!s.ok) return false;
        const today = s.value.points[s.value.todayIndex];
        return today.actual === v.pace.actual && s.value.points[30].expected === 2_200_000;
      }),
    );
  });
});

describe('layoutPaceChart', () => {
  it('places points by calendar day and values on a nice scale', () => {
    const s = paceSeries(view({ ...march, actuals: [{ date: '2026-03-02', amount: 700_000 }] }));
    if (!s.ok) throw new Error(s.error.code);
    const g = layoutPaceChart(s.value, { width: 400, height: 200 });
    expect(g.plot).to.deep.equal({ x: 64, y: 12, width: 320, height: 162 });
    expect(g.points[10].x).to.be.closeTo(64 + (320 * 11) / 31, 1e-9); // 177.55
    // y runs 0 … 2,500,000 (nice above the 2,200,000 target): target at 12 + 162 × 0.12
    expect(g.yTicks.map((t) => t.value)).to.deep.equal([0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000]);
    expect(g.targetY).to.be.closeTo(31.44, 1e-9);
    expect(g.todayX).to.be.closeTo(177.548, 1e-3);
    expect(g.xTicks.map((t) => t.date)).to.deep.equal(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(g.paths.actual.startsWith('M64,174')).to.equal(true);
    expect(g.paths.cone).to.match(/^M177\.5/);
    expect(g.paths.forecast).to.not.equal('');
  });

  it('never produces NaN for an empty box', () => {
    const s = paceSeries(view({ ...march, actual: 0 }));
    if (!s.ok) throw new Error(s.error.code);
    const g = layoutPaceChart(s.value, { width: 0, height: Number.NaN });
    expect(JSON.stringify(g)).to.not.contain('NaN');
  });
});

describe('forecast spread from the node’s own history (issue 16, item 8)', () => {
  it('turns the last complete months into ratios whose spread shrinks with the period length', () => {
    // Mean 100: 80 / 100 / 120 → 0.8 / 1 / 1.2 for a month; for a year 1 ± 0.2 / √12.
    expect(historyRatios({ '2025-12': 80, '2026-01': 100, '2026-02': 120 }, '2026-03-01', 1)).to.deep.equal([0.8, 1, 1.2]);
    const year = historyRatios({ '2025-10': 80, '2025-11': 100, '2025-12': 120 }, '2026-01-01', 12);
    expect(year.map((x) => Math.round(x * 1e6) / 1e6)).to.deep.equal([0.942265, 1, 1.057735]);
    // An empty month between two results counts as zero; two months are not enough.
    expect(historyRatios({ '2025-11': 100, '2026-01': 200 }, '2026-02-01')).to.deep.equal([1, 0, 2]);
    expect(historyRatios({ '2026-01': 100, '2026-02': 100 }, '2026-03-01')).to.deep.equal([]);
  });

  it('widens the company’s FY2026 band by its 2025 months instead of the pipeline alone', () => {
    const src = source('2026-03-11');
    const extra = (id: string, date: string, yuan: number) => ({ id, repId: 'r1', productId: 'core', date, type: 'booking' as const, amount: yuan * 100 });
    src.actuals = { ...src.actuals!, actuals: [...src.actuals!.actuals, extra('h1', '2025-10-10', 80_000), extra('h2', '2025-11-10', 100_000), extra('h3', '2025-12-10', 120_000)] };
    const r = resolvePaceFigures(src, { nodeId: 'co', period: 'FY2026' });
    if (!r.ok) throw new Error(r.error.code);
    const v = view(r.value.figures!);
    // Run-rate remainder: 47,500,000 × 211 / 50 = 200,450,000 (50 of 261 working days passed).
    // Pipeline counted after 11 March: o2 ¥50,000 at 30 % and o3 ¥90,000 at 10 %:
    // variance 5,000,000² × 0.21 + 9,000,000² × 0.09 = 12.54e12. Blend ½ each:
    // σ² = ¼ (0.2 / √12 × 200,450,000)² + ¼ × 12.54e12. The pipeline alone gave σ = 1,770,593.
    const sd = 0.2 / Math.sqrt(12);
    const sigma = Math.sqrt(0.25 * (sd * 200_450_000) ** 2 + 0.25 * 12.54e12);
    expect(v.forecast.spread).to.equal(Math.round(sigma));
    expect(v.forecast.spread).to.be.above(6_000_000);
    expect(v.forecast.high - v.forecast.low).to.be.above(2 * 1.28 * 6_000_000);
  });
});
