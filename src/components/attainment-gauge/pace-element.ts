import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QkElementBase, type DataStoreModule } from '../../internal/qk-element.js';
import type { SectionKey } from '../../i18n/types.js';
import { ViewModelController } from '../../internal/view-model.controller.js';
import type { StoreView } from '../../store/read-store.js';
import type { MetricId } from '../../engine/plan/model.js';
import type { PaceBasis } from '../../engine/pace/pace.js';
import { evaluateAlerts, nextStatuses, type Status, type StatusThresholds } from '../../engine/pace/status.js';
import { paceView, resolvePaceFigures, type PaceFigures, type PaceView } from '../../engine/pace/view.js';
import { formatMoney, formatMoneyRange, formatPercent, type MoneyRangeText } from '../../engine/money/money.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkAlertEvent } from '../../events/qk-alert.js';
import { latestLater } from '../../internal/latest-later.js';
import { contentWidth, serverRendered } from '../../internal/content-width.js';

/** What a pace element shows: a view, the reason there is none, or an error. */
export type PaceState =
  | { kind: 'ready'; view: PaceView }
  | { kind: 'missing'; reason: 'no-target' | 'metric-unsupported'; nodeName: string; period: string; metric: MetricId }
  | { kind: 'error'; code: string; message: string; params: Record<string, string | number> };

/**
 * The statuses last seen per store, keyed by `alertKey`: every gauge and pace chart under one
 * provider shares one record, so a status change raises one `qk-alert`, not one per widget.
 */
const seenByStore = new WeakMap<StoreView, Record<string, Status>>();

/**
 * The base of `qk-attainment-gauge` and `qk-pace-chart`: resolves which node, period and metric to
 * show (own attributes → the store's focus → defaults), computes the view with the engine
 * (memoized per store revision), raises `qk-alert` on status changes and `qk-error` on bad input,
 * and tracks the element's width for a layout that follows its container.
 */
export abstract class QkPaceElement<K extends SectionKey = 'gauge'> extends QkElementBase<K | 'gauge', StoreView> {
  /** Given `.data`, a gauge or pace chart builds the read model alone (no editing store, no zod for valid data). */
  protected static override dataStoreKind = 'read' as const;
  protected static override importDataStore(): Promise<DataStoreModule> {
    return import('../../internal/read-data-store.js');
  }

  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'thresholds', 'model'];

  /** The org node to show; default: the store's focus, then the org's root. */
  @property({ reflect: true }) node = '';

  /** The period (`FY2026`, `FY2026-Q4`, `2026-11`, `2026-W48`); default: the store's focus, then the quarter holding today if it has a target, else the fiscal year. */
  @property({ reflect: true }) period = '';

  /** The metric (`revenue` or `collections`); default: the store's focus, then `revenue`. */
  @property({ reflect: true }) metric = '';

  /** One product line only; default: the store's focus (all product lines when none). */
  @property({ reflect: true }) product = '';

  /** How expected-to-date is measured: `working-days` (default), `seasonality` (from the node's history), `ramp` (a new hire's ramp). */
  @property({ reflect: true }) basis: PaceBasis = 'working-days';

  /** Status band thresholds over the defaults (see `DEFAULT_STATUS_THRESHOLDS`). */
  @property({ attribute: false }) thresholds?: Partial<StatusThresholds>;

  /** Figures to show without a store: `{ target, actual | actuals, period, asOf, currency?, pipeline?, … }` (see `PaceFigures`). Wins over the store. */
  @property({ attribute: false }) model?: PaceFigures;

  /** The element's width in CSS pixels: measured before the first render, then from a ResizeObserver (0 while not rendered). */
  @state() protected width = 0;

  private resizeObserver?: ResizeObserver;
  private readonly setWidth = latestLater((w: number) => (this.width = w));
  /** Hydrating a server-rendered element: its first update draws at the server's width (the observer's answer follows). */
  private readonly hydrating = serverRendered(this);
  /** The state to show, memoized per store revision (or per given figures), with its `qk-error`. */
  private readonly vm = new ViewModelController<PaceState, StoreView>(this, {
    store: () => this.activeStore,
    own: () => !!this.model,
    // Data views recompute on data changes only: moving the focus elsewhere or a save state does not.
    key: (store) =>
      store
        ? [store.dataRevision, this.node || store.focus.nodeId, this.period || store.focus.period, this.metric || store.focus.metric, this.product || store.focus.product, this.basis].join('|')
        : [this.node, this.period, this.metric, this.basis].join('|'),
    inputs: () => [this.model, this.thresholds],
    compute: (store) => (this.model ? this.fromModel(this.model) : this.fromStore(store!)),
    shownError: (s, key) =>
      !s ? undefined
      : s.kind === 'error' ? { key: `${s.code}|${JSON.stringify(s.params)}|${key}`, detail: { code: s.code, message: this.errorMessage(s), source: this.model ? 'data' : 'engine' } }
      : null,
    announce: (shown) => this.announceError(shown),
  });
  private ownSeen: Record<string, Status> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      this.resizeObserver ??= new ResizeObserver((entries) => {
        // The latest width, after the observer's delivery (`latestLater`).
        this.setWidth(Math.round(entries[entries.length - 1].contentRect.width));
      });
      this.resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The width measured before the first drawing (and while still unknown), not a guess corrected
    // a frame and a task later by the observer (`contentWidth`).
    if (!this.width && !(this.hydrating && !this.hasUpdated)) this.width = contentWidth(this);
    super.willUpdate(changed);
  }

  /** The state to show, or `null` while the store is not ready (render `renderStatus()` then). */
  protected get paceState(): PaceState | null {
    return this.vm.value;
  }

  private fromModel(model: PaceFigures): PaceState {
    const figures: PaceFigures = {
      ...model,
      ...(this.thresholds ? { thresholds: { ...model.thresholds, ...this.thresholds } } : {}),
      ...(model.basis === undefined && this.basis !== 'working-days' ? { basis: this.basis } : {}),
    };
    return this.toState(paceView(figures));
  }

  private fromStore(store: StoreView): PaceState {
    const focus = store.focus;
    const resolved = resolvePaceFigures(
      store.state!,
      {
        nodeId: this.node || focus.nodeId,
        period: this.period || focus.period,
        metric: (this.metric || focus.metric) as MetricId,
        product: this.product || focus.product,
        basis: this.basis,
        ...(this.thresholds ? { thresholds: this.thresholds } : {}),
      },
    );
    if (!resolved.ok) return this.toState(resolved);
    const r = resolved.value;
    if (!r.figures) return { kind: 'missing', reason: r.missing!, nodeName: r.nodeName, period: r.period, metric: r.metric };
    return this.toState(paceView(r.figures));
  }

  private toState(r: { ok: true; value: PaceView } | { ok: false; error: { code: string; message: string; params?: Record<string, string | number> } }): PaceState {
    return r.ok ? { kind: 'ready', view: r.value } : { kind: 'error', code: r.error.code, message: r.error.message, params: r.error.params ?? {} };
  }

  /** The localized message of an error state (codes of the engine, plus this element's own). */
  protected errorMessage(s: Extract<PaceState, { kind: 'error' }>): string {
    if (s.code === 'pace-node-unknown') return this.t.gauge.nodeUnknown({ node: String(s.params.node ?? '') });
    return localizeIssue(this.t, s);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const s = this.vm.current;
    if (s?.kind === 'ready') this.raiseAlerts(s.view);
  }

  private raiseAlerts(view: PaceView): void {
    const store = this.model ? undefined : this.activeStore;
    const seen = store ? (seenByStore.get(store) ?? {}) : this.ownSeen;
    const observation = {
      nodeId: view.nodeId,
      metric: view.metric,
      period: view.period,
      status: view.status.status,
      reason: view.status.reason,
      params: view.status.params,
    };
    const alerts = evaluateAlerts(seen, [observation]);
    const next = nextStatuses(seen, [observation]);
    if (store) seenByStore.set(store, next);
    else this.ownSeen = next;
    for (const a of alerts) {
      const message = localizeIssue(this.t, { code: a.reason, message: a.reason, params: a.params });
      this.dispatchEvent(new QkAlertEvent({ ...a, message }));
    }
  }

  /** Money in the view's currency and this element's locale; `compact` writes 万/亿 in zh-CN, K/M/B in en. */
  protected money(view: PaceView, minor: number, compact = true): string {
    return formatMoney(minor, { currency: view.currency, locale: this.locale, compact });
  }

  /** A range (the forecast's p10–p90) whose two ends never print alike when they differ. */
  protected moneyRange(view: PaceView, low: number, high: number, compact = true): MoneyRangeText {
    return formatMoneyRange(low, high, { currency: view.currency, locale: this.locale, compact });
  }

  protected percent(ratio: number | null, digits = 1): string {
    return formatPercent(ratio, this.locale, digits);
  }

  protected metricName(metric: MetricId): string {
    return this.t.metrics[metric] ?? metric;
  }

  /** Draws the element for a computed view (the gauge, the chart). */
  protected renderView(_view: PaceView): TemplateResult {
    return html``;
  }

  /** Loading / error / no-data states, then the view: the same for the gauge and the chart. */
  protected override render() {
    const state = this.paceState;
    if (!state) {
      return this.renderStatus() ?? html`<div part="state empty" class="qk-state" role="status">${this.t.common.noData}</div>`;
    }
    if (state.kind === 'error') {
      return html`<div part="state error" class="qk-state qk-error" role="alert">
        <strong>${this.t.common.errorTitle}</strong>
        <p>${this.errorMessage(state)}</p>
      </div>`;
    }
    if (state.kind === 'missing') {
      const text = state.reason === 'no-target'
        ? this.t.gauge.noTarget({ node: state.nodeName, period: state.period })
        : this.t.gauge.metricUnsupported({ metric: this.metricName(state.metric) });
      return html`<div part="state empty" class="qk-state" role="status">${text}</div>`;
    }
    return this.renderView(state.view);
  }

}
