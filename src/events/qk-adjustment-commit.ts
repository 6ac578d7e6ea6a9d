import type { AdjustmentRequest } from '../engine/adjustment/index.js';
import type { TargetCell } from '../engine/plan/model.js';

/** What was done, after the adapter (if any) accepted it. */
export interface QkAdjustmentCommitDetail {
  action: 'submit' | 'approve' | 'reject' | 'withdraw' | 'apply';
  request: AdjustmentRequest;
  /** The cells written to the store (apply). */
  cells?: TargetCell[];
}

/** Fired after an adjustment action went through (the follow-up of an un-vetoed `qk-adjustment-request`). */
export class QkAdjustmentCommitEvent extends Event {
  readonly detail: QkAdjustmentCommitDetail;
  constructor(detail: QkAdjustmentCommitDetail) {
    super('qk-adjustment-commit', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-adjustment-commit': QkAdjustmentCommitEvent;
  }
}
