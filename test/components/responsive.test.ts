import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { layoutSettled } from '../support/layout.js';
import '../../src/index.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';

/**
 * Issue 17: from a phone to a wall screen. No chart may draw one label over another at 320 px (the
 * waterfall's values, the pace chart's months). The demo page at 390 px is test/embed/demo-responsive.test.ts.
 */


describe('responsive layout (issue 17)', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`no two chart labels overlap at 320 px (${locale})`, async () => {
      localStorage.clear();
      const { plan, actuals } = generateSampleCompany({ asOf: '2026-09-15' });
      const box = await fixture<HTMLDivElement>(html`<div style="width: 320px"><qk-provider locale=${locale} as-of="2026-09-15" autosave-ms="0">
        <qk-attainment-gauge></qk-attainment-gauge>
        <qk-pace-chart></qk-pace-chart>
        <qk-funnel-inverter></qk-funnel-inverter>
        <qk-incentive-calculator></qk-incentive-calculator>
        <qk-review-board></qk-review-board>
      </qk-provider></div>`);
      const provider = box.querySelector('qk-provider') as QkProvider;
      provider.adapter = new MemoryAdapter(plan, actuals);
      await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
      const els = [...provider.children] as (HTMLElement & { updateComplete: Promise<unknown> })[];
      const drawn = () => els.filter((el) => el.shadowRoot!.querySelector('svg text')).map((el) => el.localName);
      // The charts that draw from the plan alone (the incentive calculator draws for one person).
      await waitUntil(() => ['qk-attainment-gauge', 'qk-pace-chart', 'qk-review-board'].every((t) => drawn().includes(t)), `charts drawn: ${drawn()}`, { timeout: 60000 });
      await layoutSettled(els);
      const overlaps: string[] = [];
      for (const el of els) {
        expect(el.getBoundingClientRect().width, el.localName).to.be.at.most(320);
        for (const svgEl of el.shadowRoot!.querySelectorAll('svg')) {
          const boxes = [...svgEl.querySelectorAll('text')]
            .filter((t) => (t.textContent ?? '').trim() && getComputedStyle(t).display !== 'none' && getComputedStyle(t).visibility !== 'hidden')
            .map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }))
            .filter((b) => b.r.width > 0 && b.r.height > 0);
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              const a = boxes[i].r, b = boxes[j].r;
              // A pixel of slack: glyph boxes include the line's leading.
              const ix = Math.min(a.right, b.right) - Math.max(a.left, b.left);
              const iy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
              if (ix > 1 && iy > 1) overlaps.push(`${el.localName}: "${boxes[i].text}" × "${boxes[j].text}"`);
            }
          }
        }
      }
      expect(overlaps).to.deep.equal([]);
    });
  }
});

describe('wall screens (issue 17): 2560 px', () => {
  it('the goal tree spreads its columns over the width (no empty band); the review board, funnel and team tables keep their columns together', async () => {
    localStorage.clear();
    const { plan, actuals } = generateSampleCompany({ asOf: '2026-09-15' });
    const box = await fixture<HTMLDivElement>(html`<div style="width: 2560px"><qk-provider locale="en" as-of="2026-09-15" autosave-ms="0">
      <qk-goal-tree granularity="month" views="actual attainment"></qk-goal-tree>
      <qk-review-board></qk-review-board>
      <qk-funnel-inverter></qk-funnel-inverter>
      <qk-incentive-calculator></qk-incentive-calculator>
    </qk-provider></div>`);
    const provider = box.querySelector('qk-provider') as QkProvider;
    provider.adapter = new MemoryAdapter(plan, actuals);
    await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
    const tree = box.querySelector('qk-goal-tree')!, board = box.querySelector('qk-review-board')!;
    await waitUntil(() => tree.shadowRoot!.querySelector('[part~="header-row"]') && board.shadowRoot!.querySelector('table.kpis'), 'never rendered', { timeout: 60000 });
    await waitUntil(() => new Promise<boolean>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))), 'no frame', { timeout: 60000 });
    // Goal tree: 12 months, the year and 2 views (15 columns) after the 240 px name column: the
    // header's last cell ends where the row ends (the columns share what the 128 px minimum leaves).
    const header = tree.shadowRoot!.querySelector('[part~="header-row"]')!;
    const cells = [...header.children].map((c) => c.getBoundingClientRect());
    expect(cells.length).to.equal(16);
    const row = header.getBoundingClientRect();
    expect(row.right - cells[cells.length - 1]!.right, 'empty band right of the last column').to.be.at.most(1);
    const widths = cells.slice(1).map((c) => c.width);
    expect(Math.min(...widths)).to.be.at.least(128);
    expect(Math.max(...widths) - Math.min(...widths)).to.be.below(1);
    // Review board: the KPI table's five columns no wider than 56em (not 1,250 px), the findings
    // column takes the rest.
    const kpis = board.shadowRoot!.querySelector('table.kpis')!;
    const em = parseFloat(getComputedStyle(kpis).fontSize);
    expect(kpis.getBoundingClientRect().width).to.be.at.most(56 * em + 1);
    const columns = board.shadowRoot!.querySelector('.columns')!.getBoundingClientRect();
    expect(kpis.getBoundingClientRect().right).to.be.closeTo(columns.right, 1);
    // The funnel's per-rep table (six columns) and the team payouts (six): 64em at most, not 2,500 px.
    const funnel = box.querySelector('qk-funnel-inverter')!, calculator = box.querySelector('qk-incentive-calculator')!;
    await waitUntil(() => funnel.shadowRoot!.querySelector('[part~="per-rep"] table, .per-rep table') && calculator.shadowRoot!.querySelector('table.team'), 'tables never rendered', { timeout: 60000 });
    for (const table of [funnel.shadowRoot!.querySelector('[part~="per-rep"] table, .per-rep table')!, calculator.shadowRoot!.querySelector('table.team')!]) {
      const size = parseFloat(getComputedStyle(table).fontSize);
      expect(table.getBoundingClientRect().width, table.className || 'per-rep').to.be.at.most(64 * size + 1);
      expect(table.getBoundingClientRect().width).to.be.at.least(Math.min(40 * size, 400));
    }
  });
});
