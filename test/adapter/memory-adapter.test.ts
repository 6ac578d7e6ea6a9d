import { rejection } from '../support/rejection.js';
import { expect } from '@open-wc/testing';
import { QkAdapterError, type AdapterUpdate } from '../../src/adapter/adapter.js';
import { runAdapterContractSuite } from '../../src/adapter/contract-suite.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { smallFixture, smallPlan, smallActuals } from '../fixtures/small-plan.js';

/** Routes errors thrown asynchronously (a microtask) to `onError` instead of the test runner; returns the undo. */
function catchAsyncErrors(onError: (e: unknown) => void): () => void {
  const proc = (globalThis as { process?: NodeJS.Process }).process;
  if (typeof window === 'undefined' && proc) {
    const runners = proc.listeners('uncaughtException');
    proc.removeAllListeners('uncaughtException');
    proc.on('uncaughtException', onError);
    return () => {
      proc.removeListener('uncaughtException', onError);
      for (const l of runners) proc.on('uncaughtException', l);
    };
  }
  const mochaOnError = window.onerror;
  const consoleError = console.error;
  window.onerror = () => true;
  console.error = (...args: unknown[]) => args.forEach(onError);
  return () => {
    window.onerror = mochaOnError;
    console.error = consoleError;
  };
}

const make = (options = {}) => {
  const { plan, actuals } = smallFixture();
  return new MemoryAdapter(plan, actuals, options);
};

runAdapterContractSuite(() => make(), { name: 'MemoryAdapter' });

describe('MemoryAdapter', () => {
  it('rejects bad sample data in its constructor, with every path', async () => {
    const { plan, actuals } = smallFixture();
    plan.targets.push({ nodeId: 'nobody', period: 'FY2026', metric: 'revenue', value: 1 });
    const e = await rejection(() => new MemoryAdapter(plan, actuals));
    expect(e.code).to.equal('invalid-data');
    expect(e.issues).to.deep.equal([{ path: ['snapshot', 'targets', 10, 'nodeId'], code: 'unknown-node', params: { id: 'nobody' }, message: 'unknown node "nobody"' }]);

    const good = smallFixture();
    good.actuals.stageCounts[2]!.stageId = 'visit';
    const e2 = await rejection(() => new MemoryAdapter(good.plan, good.actuals));
    expect(e2.issues.map((i) => i.path.join('.'))).to.deep.equal(['actuals.stageCounts.2.stageId']);
  });

  it('keeps its own copy: changing the inputs or the outputs does not reach its data', async () => {
    const { plan, actuals } = smallFixture();
    const adapter = new MemoryAdapter(plan, actuals);
    plan.targets[0]!.value = 1;
    actuals.actuals.length = 0;
    const loaded = await adapter.loadPlan();
    loaded.targets[0]!.value = 2;
    expect((await adapter.loadPlan()).targets[0]!.value).to.equal(1_200_000_000);
    expect((await adapter.loadActuals({ from: '2026-01-01', to: '2026-12-31' })).actuals).to.have.length(7);
  });

  it('saveTargets upserts by node × period × metric × product and moves the version 1 → 2', async () => {
    const adapter = make();
    const r = await adapter.saveTargets({
      baseVersion: 1,
      cells: [
        { nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 750_000_000, source: 'manual' },
        { nodeId: 'east', period: 'FY2026', metric: 'revenue', product: 'ai', value: 100_000_000 },
      ],
    });
    expect(r).to.deep.equal({ version: 2 });
    const after = await adapter.loadPlan();
    expect(after.plan.version).to.equal(2);
    // 10 fixture cells: one replaced in place (index 1), one appended → 11.
    expect(after.targets).to.have.length(11);
    expect(after.targets[1]).to.deep.equal({ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 750_000_000, source: 'manual' });
    expect(after.targets[10]).to.deep.equal({ nodeId: 'east', period: 'FY2026', metric: 'revenue', product: 'ai', value: 100_000_000 });
  });

  it('a stale version rejects with conflict and currentVersion; a cell for an unknown node with invalid-data', async () => {
    const adapter = make();
    const cell = { nodeId: 'r2', period: 'FY2026-Q1' as const, metric: 'revenue' as const, value: 150_000_00 };
    await adapter.saveTargets({ baseVersion: 1, cells: [cell] });
    const conflict = await rejection(adapter.saveTargets({ baseVersion: 1, cells: [{ ...cell, value: 1 }] }));
    expect(conflict.code).to.equal('conflict');
    expect(conflict.currentVersion).to.equal(2);
    const bad = await rejection(adapter.saveTargets({ baseVersion: 2, cells: [{ ...cell, nodeId: 'r42' }] }));
    expect(bad.code).to.equal('invalid-data');
    expect(bad.issues[0]!.path).to.deep.equal(['cells', 0, 'nodeId']);
    expect((await adapter.loadPlan()).plan.version).to.equal(2);
  });

  it('loadActuals returns February 2026: 4 actuals, 1 opportunity, the stage counts of 2026-02', async () => {
    const feb = await make().loadActuals({ from: '2026-02-01', to: '2026-02-28' });
    expect(feb.actuals.map((a) => a.id)).to.deep.equal(['b2', 'b3', 'b4', 'c1']);
    expect(feb.pipeline.map((o) => o.id)).to.deep.equal(['o1']);
    expect(feb.stageCounts.map((c) => `${c.repId}/${c.stageId}/${c.count}`)).to.deep.equal(['r5/lead/30', 'r5/won/1']);
    const bad = await rejection(make().loadActuals({ from: '2026-03-01', to: '2026-02-01' }));
    expect(bad.code).to.equal('invalid-data');
  });

  it('currentUser: the first admin by default, a user chosen by id, not-found for an unknown id', async () => {
    expect((await make().currentUser()).id).to.equal('u-admin');
    expect((await make({ user: 'u-east' }).currentUser()).canEdit).to.deep.equal(['east']);
    expect((await rejection(() => make({ user: 'u-nobody' }))).code).to.equal('not-found');
    const { plan, actuals } = smallFixture();
    delete plan.users;
    expect(await new MemoryAdapter(plan, actuals).currentUser()).to.deep.equal({
      id: 'admin',
      name: 'Admin',
      roles: ['admin'],
      canView: ['co'],
      canEdit: ['co'],
    });
  });

  it('notify records the notice in `sent`; a malformed notice is invalid-data', async () => {
    const adapter = make();
    await adapter.notify({ recipients: ['u-east'], subject: '目标调整', body: '华东 Q2 目标已调整' });
    expect(adapter.sent).to.deep.equal([{ recipients: ['u-east'], subject: '目标调整', body: '华东 Q2 目标已调整' }]);
    const e = await rejection(adapter.notify({ recipients: 'everyone', subject: 'x', body: 'y' } as never));
    expect(e.issues[0]!.path).to.deep.equal(['recipients']);
  });

  it('failNext fails exactly one call; latencyMs delays calls', async () => {
    const adapter = make({ failNext: 'network' });
    expect((await rejection(adapter.loadPlan())).code).to.equal('network');
    expect((await adapter.loadPlan()).plan.version).to.equal(1);
    adapter.failNext = new QkAdapterError('forbidden', 'no access to 华南');
    expect((await rejection(adapter.currentUser())).message).to.equal('no access to 华南');

    const slow = make({ latencyMs: 60 });
    const t0 = performance.now();
    await slow.loadPlan();
    expect(performance.now() - t0).to.be.at.least(55);
  });

  it('stores adjustments and decisions', async () => {
    // 周敏 (u-east) asks for 华东; a request for a node names its requester (one without would be
    // decided by its own maker), and the administrator decides it.
    const asked = await make({ user: 'u-east' }).submitAdjustment({ id: 'adj-1', nodeId: 'east', requesterId: 'u-east', reason: '人员离职' });
    const adapter = make({ adjustments: [asked] });
    const decided = await adapter.decideAdjustment({ id: 'adj-1', approve: false, by: 'u-admin', comment: '证据不足' });
    expect(decided).to.deep.equal({
      id: 'adj-1',
      nodeId: 'east',
      requesterId: 'u-east',
      reason: '人员离职',
      status: 'rejected',
      decision: { approve: false, by: 'u-admin', comment: '证据不足' },
    });
    expect(await adapter.listAdjustments()).to.deep.equal([decided]);
    expect((await rejection(adapter.submitAdjustment({ id: '' }))).code).to.equal('invalid-data');
  });

  it('a throwing subscriber does not stop the save or the other subscribers', async () => {
    const adapter = make();
    const got: AdapterUpdate[] = [];
    const errors: unknown[] = [];
    // The listener's error is rethrown asynchronously, as an EventTarget does. For this test, keep
    // it from failing the test and collect it: in Node (scripts/test-node.mjs) it is an uncaught
    // exception (mocha's listener); in a browser (npx web-test-runner <this file>) it reaches
    // mocha's window.onerror and the runner's console.error.
    const restore = catchAsyncErrors((e) => errors.push(e));
    adapter.subscribe(() => {
      throw new Error('listener bug');
    });
    adapter.subscribe((u) => got.push(u));
    let r;
    try {
      r = await adapter.saveTargets({ baseVersion: 1, cells: [] });
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      restore();
    }
    expect(r.version).to.equal(2);
    expect(got.map((u) => (u.type === 'plan' ? u.snapshot.plan.version : -1))).to.deep.equal([2]);
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['listener bug']);
  });

  it('loadChildren returns the children in org order', async () => {
    expect((await make().loadChildren('east')).map((n) => n.id)).to.deep.equal(['east-sh', 'east-hz']);
    expect(await make().loadChildren('r1')).to.deep.equal([]);
  });

  it('the exported fixture constants are untouched by the tests', () => {
    expect(smallPlan.plan.version).to.equal(1);
    expect(smallActuals.actuals).to.have.length(7);
  });
});

describe('MemoryAdapter re-checks adjustment permissions', () => {
  // A request from the 华东 manager (u-east) for rep r2 (in 华东 / 上海一组).
  const request = (over: Record<string, unknown> = {}) => ({ id: 'adj-1', nodeId: 'r2', requesterId: 'u-east', status: 'pending', history: [{ at: '2026-06-20T09:00:00Z', by: 'u-east', action: 'submit' }], ...over });
  const as = (user: string, adjustments: Record<string, unknown>[] = []) => {
    const { plan, actuals } = smallFixture();
    return new MemoryAdapter(plan, actuals, { user, adjustments: adjustments as never });
  };
  const code = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code?: string }) => e.code);

  it('a request is made by the signed-in user, for a node they may request for', async () => {
    expect(await code(as('u-east').submitAdjustment(request()))).to.equal('resolved');
    expect(await code(as('u-admin').submitAdjustment(request()))).to.equal('forbidden'); // on someone else's behalf
    // 王芳 (a rep) only for herself: r2 is a colleague.
    expect(await code(as('u-r1').submitAdjustment(request({ requesterId: 'u-r1' })))).to.equal('forbidden');
    expect(await code(as('u-r1').submitAdjustment(request({ requesterId: 'u-r1', nodeId: 'r1', history: [{ at: '2026-06-20T09:00:00Z', by: 'u-r1', action: 'submit' }] })))).to.equal('resolved');
  });

  it('approving needs an approver who is not the requester; the decision is the signed-in user\'s', async () => {
    expect(await code(as('u-east', [request()]).decideAdjustment({ id: 'adj-1', approve: true, by: 'u-east' }))).to.equal('forbidden'); // own request
    expect(await code(as('u-admin', [request()]).decideAdjustment({ id: 'adj-1', approve: true, by: 'u-east' }))).to.equal('forbidden'); // not who is signed in
    expect(await code(as('u-r1', [request()]).decideAdjustment({ id: 'adj-1', approve: true, by: 'u-r1' }))).to.equal('forbidden'); // a rep
    expect(await code(as('u-admin', [request()]).decideAdjustment({ id: 'adj-1', approve: true, by: 'u-admin' }))).to.equal('resolved');
    expect(await code(as('u-east', [request()]).submitAdjustment(request({ status: 'approved' })))).to.equal('forbidden');
  });

  it('the audit trail only grows: rewriting or dropping an entry is a conflict', async () => {
    const a = as('u-admin', [request()]);
    expect(await code(a.submitAdjustment(request({ history: [] })))).to.equal('conflict');
    expect(await code(a.submitAdjustment(request({ history: [{ at: '2026-06-20T09:00:00Z', by: 'someone-else', action: 'submit' }] })))).to.equal('conflict');
    // Status moves to approved only through decideAdjustment; the requester's withdrawal grows the trail.
    const grown = request({ status: 'withdrawn', history: [...request().history, { at: '2026-06-21T09:00:00Z', by: 'u-east', action: 'withdraw' }] });
    expect(await code(as('u-east', [request()]).submitAdjustment(grown))).to.equal('resolved');
  });
});

