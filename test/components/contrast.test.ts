/**
 * WCAG AA contrast of the colour tokens, in the light and the dark theme (src/themes/*.css): text
 * 4.5:1 on every surface it is drawn on, chart marks 3:1 (WCAG 1.4.11), and the built-in fallbacks
 * in base-styles equal the light sheet. The axe runs in test/components/hostile.test.ts check the
 * same in place; this test names the token pair that fails, before any element shows it.
 */
import { expect } from '@open-wc/testing';
import { baseStyles } from '../../src/theme/base-styles.js';

/** The `--qk-color-*` tokens a sheet sets, by name without the prefix. */
async function tokens(file: string): Promise<Record<string, string>> {
  const css = await (await fetch(new URL(`../../src/themes/${file}`, import.meta.url))).text();
  return Object.fromEntries([...css.matchAll(/--qk-color-([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text colours, and the backgrounds text is drawn on (a changed cell's row holds the same texts). */
const TEXT = ['text', 'text-muted', 'primary', 'success', 'warning', 'danger'];
const BACKGROUNDS = ['surface', 'surface-alt', 'changed'];
/** Colours of chart marks (bars, arcs, lines, the expected curve), against the card's surfaces. */
const MARKS = ['primary', 'success', 'warning', 'danger', 'text-muted'];

/** Every pair below `min`, as "fg on bg 4.44" lines. */
function failing(t: Record<string, string>, fgs: string[], bgs: string[], min: number): string[] {
  return fgs.flatMap((fg) => bgs.map((bg) => [fg, bg, contrast(t[fg]!, t[bg]!)] as const)).filter(([, , r]) => r < min).map(([fg, bg, r]) => `${fg} on ${bg} ${r.toFixed(2)}`);
}

describe('theme tokens meet WCAG AA contrast', () => {
  it('computes the WCAG ratio (hand-checked pairs)', () => {
    expect(contrast('#ffffff', '#000000')).to.be.closeTo(21, 1e-9);
    // The dark theme's old danger on its alternate surface: the axe finding of issue 12.
    expect(contrast('#f85149', '#212830')).to.be.closeTo(4.44, 0.005);
  });

  for (const file of ['light.css', 'dark.css']) {
    it(`${file}: text 4.5:1, badges and the primary button 4.5:1, chart marks 3:1`, async () => {
      const t = await tokens(file);
      expect(Object.keys(t)).to.include.members([...TEXT, ...BACKGROUNDS, 'on-primary']);
      expect({
        text: failing(t, TEXT, BACKGROUNDS, 4.5),
        // A badge writes the surface colour on a status colour; a primary button on-primary on primary.
        badges: failing({ ...t, badge: t.surface! }, ['badge'], ['success', 'warning', 'danger', 'primary'], 4.5),
        button: failing(t, ['on-primary'], ['primary'], 4.5),
        marks: failing(t, MARKS, ['surface', 'surface-alt'], 3),
      }).to.deep.equal({ text: [], badges: [], button: [], marks: [] });
    });
  }

  it('the built-in fallbacks in base-styles are the light theme', async () => {
    const light = await tokens('light.css');
    const fallbacks = Object.fromEntries([...baseStyles.cssText.matchAll(/var\(--qk-color-([\w-]+),\s*(#[0-9a-f]{6})\)/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
    expect(fallbacks).to.deep.equal(light);
  });
});
