import type { MetricId, PeriodId } from '../engine/plan/model.js';
import type { Status } from '../engine/pace/status.js';

/** A node's status changed (预警): the payload of `qk-alert`. */
export interface QkAlertDetail {
  /** `metric|period|nodeId` (see `alertKey`). */
  key: string;
  nodeId: string;
  metric: MetricId;
  period: PeriodId;
  /** The status before, or `null` the first time a node is seen (then only when it is not on track). */
  from: Status | null;
  to: Status;
  direction: 'worsened' | 'improved';
  /** The reason code (`pace-low`, `forecast-low`, `on-pace`, `no-data`) and its params. */
  reason: string;
  params: Record<string, string | number>;
  /** The reason, localized, e.g. "Pace is 87.5% of the expected progress, below 95%." */
  message: string;
}

/**
 * Fired by the attainment gauge and the pace chart when the status of the node they show changes
 * (on track / at risk / off track), once per change per store: two widgets under one provider
 * showing the same node raise it once.
 */
export class QkAlertEvent extends Event {
  readonly detail: QkAlertDetail;
  constructor(detail: QkAlertDetail) {
    super('qk-alert', { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'qk-alert': QkAlertEvent;
  }
}
