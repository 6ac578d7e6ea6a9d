import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import { QkStore } from '../../../src/store/store.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const root = (el: QkGoalTree) => el.shadowRoot!;
const rowIds = (el: QkGoalTree) => [...root(el).querySelectorAll('.body [role="row"]')].map((r) => r.querySelector('[part~="name"]')?.textContent);
const rowOf = (el: QkGoalTree, name: string) => [...root(el).querySelectorAll<HTMLElement>('.body [role="row"]')].find((r) => r.querySelector('[part~="name"]')?.textContent === name)!;

describe('qk-goal-tree: keeps its state, pointer actions', () => {
  it('after 拆解目标 the rows the user opened stay open', async () => {
    const { plan, actuals } = generateSampleCompany({ asOf: '2026-03-01', regions: 2, teamsPerRegion: 2, repsPerTeam: 2 });
    const store = new QkStore({ autosaveMs: false, asOf: '2026-03-01' });
    store.setData(plan, actuals);
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" lang="en" .store=${store}></qk-goal-tree>`);
    const regions = plan.org.filter((n) => n.kind === 'region');
    // Open both regions with their toggles.
    for (const r of regions) {
      rowOf(el, r.name).querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
    }
    const open = () => regions.map((r) => rowOf(el, r.name)?.getAttribute('aria-expanded'));
    expect(open()).to.deep.equal(['true', 'true']);
    const before = rowIds(el);
    expect(before.length).to.equal(1 + 2 + 4);
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await el.updateComplete;
    await waitUntil(() => !root(el).querySelector('[part="decompose"]'), 'decomposed', { timeout: 60000 });
    await el.updateComplete;
    expect(open()).to.deep.equal(['true', 'true']);
    expect(rowIds(el)).to.deep.equal(before);
  });
  it('under a provider, opened teams stay open through 拆解目标 and its save', async () => {
    const { plan, actuals } = generateSampleCompany({ asOf: '2026-03-01', regions: 2, teamsPerRegion: 2, repsPerTeam: 2 });
    const host = await fixture<QkProvider>(html`<qk-provider as-of="2026-03-01" locale="zh-CN"><qk-goal-tree granularity="quarter" expand-depth="2"></qk-goal-tree></qk-provider>`);
    host.adapter = new MemoryAdapter(plan, actuals);
    const el = host.querySelector('qk-goal-tree')!;
    await waitUntil(() => host.store.status === 'ready' && root(el).querySelector('[part="decompose"]'), 'loaded', { timeout: 60000 });
    await el.updateComplete;
    const teams = plan.org.filter((n) => n.kind === 'team').slice(0, 3).filter((_, i) => i !== 1);
    for (const t of teams) {
      rowOf(el, t.name).querySelector<HTMLElement>('[part~="toggle"]')!.click();
      await el.updateComplete;
    }
    const open = () => teams.map((t) => rowOf(el, t.name)?.getAttribute('aria-expanded'));
    expect(open()).to.deep.equal(['true', 'true']);
    const before = rowIds(el);
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await waitUntil(() => host.store.saveState === 'saved', 'saved', { timeout: 60000 });
    await el.updateComplete;
    expect(open()).to.deep.equal(['true', 'true']);
    expect(rowIds(el)).to.deep.equal(before);
  });
});
