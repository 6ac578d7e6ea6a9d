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
  /** The y of 0. */
  baseline: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/**
 * Lays out a waterfall from plan to actual revenue: a bar from 0 to the plan, each effect as a bar
 * floating from the running total before it to the one after it (down for a loss, up for a gain),
 * and a bar from 0 to the actual. The y scale (`linearScale`, niced) covers 0 and every running
 * total; bars share the width evenly with a 30% gap.
 *
 * @example
 * // plan 1,000,000, effects +158,440 and −408,440, actual 750,000; 400 × 200 px:
 * layoutWaterfall(attribution, { width: 400, height: 200 })
 * // bars: plan 0→1,000,000; leads 1,000,000→1,158,440; quote→won 1,158,440→750,000; actual 0→750,000
 */
export function layoutWaterfall(
  attribution: ReviewAttribution,
  size: { width: number; height: number },
  margin = { top: 12, right: 8, bottom: 28, left: 64 },
): WaterfallLayout {
  const width = Math.max(1, size.width), height = Math.max(1, size.height);
  const effects = attribution.effects.filter((e) => e.kind !== 'unplanned');
  const totals = [0, attribution.plan];
  let run = attribution.plan;
  const spans = effects.map((e) => {
    const from = run;
    run += e.amount;
    totals.push(run);
    return { e, from, to: run };
  });
  totals.push(attribution.actual);
  const lo = Math.min(...totals), hi = Math.max(...totals);
  const y = linearScale([lo, hi === lo ? lo + 1 : hi], [height - margin.bottom, margin.top]).nice(5);
  const n = effects.length + 2;
  const step = (width - margin.left - margin.right) / n;
  const barWidth = step * 0.7;
  const bar = (i: number, kind: WaterfallBar['kind'], effect: ReviewEffect | null, from: number, to: number, value: number): WaterfallBar => {
    const x = margin.left + i * step + (step - barWidth) / 2;
    const top = y(Math.max(from, to)), bottom = y(Math.min(from, to));
    return { kind, effect, from, to, value, x, width: barWidth, y: top, height: Math.max(1, bottom - top), cx: x + barWidth / 2 };
  };
  const bars = [
    bar(0, 'plan', null, 0, attribution.plan, attribution.plan),
    ...spans.map((s, i) => bar(i + 1, 'effect', s.e, s.from, s.to, s.e.amount)),
    bar(n - 1, 'actual', null, 0, attribution.actual, attribution.actual),
  ];
  const connectors = bars.slice(0, -1).map((b, i) => ({ x1: b.x + b.width, x2: bars[i + 1].x, y: y(b.to) }));
  return { width, height, bars, connectors, ticks: y.ticks(5).map((v) => ({ y: y(v), value: v })), baseline: y(0), margin };
}
