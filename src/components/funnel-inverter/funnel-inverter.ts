import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { QkElement } from '../../internal/qk-element.js';
import { baseStyles } from '../../theme/base-styles.js';
import { styles } from './funnel-inverter.styles.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import { formatCount, formatMoney, formatNumber, formatPercent, parseMoney } from '../../engine/money/money.js';
import type { FunnelStage } from '../../engine/plan/model.js';
import type { PlanState } from '../../engine/plan/plan-state.js';
import type { QkIssue } from '../../engine/shared/result.js';
import {
  DEFAULT_CONFIDENCE,
  DEFAULT_LOOKBACK_MONTHS,
  bareFunnelContext,
  computeFunnel,
  computeFunnelSteps,
  funnelContext,
  funnelContextSteps,
  type FunnelContext,
  type FunnelInputs,
  type FunnelResults,
} from '../../engine/funnel/view.js';
import { layoutFunnel } from './funnel-inverter.layout.js';
import { QkFunnelChangeEvent } from '../../events/qk-funnel-change.js';
import { exportTables, renderExportButtons } from '../../internal/export-buttons.js';
import type { ExportFormat } from '../../export/table.js';
import { funnelTables } from './funnel.export.js';
import { daysDraft, fieldOfPath, moneyDraft, normalizeDecimal, percentDraft, percentToRatio, type FieldKey } from './drafts.js';
import { funnelStrings } from '../../i18n/loaders/funnel.js';
import { formatDate } from '../../i18n/dates.js';
import { fitLabel } from '../../engine/geometry/label.js';
import type { QkErrorEvent } from '../../events/qk-error.js';
import { StepRunner } from '../../internal/step-runner.js';
import type { Result } from '../../engine/shared/result.js';
import { latestLater } from '../../internal/latest-later.js';
import { PagerController, pagerStyles } from '../../internal/pager.js';

/** Above this many org nodes under the node shown, its context is gathered in slices (`funnelContextSteps`). */
const SLICED_FROM_NODES = 2_000;
/** From this many reps, the what-if (its split over the reps) is computed in slices (`computeFunnelSteps`). */
const SLICED_FROM_REPS = 2_000;

/** A stage of the `inputs` property: its id, display name, conversion to the next stage and days in it. */
export interface FunnelInputsStage {
  id: string;
  name?: string | { en: string; 'zh-CN': string };
  rate?: number;
  avgDays?: number;
}

/** What a host may set as the what-if inputs; any field left out comes from the plan and history. */
export interface FunnelInputsInit {
  /** Revenue target, integer minor units (分). */
  target?: number;
  /** Average deal size, integer minor units. */
  avgDealSize?: number;
  stages?: FunnelInputsStage[];
  /** 0 < confidence < 1; default 0.8. */
  confidence?: number;
}

const CONFIDENCE_LEVELS = [0.5, 0.8, 0.9, 0.95];
/** Not an engine code: a rate or a duration that is not a number at all. */
const NAN_CODE = 'funnel-input-nan';

interface FormStage {
  id: string;
  name: FunnelStage['name'] | string;
  rate: number | null;
  avgDays: number | null;
}


/**
 * Turns a revenue target into the activity that produces it (销售漏斗逆向拆解): the leads, demos,
 * quotes and won deals needed for the node and period, per rep (with ramp), per week, and by which
 * date each must exist; how far the open pipeline covers it; the stage holding the team back; and
 * the chance of making it. Every input is a what-if the user can change; defaults come from the
 * plan and from the last months of history. Follows the shared focus of `qk-provider`.
 *
 * @tag qk-funnel-inverter
 * @summary Revenue target → required leads, demos, quotes and deals, with coverage, bottleneck and confidence.
 *
 * @csspart base - The outer wrapper.
 * @csspart header - Title and subtitle.
 * @csspart title - The title.
 * @csspart subtitle - The node and period shown.
 * @csspart form - The what-if inputs.
 * @csspart field - One labelled input with its message.
 * @csspart input - A text, number or select input.
 * @csspart slider - A conversion-rate slider.
 * @csspart field-error - The message beside an invalid field.
 * @csspart reset - The "reset to history" button.
 * @csspart note - History notes, the "last valid result" note, the bottleneck's baseline (`note basis`) and the what-if note (`note what-if`).
 * @csspart plan-to-date - A cell of the hidden table: the plan's volume to date (pro rata), the bottleneck's baseline.
 * @csspart chart - The funnel drawing with its legend.
 * @csspart legend - The legend of the drawing.
 * @csspart funnel - The SVG.
 * @csspart stage - One stage band (SVG group).
 * @csspart bottleneck - The bottleneck callout.
 * @csspart section - An output section (confidence, coverage, per rep, per week, schedule).
 * @csspart table - An output table.
 * @csspart state - Loading, empty and error states.
 * @csspart list-tools - The search box, page status and pager above a long per-rep table.
 * @csspart search - The search box of a long per-rep table.
 * @csspart page-status - Which reps the per-rep table shows ("1–50 of 99,899 people").
 * @csspart pager - The previous / next page buttons.
 * @csspart page-previous - The previous page button.
 * @csspart page-next - The next page button.
 *
 * @cssprop [--qk-funnel-inverter-required-color=var(--qk-color-primary)] - Fill and stroke of the required bands.
 * @cssprop [--qk-funnel-inverter-actual-color=var(--qk-color-success)] - The actual-to-date bars.
 * @cssprop [--qk-funnel-inverter-pipeline-color=var(--qk-color-warning)] - The open-pipeline bars.
 * @cssprop [--qk-funnel-inverter-bottleneck-color=var(--qk-color-danger)] - The bottleneck's outline and callout.
 * @cssprop [--qk-funnel-inverter-row-height=48px] - Height of one stage band.
 * @cssprop [--qk-funnel-inverter-form-width=300px] - Width of the inputs column in wide layouts.
 *
 * @fires qk-funnel-change - The user changed an input (or reset to history) and the result is valid: `{ nodeId, period, inputs, results }`.
 * @fires qk-error - An input is invalid (`source: 'input'`, on commit), or the data or focus cannot be shown (`source: 'data'`).
 */
export class QkFunnelInverter extends QkElement<'funnel'> {
  /** Object properties a host may set from a `<script type="application/json" data-prop="…">` child. */
  protected static override jsonProps: readonly string[] = ['data', 'inputs'];

  protected override get strings() {
    return funnelStrings;
  }

  static override styles = [baseStyles, pagerStyles, styles];

  /** Pins the org node (else the shared focus, else the org root). */
  @property() node = '';

  /** Pins the period, e.g. `FY2026`, `FY2026-Q3`, `2026-05` (else the shared focus, else the plan's year). */
  @property() period = '';

  /** Months of history the default rates and deal size come from. */
  @property({ type: Number, attribute: 'lookback-months' }) lookbackMonths = DEFAULT_LOOKBACK_MONTHS;

  /** The day treated as today (`YYYY-MM-DD`); defaults to the store's. */
  @property({ attribute: 'as-of' }) asOf = '';

  /** Currency when working from `inputs` alone (under a store the plan's currency is used). */
  @property() currency = 'CNY';

  /**
   * What-if inputs set by the host: `{ target, avgDealSize, stages: [{ id, name?, rate?, avgDays? }], confidence? }`.
   * Money in minor units, rates as ratios. With no store, the element works from these alone.
   */
  @property({ attribute: false }) inputs?: FunnelInputsInit;

  @state() private drafts: Record<FieldKey, string> = {};
  /**
   * The chart's column width, px (0: not measured yet; the funnel is drawn at 480 until then). Not a
   * reactive property: the first width is taken inside the update that first renders the chart
   * (`update`), later ones re-render through `setChartWidth`.
   */
  private chartWidth = 0;

  private touched = new Set<FieldKey>();
  private errors = new Map<FieldKey, QkIssue>();
  private missing = false;
  private result: FunnelResults | null = null;
  private ctx: FunnelContext | null = null;
  private ctxError: QkIssue | null = null;
  private ctxKey = '';
  private ctxState: PlanState | null = null;
  /** The context of a large subtree being gathered in slices; a loading state shows meanwhile. */
  private ctxRunner: StepRunner<Result<FunnelContext>> | null = null;
  private identity = '';
  private identityOfInputs?: FunnelInputsInit;
  private edited = false;
  private formStages: FormStage[] = [];
  private pendingErrors: { field: FieldKey; issue: QkIssue }[] = [];
  private emitChange = false;
  private reportedCtxError: QkIssue | null = null;
  private resizeObserver?: ResizeObserver;
  /** The what-if over many reps being computed in slices; the outputs show a loading state meanwhile. */
  private computing: StepRunner<Result<FunnelResults>> | null = null;
  /** A computation cancelled by a disconnection, run again on reconnection. */
  private recompute = false;
  /** The per-rep table a page at a time, with a search by name. */
  private readonly pager = new PagerController(this);
  private repNames: { ctx: FunnelContext; names: Map<string, string> } | null = null;
  private readonly setChartWidth = latestLater((w: number) => {
    if (w === this.chartWidth) return;
    this.chartWidth = w;
    this.requestUpdate();
  });
  private observed?: Element;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A context still being gathered is gathered again on reconnection.
    if (this.ctxRunner) {
      this.ctxRunner.cancel();
      this.ctxRunner = null;
      this.ctxKey = '';
    }
    if (this.computing) {
      this.computing.cancel();
      this.computing = null;
      this.recompute = true;
    }
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
  }

  private get standalone(): boolean {
    return !this.activeStore && !!this.inputs;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.refreshContext();
    // After a disconnection or a new context (once gathered), unless the new context's form ran it.
    if (this.recompute && !this.ctxRunner) {
      this.recompute = false;
      if (!this.computing) this.evaluate(false);
    }
  }

  /** Recomputes the context when the plan's data, the focus or the pins change; resets the form for a new node, period or inputs. */
  private refreshContext(): void {
    const s = this.activeStore;
    const state = s?.status === 'ready' ? s.state : null;
    const nodeId = this.node || s?.focus.nodeId || null;
    const period = this.period || s?.focus.period || null;
    const asOf = this.asOf || s?.asOf || new Date().toISOString().slice(0, 10);
    // Memoized on the read model's data revision: focus and save-state changes elsewhere recompute nothing.
    const key = state
      ? `store|${s!.dataRevision}|${nodeId}|${period}|${this.lookbackMonths}|${this.asOf}`
      : this.standalone
        ? `bare|${this.period}|${asOf}|${this.currency}`
        : 'none';
    const inputsChanged = this.identityOfInputs !== this.inputs;
    if (key === this.ctxKey && state === this.ctxState && !inputsChanged) return;
    this.ctxKey = key;
    this.ctxState = state;
    this.identityOfInputs = this.inputs;

    this.ctx = null;
    this.ctxError = null;
    // A what-if still being split for the previous context is computed again for the new one.
    if (this.computing) {
      this.computing.cancel();
      this.computing = null;
      this.recompute = true;
    }
    this.ctxRunner?.cancel();
    this.ctxRunner = null;
    if (state) {
      const options = { nodeId, period, lookbackMonths: this.lookbackMonths, ...(this.asOf ? { asOf: this.asOf } : {}) };
      // A large subtree (its reps, pipeline and history roll-ups: hundreds of milliseconds at
      // 100,000 people) is gathered a slice at a time while the loading state shows.
      const ix = state.index;
      const at = ix.positionOf(nodeId ?? ix.roots[0] ?? '');
      if (at >= 0 && ix.subtreeEnd[at] - at >= SLICED_FROM_NODES) {
        const settle = (r: Result<FunnelContext>) => {
          if (this.ctxRunner !== runner) return;
          this.ctxRunner = null;
          if (r.ok) this.ctx = r.value;
          else this.ctxError = r.error;
          this.settleContext(inputsChanged);
          this.requestUpdate();
        };
        const runner: StepRunner<Result<FunnelContext>> = new StepRunner(funnelContextSteps(state, options), {
          progress: () => {},
          done: settle,
          fail: (e) => {
            const message = e instanceof Error ? e.message : String(e);
            settle({ ok: false, error: { code: 'funnel-context-failed', message, params: { message } } });
          },
        });
        this.ctxRunner = runner;
        return;
      }
      const r = funnelContext(state, options);
      if (r.ok) this.ctx = r.value;
      else this.ctxError = r.error;
    } else if (this.standalone && this.period) {
      const stages = (this.inputs?.stages ?? []).map((st) => ({ id: st.id, ...(st.avgDays !== undefined ? { avgDays: st.avgDays } : {}) }));
      const r = bareFunnelContext({ period: this.period, stages, asOf, currency: this.currency });
      if (r.ok) this.ctx = r.value;
      else this.ctxError = r.error;
    }
    this.settleContext(inputsChanged);
  }

  /** A new context: the form resets for a new node, period or inputs (or when the user has not edited it). */
  private settleContext(inputsChanged: boolean): void {
    const identity = `${this.ctx?.nodeId ?? ''}|${this.ctx?.period ?? this.period}|${this.ctx ? 'ctx' : 'bare'}`;
    if (identity !== this.identity || inputsChanged || !this.edited) {
      this.identity = identity;
      this.resetDrafts('initial');
    }
  }

  /** The stages of the form and their default values: history under inputs (initial), or inputs under history (reset). */
  private resetDrafts(mode: 'initial' | 'history'): void {
    const ctx = this.ctx;
    const given = this.inputs;
    const hist = ctx?.defaults;
    const histStages = ctx?.stages ?? [];
    const base: FormStage[] = histStages.length
      ? histStages.map((st, i) => ({ id: st.id, name: st.name, rate: hist?.stages[i]?.rate ?? null, avgDays: hist?.stages[i]?.avgDays ?? null }))
      : (given?.stages ?? []).map((st) => ({ id: st.id, name: st.name, rate: null, avgDays: null }));
    const byId = new Map((given?.stages ?? []).map((st) => [st.id, st]));
    const pick = <T,>(fromInputs: T | undefined, fromHistory: T | null | undefined): T | null =>
      mode === 'initial' ? (fromInputs ?? fromHistory ?? null) : (fromHistory ?? fromInputs ?? null);
    this.formStages = base.map((st) => {
      const g = byId.get(st.id);
      return { id: st.id, name: g?.name ?? st.name, rate: pick(g?.rate, st.rate), avgDays: pick(g?.avgDays, st.avgDays) };
    });
    const currency = this.currencyCode;
    const target = pick(given?.target, hist?.target);
    const deal = pick(given?.avgDealSize, hist?.avgDealSize);
    const drafts: Record<FieldKey, string> = {
      target: target === null ? '' : moneyDraft(target, currency),
      avgDealSize: deal === null ? '' : moneyDraft(deal, currency),
      confidence: String(given?.confidence ?? DEFAULT_CONFIDENCE),
    };
    this.formStages.forEach((st, i) => {
      if (i < this.formStages.length - 1) {
        drafts[`rate:${i}`] = st.rate === null ? '' : percentDraft(st.rate);
        drafts[`days:${i}`] = st.avgDays === null ? '' : daysDraft(st.avgDays);
      }
    });
    this.drafts = drafts;
    this.touched = new Set();
    this.result = null;
    this.edited = mode === 'history';
    this.evaluate(mode === 'history');
  }

  private get currencyCode(): string {
    return this.ctx?.currency ?? this.activeStore?.plan?.currency ?? this.currency;
  }

  private stageName(id: string): string {
    const st = this.formStages.find((s) => s.id === id) ?? this.ctx?.stages.find((s) => s.id === id);
    const name = st?.name;
    if (typeof name === 'string') return name;
    return name?.[this.locale] ?? this.t.funnel.stageNames[id] ?? id;
  }

  /** Parses every draft; when all parse, runs the engine; keeps the last valid result on any error. */
  private evaluate(fromUser: boolean): void {
    const errors = new Map<FieldKey, QkIssue>();
    let missing = false;
    const d = this.drafts;
    const show = (key: FieldKey) => this.touched.has(key) || (d[key] ?? '').trim() !== '';
    const money = (key: 'target' | 'avgDealSize'): number | undefined => {
      const text = d[key] ?? '';
      if (text.trim() === '' && !show(key)) {
        missing = true;
        return undefined;
      }
      const r = parseMoney(text, { currency: this.currencyCode, locale: this.locale });
      if (r.ok) return r.value;
      errors.set(key, r.error);
      return undefined;
    };
    const target = money('target');
    const avgDealSize = money('avgDealSize');
    const last = this.formStages.length - 1;
    const stages = this.formStages.map((st, i) => {
      if (i === last) return { id: st.id };
      const rateKey = `rate:${i}`, daysKey = `days:${i}`;
      const rate = percentToRatio(d[rateKey] ?? '');
      if (rate === undefined) {
        if (show(rateKey)) errors.set(rateKey, { code: 'funnel-rate-missing', message: `stage "${st.id}" has no conversion rate`, params: { stage: st.id } });
        else missing = true;
      } else if (rate === null) {
        errors.set(rateKey, { code: NAN_CODE, message: 'Enter a number.' });
      }
      const daysText = normalizeDecimal(d[daysKey] ?? '');
      let avgDays: number | undefined;
      if (daysText === null || (daysText === '' && this.touched.has(daysKey)) || (daysText !== '' && Number(daysText) < 0)) {
        errors.set(daysKey, daysText === null ? { code: NAN_CODE, message: 'Enter a number.' } : { code: 'funnel-days-invalid', message: `stage "${st.id}" needs an average duration`, params: { stage: st.id } });
      } else if (daysText !== '') {
        avgDays = Number(daysText);
      }
      return { id: st.id, ...(typeof rate === 'number' ? { rate } : {}), ...(avgDays !== undefined ? { avgDays } : {}) };
    });
    const confidence = Number(d.confidence);

    let result: FunnelResults | null = null;
    this.computing?.cancel();
    this.computing = null;
    if (!errors.size && !missing && target !== undefined && avgDealSize !== undefined && stages.length) {
      const inputs: FunnelInputs = { target, avgDealSize, stages, confidence };
      const ctx = this.ctx;
      // Many reps: the split over them runs in slices. A failure on the inputs comes before the first step.
      const steps = ctx && ctx.reps.length >= SLICED_FROM_REPS ? computeFunnelSteps(inputs, ctx) : null;
      const first = steps?.next();
      const r = !steps ? computeFunnel(inputs, ctx) : first!.done ? first!.value : null;
      if (r?.ok) result = r.value;
      else if (r) errors.set(fieldOfPath(r.error.path), r.error);
      else {
        const settle = (done: Result<FunnelResults>) => {
          if (this.computing !== runner) return;
          this.computing = null;
          if (done.ok) {
            this.result = done.value;
            if (fromUser) this.emitChange = true;
          } else {
            this.errors = new Map([...this.errors, [fieldOfPath(done.error.path), done.error]]);
          }
          this.requestUpdate();
        };
        const runner: StepRunner<Result<FunnelResults>> = new StepRunner(steps!, {
          progress: () => {},
          done: settle,
          fail: (e) => {
            const message = e instanceof Error ? e.message : String(e);
            settle({ ok: false, error: { code: 'funnel-context-failed', message, params: { message } } });
          },
        });
        this.computing = runner;
      }
    }
    for (const [field, issue] of errors) {
      const before = this.errors.get(field);
      if (!fromUser && (!before || before.code !== issue.code)) this.pendingErrors.push({ field, issue });
    }
    this.errors = errors;
    this.missing = missing;
    if (result) {
      this.result = result;
      if (fromUser) this.emitChange = true;
    }
  }

  private onInput(key: FieldKey, value: string): void {
    this.drafts = { ...this.drafts, [key]: value };
    this.touched.add(key);
    this.edited = true;
    this.evaluate(true);
  }

  /** On commit (change): an invalid field fires `qk-error` once with its localized message. */
  private onCommit(key: FieldKey): void {
    const issue = this.errors.get(key);
    if (issue) this.reportError(this.localizeIssue(issue), 'input');
  }

  private onReset(): void {
    this.resetDrafts('history');
  }

  /**
   * Renders; the first time the chart is in the page, measures its column and renders again at
   * that width in the same update, so the funnel is never painted at the 480 px guess. (Setting a
   * reactive width in `updated()` did the same through a second update, which Lit's development
   * build warns about: "change-in-update".)
   */
  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    if (this.chartWidth) return;
    const w = Math.floor(this.renderRoot.querySelector('[part~="chart"]')?.clientWidth ?? 0);
    if (w <= 0) return;
    this.chartWidth = w;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    for (const { issue } of this.pendingErrors.splice(0)) this.reportError(this.localizeIssue(issue), 'input');
    if (this.ctxError && this.ctxError !== this.reportedCtxError) {
      this.reportedCtxError = this.ctxError;
      this.reportError(this.localizeIssue(this.ctxError), 'data');
    }
    if (this.emitChange && this.result) {
      this.emitChange = false;
      this.dispatchEvent(
        new QkFunnelChangeEvent({ nodeId: this.ctx?.nodeId ?? '', period: this.ctx?.period ?? (this.period || null), inputs: this.result.inputs, results: this.result }),
      );
    }
    this.observeChart();
  }

  /**
   * Sizes the funnel to its column: measured when a chart element first renders, and on every resize
   * by a ResizeObserver. Not measured after every render: reading `clientWidth` forces a synchronous
   * layout of the page, once per update (the costliest function of a test sweep re-rendering four
   * elements per step); the observer reports every later change of the column's width.
   */
  private observeChart(): void {
    const chart = this.renderRoot.querySelector('[part~="chart"]');
    if (!chart || chart === this.observed) return;
    // Also measured here: a ResizeObserver reports only while the page renders frames (not in a background tab).
    this.resized(chart.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    this.resizeObserver ??= new ResizeObserver((entries) => this.resized(entries[entries.length - 1].contentRect.width));
    if (this.observed) this.resizeObserver.unobserve(this.observed);
    this.resizeObserver.observe(chart);
    this.observed = chart;
  }

  private resized(width: number): void {
    const w = Math.floor(width);
    if (w <= 0) return;
    // The first width is taken in `update`; a change after it in a later task: re-rendering inside
    // a ResizeObserver callback resizes within the same loop (a "ResizeObserver loop" error); a
    // timer, unlike a frame, also runs in a background tab.
    this.setChartWidth(w);
  }

  /** Stage ids in an error's params become display names; the message code stays. */
  private localizeIssue(issue: QkIssue): { code: string; message: string; params?: Record<string, string | number> } {
    if (issue.code === NAN_CODE) return { code: issue.code, message: this.t.funnel.notANumber };
    // Counts in a diagnosis sentence read with the locale's grouping (15,729, not 15729); the deal size is money.
    const fmt = issue.code === 'funnel-diagnosis-deal-size' ? this.fmtMoney : this.fmtCount;
    const param = (k: string, v: string | number): string | number =>
      typeof v === 'string' && (k === 'stage' || k === 'from' || k === 'to') ? this.stageName(v)
      : typeof v === 'number' && (k === 'plan' || k === 'actual') ? fmt(v)
      : v;
    const params = { ...(issue.params ?? {}) };
    for (const [k, v] of Object.entries(params)) params[k] = param(k, v);
    const message = localizeIssue(this.t, { code: issue.code, message: issue.message, params });
    return { code: issue.code, message, params };
  }

  private fmtCount = (n: number) => formatCount(n, this.locale);
  private fmtPct = (r: number | null, digits = 1) => formatPercent(r, this.locale, digits);
  private fmtMoney = (minor: number) => formatMoney(minor, { currency: this.currencyCode, locale: this.locale, compact: true });

  /** A stage name clipped to \`room\` px, with the full name in a <title> when clipped. */
  private stageLabel(name: string, room: number, x: number, y: number): TemplateResult {
    const f = fitLabel(name, room, 13);
    return svg`<text class="name" x=${x} y=${y}>${f.text}${f.clipped ? svg`<title>${name}</title>` : nothing}</text>`;
  }

  protected override render(): TemplateResult {
    const t = this.t.funnel;
    if (!this.standalone) {
      const status = this.renderStatus();
      if (status) return status;
    }
    if (this.ctxRunner) {
      return html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}</div>`;
    }
    if (this.ctxError) {
      return html`<div part="state error" class="qk-state qk-error" role="alert">
        <strong>${this.t.common.errorTitle}</strong>
        <p>${this.localizeIssue(this.ctxError).message}</p>
      </div>`;
    }
    if (!this.formStages.length) {
      return html`<div part="state empty" class="qk-state" role="status">${t.noStages}</div>`;
    }
    const subtitle = this.ctx?.nodeName || this.ctx?.period ? t.subtitle({ node: this.ctx?.nodeName ?? '', period: this.ctx?.period ?? '' }) : '';
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <h2 part="title" id="title">${t.title}</h2>
        ${subtitle ? html`<p part="subtitle" class="muted qk-clamp" title=${subtitle}>${subtitle}</p>` : nothing}
        ${this.result ? renderExportButtons(this.t, (f) => void this.exportAs(f)) : nothing}
      </div>
      <div class="layout">
        <div part="chart" class="chart">${this.renderChart()}</div>
        ${this.renderForm()}
      </div>
      ${this.computing
        ? html`<div part="state loading" class="qk-state" role="status" aria-live="polite" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}</div>`
        : this.result ? this.renderOutputs(this.result) : nothing}
    </div>`;
  }

  private renderField(key: FieldKey, label: string, opts: { hint?: string; inputmode?: string; unit?: string } = {}): TemplateResult {
    const issue = this.errors.get(key);
    const shown = issue && (this.touched.has(key) || (this.drafts[key] ?? '').trim() !== '');
    const id = `f-${key.replace(':', '-')}`;
    const described = [shown ? `${id}-msg` : '', opts.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label for=${id} class="qk-clamp" title=${label}>${label}</label>
      <span class="control">
        <input
          id=${id}
          part="input"
          type="text"
          autocomplete="off"
          inputmode=${ifDefined(opts.inputmode)}
          .value=${this.drafts[key] ?? ''}
          aria-invalid=${shown ? 'true' : 'false'}
          aria-describedby=${ifDefined(described || undefined)}
          @input=${(e: Event) => this.onInput(key, (e.target as HTMLInputElement).value)}
          @change=${() => this.onCommit(key)}
        />${opts.unit ? html`<span class="unit" aria-hidden="true">${opts.unit}</span>` : nothing}
      </span>
      ${opts.hint ? html`<span id="${id}-hint" class="hint">${opts.hint}</span>` : nothing}
      ${shown ? html`<span id="${id}-msg" part="field-error" class="msg">${this.localizeIssue(issue).message}</span>` : nothing}
    </div>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t.funnel;
    const ctx = this.ctx;
    const stages = this.formStages;
    const last = stages.length - 1;
    const lastValid = this.result?.inputs.stages;
    const win = ctx?.window;
    const fellBack = ctx?.history?.rates.filter((r) => r.fellBack && r.rate !== null) ?? [];
    const sourceName = (id: string) => this.activeStore?.org.find((n) => n.id === id)?.name ?? id;
    const conf = this.drafts.confidence ?? String(DEFAULT_CONFIDENCE);
    const levels = CONFIDENCE_LEVELS.includes(Number(conf)) ? CONFIDENCE_LEVELS : [...CONFIDENCE_LEVELS, Number(conf)].sort();
    return html`<form part="form" class="form" @submit=${(e: Event) => e.preventDefault()} aria-labelledby="whatif">
      <h3 id="whatif">${t.whatIf}</h3>
      ${this.renderField('target', t.target, { hint: t.moneyHint })} ${this.renderField('avgDealSize', t.avgDealSize)}
      <fieldset>
        <legend>${t.rates}</legend>
        ${stages.slice(0, -1).map((st, i) => {
          const key = `rate:${i}`;
          const from = this.stageName(st.id), to = this.stageName(stages[i + 1].id);
          // The slider shows the typed rate when it is one it can show, else the last valid one.
          const typed = percentToRatio(this.drafts[key] ?? '');
          const valid = typeof typed === 'number' && typed >= 0 && typed <= 1 ? typed : lastValid?.[i]?.rate;
          const sliderValue = typeof valid === 'number' ? Math.round(valid * 1000) / 10 : 0;
          return html`<div class="rate">
            ${this.renderField(key, t.rateLabel({ from, to }), { inputmode: 'decimal', unit: '%' })}
            <input
              part="slider"
              type="range"
              min="0"
              max="100"
              step="0.1"
              .value=${String(sliderValue)}
              aria-label=${t.rateSlider({ from, to })}
              aria-valuetext=${this.fmtPct(sliderValue / 100)}
              @input=${(e: Event) => this.onInput(key, (e.target as HTMLInputElement).value)}
              @change=${() => this.onCommit(key)}
            />
          </div>`;
        })}
      </fieldset>
      <fieldset>
        <legend>${t.durations}</legend>
        <div class="days">
          ${stages.slice(0, last).map((st, i) => this.renderField(`days:${i}`, t.daysLabel({ stage: this.stageName(st.id) }), { inputmode: 'decimal' }))}
        </div>
      </fieldset>
      <div part="field" class="field">
        <label for="f-confidence">${t.confidenceLevel}</label>
        <select id="f-confidence" part="input" .value=${conf} @change=${(e: Event) => this.onInput('confidence', (e.target as HTMLSelectElement).value)}>
          ${levels.map((c) => html`<option value=${String(c)} ?selected=${String(c) === conf}>${this.fmtPct(c, 0)}</option>`)}
        </select>
        ${this.errors.has('confidence') ? html`<span part="field-error" class="msg">${this.localizeIssue(this.errors.get('confidence')!).message}</span>` : nothing}
      </div>
      ${this.activeStore
        ? html`<div class="history">
            <button part="reset" type="button" ?disabled=${!ctx?.hasHistory} @click=${() => this.onReset()}>${t.resetToHistory}</button>
            ${win
              ? html`<p part="note" class="note">${ctx?.hasHistory ? t.historyNote(win) : t.noHistory(win)}</p>`
              : nothing}
            ${fellBack.map((r) => html`<p part="note" class="note">${t.fellBack({ stage: `${this.stageName(r.id)} → ${this.stageName(r.nextId)}`, source: sourceName(r.source) })}</p>`)}
          </div>`
        : nothing}
      ${this.errors.has('form') ? html`<p part="field-error" class="msg">${this.localizeIssue(this.errors.get('form')!).message}</p>` : nothing}
    </form>`;
  }

  private renderChart(): TemplateResult {
    const t = this.t.funnel;
    const r = this.result;
    const hasErrors = this.errors.size > 0;
    if (!r && this.computing) return html`<div part="state loading" class="qk-state" role="status" aria-busy="true"><span class="qk-spinner" aria-hidden="true"></span>${this.t.common.loading}</div>`;
    if (!r) {
      const text = !hasErrors && this.missing ? ((this.drafts.target ?? '') === '' ? t.noTarget : t.needInputs) : t.needInputs;
      return html`<div part="state empty" class="qk-state" role="status">${text}</div>`;
    }
    const ctx = this.ctx;
    // A what-if is compared with its own requirement only: the company's actuals measured against
    // another target's shapes would read as a comparison the note says is not made.
    const actual = r.whatIf ? null : (ctx?.actualCounts ?? null);
    const open = r.coverage?.ok ? new Map(r.coverage.value.stages.map((s) => [s.id, s.open])) : null;
    const rows = r.requirement.stages.map((s) => ({ id: s.id, required: s.count, actual: actual ? (actual[s.id] ?? 0) : null, pipeline: open ? (open.get(s.id) ?? 0) : null }));
    const width = this.chartWidth || 480;
    const narrow = width < 420;
    const layout = layoutFunnel(rows, { width, rowHeight: narrow ? 44 : 48, gap: 22 });
    const finding = r.diagnosis?.ok ? r.diagnosis.value.finding : null;
    const planToDate = r.planToDate;
    const diagnosis = r.diagnosis?.ok ? r.diagnosis.value.message : null;
    const names = new Map(rows.map((row) => [row.id, this.stageName(row.id)]));
    // Stage names sit left of the widest band (13px, see the styles); a longer one is clipped, in full in its <title>.
    const nameRoom = layout.centerX - layout.maxWidth / 2 - 4;
    const markLabel = (row: (typeof rows)[number]) =>
      t.stageMark({
        stage: names.get(row.id)!,
        required: this.fmtCount(row.required),
        actual: row.actual === null ? null : this.fmtCount(row.actual),
        pipeline: row.pipeline === null ? null : this.fmtCount(row.pipeline),
      });
    return html`
      ${hasErrors ? html`<p part="note" class="note stale" role="status">${t.showingLastValid}</p>` : nothing}
      <ul part="legend" class="legend">
        <li><span class="swatch required" aria-hidden="true"></span>${t.legendRequired}</li>
        ${actual ? html`<li><span class="swatch actual" aria-hidden="true"></span>${t.legendActual}</li>` : nothing}
        ${open ? html`<li><span class="swatch pipeline" aria-hidden="true"></span>${t.legendPipeline}</li>` : nothing}
      </ul>
      <svg
        part="funnel"
        class=${classMap({ stale: hasErrors })}
        role="group"
        aria-label=${t.chartLabel({ node: ctx?.nodeName ?? '' })}
        width=${layout.width}
        height=${layout.height}
        viewBox="0 0 ${layout.width} ${layout.height}"
      >
        ${layout.shapes.map((sh, i) => {
          const row = rows[i];
          const hot = finding?.kind !== 'deal-size' && finding?.stageId === row.id && finding.nextStageId === null;
          return svg`<g part="stage" class=${classMap({ stage: true, bottleneck: hot })} role="img" aria-label=${markLabel(row)}>
            <path class="band" d=${sh.path}></path>
            ${sh.actual ? svg`<rect class="actual" x=${sh.actual.x} y=${sh.actual.y} width=${sh.actual.width} height=${sh.actual.height} rx="2"></rect>` : nothing}
            ${sh.pipeline ? svg`<rect class="pipeline" x=${sh.pipeline.x} y=${sh.pipeline.y} width=${sh.pipeline.width} height=${sh.pipeline.height} rx="2"></rect>` : nothing}
            ${this.stageLabel(names.get(row.id)!, nameRoom, sh.labelX, sh.labelY - 4)}
            <text class="count" x=${sh.labelX} y=${sh.labelY + 14}>${this.fmtCount(row.required)}</text>
          </g>`;
        })}
        ${layout.conversions.map((c, i) => {
          const rate = r.requirement.stages[i].rate;
          const hot = finding?.stageId === c.fromId && finding.nextStageId === c.toId;
          const label = t.conversionMark({ from: names.get(c.fromId)!, to: names.get(c.toId)!, rate: this.fmtPct(rate) });
          return svg`<g class=${classMap({ conversion: true, bottleneck: hot })} role="img" aria-label=${hot ? `${label} (${t.bottleneck})` : label}>
            <text x=${c.x} y=${c.y + 4} text-anchor="middle">${hot ? '▼ ' : '↓ '}${this.fmtPct(rate)}</text>
          </g>`;
        })}
      </svg>
      ${diagnosis && finding
        ? html`<div part="bottleneck" class="bottleneck-note" role="note">
            <strong>${t.bottleneck}</strong> ${this.localizeIssue({ code: diagnosis.code, message: '', params: diagnosis.params }).message}
          </div>`
        : diagnosis
          ? html`<p part="note" class="note">${this.localizeIssue({ code: diagnosis.code, message: '', params: diagnosis.params }).message}</p>`
          : nothing}
      ${planToDate && ctx?.planned
        ? html`<p part="note basis" class="note">${t.planToDateNote({ elapsed: ctx.planned.elapsedDays, total: ctx.planned.totalDays })}</p>`
        : nothing}
      ${r.whatIf && ctx?.actualCounts && ctx?.planned ? html`<p part="note what-if" class="note" role="note">${t.whatIfNote}</p>` : nothing}
      <div class="qk-visually-hidden"><table>
        <caption>${t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.stage}</th>
            <th scope="col">${t.required}</th>
            ${actual ? html`<th scope="col">${t.actualToDate}</th>` : nothing}
            ${open ? html`<th scope="col">${t.openPipeline}</th>` : nothing}
            ${planToDate ? html`<th scope="col">${t.planToDate}</th>` : nothing}
            <th scope="col">${t.conversion}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row, i) => html`<tr>
              <th scope="row">${names.get(row.id)}</th>
              <td>${this.fmtCount(row.required)}</td>
              ${actual ? html`<td>${this.fmtCount(row.actual ?? 0)}</td>` : nothing}
              ${open ? html`<td>${this.fmtCount(row.pipeline ?? 0)}</td>` : nothing}
              ${planToDate ? html`<td part="plan-to-date">${this.fmtCount(planToDate[row.id] ?? 0)}</td>` : nothing}
              <td>${this.fmtPct(r.requirement.stages[i].rate)}</td>
            </tr>`,
          )}
        </tbody>
      </table></div>
      <p class="qk-visually-hidden" role="status" aria-live="polite">
        ${t.summary({ counts: rows.map((row) => `${this.fmtCount(row.required)} ${names.get(row.id)}`).join(', ') })}
      </p>
    `;
  }

  /** Downloads the quotas (per rep, per week, the monthly schedule) as CSV or .xlsx; resolves to the file name. */
  async exportAs(format: ExportFormat): Promise<string | null> {
    const r = this.result;
    if (!r) return null;
    const t = this.t.funnel;
    const repName = this.repNameOf();
    const tables = funnelTables(r, t, (id) => this.stageName(id), repName, this.currencyCode);
    if (!tables.length) return null;
    return exportTables(() => tables, format, `funnel-quotas${this.ctx?.nodeId ? `-${this.ctx.nodeName || this.ctx.nodeId}` : ''}${this.ctx?.period ? `-${this.ctx.period}` : ''}`);
  }

  /** Rep id → name for the context's reps (a map: one lookup per row, not a search of 100,000 reps). */
  private repNameOf(): (id: string) => string {
    const ctx = this.ctx;
    if (!ctx) return (id) => id;
    if (this.repNames?.ctx !== ctx) this.repNames = { ctx, names: new Map(ctx.reps.map((x) => [x.id, x.name])) };
    const names = this.repNames.names;
    return (id) => names.get(id) ?? id;
  }

  private renderOutputs(r: FunnelResults): TemplateResult {
    const t = this.t.funnel;
    const ids = r.requirement.stages.map((s) => s.id);
    const head = html`${ids.map((id) => html`<th scope="col">${this.stageName(id)}</th>`)}`;
    // Each cell names its column (data-label): a narrow element shows a row as a block of labelled figures.
    const cells = (counts: Record<string, number>) => html`${ids.map((id) => html`<td data-label=${this.stageName(id)}>${this.fmtCount(counts[id] ?? 0)}</td>`)}`;
    const failed = (res: { ok: false; error: QkIssue }) => html`<p class="msg">${this.localizeIssue(res.error).message}</p>`;
    const section = (key: string, title: string, body: unknown) =>
      html`<div part="section ${key}" class="section ${key}" role="group" aria-labelledby="h-${key}"><h3 id="h-${key}">${title}</h3>${body}</div>`;
    const scroll = (label: string, table: TemplateResult) => html`<div class="scroll qk-table-scroll" tabindex="0" role="region" aria-label=${label}>${table}</div>`;

    const leads = r.requirement.stages[0].count;
    const confidence = section(
      'confidence',
      t.confidenceTitle,
      html`${r.reach?.ok
        ? html`<p>${t.reach({ leads: this.fmtCount(leads), won: this.fmtCount(r.requirement.won), probability: this.fmtPct(r.reach.value.probability) })}</p>`
        : r.reach ? failed(r.reach) : nothing}
      ${r.confidence?.ok
        ? html`<p>${t.leadsFor({ confidence: this.fmtPct(r.inputs.confidence, 0), leads: this.fmtCount(r.confidence.value.leads), extra: this.fmtCount(Math.max(0, r.confidence.value.leads - leads)) })}</p>`
        : r.confidence ? failed(r.confidence) : nothing}`,
    );

    const cov = r.coverage;
    const planned = !!this.ctx?.nodeId;
    const coverage = !planned ? nothing : section(
      'coverage',
      t.coverageTitle,
      !cov
        ? html`<p class="muted">${t.noPipeline}</p>`
        : !cov.ok
          ? failed(cov)
          : html`${scroll(
              t.coverageTitle,
              html`<table part="table">
                <thead><tr><th scope="col">${t.stage}</th><th scope="col">${t.openPipeline}</th><th scope="col">${t.stillNeeded}</th><th scope="col">${t.coverage}</th><th scope="col">${t.gap}</th></tr></thead>
                <tbody>
                  ${cov.value.stages.map(
                    (s) => html`<tr class=${classMap({ short: s.gap > 0 })}>
                      <th scope="row">${this.stageName(s.id)}</th>
                      <td data-label=${t.openPipeline}>${this.fmtCount(s.open)}</td><td data-label=${t.stillNeeded}>${this.fmtCount(s.required)}</td>
                      <td data-label=${t.coverage}>${this.fmtPct(s.coverage, 0)}</td><td data-label=${t.gap}>${this.fmtCount(s.gap)}</td>
                    </tr>`,
                  )}
                </tbody>
              </table>`,
            )}
            ${cov.value.remainingTarget !== null
              ? html`<p>${t.weighted({ weighted: this.fmtMoney(cov.value.weightedValue), remaining: this.fmtMoney(cov.value.remainingTarget), coverage: this.fmtPct(cov.value.weightedCoverage, 0) })}</p>`
              : nothing}`,
    );

    const per = r.perRep;
    const repName = this.repNameOf();
    const page = per?.ok ? this.pager.view(per.value.reps, (x) => repName(x.id), (x) => x.id, `${this.ctx?.nodeId ?? ''}|${this.ctx?.period ?? ''}`) : null;
    const perRep = planned
      ? section(
          'per-rep',
          t.perRepTitle,
          !per
            ? html`<p class="muted">${t.noReps}</p>`
            : !per.ok
              ? failed(per)
              : html`${this.pager.render(page!, t.pager, this.locale)}${scroll(
                  t.perRepTitle,
                  html`<table part="table">
                    <thead><tr><th scope="col">${t.rep}</th><th scope="col">${t.ramp}</th>${head}</tr></thead>
                    <tbody>
                      ${page!.items.map((x) => html`<tr><th scope="row"><span class="qk-name" title=${repName(x.id)}>${repName(x.id)}</span></th><td data-label=${t.ramp}>${this.fmtPct(x.ramp, 0)}</td>${cells(x.counts)}</tr>`)}
                    </tbody>
                  </table>`,
                )}`,
        )
      : nothing;

    const wk = r.weekly;
    const perWeek = section(
      'per-week',
      t.perWeekTitle,
      !wk
        ? html`<p class="muted">${t.noPeriod}</p>`
        : !wk.ok
          ? failed(wk)
          : html`<p>${t.perWeekSummary({ days: wk.value.workingDays, perDay: ids.map((id) => `${this.stageName(id)} ${formatNumber(wk.value.perDayDisplay[id], this.locale)}`).join(' · ') })}</p>
              <details>
                <summary>${t.perWeekTitle}</summary>
                ${scroll(
                  t.perWeekTitle,
                  html`<table part="table">
                    <thead><tr><th scope="col">${t.week}</th><th scope="col">${t.workingDays}</th>${head}</tr></thead>
                    <tbody>${wk.value.weeks.map((w) => html`<tr><th scope="row">${w.week}</th><td data-label=${t.workingDays}>${w.workingDays}</td>${cells(w.counts)}</tr>`)}</tbody>
                  </table>`,
                )}
              </details>`,
    );

    const sch = r.schedule;
    const schedule = !this.ctx ? nothing : section(
      'schedule',
      t.scheduleTitle,
      !this.ctx?.months.length
        ? html`<p class="muted">${t.noPeriod}</p>`
        : !sch
          ? html`<p class="muted">${t.noSchedule}</p>`
          : !sch.ok
            ? failed(sch)
            : html`<p class="muted">${t.scheduleHint}</p>
                ${scroll(
                  t.scheduleTitle,
                  html`<table part="table">
                    <thead><tr><th scope="col">${t.month}</th><th scope="col">${t.monthTarget}</th>${head}</tr></thead>
                    <tbody>
                      ${sch.value.months.map(
                        (m) => html`<tr>
                          <th scope="row">${m.month}</th>
                          <td data-label=${t.monthTarget}>${this.fmtMoney(m.target)}</td>
                          ${m.stages.map((s, i) =>
                            // The last stage closes within the month itself: its count is the month's deals.
                            i === m.stages.length - 1
                              ? html`<td data-label=${this.stageName(s.id)}>${this.fmtCount(s.count)}</td>`
                              : html`<td data-label=${this.stageName(s.id)}>${t.due({ count: this.fmtCount(s.count), date: formatDate(s.by, this.locale), week: s.week })}</td>`,
                          )}
                        </tr>`,
                      )}
                    </tbody>
                  </table>`,
                )}`,
    );

    return html`<div class="outputs">${confidence} ${coverage} ${perWeek} ${perRep} ${schedule}</div>`;
  }
}

declare global {
  // The events of <qk-funnel-inverter>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-funnel-change': QkFunnelChangeEvent;
    'qk-error': QkErrorEvent;
  }
}
