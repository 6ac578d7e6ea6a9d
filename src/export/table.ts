/**
 * One table to export, whatever the widget: typed columns and raw rows. Money is integer minor
 * units in the rows and is written in major units (a CSV decimal, an .xlsx number with a currency
 * format), ratios stay ratios (an .xlsx number with a percent format, `25.0%` in CSV).
 *
 * Widgets build an {@link ExportTable} from the same engine figures they show; this module turns it
 * into a file. No DOM here (see `download.ts` for saving).
 */
import { csvText, type CsvValue } from '../engine/plan/csv.js';
import { minorDigits, toDecimalString } from '../engine/money/money.js';
import { writeXlsx, type XlsxColumnStyle, type XlsxSheetInput, type XlsxValue } from './xlsx.js';

/** `money`: minor units; `count`: whole numbers; `percent`: a ratio (0.25 = 25%); `number`: as is. */
export type ExportColumnKind = 'text' | 'money' | 'count' | 'percent' | 'number';

export interface ExportColumn {
  header: string;
  kind: ExportColumnKind;
  /** For `percent` and `number`: decimals shown (default 1 for percent, 2 for number). */
  decimals?: number;
}

/** A cell: text, a number of its column's kind, or a number of its own kind (a column of mixed units). */
export type ExportCell = string | number | null | undefined | { value: number; kind: ExportColumnKind; decimals?: number };

export interface ExportTable {
  /** Sheet name in an .xlsx file, and part of the file name. */
  name: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
  /** ISO 4217 code of the money columns. */
  currency?: string;
}

export type ExportFormat = 'csv' | 'xlsx';

const SYMBOL: Readonly<Record<string, string>> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥', HKD: 'HK$' };

/**
 * The .xlsx number format of a money column: the currency's symbol (or code) and its decimals,
 * negative amounts with a minus, e.g. CNY → `"¥"#,##0.00;-"¥"#,##0.00`, JPY → `"¥"#,##0;-"¥"#,##0`.
 */
export function moneyFormat(currency: string): string {
  const d = minorDigits(currency);
  const num = `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''}`;
  const sym = SYMBOL[currency];
  return sym ? `"${sym}"${num};-"${sym}"${num}` : `${num} "${currency}";-${num} "${currency}"`;
}

function columnStyle(col: ExportColumn, currency: string): XlsxColumnStyle {
  switch (col.kind) {
    case 'money':
      return { numFmt: moneyFormat(currency) };
    case 'count':
      return { numFmt: '#,##0' };
    case 'percent': {
      const d = col.decimals ?? 1;
      return { numFmt: `0${d > 0 ? `.${'0'.repeat(d)}` : ''}%` };
    }
    case 'number': {
      const d = col.decimals ?? 2;
      return { numFmt: `#,##0${d > 0 ? `.${'0'.repeat(d)}` : ''}` };
    }
    default:
      return {};
  }
}

/** Minor units to a major-unit number (exact as far as a double is: 120000050 → 1200000.5). */
function major(minor: number, currency: string): number {
  return Number(toDecimalString(minor, currency));
}

/** The table as a worksheet: numbers stay numbers, money in major units. */
export function tableSheet(table: ExportTable): XlsxSheetInput {
  const currency = table.currency ?? 'CNY';
  const rows: XlsxValue[][] = [table.columns.map((c) => c.header)];
  for (const r of table.rows) {
    rows.push(
      table.columns.map((col, i) => {
        const v = r[i];
        if (v === null || v === undefined) return null;
        if (typeof v === 'object') return { value: v.kind === 'money' ? major(v.value, currency) : v.value, numFmt: columnStyle({ header: '', ...v }, currency).numFmt };
        if (col.kind === 'text' || typeof v === 'string') return String(v);
        return col.kind === 'money' ? major(v, currency) : v;
      }),
    );
  }
  return { name: table.name, rows, columns: table.columns.map((c) => columnStyle(c, currency)) };
}

/**
 * The table as CSV text (RFC 4180, UTF-8 with a byte-order mark so Excel and WPS read Chinese):
 * money as exact decimals in major units (`1200000.50`), percents as `25.0%` (a spreadsheet reads
 * them back as numbers), text made inert for spreadsheets (`=…` gets a leading `'`).
 */
export function tableToCsv(table: ExportTable): string {
  const currency = table.currency ?? 'CNY';
  const rows: CsvValue[][] = [table.columns.map((c) => c.header)];
  for (const r of table.rows) {
    rows.push(
      table.columns.map((c, i) => {
        const cell = r[i];
        if (cell === null || cell === undefined) return null;
        const col = typeof cell === 'object' ? { header: '', ...cell } : c;
        const v = typeof cell === 'object' ? cell.value : cell;
        if (col.kind === 'text' || typeof v === 'string') return String(v);
        if (col.kind === 'money') return toDecimalString(v, currency);
        if (col.kind === 'percent') return `${(v * 100).toFixed(col.decimals ?? 1)}%`;
        return v;
      }),
    );
  }
  return csvText(rows, { bom: true });
}

/** Several tables in one workbook, one sheet each. */
export function tablesToXlsx(tables: readonly ExportTable[]): Uint8Array {
  return writeXlsx(tables.map(tableSheet));
}

/** A file name from a base: letters, digits, CJK, `-`, `_` and `.` kept, the rest as `_`. */
export function exportFileName(base: string, format: ExportFormat): string {
  return `${base.replace(/[^\p{L}\p{N}\-_.]+/gu, '_').replace(/^_+|_+$/g, '') || 'export'}.${format}`;
}

/** The file of one or more tables: CSV (the first table) or .xlsx (one sheet per table). */
export function tablesToFile(tables: readonly ExportTable[], format: ExportFormat): { bytes: Uint8Array | string; mime: string } {
  if (format === 'csv') return { bytes: tables.map((t, i) => (i ? tableToCsv(t).replace(/^\uFEFF/, '') : tableToCsv(t))).join('\r\n'), mime: 'text/csv;charset=utf-8' };
  return { bytes: tablesToXlsx(tables), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}
