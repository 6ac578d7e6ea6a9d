/**
 * Issue 16, item 5: under a provider the calculator pays on the commission plan the adapter keeps
 * (`loadIncentivePlan`), and a save in `qk-incentive-plan-editor` on the same provider changes its
 * payout at once (one shared plan per adapter, no reload).
 *
 * Hand-computed for 王芳 (r1), FY2026-Q1, as of 2026-03-31, from the small fixture: target ¥500,000;
 * booked ¥165,000 = 核心平台 ¥120,000 + 智能助手 (new) ¥45,000, nothing clawed back yet (90 days);
 * attainment 33 %. Sample plan: tiers 0 % to 50 %, 5 % to 100 %, …; ×1.5 on new products; half
 * commission below 70 %; ¥5,000 when new products are ≥ 20 % (here 27.3 %); cap 20 % of the target.
 * - first tier at 0 % (the sample plan): commission 0, payout = the bonus ¥5,000;
 * - first tier at 2 %: 165,000 × 2 % = 3,300, new-product uplift 3,300 × 45/165 × 0.5 = 450,
 *   decelerated (3,300 + 450) × 0.5 = 1,875, + 5,000 = ¥6,875;
 * - first tier at 4 %: 6,600 + 900 = 7,500, × 0.5 = 3,750, + 5,000 = ¥8,750.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-provider.js';
import '../../../src/define/qk-incentive-calculator.js';
import '../../../src/define/qk-incentive-plan-editor.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { SAMPLE_COMMISSION_PLAN } from '../../../src/engine/incentive/plan.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
const payout = (calc: Element) => squash(calc.shadowRoot?.querySelector('.figures .payout')?.textContent);

async function mount(adapter: MemoryAdapter) {
  const provider = await fixture<QkProvider>(html`<qk-provider locale="en" as-of="2026-03-31" autosave-ms="0">
    <qk-incentive-calculator node="r1" period="FY2026-Q1"></qk-incentive-calculator>
    <qk-incentive-plan-editor></qk-incentive-plan-editor>
  </qk-provider>`);
  provider.adapter = adapter;
  const calc = provider.querySelector('qk-incentive-calculator')!;
  const editor = provider.querySelector('qk-incentive-plan-editor')!;
  await waitUntil(() => provider.store.status === 'ready' && payout(calc) !== '', 'the calculator never showed a payout', { timeout: 60000 });
  return { provider, calc, editor };
}

function firstTier(rate: number) {
  return { ...SAMPLE_COMMISSION_PLAN, tiers: SAMPLE_COMMISSION_PLAN.tiers.map((t, i) => (i === 0 ? { ...t, rate } : t)) };
}

describe('qk-incentive-calculator: the plan the adapter keeps', () => {
  it('pays on the sample plan when the adapter keeps none (¥5,000)', async () => {
    const { plan, actuals } = smallFixture();
    const { calc } = await mount(new MemoryAdapter(plan, actuals, { user: 'u-admin' }));
    expect(payout(calc)).to.equal('CN¥5,000');
  });

  it('pays on the saved plan (first tier 2 %: ¥6,875), and on the plan the editor saves (4 %: ¥8,750)', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = new MemoryAdapter(plan, actuals, { user: 'u-admin' });
    await adapter.saveIncentivePlan({ baseVersion: 0, plan: firstTier(0.02) as unknown as Record<string, unknown> });
    const { calc, editor } = await mount(adapter);
    await waitUntil(() => payout(calc) === 'CN¥6,875', `the calculator did not pay on the saved plan: ${payout(calc)}`, { timeout: 60000 });

    // The editor shows the saved plan; the director types 4 % for the first tier and saves.
    const root = editor.shadowRoot!;
    await waitUntil(() => root.querySelector<HTMLInputElement>('input[name="tiers.0.rate"]')?.value === '2', 'the editor never showed the saved plan', { timeout: 60000 });
    const rate = root.querySelector<HTMLInputElement>('input[name="tiers.0.rate"]')!;
    rate.value = '4';
    rate.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    root.querySelector<HTMLButtonElement>('[part=save]')!.click();
    await waitUntil(() => root.querySelector('[part=message][role=status]'), 'the editor never saved', { timeout: 60000 });
    expect(squash(root.querySelector('[part=message][role=status]')!.textContent)).to.equal('Saved (version 2).');
    await waitUntil(() => payout(calc) === 'CN¥8,750', `the calculator did not follow the save: ${payout(calc)}`, { timeout: 60000 });
    expect((await adapter.loadIncentivePlan())!.version).to.equal(2);
  });
});
