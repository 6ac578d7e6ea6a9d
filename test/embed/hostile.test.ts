/**
 * Hostile host CSS: demo/embed/hostile.html loads hostile.css (`* { all: unset }`, `svg { display:
 * none }`, a 40px root font, `box-sizing` flipped, `!important` magenta-on-yellow everywhere). Page
 * rules reach an element only through its host box and inherited properties; the test checks that
 * every element still lays out (non-zero size, as wide as its card), that its SVG still shows, and that its
 * text keeps the kit's own colour and size — the page's rules must not change its look.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { failures, findAll, openPage, visibleTexts, type HostPage } from './host.js';

const PAGE = '/demo/embed/hostile.html';
const PAGE_COLOR = 'rgb(255, 0, 255)';

/** What the page's rules changed inside one element: one line per kind of leak, with a count and an example. */
function leaks(page: HostPage, el: Element): string[] {
  const win = page.win;
  const found = new Map<string, { n: number; example: string }>();
  const add = (kind: string, example = '') => {
    const f = found.get(kind);
    if (f) f.n++;
    else found.set(kind, { n: 1, example });
  };
  // `* { all: unset }` reaches the host box itself (the element's important :host display keeps it a
  // block); it must lay out as wide as the nearest block around it (here every page element is
  // inline too).
  let parent = el.parentElement!;
  while (parent.parentElement && ['inline', 'contents'].includes(win.getComputedStyle(parent).display)) parent = parent.parentElement;
  const pcs = win.getComputedStyle(parent);
  const inner = parent.clientWidth - parseFloat(pcs.paddingLeft) - parseFloat(pcs.paddingRight);
  const width = el.getBoundingClientRect().width;
  // Up to the element's own max-width (the adjustment panel's 960px), which the page must not unset either.
  const expected = Math.min(inner, parseFloat(win.getComputedStyle(el).maxWidth) || Infinity);
  if (Math.abs(width - expected) > 2) add(`the element is ${Math.round(width)}px wide in a ${Math.round(inner)}px container`);
  for (const { text, el: node } of visibleTexts(el.shadowRoot!)) {
    const cs = win.getComputedStyle(node);
    const where = `<${node.localName} part="${node.getAttribute('part') ?? ''}"> "${text.slice(0, 24)}"`;
    if (cs.color === PAGE_COLOR) add("text in the page's !important colour", where);
    // SVG text sized by the chart's geometry (a font-size attribute) is the element's own look.
    const ownSize = node instanceof win.SVGElement && node.closest('[font-size]');
    if (!ownSize && parseFloat(cs.fontSize) >= 30) add(`text in the page's huge font (${cs.fontSize})`, where);
    if (cs.textTransform === 'uppercase') add("text in the page's text-transform", where);
  }
  for (const svg of el.shadowRoot!.querySelectorAll('svg')) {
    const r = svg.getBoundingClientRect();
    if (!svg.closest('[aria-hidden="true"]') && (r.width < 1 || r.height < 1)) add('an <svg> without size', `<svg part="${svg.getAttribute('part') ?? ''}">`);
  }
  return [...found].map(([kind, { n, example }]) => `${kind}${n > 1 ? ` ×${n}` : ''}${example ? `, e.g. ${example}` : ''}`);
}

describe('embed: hostile host CSS', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('the hostile rules are in force on the page itself', async () => {
    page = await openPage(PAGE);
    const h1 = page.doc.querySelector('h1')!;
    expect(page.win.getComputedStyle(h1).color).to.equal(PAGE_COLOR);
    expect(page.win.getComputedStyle(h1).fontSize).to.equal('40px');
  });

  it('every element still renders usably and keeps its own look', async () => {
    page = await openPage(PAGE);
    const provider = page.doc.getElementById('dashboard') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    const items = findAll(provider);
    const broken = await failures(items);
    const looks = items.flatMap(({ tag, el }) => leaks(page!, el).map((l) => `${tag}: ${l}`));
    expect({ broken, looks, errors: page.errors }).to.deep.equal({ broken: [], looks: [], errors: [] });
  });
});
