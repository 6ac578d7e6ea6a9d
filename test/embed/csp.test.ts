/**
 * Strict CSP: demo/embed/csp.html is served with
 * `default-src 'self'; script-src 'self'; style-src 'self'` (test/embed/embed-plugin.mjs). Every
 * element renders there — in the page's `<qk-provider sample>` dashboard and alone from `.data` —
 * and the page's `securitypolicyviolation` listener (demo/embed/csp-report.js) records nothing.
 * Lit's constructable stylesheets are allowed; a `style="…"` attribute set by a template binding or
 * a `<style>` element is not, and would show up here.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ELEMENTS, aloneAttrs, dataFor } from './elements.js';
import { failures, findAll, inPage, openPage, type HostPage } from './host.js';

const PAGE = '/demo/embed/csp.html';

const violations = (page: HostPage) => [...page.doc.querySelectorAll('#csp-violations li')].map((li) => li.textContent ?? '');

describe('embed: strict Content-Security-Policy', () => {
  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('the page is served with the strict header', async () => {
    const res = await fetch(PAGE);
    expect(res.headers.get('content-security-policy')).to.equal("default-src 'self'; script-src 'self'; style-src 'self'");
  });

  it('the policy is enforced there: an inline style attribute is reported', async () => {
    page = await openPage(PAGE);
    const probe = page.doc.createElement('div');
    probe.setAttribute('style', 'color: red');
    page.doc.body.append(probe);
    await waitUntil(() => violations(page!).length > 0, 'the page did not report a blocked inline style');
    expect(violations(page)[0]).to.contain('style-src');
    probe.remove();
  });

  it('a locale change loads the other language by dynamic import under the policy (sources: one module per language)', async () => {
    page = await openPage(PAGE);
    const provider = page.doc.getElementById('dashboard') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    const gauge = provider.querySelector('qk-attainment-gauge')! as HTMLElement & { updateComplete: Promise<unknown> };
    await gauge.updateComplete;
    const title = () => gauge.shadowRoot?.textContent ?? '';
    expect(title()).to.contain('Gap to target');
    // The page's language (en) came with the first load; zh-CN comes by import() (this page does not
    // provide it up front), which the policy allows: same-origin modules, no eval.
    expect(title()).not.to.contain('距目标差距');
    provider.setAttribute('locale', 'zh-CN');
    await waitUntil(() => title().includes('距目标差距'), 'the gauge never showed its zh-CN strings');
    expect({ violations: violations(page), errors: page.errors }).to.deep.equal({ violations: [], errors: [] });
  });

  for (const variant of ['sources', 'built bundle'] as const) {
  it(`every element renders with no violation (${variant}): the sample dashboard and each element alone from .data`, async function () {
    if (variant === 'built bundle') {
      // The file hosts actually ship (production Lit, minified), when it is built (CI builds first).
      const built = await fetch('/dist/quotakit.bundle.js?built', { method: 'HEAD' });
      if (!built.ok || !(built.headers.get('content-type') ?? '').includes('javascript')) this.skip();
    }
    page = await openPage(variant === 'sources' ? PAGE : `${PAGE}?bundle=dist`);
    const provider = page.doc.getElementById('dashboard') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    const alone = ELEMENTS.map((e) => {
      const el = page!.doc.createElement(e.tag) as HTMLElement & { data?: unknown };
      for (const [k, v] of Object.entries(aloneAttrs(e))) el.setAttribute(k, v);
      el.data = inPage(page!.win, dataFor(e));
      page!.doc.body.append(el);
      return { tag: `${e.tag} (alone)`, el };
    });
    const broken = await failures([...findAll(provider), ...alone]);
    // Violations are reported asynchronously, in order: break the policy once more on purpose and
    // wait for that report, so every report of the elements above has arrived too.
    const sentinel = page.doc.createElement('div');
    sentinel.className = 'qk-csp-sentinel';
    sentinel.setAttribute('style', 'color: red');
    page.doc.body.append(sentinel);
    await waitUntil(() => violations(page!).some((v) => v.includes('qk-csp-sentinel')), 'the sentinel violation was never reported');
    sentinel.remove();
    // One line per distinct violation, with how often it happened.
    const seen = new Map<string, number>();
    for (const v of violations(page).filter((v) => !v.includes('qk-csp-sentinel'))) seen.set(v, (seen.get(v) ?? 0) + 1);
    const report = [...seen].map(([v, n]) => `${n}× ${v}`);
    expect({ broken, violations: report, errors: page.errors }).to.deep.equal({ broken: [], violations: [], errors: [] });
  });
  }
});
