/**
 * The pace chart's geometry (`layoutPaceChart`): the kit's linear scale and d3's line and area shapes
 * over the series of `engine/pace/view.ts`; pure numbers for the element's `svg` template.
 */
import { areaPath, linePath } from '../../engine/geometry/shape.js';
import { linearScale } from '../../engine/geometry/scale.js';
import { addDays, daysBetween, isoWeek } from '../../engine/calendar/periods.js';
import type { PaceSeries } from '../../engine/pace/view.js';

export interface PaceChartSize {
  width: number;
  height: number;
}

export interface PaceChartMargin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** One point's position: x at the end of its last day; y of each figure, `null` where it has none. */
export interface PaceChartPoint {
  x: number;
  expected: number;
  actual: number | null;
  mid: number | null;
  low: number | null;
  high: number | null;
}

export interface PaceChartLayout {
  /** The plot area inside the margins. */
  plot: { x: number; y: number; width: number; height: number };
  /** SVG paths in the element's coordinates; empty strings where there is nothing to draw. */
  paths: { expected: string; actual: string; cone: string; forecast: string };
  points: PaceChartPoint[];
  /** The target's y, and `asOf`'s x (`null` outside the period). */
  targetY: number;
  todayX: number | null;
  /** Value ticks (minor units) and x ticks (the first day of each month, or each ISO week's Monday in a short period). */
  yTicks: { value: number; y: number }[];
  xTicks: { date: string; x: number }[];
}

const DEFAULT_MARGIN: PaceChartMargin = { top: 12, right: 16, bottom: 26, left: 64 };

/**
 * Lays the series out in a box of `size` pixels with d3 scales: x is linear in calendar days (a
 * point sits at the end of its last day, the origin at the start of the period's first day), y is
 * linear from min(0, lowest value) to the largest of target, expected, actual and forecast high,
 * made "nice". Lines start at the origin with 0.
 *
 * @example
 * // March 2026 (31 days) in 400 × 200 with the default margin (left 64, right 16): plot width 320;
 * // the point ending 11 March sits at x = 64 + 320 × 11 / 31 = 177.55
 */
export function layoutPaceChart(series: PaceSeries, size: PaceChartSize, margin: PaceChartMargin = DEFAULT_MARGIN): PaceChartLayout {
  const width = Math.max(0, (Number.isFinite(size.width) ? size.width : 0) - margin.left - margin.right);
  const height = Math.max(0, (Number.isFinite(size.height) ? size.height : 0) - margin.top - margin.bottom);
  const days = daysBetween(series.start, series.end) + 1;
  const x = linearScale([0, days], [margin.left, margin.left + width]);
  const values = [series.target, 0];
  for (const p of series.points) {
    values.push(p.expected);
    if (p.actual !== null) values.push(p.actual);
    if (p.forecast) values.push(p.forecast.low, p.forecast.high);
  }
  const y = linearScale()
    .domain([Math.min(...values), Math.max(...values, 1)])
    .range([margin.top + height, margin.top])
    .nice(5);
  const xOf = (date: string) => x(daysBetween(series.start, date) + 1);
  const points: PaceChartPoint[] = series.points.map((p) => ({
    x: xOf(p.to),
    expected: y(p.expected),
    actual: p.actual === null ? null : y(p.actual),
    mid: p.forecast ? y(p.forecast.mid) : null,
    low: p.forecast ? y(p.forecast.low) : null,
    high: p.forecast ? y(p.forecast.high) : null,
  }));
  const origin = { x: x(0), y: y(0) };
  const path = (pts: [number, number][]) => (pts.length > 1 ? (linePath(pts) ?? '') : '');

  const actualPts: [number, number][] = [];
  if (series.points[0]?.actual != null) actualPts.push([origin.x, origin.y]);
  points.forEach((p) => p.actual !== null && actualPts.push([p.x, p.actual]));

  // The cone starts where the actual stands at asOf (or at the origin when the period has not begun).
  const t = series.todayIndex;
  const anchor = t >= 0 ? { x: points[t].x, y: points[t].actual ?? origin.y } : origin;
  const conePts = points.filter((p) => p.mid !== null);
  const band = [{ x: anchor.x, low: anchor.y, high: anchor.y }, ...conePts.map((p) => ({ x: p.x, low: p.low!, high: p.high! }))];
  const coneArea = conePts.length ? (areaPath(band.map((d) => ({ x: d.x, y0: d.low, y1: d.high }))) ?? '') : '';
  const inPeriod = series.asOf >= series.start && series.asOf <= series.end;
  const yTicks = y.ticks(5).map((value) => ({ value, y: y(value) }));
  const xTicks: { date: string; x: number }[] = [];
  for (let d = series.start; d <= series.end; d = addDays(d, 1)) {
    const first = days > 62 ? d.endsWith('-01') : isoWeek(d) !== isoWeek(addDays(d, -1));
    if (first) xTicks.push({ date: d, x: x(daysBetween(series.start, d)) });
  }
  return {
    plot: { x: margin.left, y: margin.top, width, height },
    paths: {
      expected: path([[origin.x, origin.y], ...points.map((p): [number, number] => [p.x, p.expected])]),
      actual: path(actualPts),
      cone: coneArea,
      forecast: conePts.length ? path([[anchor.x, anchor.y], ...conePts.map((p): [number, number] => [p.x, p.mid!])]) : '',
    },
    points,
    targetY: y(series.target),
    todayX: inPeriod ? xOf(series.asOf) : null,
    yTicks,
    xTicks,
  };
}
