// One file per element; en.ts and zh-cn.ts pick each locale's half.
export { goalTreeStrings, type GoalTreeStrings } from './goal-tree.js';
export { funnelStrings, type FunnelStrings } from './funnel.js';
export { gaugeStrings, type GaugeStrings } from './gauge.js';
export { paceChartStrings, type PaceChartStrings } from './pace-chart.js';
export { adjustmentStrings, type AdjustmentStrings } from './adjustment.js';
export { incentiveStrings, type IncentiveStrings } from './incentive.js';
export { reviewStrings, type ReviewStrings } from './review.js';
export { scorecardStrings, type ScorecardStrings } from './scorecard.js';
