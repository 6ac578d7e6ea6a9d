/**
 * The MemoryAdapter's validated, frozen state (`src/adapter/trusted.ts`, issue 12 item 5): the
 * store takes it without a copy or a second parse, so it must be impossible to change; nothing
 * else — the public loads' copies, a host adapter's payloads — is ever taken unparsed; and
 * `MemoryAdapter.create` (the constructor's checks in slices) makes the same adapter (on a
 * 20,000-person plan, with the heap it takes: trusted.scale.test.ts, the scale layer).
 */
import { expect } from '@open-wc/testing';
import type { CrmAdapter } from '../../src/adapter/adapter.js';
import { hasActualsExtents, MemoryAdapter, sliceActuals } from '../../src/adapter/memory-adapter.js';
import { isTrustedActuals, isTrustedPlan } from '../../src/adapter/trusted.js';
import { QkStore } from '../../src/store/store.js';
import type { ActualsSnapshot, PlanSnapshot } from '../../src/engine/plan/model.js';
import { smallFixture } from '../fixtures/small-plan.js';

describe("the MemoryAdapter's trusted state", function () {
  this.timeout(300_000);

  it("freezes its own copy, never the caller's objects; the public loads hand out copies nobody trusts", async () => {
    const { plan, actuals } = smallFixture();
    const adapter = await MemoryAdapter.create(plan, actuals);
    expect(Object.isFrozen(plan)).to.equal(false);
    expect(Object.isFrozen(plan.targets[0])).to.equal(false);
    expect(Object.isFrozen(actuals.actuals[0])).to.equal(false);
    const copy = await adapter.loadPlan();
    expect(isTrustedPlan(copy)).to.equal(false);
    expect(isTrustedActuals(await adapter.loadActuals({ from: '2026-01-01', to: '2026-12-31' }))).to.equal(false);
    // A frozen look-alike is not trusted either: only the kit marks what it validated.
    expect(isTrustedPlan(Object.freeze(copy))).to.equal(false);
  });

  it("a copy's commitments, market and blend are the caller's: changing them does not reach the adapter", async () => {
    const { plan, actuals } = smallFixture();
    const node = plan.org.find((n) => n.kind === 'rep')!.id;
    const withInputs: PlanSnapshot = {
      ...plan,
      commitments: [{ nodeId: node, period: 'FY2026', metric: 'revenue', value: 100 }],
      market: [{ nodeId: node, size: 1_000, share: 0.5 }],
      blend: { topDown: 1, bottomUp: 1, market: 1 },
    };
    const adapter = new MemoryAdapter(withInputs, actuals);
    const copy = await adapter.loadPlan();
    copy.commitments![0]!.value = 5;
    copy.market![0]!.share = 0.9;
    copy.blend!.market = 7;
    const again = await adapter.loadPlan();
    expect(again.commitments![0]!.value).to.equal(100);
    expect(again.market![0]!.share).to.equal(0.5);
    expect(again.blend!.market).to.equal(1);
  });

  it('a host adapter that hands on a changed copy is parsed: the bad value is refused, not trusted', async () => {
    const { plan, actuals } = smallFixture();
    const inner = new MemoryAdapter(plan, actuals);
    const host: CrmAdapter = {
      loadPlan: async () => {
        const p = await inner.loadPlan();
        (p.targets[0] as { value: number }).value = -1;
        return p;
      },
      loadActuals: (r) => inner.loadActuals(r),
      saveTargets: (c) => inner.saveTargets(c),
      currentUser: () => inner.currentUser(),
      notify: (n) => inner.notify(n),
    };
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    await store.connect(host);
    expect(store.status).to.equal('error');
    expect(store.error!.code).to.equal('invalid-data');
    expect(store.error!.issues!.map((i) => i.path.join('.'))).to.deep.equal(['targets.0.value']);
  });

  it("a subclass that overrides loadPlan is loaded through its override, not the base's state", async () => {
    const { plan, actuals } = smallFixture();
    class Renaming extends MemoryAdapter {
      override async loadPlan(): Promise<PlanSnapshot> {
        const p = await super.loadPlan();
        return { ...p, plan: { ...p.plan, name: 'renamed by the host' } };
      }
    }
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    await store.connect(new Renaming(plan, actuals));
    expect(store.status).to.equal('ready');
    expect(store.plan!.name).to.equal('renamed by the host');
  });

  it('a save keeps the state trusted and frozen; the store reloads the saved value', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    await store.connect(adapter);
    expect(store.status).to.equal('ready');
    const cell = store.targets().find((c) => c.period === 'FY2026' && !c.product)!;
    expect(store.applyCells([{ ...cell, value: cell.value + 100 }]).ok).to.equal(true);
    expect(await store.save()).to.equal(true);
    await store.load();
    expect(store.status).to.equal('ready');
    expect(store.getCell(cell.nodeId, cell.period, cell.metric)!.value).to.equal(cell.value + 100);
    expect(isTrustedPlan(store.snapshot)).to.equal(true);
    expect(Object.isFrozen(store.snapshot!.targets)).to.equal(true);
  });

  it("the store's range: all the actuals as they are when the range holds them, else exactly sliceActuals", async () => {
    const { plan, actuals } = smallFixture();
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    await store.connect(await MemoryAdapter.create(plan, actuals, { user: 'u-admin' }));
    // FY2024 … FY2026 (two years of history): the range the store asks for.
    const range = { from: '2024-01-01', to: '2026-12-31' };
    expect(JSON.stringify(store.actuals)).to.equal(JSON.stringify(sliceActuals(actuals, range)));
    // An opportunity expected to close after the range: not every record is inside, so a slice.
    const late = structuredClone(actuals);
    late.pipeline[0] = { ...late.pipeline[0]!, expectedClose: '2027-02-01' };
    const store2 = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
    await store2.connect(await MemoryAdapter.create(plan, late, { user: 'u-admin' }));
    expect(store2.actuals!.pipeline.length).to.equal(late.pipeline.length - 1);
    expect(JSON.stringify(store2.actuals)).to.equal(JSON.stringify(sliceActuals(late, range)));
  });

  it("MemoryAdapter.create finds the stage counts' months and the pipeline's closing dates in its slices, not in the store's first loadActuals", async () => {
    const { plan, actuals } = smallFixture();
    const created = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const state = (created as unknown as { readState(): { actuals: ActualsSnapshot } }).readState();
    expect(hasActualsExtents(state.actuals)).to.equal(true);
    // The constructor's state: found on the first load that needs them, as before.
    const built = new MemoryAdapter(plan, actuals, { user: 'u-admin' });
    expect(hasActualsExtents((built as unknown as { readState(): { actuals: ActualsSnapshot } }).readState().actuals)).to.equal(false);
  });
});
