import { expect } from '@open-wc/testing';
import { ELLIPSIS, estimateTextWidth, fitLabel } from '../../../src/engine/geometry/label.js';

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
