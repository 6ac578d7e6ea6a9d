import { rejection } from '../support/rejection.js';
import { expect } from '@open-wc/testing';
import type { AdapterUpdate } from '../../src/adapter/adapter.js';
import { runAdapterContractSuite } from '../../src/adapter/contract-suite.js';
import { LocalStorageAdapter } from '../../src/adapter/local-storage-adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';


let counter = 0;
const keys: string[] = [];
/** A key of its own for each adapter, removed after the tests. */
function freshKey(): string {
  const key = `qk-test-${Date.now()}-${counter++}`;
  keys.push(key);
  return key;
}

const seed = () => smallFixture();

after(() => {
  for (const k of keys) localStorage.removeItem(k);
});

runAdapterContractSuite(() => new LocalStorageAdapter({ key: freshKey(), seed }), { name: 'LocalStorageAdapter' });

describe('LocalStorageAdapter', () => {
  it('seeds on first use and keeps edits across new instances on the same storage', async () => {
    const key = freshKey();
    expect(localStorage.getItem(key)).to.equal(null);
    const first = new LocalStorageAdapter({ key, seed });
    expect((await first.loadPlan()).plan.version).to.equal(1);
    await first.saveTargets({ baseVersion: 1, cells: [{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 500_000_000 }] });
    await first.submitAdjustment({ id: 'adj-9', reason: 'market' });

    const second = new LocalStorageAdapter({ key, seed });
    const plan = await second.loadPlan();
    expect(plan.plan.version).to.equal(2);
    expect(plan.targets[1]).to.deep.equal({ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 500_000_000 });
    expect((await second.listAdjustments()).map((a) => a.id)).to.deep.equal(['adj-9']);
    // Storage is the source of truth: the first instance sees the second one's save.
    await second.saveTargets({ baseVersion: 2, cells: [] });
    expect((await first.loadPlan()).plan.version).to.equal(3);
    const conflict = await rejection(first.saveTargets({ baseVersion: 2, cells: [] }));
    expect(conflict.currentVersion).to.equal(3);
  });

  it('a value that is not JSON rejects with a typed "corrupt" error, and reset() recovers', async () => {
    const key = freshKey();
    localStorage.setItem(key, '{"format":1,"plan":');
    const adapter = new LocalStorageAdapter({ key, seed });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('invalid-data');
    expect(e.message).to.contain(`The stored data under localStorage key "${key}" is corrupt`);
    expect(e.message).to.contain('Call reset()');
    expect(e.issues[0]!.message).to.match(/^not valid JSON/);

    const updates: AdapterUpdate[] = [];
    adapter.subscribe((u) => updates.push(u));
    adapter.reset();
    expect((await adapter.loadPlan()).plan.version).to.equal(1);
    expect(updates.map((u) => u.type)).to.deep.equal(['plan']);
    expect(JSON.parse(localStorage.getItem(key)!).format).to.equal(1);
  });

  it('a value that fails the schema lists the bad paths under plan / actuals', async () => {
    const key = freshKey();
    const adapter = new LocalStorageAdapter({ key, seed });
    await adapter.loadPlan();
    const stored = JSON.parse(localStorage.getItem(key)!);
    stored.plan.targets[0].value = 'lots';
    localStorage.setItem(key, JSON.stringify(stored));
    const e = await rejection(adapter.loadPlan());
    expect(e.issues.map((i) => i.path.join('.'))).to.deep.equal(['plan.targets.0.value']);

    stored.plan.targets[0].value = 1;
    stored.actuals.actuals[0].repId = 'ghost';
    localStorage.setItem(key, JSON.stringify(stored));
    const e2 = await rejection(new LocalStorageAdapter({ key, seed }).currentUser());
    expect(e2.issues).to.deep.equal([{ path: ['actuals', 'actuals', 0, 'repId'], code: 'unknown-rep', params: { id: 'ghost' }, message: 'unknown rep "ghost"' }]);

    localStorage.setItem(key, JSON.stringify({ ...stored, format: 0 }));
    const e3 = await rejection(adapter.loadPlan());
    expect(e3.issues.map((i) => i.path.join('.'))).to.deep.equal(['format']);
  });

  it('an invalid seed is a typed error, not a crash', async () => {
    const adapter = new LocalStorageAdapter({
      key: freshKey(),
      seed: () => {
        const s = smallFixture();
        s.plan.org[0]!.parentId = 'east';
        return s;
      },
    });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('invalid-data');
    expect(e.message).to.match(/^LocalStorageAdapter: invalid seed data/);
  });

  it('storage that refuses to write (quota full) rejects with network, saying so', async () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      },
    } as unknown as Storage;
    const e = await rejection(new LocalStorageAdapter({ key: 'k', seed, storage: full }).loadPlan());
    expect(e.code).to.equal('network');
    expect(e.message).to.equal('LocalStorageAdapter: could not write browser storage for key "k" (The quota has been exceeded.)');
  });
});
