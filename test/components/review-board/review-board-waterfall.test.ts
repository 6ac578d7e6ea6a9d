import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-review-board.js';
import type { QkReviewBoard, ReviewBoardModel } from '../../../src/components/review-board/review-board.js';

/**
 * Issue 17: "the review waterfall makes each effect at least a few pixels per percent of the gap",
 * its labels never overlap, every effect's value is written, and a cut axis is marked and announced.
 */

// A ¥1亿 plan (fen): 5,000 leads at 20% / 50% / 40% and ¥50万 a deal → 200 deals. The quarter closed
// with 4,950 leads, 1,000 demos, 495 quotes and 197 deals at ¥49.9万: ¥9,830.3万, a gap of ¥169.7万 (1.7%).
const STAGES = ['lead', 'demo', 'quote', 'won'];
const MODEL: ReviewBoardModel = {
  stages: STAGES,
  plan: { revenue: 100_000_000_00, rates: [0.2, 0.5, 0.4], avgDealSize: 500_000_00 },
  actual: { revenue: 197 * 499_000_00, counts: { lead: 4950, demo: 1000, quote: 495, won: 197 } },
  currency: 'CNY',
  nodeName: '华东',
  period: 'FY2026-Q3',
  stageNames: { lead: '线索', demo: '演示', quote: '报价', won: '成交' },
};

async function board(width: number, lang: string): Promise<QkReviewBoard> {
  const el = await fixture<QkReviewBoard>(html`<qk-review-board lang=${lang} .model=${MODEL} style=${`display: block; width: ${width}px`}></qk-review-board>`);
  // The chart is laid out for the width the ResizeObserver reports: wait until the SVG has it.
  await waitUntil(() => Number(el.shadowRoot!.querySelector('svg.chart')?.getAttribute('width')) === width - 20, `the chart never took the ${width} px width`, { timeout: 30000 });
  await el.updateComplete;
  return el;
}

const bars = (el: Element) => [...el.shadowRoot!.querySelectorAll<SVGRectElement>('rect[part~="bar"]')].map((r) => r.getBoundingClientRect());

describe('qk-review-board waterfall (issue 17)', () => {
  for (const width of [390, 1440]) {
    it(`gives the gap at least 3 px per percent at ${width} px`, async () => {
      const el = await board(width, 'zh-CN');
      const a = el.review!.attribution;
      const totals = [a.plan];
      for (const e of a.effects) if (e.kind !== 'unplanned') totals.push(totals[totals.length - 1]! + e.amount);
      const spread = Math.max(...totals) - Math.min(...totals);
      const gap = Math.abs(a.gap);
      expect(gap / a.plan).to.be.below(0.02);
      const r = bars(el);
      const plan = r[0]!, actual = r[r.length - 1]!;
      // On screen: the plan bar's end is the gap's width right of the actual bar's (both from the floor).
      const measured = (plan.right - actual.right) / 100;
      // Computed: the plot (floor … highest total, i.e. the plan bar's left to the right end of the
      // bar reaching furthest) less the 28 px break room holds the spread; the gap is gap / spread of it.
      const plotRight = Math.max(...r.map((b) => b.right));
      const expected = ((plotRight - plan.left - 28) * gap) / spread / 100;
      expect(measured).to.be.closeTo(expected, 0.02);
      expect(measured).to.be.at.least(width === 390 ? 3 : 9);
      // The effects alone: each bar's width is its share of the gap times the same scale.
      const effects = a.effects.filter((e) => e.kind !== 'unplanned');
      effects.forEach((e, i) => expect(r[i + 1]!.width, `effect ${i}`).to.be.closeTo(Math.max(1, (Math.abs(e.amount) / gap) * 100 * measured), 0.05));
    });
  }

  for (const lang of ['en', 'zh-CN']) {
    it(`never draws one label over another and writes every value (320, 390, 768, 1440 px, ${lang})`, async () => {
      for (const width of [320, 390, 768, 1440]) {
        const el = await board(width, lang);
        const svg = el.shadowRoot!.querySelector('svg.chart')!;
        const texts = [...svg.querySelectorAll('text')].map((t) => ({ text: (t.textContent ?? '').trim(), r: t.getBoundingClientRect() }));
        const overlaps: string[] = [];
        for (let i = 0; i < texts.length; i++) {
          for (let j = i + 1; j < texts.length; j++) {
            const a = texts[i]!.r, b = texts[j]!.r;
            // A pixel of slack: glyph boxes include the line's leading.
            if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
              overlaps.push(`${texts[i]!.text} × ${texts[j]!.text}`);
            }
          }
        }
        expect(overlaps, `${width} px`).to.deep.equal([]);
        // Inside the chart, and the element no wider than its box.
        const box = svg.getBoundingClientRect();
        for (const t of texts) expect(t.r.left >= box.left - 1 && t.r.right <= box.right + 1, `${width} px: "${t.text}" leaves the chart`).to.equal(true);
        expect(el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect().width).to.be.at.most(width);
        // Every bar's value is written in full, as the hidden table has it.
        const values = [...el.shadowRoot!.querySelectorAll('figure table tbody tr')].map((tr) => tr.children[1]!.textContent!.trim());
        expect(values.length).to.equal(7);
        const labels = [...svg.querySelectorAll('[part~="bar-label"]')].map((t) => t.textContent!.trim());
        expect(labels, `${width} px`).to.deep.equal(values);
      }
    });
  }

  it('marks the cut axis and announces where it starts', async () => {
    const el = await board(390, 'en');
    expect(el.shadowRoot!.querySelectorAll('[part~="axis-break"] path.stroke').length).to.equal(3); // plan, actual, the axis
    const figure = el.shadowRoot!.querySelector('figure')!;
    const note = figure.querySelector('[part~="axis-note"]')!.textContent!;
    expect(note).to.match(/^ · The axis starts at CN¥[\d.]+M, not 0 \(cut to show the gap\)\.$/);
    expect(figure.getAttribute('aria-label')).to.match(/split by factor\. The same figures are in the table below\. The axis starts at CN¥[\d.]+M, not 0/);
    await expect(el).to.be.accessible();
  });
});
