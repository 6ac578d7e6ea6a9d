import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { layoutSettled } from '../support/layout.js';
import '../../src/index.js';
import type { QkProvider } from '../../src/components/provider/provider.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { sampleCompany } from '../fixtures/sample-company.js';

/**
 * Issue 17, item 2: at 320 px the scorecard's ranking and the incentive calculator's team table
 * wrapped every name one character per line (the base styles' `overflow-wrap: anywhere` let the
 * name column shrink to one glyph). A name now keeps at least a few characters on its line, shows
 * its full text on hover, and neither table makes the page scroll sideways.
 */

type El = HTMLElement & { updateComplete: Promise<unknown> };

async function tablesAt(width: number, locale: string) {
  localStorage.clear();
  const { plan, actuals } = sampleCompany({ asOf: '2026-09-15' });
  const box = await fixture<HTMLDivElement>(html`<div style=${`width: ${width}px`}><qk-provider locale=${locale} as-of="2026-09-15" autosave-ms="0">
    <qk-scorecard></qk-scorecard>
    <qk-incentive-calculator></qk-incentive-calculator>
  </qk-provider></div>`);
  const provider = box.querySelector('qk-provider') as QkProvider;
  provider.adapter = new MemoryAdapter(plan, actuals);
  await waitUntil(() => provider.store.status === 'ready', 'the plan never loaded', { timeout: 60000 });
  const [scorecard, calculator] = [...provider.children] as El[];
  const names = () => ({
    scorecard: [...scorecard.shadowRoot!.querySelectorAll<HTMLElement>('table.ranking tbody th[scope="row"]')],
    calculator: [...calculator.shadowRoot!.querySelectorAll<HTMLElement>('table.team tbody th[scope="row"]')],
  });
  await waitUntil(() => names().scorecard.length > 0 && names().calculator.length > 0, 'the tables never rendered', { timeout: 60000 });
  await layoutSettled([scorecard, calculator]);
  return { box, scorecard, calculator, names: names() };
}

/** The width of `text` on one line in the font of `style`. */
function natural(text: string, style: CSSStyleDeclaration): number {
  const probe = document.createElement('span');
  probe.style.cssText = `position: absolute; white-space: nowrap; font-family: ${style.fontFamily}; font-size: ${style.fontSize}; font-weight: ${style.fontWeight}`;
  probe.textContent = text;
  document.body.append(probe);
  const w = probe.getBoundingClientRect().width;
  probe.remove();
  return w;
}

describe('narrow tables (issue 17)', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`at 320 px (${locale}) names keep a few characters per line and the page does not scroll sideways`, async () => {
      const { box, scorecard, calculator, names } = await tablesAt(320, locale);
      for (const el of [scorecard, calculator]) {
        expect(el.getBoundingClientRect().width, `${el.localName} width`).to.be.at.most(320);
        expect(el.getBoundingClientRect().right, `${el.localName} right edge`).to.be.at.most(box.getBoundingClientRect().right + 0.5);
      }
      expect(box.scrollWidth, 'the box scrolls sideways').to.be.at.most(320);
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(window.innerWidth);
      for (const [which, cells] of Object.entries(names)) {
        for (const cell of cells.slice(0, 10)) {
          const text = cell.querySelector<HTMLElement>('[title]') ?? cell.querySelector<HTMLElement>('button') ?? cell;
          const name = (text.textContent ?? '').trim();
          expect(name.length, `${which}: a name`).to.be.greaterThan(0);
          const style = getComputedStyle(text);
          const fontPx = parseFloat(style.fontSize);
          const lineH = parseFloat(style.lineHeight) || fontPx * 1.45;
          const r = text.getBoundingClientRect();
          // The sample names have two to three characters (王伟, 王秀英): the whole name on one line, as
          // wide as the same text set on its own (no CJK font here: the glyph boxes are narrower than 1em).
          expect(r.width, `${which}: ${name} width`).to.be.at.least(natural(name, style) - 1);
          expect(r.height, `${which}: ${name} height (one line)`).to.be.at.most(lineH * 1.5);
          // The full name on hover.
          expect(text.title, `${which}: ${name} title`).to.equal(name);
        }
      }
    });
  }
});
