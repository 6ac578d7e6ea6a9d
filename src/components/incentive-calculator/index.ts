export { QkIncentiveCalculator } from './incentive-calculator.js';
