/**
 * Issue 16, item 5: the commission plan is saved through the adapter; the reference server lets only
 * finance or an admin change it, decided from the signed-in identity, from the version they read.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { startReference, type Reference } from './support.js';

describe('the reference server: the commission plan', () => {
  let ref: Reference;
  before(async () => {
    ref = await startReference();
  });
  after(async () => {
    await ref?.close();
  });
  const as = (userId: string) => new RestAdapter({ baseUrl: ref.base, headers: () => ({ authorization: `Bearer ${ref.token(userId)}` }) });
  const plan = { basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 0.5, rate: 0.04 }, { from: 1, rate: 0.09 }], cap: { targetRatio: 0.25 } };

  it('refuses a manager by rule, saves for finance, refuses a stale version, and serves the saved plan', async () => {
    assert.equal(await as('u-mgr-1').loadIncentivePlan(), null);
    // Directly over HTTP, so the client-side check cannot hide the server's answer.
    const put = (userId: string, body: unknown) =>
      fetch(`${ref.base}/incentive-plan`, { method: 'PUT', headers: { authorization: `Bearer ${ref.token(userId)}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const refused = await put('u-mgr-1', { baseVersion: 0, plan });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { reason?: string }).reason, 'incentive-plan-forbidden');
    // The RestAdapter turns the server's refusal into a named rule.
    await assert.rejects(as('u-mgr-1').saveIncentivePlan({ baseVersion: 0, plan }), (e: unknown) => QkAdapterError.is(e) && e.code === 'forbidden' && e.rule?.reason === 'incentive-plan-forbidden');
    assert.deepEqual(await as('u-finance').saveIncentivePlan({ baseVersion: 0, plan }), { version: 1 });
    await assert.rejects(as('u-admin').saveIncentivePlan({ baseVersion: 0, plan }), (e: unknown) => QkAdapterError.is(e) && e.code === 'conflict');
    const bad = await put('u-finance', { baseVersion: 1, plan: { basis: 'booked', tiers: [{ from: 0, rate: 1.5 }] } });
    assert.equal(bad.status, 400);
    const loaded = await as('u-rep-1-1-1').loadIncentivePlan();
    assert.equal(loaded?.version, 1);
    assert.deepEqual((loaded?.plan as typeof plan).tiers.map((t) => t.rate), [0, 0.04, 0.09]);
  });
});
