import { expect } from '@open-wc/testing';
import { AdjustmentService, type AdjustmentDraft } from '../../src/store/adjustments.js';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { AdjustmentRequest } from '../../src/engine/adjustment/index.js';
import { checkClosedPeriods } from '../../src/engine/adjustment/index.js';
import { smallFixture } from '../fixtures/small-plan.js';
import {
  ACTORS,
  MATRIX,
  REQUESTS,
  adjustmentPlan,
  matrixRequests,
  newRequestValue,
  pendingRequest,
  quarterPlan,
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

/** The adapter calls that change something at the host, counted. */
function spy(adapter: MemoryAdapter): string[] {
  const calls: string[] = [];
  for (const name of ['submitAdjustment', 'decideAdjustment', 'saveTargets', 'notify'] as const) {
    const original = adapter[name].bind(adapter) as (...args: unknown[]) => Promise<unknown>;
    (adapter as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      calls.push(name);
      return original(...args);
    };
  }
  return calls;
}

async function signedIn(user: string, adjustments: AdjustmentRequest[] = []) {
  const { plan, actuals } = adjustmentPlan();
  const adapter = new MemoryAdapter(plan, actuals, { user, adjustments });
  const store = new QkStore({ autosaveMs: false, asOf: '2026-06-22' });
  await store.connect(adapter);
  const service = new AdjustmentService(store, { adapter, now: () => '2026-06-23T09:00:00Z' });
  await service.list();
  const calls = spy(adapter);
  return { adapter, store, service, calls };
}

const draftFor = (nodeId: string, value: number, over: Partial<AdjustmentDraft> = {}): AdjustmentDraft => ({
  nodeId,
  metric: 'revenue',
  periods: ['FY2026'],
  change: { kind: 'value', value },
  trigger: 'market-shift',
  reason: 'A new key account moved into this territory',
  absorption: { mode: 'siblings' },
  ...over,
});

const fy = (store: QkStore, nodeId: string) => store.getCell(nodeId, 'FY2026', 'revenue')!.value;
const atHost = async (adapter: MemoryAdapter, nodeId: string) =>
  (await adapter.loadPlan()).targets.find((c) => c.nodeId === nodeId && c.period === 'FY2026' && c.metric === 'revenue' && !c.product)!.value;

async function runCase(c: MatrixCase) {
  const actor = ACTORS[c.role];
  const ctx = await signedIn(actor, requestsFor(c.action === 'apply' ? 'approved' : 'pending'));
  const { service } = ctx;
  if (c.action === 'request') {
    if (c.scope === 'own request') {
      const own = service.requests.find((r) => r.id === c.request)!;
      return { ...ctx, out: await service.request({ ...draftFor(c.node!, own.change.kind === 'value' ? own.change.value : 0), id: own.id }) };
    }
    return { ...ctx, out: await service.request(draftFor(c.node!, newRequestValue(c.node!))) };
  }
  if (c.action === 'apply') return { ...ctx, out: await service.apply(c.request!) };
  return { ...ctx, out: await service.decide(c.request!, c.action === 'approve', 'Checked against the pipeline data') };
}

describe('AdjustmentService', () => {
  describe('roles × actions × scopes: refused before the adapter is called', () => {
    for (const c of MATRIX) {
      it(`${c.role} · ${c.action} · ${c.scope} → ${c.expected}`, async () => {
        const { out, calls, store, adapter } = await runCase(c);
        expect(out.ok ? 'ok' : out.error.code).to.equal(c.expected);
        if (!out.ok) {
          expect(calls).to.deep.equal([]);
          return;
        }
        if (c.action === 'apply') {
          // All or nothing, saved at the host first: the node holds the value asked for.
          const r = REQUESTS[c.request!];
          expect([fy(store, r.nodeId), await atHost(adapter, r.nodeId)]).to.deep.equal([r.value, r.value]);
          expect(calls).to.deep.equal(['saveTargets', 'submitAdjustment']);
        }
      });
    }
  });

  it('the observed self-approval: 华东’s manager cannot approve or apply their own request; 上海一组 stays at 400,000,000', async () => {
    const own = pendingRequest({ id: 'adj-east', nodeId: 'east-sh', requesterId: 'u-east', value: yuan(4_100_000) });
    const { service, store, adapter, calls } = await signedIn('u-east', [own]);
    const approve = await service.decide('adj-east', true);
    expect(approve.ok ? 'ok' : approve.error).to.deep.include({ code: 'adjustment-forbidden-own', params: { node: 'east' } });
    const apply = await service.apply('adj-east');
    expect(apply.ok ? 'ok' : apply.error.code).to.equal('adjustment-illegal-transition');
    expect(calls).to.deep.equal([]);
    expect([fy(store, 'east-sh'), await atHost(adapter, 'east-sh')]).to.deep.equal([400_000_000, 400_000_000]);
    expect(service.requests.map((r) => [r.id, r.requesterId, r.status])).to.deep.equal([['adj-east', 'u-east', 'pending']]);
  });

  it('a request is always the signed-in user’s: a requester in the draft is ignored, a preview user too', async () => {
    const { service, adapter } = await signedIn('u-east');
    service.previewUserId = 'u-admin';
    expect(service.user?.id).to.equal('u-east');
    const out = await service.request({ ...draftFor('r2', yuan(1_000_000)), requesterId: 'u-admin' } as AdjustmentDraft);
    expect(out.ok).to.equal(true);
    const [stored] = await adapter.listAdjustments();
    expect([stored!.requesterId, stored!.status]).to.deep.equal(['u-east', 'pending']);
    expect((stored!.history as { by: string; action: string }[]).map((h) => `${h.action} ${h.by}`)).to.deep.equal(['submit u-east']);
  });

  it('runs request → approve → apply → notice through the adapter, with hand-computed numbers', async () => {
    // 周敏 (u-east) asks: 李强 (r2) ¥1,500,000 → ¥1,000,000, 王芳 (r1) takes ¥500,000 (¥2,500,000 → ¥3,000,000).
    const east = await signedIn('u-east');
    const sent = await east.service.request({ ...draftFor('r2', yuan(1_000_000)), id: 'adj-1' });
    expect(sent.ok && sent.request.preview!.cells.map((c) => `${c.nodeId} ${c.before} → ${c.after}`)).to.deep.equal(['r1 250000000 → 300000000', 'r2 150000000 → 100000000']);
    // 孙婷 (u-sh) manages 上海一组, r2's team: she approves, on the same host.
    const held = await east.adapter.listAdjustments();
    const sh = await signedIn('u-sh', held as AdjustmentRequest[]);
    const approved = await sh.service.decide('adj-1', true, 'agreed');
    expect(approved.ok && [approved.request.status, approved.request.decision!.by]).to.deep.equal(['approved', 'u-sh']);
    const applied = await sh.service.apply('adj-1');
    expect(applied.ok && applied.request.status).to.equal('applied');
    expect([fy(sh.store, 'r1'), fy(sh.store, 'r2'), fy(sh.store, 'east-sh')]).to.deep.equal([300_000_000, 100_000_000, 400_000_000]);
    expect(sh.store.getCell('r1', 'FY2026', 'revenue')!.source).to.equal('adjustment');
    // The notice goes to the requester and to 王芳’s login (李强 has none: his node id).
    const notice = sh.service.notices['adj-1']!;
    expect(notice.recipients).to.deep.equal(['u-east', 'u-r1', 'r2']);
    expect(notice.facts.changes.map((c) => `${c.name} ${c.before} → ${c.after}`)).to.deep.equal(['王芳 250000000 → 300000000', '李强 150000000 → 100000000']);
    expect(await sh.service.sendNotice('adj-1', { subject: 's', body: 'b' })).to.equal(true);
    expect(sh.adapter.sent.map((n) => n.recipients)).to.deep.equal([['u-east', 'u-r1', 'r2']]);
    const trail = (await sh.adapter.listAdjustments())[0]!.history as { action: string; by: string }[];
    expect(trail.map((h) => `${h.action} ${h.by}`)).to.deep.equal(['submit u-east', 'approve u-sh', 'apply u-sh']);
    expect(sh.calls).to.deep.equal(['decideAdjustment', 'saveTargets', 'submitAdjustment', 'notify']);
  });

  it('keeps loading and error state for the view, and tells subscribers', async () => {
    const { service, adapter } = await signedIn('u-east');
    let told = 0;
    service.subscribe(() => told++);
    adapter.failNext = 'network';
    const p = service.list();
    expect(service.loading).to.equal(true);
    await p;
    expect([service.loading, service.error?.code]).to.deep.equal([false, 'network']);
    expect(told).to.be.greaterThan(1);
    await service.list();
    expect(service.error).to.equal(null);
  });
});

// Issue 16: a request that would rewrite archived targets of closed periods is refused when it is
// made (`adjustment-period-closed`), not first when an approver applies it; nothing is stored.


async function closedService(asOf: string, lockClosedPeriods = true) {
  const { actuals } = smallFixture();
  const adapter = new MemoryAdapter(quarterPlan(), actuals, { user: 'u-east' });
  const store = new QkStore({ autosaveMs: false, asOf, lockClosedPeriods });
  await store.connect(adapter);
  return new AdjustmentService(store, { adapter, now: () => `${asOf}T09:00:00Z` });
}

const closedDraft = (periods: string[], value: number) => ({
  nodeId: 'r2', metric: 'revenue' as const, periods, change: { kind: 'value' as const, value: yuan(value) },
  trigger: 'personnel-change' as const, reason: '李强 moves to key-account work; 王芳 takes over', absorption: { mode: 'siblings' as const },
});

describe('AdjustmentService: requests that touch closed periods', () => {
  it('refuses the whole year once Q1 has closed, naming the first archived cell; stores nothing', async () => {
    const s = await closedService('2026-05-15');
    const out = await s.request(closedDraft(['FY2026'], 1_100_000));
    expect(out.ok).to.equal(false);
    if (out.ok) return;
    // −¥400,000 over r2's four quarters moves Q1 too; 王芳 (r1), the first cell written, absorbs it.
    expect([out.error.code, out.error.params]).to.deep.equal(['adjustment-period-closed', { node: 'r1', period: 'FY2026-Q1', asOf: '2026-05-15', requested: 'FY2026' }]);
    expect(s.requests).to.deep.equal([]);
  });

  it('takes the same change for an open quarter, and the whole year before any quarter closed', async () => {
    const open = await closedService('2026-05-15');
    const q3 = await open.request(closedDraft(['FY2026-Q3'], 275_000));
    expect(q3.ok).to.equal(true);
    const early = await closedService('2026-03-31');
    expect((await early.request(closedDraft(['FY2026'], 1_100_000))).ok).to.equal(true);
  });

  it('follows the store: with lockClosedPeriods off, closed periods are not archived', async () => {
    const s = await closedService('2026-05-15', false);
    expect((await s.request(closedDraft(['FY2026'], 1_100_000))).ok).to.equal(true);
  });

  it('checkClosedPeriods: created cells and unchanged values pass', () => {
    const cal = { startMonth: 1 };
    const cell = (period: string, before: number, after: number, created = false) => ({ nodeId: 'r1', period, before, after, created });
    expect(checkClosedPeriods({ periods: ['FY2026'], cells: [cell('2026-01', 0, 500, true), cell('2026-02', 700, 700), cell('2026-12', 100, 200)] }, '2026-12-02', cal)).to.deep.equal({ ok: true, value: true });
    const r = checkClosedPeriods({ periods: ['FY2026'], cells: [cell('2026-12', 100, 200), cell('2026-11', 100, 90)] }, '2026-12-02', cal);
    expect(r.ok ? null : [r.error.code, r.error.params]).to.deep.equal(['adjustment-period-closed', { node: 'r1', period: '2026-11', asOf: '2026-12-02', requested: 'FY2026' }]);
  });
});
