/**
 * Vue 3: every element mounted by a Vue app with `isCustomElement: tag => tag.startsWith('qk-')`
 * — data as a DOM property (Vue's automatic property setting, and the `.prop` modifier), events
 * through `@qk-…` listeners, unmounted cleanly — and the runnable example demo/embed/vue.html.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick, ref, type App } from 'vue';
import '../../src/index.js';
import { BAD_DATA, ELEMENTS, aloneAttrs, dataFor } from './elements.js';
import { failures, findAll, openPage, settle, type HostPage } from './host.js';

const attrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => `${k}="${v}"`).join(' ');

describe('embed: Vue 3', () => {
  let host: HTMLElement;
  let app: App | undefined;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    app?.unmount();
    app = undefined;
    host.remove();
  });

  for (const e of ELEMENTS) {
    for (const binding of [':data', ':data.prop'] as const) {
      it(`<${e.tag} ${binding}> gets the data as a property, fires @qk-error, and unmounts`, async () => {
        const data = ref<unknown>(dataFor(e));
        const received: Event[] = [];
        app = createApp({
          setup: () => ({ data, onError: (ev: Event) => received.push(ev) }),
          template: `<${e.tag} lang="en" ${attrs(aloneAttrs(e))} ${binding}="data" @qk-error="onError"></${e.tag}>`,
        });
        app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
        app.mount(host);
        const el = host.querySelector(e.tag) as HTMLElement & { data?: unknown };
        expect(el, 'rendered').to.exist;
        expect(el.data, 'data set as a property').to.equal(data.value);
        expect(el.hasAttribute('data')).to.equal(false);
        expect(await settle(el)).to.equal('');
        expect(received).to.deep.equal([]);

        data.value = BAD_DATA;
        await nextTick();
        await waitUntil(() => received.length > 0, 'no qk-error reached @qk-error');
        expect(received[0].type).to.equal('qk-error');

        // Vue removes the element; its listeners go with the discarded element (Vue does not detach them).
        app.unmount();
        app = undefined;
        expect(el.isConnected).to.equal(false);
        expect(host.children.length).to.equal(0);
      });
    }
  }

  it('every element under one <qk-provider sample> renders from the shared store', async () => {
    app = createApp({
      template: `<qk-provider sample locale="en" as-of="2026-03-11" :autosave-ms.prop="0">
        ${ELEMENTS.map((e) => `<${e.tag} ${attrs(e.attrs)}></${e.tag}>`).join('\n')}
      </qk-provider>`,
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
    app.mount(host);
    const provider = host.querySelector('qk-provider') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded', { timeout: 8000 });
    expect(await failures(findAll(host))).to.deep.equal([]);
  });

  describe('the example demo/embed/vue.html', () => {
    let page: HostPage | undefined;
    afterEach(() => page?.close());
    it('renders every element', async () => {
      page = await openPage('/demo/embed/vue.html');
      await waitUntil(() => page!.doc.querySelector('qk-provider'), 'the app never mounted');
      const provider = page.doc.querySelector('qk-provider') as HTMLElement & { store: { status: string } };
      await waitUntil(() => provider.store.status === 'ready', 'the example never loaded', { timeout: 8000 });
      expect(await failures(findAll(provider))).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    });
  });
});
