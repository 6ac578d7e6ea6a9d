import { expect } from '@open-wc/testing';
import { allocate } from '../../src/engine/plan/allocate.js';
import { invertFunnel } from '../../src/engine/funnel/core.js';
import { pace } from '../../src/engine/pace/pace.js';
import { forecast } from '../../src/engine/pace/forecast.js';
import { attributeRevenue } from '../../src/engine/review/review.js';
import { computePayout, type PayoutLine } from '../../src/engine/incentive/commission.js';
import { allocation, attribution, commission, forecastExample, funnel, paceExample, remainder } from '../../stories/support/worked-examples.js';

// The Formulas guide (docs/guides/formulas.mdx) prints these examples' figures: the engine must give them exactly.
function ok<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

describe('the Formulas guide’s worked examples', () => {
  it('allocation: locked part kept, the rest split by weight', () => {
    expect(ok(allocate(allocation.total, allocation.parts)).values).to.deep.equal(allocation.expected);
  });

  it('allocation: the largest remainder gets the odd unit', () => {
    expect(ok(allocate(remainder.total, remainder.parts)).values).to.deep.equal(remainder.expected);
  });

  it('funnel inversion: 500 / 100 / 50 / 20', () => {
    const r = ok(invertFunnel(funnel.input));
    expect(Object.fromEntries(r.stages.map((s) => [s.id, s.count]))).to.deep.equal(funnel.expected);
  });

  it('pace: expected to date, pace index, gap and the daily rate needed', () => {
    const p = ok(pace(paceExample.input));
    const e = paceExample.expected;
    expect([p.elapsedWorkingDays, p.remainingWorkingDays, p.expectedToDate, p.paceIndex, p.gap, p.requiredDailyRate]).to.deep.equal([
      e.elapsedWorkingDays, e.remainingWorkingDays, e.expectedToDate, e.paceIndex, e.gap, e.requiredDailyRate,
    ]);
  });

  it('forecast: run-rate, weighted pipeline and their blend', () => {
    const f = ok(forecast(forecastExample.input));
    expect([f.runRate, f.weightedPipeline, f.blended]).to.deep.equal([forecastExample.expected.runRate, forecastExample.expected.weightedPipeline, forecastExample.expected.blended]);
  });

  it('attribution: the gap split over the funnel factors, summing exactly', () => {
    const a = attributeRevenue(attribution.stages, attribution.plan, attribution.actual);
    expect(a.gap).to.equal(attribution.expected.gap);
    expect(a.effects.map((e) => [e.kind, e.stageId, e.amount])).to.deep.equal(attribution.expected.effects);
  });

  it('commission: marginal tiers', () => {
    const p = ok(computePayout(commission.plan, commission.person, commission.actuals, { asOf: commission.asOf }));
    expect(p.attainment).to.equal(commission.expected.attainment);
    expect(p.lines.filter((l): l is Extract<PayoutLine, { kind: 'tier' }> => l.kind === 'tier').map((l) => l.amount)).to.deep.equal(commission.expected.tiers);
    expect(p.total).to.equal(commission.expected.total);
  });
});
