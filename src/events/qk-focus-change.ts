import type { Focus } from '../store/store.js';

/** Fired when the user selects another node, period, metric or product; widgets under the same provider follow. */
export class QkFocusChangeEvent extends Event {
  /** The new focus: `e.detail`, the same shape as every other `qk-` event. */
  readonly detail: Focus;
  /** The same object as `detail` (kept for hosts written against earlier versions). */
  readonly focus: Focus;
  constructor(focus: Focus) {
    super('qk-focus-change', { bubbles: true, composed: true });
    this.detail = focus;
    this.focus = focus;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-focus-change': QkFocusChangeEvent;
  }
}
