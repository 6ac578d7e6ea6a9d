/**
 * Plain HTML: demo/embed/plain.html as a host writes it — one `<script type="module">` of the
 * one-file bundle, a zero-code `<qk-provider sample>` dashboard, and an element configured by
 * attributes and a JSON child. The test server answers the bundle URL with `src/bundle.ts` (no build
 * needed); when `dist/quotakit.bundle.js` is built (CI builds first) the built file is tested too.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { ALL_TAGS, ELEMENTS } from './elements.js';
import { failures, findAll, openPage, settle, squash, type HostPage } from './host.js';

const PAGE = '/demo/embed/plain.html';

async function checkDashboard(page: HostPage): Promise<void> {
  const dashboard = page.doc.getElementById('dashboard')!;
  expect(await failures(findAll(dashboard))).to.deep.equal([]);
  expect(page.errors).to.deep.equal([]);
}

describe('embed: plain HTML', () => {
  describe('the page as loaded (one load of the whole dashboard for the checks that only read it)', () => {
    let shared: HostPage;
    before(async () => {
      shared = await openPage(PAGE);
    });
    after(() => shared.close());

    it('the one bundle registers every element of src/define', () => {
      const defined = ALL_TAGS.filter((t) => shared.win.customElements.get(t));
      expect(defined).to.deep.equal(ALL_TAGS);
    });

    it('a zero-code <qk-provider sample> dashboard renders every element on the sample company', async () => {
      const provider = shared.doc.getElementById('dashboard') as HTMLElement & { store: { status: string; snapshot?: { plan: { name: string } } } };
      await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
      await checkDashboard(shared);
    });

    it('an element configured only by attributes and a JSON child shows that data (¥300,000 of ¥1,200,000 = 25%)', async () => {
      const gauge = shared.doc.getElementById('json-gauge')!;
      expect(await settle(gauge)).to.equal('');
      const text = squash(gauge.shadowRoot!.textContent);
      expect(text).to.match(/25(\.0)?\s?%/);
      expect(text).to.contain('示例公司');
    });
  });

  let page: HostPage | undefined;
  afterEach(() => page?.close());

  it('the built dist/quotakit.bundle.js works the same (only when built)', async function () {
    const built = await fetch('/dist/quotakit.bundle.js?built', { method: 'HEAD' });
    if (!built.ok || !(built.headers.get('content-type') ?? '').includes('javascript')) this.skip();
    page = await openPage(`${PAGE}?bundle=dist`);
    const loaded = page.win.performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname);
    expect(loaded).to.include('/dist/quotakit.bundle.js');
    expect(squash(await (await fetch('/dist/quotakit.bundle.js?built')).text()).length).to.be.above(100_000);
    expect(loaded.filter((p) => p.startsWith('/src/')), 'the built file, not the sources').to.deep.equal([]);
    for (const e of ELEMENTS) expect(page.win.customElements.get(e.tag), e.tag).to.exist;
    await checkDashboard(page);
  });
});
