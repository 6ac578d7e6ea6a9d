/**
 * The geometry of the review's waterfall: planned revenue, one floating bar per factor's effect,
 * actual revenue — as a horizontal bridge, one row per bar, so the bridge gets the element's whole
 * width (its largest dimension on every screen). Pure numbers for an `svg` template; no DOM.
 */
import { linearScale } from '../../engine/geometry/scale.js';
import { estimateTextWidth, thinLabels } from '../../engine/geometry/label.js';
import type { ReviewAttribution, ReviewEffect } from '../../engine/review/review.js';

export interface WaterfallBar {
  kind: 'plan' | 'effect' | 'actual';
  /** The effect the bar draws (for `effect` bars). */
  effect: ReviewEffect | null;
  /** Running total before and after the bar, minor units (plan: 0 → V₀; actual: 0 → V₁). */
  from: number;
  to: number;
  /** The bar's own value: V₀, the effect, or V₁. */
  value: number;
  /** Left edge and width in pixels (width ≥ 1 so a zero effect still shows as a line). */
  x: number;
  width: number;
  /** Top edge and height in pixels. */
  y: number;
  height: number;
  /** Vertical centre of the bar. */
  cy: number;
  /** The y of the row's text: the middle of the bar (`column`), or the baseline of the line above it (`stacked`). */
  labelY: number;
  /** Where the value is written: after the bar's right end (`column`, anchor start), or at the row's right end (`stacked`, anchor end). */
  valueX: number;
}

export interface WaterfallLayout {
  width: number;
  height: number;
  /**
   * `column`: the names in a column at the left (right-aligned at `nameX`), each value after its
   * bar's end. `stacked` (narrow containers): each row's name (from `nameX`) and value (ending at
   * the right edge) on a line above its bar, which has the whole width.
   */
  mode: 'column' | 'stacked';
  nameX: number;
  bars: WaterfallBar[];
  /** Dashed lines from each bar's end down to the next bar's start. */
  connectors: { x: number; y1: number; y2: number }[];
  /** Vertical grid lines with their values, labelled under the axis line (thinned so no two labels touch). */
  ticks: { x: number; value: number }[];
  /** The x where the plan and actual bars start: the x of 0, or the axis floor when the axis is broken. */
  baseline: number;
  /** The axis line under the rows, and the baseline of the tick labels. */
  axisY: number;
  tickLabelY: number;
  /** The plot: where the bridge is drawn (top and bottom of the rows). */
  plot: { left: number; right: number; top: number; bottom: number };
  /**
   * Where the value axis is cut (zoomed to the bridge): the x at which to draw the break mark across
   * the plan and actual bars and on the axis, and the value at the axis floor. Null when the axis
   * starts at 0.
   */
  axisBreak: { x: number; floor: number } | null;
}

export interface WaterfallOptions {
  /** Width of the names' column at the left in px; 0 (the default): each name on a line above its bar. */
  nameColumn?: number;
  /** Room kept right of the bridge for the value written after each bar (px; `column` mode only). */
  valueRoom?: number;
  /** How a tick's value is written: ticks whose labels would touch are thinned out. */
  tickText?: (value: number) => string;
  /** Font size of the labels in px (11). */
  fontSize?: number;
}

/** Row pitch, bar height and the bar's offset in the row, per mode. */
const ROWS = {
  column: { pitch: 30, bar: 18, barTop: 6 },
  stacked: { pitch: 36, bar: 14, barTop: 17 },
} as const;
const TOP = 4;
const AXIS = 22;
/** Pixels between the axis floor and the lowest running total when the axis is broken (the break mark's room). */
export const BREAK_ROOM = 28;

/**
 * Lays out a waterfall from plan to actual revenue as horizontal bars, one row each: a bar from the
 * floor to the plan, each effect as a bar floating from the running total before it to the one after
 * it (left for a loss, right for a gain), and a bar from the floor to the actual.
 *
 * The chart's question is where the gap came from, so the value axis is zoomed to the bridge: the
 * lowest running total sits `BREAK_ROOM` (28) px right of the axis floor and the highest at the
 * plot's right end, so the bridge (the spread of the running totals) gets the plot's width less 28
 * px. The axis then is broken (`axisBreak`): the plan and actual bars rise from the floor through a
 * break mark, so no one reads their length as their value. It starts at 0 only when that keeps at
 * least 80% of the zoomed scale (a zero-based axis draws a 1% gap on a ¥1亿 plan as a 3 px step).
 *
 * Each effect's share of the gap gets `(plot width − 28) × |gap| / spread / 100` px per percent:
 * the plot's width over the bridge when every effect runs the same way, less when effects offset
 * each other (the bridge is then longer than the gap).
 *
 * @example
 * // plan 1,000,000, effects +158,440 and −408,440, actual 750,000; 400 px wide, names above the bars:
 * layoutWaterfall(attribution, { width: 400 })
 * // plot 2 … 398 px; running totals 750,000 … 1,158,440 (spread 408,440) over 396 − 28 = 368 px:
 * // 750,000 at x 30, 1,158,440 at x 398, the floor (x 2) at 750,000 − 28 × 408,440 / 368 ≈ 718,923.
 */
export function layoutWaterfall(attribution: ReviewAttribution, size: { width: number }, options: WaterfallOptions = {}): WaterfallLayout {
  const width = Math.max(1, size.width);
  const fontSize = options.fontSize ?? 11;
  const mode = (options.nameColumn ?? 0) > 0 ? 'column' : 'stacked';
  const row = ROWS[mode];
  const left = mode === 'column' ? options.nameColumn! : 2;
  const right = Math.max(left + BREAK_ROOM + 1, width - (mode === 'column' ? (options.valueRoom ?? 0) : 2));
  const effects = attribution.effects.filter((e) => e.kind !== 'unplanned');
  const totals = [attribution.plan];
  let run = attribution.plan;
  const spans = effects.map((e) => {
    const from = run;
    run += e.amount;
    totals.push(run);
    return { e, from, to: run };
  });
  totals.push(attribution.actual);
  const lo = Math.min(...totals), hi = Math.max(...totals);
  const spread = hi - lo;
  // Pixels per unit: zoomed (the lowest total BREAK_ROOM px from the floor) or from 0.
  const zoomed = spread > 0 ? (right - left - BREAK_ROOM) / spread : 0;
  const fromZero = hi > 0 ? (right - left) / hi : 0;
  const broken = lo > 0 && spread > 0 && fromZero < 0.8 * zoomed;
  const x = broken
    ? linearScale([lo - BREAK_ROOM / zoomed, hi], [left, right])
    : linearScale([Math.min(0, lo), Math.max(0, hi === lo ? lo + 1 : hi)], [left, right]).nice(5);
  const floor = x.domain()[0];
  const base = broken ? floor : 0;
  const n = effects.length + 2;
  const plotTop = TOP, plotBottom = TOP + n * row.pitch;
  const bar = (i: number, kind: WaterfallBar['kind'], effect: ReviewEffect | null, from: number, to: number, value: number): WaterfallBar => {
    const x0 = x(Math.min(from, to)), x1 = x(Math.max(from, to));
    const w = Math.max(1, x1 - x0);
    const top = plotTop + i * row.pitch + row.barTop;
    return {
      kind, effect, from, to, value,
      x: x0, width: w, y: top, height: row.bar, cy: top + row.bar / 2,
      labelY: mode === 'column' ? top + row.bar / 2 : top - 5,
      valueX: mode === 'column' ? x0 + w + 6 : width - 2,
    };
  };
  // Plan and actual bars: drawn from the floor, but their from stays 0 (what they mean).
  const total = (i: number, kind: 'plan' | 'actual', v: number): WaterfallBar => ({ ...bar(i, kind, null, base, v, v), from: 0 });
  const bars = [
    total(0, 'plan', attribution.plan),
    ...spans.map((s, i) => bar(i + 1, 'effect', s.e, s.from, s.to, s.e.amount)),
    total(n - 1, 'actual', attribution.actual),
  ];
  const connectors = bars.slice(0, -1).map((b, i) => ({ x: x(b.to), y1: b.y + b.height, y2: bars[i + 1].y }));
  // About one grid line per 100 px, fewer when two would read the same (a compact ¥1.03亿 and
  // ¥1.025亿 are both "¥1.03亿"); their labels thinned so none touches the next or leaves the chart.
  const text = options.tickText ?? String;
  const tickRow = (count: number) =>
    x
      .ticks(count)
      .filter((v) => !broken || x(v) >= left + BREAK_ROOM)
      .map((v) => ({ x: x(v), value: v, text: text(v) }))
      .filter((t) => t.x - estimateTextWidth(t.text, fontSize) / 2 >= 0 && t.x + estimateTextWidth(t.text, fontSize) / 2 <= width);
  let count = Math.max(2, Math.floor((right - left) / 100));
  let candidates = tickRow(count);
  while (count > 2 && new Set(candidates.map((t) => t.text)).size < candidates.length) candidates = tickRow(--count);
  candidates = candidates.filter((t, i) => i === 0 || t.text !== candidates[i - 1].text);
  const ticks = thinLabels(candidates, fontSize, 8).map((i) => ({ x: candidates[i].x, value: candidates[i].value }));
  return {
    width,
    height: plotBottom + AXIS,
    mode,
    nameX: mode === 'column' ? left - 8 : left,
    bars,
    connectors,
    ticks,
    baseline: x(base),
    axisY: plotBottom,
    tickLabelY: plotBottom + 15,
    plot: { left, right, top: plotTop, bottom: plotBottom },
    axisBreak: broken ? { x: left + BREAK_ROOM / 2, floor } : null,
  };
}
