import { expect, fixture, html } from '@open-wc/testing';
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
    await el.updateComplete;
    expect(el.minNewShare).to.equal(0.25);
    root(el).querySelector<HTMLButtonElement>('[part="decompose"]')!.click();
    await el.updateComplete;
    const s = el.activeStore!;
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
