import type { ReactiveController } from 'lit';
import { formatMoney } from '../../engine/money/money.js';
import { editRefusal, metricUnit, parseCellInput, planGridEdit } from './goal-tree.model.js';
import type { GoalTreeView, Issue } from './goal-tree.view.js';
import type { GridEdits } from './grid-edits.controller.js';

/** The cell being edited. */
export interface Editing {
  nodeId: string;
  period: string;
  text: string;
  /** Select the text when the input appears (Enter/F2), or put the caret at the end (typing). */
  select: boolean;
}

/**
 * The inline cell editor: opens on the active cell (refusing at once a node the user may not edit,
 * a locked cell or a closed period), parses what was typed, plans the edit in the engine and
 * applies it through `GridEdits`. An invalid entry stays in its cell as a draft with its message
 * until it is fixed or cancelled. Focuses the input after the update that renders it.
 */
export class CellEditor implements ReactiveController {
  private _editing: Editing | null = null;
  /** Invalid entries the user left: they stay in their cells with the message until fixed or cancelled. */
  private readonly drafts = new Map<string, { text: string; message: string }>();

  constructor(
    private readonly view: GoalTreeView,
    private readonly edits: GridEdits,
  ) {
    view.host.addController(this);
  }

  get editing(): Editing | null {
    return this._editing;
  }
  private set editing(v: Editing | null) {
    if (v === this._editing) return;
    this._editing = v;
    this.view.host.requestUpdate();
  }

  /** The open edit of a cell, or null. */
  editingAt(nodeId: string, period: string): Editing | null {
    const e = this._editing;
    return e && e.nodeId === nodeId && e.period === period ? e : null;
  }

  /** The invalid entry left in a cell, if any. */
  draftAt(nodeId: string, period: string): { text: string; message: string } | undefined {
    return this.drafts.get(`${nodeId}|${period}`);
  }

  /** Whether grid column `col` (1-based after the tree column) holds editable targets. */
  isEditableCol(col: number): boolean {
    const c = this.view.columns()[col - 1];
    return !!c && (c.kind === 'period' || c.kind === 'total') && this.view.canEdit();
  }

  /** Opens the editor on the active cell, with `text` typed (null: the current value, selected). */
  start(text: string | null): void {
    const v = this.view;
    const row = v.rows().rows[v.nav.row];
    if (!row || row.kind !== 'node' || !this.isEditableCol(v.nav.col)) return;
    const period = v.columns()[v.nav.col - 1].period;
    const s = v.store()!;
    // Someone who may not edit this node (a viewer, a rep, another manager's subtree) is told at once.
    const denied = s.mayEdit(row.id);
    if (denied) {
      this.edits.showError(denied, 'input');
      return;
    }
    // A locked cell or a closed period refuses at once, before anything is typed into it.
    const refused = editRefusal(v.reader()!, row.id, period, s.asOf);
    if (refused && !refused.ok) {
      this.edits.showError(refused.error, 'input');
      return;
    }
    const key = `${row.id}|${period}`;
    const draft = this.drafts.get(key);
    const value = v.reader()!.value(row.id, period);
    const exact = value === undefined ? '' : metricUnit(v.metric()) === 'money' ? this.exactMoney(value) : String(value);
    this.editing = { nodeId: row.id, period, text: text ?? draft?.text ?? exact, select: text === null };
    this.edits.message = draft?.message ?? '';
    this.edits.unlockOffer = null;
  }

  /** Commits the open edit; returns false (and keeps the entry with a message) when it cannot. */
  commit(): boolean {
    const v = this.view;
    const ed = this.editing;
    const s = v.store();
    const reader = v.reader();
    if (!ed || !s?.snapshot || !reader) return true;
    const key = `${ed.nodeId}|${ed.period}`;
    const parsed = parseCellInput(ed.text, { metric: v.metric(), currency: s.snapshot.plan.currency, locale: v.locale() });
    if (!parsed.ok) return this.keepDraft(key, ed.text, parsed.error);
    if (parsed.value === reader.value(ed.nodeId, ed.period)) {
      this.close(key);
      return true;
    }
    const plan = planGridEdit(reader, { nodeId: ed.nodeId, period: ed.period, value: parsed.value }, { mode: v.editMode(), asOf: s.asOf });
    if (!plan.ok) return this.keepDraft(key, ed.text, plan.error);
    if (!this.edits.apply(plan.value.cells, plan.value.changes, v.t().goalTree.undoLabel({ name: v.nameOf(ed.nodeId), period: v.periodLabel(ed.period) }), 'manual')) {
      // The store refused (rights, a lock, a closed period): the entry stays with the reason.
      this.drafts.set(key, { text: ed.text, message: this.edits.message });
      return false;
    }
    this.close(key);
    return true;
  }

  /** Closes the editor without committing and puts focus back on the cell. */
  cancel(): void {
    if (!this.editing) return;
    this.close(`${this.editing.nodeId}|${this.editing.period}`);
    void this.view.nav.focusCell(this.view.nav.row, this.view.nav.col);
  }

  readonly onInput = (e: Event): void => {
    if (this.editing) this.editing.text = (e.target as HTMLInputElement).value;
  };

  readonly onBlur = (): void => {
    // Leaving the cell commits; an invalid entry stays in the cell with its message.
    if (this.editing && !this.commit()) this.editing = null;
  };

  hostUpdated(): void {
    if (this.editing) {
      const root = this.view.host.renderRoot as ShadowRoot;
      const input = root.querySelector<HTMLInputElement>('input.edit');
      if (input && this.view.host.shadowRoot?.activeElement !== input) {
        input.focus();
        if (this.editing.select) input.select();
        else input.setSelectionRange(input.value.length, input.value.length);
      }
    }
  }

  /** The amount in major units, without grouping or a trailing `.00`, so it reads back exactly. */
  private exactMoney(minor: number): string {
    const plan = this.view.store()!.snapshot!.plan;
    const s = formatMoney(minor, { currency: plan.currency, locale: 'en' }).replace(/[^\d.\u2212]/g, '');
    return s.replace(/\.0+$/, '');
  }

  private keepDraft(key: string, text: string, err: Issue): false {
    const message = this.edits.showError(err, 'input');
    this.drafts.set(key, { text, message });
    return false;
  }

  private close(key: string): void {
    this.drafts.delete(key);
    this.editing = null;
    this.edits.message = '';
    this.edits.unlockOffer = null;
  }
}
