// English: the messages of the csv area (one language per module).
import type { MessageTable } from '../types.js';
const MONEY_REASON_EN: Record<string, string> = {
  'money-empty': 'it is empty',
  'money-decimal-points': 'it has more than one decimal point',
  'money-grouping': 'a thousands separator is misplaced',
  'money-precision': 'it has too many decimals',
  'money-negative': 'targets cannot be negative',
  'money-too-large': 'it is too large',
  'count-invalid': 'a count must be a whole number',
};
const COLUMN_EN: Record<string, string> = { nodeId: 'node ID', metric: 'metric', period: 'period' };
/** Where a problem is: “Line 3, column 2: …” / “第 3 行第 2 列：…” (column 0 = the whole line). */
const whereEn = (p: Record<string, string | number>) => (p.cell ? `Row ${p.line}, cell ${p.cell}: ` : `Line ${p.line}${p.column ? `, column ${p.column}` : ''}: `);

/**
 * Messages for CSV import of targets (`parseTargetsCsv`): the summary `csv-invalid` and one
 * message per problem, each starting with its line (and column).
 */
const messages: MessageTable = {
  'csv-invalid': ({ count, line }) => `The file was not imported: ${count === 1 ? 'there is 1 problem' : `there are ${count} problems`}, the first on line ${line}. Nothing was changed.`,
  'csv-empty': () => 'The file is empty: it has no header line.',
  'csv-missing-column': (p) => `${whereEn(p)}the header has no ${COLUMN_EN[p.name] ?? p.name} column.`,
  'csv-duplicate-column': (p) => `${whereEn(p)}the column “${p.name}” appears twice (first in column ${p.first}).`,
  'csv-unknown-period': (p) => `${whereEn(p)}“${p.value}” is neither a known column nor a period of ${p.fiscalYear}.`,
  'csv-unterminated-quote': (p) => `${whereEn(p)}a quote is opened here and never closed.`,
  'csv-stray-quote': (p) => `${whereEn(p)}there is text after the closing quote.`,
  'csv-column-count': (p) => `${whereEn(p)}the line has ${p.actual} fields, but the header has ${p.expected}.`,
  'commitment-not-year': (p) => `${whereEn(p)}a commitment is for the whole fiscal year (${p.fiscalYear}), not for ${p.period}.`,
  'commitment-not-rep': (p) => `${whereEn(p)}${p.nodeId} is not a rep: only reps enter commitments.`,
  'commitment-product': (p) => `${whereEn(p)}a commitment covers all product lines; leave the product column empty.`,
  'csv-unknown-node': (p) => `${whereEn(p)}“${p.value}” is not a node of this plan.`,
  'csv-unknown-metric': (p) => `${whereEn(p)}“${p.value}” is not a metric that takes targets.`,
  'csv-unknown-product': (p) => `${whereEn(p)}“${p.value}” is not a product line of this plan.`,
  'csv-bad-amount': (p) => `${whereEn(p)}“${p.value}” is not a valid amount${MONEY_REASON_EN[p.reason] ? ` (${MONEY_REASON_EN[p.reason]})` : ''}.`,
  'xlsx-unreadable': () => 'The file is neither CSV nor a readable Excel workbook (.xlsx).',
  'csv-duplicate-cell': (p) => `${whereEn(p)}the target of ${p.nodeId} for ${p.period} is already given on line ${p.first}.`,
};
export default messages;
