import type { ReactiveController, ReactiveElement } from 'lit';

/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 4;

/**
 * Row virtualization for a scrolling box of fixed-height rows: tracks the scroll position, measures
 * the row height and the box (ResizeObserver), and tells which rows to render. The host renders
 * `.scroller` with `@scroll=${rows.onScroll}` and a `.head .row` whose height is the row height.
 */
export class VirtualRows implements ReactiveController {
  scrollY = 0;
  viewportPx = 440;
  rowPx = 40;
  private resizeObserver?: ResizeObserver;
  /** The scroll box and position last written to it (`hostUpdated`). */
  private synced?: HTMLElement;
  private syncedY = 0;
  /** The box's height at the ResizeObserver's last report. */
  private boxHeight?: number;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Rows a PageUp/PageDown moves by (what fits on screen). */
  get pageSize(): number {
    return Math.max(1, Math.floor(this.viewportPx / this.rowPx) - 1);
  }

  /** The row indexes to render out of `count`; `keep` (the active row) stays rendered when scrolled away. */
  window(count: number, keep: number): number[] {
    const h = this.rowPx;
    const first = Math.max(0, Math.floor(this.scrollY / h) - OVERSCAN);
    const last = Math.min(count, Math.ceil((this.scrollY + this.viewportPx) / h) + OVERSCAN);
    const visible: number[] = [];
    for (let i = first; i < last; i++) visible.push(i);
    if (keep < first || keep >= last) visible.push(keep);
    return visible;
  }

  /** Scrolls so the row is on screen (it is rendered after the next update). */
  reveal(row: number): void {
    const scroller = this.scroller;
    const top = row * this.rowPx;
    let y = this.scrollY;
    if (top < y) y = top;
    else if (top + this.rowPx > y + this.viewportPx) y = top + this.rowPx - this.viewportPx;
    if (y === this.scrollY) return;
    this.scrollY = y;
    if (scroller) scroller.scrollTop = y;
  }

  readonly onScroll = (e: Event): void => {
    const box = e.currentTarget as HTMLElement;
    const y = box.scrollTop;
    const moved = Math.floor(y / this.rowPx) !== Math.floor(this.scrollY / this.rowPx);
    this.scrollY = y;
    // The box is where it says: nothing to write back after the update.
    if (box === this.synced) this.syncedY = y;
    if (moved) this.host.requestUpdate();
  };

  hostUpdated(): void {
    const scroller = this.scroller;
    if (scroller && !this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver((entries) => {
        // A box hidden and shown again (display: none) may come back scrolled elsewhere without a
        // scroll event (Chromium keeps the position; nothing promises it): after it changed size,
        // the next update checks the position again.
        const height = entries[entries.length - 1].contentRect.height;
        if (this.boxHeight !== undefined && height !== this.boxHeight) this.synced = undefined;
        this.boxHeight = height;
        this.measure();
      });
      this.resizeObserver.observe(scroller);
    }
    // Written only when the box or the position changed since the last write: reading `scrollTop`
    // back after every update forced a synchronous layout per render. A scroll by the user reaches
    // `scrollY` through `onScroll`, a programmatic one (`reveal`) writes the box itself.
    if (scroller && (scroller !== this.synced || this.scrollY !== this.syncedY)) {
      if (scroller.scrollTop !== this.scrollY) scroller.scrollTop = this.scrollY;
      this.synced = scroller;
      this.syncedY = this.scrollY;
    }
  }

  hostDisconnected(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.synced = undefined;
    this.boxHeight = undefined;
  }

  private get scroller(): HTMLElement | null {
    return (this.host.renderRoot as ShadowRoot | undefined)?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  private measure(): void {
    const scroller = this.scroller;
    const head = scroller?.querySelector<HTMLElement>('.head .row');
    if (!scroller || !head) return;
    const rowPx = head.offsetHeight || this.rowPx;
    const viewportPx = Math.max(rowPx, scroller.clientHeight - rowPx);
    if (rowPx !== this.rowPx || viewportPx !== this.viewportPx) {
      this.rowPx = rowPx;
      this.viewportPx = viewportPx;
      this.host.requestUpdate();
    }
  }
}
