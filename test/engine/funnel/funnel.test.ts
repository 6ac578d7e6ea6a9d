import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  activityQuotas,
  FUNNEL_DIAGNOSIS_CODES,
  FUNNEL_ERROR_CODES,
  invertFunnel,
  scheduleRequirement,
  splitRequirement,
  type StageRate,
} from '../../../src/engine/funnel/index.js';
import { funnelMessages } from '../../../src/i18n/both-languages.js';

const seedStages: StageRate[] = [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5 }, { id: 'quote', rate: 0.4 }, { id: 'won' }];

function counts(r: ReturnType<typeof invertFunnel>) {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}`);
  return r.value.counts;
}
function code(r: { ok: boolean; error?: { code: string } }) {
  return r.ok ? 'ok' : r.error!.code;
}

describe('invertFunnel', () => {
  it('inverts the seed example exactly: 20 won, 50 quotes, 100 demos, 500 leads', () => {
    const r = invertFunnel({ target: 1_000_000, avgDealSize: 50_000, stages: seedStages });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.stages).to.deep.equal([
      { id: 'lead', count: 500, rate: 0.2 },
      { id: 'demo', count: 100, rate: 0.5 },
      { id: 'quote', count: 50, rate: 0.4 },
      { id: 'won', count: 20, rate: null },
    ]);
    expect(r.value.won).to.equal(20);
    expect(r.value.expectedRevenue).to.equal(1_000_000);
  });

  it('rounds up at every stage with non-integer ratios', () => {
    // won   = ceil(1,234,567 / 45,000) = ceil(27.435) = 28   (27 × 45,000 = 1,215,000 < target)
    // quote = ceil(28 / 0.3)   = ceil(93.33)   = 94
    // demo  = ceil(94 / 0.35)  = ceil(268.571) = 269
    // lead  = ceil(269 / 0.15) = ceil(1793.33) = 1794
    const r = invertFunnel({
      target: 1_234_567,
      avgDealSize: 45_000,
      stages: [{ id: 'lead', rate: 0.15 }, { id: 'demo', rate: 0.35 }, { id: 'quote', rate: 0.3 }, { id: 'won' }],
    });
    expect(counts(r)).to.deep.equal({ lead: 1794, demo: 269, quote: 94, won: 28 });
    if (r.ok) expect(r.value.expectedRevenue).to.equal(28 * 45_000);
  });

  it('does not add a deal for float noise: 21 / 0.7 is 30, though floats say 30.000000000000004', () => {
    // won = 1,050,000 / 50,000 = 21; quote = 21 / 0.7 = 30; demo = 30 / 0.6 = 50; lead = 50 / 0.25 = 200.
    expect(21 / 0.7).to.be.greaterThan(30); // the trap this case guards against
    const r = invertFunnel({
      target: 1_050_000,
      avgDealSize: 50_000,
      stages: [{ id: 'lead', rate: 0.25 }, { id: 'demo', rate: 0.6 }, { id: 'quote', rate: 0.7 }, { id: 'won' }],
    });
    expect(counts(r)).to.deep.equal({ lead: 200, demo: 50, quote: 30, won: 21 });
  });

  it('rounds a partial deal up and each stage again', () => {
    // won   = ceil(100,001 / 10,000) = ceil(10.0001) = 11
    // quote = ceil(11 / 0.45) = ceil(24.44) = 25
    // demo  = ceil(25 / 0.55) = ceil(45.45) = 46
    // lead  = ceil(46 / 0.12) = ceil(383.33) = 384
    const r = invertFunnel({
      target: 100_001,
      avgDealSize: 10_000,
      stages: [{ id: 'lead', rate: 0.12 }, { id: 'demo', rate: 0.55 }, { id: 'quote', rate: 0.45 }, { id: 'won' }],
    });
    expect(counts(r)).to.deep.equal({ lead: 384, demo: 46, quote: 25, won: 11 });
  });

  it('treats a history rate of exactly 1/3 as 1/3, and 0.333333333 as written', () => {
    // 10 won: 10 / (1/3) = 30; 10 / 0.333333333 = 30.00000003 → 31.
    const third = invertFunnel({ target: 1_000_000, avgDealSize: 100_000, stages: [{ id: 'lead', rate: 1 / 3 }, { id: 'won' }] });
    expect(counts(third)).to.deep.equal({ lead: 30, won: 10 });
    const nine = invertFunnel({ target: 1_000_000, avgDealSize: 100_000, stages: [{ id: 'lead', rate: 0.333333333 }, { id: 'won' }] });
    expect(counts(nine)).to.deep.equal({ lead: 31, won: 10 });
  });

  it('needs nothing for a zero target, keeps counts at a rate of 1, and accepts a single stage', () => {
    expect(counts(invertFunnel({ target: 0, avgDealSize: 50_000, stages: seedStages }))).to.deep.equal({ lead: 0, demo: 0, quote: 0, won: 0 });
    expect(counts(invertFunnel({ target: 100, avgDealSize: 10, stages: [{ id: 'a', rate: 1 }, { id: 'won' }] }))).to.deep.equal({ a: 10, won: 10 });
    expect(counts(invertFunnel({ target: 101, avgDealSize: 10, stages: [{ id: 'won' }] }))).to.deep.equal({ won: 11 });
  });

  it('ignores a rate on the last stage', () => {
    expect(counts(invertFunnel({ target: 100, avgDealSize: 10, stages: [{ id: 'lead', rate: 0.5 }, { id: 'won', rate: 7 }] }))).to.deep.equal({ lead: 20, won: 10 });
  });

  it('fails with a reason for each bad rate, naming the stage', () => {
    const withRate = (rate: number | undefined) =>
      invertFunnel({ target: 1_000_000, avgDealSize: 50_000, stages: [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate }, { id: 'won' }] });
    const zero = withRate(0);
    expect(code(zero)).to.equal('funnel-rate-zero');
    if (!zero.ok) {
      expect(zero.error.params).to.deep.equal({ stage: 'demo' });
      expect(zero.error.path).to.deep.equal(['stages', 1, 'rate']);
    }
    expect(code(withRate(1.2))).to.equal('funnel-rate-above-one');
    expect(code(withRate(-0.1))).to.equal('funnel-rate-negative');
    expect(code(withRate(undefined))).to.equal('funnel-rate-missing');
    expect(code(withRate(NaN))).to.equal('funnel-rate-missing');
    expect(code(withRate(Infinity))).to.equal('funnel-rate-above-one');
  });

  it('fails for a bad deal size, target or stage list', () => {
    const run = (target: number, avgDealSize: number, stages: StageRate[] = seedStages) => code(invertFunnel({ target, avgDealSize, stages }));
    expect(run(1000, 0)).to.equal('funnel-deal-size-invalid');
    expect(run(1000, -5)).to.equal('funnel-deal-size-invalid');
    expect(run(1000, 1.5)).to.equal('funnel-deal-size-invalid');
    expect(run(1000, NaN)).to.equal('funnel-deal-size-invalid');
    expect(run(-1, 100)).to.equal('funnel-target-invalid');
    expect(run(10.5, 100)).to.equal('funnel-target-invalid');
    expect(run(1000, 100, [])).to.equal('funnel-stages-invalid');
    expect(run(1000, 100, [{ id: 'a', rate: 0.5 }, { id: 'a' }])).to.equal('funnel-stages-invalid');
    expect(run(Number.MAX_SAFE_INTEGER, 1, [{ id: 'lead', rate: 0.000000001 }, { id: 'won' }])).to.equal('funnel-count-overflow');
  });

  it('property: each count is the least that carries the next stage (exact rational check)', () => {
    // Rates with 4 decimals are n / 10,000: count·n ≥ next·10,000 (enough) and (count − 1)·n < next·10,000 (least).
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e9 }),
        fc.integer({ min: 1, max: 1e6 }),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 5 }),
        (target, deal, ns) => {
          const stages: StageRate[] = [...ns.map((n, i) => ({ id: `s${i}`, rate: n / 10_000 })), { id: 'won' }];
          const r = invertFunnel({ target, avgDealSize: deal, stages });
          // Tiny rates over several stages can exceed 2^53 items: that must be the overflow error.
          if (!r.ok) return r.error.code === 'funnel-count-overflow';
          const c = r.value.stages.map((s) => BigInt(s.count));
          if (c[c.length - 1] * BigInt(deal) < BigInt(target) || (c[c.length - 1] - 1n) * BigInt(deal) >= BigInt(target) && target > 0) return false;
          return ns.every((n, i) => c[i] * BigInt(n) >= c[i + 1] * 10_000n && (c[i] === 0n || (c[i] - 1n) * BigInt(n) < c[i + 1] * 10_000n));
        },
      ),
    );
  });
});

describe('splitRequirement', () => {
  const seed = invertFunnel({ target: 1_000_000, avgDealSize: 50_000, stages: seedStages });
  const requirement = seed.ok ? seed.value : { stages: [] };
  const reps = [
    { id: 'a' }, // veteran, no hire date: ramp 1
    { id: 'b', hireDate: '2026-02-01' }, // 2 months on 2026-04-01: default ramp 0.3
    { id: 'c', hireDate: '2020-01-01', weight: 0.5 }, // half-time veteran
  ];

  it('splits each stage by capacity × ramp, summing exactly', () => {
    // Weights 1 : 0.3 : 0.5 of 1.8.
    // lead 500: 277.78, 83.33, 138.89 → floors 277, 83, 138 (498); +1 to .89 (c) and .78 (a) → 278, 83, 139
    // demo 100: 55.56, 16.67, 27.78 → 55, 16, 27 (98); +1 to .78 (c), .67 (b) → 55, 17, 28
    // quote 50: 27.78, 8.33, 13.89 → 27, 8, 13 (48); +1 to .89 (c), .78 (a) → 28, 8, 14
    // won 20: 11.11, 3.33, 5.56 → 11, 3, 5 (19); +1 to .56 (c) → 11, 3, 6
    const r = splitRequirement(requirement, reps, { asOf: '2026-04-01' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.reps.map((x) => [x.id, x.ramp, x.weight])).to.deep.equal([['a', 1, 1], ['b', 0.3, 0.3], ['c', 1, 0.5]]);
    expect(r.value.reps.map((x) => x.counts)).to.deep.equal([
      { lead: 278, demo: 55, quote: 28, won: 11 },
      { lead: 83, demo: 17, quote: 8, won: 3 },
      { lead: 139, demo: 28, quote: 14, won: 6 },
    ]);
  });

  it('gives nothing to a rep who has not started, and accepts a plain record of counts', () => {
    const r = splitRequirement({ lead: 7 }, [{ id: 'a' }, { id: 'z', hireDate: '2026-05-01' }], { asOf: '2026-04-01' });
    expect(r.ok && r.value.reps.map((x) => x.counts.lead)).to.deep.equal([7, 0]);
  });

  it('uses a custom ramp schedule', () => {
    // Tenure 2 months falls in the custom step 0–6 at 0.5: weights 1 : 0.5 → 10 leads as 6.67, 3.33 → 7, 3.
    const r = splitRequirement({ lead: 10 }, [{ id: 'a' }, { id: 'b', hireDate: '2026-02-01' }], {
      asOf: '2026-04-01',
      rampSchedule: [{ fromMonth: 0, toMonth: 6, factor: 0.5 }],
    });
    expect(r.ok && r.value.reps.map((x) => x.counts.lead)).to.deep.equal([7, 3]);
  });

  it('fails without capacity, for a bad weight, count or hire date', () => {
    expect(code(splitRequirement({ lead: 7 }, [], { asOf: '2026-04-01' }))).to.equal('funnel-no-capacity');
    expect(code(splitRequirement({ lead: 7 }, [{ id: 'a', weight: 0 }], { asOf: '2026-04-01' }))).to.equal('funnel-no-capacity');
    expect(code(splitRequirement({ lead: 7 }, [{ id: 'a', weight: -1 }], { asOf: '2026-04-01' }))).to.equal('funnel-weight-invalid');
    expect(code(splitRequirement({ lead: 7.5 }, [{ id: 'a' }], { asOf: '2026-04-01' }))).to.equal('funnel-count-invalid');
    const badDate = splitRequirement({ lead: 7 }, [{ id: 'a' }, { id: 'b', hireDate: '2026-02-30' }], { asOf: '2026-04-01' });
    expect(badDate.ok).to.equal(false);
    if (!badDate.ok) expect(badDate.error.path).to.deep.equal(['reps', 1, 'hireDate']);
  });

  it('property: every stage sums exactly to the team requirement', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (cs, ws) => {
          const req = Object.fromEntries(cs.map((c, i) => [`s${i}`, c]));
          const r = splitRequirement(req, ws.map((w, i) => ({ id: `r${i}`, weight: w })), { asOf: '2026-01-01' });
          return r.ok && cs.every((c, i) => r.value.reps.reduce((s, x) => s + x.counts[`s${i}`], 0) === c);
        },
      ),
    );
  });
});

describe('activityQuotas', () => {
  const cal = { startMonth: 1 };

  it('splits March 2026 by working days per ISO week, never behind pro rata, summing exactly', () => {
    // 22 working days: W09 = Sun 1 Mar (0), W10–W13 = 5 each, W14 = Mon 30 + Tue 31 (2).
    // Running ceil(500 × cum / 22): 0, 114 (113.6), 228 (227.3), 341 (340.9), 455 (454.5), 500.
    const r = activityQuotas({ lead: 500, won: 20 }, { from: '2026-03-01', to: '2026-03-31', calendar: cal });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.workingDays).to.equal(22);
    expect(r.value.weeks.map((w) => [w.week, w.from, w.to, w.workingDays])).to.deep.equal([
      ['2026-W09', '2026-03-01', '2026-03-01', 0],
      ['2026-W10', '2026-03-02', '2026-03-08', 5],
      ['2026-W11', '2026-03-09', '2026-03-15', 5],
      ['2026-W12', '2026-03-16', '2026-03-22', 5],
      ['2026-W13', '2026-03-23', '2026-03-29', 5],
      ['2026-W14', '2026-03-30', '2026-03-31', 2],
    ]);
    expect(r.value.weeks.map((w) => w.counts.lead)).to.deep.equal([0, 114, 114, 113, 114, 45]);
    // won: ceil(20 × cum / 22) = 0, 5 (4.55), 10 (9.09), 14 (13.6), 19 (18.2), 20.
    expect(r.value.weeks.map((w) => w.counts.won)).to.deep.equal([0, 5, 5, 4, 5, 1]);
    expect(r.value.perDay.lead).to.be.closeTo(22.7272727, 1e-6);
    expect(r.value.perDayDisplay).to.deep.equal({ lead: 22.7, won: 0.9 });
  });

  it('follows holidays and make-up workdays (May Day 2026)', () => {
    // 27 Apr – 9 May: holidays Fri 1, Mon 4, Tue 5 May; Sat 9 May is a make-up workday.
    // W18 (27 Apr–3 May): Mon–Thu = 4; W19 (4–9 May): Wed 6, Thu 7, Fri 8, Sat 9 = 4. Total 8.
    // 25 leads: ceil(25·4/8) = 13, then 25 − 13 = 12. Per day 25 / 8 = 3.125 → 3.1.
    const calendar = { startMonth: 1, holidays: ['2026-05-01', '2026-05-04', '2026-05-05'], workdays: ['2026-05-09'] };
    const r = activityQuotas({ lead: 25 }, { from: '2026-04-27', to: '2026-05-09', calendar });
    expect(r.ok && r.value.weeks.map((w) => [w.week, w.workingDays, w.counts.lead])).to.deep.equal([
      ['2026-W18', 4, 13],
      ['2026-W19', 4, 12],
    ]);
    expect(r.ok && r.value.perDayDisplay.lead).to.equal(3.1);
  });

  it('fails for a bad range or one with no working days', () => {
    expect(code(activityQuotas({ lead: 5 }, { from: '2026-03-31', to: '2026-03-01', calendar: cal }))).to.equal('funnel-window-invalid');
    expect(code(activityQuotas({ lead: 5 }, { from: '2026-02-30', to: '2026-03-01', calendar: cal }))).to.equal('funnel-window-invalid');
    expect(code(activityQuotas({ lead: 5 }, { from: '2026-03-07', to: '2026-03-08', calendar: cal }))).to.equal('funnel-no-working-days');
    expect(code(activityQuotas({ lead: -5 }, { from: '2026-03-02', to: '2026-03-08', calendar: cal }))).to.equal('funnel-count-invalid');
  });

  it('property: weekly quotas sum to the count and are never behind pro rata', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 90 }), (n, start, len) => {
        const from = new Date(Date.UTC(2026, 0, 1 + start)).toISOString().slice(0, 10);
        const to = new Date(Date.UTC(2026, 0, 1 + start + len)).toISOString().slice(0, 10);
        const r = activityQuotas({ x: n }, { from, to, calendar: cal });
        if (!r.ok) return r.error.code === 'funnel-no-working-days';
        let cum = 0, days = 0;
        for (const w of r.value.weeks) {
          cum += w.counts.x;
          days += w.workingDays;
          if (cum * r.value.workingDays < n * days) return false;
        }
        return cum === n;
      }),
    );
  });
});

describe('scheduleRequirement', () => {
  const stages = [
    { id: 'lead', rate: 0.2, avgDays: 14 },
    { id: 'demo', rate: 0.5, avgDays: 10 },
    { id: 'quote', rate: 0.4, avgDays: 21 },
    { id: 'won' },
  ];
  // FY2026 runs 2026-04-01 … 2027-03-31.
  const calendar = { startMonth: 4 };

  it('dates each stage back from the month start, into the previous fiscal year', () => {
    // April 2026, 1,000,000 → 500 / 100 / 50 / 20. Lead times: quote 21, demo 10 + 21 = 31, lead 14 + 31 = 45 days.
    // quote by 2026-04-01 − 21 = 2026-03-11 (Wed, W11); demo − 31 = 2026-03-01 (Sun, W09); lead − 45 = 2026-02-15 (Sun, W07).
    // May 2026, 500,000 → 250 / 50 / 25 / 10: quote by 2026-04-10 (Fri, W15, FY2026);
    // demo by 2026-03-31 (Tue, W14, FY2025); lead by 2026-03-17 (Tue, W12, FY2025).
    const r = scheduleRequirement(
      { months: [{ month: '2026-04', target: 1_000_000 }, { month: '2026-05', target: 500_000 }], avgDealSize: 50_000, stages },
      calendar,
    );
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const [apr, may] = r.value.months;
    expect(apr.stages).to.deep.equal([
      { id: 'lead', count: 500, leadDays: 45, by: '2026-02-15', week: '2026-W07', fiscalYear: 2025, windowEnd: '2026-03-16' },
      { id: 'demo', count: 100, leadDays: 31, by: '2026-03-01', week: '2026-W09', fiscalYear: 2025, windowEnd: '2026-03-30' },
      { id: 'quote', count: 50, leadDays: 21, by: '2026-03-11', week: '2026-W11', fiscalYear: 2025, windowEnd: '2026-04-09' },
      { id: 'won', count: 20, leadDays: 0, by: '2026-04-01', week: '2026-W14', fiscalYear: 2026, windowEnd: '2026-04-30' },
    ]);
    expect(may.stages.map((s) => [s.id, s.count, s.by, s.week, s.fiscalYear])).to.deep.equal([
      ['lead', 250, '2026-03-17', '2026-W12', 2025],
      ['demo', 50, '2026-03-31', '2026-W14', 2025],
      ['quote', 25, '2026-04-10', '2026-W15', 2026],
      ['won', 10, '2026-05-01', '2026-W18', 2026],
    ]);
    expect(r.value.weeks).to.deep.equal([
      { week: '2026-W07', counts: { lead: 500 } },
      { week: '2026-W09', counts: { demo: 100 } },
      { week: '2026-W11', counts: { quote: 50 } },
      { week: '2026-W12', counts: { lead: 250 } },
      { week: '2026-W14', counts: { won: 20, demo: 50 } },
      { week: '2026-W15', counts: { quote: 25 } },
      { week: '2026-W18', counts: { won: 10 } },
    ]);
  });

  it('splits the annual requirement over the months so they add up to it exactly (issue 16, item 9)', () => {
    // ¥1,000,000 over twelve months split by working days as the what-if does: 100,000,000 fen is
    // 4 × 8,333,334 + 8 × 8,333,333. The year needs 500 / 100 / 50 / 20. Inverting each month alone
    // gave 2 deals, 5 quotes, 10 demos and 50 leads per month: 600 / 120 / 60 / 24 in all.
    // Split by the month targets: leads 500 × 8,333,334 / 10^8 = 41.67 (the four heavier months)
    // and 41.67 − ε: 12 × 41 = 492, the 8 left go to the 4 heavier months, then to Jan … Aug in
    // order among the equal ones → 42 × 8 + 41 × 4. Demos 8.33 → 96 + 4 to the heavier months;
    // quotes 4.17 → 48 + 2 (months 1 and 2); won 1.67 → 12 + 8 (months 1 … 8).
    const months = Array.from({ length: 12 }, (_, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, target: i < 4 ? 8_333_334 : 8_333_333 }));
    const r = scheduleRequirement({ months, avgDealSize: 5_000_000, stages }, { startMonth: 1 });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const col = (id: string) => r.value.months.map((m) => m.stages.find((s) => s.id === id)!.count);
    expect(col('lead')).to.deep.equal([42, 42, 42, 42, 42, 42, 42, 42, 41, 41, 41, 41]);
    expect(col('demo')).to.deep.equal([9, 9, 9, 9, 8, 8, 8, 8, 8, 8, 8, 8]);
    expect(col('quote')).to.deep.equal([5, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(col('won')).to.deep.equal([2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1]);
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(['lead', 'demo', 'quote', 'won'].map((id) => sum(col(id)))).to.deep.equal([500, 100, 50, 20]);
    expect(r.value.total.counts).to.deep.equal({ lead: 500, demo: 100, quote: 50, won: 20 });
    // The time shift is kept: March's leads are due 45 days before 1 March, its deals in March.
    const mar = r.value.months[2];
    expect(mar.stages.map((s) => [s.id, s.by])).to.deep.equal([['lead', '2026-01-15'], ['demo', '2026-01-29'], ['quote', '2026-02-08'], ['won', '2026-03-01']]);
    expect(mar.requirement.counts).to.deep.equal({ lead: 42, demo: 9, quote: 4, won: 2 });
    expect(mar.requirement.expectedRevenue).to.equal(10_000_000);
  });

  it('crosses a calendar year too, with end-named fiscal years', () => {
    // January 2027 under yearNaming 'end' (FY2027 = 2026-04 … 2027-03): leads by 2027-01-01 − 45 = 2026-11-17, still FY2027.
    const r = scheduleRequirement({ months: [{ month: '2027-01', target: 50_000 }], avgDealSize: 50_000, stages }, { startMonth: 4, yearNaming: 'end' });
    expect(r.ok && r.value.months[0].stages.map((s) => [s.by, s.fiscalYear])).to.deep.equal([
      ['2026-11-17', 2027],
      ['2026-12-01', 2027],
      ['2026-12-11', 2027],
      ['2027-01-01', 2027],
    ]);
  });

  it('rounds fractional durations up, without float noise', () => {
    // Cumulative 10.7 → 11, 10.2 + 10.7 = 20.9 → 21, 10.1 + 20.9 = 31.000000000000004 in floats → 31.
    const frac = [{ id: 'lead', rate: 0.2, avgDays: 10.1 }, { id: 'demo', rate: 0.5, avgDays: 10.2 }, { id: 'quote', rate: 0.4, avgDays: 10.7 }, { id: 'won' }];
    const r = scheduleRequirement({ months: [{ month: '2026-04', target: 0 }], avgDealSize: 50_000, stages: frac }, calendar);
    expect(r.ok && r.value.months[0].stages.map((s) => s.leadDays)).to.deep.equal([31, 21, 11, 0]);
  });

  it('fails for a missing duration, a bad month, or a bad rate (with the month in the path)', () => {
    const noDays = scheduleRequirement({ months: [{ month: '2026-04', target: 1 }], avgDealSize: 1, stages: [{ id: 'lead', rate: 0.5 }, { id: 'won' }] }, calendar);
    expect(code(noDays)).to.equal('funnel-days-invalid');
    const negative = scheduleRequirement({ months: [], avgDealSize: 1, stages: [{ id: 'lead', rate: 0.5, avgDays: -1 }, { id: 'won' }] }, calendar);
    expect(code(negative)).to.equal('funnel-days-invalid');
    expect(code(scheduleRequirement({ months: [{ month: '2026-13', target: 1 }], avgDealSize: 1, stages }, calendar))).to.equal('funnel-month-invalid');
    const badRate = scheduleRequirement(
      { months: [{ month: '2026-04', target: 1 }, { month: '2026-05', target: -1 }], avgDealSize: 1, stages },
      calendar,
    );
    expect(code(badRate)).to.equal('funnel-target-invalid');
    if (!badRate.ok) expect(badRate.error.path).to.deep.equal(['months', 1, 'target']);
  });
});

describe('funnel messages', () => {
  const codes = [...FUNNEL_ERROR_CODES, ...FUNNEL_DIAGNOSIS_CODES].sort();

  it('has a message for every code in both languages, and nothing else', () => {
    expect(Object.keys(funnelMessages.en).sort()).to.deep.equal(codes);
    expect(Object.keys(funnelMessages['zh-CN']).sort()).to.deep.equal(codes);
  });

  it('renders the engine error params in natural sentences', () => {
    const r = invertFunnel({ target: 1_000_000, avgDealSize: 50_000, stages: [{ id: '演示', rate: 1.5 }, { id: 'won' }] });
    expect(r.ok).to.equal(false);
    if (r.ok) return;
    expect(funnelMessages.en[r.error.code](r.error.params!)).to.equal('The conversion rate of "演示" cannot be above 100% (150%).');
    expect(funnelMessages['zh-CN'][r.error.code](r.error.params!)).to.equal('「演示」的转化率不能超过 100%（150%）。');
    for (const c of FUNNEL_ERROR_CODES) {
      const zh = funnelMessages['zh-CN'][c]({ stage: 'x', value: 1, from: 'a', to: 'b', id: 'r', nodeId: 'n', month: 'm', rate: 0.5 });
      expect(zh, c).to.match(/[\u4e00-\u9fff]/);
      expect(zh, c).not.to.contain('undefined');
      expect(funnelMessages.en[c]({ stage: 'x', value: 1, from: 'a', to: 'b', id: 'r', nodeId: 'n', month: 'm', rate: 0.5 }), c).not.to.contain('undefined');
    }
  });
});
