/**
 * Audit of issue 12 (hostile host, unlucky user) on the routes the other suites do not take:
 * each write of the `CrmAdapter` called directly on the built-in snapshot adapters (MemoryAdapter,
 * LocalStorageAdapter over a Storage of its own), as a page script bypassing the kit would, with
 * payloads shaped to slip past the rules. Every refusal is decided from the signed-in user alone.
 */
import { expect } from '@open-wc/testing';
import { QkAdapterError, type AdjustmentPayload, type CrmAdapter } from '../../src/adapter/adapter.js';
import { MemoryAdapter, type SnapshotAdapterBase } from '../../src/adapter/memory-adapter.js';
import { LocalStorageAdapter } from '../../src/adapter/local-storage-adapter.js';
import type { AdjustmentRequest } from '../../src/engine/adjustment/index.js';
import type { TargetCell, User } from '../../src/engine/plan/model.js';
import { SAMPLE_COMMISSION_PLAN } from '../../src/engine/incentive/index.js';
import { adjustmentPlan, pendingRequest, yuan } from '../fixtures/adjustment-plan.js';

type Kind = 'MemoryAdapter' | 'LocalStorageAdapter';

/** A Storage kept in a Map, so each LocalStorageAdapter starts from its own state. */
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

/** An adapter over the adjustment plan (华东 ¥7,200,000 ← 周敏 u-east; 华南 locked), signed in as `user`. */
function make(kind: Kind, user: string, options: { adjustments?: AdjustmentRequest[]; asOf?: string; users?: (users: User[]) => User[] } = {}): SnapshotAdapterBase {
  const { plan: seeded, actuals } = adjustmentPlan();
  const plan = options.users ? { ...seeded, users: options.users(seeded.users ?? []) } : seeded;
  const adjustments = options.adjustments ?? [];
  const extra = options.asOf ? { asOf: options.asOf } : {};
  if (kind === 'MemoryAdapter') return new MemoryAdapter(plan, actuals, { user, adjustments, ...extra });
  const storage = memoryStorage();
  storage.setItem('qk-audit', JSON.stringify({ format: 1, plan, actuals, adjustments }));
  return new LocalStorageAdapter({ key: 'qk-audit', storage, user, seed: () => adjustmentPlan(), ...extra });
}

/** `ok`, or the adapter error's code and the rule its message names (`forbidden:adjustment-not-requester`). */
async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (!QkAdapterError.is(e)) throw e;
    return `${e.code}:${/(adjustment|edit|input|incentive-plan)-[a-z-]+/.exec(e.message)?.[0] ?? e.message}`;
  }
}

const cellAt = async (adapter: CrmAdapter, nodeId: string, period = 'FY2026') =>
  (await adapter.loadPlan()).targets.find((c) => c.nodeId === nodeId && c.period === period && c.metric === 'revenue' && !c.product);

const versionOf = async (adapter: CrmAdapter) => (await adapter.loadPlan()).plan.version;

/** u-east's request for 上海一组 FY2026 ¥4,000,000 → ¥4,100,000, as a hostile client rewrites it. */
function eastRequest(id: string): Record<string, unknown> {
  return { ...pendingRequest({ id, nodeId: 'east-sh', requesterId: 'u-east', value: yuan(4_100_000) }) };
}

for (const kind of ['MemoryAdapter', 'LocalStorageAdapter'] as const) {
  describe(`audit (${kind}): self-approval by a request that names no requester`, () => {
    // Signed in as u-east (manager of 华东). A request for 上海一组 whose `requesterId` is missing
    // or not a string is stored; the decision rule then compares the signed-in user with '' and
    // lets u-east approve what they submitted.
    const shapes: [string, (r: Record<string, unknown>) => Record<string, unknown>][] = [
      ['without a requesterId', ({ requesterId: _r, ...rest }) => rest],
      ['with requesterId null', (r) => ({ ...r, requesterId: null })],
      ['with requesterId a number', (r) => ({ ...r, requesterId: 42 })],
      ['with requesterId ["u-east"]', (r) => ({ ...r, requesterId: ['u-east'] })],
    ];
    for (const [name, shape] of shapes) {
      it(`a new request ${name} is refused (adjustment-not-requester), so u-east never approves their own`, async () => {
        const adapter = make(kind, 'u-east');
        const forged = shape(eastRequest('adj-anon')) as AdjustmentPayload;
        expect(await outcome(adapter.submitAdjustment(forged))).to.equal('forbidden:adjustment-not-requester');
        expect(await adapter.listAdjustments()).to.deep.equal([]);
        expect(await outcome(adapter.decideAdjustment({ id: 'adj-anon', approve: true, by: 'u-east' }))).to.match(/^not-found/);
      });
    }

    it('the same request naming u-east is stored, and u-east may not decide it (adjustment-forbidden-own)', async () => {
      const adapter = make(kind, 'u-east');
      expect(await outcome(adapter.submitAdjustment(eastRequest('adj-own') as AdjustmentPayload))).to.equal('ok');
      expect(await outcome(adapter.decideAdjustment({ id: 'adj-own', approve: true, by: 'u-east' }))).to.equal('forbidden:adjustment-forbidden-own');
      expect((await cellAt(adapter, 'east-sh'))!.value).to.equal(400_000_000);
    });
  });

  describe(`audit (${kind}): locks hold on every write`, () => {
    it('removing a locked cell (TargetChange.removed) is refused: 华南 FY2026 stays 480,000,000 and locked', async () => {
      const adapter = make(kind, 'u-admin');
      const south = (await cellAt(adapter, 'south'))!;
      expect([south.value, south.locked]).to.deep.equal([480_000_000, true]);
      const v = await versionOf(adapter);
      expect(await outcome(adapter.saveTargets({ baseVersion: v, cells: [], removed: [{ nodeId: 'south', period: 'FY2026', metric: 'revenue' }] }))).to.equal('forbidden:edit-locked');
      // Unlocking and changing the value in one change is a change of a locked cell.
      expect(await outcome(adapter.saveTargets({ baseVersion: v, cells: [{ ...south, locked: false, value: 1 }] }))).to.equal('forbidden:edit-locked');
      const after = (await cellAt(adapter, 'south'))!;
      expect([after.value, after.locked, await versionOf(adapter)]).to.deep.equal([480_000_000, true, v]);
    });

    it('an unlock by someone outside the subtree is refused (edit-forbidden-scope); inside it, allowed', async () => {
      const east = make(kind, 'u-east');
      const south = (await cellAt(east, 'south'))!;
      expect(await outcome(east.saveTargets({ baseVersion: await versionOf(east), cells: [{ ...south, locked: false }] }))).to.equal('forbidden:edit-forbidden-scope');
      const owner = make(kind, 'u-south');
      expect(await outcome(owner.saveTargets({ baseVersion: await versionOf(owner), cells: [{ ...south, locked: false }] }))).to.equal('ok');
      expect((await cellAt(owner, 'south'))!.locked).to.equal(false);
    });

    it('with asOf, a cell of a closed period keeps its value against a save and a removal (edit-period-closed)', async () => {
      const adapter = make(kind, 'u-admin', { asOf: '2026-03-31' });
      const v = await versionOf(adapter);
      // A January cell that did not exist may be created (not history)…
      const jan: TargetCell = { nodeId: 'r1', period: '2026-01', metric: 'revenue', value: yuan(100_000) };
      expect(await outcome(adapter.saveTargets({ baseVersion: v, cells: [jan] }))).to.equal('ok');
      // …but once on record it keeps its value, and is not removed.
      expect(await outcome(adapter.saveTargets({ baseVersion: v + 1, cells: [{ ...jan, value: 1 }] }))).to.equal('forbidden:edit-period-closed');
      expect(await outcome(adapter.saveTargets({ baseVersion: v + 1, cells: [], removed: [{ nodeId: 'r1', period: '2026-01', metric: 'revenue' }] }))).to.equal('forbidden:edit-period-closed');
      expect((await cellAt(adapter, 'r1', '2026-01'))!.value).to.equal(yuan(100_000));
    });
  });

  describe(`audit (${kind}): viewer and rep write nothing but their own commitment`, () => {
    const commitment = (nodeId: string) => ({ nodeId, period: 'FY2026', metric: 'revenue' as const, value: yuan(2_000_000) });
    it('a viewer: targets, commitments, market, blend and the commission plan are all refused', async () => {
      const adapter = make(kind, 'u-view');
      const v = await versionOf(adapter);
      expect(await outcome(adapter.saveTargets({ baseVersion: v, cells: [{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 1 }] }))).to.equal('forbidden:edit-forbidden-role');
      expect(await outcome(adapter.saveInputs({ baseVersion: v, commitments: [commitment('r1')] }))).to.equal('forbidden:edit-forbidden-role');
      expect(await outcome(adapter.saveInputs({ baseVersion: v, market: [{ nodeId: 'east', size: yuan(1), share: 0.5 }] }))).to.equal('forbidden:edit-forbidden-role');
      expect(await outcome(adapter.saveInputs({ baseVersion: v, blend: { topDown: 1, bottomUp: 0, market: 0 } }))).to.equal('forbidden:edit-forbidden-role');
      expect(await outcome(adapter.saveIncentivePlan({ baseVersion: 0, plan: SAMPLE_COMMISSION_PLAN as never }))).to.equal('forbidden:incentive-plan-forbidden');
      expect(await versionOf(adapter)).to.equal(v);
    });

    it('a viewer, a rep or finance given a canEdit scope by the host still edits no target (the role decides: only a manager or an admin)', async () => {
      // A host that fills canEdit for every user (e.g. copying canView) must not turn a viewer into an editor.
      const grant = (users: User[]) => [...users.map((u) => (u.id === 'u-view' || u.id === 'u-r1' ? { ...u, canEdit: ['co'] } : u)), { id: 'u-fin', name: '财务', roles: ['finance'], canView: ['co'], canEdit: ['co'] } as User];
      for (const who of ['u-view', 'u-r1', 'u-fin']) {
        const adapter = make(kind, who, { users: grant });
        const v = await versionOf(adapter);
        expect([who, await outcome(adapter.saveTargets({ baseVersion: v, cells: [{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 1 }] }))]).to.deep.equal([who, 'forbidden:edit-forbidden-role']);
        expect([who, await outcome(adapter.saveInputs({ baseVersion: v, market: [{ nodeId: 'east', size: yuan(1), share: 0.5 }] }))]).to.deep.equal([who, 'forbidden:edit-forbidden-role']);
        expect(await versionOf(adapter)).to.equal(v);
      }
    });

    it('a rep (王芳, r1): their own commitment is taken and stamped as theirs; another rep’s, or a target of their own, is refused', async () => {
      const adapter = make(kind, 'u-r1');
      const v = await versionOf(adapter);
      expect(await outcome(adapter.saveTargets({ baseVersion: v, cells: [{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 1 }] }))).to.equal('forbidden:edit-forbidden-role');
      expect(await outcome(adapter.saveInputs({ baseVersion: v, commitments: [commitment('r2')] }))).to.equal('forbidden:input-commitment-not-own');
      expect(await outcome(adapter.saveInputs({ baseVersion: v, commitments: [{ ...commitment('r1'), by: 'u-admin' } as never] }))).to.equal('ok');
      const stored = (await adapter.loadPlan()).commitments ?? [];
      expect(stored.map((c) => [c.nodeId, c.value, c.by])).to.deep.equal([['r1', yuan(2_000_000), 'u-r1']]);
      expect(await outcome(adapter.saveIncentivePlan({ baseVersion: 0, plan: SAMPLE_COMMISSION_PLAN as never }))).to.equal('forbidden:incentive-plan-forbidden');
    });
  });
}
