/** What went wrong, in a form both a host and a dictionary can use. */
export interface QkErrorDetail {
  /** Stable code, e.g. `invalid-data`, `network`, `conflict`, `money-invalid`. */
  code: string;
  /** The localized message the element shows. */
  message: string;
  /** Bad paths and reasons, for data that failed validation. */
  issues?: { path: (string | number)[]; message: string }[];
  /** Where it came from: `adapter`, `data`, `input`, `engine`. */
  source: 'adapter' | 'data' | 'input' | 'engine';
}

/**
 * Fired when an element meets bad input (from the host, the adapter or the user). The element also
 * shows the message itself; the event lets a host log or report it.
 */
export class QkErrorEvent extends Event {
  readonly detail: QkErrorDetail;
  constructor(detail: QkErrorDetail) {
    super('qk-error', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-error': QkErrorEvent;
  }
}
