/**
 * Audit of issue 12 against the reference server: the writes a hostile page can send with a valid
 * token of its own user, shaped to slip past the rules (a request naming no requester, a removal
 * of a locked or closed cell, roles that must write nothing). Identity comes from the token alone.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startReference, type Reference } from './support.js';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { QkAdapterError } from '../../src/adapter/adapter.js';

describe('audit: the reference server refuses what a body cannot grant', () => {
  let ref: Reference;
  before(async () => {
    ref = await startReference();
  });
  after(async () => {
    await ref?.close();
  });

  const send = async (user: string, method: string, path: string, body: unknown) => {
    const r = await fetch(`${ref.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ref.token(user)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> | null };
  };
  const plan = async (user = 'u-admin') =>
    ((await (await fetch(`${ref.base}/plan`, { headers: { authorization: `Bearer ${ref.token(user)}` } })).json()) as {
      plan: { version: number };
      targets: { nodeId: string; period: string; metric: string; value: number; locked?: boolean; product?: string }[];
      commitments?: { nodeId: string; by?: string; value: number }[];
    });
  const version = async () => (await plan()).plan.version;
  const cellOf = async (nodeId: string, period: string, metric = 'won') => (await plan()).targets.find((t) => t.nodeId === nodeId && t.period === period && t.metric === metric && !t.product);

  it('a request that names no requester is refused (403 adjustment-not-requester): its maker never decides it', async () => {
    // u-mgr-1 manages region-1; a request for one of its reps, without `requesterId`.
    const request = {
      id: 'audit-anon', planId: 'sample-fy2026', nodeId: 'rep-1-1-1', metric: 'won', periods: ['2026-12'], change: { kind: 'value', value: 3 }, trigger: 'other',
      reason: 'a key account moved to this territory', absorption: { mode: 'parent' }, createdAt: '2026-11-27T08:00:00.000Z', status: 'pending',
    };
    for (const requesterId of [undefined, null, 7]) {
      const r = await send('u-mgr-1', 'POST', '/adjustments', requesterId === undefined ? request : { ...request, requesterId });
      assert.equal(r.status, 403, `requesterId ${String(requesterId)}`);
      assert.equal(r.body?.reason, 'adjustment-not-requester');
    }
    const decided = await send('u-mgr-1', 'POST', '/adjustments/audit-anon/decision', { approve: true });
    assert.equal(decided.status, 404, 'nothing was stored to decide');
  });

  it('a removal of a locked cell is refused (403 edit-locked); the value and the lock stay', async () => {
    const v = await version();
    const locked = { nodeId: 'rep-1-1-2', period: '2026-12', metric: 'won', value: 40, locked: true };
    assert.equal((await send('u-admin', 'PUT', '/targets', { baseVersion: v, cells: [locked] })).status, 200);
    for (const user of ['u-admin', 'u-mgr-1']) {
      const r = await send(user, 'PUT', '/targets', { baseVersion: v + 1, cells: [], removed: [{ nodeId: 'rep-1-1-2', period: '2026-12', metric: 'won' }] });
      assert.equal(r.status, 403, user);
      assert.equal(r.body?.reason, 'edit-locked', user);
    }
    assert.deepEqual(await cellOf('rep-1-1-2', '2026-12'), locked);
    assert.equal(await version(), v + 1);
  });

  it('a removal of a recorded cell of a closed month is refused (403 edit-period-closed)', async () => {
    // Today is 2026-11-27: October has closed. A cell that did not exist may be created there (not
    // history); once on record it is neither changed nor removed.
    const v = await version();
    const oct = { nodeId: 'rep-1-1-3', period: '2026-10', metric: 'won', value: 5 };
    assert.equal((await send('u-admin', 'PUT', '/targets', { baseVersion: v, cells: [oct] })).status, 200);
    const changed = await send('u-admin', 'PUT', '/targets', { baseVersion: v + 1, cells: [{ ...oct, value: 6 }] });
    assert.deepEqual([changed.status, changed.body?.reason], [403, 'edit-period-closed']);
    const r = await send('u-admin', 'PUT', '/targets', { baseVersion: v + 1, cells: [], removed: [{ nodeId: 'rep-1-1-3', period: '2026-10', metric: 'won' }] });
    assert.equal(r.status, 403);
    assert.equal(r.body?.reason, 'edit-period-closed');
    assert.deepEqual(await cellOf('rep-1-1-3', '2026-10'), oct);
    assert.equal(await version(), v + 1);
  });

  it('finance edits no target nor input, but may change the commission plan; a manager may not', async () => {
    const v = await version();
    const target = await send('u-finance', 'PUT', '/targets', { baseVersion: v, cells: [{ nodeId: 'rep-1-1-1', period: '2026-12', metric: 'won', value: 9 }] });
    assert.deepEqual([target.status, target.body?.reason], [403, 'edit-forbidden-role']);
    const market = await send('u-finance', 'PUT', '/inputs', { baseVersion: v, market: [{ nodeId: 'region-1', size: 100, share: 0.5 }] });
    assert.deepEqual([market.status, market.body?.reason], [403, 'edit-forbidden-role']);
    const current = (await (await fetch(`${ref.base}/incentive-plan`, { headers: { authorization: `Bearer ${ref.token('u-finance')}` } })).json()) as { version: number; plan: unknown } | null;
    const { SAMPLE_COMMISSION_PLAN } = await import('../../src/engine/incentive/index.js');
    const body = { baseVersion: current?.version ?? 0, plan: current?.plan ?? SAMPLE_COMMISSION_PLAN };
    const manager = await send('u-mgr-1', 'PUT', '/incentive-plan', body);
    assert.deepEqual([manager.status, manager.body?.reason], [403, 'incentive-plan-forbidden']);
    const finance = await send('u-finance', 'PUT', '/incentive-plan', body);
    assert.equal(finance.status, 200);
    assert.equal(await version(), v);
  });

  it("a rep's own commitment is stamped with the rep, whatever `by` says; another rep's is refused", async () => {
    const v = await version();
    const own = await send('u-rep-1-1-1', 'PUT', '/inputs', { baseVersion: v, commitments: [{ nodeId: 'rep-1-1-1', period: 'FY2026', metric: 'revenue', value: 123_400, by: 'u-admin' }] });
    assert.equal(own.status, 200);
    const stored = (await plan()).commitments?.find((c) => c.nodeId === 'rep-1-1-1');
    assert.deepEqual([stored?.value, stored?.by], [123_400, 'u-rep-1-1-1']);
    const other = await send('u-rep-1-1-1', 'PUT', '/inputs', { baseVersion: v + 1, commitments: [{ nodeId: 'rep-1-1-2', period: 'FY2026', metric: 'revenue', value: 1 }] });
    assert.deepEqual([other.status, other.body?.reason], [403, 'input-commitment-not-own']);
  });

  it('through RestAdapter: the requester-less request, a decision outside the approver\'s subtree and a finance target save are refused', async () => {
    const as = (user: string) => new RestAdapter({ baseUrl: ref.base, token: ref.token(user), timeoutMs: 60_000 });
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'ok',
        (e: unknown) => (QkAdapterError.is(e) ? `${e.code}:${e.rule?.reason ?? /(adjustment|edit)-[a-z-]+/.exec(e.message)?.[0] ?? ''}` : String(e)),
      );
    const request = {
      id: 'audit-rest', planId: 'sample-fy2026', nodeId: 'rep-1-1-1', metric: 'won', periods: ['2026-12'], change: { kind: 'value', value: 4 }, trigger: 'other',
      reason: 'a key account moved to this territory', absorption: { mode: 'parent' }, createdAt: '2026-11-27T08:00:00.000Z', status: 'pending',
    };
    const manager = as('u-mgr-1');
    await manager.currentUser();
    assert.equal(await code(manager.submitAdjustment(request)), 'forbidden:adjustment-not-requester');
    // The rep's own request for their node; u-mgr-2 (another region) may not decide it, u-mgr-1 may.
    assert.equal(await code(as('u-rep-1-1-1').submitAdjustment({ ...request, requesterId: 'u-rep-1-1-1' })), 'ok');
    // Outside what u-mgr-2 may see, the server does not even say the request exists (404).
    assert.equal(await code(as('u-mgr-2').decideAdjustment({ id: 'audit-rest', approve: true, by: 'u-mgr-2' })), 'not-found:');
    assert.equal(await code(manager.decideAdjustment({ id: 'audit-rest', approve: true, by: 'u-mgr-1' })), 'ok');
    const finance = as('u-finance');
    const v = (await finance.loadPlan()).plan.version;
    assert.equal(await code(finance.saveTargets({ baseVersion: v, cells: [{ nodeId: 'rep-1-1-1', period: '2026-12', metric: 'won', value: 9 }] })), 'forbidden:edit-forbidden-role');
  });
});
