/**
 * Issue 16 item 2: a rep's ramp curve edited in the tree (from the rep's row), saved through the
 * adapter by their manager, and used when the team is distributed again by capacity.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/qk-goal-tree.js';
import '../../../src/define/qk-provider.js';
import type { QkGoalTree } from '../../../src/components/goal-tree/goal-tree.js';
import type { QkProvider } from '../../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import { smallFixture } from '../../fixtures/small-plan.js';

const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const root = (el: QkGoalTree) => el.shadowRoot!;
const rows = (tree: QkGoalTree) => [...root(tree).querySelectorAll<HTMLElement>('.body [role="row"]')];
const rowOf = (tree: QkGoalTree, name: string) => rows(tree).findIndex((r) => text(r.querySelector('[part~="name"]')) === name);
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
  await waitUntil(() => text(root(tree).querySelector('[part="ramp-editor"] strong')).includes(name), `the ramp editor never showed ${name}`, { timeout: 60000 });
}

const stepsShown = (tree: QkGoalTree) =>
  [...root(tree).querySelectorAll('[part~="ramp-step"]')].map((s) => ['ramp-from', 'ramp-to', 'ramp-factor'].map((p) => s.querySelector<HTMLInputElement>(`[part~="${p}"]`)!.value).join(' '));

async function setSteps(tree: QkGoalTree, steps: string[]): Promise<void> {
  const rowsEls = [...root(tree).querySelectorAll('[part~="ramp-step"]')];
  steps.forEach((s, i) => {
    const [from, to, pct] = s.split(' ');
    const r = rowsEls[i]!;
    r.querySelector<HTMLInputElement>('[part~="ramp-from"]')!.value = from!;
    r.querySelector<HTMLInputElement>('[part~="ramp-to"]')!.value = to!;
    r.querySelector<HTMLInputElement>('[part~="ramp-factor"]')!.value = pct!;
  });
}

async function saveRamp(tree: QkGoalTree): Promise<string> {
  root(tree).querySelector<HTMLButtonElement>('[part="ramp-save"]')!.click();
  await waitUntil(() => root(tree).querySelector('[part="ramp-message"]'), 'no answer to the ramp save', { timeout: 60000 });
  await tree.updateComplete;
  return text(root(tree).querySelector('[part="ramp-message"]'));
}

/** Opens 上海一组's distribute dialog, picks capacity, and returns the proposed column per child. */
async function capacityPreview(tree: QkGoalTree): Promise<string[][]> {
  rows(tree)[rowOf(tree, '上海一组')]!.querySelector<HTMLButtonElement>('[part~="distribute"]')!.click();
  await waitUntil(() => root(tree).querySelector('dialog')?.open, 'the distribute dialog never opened', { timeout: 60000 });
  const radios = [...root(tree).querySelectorAll<HTMLInputElement>('dialog input[name="method"]')];
  const capacity = radios.find((r) => text(r.parentElement).startsWith('Capacity'))!;
  capacity.checked = true;
  capacity.dispatchEvent(new Event('change'));
  await tree.updateComplete;
  return [...root(tree).querySelectorAll('dialog tbody tr')].map((r) => [...r.children].map(text).filter((_, i) => i === 0 || i === 2));
}

describe('the ramp curve editor (issue 16 item 2)', () => {
  it('a manager sets 李强’s curve; it is saved through the adapter, the badge follows it, and the capacity split uses it', async () => {
    const { tree, adapter, provider } = await treeAs('u-east', 'en');
    await select(tree, '李强');
    expect(stepsShown(tree)).to.deep.equal(['0 3 30', '3 6 60']);
    // Capacity with the default curve, over FY2026 (hire month prorated, 27 of 31 days):
    // 李强 = 0.3·27/31 + 0.3·2 + 0.6·3 + 6 = 268.5/31 person-months against 王芳's 12 →
    // ¥4,000,000 × 268.5 / (268.5 + 372) = ¥1,676,814.99.
    expect(await capacityPreview(tree)).to.deep.equal([['王芳', 'CN¥2.32M'], ['李强', 'CN¥1.68M']]);
    root(tree).querySelector<HTMLButtonElement>('dialog [part~="cancel"], dialog button:not(.primary)')!.click();
    await tree.updateComplete;

    await select(tree, '李强');
    await setSteps(tree, ['0 2 50', '2 4 80']);
    expect(await saveRamp(tree)).to.equal('Ramp curve of 李强 saved. Distribute the team again to re-split its targets.');
    expect((await adapter.loadPlan()).org.find((n) => n.id === 'r2')!.ramp).to.deep.equal([
      { fromMonth: 0, toMonth: 2, factor: 0.5 },
      { fromMonth: 2, toMonth: 4, factor: 0.8 },
    ]);
    // On 2026-03-31 李强 has 2 months of tenure: 80% on his own curve (30% on the default).
    await waitUntil(() => text(rows(tree)[rowOf(tree, '李强')]!.querySelector('[part~="ramp-badge"]')) === 'New hire · 80%', 'the badge did not follow the curve', { timeout: 60000 });

    // 李强 = 0.5·27/31 + 0.5 + 0.8·2 + 8 = 326.6/31 → ¥4,000,000 × 326.6 / 698.6 = ¥1,870,025.77 (rounded up: the larger remainder).
    expect(await capacityPreview(tree)).to.deep.equal([['王芳', 'CN¥2.13M'], ['李强', 'CN¥1.87M']]);
    root(tree).querySelector<HTMLButtonElement>('dialog .primary')!.click();
    await tree.updateComplete;
    expect(provider.store.getCell('r2', 'FY2026', 'revenue')!.value).to.equal(187_002_577);
    expect(provider.store.getCell('r1', 'FY2026', 'revenue')!.value).to.equal(212_997_423);
  });

  it('a rep may not set their own curve: refused by rule, nothing saved (zh-CN)', async () => {
    const { tree, adapter } = await treeAs('u-r1', 'zh-CN');
    await select(tree, '王芳');
    await setSteps(tree, ['0 2 50', '2 4 80']);
    expect(await saveRamp(tree)).to.equal('您的角色只能查看目标，不能修改（王芳）。请联系经理或提交调整申请。');
    expect((await adapter.loadPlan()).org.find((n) => n.id === 'r1')!.ramp).to.equal(undefined);
  });

  it('an overlapping curve is refused before sending', async () => {
    const { tree, adapter } = await treeAs('u-east', 'en');
    await select(tree, '李强');
    await setSteps(tree, ['0 3 30', '2 6 60']);
    expect(await saveRamp(tree)).to.equal('Ramp step 2 needs whole months (from before to) and a factor of zero or more.');
    expect((await adapter.loadPlan()).org.find((n) => n.id === 'r2')!.ramp).to.equal(undefined);
  });
});
