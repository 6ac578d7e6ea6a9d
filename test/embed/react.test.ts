/**
 * React 19: every element mounted through its `quotakit/react` wrapper (src/react/index.ts) in a
 * real React root — properties set, events received through `onQk…` props, unmounted without
 * leaks — and the runnable example demo/embed/react.html.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { createElement, StrictMode, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import * as wrappers from '../../src/react/index.js';
import { BAD_DATA, ELEMENTS, aloneAttrs, dataFor, type EmbedElement } from './elements.js';
import { failures, findAll, openPage, settle, type HostPage } from './host.js';

/** `qk-attainment-gauge` → `QkAttainmentGauge`, the wrapper's export name. */
const wrapperName = (tag: string) => tag.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const wrapperOf = (tag: string) => (wrappers as Record<string, unknown>)[wrapperName(tag)] as ComponentType<Record<string, unknown>> | undefined;
/** `qk-focus-change` → `onQkFocusChange`. */
const propOf = (event: string) => `on${wrapperName(event)}`;
/** React props from attribute names: `user-id` → `userId`. */
const camel = (attrs: Record<string, string>) => Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

describe('embed: React 19', () => {
  let container: HTMLElement;
  let root: Root | undefined;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
  });

  it('exports a wrapper for qk-provider and for every element', () => {
    for (const tag of ['qk-provider', ...ELEMENTS.map((e) => e.tag)]) expect(wrapperOf(tag), `${wrapperName(tag)} for <${tag}>`).to.exist;
  });

  for (const e of ELEMENTS) {
    it(`<${wrapperName(e.tag)}> sets properties, delivers qk-error through onQkError, and unmounts without leaks`, async () => {
      const Wrapper = wrapperOf(e.tag)!;
      const received: Event[] = [];
      const onQkError = (ev: Event) => received.push(ev);
      const data = dataFor(e);
      root = createRoot(container);
      flushSync(() => root!.render(createElement(StrictMode, null, createElement(Wrapper, { ...camel(aloneAttrs(e)), lang: 'en', data, onQkError }))));
      const el = container.querySelector(e.tag) as HTMLElement & { data?: unknown };
      expect(el, 'rendered').to.exist;
      expect(el.data, 'data set as a property, not an attribute').to.equal(data);
      expect(el.hasAttribute('data')).to.equal(false);
      expect(await settle(el)).to.equal('');
      expect(received).to.deep.equal([]);

      // New props: bad data → the element's error state and one qk-error through the wrapper.
      flushSync(() => root!.render(createElement(StrictMode, null, createElement(Wrapper, { ...camel(aloneAttrs(e)), lang: 'en', data: BAD_DATA, onQkError }))));
      await waitUntil(() => received.length > 0, 'no qk-error reached onQkError');
      expect(received[0].type).to.equal('qk-error');
      expect(el.shadowRoot!.querySelector('[part~="error"]')).to.exist;

      // Unmount: the element leaves the DOM and the wrapper's listeners go with it.
      const count = received.length;
      root.unmount();
      root = undefined;
      expect(el.isConnected).to.equal(false);
      el.dispatchEvent(new Event('qk-error', { bubbles: true, composed: true }));
      expect(received.length, 'a listener survived the unmount').to.equal(count);
    });
  }

  it('elements under <QkProvider> share its store; focus events arrive through onQkFocusChange', async () => {
    const Provider = wrapperOf('qk-provider')!;
    const focus: Event[] = [];
    root = createRoot(container);
    flushSync(() =>
      root!.render(
        createElement(
          Provider,
          { sample: true, locale: 'en', asOf: '2026-03-11', autosaveMs: 0 },
          ...ELEMENTS.map((e: EmbedElement) => {
            const props: Record<string, unknown> = { key: e.tag, ...camel(e.attrs) };
            if (e.events.includes('qk-focus-change')) props[propOf('qk-focus-change')] = (ev: Event) => focus.push(ev);
            return createElement(wrapperOf(e.tag)!, props);
          }),
        ),
      ),
    );
    const provider = container.querySelector('qk-provider') as HTMLElement & { store: { status: string; setFocus(f: unknown): void } };
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded', { timeout: 8000 });
    expect(await failures(findAll(container))).to.deep.equal([]);
    // A focus event from any element reaches only the handlers of the elements that declare it.
    const listening = ELEMENTS.filter((e) => e.events.includes('qk-focus-change'));
    for (const e of listening) container.querySelector(e.tag)!.dispatchEvent(new Event('qk-focus-change'));
    expect(focus.length).to.equal(listening.length);
  });

  describe('the example demo/embed/react.html', () => {
    let page: HostPage | undefined;
    afterEach(() => page?.close());
    it('renders every element and counts the events it receives', async () => {
      page = await openPage('/demo/embed/react.html');
      const provider = await waitUntilFound(page, 'qk-provider');
      await waitUntil(() => (provider as HTMLElement & { store: { status: string } }).store.status === 'ready', 'the example never loaded', { timeout: 8000 });
      expect(await failures(findAll(provider))).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    });
  });
});

async function waitUntilFound(page: HostPage, selector: string): Promise<Element> {
  await waitUntil(() => page.doc.querySelector(selector), `${selector} never appeared`);
  return page.doc.querySelector(selector)!;
}

