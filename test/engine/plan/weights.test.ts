import { expect } from '@open-wc/testing';
import { fiscalYearMonths } from '../../../src/engine/calendar/periods.js';
import { rampFactor, rampSchedule, tenureMonths } from '../../../src/engine/plan/ramp.js';
import { childWeights, repCapacity, type WeightContext } from '../../../src/engine/plan/weights.js';

const weights = (method: Parameters<typeof childWeights>[0], ctx: WeightContext) => {
  const r = childWeights(method, ctx);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const factor = (hire: string, asOf: string) => {
  const r = rampFactor(hire, asOf);
  return r.ok ? r.value : r.error.code;
};

describe('ramp', () => {
  it('gives 30% for tenure months 0–2, 60% for 3–5, then 100%', () => {
    const hire = '2026-01-15';
    expect(factor(hire, '2026-01-15')).to.equal(0.3); // 0 months
    expect(factor(hire, '2026-03-20')).to.equal(0.3); // 2 months
    expect(factor(hire, '2026-04-14')).to.equal(0.3); // still 2: the 15th is not reached
    expect(factor(hire, '2026-04-15')).to.equal(0.6); // 3 months
    expect(factor(hire, '2026-06-30')).to.equal(0.6); // 5 months
    expect(factor(hire, '2026-07-15')).to.equal(1); // 6 months
    expect(factor(hire, '2027-01-15')).to.equal(1); // 12 months
    expect(factor(hire, '2026-01-14')).to.equal(0); // not hired yet
  });

  it('counts whole months of tenure', () => {
    expect(tenureMonths('2026-01-31', '2026-02-28')).to.deep.equal({ ok: true, value: 0 });
    expect(tenureMonths('2025-11-01', '2026-03-01')).to.deep.equal({ ok: true, value: 4 });
  });

  it('takes a custom schedule and rejects bad input', () => {
    const schedule = [{ fromMonth: 0, toMonth: 1, factor: 0 }, { fromMonth: 1, toMonth: 12, factor: 0.5 }];
    expect(rampFactor('2026-01-01', '2026-01-20', schedule)).to.deep.equal({ ok: true, value: 0 });
    expect(rampFactor('2026-01-01', '2026-06-01', schedule)).to.deep.equal({ ok: true, value: 0.5 });
    expect(rampFactor('2026-01-01', '2027-01-01', schedule)).to.deep.equal({ ok: true, value: 1 });
    expect(factor('2026-02-30', '2026-04-01')).to.equal('invalid-date');
    expect(factor('2026-01-01', 'soon')).to.equal('invalid-date');
    const bad = rampFactor('2026-01-01', '2026-02-01', [{ fromMonth: 3, toMonth: 3, factor: 0.5 }]);
    expect(bad.ok ? null : bad.error.code).to.equal('invalid-ramp-schedule');
  });

  it('ramps each month of a fiscal year from the hire month', () => {
    // FY2026 from April; hired 20 May: April 0 (before), May–Jul tenure 0–2, Aug–Oct 3–5, then full.
    const months = fiscalYearMonths(2026, { startMonth: 4 });
    expect(rampSchedule('2026-05-20', months)).to.deep.equal({ ok: true, value: [0, 0.3, 0.3, 0.3, 0.6, 0.6, 0.6, 1, 1, 1, 1, 1] });
    // Leaving 10 Dec: January to March are 0.
    expect(rampSchedule('2026-05-20', months, { leaveDate: '2026-12-10' })).to.deep.equal({
      ok: true,
      value: [0, 0.3, 0.3, 0.3, 0.6, 0.6, 0.6, 1, 1, 0, 0, 0],
    });
    expect(rampSchedule(undefined, months)).to.deep.equal({ ok: true, value: new Array(12).fill(1) });
    const bad = rampSchedule('2026-05-20', ['2026-13']);
    expect(bad.ok ? null : bad.error.code).to.equal('invalid-month');
  });
});

describe('childWeights', () => {
  const children = ['a', 'b'];

  it('equal, history, potential and custom give their raw values', () => {
    expect(weights('equal', { children })).to.deep.equal({ weights: { a: 1, b: 1 }, fallback: false, fallbackSources: [] });
    expect(weights('history', { children, history: { a: 600, b: 400 } }).weights).to.deep.equal({ a: 600, b: 400 });
    expect(weights('potential', { children, potential: { a: 2 } }).weights).to.deep.equal({ a: 2, b: 0 });
    expect(weights('custom', { children, custom: { a: 0.7, b: 0.3 } }).weights).to.deep.equal({ a: 0.7, b: 0.3 });
  });

  it('falls back to equal when a source has no data, and says so', () => {
    expect(weights('history', { children })).to.deep.equal({ weights: { a: 1, b: 1 }, fallback: true, fallbackSources: ['history'] });
    expect(weights('history', { children, history: { a: 0, b: 0 } }).fallback).to.equal(true);
  });

  it('measures capacity as headcount × ramp as of a date', () => {
    // On 2026-04-15: a has two veterans + one hired 2026-03-01 (tenure 1 → 0.3) = 2.3;
    // b has one veteran + one hired 2025-12-01 (tenure 4 → 0.6) + one gone since February = 1.6.
    const reps = {
      a: [{}, {}, { hireDate: '2026-03-01' }],
      b: [{ hireDate: '2020-01-01' }, { hireDate: '2025-12-01' }, { hireDate: '2019-05-01', leaveDate: '2026-02-28' }],
    };
    expect(weights('capacity', { children, reps, asOf: '2026-04-15' }).weights).to.deep.equal({ a: 2.3, b: 1.6 });
    // On 2026-02-28 the December hire has tenure 2 (0.3) and the leaver still counts (last day).
    expect(repCapacity(reps.b, '2026-02-28')).to.deep.equal({ ok: true, value: 1 + 0.3 + 1 });
    const r = childWeights('capacity', { children, reps });
    expect(r.ok ? null : r.error.code).to.equal('missing-as-of');
    expect(weights('capacity', { children, capacity: { a: 3, b: 1 } }).weights).to.deep.equal({ a: 3, b: 1 });
  });

  it('blends sources as shares with normalized coefficients', () => {
    // history 600/400 → 0.6/0.4; potential 1/3 → 0.25/0.75; coefficients 1:1 → ½ each.
    // a = 0.5·0.6 + 0.5·0.25 = 0.425; b = 0.5·0.4 + 0.5·0.75 = 0.575.
    const w = weights({ blend: { history: 1, potential: 1 } }, { children, history: { a: 600, b: 400 }, potential: { a: 1, b: 3 } });
    expect(w.weights.a).to.be.closeTo(0.425, 1e-12);
    expect(w.weights.b).to.be.closeTo(0.575, 1e-12);
    expect(w.fallback).to.equal(false);
    // history 0.5, potential 0.3, capacity 0.2 with no history: history counts as 0.5/0.5.
    // a = 0.5·0.5 + 0.3·0.25 + 0.2·0.5 = 0.425; b = 0.5·0.5 + 0.3·0.75 + 0.2·0.5 = 0.575.
    const v = weights({ blend: { history: 0.5, potential: 0.3, capacity: 0.2 } }, { children, potential: { a: 1, b: 3 }, capacity: { a: 1, b: 1 } });
    expect(v.weights.a).to.be.closeTo(0.425, 1e-12);
    expect(v.weights.b).to.be.closeTo(0.575, 1e-12);
    expect(v.fallbackSources).to.deep.equal(['history']);
  });

  it('rejects bad weights and blends', () => {
    const neg = childWeights('history', { children, history: { a: -5, b: 1 } });
    expect(neg.ok ? null : neg.error).to.deep.include({ code: 'invalid-weight', params: { id: 'a', source: 'history', weight: '-5' } });
    const nan = childWeights('custom', { children, custom: { a: Number.NaN } });
    expect(nan.ok ? null : nan.error.code).to.equal('invalid-weight');
    for (const blend of [{ history: -1 }, {}, { history: 0 }]) {
      const r = childWeights({ blend }, { children });
      expect(r.ok ? null : r.error.code).to.equal('invalid-blend');
    }
  });
});
