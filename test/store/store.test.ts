import { expect, waitUntil } from '@open-wc/testing';
import { QkStore, cellKey } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';
import type { TargetCell } from '../../src/engine/plan/model.js';

const cell = (nodeId: string, value: number): TargetCell => ({ nodeId, period: 'FY2026', metric: 'revenue', value });

async function loaded(options: { autosaveMs?: number | false; live?: boolean; retryDelaysMs?: number[] } = { autosaveMs: false }) {
  const { plan, actuals } = smallFixture();
  const adapter = new MemoryAdapter(plan, actuals);
  // Without live updates the store only learns of others' saves by a conflict.
  if (options.live === false) Object.defineProperty(adapter, 'subscribe', { value: undefined });
  const store = new QkStore({ retryDelaysMs: [], pendingStorage: null, ...options, asOf: '2026-03-31' });
  await store.connect(adapter);
  return { store, adapter };
}

describe('QkStore', () => {
  it('loads the plan, the user and actuals through the adapter', async () => {
    const { store } = await loaded();
    expect(store.status).to.equal('ready');
    expect(store.plan?.version).to.equal(1);
    expect(store.org).to.have.length(12);
    // 华东's FY2026 revenue target from the fixture: ¥7,200,000 = 720,000,000 分.
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(720_000_000);
    expect(store.actuals?.actuals.length).to.be.greaterThan(0);
    expect(store.user).to.not.equal(null);
  });

  it('applies edits as one undo step each, and redoes them', async () => {
    const { store } = await loaded();
    store.applyCells([cell('east', 700_000_000), cell('south-sz', 500_000_000)], { label: 'rebalance' });
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(700_000_000);
    expect(store.getCell('south-sz', 'FY2026', 'revenue')?.value).to.equal(500_000_000);
    expect(store.pendingCount).to.equal(2);
    expect(store.undo()).to.equal(true);
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(720_000_000);
    expect(store.getCell('south-sz', 'FY2026', 'revenue')?.value).to.equal(480_000_000);
    expect(store.canRedo).to.equal(true);
    store.redo();
    expect(store.getCell('south-sz', 'FY2026', 'revenue')?.value).to.equal(500_000_000);
    expect(store.undo()).to.equal(true);
    expect(store.undo()).to.equal(false);
  });

  it('undo of a cell that did not exist removes it again', async () => {
    const { store } = await loaded();
    const fresh: TargetCell = { nodeId: 'r1', period: '2026-01', metric: 'leads', value: 40 };
    store.applyCells([fresh]);
    expect(store.getCell('r1', '2026-01', 'leads')?.value).to.equal(40);
    store.undo();
    expect(store.getCell('r1', '2026-01', 'leads')).to.equal(undefined);
  });

  it('saves with the base version; the version moves on and nothing stays pending', async () => {
    const { store, adapter } = await loaded();
    store.applyCells([cell('east', 700_000_000)]);
    expect(await store.save()).to.equal(true);
    expect(store.plan?.version).to.equal(2);
    expect(store.pendingCount).to.equal(0);
    expect(store.saveState).to.equal('saved');
    const reloaded = await adapter.loadPlan();
    expect(reloaded.targets.find((c) => cellKey(c) === cellKey(cell('east', 0)))?.value).to.equal(700_000_000);
  });

  it('a conflict keeps the edit; reloadAndReapply re-bases it on the newer plan and saves', async () => {
    const { store, adapter } = await loaded({ autosaveMs: false, live: false });
    // Someone else saves first: version 1 → 2.
    await adapter.saveTargets({ baseVersion: 1, cells: [cell('south-sz', 490_000_000)] });
    store.applyCells([cell('east', 700_000_000)]);
    expect(await store.save()).to.equal(false);
    expect(store.saveState).to.equal('conflict');
    expect(store.saveError?.code).to.equal('save-conflict');
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(700_000_000);
    expect(store.pendingCount).to.equal(1);
    await store.reloadAndReapply();
    expect(store.saveState).to.equal('saved');
    expect(store.plan?.version).to.equal(3);
    // Both edits survive: theirs (深圳组) and ours (east).
    const plan = await adapter.loadPlan();
    const v = (id: string) => plan.targets.find((c) => cellKey(c) === cellKey(cell(id, 0)))?.value;
    expect([v('east'), v('south-sz')]).to.deep.equal([700_000_000, 490_000_000]);
  });

  it('a failed save keeps the edit and says why', async () => {
    const { store, adapter } = await loaded();
    store.applyCells([cell('east', 700_000_000)]);
    adapter.failNext = 'network';
    expect(await store.save()).to.equal(false);
    expect(store.saveState).to.equal('error');
    expect(store.saveError?.code).to.equal('network');
    expect(store.pendingCount).to.equal(1);
    expect(await store.save()).to.equal(true);
    expect(store.pendingCount).to.equal(0);
  });

  it('autosaves after a quiet period', async () => {
    const { store } = await loaded({ autosaveMs: 20 });
    store.applyCells([cell('east', 710_000_000)]);
    expect(store.pendingCount).to.equal(1);
    await waitUntil(() => store.pendingCount === 0, 'the edit was never autosaved');
    expect(store.plan?.version).to.equal(2);
  });

  it('a load failure puts the store in the error state with the adapter error code', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = new MemoryAdapter(plan, actuals);
    adapter.failNext = new QkAdapterError('forbidden', 'no access');
    const store = new QkStore();
    await store.connect(adapter);
    expect(store.status).to.equal('error');
    expect(store.error?.code).to.equal('forbidden');
    await store.load();
    expect(store.status).to.equal('ready');
  });

  it('notifies subscribers with the kind of change, and focus changes only when different', async () => {
    const { store } = await loaded();
    const seen: string[] = [];
    const off = store.subscribe((_, change) => seen.push(change));
    store.setFocus({ nodeId: 'east' });
    store.setFocus({ nodeId: 'east' });
    store.applyCells([cell('east', 1)]);
    off();
    store.setFocus({ nodeId: 'south' });
    expect(seen).to.deep.equal(['focus', 'targets']);
    expect(store.focus.nodeId).to.equal('south');
  });

  it('keeps pending edits on top when the host pushes a newer plan', async () => {
    const { store, adapter } = await loaded();
    store.applyCells([cell('east', 700_000_000)]);
    // Another user saves through the same host; the adapter pushes the new plan to subscribers.
    await adapter.saveTargets({ baseVersion: 1, cells: [cell('south-sz', 1)] });
    expect(store.plan?.version).to.equal(2);
    expect(store.getCell('south-sz', 'FY2026', 'revenue')?.value).to.equal(1);
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(700_000_000);
    expect(store.pendingCount).to.equal(1);
  });
});

describe('QkStore.commitCells', () => {
  it('saves first and shows the cells only when the save succeeded, outside the undo history', async () => {
    const { store, adapter } = await loaded();
    const r = await store.commitCells([cell('east', 700_000_000)], { source: 'adjustment' });
    expect(r.ok).to.equal(true);
    expect(store.getCell('east', 'FY2026', 'revenue')).to.deep.include({ value: 700_000_000, source: 'adjustment' });
    expect(store.plan?.version).to.equal(2);
    expect(store.pendingCount).to.equal(0);
    expect(store.canUndo).to.equal(false);
    const saved = await adapter.loadPlan();
    expect(saved.targets.find((c) => cellKey(c) === cellKey(cell('east', 0)))?.value).to.equal(700_000_000);
  });

  it('changes nothing on a conflict or a failure', async () => {
    const { store, adapter } = await loaded({ autosaveMs: false, live: false });
    await adapter.saveTargets({ baseVersion: 1, cells: [cell('south-sz', 490_000_000)] });
    const conflict = await store.commitCells([cell('east', 700_000_000)]);
    expect(conflict.ok).to.equal(false);
    if (!conflict.ok) expect(conflict.error.code).to.equal('conflict');
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(720_000_000);
    await store.load();
    adapter.failNext = 'network';
    const failed = await store.commitCells([cell('east', 700_000_000)]);
    expect(failed.ok).to.equal(false);
    expect(store.getCell('east', 'FY2026', 'revenue')?.value).to.equal(720_000_000);
  });
});
