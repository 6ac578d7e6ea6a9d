export { QkPaceChart } from './pace-chart.js';
// The pace chart's geometry (pure).
export { layoutPaceChart, type PaceChartLayout, type PaceChartMargin, type PaceChartPoint, type PaceChartSize } from './pace-chart.layout.js';
