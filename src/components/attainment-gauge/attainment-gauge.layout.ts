/**
 * The geometry of the attainment gauge, computed with d3 (scale and arc) and rendered by the element
 * with Lit `svg` templates. Pure: numbers in, path strings and coordinates out.
 *
 * The gauge is a half circle from 0 % on the left to the top of the scale on the right. Angles are in
 * radians in d3's convention: 0 points up (12 o'clock), positive is clockwise, so the scale runs from
 * −π/2 to +π/2. Every path and coordinate is relative to the gauge's `center`: the element draws
 * everything inside `<g transform="translate(center.x, center.y)">`.
 */
import { arcPath as sectorPath } from '../../engine/geometry/shape.js';
import { linearScale } from '../../engine/geometry/scale.js';
import type { Status } from '../../engine/pace/status.js';
import type { PaceView } from '../../engine/pace/view.js';

/** What the gauge shows; every value is a ratio of the target (1 = 100 %). */
export interface GaugeModel {
  /** actual / target; `null` when not applicable (zero target): no fill and no needle. */
  attainment: number | null;
  /** expected-to-date / target: where the node should be today. */
  expected?: number | null;
  /** The point forecast / target at period end. */
  forecast?: number | null;
  /** The p10 and p90 forecast / target: drawn as a thin range arc. */
  forecastLow?: number | null;
  forecastHigh?: number | null;
  /** Colored bands behind the scale, e.g. off track 0–0.8, at risk 0.8–0.95, on track 0.95 and up. */
  bands: readonly { status: Status; from: number; to: number }[];
}

export interface GaugeSize {
  width: number;
  height: number;
}

export interface GaugeOptions {
  /** The largest the scale may grow to for over-achievement (default 3 = 300 %). */
  maxScale?: number;
}

export type GaugeArcKind = 'band' | 'track' | 'fill' | 'fill-over' | 'forecast-range';

export interface GaugeArc {
  /**
   * `band`: a status band on the outer ring; `track`: the empty fill ring; `fill`: attainment up to
   * 100 %; `fill-over`: attainment beyond 100 %, drawn apart so over-achievement is visible;
   * `forecast-range`: p10–p90 on a thin inner ring.
   */
  kind: GaugeArcKind;
  status?: Status;
  /** The values (ratios of target) the arc spans, after clipping to the scale. */
  from: number;
  to: number;
  startAngle: number;
  endAngle: number;
  innerRadius: number;
  outerRadius: number;
  /** The SVG path, relative to the center. */
  path: string;
}

export interface GaugeTick {
  value: number;
  angle: number;
  /** Labelled ticks: every 0.5 (50 %) and the end of the scale. */
  major: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GaugeLabel {
  kind: 'tick' | 'value';
  value: number | null;
  x: number;
  y: number;
  /** SVG `text-anchor` so a label never overlaps the arc it names. */
  anchor: 'start' | 'middle' | 'end';
}

export interface GaugeMarker {
  kind: 'expected' | 'forecast';
  value: number;
  angle: number;
  /** The value lies beyond the scale and the marker sits at its end. */
  clipped: boolean;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GaugeNeedle {
  value: number;
  angle: number;
  clipped: boolean;
  /** The tip; the needle starts at the center. */
  x: number;
  y: number;
}

export interface GaugeLayout {
  center: { x: number; y: number };
  outerRadius: number;
  /** The top of the scale (≥ 1.2), a ratio of target. */
  scaleMax: number;
  /** Some value exceeds `options.maxScale` and is drawn at the end of the scale. */
  overflow: boolean;
  startAngle: number;
  endAngle: number;
  arcs: GaugeArc[];
  ticks: GaugeTick[];
  labels: GaugeLabel[];
  needle: GaugeNeedle | null;
  markers: GaugeMarker[];
}

const HALF_PI = Math.PI / 2;
const MIN_SCALE = 1.2;
const STEP = 0.25;

/**
 * The top of the scale for the largest value shown: at least 1.2 (120 %), otherwise the value rounded
 * up to the next 0.25, at most `maxScale` (then `overflow` is set and the value is drawn at the end).
 *
 * @example gaugeScaleMax(0.5) // { scaleMax: 1.2, overflow: false }
 * @example gaugeScaleMax(1.3) // { scaleMax: 1.5, overflow: false }
 * @example gaugeScaleMax(4)   // { scaleMax: 3, overflow: true }
 */
export function gaugeScaleMax(largest: number, maxScale = 3): { scaleMax: number; overflow: boolean } {
  const cap = Number.isFinite(maxScale) && maxScale >= MIN_SCALE ? maxScale : 3;
  const v = Number.isFinite(largest) ? largest : 0;
  // Round first so that 1.25 (5.000000000000001 steps in floating point) stays 1.25.
  const rounded = Math.ceil(Number((v / STEP).toFixed(9))) * STEP;
  const scaleMax = v <= MIN_SCALE ? MIN_SCALE : Math.min(cap, rounded);
  return { scaleMax, overflow: v > cap };
}

/**
 * Lays out the gauge for `model` in a box of `size` pixels.
 *
 * Radii, as fractions of the outer radius R: status bands on [0.92R, R], the fill ring (track,
 * fill, fill-over) on [0.68R, 0.88R], the forecast range on [0.6R, 0.65R]; markers cross the fill
 * ring from 0.64R to 0.92R; tick labels sit at 1.06R. R leaves a tenth of the box as margin for them.
 *
 * @example
 * const g = layoutGauge({ attainment: 0.5, expected: 0.6, bands: [] }, { width: 200, height: 120 });
 * // scaleMax 1.2; the fill spans −π/2 … −π/2 + π × 0.5 / 1.2 = −π/12 ≈ −0.2618 rad (−15°);
 * // the expected marker sits at −π/2 + π × 0.6 / 1.2 = 0 (straight up)
 */
export function layoutGauge(model: GaugeModel, size: GaugeSize, options: GaugeOptions = {}): GaugeLayout {
  const attainment = finite(model.attainment);
  const values = [attainment, finite(model.expected), finite(model.forecast), finite(model.forecastLow), finite(model.forecastHigh)];
  const largest = Math.max(0, ...values.filter((v): v is number => v !== null));
  const { scaleMax, overflow } = gaugeScaleMax(largest, options.maxScale);

  const half = Math.min(positive(size.width) / 2, positive(size.height));
  const margin = half * 0.1;
  const R = Math.max(0, half - margin);
  const center = { x: positive(size.width) / 2, y: margin + R };

  const angle = linearScale([0, scaleMax], [-HALF_PI, HALF_PI], true);
  const clip = (v: number) => Math.min(scaleMax, Math.max(0, v));
  const ring = (kind: GaugeArcKind, from: number, to: number, inner: number, outer: number, status?: Status): GaugeArc => {
    const startAngle = angle(from);
    const endAngle = angle(to);
    const innerRadius = inner * R;
    const outerRadius = outer * R;
    const path = sectorPath({ startAngle, endAngle, innerRadius, outerRadius }) ?? '';
    return { kind, ...(status ? { status } : {}), from, to, startAngle, endAngle, innerRadius, outerRadius, path };
  };

  const arcs: GaugeArc[] = [];
  for (const b of model.bands) {
    const from = clip(finite(b.from) ?? 0);
    const to = clip(b.to === Infinity ? scaleMax : (finite(b.to) ?? 0));
    if (to > from) arcs.push(ring('band', from, to, 0.92, 1, b.status));
  }
  arcs.push(ring('track', 0, scaleMax, 0.68, 0.88));
  if (attainment !== null && attainment > 0) {
    const shown = clip(attainment);
    arcs.push(ring('fill', 0, Math.min(1, shown), 0.68, 0.88));
    if (shown > 1) arcs.push(ring('fill-over', 1, shown, 0.68, 0.88));
  }
  const low = finite(model.forecastLow);
  const high = finite(model.forecastHigh);
  if (low !== null && high !== null && clip(high) > clip(low)) {
    arcs.push(ring('forecast-range', clip(low), clip(high), 0.6, 0.65));
  }

  const point = (a: number, r: number) => ({ x: r * Math.sin(a), y: -r * Math.cos(a) });
  const ticks: GaugeTick[] = [];
  const labels: GaugeLabel[] = [];
  const count = Math.floor(scaleMax / STEP + 1e-9);
  const tickValues = Array.from({ length: count + 1 }, (_, i) => i * STEP);
  if (scaleMax - tickValues[tickValues.length - 1] > 1e-9) tickValues.push(scaleMax);
  for (const value of tickValues) {
    const a = angle(value);
    const major = Math.abs(value / 0.5 - Math.round(value / 0.5)) < 1e-9 || value === scaleMax;
    const p1 = point(a, R * (major ? 0.86 : 0.9));
    const p2 = point(a, R);
    ticks.push({ value, angle: a, major, x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y });
    if (major) {
      const p = point(a, R * 1.06);
      const anchor = Math.abs(a) < 0.2 ? 'middle' : a < 0 ? 'end' : 'start';
      labels.push({ kind: 'tick', value, x: p.x, y: p.y, anchor });
    }
  }
  labels.push({ kind: 'value', value: attainment, x: 0, y: -R * 0.2, anchor: 'middle' });

  const markers: GaugeMarker[] = [];
  for (const kind of ['expected', 'forecast'] as const) {
    const value = finite(model[kind]);
    if (value === null) continue;
    const a = angle(value);
    const p1 = point(a, R * 0.64);
    const p2 = point(a, R * 0.92);
    markers.push({ kind, value, angle: a, clipped: value > scaleMax || value < 0, x1: p1.x, y1: p1.y, x2: p2.x, y2: p2.y });
  }

  let needle: GaugeNeedle | null = null;
  if (attainment !== null) {
    const a = angle(attainment);
    const tip = point(a, R * 0.88);
    needle = { value: attainment, angle: a, clipped: attainment > scaleMax || attainment < 0, x: tip.x, y: tip.y };
  }

  return { center, outerRadius: R, scaleMax, overflow, startAngle: -HALF_PI, endAngle: HALF_PI, arcs, ticks, labels, needle, markers };
}

function finite(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function positive(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}

/**
 * The gauge's model (see `layoutGauge`) from a view: attainment, expected-to-date, the point
 * forecast and its p10–p90 range as ratios of the target, and status bands that move with the
 * calendar: at an expected share e, off track below e × offTrackPace, at risk up to
 * e × onTrackPace, on track above. The fill therefore lands in the band of the node's pace status.
 * Before anything is expected (e = 0) there are no bands; a zero target shows nothing.
 *
 * @example
 * // expectedShare 8/22 = 0.3636 with the default thresholds (0.8, 0.95):
 * gaugeModelOf(view).bands
 * // [{ status: 'off-track', from: 0, to: 0.2909 }, { status: 'at-risk', from: 0.2909, to: 0.3455 }, { status: 'on-track', from: 0.3455, to: Infinity }]
 */
export function gaugeModelOf(view: PaceView): GaugeModel {
  const { pace: p, forecast: f, thresholds: t } = view;
  if (p.target === 0) return { attainment: null, bands: [] };
  const e = p.expectedShare;
  const bands: GaugeModel['bands'] =
    e > 0
      ? [
          { status: 'off-track', from: 0, to: e * t.offTrackPace },
          { status: 'at-risk', from: e * t.offTrackPace, to: e * t.onTrackPace },
          { status: 'on-track', from: e * t.onTrackPace, to: Infinity },
        ]
      : [];
  const remaining = p.remainingWorkingDays > 0 || view.asOf < view.context.start;
  return {
    attainment: p.attainment,
    expected: p.expectedToDate / p.target,
    forecast: remaining ? f.blended / p.target : null,
    forecastLow: remaining ? f.low / p.target : null,
    forecastHigh: remaining ? f.high / p.target : null,
    bands,
  };
}
