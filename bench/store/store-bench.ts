/**
 * Store figures in Node (no browser): saving N pending cells through the MemoryAdapter, against the
 * adapter's own work on the same cells (the floor any store pays), and decompose-and-save of the
 * sample company as the goal tree's 拆解目标 does it.
 */
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { fiscalYearMonths } from '../../src/engine/calendar/periods.js';
import type { PlanSnapshot, TargetCell } from '../../src/engine/plan/model.js';

/** The part of a store the benchmark drives (the current QkStore, or the previous one as the baseline). */
export interface BenchStore {
  connect(adapter: MemoryAdapter): Promise<void>;
  applyCells(cells: TargetCell[], options?: { label?: string }): unknown;
  save(): Promise<boolean>;
  pendingCount: number;
}
export type StoreClass = new (options: { autosaveMs: false; asOf: string; pendingStorage?: null; retryDelaysMs?: number[] }) => BenchStore;

const now = () => performance.now();

/** A plan with `reps` reps and no targets below the company: edits create `cells` new month cells. */
function planOf(reps: number): { plan: PlanSnapshot; cells: (n: number) => TargetCell[] } {
  const perTeam = 20;
  const teams = Math.ceil(reps / perTeam);
  const { plan, actuals } = generateSampleCompany({ regions: Math.max(1, Math.round(teams / 25)), teamsPerRegion: Math.min(25, teams), repsPerTeam: perTeam, historyYears: 0, dealsPerRepMonth: 0, opportunitiesPerRep: 0, asOf: '2026-01-02' });
  void actuals;
  const repIds = plan.org.filter((n) => n.kind === 'rep').map((n) => n.id);
  const months = fiscalYearMonths(plan.plan.fiscalYear, plan.plan.calendar);
  const products = plan.products.map((p) => p.id);
  const cells = (n: number) => {
    const out: TargetCell[] = [];
    for (let i = 0; out.length < n; i++) {
      const rep = repIds[i % repIds.length];
      const m = months[Math.floor(i / repIds.length) % 12];
      const product = products[Math.floor(i / (repIds.length * 12)) % products.length];
      out.push({ nodeId: rep, period: m, metric: 'revenue', product, value: 100_000 + i });
    }
    return out;
  };
  return { plan: { ...plan, targets: plan.targets.filter((t) => !t.product && t.nodeId === plan.org[0].id) }, cells };
}

export interface SaveFigure {
  cells: number;
  /** store.save() of N pending cells, ms. */
  storeMs: number;
  /** MemoryAdapter.saveTargets of the same N cells called directly, ms (the floor). */
  adapterMs: number;
}

/** Saves N pending cells through `Store` and through the adapter directly, on the same data. */
export async function saveFigure(Store: StoreClass, n: number, reps: number): Promise<SaveFigure> {
  const { plan, cells } = planOf(reps);
  const edits = cells(n);
  const empty = { from: '2026-01-01', to: '2026-12-31', actuals: [], stageCounts: [], pipeline: [] };
  const direct = new MemoryAdapter(plan, empty);
  let t = now();
  await direct.saveTargets({ baseVersion: plan.plan.version, cells: edits });
  const adapterMs = now() - t;

  const adapter = new MemoryAdapter(plan, empty);
  const store = new Store({ autosaveMs: false, asOf: '2026-01-02', pendingStorage: null, retryDelaysMs: [] });
  await store.connect(adapter);
  store.applyCells(edits, { label: 'bench' });
  if (store.pendingCount !== n) throw new Error(`expected ${n} pending cells, got ${store.pendingCount}`);
  t = now();
  const ok = await store.save();
  const storeMs = now() - t;
  if (!ok || store.pendingCount !== 0) throw new Error(`save of ${n} cells failed`);
  return { cells: n, storeMs, adapterMs };
}

/** Decomposes the sample company (77 reps) as 拆解目标 does and saves it: the store's share of the time. */
export async function decomposeAndSave(Store: StoreClass): Promise<{ cells: number; engineMs: number; applyMs: number; saveMs: number; adapterMs: number }> {
  const { decomposePlan } = await import('../../src/engine/plan/edit.js');
  const { decomposeInput } = await import('../pages/shared.js');
  const { plan, actuals } = generateSampleCompany({ asOf: '2026-01-02' });
  const adapter = new MemoryAdapter(plan, actuals);
  const store = new Store({ autosaveMs: false, asOf: '2026-01-02', pendingStorage: null, retryDelaysMs: [] });
  await store.connect(adapter);
  // The adapter's own work (validating and storing the cells) is the host's time, not the store's.
  let adapterMs = 0;
  const saveTargets = adapter.saveTargets.bind(adapter);
  adapter.saveTargets = async (change) => {
    const t0 = now();
    try {
      return await saveTargets(change);
    } finally {
      adapterMs += now() - t0;
    }
  };
  let t = now();
  const r = decomposePlan(decomposeInput(plan));
  const engineMs = now() - t;
  if (!r.ok) throw new Error(r.error.code);
  t = now();
  store.applyCells(r.value.cells, { label: 'decompose' });
  const applyMs = now() - t;
  t = now();
  const ok = await store.save();
  const saveMs = now() - t - adapterMs;
  if (!ok) throw new Error('decompose-and-save: the save failed');
  return { cells: r.value.cells.length, engineMs, applyMs, saveMs, adapterMs };
}
