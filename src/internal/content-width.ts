import { isServer } from 'lit';

/**
 * The width a ResizeObserver's `contentRect` reports for `el` (its content box: padding and border
 * excluded; transforms ignored), measured now and rounded; 0 on the server and while `el` is not
 * rendered (disconnected, or inside `display: none`).
 *
 * For the elements that lay out for their width: read before the first render, so that render is
 * already at the element's width. A ResizeObserver answers only after a frame, and the elements
 * apply its width in a later task (`latestLater`): until then they drew at a guessed width, which a
 * loaded machine showed for most of a second before redrawing (and a test that took its reference
 * layout in between saw the layout "not come back", hostile.test.ts in CI). Costs one style and
 * layout pass of the page, once.
 */
export function contentWidth(el: HTMLElement): number {
  if (isServer || !el.isConnected) return 0;
  const cs = getComputedStyle(el);
  // The resolved `width` of a rendered box is its used width in px (the border box under border-box).
  const width = parseFloat(cs.width);
  if (!Number.isFinite(width)) return 0;
  const inner = cs.boxSizing === 'border-box' ? parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight) + parseFloat(cs.borderLeftWidth) + parseFloat(cs.borderRightWidth) : 0;
  return Math.max(0, Math.round(width - inner));
}

/**
 * Whether `el` came with a server-rendered shadow root (declarative shadow DOM, hydrated by
 * `quotakit/ssr/hydrate`). Read it in the constructor: its first update must draw what the server
 * drew (hydration adopts the DOM without rewriting it), so it must not measure a width first.
 */
export const serverRendered = (el: HTMLElement): boolean => !isServer && el.shadowRoot !== null;
