/**
 * The README's first command opens demo/index.html: this loads that very page (its main.ts, the
 * sample company on a LocalStorageAdapter) and uses it as a person would.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openPage, type HostPage } from './host.js';
import type { QkProvider } from '../../src/components/provider/provider.js';

describe('demo/index.html', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('loads the sample company, decomposes it and keeps the edit across a reload', async function () {
    // Two page loads of the full dashboard: a ceiling for a loaded machine, not a wait.
    this.timeout(300_000);
    // The demo's iframe shares this page's origin, so its localStorage: clear the plan here rather
    // than by a load of the whole dashboard first.
    localStorage.removeItem('quotakit-demo-v1');
    page = await openPage('/demo/index.html');
    const provider = page.doc.getElementById('provider') as QkProvider;
    await waitUntil(() => provider.store.status === 'ready', 'the demo never loaded');
    const summary = () => [...page!.doc.querySelectorAll('#summary dd')].map((d) => d.textContent);
    // 4 regions, 12 teams, 77 reps, 9 hired this year, plan version 1 (the sample company, seed 2026).
    expect(summary().slice(3)).to.deep.equal(['4', '12', '77', '9', '1']);
    const tree = page.doc.querySelector('qk-goal-tree')!;
    await waitUntil(() => tree.shadowRoot?.querySelector('[part~="decompose"]'), 'the goal tree never offered to decompose');
    tree.shadowRoot!.querySelector<HTMLButtonElement>('[part~="decompose"]')!.click();
    await waitUntil(() => provider.store.plan?.version === 2, 'the decomposition was never saved');
    expect(page.errors).to.deep.equal([]);

    page.close();
    page = await openPage('/demo/index.html');
    const again = page.doc.getElementById('provider') as QkProvider;
    await waitUntil(() => again.store.status === 'ready', 'the demo never reloaded');
    // The LocalStorageAdapter kept the saved plan: version 2, with targets for every region.
    expect(again.store.plan?.version).to.equal(2);
    const regions = again.store.org.filter((n) => n.kind === 'region');
    expect(regions.every((r) => (again.store.getCell(r.id, `FY${again.store.plan!.fiscalYear}`, 'revenue')?.value ?? 0) > 0)).to.equal(true);
    localStorage.removeItem('quotakit-demo-v1');
  });
});
