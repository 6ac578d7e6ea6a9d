/**
 * The accessibility assertion itself (test/support/accessible.ts): with the options it runs axe
 * with, a real contrast violation and a real ARIA violation inside an element's shadow root still
 * fail `expect(el).to.be.accessible()`, each named with its node; the same element fixed passes; and
 * the colour-only run of the dark theme (test/components/hostile.test.ts) still finds the contrast.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { axeViolations, colourRulesOnly } from '../support/accessible.js';

/** An element drawing `markup` in its shadow root, as the kit's elements draw theirs. */
class AxeProbe extends HTMLElement {
  set markup(m: string) {
    (this.shadowRoot ?? this.attachShadow({ mode: 'open' })).innerHTML = m;
  }
}
customElements.define('qk-axe-probe', AxeProbe);

const CLEAN = `<p style="color:#333333;background:#ffffff">Quarterly target</p><button aria-expanded="false">Details</button>`;
/** Grey on grey: #777777 on #888888. */
const LOW_CONTRAST = `<p style="color:#777777;background:#888888">Quarterly target</p><button aria-expanded="false">Details</button>`;
/** `aria-expanded` takes true or false, not "maybe". */
const BAD_ARIA = `<p style="color:#333333;background:#ffffff">Quarterly target</p><button aria-expanded="maybe">Details</button>`;

async function probe(markup: string): Promise<AxeProbe> {
  return fixture<AxeProbe>(html`<qk-axe-probe .markup=${markup}></qk-axe-probe>`);
}

/** The assertion's failure message, or '' when it passed. */
async function failure(el: Element): Promise<string> {
  try {
    await expect(el).to.be.accessible();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('expect(el).to.be.accessible()', function () {
  // axe over a small element: slow only on a loaded machine (a limit, not a wait).
  this.timeout(120_000);

  it('passes an element with no violation', async () => {
    const el = await probe(CLEAN);
    expect(await axeViolations(el)).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('fails on text below 4.5:1 inside a shadow root, naming the rule, the node and the ratio', async () => {
    // WCAG luminance: #77 → ((119/255 + 0.055) / 1.055)^2.4 = 0.1845, #88 → ((136/255 + 0.055) / 1.055)^2.4 = 0.2462;
    // (0.2462 + 0.05) / (0.1845 + 0.05) = 1.26.
    const el = await probe(LOW_CONTRAST);
    expect((await axeViolations(el)).map((v) => v.id)).to.deep.equal(['color-contrast']);
    const message = await failure(el);
    expect(message).to.contain('Rule: color-contrast');
    expect(message).to.contain('Issue target: qk-axe-probe >>> p');
    expect(message).to.contain('Context: <p style="color:#777777;background:#888888">Quarterly target</p>');
    expect(message).to.match(/contrast of 1\.26 \(foreground color: #777777, background color: #888888/);
    await expect(el).not.to.be.accessible();
  });

  it('fails on an ARIA attribute with an invalid value inside a shadow root', async () => {
    const el = await probe(BAD_ARIA);
    expect((await axeViolations(el)).map((v) => v.id)).to.deep.equal(['aria-valid-attr-value']);
    const message = await failure(el);
    expect(message).to.contain('Rule: aria-valid-attr-value');
    expect(message).to.contain('Context: <button aria-expanded="maybe">Details</button>');
    expect(message).to.contain('aria-expanded="maybe"');
  });

  it('runs only the colour rules for a second theme: the contrast is still found, the ARIA error is not asked about', async () => {
    const colour = await colourRulesOnly();
    const both = await probe(LOW_CONTRAST.replace('aria-expanded="false"', 'aria-expanded="maybe"'));
    expect((await axeViolations(both)).map((v) => v.id).sort()).to.deep.equal(['aria-valid-attr-value', 'color-contrast']);
    expect((await axeViolations(both, colour)).map((v) => v.id)).to.deep.equal(['color-contrast']);
    await expect(both).not.to.be.accessible(colour);
    await expect(await probe(BAD_ARIA)).to.be.accessible(colour);
  });

  it('refuses an option it would not honour', async () => {
    const el = await probe(CLEAN);
    expect(() => expect(el).to.be.accessible({ ignoredTags: ['p'] } as never)).to.throw('unknown option ignoredTags');
  });
});
