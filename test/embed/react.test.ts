/**
 * React 19: every element mounted through its `quotakit/react` wrapper (src/react/index.ts) in a
 * real React root — properties set, every declared event received through its `onQk…` prop (and
 * one raised by a real keyboard edit), unmounted without leaks (no store listener left behind) —
 * and the runnable example demo/embed/react.html.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createElement, StrictMode, type ComponentType } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { flushSync } from 'react-dom';
import * as wrappers from '../../src/react/index.js';
import { BAD_DATA, ELEMENTS, aloneAttrs, dataFor, type EmbedElement } from './elements.js';
import { sampleEvent } from './events.js';
import { exerciseExamplePage, failures, findAll, settle, squash, type HostPage } from './host.js';
import { smallFixture } from '../fixtures/small-plan.js';
import type { QkTargetChangeEvent } from '../../src/events/index.js';
import type { QkStore } from '../../src/store/store.js';

/** `qk-attainment-gauge` → `QkAttainmentGauge`, the wrapper's export name. */
const wrapperName = (tag: string) => tag.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const wrapperOf = (tag: string) => (wrappers as Record<string, unknown>)[wrapperName(tag)] as ComponentType<Record<string, unknown>> | undefined;
/** `qk-focus-change` → `onQkFocusChange`. */
const propOf = (event: string) => `on${wrapperName(event)}`;
/** React props from attribute names: `user-id` → `userId`. */
const camel = (attrs: Record<string, string>) => Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), v]));
/** How many listeners a store has (QkStore keeps the set private; the test reads it to find leaks). */
const listenerCount = (store: QkStore) => (store as unknown as { listeners: Set<unknown> }).listeners.size;
type ProviderEl = HTMLElement & { store: QkStore };

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

  for (const e of ELEMENTS) {
    it(`<${wrapperName(e.tag)}> delivers each event it declares (${e.events.join(', ')}) to its own onQk… prop only`, async () => {
      const Wrapper = wrapperOf(e.tag)!;
      const received: Record<string, Event[]> = Object.fromEntries(e.events.map((t) => [t, []]));
      const handlers = Object.fromEntries(e.events.map((t) => [propOf(t), (ev: Event) => received[t]!.push(ev)]));
      root = createRoot(container);
      flushSync(() => root!.render(createElement(StrictMode, null, createElement(Wrapper, { ...camel(aloneAttrs(e)), lang: 'en', data: dataFor(e), ...handlers }))));
      const el = container.querySelector(e.tag)!;
      expect(await settle(el)).to.equal('');
      for (const type of e.events) received[type]!.length = 0; // whatever the element raised while loading
      for (const type of e.events) {
        const ev = sampleEvent(type);
        el.dispatchEvent(ev);
        // Exactly this event object, through exactly its own prop.
        expect(received[type], `${propOf(type)} for ${type}`).to.deep.equal([ev]);
        expect(Object.values(received).flat().length, `only ${propOf(type)} fired`).to.equal(1);
        received[type]!.length = 0;
      }
    });
  }

  it('a real keyboard edit in <QkGoalTree> reaches onQkFocusChange and onQkTargetChange', async () => {
    const focus: Event[] = [];
    const changes: QkTargetChangeEvent[] = [];
    root = createRoot(container);
    flushSync(() =>
      root!.render(
        createElement(StrictMode, null,
          createElement(wrapperOf('qk-goal-tree')!, {
            lang: 'en',
            granularity: 'year',
            expandDepth: 2,
            data: smallFixture(),
            onQkFocusChange: (ev: Event) => focus.push(ev),
            onQkTargetChange: (ev: QkTargetChangeEvent) => changes.push(ev),
          }),
        ),
      ),
    );
    const tree = container.querySelector('qk-goal-tree')!;
    expect(await settle(tree)).to.equal('');
    const cell = (r: number) => tree.shadowRoot!.querySelector<HTMLElement>(`[data-r="${r}"][data-c="1"]`)!;
    cell(1).focus(); // 华东's FY2026 revenue
    await sendKeys({ press: 'ArrowDown' }); // → 上海一组
    await waitUntil(() => (focus.at(-1) as { focus?: { nodeId: string } } | undefined)?.focus?.nodeId === 'east-sh', 'no qk-focus-change for 上海一组 reached onQkFocusChange');
    await sendKeys({ press: 'Enter' });
    await (tree as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: '450万' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => changes.length >= 3, 'the edit raised no qk-target-change in onQkTargetChange');
    // 上海一组 ¥4,000,000 → ¥4,500,000; its sibling 杭州组 gives up the ¥500,000 (¥3,200,000 → ¥2,700,000);
    // inside 上海一组 the +¥500,000 goes to 王芳 (¥500,000, her Q1) as the only rep with a target: ¥1,000,000.
    expect(changes.map((c) => [c.type, c.detail.nodeId, c.detail.oldValue, c.detail.newValue])).to.deep.equal([
      ['qk-target-change', 'east-sh', 400_000_000, 450_000_000],
      ['qk-target-change', 'east-hz', 320_000_000, 270_000_000],
      ['qk-target-change', 'r1', null, 100_000_000],
    ]);
    expect(squash(cell(2).querySelector('[part~="value"]')!.textContent)).to.equal('CN¥4.5M');
  });

  it('under <QkProvider>, mounting and unmounting every element leaves the store with the listeners it had', async () => {
    const Provider = wrapperOf('qk-provider')!;
    const render = (children: boolean) =>
      flushSync(() =>
        root!.render(
          createElement(StrictMode, null,
            createElement(
              Provider,
              { sample: true, locale: 'en', asOf: '2026-03-11', autosaveMs: 0 },
              ...(children ? ELEMENTS.map((e) => createElement(wrapperOf(e.tag)!, { key: e.tag, ...camel(e.attrs), onQkError: () => {} })) : []),
            ),
          ),
        ),
      );
    root = createRoot(container);
    render(false);
    const provider = container.querySelector('qk-provider') as ProviderEl;
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
    const store = provider.store;
    const before = listenerCount(store); // the provider's own
    render(true);
    expect(await failures(findAll(container))).to.deep.equal([]);
    expect(listenerCount(store), 'one listener per element while mounted').to.equal(before + ELEMENTS.length);
    render(false);
    expect(container.querySelector(ELEMENTS[0]!.tag)).to.equal(null);
    expect(listenerCount(store), 'listeners left after the elements unmounted').to.equal(before);
    // The whole app goes: the provider lets go of its store too.
    root.unmount();
    root = undefined;
    expect(listenerCount(store)).to.equal(0);
  });

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
    await waitUntil(() => provider.store.status === 'ready', 'the sample adapter never loaded');
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
      page = await exerciseExamplePage('/demo/embed/react.html');
    });
  });
});

