/**
 * The contract every `CrmAdapter` must keep, as a test suite a CRM vendor can run against their own
 * adapter in any runner: `runAdapterContractSuite` registers `describe`/`it` blocks with the
 * functions it is given (`import { describe, it } from 'vitest'` or `'node:test'`, Jest's globals)
 * or, when given none, with the global mocha ones (@web/test-runner, Karma, mocha in Node). A check
 * the adapter cannot take (an optional method it does not offer) is skipped through the runner's own
 * skip (`this.skip()` in mocha, `context.skip()` in Vitest and node:test; Jest has none, so there it
 * passes). `adapterContractCases` returns the same checks as plain functions for any other harness.
 * Plain assertions (no chai), so shipping it costs nothing to hosts that do not call it.
 *
 * `makeAdapter` is called once per test and must return an adapter over fresh data (reset the test
 * server, or build a new MemoryAdapter): the tests save targets. The data should contain at least
 * one org node with children and some actuals; the checks that need more are skipped when the
 * data or the adapter (optional methods) does not offer it.
 *
 * @example
 * import { runAdapterContractSuite } from 'quotakit/adapters';
 * runAdapterContractSuite(async () => {
 *   await fetch('/test-api/reset', { method: 'POST' });
 *   return new MyCrmAdapter({ baseUrl: '/test-api' });
 * }, { name: 'MyCrmAdapter' });
 *
 * // Vitest or node:test: pass the runner's functions.
 * import { describe, it } from 'vitest';
 * runAdapterContractSuite(() => new MyCrmAdapter({ baseUrl }), { name: 'MyCrmAdapter', describe, it });
 */
import type { ActualsSnapshot, PlanSnapshot, TargetCell } from '../engine/plan/model.js';
import { QkAdapterError, type AdapterUpdate, type CrmAdapter, type QkAdapterErrorCode } from './adapter.js';
import { checkActualsSnapshot, checkPlanSnapshot, parseUser, targetKey } from './validate.js';

/** A runner's `describe` (mocha, Vitest, Jest, node:test all fit). */
export type ContractDescribe = (title: string, body: () => void) => unknown;
/** A runner's `it`/`test`: the body gets mocha's `this` or the runner's context as first argument. */
export type ContractIt = (title: string, body: (this: unknown, ...args: never[]) => Promise<void>) => unknown;

/** One check of the contract, runnable by any harness. */
export interface AdapterContractCase {
  name: string;
  /** Resolves `passed`, or `skipped` with the reason (the adapter lacks an optional method); rejects on a violation. */
  run(): Promise<{ status: 'passed' } | { status: 'skipped'; reason: string }>;
}

class ContractSkip extends Error {}
const skip = (reason: string): never => {
  throw new ContractSkip(reason);
};

function runner(options: { describe?: ContractDescribe; it?: ContractIt }): { describe: ContractDescribe; it: ContractIt } {
  const g = globalThis as { describe?: ContractDescribe; it?: ContractIt };
  const describe = options.describe ?? g.describe;
  const it = options.it ?? g.it;
  if (typeof describe !== 'function' || typeof it !== 'function') {
    throw new Error(
      "runAdapterContractSuite: no describe()/it() — pass the runner's, e.g. `import { describe, it } from 'node:test'` then `runAdapterContractSuite(make, { describe, it })`, or use adapterContractCases()",
    );
  }
  return { describe, it };
}

/** Skips the current test through whatever the runner offers. */
function skipInRunner(self: unknown, context: unknown, reason: string): void {
  const mochaSelf = self as { skip?: () => void } | undefined;
  if (mochaSelf && typeof mochaSelf.skip === 'function') return mochaSelf.skip(); // mocha: throws its Pending
  const ctx = context as { skip?: (reason?: string) => void } | undefined;
  if (ctx && typeof ctx.skip === 'function') return ctx.skip(reason); // Vitest throws; node:test marks the test
  // Jest cannot skip at run time: the test passes (the adapter does not offer the optional method).
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function show(value: unknown): string {
  return JSON.stringify(value);
}

function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (show(actual) !== show(expected)) throw new Error(`${what}: expected ${show(expected)}, got ${show(actual)}`);
}

function issuesText(issues: { path: (string | number)[]; message: string }[]): string {
  return issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

async function rejectsWith(promise: Promise<unknown>, code: QkAdapterErrorCode, what: string): Promise<QkAdapterError> {
  let value: unknown;
  try {
    value = await promise;
  } catch (e) {
    assert(QkAdapterError.is(e), `${what}: expected a QkAdapterError "${code}", got ${e instanceof Error ? `${e.name}: ${e.message}` : show(e)}`);
    assert(e.code === code, `${what}: expected a QkAdapterError "${code}", got "${e.code}" (${e.message})`);
    return e;
  }
  throw new Error(`${what}: expected a rejection with "${code}", but it resolved with ${show(value)}`);
}

/** The ceiling on waits for an adapter's answer when the host sets none (`timeoutMs`). */
export const CONTRACT_TIMEOUT_MS = 30_000;

/** Options of the contract checks. */
export interface AdapterContractOptions {
  /**
   * The longest the checks wait for something the adapter delivers on its own time (a `subscribe`
   * update), in ms; default 30 s. The checks poll for the condition and go on as soon as it holds,
   * so a generous ceiling costs nothing to a fast adapter; it only decides how long a never-answering
   * one takes to fail. Give your runner's per-test timeout a few seconds more than this.
   */
  timeoutMs?: number;
}

/** Polls `condition` until it holds (true) or `ms` have passed (false). */
async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

/** The cell the save tests change: the first target, or a revenue target for the root node. */
function editableCell(snapshot: PlanSnapshot): TargetCell {
  const first = snapshot.targets[0];
  if (first) return { ...first, value: first.value + 100, locked: false, source: 'manual' };
  const root = snapshot.org.find((n) => n.parentId === null);
  assert(root, 'the plan has no root org node to put a target on');
  return { nodeId: root.id, period: `FY${snapshot.plan.fiscalYear}`, metric: 'revenue', value: 100_000_00 };
}

function findCell(snapshot: PlanSnapshot, cell: TargetCell): TargetCell | undefined {
  return snapshot.targets.find((t) => targetKey(t) === targetKey(cell));
}

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).sort();
const countKeys = (snapshot: ActualsSnapshot) => snapshot.stageCounts.map((c) => `${c.repId}|${c.stageId}|${c.month}|${c.count}`).sort();

/**
 * The contract's checks as plain functions: each `run()` rejects with a readable message when the
 * adapter breaks the contract. `runAdapterContractSuite` registers exactly these.
 */
export function adapterContractCases(makeAdapter: () => Promise<CrmAdapter> | CrmAdapter, options: AdapterContractOptions = {}): AdapterContractCase[] {
  const timeoutMs = options.timeoutMs ?? CONTRACT_TIMEOUT_MS;
  const fresh = async () => await makeAdapter();
  const cases: AdapterContractCase[] = [];
  const it = (name: string, body: () => Promise<void>) =>
    cases.push({
      name,
      async run() {
        try {
          await body();
          return { status: 'passed' };
        } catch (e) {
          if (e instanceof ContractSkip) return { status: 'skipped', reason: e.message };
          throw e;
        }
      },
    });

  {
    it('loadPlan returns a valid plan snapshot', async () => {
      const snapshot = await (await fresh()).loadPlan();
      const checked = checkPlanSnapshot(snapshot);
      assert(checked.ok, `loadPlan returned an invalid snapshot: ${checked.ok ? '' : issuesText(checked.issues)}`);
    });

    it('loadPlan hands out a copy: changing it does not change the next load', async () => {
      const adapter = await fresh();
      const first = await adapter.loadPlan();
      const before = show(first);
      first.plan.version += 1000;
      first.org.pop();
      const again = await adapter.loadPlan();
      assertEqual(show(again), before, 'the second loadPlan after mutating the first result');
    });

    it('loadActuals returns exactly the records of the requested range', async () => {
      const adapter = await fresh();
      const fy = (await adapter.loadPlan()).plan.fiscalYear;
      const wideRange = { from: `${fy - 5}-01-01`, to: `${fy + 5}-12-31` };
      const wide = await adapter.loadActuals(wideRange);
      const checked = checkActualsSnapshot(wide);
      assert(checked.ok, `loadActuals returned an invalid snapshot: ${checked.ok ? '' : issuesText(checked.issues)}`);
      assertEqual({ from: wide.from, to: wide.to }, wideRange, 'the range echoed by loadActuals');

      const dates = wide.actuals.map((a) => a.date).sort();
      const pick = dates[Math.floor(dates.length / 2)];
      if (!pick) return;
      const month = pick.slice(0, 7);
      const range = { from: `${month}-01`, to: lastDayOfMonth(month) };
      const narrow = await adapter.loadActuals(range);
      const inside = (d: string) => d >= range.from && d <= range.to;
      assertEqual({ from: narrow.from, to: narrow.to }, range, 'the range echoed by loadActuals');
      assertEqual(ids(narrow.actuals), ids(wide.actuals.filter((a) => inside(a.date))), `actual ids for ${range.from} … ${range.to}`);
      assertEqual(ids(narrow.pipeline), ids(wide.pipeline.filter((o) => inside(o.expectedClose))), `pipeline ids closing ${range.from} … ${range.to}`);
      assertEqual(
        countKeys(narrow),
        countKeys({ ...wide, stageCounts: wide.stageCounts.filter((c) => c.month === month) }),
        `stage counts for month ${month}`,
      );
    });

    it('saveTargets from the current version succeeds, moves the version on, and a re-load shows it', async () => {
      const adapter = await fresh();
      const before = await adapter.loadPlan();
      const cell = editableCell(before);
      const result = await adapter.saveTargets({ baseVersion: before.plan.version, cells: [cell] });
      assert(result.version > before.plan.version, `saveTargets returned version ${result.version}, not above ${before.plan.version}`);
      const after = await adapter.loadPlan();
      assertEqual(after.plan.version, result.version, 'the plan version after the save');
      assertEqual(findCell(after, cell)?.value, cell.value, 'the saved cell value after a re-load');
      const added = findCell(before, cell) ? 0 : 1;
      assertEqual(after.targets.length, before.targets.length + added, 'the number of targets (a save upserts by node × period × metric × product)');
    });

    it('saveTargets from a stale version rejects with conflict and the current version, changing nothing', async () => {
      const adapter = await fresh();
      const before = await adapter.loadPlan();
      const cell = editableCell(before);
      const { version } = await adapter.saveTargets({ baseVersion: before.plan.version, cells: [cell] });
      const stale = { ...cell, value: cell.value + 100 };
      const e = await rejectsWith(adapter.saveTargets({ baseVersion: before.plan.version, cells: [stale] }), 'conflict', 'a save from a stale version');
      assertEqual(e.currentVersion, version, 'currentVersion on the conflict');
      const after = await adapter.loadPlan();
      assertEqual(after.plan.version, version, 'the plan version after the rejected save');
      assertEqual(findCell(after, cell)?.value, cell.value, 'the cell after the rejected save');
    });

    it('currentUser returns a valid user', async () => {
      const user = await (await fresh()).currentUser();
      parseUser(user, { source: 'currentUser' });
    });

    it('notify resolves', async () => {
      const adapter = await fresh();
      const user = await adapter.currentUser();
      await adapter.notify({ recipients: [user.id], subject: 'Target adjusted', body: 'The FY target of your team changed.' });
    });

    it('loadChildren (when offered) returns the children of a node, consistent with the org', async () => {
      const adapter = await fresh();
      if (!adapter.loadChildren) return skip('the adapter offers no loadChildren');
      const snapshot = await adapter.loadPlan();
      const root = snapshot.org.find((n) => n.parentId === null);
      assert(root, 'the plan has no root org node');
      const children = await adapter.loadChildren(root.id);
      for (const c of children) assertEqual(c.parentId, root.id, `parentId of child "${c.id}"`);
      const known = snapshot.org.filter((n) => n.parentId === root.id);
      if (known.length) assertEqual(ids(children), ids(known), `children of "${root.id}" against the plan's org`);
      await rejectsWith(adapter.loadChildren('no-such-node-qk-contract'), 'not-found', 'loadChildren of an unknown node');
    });

    it('subscribe (when offered) delivers the update after a save, and unsubscribe stops it', async () => {
      const adapter = await fresh();
      if (!adapter.subscribe) return skip('the adapter offers no subscribe');
      const updates: AdapterUpdate[] = [];
      const unsubscribe = adapter.subscribe((u) => updates.push(u));
      const before = await adapter.loadPlan();
      const cell = editableCell(before);
      const { version } = await adapter.saveTargets({ baseVersion: before.plan.version, cells: [cell] });
      const planUpdates = () => updates.filter((u) => u.type === 'plan');
      const seen = await waitFor(() => planUpdates().some((u) => u.type === 'plan' && u.snapshot.plan.version === version), timeoutMs);
      assert(seen, `no plan update with version ${version} arrived within ${timeoutMs} ms of the save (timeoutMs)`);
      const received = planUpdates().find((u) => u.type === 'plan' && u.snapshot.plan.version === version);
      assertEqual(received?.type === 'plan' ? findCell(received.snapshot, cell)?.value : undefined, cell.value, 'the saved cell in the update');

      // After unsubscribe, a second listener (subscribed now) shows when the next update has been
      // delivered; by then the first must have received nothing. No fixed pause: a slow adapter
      // takes its time, and a leaking one is caught however late it delivers.
      unsubscribe();
      const count = updates.length;
      const witness: AdapterUpdate[] = [];
      const stopWitness = adapter.subscribe((u) => witness.push(u));
      try {
        const next = await adapter.saveTargets({ baseVersion: version, cells: [{ ...cell, value: cell.value + 100 }] });
        const delivered = await waitFor(() => witness.some((u) => u.type === 'plan' && u.snapshot.plan.version === next.version), timeoutMs);
        assert(delivered, `no plan update with version ${next.version} reached a new listener within ${timeoutMs} ms of the save (timeoutMs)`);
      } finally {
        stopWitness();
      }
      assertEqual(updates.length, count, 'updates received after unsubscribe');
    });

    it('adjustments (when offered) can be submitted, listed and decided', async () => {
      const adapter = await fresh();
      if (!adapter.submitAdjustment || !adapter.listAdjustments || !adapter.decideAdjustment) return skip('the adapter offers no adjustments');
      const id = `qk-contract-${Date.now()}`;
      const stored = await adapter.submitAdjustment({ id, reason: 'contract test' });
      assertEqual(stored.id, id, 'the id of the submitted adjustment');
      const listed = await adapter.listAdjustments();
      assert(listed.some((a) => a.id === id), `listAdjustments does not include the submitted "${id}"`);
      // Decisions are made by the signed-in user (an adapter may refuse anyone else with forbidden).
      const me = await adapter.currentUser();
      const decided = await adapter.decideAdjustment({ id, approve: true, by: me.id });
      assertEqual(decided.id, id, 'the id of the decided adjustment');
      await rejectsWith(adapter.decideAdjustment({ id: `${id}-missing`, approve: false, by: me.id }), 'not-found', 'a decision on an unknown adjustment');
    });

    it('the commission plan (when offered) is saved only by finance or an admin, from the current version', async () => {
      const adapter = await fresh();
      if (!adapter.loadIncentivePlan || !adapter.saveIncentivePlan) return skip('the adapter keeps no commission plan');
      const me = await adapter.currentUser();
      const before = await adapter.loadIncentivePlan();
      const base = before?.version ?? 0;
      const plan = { basis: 'booked', tiers: [{ from: 0, rate: 0 }, { from: 0.5, rate: 0.04 }, { from: 1, rate: 0.09 }] };
      if (!me.roles.includes('finance') && !me.roles.includes('admin')) {
        await rejectsWith(adapter.saveIncentivePlan({ baseVersion: base, plan }), 'forbidden', `saving the commission plan as "${me.id}" (neither finance nor admin)`);
        assertEqual((await adapter.loadIncentivePlan())?.version ?? 0, base, 'the version after a refused save');
        return;
      }
      const saved = await adapter.saveIncentivePlan({ baseVersion: base, plan });
      assertEqual(saved.version, base + 1, 'the version after saving the commission plan');
      const again = await adapter.loadIncentivePlan();
      assertEqual(again?.version, base + 1, 'the version a re-load shows');
      assertEqual((again?.plan as { tiers?: { rate: number }[] }).tiers?.[2]?.rate, 0.09, 'the saved top rate');
      await rejectsWith(adapter.saveIncentivePlan({ baseVersion: base, plan }), 'conflict', 'saving the commission plan from a stale version');
      await rejectsWith(adapter.saveIncentivePlan({ baseVersion: base + 1, plan: { basis: 'booked', tiers: [{ from: 0, rate: 2 }] } }), 'invalid-data', 'saving a plan with a rate above 100 %');
    });

    it('planning inputs (when offered) are saved with the signed-in user’s rights, from the current version', async () => {
      const adapter = await fresh();
      if (!adapter.saveInputs) return skip('the adapter saves no planning inputs');
      const me = await adapter.currentUser();
      const before = await adapter.loadPlan();
      const base = before.plan.version;
      const fy = `FY${before.plan.fiscalYear}`;
      const leaves = before.org.filter((n) => !before.org.some((k) => k.parentId === n.id) && !n.hasChildren);
      // The signed-in user's own node when they have one, else a node they may edit, else the first leaf.
      const own = (me.nodeId && before.org.find((n) => n.id === me.nodeId)) || before.org.find((n) => me.canEdit.includes(n.id)) || leaves[0] || before.org[0]!;
      const isRepOnly = me.roles.includes('rep') && !me.roles.includes('manager') && !me.roles.includes('admin');
      const other = leaves.find((n) => n.id !== own.id);
      if (isRepOnly && other) {
        await rejectsWith(adapter.saveInputs({ baseVersion: base, commitments: [{ nodeId: other.id, period: fy, metric: 'revenue', value: 100 }] }), 'forbidden', `a commitment for "${other.id}" by the rep "${me.id}"`);
      }
      const value = 123_456_00;
      const saved = await adapter.saveInputs({ baseVersion: base, commitments: [{ nodeId: own.id, period: fy, metric: 'revenue', value }] });
      assert(saved.version > base, `saveInputs returned version ${saved.version}, not above ${base}`);
      const again = await adapter.loadPlan();
      const found = (again.commitments ?? []).find((c) => c.nodeId === own.id && c.period === fy && c.metric === 'revenue');
      assertEqual(found?.value, value, `the commitment of "${own.id}" a re-load shows`);
      assertEqual(found?.by, me.id, 'the commitment is stamped with the signed-in user');
      await rejectsWith(adapter.saveInputs({ baseVersion: base, commitments: [{ nodeId: own.id, period: fy, metric: 'revenue', value: 1 }] }), 'conflict', 'saving inputs from a stale version');
    });
  }
  return cases;
}

/**
 * Registers the adapter contract tests under `describe('CrmAdapter contract: <name>')`, with the
 * given `describe`/`it` or the global mocha ones.
 *
 * Checks: `loadPlan` returns a valid snapshot that the caller owns; `loadActuals` returns exactly
 * the records of the requested range; `saveTargets` from the current version succeeds, moves the
 * version on and shows on a re-load; a stale `baseVersion` rejects with `conflict` and
 * `currentVersion` and changes nothing; `currentUser` is a valid user; `notify` resolves; and when
 * offered, `loadChildren` agrees with the org, `subscribe` delivers the update after a save until
 * unsubscribed, adjustments can be submitted, listed and decided, the commission plan is saved
 * only by finance or an admin, from its current version, and planning inputs (a commitment) are
 * saved from the current version, stamped with the signed-in user (a rep: their own only).
 *
 * `timeoutMs` (default 30 s) is the ceiling on waiting for a `subscribe` update: the checks go on as
 * soon as the update arrives, so a slow adapter on a loaded machine passes and one that never
 * answers fails with a message naming the ceiling. Under mocha the suite raises each test's timeout
 * to fit; with Vitest, Jest or node:test set the runner's test timeout above it.
 */
export function runAdapterContractSuite(
  makeAdapter: () => Promise<CrmAdapter> | CrmAdapter,
  options: AdapterContractOptions & { name?: string; describe?: ContractDescribe; it?: ContractIt } = {},
): void {
  const { describe, it } = runner(options);
  describe(`CrmAdapter contract: ${options.name ?? 'adapter'}`, () => {
    const timeoutMs = options.timeoutMs ?? CONTRACT_TIMEOUT_MS;
    for (const c of adapterContractCases(makeAdapter, { timeoutMs })) {
      // A rest parameter keeps the body's length 0: mocha and Jest would take a named one for `done`.
      it(c.name, async function (this: unknown, ...args: never[]) {
        // Under mocha, the test's own timeout must not cut the checks' waits short (two waits of at
        // most timeoutMs each, plus the adapter's calls); other runners take theirs from the host.
        const mocha = this as { timeout?: (ms?: number) => number } | undefined;
        if (mocha && typeof mocha.timeout === 'function') {
          const current = mocha.timeout();
          const need = 2 * timeoutMs + 30_000;
          if (current !== 0 && current < need) mocha.timeout(need);
        }
        const result = await c.run();
        if (result.status === 'skipped') skipInRunner(this, args[0], result.reason);
      });
    }
  });
}
