/**
 * Shared steps for the stories' play functions. Every wait is on a condition (an element's
 * `updateComplete`, a part appearing), never a fixed delay: CI is a loaded 2-core machine.
 */
import { expect, waitFor } from 'storybook/test';
import type { LitElement } from 'lit';

export type QkState = 'ready' | 'loading' | 'error' | 'empty';

const LONG = { timeout: 60_000 };

/** The first `tag` in the story, once it has rendered into its shadow root. */
export async function settled<T extends LitElement = LitElement>(canvas: HTMLElement, tag: string): Promise<T> {
  const el = await waitFor(() => {
    const found = canvas.querySelector<T>(tag);
    if (!found) throw new Error(`${tag} is not in the story`);
    return found;
  }, LONG);
  await el.updateComplete;
  await waitFor(() => {
    if (!el.shadowRoot?.childElementCount) throw new Error(`${tag} rendered nothing`);
  }, LONG);
  markRendered();
  return el;
}

/** Records when the story first showed its element; scripts/test-stories.mjs prints it per story. */
export function markRendered(): void {
  const w = window as unknown as { __qkRenderedAt?: number };
  w.__qkRenderedAt ??= performance.now();
}

/** The state a story's name promises: "Error"/"Invalid" → error, "Loading" → loading, "Empty" → empty. */
export function stateOf(name: string): QkState {
  if (/error|invalid/i.test(name)) return 'error';
  if (/loading/i.test(name)) return 'loading';
  if (/^empty|empty$/i.test(name)) return 'empty';
  return 'ready';
}

/** One shadow-root query, failing with the part's name when it is missing. */
export function part<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`${el.localName}: ${selector} not found`);
  return found;
}

/** Waits until the element shows the given state and asserts it. */
export async function expectState(el: LitElement, state: QkState): Promise<void> {
  const root = el.shadowRoot!;
  await waitFor(() => {
    const error = root.querySelector('[part~="error"][role="alert"], [part~="state"][part~="error"]');
    const loading = root.querySelector('[part~="loading"][aria-busy="true"]');
    // An empty state: the kit's `state empty` box, or an element's own "nothing here" message (`part="state"`).
    const empty = root.querySelector('[part~="empty"], [part="state"]');
    if (state === 'error') expect(error, `${el.localName} shows its error state`).not.toBeNull();
    else expect(error?.textContent?.trim() ?? null, `${el.localName} shows no error`).toBeNull();
    if (state === 'loading') expect(loading, `${el.localName} shows it is loading`).not.toBeNull();
    if (state === 'empty') expect(empty, `${el.localName} shows its empty state`).not.toBeNull();
    if (state === 'ready') {
      expect(loading, `${el.localName} finished loading`).toBeNull();
      expect(root.querySelector('[part~="state"]'), `${el.localName} shows content, not a state message`).toBeNull();
    }
  }, LONG);
}

/** Text of a part with its whitespace collapsed. */
export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sets an input's value as a user would, then lets the element react. */
export async function typeInto(el: LitElement, input: HTMLInputElement, value: string, commit: 'input' | 'change' | 'enter' = 'input'): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (commit === 'change') input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  if (commit === 'enter') input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
}

export { LONG };
