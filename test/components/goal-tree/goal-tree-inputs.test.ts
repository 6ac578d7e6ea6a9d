import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: QkGoalTree) => el.shadowRoot!;
const rowOf = (tree: QkGoalTree, name: string) =>
  [...root(tree).querySelectorAll<HTMLElement>('.body [role="row"]')].findIndex((r) => text(r.querySelector('[part~="name"]')) === name);
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;

async function treeAs(user: string, locale: string) {
  const { plan, actuals } = smallFixture();
  const adapter = new MemoryAdapter(plan, actuals, { user });
  const provider = await fixture<QkProvider>(html`<qk-provider locale=${locale} as-of="2026-03-31" autosave-ms="0">
    <qk-goal-tree switches views="top-down bottom-up market blended" granularity="year" expand-depth="3"></qk-goal-tree>
  </qk-provider>`);
  provider.adapter = adapter;
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded');
  const tree = provider.querySelector<QkGoalTree>('qk-goal-tree')!;
  await waitUntil(() => root(tree).querySelector('[data-r="0"][data-c="1"]'), 'the tree never rendered');
  return { provider, tree, adapter };
}

async function select(tree: QkGoalTree, name: string): Promise<void> {
  cellAt(tree, rowOf(tree, name), 1).focus();
  await tree.updateComplete;
  await waitUntil(() => text(root(tree).querySelector('[part="inputs"] strong')).includes(name), `the inputs form never showed ${name}`);
}

async function fill(tree: QkGoalTree, values: Record<string, string>): Promise<void> {
  for (const [part, v] of Object.entries(values)) root(tree).querySelector<HTMLInputElement>(`[part~="${part}"] input`)!.value = v;
  root(tree).querySelector<HTMLButtonElement>('[part="save-inputs"]')!.click();
  await waitUntil(() => root(tree).querySelector('[part="inputs-message"]'), 'no answer to the save');
  await tree.updateComplete;
}

describe('planning inputs in the tree (issue 16 item 1)', () => {
  it('lets the manager of 华东 enter its market; saved through the adapter and shown beside top-down and blended', async () => {
    const { tree, adapter } = await treeAs('u-east', 'en');
    await select(tree, '华东');
    // Market ¥40,000,000 at a 20% share → ¥8,000,000.
    await fill(tree, { 'input-market-size': '40000000', 'input-market-share': '20' });
    expect(text(root(tree).querySelector('[part="inputs-message"]'))).to.equal('Inputs for 华东 saved.');
    const saved = await adapter.loadPlan();
    expect(saved.market).to.deep.equal([{ nodeId: 'east', size: 4_000_000_000, share: 0.2 }]);
    const r = rowOf(tree, '华东');
    expect(text(cellAt(tree, r, 2))).to.equal('CN¥7.2M'); // top-down
    expect(text(cellAt(tree, r, 4))).to.contain('CN¥8M'); // market
    // Blend 0.5 / 0.3 / 0.2: 星河科技 (no market, no history) proposes 0.5·12M / 0.8 = 7.5M; 华东
    // 0.5·7.2M + 0.2·8M = 5.2M, 华南 0.5·4.8M / 0.8 = 3M; 7.5M split 5.2 : 3 → 华东 ¥4,756,097.56 → CN¥4.76M.
    expect(text(cellAt(tree, r, 5))).to.contain('CN¥4.76M');
  });

  it('lets a rep enter their own commitment as the bottom-up figure, and refuses a teammate’s, naming the rule', async () => {
    const { tree, adapter } = await treeAs('u-r1', 'zh-CN');
    await select(tree, '王芳');
    await fill(tree, { 'input-commitment': '3000000' });
    expect(text(root(tree).querySelector('[part="inputs-message"]'))).to.equal('已保存王芳的规划输入。');
    expect((await adapter.loadPlan()).commitments).to.deep.equal([{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 300_000_000, by: 'u-r1' }]);
    // 王芳's bottom-up is her commitment, ¥3,000,000 (no growth on it).
    expect(text(cellAt(tree, rowOf(tree, '王芳'), 3))).to.contain('300万');
    await select(tree, '李强');
    await fill(tree, { 'input-commitment': '9000000' });
    expect(text(root(tree).querySelector('[part="inputs-message"]'))).to.equal('销售人员只能填写自己的承诺，不能填写r2的。');
    expect((await adapter.loadPlan()).commitments).to.have.length(1);
  });
});
