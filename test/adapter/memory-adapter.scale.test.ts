/**
 * The MemoryAdapter's save of a large plan (20,000 people): in slices, the same result as the
 * upsert, all or nothing, one of two concurrent saves. The scale layer (`npm run test:scale`): the
 * unit tests of the adapter are in memory-adapter.test.ts.
 */
import { rejection } from '../support/rejection.js';
import { expect } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { largeOrg } from '../fixtures/large-org.js';
import type { TargetCell } from '../../src/engine/plan/model.js';

describe('MemoryAdapter.saveTargets of a large plan (issue 12 item 5: not one long task)', function () {
  this.timeout(300_000);
  // 20,000 people: 19,980 rep cells and the company's and teams' FY2026 cells (over SLICED_SAVE_RECORDS).
  // Built once for the four tests: none changes it (each works on its own MemoryAdapter.create copy
  // and on new arrays), and the 'all or nothing' test checks against it after its saves.
  let built: ReturnType<typeof largeOrg> | undefined;
  const big = () => (built ??= largeOrg({ nodes: 20_000, teams: 20 }));

  it('yields to the event loop before it resolves: a timer set before the save runs first', async () => {
    const { plan, actuals } = big();
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const reps = plan.targets.filter((c) => c.nodeId.startsWith('rep-'));
    let timerRan = false;
    setTimeout(() => (timerRan = true), 0);
    const r = await adapter.saveTargets({ baseVersion: plan.plan.version, cells: reps.map((c) => ({ ...c, value: c.value + 1 })) });
    expect(timerRan).to.equal(true);
    expect(r).to.deep.equal({ version: plan.plan.version + 1 });
  });

  it('the same result as the upsert: every cell replaced in place, new ones appended, removed ones gone', async () => {
    const { plan, actuals } = big();
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const reps = plan.targets.filter((c) => c.nodeId.startsWith('rep-'));
    // 12,000 changed (+7 each), 3,000 new quarter cells, the last 500 reps' cells removed.
    const changed = reps.slice(0, 12_000).map((c) => ({ ...c, value: c.value + 7 }));
    const added: TargetCell[] = reps.slice(0, 3_000).map((c) => ({ nodeId: c.nodeId, period: 'FY2026-Q1', metric: 'revenue', value: 1_000 }));
    const removed = reps.slice(-500).map((c) => ({ nodeId: c.nodeId, period: c.period, metric: c.metric }));
    await adapter.saveTargets({ baseVersion: plan.plan.version, cells: [...changed, ...added], removed });
    const after = await adapter.loadPlan();
    const gone = new Set(removed.map((c) => c.nodeId));
    const bumped = new Set(changed.map((c) => c.nodeId));
    const expected = [
      ...plan.targets.filter((c) => !(c.nodeId.startsWith('rep-') && gone.has(c.nodeId))).map((c) => (c.nodeId.startsWith('rep-') && bumped.has(c.nodeId) && c.period === 'FY2026' ? { ...c, value: c.value + 7 } : c)),
      ...added,
    ];
    expect(after.targets.length).to.equal(plan.targets.length - 500 + 3_000);
    expect(JSON.stringify(after.targets)).to.equal(JSON.stringify(expected));
    expect(after.plan.version).to.equal(plan.plan.version + 1);
  });

  it('all or nothing: a refused cell late in the change, a stale version or a bad cell changes nothing', async () => {
    const { plan, actuals } = big();
    const team = plan.org.find((n) => n.kind === 'team')!.id;
    const mine = new Set(plan.org.filter((n) => n.parentId === team).map((n) => n.id));
    const manager = { id: 'u-m', name: 'M', roles: ['manager' as const], canView: [team], canEdit: [team] };
    const adapter = await MemoryAdapter.create(plan, actuals, { user: manager });
    const reps = plan.targets.filter((c) => c.nodeId.startsWith('rep-'));
    const own = reps.filter((c) => mine.has(c.nodeId)).map((c) => ({ ...c, value: c.value + 1 }));
    // The manager's own team's cells (allowed), then 15,000 of other teams' (the first is refused).
    const others = reps.filter((c) => !mine.has(c.nodeId)).slice(0, 15_000).map((c) => ({ ...c, value: c.value + 1 }));
    const forbidden = await rejection(adapter.saveTargets({ baseVersion: plan.plan.version, cells: [...own, ...others] }));
    expect(forbidden.code).to.equal('forbidden');
    expect(forbidden.message).to.contain(`(${others[0]!.nodeId}|FY2026|revenue|)`);
    const stale = await rejection(adapter.saveTargets({ baseVersion: plan.plan.version - 1, cells: own }));
    expect(stale.code).to.equal('conflict');
    const bad = [...others.slice(0, 14_000), { ...others[0]!, nodeId: 'nobody' }];
    const invalid = await rejection(adapter.saveTargets({ baseVersion: plan.plan.version, cells: bad }));
    expect(invalid.code).to.equal('invalid-data');
    expect(invalid.issues[0]!.path).to.deep.equal(['cells', 14_000, 'nodeId']);
    const after = await adapter.loadPlan();
    expect(after.plan.version).to.equal(plan.plan.version);
    expect(JSON.stringify(after.targets)).to.equal(JSON.stringify(plan.targets));
  });

  it('two large saves from the same version at once: the first is written, the second is a conflict', async () => {
    const { plan, actuals } = big();
    const adapter = await MemoryAdapter.create(plan, actuals, { user: 'u-admin' });
    const reps = plan.targets.filter((c) => c.nodeId.startsWith('rep-'));
    const a = adapter.saveTargets({ baseVersion: plan.plan.version, cells: reps.map((c) => ({ ...c, value: c.value + 1 })) });
    const b = adapter.saveTargets({ baseVersion: plan.plan.version, cells: reps.map((c) => ({ ...c, value: c.value + 2 })) });
    const [ra, rb] = await Promise.allSettled([a, b]);
    expect(ra.status).to.equal('fulfilled');
    expect(rb.status).to.equal('rejected');
    const err = (rb as PromiseRejectedResult).reason as QkAdapterError;
    expect(err.code).to.equal('conflict');
    expect(err.currentVersion).to.equal(plan.plan.version + 1);
    const after = await adapter.loadPlan();
    expect(after.targets.find((c) => c.nodeId === reps[0]!.nodeId)!.value).to.equal(reps[0]!.value + 1);
  });
});
