/**
 * Issue 16 item 1: planning inputs persisted through the REST adapter, against the real HTTP test
 * server (test/adapter/rest-server-plugin.mjs). The signed-in identity decides: a rep enters only
 * their own commitment, a manager the market of their region and a rep's ramp curve.
 */
import { expect } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';

async function rejection(p: Promise<unknown>): Promise<QkAdapterError> {
  try {
    await p;
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

let counter = 0;
async function sessionAs(userId: string) {
  const base = `/__qk-rest/inputs${Date.now()}-${counter++}`;
  const { plan, actuals } = smallFixture();
  const user = plan.users!.find((u) => u.id === userId)!;
  const res = await fetch(`${base}/__control/reset`, { method: 'POST', body: JSON.stringify({ plan, actuals, user }) });
  if (!res.ok) throw new Error(`reset: HTTP ${res.status}`);
  const sent: string[] = [];
  const adapter = new RestAdapter({
    baseUrl: base,
    fetch: (input, init) => {
      sent.push(`${init?.method ?? 'GET'} ${String(input).replace(base, '')}`);
      return fetch(input, init);
    },
  });
  return { adapter, sent };
}

describe('RestAdapter: planning inputs (issue 16 item 1)', () => {
  it('a rep saves their own commitment (stamped with them) and a re-load shows it', async () => {
    const { adapter } = await sessionAs('u-r1');
    const before = await adapter.loadPlan();
    const r = await adapter.saveInputs({ baseVersion: before.plan.version, commitments: [{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 300_000_000, by: 'someone-else' }] });
    expect(r.version).to.equal(before.plan.version + 1);
    expect((await adapter.loadPlan()).commitments).to.deep.equal([{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 300_000_000, by: 'u-r1' }]);
  });

  it('a rep’s commitment for a teammate is refused before sending once the user and org are known, naming the rule', async () => {
    const { adapter, sent } = await sessionAs('u-r1');
    const plan = await adapter.loadPlan();
    await adapter.currentUser();
    const e = await rejection(adapter.saveInputs({ baseVersion: plan.plan.version, commitments: [{ nodeId: 'r2', period: 'FY2026', metric: 'revenue', value: 1 }] }));
    expect(e.code).to.equal('forbidden');
    expect(e.rule).to.deep.equal({ reason: 'input-commitment-not-own', params: { node: 'r2' } });
    expect(sent.filter((s) => s.startsWith('PUT'))).to.deep.equal([]);
  });

  it('the server refuses it too when the adapter knows nothing yet (403 → forbidden)', async () => {
    const { adapter, sent } = await sessionAs('u-r1');
    const e = await rejection(adapter.saveInputs({ baseVersion: 1, commitments: [{ nodeId: 'r2', period: 'FY2026', metric: 'revenue', value: 1 }] }));
    expect(e.code).to.equal('forbidden');
    expect(sent).to.deep.equal(['PUT /inputs']);
  });

  it('a manager saves a market entry and a rep’s ramp curve; a stale base is a conflict', async () => {
    const { adapter } = await sessionAs('u-east');
    const v = (await adapter.loadPlan()).plan.version;
    const ramp = [{ fromMonth: 0, toMonth: 2, factor: 0.5 }, { fromMonth: 2, toMonth: 4, factor: 0.8 }];
    await adapter.saveInputs({ baseVersion: v, market: [{ nodeId: 'east', size: 4_000_000_000, share: 0.2 }], ramps: [{ nodeId: 'r1', steps: ramp }] });
    const after = await adapter.loadPlan();
    expect(after.market).to.deep.equal([{ nodeId: 'east', size: 4_000_000_000, share: 0.2 }]);
    expect(after.org.find((n) => n.id === 'r1')!.ramp).to.deep.equal(ramp);
    const e = await rejection(adapter.saveInputs({ baseVersion: v, market: [{ nodeId: 'east', size: 1, share: 0.1 }] }));
    expect(e.code).to.equal('conflict');
    expect(e.currentVersion).to.equal(v + 1);
  });

  it('an overlapping ramp curve is invalid-data before anything is sent', async () => {
    const { adapter, sent } = await sessionAs('u-east');
    const e = await rejection(adapter.saveInputs({ baseVersion: 1, ramps: [{ nodeId: 'r1', steps: [{ fromMonth: 0, toMonth: 3, factor: 0.3 }, { fromMonth: 2, toMonth: 6, factor: 0.6 }] }] }));
    expect(e.code).to.equal('invalid-data');
    expect(e.issues[0]!.path).to.deep.equal(['ramps', 0, 'steps', 1]);
    expect(sent).to.deep.equal([]);
  });
});
