/**
 * Issue 16 (items 3, 5, 7): "product weights used consistently by the incentive plan". Under a
 * provider, the payout effect of a suggested cut is computed on the commission plan the adapter keeps
 * (the one `qk-incentive-plan-editor` saves and `qk-incentive-calculator` pays on), not on the kit's
 * sample plan. Saved here: a flat 10 % of bookings, nothing else — so a cut changes nothing, and each
 * card reads "payout 10 % of the forecast, before and after (±0)". The expected figures come from the
 * trigger rules and `computePayout` with that plan on the same data.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-provider.js';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-adjustment-panel.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import { evaluateTriggers, groupProposals } from '../../../src/engine/adjustment/triggers.js';
import { targetCells } from '../../../src/engine/plan/plan-state.js';
import { periodOf } from '../../../src/engine/calendar/periods.js';
import { computePayout } from '../../../src/engine/incentive/commission.js';
import type { CommissionPlan } from '../../../src/engine/incentive/plan.js';
import { formatMoney } from '../../../src/engine/money/money.js';
import adjustmentEn from '../../../src/i18n/en/adjustment.js';

const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const FLAT: CommissionPlan = { id: 'flat', basis: 'booked', tiers: [{ from: 0, rate: 0.1 }] };

describe('the payout effect of a suggested cut uses the adapter’s commission plan (issue 16)', () => {
  it('shows 10 % of the forecast before and after the cut when the saved plan is a flat 10 %', async function () {
    this.timeout(300_000);
    const asOf = '2026-11-20';
    const company = generateSampleCompany({ asOf });
    const adapter = new MemoryAdapter(company.plan, company.actuals, { user: 'u-admin' });
    await adapter.saveIncentivePlan({ baseVersion: 0, plan: FLAT as unknown as Record<string, unknown> });
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0" as-of=${asOf}>
      <qk-goal-tree granularity="month" expand-depth="1"></qk-goal-tree>
      <qk-adjustment-panel></qk-adjustment-panel>
    </qk-provider>`);
    provider.adapter = adapter;
    const tree = provider.querySelector('qk-goal-tree')!;
    const el = provider.querySelector('qk-adjustment-panel')!;
    const root = () => el.shadowRoot!;
    await waitUntil(() => tree.shadowRoot!.querySelector('[part~=decompose]'), 'the decompose offer never showed', { timeout: 120000 });
    tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~=decompose]')!.click();
    await waitUntil(() => root().querySelector('input[part=include-pace]'), 'no suggestions section', { timeout: 120000 });
    root().querySelector<HTMLInputElement>('input[part=include-pace]')!.click();
    await waitUntil(() => root().querySelectorAll('[part=payout-effect]').length > 0, 'no payout effect shown', { timeout: 120000 });

    const s = provider.store;
    const st = s.state!;
    const r = evaluateTriggers({
      state: { plan: st.plan, org: st.org, targets: targetCells(st), actuals: st.actuals?.actuals ?? [], pipeline: s.actuals?.pipeline ?? [] },
      period: periodOf(asOf, 'quarter', st.plan.calendar), metric: 'revenue', asOf, nodeId: st.index.roots[0]!, includePace: true, products: s.snapshot!.products,
    });
    if (!r.ok) throw new Error(r.error.message);
    const pace = groupProposals(r.value).find((g) => g.group === 'pace')!;
    const money = (v: number) => formatMoney(v, { currency: 'CNY', locale: 'en' });
    const wanted = pace.shown.slice(0, 3).map((p) => {
      const forecast = Math.round(Number(p.facts.forecast));
      const pay = (target: number) => {
        const x = computePayout(FLAT, { id: p.nodeId, target }, [{ id: 'forecast', repId: p.nodeId, productId: '', date: '2000-01-01', type: 'booking', amount: forecast }], { asOf: '2000-01-01' });
        if (!x.ok) throw new Error(x.error.message);
        return x.value.total;
      };
      const before = pay(Number(p.facts.target));
      const after = pay(p.change!.kind === 'value' ? p.change!.value : 0);
      // A flat rate pays the same whatever the target: 10 % of the forecast (half up), both times.
      expect([before, after]).to.deep.equal([Math.round(forecast / 10), Math.round(forecast / 10)]);
      return adjustmentEn.payoutEffect({ forecast: money(forecast), before: money(before), after: money(after), delta: money(0) });
    });
    const shown = [...root().querySelectorAll('[part=suggestion-group].pace [part=payout-effect]')].map(text);
    expect(shown).to.deep.equal(wanted);
  });
});
