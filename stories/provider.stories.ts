import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/qk-provider.js';
import '../src/define/qk-attainment-gauge.js';
import { MemoryAdapter } from '../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../src/sample/sample-data.js';
import type { QkProvider } from '../src/components/provider/provider.js';
import { expect, waitFor } from 'storybook/test';
import { LONG, markRendered } from './support/play.js';

/** The status each story's store reaches, as the readout prints it. */
const EXPECTED: Record<string, RegExp> = {
  Normal: /^status: ready · plan "[^"]+" v\d+ · \d+ org nodes/,
  Loading: /^status: loading/,
  Error: /^status: error · network/,
  Empty: /^status: (idle|loading)/,
  // 1 company + 20 regions + 500 teams + 10,000 reps.
  Large: /^status: ready · plan "[^"]+" v\d+ · 10521 org nodes/,
};

/**
 * `qk-provider` shows nothing itself: it holds the adapter, the shared store and the locale for the
 * elements inside it. These stories show its states through a small readout of its store.
 */
const meta: Meta = {
  title: 'Elements/qk-provider',
  component: 'qk-provider',
  parameters: { docs: { description: { component: 'Holds the adapter, the shared store and the locale for every qk-* element inside it.' } } },
  argTypes: { locale: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  play: async ({ canvasElement, name }) => {
    const provider = await waitFor(() => canvasElement.querySelector<QkProvider>('qk-provider') ?? Promise.reject(new Error('no qk-provider')), LONG);
    await expect(provider.store).toBeDefined();
    markRendered();
    const want = EXPECTED[name];
    if (want) await waitFor(() => expect(canvasElement.querySelector('output')?.textContent ?? '').toMatch(want), LONG);
  },
};
export default meta;

function readout(provider: QkProvider, out: HTMLElement): void {
  const render = () => {
    const s = provider.store;
    const snap = s.snapshot;
    out.textContent =
      s.status === 'ready' && snap
        ? `status: ready · plan "${snap.plan.name}" v${snap.plan.version} · ${snap.org.length} org nodes · ${s.actuals?.actuals.length ?? 0} actuals · user ${s.user?.name ?? '-'}`
        : `status: ${s.status}${s.error ? ` · ${s.error.code}: ${s.error.message}` : ''}`;
  };
  provider.store.subscribe(render);
  render();
}

function story(makeAdapter: () => MemoryAdapter | undefined) {
  return () => {
    const el = document.createElement('div');
    el.innerHTML = '<qk-provider locale="zh-CN"><output part="readout" style="font: 13px system-ui"></output></qk-provider>';
    const provider = el.querySelector('qk-provider') as QkProvider;
    readout(provider, el.querySelector('output')!);
    const adapter = makeAdapter();
    if (adapter) provider.adapter = adapter;
    return el;
  };
}

const sample = () => generateSampleCompany();

export const Normal: StoryObj = { render: story(() => { const { plan, actuals } = sample(); return new MemoryAdapter(plan, actuals); }) };
export const Loading: StoryObj = { render: story(() => { const { plan, actuals } = sample(); return new MemoryAdapter(plan, actuals, { latencyMs: 600_000 }); }) };
export const ErrorState: StoryObj = { name: 'Error', render: story(() => { const { plan, actuals } = sample(); return new MemoryAdapter(plan, actuals, { failNext: 'network' }); }) };
export const Empty: StoryObj = { render: story(() => undefined) };
export const Large: StoryObj = {
  tags: ['heavy'],
  render: story(() => {
    const { plan, actuals } = generateSampleCompany({ regions: 20, teamsPerRegion: 25, repsPerTeam: 20, historyYears: 1, dealsPerRepMonth: 0.3 });
    return new MemoryAdapter(plan, actuals);
  }),
};
/** Any markup inside; the controls set the provider's locale, sample data and as-of date for a gauge inside it. */
export const Template: StoryObj = {
  args: { locale: 'en', sample: true, asOf: '2026-03-11' },
  render: (args) => html`<qk-provider locale=${args.locale} ?sample=${args.sample} as-of=${args.asOf}>
    <p>Any markup; qk-* elements anywhere inside share one store.</p>
    <qk-attainment-gauge size="compact" period="FY2026"></qk-attainment-gauge>
  </qk-provider>`,
};
