/**
 * Identity decides in the UI too: signed in as a viewer, typing a target into the goal tree is
 * refused with a localized message and a qk-error, the cell keeps its value, and nothing reaches
 * the adapter (observed before: 1,500,000 typed by u-viewer was applied and saved).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { User } from '../../../src/engine/plan/model.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const viewer: User = { id: 'u-viewer', name: '访客', roles: ['viewer'], canView: ['co'], canEdit: [] };
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function treeAs(user: string, locale: string) {
  const { plan, actuals } = smallFixture();
  plan.users = [...(plan.users ?? []), viewer];
  const adapter = new MemoryAdapter(plan, actuals, { user });
  const provider = await fixture<QkProvider>(html`<qk-provider locale=${locale} as-of="2026-03-31" autosave-ms="0">
    <qk-goal-tree granularity="year" expand-depth="3"></qk-goal-tree>
  </qk-provider>`);
  provider.adapter = adapter;
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded');
  const tree = provider.querySelector<QkGoalTree>('qk-goal-tree')!;
  await waitUntil(() => tree.shadowRoot!.querySelector('[data-r="0"][data-c="1"]'), 'the tree never rendered');
  return { provider, tree, adapter };
}

/** The grid row of a node, by its shown name. */
const rowOf = (tree: QkGoalTree, name: string) =>
  [...tree.shadowRoot!.querySelectorAll<HTMLElement>('.body [role="row"]')].findIndex((r) => text(r.querySelector('[part~="name"]')) === name);

describe('qk-goal-tree: who may edit', () => {
  it('a viewer typing 1,500,000 into 张伟 FY2026 is refused in place (zh-CN), and nothing is saved', async () => {
    const { provider, tree, adapter } = await treeAs('u-viewer', 'zh-CN');
    const r = rowOf(tree, '张伟');
    expect(r).to.be.greaterThan(0);
    const cell = tree.shadowRoot!.querySelector<HTMLElement>(`[data-r="${r}"][data-c="1"]`)!;
    const before = text(cell.querySelector('[part~="value"]'));
    cell.focus();
    await tree.updateComplete;
    // Refused at the first key: the editor never opens for someone who may not edit the node.
    const refused = oneEvent(tree, 'qk-error');
    await sendKeys({ type: '1500000' });
    await sendKeys({ press: 'Enter' });
    const event = await refused;
    expect(event.detail.code).to.equal('edit-forbidden-role');
    expect(event.detail.message).to.contain('只能查看目标');
    await tree.updateComplete;
    expect(text(tree.shadowRoot!.querySelector('[part~="message"]'))).to.contain('只能查看目标');
    expect(text(cell.querySelector('[part~="value"]'))).to.equal(before);
    expect(provider.store.pendingCount).to.equal(0);
    expect(await provider.store.save()).to.equal(false);
    const saved = await adapter.loadPlan();
    expect(saved.plan.version).to.equal(1);
  });
});
