/**
 * The read side of the store, alone: what a display element (gauge, pace chart) reads — the plan's
 * read model (`state`), the focus, the status — and nothing of editing (pending edits, undo,
 * autosave, saving, conflicts, persistence, adjustments) or of the adapter. A standalone element
 * given `.data` builds one of these (`src/internal/read-data-store.ts`), so a page that shows one
 * gauge does not load the editing store or zod (issue 14). Under a provider, elements read the
 * provider's `QkStore`, which has the same read surface (`StoreView`).
 */
import type { ActualsSnapshot, MetricId, OrgNode, PlanSnapshot, TargetCell, User } from '../engine/plan/model.js';
import { createPlanState, targetCells, CellTable, type PlanState } from '../engine/plan/plan-state.js';
import type { ChangeKind, Focus, SaveState, StoreStatus } from './store.js';
import type { StoreError } from './errors.js';

/**
 * What an element reads of a store. `QkStore` (the editing store of `qk-provider`) and `ReadStore`
 * (a standalone display element's own) are both one.
 */
export interface StoreView {
  readonly status: StoreStatus;
  readonly error: StoreError | null;
  readonly saveState: SaveState;
  readonly saveError: StoreError | null;
  readonly snapshot: PlanSnapshot | null;
  readonly user: User | null;
  readonly focus: Focus;
  /** The read model (null until a plan is shown). */
  readonly state: PlanState | null;
  readonly revision: number;
  readonly dataRevision: number;
  readonly asOf: string;
  readonly hasAdapter: boolean;
  readonly pendingCount: number;
  subscribe(listener: (store: StoreView, change: ChangeKind) => void): () => void;
  setFocus(focus: Partial<Focus>): void;
  load(): Promise<void>;
  retry(): Promise<boolean>;
}

/** A store that only shows the data it is given: no adapter, no edits, nothing to save. */
export class ReadStore implements StoreView {
  status: StoreStatus = 'idle';
  error: StoreError | null = null;
  readonly saveState: SaveState = 'idle';
  readonly saveError: StoreError | null = null;
  readonly hasAdapter = false;
  readonly pendingCount = 0;
  snapshot: PlanSnapshot | null = null;
  user: User | null = null;
  focus: Focus = { nodeId: null, period: null, metric: 'revenue', product: null };
  state: PlanState | null = null;
  /** Increments on every change, focus included. */
  revision = 0;
  /** Increments only when data changes: the memo key of data views. */
  dataRevision = 0;
  /** The day treated as today (`YYYY-MM-DD`). */
  readonly asOf: string;
  private readonly listeners = new Set<(store: ReadStore, change: ChangeKind) => void>();

  constructor(options: { asOf?: string } = {}) {
    this.asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  }

  subscribe(listener: (store: ReadStore, change: ChangeKind) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(change: ChangeKind): void {
    this.revision++;
    if (change !== 'focus' && change !== 'save') this.dataRevision++;
    for (const l of [...this.listeners]) l(this, change);
  }

  /** Shows a plan (and actuals) that are already valid. */
  setData(snapshot: PlanSnapshot, actuals: ActualsSnapshot | null = null, user: User | null = null): void {
    this.snapshot = snapshot;
    this.user = user;
    this.state = createPlanState(snapshot, { actuals, asOf: this.asOf, cells: CellTable.from(snapshot.targets) });
    this.status = 'ready';
    this.error = null;
    this.emit('status');
  }

  /** Puts the store in the error state (e.g. data that failed validation). */
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

  setFocus(focus: Partial<Focus>): void {
    const next = { ...this.focus, ...focus };
    const f = this.focus;
    if (next.nodeId === f.nodeId && next.period === f.period && next.metric === f.metric && next.product === f.product) return;
    this.focus = next;
    this.emit('focus');
  }

  /** Nothing to load from: the data is given. */
  load(): Promise<void> {
    return Promise.resolve();
  }

  /** Nothing to save. */
  retry(): Promise<boolean> {
    return Promise.resolve(false);
  }

  get plan() {
    return this.state?.plan ?? null;
  }

  get org(): readonly OrgNode[] {
    return this.state?.org ?? [];
  }

  get actuals(): ActualsSnapshot | null {
    return this.state?.actuals ?? null;
  }

  getCell(nodeId: string, period: string, metric: MetricId, product?: string | null): TargetCell | undefined {
    return this.state?.cells.get({ nodeId, period, metric, product });
  }

  targets(): readonly TargetCell[] {
    return this.state ? targetCells(this.state) : [];
  }
}
