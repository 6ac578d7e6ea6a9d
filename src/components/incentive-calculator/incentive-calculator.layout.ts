import { linePath } from '../../engine/geometry/shape.js';
import { linearScale } from '../../engine/geometry/scale.js';
import type { CurvePoint } from '../../engine/incentive/commission.js';

export interface CurveLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** The curve's SVG path. */
  path: string;
  xTicks: { x: number; value: number }[];
  yTicks: { y: number; value: number }[];
  /** Tier starts (x) with their rates. */
  breakpoints: { x: number; attainment: number; rate: number }[];
  you: { x: number; y: number } | null;
  whatIf: { x: number; y: number } | null;
}

const MARGIN = { top: 16, right: 16, bottom: 32, left: 64 };

/** The curve's value at attainment `a`, on the last straight segment holding it (the value at a step, not the one before). */
export function curveValueAt(points: readonly CurvePoint[], a: number): number {
  let v = points[0]?.payout ?? 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const p0 = points[i], p1 = points[i + 1];
    if (p1.attainment === p0.attainment || a < p0.attainment) continue;
    if (a <= p1.attainment) v = p0.payout + ((a - p0.attainment) / (p1.attainment - p0.attainment)) * (p1.payout - p0.payout);
    else v = p1.payout;
  }
  return v;
}

/**
 * Geometry of the payout chart: attainment on x (0 … the last point), commission on y, the tier
 * breakpoints, and where the person (and the what-if) sit on the curve. engine/geometry/shape.ts draws the line (d3-shape's path, without d3-shape);
 * Lit renders it.
 */
export function layoutCurve(
  points: readonly CurvePoint[],
  tiers: readonly { from: number; rate: number }[],
  options: { width: number; height: number; you?: number | null; whatIf?: number | null },
): CurveLayout {
  const { width, height } = options;
  const plot = { left: MARGIN.left, right: width - MARGIN.right, top: MARGIN.top, bottom: height - MARGIN.bottom };
  const maxA = points.length ? points[points.length - 1].attainment : 1;
  const maxV = Math.max(1, ...points.map((p) => p.payout));
  const x = linearScale([0, maxA], [plot.left, plot.right]);
  const y = linearScale([0, maxV], [plot.bottom, plot.top]).nice(4);
  const path = linePath(points.map((p): [number, number] => [x(p.attainment), y(p.payout)])) ?? '';
  const mark = (a: number | null | undefined) => (a === null || a === undefined || !Number.isFinite(a) ? null : { x: x(Math.max(0, Math.min(a, maxA))), y: y(curveValueAt(points, Math.max(0, Math.min(a, maxA)))) });
  return {
    width,
    height,
    plot,
    path,
    xTicks: x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 70))).map((v) => ({ x: x(v), value: v })),
    yTicks: y.ticks(4).map((v) => ({ y: y(v), value: v })),
    breakpoints: tiers.filter((t) => t.from > 0 && t.from <= maxA).map((t) => ({ x: x(t.from), attainment: t.from, rate: t.rate })),
    you: mark(options.you),
    whatIf: mark(options.whatIf),
  };
}
