/**
 * The shared client-side state of a dashboard: the read model of the plan (`state`), pending
 * edits, undo/redo, the current focus and the save state. Plain TypeScript (no DOM, no Lit).
 * `qk-provider` creates one and hands it to every element below it through @lit/context, so an
 * edit in the goal tree updates the gauge.
 *
 * What the store guarantees:
 * - **One read model.** `state` is an immutable `PlanState`, replaced on every data change; every
 *   element reads targets, actuals and derived figures through its selectors (`plan-state.ts`).
 *   `dataRevision` moves only when data changes, so moving the focus recomputes no data view.
 * - **Nothing let in.** Every payload from the adapter (plan, actuals, user, save replies, pushed
 *   updates, lazily loaded children) is parsed with the zod model before it is used; a bad one
 *   puts the store in a localized error state, never half-loaded. Every edit is checked against the
 *   signed-in user's rights, locks and closed periods before it is applied or sent.
 * - **Nothing lost.** Edits apply locally at once (one undo step per call) and stay pending until
 *   the adapter confirms them; pending edits are kept in local storage until then, so a reload or
 *   a crash re-applies them. Every adapter call has a timeout; a failed save retries, a conflict
 *   keeps the edits for `reloadAndReapply()`, and a late answer is reconciled by version. Undoing
 *   a saved change is itself a change that is saved, including removing a cell that did not exist.
 */
import { DEFAULT_TIMEOUT_MS, withTimeout } from './timeout.js';
import { cellKey, type ActualsSnapshot, type MetricId, type OrgNode, type PlanInputsChange, type PlanSnapshot, type TargetCell, type TargetSource, type User } from '../engine/plan/model.js';
import { periodRange } from '../engine/calendar/periods.js';
import { canEditNode, checkCellEdits, checkInputsChange, commitmentKey, marketKey, mergeInputs, withRamps } from '../engine/plan/edit-rights.js';
import { createPlanState, targetCells, withPlanData, withTargetChanges, CellTable, type PlanState } from '../engine/plan/plan-state.js';
import type { CrmAdapter } from '../adapter/adapter.js';
import { warmUpSteps } from '../engine/plan/warm-up.js';
import { invalidData } from '../adapter/cross-check.js';
// zod-free checks first; the full (zod) check arrives by import() only when they decline (issue 14).
import { loadFullCheck, quickActualsSnapshot, quickOrgNodes, quickPendingRecord, quickPlanSnapshot, quickSaveResult, quickUser } from './checks.js';
import { buildOrgIndexSteps, type OrgIndex } from '../engine/plan/rollup.js';
import type { Steps } from '../engine/shared/steps.js';
import { actualsSnapshotSteps, planSnapshotSteps } from '../adapter/parse-steps.js';
import { isTrustedPlan, SHARED_LOADS, type SharedLoads } from '../adapter/trusted.js';
import { checkOrg } from '../engine/plan/model.js';
import { toStoreError, type StoreError } from './errors.js';
import type { PendingRecord, PendingStorage } from './pending-storage.js';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'error';
/**
 * `saving`: a save is in flight; `retrying`: the last one failed (network, timeout) and another
 * try is scheduled; `error`: it failed for good (the edits stay pending, `save()` tries again);
 * `conflict`: the plan moved on (see `reloadAndReapply`).
 */
export type SaveState = 'idle' | 'saving' | 'saved' | 'retrying' | 'error' | 'conflict';

/** What the dashboard is looking at: a row selected in the goal tree moves every widget. */
export interface Focus {
  nodeId: string | null;
  period: string | null;
  metric: MetricId;
  product: string | null;
}

/** `status`, `data` and `targets` change what is shown (`dataRevision` moves); `focus` and `save` do not. */
export type ChangeKind = 'status' | 'data' | 'targets' | 'focus' | 'save';
export type StoreListener = (store: QkStore, change: ChangeKind) => void;

/** An edit the store refused: why (a localized code), and which cell. */
export interface EditRefusal extends StoreError {
  cell: string;
}
export type StoreEditResult = { ok: true } | { ok: false; error: EditRefusal };

interface UndoStep {
  label: string;
  before: (TargetCell | undefined)[];
  after: (TargetCell | undefined)[];
  keys: string[];
}

export interface StoreOptions {
  /** Save edits through the adapter automatically after this many ms of quiet; `false` to save only on `save()`. */
  autosaveMs?: number | false;
  /** How many fiscal years of history to load before the plan's year (bottom-up view, seasonality). */
  historyYears?: number;
  /** The day the dashboard treats as today (`YYYY-MM-DD`); defaults to the real date. */
  asOf?: string;
  /** Every adapter call fails with `timeout` after this many ms (default 30,000). */
  timeoutMs?: number;
  /** Waits before each automatic retry of a save that failed on the network or timed out (default 2 s, 5 s, 15 s). */
  retryDelaysMs?: readonly number[];
  /**
   * Work per slice, ms, of the long passes over a large plan (parsing, indexing, the first
   * roll-ups), which run between yields to the page (default 20).
   */
  sliceMs?: number;
  /** Refuse changes to targets of periods that ended before today (default true). */
  lockClosedPeriods?: boolean;
  /** Where pending edits wait until the adapter confirms them, across reloads (default none; `qk-provider` uses localStorage). */
  pendingStorage?: PendingStorage | null;
}

export { cellKey, toStoreError };
export type { StoreError, PendingStorage, PendingRecord };

const today = () => new Date().toISOString().slice(0, 10);

/** Gives the page back for a moment (`scheduler.yield` where the runtime has it, else a zero timeout). */
const nextTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof s?.yield === 'function' ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

/** Work per slice of a long load or warm-up, ms: far under the 50 ms a browser calls a long task. */
const SLICE_MS = 20;

/** The read model's indexes of a snapshot, built in slices before the state is made of them. */
interface ReadModelParts {
  host: CellTable;
  index: OrgIndex;
}

function* readModelSteps(snapshot: PlanSnapshot, index?: OrgIndex): Steps<ReadModelParts> {
  const host = yield* CellTable.fromSteps(snapshot.targets);
  return { host, index: index ?? (yield* buildOrgIndexSteps(snapshot.org)) };
}

/** Org nodes and target cells of a pushed plan above which it is parsed and indexed in slices. */
export const SLICED_PUSH_RECORDS = 10_000;

/** Whether a pushed plan is large enough to be received in slices (`receiveSliced`). */
function isLargePlan(raw: unknown): boolean {
  const s = raw as { org?: unknown; targets?: unknown } | null;
  return typeof s === 'object' && s !== null && Array.isArray(s.org) && Array.isArray(s.targets) && s.org.length + s.targets.length > SLICED_PUSH_RECORDS;
}

export class QkStore {
  status: StoreStatus = 'idle';
  error: StoreError | null = null;
  saveState: SaveState = 'idle';
  saveError: StoreError | null = null;
  /** The plan as the host last sent it (targets without local edits). */
  snapshot: PlanSnapshot | null = null;
  user: User | null = null;
  focus: Focus = { nodeId: null, period: null, metric: 'revenue', product: null };
  /** The read model every element reads (null until a plan is loaded). */
  state: PlanState | null = null;
  /** Increments on every change, focus and save state included. */
  revision = 0;
  /** Increments only when data changes (plan, targets, actuals, today): the memo key of data views. */
  dataRevision = 0;
  /** The day treated as today (`YYYY-MM-DD`). */
  asOf: string;

  private adapter: CrmAdapter | null = null;
  /** The targets as the host holds them (loaded, plus what it confirmed since). */
  private host: CellTable = CellTable.from([]);
  /** Keys of cells edited here and not confirmed; a key whose cell is absent is a removal to send. */
  private readonly pendingKeys = new Set<string>();
  /** Pending keys whose lock the user cleared here: only these are sent as an unlock first (`save`). */
  private readonly unlockedHere = new Set<string>();
  private undoStack: UndoStep[] = [];
  private redoStack: UndoStep[] = [];
  private readonly listeners = new Set<StoreListener>();
  private unsubscribeAdapter: (() => void) | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private loadToken = 0;
  private saveToken = 0;
  private retries = 0;
  /** After `disconnect()`: late answers and timers no longer touch the shared pending storage. */
  private disposed = false;
  private options: Required<Omit<StoreOptions, 'asOf' | 'pendingStorage'>>;
  private pendingStorage: PendingStorage | null;

  constructor(options: StoreOptions = {}) {
    this.options = {
      autosaveMs: options.autosaveMs ?? 800,
      historyYears: options.historyYears ?? 2,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retryDelaysMs: options.retryDelaysMs ?? [2_000, 5_000, 15_000],
      lockClosedPeriods: options.lockClosedPeriods ?? true,
      sliceMs: options.sliceMs ?? SLICE_MS,
    };
    this.pendingStorage = options.pendingStorage ?? null;
    this.asOf = options.asOf ?? today();
  }

  /** Changes options after creation (the provider's attributes). */
  configure(options: StoreOptions): void {
    const { asOf, pendingStorage, ...rest } = options;
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) (this.options as Record<string, unknown>)[k] = v;
    if (pendingStorage !== undefined) this.pendingStorage = pendingStorage;
    const next = asOf ?? today();
    if (next !== this.asOf) {
      this.asOf = next;
      if (this.state) this.state = withPlanData(this.state, { asOf: next });
      this.emit('data');
    }
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ChangeKind): void {
    this.revision++;
    if (change === 'status' || change === 'data' || change === 'targets') this.dataRevision++;
    for (const l of [...this.listeners]) l(this, change);
  }

  /** Runs an adapter call with the store's timeout: a call that never answers fails with `timeout`. */
  private call<T>(op: string, run: () => Promise<T>): Promise<T> {
    return withTimeout(op, this.options.timeoutMs, run);
  }

  /**
   * Runs a call of the connected adapter under the store's timeout (`timeoutMs`): a call that never
   * answers fails with `timeout`. For the workflows beside the store (adjustments).
   */
  callAdapter<T>(op: string, run: () => Promise<T>): Promise<T> {
    return this.call(op, run);
  }

  /** Connects an adapter and loads the plan, the user and actuals through it. */
  async connect(adapter: CrmAdapter | null): Promise<void> {
    this.disposed = false;
    this.unsubscribeAdapter?.();
    this.unsubscribeAdapter = null;
    this.adapter = adapter;
    if (!adapter) return;
    await this.load();
    // A built-in adapter hands its own frozen plan to the store's subscription (no copy per push).
    if (adapter.subscribe && this.adapter === adapter) {
      const shared = (adapter as { [SHARED_LOADS]?: SharedLoads })[SHARED_LOADS];
      // A host's subscribe that throws, or returns no function, costs the live updates only.
      try {
        const off: unknown = shared?.subscribe ? shared.subscribe((u) => this.receive(u)) : adapter.subscribe((u) => this.receive(u));
        this.unsubscribeAdapter = typeof off === 'function' ? (off as () => void) : null;
      } catch (e) {
        this.saveError = toStoreError(e, 'load-failed');
        this.emit('save');
      }
    }
  }

  /** A plan pushed while a save was in flight: handled after it, unless it is that save's own echo. */
  private deferredPush: unknown = null;

  /** A pushed update from the host: parsed like every payload; a bad one is reported, not applied. */
  private receive(u: unknown): void {
    if (this.saveState === 'saving' && (u as { type?: unknown })?.type === 'plan') {
      this.deferredPush = u;
      return;
    }
    try {
      const update = u as { type?: unknown; snapshot?: unknown };
      if (update?.type === 'plan') {
        if (isLargePlan(update.snapshot)) {
          void this.receiveSliced(update.snapshot);
          return;
        }
        // A smaller plan pushed since supersedes one still being parsed in slices.
        this.pushToken++;
        // A plan the built-in adapter validated and froze (`trusted.ts`) is taken as it is.
        const snapshot = isTrustedPlan(update.snapshot) ? update.snapshot : quickPlanSnapshot(update.snapshot, { source: 'subscribe' });
        if (!snapshot) return this.receiveChecked(u);
        if (this.snapshot && snapshot.plan.version < this.snapshot.plan.version) return;
        this.rebase(snapshot);
      } else if (update?.type === 'actuals') {
        const actuals = quickActualsSnapshot(update.snapshot, { source: 'subscribe', ...(this.snapshot ? { plan: this.snapshot } : {}) });
        if (!actuals) return this.receiveChecked(u);
        if (this.state) this.state = withPlanData(this.state, { actuals });
        this.emit('data');
      } else {
        throw invalidData('subscribe', [{ path: ['type'], message: `expected "plan" or "actuals", got ${JSON.stringify(update?.type)}` }]);
      }
    } catch (e) {
      this.saveError = toStoreError(e, 'invalid-data');
      this.emit('save');
    }
  }

  private pushToken = 0;

  /**
   * A large pushed plan (`isLargePlan`), parsed and indexed in slices like a load: checked like
   * every payload (a plan the adapter validated and froze is taken as it is), an older version
   * than the one shown is dropped, pending edits stay on top. A newer push, a load or
   * `disconnect()` meanwhile drops it; a bad one is reported like any bad push.
   */
  private async receiveSliced(raw: unknown): Promise<void> {
    const token = ++this.pushToken;
    const loadToken = this.loadToken;
    const live = () => token === this.pushToken && loadToken === this.loadToken && !this.disposed;
    const options = { source: 'subscribe' };
    const older = (s: PlanSnapshot) => !!this.snapshot && s.plan.version < this.snapshot.plan.version;
    try {
      const parsed = await this.sliced(planSnapshotSteps(raw, options), live);
      if (!live()) return;
      const snapshot = parsed ?? (await loadFullCheck()).parsePlanSnapshot(raw, options);
      if (!live() || older(snapshot)) return;
      const state = this.state;
      // The org index is kept when the org is the same (frozen) array: a save changes targets only.
      const built = await this.sliced(readModelSteps(snapshot, state && state.org === snapshot.org && Object.isFrozen(snapshot.org) ? state.index : undefined), live);
      if (!built || !live() || older(snapshot)) return;
      this.rebase(snapshot, true, this.state?.actuals ?? null, built);
    } catch (e) {
      if (!live()) return;
      this.saveError = toStoreError(e, 'invalid-data');
      this.emit('save');
    }
  }

  /** A pushed update the fast check declined: received again once the full (zod) check is loaded. */
  private receiveChecked(u: unknown): void {
    void loadFullCheck().then(
      () => {
        if (!this.disposed) this.receive(u);
      },
      (e: unknown) => {
        this.saveError = toStoreError(e, 'load-failed');
        this.emit('save');
      },
    );
  }

  get hasAdapter(): boolean {
    return this.adapter !== null;
  }

  /** (Re)loads everything through the adapter. Pending edits survive and are re-applied on top. */
  async load(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter) {
      this.fail({ code: 'no-adapter', message: 'No adapter is connected.' });
      return;
    }
    const token = ++this.loadToken;
    this.status = 'loading';
    this.error = null;
    this.emit('status');
    try {
      // A built-in adapter hands its own validated, frozen state to the store (no copy, no second
      // parse: `adapter/trusted.ts`); any other adapter's payloads are parsed below.
      const loads: Pick<CrmAdapter, 'loadPlan' | 'loadActuals'> = (adapter as { [SHARED_LOADS]?: SharedLoads })[SHARED_LOADS] ?? adapter;
      const [rawPlan, rawUser] = await Promise.all([
        this.call('loadPlan', () => loads.loadPlan()),
        this.call('currentUser', () => adapter.currentUser()).catch(() => null),
      ]);
      // A large org (100,000 people) is parsed and indexed in slices (`sliced`), so the page can
      // paint and take input meanwhile; a payload the fast path declines is parsed with zod, which
      // lists every issue.
      const live = () => token === this.loadToken;
      const planOptions = { source: 'loadPlan' };
      const snapshot = (await this.sliced(planSnapshotSteps(rawPlan, planOptions), live)) ?? (await loadFullCheck()).parsePlanSnapshot(rawPlan, planOptions);
      if (!live()) return;
      const user = rawUser === null ? null : (quickUser(rawUser, { source: 'currentUser' }) ?? (await loadFullCheck()).parseUser(rawUser, { source: 'currentUser' }));
      const { fiscalYear, calendar } = snapshot.plan;
      const from = periodRange(`FY${fiscalYear - this.options.historyYears}`, calendar).start;
      const to = periodRange(`FY${fiscalYear}`, calendar).end;
      const rawActuals = await this.call('loadActuals', () => loads.loadActuals({ from, to }));
      const actualsOptions = { source: 'loadActuals', plan: snapshot };
      const actuals = (await this.sliced(actualsSnapshotSteps(rawActuals, actualsOptions), live)) ?? (await loadFullCheck()).parseActualsSnapshot(rawActuals, actualsOptions);
      if (!live()) return;
      // The read model's indexes (org positions, the cell table), in slices too.
      const built = await this.sliced(readModelSteps(snapshot), live);
      if (!live()) return;
      this.user = user;
      this.rebase(snapshot, false, actuals, built);
      this.restorePending(snapshot);
      // The first roll-ups every element reads, a slice at a time, before the elements ask for
      // them (at 100,000 people each would otherwise be one long task in the first element).
      await this.warmUp();
      if (token !== this.loadToken) return;
      this.status = 'ready';
      this.emit('status');
      if (this.pendingKeys.size) this.scheduleSave();
    } catch (e) {
      if (token !== this.loadToken) return;
      this.fail(toStoreError(e, 'load-failed'));
    }
  }

  /** Shows data given directly (Storybook, hosts without an adapter). Clears undo history. */
  setData(snapshot: PlanSnapshot, actuals: ActualsSnapshot | null = null, user: User | null = null): void {
    this.loadToken++;
    this.snapshot = snapshot;
    this.user = user;
    this.pendingKeys.clear();
    this.host = CellTable.from(snapshot.targets);
    this.state = createPlanState(snapshot, { actuals, asOf: this.asOf, cells: this.host });
    this.undoStack = [];
    this.redoStack = [];
    this.status = 'ready';
    this.error = null;
    this.emit('status');
    void this.warmUp();
  }

  /**
   * Resolves once the read model's first roll-ups (records' org positions, the fiscal year's
   * targets) are computed for the current data: `load()` waits for it before `ready`, `setData`
   * and pushed updates warm up in the background. Figures never depend on it.
   */
  whenWarm(): Promise<void> {
    return this.warming;
  }

  /**
   * Runs `steps` to the end a slice at a time (`sliceMs` of work, then the page gets the event loop
   * back), like the warm-up. Resolves to their result, or to undefined once `live()` is false (a
   * newer load, or `disconnect()`): the rest is not computed.
   */
  private async sliced<T>(steps: Steps<T>, live: () => boolean): Promise<T | undefined> {
    const budget = this.options.sliceMs;
    for (;;) {
      await nextTask();
      if (!live()) {
        steps.return(undefined as T);
        return undefined;
      }
      const t0 = performance.now();
      let r = steps.next();
      while (!r.done && performance.now() - t0 < budget) r = steps.next();
      if (r.done) return r.value;
    }
  }

  private warming: Promise<void> = Promise.resolve();
  private warmToken = 0;

  private warmUp(): Promise<void> {
    const token = ++this.warmToken;
    const state = this.state;
    if (!state) return (this.warming = Promise.resolve());
    const steps = warmUpSteps(state);
    // A failure here changes nothing shown: the selectors compute on first use.
    return (this.warming = this.sliced(steps, () => token === this.warmToken && !this.disposed).then(
      () => undefined,
      () => undefined,
    ));
  }

  /** Puts the store in the error state (e.g. the host handed it data that failed validation). */
  fail(error: StoreError): void {
    this.status = 'error';
    this.error = error;
    this.emit('status');
  }

  setLoading(): void {
    this.status = 'loading';
    this.error = null;
    this.emit('status');
  }

  /** Replaces the host's data but keeps local pending edits (and removals) on top. */
  private rebase(snapshot: PlanSnapshot, notify = true, actuals: ActualsSnapshot | null = this.state?.actuals ?? null, built?: ReadModelParts): void {
    const local = this.state?.cells;
    this.snapshot = snapshot;
    this.host = built?.host ?? CellTable.from(snapshot.targets);
    let cells = this.host;
    if (local && this.pendingKeys.size) {
      const set: TargetCell[] = [];
      const remove: string[] = [];
      for (const k of this.pendingKeys) {
        const c = local.get(k);
        if (c) set.push(c);
        else remove.push(k);
      }
      cells = cells.with(set, remove).table;
    }
    // The org index is kept when the org is the same (frozen) array (a pushed save changes targets only).
    const index = built?.index ?? (this.state && this.state.org === snapshot.org && Object.isFrozen(snapshot.org) ? this.state.index : undefined);
    this.state = createPlanState(snapshot, { actuals, asOf: this.asOf, cells, ...(index ? { index } : {}) });
    this.recheckPending();
    if (notify) {
      this.emit('data');
      void this.warmUp();
    }
  }

  get plan() {
    return this.state?.plan ?? this.snapshot?.plan ?? null;
  }

  get org(): readonly OrgNode[] {
    return this.state?.org ?? [];
  }

  get actuals(): ActualsSnapshot | null {
    return this.state?.actuals ?? null;
  }

  /** The target cell for a node × period × metric × product, if one is set. */
  getCell(nodeId: string, period: string, metric: MetricId, product?: string | null): TargetCell | undefined {
    return this.state?.cells.get({ nodeId, period, metric, product });
  }

  /** All target cells as they stand now (host data plus local edits); one shared array per state. */
  targets(): readonly TargetCell[] {
    return this.state ? targetCells(this.state) : [];
  }

  /** Cells edited here and not confirmed yet (removals are not listed: see `pendingCount`). */
  pendingCells(): TargetCell[] {
    const cells = this.state?.cells;
    if (!cells) return [];
    return [...this.pendingKeys].map((k) => cells.get(k)).filter((c): c is TargetCell => !!c);
  }

  /** Whether a cell was edited here and is not saved yet. */
  isPending(cell: { nodeId: string; period: string; metric: string; product?: string | null }): boolean {
    return this.pendingKeys.has(cellKey(cell));
  }

  get pendingCount(): number {
    return this.pendingKeys.size;
  }

  /** Whether targets of periods that ended before `asOf` are refused (the `lockClosedPeriods` option, default true). */
  get locksClosedPeriods(): boolean {
    return this.options.lockClosedPeriods;
  }

  /** May the signed-in user make these changes? The first refusal, or null. */
  checkEdits(changes: readonly { before: TargetCell | undefined; after: TargetCell | undefined }[]): EditRefusal | null {
    const state = this.state;
    if (!state) return { code: 'no-plan', message: 'No plan is loaded.', cell: '' };
    // A store fed by properties alone (Storybook, a host without an adapter) has no identity to check.
    if (!this.adapter && !this.user) return null;
    const r = checkCellEdits(this.user, changes, {
      index: state.index,
      calendar: state.plan.calendar,
      asOf: this.asOf,
      lockClosedPeriods: this.options.lockClosedPeriods,
      isRecorded: (k) => this.host.has(k),
    });
    return r ? { code: r.reason, message: `${r.reason}: ${r.cell}`, params: r.params, cell: r.cell } : null;
  }

  /** May the signed-in user edit targets of this node at all (role and scope)? The refusal, or null. */
  mayEdit(nodeId: string): EditRefusal | null {
    const state = this.state;
    if (!state || (!this.adapter && !this.user)) return null;
    const v = canEditNode(this.user, nodeId, state.index);
    return v.allowed ? null : { code: v.reason, message: `${v.reason}: ${nodeId}`, params: v.params, cell: nodeId };
  }

  /**
   * Applies target cells as one undoable step, e.g. an edited cell with its rebalanced siblings.
   * All or nothing: when the signed-in user may not make one of the changes (scope, lock, closed
   * period), nothing changes and the refusal says why. The cells are saved through the adapter
   * (after `autosaveMs`, or on `save()`).
   */
  applyCells(cells: readonly TargetCell[], options: { label?: string; source?: TargetSource } = {}): StoreEditResult {
    if (cells.length === 0 || !this.state) return { ok: true };
    const after = cells.map((c) => ({ ...c, source: options.source ?? c.source ?? 'manual' }));
    const keys = after.map(cellKey);
    const before = after.map((c) => this.state!.cells.get(c));
    const refused = this.checkEdits(after.map((c, i) => ({ before: before[i], after: c })));
    if (refused) return { ok: false, error: refused };
    this.undoStack.push({ label: options.label ?? 'edit', before, after, keys });
    this.redoStack = [];
    this.write(keys, after);
    return { ok: true };
  }

  /**
   * Saves cells through the adapter at once and only then shows them: all or nothing, outside the
   * undo history. For changes that must not exist half-way or be undone behind an audit trail
   * (an approved target adjustment). Checked like every edit; on a refusal, a conflict or a
   * failure nothing changes here and the error says why. Without an adapter the cells are applied locally.
   */
  async commitCells(cells: readonly TargetCell[], options: { source?: TargetSource } = {}): Promise<{ ok: true } | { ok: false; error: StoreError }> {
    const state = this.state;
    if (!state) return { ok: false, error: { code: 'no-plan', message: 'No plan is loaded.' } };
    const stamped = cells.map((c) => ({ ...c, source: options.source ?? c.source ?? 'manual' }));
    const refused = this.checkEdits(stamped.map((c) => ({ before: state.cells.get(c), after: c })));
    if (refused) return { ok: false, error: refused };
    if (!this.adapter) {
      this.state = withTargetChanges(state, { set: stamped });
      this.emit('targets');
      return { ok: true };
    }
    const adapter = this.adapter;
    try {
      const reply = await this.call('saveTargets', () => adapter.saveTargets({ baseVersion: state.plan.version, cells: stamped }));
      this.adoptVersion((quickSaveResult(reply, { source: 'saveTargets' }) ?? (await loadFullCheck()).parseSaveResult(reply, { source: 'saveTargets' })).version);
      this.host = this.host.with(stamped).table;
      this.state = withTargetChanges(this.state!, { set: stamped });
      for (const c of stamped) this.pendingKeys.delete(cellKey(c));
      this.persistPending();
      this.emit('targets');
      return { ok: true };
    } catch (e) {
      return { ok: false, error: toStoreError(e, 'save-failed') };
    }
  }

  private write(keys: readonly string[], cells: readonly (TargetCell | undefined)[]): void {
    const set: TargetCell[] = [];
    const remove: string[] = [];
    keys.forEach((k, i) => {
      const c = cells[i];
      if (c) set.push(c);
      else remove.push(k);
      this.pendingKeys.add(k);
      if (c?.locked) this.unlockedHere.delete(k);
      else if (c && this.state!.cells.get(k)?.locked) this.unlockedHere.add(k);
    });
    this.state = withTargetChanges(this.state!, { set, remove });
    this.persistPending();
    this.emit('targets');
    this.scheduleSave();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /**
   * Undoes the last step: its cells go back to what they were, and a cell the step created is
   * removed. The undo is itself an edit, checked and saved like any other (a lock set since, or a
   * period closed since, refuses it and the step stays on the stack).
   */
  undo(): boolean {
    const step = this.undoStack[this.undoStack.length - 1];
    if (!step || !this.state) return false;
    const now = step.keys.map((k) => this.state!.cells.get(k));
    if (this.checkEdits(step.keys.map((_, i) => ({ before: now[i], after: step.before[i] })))) return false;
    this.undoStack.pop();
    this.redoStack.push(step);
    this.write(step.keys, step.before);
    return true;
  }

  redo(): boolean {
    const step = this.redoStack[this.redoStack.length - 1];
    if (!step || !this.state) return false;
    const now = step.keys.map((k) => this.state!.cells.get(k));
    if (this.checkEdits(step.keys.map((_, i) => ({ before: now[i], after: step.after[i] })))) return false;
    this.redoStack.pop();
    this.undoStack.push(step);
    this.write(step.keys, step.after);
    return true;
  }

  setFocus(focus: Partial<Focus>): void {
    const next = { ...this.focus, ...focus };
    if (
      next.nodeId === this.focus.nodeId &&
      next.period === this.focus.period &&
      next.metric === this.focus.metric &&
      next.product === this.focus.product
    ) {
      return;
    }
    this.focus = next;
    this.emit('focus');
  }

  /** Adds lazily loaded children of a node (see `CrmAdapter.loadChildren`), parsed and checked against the org. */
  async loadChildren(nodeId: string): Promise<OrgNode[]> {
    const adapter = this.adapter;
    if (!adapter?.loadChildren || !this.state) return [];
    const raw = await this.call('loadChildren', () => adapter.loadChildren!(nodeId));
    const kids = quickOrgNodes(raw, { source: 'loadChildren', parentId: nodeId }) ?? (await loadFullCheck()).parseOrgNodes(raw, { source: 'loadChildren', parentId: nodeId });
    const state = this.state;
    const fresh = kids.filter((k) => !state.index.byId.has(k.id));
    if (fresh.length) {
      const org = [...state.org, ...fresh];
      const issues = checkOrg(org, { partial: true });
      if (issues.length) throw invalidData('loadChildren', issues);
      this.snapshot = this.snapshot && { ...this.snapshot, org };
      this.state = withPlanData(state, { org });
      this.emit('data');
    }
    return kids;
  }

  private scheduleSave(delay: number | false = this.options.autosaveMs): void {
    if (!this.adapter || delay === false || this.saveState === 'conflict') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, delay);
  }

  /**
   * Saves planning inputs — reps' commitments, market size/share, the blend (issue 16 item 1), the
   * new-product minimum share of targets (item 3):
   * checked against the signed-in user first (a rep only their own commitment), then sent with
   * the plan version through the adapter's `saveInputs`; without an adapter they change the data
   * in place. Resolves to null, or the refusal or failure (nothing is changed then).
   */
  async saveInputs(change: Omit<PlanInputsChange, 'baseVersion'>): Promise<StoreError | null> {
    const snap = this.snapshot;
    if (!snap || !this.state) return { code: 'not-ready', message: 'the plan is not loaded' };
    const full: PlanInputsChange = { ...change, baseVersion: snap.plan.version };
    if (this.user || this.adapter) {
      const v = checkInputsChange(this.user, full, this.state.index);
      if (!v.allowed) return { code: v.reason, message: v.reason, params: v.params };
    }
    let version = snap.plan.version;
    if (this.adapter) {
      if (!this.adapter.saveInputs) return { code: 'not-supported', message: 'the adapter cannot save planning inputs' };
      try {
        const reply = await this.call('saveInputs', () => this.adapter!.saveInputs!(full));
        const r = quickSaveResult(reply, { source: 'saveInputs' }) ?? (await loadFullCheck()).parseSaveResult(reply, { source: 'saveInputs' });
        version = r.version;
      } catch (e) {
        return toStoreError(e, 'save-failed');
      }
    }
    const by = this.user ? { by: this.user.id } : {};
    const current = this.snapshot ?? snap;
    this.rebase({
      ...current,
      plan: { ...current.plan, version: Math.max(version, current.plan.version), ...(change.newProductMinShare !== undefined ? { newProductMinShare: change.newProductMinShare } : {}) },
      ...(change.commitments ? { commitments: mergeInputs(current.commitments, change.commitments.map((c) => ({ ...c, ...by })), commitmentKey) } : {}),
      ...(change.market ? { market: mergeInputs(current.market, change.market, marketKey) } : {}),
      ...(change.blend ? { blend: change.blend } : {}),
      ...(change.ramps?.length ? { org: withRamps(current.org, change.ramps) } : {}),
    });
    return null;
  }

  /** Moves the plan version on after a confirmed save. */
  private adoptVersion(version: number): void {
    if (this.snapshot) this.snapshot = { ...this.snapshot, plan: { ...this.snapshot.plan, version } };
    if (this.state) this.state = withPlanData(this.state, { plan: { ...this.state.plan, version } });
  }

  /**
   * Sends pending edits (and removals) with the plan version they were based on. On success the
   * version moves on and the cells sent are confirmed (an edit made meanwhile stays pending); on a
   * network failure or a timeout the store retries (`retrying`), then gives up with `error`; on a
   * conflict the edits stay pending (`conflict`). A save that answers after its timeout is still
   * reconciled: if the plan is still at the version it was based on, its cells are confirmed.
   */
  async save(): Promise<boolean> {
    const adapter = this.adapter;
    const state = this.state;
    if (!adapter || !state || this.pendingKeys.size === 0 || this.saveState === 'saving') return false;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const sent = new Map<string, TargetCell | undefined>();
    const cells: TargetCell[] = [];
    const removed: TargetCell[] = [];
    // A cell the host holds locked and that was unlocked and changed here: the host takes a locked
    // cell's unlock only, so the unlock goes first, alone, and the new values follow at once.
    const unlocks: TargetCell[] = [];
    for (const k of this.pendingKeys) {
      const atHost = this.host.get(k);
      const c = state.cells.get(k);
      if (atHost?.locked && c && !c.locked && this.unlockedHere.has(k) && (c.value !== atHost.value || (c.original ?? null) !== (atHost.original ?? null))) {
        unlocks.push({ ...atHost, locked: false });
      }
    }
    if (unlocks.length) {
      for (const u of unlocks) {
        sent.set(cellKey(u), u);
        cells.push(u);
      }
    } else {
      for (const k of this.pendingKeys) {
        const c = state.cells.get(k);
        sent.set(k, c);
        // A removal is always sent, even of a cell the host is not known to hold: a save that timed
        // out, or one made before a reload, may have put it there after all.
        if (c) cells.push(c);
        else removed.push(this.host.get(k) ?? refOfKey(k));
      }
    }
    const baseVersion = state.plan.version;
    const token = ++this.saveToken;
    this.saveState = 'saving';
    this.saveError = null;
    this.emit('save');
    const request = Promise.resolve().then(() => adapter.saveTargets({ baseVersion, cells, ...(removed.length ? { removed: removed.map(refOf) } : {}) }));
    try {
      const reply = await this.call('saveTargets', () => request);
      if (token !== this.saveToken) return false;
      this.confirm(sent, (quickSaveResult(reply, { source: 'saveTargets' }) ?? (await loadFullCheck()).parseSaveResult(reply, { source: 'saveTargets' })).version);
      // The unlocks are on record: now the values (the host holds them unlocked, so this ends).
      return unlocks.length ? this.save() : true;
    } catch (e) {
      if (token !== this.saveToken) return false;
      const err = toStoreError(e, 'save-failed');
      if (err.code === 'timeout') {
        // The host may still answer: reconcile it by version when it does.
        request.then(
          async (reply) => {
            const version = (quickSaveResult(reply, { source: 'saveTargets' }) ?? (await loadFullCheck()).parseSaveResult(reply, { source: 'saveTargets' })).version;
            // Still on the version it was based on, or the host already pushed the plan it made.
            const now = this.state?.plan.version;
            if (!this.disposed && (now === baseVersion || now === version)) this.confirm(sent, version);
          },
          () => {},
        );
      }
      this.retries++;
      const retryable = err.code === 'network' || err.code === 'timeout';
      const wait = this.options.retryDelaysMs[this.retries - 1];
      this.saveState = err.code === 'conflict' ? 'conflict' : retryable && wait !== undefined ? 'retrying' : 'error';
      this.saveError = err.code === 'conflict' ? { ...err, code: 'save-conflict' } : err;
      this.emit('save');
      this.flushDeferredPush();
      if (this.saveState === 'retrying') this.scheduleSave(wait);
      return false;
    }
  }

  /** Handles a plan pushed during a save, unless it is no newer than what the store has now. */
  private flushDeferredPush(): void {
    const u = this.deferredPush as { snapshot?: { plan?: { version?: unknown } } } | null;
    this.deferredPush = null;
    if (!u) return;
    const version = u.snapshot?.plan?.version;
    if (typeof version === 'number' && this.state && version <= this.state.plan.version) return;
    this.receive(u);
  }

  /** The adapter confirmed `sent` at `version`: what is unchanged since is no longer pending. */
  private confirm(sent: ReadonlyMap<string, TargetCell | undefined>, version: number): void {
    this.adoptVersion(version);
    const set: TargetCell[] = [];
    const remove: string[] = [];
    for (const [k, c] of sent) (c ? set.push(c) : remove.push(k));
    this.host = this.host.with(set, remove).table;
    const cells = this.state?.cells;
    for (const [k, c] of sent) {
      // What the host now holds is what the user sees: confirmed. Anything changed since (an edit
      // made while the save was in flight, or an undo made after it timed out) is sent next.
      if (cells?.get(k) === c) {
        this.pendingKeys.delete(k);
        this.unlockedHere.delete(k);
      } else this.pendingKeys.add(k);
    }
    this.retries = 0;
    this.saveToken++;
    this.saveState = this.pendingKeys.size ? 'idle' : 'saved';
    this.saveError = null;
    this.persistPending();
    this.emit('save');
    this.flushDeferredPush();
    if (this.pendingKeys.size) this.scheduleSave();
  }

  /** Tries the save again now (after `error` or while `retrying`). */
  retry(): Promise<boolean> {
    this.retries = 0;
    if (this.saveState === 'conflict') return this.reloadAndReapply().then(() => this.saveState === 'saved');
    this.saveState = 'idle';
    return this.save();
  }

  /** After a conflict: loads the host's newer plan, re-applies the pending edits on top, saves. */
  async reloadAndReapply(): Promise<void> {
    this.saveState = 'idle';
    this.saveToken++;
    await this.load();
    if (this.status === 'ready') await this.save();
  }

  // ---- pending edits kept across reloads ------------------------------------------------------

  private pendingId(planId: string): string {
    return `${planId}|${this.user?.id ?? ''}`;
  }

  /**
   * Writes the pending edits to local storage: at once (a crash right after an edit loses
   * nothing), or, for very large sets (a whole plan decomposed), once per burst of edits.
   */
  private persistPending(): void {
    if (!this.pendingStorage || this.persistTimer) return;
    if (this.pendingKeys.size <= 20_000) {
      this.flushPending();
      return;
    }
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      this.flushPending();
    }, 0);
  }

  /** Writes the pending edits to local storage now. */
  flushPending(): void {
    if (this.disposed) return;
    const storage = this.pendingStorage;
    const state = this.state;
    if (!storage || !state) return;
    const id = this.pendingId(state.plan.id);
    if (!this.pendingKeys.size) {
      storage.clear(id);
      return;
    }
    const cells: TargetCell[] = [];
    const removed: string[] = [];
    for (const k of this.pendingKeys) {
      const c = state.cells.get(k);
      if (c) cells.push(c);
      else removed.push(k);
    }
    storage.save(id, { baseVersion: state.plan.version, cells, removed });
  }

  /** After a (re)load: edits a closed tab or a crash left behind are pending again, on top. */
  private restorePending(snapshot: PlanSnapshot): void {
    const storage = this.pendingStorage;
    if (!storage || this.pendingKeys.size) return;
    const record = storage.load(this.pendingId(snapshot.plan.id));
    if (!record) return;
    const valid = quickPendingRecord(record);
    if (valid === undefined) {
      // Only the full (zod) check can decide: the edits are restored once it has (rare: a record
      // the zod-free check is not sure about).
      void loadFullCheck().then(
        (m) => {
          if (this.disposed || this.pendingKeys.size || this.snapshot?.plan.id !== snapshot.plan.id || !this.state) return;
          if (!m.isPendingRecord(record)) return storage.clear(this.pendingId(snapshot.plan.id));
          this.applyPending(record);
          this.recheckPending();
          this.emit('targets');
          if (this.status === 'ready') this.scheduleSave();
        },
        () => {},
      );
      return;
    }
    if (!valid) {
      storage.clear(this.pendingId(snapshot.plan.id));
      return;
    }
    this.applyPending(record);
    this.recheckPending();
  }

  /**
   * The pending edits checked again against the host's plan as it is now (after a push, a reload,
   * or restored from storage): an edit that a lock set since, a period closed since or a scope
   * narrowed since refuses is not kept nor sent — the host's cell shows again — and the first
   * refusal becomes the save error, in the user's words. An unlock made here still counts (its cell
   * is checked as unlocked); one from before a reload is not known here, so it is asked for again.
   */
  private recheckPending(): void {
    const state = this.state;
    if (!state || !this.pendingKeys.size || (!this.adapter && !this.user)) return;
    const drop: string[] = [];
    let first: EditRefusal | null = null;
    for (const k of this.pendingKeys) {
      const atHost = this.host.get(k);
      const after = state.cells.get(k);
      if (!atHost && !after) continue;
      const before = atHost?.locked && this.unlockedHere.has(k) ? { ...atHost, locked: false } : atHost;
      const refused = this.checkEdits([{ before, after }]);
      if (refused) {
        drop.push(k);
        first ??= refused;
      }
    }
    if (!first) return;
    const set: TargetCell[] = [];
    const remove: string[] = [];
    for (const k of drop) {
      this.pendingKeys.delete(k);
      this.unlockedHere.delete(k);
      const atHost = this.host.get(k);
      if (atHost) set.push(atHost);
      else remove.push(k);
    }
    this.state = withTargetChanges(state, { set, remove });
    this.saveState = 'error';
    this.saveError = first;
    this.persistPending();
    this.emit('save');
  }

  private applyPending({ cells, removed }: PendingRecord): void {
    for (const c of cells) this.pendingKeys.add(cellKey(c));
    for (const k of removed) this.pendingKeys.add(k);
    this.state = withTargetChanges(this.state!, { set: cells, remove: removed });
  }

  /**
   * Stops listening to the adapter. Pending edits are written to storage one last time; after that
   * this store never writes there again (a save still in flight may land at the host, but the
   * storage now belongs to whichever store loads the plan next — another tab, or this page reloaded).
   */
  disconnect(): void {
    this.unsubscribeAdapter?.();
    this.unsubscribeAdapter = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    if (this.persistTimer) {
      clearTimeout(this.persistTimer);
      this.persistTimer = null;
      this.flushPending();
    }
    this.disposed = true;
  }
}

/** The cell a `cellKey` names (node ids may hold `|`: the other three parts never do). */
function refOfKey(key: string): TargetCell {
  const parts = key.split('|');
  const product = parts.pop()!;
  const metric = parts.pop()! as TargetCell['metric'];
  const period = parts.pop()!;
  return { nodeId: parts.join('|'), period, metric, value: 0, ...(product ? { product } : {}) };
}

const refOf = (c: TargetCell) => ({ nodeId: c.nodeId, period: c.period, metric: c.metric, ...(c.product !== undefined ? { product: c.product } : {}) });
