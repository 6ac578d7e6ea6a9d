import { QkIncentiveCalculator } from '../components/incentive-calculator/incentive-calculator.js';
import { defineElement } from '../internal/define.js';

defineElement('qk-incentive-calculator', QkIncentiveCalculator);

declare global {
  interface HTMLElementTagNameMap {
    'qk-incentive-calculator': QkIncentiveCalculator;
  }
}
