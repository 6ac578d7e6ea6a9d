import type { FunnelInputs, FunnelResults } from '../engine/funnel/view.js';

/** What `qk-funnel-change` carries: the node and period, the what-if inputs and every computed result. */
export interface QkFunnelChangeDetail {
  /** The org node shown ('' when the element works from its inputs alone). */
  nodeId: string;
  period: string | null;
  /** Money in integer minor units, rates as ratios (0.2 = 20%). */
  inputs: FunnelInputs;
  /** The requirement per stage, per rep, per week, the schedule, coverage, diagnosis and confidence. */
  results: FunnelResults;
}

/**
 * Fired by `qk-funnel-inverter` when the user changes a what-if input (or resets to history) and the
 * inputs are valid, with the new result. Not fired for invalid inputs (those fire `qk-error`) nor
 * when the element follows a focus change made elsewhere.
 */
export class QkFunnelChangeEvent extends Event {
  readonly detail: QkFunnelChangeDetail;
  constructor(detail: QkFunnelChangeDetail) {
    super('qk-funnel-change', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-funnel-change': QkFunnelChangeEvent;
  }
}
