/**
 * The geometry of the review's waterfall: planned revenue, one floating bar per factor's effect,
 * actual revenue. Pure numbers for an `svg` template; no DOM.
 */
import { linearScale } from '../../engine/geometry/scale.js';
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
  x: number;
  width: number;
  /** Top edge and height in pixels (height ≥ 1 so a zero effect still shows as a line). */
  y: number;
  height: number;
  /** Centre of the bar, for its label. */
  cx: number;
}

export interface WaterfallLayout {
  width: number;
  height: number;
  bars: WaterfallBar[];
  /** Dashed lines from each bar's end to the next bar's start. */
  connectors: { x1: number; x2: number; y: number }[];
  /** Horizontal grid lines with their values. */
  ticks: { y: number; value: number }[];
  /** The y where the plan and actual bars start: the y of 0, or the axis floor when the axis is broken. */
  baseline: number;
  /**
   * Where the value axis is cut (zoomed to the bridge): the y at which to draw the break mark over
   * the plan and actual bars and on the axis, and the value at the axis floor. Null when the axis
   * starts at 0.
   */
  axisBreak: { y: number; floor: number } | null;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * Lays out a waterfall from plan to actual revenue: a bar from the floor to the plan, each effect as
 * a bar floating from the running total before it to the one after it (down for a loss, up for a
 * gain), and a bar from the floor to the actual. Bars share the width evenly with a 30% gap.
 *
 * The chart's question is where the gap came from, so the y scale (`linearScale`, niced) is zoomed to
 * the bridge: it covers every running total (plan, after each effect, actual) with a fifth of their
 * spread below and a twentieth above, and starts at 0 only when that costs the bridge less than half the height
 * (a zero-based axis draws a 1% gap on a ¥1亿 plan as a 2 px step). A zoomed axis is broken: the plan
 * and actual bars rise from the axis floor through a break mark (`axisBreak`), so no one reads their
 * height as their value.
 *
 * @example
 * // plan 1,000,000, effects +158,440 and −408,440, actual 750,000; 400 × 200 px:
 * layoutWaterfall(attribution, { width: 400, height: 200 })
 * // bars: plan 0→1,000,000; leads 1,000,000→1,158,440; quote→won 1,158,440→750,000; actual 0→750,000
 * // running totals 750,000 … 1,158,440 (spread 408,440): the axis runs from 668,312 to 1,178,862
 * // (broken at the floor) instead of from 0: 2.5 times the height for the same effects.
 */
export function layoutWaterfall(
  attribution: ReviewAttribution,
  size: { width: number; height: number },
  margin = { top: 12, right: 8, bottom: 28, left: 64 },
): WaterfallLayout {
  const width = Math.max(1, size.width), height = Math.max(1, size.height);
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
  // Zero-based when the bridge would still fill at least half the axis (or when a total is ≤ 0).
  const zeroBased = lo <= 0 || spread === 0 || spread / hi >= 0.5;
  const bottomY = height - margin.bottom;
  // Zoomed: not niced (rounding the floor out to a round value would give back up to half the
  // height); the grid lines still fall on round values.
  const y = zeroBased
    ? linearScale([Math.min(0, lo), Math.max(0, hi === lo ? lo + 1 : hi)], [bottomY, margin.top]).nice(5)
    : linearScale([Math.max(0, lo - spread / 5), hi + spread / 20], [bottomY, margin.top]);
  const floor = y.domain()[0];
  const broken = floor > 0;
  const base = broken ? floor : 0;
  const n = effects.length + 2;
  const step = (width - margin.left - margin.right) / n;
  const barWidth = step * 0.7;
  const bar = (i: number, kind: WaterfallBar['kind'], effect: ReviewEffect | null, from: number, to: number, value: number): WaterfallBar => {
    const x = margin.left + i * step + (step - barWidth) / 2;
    const top = y(Math.max(from, to)), bottom = y(Math.min(from, to));
    return { kind, effect, from, to, value, x, width: barWidth, y: top, height: Math.max(1, bottom - top), cx: x + barWidth / 2 };
  };
  // Plan and actual bars: drawn from the floor, but their from stays 0 (what they mean).
  const total = (i: number, kind: 'plan' | 'actual', v: number): WaterfallBar => ({ ...bar(i, kind, null, base, v, v), from: 0 });
  const bars = [
    total(0, 'plan', attribution.plan),
    ...spans.map((s, i) => bar(i + 1, 'effect', s.e, s.from, s.to, s.e.amount)),
    total(n - 1, 'actual', attribution.actual),
  ];
  const connectors = bars.slice(0, -1).map((b, i) => ({ x1: b.x + b.width, x2: bars[i + 1].x, y: y(b.to) }));
  // Fewer grid lines on a short chart: one per 40 px at most.
  const tickCount = Math.max(2, Math.min(5, Math.floor((bottomY - margin.top) / 40)));
  return {
    width,
    height,
    bars,
    connectors,
    ticks: y.ticks(tickCount).filter((v) => !broken || v > floor).map((v) => ({ y: y(v), value: v })),
    baseline: y(base),
    axisBreak: broken ? { y: bottomY - 8, floor } : null,
    margin,
  };
}
