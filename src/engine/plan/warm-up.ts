/**
 * The read model's first roll-ups as steps: what every element of a page reads first (the plan
 * currency's money formatters, each record's org position, the revenue and collections targets of
 * the fiscal year), computed a slice at a time after a load so that no element computes them in
 * one long task. At 100,000 people each is several hundred milliseconds in one piece; a step is
 * a few thousand nodes or records, one period's pass over the org, or one locale's formatters.
 *
 * The steps fill the same memos the plain selectors use (`repPositions`, `targetOf`): figures are
 * the same whether warmed or not, and a step finding its part done skips it.
 *
 * Plain TypeScript: no DOM.
 */
import { periodOf } from '../calendar/periods.js';
import { warmMoneyFormats } from '../money/money.js';
import type { Steps } from '../shared/steps.js';
import { targetTreeSteps, toDateRange, type PlanState } from './plan-state.js';
import { actualSumsSteps, hasRepPositions, repPositionSteps, setRepPositions, stageSumsSteps } from './subtree-sums.js';

/** Warms `state`'s shared roll-ups (see the module comment). Yields between slices. */
export function* warmUpSteps(state: PlanState): Steps<void> {
  // The plan currency's formatters (whichever element formats money first would pay for them).
  for (const locale of ['zh-CN', 'en'] as const) {
    warmMoneyFormats(state.plan.currency, locale);
    yield { done: 0, total: 0 };
  }
  const ix = state.index;
  const a = state.actuals;
  if (a) {
    for (const records of [a.actuals, a.pipeline, a.stageCounts]) {
      if (hasRepPositions(ix, records)) continue;
      const positions = yield* repPositionSteps(ix, records);
      if (!hasRepPositions(ix, records)) setRepPositions(ix, records, positions);
    }
  }
  const cal = state.plan.calendar;
  const years = new Set([`FY${state.plan.fiscalYear}`]);
  const current = periodOf(state.asOf, 'year', cal);
  if (current) years.add(current);
  for (const period of years) {
    for (const metric of ['revenue', 'collections'] as const) yield* targetTreeSteps(state, { metric, period });
  }
  if (!a) return;
  // Actuals and funnel counts to date of the year and the quarter holding today (the periods the
  // elements open on): one pass over the records each (`SUM_CHUNK` records a step), shared by
  // every element.
  const quarter = periodOf(state.asOf, 'quarter', cal);
  for (const period of [...years, ...(quarter ? [quarter] : [])]) {
    const range = toDateRange(state, period);
    if (!range || range.to < range.start) continue;
    for (const type of ['booking', 'collection'] as const) yield* actualSumsSteps(ix, a.actuals, { type, from: range.start, to: range.to });
    yield* stageSumsSteps(ix, a.stageCounts, { from: range.start, to: range.to });
  }
}
