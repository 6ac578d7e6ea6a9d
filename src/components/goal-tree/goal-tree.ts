import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { QkElement } from '../../internal/qk-element.js';
import { baseStyles } from '../../theme/base-styles.js';
import { styles } from './goal-tree.styles.js';
import { GridNavigation, type GridNavigationHost } from './grid-navigation.js';
import type { EditMode } from '../../engine/plan/edit.js';
import type { MetricId, TargetCell } from '../../engine/plan/model.js';
import { formatCount, formatMoney, formatPercent } from '../../engine/money/money.js';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import type { PlanState } from '../../engine/plan/plan-state.js';
import type { Result } from '../../engine/shared/result.js';
import type { ViewName } from '../../engine/plan/views.js';
import {
  DISTRIBUTE_METHODS,
  attainment,
  editRefusal,
  gridActuals,
  gridColumns,
  gridReader,
  gridRows,
  gridViews,
  metricUnit,
  needsDecomposition,
  parseCellInput,
  parseViewColumns,
  planDecomposition,
  planDistribute,
  planGridEdit,
  planLockToggle,
  rampBadge,
  type DistributeMethod,
  type DistributePreview,
  type GridCellChange,
  type GridColumn,
  type GridGranularity,
  type GridReader,
  type GridRow,
  type GridRows,
  type GridViews,
} from './goal-tree.model.js';
import { QkErrorEvent, type QkErrorDetail } from '../../events/qk-error.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import { QkTargetChangeEvent } from '../../events/qk-target-change.js';
import { toStoreError, type QkStore } from '../../store/store.js';
import { registerGoalTreeStrings } from '../../i18n/loaders/goal-tree.js';
import { parseTargetsCsv, targetsToCsv, TARGET_CSV_HEADERS } from '../../engine/plan/csv.js';
import { errorText } from '../../i18n/localize.js';
import { formatDate } from '../../i18n/dates.js';

interface Issue {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

interface Editing {
  nodeId: string;
  period: string;
  text: string;
  /** Select the text when the input appears (Enter/F2), or put the caret at the end (typing). */
  select: boolean;
}

interface DialogState {
  nodeId: string;
  period: string;
  method: DistributeMethod;
  preview: Result<DistributePreview>;
}

/** Rows rendered above and below the visible ones, so a fast scroll shows no gap. */
const OVERSCAN = 4;
/** A padlock drawn in SVG: emoji fonts are missing on many systems. */
const lockIcon = html`<svg class="lock-icon" part="lock-icon" viewBox="0 0 16 16" width="11" height="11" aria-hidden="true"><path fill="currentColor" d="M5 7V5a3 3 0 0 1 6 0v2h1.5v7.5h-9V7H5zm1.5 0h3V5a1.5 1.5 0 0 0-3 0v2z"/></svg>`;

/**
 * @tag qk-goal-tree
 * @summary The decomposition grid (目标拆解): org nodes as rows, the periods of a fiscal year as
 * columns, every target editable inline and kept consistent through the engine.
 *
 * An ARIA treegrid in one shadow root. Only the rows on screen are rendered (fixed row height),
 * so 10,000 reps all expanded scroll smoothly; `aria-rowcount` always gives the full count.
 * Editing a cell rebalances its siblings or lets the parent absorb the change (`edit-mode`), its
 * children and months follow, and the whole change is one undo step in the store.
 *
 * @fires qk-target-change - Once per target cell an edit, distribute or decompose changed: `{ nodeId, period, metric, product, oldValue, newValue, source }`.
 * @fires qk-focus-change - When the selected cell moves: `{ nodeId, period, metric, product }`, so widgets under the same provider follow.
 * @fires qk-error - When a typed value is invalid or an edit cannot be applied (`source: 'input'`), or bad data / a failed load.
 *
 * @csspart toolbar - The bar above the grid (edit mode, undo, redo).
 * @csspart mode - The edit-mode radio group.
 * @csspart undo - The undo button.
 * @csspart redo - The redo button.
 * @csspart notice - The "decompose plan" offer.
 * @csspart decompose - The decompose button.
 * @csspart message - The error message of the last edit.
 * @csspart scroller - The scrolling box.
 * @csspart grid - The treegrid.
 * @csspart header-row - The column header row.
 * @csspart column-header - A column header.
 * @csspart row - A body row (`loading-row` while children load).
 * @csspart cell - Every body cell; also `name-cell` or `value-cell`, plus `locked`, `changed`, `invalid`.
 * @csspart toggle - The expand/collapse chevron.
 * @csspart name - A node's name.
 * @csspart badge - A badge; also `ramp-badge` for new hires.
 * @csspart distribute - The "distribute" button of a parent row.
 * @csspart value - The formatted value of a cell.
 * @csspart remainder - The unallocated (or over-allocated) amount under a parent.
 * @csspart original - The original target of a revised cell, struck through beside the target in force.
 * @csspart unlock - The "unlock" action offered when an edit of a locked cell is refused.
 * @csspart input - The inline editor.
 * @csspart lock-icon - The padlock of a locked cell.
 * @csspart dialog - The distribute dialog.
 * @csspart preview - The preview table in the dialog.
 * @csspart state - The loading / empty / error box.
 * @csspart export - The "Export CSV" button.
 * @csspart import - The "Import CSV" button.
 * @csspart import-errors - The list of problems of a rejected CSV import, one per line of the file.
 *
 * @cssprop [--qk-goal-tree-row-height=40px] - Row height (virtualization reads it).
 * @cssprop [--qk-goal-tree-name-width=240px] - Width of the org column.
 * @cssprop [--qk-goal-tree-column-width=128px] - Width of each value column.
 * @cssprop [--qk-goal-tree-max-height=480px] - Height of the scrolling box.
 * @cssprop [--qk-goal-tree-indent=16px] - Indent per tree level.
 * @cssprop [--qk-goal-tree-header-background=var(--qk-color-surface-alt)] - Header background.
 * @cssprop [--qk-goal-tree-remainder-color=color-mix(in srgb, var(--qk-color-warning) 80%, var(--qk-color-text))] - Color of the unallocated amount.
 */
export class QkGoalTree extends QkElement implements GridNavigationHost {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'market', 'blendWeights'];

  protected static override registerStrings = registerGoalTreeStrings;

  static override styles = [baseStyles, styles];

  /** Columns: `year` (the total alone), `quarter` (4 + total) or `month` (12 + total). */
  @property({ reflect: true }) granularity: GridGranularity = 'quarter';
  /** The metric shown and edited (`revenue`, `collections`, `leads`, `visits`, …). */
  @property({ reflect: true }) metric: MetricId = 'revenue';
  /** One product line id, or empty for the product-free totals. */
  @property({ reflect: true }) product = '';
  /** Extra columns, space-separated: `actual attainment top-down bottom-up market blended`. */
  @property({ reflect: true }) views = '';
  /** What happens to the rest when a target changes: `rebalance-siblings` or `parent-absorbs`. */
  @property({ attribute: 'edit-mode', reflect: true }) editMode: EditMode = 'rebalance-siblings';
  /** Levels open at first: 1 shows the root's children; a large number opens everything. */
  @property({ attribute: 'expand-depth', type: Number }) expandDepth = 1;
  /** Shows targets without editing. */
  @property({ type: Boolean, reflect: true }) readonly = false;
  /** Growth over last year for the bottom-up view (0.1 = +10%). */
  @property({ type: Number }) growth = 0.1;
  /** Market size (minor units) and target share per node, for the market view. */
  @property({ attribute: false }) market?: Record<string, { size: number; share: number }>;
  /** Weights of the blended view (default top-down 0.5, bottom-up 0.3, market 0.2). */
  @property({ attribute: false }) blendWeights?: Partial<Record<ViewName, number>>;

  @state() private editing: Editing | null = null;
  @state() private message = '';
  @state() private announcement = '';
  /** The problems of the last rejected CSV import, one line each (nothing was applied). */
  @state() private importErrors: string[] = [];
  @state() private dialog: DialogState | null = null;
  /** The locked cell whose edit was just refused: the message offers to unlock it. */
  @state() private unlockOffer: { nodeId: string; period: string } | null = null;

  private readonly nav = new GridNavigation(this);
  /** Invalid entries the user left: they stay in their cells with the message until fixed or cancelled. */
  private readonly drafts = new Map<string, { text: string; message: string }>();
  private readonly toggled = new Map<string, boolean>();
  private readonly loading = new Set<string>();
  private readonly loadedEmpty = new Set<string>();
  private version = 0;
  private activeId: string | null = null;
  private scrollY = 0;
  private viewportPx = 440;
  private rowPx = 40;
  private resizeObserver?: ResizeObserver;
  private selfFocus = false;
  private followFocus = false;

  // Memoized models: rebuilt only when their inputs change, never on a plain re-render.
  private memoRowsKey = '';
  private memoRowsIndex: OrgIndex | null = null;
  private memoRows: GridRows = { rows: [], rowOf: new Map(), needsLoad: [] };
  private memoReaderKey = '';
  private memoReaderState: PlanState | null = null;
  private memoReader: GridReader | null = null;
  private memoActualsKey: unknown[] = [];
  private memoActuals: Map<string, number> | null = null;
  private memoViewsKey = '';
  private memoViews: GridViews | null = null;

  // ---- models --------------------------------------------------------------------------

  /** The org index of the read model (rebuilt by the store only when the org changes). */
  private get index(): OrgIndex | null {
    return this.activeStore?.state?.index ?? null;
  }

  private get model(): GridRows {
    const index = this.index;
    const key = `${this.version}|${this.expandDepth}`;
    if (index && (key !== this.memoRowsKey || index !== this.memoRowsIndex)) {
      this.memoRowsKey = key;
      this.memoRowsIndex = index;
      this.memoRows = gridRows(index, { expandDepth: this.expandDepth, toggled: this.toggled, loading: this.loading, loadedEmpty: this.loadedEmpty });
    }
    return this.memoRows;
  }

  /** One reader per read-model state (immutable, so its memoized answers never go stale), metric and product. */
  private get reader(): GridReader | null {
    const s = this.activeStore;
    const state = s?.state;
    if (!s?.snapshot || !state) return null;
    const key = `${this.metric}|${this.product}`;
    if (key !== this.memoReaderKey || state !== this.memoReaderState) {
      this.memoReaderKey = key;
      this.memoReaderState = state;
      this.memoReader = gridReader({
        state,
        metric: this.metric,
        product: this.product || null,
        isPending: (c) => s.isPending(c),
      });
    }
    return this.memoReader;
  }

  private get columns(): GridColumn[] {
    const plan = this.activeStore?.snapshot?.plan;
    return plan ? gridColumns(plan.fiscalYear, this.granularity, plan.calendar, parseViewColumns(this.views)) : [];
  }

  private actualsFor(period: string): Map<string, number> | null {
    const s = this.activeStore!;
    const key = [s.actuals, this.index, this.metric, this.product, period];
    if (key.some((k, i) => k !== this.memoActualsKey[i])) {
      this.memoActualsKey = key;
      this.memoActuals = gridActuals(s.actuals, this.index!, { metric: this.metric, period, calendar: s.snapshot!.plan.calendar, product: this.product || null });
    }
    return this.memoActuals;
  }

  private viewsFor(): GridViews | null {
    const s = this.activeStore!;
    const key = `${s.dataRevision}|${this.metric}|${this.product}|${this.growth}|${JSON.stringify(this.blendWeights ?? null)}|${this.market ? Object.keys(this.market).length : 0}`;
    if (key !== this.memoViewsKey) {
      this.memoViewsKey = key;
      const r = gridViews(this.reader!, {
        fiscalYear: s.snapshot!.plan.fiscalYear,
        calendar: s.snapshot!.plan.calendar,
        actuals: s.actuals,
        growth: this.growth,
        ...(this.market ? { market: this.market } : {}),
        ...(this.blendWeights ? { blend: this.blendWeights } : {}),
      });
      this.memoViews = r.ok ? r.value : null;
    }
    return this.memoViews;
  }

  // ---- navigation host -------------------------------------------------------------------

  get navRowCount(): number {
    return this.model.rows.length;
  }

  get navColCount(): number {
    return this.columns.length + 1;
  }

  get navPageSize(): number {
    return Math.max(1, Math.floor(this.viewportPx / this.rowPx) - 1);
  }

  navCell(row: number, col: number): HTMLElement | null {
    const root = this.renderRoot as ShadowRoot;
    return root.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`) ?? root.querySelector<HTMLElement>(`[data-r="${row}"][data-c="0"]`);
  }

  navReveal(row: number): void {
    const scroller = this.scroller;
    const top = row * this.rowPx;
    let y = this.scrollY;
    if (top < y) y = top;
    else if (top + this.rowPx > y + this.viewportPx) y = top + this.rowPx - this.viewportPx;
    if (y === this.scrollY) return;
    this.scrollY = y;
    if (scroller) scroller.scrollTop = y;
  }

  navToggle(row: number, expand: boolean): boolean {
    return this.toggleRow(row, expand);
  }

  navParentRow(row: number): number {
    const r = this.model.rows[row];
    if (!r) return -1;
    const parent = r.kind === 'loading' ? r.id : this.index?.parent(r.id);
    return parent ? (this.model.rowOf.get(parent) ?? -1) : -1;
  }

  navMoved(row: number, col: number): void {
    const r = this.model.rows[row];
    const s = this.activeStore;
    if (!r || !s?.snapshot) return;
    this.activeId = r.id;
    const before = s.focus;
    this.selfFocus = true;
    s.setFocus({ nodeId: r.id, period: col === 0 ? `FY${s.snapshot.plan.fiscalYear}` : this.columns[col - 1].period, metric: this.metric, product: this.product || null });
    this.selfFocus = false;
    if (s.focus !== before) this.dispatchEvent(new QkFocusChangeEvent(s.focus));
  }

  private get scroller(): HTMLElement | null {
    return (this.renderRoot as ShadowRoot | undefined)?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  // ---- lifecycle -------------------------------------------------------------------------

  protected override storeChanged(change: string): void {
    if (change === 'focus' && !this.selfFocus) this.followFocus = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.index) return;
    if (this.followFocus) {
      this.followFocus = false;
      this.revealNode(this.activeStore!.focus.nodeId, this.activeStore!.focus.period);
    }
    const model = this.model;
    if (model.needsLoad.length) {
      for (const id of model.needsLoad) this.startLoad(id, false);
    }
    // Rows above the active one may have appeared or gone: keep the active cell on its node.
    const rows = this.model.rows;
    if (this.activeId !== null && rows[this.nav.row]?.id !== this.activeId) {
      const at = this.model.rowOf.get(this.activeId);
      if (at !== undefined) this.nav.row = at;
    }
    if (this.nav.row >= rows.length) this.nav.row = Math.max(0, rows.length - 1);
    if (this.nav.col >= this.navColCount) this.nav.col = this.navColCount - 1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const scroller = this.scroller;
    if (scroller && !this.resizeObserver && typeof ResizeObserver !== 'undefined') {
      this.resizeObserver = new ResizeObserver(() => this.measure());
      this.resizeObserver.observe(scroller);
    }
    if (scroller && scroller.scrollTop !== this.scrollY) scroller.scrollTop = this.scrollY;
    if (this.editing) {
      const input = (this.renderRoot as ShadowRoot).querySelector<HTMLInputElement>('input.edit');
      if (input && this.shadowRoot?.activeElement !== input) {
        input.focus();
        if (this.editing.select) input.select();
        else input.setSelectionRange(input.value.length, input.value.length);
      }
    }
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
      this.requestUpdate();
    }
  }

  private onScroll = (e: Event): void => {
    const y = (e.currentTarget as HTMLElement).scrollTop;
    const moved = Math.floor(y / this.rowPx) !== Math.floor(this.scrollY / this.rowPx);
    this.scrollY = y;
    if (moved) this.requestUpdate();
  };

  // ---- tree ------------------------------------------------------------------------------

  private toggleRow(row: number, expand?: boolean): boolean {
    const r = this.model.rows[row];
    if (!r || r.kind !== 'node' || !r.expandable) return false;
    const want = expand ?? !r.expanded;
    if (want === r.expanded) return false;
    this.toggled.set(r.id, want);
    this.version++;
    if (want && this.index!.children(r.id).length === 0) this.startLoad(r.id, true);
    this.requestUpdate();
    return true;
  }

  private startLoad(id: string, render: boolean): void {
    const s = this.activeStore;
    if (!s || this.loading.has(id)) return;
    this.loading.add(id);
    this.version++;
    if (render) this.requestUpdate();
    s.loadChildren(id)
      .then((kids) => {
        if (kids.length === 0) this.loadedEmpty.add(id);
      })
      .catch((e: unknown) => {
        this.toggled.set(id, false);
        this.showError(toStoreError(e, 'load-failed'), 'adapter');
      })
      .finally(() => {
        this.loading.delete(id);
        this.version++;
        this.requestUpdate();
      });
  }

  /** Opens the ancestors of a node selected elsewhere and scrolls it into view. */
  private revealNode(nodeId: string | null, period: string | null): void {
    const index = this.index;
    if (!nodeId || !index?.byId.has(nodeId)) return;
    let opened = false;
    for (const a of index.ancestors(nodeId)) {
      if (this.model.rows[this.model.rowOf.get(a) ?? -1]?.expanded) continue;
      this.toggled.set(a, true);
      opened = true;
    }
    if (opened) this.version++;
    const row = this.model.rowOf.get(nodeId);
    if (row === undefined) return;
    const col = this.columns.findIndex((c) => c.period === period && (c.kind === 'period' || c.kind === 'total'));
    this.nav.row = row;
    if (col >= 0) this.nav.col = col + 1;
    this.activeId = nodeId;
    this.navReveal(row);
  }

  // ---- formatting ------------------------------------------------------------------------

  private fmt(v: number | null | undefined): string {
    if (v === null || v === undefined) return '—';
    if (metricUnit(this.metric) === 'money') {
      return formatMoney(v, { currency: this.activeStore!.snapshot!.plan.currency, locale: this.locale, compact: true });
    }
    return formatCount(v, this.locale);
  }

  private periodLabel(period: string, short = false): string {
    const t = this.t.goalTree;
    const q = /^FY(\d{4})-Q([1-4])$/.exec(period);
    if (q) return short ? t.quarter({ quarter: +q[2] }) : `FY${q[1]} ${t.quarter({ quarter: +q[2] })}`;
    const m = /^(\d{4})-(\d{2})$/.exec(period);
    if (m) {
      return formatDate(`${period}-01`, this.locale, short ? 'month' : 'month-year');
    }
    return period;
  }

  private nameOf(id: string): string {
    return this.index?.byId.get(id)?.name ?? id;
  }

  /** The localized text of an engine error, with amounts in the metric's format. */
  private errorMessage(err: Issue): string {
    const params: Record<string, string | number> = { ...err.params };
    for (const k of ['max', 'min', 'closed', 'requested']) if (typeof params[k] === 'number') params[k] = this.fmt(params[k] as number);
    if (typeof params.period === 'string') params.period = this.periodLabel(params.period);
    if (typeof params.node === 'string') params.node = this.nameOf(params.node);
    const m = this.t.errors[err.code];
    return m ? m(params) : err.message;
  }

  private showError(err: Issue, source: QkErrorDetail['source']): string {
    const message = this.errorMessage(err);
    this.message = message;
    this.unlockOffer = err.code === 'cell-locked' && typeof err.params?.node === 'string' && typeof err.params.period === 'string' ? { nodeId: err.params.node, period: err.params.period } : null;
    this.dispatchEvent(new QkErrorEvent({ code: err.code, message, source }));
    return message;
  }

  // ---- editing ---------------------------------------------------------------------------

  private get canEdit(): boolean {
    return !this.readonly && metricUnit(this.metric) !== 'ratio';
  }

  private isEditableCol(col: number): boolean {
    const c = this.columns[col - 1];
    return !!c && (c.kind === 'period' || c.kind === 'total') && this.canEdit;
  }

  private startEdit(text: string | null): void {
    const row = this.model.rows[this.nav.row];
    if (!row || row.kind !== 'node' || !this.isEditableCol(this.nav.col)) return;
    const period = this.columns[this.nav.col - 1].period;
    // Someone who may not edit this node (a viewer, a rep, another manager's subtree) is told at once.
    const denied = this.activeStore!.mayEdit(row.id);
    if (denied) {
      this.showError(denied, 'input');
      return;
    }
    // A locked cell or a closed period refuses at once, before anything is typed into it.
    const refused = editRefusal(this.reader!, row.id, period, this.activeStore!.asOf);
    if (refused && !refused.ok) {
      this.showError(refused.error, 'input');
      return;
    }
    const key = `${row.id}|${period}`;
    const draft = this.drafts.get(key);
    const v = this.reader!.value(row.id, period);
    const exact = v === undefined ? '' : metricUnit(this.metric) === 'money' ? this.exactMoney(v) : String(v);
    this.editing = { nodeId: row.id, period, text: text ?? draft?.text ?? exact, select: text === null };
    this.message = draft?.message ?? '';
    this.unlockOffer = null;
  }

  /** The amount in major units, without grouping or a trailing `.00`, so it reads back exactly. */
  private exactMoney(minor: number): string {
    const plan = this.activeStore!.snapshot!.plan;
    const s = formatMoney(minor, { currency: plan.currency, locale: 'en' }).replace(/[^\d.\u2212]/g, '');
    return s.replace(/\.0+$/, '');
  }

  /** Commits the open edit; returns false (and keeps the entry with a message) when it cannot. */
  private commitEdit(): boolean {
    const ed = this.editing;
    const s = this.activeStore;
    const reader = this.reader;
    if (!ed || !s?.snapshot || !reader) return true;
    const key = `${ed.nodeId}|${ed.period}`;
    const parsed = parseCellInput(ed.text, { metric: this.metric, currency: s.snapshot.plan.currency, locale: this.locale });
    if (!parsed.ok) return this.keepDraft(key, ed.text, parsed.error);
    if (parsed.value === reader.value(ed.nodeId, ed.period)) {
      this.closeEdit(key);
      return true;
    }
    const plan = planGridEdit(reader, { nodeId: ed.nodeId, period: ed.period, value: parsed.value }, { mode: this.editMode, asOf: s.asOf });
    if (!plan.ok) return this.keepDraft(key, ed.text, plan.error);
    if (!this.apply(plan.value.cells, plan.value.changes, this.t.goalTree.undoLabel({ name: this.nameOf(ed.nodeId), period: this.periodLabel(ed.period) }), 'manual')) {
      // The store refused (rights, a lock, a closed period): the entry stays with the reason.
      this.drafts.set(key, { text: ed.text, message: this.message });
      return false;
    }
    this.closeEdit(key);
    return true;
  }

  private keepDraft(key: string, text: string, err: Issue): false {
    const message = this.showError(err, 'input');
    this.drafts.set(key, { text, message });
    return false;
  }

  private closeEdit(key: string): void {
    this.drafts.delete(key);
    this.editing = null;
    this.message = '';
    this.unlockOffer = null;
  }

  private cancelEdit(): void {
    if (!this.editing) return;
    this.closeEdit(`${this.editing.nodeId}|${this.editing.period}`);
    void this.nav.focusCell(this.nav.row, this.nav.col);
  }

  /** One undo step in the store, then one `qk-target-change` per changed cell. */
  private apply(cells: TargetCell[], changes: readonly GridCellChange[], label: string, source: 'manual' | 'top-down' | 'import'): boolean {
    const s = this.activeStore!;
    const r = s.applyCells(cells, { label, source });
    if (!r.ok) {
      // The store checks identity, locks and closed periods again: its refusal is shown, nothing changed.
      this.showError({ code: r.error.code, message: r.error.message, ...(r.error.params ? { params: r.error.params } : {}) }, 'input');
      return false;
    }
    for (const c of changes) {
      this.dispatchEvent(new QkTargetChangeEvent({ nodeId: c.nodeId, period: c.period, metric: c.metric, product: c.product ?? null, oldValue: c.oldValue, newValue: c.newValue, source }));
    }
    this.announcement = this.t.goalTree.applied({ count: changes.length });
    return true;
  }

  private toggleLock(): void {
    const row = this.model.rows[this.nav.row];
    if (!row || row.kind !== 'node' || !this.isEditableCol(this.nav.col)) return;
    this.setLock(row.id, this.columns[this.nav.col - 1].period);
  }

  /** Locks or unlocks one cell as an undoable edit (the store's identity checks decide who may). */
  private setLock(nodeId: string, period: string): void {
    const r = planLockToggle(this.reader!, nodeId, period);
    if (!r.ok) {
      this.showError(r.error, 'input');
      return;
    }
    const names = { name: this.nameOf(nodeId), period: this.periodLabel(period) };
    const applied = this.activeStore!.applyCells([r.value], { label: r.value.locked ? this.t.goalTree.lockedNow(names) : this.t.goalTree.unlockedNow(names) });
    if (!applied.ok) {
      this.showError({ code: applied.error.code, message: applied.error.message, ...(applied.error.params ? { params: applied.error.params } : {}) }, 'input');
      return;
    }
    if (this.unlockOffer?.nodeId === nodeId && this.unlockOffer.period === period) {
      this.unlockOffer = null;
      this.message = '';
    }
    this.announcement = r.value.locked ? this.t.goalTree.lockedNow(names) : this.t.goalTree.unlockedNow(names);
  }

  private decompose = (): void => {
    const s = this.activeStore!;
    const snap = s.snapshot!;
    const r = planDecomposition(this.reader!, { org: snap.org, fiscalYear: snap.plan.fiscalYear, calendar: snap.plan.calendar, metric: this.metric, actuals: s.actuals, products: snap.products, asOf: s.asOf });
    if (!r.ok) {
      this.showError(r.error, 'engine');
      return;
    }
    const { cells, changes } = this.diff(r.value.cells);
    this.apply(cells, changes, this.t.goalTree.decomposeLabel, 'top-down');
  };

  /** The cells that differ from the store, with their before/after for the change events. */
  private diff(next: readonly TargetCell[]): { cells: TargetCell[]; changes: GridCellChange[] } {
    const s = this.activeStore!;
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

  private unlockOffered = (): void => {
    const offer = this.unlockOffer;
    if (!offer) return;
    this.setLock(offer.nodeId, offer.period);
    void this.nav.focusCell(this.nav.row, this.nav.col);
  };

  // ---- CSV -------------------------------------------------------------------------------

  /** Downloads the grid as it is shown (expanded rows, period columns and the total) as CSV. */
  private exportCsv = (): void => {
    const s = this.activeStore!;
    const snap = s.snapshot!;
    const reader = this.reader!;
    const fy = `FY${snap.plan.fiscalYear}`;
    // The period columns, then the fiscal year itself as a column headed by its id, so the file
    // imports back (a "total" column would be ignored on import).
    const periods = [...this.columns.filter((c) => c.kind === 'period' && c.period !== fy).map((c) => c.period), fy];
    const rows = this.model.rows.flatMap((r) =>
      r.kind === 'node' ? [{ nodeId: r.id, name: this.nameOf(r.id), values: Object.fromEntries(periods.map((p) => [p, reader.value(r.id, p) ?? null])) }] : [],
    );
    const text = targetsToCsv(rows, {
      periods, metric: this.metric, ...(this.product ? { product: this.product } : {}),
      currency: snap.plan.currency, headers: TARGET_CSV_HEADERS[this.locale], bom: true,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${snap.plan.id}-${fy}-${this.metric}${this.product ? `-${this.product}` : ''}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  private pickCsv = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('input[part~="import-file"]')?.click();
  };

  private onCsvFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.importCsv(await file.text());
  };

  /**
   * Imports targets from CSV text: all or nothing. A file with any problem changes nothing and lists
   * every problem with its line; a clean file is applied as one undo step.
   */
  importCsv(text: string): boolean {
    const s = this.activeStore;
    if (!s?.snapshot) return false;
    const r = parseTargetsCsv(text, { snapshot: s.snapshot, metric: this.metric });
    const t = this.t;
    if (!r.ok) {
      this.importErrors = r.errors.map((i) => errorText(t, i));
      this.showError(r.error, 'input');
      return false;
    }
    this.importErrors = [];
    const { cells, changes } = this.diff(r.value);
    if (!cells.length) {
      this.message = t.goalTree.importEmpty;
      return true;
    }
    this.message = '';
    this.apply(cells, changes, t.goalTree.importLabel({ count: cells.length }), 'import');
    return true;
  }

  // ---- distribute ------------------------------------------------------------------------

  private openDistribute(row: number, col: number): void {
    const r = this.model.rows[row];
    const s = this.activeStore;
    if (!r || r.kind !== 'node' || !r.expandable || this.readonly || !s?.snapshot) return;
    const c = this.columns[col - 1];
    const period = c && (c.kind === 'period' || c.kind === 'total') ? c.period : `FY${s.snapshot.plan.fiscalYear}`;
    this.dialog = { nodeId: r.id, period, method: 'equal', preview: this.preview(r.id, period, 'equal') };
    void this.updateComplete.then(() => {
      const d = (this.renderRoot as ShadowRoot).querySelector('dialog');
      if (d && !d.open) d.showModal();
    });
  }

  private preview(nodeId: string, period: string, method: DistributeMethod): Result<DistributePreview> {
    const s = this.activeStore!;
    const prior = period.replace(/^FY(\d{4})/, (_, y) => `FY${+y - 1}`).replace(/^(\d{4})-(\d{2})$/, (_, y, m) => `${+y - 1}-${m}`);
    const history = method === 'history' || method === 'blend' ? gridActuals(s.actuals, this.index!, { metric: this.metric, period: prior, calendar: s.snapshot!.plan.calendar, product: this.product || null }) : null;
    return planDistribute(this.reader!, { nodeId, period, method, history, asOf: s.asOf });
  }

  private setMethod(method: DistributeMethod): void {
    const d = this.dialog;
    if (d) this.dialog = { ...d, method, preview: this.preview(d.nodeId, d.period, method) };
  }

  private closeDialog = (): void => {
    const d = (this.renderRoot as ShadowRoot).querySelector('dialog');
    if (d?.open) d.close();
    this.dialog = null;
    void this.nav.focusCell(this.nav.row, this.nav.col);
  };

  private applyDistribute = (): void => {
    const d = this.dialog;
    if (!d?.preview.ok) return;
    this.apply(d.preview.value.cells, d.preview.value.changes, this.t.goalTree.distributeLabel({ name: this.nameOf(d.nodeId) }), 'top-down');
    this.closeDialog();
  };

  // ---- events ----------------------------------------------------------------------------

  private onFocusIn = (e: FocusEvent): void => {
    const cell = (e.target as HTMLElement).closest?.('[data-r]') as HTMLElement | null;
    if (cell) this.nav.setActive(Number(cell.dataset.r), Number(cell.dataset.c));
  };

  private onKeydown = (e: KeyboardEvent): void => {
    const target = e.composedPath()[0] as HTMLElement;
    if (target instanceof HTMLInputElement) {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.commitEdit()) void this.nav.focusCell(this.nav.row, this.nav.col);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.cancelEdit();
      } else if (e.key === 'Tab' && !this.commitEdit()) {
        e.preventDefault();
      }
      return;
    }
    if (target.tagName === 'BUTTON') return;
    if (this.nav.handleKey(e)) {
      e.preventDefault();
      return;
    }
    const ctrl = e.ctrlKey || e.metaKey;
    const col = this.nav.col;
    if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      this.openDistribute(this.nav.row, col);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (col === 0) this.toggleRow(this.nav.row);
      else this.startEdit(null);
    } else if (e.key === ' ') {
      e.preventDefault();
      if (col === 0) this.toggleRow(this.nav.row);
      else this.toggleLock();
    } else if (ctrl && (e.key === 'z' || e.key === 'Z')) {
      e.preventDefault();
      if (e.shiftKey) this.activeStore?.redo();
      else this.activeStore?.undo();
    } else if (ctrl && e.key === 'y') {
      e.preventDefault();
      this.activeStore?.redo();
    } else if (!ctrl && !e.altKey && /^[0-9０-９.]$/.test(e.key) && col > 0) {
      e.preventDefault();
      this.startEdit(e.key);
    }
  };

  private onClick = (e: MouseEvent): void => {
    const cell = (e.composedPath()[0] as HTMLElement).closest?.('[data-r]') as HTMLElement | null;
    if (!cell) return;
    this.nav.setActive(Number(cell.dataset.r), Number(cell.dataset.c));
  };

  private onDblClick = (): void => {
    if (this.nav.col > 0) this.startEdit(null);
  };

  private onEditInput = (e: Event): void => {
    if (this.editing) this.editing.text = (e.target as HTMLInputElement).value;
  };

  private onEditBlur = (): void => {
    // Leaving the cell commits; an invalid entry stays in the cell with its message.
    if (this.editing && !this.commitEdit()) this.editing = null;
  };

  // ---- render ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const status = this.renderStatus();
    if (status) return status;
    const s = this.activeStore!;
    const t = this.t;
    const index = this.index;
    const reader = this.reader;
    if (!s.snapshot || !index || !reader || index.order.length === 0) {
      return html`<div part="state empty" class="qk-state" role="status">${t.goalTree.empty}</div>`;
    }
    const { rows } = this.model;
    const cols = this.columns;
    const h = this.rowPx;
    const first = Math.max(0, Math.floor(this.scrollY / h) - OVERSCAN);
    const last = Math.min(rows.length, Math.ceil((this.scrollY + this.viewportPx) / h) + OVERSCAN);
    const visible: number[] = [];
    for (let i = first; i < last; i++) visible.push(i);
    // The active row stays rendered when scrolled away, so the grid keeps its tab stop and focus.
    if (this.nav.row < first || this.nav.row >= last) visible.push(this.nav.row);
    const fy = `FY${s.snapshot.plan.fiscalYear}`;
    const offer = !this.readonly && needsDecomposition(reader, s.snapshot.plan.fiscalYear);
    const label = `${t.goalTree.title} · ${t.metrics[this.metric] ?? this.metric}${this.product ? ` · ${s.snapshot.products.find((p) => p.id === this.product)?.name ?? this.product}` : ''}`;
    return html`
      ${this.renderToolbar(s)}
      ${this.renderSaveStatus()}
      ${offer
        ? html`<div class="notice" part="notice">
            <span>${t.goalTree.decomposeHint}</span>
            <button class="primary" part="decompose" @click=${this.decompose}>${t.goalTree.decompose}</button>
          </div>`
        : nothing}
      ${this.message
        ? html`<div class="message" part="message" id="message" role="alert">${this.message}${this.unlockOffer && this.canEdit
            ? html` <span class="hint">${t.goalTree.unlockHint}</span> <button part="unlock" @click=${this.unlockOffered}>${t.goalTree.unlock}</button>`
            : nothing}</div>`
        : nothing}
      <div class="scroller" part="scroller" @scroll=${this.onScroll}>
        <div
          class="grid"
          part="grid"
          role="treegrid"
          aria-label=${label}
          aria-describedby="help"
          aria-rowcount=${rows.length + 1}
          aria-colcount=${cols.length + 1}
          aria-readonly=${this.canEdit ? nothing : 'true'}
          ${cssProps({ '--_cols': String(cols.length) })}
          @keydown=${this.onKeydown}
          @focusin=${this.onFocusIn}
          @click=${this.onClick}
          @dblclick=${this.onDblClick}
        >
          <div class="head" role="rowgroup">
            <div class="row" role="row" part="header-row" aria-rowindex="1">
              <div class="cell name" role="columnheader" part="column-header" aria-colindex="1" ${cssProps({ '--_level': '1' })}>${t.goalTree.org}</div>
              ${cols.map(
                (c, i) => html`<div class="cell" role="columnheader" part="column-header" aria-colindex=${i + 2} title=${this.periodLabel(c.period)}>
                  ${c.kind === 'period' ? this.periodLabel(c.period, true) : c.kind === 'total' ? t.goalTree.totalOf({ period: fy }) : t.goalTree.columns[c.kind]}
                </div>`,
              )}
            </div>
          </div>
          <div class="body" role="rowgroup" ${cssProps({ height: `${rows.length * h}px` })}>
            ${repeat(
              visible,
              (i) => `${rows[i].kind}:${rows[i].id}`,
              (i) => this.renderRow(rows[i], i, cols, reader),
            )}
          </div>
        </div>
      </div>
      <p id="help" class="qk-visually-hidden">${t.goalTree.keyboardHelp}</p>
      <div class="qk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderDialog()}
    `;
  }

  private renderToolbar(s: QkStore): TemplateResult {
    const t = this.t;
    return html`<div class="toolbar" part="toolbar">
      ${this.canEdit
        ? html`<fieldset part="mode">
            <legend>${t.goalTree.editMode}</legend>
            ${(['rebalance-siblings', 'parent-absorbs'] as const).map(
              (m) => html`<label>
                <input type="radio" name="mode" .checked=${this.editMode === m} @change=${() => (this.editMode = m)} />
                ${m === 'rebalance-siblings' ? t.goalTree.modeRebalance : t.goalTree.modeAbsorb}
              </label>`,
            )}
          </fieldset>`
        : nothing}
      <span class="spacer"></span>
      ${this.canEdit
        ? html`<button part="undo" ?disabled=${!s.canUndo} @click=${() => s.undo()}>${t.common.undo}</button>
            <button part="redo" ?disabled=${!s.canRedo} @click=${() => s.redo()}>${t.common.redo}</button>`
        : nothing}
      <button part="export" @click=${this.exportCsv}>${t.goalTree.exportCsv}</button>
      ${this.canEdit
        ? html`<button part="import" @click=${this.pickCsv}>${t.goalTree.importCsv}</button>
            <input part="import-file" type="file" accept=".csv,text/csv" hidden @change=${this.onCsvFile} />`
        : nothing}
    </div>
    ${this.importErrors.length
      ? html`<ul class="import-errors" part="import-errors">
          ${this.importErrors.slice(0, 20).map((m) => html`<li>${m}</li>`)}
          ${this.importErrors.length > 20 ? html`<li>…</li>` : nothing}
        </ul>`
      : nothing}`;
  }

  private renderRow(row: GridRow, i: number, cols: GridColumn[], reader: GridReader): TemplateResult {
    const t = this.t;
    // cssProps sets properties through CSSOM, which a strict CSP (no 'unsafe-inline') allows.
    const y = cssProps({ transform: `translateY(${i * this.rowPx}px)` });
    if (row.kind === 'loading') {
      return html`<div class="row loading-row" role="row" part="row loading-row" aria-rowindex=${i + 2} aria-level=${row.level} ${y}>
        <div class="cell name" role="gridcell" part="cell name-cell" aria-colindex="1" aria-busy="true" data-r=${i} data-c="0" tabindex=${this.nav.tabIndex(i, 0)} ${cssProps({ '--_level': String(row.level) })}>
          <span class="qk-spinner" aria-hidden="true"></span>${t.goalTree.loadingChildren}
        </div>
      </div>`;
    }
    const node = this.index!.byId.get(row.id)!;
    const s = this.activeStore!;
    const ramp = rampBadge(node, s.asOf);
    const selected = s.focus.nodeId === row.id;
    return html`<div
      class="row"
      role="row"
      part="row"
      aria-rowindex=${i + 2}
      aria-level=${row.level}
      aria-posinset=${row.posInSet}
      aria-setsize=${row.setSize}
      aria-expanded=${row.expandable ? String(row.expanded) : nothing}
      aria-selected=${selected ? 'true' : 'false'}
      ${y}
    ><div class="cell name" role="gridcell" part="cell name-cell" aria-colindex="1" data-r=${i} data-c="0" tabindex=${this.nav.tabIndex(i, 0)} ${cssProps({ '--_level': String(row.level) })}
      ><span class="toggle" part="toggle" aria-hidden="true" ?data-open=${row.expanded} @click=${() => this.toggleRow(i)}>${row.expandable ? '▶' : nothing}</span
      ><span class="label" part="name" title=${node.name}>${node.name}</span
      >${ramp !== null ? html`<span class="badge ramp" part="badge ramp-badge">${t.goalTree.newHire({ percent: formatPercent(ramp, this.locale, 0) })}</span>` : nothing}${row.expandable && this.canEdit
          ? html`<button class="act" part="distribute" tabindex="-1" aria-label=${t.goalTree.distributeLabel({ name: node.name })} @click=${() => this.openDistribute(i, this.nav.row === i ? this.nav.col : 0)}>${t.goalTree.distribute}</button>`
          : nothing}</div
    >${cols.map((c, k) => this.renderCell(row, i, c, k + 1, reader))}</div>`;
  }

  private renderCell(row: GridRow, r: number, col: GridColumn, c: number, reader: GridReader): TemplateResult {
    const t = this.t;
    const id = row.id;
    const tabindex = this.nav.tabIndex(r, c);
    if (col.kind !== 'period' && col.kind !== 'total') {
      let text = '—';
      let diff: TemplateResult | typeof nothing = nothing;
      const target = reader.value(id, col.period);
      if (col.kind === 'actual' || col.kind === 'attainment') {
        const actual = this.actualsFor(col.period)?.get(id);
        text = col.kind === 'actual' ? this.fmt(actual) : formatPercent(attainment(actual, target), this.locale);
      } else if (col.kind === 'top-down') {
        text = this.fmt(target);
      } else {
        const v = this.viewsFor()?.[id];
        const key = col.kind === 'bottom-up' ? 'bottomUp' : col.kind;
        text = this.fmt(v?.[key]);
        const d = col.kind === 'bottom-up' ? v?.bottomUpVsTopDown : col.kind === 'market' ? v?.marketVsTopDown : undefined;
        if (d && d.pct !== null) {
          diff = html`<span class="diff">${formatPercent(d.pct, this.locale, 1, { signed: true })}</span>`;
        }
      }
      return html`<div class="cell value readonly" role="gridcell" part="cell value-cell" aria-colindex=${c + 1} aria-readonly="true" data-r=${r} data-c=${c} tabindex=${tabindex}>
        <span part="value">${text}</span>${diff}
      </div>`;
    }
    const key = `${id}|${col.period}`;
    const editing = this.editing && this.editing.nodeId === id && this.editing.period === col.period ? this.editing : null;
    const draft = this.drafts.get(key);
    const invalid = !!draft;
    const locked = reader.locked(id, col.period);
    const changed = reader.changed(id, col.period);
    const rem = row.expandable ? reader.remainder(id, col.period) : null;
    // Dual view: a target revised after approval or after its period started shows its original too.
    const own = reader.cell(id, col.period);
    const original = own?.original !== undefined && own.original !== own.value ? own.original : undefined;
    const cls = `cell value${locked ? ' locked' : ''}${changed ? ' changed' : ''}${invalid ? ' invalid' : ''}`;
    const part = `cell value-cell${locked ? ' locked' : ''}${changed ? ' changed' : ''}${invalid ? ' invalid' : ''}`;
    // Few DOM nodes per cell (10,000-row grids): no whitespace between parts, one part per slot, and
    // the rare extras (lock, changed, remainder) in one part that is empty for most cells.
    const amount = draft ? html`<span class="draft">${draft.text}</span>` : this.fmt(reader.value(id, col.period));
    const extras =
      locked || changed || rem || original !== undefined
        ? html`${original !== undefined ? html`<s class="original" part="original"><span class="qk-visually-hidden">${t.goalTree.original} </span>${this.fmt(original)}</s>` : nothing}${locked ? html`<span class="qk-visually-hidden">${t.goalTree.locked}</span>` : nothing}${changed ? html`<span class="qk-visually-hidden">${t.goalTree.changed}</span>` : nothing}${rem
            ? html`<span class="remainder${rem < 0 ? ' over' : ''}" part="remainder">${rem > 0 ? t.goalTree.unallocated({ amount: this.fmt(rem) }) : t.goalTree.overAllocated({ amount: this.fmt(-rem) })}</span>`
            : nothing}`
        : nothing;
    return html`<div
      class=${cls}
      role="gridcell"
      part=${part}
      aria-colindex=${c + 1}
      aria-readonly=${this.canEdit ? nothing : 'true'}
      aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${invalid && this.message ? 'message' : nothing}
      title=${original !== undefined ? t.goalTree.revised({ value: this.fmt(own!.value), original: this.fmt(original) }) : nothing}
      data-r=${r}
      data-c=${c}
      tabindex=${tabindex}
    >${editing
        ? html`<input
            class="edit"
            part="input"
            .value=${editing.text}
            aria-label=${t.goalTree.editLabel({ name: this.nameOf(id), period: this.periodLabel(col.period) })}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${invalid && this.message ? 'message' : nothing}
            @input=${this.onEditInput}
            @blur=${this.onEditBlur}
          />${extras}`
        : extras === nothing
          ? html`<span class="amount" part="value">${locked ? html`${lockIcon}${amount}` : amount}</span>`
          : html`<span class="amount" part="value">${locked ? html`${lockIcon}${amount}` : amount}</span>${extras}`}</div>`;
  }

  private renderDialog(): TemplateResult | typeof nothing {
    const d = this.dialog;
    if (!d) return nothing;
    const t = this.t;
    const total = this.reader?.value(d.nodeId, d.period);
    const p = d.preview;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @cancel=${(e: Event) => { e.preventDefault(); this.closeDialog(); }}>
      <h2 id="dialog-title">${t.goalTree.distributeTitle({ name: this.nameOf(d.nodeId), period: this.periodLabel(d.period), amount: this.fmt(total) })}</h2>
      <fieldset>
        <legend>${t.goalTree.method}</legend>
        ${DISTRIBUTE_METHODS.map(
          (m) => html`<label><input type="radio" name="method" .checked=${d.method === m} @change=${() => this.setMethod(m)} /> ${t.goalTree.methods[m]}</label>`,
        )}
      </fieldset>
      ${p.ok
        ? html`<table part="preview">
              <thead>
                <tr><th scope="col">${t.goalTree.child}</th><th scope="col">${t.goalTree.current}</th><th scope="col">${t.goalTree.proposed}</th><th scope="col">${t.goalTree.change}</th></tr>
              </thead>
              <tbody>
                ${p.value.children.map((c) => {
                  const delta = c.to - (c.from ?? 0);
                  return html`<tr>
                    <th scope="row">${this.nameOf(c.id)}${c.locked ? html` ${lockIcon}<span class="qk-visually-hidden">${t.goalTree.locked}</span>` : nothing}</th>
                    <td>${this.fmt(c.from)}</td>
                    <td>${this.fmt(c.to)}</td>
                    <td class=${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}>${delta > 0 ? '+' : delta < 0 ? '−' : ''}${this.fmt(Math.abs(delta))}</td>
                  </tr>`;
                })}
              </tbody>
            </table>
            ${p.value.fallbackSources.length
              ? html`<p>${t.goalTree.fallback({ sources: p.value.fallbackSources.map((x) => t.goalTree.methods[x as DistributeMethod] ?? x).join(', ') })}</p>`
              : nothing}`
        : html`<p class="message" role="alert">${this.errorMessage(p.error)}</p>`}
      <div class="actions">
        <button @click=${this.closeDialog}>${t.goalTree.cancel}</button>
        <button class="primary" ?disabled=${!p.ok} @click=${this.applyDistribute}>${t.goalTree.apply}</button>
      </div>
    </dialog>`;
  }
}

declare global {
  // The events of <qk-goal-tree>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-target-change': QkTargetChangeEvent;
    'qk-focus-change': QkFocusChangeEvent;
    'qk-error': QkErrorEvent;
  }
}
