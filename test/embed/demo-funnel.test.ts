/**
 * Issue 16, item 9, in the demo (demo/index.html on ?today=2026-01-05), in zh-CN and in en, after
 * 拆解目标: the director types a ¥1,000,000 what-if into the funnel inverter; the requirement per stage
 * is the ceiling chain from the deal size and the rates the element reports (`qk-funnel-change`:
 * deals = ⌈target ÷ deal size⌉, each earlier stage = ⌈next ÷ its rate⌉), and the by-month schedule
 * adds up to exactly that requirement (it used to sum to about a third more). Plain values only are
 * taken out of the demo's iframe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, LONG, type Demo } from './demo-helpers.js';
import type { QkFunnelChangeDetail } from '../../src/events/qk-funnel-change.js';

/** The count a cell starts with ("1,234 by …", "1,234，… 前"), grouping commas dropped. */
const count = (s: string | null | undefined) => Number((/^[\d,]+/.exec((s ?? '').trim())?.[0] ?? 'NaN').replace(/,/g, ''));

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`demo/index.html in ${lang}: the funnel schedule adds up (#16 item 9)`, () => {
    let demo: Demo | undefined;
    afterEach(() => demo?.close());

    it('the ¥1,000,000 what-if: the months of the schedule add up to the requirement, stage by stage', async function () {
      this.timeout(900_000);
      demo = await openDemo(lang, 'today=2026-01-05');
      await demo.decompose();
      const funnel = demo.doc.querySelector('qk-funnel-inverter')!;
      const r = () => funnel.shadowRoot!;
      const rowsOf = (sel: string) => [...(r()?.querySelectorAll(sel) ?? [])];
      await waitUntil(() => r()?.querySelector('#f-target') && rowsOf('.schedule tbody tr').length > 0, 'the funnel never showed its schedule', LONG);

      let detail: QkFunnelChangeDetail | null = null;
      funnel.addEventListener('qk-funnel-change', (e) => (detail = (e as CustomEvent<QkFunnelChangeDetail>).detail));
      const target = r().querySelector<HTMLInputElement>('#f-target')!;
      target.value = '100万';
      target.dispatchEvent(new Event('input'));
      target.dispatchEvent(new Event('change'));
      await waitUntil(() => detail !== null, 'the what-if was never taken', LONG);
      await funnel.updateComplete;
      const { inputs } = detail!;
      expect(inputs.target).to.equal(100_000_000);

      // The requirement by hand: deals from the deal size, then each earlier stage from its rate.
      const n = inputs.stages.length;
      const need: number[] = new Array(n);
      need[n - 1] = Math.ceil(inputs.target / inputs.avgDealSize - 1e-9);
      for (let i = n - 2; i >= 0; i--) need[i] = Math.ceil(need[i + 1]! / inputs.stages[i]!.rate! - 1e-9);
      const shown = rowsOf('.qk-visually-hidden > table tbody tr').map((tr) => count(tr.querySelector('td')?.textContent));
      expect(shown).to.deep.equal(need);

      // The schedule: one row a month, a count per stage after the month and its target.
      const months = rowsOf('.schedule tbody tr').map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => count(td.textContent)));
      expect(months.length).to.equal(12);
      const sums = need.map((_, i) => months.reduce((a, m) => a + (m[i] ?? 0), 0));
      expect(sums).to.deep.equal(need);
      expect(demo.page.errors).to.deep.equal([]);
    });
  });
}
