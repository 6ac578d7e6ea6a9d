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
const cellAt = (el: QkGoalTree, r: number, c: number) => root(el).querySelector<HTMLElement>(`[data-r="${r}"][data-c="${c}"]`)!;
const at = (el: QkGoalTree) => { const a = root(el).activeElement as HTMLElement | null; return a?.dataset.r === undefined ? `${a?.tagName}:${a?.getAttribute('role') ?? ''}` : `${a.dataset.r}:${a.dataset.c}`; };
const text = (e: Element | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const menu = (el: QkGoalTree) => root(el).querySelector<HTMLElement>('[role="menu"]');
const items = (el: QkGoalTree) => [...(menu(el)?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])].map((i) => `${text(i)}${i.hasAttribute('aria-checked') ? `[${i.getAttribute('aria-checked')}]` : ''}`);
async function chord(modifier: 'Shift', key: string): Promise<void> {
  await sendKeys({ down: modifier });
  await sendKeys({ press: key });
  await sendKeys({ up: modifier });
}
/** Small fixture, year columns: co, 华东, 上海一组, 杭州组, 华南, 深圳组. */
async function small(lang = 'en'): Promise<QkGoalTree> {
  const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="year" expand-depth="2" lang=${lang} .data=${smallFixture()}></qk-goal-tree>`);
  await el.updateComplete;
  return el;
}
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

  it('locks and unlocks a cell with the pointer: the row menu (⋯), then the padlock button', async () => {
    const el = await small();
    const store = el.activeStore!;
    const button = rowOf(el, '杭州组').querySelector<HTMLButtonElement>('[part~="row-menu"]')!;
    expect(button.getAttribute('aria-haspopup')).to.equal('menu');
    expect(button.getAttribute('aria-label')).to.equal('Actions for 杭州组');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await el.updateComplete;
    await waitUntil(() => menu(el)?.matches(':popover-open'), 'menu open', { timeout: 60000 });
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(items(el)).to.deep.equal(['Lock FY2026[false]', 'Distribute FY2026…']);
    await expect(el).to.be.accessible();
    menu(el)!.querySelector<HTMLElement>('[part~="lock-item"]')!.click();
    await el.updateComplete;
    expect(menu(el)).to.equal(null);
    expect(store.getCell('east-hz', 'FY2026', 'revenue')!.locked).to.equal(true);
    // The locked cell shows a pressed padlock button, labelled, not a bare glyph.
    const lock = cellAt(el, 3, 1).querySelector<HTMLButtonElement>('[part~="lock-toggle"]')!;
    expect([lock.getAttribute('aria-pressed'), lock.getAttribute('aria-label')]).to.deep.equal(['true', 'Lock 杭州组 FY2026']);
    expect(lock.getBoundingClientRect().width).to.be.at.least(20);
    // One click on it unlocks (one undo step each).
    lock.click();
    await el.updateComplete;
    expect(store.getCell('east-hz', 'FY2026', 'revenue')!.locked ?? false).to.equal(false);
    store.undo();
    await el.updateComplete;
    expect(store.getCell('east-hz', 'FY2026', 'revenue')!.locked).to.equal(true);
  });

  it('the row menu works from the keyboard: Shift+F10, arrows, Enter, Escape back to the cell', async () => {
    const el = await small('zh-CN');
    cellAt(el, 3, 1).focus();
    await el.updateComplete;
    await chord('Shift', 'F10');
    await el.updateComplete;
    await waitUntil(() => menu(el)?.matches(':popover-open'), 'menu open', { timeout: 60000 });
    expect(items(el)).to.deep.equal(['锁定 FY2026[false]', '分配 FY2026…']);
    expect(at(el)).to.equal('DIV:menuitemcheckbox');
    await sendKeys({ press: 'ArrowDown' });
    expect(text(root(el).activeElement)).to.equal('分配 FY2026…');
    await sendKeys({ press: 'ArrowDown' }); // wraps
    expect(text(root(el).activeElement)).to.equal('锁定 FY2026');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(menu(el)).to.equal(null);
    await waitUntil(() => at(el) === '3:1', 'focus back on the cell', { timeout: 60000 });
    // Open again and lock with Enter.
    await chord('Shift', 'F10');
    await el.updateComplete;
    await waitUntil(() => at(el) === 'DIV:menuitemcheckbox', 'first item focused', { timeout: 60000 });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.activeStore!.getCell('east-hz', 'FY2026', 'revenue')!.locked).to.equal(true);
    await waitUntil(() => at(el) === '3:1', 'focus back on the cell', { timeout: 60000 });
    // The menu now shows the lock checked; its second item opens the distribute dialog.
    await chord('Shift', 'F10');
    await el.updateComplete;
    await waitUntil(() => menu(el)?.matches(':popover-open'), 'menu open', { timeout: 60000 });
    expect(items(el)).to.deep.equal(['✓锁定 FY2026[true]', '分配 FY2026…']);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await waitUntil(() => root(el).querySelector('dialog')?.open, 'distribute dialog', { timeout: 60000 });
  });

  it('a right click on a cell opens the row menu for that cell\'s period', async () => {
    const el = await fixture<QkGoalTree>(html`<qk-goal-tree granularity="quarter" expand-depth="2" lang="en" .data=${smallFixture()}></qk-goal-tree>`);
    await el.updateComplete;
    cellAt(el, 1, 2).dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, composed: true, cancelable: true, clientX: 10, clientY: 10 }));
    await el.updateComplete;
    await waitUntil(() => menu(el)?.matches(':popover-open'), 'menu open', { timeout: 60000 });
    expect(items(el)).to.deep.equal(['Lock FY2026 Q2[false]', 'Distribute FY2026 Q2…']);
  });
});
