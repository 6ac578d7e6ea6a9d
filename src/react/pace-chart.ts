/**
 * `quotakit/react/pace-chart`: the React wrapper of `<qk-pace-chart>`. Cumulative actual against the expected curve, with the forecast cone.
 * Importing it registers `<qk-pace-chart>` only, so a page pays for the elements it uses.
 */
import '../define/qk-pace-chart.js';
import { QkPaceChart as QkPaceChartElement } from '../components/pace-chart/pace-chart.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkAlertEvent } from '../events/qk-alert.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-pace-chart>`, by the wrapper prop that receives them. */
export interface QkPaceChartEvents {
  onQkError: QkErrorEvent;
  onQkAlert: QkAlertEvent;
}

export type QkPaceChartProps = QkWrapperProps<QkPaceChartElement, QkPaceChartEvents>;

/** `<qk-pace-chart>`: Cumulative actual against the expected curve, with the forecast cone. */
export const QkPaceChart = createQkComponent<QkPaceChartElement, QkPaceChartEvents>({
  tagName: 'qk-pace-chart',
  elementClass: QkPaceChartElement,
  events: {
    onQkError: 'qk-error',
    onQkAlert: 'qk-alert',
  },
  displayName: 'QkPaceChart',
});
