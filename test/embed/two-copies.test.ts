/**
 * Two copies on one page (two CRM plugins each shipping QuotaKit): the whole kit bundled into one
 * file is loaded twice — a second copy of the same version, then one stamped with another version
 * (test/embed/embed-plugin.mjs builds them). Nothing throws, the first definition of every tag wins,
 * and only the version mismatch warns, once per tag.
 */
import { expect } from '@open-wc/testing';
import { ALL_TAGS, ELEMENTS, NOT_YET_IN_PAGES, dataFor } from './elements.js';
import { openPage, inPage, settle, type HostPage } from './host.js';

describe('embed: two copies on one page', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('a second copy of the same version and one of another version never throw; the first wins; a mismatch warns', async () => {
    // A page with no QuotaKit yet: the copies below are the first and the second.
    page = await openPage('about:blank', { waitFor: [] });
    const win = page.win as HostPage['win'] & { console: Console };
    const warnings: string[] = [];
    const warn = win.console.warn;
    win.console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    try {
      const load = (query: string) => win.eval(`import('/__qk-embed/bundle.js?${query}')`) as Promise<Record<string, unknown>>;
      const first = await load('copy=1');
      const firstClasses = ALL_TAGS.map((t) => win.customElements.get(t));
      expect(firstClasses.every(Boolean), 'the first copy registers every tag').to.equal(true);
      const same = await load('copy=2');
      expect(same.VERSION).to.equal(first.VERSION);
      expect(same.QkProvider, 'really another copy').to.not.equal(first.QkProvider);
      const other = await load('copy=3&version=9.9.9-other');
      expect(other.VERSION).to.equal('9.9.9-other');
      expect(ALL_TAGS.map((t) => win.customElements.get(t)), 'the first definitions stay').to.deep.equal(firstClasses);
      const mismatch = warnings.filter((w) => w.startsWith('quotakit:'));
      expect(mismatch.length, mismatch.join('\n')).to.equal(ALL_TAGS.length + NOT_YET_IN_PAGES.length); // the bundle defines every define module
      for (const tag of ALL_TAGS) expect(mismatch.some((w) => w.includes(`<${tag}>`) && w.includes('9.9.9-other'))).to.equal(true);

      // The elements of the first copy still work; the second copy's defineElement is a no-op that does not throw.
      const e = ELEMENTS[0];
      const el = win.document.createElement(e.tag) as HTMLElement & { data?: unknown };
      el.data = inPage(win, dataFor(e));
      win.document.body.append(el);
      expect(await settle(el)).to.equal('');
      const defineAgain = other.defineElement as (tag: string, ctor: CustomElementConstructor) => void;
      expect(() => defineAgain(e.tag, win.customElements.get(e.tag)!)).to.not.throw();
    } finally {
      win.console.warn = warn;
    }
    expect(page.errors).to.deep.equal([]);
  });
});
