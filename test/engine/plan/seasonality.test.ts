import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { childPeriods, fiscalYearMonths } from '../../../src/engine/calendar/periods.js';
import { splitByProduct, minimumOf } from '../../../src/engine/plan/product-mix.js';
import { quarterTotals, seasonalityFromHistory, splitByCalendar } from '../../../src/engine/plan/seasonality.js';

const april = { startMonth: 4 };

/** Monthly history for the fiscal year starting in April of `year`, from 12 values in fiscal order. */
const fiscalHistory = (year: number, values: number[]) =>
  Object.fromEntries(fiscalYearMonths(year, april).map((m, i) => [m, values[i]]));

describe('seasonalityFromHistory', () => {
  it('averages each fiscal month share over fiscal years that start in April', () => {
    // FY2024 (2024-04…2025-03): 100 a month but 300 in March → total 1,400: 1/14 each, March 3/14.
    // FY2025: 100 every month → 1/12 each.
    // Mean: April…February (1/14 + 1/12) / 2 = 13/168; March (3/14 + 1/12) / 2 = 25/168.
    const history = { ...fiscalHistory(2024, [...new Array(11).fill(100), 300]), ...fiscalHistory(2025, new Array(12).fill(100)) };
    const r = seasonalityFromHistory(history, fiscalYearMonths(2026, april));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.yearsUsed).to.deep.equal(['2024-04', '2025-04']);
    expect(r.value.fallback).to.equal(false);
    r.value.profile.slice(0, 11).forEach((s) => expect(s).to.be.closeTo(13 / 168, 1e-15));
    expect(r.value.profile[11]).to.be.closeTo(25 / 168, 1e-15);
    expect(r.value.profile.reduce((s, x) => s + x, 0)).to.be.closeTo(1, 1e-12);
    // FY2026 (2026-04…2027-03) ¥1,680,000 (168,000,000 分) by this profile, in yuan: 1,680,000 × 13/168 = 130,000 for April…February,
    // 1,680,000 × 25/168 = 250,000 for March; 11 × 130,000 + 250,000 = 1,680,000. Quarters are month sums:
    // Q1–Q3 3 × 130,000 = 390,000; Q4 (Jan–Mar) 130,000 + 130,000 + 250,000 = 510,000.
    const months = fiscalYearMonths(2026, april);
    const split = splitByCalendar(168_000_000, { months, profile: r.value.profile });
    if (!split.ok) throw new Error(split.error.code);
    expect(months.map((m) => split.value.values[m])).to.deep.equal([...new Array(11).fill(13_000_000), 25_000_000]);
    const quarters = Object.fromEntries(childPeriods('FY2026', april).map((q) => [q, childPeriods(q, april)]));
    expect(quarterTotals(split.value.values, quarters)).to.deep.equal({
      ok: true,
      value: { 'FY2026-Q1': 39_000_000, 'FY2026-Q2': 39_000_000, 'FY2026-Q3': 39_000_000, 'FY2026-Q4': 51_000_000 },
    });
  });

  it('puts each calendar month at its fiscal position', () => {
    // One fiscal year from April with 2 in April (position 0), 4 in January (position 9), 1 elsewhere: total 16.
    const values = new Array(12).fill(1);
    values[0] = 2;
    values[9] = 4;
    const history = fiscalHistory(2025, values);
    expect(history['2026-01']).to.equal(4);
    const r = seasonalityFromHistory(history, fiscalYearMonths(2026, april));
    expect(r.ok && r.value.profile).to.deep.equal(values.map((v) => v / 16));
  });

  it('skips partial, negative and empty years and falls back to equal when none is left', () => {
    const history = {
      ...fiscalHistory(2023, new Array(12).fill(0)),
      ...fiscalHistory(2024, [-5, ...new Array(11).fill(10)]),
      '2025-04': 10,
      '2025-05': 20,
    };
    const r = seasonalityFromHistory(history, fiscalYearMonths(2026, april));
    expect(r.ok && r.value).to.deep.equal({
      profile: new Array(12).fill(1 / 12),
      yearsUsed: [],
      skipped: [
        { year: '2023-04', reason: 'zero' },
        { year: '2024-04', reason: 'negative' },
        { year: '2025-04', reason: 'incomplete' },
      ],
      fallback: true,
    });
  });

  it('uses only the latest years when asked', () => {
    const history = { ...fiscalHistory(2023, [...new Array(11).fill(0), 1]), ...fiscalHistory(2024, new Array(12).fill(1)) };
    const r = seasonalityFromHistory(history, fiscalYearMonths(2026, april), { years: 1 });
    expect(r.ok && r.value.yearsUsed).to.deep.equal(['2024-04']);
    expect(r.ok && r.value.profile).to.deep.equal(new Array(12).fill(1 / 12));
  });

  it('rejects malformed input', () => {
    const months = fiscalYearMonths(2026, april);
    const codes = [
      seasonalityFromHistory({}, months.slice(1)),
      seasonalityFromHistory({ '2025-13': 1 }, months),
      seasonalityFromHistory({ '2025-04': Number.NaN }, months),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).to.deep.equal(['invalid-fiscal-months', 'invalid-month', 'invalid-history']);
  });
});

describe('splitByCalendar and quarterTotals', () => {
  const months = fiscalYearMonths(2026, april);
  const quarters = Object.fromEntries(childPeriods('FY2026', april).map((q) => [q, childPeriods(q, april)]));

  it('splits a year equally by default, the earliest months taking the leftover units', () => {
    // 1,000,003 / 12 = 83,333.58… → 12 × 83,333 = 999,996, 7 units left; all remainders tie → the
    // first 7 months in id order (2026-04 … 2026-10) get 83,334. Quarters are sums of months:
    // Q1, Q2 3 × 83,334 = 250,002; Q3 83,334 + 2 × 83,333 = 250,000; Q4 3 × 83,333 = 249,999.
    const r = splitByCalendar(1_000_003, { months });
    if (!r.ok) throw new Error(r.error.code);
    expect(months.map((m) => r.value.values[m])).to.deep.equal([...new Array(7).fill(83_334), ...new Array(5).fill(83_333)]);
    const q = quarterTotals(r.value.values, quarters);
    expect(q).to.deep.equal({ ok: true, value: { 'FY2026-Q1': 250_002, 'FY2026-Q2': 250_002, 'FY2026-Q3': 250_000, 'FY2026-Q4': 249_999 } });
  });

  it('follows a profile and keeps locked months', () => {
    // Profile 1,1,2 over a quarter: 1,000,000 → 250,000 / 250,000 / 500,000.
    const q1 = months.slice(0, 3);
    expect(splitByCalendar(1_000_000, { months: q1, profile: [1, 1, 2] })).to.deep.equal({
      ok: true,
      value: { values: { '2026-04': 250_000, '2026-05': 250_000, '2026-06': 500_000 }, equalSplit: false },
    });
    // May locked at 100,000: the other 900,000 splits 1:2 → 300,000 / 600,000.
    const r = splitByCalendar(1_000_000, { months: q1, profile: [1, 1, 2], locked: { '2026-05': 100_000 } });
    expect(r.ok && r.value.values).to.deep.equal({ '2026-04': 300_000, '2026-05': 100_000, '2026-06': 600_000 });
    const bad = splitByCalendar(10, { months: q1, profile: [1, 1] });
    expect(bad.ok ? null : bad.error.code).to.equal('profile-length-mismatch');
    const missing = quarterTotals({ '2026-04': 1 }, { 'FY2026-Q1': q1 });
    expect(missing.ok ? null : missing.error).to.deep.include({ code: 'missing-month', params: { period: 'FY2026-Q1', month: '2026-05' } });
  });

  it('property: months sum to the year and quarters to their months, for any profile', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (total, profile) => {
          const r = splitByCalendar(total, { months, profile });
          if (!r.ok) throw new Error(r.error.code);
          const v = months.map((m) => r.value.values[m]);
          expect(v.reduce((s, x) => s + x, 0)).to.equal(total);
          v.forEach((x) => expect(Number.isSafeInteger(x) && x >= 0).to.equal(true));
          const q = quarterTotals(r.value.values, quarters);
          expect(q.ok && Object.values(q.value).reduce((s, x) => s + x, 0)).to.equal(total);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('splitByProduct', () => {
  const products = [
    { id: 'A', new: false, weight: 8 },
    { id: 'B', new: false, weight: 1 },
    { id: 'N', new: true, weight: 1 },
  ];

  it('gives new products their minimum share when the weights fall short', () => {
    // By weight N would get 100,000 < 20% = 200,000. So N = 200,000 and A:B = 8:1 over 800,000:
    // 711,111.11… / 88,888.88… → 711,111 + 88,888 = 799,999; B's remainder (.88…) beats A's (.11…): B = 88,889.
    expect(splitByProduct(1_000_000, products, { minNewShare: 0.2 })).to.deep.equal({
      ok: true,
      value: { values: { A: 711_111, B: 88_889, N: 200_000 }, newShare: 0.2, minApplied: true },
    });
  });

  it('splits by weight when the minimum is already met', () => {
    // 1,000 by 8:1:1 → 800 / 100 / 100; new share 10% ≥ 5%.
    expect(splitByProduct(1000, products, { minNewShare: 0.05 })).to.deep.equal({
      ok: true,
      value: { values: { A: 800, B: 100, N: 100 }, newShare: 0.1, minApplied: false },
    });
  });

  it('rounds the minimum up, exactly', () => {
    // 1,000,001 × 0.2 = 200,000.2 → 200,001; 0.15 × 20 = 3 exactly (a float would give 2.9999…).
    expect(minimumOf(1_000_001, 0.2)).to.equal(200_001);
    expect(minimumOf(20, 0.15)).to.equal(3);
    const r = splitByProduct(1_000_001, products, { minNewShare: 0.2 });
    expect(r.ok && r.value.values.N).to.equal(200_001);
  });

  it('rejects a bad share or a minimum with no new product', () => {
    const codes = [
      splitByProduct(10, products, { minNewShare: 1.5 }),
      splitByProduct(10, products.filter((p) => !p.new), { minNewShare: 0.1 }),
    ].map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes).to.deep.equal(['invalid-share', 'no-new-products']);
  });

  it('property: exact sums and the minimum always met', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.array(fc.record({ new: fc.boolean(), weight: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 100 }),
        (total, raw, pct) => {
          const ps = raw.map((p, i) => ({ id: `p${i}`, ...p }));
          if (!ps.some((p) => p.new)) return;
          const r = splitByProduct(total, ps, { minNewShare: pct / 100 });
          if (!r.ok) throw new Error(r.error.code);
          const v = r.value.values;
          expect(ps.reduce((s, p) => s + v[p.id], 0)).to.equal(total);
          expect(ps.filter((p) => p.new).reduce((s, p) => s + v[p.id], 0)).to.be.at.least(minimumOf(total, pct / 100));
        },
      ),
      { numRuns: 300 },
    );
  });
});
