/**
 * Issue 16, item 3, in the demo (demo/index.html on ?today=2026-11-27), in zh-CN and in en: the
 * new-product minimum share of targets is one stored rule. The director types 25 % in the goal
 * tree's control; it is saved through the demo's adapter (the plan in localStorage carries it), and
 * 拆解目标 then gives the new line (智能助手) at least a quarter of every rep-month: each rep-month's
 * new-line cell is ceil(25 % × the rep-month), as the sample's new line sold nothing last year.
 * Assertions take plain values out of the demo's iframe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';

for (const lang of ['zh-CN', 'en'] as const) {
  describe(`demo/index.html in ${lang}: the new-product minimum share, set in the tree and saved (#16 item 3)`, () => {
    let demo: Demo | undefined;
    afterEach(() => demo?.close());

    it('25 % typed in the goal tree is the plan’s, and the decomposition gives the new line a quarter of each rep-month', async function () {
      this.timeout(900_000);
      demo = await openDemo(lang, 'today=2026-11-27');
      const { doc, store } = demo;
      const tree = doc.querySelector('qk-goal-tree')!;
      const control = () => tree.shadowRoot?.querySelector<HTMLInputElement>('[part="min-new-share"] input') ?? null;
      await waitUntil(() => control(), 'the goal tree never offered the new-product share', LONG);
      // The label says what the share is of (targets), once the page's language has loaded.
      const label = lang === 'en' ? 'New products’ least share of targets %' : '新产品目标最低占比 %';
      await waitUntil(() => text(tree.shadowRoot!.querySelector('[part="min-new-share"]')) === label, `the share's label never read "${label}"`, LONG);
      // The sample plan's own rule: 10 %.
      expect([control()!.value, store().plan!.newProductMinShare]).to.deep.equal(['10', 0.1]);
      const version = store().plan!.version;

      control()!.value = '25';
      control()!.dispatchEvent(new Event('change'));
      await waitUntil(() => store().plan!.newProductMinShare === 0.25, 'the share was never saved', LONG);
      // Through the adapter: the plan the demo keeps in localStorage carries it, one version on.
      const kept = JSON.parse(demo.page.win.localStorage.getItem('quotakit-demo-v1')!) as { plan: { plan: { version: number; newProductMinShare?: number } } };
      expect([kept.plan.plan.newProductMinShare, kept.plan.plan.version]).to.deep.equal([0.25, version + 1]);

      tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decompose"]')!.click();
      await waitUntil(() => store().plan!.version === version + 2, 'the decomposition was never saved', LONG);
      const s = store();
      const newLines = s.snapshot!.products.filter((p) => p.new).map((p) => p.id);
      expect(newLines).to.deep.equal(['ai']);
      const reps = s.org.filter((n) => n.kind === 'rep' && !n.hireDate?.startsWith('2026')).slice(0, 5);
      let checked = 0;
      for (const rep of reps) {
        for (const m of ['2026-01', '2026-06', '2026-12']) {
          const total = s.getCell(rep.id, m, 'revenue')?.value ?? 0;
          if (total === 0) continue;
          expect(s.getCell(rep.id, m, 'revenue', 'ai')?.value, `${rep.name} ${m}`).to.equal(Math.ceil(total / 4));
          checked++;
        }
      }
      expect(checked).to.be.greaterThan(5);
      expect(demo.page.errors).to.deep.equal([]);
    });
  });
}
