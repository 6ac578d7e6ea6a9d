/**
 * One store, many widgets, on the 10,000-rep plan: what one edit costs until every widget has
 * repainted, with 1 goal tree alone (the baseline) and with 5 trees + 50 gauges; and what moving
 * the focus costs. bench/store/run.mjs drives it in headless Chromium.
 */
import '../../src/define/qk-goal-tree.js';
import '../../src/define/qk-attainment-gauge.js';
import { QkStore } from '../../src/store/store.js';
import type { LitElement } from 'lit';
import { benchData, layout, nextFrame, stage } from '../pages/shared.js';

declare global {
  interface Window {
    storeBench?: {
      /** Mounts `trees` goal trees and `gauges` gauges on one store; resolves when all are painted. */
      mount(trees: number, gauges: number): Promise<number>;
      /** Edits one rep's month through the store; resolves with edit → every widget repainted (ms). */
      edit(run: number): Promise<number>;
      /** Moves the focus to another node; resolves with the time until every widget has repainted (ms). */
      focus(run: number): Promise<number>;
      unmount(): void;
    };
  }
}

const settle = async (els: readonly LitElement[]) => {
  // Lit batches updates in microtasks; an element may request another update while it renders.
  for (let i = 0; i < 3; i++) await Promise.all(els.map((e) => e.updateComplete));
  await nextFrame();
};

window.benchReady = (async () => {
  const data = benchData();
  const box = stage();
  box.style.height = 'auto';
  const store = new QkStore({ asOf: '2026-06-15', autosaveMs: false, pendingStorage: null });
  store.setData(data.snapshot);
  const nodes = data.rows.filter((id) => !id.startsWith('rep-')).slice(0, 50);
  let els: LitElement[] = [];
  window.storeBench = {
    async mount(trees, gauges) {
      const t0 = performance.now();
      for (let i = 0; i < trees; i++) {
        const el = document.createElement('qk-goal-tree');
        el.style.setProperty('--qk-goal-tree-max-height', '300px');
        el.granularity = 'month';
        el.store = store;
        box.append(el);
        els.push(el);
      }
      for (let i = 0; i < gauges; i++) {
        const el = document.createElement('qk-attainment-gauge');
        el.setAttribute('node', nodes[i % nodes.length]!);
        el.setAttribute('period', 'FY2026');
        el.style.cssText = 'display:inline-block;width:180px';
        el.store = store;
        box.append(el);
        els.push(el);
      }
      await settle(els);
      layout(box);
      return performance.now() - t0;
    },
    async edit(run) {
      const rep = data.rows[3]!;
      const month = data.months[5]!;
      const old = store.getCell(rep, month, 'revenue')!;
      const t0 = performance.now();
      store.applyCells([{ ...old, value: old.value + 1_000_000 * (run + 1) }], { label: 'bench' });
      await settle(els);
      layout(box);
      return performance.now() - t0;
    },
    async focus(run) {
      const t0 = performance.now();
      store.setFocus({ nodeId: nodes[(run % (nodes.length - 1)) + 1]! });
      await settle(els);
      layout(box);
      return performance.now() - t0;
    },
    unmount() {
      for (const el of els) el.remove();
      els = [];
    },
  };
})().catch((e: unknown) => {
  window.benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
});
