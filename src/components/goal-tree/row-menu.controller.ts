import { html, nothing, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { editRefusal } from './goal-tree.model.js';
import type { GoalTreeView } from './goal-tree.view.js';
import type { GridEdits } from './grid-edits.controller.js';
import type { DistributeDialog } from './distribute-dialog.controller.js';
import { lockIcon, unlockIcon } from './lock-icon.js';

interface MenuState {
  row: number;
  /** The grid column the menu acts on (0: the name column, i.e. the fiscal year). */
  col: number;
  nodeId: string;
  period: string;
  /** Where to draw the menu, in viewport pixels (it sits in the top layer as a popover). */
  x: number;
  y: number;
}

/**
 * The row menu (⋯) of the goal tree: lock or unlock a cell, and distribute a parent, with a pointer
 * as well as the keyboard (WAI-ARIA menu button: the button has `aria-haspopup`/`aria-expanded`;
 * the menu moves with Up/Down/Home/End, acts on Enter/Space, closes on Escape or Tab and gives focus
 * back to the cell). Shift+F10, the ContextMenu key and a right click open it on the focused cell.
 * The lock item is a `menuitemcheckbox`, checked while the cell is locked.
 */
export class RowMenu {
  private _state: MenuState | null = null;

  constructor(
    private readonly view: GoalTreeView,
    private readonly edits: GridEdits,
    private readonly dialog: DistributeDialog,
  ) {}

  get state(): MenuState | null {
    return this._state;
  }
  private set state(v: MenuState | null) {
    if (v === this._state) return;
    this._state = v;
    this.view.host.requestUpdate();
  }

  /** The period a column edits: its own for a period or total column, else the fiscal year. */
  private periodOf(col: number): string | null {
    const v = this.view;
    const c = v.columns()[col - 1];
    if (c && (c.kind === 'period' || c.kind === 'total')) return c.period;
    const fy = v.store()?.snapshot?.plan.fiscalYear;
    return fy === undefined ? null : `FY${fy}`;
  }

  /** Opens the menu of `row` acting on column `col`, under `anchor` (the ⋯ button or the cell). */
  open(row: number, col: number, anchor: Element | null): void {
    const v = this.view;
    const r = v.rows().rows[row];
    const period = this.periodOf(col);
    if (!r || r.kind !== 'node' || !v.canEdit() || !period) return;
    const box = anchor?.getBoundingClientRect();
    this.state = { row, col, nodeId: r.id, period, x: box ? box.left : 0, y: box ? box.bottom : 0 };
    void v.host.updateComplete.then(() => {
      const menu = this.menuEl();
      if (!menu) return;
      if (!menu.matches(':popover-open')) menu.showPopover?.();
      menu.querySelector<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])')?.focus();
    });
  }

  /** Closes the menu; focus goes back to the cell it was opened on. */
  close(refocus = true): void {
    const st = this.state;
    if (!st) return;
    const menu = this.menuEl();
    if (menu?.matches(':popover-open')) menu.hidePopover();
    this.state = null;
    if (refocus) void this.view.nav.focusCell(st.row, st.col);
  }

  private menuEl(): HTMLElement | null {
    return (this.view.host.renderRoot as ShadowRoot).querySelector<HTMLElement>('[part~="row-menu-list"]');
  }

  /** The ⋯ button of a row's name cell. */
  renderButton(row: number, name: string): TemplateResult | typeof nothing {
    const v = this.view;
    if (!v.canEdit()) return nothing;
    const open = this.state?.row === row;
    return html`<button
      class="menu-button"
      part="row-menu"
      tabindex="-1"
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      aria-label=${v.t().goalTree.rowActions({ name })}
      @click=${(e: MouseEvent) => {
        e.stopPropagation();
        if (open) this.close();
        else this.open(row, v.nav.row === row ? v.nav.col : 0, e.currentTarget as Element);
      }}
    ><svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="3" cy="8" r="1.5" fill="currentColor"/><circle cx="8" cy="8" r="1.5" fill="currentColor"/><circle cx="13" cy="8" r="1.5" fill="currentColor"/></svg></button>`;
  }

  /**
   * The padlock of a value cell: a toggle button (`aria-pressed`) shown on every locked cell and on
   * the active cell, so a pointer locks or unlocks in one click. Read-only trees show the icon alone.
   */
  renderLock(nodeId: string, period: string, locked: boolean, active: boolean): TemplateResult | typeof nothing {
    const v = this.view;
    if (!v.canEdit()) return locked ? lockIcon : nothing;
    if (!locked && !active) return nothing;
    return html`<button
      class="lock-toggle"
      part="lock-toggle"
      tabindex="-1"
      aria-pressed=${locked ? 'true' : 'false'}
      aria-label=${v.t().goalTree.lockToggle({ name: v.nameOf(nodeId), period: v.periodLabel(period) })}
      @click=${(e: MouseEvent) => {
        e.stopPropagation();
        this.edits.setLock(nodeId, period);
      }}
    >${locked ? lockIcon : unlockIcon}</button>`;
  }

  /** The menu itself (nothing while closed). */
  render(): TemplateResult | typeof nothing {
    const st = this.state;
    const v = this.view;
    const reader = v.reader();
    const s = v.store();
    if (!st || !reader || !s) return nothing;
    const t = v.t().goalTree;
    const r = v.rows().rows[st.row];
    const locked = reader.locked(st.nodeId, st.period);
    // A closed period cannot be unlocked or edited here: the item says so and is disabled.
    const refusal = editRefusal(reader, st.nodeId, st.period, s.asOf);
    const closed = !locked && refusal && !refusal.ok && refusal.error.code !== 'cell-locked';
    const period = v.periodLabel(st.period);
    return html`<div
      class="row-menu"
      part="row-menu-list"
      role="menu"
      popover="manual"
      aria-label=${t.rowActions({ name: v.nameOf(st.nodeId) })}
      ${cssProps({ left: `${Math.round(st.x)}px`, top: `${Math.round(st.y)}px` })}
      @keydown=${this.onKeydown}
      @focusout=${this.onFocusOut}
    >
      <div
        role="menuitemcheckbox"
        part="menu-item lock-item"
        tabindex="-1"
        aria-checked=${locked ? 'true' : 'false'}
        aria-disabled=${closed ? 'true' : nothing}
        @click=${() => this.act('lock')}
      ><span class="check" aria-hidden="true">${locked ? '✓' : ''}</span>${t.lockPeriod({ period })}</div>
      ${r?.kind === 'node' && r.expandable
        ? html`<div role="menuitem" part="menu-item distribute-item" tabindex="-1" @click=${() => this.act('distribute')}><span class="check" aria-hidden="true"></span>${t.distributePeriod({ period })}</div>`
        : nothing}
    </div>`;
  }

  private act(what: 'lock' | 'distribute'): void {
    const st = this.state;
    if (!st) return;
    if (what === 'lock') {
      const item = this.menuEl()?.querySelector('[part~="lock-item"]');
      if (item?.getAttribute('aria-disabled') === 'true') return;
      this.close();
      this.edits.setLock(st.nodeId, st.period);
    } else {
      this.close(false);
      this.dialog.open(st.row, st.col);
    }
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    const items = [...(this.menuEl()?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(e.composedPath()[0] as HTMLElement);
    const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
    switch (e.key) {
      case 'ArrowDown':
        focus(at + 1);
        break;
      case 'ArrowUp':
        focus(at - 1);
        break;
      case 'Home':
        focus(0);
        break;
      case 'End':
        focus(items.length - 1);
        break;
      case 'Enter':
      case ' ':
        items[at]?.click();
        break;
      case 'Escape':
        this.close();
        break;
      case 'Tab':
        this.close();
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  private readonly onFocusOut = (e: FocusEvent): void => {
    const to = e.relatedTarget as Node | null;
    if (to && this.menuEl()?.contains(to)) return;
    // Focus left the menu (a click elsewhere): close without pulling focus back.
    if (to) this.close(false);
  };
}
