/**
 * The fiscal calendar: period ids (`2026-03`, `FY2026-Q1`, `FY2026`, `2026-W11`), their date
 * ranges, children and working days.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
  addDays,
  childPeriods,
  daysBetween,
  elapsedWorkingDays,
  fiscalYearMonths,
  fiscalYearOf,
  isoWeek,
  isPeriodClosed,
  isWorkingDay,
  openPeriods,
  parsePeriodId,
  periodOf,
  periodRange,
  periodsOf,
  workingDaysBetween,
  workingDaysInPeriod,
  type Granularity,
  type ParsedPeriod,
} from './periods.js';
export {
  parsePeriod,
  type Period,
} from './period.js';
