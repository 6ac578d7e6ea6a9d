/**
 * Chart labels come from the host's data (stage, node and product names) and may be any length;
 * an SVG `<text>` never wraps, so a 10,000-character name would draw a label 130,000 px wide. The
 * chart clips a label to the room it has, from an estimate of the glyph widths (no DOM to measure
 * in the engine), and carries the full text in a `<title>` beside it.
 */

/** The ellipsis that ends a clipped label. */
export const ELLIPSIS = '…';

/**
 * Widths in em, on the generous side of common sans-serif UI fonts (Arial, Helvetica, Segoe UI,
 * PingFang SC, Microsoft YaHei), so an estimated fit also fits on screen.
 */
function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  // CJK, Hangul, fullwidth forms, emoji and the other astral planes: one em.
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x10000) return 1;
  if (ch === ELLIPSIS || ch === '—') return 1;
  if (ch === 'W' || ch === 'M' || ch === '@' || ch === '%') return 0.95;
  if (ch === 'm' || ch === 'w') return 0.85;
  if (ch === ' ' || "iljtfrI.,:;|'!()[]".includes(ch)) return 0.34;
  if (ch >= 'A' && ch <= 'Z') return 0.72;
  if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) return 0.6;
  return 0.65;
}

/**
 * The estimated width in px of `text` drawn at `fontSize` px.
 *
 * @example
 * estimateTextWidth('Lead', 10) // L 0.72 + e 0.6 + a 0.6 + d 0.6 = 2.52 em → 25.2
 * estimateTextWidth('线索', 12) // two CJK characters, one em each → 24
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

export interface FittedLabel {
  /** What to draw: the text itself, or its longest prefix that fits followed by `…`. */
  text: string;
  /** True when `text` is shorter than the input: show the full one in a `<title>`. */
  clipped: boolean;
}

/**
 * Clips `text` to `maxWidth` px at `fontSize` px (by `estimateTextWidth`), ending it with `…`.
 * Characters are whole code points, so a surrogate pair is never split; trailing spaces before
 * the ellipsis are dropped. With no room even for the ellipsis the label is the ellipsis alone.
 *
 * @example
 * fitLabel('Lead', 100, 10) // { text: 'Lead', clipped: false } (25.2 px fits)
 * fitLabel('WWWWWWWWWW', 50, 10) // 95 px > 50: the ellipsis takes 10, 4 × 9.5 = 38 ≤ 40 → { text: 'WWWW…', clipped: true }
 * fitLabel('星河科技有限公司', 50, 12) // 96 px > 50: 50 − 12 = 38 → 3 × 12 = 36 → { text: '星河科…', clipped: true }
 */
export function fitLabel(text: string, maxWidth: number, fontSize: number): FittedLabel {
  if (estimateTextWidth(text, fontSize) <= maxWidth) return { text, clipped: false };
  const room = maxWidth - charEm(ELLIPSIS) * fontSize;
  let used = 0;
  let out = '';
  for (const ch of text) {
    const w = charEm(ch) * fontSize;
    if (used + w > room) break;
    used += w;
    out += ch;
  }
  return { text: out.trimEnd() + ELLIPSIS, clipped: true };
}

/**
 * Which of a row of axis labels to draw so that none overlaps the next: every `step`-th one, the
 * smallest step whose drawn labels (centred on their x, widths by `estimateTextWidth`) keep `gap` px
 * between them. Returns the indices to draw.
 *
 * @example
 * // Twelve months 22 px apart, labels about 20 px wide at 11 px, 4 px apart at least:
 * thinLabels(months.map((m, i) => ({ x: 40 + 22 * i, text: m })), 11) // [0, 2, 4, 6, 8, 10]
 */
export function thinLabels(labels: readonly { x: number; text: string }[], fontSize: number, gap = 4): number[] {
  const widths = labels.map((l) => estimateTextWidth(l.text, fontSize));
  for (let step = 1; step < Math.max(2, labels.length); step++) {
    let ok = true;
    for (let i = step; i < labels.length && ok; i += step) {
      ok = labels[i].x - labels[i - step].x >= (widths[i] + widths[i - step]) / 2 + gap;
    }
    if (ok) return labels.map((_, i) => i).filter((i) => i % step === 0);
  }
  return labels.length ? [0] : [];
}
