import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/index.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { sampleCompany } from '../../fixtures/sample-company.js';

/**
 * Issue #14: the people cards come by import() the first time they show, with their styles, which
 * the element adopts after its own. The cards must look as they did when the styles were static.
 */
describe('goal tree parts loaded on demand (issue 14)', () => {
  it('the people cards, loaded by import(), are styled: a grid of bordered cards', async () => {
    localStorage.clear();
    const sample = sampleCompany({ asOf: '2026-09-15' });
    const box = await fixture<HTMLDivElement>(html`<div><qk-provider locale="en" as-of="2026-09-15" autosave-ms="0">
      <div style="width: 320px"><qk-goal-tree layout="cards"></qk-goal-tree></div>
    </qk-provider></div>`);
    const provider = box.querySelector('qk-provider') as QkProvider;
    provider.adapter = new MemoryAdapter(sample.plan, sample.actuals);
    const tree = box.querySelector('qk-goal-tree')!;
    await waitUntil(() => tree.shadowRoot!.querySelector('[part~="card"]'), 'the cards never showed', { timeout: 60000 });
    const list = tree.shadowRoot!.querySelector<HTMLElement>('[part~="cards"]')!;
    const card = tree.shadowRoot!.querySelector<HTMLElement>('[part~="card"]')!;
    expect(getComputedStyle(list).display).to.equal('grid');
    expect(getComputedStyle(list).listStyleType).to.equal('none');
    expect(getComputedStyle(card).borderTopStyle).to.equal('solid');
    expect(getComputedStyle(card).flexDirection).to.equal('column');
    // No loading line is left once the cards are there.
    expect(tree.shadowRoot!.querySelector('[part~="part-loading"]')).to.equal(null);
  });
});
