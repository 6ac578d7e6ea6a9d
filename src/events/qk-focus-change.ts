import type { Focus } from '../store/store.js';

/** Fired when the user selects another node, period, metric or product; widgets under the same provider follow. */
export class QkFocusChangeEvent extends Event {
  readonly focus: Focus;
  constructor(focus: Focus) {
    super('qk-focus-change', { bubbles: true, composed: true });
    this.focus = focus;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-focus-change': QkFocusChangeEvent;
  }
}
