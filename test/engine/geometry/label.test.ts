import { expect } from '@open-wc/testing';
import { ELLIPSIS, estimateTextWidth, fitLabel, thinLabels } from '../../../src/engine/geometry/label.js';

describe('engine/label: clipping chart labels to their room', () => {
  it('estimates widths in em per character', () => {
    // L 0.72 + e 0.6 + a 0.6 + d 0.6 = 2.52 em at 10 px.
    expect(estimateTextWidth('Lead', 10)).to.be.closeTo(25.2, 1e-9);
    // CJK characters are one em each.
    expect(estimateTextWidth('线索', 12)).to.equal(24);
    // An emoji outside the BMP is one character of one em, not two halves.
    expect(estimateTextWidth('😀', 10)).to.equal(10);
  });

  it('keeps a label that fits', () => {
    expect(fitLabel('Lead', 100, 10)).to.deep.equal({ text: 'Lead', clipped: false });
    expect(fitLabel('Lead', 25.2, 10)).to.deep.equal({ text: 'Lead', clipped: false });
  });

  it('clips to the longest prefix that fits beside the ellipsis', () => {
    // 10 × 9.5 = 95 px > 50; the ellipsis takes 10 px, 4 × 9.5 = 38 ≤ 40 < 5 × 9.5.
    expect(fitLabel('WWWWWWWWWW', 50, 10)).to.deep.equal({ text: 'WWWW…', clipped: true });
    // 8 × 12 = 96 px > 50; 50 − 12 = 38 → 3 × 12 = 36.
    expect(fitLabel('星河科技有限公司', 50, 12)).to.deep.equal({ text: '星河科…', clipped: true });
    // A space before the cut is dropped: 'ab ' is 0.6 + 0.6 + 0.34 = 1.54 em ≤ 2, then c would need 2.14.
    expect(fitLabel('ab cdefgh', 30, 10)).to.deep.equal({ text: 'ab…', clipped: true });
  });

  it('never splits a surrogate pair and keeps at least the ellipsis', () => {
    expect(fitLabel('😀😀😀', 25, 10)).to.deep.equal({ text: '😀…', clipped: true });
    expect(fitLabel('Lead', 5, 10)).to.deep.equal({ text: ELLIPSIS, clipped: true });
  });

  it('clips a 10,000-character name to a short label whatever its length', () => {
    const name = 'lead_'.padEnd(10_000, 'W');
    const f = fitLabel(name, 120, 13);
    // room 120 − 13 = 107: l 0.34 + e 0.6 + a 0.6 + d 0.6 + _ 0.65 = 2.79 em = 36.27 px, then
    // W at 12.35 px: 5 of them reach 98.02, a sixth would be 110.37 > 107.
    expect(f).to.deep.equal({ text: 'lead_WWWWW…', clipped: true });
    expect(estimateTextWidth(f.text, 13)).to.be.at.most(120);
  });
});

describe('thinLabels', () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  it('keeps every label when they fit, every second one when two neighbours would touch', () => {
    // At 11 px: "Jan" J 0.72 + a 0.6 + n 0.6 = 1.92 em = 21.1 px, "Feb" 21.1, "Mar" 20.8, "Apr" 18.3, "May" 23.7 px …
    expect(thinLabels(months.map((text, i) => ({ x: 40 * i, text })), 11)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // 22 px apart: Jan–Feb needs 21.1 + 4 = 25.1 > 22 → step 2 (44 px ≥ any pair's 27.7).
    expect(thinLabels(months.map((text, i) => ({ x: 22 * i, text })), 11)).to.deep.equal([0, 2, 4, 6, 8, 10]);
    // 10 px apart: step 2 gives 20 px < Jan–Mar's 25.0 → step 3 (30 px: Jan–Apr 23.7, Apr–Jul 22.3, Jul–Oct 22.3).
    expect(thinLabels(months.map((text, i) => ({ x: 10 * i, text })), 11)).to.deep.equal([0, 3, 6, 9]);
    expect(thinLabels([], 11)).to.deep.equal([]);
  });
});
