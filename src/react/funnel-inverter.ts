/**
 * `quotakit/react/funnel-inverter`: the React wrapper of `<qk-funnel-inverter>`. Revenue target → activity per funnel stage.
 * Importing it registers `<qk-funnel-inverter>` only, so a page pays for the elements it uses.
 */
import '../define/qk-funnel-inverter.js';
import { QkFunnelInverter as QkFunnelInverterElement } from '../components/funnel-inverter/funnel-inverter.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFunnelChangeEvent } from '../events/qk-funnel-change.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-funnel-inverter>`, by the wrapper prop that receives them. */
export interface QkFunnelInverterEvents {
  onQkError: QkErrorEvent;
  onQkFunnelChange: QkFunnelChangeEvent;
}

export type QkFunnelInverterProps = QkWrapperProps<QkFunnelInverterElement, QkFunnelInverterEvents>;

/** `<qk-funnel-inverter>`: Revenue target → activity per funnel stage. */
export const QkFunnelInverter = createQkComponent<QkFunnelInverterElement, QkFunnelInverterEvents>({
  tagName: 'qk-funnel-inverter',
  elementClass: QkFunnelInverterElement,
  events: {
    onQkError: 'qk-error',
    onQkFunnelChange: 'qk-funnel-change',
  },
  displayName: 'QkFunnelInverter',
});
