import type { MetricId, TargetSource } from '../engine/plan/model.js';

/** One changed target cell: which cell, its value before and after, and what changed it. */
export interface QkTargetChangeDetail {
  nodeId: string;
  period: string;
  metric: MetricId;
  /** The product line, or null for the product-free total. */
  product: string | null;
  /** The cell's own value before (null when it had none). Integers: minor units or counts. */
  oldValue: number | null;
  newValue: number;
  /** `manual` for a typed edit and the siblings it rebalanced, `top-down` for distribute/decompose. */
  source: TargetSource;
}

/**
 * Fired once per target cell an edit changed (the edited cell, its rebalanced siblings, the
 * parents that absorbed it, the months that followed), after the change is in the store as one
 * undo step.
 */
export class QkTargetChangeEvent extends Event {
  readonly detail: QkTargetChangeDetail;
  constructor(detail: QkTargetChangeDetail) {
    super('qk-target-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-target-change': QkTargetChangeEvent;
  }
}
