/**
 * `quotakit/react`: React wrappers of every QuotaKit element (needs React 18 or 19, nothing else).
 *
 * Each wrapper renders the custom element, sets its properties (`data`, `store`, `thresholds`,
 * `inputs`, …) as DOM properties rather than attributes, and turns its events into typed `onQk…`
 * props, delivered from the first render on. Importing this module registers every element; a page
 * that uses a few imports them one by one (`quotakit/react/goal-tree`, …) and pays only for those.
 * For React 19's native custom-element support (`<qk-goal-tree>` in TSX) see `quotakit/react/jsx`.
 *
 * @example
 * import { QkProvider, QkAttainmentGauge } from 'quotakit/react';
 * <QkProvider adapter={adapter} locale="zh-CN">
 *   <QkAttainmentGauge period="FY2026" onQkAlert={(e) => console.log(`${e.detail.nodeId}: ${e.detail.from} → ${e.detail.to}`, e.detail.message)} />
 * </QkProvider>
 */
export { QkProvider, type QkProviderProps, type QkProviderEvents } from './provider.js';
export { QkGoalTree, type QkGoalTreeProps, type QkGoalTreeEvents } from './goal-tree.js';
export { QkFunnelInverter, type QkFunnelInverterProps, type QkFunnelInverterEvents } from './funnel-inverter.js';
export { QkAttainmentGauge, type QkAttainmentGaugeProps, type QkAttainmentGaugeEvents } from './attainment-gauge.js';
export { QkPaceChart, type QkPaceChartProps, type QkPaceChartEvents } from './pace-chart.js';
export { QkAdjustmentPanel, type QkAdjustmentPanelProps, type QkAdjustmentPanelEvents } from './adjustment-panel.js';
export { QkIncentiveCalculator, type QkIncentiveCalculatorProps, type QkIncentiveCalculatorEvents } from './incentive-calculator.js';
export { QkIncentivePlanEditor, type QkIncentivePlanEditorProps, type QkIncentivePlanEditorEvents } from './incentive-plan-editor.js';
export { QkReviewBoard, type QkReviewBoardProps, type QkReviewBoardEvents } from './review-board.js';
export { QkScorecard, type QkScorecardProps, type QkScorecardEvents } from './scorecard.js';
export { createQkComponent, type QkWrapper, type QkWrapperProps, type QkElementProps, type QkEventProps } from './create-component.js';
