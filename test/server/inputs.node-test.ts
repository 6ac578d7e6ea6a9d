/**
 * Issue 16 item 1: the reference server keeps the planning inputs (reps' commitments, market size and
 * share, the blend, reps' ramp curves), with the rights of the signed-in identity: a rep only their
 * own commitment, a manager the market and ramps of their subtree, from the version they read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { startReference, type Reference } from './support.js';

describe('the reference server: planning inputs', () => {
  let ref: Reference;
  before(async () => {
    ref = await startReference();
  });
  after(async () => {
    await ref?.close();
  });
  const as = (userId: string) => new RestAdapter({ baseUrl: ref.base, headers: () => ({ authorization: `Bearer ${ref.token(userId)}` }) });
  // Directly over HTTP, so the client-side check cannot hide the server's answer.
  const put = (userId: string, body: unknown) =>
    fetch(`${ref.base}/inputs`, { method: 'PUT', headers: { authorization: `Bearer ${ref.token(userId)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('a rep saves their own commitment (stamped with them, whatever the body says); a teammate’s is refused by rule', async () => {
    const rep = as('u-rep-1-1-1');
    const v = (await rep.loadPlan()).plan.version;
    const refused = await put('u-rep-1-1-1', { baseVersion: v, commitments: [{ nodeId: 'rep-1-1-2', period: 'FY2026', metric: 'revenue', value: 100 }] });
    assert.equal(refused.status, 403);
    assert.deepEqual(await refused.json().then((b: { reason?: string; params?: unknown }) => [b.reason, b.params]), ['input-commitment-not-own', { node: 'rep-1-1-2' }]);
    const saved = await rep.saveInputs({ baseVersion: v, commitments: [{ nodeId: 'rep-1-1-1', period: 'FY2026', metric: 'revenue', value: 250_000_000, by: 'u-admin' }] });
    assert.equal(saved.version, v + 1);
    const mine = (await rep.loadPlan()).commitments;
    assert.deepEqual(mine, [{ nodeId: 'rep-1-1-1', period: 'FY2026', metric: 'revenue', value: 250_000_000, by: 'u-rep-1-1-1' }]);
    // The region manager sees it; a manager of another region does not.
    assert.equal((await as('u-mgr-1').loadPlan()).commitments?.[0]?.value, 250_000_000);
    assert.equal((await as('u-mgr-2').loadPlan()).commitments, undefined);
  });

  it('market size is for managers of the node (or an admin), not reps; a stale version is a conflict', async () => {
    const v = (await as('u-mgr-1').loadPlan()).plan.version;
    const byRep = await put('u-rep-1-1-1', { baseVersion: v, market: [{ nodeId: 'region-1', size: 1, share: 0.1 }] });
    assert.equal(byRep.status, 403);
    assert.equal(((await byRep.json()) as { reason?: string }).reason, 'edit-forbidden-role');
    const other = await put('u-mgr-2', { baseVersion: v, market: [{ nodeId: 'region-1', size: 1, share: 0.1 }] });
    assert.equal(other.status, 403);
    assert.equal(((await other.json()) as { reason?: string }).reason, 'edit-forbidden-scope');
    await as('u-mgr-1').saveInputs({ baseVersion: v, market: [{ nodeId: 'region-1', size: 50_000_000_000, share: 0.12 }] });
    assert.deepEqual((await as('u-director').loadPlan()).market, [{ nodeId: 'region-1', size: 50_000_000_000, share: 0.12 }]);
    await assert.rejects(as('u-mgr-1').saveInputs({ baseVersion: v, market: [{ nodeId: 'region-1', size: 1, share: 0.1 }] }), (e: unknown) => QkAdapterError.is(e) && e.code === 'conflict' && e.currentVersion === v + 1);
  });

  it('a manager sets a rep’s ramp curve; GET /plan serves it on the rep’s node; an overlapping curve is 400', async () => {
    const mgr = as('u-mgr-1');
    const v = (await mgr.loadPlan()).plan.version;
    const steps = [{ fromMonth: 0, toMonth: 2, factor: 0.4 }, { fromMonth: 2, toMonth: 5, factor: 0.7 }];
    const bad = await put('u-mgr-1', { baseVersion: v, ramps: [{ nodeId: 'rep-1-1-1', steps: [{ fromMonth: 0, toMonth: 3, factor: 0.3 }, { fromMonth: 1, toMonth: 4, factor: 0.6 }] }] });
    assert.equal(bad.status, 400);
    const byRep = await put('u-rep-1-1-1', { baseVersion: v, ramps: [{ nodeId: 'rep-1-1-1', steps }] });
    assert.equal(byRep.status, 403);
    await mgr.saveInputs({ baseVersion: v, ramps: [{ nodeId: 'rep-1-1-1', steps }] });
    assert.deepEqual((await as('u-rep-1-1-1').loadPlan()).org.find((n) => n.id === 'rep-1-1-1')?.ramp, steps);
    // An empty curve goes back to the plan's default.
    await mgr.saveInputs({ baseVersion: v + 1, ramps: [{ nodeId: 'rep-1-1-1', steps: [] }] });
    assert.equal((await mgr.loadPlan()).org.find((n) => n.id === 'rep-1-1-1')?.ramp, undefined);
  });

  it('the new-product minimum share is kept (an admin sets it; GET /plan serves it to everyone); a region manager is refused', async () => {
    const admin = as('u-admin');
    const v = (await admin.loadPlan()).plan.version;
    const byManager = await put('u-mgr-1', { baseVersion: v, newProductMinShare: 0.3 });
    assert.equal(byManager.status, 403);
    const saved = await admin.saveInputs({ baseVersion: v, newProductMinShare: 0.25 });
    assert.equal(saved.version, v + 1);
    assert.equal((await admin.loadPlan()).plan.newProductMinShare, 0.25);
    assert.equal((await as('u-rep-1-1-1').loadPlan()).plan.newProductMinShare, 0.25);
    const bad = await put('u-admin', { baseVersion: v + 1, newProductMinShare: 1.5 });
    assert.equal(bad.status, 400);
    assert.equal((await admin.loadPlan()).plan.newProductMinShare, 0.25);
  });
});
