/**
 * Audit of issue 12 at the store, over a host's own adapter that trusts the kit (it stores what it
 * is sent, checking nothing, as many hand-written adapters will): the store is then the only
 * place the rules hold. Routes the other suites do not take: a lock set at the host while an edit
 * waits to be saved, pending edits restored after a reload into a plan that has since locked the
 * cell, closed the period or narrowed the user's scope, and the adjustment workflow's adapter calls
 * under the store's timeout.
 */
import { expect } from '@open-wc/testing';
import { QkStore, cellKey } from '../../src/store/store.js';
import { AdjustmentService } from '../../src/store/adjustments.js';
import { memoryPendingStorage } from '../../src/store/pending-storage.js';
import { sliceActuals, upsertCells } from '../../src/adapter/memory-adapter.js';
import type { AdapterUpdate, CrmAdapter } from '../../src/adapter/adapter.js';
import type { PlanSnapshot, TargetCell, TargetChange, User } from '../../src/engine/plan/model.js';
import { smallFixture } from '../fixtures/small-plan.js';
import { adjustmentPlan, pendingRequest, yuan } from '../fixtures/adjustment-plan.js';
import { SavedIncentivePlan } from '../../src/internal/saved-incentive-plan.js';

const EAST: User = { id: 'u-east', name: '周敏', roles: ['manager'], canView: ['east'], canEdit: ['east'] };

/**
 * A host adapter that trusts the kit: it keeps the plan, stores whatever `saveTargets` sends and
 * pushes every change to subscribers. `setAtHost` plays another user (the administrator) saving.
 */
function trustingHost(user: User, snapshot: PlanSnapshot = smallFixture().plan) {
  const { actuals } = smallFixture();
  let plan: PlanSnapshot = structuredClone(snapshot);
  const listeners = new Set<(u: AdapterUpdate) => void>();
  const sent: TargetChange[] = [];
  const store = (targets: TargetCell[]) => {
    plan = { ...plan, plan: { ...plan.plan, version: plan.plan.version + 1 }, targets };
    for (const l of [...listeners]) l({ type: 'plan', snapshot: structuredClone(plan) });
    return { version: plan.plan.version };
  };
  const adapter: CrmAdapter = {
    loadPlan: async () => structuredClone(plan),
    loadActuals: async (range) => sliceActuals(actuals, range),
    currentUser: async () => structuredClone(user),
    notify: async () => undefined,
    saveTargets: async (change) => {
      sent.push(structuredClone(change));
      const gone = new Set((change.removed ?? []).map((r) => cellKey({ ...r, value: 0 } as TargetCell)));
      return store(upsertCells(plan.targets, change.cells).filter((t) => !gone.has(cellKey(t))));
    },
    saveInputs: async (change) => {
      sent.push({ baseVersion: change.baseVersion, cells: [], inputs: structuredClone(change) } as TargetChange);
      return store(plan.targets);
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return {
    adapter,
    sent,
    /** Another user saves these cells at the host (pushed to every subscriber). */
    setAtHost: (cells: TargetCell[]) => store(upsertCells(plan.targets, cells)),
    cellAt: (nodeId: string, period = 'FY2026') => plan.targets.find((t) => t.nodeId === nodeId && t.period === period && t.metric === 'revenue' && !t.product),
    touched: (nodeId: string, period = 'FY2026') => sent.some((c) => [...c.cells, ...(c.removed ?? [])].some((x) => x.nodeId === nodeId && x.period === period)),
  };
}

async function storeOn(adapter: CrmAdapter, options: ConstructorParameters<typeof QkStore>[0] = {}) {
  const store = new QkStore({ autosaveMs: false, retryDelaysMs: [], pendingStorage: null, asOf: '2026-03-31', ...options });
  await store.connect(adapter);
  return store;
}

const revenue = (nodeId: string, value: number, period = 'FY2026'): TargetCell => ({ nodeId, period, metric: 'revenue', value });

describe('audit: a lock set at the host holds against an edit that was waiting to be saved', () => {
  it('周敏’s unsaved 上海一组 ¥4,100,000 is not sent once the administrator locks ¥4,000,000: no unlock is sent for her, and she is told why', async () => {
    const host = trustingHost(EAST);
    const store = await storeOn(host.adapter);
    expect(store.applyCells([revenue('east-sh', 410_000_000)]).ok).to.equal(true);
    // Before the autosave, the administrator locks the cell at its recorded value.
    host.setAtHost([{ ...revenue('east-sh', 400_000_000), source: 'blend', locked: true }]);
    await store.save();
    // Observed: the store sent an unlock of its own ({ locked: false }), then ¥4,100,000.
    expect(host.touched('east-sh')).to.equal(false);
    expect(host.cellAt('east-sh')).to.deep.include({ value: 400_000_000, locked: true });
    expect(store.getCell('east-sh', 'FY2026', 'revenue')).to.deep.include({ value: 400_000_000, locked: true });
    expect(store.isPending(revenue('east-sh', 0))).to.equal(false);
    expect(store.saveState).to.equal('error');
    expect(store.saveError).to.deep.include({ code: 'edit-locked' });
    expect(store.saveError?.params).to.deep.include({ node: '上海一组', period: 'FY2026' });
  });

  it('an unlock she made herself is still sent first, then her value (the deliberate route stays open)', async () => {
    const host = trustingHost(EAST);
    host.setAtHost([{ ...revenue('east-sh', 400_000_000), source: 'blend', locked: true }]);
    const store = await storeOn(host.adapter);
    const locked = store.getCell('east-sh', 'FY2026', 'revenue')!;
    expect(store.applyCells([{ ...locked, value: 410_000_000 }]).ok).to.equal(false);
    expect(store.applyCells([{ ...locked, locked: false }]).ok).to.equal(true);
    expect(store.applyCells([{ ...locked, locked: false, value: 410_000_000 }]).ok).to.equal(true);
    expect(await store.save()).to.equal(true);
    expect(host.sent.map((c) => c.cells.map((x) => `${x.value}${x.locked ? ' locked' : ''}`).join())).to.deep.equal(['400000000', '410000000']);
    expect(host.cellAt('east-sh')).to.deep.include({ value: 410_000_000, locked: false });
  });
});

describe('audit: pending edits restored after a reload are checked again, as of now', () => {
  /** 周敏 edits, the tab closes before the save; `between` changes the host; a new page loads. */
  async function reloadAfter(edit: TargetCell, between: (host: ReturnType<typeof trustingHost>) => void, options: { user?: User; asOf?: string; asOfAfter?: string } = {}) {
    const storage = memoryPendingStorage();
    const host = trustingHost(options.user ?? EAST);
    const first = await storeOn(host.adapter, { pendingStorage: storage, asOf: options.asOf ?? '2026-03-31' });
    expect(first.applyCells([edit]).ok).to.equal(true);
    first.flushPending();
    first.disconnect();
    between(host);
    const second = await storeOn(host.adapter, { pendingStorage: storage, asOf: options.asOfAfter ?? options.asOf ?? '2026-03-31' });
    await second.save();
    return { host, second, storage };
  }

  it('a cell locked since: the restored ¥4,100,000 is not applied nor sent; 上海一组 stays ¥4,000,000 locked', async () => {
    const { host, second } = await reloadAfter(revenue('east-sh', 410_000_000), (h) => h.setAtHost([{ ...revenue('east-sh', 400_000_000), source: 'blend', locked: true }]));
    expect(host.touched('east-sh')).to.equal(false);
    expect(host.cellAt('east-sh')).to.deep.include({ value: 400_000_000, locked: true });
    expect(second.getCell('east-sh', 'FY2026', 'revenue')?.value).to.equal(400_000_000);
    expect(second.pendingCount).to.equal(0);
    expect(second.saveError).to.deep.include({ code: 'edit-locked' });
  });

  it('a period closed since: 王芳’s restored FY2026-Q1 ¥600,000 is refused on 2026-04-02; the host keeps ¥500,000', async () => {
    const q1 = revenue('r1', yuan(600_000), 'FY2026-Q1');
    const { host, second } = await reloadAfter(q1, () => undefined, { asOf: '2026-03-15', asOfAfter: '2026-04-02' });
    expect(host.touched('r1', 'FY2026-Q1')).to.equal(false);
    expect(host.cellAt('r1', 'FY2026-Q1')?.value).to.equal(yuan(500_000));
    expect(second.getCell('r1', 'FY2026-Q1', 'revenue')?.value).to.equal(yuan(500_000));
    expect(second.saveError).to.deep.include({ code: 'edit-period-closed' });
  });

  it('a scope narrowed since: an edit of 上海一组 restored for a manager now of 杭州组 only is refused (edit-forbidden-scope)', async () => {
    const storage = memoryPendingStorage();
    const before = trustingHost(EAST);
    const first = await storeOn(before.adapter, { pendingStorage: storage });
    expect(first.applyCells([revenue('east-sh', 410_000_000)]).ok).to.equal(true);
    first.flushPending();
    first.disconnect();
    const after = trustingHost({ ...EAST, canView: ['east-hz'], canEdit: ['east-hz'] });
    const second = await storeOn(after.adapter, { pendingStorage: storage });
    await second.save();
    expect(after.touched('east-sh')).to.equal(false);
    expect(second.getCell('east-sh', 'FY2026', 'revenue')?.value).to.equal(400_000_000);
    expect(second.saveError).to.deep.include({ code: 'edit-forbidden-scope' });
  });

  it('an edit still allowed is restored and saved as before', async () => {
    const { host, second } = await reloadAfter(revenue('east-sh', 410_000_000), () => undefined);
    expect(host.cellAt('east-sh')?.value).to.equal(410_000_000);
    expect(second.saveState).to.equal('saved');
  });
});

describe("audit: the adjustment workflow's adapter calls run under the store's timeout", function () {
  // The store's own limit is 50 ms here; the ceiling only stops a test that would never end.
  this.timeout(60_000);
  const never = () => new Promise<never>(() => undefined);

  async function serviceWith(over: Partial<CrmAdapter>) {
    const { plan, actuals } = adjustmentPlan();
    const host = trustingHost(EAST, plan);
    void actuals;
    const adapter: CrmAdapter = { ...host.adapter, ...over };
    const store = await storeOn(adapter, { timeoutMs: 50, asOf: '2026-06-22' });
    return new AdjustmentService(store, { adapter, now: () => '2026-06-22T09:00:00.000Z' });
  }

  it('a listAdjustments that never answers ends in a timeout error, not "loading" for ever', async () => {
    const service = await serviceWith({ listAdjustments: never });
    await service.list();
    expect(service.loading).to.equal(false);
    expect(service.error?.code).to.equal('timeout');
  });

  it('a submitAdjustment that never answers ends the request with a timeout, not "busy" for ever', async () => {
    const service = await serviceWith({ submitAdjustment: never });
    const r = await service.request({ nodeId: 'east-sh', metric: 'revenue', periods: ['FY2026'], change: { kind: 'value', value: yuan(4_100_000) }, trigger: 'market-shift', reason: 'A new key account moved into this territory', absorption: { mode: 'siblings' } });
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.code).to.equal('timeout');
    expect(service.busy).to.equal(false);
  });

  it('a decideAdjustment that never answers ends the decision with a timeout', async () => {
    const service = await serviceWith({ decideAdjustment: never });
    service.setRequests([pendingRequest({ id: 'adj-sh', nodeId: 'east-sh', requesterId: 'u-sh', value: yuan(4_100_000) })]);
    const r = await service.decide('adj-sh', true, 'agreed');
    expect(r.ok).to.equal(false);
    if (!r.ok) expect(r.error.code).to.equal('timeout');
    expect(service.busy).to.equal(false);
  });
});

describe("audit: the commission plan's load runs under a timeout", function () {
  this.timeout(60_000);
  it('a loadIncentivePlan that never answers ends in the error state (timeout), not "loading" for ever', async () => {
    const { adapter } = trustingHost(EAST);
    const source = new SavedIncentivePlan({ ...adapter, loadIncentivePlan: () => new Promise(() => undefined) }, { timeoutMs: 50 });
    expect(source.state.status).to.equal('loading');
    await new Promise<void>((resolve) => source.subscribe(resolve));
    expect(source.state.status).to.equal('error');
    expect((source.state as { error: { code?: string } }).error.code).to.equal('timeout');
  });
});

describe('audit: viewer and rep through every write of the store (the host adapter checks nothing)', () => {
  const VIEWER: User = { id: 'u-viewer', name: '访客', roles: ['viewer'], canView: ['co'], canEdit: [] };
  const REP: User = { id: 'u-r1', name: '王芳', roles: ['rep'], canView: ['r1'], canEdit: [], nodeId: 'r1' };
  const commitment = (nodeId: string) => ({ nodeId, period: 'FY2026', metric: 'revenue' as const, value: yuan(2_000_000) });

  it('a viewer: applyCells, commitCells and saveInputs (commitment, market, blend) are refused before anything is sent', async () => {
    const host = trustingHost(VIEWER);
    const store = await storeOn(host.adapter);
    const applied = store.applyCells([revenue('r3', 150_000_000)]);
    expect(applied.ok ? 'ok' : applied.error.code).to.equal('edit-forbidden-role');
    const committed = await store.commitCells([revenue('r3', 150_000_000)]);
    expect(committed.ok ? 'ok' : committed.error.code).to.equal('edit-forbidden-role');
    expect((await store.saveInputs({ commitments: [commitment('r1')] }))?.code).to.equal('edit-forbidden-role');
    expect((await store.saveInputs({ market: [{ nodeId: 'east', size: yuan(1), share: 0.5 }] }))?.code).to.equal('edit-forbidden-role');
    expect((await store.saveInputs({ blend: { topDown: 1, bottomUp: 0, market: 0 } }))?.code).to.equal('edit-forbidden-role');
    expect(store.undo()).to.equal(false);
    expect(await store.save()).to.equal(false);
    expect(host.sent).to.deep.equal([]);
  });

  it('a rep: no target, not even their own; only their own commitment goes to the host', async () => {
    const host = trustingHost(REP);
    const store = await storeOn(host.adapter);
    const own = store.applyCells([revenue('r1', 1)]);
    expect(own.ok ? 'ok' : own.error.code).to.equal('edit-forbidden-role');
    expect((await store.saveInputs({ commitments: [commitment('r2')] }))?.code).to.equal('input-commitment-not-own');
    expect(host.sent).to.deep.equal([]);
    expect(await store.saveInputs({ commitments: [commitment('r1')] })).to.equal(null);
    expect(host.sent.length).to.equal(1);
    expect(store.snapshot?.commitments?.map((c) => [c.nodeId, c.value, c.by])).to.deep.equal([['r1', yuan(2_000_000), 'u-r1']]);
  });
});

describe('audit: a host adapter answering with junk where the other suites do not look', () => {
  it('a subscribe that throws: the plan still loads (ready), and the failure is reported, not an unhandled rejection of connect()', async () => {
    const host = trustingHost(EAST);
    const store = new QkStore({ autosaveMs: false, retryDelaysMs: [], pendingStorage: null, asOf: '2026-03-31' });
    const errors: string[] = [];
    store.subscribe((s, kind) => kind === 'save' && s.saveError && errors.push(s.saveError.code));
    let rejected: unknown = null;
    await store.connect({ ...host.adapter, subscribe: () => { throw new Error('event source unavailable'); } }).catch((e: unknown) => (rejected = e));
    expect(rejected).to.equal(null);
    expect(store.status).to.equal('ready');
    expect(store.getCell('east-sh', 'FY2026', 'revenue')?.value).to.equal(400_000_000);
    expect(errors).to.deep.equal(['load-failed']);
    expect(store.saveError?.message).to.equal('event source unavailable');
  });

  it('a subscribe that returns no unsubscribe function: disconnect() does not throw', async () => {
    const host = trustingHost(EAST);
    const store = await storeOn({ ...host.adapter, subscribe: (() => 42) as never });
    expect(() => store.disconnect()).not.to.throw();
  });

  for (const [name, junk] of [['an object', { items: [] }], ['null', null], ['a string', 'adj-1']] as const) {
    it(`listAdjustments answering ${name}: invalid-data (nothing listed), not "… is not iterable" nor a string read letter by letter`, async () => {
      const host = trustingHost(EAST);
      const adapter: CrmAdapter = { ...host.adapter, listAdjustments: async () => junk as never };
      const store = await storeOn(adapter);
      const service = new AdjustmentService(store, { adapter });
      const invalid = await service.list();
      expect(invalid).to.deep.equal([]);
      expect(service.requests).to.deep.equal([]);
      expect(service.error?.code).to.equal('invalid-data');
      expect(service.error?.message).to.match(/^listAdjustments: /);
    });
  }
});
