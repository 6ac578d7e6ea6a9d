/**
 * Audit of issue 12 ("the store owns time: every adapter call has a timeout"): the commission plan
 * editor's save goes through the provider's timeout (`timeout-ms`), so a host whose
 * saveIncentivePlan never answers ends in a readable error and a usable Save button, not
 * "Saving…" for ever.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/qk-provider.js';
import '../../src/define/qk-incentive-plan-editor.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('audit: qk-incentive-plan-editor when the host never answers a save', () => {
  it('times out with the provider’s timeout-ms: a readable error, and Save can be pressed again', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = new MemoryAdapter(plan, actuals, { user: { id: 'u-fin', name: '林涛', roles: ['finance'], canView: ['co'], canEdit: [] } });
    adapter.saveIncentivePlan = () => new Promise(() => undefined);
    const provider = await fixture<QkProvider>(html`<qk-provider locale="en" autosave-ms="0" timeout-ms="200"><qk-incentive-plan-editor></qk-incentive-plan-editor></qk-provider>`);
    provider.adapter = adapter;
    const el = provider.querySelector('qk-incentive-plan-editor')!;
    await waitUntil(() => provider.store.status === 'ready' && el.shadowRoot!.querySelector('form'), 'the editor never showed', { timeout: 60_000 });
    await el.updateComplete;
    const root = el.shadowRoot!;
    const errors: string[] = [];
    el.addEventListener('qk-error', (e) => errors.push(e.detail.code));
    root.querySelector<HTMLButtonElement>('[part=save]')!.click();
    await waitUntil(() => root.querySelector('[part=message][role=alert]'), 'the save never ended', { timeout: 60_000 });
    expect(text(root.querySelector('[part=message][role=alert]')!)).to.equal('The CRM did not answer in time. Your changes are kept; they are sent again when you retry.');
    expect(errors).to.deep.equal(['timeout']);
    await el.updateComplete;
    expect(root.querySelector<HTMLButtonElement>('[part=save]')!.disabled).to.equal(false);
  });
});
