/**
 * Lit's development build warns (`console.warn`) when an element changes a reactive property in
 * `updated()`, which costs a second update cycle: the funnel inverter did it once per page, taking
 * its chart's first width after its first render (issue 12 item 5). A `*.dev.test.ts` file runs in
 * Lit's development build (test/runner/groups.mjs, `LIT_DEV`), so the warning is checked here.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-funnel-inverter.js';
import type { QkFunnelInverter } from '../../../src/components/funnel-inverter/funnel-inverter.js';

const inputs = () => ({
  target: 100_000_000,
  avgDealSize: 5_000_000,
  stages: [{ id: 'lead', rate: 0.2, avgDays: 14 }, { id: 'demo', rate: 0.5, avgDays: 10 }, { id: 'quote', rate: 0.4, avgDays: 12 }, { id: 'won' }],
});

describe('qk-funnel-inverter and Lit warnings', () => {
  it('renders its funnel at its measured width without a "change-in-update" warning', async () => {
    const warnings: string[] = [];
    const orig = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      orig.apply(console, args);
    };
    try {
      // Lit's development build is loaded (its production build has no warnings to give).
      expect((globalThis as typeof globalThis & { litIssuedWarnings?: unknown }).litIssuedWarnings).to.be.instanceOf(Set);
      const el = await fixture<QkFunnelInverter>(html`<div style="width: 600px"><qk-funnel-inverter lang="en" .inputs=${inputs()}></qk-funnel-inverter></div>`);
      const inverter = el.querySelector('qk-funnel-inverter')!;
      await waitUntil(() => inverter.shadowRoot!.querySelector('[part~="chart"] svg'), 'the funnel never rendered');
      await inverter.updateComplete;
      const chart = inverter.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!;
      // The chart's drawing is as wide as its column (not the 480 px guess).
      const svg = chart.querySelector('svg')!;
      const width = Number(svg.getAttribute('viewBox')?.split(/\s+/)[2] ?? svg.getAttribute('width'));
      expect(width).to.equal(Math.floor(chart.clientWidth));
      expect(warnings.filter((w) => w.includes('change-in-update'))).to.deep.equal([]);
    } finally {
      console.warn = orig;
    }
  });
});
