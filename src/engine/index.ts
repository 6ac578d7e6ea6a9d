/**
 * `quotakit/engine`: the pure functions every number of the kit comes from. Plain TypeScript over
 * plain data: no DOM, no Lit, usable on a server or in a worker. The sample company generator is
 * `quotakit/sample-data`.
 */
export * from './result.js';
export * from './model.js';
export * from './model-schema.js';
export * from './money.js';
export * from './periods.js';
export * from './rollup.js';
export * from './random.js';
export * from './funnel.js';
export * from './pace.js';
export * from './forecast.js';
export * from './status.js';
export * from './gauge-layout.js';
export * from './scale.js';
export * from './allocate.js';
export * from './weights.js';
export * from './ramp.js';
export * from './seasonality.js';
export * from './product-mix.js';
export * from './views.js';
export * from './edit.js';
export * from './adjustment.js';
export * from './pace-series.js';
export * from './funnel-view.js';
export * from './review.js';
export * from './review-source.js';
export * from './review-csv.js';
export * from './review-layout.js';
export * from './scorecard.js';
export * from './scorecard-source.js';
export * from './incentive.js';
export * from './incentive-team.js';
export * from './incentive-source.js';
export * from './goal-grid.js';
export * from './csv.js';
export * from './plan-state.js';
export * from './plan-funnel.js';
export * from './edit-rights.js';
