/**
 * `quotakit/engine`: the pure functions every number of the kit comes from. Plain TypeScript over
 * plain data: no DOM, no Lit, usable on a server or in a worker. The sample company generator is
 * `quotakit/sample-data`.
 */
export * from './shared/result.js';
export * from './plan/model.js';
export * from './money/money.js';
export * from './calendar/periods.js';
export * from './plan/rollup.js';
export * from './shared/random.js';
export * from './funnel/index.js';
export * from './pace/pace.js';
export * from './pace/forecast.js';
export * from './pace/status.js';
export * from '../components/attainment-gauge/attainment-gauge.layout.js';
export * from './geometry/scale.js';
export * from './plan/allocate.js';
export * from './plan/weights.js';
export * from './plan/ramp.js';
export * from './plan/seasonality.js';
export * from './plan/product-mix.js';
export * from './plan/views.js';
export * from './plan/edit.js';
export * from './adjustment/index.js';
export * from './pace/view.js';
export * from '../components/pace-chart/pace-chart.layout.js';
export * from './funnel/view.js';
export * from '../components/funnel-inverter/funnel-inverter.layout.js';
export * from './review/review.js';
export * from './review/source.js';
export * from './review/csv.js';
export * from '../components/review-board/review-board.layout.js';
export * from './scorecard/scorecard.js';
export * from './scorecard/source.js';
export * from './incentive/commission.js';
export * from './incentive/team.js';
export * from './incentive/source.js';
export * from '../components/goal-tree/goal-tree.model.js';
export * from './plan/csv.js';
export * from './plan/plan-state.js';
export * from './funnel/plan-funnel.js';
export * from './plan/edit-rights.js';
