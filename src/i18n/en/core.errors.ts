// English: the messages of the core area (one language per module).
import type { MessageTable } from '../types.js';

/** Messages for the engine core's error codes: money parsing (money.ts) and period ids (periods.ts). */
const messages: MessageTable = {
  'money-empty': () => 'Enter an amount.',
  'money-invalid': ({ input }) => `“${input}” is not an amount. Try 1,200,000, 120万 or 1.2M.`,
  'money-decimal-points': ({ input }) => `“${input}” has more than one decimal point.`,
  'money-grouping': ({ input }) => `“${input}” has a misplaced thousands separator; write 1,200,000 or 1200000.`,
  'money-precision': ({ currency, digits }) =>
    Number(digits) === 0
      ? `${currency} amounts cannot have decimals.`
      : `${currency} amounts can have at most ${digits} decimal ${Number(digits) === 1 ? 'place' : 'places'}.`,
  'money-negative': () => 'The amount cannot be negative.',
  'money-too-large': () => 'The amount is too large.',
  'money-currency': ({ currency }) => `“${currency}” is not a currency code such as CNY or USD.`,
  'period-invalid': ({ id }) => `“${id}” is not a period. Use FY2026, FY2026-H1, FY2026-Q1, 2026-04 or 2026-W05.`,
  'period-week-range': ({ year, weeks }) => `${year} has only ${weeks} ISO weeks.`,
};
export default messages;
