/**
 * Vue 3: every element mounted by a Vue app with `isCustomElement: tag => tag.startsWith('qk-')`
 * — data as a DOM property (Vue's automatic property setting, and the `.prop` modifier), every
 * declared event through its `@qk-…` listener, unmounted cleanly (no store listener left behind) —
 * and the runnable example demo/embed/vue.html.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick, ref, type App } from 'vue';
import '../../src/index.js';
import { BAD_DATA, ELEMENTS, aloneAttrs, dataFor } from './elements.js';
import { sampleEvent } from './events.js';
import { exerciseExamplePage, failures, findAll, settle, type HostPage } from './host.js';
import type { QkStore } from '../../src/store/store.js';

const attrs = (a: Record<string, string>) => Object.entries(a).map(([k, v]) => `${k}="${v}"`).join(' ');
/** How many listeners a store has (QkStore keeps the set private; the test reads it to find leaks). */
const listenerCount = (store: QkStore) => (store as unknown as { listeners: Set<unknown> }).listeners.size;

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

  for (const e of ELEMENTS) {
    it(`<${e.tag}> delivers each event it declares (${e.events.join(', ')}) to its own @qk-… handler only`, async () => {
      const received: Record<string, Event[]> = Object.fromEntries(e.events.map((t) => [t, []]));
      app = createApp({
        setup: () => ({ data: dataFor(e), on: (type: string, ev: Event) => received[type]!.push(ev) }),
        template: `<${e.tag} lang="en" ${attrs(aloneAttrs(e))} :data="data" ${e.events.map((t) => `@${t}="on('${t}', $event)"`).join(' ')}></${e.tag}>`,
      });
      app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
      app.mount(host);
      const el = host.querySelector(e.tag)!;
      expect(await settle(el)).to.equal('');
      for (const type of e.events) received[type]!.length = 0; // whatever the element raised while loading
      for (const type of e.events) {
        const ev = sampleEvent(type);
        el.dispatchEvent(ev);
        // Exactly this event object, through exactly its own handler.
        expect(received[type], `@${type}`).to.deep.equal([ev]);
        expect(Object.values(received).flat().length, `only @${type} fired`).to.equal(1);
        received[type]!.length = 0;
      }
    });
  }

  it('under <qk-provider>, showing and removing every element leaves the store with the listeners it had', async () => {
    const show = ref(false);
    app = createApp({
      setup: () => ({ show }),
      template: `<qk-provider sample locale="en" as-of="2026-03-11" :autosave-ms.prop="0">
        <template v-if="show">
          ${ELEMENTS.map((e) => `<${e.tag} ${attrs(e.attrs)} @qk-error="() => {}"></${e.tag}>`).join('\n')}
        </template>
      </qk-provider>`,
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
    app.mount(host);
    const provider = host.querySelector('qk-provider') as HTMLElement & { store: QkStore };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    const store = provider.store;
    const before = listenerCount(store); // the provider's own
    show.value = true;
    await nextTick();
    expect(await failures(findAll(host))).to.deep.equal([]);
    expect(listenerCount(store), 'one listener per element while mounted').to.equal(before + ELEMENTS.length);
    show.value = false;
    await nextTick();
    expect(host.querySelector(ELEMENTS[0]!.tag)).to.equal(null);
    expect(listenerCount(store), 'listeners left after the elements were removed').to.equal(before);
    app.unmount();
    app = undefined;
    expect(listenerCount(store)).to.equal(0);
  });

  it('every element under one <qk-provider sample> renders from the shared store', async () => {
    app = createApp({
      template: `<qk-provider sample locale="en" as-of="2026-03-11" :autosave-ms.prop="0">
        ${ELEMENTS.map((e) => `<${e.tag} ${attrs(e.attrs)}></${e.tag}>`).join('\n')}
      </qk-provider>`,
    });
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('qk-');
    app.mount(host);
    const provider = host.querySelector('qk-provider') as HTMLElement & { store: { status: string } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    expect(await failures(findAll(host))).to.deep.equal([]);
  });

  describe('the example demo/embed/vue.html', () => {
    let page: HostPage | undefined;
    afterEach(() => page?.close());
    it('renders every element and counts the events it receives', async () => {
      page = await exerciseExamplePage('/demo/embed/vue.html');
    });
  });
});
