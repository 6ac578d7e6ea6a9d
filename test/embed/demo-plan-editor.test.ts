/**
 * Issue 16, item 5 (and the plan used consistently), in the demo (demo/index.html on
 * ?today=2026-12-01), in zh-CN and in en, after 拆解目标: the admin changes the 50–100 % tier's
 * rate from 5 % to 6 % in the commission plan editor and saves; the demo's adapter keeps the plan
 * (localStorage: version 1, tiers 0 / 6 / 8 / 10 %), and the adjustment panel's payout effect of a
 * suggested cut is then computed on that saved plan (`computePayout` with it, on the trigger rules'
 * figures for the same data), not on the sample plan. Plain values only out of the demo's iframe.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openDemo, text, LONG, type Demo } from './demo-helpers.js';
import { evaluateTriggers, groupProposals } from '../../src/engine/adjustment/triggers.js';
import { payAtForecast } from '../fixtures/forecast-mix.js';
import { SAMPLE_COMMISSION_PLAN, type CommissionPlan } from '../../src/engine/incentive/plan.js';
import { targetCells } from '../../src/engine/plan/plan-state.js';
import { periodOf } from '../../src/engine/calendar/periods.js';
import { formatMoney } from '../../src/engine/money/money.js';
import adjustmentEn from '../../src/i18n/en/adjustment.js';
import adjustmentZh from '../../src/i18n/zh-cn/adjustment.js';

const TODAY = '2026-12-01';

for (const lang of ['zh-CN', 'en'] as const) {
  const adj = lang === 'en' ? adjustmentEn : adjustmentZh;
  describe(`demo/index.html in ${lang}: the commission plan edited, saved and used (#16 item 5)`, () => {
    let demo: Demo | undefined;
    afterEach(() => demo?.close());

    it('a tier rate saved in the plan editor is kept by the adapter and pays the suggested cuts’ payout effect', async function () {
      this.timeout(900_000);
      demo = await openDemo(lang, `today=${TODAY}`);
      await demo.decompose();
      const { doc, store } = demo;
      const editor = doc.querySelector('qk-incentive-plan-editor')!;
      const er = () => editor.shadowRoot!;
      await waitUntil(() => er()?.querySelector('input[name="tiers.1.rate"]'), 'the plan editor never showed its tiers', LONG);
      const rate = er().querySelector<HTMLInputElement>('input[name="tiers.1.rate"]')!;
      expect(rate.value).to.equal('5');
      rate.value = '6';
      rate.dispatchEvent(new Event('input'));
      await editor.updateComplete;
      er().querySelector<HTMLButtonElement>('[part=save]')!.click();
      const kept = () => (JSON.parse(demo!.page.win.localStorage.getItem('quotakit-demo-v1')!) as { incentivePlan?: { version: number; plan: CommissionPlan } }).incentivePlan;
      await waitUntil(() => kept(), 'the plan was never saved', LONG);
      expect([kept()!.version, kept()!.plan.tiers.map((t) => t.rate)]).to.deep.equal([1, [0, 0.06, 0.08, 0.1]]);
      const saved: CommissionPlan = { ...SAMPLE_COMMISSION_PLAN, ...kept()!.plan };

      const panel = doc.querySelector('qk-adjustment-panel')!;
      const pr = () => panel.shadowRoot!;
      await waitUntil(() => pr()?.querySelector('input[part=include-pace]'), 'the panel never showed its suggestions', LONG);
      pr().querySelector<HTMLInputElement>('input[part=include-pace]')!.click();
      await waitUntil(() => pr().querySelectorAll('[part=suggestion-group].pace [part=payout-effect]').length > 0, 'no payout effect shown', LONG);
      await panel.updateComplete;

      const s = store();
      const st = s.state!;
      const r = evaluateTriggers({
        state: { plan: st.plan, org: st.org, targets: targetCells(st), actuals: st.actuals?.actuals ?? [], pipeline: s.actuals?.pipeline ?? [] },
        period: periodOf(TODAY, 'quarter', st.plan.calendar), metric: 'revenue', asOf: TODAY, nodeId: st.index.roots[0]!, includePace: true, products: s.snapshot!.products,
      });
      if (!r.ok) throw new Error(r.error.message);
      const pace = groupProposals(r.value).find((g) => g.group === 'pace')!;
      const money = (v: number) => formatMoney(v, { currency: 'CNY', locale: lang });
      const newIds = s.snapshot!.products.filter((x) => x.new).map((x) => x.id);
      const effect = (plan: CommissionPlan) =>
        pace.shown.slice(0, 3).map((p) => {
          const forecast = Math.round(Number(p.facts.forecast));
          // The forecast booked in the rep's product mix so far, paid with the plan data's new lines.
          const pay = (target: number) => payAtForecast(plan, p.nodeId, forecast, target, st.actuals?.actuals ?? [], newIds);
          const before = pay(Number(p.facts.target));
          const after = pay(p.change!.kind === 'value' ? p.change!.value : 0);
          const d = after - before;
          return adj.payoutEffect({ forecast: money(forecast), before: money(before), after: money(after), delta: `${d > 0 ? '+' : d < 0 ? '−' : ''}${money(Math.abs(d))}` });
        });
      const shown = [...pr().querySelectorAll('[part=suggestion-group].pace [part=payout-effect]')].map(text);
      // The two plans pay these cards differently, so the figures tell which plan was used.
      expect(effect(saved)).to.not.deep.equal(effect(SAMPLE_COMMISSION_PLAN));
      expect(shown).to.deep.equal(effect(saved));
      expect(demo.page.errors).to.deep.equal([]);
    });
  });
}
