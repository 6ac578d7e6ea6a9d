/**
 * The three SVG shapes the kit draws — a linear polyline, a linear band between two polylines, and a
 * plain annular sector — with d3's path serializer (`pathRound(3)`, d3-path) and d3-shape's own
 * algorithms for those cases, so every path string is the one `line()`, `area()` and `arc()` of
 * d3-shape produce (a test compares them on random input).
 *
 * Why not d3-shape itself: its module is one file whose curve factories run at load time
 * (`curveBundle`, `curveCardinal`, … are built by immediately-called functions), so a bundler keeps
 * every curve, symbol and stack — about 28 kB before minification — in any page that draws one arc.
 * The kit needs no curve but the linear one, no corner radius and no pad angle.
 */
import { pathRound } from 'd3-path';

const DIGITS = 3; // d3-shape's default precision
const EPSILON = 1e-12; // d3-shape's
const HALF_PI = Math.PI / 2;
const TAU = 2 * Math.PI;

type Point = readonly [number, number];

/** d3's `line()(points)` (linear curve, every point defined): `null` when there is no point. */
export function linePath(points: readonly Point[]): string | null {
  if (!points.length) return null;
  const p = pathRound(DIGITS);
  points.forEach(([x, y], i) => (i ? p.lineTo(+x, +y) : p.moveTo(+x, +y)));
  if (points.length === 1) p.closePath();
  return p.toString() || null;
}

/**
 * d3's `area().x(x).y0(y0).y1(y1)(points)` (linear curve, every point defined): along the `y1` side,
 * back along the `y0` side, closed. `null` when there is no point.
 */
export function areaPath(points: readonly { x: number; y0: number; y1: number }[]): string | null {
  if (!points.length) return null;
  const p = pathRound(DIGITS);
  points.forEach((d, i) => (i ? p.lineTo(+d.x, +d.y1) : p.moveTo(+d.x, +d.y1)));
  for (let k = points.length - 1; k >= 0; k--) p.lineTo(+points[k].x, +points[k].y0);
  p.closePath();
  return p.toString() || null;
}

/**
 * d3's `arc()({ innerRadius, outerRadius, startAngle, endAngle })` without corner radius or pad angle:
 * angles in radians, clockwise from 12 o'clock, centred on the origin.
 */
export function arcPath(d: { innerRadius: number; outerRadius: number; startAngle: number; endAngle: number }): string | null {
  let r0 = +d.innerRadius;
  let r1 = +d.outerRadius;
  const a0 = d.startAngle - HALF_PI;
  const a1 = d.endAngle - HALF_PI;
  const da = Math.abs(a1 - a0);
  const cw = a1 > a0;
  const p = pathRound(DIGITS);
  if (r1 < r0) [r0, r1] = [r1, r0];
  if (!(r1 > EPSILON)) p.moveTo(0, 0);
  else if (da > TAU - EPSILON) {
    // A circle or an annulus.
    p.moveTo(r1 * Math.cos(a0), r1 * Math.sin(a0));
    p.arc(0, 0, r1, a0, a1, !cw);
    if (r0 > EPSILON) {
      p.moveTo(r0 * Math.cos(a1), r0 * Math.sin(a1));
      p.arc(0, 0, r0, a1, a0, cw);
    }
  } else {
    // A circular or annular sector.
    const x01 = r1 * Math.cos(a0);
    const y01 = r1 * Math.sin(a0);
    const x10 = r0 * Math.cos(a1);
    const y10 = r0 * Math.sin(a1);
    if (!(da > EPSILON)) p.moveTo(x01, y01);
    else {
      p.moveTo(x01, y01);
      p.arc(0, 0, r1, a0, a1, !cw);
    }
    if (!(r0 > EPSILON) || !(da > EPSILON)) p.lineTo(x10, y10);
    else p.arc(0, 0, r0, a1, a0, cw);
  }
  p.closePath();
  return p.toString() || null;
}
