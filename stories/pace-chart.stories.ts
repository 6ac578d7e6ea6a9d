import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-pace-chart.js';
import { QkStore } from '../src/store/store.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { DatedAmount, PaceFigures } from '../src/engine/pace/view.js';
import { expect, waitFor } from 'storybook/test';
import { expectState, LONG, part, settled, stateOf, text } from './support/play.js';

/** `total` spread over the working days of 2–11 March 2026 (8 days), a little more each day. */
function bookings(total: number): DatedAmount[] {
  const days = ['02', '03', '04', '05', '06', '09', '10', '11'];
  const weights = days.map((_, i) => i + 4);
  const sum = weights.reduce((s, w) => s + w, 0);
  let left = total;
  return days.map((d, i) => {
    const amount = i === days.length - 1 ? left : Math.round((total * weights[i]) / sum);
    left -= amount;
    return { date: `2026-03-${d}`, amount };
  });
}
const pipeline = [
  { id: 'o1', repId: 'r1', amount: 100_000_000, probability: 0.6, expectedClose: '2026-03-20', stageId: 'quote' },
  { id: 'o2', repId: 'r1', amount: 100_000_000, probability: 0.6, expectedClose: '2026-03-26', stageId: 'quote' },
];
const march = (actual: number, target = 220_000_000): PaceFigures => ({
  target, actuals: bookings(actual), period: '2026-03', asOf: '2026-03-11', currency: 'CNY', nodeId: 'r1', nodeName: '王芳', pipeline,
});
const sample = generateSampleCompany();
const loading = () => {
  const s = new QkStore({ autosaveMs: false });
  s.setLoading();
  return s;
};

const meta: Meta = {
  title: 'Elements/qk-pace-chart',
  component: 'qk-pace-chart',
  argTypes: {
    granularity: { control: 'inline-radio', options: ['auto', 'day', 'week'] },
    basis: { control: 'inline-radio', options: ['working-days', 'seasonality', 'ramp'] },
    lang: { control: 'inline-radio', options: ['', 'zh-CN', 'en'] },
    height: { control: { type: 'number', min: 160, max: 600, step: 20 } },
  },
  args: { granularity: 'auto', lang: '', height: 280 },
  render: (args) => html`<qk-pace-chart granularity=${args.granularity} lang=${args.lang} height=${args.height} .model=${args.model}></qk-pace-chart>`,
  play: async ({ canvasElement, name, parameters }) => expectState(await settled(canvasElement, 'qk-pace-chart'), parameters.qkState ?? stateOf(name)),
};
export default meta;
type Story = StoryObj;

/**
 * ¥90万 of ¥220万 by 11 March. The play reads the chart with the keyboard: Home goes to 1 March,
 * where nothing is booked and nothing is expected yet.
 */
export const OnTrack: Story = {
  args: { model: march(90_000_000), lang: 'en' },
  play: async ({ canvasElement }) => {
    const el = await settled(canvasElement, 'qk-pace-chart');
    await expectState(el, 'ready');
    const plot = part(el, '[part="plot"]');
    plot.focus();
    plot.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true, composed: true }));
    await el.updateComplete;
    await waitFor(() => expect(text(part(el, '[aria-live]'))).toBe('Mar 1: actual CN¥0, expected CN¥0'), LONG);
  },
};
export const AtRisk: Story = { args: { model: march(76_000_000) } };
export const OffTrack: Story = { args: { model: march(40_000_000) } };
export const Over100: Story = { args: { model: march(290_000_000) } };
export const ZeroTarget: Story = { args: { model: march(3_000_000, 0) } };
export const Loading: Story = { render: () => html`<qk-pace-chart .store=${loading()}></qk-pace-chart>` };
export const ErrorState: Story = { name: 'Error', render: () => html`<qk-pace-chart .model=${{ ...march(1), period: 'FY2026-Q7' }}></qk-pace-chart>` };
export const Empty: Story = { render: () => html`<qk-pace-chart .data=${sample} period="FY2026-Q1"></qk-pace-chart>` };
/** The sample company over its fiscal year: ISO weeks. */
export const Large: Story = { render: () => html`<qk-pace-chart .data=${sample} period="FY2026"></qk-pace-chart>` };
/** The same year, one point per day (365 points, 365 table rows). */
export const LargeDaily: Story = { render: () => html`<qk-pace-chart .data=${sample} period="FY2026" granularity="day"></qk-pace-chart>` };
export const ZhCN: Story = { render: () => html`<qk-pace-chart lang="zh-CN" .model=${march(76_000_000)}></qk-pace-chart>` };
export const Dark: Story = {
  render: () => html`<div class="qk-theme-dark" style="background: #0d1117; padding: 16px">
    <qk-pace-chart .model=${march(90_000_000)}></qk-pace-chart>
  </div>`,
};
/** Narrow: the chart follows its container. */
export const Narrow: Story = { render: () => html`<div style="width: 320px"><qk-pace-chart .model=${march(76_000_000)}></qk-pace-chart></div>` };
