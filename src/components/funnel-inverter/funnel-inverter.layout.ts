/**
 * The funnel inverter's geometry (`layoutFunnel`, d3's line for the bands): pure numbers for the
 * element's `svg` template. The figures come from `engine/funnel/view.ts`.
 */
import { linePath } from '../../engine/geometry/shape.js';
export interface FunnelLayoutRow {
  id: string;
  required: number;
  actual?: number | null;
  pipeline?: number | null;
}

export interface FunnelLayoutOptions {
  /** Width of the drawing in px. */
  width: number;
  /** Height of one stage band (default 48). */
  rowHeight?: number;
  /** Space between bands, where the conversion label sits (default 22). */
  gap?: number;
  /** Width kept on the left for the stage name and count (default: 30% of the width, 72–140 px). */
  labelWidth?: number;
}

export interface FunnelBar {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FunnelShape {
  id: string;
  /** Top of the band. */
  y: number;
  height: number;
  /** The band's width at its top (this stage's requirement) and bottom (the next stage's). */
  topWidth: number;
  bottomWidth: number;
  /** The trapezoid, a closed SVG path. */
  path: string;
  /** Actual to date and open pipeline on the same scale, centered in the band; null when not given. */
  actual: FunnelBar | null;
  pipeline: FunnelBar | null;
  /** Baseline of the stage name and count, left of the funnel. */
  labelX: number;
  labelY: number;
}

export interface FunnelLayout {
  width: number;
  height: number;
  /** The funnel's vertical axis. */
  centerX: number;
  /** The widest band (the scale's range end). */
  maxWidth: number;
  shapes: FunnelShape[];
  /** Where the conversion from stage i to i + 1 is labelled: in the gap below band i, on the axis. */
  conversions: { fromId: string; toId: string; x: number; y: number }[];
}

/**
 * The funnel's geometry. Each stage is a band whose top width is its required count and whose
 * bottom width is the next stage's, so the bands join into a funnel; the last band keeps its
 * width. Widths use a square-root scale (0 → 0): a funnel's counts span orders of
 * magnitude (500 leads, 20 won deals), and on a linear scale the bottom stages would vanish. The
 * actual and pipeline bars use the same scale, so required, actual and pipeline compare directly;
 * a non-zero count is never drawn narrower than 2 px.
 *
 * @example
 * layoutFunnel([{ id: 'lead', required: 500 }, { id: 'won', required: 20 }], { width: 400, labelWidth: 100 })
 * // funnel area 300 − 2·8 px padding = 284 px: lead band 284 wide at the top, narrowing to
 * // 284·√(20/500) = 56.8 px; won band 56.8 px; centerX = 100 + 150 = 250.
 */
export function layoutFunnel(rows: readonly FunnelLayoutRow[], options: FunnelLayoutOptions): FunnelLayout {
  const width = Math.max(0, options.width);
  const rowHeight = options.rowHeight ?? 48;
  const gap = options.gap ?? 22;
  const labelWidth = options.labelWidth ?? Math.min(140, Math.max(72, Math.round(width * 0.3)));
  const pad = 8;
  const maxWidth = Math.max(0, width - labelWidth - 2 * pad);
  const centerX = labelWidth + pad + maxWidth / 2;
  const values = rows.flatMap((r) => [r.required, r.actual ?? 0, r.pipeline ?? 0]).filter((v) => Number.isFinite(v) && v > 0);
  const top = values.length ? Math.max(...values) : 1;
  // A square-root scale from [0, top] onto [0, maxWidth], clamped (what d3's scaleSqrt does here).
  const scale = (v: number) => maxWidth * Math.sqrt(Math.min(1, Math.max(0, v / top)));
  const w = (v: number | null | undefined) => (v && v > 0 && Number.isFinite(v) ? Math.max(2, scale(v)) : 0);

  const shapes = rows.map((r, i): FunnelShape => {
    const y = i * (rowHeight + gap);
    const topWidth = w(r.required);
    const bottomWidth = i < rows.length - 1 ? w(rows[i + 1].required) : topWidth;
    const path =
      linePath([
        [centerX - topWidth / 2, y],
        [centerX + topWidth / 2, y],
        [centerX + bottomWidth / 2, y + rowHeight],
        [centerX - bottomWidth / 2, y + rowHeight],
      ])! + 'Z';
    const bar = (v: number | null | undefined, dy: number): FunnelBar | null => {
      if (v === null || v === undefined) return null;
      const bw = w(v);
      return { x: centerX - bw / 2, y: y + dy, width: bw, height: rowHeight * 0.22 };
    };
    return {
      id: r.id,
      y,
      height: rowHeight,
      topWidth,
      bottomWidth,
      path,
      actual: bar(r.actual, rowHeight * 0.28),
      pipeline: bar(r.pipeline, rowHeight * 0.56),
      labelX: 0,
      labelY: y + rowHeight / 2,
    };
  });
  const conversions = rows.slice(0, -1).map((r, i) => ({ fromId: r.id, toId: rows[i + 1].id, x: centerX, y: i * (rowHeight + gap) + rowHeight + gap / 2 }));
  const height = rows.length ? rows.length * rowHeight + (rows.length - 1) * gap : 0;
  return { width, height, centerX, maxWidth, shapes, conversions };
}
