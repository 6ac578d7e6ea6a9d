import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-attainment-gauge.js';
import { QkStore } from '../src/store/store.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { PaceFigures } from '../src/engine/pace/view.js';
import { expect } from 'storybook/test';
import { expectState, part, settled, stateOf } from './support/play.js';

/*
 * March 2026 as of Wed 11 March: 8 of 22 working days have passed, so ¥80万 of a ¥220万 target is
 * expected by today. Two open quotes of ¥100万 at 60 % close on 20 March.
 */
const pipeline = [
  { id: 'o1', repId: 'r1', amount: 100_000_000, probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' },
  { id: 'o2', repId: 'r1', amount: 100_000_000, probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' },
];
const march = (actual: number, target = 220_000_000): PaceFigures => ({
  target, actual, period: '2026-03', asOf: '2026-03-11', currency: 'CNY', nodeId: 'r1', nodeName: '王芳', pipeline,
});
const sample = generateSampleCompany();
const loading = () => {
  const s = new QkStore({ autosaveMs: false });
  s.setLoading();
  return s;
};

const meta: Meta = {
  title: 'Elements/qk-attainment-gauge',
  component: 'qk-attainment-gauge',
  argTypes: {
    size: { control: 'inline-radio', options: ['compact', 'detailed'] },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
    basis: { control: 'inline-radio', options: ['working-days', 'seasonality', 'ramp'] },
  },
  args: { size: 'detailed', lang: '' },
  render: (args) => html`<div style="max-width: 560px"><qk-attainment-gauge size=${args.size ?? 'detailed'} lang=${args.lang ?? ''} .model=${args.model}></qk-attainment-gauge></div>`,
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-attainment-gauge'), parameters.qkState ?? stateOf(name)),
};
export default meta;
type Story = StoryObj;

/**
 * ¥90万 by today (pace 113 %), forecast ¥228.8万 = 104 %. The play switches the gauge to English and
 * to the compact size and checks the meter: 900,000 / 2,200,000 = 40.9 %.
 */
export const OnTrack: Story = {
  args: { model: march(90_000_000) },
  play: async ({ canvasElement, args }) => {
    const el = await settled(canvasElement, 'qk-attainment-gauge');
    await expectState(el, 'ready');
    const meter = part(el, '[role="meter"]');
    await expect(meter.getAttribute('aria-valuenow')).toBe('40.9');
    el.setAttribute('lang', 'en');
    el.setAttribute('size', 'compact');
    await el.updateComplete;
    await expect(part(el, '[role="meter"]').getAttribute('aria-valuetext')).toMatch(/^40\.9% of target: CN¥900K of CN¥2\.2M\./);
    await expect(part(el, '[part~="base"]').classList.contains('compact')).toBe(true);
    void args;
  },
};
/** ¥76万: pace exactly 95 %, but the forecast ¥202.5万 is 92 % of target. */
export const AtRisk: Story = { args: { model: march(76_000_000) } };
/** ¥40万: half of what is expected by today. */
export const OffTrack: Story = { args: { model: march(40_000_000) } };
/** ¥290万 of ¥220万: 131.8 %, the part above 100 % drawn apart on a longer scale. */
export const Over100: Story = { args: { model: march(290_000_000) } };
/** A zero target: attainment is not applicable, with the reason. */
export const ZeroTarget: Story = { args: { model: march(3_000_000, 0) } };
export const Compact: Story = { args: { model: march(76_000_000), size: 'compact' } };
/** In English: ¥76万 of ¥220万, exactly on pace (95 %) but forecast to miss. */
export const English: Story = { args: { model: march(76_000_000), lang: 'en' } };

export const Loading: Story = { render: () => html`<qk-attainment-gauge .store=${loading()}></qk-attainment-gauge>` };
/** Host data that fails validation: a localized message and `qk-error`. */
export const ErrorState: Story = { name: 'Error', render: () => html`<qk-attainment-gauge .data=${{ plan: { plan: {} } }}></qk-attainment-gauge>` };
/** The sample company has only an annual target: its first quarter has none. */
export const Empty: Story = { render: () => html`<qk-attainment-gauge .data=${sample} period="FY2026-Q1"></qk-attainment-gauge>` };
/** The sample company 星辰科技 from `.data`, FY2026 (the default period: its quarter has no target). */
export const SampleCompany: Story = { render: () => html`<div style="max-width: 560px"><qk-attainment-gauge .data=${sample}></qk-attainment-gauge></div>` };
export const ZhCN: Story = { render: () => html`<div style="max-width: 560px"><qk-attainment-gauge lang="zh-CN" .model=${march(76_000_000)}></qk-attainment-gauge></div>` };
export const Dark: Story = {
  render: () => html`<div class="qk-theme-dark" style="background: #0d1117; padding: 16px; max-width: 560px">
    <qk-attainment-gauge .model=${march(90_000_000)}></qk-attainment-gauge>
  </div>`,
};
/** Four compact gauges in a narrow grid: they follow their cells' width. */
export const Dashboard: Story = {
  render: () => html`<div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 8px">
    ${[90_000_000, 76_000_000, 40_000_000, 290_000_000].map((a) => html`<qk-attainment-gauge size="compact" .model=${march(a)}></qk-attainment-gauge>`)}
  </div>`,
};
