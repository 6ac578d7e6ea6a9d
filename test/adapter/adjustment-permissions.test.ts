/**
 * A hostile caller talks to the built-in adapters directly, bypassing the kit's checks: the adapter
 * decides from the signed-in user alone, never from what the payload says.
 */
import { expect } from '@open-wc/testing';
import { QkAdapterError, type AdjustmentPayload, type CrmAdapter } from '../../src/adapter/adapter.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { LocalStorageAdapter } from '../../src/adapter/local-storage-adapter.js';
import { RestAdapter } from '../../src/adapter/rest-adapter.js';
import { applyAdjustment, createAdjustment, previewAdjustment, type AdjustmentRequest } from '../../src/engine/adjustment/index.js';
import { storePreview } from '../../src/engine/adjustment/flow.js';
import type { PlanSnapshot } from '../../src/engine/plan/model.js';
import {
  ACTORS,
  MATRIX,
  adjustmentPlan,
  matrixRequests,
  newRequestValue,
  pendingRequest,
  userOf,
  yuan,
  type MatrixCase,
} from '../fixtures/adjustment-plan.js';

/**
 * The matrix's requests (`matrixRequests`: made and previewed through the engine, the same every
 * time), made once per status for this file; each case gets its own deep copy to change.
 */
const madeRequests = new Map<'pending' | 'approved', AdjustmentRequest[]>();
function requestsFor(status: 'pending' | 'approved'): AdjustmentRequest[] {
  if (!madeRequests.has(status)) madeRequests.set(status, matrixRequests(status));
  return structuredClone(madeRequests.get(status)!);
}

type Kind = 'MemoryAdapter' | 'LocalStorageAdapter';
type Snapshot = MemoryAdapter | LocalStorageAdapter;

/** A Storage kept in a Map, so each LocalStorageAdapter case starts from its own state. */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k: string) => m.get(k) ?? null,
    key: (i: number) => [...m.keys()][i] ?? null,
    removeItem: (k: string) => void m.delete(k),
    setItem: (k: string, v: string) => void m.set(k, String(v)),
  };
}

/** An adapter signed in as `user`, holding `adjustments` (made earlier by their requesters). */
function make(kind: Kind, user: string, adjustments: AdjustmentRequest[] = []): Snapshot {
  const { plan, actuals } = adjustmentPlan();
  if (kind === 'MemoryAdapter') return new MemoryAdapter(plan, actuals, { user, adjustments });
  const storage = memoryStorage();
  storage.setItem('qk-adj', JSON.stringify({ format: 1, plan, actuals, adjustments }));
  return new LocalStorageAdapter({ key: 'qk-adj', storage, user, seed: () => adjustmentPlan() });
}

/** `ok`, or the adapter error's code and the rule its message names, e.g. `forbidden:adjustment-forbidden-own`. */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!QkAdapterError.is(e)) throw e;
    return `${e.code}:${/adjustment-[a-z-]+/.exec(e.message)?.[0] ?? e.message}`;
  }
}

/** What a hostile client sends as a new request: built by hand, not through the engine's checks. */
function forgedRequest(id: string, nodeId: string, requesterId: string, value: number, plan: PlanSnapshot = adjustmentPlan().plan): AdjustmentPayload {
  const draft = createAdjustment({
    id, planId: plan.plan.id, nodeId, metric: 'revenue', periods: ['FY2026'], change: { kind: 'value', value }, trigger: 'market-shift',
    reason: 'A new key account moved into this territory', absorption: { mode: 'siblings' }, requesterId, at: '2026-06-22T09:00:00Z',
  });
  if (!draft.ok) throw new Error(draft.error.code);
  const p = previewAdjustment(draft.value, { plan: plan.plan, org: plan.org, targets: plan.targets });
  if (!p.ok) throw new Error(p.error.code);
  const entry = { seq: 1, at: '2026-06-22T09:00:00Z', by: requesterId, action: 'submit', requestId: id, nodeId, metric: 'revenue', periods: ['FY2026'], status: 'pending', reason: draft.value.reason, before: p.value.before, after: p.value.after };
  return { ...draft.value, status: 'pending', preview: storePreview(p.value), history: [entry] };
}

/** The request as `stored`, recorded as applied by `by` (the ledger entry a client would append). */
function appliedBy(stored: AdjustmentPayload, by: string): AdjustmentPayload {
  const history = stored.history as Record<string, unknown>[];
  const last = history[history.length - 1]!;
  return { ...stored, status: 'applied', history: [...history, { ...last, seq: history.length + 1, at: '2026-06-23T09:00:00Z', by, action: 'apply', status: 'applied' }] };
}

async function stored(adapter: CrmAdapter, id: string): Promise<AdjustmentPayload> {
  return (await adapter.listAdjustments!()).find((a) => a.id === id)!;
}

async function runCase(kind: Kind, c: MatrixCase): Promise<string> {
  const actor = ACTORS[c.role];
  if (c.action === 'request') {
    const adapter = make(kind, actor, requestsFor('pending'));
    if (c.scope === 'own request') return outcome(adapter.submitAdjustment({ ...(await stored(adapter, c.request!)), nodeId: c.node }));
    return outcome(adapter.submitAdjustment(forgedRequest('adj-new', c.node!, actor, newRequestValue(c.node!))));
  }
  if (c.action === 'apply') {
    const adapter = make(kind, actor, requestsFor('approved'));
    return outcome(adapter.submitAdjustment(appliedBy(await stored(adapter, c.request!), actor)));
  }
  const adapter = make(kind, actor, requestsFor('pending'));
  return outcome(adapter.decideAdjustment({ id: c.request!, approve: c.action === 'approve', by: actor, comment: 'Checked against the pipeline data' }));
}

const revenueOf = async (adapter: CrmAdapter, nodeId: string) =>
  (await adapter.loadPlan()).targets.find((c) => c.nodeId === nodeId && c.period === 'FY2026' && c.metric === 'revenue' && !c.product)!.value;

for (const kind of ['MemoryAdapter', 'LocalStorageAdapter'] as const) {
  describe(`${kind}: adjustment permissions for a caller who bypasses the kit`, () => {
    describe('roles × actions × scopes', () => {
      for (const c of MATRIX) {
        const expected = c.expected === 'ok' ? 'ok' : `forbidden:${c.expected}`;
        it(`${c.role} · ${c.action} · ${c.scope} → ${c.expected}`, async () => {
          expect(await runCase(kind, c)).to.equal(expected);
        });
      }
    });

    it('the observed self-approval: 华东’s manager rewrites the requester of their own request, approves and applies it; 上海一组 stays at 400,000,000', async () => {
      // u-east's own pending request: 上海一组 FY2026 ¥4,000,000 → ¥4,100,000 (杭州组 gives up ¥100,000).
      const own = pendingRequest({ id: 'adj-east', nodeId: 'east-sh', requesterId: 'u-east', value: yuan(4_100_000) });
      const adapter = make(kind, 'u-east', [own]);
      expect(await revenueOf(adapter, 'east-sh')).to.equal(400_000_000);
      const before = await stored(adapter, 'adj-east');
      expect(await outcome(adapter.submitAdjustment({ ...before, requesterId: 'u-admin' }))).to.equal('forbidden:adjustment-immutable');
      expect(await outcome(adapter.decideAdjustment({ id: 'adj-east', approve: true, by: 'u-east' }))).to.equal('forbidden:adjustment-forbidden-own');
      // Both rewrites in one call.
      expect(await outcome(adapter.submitAdjustment({ ...before, requesterId: 'u-admin', status: 'approved' }))).to.equal('forbidden:adjustment-immutable');
      expect(await outcome(adapter.submitAdjustment({ ...before, status: 'approved' }))).to.equal('forbidden:adjustment-status-locked');
      expect(await outcome(adapter.submitAdjustment(appliedBy(before, 'u-east')))).to.equal('conflict:adjustment-illegal-transition');
      // What the panel's apply did with the stored request: the engine refuses, nothing is written.
      const now = await stored(adapter, 'adj-east');
      expect([now.requesterId, now.status]).to.deep.equal(['u-east', 'pending']);
      const plan = await adapter.loadPlan();
      const applied = applyAdjustment(now as AdjustmentRequest, { plan: plan.plan, org: plan.org, targets: plan.targets }, { by: userOf('u-east'), at: '2026-06-23T09:00:00Z', org: plan.org });
      if (applied.ok && applied.value.kind === 'applied') await adapter.saveTargets({ baseVersion: plan.plan.version, cells: applied.value.cells });
      expect(applied.ok).to.equal(false);
      expect(await revenueOf(adapter, 'east-sh')).to.equal(400_000_000);
    });

    it('records the decision for the signed-in user and refuses a `by` naming someone else', async () => {
      const adapter = make(kind, 'u-east', [pendingRequest({ id: 'adj-sh', nodeId: 'east-sh', requesterId: 'u-sh', value: yuan(4_100_000) })]);
      expect(await outcome(adapter.decideAdjustment({ id: 'adj-sh', approve: true, by: 'u-admin' }))).to.equal('forbidden:adjustment-not-signed-in');
      const decided = await adapter.decideAdjustment({ id: 'adj-sh', approve: true, by: 'u-east', comment: 'agreed' });
      expect(decided.status).to.equal('approved');
      expect((decided.decision as { by: string; approve: boolean }).by).to.equal('u-east');
      // The audit trail gained the approval, by the signed-in user.
      expect((decided.history as { action: string; by: string }[]).map((h) => `${h.action} ${h.by}`)).to.deep.equal(['submit u-sh', 'approve u-east']);
      // A decided request is not decided again.
      expect(await outcome(adapter.decideAdjustment({ id: 'adj-sh', approve: false, by: 'u-east', comment: 'changed my mind' }))).to.equal('conflict:adjustment-illegal-transition');
    });

    it('a new request cannot arrive decided, nor with someone else’s entries in its audit trail', async () => {
      const adapter = make(kind, 'u-east');
      const forged = forgedRequest('adj-new', 'r2', 'u-east', yuan(1_000_000));
      expect(await outcome(adapter.submitAdjustment({ ...forged, status: 'approved' }))).to.equal('forbidden:adjustment-status-locked');
      expect(await outcome(adapter.submitAdjustment({ ...forged, decision: { approve: true, by: 'u-admin' } }))).to.equal('forbidden:adjustment-status-locked');
      const history = forged.history as Record<string, unknown>[];
      const approval = { ...history[0], seq: 2, by: 'u-admin', action: 'approve', status: 'approved' };
      expect(await outcome(adapter.submitAdjustment({ ...forged, history: [...history, approval] }))).to.equal('forbidden:adjustment-history-not-yours');
      expect(await outcome(adapter.submitAdjustment({ ...forged, requesterId: 'u-sh', history: [{ ...history[0], by: 'u-sh' }] }))).to.equal('forbidden:adjustment-not-requester');
      expect(await outcome(adapter.submitAdjustment(forged))).to.equal('ok');
    });

    it('what was approved cannot change: another preview, change or trail entry is refused', async () => {
      const approved = pendingRequest({ id: 'adj-r2', nodeId: 'r2', requesterId: 'u-east', value: yuan(1_000_000), approvedBy: 'u-sh' });
      const adapter = make(kind, 'u-east', [approved]);
      const s = await stored(adapter, 'adj-r2');
      const preview = s.preview as { cells: { after: number }[] };
      const swapped = { ...preview, cells: preview.cells.map((c) => ({ ...c, after: c.after + yuan(1) })) };
      expect(await outcome(adapter.submitAdjustment({ ...s, preview: swapped }))).to.equal('forbidden:adjustment-approved-changed');
      expect(await outcome(adapter.submitAdjustment({ ...s, change: { kind: 'value', value: 0 } }))).to.equal('forbidden:adjustment-immutable');
      expect(await outcome(adapter.submitAdjustment({ ...s, decision: { approve: true, by: 'u-admin' } }))).to.equal('forbidden:adjustment-status-locked');
      expect(await outcome(adapter.submitAdjustment({ ...s, history: (s.history as unknown[]).slice(0, 1) }))).to.equal('conflict:adjustment-history-rewritten');
      // The requester may withdraw nothing once approved, but may send it back for a new approval (reopen).
      expect(await outcome(adapter.submitAdjustment({ ...s, status: 'withdrawn' }))).to.equal('conflict:adjustment-illegal-transition');
      expect(await revenueOf(adapter, 'r2')).to.equal(yuan(1_500_000));
      // Once applied (by 孙婷, who manages 上海一组), the record keeps what was applied.
      const sh = make(kind, 'u-sh', [approved]);
      const applied = appliedBy(await stored(sh, 'adj-r2'), 'u-sh');
      expect(await outcome(sh.submitAdjustment(applied))).to.equal('ok');
      expect(await outcome(sh.submitAdjustment({ ...applied, preview: swapped }))).to.equal('forbidden:adjustment-approved-changed');
    });
  });
}

describe('RestAdapter: checks what it can before sending (the server decides)', () => {
  function fakeServer(plan: PlanSnapshot, adjustments: AdjustmentPayload[]) {
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input).replace('http://crm.test/api', '');
      const method = init?.method ?? 'GET';
      calls.push(`${method} ${url}`);
      const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
      if (url === '/me') return json(userOf('u-east'));
      if (url === '/plan') return json(plan);
      if (url === '/adjustments' && method === 'GET') return json(adjustments);
      if (url === '/adjustments' && method === 'POST') return json(JSON.parse(String(init!.body)));
      return json(adjustments[0]);
    };
    return { calls, adapter: new RestAdapter({ baseUrl: 'http://crm.test/api', fetch: fetch as typeof globalThis.fetch }) };
  }

  it('refuses the observed self-approval without sending it, once it knows the user, the org and the request', async () => {
    const { plan } = adjustmentPlan();
    const own = pendingRequest({ id: 'adj-east', nodeId: 'east-sh', requesterId: 'u-east', value: yuan(4_100_000) });
    const { calls, adapter } = fakeServer(plan, [own]);
    await adapter.currentUser();
    await adapter.loadPlan();
    const [s] = await adapter.listAdjustments();
    const sent = calls.length;
    expect(await outcome(adapter.submitAdjustment({ ...s!, requesterId: 'u-admin' }))).to.equal('forbidden:adjustment-immutable');
    expect(await outcome(adapter.decideAdjustment({ id: 'adj-east', approve: true, by: 'u-east' }))).to.equal('forbidden:adjustment-forbidden-own');
    expect(await outcome(adapter.decideAdjustment({ id: 'adj-east', approve: true, by: 'u-admin' }))).to.equal('forbidden:adjustment-not-signed-in');
    expect(calls.length).to.equal(sent);
    // A new request of the signed-in user goes to the server.
    expect(await outcome(adapter.submitAdjustment(forgedRequest('adj-new', 'r2', 'u-east', yuan(1_000_000), plan)))).to.equal('ok');
    expect(calls.slice(sent)).to.deep.equal(['POST /adjustments']);
  });
});
