/**
 * `quotakit/react/attainment-gauge`: the React wrapper of `<qk-attainment-gauge>`. Attainment, gap, pace and forecast of one node and period.
 * Importing it registers `<qk-attainment-gauge>` only, so a page pays for the elements it uses.
 */
import '../define/qk-attainment-gauge.js';
import { QkAttainmentGauge as QkAttainmentGaugeElement } from '../components/attainment-gauge/attainment-gauge.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkAlertEvent } from '../events/qk-alert.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-attainment-gauge>`, by the wrapper prop that receives them. */
export interface QkAttainmentGaugeEvents {
  onQkError: QkErrorEvent;
  onQkAlert: QkAlertEvent;
}

export type QkAttainmentGaugeProps = QkWrapperProps<QkAttainmentGaugeElement, QkAttainmentGaugeEvents>;

/** `<qk-attainment-gauge>`: Attainment, gap, pace and forecast of one node and period. */
export const QkAttainmentGauge = createQkComponent<QkAttainmentGaugeElement, QkAttainmentGaugeEvents>({
  tagName: 'qk-attainment-gauge',
  elementClass: QkAttainmentGaugeElement,
  events: {
    onQkError: 'qk-error',
    onQkAlert: 'qk-alert',
  },
  displayName: 'QkAttainmentGauge',
});
