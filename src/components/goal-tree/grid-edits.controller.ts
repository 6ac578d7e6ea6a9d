import type { TargetCell } from '../../engine/plan/model.js';
import { QkErrorEvent, type QkErrorDetail } from '../../events/qk-error.js';
import { QkTargetChangeEvent } from '../../events/qk-target-change.js';
import { planDecomposition, planLockToggle, type GridCellChange } from './goal-tree.model.js';
import type { GoalTreeView, Issue } from './goal-tree.view.js';

/**
 * The goal tree's writes to the store and what they say back: applies planned cells as one undo
 * step (then one `qk-target-change` per changed cell), locks and unlocks, decomposes the plan, and
 * keeps the message line (the last error, the unlock offer) and the live-region announcement.
 */
export class GridEdits {
  private _message = '';
  private _announcement = '';
  private _unlockOffer: { nodeId: string; period: string } | null = null;

  constructor(private readonly view: GoalTreeView) {}

  /** The error message of the last edit ('' for none). */
  get message(): string {
    return this._message;
  }
  set message(v: string) {
    if (v === this._message) return;
    this._message = v;
    this.view.host.requestUpdate();
  }

  /** What the polite live region says (the last applied change). */
  get announcement(): string {
    return this._announcement;
  }
  set announcement(v: string) {
    if (v === this._announcement) return;
    this._announcement = v;
    this.view.host.requestUpdate();
  }

  /** The locked cell whose edit was just refused: the message offers to unlock it. */
  get unlockOffer(): { nodeId: string; period: string } | null {
    return this._unlockOffer;
  }
  set unlockOffer(v: { nodeId: string; period: string } | null) {
    if (v === this._unlockOffer) return;
    this._unlockOffer = v;
    this.view.host.requestUpdate();
  }

  /** The localized text of an engine error, with amounts in the metric's format. */
  errorMessage(err: Issue): string {
    const v = this.view;
    const params: Record<string, string | number> = { ...err.params };
    for (const k of ['max', 'min', 'closed', 'requested']) if (typeof params[k] === 'number') params[k] = v.fmt(params[k] as number);
    if (typeof params.period === 'string') params.period = v.periodLabel(params.period);
    if (typeof params.node === 'string') params.node = v.nameOf(params.node);
    const m = v.t().errors[err.code];
    return m ? m(params) : err.message;
  }

  /** Shows an error in the message line and fires `qk-error`; returns the message. */
  showError(err: Issue, source: QkErrorDetail['source']): string {
    const message = this.errorMessage(err);
    this.message = message;
    this.unlockOffer = err.code === 'cell-locked' && typeof err.params?.node === 'string' && typeof err.params.period === 'string' ? { nodeId: err.params.node, period: err.params.period } : null;
    this.view.host.dispatchEvent(new QkErrorEvent({ code: err.code, message, source }));
    return message;
  }

  /** One undo step in the store, then one `qk-target-change` per changed cell. */
  apply(cells: TargetCell[], changes: readonly GridCellChange[], label: string, source: 'manual' | 'top-down' | 'import'): boolean {
    const s = this.view.store()!;
    const r = s.applyCells(cells, { label, source });
    if (!r.ok) {
      // The store checks identity, locks and closed periods again: its refusal is shown, nothing changed.
      this.showError({ code: r.error.code, message: r.error.message, ...(r.error.params ? { params: r.error.params } : {}) }, 'input');
      return false;
    }
    for (const c of changes) {
      this.view.host.dispatchEvent(new QkTargetChangeEvent({ nodeId: c.nodeId, period: c.period, metric: c.metric, product: c.product ?? null, oldValue: c.oldValue, newValue: c.newValue, source }));
    }
    this.announcement = this.view.t().goalTree.applied({ count: changes.length });
    return true;
  }

  /** The cells that differ from the store, with their before/after for the change events. */
  diff(next: readonly TargetCell[]): { cells: TargetCell[]; changes: GridCellChange[] } {
    const s = this.view.store()!;
    const changes: GridCellChange[] = [];
    const cells: TargetCell[] = [];
    for (const c of next) {
      const before = s.getCell(c.nodeId, c.period, c.metric, c.product);
      if (before?.value === c.value) continue;
      changes.push({ nodeId: c.nodeId, period: c.period, metric: c.metric, ...(c.product ? { product: c.product } : {}), oldValue: before ? before.value : null, newValue: c.value });
      // A rewritten cell keeps its lock and its original target.
      cells.push(before ? { ...before, ...c, ...(before.locked ? { locked: true } : {}), ...(before.original !== undefined ? { original: before.original } : {}) } : c);
    }
    return { cells, changes };
  }

  /** Locks or unlocks one cell as an undoable edit (the store's identity checks decide who may). */
  setLock(nodeId: string, period: string): void {
    const v = this.view;
    const r = planLockToggle(v.reader()!, nodeId, period);
    if (!r.ok) {
      this.showError(r.error, 'input');
      return;
    }
    const t = v.t();
    const names = { name: v.nameOf(nodeId), period: v.periodLabel(period) };
    const applied = v.store()!.applyCells([r.value], { label: r.value.locked ? t.goalTree.lockedNow(names) : t.goalTree.unlockedNow(names) });
    if (!applied.ok) {
      this.showError({ code: applied.error.code, message: applied.error.message, ...(applied.error.params ? { params: applied.error.params } : {}) }, 'input');
      return;
    }
    if (this.unlockOffer?.nodeId === nodeId && this.unlockOffer.period === period) {
      this.unlockOffer = null;
      this.message = '';
    }
    this.announcement = r.value.locked ? t.goalTree.lockedNow(names) : t.goalTree.unlockedNow(names);
  }

  /** Writes the plan's top-down decomposition (the "decompose plan" offer). */
  readonly decompose = (): void => {
    const v = this.view;
    const s = v.store()!;
    const snap = s.snapshot!;
    const r = planDecomposition(v.reader()!, { org: snap.org, fiscalYear: snap.plan.fiscalYear, calendar: snap.plan.calendar, metric: v.metric(), actuals: s.actuals, products: snap.products, asOf: s.asOf, ...(v.minNewShare ? { minNewShare: v.minNewShare() } : {}) });
    if (!r.ok) {
      this.showError(r.error, 'engine');
      return;
    }
    const { cells, changes } = this.diff(r.value.cells);
    this.apply(cells, changes, v.t().goalTree.decomposeLabel, 'top-down');
  };

  /** The "unlock" button of the message line. */
  readonly unlockOffered = (): void => {
    const offer = this.unlockOffer;
    if (!offer) return;
    this.setLock(offer.nodeId, offer.period);
    void this.view.nav.focusCell(this.view.nav.row, this.view.nav.col);
  };
}
