import { html, nothing, svg, type TemplateResult } from 'lit';
import { cssProps } from '../../internal/css-props.js';
import { property, state } from 'lit/decorators.js';
import { baseStyles } from '../../theme/base-styles.js';
import { paceSeries, type PacePoint, type PaceSeries, type PaceView } from '../../engine/pace/view.js';
import { layoutPaceChart, type PaceChartLayout } from './pace-chart.layout.js';
import { QkPaceElement } from '../attainment-gauge/pace-element.js';
import { Memo } from '../../internal/memo.js';
import { formatDay, formatMonth } from '../../i18n/dates.js';
import { thinLabels } from '../../engine/geometry/label.js';
import { styles } from './pace-chart.styles.js';
import { registerPaceChartStrings } from '../../i18n/loaders/pace-chart.js';
import { cardStyles } from '../../theme/card-styles.js';
import type { QkAlertEvent } from '../../events/qk-alert.js';
import type { QkErrorEvent } from '../../events/qk-error.js';

/** Keys that move the active point, and by how many points. */
const STEPS: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, PageDown: 7, PageUp: -7 };

/**
 * Cumulative actual against the expected curve over a period (by working days, the seasonality
 * profile or a new hire's ramp), with the forecast cone (p10–p90 around the point forecast) from
 * today to the period's end, the target line and today's marker. Points are days for periods up to
 * a quarter, ISO weeks for longer ones.
 *
 * Hover or focus the plot to read a point: the arrow keys move over the points (Home/End: first and
 * last, PageUp/PageDown: seven at a time), a tooltip and a polite live region say the figures, and
 * a visually hidden table carries every point's numbers for screen readers.
 *
 * @tag qk-pace-chart
 * @summary Cumulative actual vs expected pace, with the forecast cone to period end.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - Title row with the status badge.
 * @csspart title - The node, metric and period.
 * @csspart status - The status badge.
 * @csspart legend - The legend.
 * @csspart plot - The focusable plot area (one tab stop; arrow keys move over the points).
 * @csspart chart - The SVG (hidden from assistive technology: the table and live region speak for it).
 * @csspart grid - Value grid lines and axis labels.
 * @csspart expected - The expected curve.
 * @csspart actual - The cumulative actual line.
 * @csspart cone - The p10–p90 forecast area.
 * @csspart forecast - The point forecast line.
 * @csspart target - The target line.
 * @csspart today - Today's marker.
 * @csspart active - The crosshair and dots of the active point.
 * @csspart tooltip - The tooltip of the active point.
 * @csspart table - The visually hidden data table.
 * @csspart state - Loading, empty, error and no-target states.
 *
 * @cssprop [--qk-pace-chart-actual=var(--qk-color-primary)] - The actual line.
 * @cssprop [--qk-pace-chart-expected=var(--qk-color-text-muted)] - The expected curve.
 * @cssprop [--qk-pace-chart-cone=var(--qk-color-primary)] - The forecast cone and line.
 * @cssprop [--qk-pace-chart-cone-opacity=0.16] - Opacity of the cone.
 * @cssprop [--qk-pace-chart-target=var(--qk-color-success)] - The target line.
 * @cssprop [--qk-pace-chart-today=var(--qk-color-warning)] - Today's marker.
 *
 * @fires qk-alert - The node's status changed (on track / at risk / off track), with the reason.
 * @fires qk-error - Bad figures or an unknown node/period: the message is also shown in place.
 */
export class QkPaceChart extends QkPaceElement {
  protected static override registerStrings = registerPaceChartStrings;

  static override styles = [baseStyles, cardStyles, styles];

  /** The plot's height in CSS pixels; 0 (default) follows the width (45 %, between 200 and 340). */
  @property({ type: Number }) height = 0;

  /** `auto` (days up to a quarter, ISO weeks beyond), `day` or `week`. */
  @property({ reflect: true }) granularity: 'auto' | 'day' | 'week' = 'auto';

  /** The index of the point being read (hover or keyboard), -1 for none. */
  @state() private active = -1;

  private readonly geometryMemo = new Memo<{ series: PaceSeries | null; layout: PaceChartLayout | null; error: string | null }>();

  /** The series and its geometry for the current view and size, recomputed only when those change. */
  private geometry(view: PaceView, width: number, height: number) {
    return this.geometryMemo.get([view, this.granularity, width, height], () => {
      const s = paceSeries(view, { granularity: this.granularity });
      return {
        series: s.ok ? s.value : null,
        layout: s.ok ? layoutPaceChart(s.value, { width, height }) : null,
        error: s.ok ? null : s.error.code,
      };
    });
  }

  protected override renderView(view: PaceView): TemplateResult {
    const t = this.t.paceChart;
    const width = Math.max(240, this.width || 560);
    const height = this.height > 0 ? this.height : Math.round(Math.min(340, Math.max(200, width * 0.45)));
    const { series, layout } = this.geometry(view, width, height);
    if (!series || !layout) return html`<div part="state error" class="qk-state qk-error" role="alert">${this.t.common.errorTitle}</div>`;
    const metric = this.metricName(view.metric);
    const names = { metric, node: view.nodeName, period: view.period };
    const status = view.status.status;
    const active = this.active >= 0 && this.active < series.points.length ? this.active : -1;
    return html`<div part="base" class="base">
      <div part="header" class="header">
        <span part="title" class="title qk-clamp" title=${`${view.nodeName} · ${metric} · ${view.period}`}>${view.nodeName} · ${metric} · ${view.period}</span>
        ${view.pace.target > 0 ? html`<span part="status ${status}" class="badge ${status}">${this.t.statuses[status]}</span>` : nothing}
      </div>
      <ul part="legend" class="legend" aria-hidden="true">
        <li><span class="key actual"></span>${t.actual}</li>
        <li><span class="key expected"></span>${t.expected}</li>
        <li><span class="key cone"></span>${t.cone}</li>
        <li><span class="key target"></span>${t.target}</li>
      </ul>
      <div part="plot" class="plot" tabindex="0" role="group" aria-roledescription=${t.roleDescription} aria-label=${t.label(names)}
        aria-describedby="instructions"
        @keydown=${(e: KeyboardEvent) => this.onKey(e, series)}
        @focus=${() => this.onFocus(series)}
        @blur=${() => (this.active = -1)}
        @pointermove=${(e: PointerEvent) => this.onPointer(e, layout, width)}
        @pointerleave=${() => this.matches(':focus-within') || (this.active = -1)}>
        ${this.renderSvg(view, series, layout, width, height, active)}
        ${active >= 0 ? this.renderTooltip(view, series.points[active], layout.points[active].x / width) : nothing}
      </div>
      <span id="instructions" class="qk-visually-hidden">${t.instructions}</span>
      <div part="live" class="qk-visually-hidden" aria-live="polite" aria-atomic="true">${active >= 0 ? this.pointText(view, series, series.points[active]) : ''}</div>
      ${this.renderTable(view, series, names)}
    </div>`;
  }

  private renderSvg(view: PaceView, series: PaceSeries, g: PaceChartLayout, width: number, height: number, active: number): TemplateResult {
    const months = series.points.length > 0 && series.granularity === 'week';
    const right = g.plot.x + g.plot.width;
    const bottom = g.plot.y + g.plot.height;
    const p = active >= 0 ? g.points[active] : null;
    // On a narrow chart only every second (third, …) month is named, so names never collide.
    const xText = g.xTicks.map((k) => (months ? formatMonth(k.date, this.locale) : formatDay(k.date, this.locale)));
    const shown = new Set(thinLabels(g.xTicks.map((k, i) => ({ x: k.x, text: xText[i] })), 11));
    return html`<svg part="chart" class="chart" aria-hidden="true" viewBox="0 0 ${width} ${height}" width=${width} height=${height}>
      <g part="grid" class="grid">
        ${g.yTicks.map((k) => svg`<line x1=${g.plot.x} x2=${right} y1=${k.y} y2=${k.y}></line>
          <text x=${g.plot.x - 6} y=${k.y} text-anchor="end" dominant-baseline="middle">${this.money(view, k.value)}</text>`)}
        ${g.xTicks.map((k, i) => svg`<line class="x" x1=${k.x} x2=${k.x} y1=${bottom} y2=${bottom + 4}></line>
          ${shown.has(i) ? svg`<text x=${k.x} y=${bottom + 16} text-anchor="middle">${xText[i]}</text>` : nothing}`)}
      </g>
      <path part="cone" class="cone" d=${g.paths.cone}></path>
      <line part="target" class="target" x1=${g.plot.x} x2=${right} y1=${g.targetY} y2=${g.targetY}></line>
      <path part="expected" class="expected" d=${g.paths.expected}></path>
      <path part="forecast" class="forecast" d=${g.paths.forecast}></path>
      <path part="actual" class="actual" d=${g.paths.actual}></path>
      ${series.todayIndex >= 0 && g.points[series.todayIndex].actual !== null
        ? svg`<circle class="actual-dot" cx=${g.points[series.todayIndex].x} cy=${g.points[series.todayIndex].actual!} r="3.5"></circle>`
        : nothing}
      ${g.todayX !== null
        ? svg`<g part="today" class="today"><line x1=${g.todayX} x2=${g.todayX} y1=${g.plot.y} y2=${bottom}></line>
            <text x=${g.todayX} y=${g.plot.y - 2} text-anchor=${g.todayX > right - 30 ? 'end' : 'middle'}>${this.t.paceChart.today}</text></g>`
        : nothing}
      ${p
        ? svg`<g part="active" class="active">
            <line x1=${p.x} x2=${p.x} y1=${g.plot.y} y2=${bottom}></line>
            <circle class="expected" cx=${p.x} cy=${p.expected} r="4"></circle>
            ${p.actual !== null ? svg`<circle class="actual" cx=${p.x} cy=${p.actual} r="4.5"></circle>` : nothing}
            ${p.mid !== null ? svg`<circle class="forecast" cx=${p.x} cy=${p.mid} r="4"></circle>` : nothing}
          </g>`
        : nothing}
    </svg>`;
  }

  private when(series: PaceSeries, point: PacePoint): string {
    const to = formatDay(point.to, this.locale);
    return series.granularity === 'day' ? to : this.t.paceChart.days({ from: formatDay(point.from, this.locale), to });
  }

  private pointText(view: PaceView, series: PaceSeries, point: PacePoint, compact = true): string {
    const m = (v: number) => this.money(view, v, compact);
    const range = point.forecast ? this.moneyRange(view, point.forecast.low, point.forecast.high, compact) : null;
    return this.t.paceChart.point({
      when: this.when(series, point),
      actual: point.actual === null ? null : m(point.actual),
      expected: m(point.expected),
      forecast: point.forecast ? m(point.forecast.mid) : null,
      low: range?.low ?? null,
      high: range?.high ?? null,
      range: range?.text ?? null,
    });
  }

  private renderTooltip(view: PaceView, point: PacePoint, at: number): TemplateResult {
    const series = this.geometryMemo.last!.series!;
    const t = this.t.paceChart;
    const m = (v: number) => this.money(view, v);
    // Keep the tooltip inside the plot: anchored left of the point on the right half.
    const side = cssProps(at > 0.55 ? { right: `${((1 - at) * 100).toFixed(2)}%` } : { left: `${(at * 100).toFixed(2)}%` });
    return html`<div part="tooltip" class="tooltip" ${side} aria-hidden="true">
      <strong>${this.when(series, point)}</strong>
      ${point.actual !== null ? html`<div><span class="key actual"></span>${t.actual} ${m(point.actual)}</div>` : nothing}
      <div><span class="key expected"></span>${t.expected} ${m(point.expected)}</div>
      ${point.forecast
        ? html`<div><span class="key forecast"></span>${t.forecast} ${m(point.forecast.mid)}</div>
            <div class="muted">${t.forecastRange} ${this.moneyRange(view, point.forecast.low, point.forecast.high).text}</div>`
        : nothing}
    </div>`;
  }

  private renderTable(view: PaceView, series: PaceSeries, names: { metric: string; node: string; period: string }): TemplateResult {
    const t = this.t.paceChart;
    const m = (v: number | null | undefined) => (v === null || v === undefined ? '—' : this.money(view, v, false));
    // The wrapper hides the table: a table grows to fit its cells whatever width it is given.
    return html`<div class="qk-visually-hidden"><table part="table">
      <caption>${t.tableCaption(names)}</caption>
      <thead>
        <tr><th scope="col">${t.date}</th><th scope="col">${t.actual}</th><th scope="col">${t.expected}</th><th scope="col">${t.forecast}</th><th scope="col">${t.forecastRange}</th></tr>
      </thead>
      <tbody>
        ${series.points.map(
          (p) => html`<tr>
            <th scope="row">${this.when(series, p)}${p.today ? ` (${t.today})` : ''}</th>
            <td>${m(p.actual)}</td>
            <td>${m(p.expected)}</td>
            <td>${m(p.forecast?.mid)}</td>
            <td>${p.forecast ? `${m(p.forecast.low)} – ${m(p.forecast.high)}` : '—'}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }

  /** Where reading starts: today, or the period's end when today is outside it. */
  private startIndex(series: PaceSeries): number {
    return series.todayIndex >= 0 ? series.todayIndex : series.points.length - 1;
  }

  private onFocus(series: PaceSeries): void {
    if (this.active < 0) this.active = this.startIndex(series);
  }

  private onKey(e: KeyboardEvent, series: PaceSeries): void {
    const last = series.points.length - 1;
    let next: number;
    if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = last;
    else if (e.key in STEPS) next = Math.min(last, Math.max(0, (this.active < 0 ? this.startIndex(series) : this.active) + STEPS[e.key]));
    else if (e.key === 'Escape') next = -1;
    else return;
    e.preventDefault();
    this.active = next;
  }

  private onPointer(e: PointerEvent, g: PaceChartLayout, width: number): void {
    const svgEl = this.renderRoot.querySelector('svg.chart');
    const rect = svgEl?.getBoundingClientRect();
    if (!rect || rect.width === 0 || g.points.length === 0) return;
    const x = ((e.clientX - rect.left) * width) / rect.width;
    let best = 0;
    for (let i = 1; i < g.points.length; i++) if (Math.abs(g.points[i].x - x) < Math.abs(g.points[best].x - x)) best = i;
    this.active = best;
  }
}

declare global {
  // The events of <qk-pace-chart>, typed wherever this element is imported (a define module alone included).
  interface HTMLElementEventMap {
    'qk-alert': QkAlertEvent;
    'qk-error': QkErrorEvent;
  }
}
