/**
 * Issue #14: the shipped build minifies the CSS of every css`…` template (scripts/minify-css.mjs,
 * used by vite.config.ts). Tests and the demo run the source as written, so this is where the
 * minified CSS is proved to be the same CSS: Chromium parses each element's styles as written and
 * as minified, and every rule serializes the same.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultGroup, CSSResult } from 'lit';
// @ts-expect-error a plain .mjs build script, no types
import { minifyCssText } from '../../scripts/minify-css.mjs';
import { baseStyles } from '../../src/theme/base-styles.js';
import { cardStyles } from '../../src/theme/card-styles.js';
import { pagerStyles } from '../../src/internal/pager.js';
import { QkGoalTree } from '../../src/components/goal-tree/goal-tree.js';
import { cardStyles as treeCardStyles } from '../../src/components/goal-tree/goal-tree.cards.styles.js';
import { rowMenuStyles } from '../../src/components/goal-tree/row-menu.styles.js';
import { QkProvider } from '../../src/components/provider/provider.js';
import { QkIncentiveCalculator } from '../../src/components/incentive-calculator/incentive-calculator.js';
import { QkIncentivePlanEditor } from '../../src/components/incentive-plan-editor/incentive-plan-editor.js';
import { QkAttainmentGauge } from '../../src/components/attainment-gauge/attainment-gauge.js';
import { QkScorecard } from '../../src/components/scorecard/scorecard.js';
import { QkAdjustmentPanel } from '../../src/components/adjustment-panel/adjustment-panel.js';
import { QkReviewBoard } from '../../src/components/review-board/review-board.js';
import { QkPaceChart } from '../../src/components/pace-chart/pace-chart.js';
import { QkFunnelInverter } from '../../src/components/funnel-inverter/funnel-inverter.js';

const flat = (g: CSSResultGroup | undefined): CSSResult[] => (g === undefined ? [] : Array.isArray(g) ? g.flatMap((x) => flat(x as CSSResultGroup)) : [g as CSSResult]);

/** Every rule of a sheet, nested rules (@layer, @media) included, as Chromium serializes it. */
function rules(text: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  const out: string[] = [];
  const walk = (list: CSSRuleList) => {
    for (const r of Array.from(list)) {
      out.push(r.cssText);
      if ('cssRules' in r) walk((r as CSSGroupingRule).cssRules);
    }
  };
  walk(sheet.cssRules);
  return out;
}

describe('minified styles (issue #14)', () => {
  it('minifyCssText: comments and indentation go; strings, calc() spacing and values stay', () => {
    const text = `
      /* a comment with \`code\` */
      :host > * {
        font-family: var(--qk-font, 'Segoe  UI', sans-serif);
        width: calc(100% - 2 * var(--x, 4px));
        content: "a ; b";
      }
      @media (max-width: 600px) { .a, .b { margin: 0 auto } }
    `;
    expect(minifyCssText(text)).to.equal(
      ` :host > *{font-family: var(--qk-font, 'Segoe  UI', sans-serif);width: calc(100% - 2 * var(--x, 4px));content: "a ; b";}@media (max-width: 600px){.a, .b{margin: 0 auto}}`,
    );
  });

  const sheets: [string, CSSResult[]][] = [
    ['base', [baseStyles]],
    ['card', [cardStyles]],
    ['pager', [pagerStyles]],
    ['goal tree cards', [treeCardStyles]],
    ['row menu', [rowMenuStyles]],
    ...[QkGoalTree, QkProvider, QkIncentiveCalculator, QkIncentivePlanEditor, QkAttainmentGauge, QkScorecard, QkAdjustmentPanel, QkReviewBoard, QkPaceChart, QkFunnelInverter].map(
      (c): [string, CSSResult[]] => [c.name, flat(c.styles)],
    ),
  ];
  for (const [name, results] of sheets) {
    it(`${name}: the same rules as written and minified`, () => {
      expect(results.length).to.be.greaterThan(0);
      for (const r of results) {
        const written = rules(r.cssText);
        expect(written.length, 'rules parsed').to.be.greaterThan(0);
        const min = minifyCssText(r.cssText);
        expect(min.length).to.be.lessThan(r.cssText.length);
        expect(rules(min)).to.deep.equal(written);
      }
    });
  }
});
