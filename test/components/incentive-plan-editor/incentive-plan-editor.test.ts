/**
 * Issue 16, item 5: a commission plan editor with per-field validation (nothing typed lost), a live
 * payout curve preview, and save through the adapter — only for finance or an admin.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-provider.js';
import '../../../src/define/qk-incentive-plan-editor.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

async function setup(user: string | { id: string; name: string; roles: ('finance' | 'rep')[]; canView: string[]; canEdit: string[] }) {
  const { plan, actuals } = smallFixture();
  const adapter = new MemoryAdapter(plan, actuals, { user: user as never });
  const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0"><qk-incentive-plan-editor></qk-incentive-plan-editor></qk-provider>`);
  provider.adapter = adapter;
  const el = provider.querySelector('qk-incentive-plan-editor')!;
  await waitUntil(() => provider.store.status === 'ready' && el.shadowRoot!.querySelector('form'), 'the editor never showed', { timeout: 60000 });
  await el.updateComplete;
  return { adapter, el, root: el.shadowRoot! };
}

describe('qk-incentive-plan-editor', () => {
  it('validates per field keeping the text, previews the curve, and saves as finance', async () => {
    const { adapter, el, root } = await setup({ id: 'u-fin', name: '林涛', roles: ['finance'], canView: ['co'], canEdit: [] });
    const rate = root.querySelector<HTMLInputElement>('input[name="tiers.2.rate"]')!;
    expect(rate.value).to.equal('8');
    rate.value = '9x';
    rate.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root.querySelector<HTMLInputElement>('input[name="tiers.2.rate"]')!.value).to.equal('9x');
    expect(text(rate.closest('label')!.querySelector('[part=error]')!)).to.equal('Enter a number.');
    rate.value = '120';
    rate.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text(rate.closest('label')!.querySelector('[part=error]')!)).to.equal('Enter a number from 0 to 100.');
    rate.value = '9';
    rate.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rate.closest('label')!.querySelector('[part=error]')).to.equal(null);
    // Target ¥100,000: at 150 % the tiers pay 50,000 × 5 % + 50,000 × 9 % = ¥7,000 (cap ¥20,000 not reached).
    const rows = [...root.querySelectorAll('.preview-table tr')].map((tr) => [...tr.children].map(text).join(' '));
    expect(rows).to.include('150% CN¥7,000.00');
    root.querySelector<HTMLButtonElement>('[part=save]')!.click();
    await waitUntil(() => root.querySelector('[part=message][role=status]'), 'never saved', { timeout: 60000 });
    expect(text(root.querySelector('[part=message][role=status]')!)).to.equal('Saved (version 1).');
    const saved = await adapter.loadIncentivePlan();
    expect([saved!.version, (saved!.plan as { tiers: { rate: number }[] }).tiers.map((t) => t.rate)]).to.deep.equal([1, [0, 0.05, 0.09, 0.1]]);
  });

  it('does not let a manager save, and names the rule', async () => {
    const { root } = await setup('u-east');
    expect(root.querySelector<HTMLButtonElement>('[part=save]')!.disabled).to.equal(true);
    expect(text(root.querySelector('[part=message]')!)).to.equal('Only finance or an administrator may change the commission plan; 周敏 is a manager.');
  });
});
