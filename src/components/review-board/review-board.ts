import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QkElement } from '../../internal/qk-element.js';
import { ViewModelController } from '../../internal/view-model.controller.js';
import { baseStyles } from '../../theme/base-styles.js';
import { reviewPeriod, type PeriodReview, type ReviewEffect, type ReviewInput, type ReviewKpi, type ReviewMarket, type ReviewMessage, type ReviewOptions } from '../../engine/review/review.js';
import { reviewFromSnapshot, type ReviewQuery, type ReviewReport } from '../../engine/review/source.js';
import { reviewToCsv, type ReviewCsvLabels } from '../../engine/review/csv.js';
import { exportTables } from '../../internal/export-buttons.js';
import { reviewTable } from './review.export.js';
import { layoutWaterfall } from './review-board.layout.js';
import { estimateTextWidth, fitLabel } from '../../engine/geometry/label.js';
import { formatCount, formatMoney, formatPercent, formatPoints } from '../../engine/money/money.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { QkReviewApplyEvent, type QkReviewApplyDetail } from '../../events/qk-review-apply.js';
import type { QkStore } from '../../store/store.js';
import { styles } from './review-board.styles.js';
import { reviewStrings } from '../../i18n/loaders/review.js';
import { cardStyles } from '../../theme/card-styles.js';
import type { QkErrorEvent } from '../../events/qk-error.js';
import { svgTitle } from '../../internal/svg-title.js';
import { latestLater } from '../../internal/latest-later.js';
import { contentWidth, serverRendered } from '../../internal/content-width.js';

/** Figures to review without a store: `reviewPeriod`'s input plus what the header shows. */
export interface ReviewBoardModel extends ReviewInput {
  currency?: string;
  nodeName?: string;
  period?: string;
  /** Display names of the stages by id (default: the ids). */
  stageNames?: Record<string, string>;
}

type BoardState =
  | { kind: 'ready'; review: PeriodReview; report: ReviewReport | null; currency: string; heading: string; names: Record<string, string> }
  | { kind: 'error'; code: string; message: string; params: Record<string, string | number> };

/** Label font size of the waterfall (px), and the width from which its names get a column of their own. */
const FONT = 11;
const WIDE = 560;

/**
 * The period review (复盘): a waterfall from planned to actual revenue through each funnel factor's
 * effect (leads, each stage's conversion, average deal size; the effects add up to the gap exactly),
 * the KPI table plan vs actual with variances, the diagnosis, the findings ranked by money effect,
 * and recommendations for the next cycle (updated conversion assumptions, a proposed next target
 * blended from the plan, the actual and the optional market view, and the funnel it needs), with a
 * "Use for the next cycle" button that hands them to the host (`qk-review-apply`; e.g. as
 * `qk-funnel-inverter`'s `inputs`). Exports the review as CSV.
 *
 * Shows the store's focus (node and period) unless `node` or `period` pin it; works without a
 * provider from `.data` (a plan and actuals) or `.model` (the figures of `reviewPeriod`).
 *
 * @tag qk-review-board
 * @summary Period review: exact revenue-gap attribution, KPI table, findings and recommendations.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title row with the export button.
 * @csspart title - The node and period.
 * @csspart export - The CSV export button.
 * @csspart note - Notes on a running period, the assumptions and the method.
 * @csspart waterfall - The figure holding the chart and its hidden data table (labelled).
 * @csspart chart - The SVG (hidden from assistive technology; the hidden table carries its numbers).
 * @csspart bar - A waterfall bar (also `bar-plan`, `bar-actual`, `bar-up`, `bar-down`).
 * @csspart bar-label - A bar's value (after the bar on wide containers, at the end of the line above it on narrow ones).
 * @csspart axis-note - Where the value axis starts when it is cut (zoomed to the bridge), beside the chart's title.
 * @csspart axis - Grid lines and their labels.
 * @csspart connector - The dashed line from a bar's end to the next bar's start.
 * @csspart axis-break - The break mark across the plan and actual bars when the axis is zoomed to the bridge (it does not start at 0).
 * @csspart kpi-table - The KPI table.
 * @csspart row - A row of the KPI table.
 * @csspart cell - A cell of the KPI table (the plan column's header is also `plan-basis` while the period runs: "Plan to date", pro rata, with the basis in its tooltip).
 * @csspart diagnosis - The headline diagnosis.
 * @csspart findings - The ranked findings.
 * @csspart finding - One finding.
 * @csspart recommendations - The recommendations list.
 * @csspart apply - The "Use for the next cycle" button (shown when the recommendation is complete).
 * @csspart state - Loading, empty and error states.
 *
 * @cssprop [--qk-review-board-up=var(--qk-color-success)] - Bars and variances better than plan.
 * @cssprop [--qk-review-board-down=var(--qk-color-danger)] - Bars and variances worse than plan.
 * @cssprop [--qk-review-board-total=var(--qk-color-primary)] - The plan and actual bars.
 *
 * @fires qk-error - Bad figures, an unknown node or missing assumptions: the message is also shown in place.
 * @fires qk-review-apply - The user pressed "Use for the next cycle": `{ nodeId, period, rates, avgDealSize, nextTarget }`,
 *   rates as `[{ id, rate }]` in funnel order, ready for `qk-funnel-inverter`'s `inputs` (`{ target: nextTarget, avgDealSize, stages: rates }`).
 */
export class QkReviewBoard extends QkElement<'review'> {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'rates', 'avgDealSize', 'options', 'model', 'clv', 'market'];

  protected override get strings() {
    return reviewStrings;
  }

  static override styles = [baseStyles, cardStyles, styles];

  /** The org node to review; default: the store's focus, then the org's root. */
  @property({ reflect: true }) node = '';

  /** The period (`FY2026-Q3`, `2026-09`, `FY2026`); default: the store's focus, then the last closed quarter with a target. */
  @property({ reflect: true }) period = '';

  /** The plan's conversion rates (stage i → i + 1) instead of the ones learned from history. */
  @property({ attribute: false }) rates?: (number | null)[];

  /** The plan's average deal size (minor units) instead of the one learned from history. */
  @property({ attribute: false }) avgDealSize?: number;

  /** Options of `reviewPeriod` (prior weights, next-target blend and growth). */
  @property({ attribute: false }) options?: ReviewOptions;

  /** Under a store: customer lifetime value from the host's CRM, minor units (`{ plan, actual }`); without an actual it is computed from bookings that name their customer, or the KPI table says why it is not available. */
  @property({ attribute: false }) clv?: ReviewQuery['clv'];

  /** Under a store: the market view of the next cycle, `{ size, share }` (size in minor units), blended into the next target. */
  @property({ attribute: false }) market?: ReviewMarket | null;

  /** Figures to review without a store (see `ReviewBoardModel`). Wins over the store. */
  @property({ attribute: false }) model?: ReviewBoardModel;

  @state() private width = 0;
  @state() private announcement = '';

  private resizeObserver?: ResizeObserver;
  private readonly setWidth = latestLater((w: number) => (this.width = w));
  /** Hydrating a server-rendered board: its first update draws at the server's width (the observer's answer follows). */
  private readonly hydrating = serverRendered(this);
  /** The board shown, memoized on the read model's data revision and the focus (a save-state change recomputes nothing). */
  private readonly vm = new ViewModelController<BoardState>(this, {
    store: () => this.activeStore,
    own: () => !!this.model,
    key: (store) => (this.model ? `model|${this.locale}` : [store!.dataRevision, this.node || store!.focus.nodeId, this.period || store!.focus.period, this.locale].join('|')),
    inputs: () => [this.activeStore?.state ?? null, this.model, this.rates, this.avgDealSize, this.options, this.clv, this.market],
    compute: (store) => (this.model ? this.fromModel(this.model) : this.fromStore(store!)),
    shownError: (s, key) =>
      s?.kind === 'error'
        ? { key: `${s.code}|${JSON.stringify(s.params)}|${key}`, detail: { code: s.code, message: this.errorMessage(s), source: this.model ? 'data' : 'engine' } }
        : null,
    announce: (shown) => this.announceError(shown),
  });

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
    // The width measured before the first drawing (and while still unknown), not the 660 px guess
    // corrected a frame and a task later by the observer (`contentWidth`).
    if (!this.width && !(this.hydrating && !this.hasUpdated)) this.width = contentWidth(this);
    super.willUpdate(changed);
  }

  /** The review shown now, or null while there is none (loading, error). */
  get review(): PeriodReview | null {
    const s = this.boardState;
    return s?.kind === 'ready' ? s.review : null;
  }

  private get boardState(): BoardState | null {
    return this.vm.value;
  }

  private fromModel(model: ReviewBoardModel): BoardState {
    const r = reviewPeriod(model, this.options);
    if (!r.ok) return { kind: 'error', code: r.error.code, message: r.error.message, params: r.error.params ?? {} };
    const heading = model.nodeName && model.period ? this.t.review.heading({ node: model.nodeName, period: model.period }) : this.t.review.title;
    return { kind: 'ready', review: r.value, report: null, currency: model.currency ?? 'CNY', heading, names: model.stageNames ?? {} };
  }

  private fromStore(store: QkStore): BoardState {
    const state = store.state!;
    const r = reviewFromSnapshot(
      state,
      {
        nodeId: this.node || store.focus.nodeId,
        period: this.period || store.focus.period,
        ...(this.rates ? { rates: this.rates } : {}),
        ...(this.avgDealSize !== undefined ? { avgDealSize: this.avgDealSize } : {}),
        ...(this.options ? { options: this.options } : {}),
        ...(this.clv ? { clv: this.clv } : {}),
        ...(this.market ? { market: this.market } : {}),
      },
    );
    if (!r.ok) return { kind: 'error', code: r.error.code, message: r.error.message, params: r.error.params ?? {} };
    const names = Object.fromEntries(state.stages.map((s) => [s.id, s.name?.[this.locale] ?? s.id]));
    return { kind: 'ready', review: r.value, report: r.value, currency: r.value.currency, heading: this.t.review.heading({ node: r.value.nodeName, period: r.value.period }), names };
  }

  private errorMessage(s: Extract<BoardState, { kind: 'error' }>): string {
    if (s.code === 'review-node-unknown') return this.t.review.nodeUnknown({ node: String(s.params.node ?? '') });
    return this.text({ code: s.code, params: s.params }, {}) || localizeIssue(this.t, s);
  }

  /** A message of the review engine (or the funnel's) in the current language, with stage names and currency filled in. */
  private text(m: ReviewMessage, names: Record<string, string>, currency = 'CNY'): string {
    return localizeIssue(this.t, { code: m.code, message: '', params: { ...m.params, currency } }, {
      param: (k, v) => (typeof v === 'string' && (k === 'from' || k === 'to' || k === 'stage') ? (names[v] ?? v) : v),
    });
  }

  // ---- formatting ---------------------------------------------------------------------------

  private money(v: number, currency: string, compact = true): string {
    return formatMoney(Math.round(v), { currency, locale: this.locale, compact });
  }

  private signedMoney(v: number, currency: string): string {
    return formatMoney(Math.round(v), { currency, locale: this.locale, compact: true, signed: true });
  }

  private kpiValue(k: ReviewKpi, v: number | null, currency: string): string {
    if (v === null) return '—';
    if (k.unit === 'money') return this.money(v, currency);
    if (k.unit === 'ratio') return formatPercent(v, this.locale);
    if (k.unit === 'days') return this.t.review.days({ n: formatCount(Math.round(v * 10) / 10, this.locale) });
    return formatCount(v, this.locale);
  }

  private kpiVariance(k: ReviewKpi, currency: string): string {
    const v = k.variance;
    if (v === null) return '—';
    if (k.unit === 'ratio') return formatPoints(v, this.locale, { signed: true });
    if (k.unit === 'money') return this.signedMoney(v, currency);
    if (k.unit === 'days') return this.t.review.days({ n: formatCount(Math.round(v * 10) / 10, this.locale, { signed: true }) });
    return formatCount(v, this.locale, { signed: true });
  }

  private kpiLabel(k: ReviewKpi, names: Record<string, string>): string {
    const t = this.t;
    const name = (id: string | null) => (id === null ? '' : (names[id] ?? id));
    switch (k.id) {
      case 'revenue': return t.metrics.revenue;
      case 'rate': return t.review.rate({ from: name(k.stageId), to: name(k.nextStageId) });
      case 'avgDealSize': return t.metrics.avgDealSize;
      case 'salesCycle': return t.review.salesCycle;
      case 'collections': return t.metrics.collections;
      case 'collectionRate': return t.metrics.collectionRate;
      case 'clv': return t.review.clv;
      case 'crmCompleteness': return t.review.crmCompleteness;
      default: return name(k.stageId);
    }
  }

  private effectLabel(e: ReviewEffect, names: Record<string, string>): string {
    const t = this.t.review;
    if (e.kind === 'leads') return t.effectLeads;
    if (e.kind === 'rate') return t.effectRate({ from: names[e.stageId!] ?? e.stageId!, to: names[e.nextStageId!] ?? e.nextStageId! });
    if (e.kind === 'avgDealSize') return t.effectDealSize;
    return t.unplanned;
  }

  // ---- export -------------------------------------------------------------------------------

  /** The review as CSV text (what the export button downloads), or null when there is no review. */
  csv(): string | null {
    const s = this.boardState;
    if (s?.kind !== 'ready') return null;
    return reviewToCsv(s.review, s.currency, this.exportLabels(s), { bom: true });
  }

  private exportLabels(s: Extract<BoardState, { kind: 'ready' }>): ReviewCsvLabels {
    const t = this.t.review;
    return {
      headers: t.csvHeaders,
      sections: t.csvSections,
      kpi: (k) => this.kpiLabel(k, s.names),
      effect: (e) => this.effectLabel(e, s.names),
      findings: [this.text(s.review.diagnosis, s.names, s.currency), ...s.review.findings.map((f) => this.text(f, s.names, s.currency)), ...s.review.recommendation.messages.map((m) => this.text(m, s.names, s.currency))],
    };
  }

  /** Downloads the review as an Excel workbook (.xlsx: every figure a number in its unit's format); resolves to the file name. */
  async exportXlsx(): Promise<string | null> {
    const s = this.boardState;
    if (s?.kind !== 'ready') return null;
    const name = await exportTables(() => [reviewTable(s.review, s.currency, this.exportLabels(s), this.t.review.title)], 'xlsx', this.fileName().replace(/\.csv$/, ''));
    this.announcement = this.t.review.exported({ file: name });
    return name;
  }

  private fileName(): string {
    const r = this.vm.current?.kind === 'ready' ? this.vm.current.report : null;
    const base = r ? `review-${r.nodeId}-${r.period}` : `review${this.model?.period ? `-${this.model.period}` : ''}`;
    return `${base.replace(/[^\w\-.]+/g, '_')}.csv`;
  }

  private exportCsv(): void {
    const text = this.csv();
    if (text === null) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = this.fileName();
    a.rel = 'noopener';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    this.announcement = this.t.review.exported({ file: a.download });
  }

  // ---- next cycle ---------------------------------------------------------------------------

  /** The recommendation as `qk-review-apply` carries it; null while it is incomplete (no target, a rate or the deal size unknown). */
  private applyDetail(s: Extract<BoardState, { kind: 'ready' }>): QkReviewApplyDetail | null {
    const rec = s.review.recommendation;
    if (rec.nextTarget === null || rec.avgDealSize.updated === null || rec.rates.some((r) => r.updated === null)) return null;
    return {
      nodeId: s.report?.nodeId ?? '',
      period: s.report?.period ?? this.model?.period ?? null,
      rates: s.review.stages.map((id, i) => (i < rec.rates.length ? { id, rate: rec.rates[i].updated! } : { id })),
      avgDealSize: rec.avgDealSize.updated,
      nextTarget: rec.nextTarget,
    };
  }

  private applyRecommendations(): void {
    const s = this.boardState;
    const detail = s?.kind === 'ready' ? this.applyDetail(s) : null;
    if (!detail) return;
    this.dispatchEvent(new QkReviewApplyEvent(detail));
    this.announcement = this.t.review.applied;
  }

  // ---- render -------------------------------------------------------------------------------

  protected override render() {
    const s = this.boardState;
    if (!s) return this.renderStatus() ?? html`<div part="state empty" class="qk-state" role="status">${this.t.common.noData}</div>`;
    if (s.kind === 'error') {
      return html`<div part="state error" class="qk-state qk-error" role="alert"><strong>${this.t.common.errorTitle}</strong><p>${this.errorMessage(s)}</p></div>`;
    }
    const t = this.t.review;
    const { review, report, currency, names } = s;
    return html`<section part="base" class="base" aria-label=${`${t.title}: ${s.heading}`}>
      <div part="header" class="header">
        <h2 part="title" class="title qk-clamp" title=${`${t.title} · ${s.heading}`}>${t.title} · ${s.heading}</h2>
        <span class="qk-export"><button part="export" class="export" @click=${this.exportCsv}>${t.exportCsv}</button><button part="export-xlsx" class="export" @click=${() => void this.exportXlsx()}>${this.t.common.exportXlsx}</button></span>
      </div>
      ${report?.partial ? html`<p part="note partial" class="note">${t.partial({ date: report.end, elapsed: report.partial.elapsed, total: report.partial.total, target: this.money(report.partial.target, currency) })}</p>` : nothing}
      ${this.renderWaterfall(review, currency, names, report)}
      <p part="note" class="note">${t.method[review.attribution.method]}${report?.assumptions.source === 'history' && report.assumptions.window ? ` ${t.assumptionsFromHistory(report.assumptions.window)}` : ''}</p>
      <div class="columns">
        <div class="col">
          <h3>${t.diagnosisTitle}</h3>
          <p part="diagnosis" class="diagnosis">${this.text(review.diagnosis, names, currency)}</p>
          <h3>${t.findingsTitle}</h3>
          ${review.findings.length === 0
            ? html`<p class="muted">${t.noFindings}</p>`
            : html`<ol part="findings" class="findings">
                ${review.findings.map((f) => html`<li part="finding" class=${`finding ${f.amount > 0 ? 'up' : f.amount < 0 ? 'down' : ''}`}>
                  <span class="amount" aria-hidden="true">${this.signedMoney(f.amount, currency)}</span>
                  <span>${this.text(f, names, currency)}</span>
                </li>`)}
              </ol>`}
          <h3>${t.recommendationsTitle}</h3>
          <ul part="recommendations" class="recommendations">
            ${review.recommendation.messages.map((m) => html`<li>${this.text(m, names, currency)}</li>`)}
          </ul>
          ${this.applyDetail(s) ? html`<button part="apply" class="apply" @click=${this.applyRecommendations}>${t.applyNext}</button>` : nothing}
        </div>
        <div class="col">${this.renderKpis(review, currency, names, report)}</div>
      </div>
      <div class="qk-visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }

  private renderWaterfall(review: PeriodReview, currency: string, names: Record<string, string>, report: ReviewReport | null): TemplateResult {
    const t = this.t.review;
    // While the period runs the plan bar is the target pro rata: named so, as in the KPI table.
    const planLabel = report?.partial ? t.planToDate : t.planBar;
    const a = review.attribution;
    // The host's width less the panel's padding and border.
    const width = Math.max(240, (this.width || 660) - 20);
    const shown = a.effects.filter((e) => e.kind !== 'unplanned');
    const rowNames = [planLabel, ...shown.map((e) => this.effectLabel(e, names)), t.actualBar];
    const rowValues = [this.money(a.plan, currency), ...shown.map((e) => this.signedMoney(e.amount, currency)), this.money(a.actual, currency)];
    // Wide: the names in a column at the left (up to a quarter of the width), each value after its
    // bar. Narrow: each name and value on a line above the bar, which then has the whole width.
    const nameColumn = width >= WIDE ? Math.round(Math.min(width / 4, Math.max(64, ...rowNames.map((n) => estimateTextWidth(n, FONT))) + 16)) : 0;
    const valueRoom = Math.ceil(Math.max(...rowValues.map((v) => estimateTextWidth(v, FONT)))) + 12;
    const layout = layoutWaterfall(a, { width }, { nameColumn, valueRoom, tickText: (v) => this.money(v, currency), fontSize: FONT });
    const gap = this.signedMoney(a.gap, currency);
    const brk = layout.axisBreak;
    const cut = brk ? t.axisBroken({ floor: this.money(brk.floor, currency) }) : '';
    const label = `${t.waterfallLabel({ plan: this.money(a.plan, currency), actual: this.money(a.actual, currency), gap })}${cut ? ` ${cut}` : ''}`;
    const { plot } = layout;
    return html`<figure part="waterfall" class="waterfall" aria-label=${label}>
      <figcaption class="caption" aria-hidden="true">${t.waterfallTitle}${cut ? html`<span part="axis-note" class="axis-note"> · ${cut}</span>` : nothing}</figcaption>
      <svg part="chart" class="chart" aria-hidden="true" viewBox="0 0 ${width} ${layout.height}" width=${width} height=${layout.height}>
        ${layout.ticks.map((k) => svg`<g part="axis" class="axis">
          <line x1=${k.x} x2=${k.x} y1=${plot.top} y2=${layout.axisY}></line>
          <text x=${k.x} y=${layout.tickLabelY} text-anchor="middle">${this.money(k.value, currency)}</text>
        </g>`)}
        <line part="axis" class="axis-floor" x1=${plot.left} x2=${plot.right} y1=${layout.axisY} y2=${layout.axisY}></line>
        <line part="axis" class="axis-floor" x1=${layout.baseline} x2=${layout.baseline} y1=${plot.top} y2=${layout.axisY}></line>
        ${layout.connectors.map((c) => svg`<line part="connector" class="connector" x1=${c.x} x2=${c.x} y1=${c.y1} y2=${c.y2}></line>`)}
        ${layout.bars.map((b, i) => {
          const dir = b.kind !== 'effect' ? b.kind : b.value > 0 ? 'up' : b.value < 0 ? 'down' : 'zero';
          const name = rowNames[i], value = rowValues[i];
          // Stacked: the name has the line less its value; column: the names' column less its padding.
          const room = layout.mode === 'column' ? nameColumn - 12 : width - 4 - estimateTextWidth(value, FONT) - 12;
          const fit = fitLabel(name, room, FONT);
          const middle = layout.mode === 'column' ? 'middle' : 'auto';
          return svg`<g>
            <rect part=${`bar bar-${dir}`} class=${`bar ${dir}`} x=${b.x} y=${b.y} width=${b.width} height=${b.height}>${svgTitle(`${name}: ${value}`)}</rect>
            <text class="x-label" x=${layout.nameX} y=${b.labelY} text-anchor=${layout.mode === 'column' ? 'end' : 'start'} dominant-baseline=${middle}>${fit.text}${fit.clipped ? svgTitle(name) : nothing}</text>
            <text part="bar-label" class="bar-label" x=${b.valueX} y=${b.labelY} text-anchor=${layout.mode === 'column' ? 'start' : 'end'} dominant-baseline=${middle}>${value}</text>
          </g>`;
        })}
        ${brk ? this.breakMark(layout, brk.x) : nothing}
      </svg>
      <div class="qk-visually-hidden"><table>
        <caption>${t.waterfallTitle}</caption>
        <thead><tr><th scope="col">${t.columns.kpi}</th><th scope="col">${t.columns.effect}</th><th scope="col">${t.columns.from}</th><th scope="col">${t.columns.to}</th></tr></thead>
        <tbody>
          ${layout.bars.map((b, i) => html`<tr><th scope="row">${rowNames[i]}</th><td>${rowValues[i]}</td><td>${this.money(b.from, currency, false)}</td><td>${this.money(b.to, currency, false)}</td></tr>`)}
        </tbody>
      </table></div>
    </figure>`;
  }

  /** The mark of a broken axis: a gap between two slanted strokes across the plan and actual bars and the axis line. */
  private breakMark(layout: ReturnType<typeof layoutWaterfall>, x: number) {
    const cuts = [
      ...layout.bars.filter((b) => b.kind !== 'effect').map((b) => [b.y - 2, b.y + b.height + 2] as const),
      [layout.axisY - 5, layout.axisY + 5] as const,
    ];
    return svg`<g part="axis-break" class="axis-break">${cuts.map(([y0, y1]) => svg`<path d=${`M${x - 5} ${y1}L${x - 1} ${y0}H${x + 3}L${x - 1} ${y1}Z`}></path>
        <path class="stroke" d=${`M${x - 5} ${y1}L${x - 1} ${y0}M${x - 1} ${y1}L${x + 3} ${y0}`}></path>`)}</g>`;
  }

  private renderKpis(review: PeriodReview, currency: string, names: Record<string, string>, report: ReviewReport | null): TemplateResult {
    const t = this.t.review;
    // While the period runs the plan column is pro rata: say so in its header, with the basis in a tooltip.
    const partial = report?.partial ?? null;
    const tip = partial ? t.proRataTip({ elapsed: partial.elapsed, total: partial.total, target: this.money(partial.target, currency, false) }) : '';
    return html`<table part="kpi-table" class="kpis">
      <caption>${t.kpiTitle}</caption>
      <thead><tr part="row">
        <th scope="col" part="cell">${t.columns.kpi}</th>
        ${partial
          ? html`<th scope="col" part="cell plan-basis" title=${tip}>${t.planToDate}<span class="qk-visually-hidden"> (${tip})</span></th>`
          : html`<th scope="col" part="cell">${t.columns.plan}</th>`}
        <th scope="col" part="cell">${t.columns.actual}</th>
        <th scope="col" part="cell">${t.columns.variance}</th><th scope="col" part="cell">${t.columns.varianceRatio}</th>
      </tr></thead>
      <tbody>
        ${review.kpis.map((k) => {
          const tone = k.favorable === null ? '' : k.favorable ? 'up' : 'down';
          return html`<tr part="row" class=${k.id === 'rate' ? 'sub' : ''}>
            <th scope="row" part="cell">${this.kpiLabel(k, names)}</th>
            <td part="cell" data-label=${partial ? t.planToDate : t.columns.plan}>${this.kpiValue(k, k.plan, currency)}</td>
            <td part="cell" data-label=${t.columns.actual}>${this.kpiValue(k, k.actual, currency)}${k.id === 'clv' && k.actual === null && report?.clvUnavailable
              ? html` <div part="note" class="clv-reason">${t.clvUnavailable[report.clvUnavailable]}</div>`
              : nothing}</td>
            <td part="cell" class=${tone} data-label=${t.columns.variance}>${this.kpiVariance(k, currency)}${tone ? html`<span class="qk-visually-hidden"> (${tone === 'up' ? t.favorable : t.unfavorable})</span>` : nothing}</td>
            <td part="cell" class=${tone} data-label=${t.columns.varianceRatio}>${k.varianceRatio === null ? '—' : formatPercent(k.varianceRatio, this.locale, 1, { signed: true })}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  // The events of <qk-review-board>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-error': QkErrorEvent;
    'qk-review-apply': QkReviewApplyEvent;
  }
}
