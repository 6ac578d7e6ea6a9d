/**
 * Issue 16, item 3 (the demo's goal tree showed its switches in English for seconds in a zh-CN page):
 * an element's first paint is in its language. In a fresh page (its own registry and string tables,
 * nothing of zh-CN in memory), a provider in zh-CN whose store is already loaded gets a goal tree
 * with its switches: every render of the tree is recorded, and the first one that shows the
 * switches must already read 视图 / 指标 / 产品 and the metrics' Chinese names — before, the tree
 * drew the data at once with English standing in for the zh-CN tables still on their way
 * ("View", "Metric", "Revenue"), as the demo did while its strings loaded.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { inPage, openPage, squash, type HostPage } from './host.js';
import { smallFixture } from '../fixtures/small-plan.js';

describe('embed: the first paint is in the page’s language (#16 item 3)', () => {
  let page: HostPage;
  before(async () => {
    page = await openPage('about:blank', { waitFor: [] });
  });
  after(() => page.close());

  it('a goal tree under a loaded zh-CN provider shows its switches in Chinese from its first render', async () => {
    const importIn = (path: string) => page.win.eval(`import(${JSON.stringify(path)})`) as Promise<Record<string, unknown>>;
    await importIn('/src/define/qk-provider.ts');
    const { MemoryAdapter } = (await importIn('/src/adapter/memory-adapter.ts')) as { MemoryAdapter: new (plan: unknown, actuals: unknown) => unknown };
    const provider = page.doc.createElement('qk-provider') as HTMLElement & { adapter?: unknown; store: { status: string } };
    provider.setAttribute('locale', 'zh-CN');
    provider.setAttribute('as-of', '2026-03-31');
    page.doc.body.append(provider);
    const { plan, actuals } = inPage(page.win, smallFixture());
    provider.adapter = new MemoryAdapter(plan, actuals);
    await waitUntil(() => provider.store.status === 'ready', 'the provider never loaded');

    await importIn('/src/define/qk-goal-tree.ts');
    const Tree = page.win.customElements.get('qk-goal-tree')!;
    // Each render of the tree: the text of its switches, or '' while it shows none.
    const renders: string[] = [];
    const proto = Tree.prototype as unknown as { updated(changed: unknown): void };
    const updated = proto.updated;
    proto.updated = function (this: HTMLElement, changed: unknown) {
      updated.call(this, changed);
      renders.push(squash(this.shadowRoot?.querySelector('[part="switches"]')?.textContent));
    };
    const tree = page.doc.createElement('qk-goal-tree');
    tree.setAttribute('switches', '');
    tree.setAttribute('granularity', 'year');
    provider.append(tree);
    await waitUntil(() => renders.some((r) => r.includes('视图')), `the switches never read 视图: ${JSON.stringify(renders)}`);
    const shown = renders.filter((r) => r !== '');
    // Plain strings out of the page: the first render with switches, and every one, in Chinese.
    expect(shown[0]).to.match(/^视图 .*指标 销售额回款额线索数.* 产品 全部产品 核心平台智能助手（新）/);
    expect(shown.filter((r) => /View|Metric|Revenue|Product/.test(r))).to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });
});
