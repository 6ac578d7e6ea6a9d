import { html, nothing, type CSSResult, type PropertyValues, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { QkElement } from '../../internal/qk-element.js';
import { renderSaveStatus } from '../../internal/save-status.js';
import { Memo } from '../../internal/memo.js';
import { baseStyles } from '../../theme/base-styles.js';
import { styles } from './goal-tree.styles.js';
import { GridNavigation, type GridNavigationHost } from './grid-navigation.js';
import type { EditMode } from '../../engine/plan/edit.js';
import type { MetricId } from '../../engine/plan/model.js';
import { formatCount, formatMoney, formatPercent } from '../../engine/money/money.js';
import { newProductMinShare } from '../../engine/plan/product-mix.js';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import { planInputsFor, presetOf, renderSwitches } from './goal-tree-switches.js';
import type { InputsForm } from './goal-tree-inputs-form.js';
import type { RampEditor } from './ramp-editor.js';
import type { ViewName } from '../../engine/plan/views.js';
import {
  attainment,
  gridActuals,
  gridColumns,
  gridReader,
  gridViews,
  metricUnit,
  needsDecomposition,
  parseViewColumns,
  rampBadge,
  type GridColumn,
  type GridGranularity,
  type GridReader,
  type GridRow,
  type GridRows,
  type GridViews,
} from './goal-tree.model.js';
import type { QkErrorEvent } from '../../events/qk-error.js';
import { QkFocusChangeEvent } from '../../events/qk-focus-change.js';
import type { QkTargetChangeEvent } from '../../events/qk-target-change.js';
import type { QkStore } from '../../store/store.js';
import { goalTreeStrings } from '../../i18n/loaders/goal-tree.js';
import { formatDate } from '../../i18n/dates.js';
import { parsePeriodId } from '../../engine/calendar/periods.js';
import type { GoalTreeView } from './goal-tree.view.js';
import { VirtualRows } from './virtual-rows.controller.js';
import { TreeRows } from './tree-rows.controller.js';
import { GridEdits } from './grid-edits.controller.js';
import { CellEditor } from './cell-editor.controller.js';
import { CsvTransfer } from './csv.controller.js';
import { DistributeDialog } from './distribute-dialog.controller.js';
import { RowMenu } from './row-menu.controller.js';
import { rowMenuStyles } from './row-menu.styles.js';
import type { PeopleCards } from './goal-tree.cards.js';
import { LazyPart } from './lazy-part.js';
import { StepRunner } from '../../internal/step-runner.js';
import { state } from 'lit/decorators.js';
import { latestLater } from '../../internal/latest-later.js';
import { contentWidth, serverRendered } from '../../internal/content-width.js';

/** Org nodes from which the first read of a period's values runs in slices (a loading state meanwhile). */
const SLICED_FROM_NODES = 2_000;

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
 * @csspart lock-toggle - The padlock button of a locked cell and of the active cell (`aria-pressed` while locked).
 * @csspart row-menu - A row's ⋯ button (menu button: lock or unlock the cell, distribute).
 * @csspart row-menu-list - The open row menu (`role="menu"`).
 * @csspart menu-item - An item of the row menu; also `lock-item` or `distribute-item`.
 * @csspart dialog - The distribute dialog.
 * @csspart preview - The preview table in the dialog.
 * @csspart state - The loading / empty / error box.
 * @csspart export - The "Export CSV" button.
 * @csspart export-xlsx - The "Export Excel" button (.xlsx, money as numbers with a currency format).
 * @csspart import - The "Import CSV" button.
 * @csspart import-errors - The list of problems of a rejected CSV import, one per line of the file.
 * @csspart cards-view - The people cards shown on a narrow container (below 36em) instead of the grid.
 * @csspart cards - The list of cards of one team.
 * @csspart card - One person's or sub-team's card (target, actual, gap, attainment, status, bottleneck).
 * @csspart status - A card's pace status.
 * @csspart open-team - The button that opens a sub-team's cards.
 * @csspart breadcrumb - The path from the top of the org to the team shown.
 * @csspart crumb - A step of the path (a button back to that team).
 * @csspart show-table - The button that leaves the cards for the full table.
 * @csspart show-cards - The button that goes back to the cards on a narrow container.
 * @csspart inputs - The planning-inputs form of the selected row (sources view): commitment, market size and share, blend.
 * @csspart import-commitments - The "Import commitments" button of the inputs form (CSV or .xlsx, all or nothing).
 * @csspart inputs-problems - The problems of a rejected commitments file, one per row.
 * @csspart ramp-editor - The ramp-curve editor of a selected rep (tenure-month steps, % of a full target).
 * @csspart part-loading - The loading line shown while the people cards, the inputs form or the ramp editor load (they come by import() when first shown).
 * @csspart ramp-step - One step of the ramp curve (`ramp-from`, `ramp-to`, `ramp-factor` inputs, `ramp-remove`).
 * @csspart ramp-save - The "Save ramp" button (`ramp-add`, `ramp-reset` beside it; `ramp-message` for the answer).
 *
 * @cssprop [--qk-goal-tree-row-height=40px] - Row height (virtualization reads it).
 * @cssprop [--qk-goal-tree-name-width=240px] - Width of the org column.
 * @cssprop [--qk-goal-tree-column-width=128px] - Width of each value column.
 * @cssprop [--qk-goal-tree-max-height=480px] - Height of the scrolling box.
 * @cssprop [--qk-goal-tree-indent=16px] - Indent per tree level.
 * @cssprop [--qk-goal-tree-header-background=var(--qk-color-surface-alt)] - Header background.
 * @cssprop [--qk-goal-tree-remainder-color=color-mix(in srgb, var(--qk-color-warning) 80%, var(--qk-color-text))] - Color of the unallocated amount.
 */
export class QkGoalTree extends QkElement<'goalTree'> implements GridNavigationHost {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'market', 'blendWeights'];

  protected override get strings() {
    return goalTreeStrings;
  }

  // The people cards' styles come with their module (adoptCardStyles).
  static override styles = [baseStyles, styles, rowMenuStyles];

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
  /**
   * A host's override of the least share (0…1) of each rep-month new product lines carry when the
   * plan is decomposed. Unset, the plan's own `newProductMinShare` is used (default 10 %): the one
   * stored rule, which the switches' control saves through the adapter (and which clears this
   * override, so the tree shows what was saved).
   */
  @property({ attribute: 'min-new-share', type: Number }) minNewShare?: number;
  /** Shows the view, metric and product switches above the tree. */
  @property({ type: Boolean, reflect: true }) switches = false;
  /**
   * `auto`: people cards when the element is narrower than 36em (a phone), the grid otherwise;
   * `cards` or `table` pins one.
   */
  @property({ reflect: true }) layout: 'auto' | 'cards' | 'table' = 'auto';

  /** The element is narrower than 36em (a ResizeObserver watches its width). */
  @state() private narrow = false;
  /** The user left the cards for the full table on a narrow element. */
  @state() private tableChosen = false;
  private resizer?: ResizeObserver;
  private readonly setNarrow = latestLater((narrow: boolean) => (this.narrow = narrow));
  /** Hydrating a server-rendered tree: its first update draws what the server drew (the observer's answer follows). */
  private readonly hydrating = serverRendered(this);
  /** Whether a content box `w` px wide is narrow (under 36em): cards instead of the grid. */
  private isNarrow(w: number): boolean {
    const em = parseFloat(getComputedStyle(this).fontSize) || 14;
    return w > 0 && w < 36 * em;
  }

  /** Whether the people cards show instead of the grid. */
  private get showCards(): boolean {
    return this.layout === 'cards' || (this.layout === 'auto' && this.narrow && !this.tableChosen);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizer ??= new ResizeObserver((entries) => {
      const narrow = this.isNarrow(entries[entries.length - 1].contentRect.width);
      // The latest answer, after the observer's delivery (`latestLater`): swapping cards and grid
      // inside it resizes within the same loop.
      this.setNarrow(narrow);
    });
    this.resizer.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.warm?.runner.cancel();
    this.warm = null;
    this.resizer?.disconnect();
  }

  /** Shows a team's cards (null: the top), loading its members if the store has not got them. */
  private openTeam(id: string | null): void {
    if (this.cards) this.cards.parent = id;
    if (id !== null && this.index && this.index.children(id).length === 0) {
      this.tree.openAncestors(id);
      const row = this.model.rowOf.get(id);
      if (row !== undefined) this.tree.toggle(row, true);
    }
    this.requestUpdate();
    void this.updateComplete.then(() => (this.renderRoot as ShadowRoot).querySelector<HTMLElement>('[part~="cards"]')?.focus());
  }

  private readonly nav = new GridNavigation(this);
  // The inputs form, the ramp editor and the people cards come by import() when first shown (issue #14).
  private readonly inputsPart = new LazyPart(this, () => import('./goal-tree-inputs-form.js'));
  private inputsForm: InputsForm | null = null;
  private readonly rampPart = new LazyPart(this, () => import('./ramp-editor.js'));
  private rampEditor: RampEditor | null = null;
  private readonly cardsPart = new LazyPart(this, () => import('./goal-tree.cards.js'));
  private cards: PeopleCards | null = null;

  /** The line shown while a part loads. */
  private renderPartLoading(): TemplateResult {
    return html`<p class="qk-state" part="part-loading" role="status" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.goalTree.loadingChildren}</p>`;
  }

  /** The ramp editor of a selected rep: a loading line until its module is there; nothing if it failed to load. */
  private renderRampEditor(s: QkStore, id: string): TemplateResult | typeof nothing {
    const m = this.rampPart.get();
    if (!m) return this.rampPart.failed ? nothing : this.renderPartLoading();
    this.rampEditor ??= new m.RampEditor(this);
    return this.rampEditor.render({ t: this.t, store: s, nodeId: id, name: this.nameOf(id) });
  }

  /** Whether the people cards can show: wanted, and their module not failed to load (then the grid shows). */
  private get cardsShown(): boolean {
    return this.showCards && !this.cardsPart.failed;
  }

  /**
   * Adds styles that arrived with a lazily loaded part after the element's own (the same order as
   * in `static styles`): a constructable stylesheet, which a strict CSP allows, or, where adopting
   * is not supported, a `<style>` element as lit itself falls back to.
   */
  private adoptLateStyles(extra: CSSResult): void {
    const root = this.renderRoot;
    if (typeof ShadowRoot === 'undefined' || !(root instanceof ShadowRoot)) return;
    const sheet = extra.styleSheet;
    if (sheet && 'adoptedStyleSheets' in root) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    else {
      const style = document.createElement('style');
      style.textContent = extra.cssText;
      root.append(style);
    }
  }

  /** The people cards: a loading line until their module is there. */
  private renderCards(fiscalYear: number): TemplateResult | typeof nothing {
    const m = this.cardsPart.get();
    if (!m) return this.renderPartLoading();
    if (!this.cards) this.adoptLateStyles(m.cardStyles);
    this.cards ??= new m.PeopleCards({
      view: this.view,
      state: () => this.activeStore?.state ?? null,
      actuals: (period) => this.actualsFor(period),
      open: (id) => this.openTeam(id),
      showTable: () => {
        this.tableChosen = true;
      },
    });
    return this.cards.render(fiscalYear);
  }

  /** The inputs form of the sources view, for the selected row (the first row until one is chosen). */
  private renderInputs(s: QkStore): TemplateResult | typeof nothing {
    const m = this.inputsPart.get();
    if (!m) return this.inputsPart.failed ? nothing : this.renderPartLoading();
    this.inputsForm ??= new m.InputsForm(this);
    const id = this.model.rows[this.nav.row]?.id ?? null;
    const node = id === null ? undefined : this.index?.byId.get(id);
    const form = this.inputsForm.render({
      t: this.t, locale: this.locale, store: s, nodeId: id, name: id === null ? '' : this.nameOf(id), isRep: node?.kind === 'rep',
      metric: this.metric, product: this.product, fmtExact: (v) => String(this.metric === 'revenue' || this.metric === 'collections' ? v / 100 : v),
    });
    return id !== null && node?.kind === 'rep' ? html`${form}${this.renderRampEditor(s, id)}` : form;
  }
  /** What the controllers read from this element. */
  private readonly view: GoalTreeView = {
    host: this,
    nav: this.nav,
    store: () => this.activeStore,
    t: () => this.t,
    locale: () => this.locale,
    metric: () => this.metric,
    product: () => this.product,
    readonly: () => this.readonly,
    canEdit: () => this.canEdit,
    editMode: () => this.editMode,
    minNewShare: () => newProductMinShare(this.activeStore?.snapshot?.plan, this.minNewShare),
    index: () => this.index,
    reader: () => this.reader,
    rows: () => this.model,
    columns: () => this.columns,
    fmt: (v) => this.fmt(v),
    periodLabel: (period, short) => this.periodLabel(period, short),
    nameOf: (id) => this.nameOf(id),
  };
  private readonly virtual = new VirtualRows(this);
  private readonly tree = new TreeRows(this, {
    index: () => this.index,
    expandDepth: () => this.expandDepth,
    store: () => this.activeStore,
    loadFailed: (err) => this.edits.showError(err, 'adapter'),
  });
  private readonly edits = new GridEdits(this.view);
  private readonly editor = new CellEditor(this.view, this.edits);
  private readonly csv = new CsvTransfer(this.view, this.edits);
  private readonly dialog = new DistributeDialog(this.view, this.edits);
  private readonly menu = new RowMenu(this.view, this.edits, this.dialog);

  // Focus sync with the other widgets of the store.
  private activeId: string | null = null;
  private selfFocus = false;
  private followFocus = false;

  // Memoized models: rebuilt only when their inputs change, never on a plain re-render.
  private readonly readerMemo = new Memo<GridReader>();
  private readonly actualsMemo = new Memo<ReadonlyMap<string, number> | null>();
  private readonly viewsMemo = new Memo<GridViews | null>();

  // ---- models --------------------------------------------------------------------------

  /** The org index of the read model (rebuilt by the store only when the org changes). */
  private get index(): OrgIndex | null {
    return this.activeStore?.state?.index ?? null;
  }

  private get model(): GridRows {
    return this.tree.model;
  }

  /** One reader per read-model state (immutable, so its memoized answers never go stale), metric and product. */
  private get reader(): GridReader | null {
    const s = this.activeStore;
    const state = s?.state;
    if (!s?.snapshot || !state) return null;
    return this.readerMemo.get([this.metric, this.product, state], () =>
      gridReader({
        state,
        metric: this.metric,
        product: this.product || null,
        isPending: (c) => s.isPending(c),
      }),
    );
  }

  private get columns(): GridColumn[] {
    const plan = this.activeStore?.snapshot?.plan;
    return plan ? gridColumns(plan.fiscalYear, this.granularity, plan.calendar, parseViewColumns(this.views)) : [];
  }

  private actualsFor(period: string): ReadonlyMap<string, number> | null {
    const s = this.activeStore!;
    return this.actualsMemo.get([s.actuals, this.index, this.metric, this.product, period], () =>
      gridActuals(s.actuals, this.index!, { metric: this.metric, period, calendar: s.snapshot!.plan.calendar, product: this.product || null }),
    );
  }

  private viewsFor(): GridViews | null {
    const s = this.activeStore!;
    const deps = [s.dataRevision, this.metric, this.product, this.growth, JSON.stringify(this.blendWeights ?? null), this.market ? Object.keys(this.market).length : 0];
    return this.viewsMemo.get(deps, () => {
      const r = gridViews(this.reader!, {
        fiscalYear: s.snapshot!.plan.fiscalYear,
        calendar: s.snapshot!.plan.calendar,
        actuals: s.actuals,
        growth: this.growth,
        ...planInputsFor(s.snapshot!, this.metric, this.product, this.market, this.blendWeights),
      });
      return r.ok ? r.value : null;
    });
  }

  // ---- navigation host -------------------------------------------------------------------

  get navRowCount(): number {
    return this.model.rows.length;
  }

  get navColCount(): number {
    return this.columns.length + 1;
  }

  get navPageSize(): number {
    return this.virtual.pageSize;
  }

  navCell(row: number, col: number): HTMLElement | null {
    const root = this.renderRoot as ShadowRoot;
    return root.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${col}"]`) ?? root.querySelector<HTMLElement>(`[data-r="${row}"][data-c="0"]`);
  }

  navReveal(row: number): void {
    this.virtual.reveal(row);
  }

  navToggle(row: number, expand: boolean): boolean {
    return this.tree.toggle(row, expand);
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

  // ---- lifecycle -------------------------------------------------------------------------

  protected override storeChanged(change: string): void {
    if (change === 'focus' && !this.selfFocus) this.followFocus = true;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Cards or grid decided before the first drawing (`contentWidth`), not the grid swapped for the
    // cards a frame and a task later by the observer.
    if (!this.hasUpdated && !this.hydrating) this.narrow = this.isNarrow(contentWidth(this));
    super.willUpdate(changed);
    if (!this.index) return;
    if (this.followFocus) {
      this.followFocus = false;
      this.revealNode(this.activeStore!.focus.nodeId, this.activeStore!.focus.period);
    }
    this.tree.loadPending();
    // Rows above the active one may have appeared or gone: keep the active cell on its node.
    const rows = this.model.rows;
    if (this.activeId !== null && rows[this.nav.row]?.id !== this.activeId) {
      const at = this.model.rowOf.get(this.activeId);
      if (at !== undefined) this.nav.row = at;
    }
    if (this.nav.row >= rows.length) this.nav.row = Math.max(0, rows.length - 1);
    if (this.nav.col >= this.navColCount) this.nav.col = this.navColCount - 1;
  }

  /** Opens the ancestors of a node selected elsewhere and scrolls it into view. */
  private revealNode(nodeId: string | null, period: string | null): void {
    const index = this.index;
    if (!nodeId || !index?.byId.has(nodeId)) return;
    this.tree.openAncestors(nodeId);
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
    const p = parsePeriodId(period);
    if (!p.ok) return period;
    const q = p.value;
    if (q.granularity === 'quarter') return short ? t.quarter({ quarter: q.quarter }) : `FY${q.fiscalYear} ${t.quarter({ quarter: q.quarter })}`;
    if (q.granularity === 'month') return formatDate(`${period}-01`, this.locale, short ? 'month' : 'month-year');
    return period;
  }

  private nameOf(id: string): string {
    return this.index?.byId.get(id)?.name ?? id;
  }

  /**
   * Saves the plan's new-product minimum share through the store (the adapter, with the signed-in
   * user's rights over the whole plan); a refusal is shown on the message line and sent as `qk-error`.
   */
  private async saveMinNewShare(share: number): Promise<void> {
    const s = this.activeStore;
    if (!s) return;
    const err = await s.saveInputs({ newProductMinShare: share });
    if (err) {
      this.edits.showError(err, 'input');
    } else {
      this.minNewShare = undefined;
      this.edits.message = '';
      this.edits.announcement = this.t.goalTree.minNewShareSaved({ percent: formatPercent(share, this.locale, 1) });
    }
    this.requestUpdate();
  }

  private get canEdit(): boolean {
    return !this.readonly && metricUnit(this.metric) !== 'ratio';
  }

  /**
   * Imports targets from CSV text: all or nothing. A file with any problem changes nothing and lists
   * every problem with its line; a clean file is applied as one undo step.
   */
  importCsv(text: string): boolean {
    return this.csv.importCsv(text);
  }

  /** Imports targets from a CSV or .xlsx file (a `File` from a picker or a drop), all or nothing. */
  importFile(file: Blob): Promise<boolean> {
    return this.csv.importFile(file);
  }

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
        if (this.editor.commit()) void this.nav.focusCell(this.nav.row, this.nav.col);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        this.editor.cancel();
      } else if (e.key === 'Tab' && !this.editor.commit()) {
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
    if ((e.key === 'F10' && e.shiftKey) || e.key === 'ContextMenu') {
      e.preventDefault();
      this.menu.open(this.nav.row, col, this.navCell(this.nav.row, col));
    } else if (e.key === 'Enter' && e.shiftKey) {
      e.preventDefault();
      this.dialog.open(this.nav.row, col);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (col === 0) this.tree.toggle(this.nav.row);
      else this.editor.start(null);
    } else if (e.key === ' ') {
      e.preventDefault();
      if (col === 0) this.tree.toggle(this.nav.row);
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
      this.editor.start(e.key);
    }
  };

  private toggleLock(): void {
    const row = this.model.rows[this.nav.row];
    if (!row || row.kind !== 'node' || !this.editor.isEditableCol(this.nav.col)) return;
    this.edits.setLock(row.id, this.columns[this.nav.col - 1].period);
  }

  private onClick = (e: MouseEvent): void => {
    const cell = (e.composedPath()[0] as HTMLElement).closest?.('[data-r]') as HTMLElement | null;
    if (!cell) return;
    this.nav.setActive(Number(cell.dataset.r), Number(cell.dataset.c));
  };

  /** A right click on a cell opens the row menu there (the cell becomes the active one). */
  private onContextMenu = (e: MouseEvent): void => {
    const cell = (e.composedPath()[0] as HTMLElement).closest?.('[data-r]') as HTMLElement | null;
    if (!cell || !this.canEdit) return;
    e.preventDefault();
    this.nav.setActive(Number(cell.dataset.r), Number(cell.dataset.c));
    this.menu.open(Number(cell.dataset.r), Number(cell.dataset.c), cell);
  };

  private onDblClick = (): void => {
    if (this.nav.col > 0) this.editor.start(null);
  };

  // ---- render ----------------------------------------------------------------------------

  /** The reader whose first values of a large org are being read in slices (`valueSteps`). */
  private warm: { reader: GridReader; runner: StepRunner<void> } | null = null;

  /**
   * Whether a large org's values of the year and the shown columns are still being read: the
   * first read of a period is a pass over every node (hundreds of milliseconds at 100,000), so
   * above `SLICED_FROM_NODES` it runs in slices while a loading state shows.
   */
  private warming(reader: GridReader, fy: string): boolean {
    if (reader.index.order.length < SLICED_FROM_NODES) return false;
    const periods = [...new Set([fy, ...this.columns.filter((c) => c.kind === 'period' || c.kind === 'total').map((c) => c.period)])].filter((p) => !reader.ready(p));
    if (!periods.length) return false;
    if (this.warm?.reader !== reader) {
      this.warm?.runner.cancel();
      const steps = function* () {
        for (const p of periods) yield* reader.valueSteps(p);
      };
      const settle = () => {
        if (this.warm?.reader === reader) this.warm = null;
        this.requestUpdate();
      };
      this.warm = { reader, runner: new StepRunner(steps(), { progress: () => {}, done: settle, fail: settle }) };
    }
    return true;
  }

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
    if (this.warming(reader, `FY${s.snapshot.plan.fiscalYear}`)) {
      return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${t.common.loading}</div>`;
    }
    const { rows } = this.model;
    const cols = this.columns;
    const h = this.virtual.rowPx;
    // The active row stays rendered when scrolled away, so the grid keeps its tab stop and focus.
    const visible = this.virtual.window(rows.length, this.nav.row);
    const fy = `FY${s.snapshot.plan.fiscalYear}`;
    const offer = !this.readonly && needsDecomposition(reader, s.snapshot.plan.fiscalYear);
    const label = `${t.goalTree.title} · ${t.metrics[this.metric] ?? this.metric}${this.product ? ` · ${s.snapshot.products.find((p) => p.id === this.product)?.name ?? this.product}` : ''}`;
    return html`
      ${this.switches
        ? renderSwitches(this, t, s.snapshot.products, this.canEdit, () => this.requestUpdate(), {
            value: newProductMinShare(s.snapshot.plan, this.minNewShare),
            save: (v) => void this.saveMinNewShare(v),
          })
        : nothing}
      ${this.switches && presetOf(this.views) === 'sources' ? this.renderInputs(s) : nothing}
      ${this.renderToolbar(s)}
      ${renderSaveStatus(this.activeStore, this.t)}
      ${offer
        ? html`<div class="notice" part="notice">
            <span>${t.goalTree.decomposeHint}</span>
            <button class="primary" part="decompose" @click=${this.edits.decompose}>${t.goalTree.decompose}</button>
          </div>`
        : nothing}
      ${this.edits.message
        ? html`<div class="message" part="message" id="message" role="alert">${this.edits.message}${this.edits.unlockOffer && this.canEdit
            ? html` <span class="hint">${t.goalTree.unlockHint}</span> <button part="unlock" @click=${this.edits.unlockOffered}>${t.goalTree.unlock}</button>`
            : nothing}</div>`
        : nothing}
      ${this.cardsShown ? this.renderCards(s.snapshot.plan.fiscalYear) : this.renderGrid(rows, cols, visible, label, fy, reader, h)}
      <p id="help" class="qk-visually-hidden">${t.goalTree.keyboardHelp}</p>
      <div class="qk-visually-hidden" role="status" aria-live="polite">${this.edits.announcement}</div>
      ${this.dialog.render()}
      ${this.menu.render()}
    `;
  }

  private renderGrid(rows: GridRow[], cols: GridColumn[], visible: number[], label: string, fy: string, reader: GridReader, h: number): TemplateResult {
    const t = this.t;
    return html`${this.narrow && this.layout === 'auto'
        ? html`<div class="cards-bar"><button class="to-table" part="show-cards" @click=${() => (this.tableChosen = false)}>${t.goalTree.cards.showCards}</button></div>`
        : nothing}
      <div class="scroller" part="scroller" @scroll=${this.virtual.onScroll}>
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
          @contextmenu=${this.onContextMenu}
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
      </div>`;
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
      <button part="export" @click=${this.csv.exportCsv}>${t.goalTree.exportCsv}</button>
      <button part="export-xlsx" @click=${this.csv.exportXlsx}>${t.common.exportXlsx}</button>
      ${this.canEdit
        ? html`<button part="import" @click=${this.csv.pickCsv}>${t.goalTree.importCsv}</button>
            <input part="import-file" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" hidden @change=${this.csv.onCsvFile} />`
        : nothing}
    </div>
    ${this.csv.errors.length
      ? html`<ul class="import-errors" part="import-errors">
          ${this.csv.errors.slice(0, 20).map((m) => html`<li>${m}</li>`)}
          ${this.csv.errors.length > 20 ? html`<li>…</li>` : nothing}
        </ul>`
      : nothing}`;
  }

  private renderRow(row: GridRow, i: number, cols: GridColumn[], reader: GridReader): TemplateResult {
    const t = this.t;
    // cssProps sets properties through CSSOM, which a strict CSP (no 'unsafe-inline') allows.
    const y = cssProps({ transform: `translateY(${i * this.virtual.rowPx}px)` });
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
      ><span class="toggle" part="toggle" aria-hidden="true" ?data-open=${row.expanded} @click=${() => this.tree.toggle(i)}>${row.expandable ? '▶' : nothing}</span
      ><span class="label" part="name" title=${node.name}>${node.name}</span
      >${ramp !== null ? html`<span class="badge ramp" part="badge ramp-badge">${t.goalTree.newHire({ percent: formatPercent(ramp, this.locale, 0) })}</span>` : nothing}${row.expandable && this.canEdit
          ? html`<button class="act" part="distribute" tabindex="-1" aria-label=${t.goalTree.distributeLabel({ name: node.name })} @click=${() => this.dialog.open(i, this.nav.row === i ? this.nav.col : 0)}>${t.goalTree.distribute}</button>`
          : nothing}${this.menu.renderButton(i, node.name)}</div
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
    const editing = this.editor.editingAt(id, col.period);
    const draft = this.editor.draftAt(id, col.period);
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
      aria-describedby=${invalid && this.edits.message ? 'message' : nothing}
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
            aria-describedby=${invalid && this.edits.message ? 'message' : nothing}
            @input=${this.editor.onInput}
            @blur=${this.editor.onBlur}
          />${extras}`
        : extras === nothing
          ? html`<span class="amount" part="value">${this.menu.renderLock(id, col.period, locked, tabindex === 0)}${amount}</span>`
          : html`<span class="amount" part="value">${this.menu.renderLock(id, col.period, locked, tabindex === 0)}${amount}</span>${extras}`}</div>`;
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
