/**
 * The worked examples of the Formulas guide (docs/guides/formulas.mdx), in one place: the page shows
 * these inputs and these figures, and test/docs/worked-examples.test.ts runs the same inputs through
 * the engine and asserts the engine gives exactly these figures. The figures are computed by hand
 * (the arithmetic is beside each one), never copied from the engine's output.
 *
 * Money is in integer minor units (分): ¥1 = 100.
 */
import type { AllocPart } from '../../src/engine/plan/allocate.js';
import type { CommissionPlan } from '../../src/engine/incentive/plan.js';
import type { FiscalCalendar, Opportunity } from '../../src/engine/plan/model.js';

const yuan = (n: number) => n * 100;

/** Allocation: 华东's ¥1,000,000; 上海一组 is locked at ¥300,000; the rest splits 2 : 5. */
export const allocation = {
  total: yuan(1_000_000),
  parts: [
    { id: 'east-sh', weight: 1, locked: true, value: yuan(300_000) },
    { id: 'east-hz', weight: 2 },
    { id: 'east-nj', weight: 5 },
  ] satisfies AllocPart[],
  names: { 'east-sh': '上海一组', 'east-hz': '杭州组', 'east-nj': '南京组' } as Record<string, string>,
  /** ¥1,000,000 − ¥300,000 = ¥700,000; × 2/7 = ¥200,000 and × 5/7 = ¥500,000. */
  expected: { 'east-sh': yuan(300_000), 'east-hz': yuan(200_000), 'east-nj': yuan(500_000) } as Record<string, number>,
};

/** Largest remainder: ¥100 three ways. 10,000 分 / 3 = 3,333⅓ each: 3 × 3,333 = 9,999, one 分 left for the smallest id. */
export const remainder = {
  total: yuan(100),
  parts: [
    { id: 'r1', weight: 1 },
    { id: 'r2', weight: 1 },
    { id: 'r3', weight: 1 },
  ] satisfies AllocPart[],
  expected: { r1: 3_334, r2: 3_333, r3: 3_333 } as Record<string, number>,
};

/** Funnel inversion, the seed's example: ¥1,000,000 at ¥50,000 a deal, 20 % / 50 % / 40 %. */
export const funnel = {
  input: {
    target: yuan(1_000_000),
    avgDealSize: yuan(50_000),
    stages: [
      { id: 'lead', rate: 0.2 },
      { id: 'demo', rate: 0.5 },
      { id: 'quote', rate: 0.4 },
      { id: 'won' },
    ],
  },
  /** won = ⌈1,000,000 / 50,000⌉ = 20; quotes = ⌈20 / 0.4⌉ = 50; demos = ⌈50 / 0.5⌉ = 100; leads = ⌈100 / 0.2⌉ = 500. */
  expected: { lead: 500, demo: 100, quote: 50, won: 20 } as Record<string, number>,
};

const calendar: FiscalCalendar = { startMonth: 1 };

/**
 * Pace: March 2026 has 22 working days (31 − 9 weekend days); as of Wed 11 March 8 have passed
 * (2–6 and 9–11 March), 14 remain. Target ¥2,200,000, booked ¥700,000.
 */
export const paceExample = {
  input: { target: yuan(2_200_000), actual: yuan(700_000), period: '2026-03', asOf: '2026-03-11', calendar },
  expected: {
    elapsedWorkingDays: 8,
    remainingWorkingDays: 14,
    /** ¥2,200,000 × 8 / 22 = ¥800,000. */
    expectedToDate: yuan(800_000),
    /** ¥700,000 / ¥800,000. */
    paceIndex: 0.875,
    /** ¥2,200,000 − ¥700,000. */
    gap: yuan(1_500_000),
    /** ¥1,500,000 / 14 = ¥107,142.857… → rounded up to the 分: ¥107,142.86. */
    requiredDailyRate: 10_714_286,
  },
};

/** Forecast, the same month as of 11 March with ¥800,000 booked and one ¥1,000,000 quote at 60 % closing on 20 March. */
export const forecastExample = {
  input: {
    target: yuan(2_200_000),
    actual: yuan(800_000),
    period: '2026-03',
    asOf: '2026-03-11',
    calendar,
    pipeline: [{ id: 'o1', repId: 'r1', amount: yuan(1_000_000), probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' }] satisfies Opportunity[],
  },
  expected: {
    /** Run-rate: ¥800,000 + ¥800,000 / 8 days × 14 days = ¥800,000 + ¥1,400,000. */
    runRate: yuan(2_200_000),
    /** Weighted pipeline: ¥800,000 + ¥1,000,000 × 0.6. */
    weightedPipeline: yuan(1_400_000),
    /** Half of each: 0.5 × ¥2,200,000 + 0.5 × ¥1,400,000. */
    blended: yuan(1_800_000),
  },
};

/**
 * Attribution, the review of the seed's plan: 600 leads, 120 demos, 60 quotes, 15 won, ¥750,000.
 * Revenue = leads × r₁ × r₂ × r₃ × deal size; the gap of −¥250,000 splits with the logarithmic mean
 * L(750,000, 1,000,000) = −250,000 / ln 0.75 = 869,014.87:
 * leads L × ln(600 / 500) = +¥158,440.14, quote→won L × ln(0.25 / 0.4) = −¥408,440.14, the rest 0.
 * In 分 the two are rounded so that they add up to the gap exactly.
 */
export const attribution = {
  stages: ['lead', 'demo', 'quote', 'won'],
  plan: { revenue: yuan(1_000_000), rates: [0.2, 0.5, 0.4], avgDealSize: yuan(50_000) },
  actual: { revenue: yuan(750_000), counts: { lead: 600, demo: 120, quote: 60, won: 15 } },
  expected: {
    gap: -yuan(250_000),
    effects: [
      ['leads', 'lead', 15_844_014],
      ['rate', 'lead', 0],
      ['rate', 'demo', 0],
      ['rate', 'quote', -40_844_014],
      ['avgDealSize', null, 0],
    ] as [string, string | null, number][],
  },
};

/** Commission: 0 % / 5 % / 8 % / 10 % from 0 / 50 / 100 / 150 % attainment, marginal like income-tax brackets. */
export const commission = {
  plan: {
    basis: 'booked',
    tiers: [
      { from: 0, rate: 0 },
      { from: 0.5, rate: 0.05 },
      { from: 1, rate: 0.08 },
      { from: 1.5, rate: 0.1 },
    ],
  } satisfies CommissionPlan,
  person: { id: 'r1', target: yuan(100_000) },
  actuals: [{ id: 'b1', repId: 'r1', productId: 'core', date: '2026-02-01', type: 'booking' as const, amount: yuan(150_000) }],
  asOf: '2026-03-31',
  expected: {
    attainment: 1.5,
    /** ¥0–50,000 at 0 %: 0; ¥50,000–100,000 at 5 %: ¥2,500; ¥100,000–150,000 at 8 %: ¥4,000. */
    tiers: [0, yuan(2_500), yuan(4_000), 0],
    total: yuan(6_500),
  },
};
