/**
 * Theming: demo/embed/theming.html sets the documented tokens on an ancestor (`--qk-color-primary`,
 * `--qk-font-family`, `--qk-radius`), styles documented parts (`::part(value)`, `::part(toolbar)`)
 * and puts the dark theme (`qk-theme-dark`) on a section. The hostile-CSS test proves that other
 * page rules do not change the elements; this one proves that the tokens and parts do, by reading
 * computed styles inside the shadow roots.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { openPage, settle, type HostPage } from './host.js';

const PAGE = '/demo/embed/theming.html';
const TAGS = ['qk-provider', 'qk-attainment-gauge', 'qk-goal-tree'];

// The token values, as computed colours.
const BRAND_PRIMARY = 'rgb(123, 44, 191)'; // #7b2cbf, set on .brand
const DEFAULT_PRIMARY = 'rgb(11, 99, 197)'; // #0b63c5, the built-in default
const DARK_PRIMARY = 'rgb(68, 147, 248)'; // #4493f8, themes/dark.css
const DARK_SURFACE = 'rgb(21, 27, 35)'; // #151b23, themes/dark.css
const DARK_TEXT = 'rgb(230, 237, 243)'; // #e6edf3, themes/dark.css
const LIGHT_SURFACE = 'rgb(255, 255, 255)';

describe('embed: theming with tokens, parts and the dark theme', () => {
  let page: HostPage;
  /** The computed style of the first node matching `selector` in the shadow root of `tag` inside section `section`. */
  const style = (section: string, tag: string, selector: string) => {
    const el = page.doc.querySelector(`#${section} ${tag}`)!;
    const node = el.shadowRoot!.querySelector(selector);
    if (!node) throw new Error(`<${tag}> in #${section} has no ${selector}`);
    return page.win.getComputedStyle(node);
  };

  before(async () => {
    page = await openPage(PAGE, { waitFor: TAGS });
    const provider = page.doc.getElementById('dashboard') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    for (const el of page.doc.querySelectorAll('qk-attainment-gauge, qk-goal-tree')) expect(await settle(el), el.closest('section')!.id).to.equal('');
    expect(page.errors).to.deep.equal([]);
  });
  after(() => page.close());

  it('--qk-color-primary on an ancestor colours the primary button of the goal tree', () => {
    // The sample company has only its company target, so the tree offers "Decompose plan" (a primary button).
    expect(style('brand', 'qk-goal-tree', '[part~="decompose"]').backgroundColor).to.equal(BRAND_PRIMARY);
    expect(style('brand', 'qk-goal-tree', '[part~="decompose"]').backgroundColor).not.to.equal(DEFAULT_PRIMARY);
  });

  it('--qk-radius and --qk-font-family reach the nodes inside', () => {
    expect(style('brand', 'qk-goal-tree', '[part~="decompose"]').borderTopLeftRadius).to.equal('12px');
    expect(style('brand', 'qk-goal-tree', '[part~="scroller"]').borderTopLeftRadius).to.equal('12px');
    expect(style('brand', 'qk-attainment-gauge', '[part~="base"]').borderTopLeftRadius).to.equal('12px');
    expect(style('brand', 'qk-goal-tree', '[part~="name"]').fontFamily).to.match(/^Georgia/);
    expect(style('brand', 'qk-attainment-gauge', '[part~="value"]').fontFamily).to.match(/^Georgia/);
    // Without the tokens: the default radius (6px) and font.
    expect(style('dark', 'qk-goal-tree', '[part~="scroller"]').borderTopLeftRadius).to.equal('6px');
    expect(style('dark', 'qk-goal-tree', '[part~="name"]').fontFamily).not.to.contain('Georgia');
  });

  it('::part() rules restyle the documented nodes, and only where the host applies them', () => {
    expect(style('brand', 'qk-attainment-gauge', '[part~="value"]').fontWeight).to.equal('800');
    // The gauge's own weight where the rule does not apply.
    expect(style('dark', 'qk-attainment-gauge', '[part~="value"]').fontWeight).to.equal('700');
    const toolbar = style('brand', 'qk-goal-tree', '[part~="toolbar"]');
    expect([toolbar.borderBottomWidth, toolbar.borderBottomStyle, toolbar.borderBottomColor]).to.deep.equal(['2px', 'solid', BRAND_PRIMARY]);
    expect(style('dark', 'qk-goal-tree', '[part~="toolbar"]').borderBottomStyle).to.equal('none');
  });

  it('qk-theme-dark on a section switches the surfaces, text and primary to the dark tokens', () => {
    expect(style('dark', 'qk-goal-tree', '[part~="scroller"]').backgroundColor).to.equal(DARK_SURFACE);
    expect(style('dark', 'qk-attainment-gauge', '[part~="base"]').backgroundColor).to.equal(DARK_SURFACE);
    expect(style('dark', 'qk-goal-tree', '[part~="name"]').color).to.equal(DARK_TEXT);
    expect(style('dark', 'qk-goal-tree', '[part~="decompose"]').backgroundColor).to.equal(DARK_PRIMARY);
    // The light section keeps the light surface.
    expect(style('brand', 'qk-goal-tree', '[part~="scroller"]').backgroundColor).to.equal(LIGHT_SURFACE);
  });
});
