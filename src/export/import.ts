/**
 * Import of targets from a file a person picked: CSV or .xlsx, told apart by content (an .xlsx is
 * a zip archive, whatever its name). Both go through the one targets parser of the engine
 * (`parseTargetsCsv`), so the rules, the all-or-nothing behaviour and the row-numbered problems are
 * the same for both; an .xlsx problem also names its cell (`C4`).
 */
import { csvText, parseTargetsCsv, type CsvImportResult, type CsvIssue, type CsvValue, type ParseTargetsCsvOptions } from '../engine/plan/csv.js';
import { columnLetters, looksLikeXlsx, readXlsx, XlsxFormatError, type XlsxSheet } from './xlsx.js';
import { parseCommitmentsCsv, type CommitmentsImportResult } from '../engine/plan/commitments-csv.js';
import type { QkIssue } from '../engine/shared/result.js';

/**
 * The first worksheet as CSV text, one line per sheet row (row n of the sheet is line n), so the
 * parser's line numbers are the sheet's row numbers. Numbers are written as the spreadsheet holds
 * them, cut to 15 significant digits as Excel shows them (no binary noise such as
 * `1200000.0000000002`); line breaks inside a text cell become spaces.
 */
export function sheetToCsv(sheet: XlsxSheet): string {
  // Trailing empty cells (formatted but blank) are dropped; rows are padded to the header's width,
  // so only a row with real cells beyond the header is reported as having too many fields.
  const used = (r: XlsxSheet['rows'][number]) => {
    let n = r.length;
    while (n > 0 && !r[n - 1]) n--;
    return n;
  };
  const width = used(sheet.rows[0] ?? []);
  const rows: CsvValue[][] = sheet.rows.map((r) =>
    Array.from({ length: used(r) ? Math.max(width, used(r)) : 0 }, (_, i) => {
      const c = r[i];
      if (!c) return null;
      if (typeof c.value === 'number') return Number(c.value.toPrecision(15));
      if (typeof c.value === 'boolean') return c.value ? 'TRUE' : 'FALSE';
      return c.value.replace(/\r\n|[\r\n]/g, ' ');
    }),
  );
  // csvField writes numeric-looking text unquoted, and an empty row as an empty line.
  return csvText(rows.map((r) => (r.length ? r : [null])), { newline: '\n' });
}

/**
 * Reads targets from the bytes of a CSV or .xlsx file: all or nothing, like `parseTargetsCsv`.
 * An .xlsx file is read from its first worksheet; every problem carries `params.cell` (e.g. `C4`)
 * besides its row (`line`) and column. A file that is neither gives one `xlsx-unreadable` problem.
 *
 * @example readTargetsFile(await file.arrayBuffer(), { snapshot, metric: 'revenue' })
 */
export function readTargetsFile(data: ArrayBuffer | Uint8Array, options: ParseTargetsCsvOptions): CsvImportResult {
  return readFileWith(data, (text) => parseTargetsCsv(text, options));
}

/**
 * Reads reps' commitments from the bytes of a CSV or .xlsx file (issue 16 item 1): the targets
 * layout with the fiscal year's column, all or nothing (`parseCommitmentsCsv`), an .xlsx problem
 * naming its cell.
 *
 * @example readCommitmentsFile(await file.arrayBuffer(), { snapshot, metric: 'revenue' })
 */
export function readCommitmentsFile(data: ArrayBuffer | Uint8Array, options: ParseTargetsCsvOptions): CommitmentsImportResult {
  return readFileWith(data, (text) => parseCommitmentsCsv(text, options));
}

function readFileWith<R extends { ok: true } | { ok: false; error: QkIssue; errors: CsvIssue[] }>(
  data: ArrayBuffer | Uint8Array,
  parse: (text: string) => R,
): R {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (!looksLikeXlsx(bytes)) return parse(new TextDecoder('utf-8').decode(bytes));
  let sheets: XlsxSheet[];
  try {
    sheets = readXlsx(bytes);
  } catch (e) {
    const issue: CsvIssue = { code: 'xlsx-unreadable', message: e instanceof XlsxFormatError ? e.message : 'the file cannot be read', line: 1, column: 0, params: { line: 1, column: 0 } };
    return { ok: false, error: { code: 'csv-invalid', message: issue.message, params: { count: 1, line: 1 } }, errors: [issue] } as unknown as R;
  }
  const r = parse(sheetToCsv(sheets[0]!));
  if (r.ok) return r;
  return {
    ...r,
    errors: r.errors.map((e) => (e.column > 0 ? { ...e, params: { ...e.params, cell: `${columnLetters(e.column)}${e.line}` } } : e)),
  };
}
