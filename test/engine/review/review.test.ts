import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Opportunity } from '../../../src/engine/plan/model.js';
import { attributeRevenue, logMean, reviewPeriod, roundToTotal, shapleyEffects, slippedDeals, type ReviewInput } from '../../../src/engine/review/review.js';
import { reviewFromSnapshot } from '../../../src/engine/review/source.js';
import { reviewToCsv } from '../../../src/engine/review/csv.js';
import { csvField, csvText } from '../../../src/engine/plan/csv.js';
import { layoutWaterfall } from '../../../src/components/review-board/review-board.layout.js';
import { estimateTextWidth } from '../../../src/engine/geometry/label.js';
import { reviewMessages } from '../../../src/i18n/both-languages.js';
import { funnelMessages } from '../../../src/i18n/both-languages.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const STAGES = ['lead', 'demo', 'quote', 'won'];
// The seed's plan: ¥1,000,000 at 20% / 50% / 40% and ¥50,000 a deal → 500 leads, 100 demos, 50 quotes, 20 won.
const SEED_PLAN = { revenue: 100_000_000, rates: [0.2, 0.5, 0.4], avgDealSize: 5_000_000 };
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const text = (locale: 'en' | 'zh-CN', m: { code: string; params: Record<string, string | number> }) =>
  ({ ...funnelMessages[locale], ...reviewMessages[locale] })[m.code]!({ ...m.params, currency: 'CNY' });

describe('logMean and roundToTotal', () => {
  it('L(a, b) is the logarithmic mean, L(a, a) = a, and stays exact for nearly equal values', () => {
    expect(logMean(5, 5)).to.equal(5);
    // (e² − e) / (2 − 1) = 4.67077…
    expect(logMean(Math.E ** 2, Math.E)).to.be.closeTo(Math.E ** 2 - Math.E, 1e-12);
    expect(logMean(1_000_000_001, 1_000_000_000)).to.be.closeTo(1_000_000_000.5, 1e-3);
  });

  it('rounds to integers that add up to the total, largest remainders first', () => {
    expect(roundToTotal([-1_000.4, 600.3, 200.1], -200)).to.deep.equal([-1000, 600, 200]);
    // floors 0, 0, 0; two units left → the .5 and the .4 (earlier index wins the tie at .3 vs .3: none here)
    expect(roundToTotal([0.5, 0.4, 0.1], 1)).to.deep.equal([1, 0, 0]);
    expect(roundToTotal([0.3, 0.3, 0.4], 1)).to.deep.equal([0, 0, 1]);
    expect(roundToTotal([0.5, 0.5], 1)).to.deep.equal([1, 0]);
  });

  it('Shapley splits a product change exactly, zeros included', () => {
    // V = a × b: 10 × 4 → 5 × 0. a: ½[(5·4 − 10·4) + (5·0 − 10·0)] = −10; b: ½[(10·0 − 10·4) + (5·0 − 5·4)] = −30.
    expect(shapleyEffects([10, 4], [5, 0])).to.deep.equal([-10, -30]);
    // An unchanged factor (3) gets nothing and scales the others: 3 × (−10, −30).
    expect(shapleyEffects([10, 3, 4], [5, 3, 0])).to.deep.equal([-30, 0, -90]);
  });
});

describe('attributeRevenue', () => {
  it('splits the seed example exactly with LMDI: leads up 20%, quote→won down from 40% to 25%', () => {
    // Actual: 600 leads, 120 demos, 60 quotes, 15 won, ¥750,000 (¥50,000 a deal).
    // L(750,000, 1,000,000) = −250,000 / ln 0.75 = 869,014.87 (yuan)
    // leads: L × ln(600/500) = +158,440.14; quote→won: L × ln(0.25/0.4) = −408,440.14; others ln 1 = 0.
    // In 分: +15,844,014.47 and −40,844,014.47 → floors +15,844,014 and −40,844,015 (Σ −25,000,001);
    // the one unit left goes to the larger remainder (.53 of quote→won): −40,844,014.
    const a = attributeRevenue(STAGES, SEED_PLAN, { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 } });
    expect(a.method).to.equal('lmdi');
    expect(a.gap).to.equal(-25_000_000);
    expect(a.effects.map((e) => [e.kind, e.stageId, e.amount])).to.deep.equal([
      ['leads', 'lead', 15_844_014],
      ['rate', 'lead', 0],
      ['rate', 'demo', 0],
      ['rate', 'quote', -40_844_014],
      ['avgDealSize', null, 0],
    ]);
    expect(a.effects[0].plan).to.be.closeTo(500, 1e-9);
    expect(sum(a.effects.map((e) => e.amount))).to.equal(a.gap);
  });

  it('falls back to Shapley when a factor fell to zero, and unmeasured factors keep their plan value', () => {
    // Actual: 100 leads, 20 demos, 0 quotes: demo→quote fell to 0, quote→won (0/0) and deal size (no deal) are unmeasured.
    // V = leads × 0.2 × r × 0.4 × 5,000,000 = leads × r × 400,000; V₀ = 500 × 0.5 × 400,000 = 100,000,000.
    // leads: ½[(100 − 500)·0.5·400,000 + (100 − 500)·0·400,000] = −40,000,000
    // demo→quote: ½[500·(0 − 0.5)·400,000 + 100·(0 − 0.5)·400,000] = −60,000,000; Σ = −100,000,000 = the gap.
    const a = attributeRevenue(STAGES, SEED_PLAN, { revenue: 0, counts: { lead: 100, demo: 20, quote: 0, won: 0 } });
    expect(a.method).to.equal('shapley');
    expect(a.effects.map((e) => e.amount)).to.deep.equal([-40_000_000, 0, -60_000_000, 0, 0]);
    expect(a.effects.map((e) => e.measured)).to.deep.equal([true, true, true, false, false]);
    expect(sum(a.effects.map((e) => e.amount))).to.equal(-100_000_000);
  });

  it('puts the whole revenue of a period with no plan into one unplanned effect', () => {
    for (const revenue of [null, 0]) {
      const a = attributeRevenue(STAGES, { ...SEED_PLAN, revenue }, { revenue: 60_000_000, counts: { lead: 300, demo: 60, quote: 30, won: 12 } });
      expect(a.method).to.equal('unplanned');
      expect(a.gap).to.equal(60_000_000);
      expect(a.effects.map((e) => [e.kind, e.amount])).to.deep.equal([['unplanned', 60_000_000]]);
    }
  });

  it('gives no split for counts that cannot produce the revenue', () => {
    const a = attributeRevenue(STAGES, SEED_PLAN, { revenue: 10_000_000, counts: { lead: 50, demo: 10, quote: 4, won: 0 } });
    expect(a.method).to.equal('none');
    expect(a.reason).to.equal('review-counts-inconsistent');
    expect(attributeRevenue(STAGES, SEED_PLAN, { revenue: 0, counts: { lead: 0, demo: 3, quote: 0, won: 0 } }).method).to.equal('none');
  });

  it('effects always add up to the gap exactly (property)', () => {
    const rate = fc.double({ min: 0.01, max: 1, noNaN: true });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        fc.tuple(rate, rate, rate),
        fc.integer({ min: 1, max: 50_000_000 }),
        fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.integer({ min: 0, max: 50_000_000 }),
        (target, rates, deal, [leads, a, b, c], dealActual) => {
          const demo = Math.floor(leads * a), quote = Math.floor(demo * b), won = Math.floor(quote * c);
          const revenue = won * dealActual;
          const r = attributeRevenue(STAGES, { revenue: target, rates, avgDealSize: deal }, { revenue, counts: { lead: leads, demo, quote, won } });
          expect(r.method).to.not.equal('none');
          expect(r.effects.every((e) => Number.isSafeInteger(e.amount))).to.equal(true);
          expect(sum(r.effects.map((e) => e.amount))).to.equal(revenue - target);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('reviewPeriod', () => {
  const seedActual = { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 }, collections: 60_000_000 };

  it('compares every KPI with the plan', () => {
    const r = reviewPeriod({ stages: STAGES, plan: { ...SEED_PLAN, collections: 80_000_000, salesCycleDays: 36, clv: 15_000_000 }, actual: { ...seedActual, salesCycleDays: 41, clv: 12_000_000 } });
    expect(r.ok).to.equal(true);
    if (!r.ok) return;
    const row = (id: string, stageId: string | null = null) => r.value.kpis.find((k) => k.id === id && (stageId === null || k.stageId === stageId))!;
    expect([row('revenue').plan, row('revenue').actual, row('revenue').variance, row('revenue').varianceRatio]).to.deep.equal([100_000_000, 75_000_000, -25_000_000, -0.25]);
    expect([row('leads').plan, row('leads').actual, row('leads').favorable]).to.deep.equal([500, 600, true]);
    expect([row('rate', 'quote').plan, row('rate', 'quote').actual]).to.deep.equal([0.4, 0.25]);
    expect([row('won').plan, row('won').actual]).to.deep.equal([20, 15]);
    expect([row('avgDealSize').plan, row('avgDealSize').actual, row('avgDealSize').variance]).to.deep.equal([5_000_000, 5_000_000, 0]);
    // A longer cycle is bad news.
    expect([row('salesCycle').variance, row('salesCycle').favorable]).to.deep.equal([5, false]);
    expect([row('collections').variance, row('collectionRate').plan, row('collectionRate').actual]).to.deep.equal([-20_000_000, 0.8, 0.8]);
    // CLV ¥120,000 against ¥150,000: −¥30,000, 12,000,000 / 15,000,000 − 1 = −20%, worse than plan.
    const clv = row('clv');
    expect([clv.unit, clv.plan, clv.actual, clv.variance, clv.favorable]).to.deep.equal(['money', 15_000_000, 12_000_000, -3_000_000, false]);
    expect(clv.varianceRatio).to.be.closeTo(-0.2, 1e-12);
    expect(r.value.kpis.at(-1)!.id).to.equal('clv');
  });

  it('keeps the CLV row empty when the host gives no CLV', () => {
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: { ...seedActual, clv: 12_000_000 } });
    if (!r.ok) throw new Error(r.error.message);
    const clv = r.value.kpis.find((k) => k.id === 'clv')!;
    expect([clv.plan, clv.actual, clv.variance, clv.varianceRatio, clv.favorable]).to.deep.equal([null, 12_000_000, null, null, null]);
    const none = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: seedActual });
    expect(none.ok && none.value.kpis.find((k) => k.id === 'clv')!.actual).to.equal(null);
  });

  it('diagnoses, ranks findings by money and recommends the next cycle', () => {
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: seedActual });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    expect(v.diagnosis).to.deep.equal({ code: 'funnel-diagnosis-bottom', params: { leadsDelta: 20, from: 'quote', to: 'won', planRate: 40, actualRate: 25 } });
    expect(text('en', v.diagnosis)).to.equal('Leads 20% above plan but the quote→won conversion fell from 40% to 25%: the problem is closing, at the bottom of the funnel.');
    expect(text('zh-CN', v.diagnosis)).to.equal('线索比计划高 20%，但「quote→won」的转化率从 40% 降至 25%：问题出在漏斗底部的成交环节。');
    expect(v.findings.map((f) => [f.code, f.amount])).to.deep.equal([
      ['review-effect-rate', -40_844_014],
      ['review-effect-leads', 15_844_014],
    ]);
    expect(text('en', v.findings[0])).to.equal('quote→won converted 25% against 40% planned: cost CN¥408K.');
    expect(text('zh-CN', v.findings[0])).to.equal('「quote→won」转化率 25%，计划 40%：损失 ¥40.8万。');
    expect(text('en', v.findings[1])).to.equal('Leads were 600 against 500 planned (+20%): worth CN¥158K of revenue.');
    expect(text('zh-CN', v.findings[1])).to.equal('线索 600 条，计划 500 条（+20%）：带来收入 ¥15.8万。');

    // quote→won: (15 + 30 × 0.4) / (60 + 30) = 27 / 90 = 30%; the other rates stay (126/630 = 20%, 75/150 = 50%).
    // Deal size: (75,000,000 + 10 × 5,000,000) / (15 + 10) = 5,000,000. Next target: ½ × 1,000,000 + ½ × 750,000 = ¥875,000;
    // it needs ceil(875,000 / 50,000) = 18 won → ceil(18 / 0.3) = 60 quotes → 120 demos → 600 leads.
    const rec = v.recommendation;
    expect(rec.rates.map((x) => x.updated)).to.deep.equal([0.2, 0.5, 0.3]);
    expect(rec.avgDealSize.updated).to.equal(5_000_000);
    expect(rec.nextTarget).to.equal(87_500_000);
    expect(rec.required).to.deep.equal({ lead: 600, demo: 120, quote: 60, won: 18 });
    expect(rec.messages.map((m) => m.code)).to.deep.equal(['review-rec-rate', 'review-rec-target']);
    expect(text('en', rec.messages[0])).to.equal('Plan quote→won at 30% next cycle instead of 40% (the plan blended with 60 observed).');
    expect(text('en', rec.messages[1])).to.equal('Proposed next target: CN¥875K, a blend of the plan (CN¥1M) and the actual (CN¥750K); at the updated rates it needs 600 leads and 18 won deals.');
    expect(text('zh-CN', rec.messages[1])).to.equal('建议下期目标 ¥87.5万，综合计划 ¥100万 与实际 ¥75万；按更新后的转化率，需要 600 条线索、18 笔赢单。');
  });

  it('blends the plan, the actual with growth and the market view into the next target', () => {
    // Views: plan ¥1,000,000; actual ¥750,000 × 1.1 = ¥825,000; market ¥5,000,000 × 12% = ¥600,000.
    // Default weights 0.4 / 0.4 / 0.2: 400,000 + 330,000 + 120,000 = ¥850,000.
    // Funnel at the updated rates (20% / 50% / 30%, ¥50,000): 17 won → ceil(17 / 0.3) = 57 quotes → 114 demos → 570 leads.
    const market = { size: 500_000_000, share: 0.12 };
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: seedActual, market }, { nextTarget: { growth: 0.1 } });
    if (!r.ok) throw new Error(r.error.message);
    const rec = r.value.recommendation;
    expect(rec.views).to.deep.equal({ plan: 100_000_000, actual: 82_500_000, market: 60_000_000 });
    expect(rec.nextTarget).to.equal(85_000_000);
    expect(rec.required).to.deep.equal({ lead: 570, demo: 114, quote: 57, won: 17 });
    const msg = rec.messages.at(-1)!;
    expect(text('en', msg)).to.equal(
      'Proposed next target: CN¥850K, a blend of the plan (CN¥1M), the actual (CN¥750K, +10% → CN¥825K) and the market view (CN¥5M × 12% = CN¥600K); at the updated rates it needs 570 leads and 17 won deals.',
    );
    expect(text('zh-CN', msg)).to.equal('建议下期目标 ¥85万，综合计划 ¥100万、实际 ¥75万（+10%，即 ¥82.5万）与市场视角 ¥500万 × 12% = ¥60万；按更新后的转化率，需要 570 条线索、17 笔赢单。');

    // Equal weights and an odd sum: (100,000,000 + 75,000,001 + 60,000,000) / 3 = 78,333,333.67 → 78,333,334 分.
    const odd = reviewPeriod(
      { stages: STAGES, plan: SEED_PLAN, actual: { ...seedActual, revenue: 75_000_001 }, market },
      { nextTarget: { planWeight: 1, actualWeight: 1, marketWeight: 1 } },
    );
    expect(odd.ok && odd.value.recommendation.nextTarget).to.equal(78_333_334);
    // Halves round up: (100,000,000 + 75,000,001) / 2 = 87,500,000.5 → 87,500,001 (market weighted 0).
    const half = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: { ...seedActual, revenue: 75_000_001 }, market }, { nextTarget: { marketWeight: 0 } });
    expect(half.ok && half.value.recommendation.nextTarget).to.equal(87_500_001);
    // No plan: the actual (0.4) and the market (0.2) share it: (0.4 × 600,000 + 0.2 × 600,000) / 0.6 = ¥600,000 …
    const noPlan = reviewPeriod({ stages: STAGES, plan: { ...SEED_PLAN, revenue: null }, actual: { revenue: 60_000_000, counts: { lead: 300, demo: 60, quote: 30, won: 12 } }, market: { size: 400_000_000, share: 0.15 } });
    expect(noPlan.ok && [noPlan.value.recommendation.views, noPlan.value.recommendation.nextTarget]).to.deep.equal([{ plan: null, actual: 60_000_000, market: 60_000_000 }, 60_000_000]);
    // … and nothing at all (no plan, nothing booked, no market) proposes no target.
    const nothing = reviewPeriod({ stages: STAGES, plan: { ...SEED_PLAN, revenue: null }, actual: { revenue: 0, counts: {} } });
    expect(nothing.ok && nothing.value.recommendation.nextTarget).to.equal(null);
  });

  it('names a mid-funnel problem when leads are up but demo→quote fell', () => {
    // The funnel diagnosis example: 480 leads (+20%), 96 demos, 29 quotes (30.2%), 12 won at ¥50,000.
    const r = reviewPeriod({ stages: STAGES, plan: { revenue: 80_000_000, rates: [0.2, 0.5, 0.4], avgDealSize: 5_000_000 }, actual: { revenue: 60_000_000, counts: { lead: 480, demo: 96, quote: 29, won: 12 } } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.diagnosis.code).to.equal('funnel-diagnosis-middle');
    expect(text('en', r.value.diagnosis)).to.equal('Leads 20% above plan but the demo→quote conversion fell from 50% to 30.2%: the problem is the middle of the funnel, not lead generation.');
    expect(r.value.findings[0].code).to.equal('review-effect-rate');
    expect(r.value.findings[0].params.from).to.equal('demo');
    expect(sum(r.value.attribution.effects.map((e) => e.amount))).to.equal(-20_000_000);
  });

  it('names the deal size when it is the largest shortfall', () => {
    // Funnel on plan (500 / 100 / 50 / 20) but ¥800,000: ¥40,000 a deal. All of −¥200,000 is deal size.
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: { revenue: 80_000_000, counts: { lead: 500, demo: 100, quote: 50, won: 20 } } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.attribution.effects.map((e) => e.amount)).to.deep.equal([0, 0, 0, 0, -20_000_000]);
    expect(r.value.diagnosis).to.deep.equal({ code: 'review-diagnosis-deal-size', params: { plan: 5_000_000, actual: 4_000_000, delta: -20 } });
    expect(text('zh-CN', r.value.diagnosis)).to.equal('客单价从 ¥5万 降至 ¥4万（−20%），是所有因素中差距最大的：问题在客单价，而不在漏斗。');
  });

  it('reviews a period with no plan', () => {
    // 300 leads, 60 demos, 30 quotes, 12 won, ¥600,000. With the seed's assumptions as prior:
    // (60 + 6) / 330 = 20%, (30 + 15) / 90 = 50%, (12 + 12) / 60 = 40%; deal (60M + 50M) / 22 = ¥50,000.
    const r = reviewPeriod({ stages: STAGES, plan: { ...SEED_PLAN, revenue: null }, actual: { revenue: 60_000_000, counts: { lead: 300, demo: 60, quote: 30, won: 12 } } });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.diagnosis.code).to.equal('review-diagnosis-no-plan');
    expect(r.value.findings.map((f) => [f.code, f.amount])).to.deep.equal([['review-no-plan', 60_000_000]]);
    expect(text('en', r.value.findings[0])).to.equal('CN¥600K was booked without a target for the period.');
    expect(r.value.kpis[0].plan).to.equal(null);
    expect(r.value.kpis[0].variance).to.equal(null);
    expect(r.value.recommendation.nextTarget).to.equal(60_000_000);
    expect(r.value.recommendation.required).to.deep.equal({ lead: 300, demo: 60, quote: 30, won: 12 });
    expect(text('zh-CN', r.value.recommendation.messages.at(-1)!)).to.equal('建议下期目标 ¥60万，综合本期实际 ¥60万；按更新后的转化率，需要 300 条线索、12 笔赢单。');
  });

  it('reports the timing effect of deals that slipped past the period end', () => {
    const opp = (id: string, expectedClose: string, amount: number, probability: number): Opportunity => ({ id, repId: 'r', amount, stageId: 'quote', expectedClose, probability });
    const pipeline = [opp('a', '2026-03-20', 3_000_000, 0.5), opp('b', '2026-03-31', 1_000_000, 0.2), opp('c', '2026-04-02', 9_000_000, 0.5)];
    const slipped = slippedDeals(pipeline, { start: '2026-01-01', end: '2026-03-31', asOf: '2026-04-10' });
    expect(slipped.map((o) => o.id)).to.deep.equal(['a', 'b']);
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: seedActual, slipped });
    if (!r.ok) throw new Error(r.error.message);
    // ¥30,000 + ¥10,000 = ¥40,000; weighted 15,000 + 2,000 = ¥17,000.
    expect(r.value.timing).to.deep.equal({ count: 2, amount: 4_000_000, weighted: 1_700_000, ids: ['a', 'b'] });
    const f = r.value.findings.find((x) => x.code === 'review-timing')!;
    expect(f.amount).to.equal(-4_000_000);
    expect(text('en', f)).to.equal('2 deals worth CN¥40K (CN¥17K weighted) expected to close in the period are still open: that part of the gap is timing and may land next period.');
    expect(text('zh-CN', f)).to.equal('有 2 个预计在本期成交的商机仍未关闭，金额 ¥4万（加权 ¥1.7万）：这部分差距属于时间延后，可能在下期落地。');
  });

  it('fails with a code on bad input', () => {
    const base: ReviewInput = { stages: STAGES, plan: SEED_PLAN, actual: seedActual };
    const code = (input: ReviewInput, o = {}) => {
      const r = reviewPeriod(input, o);
      return r.ok ? 'ok' : [r.error.code, r.error.params?.field ?? r.error.params?.stage ?? r.error.params?.option];
    };
    expect(code({ ...base, actual: { ...seedActual, revenue: 1.5 } })).to.deep.equal(['review-amount-invalid', 'actual.revenue']);
    expect(code({ ...base, actual: { ...seedActual, counts: { lead: -1 } } })).to.deep.equal(['review-count-invalid', 'lead']);
    expect(code({ ...base, plan: { ...SEED_PLAN, rates: [0.2, null, 0.4] } })).to.deep.equal(['review-plan-incomplete', 'demo']);
    expect(code({ ...base, plan: { ...SEED_PLAN, rates: [0.2, 1.5, 0.4] } })).to.deep.equal(['review-plan-incomplete', 'demo']);
    expect(code({ ...base, plan: { ...SEED_PLAN, avgDealSize: null } })).to.deep.equal(['review-plan-incomplete', 'avgDealSize']);
    expect(code(base, { priorWeight: -1 })).to.deep.equal(['review-option-invalid', 'priorWeight']);
    expect(code(base, { nextTarget: { marketWeight: -1 } })).to.deep.equal(['review-option-invalid', 'marketWeight']);
    expect(code(base, { nextTarget: { planWeight: 0, actualWeight: 0, marketWeight: 0 } })).to.deep.equal(['review-option-invalid', 'nextTarget']);
    expect(code({ ...base, plan: { ...SEED_PLAN, clv: 1.5 } })).to.deep.equal(['review-amount-invalid', 'plan.clv']);
    const badMarket = reviewPeriod({ ...base, market: { size: 500_000_000, share: 1.5 } });
    expect(badMarket.ok ? 'ok' : [badMarket.error.code, badMarket.error.params]).to.deep.equal(['review-market-invalid', { size: '500000000', share: '1.5' }]);
    expect(text('en', { code: 'review-market-invalid', params: { size: '500000000', share: '1.5' } })).to.equal(
      'The market view needs a size of 0 or more in whole minor units and a target share between 0 and 1 (got size 500000000, share 1.5).',
    );
    expect(text('zh-CN', { code: 'review-market-invalid', params: { size: '500000000', share: '1.5' } })).to.equal(
      '市场视角需要大于或等于 0 的整数市场规模（最小货币单位）和 0 到 1 之间的目标份额（当前规模 500000000，份额 1.5）。',
    );
    expect(code({ ...base, stages: ['lead'] })).to.deep.equal(['funnel-stages-invalid', undefined]);
    expect(text('en', { code: 'review-plan-incomplete', params: { field: 'demo' } })).to.equal(
      'The plan has a target but no conversion rate for "demo": give the funnel assumptions, or load history to learn them from.',
    );
    expect(text('zh-CN', { code: 'review-plan-incomplete', params: { field: 'avgDealSize' } })).to.equal('计划有目标，但缺少客单价：请填写漏斗假设，或加载历史数据以便推算。');
  });
});

describe('reviewFromSnapshot', () => {
  const source = (asOf: string) => {
    const { plan, actuals } = smallFixture();
    return { plan: plan.plan, org: plan.org, stages: plan.stages, targets: plan.targets, actuals, asOf };
  };

  it('reviews a closed quarter of one rep from plan data', () => {
    // r1, FY2026-Q1: target ¥500,000 at 25% / 50% / 40% and ¥50,000 → 200 leads, 50 demos, 25 quotes, 10 won.
    // Actual: 40 / 10 / 5 / 2, bookings ¥120,000 + ¥45,000 = ¥165,000 (¥82,500 a deal); all rates on plan.
    // L(165,000, 500,000) = 302,165.86; leads L × ln 0.2 = −486,317.20, deal size L × ln 1.65 = +151,317.20 (yuan).
    // In 分 −48,631,719.76 and +15,131,719.76: floors Σ −33,500,001, the unit goes to the deal size (.76 > .24).
    const r = reviewFromSnapshot(source('2026-04-15'), { nodeId: 'r1', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!r.ok) throw new Error(r.error.message);
    const v = r.value;
    expect([v.nodeName, v.start, v.end, v.partial]).to.deep.equal(['王芳', '2026-01-01', '2026-03-31', null]);
    expect(v.attribution.effects.map((e) => e.amount)).to.deep.equal([-48_631_720, 0, 0, 0, 15_131_720]);
    expect(v.attribution.gap).to.equal(-33_500_000);
    expect(v.kpis.find((k) => k.id === 'leads')!.plan).to.equal(200);
    expect(v.kpis.find((k) => k.id === 'salesCycle')!.plan).to.equal(31); // 7 + 14 + 10 days
    expect(v.kpis.find((k) => k.id === 'collections')!.actual).to.equal(6_000_000);
    // o1 (¥150,000, 60%) was expected on 2026-02-20 and is still open.
    expect(v.timing).to.deep.equal({ count: 1, amount: 15_000_000, weighted: 9_000_000, ids: ['o1'] });
    expect(v.diagnosis.code).to.equal('funnel-diagnosis-leads');
    expect(v.assumptions.source).to.equal('given');
    // Updated deal size (16,500,000 + 10 × 5,000,000) / 12 = 5,541,666.67 → 5,541,667; rates stay on plan.
    // Next target, no market: (0.4 × 50,000,000 + 0.4 × 16,500,000) / 0.8 = 33,250,000 分.
    expect([v.recommendation.avgDealSize.updated, v.recommendation.nextTarget]).to.deep.equal([5_541_667, 33_250_000]);
  });

  it("passes the host's CLV and market view through", () => {
    // Market ¥1,000,000 × 20% = ¥200,000: 0.4 × 500,000 + 0.4 × 165,000 + 0.2 × 200,000 = ¥306,000.
    const r = reviewFromSnapshot(source('2026-04-15'), {
      nodeId: 'r1', period: 'FY2026-Q1', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000,
      clv: { plan: 20_000_000, actual: 25_000_000 }, market: { size: 100_000_000, share: 0.2 },
    });
    if (!r.ok) throw new Error(r.error.message);
    const clv = r.value.kpis.find((k) => k.id === 'clv')!;
    expect([clv.plan, clv.actual, clv.variance, clv.varianceRatio, clv.favorable]).to.deep.equal([20_000_000, 25_000_000, 5_000_000, 0.25, true]);
    expect(r.value.recommendation.views).to.deep.equal({ plan: 50_000_000, actual: 16_500_000, market: 20_000_000 });
    expect(r.value.recommendation.nextTarget).to.equal(30_600_000);
  });

  it('reviews a running period to date against the target pro rata', () => {
    // FY2026 has 261 working days (Mon–Fri); to 2026-04-15: 22 + 20 + 22 + 11 = 75.
    // ¥12,000,000 × 75 / 261 = ¥3,448,275.86 → 344,827,586 分.
    const r = reviewFromSnapshot(source('2026-04-15'), { nodeId: 'co', period: 'FY2026', rates: [0.25, 0.5, 0.4], avgDealSize: 5_000_000 });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.partial).to.deep.equal({ elapsed: 75, total: 261, target: 1_200_000_000 });
    expect(r.value.attribution.plan).to.equal(344_827_586);
    // Bookings to date: 120,000 + 45,000 + 80,000 + 200,000 + 30,000 = ¥475,000.
    expect(r.value.attribution.actual).to.equal(47_500_000);
  });

  it('learns the assumptions from history and fails clearly when there is none', () => {
    const r = reviewFromSnapshot(source('2026-04-15'), { nodeId: 'r1', period: 'FY2026-Q1' });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect([r.error.code, r.error.params?.field]).to.deep.equal(['review-plan-incomplete', 'lead']);
    // Q2 learns its assumptions from the twelve months before April (Q1's counts and bookings).
    const q2 = reviewFromSnapshot(source('2026-07-10'), { nodeId: 'co', period: 'FY2026-Q2' });
    expect(q2.ok).to.equal(true);
    if (q2.ok) {
      expect(q2.value.assumptions.source).to.equal('history');
      expect(q2.value.assumptions.window).to.deep.equal({ from: '2025-04', to: '2026-03' });
    }
    const bad = reviewFromSnapshot(source('2026-04-15'), { nodeId: 'nobody' });
    expect(bad.ok ? 'ok' : bad.error.code).to.equal('review-node-unknown');
  });
});

describe('review CSV and waterfall', () => {
  it('escapes formulas and quotes fields (RFC 4180)', () => {
    expect(csvField('=SUM(A1:A9)')).to.equal("'=SUM(A1:A9)");
    expect(csvField('+86 123')).to.equal("'+86 123");
    expect(csvField('@x')).to.equal("'@x");
    expect(csvField('-12.50')).to.equal('-12.50');
    expect(csvField('a "b", c')).to.equal('"a ""b"", c"');
    expect(csvField('=1,2')).to.equal(`"'=1,2"`);
    expect(csvText([['x', 1], [null, 'y\nz']])).to.equal('x,1\r\n,"y\nz"\r\n');
  });

  it('writes the review as CSV', () => {
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 } } });
    if (!r.ok) throw new Error(r.error.message);
    const csv = reviewToCsv(r.value, 'CNY', {
      headers: ['Section', 'Item', 'Plan', 'Actual', 'Variance', 'Variance %'],
      sections: { kpis: 'KPI', effects: 'Effect', findings: 'Finding' },
      kpi: (k) => (k.stageId ? `${k.id} ${k.stageId}` : k.id),
      effect: (e) => `${e.kind}${e.stageId ? ` ${e.stageId}` : ''}`,
      findings: ['=cmd|calc'],
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).to.equal('Section,Item,Plan,Actual,Variance,Variance %');
    expect(lines[1]).to.equal('KPI,revenue,1000000.00,750000.00,-250000.00,-0.2500');
    expect(lines).to.include('KPI,rate quote,0.4000,0.2500,-0.1500,-0.3750');
    expect(lines).to.include('Effect,leads lead,500,600,158440.14,');
    expect(lines).to.include('Effect,rate quote,0.4000,0.2500,-408440.14,');
    expect(lines).to.include("Finding,'=cmd|calc,,,,");
  });

  it('lays out the waterfall as rows from plan to actual, the axis zoomed to the bridge and broken', () => {
    const r = reviewPeriod({ stages: STAGES, plan: SEED_PLAN, actual: { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 } } });
    if (!r.ok) throw new Error(r.error.message);
    // Names in a 100 px column, 64 px for the values: the plot runs from x 100 to 700.
    const w = layoutWaterfall(r.value.attribution, { width: 764 }, { nameColumn: 100, valueRoom: 64 });
    expect(w.mode).to.equal('column');
    expect(w.bars.map((b) => b.kind)).to.deep.equal(['plan', 'effect', 'effect', 'effect', 'effect', 'effect', 'actual']);
    expect(w.bars.map((b) => [b.from, b.to])).to.deep.equal([
      [0, 100_000_000], [100_000_000, 115_844_014], [115_844_014, 115_844_014], [115_844_014, 115_844_014], [115_844_014, 75_000_000], [75_000_000, 75_000_000], [0, 75_000_000],
    ]);
    // Rows 30 px apart from y 4, bars 18 px high 6 px into their row: 4 + 7 × 30 = 214, the axis 22 below.
    expect(w.bars.map((b) => b.y)).to.deep.equal([10, 40, 70, 100, 130, 160, 190]);
    expect(w.bars.every((b) => b.height === 18)).to.equal(true);
    expect([w.axisY, w.height]).to.deep.equal([214, 236]);
    // Running totals 75,000,000 … 115,844,014 (spread 40,844,014) over 600 − 28 = 572 px; the floor is
    // 28 px left of 75,000,000: 75,000,000 − 28 × 40,844,014 / 572.
    const k = 572 / 40_844_014, floor = 75_000_000 - 28 / k;
    const xOf = (v: number) => 100 + (v - floor) * k;
    expect(w.axisBreak!.floor).to.be.closeTo(floor, 1e-6);
    expect(w.axisBreak!.x).to.equal(114);
    expect(w.baseline).to.equal(100);
    expect(w.bars[0].x).to.equal(100);
    expect(w.bars[0].width).to.be.closeTo(xOf(100_000_000) - 100, 1e-9);
    expect(w.bars[6].width).to.be.closeTo(28, 1e-9);
    expect(w.bars[2].width).to.equal(1);
    // The quote → won loss of 40,844,014 spans the bridge: 572 px, from x 128 to 700.
    expect(w.bars[4].x).to.be.closeTo(128, 1e-9);
    expect(w.bars[4].width).to.be.closeTo(572, 1e-9);
    expect(w.bars[4].valueX).to.be.closeTo(706, 1e-9);
    expect(w.connectors[4]).to.deep.equal({ x: xOf(75_000_000), y1: 148, y2: 160 });
    // Grid lines on round values right of the break, their labels apart.
    expect(w.ticks.map((t) => t.value)).to.deep.equal([80_000_000, 90_000_000, 100_000_000, 110_000_000]);
  });

  // Plan ¥1亿; effects ¥−99万, ¥+2.9万, ¥−45万, ¥−12万, ¥+8万 (fen); gap ¥−145.1万 = 1.45% of the plan.
  const ISSUE_AMOUNTS = [-99_000_000, 2_900_000, -45_000_000, -12_000_000, 8_000_000];
  const issueAttribution = () => {
    const plan = 100_000_000_00, gap = ISSUE_AMOUNTS.reduce((a, b) => a + b, 0);
    const effect = (amount: number, i: number) => ({ kind: i === 0 ? 'leads' : i === 4 ? 'avgDealSize' : 'rate', stageId: null, nextStageId: null, plan: null, actual: null, measured: true, amount, exact: amount }) as const;
    return { method: 'lmdi' as const, plan, actual: plan + gap, gap, effects: ISSUE_AMOUNTS.map(effect), reason: null };
  };

  it('gives each effect at least 3 px per percent of the gap on a ¥1亿 plan at 390 px, more at 1440 (issue 17)', () => {
    const attribution = issueAttribution();
    expect(attribution.gap).to.equal(-145_100_000);
    // Running totals 1亿 → 9,901万 → 9,903.9万 → 9,858.9万 → 9,846.9万 → 9,854.9万: spread 153.1万.
    const spread = 153_100_000;
    const check = (w: ReturnType<typeof layoutWaterfall>, plotWidth: number) => {
      // The bridge gets the plot less the 28 px break room; the gap is 145.1 / 153.1 of it.
      const pxPerPercent = ((plotWidth - 28) * 145_100_000) / spread / 100;
      w.bars.filter((b) => b.kind === 'effect').forEach((b, i) => {
        const percentOfGap = (100 * Math.abs(ISSUE_AMOUNTS[i])) / 145_100_000;
        expect(b.width, `effect ${i}: ${percentOfGap.toFixed(1)}% of the gap`).to.be.closeTo(percentOfGap * pxPerPercent, 1e-6);
      });
      // The plan bar ends the gap's width right of the actual bar's end.
      expect(w.bars[0].width - w.bars[6].width).to.be.closeTo(100 * pxPerPercent, 1e-6);
      return pxPerPercent;
    };
    // A 390 px element: 370 px inside its panel, names above the bars, the plot from x 2 to 368.
    const phone = check(layoutWaterfall(attribution, { width: 370 }), 366);
    expect(phone).to.be.closeTo((338 * 145.1) / 153.1 / 100, 1e-9);
    expect(phone).to.be.at.least(3); // 3.20 px (it was 1.38 on the vertical chart from 0 … zoomed, 182 px high)
    // A 1440 px element: 1420 px, names in a 160 px column, 70 px for the values: the plot is 1190 px.
    const wide = check(layoutWaterfall(attribution, { width: 1420 }, { nameColumn: 160, valueRoom: 70 }), 1190);
    expect(wide).to.be.closeTo(11.01, 0.005);
    // ¥2.9万 (2.0% of the gap) is 6.4 px on the phone and 22 px at 1440; from 0 it was 0.05 px.
    expect(layoutWaterfall(attribution, { width: 370 }).bars[2].width).to.be.closeTo((338 * 2_900_000) / spread, 1e-9);
  });

  it('starts the axis at 0 when the bridge fills most of it, and thins tick labels that would touch', () => {
    // Plan 100, actual 10 (a 90 loss): from 0 the bridge keeps 90% of the zoomed scale → no break.
    const effect = { kind: 'leads', stageId: null, nextStageId: null, plan: null, actual: null, measured: true, amount: -90, exact: -90 } as const;
    const w = layoutWaterfall({ method: 'lmdi', plan: 100, actual: 10, gap: -90, effects: [effect], reason: null }, { width: 370 });
    expect(w.axisBreak).to.equal(null);
    expect(w.baseline).to.equal(2);
    expect(w.bars[0].width).to.be.closeTo(366, 1e-9);
    // Wide labels: none closer than its width plus 8 px to the next.
    const text = (v: number) => `¥${(v / 1_000_000).toFixed(1)}万万万`;
    const t = layoutWaterfall(issueAttribution(), { width: 370 }, { tickText: text });
    expect(t.ticks.length).to.be.at.least(2);
    for (let i = 1; i < t.ticks.length; i++) {
      const room = (estimateTextWidth(text(t.ticks[i].value), 11) + estimateTextWidth(text(t.ticks[i - 1].value), 11)) / 2 + 8;
      expect(t.ticks[i].x - t.ticks[i - 1].x).to.be.at.least(room);
    }
    // Labels rounded to ¥1百万 (fen / 10⁸) over ¥9,8xx万 … ¥1亿 at 1420 px: 0.2百万 steps would read
    // "98, 99, 99, 99, 99, 99, 100"; one grid line per ¥1百万 instead: 99 and 100.
    const coarse = layoutWaterfall(issueAttribution(), { width: 1420 }, { nameColumn: 160, valueRoom: 70, tickText: (v) => String(Math.round(v / 100_000_000)) });
    expect(coarse.ticks.map((k) => k.value)).to.deep.equal([99_000_000_00, 100_000_000_00]);
  });
});
