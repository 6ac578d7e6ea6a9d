import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-provider.js';
import '../src/define/qk-funnel-inverter.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { ActualsSnapshot, PlanSnapshot } from '../src/engine/plan/model.js';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, part, settled, stateOf, typeInto } from './support/play.js';

const sample = generateSampleCompany({ asOf: '2026-11-27' });

/** The seed's example: ¥1,000,000 at ¥50,000 per deal, 20% / 50% / 40% → 500 / 100 / 50 / 20. */
const seedInputs = {
  target: 100_000_000,
  avgDealSize: 5_000_000,
  stages: [
    { id: 'lead', rate: 0.2, avgDays: 14 },
    { id: 'demo', rate: 0.5, avgDays: 10 },
    { id: 'quote', rate: 0.4, avgDays: 12 },
    { id: 'won' },
  ],
};

/**
 * A team whose history converts 20% / 50% / 40% (400 leads, 80 demos, 40 quotes, 16 won) but which
 * in July 2026 turned 60 demos into only 18 quotes (30%): the middle of the funnel is the bottleneck.
 */
function bottleneckData(): { plan: PlanSnapshot; actuals: ActualsSnapshot } {
  const sc = (repId: string, month: string, l: number, d: number, q: number, w: number) =>
    ([['lead', l], ['demo', d], ['quote', q], ['won', w]] as const).map(([stageId, count]) => ({ repId, month, stageId, count }));
  return {
    plan: {
      plan: { id: 'p', name: 'FY2026', currency: 'CNY', calendar: { startMonth: 1 }, fiscalYear: 2026, version: 1 },
      org: [
        { id: 'co', name: '星河科技', parentId: null, kind: 'company' },
        { id: 'ta', name: '上海一组', parentId: 'co', kind: 'team' },
        { id: 'r1', name: '王芳', parentId: 'ta', kind: 'rep', hireDate: '2020-01-01' },
        { id: 'r2', name: '李强', parentId: 'ta', kind: 'rep', hireDate: '2026-03-01' },
      ],
      products: [{ id: 'core', name: '核心平台', new: false }],
      stages: sample.plan.stages,
      targets: [{ nodeId: 'ta', period: 'FY2026', metric: 'revenue', value: 100_000_000 }],
    },
    actuals: {
      from: '2025-01-01',
      to: '2026-12-31',
      actuals: [
        { id: 'b1', repId: 'r1', productId: 'core', date: '2025-09-10', type: 'booking', amount: 48_000_000 },
        { id: 'b2', repId: 'r2', productId: 'core', date: '2025-12-10', type: 'booking', amount: 32_000_000 },
        { id: 'b4', repId: 'r1', productId: 'core', date: '2026-07-10', type: 'booking', amount: 40_000_000 },
      ],
      stageCounts: [...sc('r1', '2025-09', 300, 60, 30, 12), ...sc('r2', '2025-12', 100, 20, 10, 4), ...sc('r1', '2026-07', 300, 60, 18, 8)],
      pipeline: [
        { id: 'o1', repId: 'r1', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-09-30', probability: 0.5 },
        { id: 'o2', repId: 'r2', amount: 5_000_000, stageId: 'quote', expectedClose: '2026-10-15', probability: 0.5 },
        { id: 'o3', repId: 'r1', amount: 4_000_000, stageId: 'demo', expectedClose: '2026-08-01', probability: 0.2 },
      ],
    },
  };
}

const meta: Meta = {
  title: 'Elements/qk-funnel-inverter',
  component: 'qk-funnel-inverter',
  parameters: { layout: 'padded' },
  argTypes: { lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] } },
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-funnel-inverter'), parameters.qkState ?? stateOf(name)),
};

/** The required count per stage, read from the visually hidden table the funnel carries. */
const requiredCounts = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('.qk-visually-hidden > table tbody tr')].map((tr) => tr.querySelector('td')?.textContent?.trim());
export default meta;
type Story = StoryObj;

/**
 * Under a provider with the sample company: the shared focus (none yet, so the company), FY2026,
 * rates and deal size from the 12 months before 2026-11-27. Select a region below to move the focus
 * as the goal tree would; it has a target once the goal tree has split the company's.
 */
export const Default: Story = {
  render: () => {
    const adapter = new MemoryAdapter(sample.plan, sample.actuals);
    const regions = sample.plan.org.filter((n) => n.kind === 'region' || n.kind === 'company');
    const focus = (e: Event) => {
      const provider = (e.target as HTMLElement).closest('qk-provider')!;
      provider.store.setFocus({ nodeId: (e.target as HTMLSelectElement).value });
    };
    return html`<qk-provider .adapter=${adapter} as-of="2026-11-27" autosave-ms="0">
      <label style="display:block;margin-bottom:8px">Focus
        <select @change=${focus}>${regions.map((n) => html`<option value=${n.id}>${n.name}</option>`)}</select>
      </label>
      <qk-funnel-inverter></qk-funnel-inverter>
    </qk-provider>`;
  },
};

/**
 * From properties alone, the seed's numbers: 500 leads, 100 demos, 50 quotes, 20 won deals. The play
 * types a lead→demo rate of 25 %: leads = ⌈100 / 0.25⌉ = 400.
 */
export const SeedExample: Story = {
  args: { period: 'FY2026-Q1', asOf: '2026-01-05', lang: '', inputs: seedInputs },
  render: (args) => html`<qk-funnel-inverter period=${args.period} as-of=${args.asOf} lang=${args.lang} .inputs=${args.inputs}></qk-funnel-inverter>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-funnel-inverter');
    await expectState(el, 'ready');
    await waitFor(() => expect(requiredCounts(el)).toEqual(['500', '100', '50', '20']), LONG);
    await typeInto(el, part<HTMLInputElement>(el, '#f-rate-0'), '25');
    await waitFor(() => expect(requiredCounts(el)).toEqual(['400', '100', '50', '20']), LONG);
  },
};

/** Actual July counts against the plan: demo → quote fell from 50% to 30%. */
export const Bottleneck: Story = {
  render: () => html`<qk-funnel-inverter node="ta" period="FY2026" as-of="2026-07-15" .data=${bottleneckData()}></qk-funnel-inverter>`,
};

/** No stage counts in the lookback window: the rates are empty and the user types them. */
export const NoHistory: Story = {
  parameters: { qkState: 'empty' },
  render: () => {
    const d = bottleneckData();
    return html`<qk-funnel-inverter node="ta" as-of="2026-07-15" .data=${{ plan: d.plan, actuals: { ...d.actuals, stageCounts: [], actuals: [] } }}></qk-funnel-inverter>`;
  },
};

/** The host handed over data that fails validation: a localized error and a `qk-error`. */
export const ErrorState: Story = {
  name: 'Error',
  render: () => html`<qk-funnel-inverter .data=${{ plan: { plan: { id: 'p' }, org: 'not a list' } }}></qk-funnel-inverter>`,
};

/** A rate the user typed that is not a number: the message sits beside the field, the last valid funnel stays. */
export const InvalidInput: Story = {
  render: () => html`<qk-funnel-inverter .inputs=${seedInputs}></qk-funnel-inverter>`,
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-funnel-inverter');
    await typeInto(el, part<HTMLInputElement>(el, '#f-rate-1'), '5O');
    await waitFor(() => expect(el.shadowRoot!.querySelector('[part~="field-error"]')?.textContent?.trim()).toBeTruthy(), LONG);
    // The last valid funnel stays: the seed's 500 / 100 / 50 / 20.
    await expect(requiredCounts(el)).toEqual(['500', '100', '50', '20']);
  },
};

/** Waiting for the adapter. */
export const Loading: Story = {
  render: () => {
    const adapter = new MemoryAdapter(sample.plan, sample.actuals, { latencyMs: 1e9 });
    return html`<qk-provider .adapter=${adapter}><qk-funnel-inverter></qk-funnel-inverter></qk-provider>`;
  },
};

/** No target is set for the node yet. */
export const Empty: Story = {
  render: () => {
    const d = bottleneckData();
    return html`<qk-funnel-inverter node="ta" as-of="2026-07-15" .data=${{ plan: { ...d.plan, targets: [] }, actuals: d.actuals }}></qk-funnel-inverter>`;
  },
};

export const ZhCN: Story = {
  name: 'zh-CN',
  render: () => html`<qk-funnel-inverter lang="zh-CN" node="ta" period="FY2026" as-of="2026-07-15" .data=${bottleneckData()}></qk-funnel-inverter>`,
};

export const English: Story = {
  render: () => html`<qk-funnel-inverter lang="en" node="ta" period="FY2026" as-of="2026-07-15" .data=${bottleneckData()}></qk-funnel-inverter>`,
};

export const Dark: Story = {
  render: () => html`<div class="qk-theme-dark" style="background:#0d1117;padding:16px">
    <qk-funnel-inverter node="ta" period="FY2026" as-of="2026-07-15" .data=${bottleneckData()}></qk-funnel-inverter>
  </div>`,
};

/** 320 px wide: one column, the funnel narrows, tables scroll. */
export const Narrow: Story = {
  render: () => html`<div style="width:320px">
    <qk-funnel-inverter node="ta" period="FY2026" as-of="2026-07-15" .data=${bottleneckData()}></qk-funnel-inverter>
  </div>`,
};

/** The whole company of a large generated org (8 regions × 5 teams × 12 reps = 480 reps). */
export const Large: Story = {
  tags: ['heavy'],
  render: () => {
    const big = generateSampleCompany({ asOf: '2026-11-27', regions: 8, teamsPerRegion: 5, repsPerTeam: 12 });
    return html`<qk-funnel-inverter as-of="2026-11-27" .data=${big}></qk-funnel-inverter>`;
  },
};
