/**
 * qk-goal-tree on the benchmark data: month columns, every node expanded, fed a prepared store.
 * The edit goes the way a user's does: type into a cell, press Enter; the element parses the
 * entry, rebalances the siblings through the engine and applies the cells to the store.
 */
import '../../src/define/qk-goal-tree.js';
import type { QkGoalTree } from '../../src/components/goal-tree/goal-tree.js';
import { toDecimalString } from '../../src/engine/money/money.js';
import { QkStore } from '../../src/store/store.js';
import { benchData, countNodes, layout, nextFrame, showsAll, stage, until, type BenchPage } from './shared.js';

window.benchReady = (async () => {
  const data = benchData();
  const box = stage();
  const store = new QkStore({ asOf: '2026-01-01' });
  store.setData(data.snapshot);

  let tree: QkGoalTree | null = null;
  const root = () => tree!.shadowRoot!;
  const last = data.rows.slice(-3).map((id) => data.names.get(id)!);
  const first = [data.rows[0]!, data.rows[10]!].map((id) => data.names.get(id)!);
  const scroller = () => root().querySelector<HTMLElement>('[part~="scroller"]')!;
  /** The shown value of a body cell: row index (0 = the company), column (1 = the first month). */
  const cellText = (row: number, col: number) => root().querySelector(`[data-r="${row}"][data-c="${col}"] [part~="value"]`)?.textContent?.trim() ?? '';

  const page: BenchPage = {
    async render() {
      const t0 = performance.now();
      const el = document.createElement('qk-goal-tree');
      el.style.setProperty('--qk-goal-tree-max-height', '560px');
      el.granularity = 'month';
      el.expandDepth = 99;
      el.store = store;
      box.append(el);
      tree = el;
      await el.updateComplete;
      const t1 = await until(() => showsAll(el, first), 'the first rows');
      layout(el);
      return Math.max(t1, performance.now()) - t0;
    },

    async edit(run) {
      const el = tree!;
      // The first rep of the first team (row 3), month 3 (column 3), +¥10,000 per run; row 10 is a sibling.
      const rep = data.rows[3]!;
      const m = 2;
      const old = store.getCell(rep, data.months[m]!, 'revenue')!.value;
      const cell = root().querySelector<HTMLElement>(`[data-r="3"][data-c="${m + 1}"]`)!;
      cell.click();
      cell.focus();
      cell.dispatchEvent(new KeyboardEvent('keydown', { key: 'F2', bubbles: true, composed: true }));
      await el.updateComplete;
      const input = root().querySelector<HTMLInputElement>('input[part~="input"]')!;
      input.value = toDecimalString(old + 1_000_000 * (run + 1), 'CNY');
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      const before = cellText(10, m + 1);
      await nextFrame();
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      await el.updateComplete;
      await until(() => cellText(10, m + 1) !== before, 'the rebalanced siblings');
      layout(el);
      return performance.now() - t0;
    },

    async scrollToLast() {
      const el = tree!;
      if (showsAll(el, last)) throw new Error('the last rows are shown before the jump');
      await nextFrame();
      const t0 = performance.now();
      const s = scroller();
      s.scrollTop = s.scrollHeight;
      const t1 = await until(() => showsAll(el, last), 'the last rows');
      layout(el);
      return Math.max(t1, performance.now()) - t0;
    },

    async scrollToTop() {
      scroller().scrollTop = 0;
      await until(() => showsAll(tree!, first), 'the first rows');
    },

    domNodes: () => countNodes(tree!),

    remove() {
      tree?.remove();
      tree = null;
    },
  };
  window.bench = page;
})().catch((e: unknown) => {
  window.benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
});
