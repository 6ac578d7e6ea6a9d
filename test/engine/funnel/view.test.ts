import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  bareFunnelContext,
  computeFunnel,
  funnelContext,
  lookbackWindow,
  monthlyTargets,
  monthsOfPeriod,
  type FunnelContext,
  type FunnelInputs,
} from '../../../src/engine/funnel/view.js';
import { layoutFunnel } from '../../../src/components/funnel-inverter/funnel-inverter.layout.js';
import type { ActualsSnapshot, PlanSnapshot } from '../../../src/engine/plan/model.js';

/**
 * A company with two teams. Team A (r1 veteran, r2 hired 2026-03-01) has in the lookback window
 * (2025-07..2026-06 for asOf 2026-07-15) 400 leads, 80 demos, 40 quotes, 16 won and ¥800,000
 * booked: rates 20% / 50% / 40%, deal size ¥50,000. In FY2026 so far (July) it has 300 leads,
 * 60 demos, 18 quotes, 8 won and ¥400,000 booked. Team B (r3) has only 100 / 30 / 10 / 3.
 */
function funnelPlan(): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const plan: PlanSnapshot = {
    plan: { id: 'p', name: 'FY2026', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
    org: [
      { id: 'co', name: 'Co', parentId: null, kind: 'company' },
      { id: 'ta', name: 'Team A', parentId: 'co', kind: 'team' },
      { id: 'tb', name: 'Team B', parentId: 'co', kind: 'team' },
      { id: 'r1', name: 'Ann', parentId: 'ta', kind: 'rep', hireDate: '2020-01-01' },
      { id: 'r2', name: 'Bo', parentId: 'ta', kind: 'rep', hireDate: '2026-03-01' },
      { id: 'r3', name: 'Cy', parentId: 'tb', kind: 'rep', hireDate: '2019-05-01' },
      { id: 'r4', name: 'Di', parentId: 'tb', kind: 'rep', hireDate: '2019-05-01', leaveDate: '2026-06-30' },
    ],
    products: [{ id: 'core', name: 'Core', new: false }],
    stages: [
      { id: 'lead', name: { en: 'Lead', 'zh-CN': '线索' }, avgDays: 14 },
      { id: 'demo', name: { en: 'Demo', 'zh-CN': '演示' }, avgDays: 10 },
      { id: 'quote', name: { en: 'Quote', 'zh-CN': '报价' }, avgDays: 12 },
      { id: 'won', name: { en: 'Won', 'zh-CN': '赢单' } },
    ],
    targets: [
      { nodeId: 'co', period: 'FY2026', metric: 'revenue', value: 300_000_000 },
      { nodeId: 'ta', period: 'FY2026', metric: 'revenue', value: 100_000_000 },
      { nodeId: 'tb', period: 'FY2026-Q1', metric: 'revenue', value: 10_000_000 },
      { nodeId: 'tb', period: '2026-01', metric: 'revenue', value: 2_000_000 },
      { nodeId: 'tb', period: '2026-02', metric: 'revenue', value: 3_000_000 },
      { nodeId: 'tb', period: '2026-03', metric: 'revenue', value: 5_000_000 },
      { nodeId: 'tb', period: 'FY2026-Q2', metric: 'revenue', value: 20_000_000 },
      { nodeId: 'tb', period: 'FY2026-Q3', metric: 'revenue', value: 30_000_000 },
      { nodeId: 'tb', period: 'FY2026-Q4', metric: 'revenue', value: 40_000_000 },
    ],
  };
  const sc = (repId: string, month: string, l: number, d: number, q: number, w: number) =>
    ([['lead', l], ['demo', d], ['quote', q], ['won', w]] as const).map(([stageId, count]) => ({ repId, month, stageId, count }));
  const actuals: ActualsSnapshot = {
    from: '2024-01-01',
    to: '2026-12-31',
    actuals: [
      { id: 'b1', repId: 'r1', productId: 'core', date: '2025-09-10', type: 'booking', amount: 48_000_000 },
      { id: 'b2', repId: 'r2', productId: 'core', date: '2025-12-10', type: 'booking', amount: 32_000_000 },
      { id: 'b3', repId: 'r3', productId: 'core', date: '2026-02-10', type: 'booking', amount: 9_000_000 },
      { id: 'b4', repId: 'r1', productId: 'core', date: '2026-07-10', type: 'booking', amount: 40_000_000 },
    ],
    stageCounts: [
      ...sc('r1', '2025-09', 300, 60, 30, 12),
      ...sc('r2', '2025-12', 100, 20, 10, 4),
      ...sc('r3', '2026-02', 100, 30, 10, 3),
      ...sc('r1', '2026-07', 300, 60, 18, 8),
    ],
    pipeline: [
      { id: 'o1', repId: 'r1', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-09-30', probability: 0.5 },
      { id: 'o2', repId: 'r2', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-10-15', probability: 0.5 },
      { id: 'o3', repId: 'r1', amount: 4_000_000, stageId: 'demo', expectedClose: '2026-08-01', probability: 0.2 },
      { id: 'o4', repId: 'r1', amount: 6_000_000, stageId: 'quote', expectedClose: '2027-02-01', probability: 0.5 },
      { id: 'o5', repId: 'r3', amount: 3_000_000, stageId: 'lead', expectedClose: '2026-09-01', probability: 0.05 },
    ],
  };
  return { plan, actuals };
}

const seed = (over: Partial<FunnelInputs> = {}): FunnelInputs => ({
  target: 100_000_000,
  avgDealSize: 5_000_000,
  confidence: 0.8,
  stages: [
    { id: 'lead', rate: 0.2, avgDays: 14 },
    { id: 'demo', rate: 0.5, avgDays: 10 },
    { id: 'quote', rate: 0.4, avgDays: 12 },
    { id: 'won' },
  ],
  ...over,
});

function ctxOf(nodeId: string, period = 'FY2026', asOf = '2026-07-15'): FunnelContext {
  const { plan, actuals } = funnelPlan();
  const r = funnelContext({ snapshot: plan, actuals }, { nodeId, period, asOf });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('funnel-view: periods and windows', () => {
  it('lists the months of a period and the lookback window before a date', () => {
    expect(monthsOfPeriod('FY2026-Q1', { startMonth: 4 })).to.deep.equal(['2026-04', '2026-05', '2026-06']);
    expect(monthsOfPeriod('FY2026', { startMonth: 4 })).to.have.length(12);
    expect(monthsOfPeriod('FY2026-H2', { startMonth: 1 })[0]).to.equal('2026-07');
    expect(monthsOfPeriod('2026-05', { startMonth: 1 })).to.deep.equal(['2026-05']);
    expect(monthsOfPeriod('2026-W05', { startMonth: 1 })).to.deep.equal([]);
    // asOf in November: the 12 whole months before it, across a year boundary.
    expect(lookbackWindow('2026-11-27')).to.deep.equal({ from: '2025-11', to: '2026-10' });
    expect(lookbackWindow('2026-01-05', 3)).to.deep.equal({ from: '2025-10', to: '2025-12' });
  });
});

describe('funnelContext', () => {
  it("gathers team A's target, history rates, reps, pipeline and actuals to date", () => {
    const c = ctxOf('ta');
    expect(c.nodeName).to.equal('Team A');
    expect([c.start, c.end]).to.deep.equal(['2026-01-01', '2026-12-31']);
    expect(c.target).to.equal(100_000_000);
    // The plan's window: the twelve whole months before the period starts.
    expect(c.window).to.deep.equal({ from: '2025-01', to: '2025-12' });
    // 80/400, 40/80, 16/40; ¥800,000 / 16 = ¥50,000. The July counts are after the window.
    expect(c.defaults).to.deep.equal({
      target: 100_000_000,
      avgDealSize: 5_000_000,
      stages: [
        { id: 'lead', rate: 0.2, avgDays: 14 },
        { id: 'demo', rate: 0.5, avgDays: 10 },
        { id: 'quote', rate: 0.4, avgDays: 12 },
        { id: 'won', rate: null, avgDays: null },
      ],
    });
    expect(c.hasHistory).to.equal(true);
    expect(c.reps.map((r) => r.id)).to.deep.equal(['r1', 'r2']);
    expect(c.pipeline.map((o) => o.id)).to.deep.equal(['o1', 'o2', 'o3', 'o4']);
    expect(c.actualCounts).to.deep.equal({ lead: 300, demo: 60, quote: 18, won: 8 });
    expect(c.bookedToDate).to.equal(40_000_000);
    // Weekdays Jan–Jun 2026: 22 + 20 + 22 + 22 + 21 + 22 = 129, July 1–15: 11 → 140 of 261.
    expect([c.elapsedDays, c.totalDays]).to.deep.equal([140, 261]);
  });

  it("falls back to the company's rate and deal size where team B's sample is small", () => {
    // FY2026-Q2's window is 2025-04 … 2026-03: r1's September, r2's December and r3's February.
    const c = ctxOf('tb', 'FY2026-Q2');
    // lead→demo 30/100 and demo→quote 10/30 are team B's own (≥ 30 entries); quote→won has only
    // 10 quotes, so the company's (30 + 10 + 10 = 50 quotes, 12 + 4 + 3 = 19 won) 19/50 = 0.38.
    expect(c.defaults.stages.map((s) => s.rate)).to.deep.equal([0.3, 10 / 30, 0.38, null]);
    expect(c.history!.rates[2]).to.include({ fellBack: true, source: 'co' });
    // 3 won deals < 10: the company's ¥890,000 / 19 = 46,842.105… → 4,684,211 分.
    expect(c.defaults.avgDealSize).to.equal(4_684_211);
    // Target: its Q2 cell; r4 left on 2026-06-30, before asOf.
    expect(c.target).to.equal(20_000_000);
    expect(ctxOf('tb').target, 'FY2026: the sum of its quarters').to.equal(100_000_000);
    expect(c.reps.map((r) => r.id)).to.deep.equal(['r3']);
  });

  it('defaults to the root and the plan year, and fails on unknown nodes and bad periods', () => {
    const { plan, actuals } = funnelPlan();
    const r = funnelContext({ snapshot: plan, actuals }, { asOf: '2026-07-15' });
    expect(r.ok && [r.value.nodeId, r.value.period, r.value.target]).to.deep.equal(['co', 'FY2026', 300_000_000]);
    const bad = funnelContext({ snapshot: plan, actuals }, { nodeId: 'nope', asOf: '2026-07-15' });
    expect(!bad.ok && bad.error.code).to.equal('funnel-node-unknown');
    const badPeriod = funnelContext({ snapshot: plan, actuals }, { nodeId: 'ta', period: 'FY26', asOf: '2026-07-15' });
    expect(!badPeriod.ok && badPeriod.error.code).to.equal('period-invalid');
  });

  it('has no rates, no actuals and no history without actuals', () => {
    const { plan } = funnelPlan();
    const r = funnelContext({ snapshot: plan, actuals: null }, { nodeId: 'ta', asOf: '2026-07-15' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.hasHistory).to.equal(false);
    expect(r.value.defaults.avgDealSize).to.equal(null);
    expect(r.value.defaults.stages.map((s) => s.rate)).to.deep.equal([null, null, null, null]);
    expect(r.value.actualCounts).to.equal(null);
  });

  it('uses the targets it is given (local edits) over the snapshot', () => {
    const { plan, actuals } = funnelPlan();
    const targets = [...plan.targets, { nodeId: 'ta', period: 'FY2026', metric: 'revenue' as const, value: 120_000_000 }];
    const r = funnelContext({ snapshot: plan, actuals, targets }, { nodeId: 'ta', asOf: '2026-07-15' });
    expect(r.ok && r.value.target).to.equal(120_000_000);
  });
});

describe('monthlyTargets', () => {
  it('splits by working days when months have no stored targets', () => {
    // Jan 22, Feb 20, Mar 22 working days (64): 100,000,000 × 22/64 = 34,375,000 …
    const r = monthlyTargets(100_000_000, ctxOf('ta', 'FY2026-Q1'));
    expect(r.ok && r.value).to.deep.equal([
      { month: '2026-01', target: 34_375_000 },
      { month: '2026-02', target: 31_250_000 },
      { month: '2026-03', target: 34_375_000 },
    ]);
  });

  it('follows the stored month targets (2 : 3 : 5) and always sums to the target', () => {
    const c = ctxOf('tb', 'FY2026-Q1');
    const r = monthlyTargets(20_000_000, c);
    expect(r.ok && r.value.map((m) => m.target)).to.deep.equal([4_000_000, 6_000_000, 10_000_000]);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (t) => {
        const m = monthlyTargets(t, c);
        return m.ok && m.value.reduce((s, x) => s + x.target, 0) === t;
      }),
    );
  });
});

describe('computeFunnel', () => {
  it('inverts the seed example without a context', () => {
    const r = computeFunnel(seed());
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.requirement.stages.map((s) => s.count)).to.deep.equal([500, 100, 50, 20]);
    // p = 0.2 · 0.5 · 0.4 = 0.04; P(Binomial(500, 0.04) ≥ 20) = 0.5316; 589 leads for 80%.
    expect(r.value.reach?.ok && r.value.reach.value.probability).to.be.closeTo(0.5316, 5e-5);
    expect(r.value.confidence?.ok && r.value.confidence.value.leads).to.equal(589);
    expect([r.value.perRep, r.value.weekly, r.value.schedule, r.value.coverage]).to.deep.equal([null, null, null, null]);
  });

  it('rounds up at each stage with non-integer ratios', () => {
    // ¥1,234,567 at ¥45,000: won ceil(27.43) = 28; quote ceil(28 / 0.35) = 80; demo ceil(80 / 0.45) = ceil(177.8) = 178;
    // lead ceil(178 / 0.15) = ceil(1186.7) = 1187.
    const r = computeFunnel(seed({ target: 123_456_700, avgDealSize: 4_500_000, stages: [{ id: 'lead', rate: 0.15 }, { id: 'demo', rate: 0.45 }, { id: 'quote', rate: 0.35 }, { id: 'won' }] }));
    expect(r.ok && r.value.requirement.stages.map((s) => s.count)).to.deep.equal([1187, 178, 80, 28]);
  });

  it('fails with the path of the bad input', () => {
    const bad = (over: Partial<FunnelInputs>) => {
      const r = computeFunnel(seed(over));
      return r.ok ? null : [r.error.code, r.error.path];
    };
    expect(bad({ avgDealSize: 0 })).to.deep.equal(['funnel-deal-size-invalid', ['avgDealSize']]);
    expect(bad({ stages: [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate: 1.5 }, { id: 'won' }] })).to.deep.equal(['funnel-rate-above-one', ['stages', 1, 'rate']]);
    expect(bad({ stages: [{ id: 'lead', rate: 0.2, avgDays: -1 }, { id: 'won' }] })).to.deep.equal(['funnel-days-invalid', ['stages', 0, 'avgDays']]);
    expect(bad({ confidence: 1 })).to.deep.equal(['funnel-confidence-invalid', ['confidence']]);
  });

  it("computes team A's per-rep split, weeks, coverage and diagnosis", () => {
    const r = computeFunnel(seed(), ctxOf('ta'));
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    // r2 hired 2026-03-01: 4 months on 2026-07-15 → ramp 0.6. Weights 1 : 0.6 = 5 : 3.
    // lead 500·5/8 = 312.5 | 187.5 (tie → larger weight) → 313 | 187; demo 62.5 | 37.5 → 63 | 37;
    // quote 31.25 | 18.75 → 31 | 19; won 12.5 | 7.5 → 13 | 7.
    expect(v.perRep?.ok && v.perRep.value.reps.map((x) => [x.id, x.ramp, x.counts])).to.deep.equal([
      ['r1', 1, { lead: 313, demo: 63, quote: 31, won: 13 }],
      ['r2', 0.6, { lead: 187, demo: 37, quote: 19, won: 7 }],
    ]);
    // 261 working days: 500 / 261 = 1.9157… per day → 1.9.
    expect(v.weekly?.ok && v.weekly.value.workingDays).to.equal(261);
    expect(v.weekly?.ok && v.weekly.value.perDayDisplay.lead).to.equal(1.9);
    // Still to win: ¥1,000,000 − ¥400,000 = ¥600,000 → 12 won, 30 quotes, 60 demos, 300 leads.
    expect(v.remaining).to.deep.include({ target: 60_000_000 });
    expect(v.remaining!.requirement.stages.map((s) => s.count)).to.deep.equal([300, 60, 30, 12]);
    // Open before 2026-12-31: quotes o1, o2 (o4 closes in 2027), demo o3 → quote 2/30, gap 28.
    const cov = v.coverage?.ok ? v.coverage.value : null;
    expect(cov!.stages.map((s) => [s.id, s.open, s.required, s.gap])).to.deep.equal([
      ['lead', 0, 300, 300],
      ['demo', 1, 60, 59],
      ['quote', 2, 30, 28],
      ['won', 0, 12, 12],
    ]);
    // Weighted: 5,000,000·0.5 · 2 + 4,000,000·0.2 = 5,800,000.
    expect(cov!.weightedValue).to.equal(5_800_000);
    // The seed's inputs are team A's plan (2025: 20% / 50% / 40%, ¥50,000): the bottleneck compares
    // with plannedFunnel().toDate, the volumes pro rata rounded half up: 500·140/261 = 268.2 → 268,
    // 53.6 → 54, 26.8 → 27, 10.7 → 11.
    expect(v.whatIf).to.equal(false);
    expect(v.planToDate).to.deep.equal({ lead: 268, demo: 54, quote: 27, won: 11 });
    // Actual 300 / 60 / 18 / 8 and ¥400,000 / 8 = ¥50,000 a deal: leads 300/268 = +11.9%;
    // demo→quote 18/60 = 30% against 50% (ratio 0.6) is the worst; the deal size is on plan.
    const d = v.diagnosis?.ok ? v.diagnosis.value : null;
    expect(d!.message).to.deep.equal({
      code: 'funnel-diagnosis-middle',
      params: { leadsDelta: 11.9, from: 'demo', to: 'quote', planRate: 50, actualRate: 30 },
    });
    expect(d!.factors.at(-1)).to.deep.include({ kind: 'deal-size', plan: 5_000_000, actual: 5_000_000, ratio: 1 });
  });

  it('schedules each month back by the stage durations, across the fiscal-year boundary', () => {
    // Team B, Q1 2026, ¥200,000 split 2 : 3 : 5 → January ¥40,000 → 1 won deal at ¥50,000.
    const r = computeFunnel(seed({ target: 20_000_000 }), ctxOf('tb', 'FY2026-Q1'));
    if (!r.ok || !r.value.schedule?.ok) throw new Error('no schedule');
    const jan = r.value.schedule.value.months[0];
    expect(jan.target).to.equal(4_000_000);
    // The quarter is inverted once (issue 16 item 9): ¥200,000 / ¥50,000 = 4 won, quote ceil(4/0.4)
    // = 10, demo ceil(10/0.5) = 20, lead ceil(20/0.2) = 100; each split 2 : 3 : 5 by largest
    // remainder, so January gets 20 leads, 4 demos, 2 quotes and won 0.8 / 1.2 / 2.0 → 1 / 1 / 2.
    // Leads by 2026-01-01 − (14 + 10 + 12) = 2025-11-26 (FY2025, ISO week 2025-W48);
    // demos − 22 = 2025-12-10 (W50); quotes − 12 = 2025-12-20 (W51).
    expect(jan.stages.map((s) => [s.id, s.count, s.by, s.week, s.fiscalYear])).to.deep.equal([
      ['lead', 20, '2025-11-26', '2025-W48', 2025],
      ['demo', 4, '2025-12-10', '2025-W50', 2025],
      ['quote', 2, '2025-12-20', '2025-W51', 2025],
      ['won', 1, '2026-01-01', '2026-W01', 2026],
    ]);
  });

  it('leaves out the schedule when a duration is missing, and diagnosis before the period', () => {
    const r = computeFunnel(seed({ stages: [{ id: 'lead', rate: 0.2 }, { id: 'demo', rate: 0.5, avgDays: 10 }, { id: 'quote', rate: 0.4, avgDays: 12 }, { id: 'won' }] }), ctxOf('ta', 'FY2026', '2025-12-01'));
    expect(r.ok && r.value.schedule).to.equal(null);
    expect(r.ok && r.value.diagnosis).to.equal(null);
    expect(r.ok && r.value.coverage).to.equal(null);
  });

  it('works on a bare context: weeks and schedule, no reps or pipeline', () => {
    const c = bareFunnelContext({ period: 'FY2026-Q1', stages: funnelPlan().plan.stages, asOf: '2026-01-10' });
    if (!c.ok) throw new Error(c.error.message);
    const r = computeFunnel(seed(), c.value);
    expect(r.ok && r.value.weekly?.ok && r.value.weekly.value.workingDays).to.equal(64);
    expect(r.ok && r.value.schedule?.ok && r.value.schedule.value.months.length).to.equal(3);
    expect(r.ok && r.value.perRep).to.equal(null);
  });
});

describe('layoutFunnel', () => {
  it('draws bands on a square-root scale that join into a funnel', () => {
    const l = layoutFunnel([{ id: 'lead', required: 500, actual: 125, pipeline: null }, { id: 'won', required: 20 }], { width: 400, labelWidth: 100 });
    // Funnel area 400 − 100 − 2·8 = 284; center 100 + 8 + 142 = 250; won 284·√(20/500) = 56.8.
    expect(l.maxWidth).to.equal(284);
    expect(l.centerX).to.equal(250);
    expect(l.shapes[0].topWidth).to.equal(284);
    expect(l.shapes[0].bottomWidth).to.be.closeTo(56.8, 1e-9);
    expect(l.shapes[1].topWidth).to.be.closeTo(56.8, 1e-9);
    expect(l.shapes[0].path).to.equal('M108,0L392,0L278.4,48L221.6,48Z');
    // Actual 125: 284·√(125/500) = 142 wide, centered.
    expect(l.shapes[0].actual).to.deep.include({ x: 179, width: 142 });
    expect(l.shapes[0].pipeline).to.equal(null);
    // Two bands of 48 and one gap of 22; the conversion label sits in the gap.
    expect(l.height).to.equal(118);
    expect(l.conversions).to.deep.equal([{ fromId: 'lead', toId: 'won', x: 250, y: 59 }]);
  });

  it('keeps tiny non-zero counts visible and zero counts empty, whatever the width', () => {
    const l = layoutFunnel([{ id: 'a', required: 1_000_000 }, { id: 'b', required: 1 }, { id: 'c', required: 0 }], { width: 320 });
    expect(l.shapes[1].topWidth).to.equal(2);
    expect(l.shapes[2].topWidth).to.equal(0);
    fc.assert(
      fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2000 }), (counts, width) => {
        const g = layoutFunnel(counts.map((n, i) => ({ id: String(i), required: n })), { width });
        return g.shapes.every((s) => s.topWidth <= Math.max(2, g.maxWidth) && !s.path.includes('NaN'));
      }),
    );
  });
});
