import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { forecast, groupPipeline, normalCdf, type ForecastOptions, type ForecastResult } from '../../../src/engine/pace/forecast.js';
import type { FiscalCalendar, Opportunity } from '../../../src/engine/plan/model.js';
import { createPaceContext, pace } from '../../../src/engine/pace/pace.js';
import { createRandom } from '../../../src/engine/shared/random.js';

const cal: FiscalCalendar = { startMonth: 1 };
const opp = (id: string, amount: number, probability: number, expectedClose: string, repId = 'r1'): Opportunity =>
  ({ id, repId, amount, probability, expectedClose, stageId: 'quote' });

function run(options: ForecastOptions): ForecastResult {
  const r = forecast(options);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

// March 2026: 22 working days; as of Wed 11 March 8 have elapsed and 14 remain.
const march = { target: 2_200_000, period: '2026-03', calendar: cal, asOf: '2026-03-11' };

describe('forecast', () => {
  it('mid-period: run-rate, weighted pipeline, blend, p10–p90 and the probability of the target', () => {
    const f = run({ ...march, actual: 800_000, pipeline: [opp('o1', 1_000_000, 0.6, '2026-03-20')] });
    expect(f.runRate).to.equal(2_200_000); // 800,000 + 800,000 / 8 × 14 = 800,000 + 1,400,000
    expect(f.weightedPipeline).to.equal(1_400_000); // 800,000 + 1,000,000 × 0.6
    expect(f.blended).to.equal(1_800_000); // 0.5 × 2,200,000 + 0.5 × 1,400,000
    // No history: only the deal is uncertain. σ = 0.5 × √(1,000,000² × 0.6 × 0.4) = 244,948.97
    expect(f.spread).to.equal(244_949);
    expect(f.low).to.equal(1_486_085); // 1,800,000 − 1.28155 × 244,948.97 = 1,486,085.26
    expect(f.high).to.equal(2_113_915); // 1,800,000 + 313,914.74
    // P(outcome ≥ 2,200,000) = 1 − Φ(400,000 / 244,948.97 = 1.63299); from the table Φ(1.63) = 0.94845,
    // Φ(1.64) = 0.94950, interpolated Φ(1.63299) = 0.94876, so 0.05124.
    expect(f.probability).to.be.closeTo(0.05124, 5e-5);
    expect(f.forecastRatio).to.be.closeTo(0.818182, 1e-6); // 1,800,000 / 2,200,000
    expect(f.method).to.equal('normal-approximation');
  });

  it('counts only opportunities closing after asOf and by the period end', () => {
    const pipeline = [
      opp('overdue', 100_000, 0.5, '2026-03-05'),
      opp('today', 100_000, 0.5, '2026-03-11'),
      opp('tomorrow', 100_000, 0.5, '2026-03-12'),
      opp('last-day', 300_000, 0.5, '2026-03-31'),
      opp('next-month', 100_000, 0.5, '2026-04-01'),
    ];
    const f = run({ ...march, actual: 0, pipeline });
    expect(f.pipelineCount).to.equal(2);
    expect(f.pipelineAmount).to.equal(400_000);
    expect(f.weightedPipeline).to.equal(200_000); // (100,000 + 300,000) × 0.5
  });

  it('history widens the range through the run-rate', () => {
    // History ratios 0.9 and 1.1: sample sd = √(((−0.1)² + 0.1²) / 1) = 0.141421.
    // All weight on the run-rate: σ = 0.141421 × 1,400,000 (the extrapolated part) = 197,989.90.
    const f = run({ ...march, actual: 800_000, pipeline: [], history: [0.9, 1.1], blend: 1 });
    expect(f.blended).to.equal(2_200_000);
    expect(f.spread).to.equal(197_990);
    expect(f.low).to.equal(1_946_266); // 2,200,000 − 1.28155 × 197,989.90 = 1,946,265.74
    expect(f.high).to.equal(2_453_734); // 2,453,734.26
    expect(f.probability).to.be.closeTo(0.5, 1e-6); // the mean is exactly the target
  });

  it('first day: no run-rate yet, so the pipeline alone forecasts (bounded by what can close)', () => {
    // Sun 1 March: 0 working days elapsed. Deals: 500,000 at 50 % and 200,000 certain.
    // mean 450,000; σ = √(500,000² × 0.25) = 250,000; p10 = 450,000 − 320,387.89 = 129,612.11;
    // p90 = 770,387.89, but at most 700,000 can close; the 2,200,000 target is out of reach.
    const f = run({ ...march, asOf: '2026-03-01', actual: 0, pipeline: [opp('a', 500_000, 0.5, '2026-03-10'), opp('b', 200_000, 1, '2026-03-20')] });
    expect(f.runRate).to.equal(null);
    expect(f.blend).to.equal(0);
    expect(f.blended).to.equal(450_000);
    expect(f.low).to.equal(129_612);
    expect(f.high).to.equal(700_000);
    expect(f.probability).to.equal(0);
  });

  it('last day: nothing remains, the forecast is the actual', () => {
    const f = run({ ...march, asOf: '2026-03-31', actual: 2_100_000, pipeline: [opp('a', 500_000, 0.9, '2026-03-31')], history: [0.8, 1.2] });
    expect(f.runRate).to.equal(2_100_000); // 0 remaining working days
    expect(f.weightedPipeline).to.equal(2_100_000); // nothing closes after 31 March inside March
    expect([f.blended, f.low, f.high, f.spread]).to.deep.equal([2_100_000, 2_100_000, 2_100_000, 0]);
    expect(f.probability).to.equal(0);
  });

  it('a period with holidays: the run-rate extrapolates over the remaining working days only', () => {
    // May 2026 with 1, 4, 5 May off and Sat 9 May worked: 19 working days; by Fri 8 May 3 elapsed, 16 remain.
    const f = run({
      target: 1_900_000, actual: 240_000, period: '2026-05', asOf: '2026-05-08', pipeline: [], blend: 1,
      calendar: { startMonth: 1, holidays: ['2026-05-01', '2026-05-04', '2026-05-05'], workdays: ['2026-05-09'] },
    });
    expect(f.runRate).to.equal(1_520_000); // 240,000 + 240,000 / 3 × 16 = 240,000 + 1,280,000
  });

  it('a fiscal year from April: FY2026-Q1 run-rate over April–June', () => {
    // 65 working days; by Fri 15 May 33 elapsed, 32 remain: 3,000,000 + 3,000,000 × 32 / 33 = 3,000,000 + 2,909,090.91.
    const f = run({ target: 6_500_000, actual: 3_000_000, period: 'FY2026-Q1', asOf: '2026-05-15', calendar: { startMonth: 4 }, pipeline: [opp('jun', 1_000_000, 0.5, '2026-06-30')] });
    expect(f.runRate).to.equal(5_909_091);
    expect(f.weightedPipeline).to.equal(3_500_000);
    expect(f.blended).to.equal(4_704_546); // (5,909,091 + 3,500,000) / 2 = 4,704,545.5 → half up
  });

  it('over-achievement: already above target means a probability of 1', () => {
    const f = run({ ...march, actual: 2_400_000, pipeline: [] });
    expect(f.runRate).to.equal(6_600_000); // 2,400,000 + 2,400,000 × 14 / 8
    expect(f.blended).to.equal(4_500_000); // 0.5 × 6,600,000 + 0.5 × 2,400,000
    expect(f.forecastRatio).to.be.closeTo(2.045455, 1e-6);
    expect(f.probability).to.equal(1);
  });

  it('a zero target: no forecast ratio, the target is trivially reached', () => {
    const f = run({ ...march, target: 0, actual: 0, pipeline: [] });
    expect(f.forecastRatio).to.equal(null);
    expect(f.probability).to.equal(1);
  });

  it('rounds the run-rate half up exactly', () => {
    // 100,001 / 8 × 14 = 175,001.75 → 175,002; 4 / 8 × 14 = 7 exactly.
    expect(run({ ...march, actual: 100_001, pipeline: [] }).runRate).to.equal(275_003);
  });

  it('rejects bad input with a code', () => {
    const cases: [Partial<ForecastOptions>, string][] = [
      [{ blend: 1.5 }, 'forecast-blend-invalid'],
      [{ blend: Number.NaN }, 'forecast-blend-invalid'],
      [{ history: [1, Number.POSITIVE_INFINITY] }, 'forecast-history-invalid'],
      [{ pipeline: [opp('x', 10, Number.NaN, '2026-03-20')] }, 'forecast-opportunity-invalid'],
      [{ actual: 0.5 }, 'pace-amount-invalid'],
      [{ asOf: 'yesterday' }, 'pace-date-invalid'],
      [{ period: 'FY2026-Q5' }, 'period-invalid'],
    ];
    for (const [bad, code] of cases) {
      const r = forecast({ ...march, actual: 0, pipeline: [], ...bad });
      expect(r.ok ? 'ok' : r.error.code, JSON.stringify(bad)).to.equal(code);
    }
  });

  it('properties: p10 ≤ blended ≤ p90 and the probability is a probability', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 30 }),
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: 1e9 }), p: fc.double({ min: 0, max: 1, noNaN: true }), day: fc.integer({ min: 1, max: 31 }) }), { maxLength: 8 }),
        fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (target, actual, day, deals, history, blend) => {
          const asOf = `2026-03-${String(Math.max(1, day)).padStart(2, '0')}`;
          const pipeline = deals.map((d, i) => opp(`o${i}`, d.amount, d.p, `2026-03-${String(d.day).padStart(2, '0')}`));
          const f = run({ ...march, target, actual, asOf, pipeline, history, blend });
          expect(f.low).to.be.at.most(f.blended);
          expect(f.high).to.be.at.least(f.blended);
          expect(f.probability).to.be.within(0, 1);
          expect(Object.values(f).every((v) => typeof v !== 'number' || Number.isFinite(v))).to.equal(true);
        },
      ),
    );
  });
});

describe('normalCdf', () => {
  it('matches the table', () => {
    expect(normalCdf(0)).to.be.closeTo(0.5, 1e-7);
    expect(normalCdf(1.2815515655446004)).to.be.closeTo(0.9, 1e-7);
    expect(normalCdf(-1.959963984540054)).to.be.closeTo(0.025, 1e-7);
    expect(normalCdf(40)).to.equal(1);
  });
});

describe('groupPipeline and many reps', () => {
  it('groups by rep once, keeping order', () => {
    const g = groupPipeline([opp('a', 1, 1, '2026-03-20', 'x'), opp('b', 1, 1, '2026-03-20', 'y'), opp('c', 1, 1, '2026-03-20', 'x')]);
    expect(g.get('x')!.map((o) => o.id)).to.deep.equal(['a', 'c']);
    expect(g.get('y')!.map((o) => o.id)).to.deep.equal(['b']);
  });

  // About 0.1 s on an idle machine; the budget is loose for busy CI runners but still catches a scan of
  // all 50,000 opportunities per rep (500 million comparisons).
  it('pace and forecast for 10,000 reps with 50,000 opportunities stay within a time budget', () => {
    const calendar: FiscalCalendar = { startMonth: 4, holidays: ['2026-05-01', '2026-05-04', '2026-05-05'] };
    const rng = createRandom(5);
    const pipeline = Array.from({ length: 50_000 }, (_, i) =>
      opp(`o${i}`, rng.int(1_000, 5_000_000), rng.next(), `2026-06-${String(rng.int(1, 30)).padStart(2, '0')}`, `rep${rng.int(0, 9_999)}`));
    const ctx = createPaceContext('FY2026-Q1', calendar);
    if (!ctx.ok) throw new Error('context');
    const byRep = groupPipeline(pipeline);
    let onTarget = 0;
    for (let i = 0; i < 10_000; i++) {
      const common = { target: 3_000_000, actual: 1_000_000 + i * 10, period: 'FY2026-Q1', asOf: '2026-05-15', calendar, context: ctx.value };
      const p = pace(common);
      const f = forecast({ ...common, pipeline: byRep.get(`rep${i}`) ?? [], history: [0.9, 1.05, 1.1] });
      if (p.ok && f.ok && f.value.probability > 0.5) onTarget++;
    }
    // Speed is measured by the benchmark in bench/pace, not here.
    expect(onTarget).to.be.above(0);
  });
});
