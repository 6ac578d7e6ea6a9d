import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../../src/define/qk-provider.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import '../../../src/define/qk-goal-tree.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import { generateSampleCompany } from '../../../src/sample/sample-data.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const root = (el: QkGoalTree) => el.shadowRoot!;
const grid = (el: QkGoalTree) => root(el).querySelector('[role="treegrid"]')!;
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const select = (el: QkGoalTree, part: string) => root(el).querySelector<HTMLSelectElement>(`[part="${part}"] select`)!;
async function choose(el: QkGoalTree, part: string, value: string): Promise<void> {
  const s = select(el, part);
  s.value = value;
  s.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('goal-tree switches (issue 16 items 1, 3, 4)', () => {
  it('switches the metric to a process KPI and shows its actuals, in both languages', async () => {
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree switches granularity="year" expand-depth="1" lang="en" .data=${smallFixture()}></qk-goal-tree>`);
    expect([...select(el, 'metric-switch').options].map((o) => o.value)).to.deep.equal(['revenue', 'collections', 'leads', 'visits', 'demos', 'quotes', 'won', 'avgDealSize']);
    await choose(el, 'view-switch', 'tracking');
    expect(el.views).to.equal('actual attainment');
    await choose(el, 'metric-switch', 'leads');
    expect(el.metric).to.equal('leads');
    expect(grid(el).getAttribute('aria-label')).to.contain('Leads');
    // Leads in FY2026: 王芳 (华东) 40 in January, 陈静 (华南) 30 in February → 70, 40, 30.
    expect([0, 1, 2].map((r) => text(cellAt(el, r, 2)))).to.deep.equal(['70', '40', '30']);
    el.lang = 'zh-CN';
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="metric-switch"]'))).to.contain('指标');
    expect(select(el, 'metric-switch').selectedOptions[0]!.textContent!.trim()).to.equal('线索数');
  });

  it('shows the sources of a target side by side: top-down, bottom-up, market and blended', async () => {
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree switches granularity="year" expand-depth="1" lang="en" .data=${smallFixture()}
      .market=${{ east: { size: 4_000_000_000, share: 0.2 } }}></qk-goal-tree>`);
    await choose(el, 'view-switch', 'sources');
    expect(el.views).to.equal('top-down bottom-up market blended');
    expect(grid(el).getAttribute('aria-colcount')).to.equal('6');
    // 华东: top-down ¥7,200,000; no bookings last year → bottom-up 0; market ¥40,000,000 × 20% = ¥8,000,000.
    expect(text(cellAt(el, 1, 2))).to.equal('CN¥7.2M');
    expect(text(cellAt(el, 1, 4))).to.contain('CN¥8M');
  });

  it('decomposes with the new-product minimum share typed in, and shows one product line', async () => {
    const data = generateSampleCompany({ regions: 1, teamsPerRegion: 1, repsPerTeam: 3 });
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree switches granularity="quarter" lang="zh-CN" .data=${data}></qk-goal-tree>`);
    const share = root(el).querySelector<HTMLInputElement>('[part="min-new-share"] input')!;
    expect(share.value).to.equal('10');
    share.value = '25';
    share.dispatchEvent(new Event('change'));
    const s = el.activeStore!;
    // The plan's rule (no adapter: the data in place), not a property of the element.
    await waitUntil(() => s.snapshot!.plan.newProductMinShare === 0.25, 'the share was never saved to the plan');
    expect(el.minNewShare).to.equal(undefined);
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await el.updateComplete;
    // 智能助手 (new) sold nothing last year, so its share is the minimum: ceil(25% × each rep-month).
    const rep = 'rep-1-1-1';
    for (const m of ['2026-01', '2026-06', '2026-12']) {
      const total = s.getCell(rep, m, 'revenue')!.value;
      expect(s.getCell(rep, m, 'revenue', 'ai')!.value, m).to.equal(Math.ceil(total / 4));
    }
    await choose(el, 'product-switch', 'ai');
    expect(el.product).to.equal('ai');
    expect(grid(el).getAttribute('aria-label')).to.contain('智能助手');
    expect(select(el, 'product-switch').selectedOptions[0]!.textContent!.trim()).to.equal('智能助手（新）');
  });
});

/** A sample company with one new line (智能助手, `ai`) under a provider whose adapter acts for `user`. */
async function treeAs(user: string, lang: 'zh-CN' | 'en', planShare?: number, attr = '') {
  const { plan, actuals } = generateSampleCompany({ regions: 1, teamsPerRegion: 1, repsPerTeam: 3 });
  if (planShare !== undefined) plan.plan.newProductMinShare = planShare;
  const adapter = new MemoryAdapter(plan, actuals, { user });
  const provider = await fixture<QkProvider>(html`<qk-provider locale=${lang} as-of="2026-01-01" autosave-ms="0">
    <qk-goal-tree switches granularity="quarter" min-new-share=${attr || nothing}></qk-goal-tree>
  </qk-provider>`);
  provider.adapter = adapter;
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
  const el = provider.querySelector<QkGoalTree>('qk-goal-tree')!;
  await waitUntil(() => root(el).querySelector('[part="min-new-share"] input'), 'the share control never showed', { timeout: 60000 });
  return { provider, el, adapter, share: () => root(el).querySelector<HTMLInputElement>('[part="min-new-share"] input')! };
}

/** Clicks 拆解目标 and returns, per rep-month of the first rep, [its total, the new line's cell]. */
async function decomposeMonths(el: QkGoalTree, provider: QkProvider): Promise<[number, number][]> {
  const v = provider.store.plan!.version;
  root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
  await waitUntil(() => provider.store.plan!.version > v || provider.store.pendingCount > 0, 'the decomposition was never applied', { timeout: 60000 });
  const s = provider.store;
  return ['2026-01', '2026-06', '2026-12'].map((m) => [s.getCell('rep-1-1-1', m, 'revenue')!.value, s.getCell('rep-1-1-1', m, 'revenue', 'ai')!.value]);
}

describe('the new-product minimum share is the plan’s, saved through the adapter (issue 16 item 3)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`${lang}: the control shows the plan's 30 %, labelled as a share of targets, and the decomposition uses it`, async () => {
      const { el, provider, share } = await treeAs('u-admin', lang, 0.3);
      expect(share().value).to.equal('30');
      expect(text(root(el).querySelector('[part="min-new-share"]'))).to.equal(lang === 'en' ? 'New products’ least share of targets %' : '新产品目标最低占比 %');
      // 智能助手 sold nothing last year: it gets exactly the minimum, ceil(30 % × each rep-month).
      for (const [total, ai] of await decomposeMonths(el, provider)) expect(ai).to.equal(Math.ceil((total * 3) / 10));
    });

    it(`${lang}: typing 25 saves it in the adapter's plan (a new version) and the next decomposition uses it`, async () => {
      const { el, provider, adapter, share } = await treeAs('u-admin', lang);
      expect(share().value).to.equal('10');
      const v = (await adapter.loadPlan()).plan.version;
      share().value = '25';
      share().dispatchEvent(new Event('change'));
      await waitUntil(() => provider.store.snapshot!.plan.newProductMinShare === 0.25, 'the store never took the share', { timeout: 60000 });
      const stored = (await adapter.loadPlan()).plan;
      expect([stored.version, stored.newProductMinShare]).to.deep.equal([v + 1, 0.25]);
      await el.updateComplete;
      expect(share().value).to.equal('25');
      for (const [total, ai] of await decomposeMonths(el, provider)) expect(ai).to.equal(Math.ceil(total / 4));
    });
  }

  it('a region manager may not change the plan’s rule: the refusal is shown and sent as qk-error, nothing saved', async () => {
    const { el, provider, adapter, share } = await treeAs('u-mgr-1', 'zh-CN');
    share().value = '40';
    const error = oneEvent(el, 'qk-error');
    share().dispatchEvent(new Event('change'));
    const e = (await error) as CustomEvent<{ code: string; source: string }>;
    expect([e.detail.code, e.detail.source]).to.deep.equal(['edit-forbidden-scope', 'input']);
    await el.updateComplete;
    expect(text(root(el).querySelector('[part="message"]')).length).to.be.greaterThan(0);
    expect((await adapter.loadPlan()).plan.newProductMinShare).to.equal(0.1);
    expect(provider.store.snapshot!.plan.newProductMinShare).to.equal(0.1);
  });

  it('a host’s min-new-share overrides the plan’s share until the control saves one', async () => {
    const { el, provider, share } = await treeAs('u-admin', 'en', 0.3, '0.2');
    expect(el.minNewShare).to.equal(0.2);
    expect(share().value).to.equal('20');
    for (const [total, ai] of await decomposeMonths(el, provider)) expect(ai).to.equal(Math.ceil(total / 5));
  });
});
