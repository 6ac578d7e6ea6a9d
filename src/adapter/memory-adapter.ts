import type { ActualsSnapshot, OrgNode, PlanInputsChange, PlanSnapshot, SaveResult, TargetCell, TargetChange, User } from '../engine/plan/model.js';
import { applyInputsChange } from './inputs.js';
import { checkSubmission, decideAs } from '../engine/adjustment/guard.js';
import { canEditIncentivePlan } from '../engine/incentive/access.js';
import { parseCommissionPlan } from '../engine/incentive/plan.js';
import { checkCellEdits } from '../engine/plan/edit-rights.js';
import { buildOrgIndexSteps, type OrgIndex } from '../engine/plan/rollup.js';
import { cellKey } from '../engine/plan/model.js';
import { isMonthId } from '../engine/calendar/periods.js';
import {
  QkAdapterError,
  type AdapterUpdate,
  type AdjustmentPayload,
  type CrmAdapter,
  type IncentivePlanRecord,
  type Notice,
  type QkAdapterErrorCode,
} from './adapter.js';
import {
  checkActualsSnapshot,
  checkPlanSnapshot,
  invalidData,
  parseAdjustment,
  parseDateRange,
  parseNotice,
  targetChangeSteps,
  parseUser,
  targetKey,
} from './validate.js';
import { copyActualsSnapshot, copyPlanSnapshot } from './fast-parse.js';
import { actualsSnapshotSteps, planSnapshotSteps } from './parse-steps.js';
import { deepFreezeSteps, frozenActualsCopySteps, frozenPlanCopySteps, isTrustedActuals, isTrustedPlan, markTrustedActuals, markTrustedPlan, markTrustedSlice, runSliced, SHARED_LOADS, type SharedLoads } from './trusted.js';
import { runSteps, type Steps } from '../engine/shared/steps.js';

/** Everything an in-browser adapter keeps: the plan snapshot, all actuals, and adjustment requests. */
export interface AdapterState {
  snapshot: PlanSnapshot;
  actuals: ActualsSnapshot;
  adjustments: AdjustmentPayload[];
  /** The commission plan saved through `saveIncentivePlan` (absent: none yet). */
  incentivePlan?: IncentivePlanRecord;
}

export interface SnapshotAdapterOptions {
  /**
   * The signed-in user: a `User`, or the id of one of the snapshot's `users`. Default: the first
   * admin among the snapshot's users, else the first user, else an admin of the whole org.
   */
  user?: User | string;
  /** Delay every call by this many milliseconds, to see loading states in a demo. Default 0. */
  latencyMs?: number;
  /** Make the next call fail with this error (or a generic one with this code); then clear it. */
  failNext?: QkAdapterError | QkAdapterErrorCode;
  /** Adjustment requests the host already holds (made earlier, by other users). */
  adjustments?: readonly AdjustmentPayload[];
  /**
   * The adapter's today (`YYYY-MM-DD`): targets of periods that ended before it are refused like
   * locked cells. Without it the in-browser adapters, which have no clock of record, leave the
   * closed-period rule to the store.
   */
  asOf?: string;
}

const indexes = new WeakMap<readonly OrgNode[], OrgIndex>();

/** The org's index, built once per org (in steps: 100,000 nodes are a few slices). */
function* orgIndexSteps(org: readonly OrgNode[]): Steps<OrgIndex> {
  let ix = indexes.get(org);
  if (!ix) indexes.set(org, (ix = yield* buildOrgIndexSteps(org)));
  return ix;
}

/** Cells in a plan and a change above which `saveTargets` runs in slices. */
export const SLICED_SAVE_RECORDS = 10_000;
/** Cells read, checked or merged between two yields of a save. */
const SAVE_CHUNK = 4096;

/**
 * `isMonthId` remembered per string: 400,000 stage counts name a few dozen months, and parsing a
 * period id for each was seconds at 100,000 people.
 */
function monthCheck(): (s: string) => boolean {
  const known = new Map<string, boolean>();
  return (s) => {
    let ok = known.get(s);
    if (ok === undefined) known.set(s, (ok = isMonthId(s)));
    return ok;
  };
}

/**
 * The slice of `all` that a `loadActuals(range)` returns: bookings and collections dated inside the
 * range, stage counts of the calendar months (`YYYY-MM`) the range touches, and open opportunities
 * expected to close inside the range. Both ends are inclusive.
 *
 * @example
 * sliceActuals(all, { from: '2026-02-01', to: '2026-02-15' });
 * // → actuals dated 02-01 … 02-15, stage counts of month 2026-02, pipeline closing 02-01 … 02-15
 */
export function sliceActuals(all: ActualsSnapshot, range: { from: string; to: string }): ActualsSnapshot {
  const { from, to } = range;
  const inRange = (date: string) => date >= from && date <= to;
  const fromMonth = from.slice(0, 7);
  const toMonth = to.slice(0, 7);
  const isMonth = monthCheck();
  return {
    from,
    to,
    actuals: all.actuals.filter((a) => inRange(a.date)),
    stageCounts: all.stageCounts.filter((c) => isMonth(c.month) && c.month >= fromMonth && c.month <= toMonth),
    pipeline: all.pipeline.filter((o) => inRange(o.expectedClose)),
  };
}

/**
 * Replaces the cells with the same node × period × metric × product key and appends the new ones,
 * keeping the order of the existing cells. Returns a new array.
 */
export function upsertCells(targets: readonly TargetCell[], cells: readonly TargetCell[]): TargetCell[] {
  const incoming = new Map(cells.map((c) => [targetKey(c), c]));
  const out = targets.map((t) => {
    const key = targetKey(t);
    const next = incoming.get(key);
    if (!next) return t;
    incoming.delete(key);
    return next;
  });
  return [...out, ...incoming.values()];
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The shared logic of the adapters that keep the whole plan in the browser (`MemoryAdapter`,
 * `LocalStorageAdapter`): version checks, upserts, range filtering, adjustments, notices, live
 * updates. A subclass only says where the state lives (`readState` / `writeState`); extend it to
 * keep the state in sessionStorage, IndexedDB or a worker.
 *
 * Every value handed out is a deep copy, so callers cannot change the stored data by mutating what
 * they got; every value taken in is validated and rejected with a typed `QkAdapterError`.
 *
 * @example
 * // Keeps the state in memory and writes every change through to the host page's own store.
 * class WriteThroughAdapter extends SnapshotAdapterBase {
 *   #state: AdapterState;
 *   constructor(initial: AdapterState, private onChange: (s: AdapterState) => void) {
 *     super({ user: 'u-admin' });
 *     this.#state = initial; // validate it first, as MemoryAdapter and LocalStorageAdapter do
 *   }
 *   protected readState() { return this.#state; }
 *   protected writeState(state: AdapterState) { this.#state = state; this.onChange(state); }
 * }
 */
export abstract class SnapshotAdapterBase implements CrmAdapter {
  /** Every notice sent through `notify`, oldest first (for demos and tests). */
  readonly sent: Notice[] = [];
  /** Delay of every call in milliseconds. */
  latencyMs: number;
  /** The next call rejects with this error (or a generic one with this code); cleared when used. */
  failNext: QkAdapterError | QkAdapterErrorCode | null;

  readonly #user: User | string | undefined;
  readonly #asOf: string | undefined;
  readonly #listeners = new Set<(update: AdapterUpdate) => void>();
  /** The store's subscriptions through `SHARED_LOADS`: a trusted (frozen) plan is handed over uncopied. */
  readonly #sharedListeners = new Set<(update: AdapterUpdate) => void>();

  constructor(options: SnapshotAdapterOptions = {}) {
    this.#user = typeof options.user === 'object' ? parseUser(options.user, { source: 'options.user' }) : options.user;
    this.latencyMs = options.latencyMs ?? 0;
    this.failNext = options.failNext ?? null;
    this.#asOf = options.asOf;
  }

  /** The current state; throws `QkAdapterError` when it cannot be read. Never mutate it. */
  protected abstract readState(): AdapterState;
  /** Stores a new state (a new object: the old one is never mutated). */
  protected abstract writeState(state: AdapterState): void;

  /**
   * Runs one adapter call: latency, a scheduled failure, then `op`; hands out a deep copy of the
   * result (`copy` when the result has a known shape and a faster copy, else `structuredClone`).
   */
  protected async run<T>(op: (state: AdapterState) => T, copy: (value: T) => T = structuredClone): Promise<T> {
    if (this.latencyMs > 0) await delay(this.latencyMs);
    this.takeFailure();
    return copy(op(this.readState()));
  }

  /** What every call does after its latency: a scheduled failure is thrown (and cleared). */
  private takeFailure(): void {
    const failure = this.failNext;
    if (failure) {
      this.failNext = null;
      throw typeof failure === 'string' ? new QkAdapterError(failure, `simulated ${failure} failure`) : failure;
    }
  }

  /** Sends `update` to every subscriber, each with its own copy; a throwing listener does not stop the others. */
  protected emit(update: AdapterUpdate): void {
    const listeners = [...[...this.#sharedListeners].map((l) => [l, true] as const), ...[...this.#listeners].map((l) => [l, false] as const)];
    for (const [listener, shared] of listeners) {
      try {
        if (shared && update.type === 'plan' && isTrustedPlan(update.snapshot)) listener(update);
        else listener(update.type === 'plan' ? { ...update, snapshot: copyPlanSnapshot(update.snapshot) } : structuredClone(update));
      } catch (e) {
        queueMicrotask(() => {
          throw e;
        });
      }
    }
  }

  /** The user the adapter acts for, resolved against the state's users. */
  protected resolveUser(state: AdapterState): User {
    const users = state.snapshot.users ?? [];
    if (typeof this.#user === 'object') return this.#user;
    if (typeof this.#user === 'string') {
      const found = users.find((u) => u.id === this.#user);
      if (!found) throw new QkAdapterError('not-found', `user "${this.#user}" is not among the snapshot's users`);
      return found;
    }
    const chosen = users.find((u) => u.roles.includes('admin')) ?? users[0];
    if (chosen) return chosen;
    const root = state.snapshot.org.find((n) => n.parentId === null);
    return { id: 'admin', name: 'Admin', roles: ['admin'], canView: root ? [root.id] : [], canEdit: root ? [root.id] : [] };
  }

  loadPlan(): Promise<PlanSnapshot> {
    return this.run((s) => s.snapshot, copyPlanSnapshot);
  }

  /**
   * For the store (see `trusted.ts`): the state's own snapshot and a frozen slice of its actuals
   * when the state was validated and frozen (`MemoryAdapter`'s is), so a 100,000-person plan is
   * neither copied nor parsed again on every load; otherwise the same copies as the public methods.
   */
  get [SHARED_LOADS](): SharedLoads {
    // A subclass that loads its own way is asked through its own methods.
    const own = SnapshotAdapterBase.prototype;
    if (this.loadPlan !== own.loadPlan || this.loadActuals !== own.loadActuals) return this;
    return this.#shared;
  }

  readonly #shared: SharedLoads = {
    subscribe: (listener) => {
      // A subclass that tells its subscribers its own way is subscribed to through its override.
      if (this.subscribe !== SnapshotAdapterBase.prototype.subscribe) return this.subscribe(listener);
      this.#sharedListeners.add(listener);
      return () => {
        this.#sharedListeners.delete(listener);
      };
    },
    loadPlan: () => this.run((s) => s.snapshot, (v) => (isTrustedPlan(v) ? v : copyPlanSnapshot(v))),
    loadActuals: (range) =>
      this.run(
        (s) => {
          const r = parseDateRange(range, { source: 'loadActuals' });
          const all = s.actuals;
          if (isTrustedActuals(all) && coversAll(all, r)) {
            // Everything is inside the range: the same frozen lists, no filtering of 650,000 records.
            const whole = Object.freeze({ ...all, from: r.from, to: r.to });
            markTrustedSlice(whole, all);
            return whole;
          }
          const slice = sliceActuals(all, r);
          if (!isTrustedActuals(all)) return slice;
          for (const list of [slice.actuals, slice.stageCounts, slice.pipeline]) Object.freeze(list);
          markTrustedSlice(Object.freeze(slice), s.actuals);
          return slice;
        },
        (v) => (isTrustedActuals(v) ? v : copyActualsSnapshot(v)),
      ),
  };

  loadActuals(range: { from: string; to: string }): Promise<ActualsSnapshot> {
    return this.run((s) => sliceActuals(s.actuals, parseDateRange(range, { source: 'loadActuals' })), copyActualsSnapshot);
  }

  /**
   * Upserts the cells (and removes `change.removed`) when `change.baseVersion` is the plan's version
   * and moves the version on by one; otherwise rejects with `conflict` and the current version,
   * changing nothing. The signed-in user's rights are checked here too, whatever the caller
   * checked: a node outside their edit scope, a locked cell (other than its unlock) or, with
   * `asOf`, a closed period rejects the whole change with `forbidden`.
   *
   * A large plan or change (over `SLICED_SAVE_RECORDS` cells) is checked and merged a slice at a
   * time, yielding to the page between slices, and written at the end, all or nothing. A write
   * that lands meanwhile is taken into account: a plan moved on by another save rejects this one
   * with `conflict`, as if it had come second.
   */
  saveTargets(change: TargetChange): Promise<SaveResult> {
    // One save at a time, in the order they were asked for (as when each was one task): a second
    // save from the same version is the conflict, whichever computes faster.
    // With none pending it starts at once, as every call does (a small save is then done in this task).
    const done = this.#saves === 0 ? this.saveNow(change) : this.#saving.then(() => this.saveNow(change));
    this.#saves++;
    const settled = done.then(
      () => void this.#saves--,
      () => void this.#saves--,
    );
    this.#saving = settled;
    return done;
  }

  /** Saves asked for and not settled; the last one's settling. */
  #saves = 0;
  #saving: Promise<unknown> = Promise.resolve();

  private async saveNow(change: TargetChange): Promise<SaveResult> {
    if (this.latencyMs > 0) await delay(this.latencyMs);
    this.takeFailure();
    const s = this.readState();
    const cells = (change as { cells?: unknown } | null)?.cells;
    const large = s.snapshot.targets.length + (Array.isArray(cells) ? cells.length : 0) > SLICED_SAVE_RECORDS;
    let snapshot = large ? await runSliced(this.saveSteps(s, change)) : runSteps(this.saveSteps(s, change));
    const now = this.readState();
    if (now.snapshot !== s.snapshot) {
      const version = now.snapshot.plan.version;
      if (version !== s.snapshot.plan.version) {
        throw new QkAdapterError('conflict', `saveTargets: based on version ${s.snapshot.plan.version}, but the plan is at version ${version}`, { currentVersion: version });
      }
      // The same version read anew (a subclass that reads its storage again): decided on it, in one piece.
      snapshot = runSteps(this.saveSteps(now, change));
    }
    this.writeState({ ...now, snapshot });
    this.emit({ type: 'plan', snapshot });
    return { version: snapshot.plan.version };
  }

  /** `saveTargets`'s checks and merge on state `s`, as steps: the new snapshot, or a throw. */
  private *saveSteps(s: AdapterState, change: TargetChange): Steps<PlanSnapshot> {
    const parsed = yield* targetChangeSteps(change, s.snapshot, { source: 'saveTargets' });
    const version = s.snapshot.plan.version;
    if (parsed.baseVersion !== version) {
      throw new QkAdapterError('conflict', `saveTargets: based on version ${parsed.baseVersion}, but the plan is at version ${version}`, {
        currentVersion: version,
      });
    }
    const ix = yield* orgIndexSteps(s.snapshot.org);
    const targets = s.snapshot.targets;
    const keys = new Array<string>(targets.length);
    const current = new Map<string, TargetCell>();
    for (let i = 0; i < targets.length; i++) {
      current.set((keys[i] = targetKey(targets[i]!)), targets[i]!);
      if (i % SAVE_CHUNK === SAVE_CHUNK - 1) yield { done: i + 1, total: targets.length };
    }
    const removed = new Set((parsed.removed ?? []).map(cellKey));
    const edits = [
      ...parsed.cells.map((c) => ({ before: current.get(targetKey(c)), after: c as TargetCell | undefined })),
      ...[...removed].filter((k) => current.has(k)).map((k) => ({ before: current.get(k), after: undefined })),
    ];
    const user = this.resolveUser(s);
    const ctx = { index: ix, calendar: s.snapshot.plan.calendar, ...(this.#asOf ? { asOf: this.#asOf, lockClosedPeriods: true } : {}) };
    // The first refusal in the change's order, as one call over every edit would find it.
    for (let i = 0; i < edits.length; i += SAVE_CHUNK) {
      const refused = checkCellEdits(user, edits.slice(i, i + SAVE_CHUNK), ctx);
      if (refused) throw new QkAdapterError('forbidden', `saveTargets: ${refused.reason} (${refused.cell})`);
      if (i + SAVE_CHUNK < edits.length) yield { done: i + SAVE_CHUNK, total: edits.length };
    }
    // `upsertCells(targets, cells)` without the removed keys: the existing order, the new cells after.
    const incoming = new Map(parsed.cells.map((c) => [targetKey(c), c]));
    const next: TargetCell[] = [];
    for (let i = 0; i < targets.length; i++) {
      const key = keys[i]!;
      const c = incoming.get(key);
      if (c) incoming.delete(key);
      if (!removed.has(key)) next.push(c ?? targets[i]!);
      if (i % SAVE_CHUNK === SAVE_CHUNK - 1) yield { done: i + 1, total: targets.length };
    }
    for (const [key, c] of incoming) if (!removed.has(key)) next.push(c);
    const snapshot: PlanSnapshot = { ...s.snapshot, plan: { ...s.snapshot.plan, version: version + 1 }, targets: next };
    // A trusted plan with valid cells upserted (checked above against it: nodes, products, the
    // fiscal year, one per key) is valid: it stays trusted, frozen (only the new objects need it:
    // the new cells, the list, the plan and the snapshot).
    if (isTrustedPlan(s.snapshot)) {
      for (let i = 0; i < parsed.cells.length; i++) {
        Object.freeze(parsed.cells[i]);
        if (i % SAVE_CHUNK === SAVE_CHUNK - 1) yield { done: i + 1, total: parsed.cells.length };
      }
      Object.freeze(next);
      yield* deepFreezeSteps(snapshot);
      markTrustedPlan(snapshot);
    }
    return snapshot;
  }

  /** Saves commitments, market entries and the blend (see `applyInputsChange`): version, nodes and the signed-in user's rights are checked here. */
  saveInputs(change: PlanInputsChange): Promise<SaveResult> {
    return this.run((s) => {
      const snapshot = applyInputsChange(s.snapshot, change, this.resolveUser(s));
      this.writeState({ ...s, snapshot });
      this.emit({ type: 'plan', snapshot });
      return { version: snapshot.plan.version };
    });
  }

  currentUser(): Promise<User> {
    return this.run((s) => this.resolveUser(s));
  }

  /** Records the notice in `sent`. */
  notify(notice: Notice): Promise<void> {
    return this.run(() => {
      this.sent.push(structuredClone(parseNotice(notice, { source: 'notify' })));
    });
  }

  /**
   * Stores the request (replacing one with the same id) and returns it, after the host's own check
   * of what the kit already checked (a client cannot be trusted): `checkSubmission` from the
   * signed-in user alone. A new request must be the signed-in user's, for a node they may request
   * for; a stored one never changes its requester, node, change or decision; its status moves only
   * along the workflow (approve and reject only through `decideAdjustment`, apply only once
   * approved and only by an entitled approver who is not the requester); the audit trail
   * (`history`) only grows, with the signed-in user's entries. Refusals are `forbidden` or
   * `conflict` errors whose message starts with the rule's code (e.g. `adjustment-immutable`).
   */
  submitAdjustment(request: AdjustmentPayload): Promise<AdjustmentPayload> {
    return this.run((s) => {
      const adj = structuredClone(parseAdjustment(request, { source: 'submitAdjustment' }));
      const answer = checkSubmission(this.resolveUser(s), adj, s.adjustments.find((a) => a.id === adj.id), s.snapshot.org);
      if (!answer.allowed) throw new QkAdapterError(answer.code, `submitAdjustment: ${answer.message}`, { rule: { reason: answer.reason, params: answer.params } });
      const rest = s.adjustments.filter((a) => a.id !== adj.id);
      this.writeState({ ...s, adjustments: [...rest, adj] });
      return adj;
    });
  }

  /**
   * Records the decision on the stored request for the signed-in user (`decision.by` must be them):
   * only a pending request, only by someone `canApprove` allows (never the requester). A request of
   * the kit's shape gets `status`, `decision` (with the time) and an audit entry, as the engine's
   * `transitionAdjustment` makes them; other shapes get `status` and `decision: { approve, by, comment? }`.
   */
  decideAdjustment(decision: { id: string; approve: boolean; by: string; comment?: string }): Promise<AdjustmentPayload> {
    return this.run((s) => {
      const found = s.adjustments.find((a) => a.id === decision.id);
      if (!found) throw new QkAdapterError('not-found', `decideAdjustment: no adjustment "${decision.id}"`);
      const decided = decideAs(this.resolveUser(s), found, decision, s.snapshot.org, new Date().toISOString());
      if (!decided.ok) {
        throw new QkAdapterError(decided.refusal?.code ?? 'forbidden', `decideAdjustment: ${decided.refusal?.message ?? decided.error.message}`, {
          rule: { reason: decided.refusal?.reason ?? decided.error.code, params: decided.refusal?.params ?? decided.error.params ?? {} },
        });
      }
      this.writeState({ ...s, adjustments: s.adjustments.map((a) => (a.id === decided.value.id ? decided.value : a)) });
      return decided.value;
    });
  }

  listAdjustments(): Promise<AdjustmentPayload[]> {
    return this.run((s) => s.adjustments);
  }

  loadIncentivePlan(): Promise<IncentivePlanRecord | null> {
    return this.run((s) => s.incentivePlan ?? null);
  }

  /**
   * Stores the commission plan for a finance or admin user (`canEditIncentivePlan`, from the
   * signed-in user alone), validated with `parseCommissionPlan`, when `baseVersion` is the stored
   * version (0 before the first save); moves the version on by one.
   */
  saveIncentivePlan(change: { baseVersion: number; plan: Record<string, unknown> }): Promise<{ version: number }> {
    return this.run((s) => {
      const may = canEditIncentivePlan(this.resolveUser(s));
      if (!may.allowed) throw new QkAdapterError('forbidden', `saveIncentivePlan: ${may.reason}: only finance or an administrator may change the commission plan`, { rule: { reason: may.reason, params: may.params } });
      const parsed = parseCommissionPlan(change?.plan);
      if (!parsed.ok) throw invalidData('saveIncentivePlan', parsed.issues ?? [{ path: parsed.error.path ?? [], message: parsed.error.message }]);
      const version = s.incentivePlan?.version ?? 0;
      if (change.baseVersion !== version) {
        throw new QkAdapterError('conflict', `saveIncentivePlan: based on version ${change.baseVersion}, but the plan is at version ${version}`, { currentVersion: version });
      }
      const incentivePlan = { version: version + 1, plan: parsed.value as Record<string, unknown> };
      this.writeState({ ...s, incentivePlan });
      return { version: incentivePlan.version };
    });
  }

  /** Calls `listener` after every successful save (and, for stored adapters, a reset). Returns the unsubscribe function. */
  subscribe(listener: (update: AdapterUpdate) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  /** The children of `nodeId` in org order; rejects with `not-found` for an unknown node. */
  loadChildren(nodeId: string): Promise<OrgNode[]> {
    return this.run((s) => {
      if (!s.snapshot.org.some((n) => n.id === nodeId)) throw new QkAdapterError('not-found', `loadChildren: no org node "${nodeId}"`);
      return s.snapshot.org.filter((n) => n.parentId === nodeId);
    });
  }
}

/**
 * Validates a plan snapshot and actuals together (the actuals cross-checked against the plan) and
 * returns the typed state, or every issue with its path prefixed by `paths.plan` / `paths.actuals`.
 */
export function checkAdapterState(
  plan: unknown,
  actuals: unknown,
  paths: { plan: (string | number)[]; actuals: (string | number)[] },
): { ok: true; value: Omit<AdapterState, 'adjustments'> } | { ok: false; issues: { path: (string | number)[]; message: string }[] } {
  const p = checkPlanSnapshot(plan);
  if (!p.ok) return { ok: false, issues: p.issues.map((i) => ({ ...i, path: [...paths.plan, ...i.path] })) };
  const a = checkActualsSnapshot(actuals, { plan: p.value });
  if (!a.ok) return { ok: false, issues: a.issues.map((i) => ({ ...i, path: [...paths.actuals, ...i.path] })) };
  return { ok: true, value: { snapshot: p.value, actuals: a.value } };
}

/** Per trusted actuals: the months of their stage counts and the closing dates of their pipeline, first and last. */
const extents = new WeakMap<ActualsSnapshot, { months: [string, string]; closes: [string, string] } | null>();

/**
 * Whether `sliceActuals(all, range)` keeps every record of `all`: its actuals are dated inside
 * `all.from … all.to` (validated), so a range holding that, every stage count's month and every
 * opportunity's closing date loses nothing.
 */
function coversAll(all: ActualsSnapshot, range: { from: string; to: string }): boolean {
  if (all.from < range.from || all.to > range.to) return false;
  let e = extents.get(all);
  if (e === undefined) extents.set(all, (e = runSteps(extentsSteps(all))));
  if (!e) return false;
  const [m0, m1] = e.months;
  const [c0, c1] = e.closes;
  return (!m0 || (m0 >= range.from.slice(0, 7) && m1 <= range.to.slice(0, 7))) && (!c0 || (c0 >= range.from && c1 <= range.to));
}

/** Records read between two yields of `extentsSteps`. */
const EXTENT_CHUNK = 8192;

/**
 * The first and last month of the stage counts and closing date of the pipeline (null when a
 * month is not a month id), as steps: `create` computes them in its slices, so the store's first
 * `loadActuals` does not read 500,000 records in one task.
 */
function* extentsSteps(all: ActualsSnapshot): Steps<{ months: [string, string]; closes: [string, string] } | null> {
  let m0 = '', m1 = '', c0 = '', c1 = '';
  let ok = true;
  const isMonth = monthCheck();
  let n = 0;
  for (const c of all.stageCounts) {
    if (!isMonth(c.month)) ok = false;
    if (!m0 || c.month < m0) m0 = c.month;
    if (!m1 || c.month > m1) m1 = c.month;
    if (++n % EXTENT_CHUNK === 0) yield { done: n, total: 0 };
  }
  for (const o of all.pipeline) {
    if (!c0 || o.expectedClose < c0) c0 = o.expectedClose;
    if (!c1 || o.expectedClose > c1) c1 = o.expectedClose;
    if (++n % EXTENT_CHUNK === 0) yield { done: n, total: 0 };
  }
  return ok ? { months: [m0, m1], closes: [c0, c1] } : null;
}

/** Internal (tests): whether the extents of `all` (see `coversAll`) are computed already. */
export function hasActualsExtents(all: ActualsSnapshot): boolean {
  return extents.has(all);
}

/**
 * The constructor's checks and copy as steps, for `MemoryAdapter.create`: the snapshot and actuals
 * validated (the fast path and the cross-record checks; throws on any issue, returns undefined
 * when the fast path declines), copied, frozen and marked trusted.
 */
function* preparedStateSteps(snapshot: PlanSnapshot, actuals: ActualsSnapshot): Steps<{ snapshot: PlanSnapshot; actuals: ActualsSnapshot } | undefined> {
  const plan = yield* planSnapshotSteps(snapshot);
  if (!plan) return undefined;
  const all = yield* actualsSnapshotSteps(actuals, { plan });
  if (!all) return undefined;
  // Copied and frozen record by record in one pass (`frozenRecordCopy`: a spread copy frozen
  // afterwards held 190 MB more at 100,000 people, and its GC pauses were the longest tasks).
  const planCopy = isTrustedPlan(plan) ? plan : yield* frozenPlanCopySteps(plan, copyPlanSnapshot);
  markTrustedPlan(planCopy);
  const actualsCopy = isTrustedActuals(all, plan) ? all : yield* frozenActualsCopySteps(all);
  markTrustedActuals(actualsCopy, planCopy);
  if (!extents.has(actualsCopy)) extents.set(actualsCopy, yield* extentsSteps(actualsCopy));
  return { snapshot: planCopy, actuals: actualsCopy };
}

/**
 * An adapter over data held in memory: the sample company in a demo, a fixture in a test, or a
 * Storybook story. It implements every `CrmAdapter` method, with the same version semantics as a
 * real host: `saveTargets` succeeds only from the current version, moves it on by one and tells
 * subscribers; a stale version rejects with `conflict` and the current version.
 *
 * The constructor validates what it is given (bad sample data throws `QkAdapterError`
 * `invalid-data` with every bad path) and keeps its own deep copy, so later changes to the objects
 * passed in, or to anything it returns, never reach its data. `sent` lists the notices sent;
 * `latencyMs` and `failNext` simulate a slow or failing host.
 *
 * The constructor's checks and copy are one task: for large data (tens of thousands of people; at
 * 100,000, most of a second) use `await MemoryAdapter.create(snapshot, actuals, options)`, the same
 * adapter built in slices, whose frozen state the store then loads without a second parse.
 *
 * @example
 * const adapter = new MemoryAdapter(snapshot, actuals, { user: 'u-east-manager', latencyMs: 300 });
 * const plan = await adapter.loadPlan();
 * await adapter.saveTargets({ baseVersion: plan.plan.version, cells: [{ nodeId: 'east', period: 'FY2026', metric: 'revenue', value: 720_000_000 }] });
 * adapter.failNext = 'network'; // the next call rejects, to preview the error state
 */
export class MemoryAdapter extends SnapshotAdapterBase {
  #state: AdapterState;

  /**
   * The same adapter as `new MemoryAdapter(snapshot, actuals, options)`, with the constructor's
   * validation and copy done a slice at a time (yielding to the page between slices), for large
   * data (a 100,000-person org is seconds of checks), so the page stays responsive. Its state is
   * also frozen (`trusted.ts`): a store loads it without a copy or a second parse. Rejects with
   * the constructor's `invalid-data` error, every issue listed, when the data is not valid.
   * `sliceMs` (default 20) is the work done between two yields; 0 yields after every step.
   */
  static async create(snapshot: PlanSnapshot, actuals: ActualsSnapshot, options: SnapshotAdapterOptions & { sliceMs?: number } = {}): Promise<MemoryAdapter> {
    let prepared: { snapshot: PlanSnapshot; actuals: ActualsSnapshot } | undefined;
    const { sliceMs, ...adapterOptions } = options;
    options = adapterOptions;
    try {
      prepared = await runSliced(preparedStateSteps(snapshot, actuals), sliceMs);
    } catch {
      prepared = undefined;
    }
    // Not valid (or not sure): the constructor's own checks, which list every issue.
    return prepared ? new MemoryAdapter(prepared.snapshot, prepared.actuals, options) : new MemoryAdapter(snapshot, actuals, options);
  }

  constructor(snapshot: PlanSnapshot, actuals: ActualsSnapshot, options: SnapshotAdapterOptions = {}) {
    super(options);
    if (isTrustedPlan(snapshot) && isTrustedActuals(actuals, snapshot)) {
      // Validated and frozen by the kit (`create`, or another MemoryAdapter's state): nobody can
      // change it, so it needs neither the checks nor a copy.
      const adjustments = (options.adjustments ?? []).map((a, i) => parseAdjustment(a, { source: `options.adjustments[${i}]` }));
      this.#state = { snapshot, actuals, adjustments: structuredClone(adjustments) };
      this.resolveUser(this.#state);
      return;
    }
    const checked = checkAdapterState(snapshot, actuals, { plan: ['snapshot'], actuals: ['actuals'] });
    if (!checked.ok) throw invalidData('MemoryAdapter data', checked.issues);
    const adjustments = (options.adjustments ?? []).map((a, i) => parseAdjustment(a, { source: `options.adjustments[${i}]` }));
    // Parsing keeps the payload's own records where it can: copy them, so the caller's objects stay theirs.
    const { snapshot: plan, actuals: all } = checked.value;
    // A copy, not frozen: freezing 850,000 records would lengthen this one task further. The
    // store parses what this adapter hands out (in slices); `create` freezes and the store trusts.
    this.#state = { snapshot: copyPlanSnapshot(plan), actuals: copyActualsSnapshot(all), adjustments: structuredClone(adjustments) };
    this.resolveUser(this.#state);
  }

  protected readState(): AdapterState {
    return this.#state;
  }

  protected writeState(state: AdapterState): void {
    this.#state = state;
  }
}
