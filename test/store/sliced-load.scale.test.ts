/**
 * Issue 12 item 5, the provider's side: the store's load of a large plan — parsing the payloads,
 * indexing the org, the cell table — runs in slices that give the event loop back between them
 * (no one long task), and gives the same read model, and the same errors, as the one-piece parse
 * and build. Counted in yields (ticks of a timer that runs between slices), never timed.
 */
import { expect } from '@open-wc/testing';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter, sliceActuals } from '../../src/adapter/memory-adapter.js';
import type { CrmAdapter } from '../../src/adapter/adapter.js';
import { parseActualsSnapshot, parsePlanSnapshot } from '../../src/adapter/validate.js';
import { createPlanState, type PlanState } from '../../src/engine/plan/plan-state.js';
import type { ActualsSnapshot, OrgNode, PlanSnapshot, TargetCell } from '../../src/engine/plan/model.js';
import { largeOrg } from '../fixtures/large-org.js';
import { isTrustedPlan } from '../../src/adapter/trusted.js';

const AS_OF = '2026-03-31';

/** A host page's own adapter (not a built-in one): the store parses everything it returns. */
function hostAdapter(plan: unknown, actuals: unknown): CrmAdapter {
  return {
    loadPlan: async () => structuredClone(plan) as PlanSnapshot,
    loadActuals: async () => structuredClone(actuals) as ActualsSnapshot,
    saveTargets: async () => ({ version: 2 }),
    currentUser: async () => ({ id: 'u-admin', name: 'Admin', roles: ['admin'], canView: ['co'], canEdit: ['co'] }),
    notify: async () => {},
  };
}

/**
 * Connects `adapter` and counts the ticks of a zero-delay timer that ran while the store had no
 * read model yet (`state` null): each is a moment the page had the event loop during the load.
 */
async function ticksBeforeReadModel(store: QkStore, adapter: CrmAdapter): Promise<number> {
  let ticks = 0;
  let stop = false;
  const tick = () => {
    if (stop || store.state) return;
    ticks++;
    setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  await store.connect(adapter);
  stop = true;
  return ticks;
}

/** The read model in comparable form: index arrays, every cell, the actuals. */
function shape(state: PlanState) {
  return {
    order: state.index.order.join(','),
    parentPos: Array.from(state.index.parentPos).join(','),
    subtreeEnd: Array.from(state.index.subtreeEnd).join(','),
    cells: JSON.stringify([...state.cells].sort((a, b) => (a.nodeId + a.period < b.nodeId + b.period ? -1 : 1))),
    cellCount: state.cells.size,
    actuals: JSON.stringify(state.actuals),
    org: JSON.stringify(state.org),
  };
}

/** The read model built in one piece from the payloads parsed in one piece (the definition). */
function onePiece(plan: unknown, actuals: unknown): PlanState {
  const snapshot = parsePlanSnapshot(structuredClone(plan));
  return createPlanState(snapshot, { actuals: parseActualsSnapshot(structuredClone(actuals), { plan: snapshot }), asOf: AS_OF });
}

describe('the store loads a large plan in slices (issue 12 item 5)', function () {
  this.timeout(600_000);
  // 20,000 nodes: 19,899 reps, 19,900 targets, about 130,000 actuals records.
  const { plan, actuals } = largeOrg({ nodes: 20_000, teams: 20 });

  it("a host adapter's 20,000-person payloads: parsed and indexed over dozens of yields, the same read model as in one piece", async () => {
    const store = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    const ticks = await ticksBeforeReadModel(store, hostAdapter(plan, actuals));
    expect(store.status).to.equal('ready');
    // One step per slice at sliceMs 0. Parse: 20,000 nodes and 19,900 cells (5 chunks each), the
    // org checks (3 passes), the cells' checks, ~130,000 actuals records twice (parse, checks);
    // then the cell table and the index (3 passes): far more than 40 yields. In one piece it was 3.
    expect(ticks).to.be.greaterThan(40);
    expect(shape(store.state!)).to.deep.equal(shape(onePiece(plan, actuals)));
  });

  it("a MemoryAdapter.create state is taken as validated: not parsed again, still indexed in slices, the same read model", async () => {
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const store = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    const ticks = await ticksBeforeReadModel(store, adapter);
    expect(store.status).to.equal('ready');
    // The cell table (5 chunks) and the index (3 passes of 5 chunks): at least 15 yields.
    expect(ticks).to.be.greaterThan(15);
    // The adapter answers the store's range (two years of history before FY2026) with a slice.
    expect(shape(store.state!)).to.deep.equal(shape(onePiece(plan, sliceActuals(actuals, { from: '2024-01-01', to: '2026-12-31' }))));
    // The adapter's own frozen state, not a copy: nothing to parse, nothing anyone can change.
    expect(Object.isFrozen(store.snapshot)).to.equal(true);
    expect(Object.isFrozen(store.snapshot!.targets[0])).to.equal(true);
    expect(() => {
      (store.snapshot!.targets[0] as { value: number }).value = 1;
    }).to.throw(TypeError);
    // What the public loadPlan hands out is still the caller's own copy.
    const copy = await adapter.loadPlan();
    expect(Object.isFrozen(copy.targets[0])).to.equal(false);
    expect(copy).to.not.equal(store.snapshot);
  });

  it('bad payloads past the first slices: the same issues as the one-piece parse, nothing loaded', async () => {
    const bad = structuredClone(plan) as PlanSnapshot & { org: OrgNode[]; targets: TargetCell[] };
    bad.org[15_000] = { ...bad.org[15_000]!, id: bad.org[14_000]!.id }; // duplicate id
    bad.org[12_000] = { ...bad.org[12_000]!, parentId: 'nowhere' }; // unknown parent
    bad.targets[9_000] = { ...bad.targets[9_000]!, nodeId: 'nobody' }; // target of an unknown node
    let expected: unknown;
    try {
      parsePlanSnapshot(structuredClone(bad), { source: 'loadPlan' });
    } catch (e) {
      expected = (e as { issues: unknown }).issues;
    }
    expect(expected).to.have.length.greaterThan(2);
    const store = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    await store.connect(hostAdapter(bad, actuals));
    expect(store.status).to.equal('error');
    expect(store.state).to.equal(null);
    expect(store.error!.issues).to.deep.equal(expected);

    const badActuals = structuredClone(actuals) as ActualsSnapshot & { actuals: { repId: string }[] };
    badActuals.actuals[25_000]!.repId = 'ghost';
    let expectedActuals: unknown;
    try {
      parseActualsSnapshot(structuredClone(badActuals), { source: 'loadActuals', plan: parsePlanSnapshot(structuredClone(plan)) });
    } catch (e) {
      expectedActuals = (e as { issues: unknown }).issues;
    }
    expect(expectedActuals).to.deep.equal([{ path: ['actuals', 25_000, 'repId'], code: 'unknown-rep', params: { id: 'ghost' }, message: 'unknown rep "ghost"' }]);
    const store2 = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    await store2.connect(hostAdapter(plan, badActuals));
    expect(store2.status).to.equal('error');
    expect(store2.error!.issues).to.deep.equal(expectedActuals);
  });

  /** Pushes `update` through `push` and counts the ticks of a zero-delay timer until `done()`. */
  async function ticksUntil(push: () => unknown, done: () => boolean): Promise<number> {
    let ticks = 0;
    push();
    while (!done()) {
      ticks++;
      if (ticks > 1_000_000) throw new Error('never done');
      await new Promise((r) => setTimeout(r, 0));
    }
    return ticks;
  }

  it("a host adapter's pushed 20,000-person plan is parsed and indexed over many yields, pending edits on top, the same read model as in one piece", async () => {
    let listener!: (u: unknown) => void;
    const adapter = { ...hostAdapter(plan, actuals), subscribe: (l: (u: unknown) => void) => ((listener = l), () => {}) } as CrmAdapter;
    const store = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    await store.connect(adapter);
    const [first, second] = plan.targets.filter((c) => c.nodeId.startsWith('rep-'));
    expect(store.applyCells([{ ...first!, value: 123_400 }]).ok).to.equal(true);
    // Another user's save: version 2, with the second rep's target changed.
    const pushed = structuredClone(plan) as PlanSnapshot & { targets: TargetCell[] };
    pushed.plan = { ...pushed.plan, version: 2 };
    const at = pushed.targets.findIndex((c) => c.nodeId === second!.nodeId && c.period === second!.period);
    pushed.targets[at] = { ...pushed.targets[at]!, value: 777_700 };
    const ticks = await ticksUntil(() => listener({ type: 'plan', snapshot: structuredClone(pushed) }), () => store.plan?.version === 2);
    // The parse (nodes, cells, the org checks, the cells' checks) and the cell table and index, a
    // step per slice at sliceMs 0: dozens of yields (it was none: the push was one task).
    expect(ticks).to.be.greaterThan(30);
    expect(store.getCell(second!.nodeId, second!.period, second!.metric)?.value).to.equal(777_700);
    expect(store.getCell(first!.nodeId, first!.period, first!.metric)?.value).to.equal(123_400);
    expect(store.pendingCount).to.equal(1);
    const want = onePiece(pushed, actuals);
    const got = shape(store.state!);
    expect({ ...got, cells: '' }).to.deep.equal({ ...shape(want), cells: '' });
    // A bad large push is reported, in slices too, and the plan shown stays.
    const bad = structuredClone(pushed) as PlanSnapshot & { targets: TargetCell[] };
    bad.plan = { ...bad.plan, version: 3 };
    bad.targets[15_000] = { ...bad.targets[15_000]!, nodeId: 'nobody' };
    await ticksUntil(() => listener({ type: 'plan', snapshot: bad }), () => store.saveError !== null);
    expect(store.saveError!.code).to.equal('invalid-data');
    expect(store.plan!.version).to.equal(2);
  });

  it("a MemoryAdapter's push after a save reaches another store as the adapter's own frozen plan (no copy, no parse), the org index kept", async () => {
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const [a, b] = [new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 }), new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 })];
    await a.connect(adapter);
    await b.connect(adapter);
    const index = b.state!.index;
    const cell = plan.targets.find((c) => c.nodeId.startsWith('rep-'))!;
    a.applyCells([{ ...cell, value: cell.value + 100 }]);
    expect(await a.save()).to.equal(true);
    await ticksUntil(() => undefined, () => b.plan?.version === 2);
    expect(b.getCell(cell.nodeId, cell.period, cell.metric)!.value).to.equal(cell.value + 100);
    // The adapter's state itself (frozen, trusted), not a copy made for this listener.
    expect(isTrustedPlan(b.snapshot)).to.equal(true);
    expect(b.state!.index, 'the same org: the index is kept').to.equal(index);
    // The public subscription still gets a copy of its own.
    const seen: unknown[] = [];
    adapter.subscribe((u) => seen.push(u));
    a.applyCells([{ ...cell, value: cell.value + 200 }]);
    expect(await a.save()).to.equal(true);
    await ticksUntil(() => undefined, () => b.plan?.version === 3);
    const copy = (seen[0] as { snapshot: PlanSnapshot }).snapshot;
    expect(isTrustedPlan(copy)).to.equal(false);
    expect(Object.isFrozen(copy.targets)).to.equal(false);
    expect(copy.plan.version).to.equal(3);
    expect(isTrustedPlan(b.snapshot)).to.equal(true);
  });

  it('a 10,000-level chain loads in slices through a host adapter: every level indexed, no overflow', async () => {
    const org: OrgNode[] = [{ id: 'n0', name: 'n0', parentId: null, kind: 'company' }];
    for (let i = 1; i < 10_000; i++) org.push({ id: `n${i}`, name: `n${i}`, parentId: `n${i - 1}`, kind: i === 9_999 ? 'rep' : 'unit' });
    const chain = { ...structuredClone(plan), org, targets: [{ nodeId: 'n9999', period: 'FY2026', metric: 'revenue', value: 1_000 }], users: [] };
    const none = { from: '2024-01-01', to: '2026-12-31', actuals: [], stageCounts: [], pipeline: [] };
    const store = new QkStore({ asOf: AS_OF, autosaveMs: false, sliceMs: 0 });
    const ticks = await ticksBeforeReadModel(store, hostAdapter(chain, none));
    expect(store.status, store.error?.message).to.equal('ready');
    expect(ticks).to.be.greaterThan(10);
    expect(store.state!.index.depth('n9999')).to.equal(9_999);
    expect(store.state!.index.subtreeEnd[0]).to.equal(10_000);
    expect(shape(store.state!)).to.deep.equal(shape(onePiece(chain, none)));
  });
});
