export { QkPaceChart } from './pace-chart.js';
