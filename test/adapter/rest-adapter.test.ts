/**
 * RestAdapter against a real HTTP server: test/adapter/rest-server-plugin.mjs serves the REST
 * contract on the test server under /__qk-rest/{session}, and these tests use the browser's real
 * fetch. Scenarios (500, slow, malformed body) are set through its control routes.
 */
import { expect } from '@open-wc/testing';
import { QkAdapterError } from '../../src/adapter/adapter.js';
import { runAdapterContractSuite } from '../../src/adapter/contract-suite.js';
import { RestAdapter, type RestAdapterOptions } from '../../src/adapter/rest-adapter.js';
import { smallFixture } from '../fixtures/small-plan.js';

async function rejection(p: Promise<unknown>): Promise<QkAdapterError> {
  try {
    await p;
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, it resolved');
}

let counter = 0;

/** A server session with fresh fixture data, and helpers to drive it. */
async function session(options: Partial<RestAdapterOptions> = {}) {
  const base = `/__qk-rest/s${Date.now()}-${counter++}`;
  const control = async (path: string, body?: unknown) => {
    const res = await fetch(`${base}/__control/${path}`, {
      method: body === undefined && path === 'state' ? 'GET' : 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`control ${path}: HTTP ${res.status}`);
    return res.status === 204 ? undefined : res.json();
  };
  const { plan, actuals } = smallFixture();
  await control('reset', { plan, actuals, user: plan.users![0] });
  return { base, control, adapter: new RestAdapter({ baseUrl: base, ...options }) };
}

runAdapterContractSuite(async () => (await session()).adapter, { name: 'RestAdapter (real HTTP server)' });

describe('RestAdapter', () => {
  it('loads the plan, actuals and user through the real server', async () => {
    const { adapter } = await session();
    const plan = await adapter.loadPlan();
    expect(plan.org).to.have.length(12);
    expect(plan.targets[0]!.value).to.equal(1_200_000_000);
    const march = await adapter.loadActuals({ from: '2026-03-01', to: '2026-03-31' });
    expect(march.actuals.map((a) => a.id)).to.deep.equal(['b5', 'c2']);
    expect((await adapter.currentUser()).id).to.equal('u-admin');
  });

  it('a 500 rejects with network, naming the status', async () => {
    const { adapter, control, base } = await session();
    await control('next', { status: 500 });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('network');
    expect(e.message).to.equal(`GET ${base}/plan: HTTP 500 (forced HTTP 500)`);
  });

  it('no answer within timeoutMs rejects with network (the request is aborted)', async () => {
    const { adapter, control } = await session({ timeoutMs: 150 });
    // The server holds its answer 10 s: far beyond the timeout even when a loaded machine runs the
    // 150 ms timer late, so the test does not depend on the machine's speed.
    await control('next', { delayMs: 10_000 });
    const t0 = performance.now();
    const e = await rejection(adapter.loadPlan());
    const elapsed = performance.now() - t0;
    expect(e.code).to.equal('network');
    expect(e.message).to.contain('no answer within 150 ms');
    // Aborted at the timeout, well before the server's 10 s delay would have answered.
    expect(elapsed).to.be.within(140, 9_000);
  });

  it('an unreachable server rejects with network', async () => {
    // Port 9 (discard) is closed here, and browsers refuse it anyway: either way, no response.
    const e = await rejection(new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api' }).loadPlan());
    expect(e.code).to.equal('network');
    expect(e.message).to.match(/^GET http:\/\/127\.0\.0\.1:9\/api\/plan: network failure/);
  });

  it('a body that is not JSON rejects with invalid-data', async () => {
    const { adapter, control } = await session();
    await control('next', { rawBody: '{"plan": {"id": ' });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('invalid-data');
    expect(e.issues).to.have.length(1);
    expect(e.issues[0]!.message).to.match(/^the response body is not JSON/);
  });

  it('schema-invalid JSON rejects with invalid-data listing every path; nothing is half-loaded', async () => {
    const { adapter, control } = await session();
    const { plan } = smallFixture();
    await control('next', {
      json: { ...plan, plan: { ...plan.plan, currency: 'yuan' }, targets: [{ ...plan.targets[0], value: 'lots' }] },
    });
    const e = await rejection(adapter.loadPlan());
    expect(e.code).to.equal('invalid-data');
    expect(e.issues.map((i) => i.path.join('.'))).to.deep.equal(['plan.currency', 'targets.0.value']);

    await control('next', { json: [plan.org[1], { id: 'x', name: 'x', parentId: 'co', kind: 'team', hasChildren: 'yes' }] });
    const e2 = await rejection(adapter.loadChildren('co'));
    expect(e2.issues.map((i) => i.path.join('.'))).to.deep.equal(['1.hasChildren']);
    await control('next', { json: [plan.org[1], plan.org[3]] });
    const e3 = await rejection(adapter.loadChildren('co'));
    expect(e3.issues).to.deep.equal([{ path: [1, 'parentId'], code: 'not-child', params: { parent: 'co', got: 'east' }, message: 'expected a child of "co", got parent "east"' }]);
  });

  it('actuals are cross-checked against the loaded plan', async () => {
    const { adapter, control } = await session();
    await adapter.loadPlan();
    const { actuals } = smallFixture();
    actuals.actuals[3]!.productId = 'hardware';
    actuals.stageCounts[1]!.repId = 'ghost';
    await control('next', { json: actuals });
    const e = await rejection(adapter.loadActuals({ from: '2026-01-01', to: '2026-12-31' }));
    expect(e.issues).to.deep.equal([
      { path: ['actuals', 3, 'productId'], code: 'unknown-product', params: { id: 'hardware' }, message: 'unknown product "hardware"' },
      { path: ['stageCounts', 1, 'repId'], code: 'unknown-rep', params: { id: 'ghost' }, message: 'unknown rep "ghost"' },
    ]);
  });

  it('a save after someone else saved rejects with conflict and the current version', async () => {
    const { adapter, control } = await session();
    const plan = await adapter.loadPlan();
    expect(await control('bump')).to.deep.equal({ version: 2 });
    const cell = { nodeId: 'east', period: 'FY2026' as const, metric: 'revenue' as const, value: 800_000_000 };
    const e = await rejection(adapter.saveTargets({ baseVersion: plan.plan.version, cells: [cell] }));
    expect(e.code).to.equal('conflict');
    expect(e.currentVersion).to.equal(2);
    expect(e.message).to.contain('the plan is now at version 2');
    expect(await adapter.saveTargets({ baseVersion: 2, cells: [cell] })).to.deep.equal({ version: 3 });
  });

  it('401 and 403 reject with forbidden, 404 with not-found', async () => {
    const { adapter, control } = await session();
    await control('next', { status: 403 });
    expect((await rejection(adapter.loadPlan())).code).to.equal('forbidden');
    await control('next', { status: 401 });
    expect((await rejection(adapter.currentUser())).code).to.equal('forbidden');
    expect((await rejection(adapter.decideAdjustment({ id: 'nope', approve: true, by: 'u' }))).code).to.equal('not-found');
  });

  it('notify and adjustments reach the server; headers() and options.fetch are used for every request', async () => {
    const seen: { url: string; method: string; auth: string | null }[] = [];
    const { adapter, control } = await session({
      headers: async () => ({ authorization: 'Bearer t0ken' }),
      fetch: (input, init) => {
        seen.push({ url: String(input), method: init?.method ?? 'GET', auth: new Headers(init?.headers).get('authorization') });
        return fetch(input, init);
      },
    });
    await adapter.notify({ recipients: ['u-east'], subject: '目标调整', body: '华东 FY2026 目标调整为 ¥8,000,000' });
    await adapter.submitAdjustment({ id: 'a/1', reason: '新增大客户' });
    const decided = await adapter.decideAdjustment({ id: 'a/1', approve: true, by: 'u-admin' });
    expect(decided).to.deep.equal({ id: 'a/1', reason: '新增大客户', status: 'approved', decision: { approve: true, by: 'u-admin' } });
    const state = await control('state');
    expect(state.sent).to.deep.equal([{ recipients: ['u-east'], subject: '目标调整', body: '华东 FY2026 目标调整为 ¥8,000,000' }]);
    expect(state.adjustments).to.deep.equal([decided]);
    expect(seen.map((s) => `${s.method} ${s.url.replace(/^.*__qk-rest\/[^/]+/, '')} ${s.auth}`)).to.deep.equal([
      'POST /notify Bearer t0ken',
      'POST /adjustments Bearer t0ken',
      'POST /adjustments/a%2F1/decision Bearer t0ken',
    ]);
  });

  it('a decision is sent without "by" (the server records it for its signed-in user); legacyDecisionBy sends it', async () => {
    const bodies: unknown[] = [];
    const capture: typeof fetch = (input, init) => {
      if (String(input).endsWith('/decision')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const { adapter, base } = await session({ fetch: capture });
    await adapter.submitAdjustment({ id: 'a-2', reason: '渠道调整' });
    const decided = await adapter.decideAdjustment({ id: 'a-2', approve: false, by: 'u-admin', comment: '证据不足' });
    expect(decided.decision).to.deep.equal({ approve: false, by: 'u-admin', comment: '证据不足' });
    const legacy = new RestAdapter({ baseUrl: base, fetch: capture, legacyDecisionBy: true });
    await legacy.submitAdjustment({ id: 'a-3', reason: '渠道调整' });
    await legacy.decideAdjustment({ id: 'a-3', approve: true, by: 'u-admin' });
    expect(bodies).to.deep.equal([{ approve: false, comment: '证据不足' }, { approve: true, by: 'u-admin' }]);
  });

  it('token is sent as a bearer token (a function is asked before every request); idempotencyKeys adds a fresh key to each write', async () => {
    const seen: { auth: string | null; key: string | null }[] = [];
    let n = 0;
    const { adapter } = await session({
      token: () => `tok-${++n}`,
      idempotencyKeys: true,
      fetch: (input, init) => {
        const h = new Headers(init?.headers);
        seen.push({ auth: h.get('authorization'), key: h.get('idempotency-key') });
        return fetch(input, init);
      },
    });
    const plan = await adapter.loadPlan();
    await adapter.saveTargets({ baseVersion: plan.plan.version, cells: [{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 1 }] });
    await adapter.saveTargets({ baseVersion: plan.plan.version + 1, cells: [{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 2 }] });
    expect(seen.map((s) => s.auth)).to.deep.equal(['Bearer tok-1', 'Bearer tok-2', 'Bearer tok-3']);
    expect(seen[0]!.key).to.equal(null);
    expect(seen[1]!.key).to.match(/^[0-9a-f-]{36}$/);
    expect(seen[2]!.key).to.not.equal(seen[1]!.key);
  });

  it('offers subscribe only with events', () => {
    expect(new RestAdapter({ baseUrl: '/x' }).subscribe).to.equal(undefined);
    expect(new RestAdapter({ baseUrl: '/x', events: true }).subscribe).to.be.a('function');
  });
});
