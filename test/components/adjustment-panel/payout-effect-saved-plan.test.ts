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
import { sampleCompany } from '../../fixtures/sample-company.js';
import { evaluateTriggers, groupProposals } from '../../../src/engine/adjustment/triggers.js';
import { targetCells } from '../../../src/engine/plan/plan-state.js';
import { periodOf } from '../../../src/engine/calendar/periods.js';
import { computePayout } from '../../../src/engine/incentive/commission.js';
import type { CommissionPlan } from '../../../src/engine/incentive/plan.js';
import { formatMoney } from '../../../src/engine/money/money.js';
import adjustmentEn from '../../../src/i18n/en/adjustment.js';
import { mixBookings } from '../../fixtures/forecast-mix.js';

const text = (e: Element | null | undefined) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const FLAT: CommissionPlan = { id: 'flat', basis: 'booked', tiers: [{ from: 0, rate: 0.1 }] };

/** A provider over the sample company with `saved` as the adapter's commission plan, a decomposed tree and the pace suggestions shown. */
async function openWith(saved: CommissionPlan) {
  const asOf = '2026-11-20';
  const company = sampleCompany({ asOf });
  const adapter = new MemoryAdapter(company.plan, company.actuals, { user: 'u-admin' });
  await adapter.saveIncentivePlan({ baseVersion: 0, plan: saved as unknown as Record<string, unknown> });
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
  return { company, provider, root, pace };
}

describe('the payout effect of a suggested cut uses the adapter’s commission plan (issue 16)', () => {
  it('shows 10 % of the forecast before and after the cut when the saved plan is a flat 10 %', async function () {
    this.timeout(300_000);
    const { root, pace } = await openWith(FLAT);
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
  it('books the forecast in each rep’s product mix: the new line (ai, 智能助手) earns ×1.5 and the ¥5,000 bonus, as in the calculator', async function () {
    this.timeout(300_000);
    // The saved plan: a flat 10 %, new products ×1.5, ¥5,000 when new products are ≥ 20 % of revenue.
    const RULES: CommissionPlan = { ...FLAT, id: 'new-rules', newProductMultiplier: 1.5, newProductBonus: { share: 0.2, amount: 500_000 } };
    const { provider, root, pace } = await openWith(RULES);
    const money = (v: number) => formatMoney(v, { currency: 'CNY', locale: 'en' });
    const newIds = provider.store.snapshot!.products.filter((x) => x.new).map((x) => x.id);
    expect(newIds).to.deep.equal(['ai']);
    const aiParts: number[] = [];
    const actuals = provider.store.state!.actuals!.actuals;
    const wanted = pace.shown.slice(0, 3).map((p) => {
      const F = Math.round(Number(p.facts.forecast));
      // The forecast split in the rep's booked mix (test/fixtures/forecast-mix.ts): its ai part.
      const a = mixBookings(p.nodeId, F, actuals).find((x) => x.productId === 'ai')?.amount ?? 0;
      aiParts.push(a);
      // 10 % of everything + 5 % more on ai = (2F + a) / 20, half up; the bonus when 5a ≥ F.
      const pay = Math.floor((2 * F + a + 10) / 20) + (5 * a >= F ? 500_000 : 0);
      return adjustmentEn.payoutEffect({ forecast: money(F), before: money(pay), after: money(pay), delta: money(0) });
    });
    // The sample's reps sell the new line: the rule matters on these cards.
    expect(aiParts.some((a) => a > 0)).to.equal(true);
    const shown = [...root().querySelectorAll('[part=suggestion-group].pace [part=payout-effect]')].map(text);
    expect(shown).to.deep.equal(wanted);
  });
});
