import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-review-board.js';
import '../src/define/qk-funnel-inverter.js';
import type { QkReviewApplyEvent } from '../src/events/qk-review-apply.js';
import { QkStore } from '../src/store/store.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { QkReviewBoard, ReviewBoardModel } from '../src/components/review-board/review-board.js';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, part, settled, stateOf } from './support/play.js';

/**
 * `qk-review-board`: the period review. The revenue gap from plan to actual is split exactly over
 * leads, each stage's conversion and the deal size; the findings are ranked by money.
 */
const meta: Meta = {
  title: 'Elements/qk-review-board',
  component: 'qk-review-board',
  parameters: { docs: { description: { component: 'Plan vs actual per KPI, the revenue gap attributed to each funnel factor, findings and recommendations; CSV export.' } } },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] } },
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-review-board'), parameters.qkState ?? stateOf(name)),
};
export default meta;

const STAGES = ['lead', 'demo', 'quote', 'won'];
const NAMES = { en: { lead: 'Lead', demo: 'Demo', quote: 'Quote', won: 'Won' }, 'zh-CN': { lead: '线索', demo: '演示', quote: '报价', won: '赢单' } };
// The seed's plan: ¥1,000,000 at 20% / 50% / 40% and ¥50,000 a deal (500 leads → 20 won).
const PLAN = { revenue: 100_000_000, rates: [0.2, 0.5, 0.4], avgDealSize: 5_000_000, collections: 80_000_000, salesCycleDays: 36 };
const model = (actual: ReviewBoardModel['actual'], extra: Partial<ReviewBoardModel> = {}, locale: 'en' | 'zh-CN' = 'zh-CN'): ReviewBoardModel => ({
  stages: STAGES, plan: PLAN, actual, currency: 'CNY', nodeName: locale === 'en' ? 'East team' : '华东一部', period: 'FY2026-Q3', stageNames: NAMES[locale], ...extra,
});

const board = (m: ReviewBoardModel, lang = '') => html`<qk-review-board lang=${lang} .model=${m} style="max-width: 980px"></qk-review-board>`;

/** Leads +8%, quote→won 41%, bigger deals: revenue above plan. */
export const GoodPeriod: StoryObj = {
  render: () => board(model({ revenue: 124_800_000, counts: { lead: 540, demo: 113, quote: 58, won: 24 }, collections: 99_000_000, salesCycleDays: 33 })),
};

/** Leads 20% above plan but demo→quote fell from 50% to 30%: the middle of the funnel. */
export const MidFunnelProblem: StoryObj = {
  render: () => board(model({ revenue: 60_000_000, counts: { lead: 600, demo: 120, quote: 36, won: 12 }, collections: 50_000_000, salesCycleDays: 44 })),
};

/** Leads 40% below plan with conversion on plan; two deals slipped into next quarter. */
export const LeadGenerationProblem: StoryObj = {
  render: () =>
    board(model({ revenue: 60_000_000, counts: { lead: 300, demo: 60, quote: 30, won: 12 }, collections: 55_000_000 }, {
      slipped: [
        { id: 'o-1', repId: 'r', amount: 6_000_000, stageId: 'quote', expectedClose: '2026-09-28', probability: 0.6 },
        { id: 'o-2', repId: 'r', amount: 4_500_000, stageId: 'quote', expectedClose: '2026-09-30', probability: 0.5 },
      ],
    })),
};

/** Nothing recorded in the period. */
export const ZeroData: StoryObj = { render: () => board(model({ revenue: 0, counts: {}, collections: 0 })) };

/** No target for the period: the whole revenue is unplanned. */
export const NoPlan: StoryObj = { render: () => board(model({ revenue: 60_000_000, counts: { lead: 300, demo: 60, quote: 30, won: 12 } }, { plan: { ...PLAN, revenue: null } })) };

/**
 * CLV from the host in the KPI table, a market view (¥5,000,000 × 12%) and 10% growth in the next
 * target (¥850,000), and "Use for the next cycle" handing the updated rates, deal size and target to
 * a funnel inverter as its `inputs`.
 */
export const NextCycle: StoryObj = {
  render: () => {
    const m = model(
      { revenue: 75_000_000, counts: { lead: 600, demo: 120, quote: 60, won: 15 }, collections: 60_000_000, clv: 12_000_000 },
      { plan: { ...PLAN, clv: 15_000_000 }, market: { size: 500_000_000, share: 0.12 } },
    );
    const apply = (e: QkReviewApplyEvent) => {
      const inverter = (e.currentTarget as HTMLElement).parentElement!.querySelector('qk-funnel-inverter')!;
      inverter.inputs = { target: e.detail.nextTarget, avgDealSize: e.detail.avgDealSize, stages: e.detail.rates };
    };
    return html`<div style="display: grid; gap: 12px; max-width: 980px">
      <qk-review-board .model=${m} .options=${{ nextTarget: { growth: 0.1 } }} @qk-review-apply=${apply}></qk-review-board>
      <qk-funnel-inverter period="FY2026-Q4"></qk-funnel-inverter>
    </div>`;
  },
  /**
   * Next target 0.4 × ¥1,000,000 + 0.4 × (¥750,000 × 1.1) + 0.2 × (¥5,000,000 × 12 %) = ¥850,000;
   * at the ¥50,000 deal size (¥750,000 / 15 deals) the inverter then needs ⌈850,000 / 50,000⌉ = 17 won deals.
   */
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-review-board');
    await expectState(el, 'ready');
    const applied = new Promise<QkReviewApplyEvent>((resolve) => el.addEventListener('qk-review-apply', (e) => resolve(e as QkReviewApplyEvent), { once: true }));
    part<HTMLButtonElement>(el, '[part="apply"]').click();
    const e = await applied;
    await expect([e.detail.nextTarget, e.detail.avgDealSize]).toEqual([85_000_000, 5_000_000]);
    const inverter = canvasElement.querySelector('qk-funnel-inverter')!;
    await waitFor(() => {
      const won = [...inverter.shadowRoot!.querySelectorAll('.qk-visually-hidden > table tbody tr')].map((tr) => tr.querySelector('td')?.textContent?.trim()).at(-1);
      expect(won).toBe('17');
    }, LONG);
  },
};

/** The sample company (星辰科技) reviewed to 2026-11-27 from its plan, actuals and history. */
export const SampleCompany: StoryObj = {
  render: () => {
    const { plan, actuals } = generateSampleCompany();
    const store = new QkStore({ asOf: '2026-11-27', autosaveMs: false });
    store.setData(plan, actuals);
    return html`<qk-review-board .store=${store} style="max-width: 980px"></qk-review-board>`;
  },
};

/**
 * Issue 17: a ¥1亿 plan missed by 1.7% (4,950 leads against 5,000, ¥49.9万 deals against ¥50万), on a
 * phone (390 px) and a wide screen. The axis is zoomed to the bridge and cut (marked on the plan and
 * actual bars and the axis); the gap gets about 3 px per percent on the phone, 11 at 1440.
 */
export const SmallGapOnALargePlan: StoryObj = {
  render: () => {
    const m: ReviewBoardModel = {
      stages: STAGES,
      plan: { revenue: 100_000_000_00, rates: [0.2, 0.5, 0.4], avgDealSize: 500_000_00 },
      actual: { revenue: 197 * 499_000_00, counts: { lead: 4950, demo: 1000, quote: 495, won: 197 } },
      currency: 'CNY', nodeName: '华东', period: 'FY2026-Q3', stageNames: NAMES['zh-CN'],
    };
    return html`<div style="display: grid; gap: 12px">
      <qk-review-board .model=${{ ...m, nodeName: '华东 · 390 px' }} style="width: 390px"></qk-review-board>
      <qk-review-board .model=${{ ...m, nodeName: '华东 · 1440 px' }} style="max-width: 1440px"></qk-review-board>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    for (const el of canvasElement.querySelectorAll<QkReviewBoard>('qk-review-board')) {
      await expectState(el, 'ready');
      await waitFor(() => expect(el.shadowRoot!.querySelectorAll('[part~="axis-break"] path.stroke').length).toBe(3), LONG);
    }
  },
};

export const Loading: StoryObj = {
  render: () => {
    const store = new QkStore({ autosaveMs: false });
    store.setLoading();
    return html`<qk-review-board .store=${store}></qk-review-board>`;
  },
};

/** Bad data from the host: a localized message in place and a qk-error event. */
export const ErrorState: StoryObj = {
  name: 'Error',
  render: () => board(model({ revenue: 1.5, counts: { lead: 10 } })),
};

export const ZhCN: StoryObj = { name: 'zh-CN', render: () => board(model({ revenue: 60_000_000, counts: { lead: 600, demo: 120, quote: 36, won: 12 } }), 'zh-CN') };

/** The mid-funnel problem in English; the controls set the language and the period shown. */
export const English: StoryObj = {
  args: { lang: 'en', period: 'FY2026-Q3' },
  render: (args) => board(model({ revenue: 60_000_000, counts: { lead: 600, demo: 120, quote: 36, won: 12 } }, { period: args.period }, 'en'), args.lang),
};

export const Dark: StoryObj = {
  render: () => html`<div class="qk-theme-dark" style="background:#0d1117; padding: 12px">
    ${board(model({ revenue: 124_800_000, counts: { lead: 540, demo: 113, quote: 58, won: 24 }, collections: 99_000_000 }))}
  </div>`,
};
