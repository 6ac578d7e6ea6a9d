/**
 * Helpers of the embedding tests: open a host page of demo/embed in an iframe (its own document,
 * registry and CSS, as a real host), and judge whether an element rendered usably there.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ELEMENTS } from './elements.js';
import type { QkStore } from '../../src/store/store.js';

export type HostWindow = Window & typeof globalThis;

export interface HostPage {
  frame: HTMLIFrameElement;
  win: HostWindow;
  doc: Document;
  /** Errors thrown (or promise rejections) inside the page. */
  errors: string[];
  close(): void;
}

/** Opens `url` in a 1200×900 iframe and waits until the kit has registered every listed element. */
export async function openPage(url: string, { waitFor = ELEMENTS.map((e) => e.tag) }: { waitFor?: readonly string[] } = {}): Promise<HostPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width:1200px;height:900px;border:0;position:absolute;left:-2000px;top:0';
  const errors: string[] = [];
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.src = url;
  document.body.append(frame);
  const watch = () => {
    const w = frame.contentWindow as HostWindow;
    // Chromium reports a harmless ResizeObserver notice as an error event: not a failure of ours.
    w.addEventListener('error', (e) => {
      if (!String(e.message).startsWith('ResizeObserver loop')) errors.push(String(e.error?.stack ?? e.message));
    });
    w.addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.stack ?? e.reason)));
  };
  await loaded;
  watch();
  const win = frame.contentWindow as HostWindow;
  await waitUntil(() => waitFor.every((tag) => win.customElements.get(tag)), `${url}: the kit never registered ${waitFor.join(', ')}`);
  return { frame, win, doc: frame.contentDocument!, errors, close: () => frame.remove() };
}

/** A copy of `value` made in the page's realm (what the host's own script would have built). */
export function inPage<T>(win: HostWindow, value: T): T {
  return win.structuredClone(value);
}

type Updating = Element & { updateComplete?: Promise<unknown> };

/** Why `el` is not usable (loading, an error or empty state, no size, no visible text), or '' when it is. */
export function unusable(el: Element): string {
  const root = el.shadowRoot;
  if (!root) return 'no shadow root';
  const state = root.querySelector('[part~="state"]');
  if (state) return `shows its ${state.getAttribute('part')} state: "${squash(state.textContent)}"`;
  const box = el.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return `host box is ${box.width}×${box.height}`;
  const texts = visibleTexts(root);
  if (!texts.length) return 'no visible text in its shadow root';
  return '';
}

/**
 * Waits until the element finished loading and rendered something; returns `unusable()`. An element
 * just moved may still show its old content before the update that shows it loading (e.g. the new
 * provider's commission plan): it is settled only when it is not loading after its pending update.
 */
export async function settle(el: Element, timeout = 60_000): Promise<string> {
  const done = () => {
    const root = el.shadowRoot;
    if (!root) return false;
    return !root.querySelector('[part~="loading"]') && hasText(root);
  };
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      await waitUntil(done, '', { timeout: Math.max(1, deadline - Date.now()) });
    } catch {
      return `still loading or blank after ${timeout} ms`;
    }
    await (el as Updating).updateComplete;
    if (done()) return unusable(el);
  }
}

/**
 * Whether any text node under `root` has more than white space: `squash(root.textContent) !== ''`
 * without joining all the text first (megabytes, with the 10,000-character names of
 * test/components/hostile.test.ts, on every poll).
 */
function hasText(root: Node): boolean {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/\S/.test(n.nodeValue ?? '')) return true;
  return false;
}

/** Text nodes in a shadow tree that take up room on screen, with their element. */
export function visibleTexts(root: ShadowRoot): { text: string; el: Element }[] {
  const out: { text: string; el: Element }[] = [];
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = squash(n.textContent);
    const parent = n.parentElement;
    if (!text || !parent || parent.closest('style, script, .qk-visually-hidden, [hidden]')) continue;
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width >= 1 && r.height >= 1) out.push({ text, el: parent });
  }
  return out;
}

export function squash(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Every element of the list inside `root`, by tag; fails naming the tags a page lacks. */
export function findAll(root: ParentNode): { tag: string; el: Element }[] {
  const missing = ELEMENTS.filter((e) => !root.querySelector(e.tag)).map((e) => e.tag);
  if (missing.length) throw new Error(`the page lacks ${missing.join(', ')}: add them to the example`);
  return ELEMENTS.map((e) => ({ tag: e.tag, el: root.querySelector(e.tag)! }));
}

/** Settles every element and returns the failures as `tag: reason` lines. */
export async function failures(items: { tag: string; el: Element }[]): Promise<string[]> {
  const reasons = await Promise.all(items.map(async ({ tag, el }) => [tag, await settle(el)] as const));
  return reasons.filter(([, r]) => r).map(([tag, r]) => `${tag}: ${r}`);
}

/**
 * A real keyboard edit in a `qk-goal-tree` of a host page: focuses the cell left of (`row`, `col`),
 * moves onto it with ArrowRight (a selection: `qk-focus-change`), opens the editor with Enter,
 * replaces the value with `text` and commits with Enter (`qk-target-change`).
 */
export async function editGoalTreeCell(tree: Element, row: number, col: number, text: string): Promise<void> {
  const cell = (c: number) => tree.shadowRoot!.querySelector<HTMLElement>(`[data-r="${row}"][data-c="${c}"]`);
  await waitUntil(() => cell(col), `the goal tree has no cell ${row}:${col}`);
  // The keys go to the focused frame: focus the host page's window first, then the cell.
  (tree.ownerDocument.defaultView as Window).focus();
  cell(col - 1)!.focus();
  await sendKeys({ press: 'ArrowRight' });
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => tree.shadowRoot!.querySelector('input[part="input"]'), 'Enter opened no editor');
  tree.shadowRoot!.querySelector<HTMLInputElement>('input[part="input"]')!.select(); // typing replaces the whole value
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/**
 * The framework example pages (demo/embed/react.html, vue.html) as a person uses them: every element
 * renders, and a real edit in the goal tree — the company's FY2026 total (row 0, the last column;
 * ¥113M in the sample) to ¥120,000,000 — reaches the page's own handlers, which show the selection,
 * the last event and one count per changed cell.
 */
export async function exerciseExamplePage(url: string): Promise<HostPage> {
  const page = await openPage(url);
  await waitUntil(() => page.doc.querySelector('qk-provider'), 'the app never mounted');
  const provider = page.doc.querySelector('qk-provider') as HTMLElement & { store: QkStore };
  await waitUntil(() => provider.store.status === 'ready', 'the example never loaded');
  expect(await failures(findAll(provider))).to.deep.equal([]);
  expect(page.errors).to.deep.equal([]);
  const store = provider.store;
  const output = (id: string) => squash(page.doc.getElementById(id)!.textContent);
  const company = store.snapshot!.org.find((n) => n.parentId === null)!.id;
  await editGoalTreeCell(provider.querySelector('qk-goal-tree')!, 0, 5, '120000000');
  await waitUntil(() => output('edits') !== '0', 'the example counted no qk-target-change');
  expect(store.getCell(company, 'FY2026', 'revenue')?.value).to.equal(12_000_000_000);
  expect(output('focus')).to.equal(company);
  expect(output('last-event')).to.equal(`qk-target-change ${company}`);
  expect(Number(output('edits')), 'one qk-target-change per changed (pending) cell').to.equal(store.pendingCount);
  expect(page.errors).to.deep.equal([]);
  return page;
}
