// The shape of each element's strings (types only); the text is in en/ and zh-cn/, one module per
// element and language.
export type { GoalTreeStrings } from './goal-tree.js';
export type { FunnelStrings } from './funnel.js';
export type { GaugeStrings } from './gauge.js';
export type { PaceChartStrings } from './pace-chart.js';
export type { AdjustmentStrings } from './adjustment.js';
export type { IncentiveStrings } from './incentive.js';
export type { ReviewStrings } from './review.js';
export type { ScorecardStrings } from './scorecard.js';
