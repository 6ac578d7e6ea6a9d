/** Waits for layout in browser tests (the condition, not a number of frames). */
import { waitUntil } from '@open-wc/testing';

type Updating = Element & { updateComplete?: Promise<unknown>; isUpdatePending?: boolean };

/**
 * Waits until the elements' layout has settled: no update pending, and their boxes and shadow
 * contents the same over two consecutive animation frames (of `win`: an iframe's window for a page
 * inside one). The condition to wait for after a width change, instead of a fixed two frames: an
 * element that measures itself (a ResizeObserver) re-renders a frame or more later, and on a loaded
 * machine frames are late and irregular. A 60 s ceiling unless a test sets its own.
 */
export async function layoutSettled(els: Iterable<Element>, { win = window, timeout = 60_000 }: { win?: Window; timeout?: number } = {}): Promise<void> {
  const list = [...els] as Updating[];
  const frame = () => new Promise<void>((r) => win.requestAnimationFrame(() => r()));
  const signature = () =>
    list
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.isUpdatePending ? 'pending' : ''} ${r.left},${r.top} ${r.width}x${r.height} ${el.shadowRoot?.innerHTML.length ?? el.innerHTML.length}`;
      })
      .join('|');
  let last: string | undefined;
  await waitUntil(
    async () => {
      await frame();
      for (const el of list) await el.updateComplete;
      const now = signature();
      const same = now === last;
      last = now;
      return same;
    },
    'the layout never settled',
    { timeout, interval: 0 },
  );
}
