/**
 * The elements that lay out for their own width (the review board's waterfall, the pace chart) draw
 * their FIRST render at that width, not at a guess corrected later by a ResizeObserver.
 *
 * The cause of hostile.test.ts's "the layout did not come back once the rule was removed" (review
 * board, CI on a loaded machine, shared mount): the board rendered first at its fallback width (660 px,
 * a 640 px chart) and took its real width only after a ResizeObserver delivery (a frame) and a timer
 * (a task). When no frame ran between mounting and the test's baseline, the baseline held the guessed
 * layout; the hostile rule changed nothing, so the test passed; the delivery came later, and the
 * after-each check found the real layout, which never "came back" to the guess. A user saw the same
 * thing: the waterfall drawn at the wrong width, then redrawn (for 0.8 s at load 19 here).
 *
 * Each test reads the element right after its first update: no frame and no task run in between
 * (`updateComplete` resolves in microtasks), so the ResizeObserver cannot have answered yet.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-review-board.js';
import '../../src/define/qk-pace-chart.js';
import '../../src/define/qk-provider.js';
import '../../src/define/qk-goal-tree.js';
import '../../src/define/qk-funnel-inverter.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sampleCompany } from '../fixtures/sample-company.js';
import type { ReviewBoardModel } from '../../src/components/review-board/review-board.js';
import type { PaceFigures } from '../../src/engine/pace/index.js';

// Figures of test/components/review-board/review-board-waterfall.test.ts (any complete review does).
const REVIEW: ReviewBoardModel = {
  stages: ['lead', 'demo', 'quote', 'won'],
  plan: { revenue: 100_000_000_00, rates: [0.2, 0.5, 0.4], avgDealSize: 500_000_00 },
  actual: { revenue: 197 * 499_000_00, counts: { lead: 4950, demo: 1000, quote: 495, won: 197 } },
  currency: 'CNY',
  nodeName: '华东',
  period: 'FY2026-Q3',
};
// Figures of test/components/pace-chart/pace-chart.test.ts.
const MARCH: PaceFigures = { target: 2_200_000, actuals: [{ date: '2026-03-02', amount: 700_000 }], period: '2026-03', asOf: '2026-03-11', nodeId: 'r1', nodeName: '王芳' };

/** Appends `el` to a block `width` px wide and waits for its first update only. */
async function firstUpdate<T extends HTMLElement & { updateComplete: Promise<unknown> }>(el: T, width: number): Promise<T> {
  const box = await fixture<HTMLDivElement>(html`<div style="display:block;width:${width}px"></div>`);
  box.append(el);
  await el.updateComplete;
  return el;
}

const chartWidth = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.getAttribute('width');

describe('first render at the element\'s own width', () => {
  it('<qk-review-board> 760 px wide draws its first waterfall 740 px wide (760 less the card\'s 20 px), not 640 (the 660 px guess)', async () => {
    const el = document.createElement('qk-review-board') as HTMLElement & { model?: ReviewBoardModel; updateComplete: Promise<unknown> };
    el.lang = 'en';
    el.model = REVIEW;
    await firstUpdate(el, 760);
    expect(chartWidth(el, 'svg.chart')).to.equal('740');
  });

  it('<qk-review-board> 400 px wide draws its first waterfall 380 px wide', async () => {
    const el = document.createElement('qk-review-board') as HTMLElement & { model?: ReviewBoardModel; updateComplete: Promise<unknown> };
    el.lang = 'en';
    el.model = REVIEW;
    await firstUpdate(el, 400);
    expect(chartWidth(el, 'svg.chart')).to.equal('380');
  });

  it('<qk-pace-chart> 700 px wide draws its first chart 700 × 315 (height 45 % of the width), not 560 × 252', async () => {
    const el = document.createElement('qk-pace-chart') as HTMLElement & { model?: PaceFigures; updateComplete: Promise<unknown> };
    el.lang = 'en';
    el.model = MARCH;
    await firstUpdate(el, 700);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).to.deep.equal(['700', '315']);
  });

  it('a host\'s padding is not part of the width (as a ResizeObserver\'s content box): 760 px with 30 px padding each side draws 680 px', async () => {
    const el = document.createElement('qk-review-board') as HTMLElement & { model?: ReviewBoardModel; updateComplete: Promise<unknown> };
    el.lang = 'en';
    el.model = REVIEW;
    el.style.padding = '0 30px';
    await firstUpdate(el, 760);
    // Content box 760 − 60 = 700; less the card's 20 px.
    expect(chartWidth(el, 'svg.chart')).to.equal('680');
  });

  describe('data already loaded (the element shows it in its first update), and the funnel', () => {
    let provider: QkProvider;
    before(async () => {
      const sample = sampleCompany();
      const box = await fixture<HTMLDivElement>(html`<div><qk-provider locale="en" autosave-ms="0"></qk-provider></div>`);
      provider = box.querySelector('qk-provider') as QkProvider;
      provider.adapter = new MemoryAdapter(sample.plan, sample.actuals);
      await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded');
    });

    /** `tag` appended inside the provider in a block `width` px wide. */
    function inProvider(tag: string, width: number) {
      const wrap = document.createElement('div');
      wrap.style.cssText = `display:block;width:${width}px`;
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      wrap.append(el);
      provider.append(wrap);
      return { el, remove: () => wrap.remove() };
    }

    it('<qk-goal-tree> 320 px wide (under 36em of 14 px = 504 px) shows the cards first, never the grid', async () => {
      const { el, remove } = inProvider('qk-goal-tree', 320);
      // Which of the two the tree draws first, seen as it is drawn (a MutationObserver answers in
      // the same task, before any ResizeObserver delivery). The cards' module arrives after a loading line.
      let first = '';
      const root = el.shadowRoot!;
      const mo = new MutationObserver(() => {
        first ||= root.querySelector('[role="treegrid"]') ? 'grid' : root.querySelector('[part~="card"]') ? 'cards' : '';
      });
      mo.observe(root, { childList: true, subtree: true });
      await waitUntil(() => first, 'the tree drew neither cards nor grid');
      mo.disconnect();
      expect(first).to.equal('cards');
      remove();
    });

    it('<qk-funnel-inverter> shows its funnel at its chart column\'s width in the first frame that shows it, not at the 480 px guess', async () => {
      // Read in requestAnimationFrame: before that frame's ResizeObserver deliveries, so only a width
      // taken when the funnel was drawn can be there. (The funnel appears after the element's sliced work.)
      let stop = false;
      const first = new Promise<{ drawn: string | null; column: number }>((resolve) => {
        const tick = () => {
          if (stop) return;
          const svg = el.shadowRoot?.querySelector('svg[part~="funnel"]');
          if (svg) resolve({ drawn: svg.getAttribute('width'), column: el.shadowRoot!.querySelector<HTMLElement>('[part~="chart"]')!.clientWidth });
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      // Standalone on the sample company (as in hostile.test.ts), 760 px wide: two columns.
      const el = document.createElement('qk-funnel-inverter') as HTMLElement & { data?: unknown };
      el.lang = 'en';
      el.data = sampleCompany();
      const box = await fixture<HTMLDivElement>(html`<div style="display:block;width:760px"></div>`);
      box.append(el);
      // A ceiling, not a wait: the frame comes as soon as the funnel is drawn.
      const seen = await Promise.race([first, new Promise<null>((r) => setTimeout(() => r(null), 60_000))]);
      stop = true;
      expect(seen, 'the funnel was never drawn').to.not.equal(null);
      expect(seen!.column, 'the chart column differs from the guess').to.not.equal(480);
      expect(seen!.drawn).to.equal(String(seen!.column));
    });
  });
});
