import type { CommissionPlan } from '../engine/incentive/plan.js';

/** What `qk-incentive-plan-save` carries: the plan as the adapter accepted it, and its new version. */
export interface QkIncentivePlanSaveDetail {
  /** The version the adapter gave the saved plan (the base of the next save). */
  version: number;
  plan: CommissionPlan;
}

/**
 * Fired by `qk-incentive-plan-editor` after the adapter saved the commission plan. The calculators
 * on the same provider already pay on it; a host may log it or tell the sales team.
 */
export class QkIncentivePlanSaveEvent extends Event {
  readonly detail: QkIncentivePlanSaveDetail;
  constructor(detail: QkIncentivePlanSaveDetail) {
    super('qk-incentive-plan-save', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-incentive-plan-save': QkIncentivePlanSaveEvent;
  }
}
