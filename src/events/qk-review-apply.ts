/** One stage of the recommended funnel: its id and its updated conversion into the next stage (none on the last). */
export interface QkReviewApplyStage {
  id: string;
  rate?: number;
}

/**
 * What `qk-review-apply` carries: the review's recommendations for the next cycle, shaped so a host
 * can pass them on as `qk-funnel-inverter`'s `inputs`:
 * `inverter.inputs = { target: d.nextTarget, avgDealSize: d.avgDealSize, stages: d.rates }`.
 */
export interface QkReviewApplyDetail {
  /** The org node reviewed ('' when the element works from its `model` alone). */
  nodeId: string;
  /** The period reviewed (the next cycle is the one after it); null when the model names none. */
  period: string | null;
  /** Every stage in funnel order with its updated rate as a ratio (0.3 = 30%); the last stage has no rate. */
  rates: QkReviewApplyStage[];
  /** The updated average deal size, integer minor units. */
  avgDealSize: number;
  /** The proposed next target, integer minor units. */
  nextTarget: number;
}

/**
 * Fired by `qk-review-board` when the user presses "Use for the next cycle": the updated conversion
 * rates, deal size and proposed next target of the review. The element changes nothing itself; the
 * host decides where the numbers go (the funnel inverter's what-if inputs, a planning form …).
 */
export class QkReviewApplyEvent extends Event {
  readonly detail: QkReviewApplyDetail;
  constructor(detail: QkReviewApplyDetail) {
    super('qk-review-apply', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-review-apply': QkReviewApplyEvent;
  }
}
