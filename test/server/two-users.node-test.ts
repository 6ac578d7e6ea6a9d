/**
 * Two people on one plan through the reference server, each with their own RestAdapter and store
 * (what two browsers hold): a save from a stale version gets the conflict and `reloadAndReapply`
 * keeps both edits; a save by one reaches the other's open dashboard over SSE, and the other's
 * pending edit survives the push.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { QkStore } from '../../src/store/store.js';
import type { TargetCell } from '../../src/engine/index.js';
import { startReference, TODAY, type Reference } from './support.js';

async function waitFor(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    // Polls the condition (no fixed wait): the interval only keeps the loop off the CPU.
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('two users on one plan', () => {
  let ref: Reference;
  const stores: QkStore[] = [];
  before(async () => {
    ref = await startReference();
  });
  after(async () => {
    for (const s of stores) s.disconnect();
    await ref?.close();
  });

  const open = async (userId: string, events: boolean) => {
    const store = new QkStore({ asOf: TODAY, autosaveMs: 3_600_000, timeoutMs: 60_000 });
    stores.push(store);
    await store.connect(new RestAdapter({ baseUrl: ref.base, token: ref.token(userId), events, timeoutMs: 60_000 }));
    assert.equal(store.status, 'ready', JSON.stringify(store.error));
    return store;
  };
  const cell = (nodeId: string, value: number): TargetCell => ({ nodeId, period: '2026-12', metric: 'won', value });
  const serverCell = async (nodeId: string) => {
    const plan = (await (await fetch(`${ref.base}/plan`, { headers: { authorization: `Bearer ${ref.token('u-admin')}` } })).json()) as { targets: TargetCell[]; plan: { version: number } };
    return { value: plan.targets.find((t) => t.nodeId === nodeId && t.period === '2026-12' && t.metric === 'won')?.value, version: plan.plan.version };
  };

  it('the later save gets the conflict; reloadAndReapply keeps both edits', async () => {
    const director = await open('u-director', false);
    const manager = await open('u-mgr-1', false);
    const v = director.snapshot!.plan.version;
    assert.equal(manager.snapshot!.plan.version, v);
    assert.deepEqual(director.applyCells([cell('region-2', 21)]), { ok: true });
    assert.deepEqual(manager.applyCells([cell('team-1-1', 12)]), { ok: true });
    assert.equal(await director.save(), true);
    assert.equal(await manager.save(), false);
    assert.equal(manager.saveState, 'conflict');
    await manager.reloadAndReapply();
    assert.equal(manager.saveState, 'saved');
    assert.equal(manager.getCell('region-2', '2026-12', 'won')?.value, undefined, "region-2 is outside the manager's view");
    assert.equal(manager.getCell('team-1-1', '2026-12', 'won')?.value, 12);
    assert.deepEqual(await serverCell('region-2'), { value: 21, version: v + 2 });
    assert.deepEqual(await serverCell('team-1-1'), { value: 12, version: v + 2 });
  });

  it("another user's save reaches an open dashboard over SSE; its own pending edit stays pending and shown", async () => {
    const watcher = await open('u-mgr-1', true);
    const director = await open('u-director', false);
    await waitFor(() => ref.server.streams >= 1, 'the event stream to open');
    assert.deepEqual(watcher.applyCells([cell('team-1-2', 7)]), { ok: true });
    assert.deepEqual(director.applyCells([cell('team-1-3', 33)]), { ok: true });
    assert.equal(await director.save(), true);
    await waitFor(() => watcher.getCell('team-1-3', '2026-12', 'won')?.value === 33, "the director's save on the manager's dashboard");
    assert.equal(watcher.snapshot!.plan.version, director.snapshot!.plan.version);
    assert.equal(watcher.getCell('team-1-2', '2026-12', 'won')?.value, 7);
    assert.equal(watcher.isPending(cell('team-1-2', 7)), true);
    assert.equal(await watcher.save(), true);
    assert.equal((await serverCell('team-1-2')).value, 7);
  });
});
