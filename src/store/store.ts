/**
 * The shared client-side state of a dashboard: plan, targets, actuals, pending edits, undo/redo and
 * the current focus. Plain TypeScript (no DOM, no Lit). `qk-provider` creates one and hands it to
 * every element below it through @lit/context, so an edit in the goal tree updates the gauge.
 *
 * Edits are applied locally at once (one undo step per call), kept as pending until the adapter
 * confirms the save, and never dropped: a failed or conflicting save keeps them pending, and
 * `reloadAndReapply()` re-bases them on the host's newer plan.
 */
import { cellKey, type ActualsSnapshot, type MetricId, type OrgNode, type PlanSnapshot, type TargetCell, type TargetSource, type User } from '../engine/model.js';
import { periodRange } from '../engine/periods.js';
import type { CrmAdapter } from '../adapter/adapter.js';
import { toStoreError, type StoreError } from './errors.js';

export type StoreStatus = 'idle' | 'loading' | 'ready' | 'error';
export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';


/** What the dashboard is looking at: a row selected in the goal tree moves every widget. */
export interface Focus {
  nodeId: string | null;
  period: string | null;
  metric: MetricId;
  product: string | null;
}

export type ChangeKind = 'status' | 'data' | 'targets' | 'focus' | 'save';
export type StoreListener = (store: QkStore, change: ChangeKind) => void;

interface UndoStep {
  label: string;
  before: (TargetCell | undefined)[];
  after: TargetCell[];
}

export interface StoreOptions {
  /** Save edits through the adapter automatically after this many ms of quiet; `false` to save only on `save()`. */
  autosaveMs?: number | false;
  /** How many fiscal years of history to load before the plan's year (bottom-up view, seasonality). */
  historyYears?: number;
  /** The day the dashboard treats as today (`YYYY-MM-DD`); defaults to the real date. */
  asOf?: string;
}

export { cellKey, toStoreError };
export type { StoreError };

export class QkStore {
  status: StoreStatus = 'idle';
  error: StoreError | null = null;
  saveState: SaveState = 'idle';
  saveError: StoreError | null = null;
  snapshot: PlanSnapshot | null = null;
  actuals: ActualsSnapshot | null = null;
  user: User | null = null;
  focus: Focus = { nodeId: null, period: null, metric: 'revenue', product: null };
  /** Increments on every change; cheap memoization key for views. */
  revision = 0;
  /** The day treated as today (`YYYY-MM-DD`). */
  asOf: string;

  private adapter: CrmAdapter | null = null;
  private readonly targetMap = new Map<string, TargetCell>();
  private readonly pendingKeys = new Set<string>();
  private undoStack: UndoStep[] = [];
  private redoStack: UndoStep[] = [];
  private readonly listeners = new Set<StoreListener>();
  private unsubscribeAdapter: (() => void) | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private loadToken = 0;
  private options: Required<Omit<StoreOptions, 'asOf'>>;

  constructor(options: StoreOptions = {}) {
    this.options = { autosaveMs: options.autosaveMs ?? 800, historyYears: options.historyYears ?? 2 };
    this.asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  }

  /** Changes options after creation (the provider's attributes). */
  configure(options: StoreOptions): void {
    if (options.autosaveMs !== undefined) this.options = { ...this.options, autosaveMs: options.autosaveMs };
    if (options.historyYears !== undefined) this.options = { ...this.options, historyYears: options.historyYears };
    const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
    if (asOf !== this.asOf) {
      this.asOf = asOf;
      this.emit('data');
    }
  }

  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ChangeKind): void {
    this.revision++;
    for (const l of [...this.listeners]) l(this, change);
  }

  /** Connects an adapter and loads the plan, the user and actuals through it. */
  async connect(adapter: CrmAdapter | null): Promise<void> {
    this.unsubscribeAdapter?.();
    this.unsubscribeAdapter = null;
    this.adapter = adapter;
    if (!adapter) return;
    await this.load();
    if (adapter.subscribe && this.adapter === adapter) {
      this.unsubscribeAdapter = adapter.subscribe((u) => {
        if (u.type === 'plan') this.rebase(u.snapshot);
        else {
          this.actuals = u.snapshot;
          this.emit('data');
        }
      });
    }
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
      const [snapshot, user] = await Promise.all([adapter.loadPlan(), adapter.currentUser().catch(() => null)]);
      const { fiscalYear, calendar } = snapshot.plan;
      const from = periodRange(`FY${fiscalYear - this.options.historyYears}`, calendar).start;
      const to = periodRange(`FY${fiscalYear}`, calendar).end;
      const actuals = await adapter.loadActuals({ from, to });
      if (token !== this.loadToken) return;
      this.user = user;
      this.actuals = actuals;
      this.rebase(snapshot, false);
      this.status = 'ready';
      this.emit('status');
    } catch (e) {
      if (token !== this.loadToken) return;
      this.fail(toStoreError(e, 'load-failed'));
    }
  }

  /** Shows data given directly (Storybook, hosts without an adapter). Clears undo history. */
  setData(snapshot: PlanSnapshot, actuals: ActualsSnapshot | null = null, user: User | null = null): void {
    this.loadToken++;
    this.snapshot = snapshot;
    this.actuals = actuals;
    this.user = user;
    this.targetMap.clear();
    this.pendingKeys.clear();
    for (const c of snapshot.targets) this.targetMap.set(cellKey(c), c);
    this.undoStack = [];
    this.redoStack = [];
    this.status = 'ready';
    this.error = null;
    this.emit('status');
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

  /** Replaces the host's data but keeps local pending edits on top. */
  private rebase(snapshot: PlanSnapshot, notify = true): void {
    const pending = this.pendingCells();
    this.snapshot = snapshot;
    this.targetMap.clear();
    for (const c of snapshot.targets) this.targetMap.set(cellKey(c), c);
    for (const c of pending) this.targetMap.set(cellKey(c), c);
    if (notify) this.emit('data');
  }

  get plan() {
    return this.snapshot?.plan ?? null;
  }

  get org(): OrgNode[] {
    return this.snapshot?.org ?? [];
  }

  /** The target cell for a node × period × metric × product, if one is set. */
  getCell(nodeId: string, period: string, metric: MetricId, product?: string | null): TargetCell | undefined {
    return this.targetMap.get(cellKey({ nodeId, period, metric, product }));
  }

  /** All target cells as they stand now (host data plus local edits). */
  targets(): TargetCell[] {
    return [...this.targetMap.values()];
  }

  pendingCells(): TargetCell[] {
    return [...this.pendingKeys].map((k) => this.targetMap.get(k)).filter((c): c is TargetCell => !!c);
  }

  /** Whether a cell was edited here and is not saved yet. */
  isPending(cell: { nodeId: string; period: string; metric: string; product?: string | null }): boolean {
    return this.pendingKeys.has(cellKey(cell));
  }

  get pendingCount(): number {
    return this.pendingKeys.size;
  }

  /**
   * Applies target cells as one undoable step, e.g. an edited cell with its rebalanced siblings.
   * The cells are saved through the adapter (after `autosaveMs`, or on `save()`).
   */
  applyCells(cells: TargetCell[], options: { label?: string; source?: TargetSource } = {}): void {
    if (cells.length === 0) return;
    const after = cells.map((c) => ({ ...c, source: options.source ?? c.source ?? 'manual' }));
    const before = after.map((c) => this.targetMap.get(cellKey(c)));
    this.undoStack.push({ label: options.label ?? 'edit', before, after });
    this.redoStack = [];
    this.write(after);
  }

  /**
   * Saves cells through the adapter at once and only then shows them: all or nothing, outside the
   * undo history. For changes that must not exist half-way or be undone behind an audit trail
   * (an approved target adjustment). On a conflict or a failure nothing changes here and the error
   * says why; without an adapter the cells are applied locally.
   */
  async commitCells(cells: TargetCell[], options: { source?: TargetSource } = {}): Promise<{ ok: true } | { ok: false; error: StoreError }> {
    const stamped = cells.map((c) => ({ ...c, source: options.source ?? c.source ?? 'manual' }));
    const plan = this.snapshot?.plan;
    if (!this.adapter || !plan) {
      for (const c of stamped) this.targetMap.set(cellKey(c), c);
      this.emit('targets');
      return { ok: true };
    }
    try {
      const r = await this.adapter.saveTargets({ baseVersion: plan.version, cells: stamped });
      if (this.snapshot) this.snapshot = { ...this.snapshot, plan: { ...this.snapshot.plan, version: r.version } };
      for (const c of stamped) this.targetMap.set(cellKey(c), c);
      this.emit('targets');
      return { ok: true };
    } catch (e) {
      return { ok: false, error: toStoreError(e, 'save-failed') };
    }
  }

  private write(cells: TargetCell[], removed: string[] = []): void {
    for (const k of removed) {
      this.targetMap.delete(k);
      this.pendingKeys.add(k);
    }
    for (const c of cells) {
      const k = cellKey(c);
      this.targetMap.set(k, c);
      this.pendingKeys.add(k);
    }
    this.emit('targets');
    this.scheduleSave();
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  undo(): boolean {
    const step = this.undoStack.pop();
    if (!step) return false;
    this.redoStack.push(step);
    const restore = step.before.filter((c): c is TargetCell => !!c);
    const removed = step.after.filter((_, i) => !step.before[i]).map(cellKey);
    this.write(restore, removed);
    return true;
  }

  redo(): boolean {
    const step = this.redoStack.pop();
    if (!step) return false;
    this.undoStack.push(step);
    this.write(step.after);
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

  /** Adds lazily loaded children of a node (see `CrmAdapter.loadChildren`). */
  async loadChildren(nodeId: string): Promise<OrgNode[]> {
    if (!this.adapter?.loadChildren || !this.snapshot) return [];
    const kids = await this.adapter.loadChildren(nodeId);
    const known = new Set(this.snapshot.org.map((n) => n.id));
    const fresh = kids.filter((k) => !known.has(k.id));
    if (fresh.length) {
      this.snapshot = { ...this.snapshot, org: [...this.snapshot.org, ...fresh] };
      this.emit('data');
    }
    return kids;
  }

  private scheduleSave(): void {
    if (!this.adapter || this.options.autosaveMs === false || this.saveState === 'conflict') return;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.save();
    }, this.options.autosaveMs);
  }

  /**
   * Sends pending edits with the plan version they were based on. On success the version moves on;
   * on a conflict or failure the edits stay pending and `saveState` says why.
   */
  async save(): Promise<boolean> {
    const adapter = this.adapter;
    const plan = this.snapshot?.plan;
    if (!adapter || !plan || this.pendingKeys.size === 0 || this.saveState === 'saving') return false;
    const sent = [...this.pendingKeys];
    const cells = sent.map((k) => this.targetMap.get(k)).filter((c): c is TargetCell => !!c);
    this.saveState = 'saving';
    this.saveError = null;
    this.emit('save');
    try {
      const r = await adapter.saveTargets({ baseVersion: plan.version, cells });
      if (this.snapshot) this.snapshot = { ...this.snapshot, plan: { ...this.snapshot.plan, version: r.version } };
      for (const k of sent) {
        const now = this.targetMap.get(k);
        const was = cells.find((c) => cellKey(c) === k);
        // An edit made while the save was in flight stays pending.
        if (now === was) this.pendingKeys.delete(k);
      }
      this.saveState = this.pendingKeys.size ? 'idle' : 'saved';
      this.emit('save');
      if (this.pendingKeys.size) this.scheduleSave();
      return true;
    } catch (e) {
      const err = toStoreError(e, 'save-failed');
      this.saveState = err.code === 'conflict' ? 'conflict' : 'error';
      this.saveError = err.code === 'conflict' ? { ...err, code: 'save-conflict' } : err;
      this.emit('save');
      return false;
    }
  }

  /** After a conflict: loads the host's newer plan, re-applies the pending edits on top, saves. */
  async reloadAndReapply(): Promise<void> {
    this.saveState = 'idle';
    await this.load();
    if (this.status === 'ready') await this.save();
  }

  disconnect(): void {
    this.unsubscribeAdapter?.();
    this.unsubscribeAdapter = null;
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
  }
}
