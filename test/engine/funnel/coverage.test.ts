import { expect } from '@open-wc/testing';
import type { Actual, Opportunity, OrgNode, StageCount } from '../../../src/engine/plan/model.js';
import { conversionRatesFromHistory, diagnoseFunnel, funnelCoverage, invertFunnel } from '../../../src/engine/funnel/index.js';
import { measuredDealSize } from '../../../src/engine/funnel/coverage.js';
import { funnelMessages } from '../../../src/i18n/both-languages.js';

const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('conversionRatesFromHistory', () => {
  const org: OrgNode[] = [
    { id: 'co', name: 'Company', parentId: null, kind: 'company' },
    { id: 'east', name: 'East', parentId: 'co', kind: 'region' },
    { id: 'west', name: 'West', parentId: 'co', kind: 'region' },
    { id: 'team-a', name: 'A', parentId: 'east', kind: 'team' },
    { id: 'team-b', name: 'B', parentId: 'east', kind: 'team' },
    { id: 'r1', name: 'R1', parentId: 'team-a', kind: 'rep' },
    { id: 'r2', name: 'R2', parentId: 'team-a', kind: 'rep' },
    { id: 'r3', name: 'R3', parentId: 'team-b', kind: 'rep' },
  ];
  const sc = (repId: string, month: string, lead: number, demo: number, won: number): StageCount[] => [
    { repId, month, stageId: 'lead', count: lead },
    { repId, month, stageId: 'demo', count: demo },
    { repId, month, stageId: 'won', count: won },
  ];
  // Q1 2026: r1 20 leads / 6 demos / 2 won; r2 80 / 19 / 5; r3 40 / 10 / 4.
  // team-a 100 / 25 / 7; east (and co) 140 / 35 / 11. December 2025 lies outside the window.
  const counts: StageCount[] = [
    ...sc('r1', '2026-01', 10, 3, 1),
    ...sc('r1', '2026-02', 10, 3, 1),
    ...sc('r2', '2026-03', 80, 19, 5),
    ...sc('r3', '2026-02', 40, 10, 4),
    ...sc('r1', '2025-12', 1000, 1000, 1000),
  ];
  const booking = (id: string, repId: string, date: string, amount: number): Actual => ({ id, repId, productId: 'p', date, type: 'booking', amount });
  const actuals: Actual[] = [
    booking('b1', 'r1', '2026-01-20', 70_000),
    booking('b2', 'r1', '2026-02-11', 50_000),
    booking('b3', 'r2', '2026-03-05', 400_000),
    booking('b4', 'r3', '2026-02-27', 240_000),
    booking('b0', 'r1', '2025-12-30', 9_999_999),
    { id: 'c1', repId: 'r1', productId: 'p', date: '2026-02-01', type: 'collection', amount: 5_000_000 },
  ];
  const window = { from: '2026-01', to: '2026-03', stages: ['lead', 'demo', 'won'] };

  it('falls back stage by stage to the nearest ancestor with 30 entries', () => {
    // lead→demo: r1 has 20 < 30 leads → team-a 25 / 100 = 0.25.
    // demo→won: r1 has 6, team-a 25 (< 30) → east 11 / 35.
    const r = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.counts).to.deep.equal({ lead: 20, demo: 6, won: 2 });
    const [ld, dw] = r.value.rates;
    expect(ld).to.deep.equal({
      id: 'lead', nextId: 'demo', rate: 0.25, entered: 100, converted: 25, ownEntered: 20, ownConverted: 6,
      source: 'team-a', fellBack: true, lowSample: false, capped: false,
    });
    expect([dw.source, dw.entered, dw.converted, dw.fellBack]).to.deep.equal(['east', 35, 11, true]);
    expect(dw.rate).to.be.closeTo(11 / 35, 1e-15);
    expect(r.value.avgDealSize).to.equal(null);
    expect(r.value.stages).to.deep.equal([{ id: 'lead', rate: 0.25 }, { id: 'demo', rate: 11 / 35 }, { id: 'won' }]);
  });

  it('keeps a node its own rate where its sample is large enough', () => {
    const r = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'team-a' });
    expect(r.ok && r.value.rates.map((x) => [x.source, x.fellBack])).to.deep.equal([['team-a', false], ['east', true]]);
    const small = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', minSample: 5 });
    expect(small.ok && small.value.rates.map((x) => [x.source, x.rate])).to.deep.equal([['r1', 0.3], ['r1', 1 / 3]]);
  });

  it('uses the widest sample, flagged low, when no ancestor reaches the threshold', () => {
    const r = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', minSample: 1000 });
    expect(r.ok && r.value.rates.map((x) => [x.source, x.lowSample, x.entered])).to.deep.equal([['east', true, 140], ['east', true, 35]]);
    // West has no history at all: the company's rates (from east) are used.
    const west = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'west' });
    expect(west.ok && west.value.rates.map((x) => [x.source, x.rate])).to.deep.equal([['co', 0.25], ['co', 11 / 35]]);
  });

  it('gives a null rate when nobody up the tree has entries', () => {
    const r = conversionRatesFromHistory([], org, { ...window, nodeId: 'r1' });
    expect(r.ok && r.value.rates.map((x) => x.rate)).to.deep.equal([null, null]);
    expect(r.ok && r.value.stages).to.deep.equal([{ id: 'lead' }, { id: 'demo' }, { id: 'won' }]);
  });

  it('caps a rate at 1 when more items entered the next stage in the window', () => {
    const r = conversionRatesFromHistory(sc('r3', '2026-01', 30, 33, 3), org, { ...window, nodeId: 'r3', minSample: 1 });
    expect(r.ok && [r.value.rates[0].rate, r.value.rates[0].capped]).to.deep.equal([1, true]);
  });

  it('computes the average deal size from bookings / won, falling back below 10 deals', () => {
    // r1 has 2 won, team-a 7 → east: (70,000 + 50,000 + 400,000 + 240,000) / 11 = 69,090.9 → 69,091.
    const r = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', actuals });
    expect(r.ok && r.value.avgDealSize).to.deep.equal({ value: 69_091, bookings: 760_000, won: 11, source: 'east', fellBack: true, lowSample: false });
    // With minDeals 1: r1's own 120,000 / 2 = 60,000.
    const own = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', actuals, minDeals: 1 });
    expect(own.ok && own.value.avgDealSize?.value).to.equal(60_000);
  });

  it('takes a window of dates as the months it touches for counts, and by date for bookings', () => {
    // 2026-01-15 … 2026-02-10: counts of January and February (r1 20 leads); bookings only b1 (20 Jan; b2 on 11 Feb is out) → 70,000.
    const r = conversionRatesFromHistory(counts, org, { ...window, from: '2026-01-15', to: '2026-02-10', nodeId: 'r1', actuals, minDeals: 1 });
    expect(r.ok && r.value.counts).to.deep.equal({ lead: 20, demo: 6, won: 2 });
    expect(r.ok && r.value.avgDealSize?.bookings).to.equal(70_000);
  });

  it('feeds invertFunnel directly', () => {
    const h = conversionRatesFromHistory(counts, org, { ...window, nodeId: 'team-a', actuals, minDeals: 1 });
    expect(h.ok).to.equal(true);
    if (!h.ok) return;
    // team-a: deal size 520,000 / 7 = 74,285.7 → 74,286; rates 0.25 (own) and 11/35 (east).
    // Target 1,000,000: won ceil(13.46) = 14; demo ceil(14 × 35 / 11 = 44.55) = 45; lead 45 / 0.25 = 180.
    const r = invertFunnel({ target: 1_000_000, avgDealSize: h.value.avgDealSize!.value!, stages: h.value.stages });
    expect(r.ok && r.value.counts).to.deep.equal({ lead: 180, demo: 45, won: 14 });
  });

  it('fails for an unknown node, too few stages, a bad window or threshold', () => {
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'nobody' }))).to.equal('funnel-node-unknown');
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', stages: ['lead'] }))).to.equal('funnel-stages-invalid');
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', from: '2026-13' }))).to.equal('funnel-window-invalid');
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', from: '2026-04', to: '2026-03' }))).to.equal('funnel-window-invalid');
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', minSample: 0 }))).to.equal('funnel-min-sample-invalid');
    expect(code(conversionRatesFromHistory(counts, org, { ...window, nodeId: 'r1', minDeals: 2.5 }))).to.equal('funnel-min-sample-invalid');
  });
});

describe('funnelCoverage', () => {
  const opp = (id: string, stageId: string, amount: number, probability: number, expectedClose = '2026-06-15'): Opportunity => ({
    id, repId: 'r1', stageId, amount, probability, expectedClose,
  });
  const pipeline = [
    opp('o1', 'demo', 60_000, 0.2),
    opp('o2', 'demo', 40_000, 0.2),
    opp('o3', 'quote', 50_000, 0.4),
    opp('o4', 'quote', 80_000, 0.5),
    opp('o5', 'quote', 30_000, 0.4, '2026-07-15'),
    opp('o6', 'negotiation', 10_000, 0.6),
  ];
  const stages = ['lead', 'demo', 'quote', 'won'];
  const required = { lead: 10, demo: 4, quote: 2, won: 1 };

  it('compares open opportunities per stage with the requirement', () => {
    // Closing by June: demo 2 of 4 (0.5, gap 2), quote 2 of 2 (1, gap 0); o5 closes in July, o6 is at an unknown stage.
    // Weighted: 12,000 + 8,000 + 20,000 + 40,000 = 80,000 against 200,000 still to win → 0.4, gap 120,000.
    const r = funnelCoverage(required, pipeline, { stages, remainingTarget: 200_000, closeBy: '2026-06-30' });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.stages).to.deep.equal([
      { id: 'lead', open: 0, required: 10, coverage: 0, gap: 10 },
      { id: 'demo', open: 2, required: 4, coverage: 0.5, gap: 2 },
      { id: 'quote', open: 2, required: 2, coverage: 1, gap: 0 },
      { id: 'won', open: 0, required: 1, coverage: 0, gap: 1 },
    ]);
    expect([r.value.openValue, r.value.weightedValue, r.value.weightedCoverage, r.value.revenueGap, r.value.unmatched]).to.deep.equal([
      230_000, 80_000, 0.4, 120_000, 1,
    ]);
  });

  it('counts every close date without closeBy; null ratios where nothing is required', () => {
    // quote 3 of 2 → 1.5, no gap; weighted 80,000 + 12,000 = 92,000.
    const r = funnelCoverage({ demo: 4, quote: 2 }, pipeline, { stages });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    expect(r.value.stages.map((s) => [s.id, s.coverage, s.gap])).to.deep.equal([['lead', null, 0], ['demo', 0.5, 2], ['quote', 1.5, 0], ['won', null, 0]]);
    expect([r.value.weightedValue, r.value.remainingTarget, r.value.weightedCoverage, r.value.revenueGap]).to.deep.equal([92_000, null, null, null]);
    const done = funnelCoverage({}, pipeline, { stages, remainingTarget: 0 });
    expect(done.ok && [done.value.weightedCoverage, done.value.revenueGap]).to.deep.equal([null, 0]);
  });

  it('fails for bad required counts, target or stages', () => {
    expect(code(funnelCoverage({ demo: -1 }, pipeline, { stages }))).to.equal('funnel-count-invalid');
    expect(code(funnelCoverage({}, pipeline, { stages, remainingTarget: 1.5 }))).to.equal('funnel-target-invalid');
    expect(code(funnelCoverage({}, pipeline, { stages: [] }))).to.equal('funnel-stages-invalid');
  });
});

describe('diagnoseFunnel', () => {
  const stages = ['lead', 'demo', 'quote', 'won'];
  // Plan: 400 leads × 20% → 80 demos × 50% → 40 quotes × 40% → 16 won.
  const plan = { counts: { lead: 400, demo: 80, quote: 40, won: 16 } };
  const say = (m: { code: string; params: Record<string, string | number> }) => [funnelMessages.en[m.code](m.params), funnelMessages['zh-CN'][m.code](m.params)];

  it('names the middle when leads are above plan but demo→quote fell (the seed example)', () => {
    // Ratios: leads 480/400 = 1.2, lead→demo 0.2/0.2 = 1, demo→quote 0.3/0.5 = 0.6, quote→won 0.4/0.4 = 1.
    const r = diagnoseFunnel(plan, { counts: { lead: 480, demo: 96, quote: 29, won: 12 }, rates: { lead: 0.2, demo: 0.3, quote: 0.4 } }, { stages });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const f = r.value.finding!;
    expect([f.stageId, f.nextStageId, f.kind, f.planRate, f.actualRate]).to.deep.equal(['demo', 'quote', 'middle', 0.5, 0.3]);
    expect(f.leadsVsPlan).to.be.closeTo(0.2, 1e-12);
    expect(f.rateVsPlan).to.be.closeTo(-0.4, 1e-12);
    expect(r.value.message).to.deep.equal({ code: 'funnel-diagnosis-middle', params: { leadsDelta: 20, from: 'demo', to: 'quote', planRate: 50, actualRate: 30 } });
    expect(say(r.value.message)).to.deep.equal([
      'Leads 20% above plan but the demo→quote conversion fell from 50% to 30%: the problem is the middle of the funnel, not lead generation.',
      '线索比计划高 20%，但「demo→quote」的转化率从 50% 降至 30%：问题出在漏斗中段，而不是线索获取。',
    ]);
  });

  it('derives actual rates from counts when none are given', () => {
    // 29 / 96 = 0.30208 → ratio 0.604; 12 / 29 = 0.4138 → 1.034.
    const r = diagnoseFunnel(plan, { counts: { lead: 480, demo: 96, quote: 29, won: 12 } });
    expect(r.ok && r.value.finding!.kind).to.equal('middle');
    expect(r.ok && r.value.message.params.actualRate).to.equal(30.2);
    expect(r.ok && r.value.factors.map((x) => x.ratio && Math.round(x.ratio * 1000) / 1000)).to.deep.equal([1.2, 1, 0.604, 1.034]);
  });

  it('blames lead generation when leads fall furthest', () => {
    const r = diagnoseFunnel(plan, { counts: { lead: 300, demo: 60, quote: 30, won: 12 } }, { stages });
    expect(r.ok && r.value.finding).to.deep.equal({ stageId: 'lead', nextStageId: null, kind: 'top', leadsVsPlan: -0.25, rateVsPlan: null, planRate: null, actualRate: null });
    expect(r.ok && say(r.value.message)).to.deep.equal([
      'Leads are 25% below plan (300 vs 400), the largest shortfall of any stage: the problem is lead generation at the top of the funnel.',
      '线索比计划低 25%（实际 300，计划 400），是各环节中最大的缺口：问题出在漏斗顶部的线索获取。',
    ]);
  });

  it('names the top for the first conversion and the bottom for the last', () => {
    // lead→demo 60/400 = 15% vs 20%: ratio 0.75, the rest on plan.
    const top = diagnoseFunnel(plan, { counts: { lead: 400, demo: 60, quote: 30, won: 12 } }, { stages });
    expect(top.ok && [top.value.finding!.kind, top.value.finding!.stageId, top.value.message.code]).to.deep.equal(['top', 'lead', 'funnel-diagnosis-top']);
    // quote→won 10/40 = 25% vs 40%: ratio 0.625.
    const bottom = diagnoseFunnel(plan, { counts: { lead: 400, demo: 80, quote: 40, won: 10 } }, { stages });
    expect(bottom.ok && bottom.value.finding!.kind).to.equal('bottom');
    expect(bottom.ok && say(bottom.value.message)).to.deep.equal([
      'Leads on plan but the quote→won conversion fell from 40% to 25%: the problem is closing, at the bottom of the funnel.',
      '线索与计划持平，但「quote→won」的转化率从 40% 降至 25%：问题出在漏斗底部的成交环节。',
    ]);
  });

  it('reports leads below plan together with a worse conversion', () => {
    // Leads 360 (−10%), quote→won 25% (ratio 0.625 < 0.9).
    const r = diagnoseFunnel(plan, { counts: { lead: 360, demo: 72, quote: 36, won: 9 } }, { stages });
    expect(r.ok && funnelMessages.en[r.value.message.code](r.value.message.params)).to.equal(
      'Leads 10% below plan and the quote→won conversion fell from 40% to 25%: the problem is closing, at the bottom of the funnel.',
    );
  });

  it('finds nothing when every factor is at or above plan; ties go to the earlier stage', () => {
    const onPlan = diagnoseFunnel(plan, plan, { stages });
    expect(onPlan.ok && [onPlan.value.finding, onPlan.value.message.code]).to.deep.equal([null, 'funnel-diagnosis-on-plan']);
    // lead→demo 0.1/0.2 and demo→quote 0.25/0.5 both 0.5 → the earlier, lead→demo.
    const tie = diagnoseFunnel(plan, { counts: plan.counts, rates: { lead: 0.1, demo: 0.25, quote: 0.4 } }, { stages });
    expect(tie.ok && tie.value.finding!.stageId).to.equal('lead');
  });

  it('skips a conversion it cannot measure (no actual entries)', () => {
    // No demos: lead→demo is 0 (ratio 0, the finding); demo→quote has no entries, so no ratio.
    const r = diagnoseFunnel(plan, { counts: { lead: 400, demo: 0, quote: 0, won: 0 } }, { stages });
    expect(r.ok && r.value.factors.map((x) => x.ratio)).to.deep.equal([1, 0, null, null]);
    expect(r.ok && r.value.finding!.stageId).to.equal('lead');
  });

  it('fails for an unusable plan or actual rate', () => {
    expect(code(diagnoseFunnel({ counts: { lead: 100, demo: 0, won: 0 } }, plan))).to.equal('funnel-rate-zero');
    expect(code(diagnoseFunnel({ counts: { lead: 0, demo: 0, won: 0 } }, plan))).to.equal('funnel-rate-missing');
    expect(code(diagnoseFunnel(plan, { counts: plan.counts, rates: { lead: NaN } }, { stages }))).to.equal('funnel-rate-missing');
    expect(code(diagnoseFunnel(plan, { counts: plan.counts, rates: { demo: -0.5 } }, { stages }))).to.equal('funnel-rate-negative');
    expect(code(diagnoseFunnel(plan, { counts: { lead: 1.5 } }, { stages }))).to.equal('funnel-count-invalid');
    expect(code(diagnoseFunnel({ counts: { lead: 10 } }, plan))).to.equal('funnel-stages-invalid');
  });
});

describe('diagnoseFunnel with the deal size (issue 13)', () => {
  it('names the deal size when it falls furthest, and the funnel factor when that falls further', () => {
    // Plan 400 → 80 → 40 → 16 at ¥50,000; actual on plan in counts (leads 420 = +5%) but ¥40,000 a deal (−20%).
    const plan = { counts: { lead: 400, demo: 80, quote: 40, won: 16 }, rates: { lead: 0.2, demo: 0.5, quote: 0.4 } };
    const stages = ['lead', 'demo', 'quote', 'won'];
    const r = diagnoseFunnel(plan, { counts: { lead: 420, demo: 84, quote: 42, won: 16 } }, { stages, dealSize: { plan: 5_000_000, actual: 4_000_000 } });
    if (!r.ok) throw new Error(r.error.message);
    // Ratios: leads 1.05, lead→demo 1, demo→quote 1, quote→won (16/42)/0.4 = 0.952, deal size 0.8.
    expect(r.value.finding?.kind).to.equal('deal-size');
    expect(r.value.message).to.deep.equal({ code: 'funnel-diagnosis-deal-size', params: { leadsDelta: 5, plan: 5_000_000, actual: 4_000_000, delta: -20 } });
    // At ¥49,000 (ratio 0.98) closing (0.952) is worse: the last conversion is named, as without a deal size.
    const closing = diagnoseFunnel(plan, { counts: { lead: 420, demo: 84, quote: 42, won: 16 } }, { stages, dealSize: { plan: 5_000_000, actual: 4_900_000 } });
    expect(closing.ok && closing.value.message.code).to.equal('funnel-diagnosis-bottom');
    expect(measuredDealSize(40_000_000, 8)).to.equal(5_000_000);
    expect(measuredDealSize(100, 3)).to.equal(33);
    expect(measuredDealSize(100, 0)).to.equal(null);
  });
});
