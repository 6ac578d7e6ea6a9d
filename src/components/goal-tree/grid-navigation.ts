import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the navigation needs from its host grid. */
export interface GridNavigationHost extends ReactiveControllerHost, HTMLElement {
  /** Rows and columns (column 0 is the tree column). */
  readonly navRowCount: number;
  readonly navColCount: number;
  /** Rows a PageUp/PageDown moves by (what fits on screen). */
  readonly navPageSize: number;
  /** The cell element at (row, col) when it is rendered. */
  navCell(row: number, col: number): HTMLElement | null;
  /** Scrolls so the row is on screen (it is rendered after the next update). */
  navReveal(row: number): void;
  /** Column 0: expand (true) or collapse (false) the row; returns false when there is nothing to do. */
  navToggle(row: number, expand: boolean): boolean;
  /** The row of the parent node, or -1. */
  navParentRow(row: number): number;
  /** Called after the active cell moved. */
  navMoved(row: number, col: number): void;
}

/**
 * Roving tabindex for a virtualized treegrid (WAI-ARIA treegrid pattern, cell focus): exactly one
 * cell has `tabindex="0"`; arrow keys, Home/End, Ctrl+Home/End and PageUp/PageDown move it, and
 * Right/Left on the tree column expand and collapse. Rows off screen are revealed first, then
 * focused once rendered. Editing, locking and the other cell actions stay with the host.
 */
export class GridNavigation implements ReactiveController {
  row = 0;
  col = 0;

  constructor(private readonly host: GridNavigationHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The tabindex of a cell: 0 for the active one, -1 for the rest. */
  tabIndex(row: number, col: number): 0 | -1 {
    return row === this.row && col === this.col ? 0 : -1;
  }

  /** Makes (row, col) the active cell without moving DOM focus (a click, a focusin). */
  setActive(row: number, col: number): void {
    const r = this.clampRow(row), c = this.clampCol(col);
    if (r === this.row && c === this.col) return;
    this.row = r;
    this.col = c;
    this.host.requestUpdate();
    this.host.navMoved(r, c);
  }

  /** Moves the active cell and DOM focus to (row, col), revealing the row first. */
  async focusCell(row: number, col: number): Promise<void> {
    const r = this.clampRow(row), c = this.clampCol(col);
    const moved = r !== this.row || c !== this.col;
    this.row = r;
    this.col = c;
    this.host.navReveal(r);
    this.host.requestUpdate();
    if (moved) this.host.navMoved(r, c);
    await this.host.updateComplete;
    this.host.navCell(r, c)?.focus({ preventScroll: true });
  }

  /** Handles a navigation key; returns true when it did (the caller prevents the default). */
  handleKey(e: KeyboardEvent): boolean {
    const { row, col } = this;
    const last = this.host.navRowCount - 1;
    const lastCol = this.host.navColCount - 1;
    const ctrl = e.ctrlKey || e.metaKey;
    switch (e.key) {
      case 'ArrowDown':
        void this.focusCell(row + 1, col);
        return true;
      case 'ArrowUp':
        void this.focusCell(row - 1, col);
        return true;
      case 'ArrowRight':
        if (col === 0 && this.host.navToggle(row, true)) return true;
        void this.focusCell(row, Math.min(col + 1, lastCol));
        return true;
      case 'ArrowLeft':
        if (col === 0) {
          if (!this.host.navToggle(row, false)) {
            const p = this.host.navParentRow(row);
            if (p >= 0) void this.focusCell(p, 0);
          }
          return true;
        }
        void this.focusCell(row, col - 1);
        return true;
      case 'Home':
        void (ctrl ? this.focusCell(0, 0) : this.focusCell(row, 0));
        return true;
      case 'End':
        void (ctrl ? this.focusCell(last, lastCol) : this.focusCell(row, lastCol));
        return true;
      case 'PageDown':
        void this.focusCell(row + this.host.navPageSize, col);
        return true;
      case 'PageUp':
        void this.focusCell(row - this.host.navPageSize, col);
        return true;
      default:
        return false;
    }
  }

  private clampRow(row: number): number {
    return Math.max(0, Math.min(row, this.host.navRowCount - 1));
  }

  private clampCol(col: number): number {
    return Math.max(0, Math.min(col, this.host.navColCount - 1));
  }
}
