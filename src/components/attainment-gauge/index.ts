export { QkAttainmentGauge } from './attainment-gauge.js';
export { QkPaceElement, type PaceState } from './pace-element.js';
