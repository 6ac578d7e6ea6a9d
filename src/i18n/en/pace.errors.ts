// English: the messages of the pace area (one language per module).
import type { MessageTable } from '../types.js';
const pct = (v: string | number | undefined) => (typeof v === 'number' ? `${Math.round(v * 1000) / 10}%` : String(v ?? ''));

/**
 * Messages for pace, forecast and status: the error codes of `pace`, `forecast`, `dualAttainment`
 * and `statusThresholds`; the reasons a figure is not applicable (`zero-target`,
 * `nothing-expected-yet`, `no-working-days-left`); and the status reasons an alert carries
 * (`pace-low`, `forecast-low`, `on-pace`, `no-data`, `too-early`, `period-achieved`, `period-missed`).
 */
const messages: MessageTable = {
  'pace-amount-invalid': ({ field }) => `The ${field === 'actual' ? 'actual' : 'target'} must be a whole amount${field === 'actual' ? '' : ' of zero or more'}.`,
  'pace-date-invalid': ({ value }) => `"${value}" is not a valid date (YYYY-MM-DD).`,
  'pace-basis-invalid': ({ value }) => `"${value}" is not a way to measure pace; use working-days, seasonality or ramp.`,
  'pace-profile-missing-month': ({ month }) => `The seasonality profile has no weight for ${month}.`,
  'pace-profile-invalid': ({ month }) => `The seasonality weight for ${month} must be a number of zero or more.`,
  'pace-profile-empty': ({ period }) => `The seasonality profile gives ${period} no weight at all.`,
  'pace-hire-date-missing': () => 'Pacing by ramp needs the rep’s hire date.',
  'forecast-blend-invalid': ({ value }) => `The run-rate weight must be between 0 and 1 (got ${value}).`,
  'forecast-history-invalid': () => 'The past results used for the forecast range must all be numbers.',
  'forecast-opportunity-invalid': ({ id }) => `Opportunity ${id} has an invalid amount or probability.`,
  'forecast-too-large': () => 'The forecast is too large to compute exactly.',
  'status-thresholds-invalid': ({ name, value }) => `The status threshold ${name} must be a number of zero or more (got ${value}).`,
  'status-thresholds-order': ({ metric }) => `The off-track ${metric === 'pace' ? 'pace' : 'forecast'} threshold must not be above the on-track one.`,
  'zero-target': () => 'Not applicable: the target is zero.',
  'nothing-expected-yet': () => 'Nothing is expected yet in this period.',
  'no-working-days-left': () => 'No working days are left in this period.',
  'pace-low': ({ value, threshold }) => `Pace is ${pct(value)} of the expected progress, below ${pct(threshold)}.`,
  'forecast-low': ({ value, threshold }) => `The forecast reaches ${pct(value)} of the target, below ${pct(threshold)}.`,
  'on-pace': () => 'On pace and forecast to reach the target.',
  'no-data': () => 'Not enough data to judge progress yet.',
  'too-early': ({ value, threshold }) => `Only ${pct(value)} of the period’s working days have passed; progress is judged from ${pct(threshold)} on.`,
  'period-achieved': ({ value }) => `The period is over: ${pct(value)} of the target was reached.`,
  'period-missed': ({ value }) => `The period is over: only ${pct(value)} of the target was reached.`,
  'forecast-beyond-pipeline': () => 'no sales yet this period, and the open pipeline cannot reach the target even if every deal closes',
  'forecast-no-spread': () => 'no past results or open pipeline to measure the uncertainty',
};
export default messages;
