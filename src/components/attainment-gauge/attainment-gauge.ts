import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { baseStyles } from '../../theme/base-styles.js';
import { gaugeModelOf, layoutGauge, type GaugeLayout } from './attainment-gauge.layout.js';
import type { PaceView } from '../../engine/pace/view.js';
import { errorText } from '../../i18n/localize.js';
import { formatMoneyGroup } from '../../engine/money/money.js';
import { QkPaceElement } from './pace-element.js';
import { svgTitle } from '../../internal/svg-title.js';
import { styles } from './attainment-gauge.styles.js';
import { registerGaugeStrings } from '../../i18n/loaders/gauge.js';
import { cardStyles } from '../../theme/card-styles.js';
import type { QkAlertEvent } from '../../events/qk-alert.js';
import type { QkErrorEvent } from '../../events/qk-error.js';

/** The widest the arc is drawn, per size: the figures take the rest of a wide container. */
const MAX_ARC_WIDTH = { compact: 240, detailed: 340 } as const;

/**
 * Attainment, gap, pace and forecast of one org node for one period, as a half-circle gauge: status
 * bands that move with the calendar, the attainment fill (beyond 100 % drawn as a separate
 * `fill-over` arc on a longer scale, never clipped), the expected-to-date marker, the forecast marker
 * with its p10–p90 range, and the figures in the locale's money format.
 *
 * Shows the store's focus (a row selected in the goal tree) unless `node`, `period` or `metric` pin
 * it; works without a provider from `.data` (a plan) or `.model` (figures).
 *
 * @tag qk-attainment-gauge
 * @summary Attainment gauge with status bands, expected-to-date and forecast markers.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title row: node, period and the status badge.
 * @csspart title - The node, metric and period.
 * @csspart status - The status badge (also carries the class of the status).
 * @csspart meter - The element with `role="meter"` holding the arc and the value.
 * @csspart gauge - The SVG (hidden from assistive technology: the meter speaks for it).
 * @csspart band - A status band arc.
 * @csspart track - The empty ring behind the fill.
 * @csspart fill - The attainment fill up to 100 %.
 * @csspart fill-over - The attainment beyond 100 %.
 * @csspart forecast-range - The p10–p90 forecast arc.
 * @csspart marker - The expected-to-date and forecast markers.
 * @csspart tick - Scale ticks and their labels.
 * @csspart value - The attainment % in the middle.
 * @csspart figures - The list of figures (actual / target, gap, daily rate, …).
 * @csspart reason - Why the status is what it is, or why attainment is not applicable.
 * @csspart state - Loading, empty, error and no-target states.
 *
 * @cssprop [--qk-attainment-gauge-on-track=var(--qk-color-success)] - On-track band and fill.
 * @cssprop [--qk-attainment-gauge-at-risk=var(--qk-color-warning)] - At-risk band and fill.
 * @cssprop [--qk-attainment-gauge-off-track=var(--qk-color-danger)] - Off-track band and fill.
 * @cssprop [--qk-attainment-gauge-over=var(--qk-color-primary)] - The fill beyond 100 %.
 * @cssprop [--qk-attainment-gauge-track=var(--qk-color-surface-alt)] - The empty ring.
 * @cssprop [--qk-attainment-gauge-band-opacity=0.35] - Opacity of the status bands.
 *
 * @fires qk-alert - The node's status changed (on track / at risk / off track), with the reason.
 * @fires qk-error - Bad figures or an unknown node/period: the message is also shown in place.
 */
export class QkAttainmentGauge extends QkPaceElement {
  protected static override registerStrings = registerGaugeStrings;

  static override styles = [baseStyles, cardStyles, styles];

  /** `compact` for dashboards (arc, %, actual / target, gap, daily rate) or `detailed` (adds expected, pace, forecast, probability). */
  @property({ reflect: true }) size: 'compact' | 'detailed' = 'detailed';

  protected override renderView(view: PaceView): TemplateResult {
    const t = this.t.gauge;
    const compact = this.size === 'compact';
    const p = view.pace;
    const status = view.status.status;
    const arcWidth = Math.max(120, Math.min(this.width || MAX_ARC_WIDTH[this.size] || 300, MAX_ARC_WIDTH[compact ? 'compact' : 'detailed']));
    const layout = layoutGauge(gaugeModelOf(view), { width: arcWidth, height: arcWidth / 2 });
    const title = `${view.nodeName} · ${this.metricName(view.metric)} · ${view.period}`;
    const label = t.label({ metric: this.metricName(view.metric), node: view.nodeName, period: view.period });
    const attainment = this.percent(p.attainment);
    // Spoken: actual of target, each as every element prints it alone (no gap here to add up to).
    const actual = this.money(view, p.actual);
    const target = this.money(view, p.target);
    const applicable = p.attainment !== null;
    // aria-valuenow must lie within min … max: over the scale's end the maximum grows with it.
    const now = applicable ? Math.round(p.attainment! * 1000) / 10 : 0;
    const max = Math.max(Math.round(layout.scaleMax * 100), Math.ceil(now));
    const min = Math.min(0, Math.floor(now));
    const reason = errorText(this.t, { code: view.status.reason, message: view.status.reason, params: view.status.params });
    return html`<div part="base" class="base ${this.size}">
      <div part="header" class="header">
        <span part="title" class="title qk-clamp" title=${title}>${title}</span>
        ${applicable ? html`<span part="status ${status}" class="badge ${status}" title=${reason}>${this.t.statuses[status]}</span>` : nothing}
      </div>
      <div class="body">
        ${applicable
          ? html`<div part="meter" class="meter" role="meter" aria-label=${label} aria-valuemin=${min} aria-valuemax=${max} aria-valuenow=${now}
              aria-valuetext=${t.valueText({ attainment, actual, target, status: this.t.statuses[status] })}>
              ${this.renderArc(layout, arcWidth, attainment)}
            </div>`
          : html`<div part="meter" class="meter">${this.renderArc(layout, arcWidth, t.notApplicable)}</div>`}
        ${this.renderFigures(view, compact)}
      </div>
      ${applicable
        ? compact ? nothing : html`<p part="reason" class="reason">${reason} <span class="as-of">${t.asOf({ date: view.asOf })}</span></p>`
        : html`<p part="reason" class="reason na">${errorText(this.t, { code: 'zero-target', message: 'The target is zero.' })}</p>`}
    </div>`;
  }

  private renderArc(g: GaugeLayout, width: number, value: string): TemplateResult {
    const R = g.outerRadius;
    const tickFont = Math.max(9, R * 0.095);
    const height = g.center.y + tickFont * 1.6;
    // Room beside the arc for the end labels ("0%", "250%"), which sit level with the center.
    const pad = tickFont * 2.6;
    const total = width + 2 * pad;
    return html`<svg part="gauge" class="gauge" aria-hidden="true" viewBox="${-pad} 0 ${total} ${height}" width=${total} height=${height}>
      <g transform="translate(${g.center.x} ${g.center.y})">
        ${g.arcs.map((a) => svg`<path part=${a.kind === 'band' ? `band ${a.status}` : a.kind} class=${`${a.kind} ${a.status ?? ''}`} d=${a.path}></path>`)}
        ${g.ticks.map((k) => svg`<line part="tick" class=${k.major ? 'tick major' : 'tick'} x1=${k.x1} y1=${k.y1} x2=${k.x2} y2=${k.y2}></line>`)}
        ${g.labels
          .filter((l) => l.kind === 'tick')
          .map((l) => svg`<text part="tick" class="tick-label" x=${l.x} y=${l.y} text-anchor=${l.anchor} font-size=${tickFont} dominant-baseline="middle">${this.percent(l.value, 0)}</text>`)}
        ${g.markers.map((m) => svg`<line part="marker ${m.kind}" class="marker ${m.kind}" x1=${m.x1} y1=${m.y1} x2=${m.x2} y2=${m.y2}>${svgTitle(m.kind === 'expected' ? this.t.gauge.expectedMarker : this.t.gauge.forecastMarker)}</line>`)}
        <text part="value" class="value" x="0" y=${-R * 0.06} text-anchor="middle" font-size=${R * (value.length > 7 ? 0.14 : 0.24)}>${value}</text>
      </g>
    </svg>`;
  }

  private renderFigures(view: PaceView, compact: boolean): TemplateResult {
    const t = this.t.gauge;
    const p = view.pace;
    const f = view.forecast;
    const over = p.gap < 0;
    const trio = this.trio(view);
    const range = this.moneyRange(view, f.low, f.high);
    const row = (label: string, value: string, cls = '') => html`<div class="row ${cls}"><dt>${label}</dt><dd>${value}</dd></div>`;
    const daily = p.requiredDailyRate === null ? this.t.errors['no-working-days-left']?.({}) ?? '—' : t.perDay({ amount: this.money(view, p.requiredDailyRate) });
    const finished = p.remainingWorkingDays === 0;
    return html`<dl part="figures" class="figures">
      ${row(`${t.actual} / ${t.target}`, t.actualOfTarget({ actual: trio.actual, target: trio.target }), 'main')}
      ${row(over ? t.overTarget : t.gap, trio.gap, over ? 'over' : '')}
      ${over || finished ? nothing : row(t.requiredDailyRate, daily)}
      ${compact
        ? nothing
        : html`${row(t.expectedToDate, this.money(view, p.expectedToDate))}
          ${p.paceIndex === null ? nothing : row(t.paceIndex, this.percent(p.paceIndex))}
          ${finished ? nothing : row(t.forecast, `${this.money(view, f.blended)} (${t.forecastRange({ low: range.low, high: range.high, range: range.text })})`)}
          ${finished || p.target === 0 ? nothing : row(t.probability, this.probabilityText(f))}
          ${view.dual && view.dual.targetChange !== 0
            ? row(t.target, t.originalTarget({ target: this.money(view, view.dual.original.target), attainment: this.percent(view.dual.original.attainment) }))
            : nothing}`}
    </dl>`;
  }

  /** The chance to reach the target; a flat 0 % or 100 % says why, and a model figure under 0.5 % reads "< 1%". */
  private probabilityText(f: PaceView['forecast']): string {
    const reason = f.probabilityReason;
    if (reason === 'beyond-pipeline' || reason === 'no-spread') {
      return `${this.percent(f.probability, 0)} · ${errorText(this.t, { code: `forecast-${reason}`, message: reason })}`;
    }
    if (reason === null && f.probability > 0 && f.probability < 0.005) return `< ${this.percent(0.01, 0)}`;
    if (reason === null && f.probability < 1 && f.probability > 0.995) return `> ${this.percent(0.99, 0)}`;
    return this.percent(f.probability, 0);
  }

  /** Actual, target and the gap (or the excess over target) in one unit and precision, so that they add up. */
  private trio(view: PaceView): { actual: string; target: string; gap: string } {
    const p = view.pace;
    const options = { currency: view.currency, locale: this.locale, compact: true, sum: true };
    if (p.gap < 0) {
      const [target, over, actual] = formatMoneyGroup([p.target, -p.gap, p.actual], options);
      return { actual, target, gap: over };
    }
    const [actual, gap, target] = formatMoneyGroup([p.actual, p.gap, p.target], options);
    return { actual, target, gap };
  }
}

declare global {
  // The events of <qk-attainment-gauge>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-alert': QkAlertEvent;
    'qk-error': QkErrorEvent;
  }
}
