export { QkAdjustmentPanel } from './adjustment-panel.js';
