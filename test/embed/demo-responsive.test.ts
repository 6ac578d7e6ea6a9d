import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { layoutSettled } from '../support/layout.js';
import type { QkProvider } from '../../src/components/provider/provider.js';

/**
 * Issue 17: the demo page (demo/index.html, a host page) must not scroll sideways on a 390 px phone,
 * in either language. (The elements' own narrow layouts are test/components/responsive*.test.ts.)
 */

const TAGS = [
  'qk-goal-tree',
  'qk-attainment-gauge',
  'qk-pace-chart',
  'qk-funnel-inverter',
  'qk-adjustment-panel',
  'qk-incentive-calculator',
  'qk-incentive-plan-editor',
  'qk-review-board',
  'qk-scorecard',
] as const;

async function demoAt(width: number, lang: string): Promise<HTMLIFrameElement> {
  localStorage.clear();
  localStorage.setItem('quotakit-demo-lang', lang);
  const frame = await fixture<HTMLIFrameElement>(html`<iframe style="border: 0; width: ${width}px; height: 844px" src="/demo/index.html"></iframe>`);
  await waitUntil(() => {
    const doc = frame.contentDocument;
    const provider = doc?.getElementById('provider') as QkProvider | null;
    if (provider?.store?.status !== 'ready') return false;
    // Every element rendered its ready state (the review board last: it is the slowest).
    return TAGS.every((t) => doc!.querySelector(t)?.shadowRoot?.querySelector('[part~="state"][part~="loading"], .qk-spinner') === null);
  }, `the demo (${lang}) never became ready`, { timeout: 60000 });
  const w = frame.contentWindow!;
  // The elements re-render once their ResizeObservers report the width: wait until they settle.
  await layoutSettled(TAGS.map((t) => frame.contentDocument!.querySelector(t)!), { win: w });
  return frame;
}

describe('the demo page on a phone (issue 17)', () => {
  for (const lang of ['en', 'zh-CN']) {
    it(`the demo page at 390 px (${lang}) does not scroll sideways`, async () => {
      const frame = await demoAt(390, lang);
      const doc = frame.contentDocument!;
      expect(doc.documentElement.lang).to.equal(lang);
      expect(frame.contentWindow!.innerWidth).to.equal(390);
      // Which element sticks out, when one does (the message names it).
      const wide = TAGS.filter((t) => doc.querySelector(t)!.getBoundingClientRect().right > 390.5);
      expect(wide, 'elements wider than the page').to.deep.equal([]);
      expect(doc.scrollingElement!.scrollWidth).to.be.at.most(frame.contentWindow!.innerWidth);
    });
  }

});
