/**
 * `quotakit/react/incentive-calculator`: the React wrapper of `<qk-incentive-calculator>`. What reaching the target is worth.
 * Importing it registers `<qk-incentive-calculator>` only, so a page pays for the elements it uses.
 */
import '../define/qk-incentive-calculator.js';
import { QkIncentiveCalculator as QkIncentiveCalculatorElement } from '../components/incentive-calculator/incentive-calculator.js';
import type { QkErrorEvent } from '../events/qk-error.js';
import type { QkFocusChangeEvent } from '../events/qk-focus-change.js';
import { createQkComponent, type QkWrapperProps } from './create-component.js';

/** The events of `<qk-incentive-calculator>`, by the wrapper prop that receives them. */
export interface QkIncentiveCalculatorEvents {
  onQkError: QkErrorEvent;
  onQkFocusChange: QkFocusChangeEvent;
}

export type QkIncentiveCalculatorProps = QkWrapperProps<QkIncentiveCalculatorElement, QkIncentiveCalculatorEvents>;

/** `<qk-incentive-calculator>`: What reaching the target is worth. */
export const QkIncentiveCalculator = createQkComponent<QkIncentiveCalculatorElement, QkIncentiveCalculatorEvents>({
  tagName: 'qk-incentive-calculator',
  elementClass: QkIncentiveCalculatorElement,
  events: {
    onQkError: 'qk-error',
    onQkFocusChange: 'qk-focus-change',
  },
  displayName: 'QkIncentiveCalculator',
});
