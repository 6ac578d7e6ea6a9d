import type { AdjustmentPreview, AdjustmentRequest } from '../engine/adjustment/index.js';
import type { TargetCell } from '../engine/plan/model.js';

/** What the user is about to do with an adjustment request. */
export interface QkAdjustmentRequestDetail {
  action: 'submit' | 'approve' | 'reject' | 'withdraw' | 'apply';
  /** The request as it will be after the action. */
  request: AdjustmentRequest;
  /** The preview the action is based on (submit). */
  preview?: AdjustmentPreview;
  /** The cells that will be written (apply). */
  cells?: TargetCell[];
}

/**
 * Fired before an adjustment is submitted, decided, withdrawn or applied. Cancelable: a host that
 * calls `preventDefault()` vetoes the action (nothing is sent or written, the form stays filled).
 */
export class QkAdjustmentRequestEvent extends Event {
  readonly detail: QkAdjustmentRequestDetail;
  constructor(detail: QkAdjustmentRequestDetail) {
    super('qk-adjustment-request', { bubbles: true, composed: true, cancelable: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-adjustment-request': QkAdjustmentRequestEvent;
  }
}
