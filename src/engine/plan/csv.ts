/**
 * CSV export of the goal tree's visible grid and CSV import of targets.
 *
 * The file is the grid as a person sees it: one row per org node, fixed columns (node id, name,
 * metric, optional product line) and one column per period, headed by the period id (`2026-01`,
 * `FY2026-Q1`, `FY2026`), which reads the same in every language. Money is written as plain decimal
 * yuan (`1200000.00`) so a spreadsheet parses it as a number; import also accepts what a person
 * types (`120万`, `1,200,000`, `¥1,200,000.00`).
 *
 * Import is all-or-nothing: every problem of the file is listed with its line and column, and no
 * cell is returned until the file is clean.
 */
import { METRIC_IDS, METRICS, type MetricId, type PlanSnapshot, type TargetCell } from './model.js';
import { parseMoney, toDecimalString } from '../money/money.js';
import { periodsOf } from '../calendar/periods.js';
import type { QkIssue } from '../shared/result.js';

/** The localized names of the fixed columns. Period columns are headed by their period id. */
export interface TargetCsvHeaders {
  nodeId: string;
  name: string;
  metric: string;
  product: string;
  total: string;
}

/** The headers the kit writes; import recognizes both sets (and the keys themselves, e.g. `nodeId`). */
export const TARGET_CSV_HEADERS: Readonly<Record<'en' | 'zh-CN', TargetCsvHeaders>> = {
  en: { nodeId: 'Node ID', name: 'Name', metric: 'Metric', product: 'Product', total: 'Total' },
  'zh-CN': { nodeId: '节点编号', name: '名称', metric: '指标', product: '产品线', total: '合计' },
};

/** Other spellings people (or other tools) use for the fixed columns, after {@link headerKey}. */
const HEADER_ALIASES: Readonly<Record<keyof TargetCsvHeaders, readonly string[]>> = {
  nodeId: ['nodeid', 'id', 'node', '节点id', '编号', '组织编号'],
  name: ['nodename', '节点名称', '组织', '姓名'],
  metric: ['metricid', '指标id'],
  product: ['productid', 'productline', '产品', '产品id'],
  total: ['合计', '总计', '全年'],
};

const FIXED = ['nodeId', 'name', 'metric', 'product', 'total'] as const;

/** One visible row of the grid: a node and its values by period id (absent or null: empty cell). */
export interface TargetCsvRow {
  nodeId: string;
  name: string;
  values: Readonly<Record<string, number | null | undefined>>;
  /** The row's total column, when the grid shows one. */
  total?: number | null;
}

export interface TargetsToCsvOptions {
  /** The period columns in grid order. */
  periods: readonly string[];
  metric: MetricId;
  /** The product line the grid shows; absent: the all-products total, and no product column. */
  product?: string;
  /** The plan's ISO 4217 currency, for money metrics. */
  currency: string;
  /** Localized names of the fixed columns, e.g. `TARGET_CSV_HEADERS['zh-CN']` or the element's strings. */
  headers: TargetCsvHeaders;
  /** Add a total column after the periods (written, ignored on import). */
  total?: boolean;
  /** Start with a UTF-8 byte-order mark, so Excel opens Chinese text as UTF-8. Default false. */
  bom?: boolean;
  /** Line ending, default `\r\n` as RFC 4180 says. */
  newline?: '\r\n' | '\n';
}

// ---- writing --------------------------------------------------------------------------

export type CsvValue = string | number | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * One CSV field (RFC 4180): numbers are written as they are; text a spreadsheet would run as a
 * formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, and a
 * field with a comma, a quote or a line break is quoted with quotes doubled. `null` is empty.
 *
 * @example csvField('=SUM(A1)') // "'=SUM(A1)"
 * @example csvField('华东, 一部') // '"华东, 一部"'
 * @example csvField(-12.5) // '-12.5'
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return NUMBER.test(value) ? value : csvTextField(value);
}

/**
 * A field that is text even when it looks like a number (an id such as `-1`): made inert for
 * spreadsheets with a leading `'` when it starts with `=`, `+`, `-`, `@`, a tab or a carriage
 * return, and quoted when RFC 4180 requires it.
 */
export function csvTextField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Rows to CSV text, `\r\n` after every line (RFC 4180). With `bom`, a UTF-8 byte-order mark first
 * so Excel opens Chinese text as UTF-8.
 *
 * @example csvText([['a', 1], ['=b', null]]) // "a,1\r\n'=b,\r\n"
 */
export function csvText(rows: readonly (readonly CsvValue[])[], options: { bom?: boolean; newline?: '\r\n' | '\n' } = {}): string {
  const nl = options.newline ?? '\r\n';
  return (options.bom ? '\uFEFF' : '') + rows.map((r) => r.map(csvField).join(',') + nl).join('');
}

/**
 * Writes the visible grid as CSV text (RFC 4180): a header row of the given localized names and
 * the period ids, then one line per row. Fields with a comma, a quote or a line break are quoted,
 * quotes doubled. Text that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) gets a leading `'`, which import removes again. Money metrics
 * are written in major units with the currency's decimals (120000000 分 → `1200000.00`), counts as
 * whole numbers; a missing value is an empty field.
 *
 * @example
 * targetsToCsv([{ nodeId: 'east', name: '华东, 一部', values: { '2026-01': 120000000 } }],
 *   { periods: ['2026-01'], metric: 'revenue', currency: 'CNY', headers: TARGET_CSV_HEADERS.en })
 * // 'Node ID,Name,Metric,2026-01\r\neast,"华东, 一部",revenue,1200000.00\r\n'
 */
export function targetsToCsv(rows: readonly TargetCsvRow[], options: TargetsToCsvOptions): string {
  const { periods, metric, product, currency, headers, total = false, bom = false, newline = '\r\n' } = options;
  const money = METRICS[metric]?.unit === 'money';
  const amount = (v: number | null | undefined): string =>
    typeof v === 'number' && Number.isSafeInteger(v) ? (money ? toDecimalString(v, currency) : String(v)) : '';
  const header = [headers.nodeId, headers.name, headers.metric, ...(product === undefined ? [] : [headers.product]), ...periods, ...(total ? [headers.total] : [])];
  const lines = [header.map(csvTextField)];
  for (const row of rows) {
    lines.push([
      csvTextField(row.nodeId),
      csvTextField(row.name),
      csvTextField(metric),
      ...(product === undefined ? [] : [csvTextField(product)]),
      ...periods.map((p) => amount(row.values[p])),
      ...(total ? [amount(row.total)] : []),
    ]);
  }
  return (bom ? '\uFEFF' : '') + lines.map((l) => l.join(',')).join(newline) + newline;
}

/** A problem in an imported file: where (1-based physical line and field number) and why. */
export interface CsvIssue extends QkIssue {
  line: number;
  column: number;
}

export type CsvImportResult =
  | { ok: true; value: TargetCell[] }
  /** `error` summarizes (code `csv-invalid`, for `qk-error`); `errors` lists every problem. */
  | { ok: false; error: QkIssue; errors: CsvIssue[] };

export interface ParseTargetsCsvOptions {
  /** The plan the targets belong to: its org, product lines, currency and fiscal year. */
  snapshot: Pick<PlanSnapshot, 'plan' | 'org' | 'products'>;
  /** The metric of every row when the file has no metric column. */
  metric?: MetricId;
  /** More header names to recognize, e.g. the element's localized strings if they were changed. */
  headers?: readonly Partial<TargetCsvHeaders>[];
  /** An extra rule per cell (e.g. commitments: yearly, reps only): a problem is reported at the cell's line and column. */
  checkCell?: (cell: TargetCell) => { code: string; message: string; params?: Record<string, string | number> } | null;
}

/**
 * Reads targets from CSV text as {@link targetsToCsv} writes it, or as a person edits it in a
 * spreadsheet. The first line is the header: the fixed columns in English or Chinese (`Node ID`
 * or `节点编号`, `Name`/`名称`, `Metric`/`指标`, `Product`/`产品线`, `Total`/`合计`, in any order)
 * and period ids of the plan's fiscal year (the year, halves, quarters, months). Name and total
 * are for people and are ignored. A byte-order mark, `\r\n` or `\n` line ends and a final line
 * break are accepted; blank lines are skipped. Amounts go through `parseMoney` (money metrics:
 * `1200000.00`, `1,200,000`, `120万`), counts must be whole numbers (`1,200`); an empty field sets
 * nothing. Every cell comes back with `source: 'import'`.
 *
 * Errors (each with `line`, `column` and `params`): `csv-empty`, `csv-missing-column`
 * (`column`: nodeId, metric or period), `csv-duplicate-column`, `csv-unknown-period`,
 * `csv-unterminated-quote`, `csv-stray-quote`, `csv-column-count`, `csv-unknown-node`,
 * `csv-unknown-metric`, `csv-unknown-product`, `csv-bad-amount` (`reason`: the parseMoney code
 * or `count-invalid`), `csv-duplicate-cell`. If there is any, no cell is returned.
 *
 * @example
 * parseTargetsCsv('节点编号,名称,2026-01\neast,华东,120万\n', { snapshot, metric: 'revenue' })
 * // ok([{ nodeId: 'east', period: '2026-01', metric: 'revenue', value: 120000000, source: 'import' }])
 * parseTargetsCsv('Node ID,2026-01\neast,1.2.3\n', { snapshot, metric: 'revenue' })
 * // errors: [{ code: 'csv-bad-amount', line: 2, column: 2, params: { value: '1.2.3', reason: 'money-decimal-points', … } }]
 */
export function parseTargetsCsv(text: string, options: ParseTargetsCsvOptions): CsvImportResult {
  const { snapshot } = options;
  const errors: CsvIssue[] = [];
  const issue = (line: number, column: number, code: string, message: string, params: Record<string, string | number> = {}): void => {
    errors.push({ line, column, code, message, params: { line, column, ...params } });
  };

  const records = readRecords(text.replace(/^\uFEFF/, ''), issue);
  const [head, ...body] = records;
  if (!head || (head.fields.length === 1 && head.fields[0]!.text.trim() === '')) {
    if (errors.length === 0) issue(1, 1, 'csv-empty', 'the file has no header line');
    return failed(errors);
  }

  // ---- header ------------------------------------------------------------------------------
  const names = new Map<string, keyof TargetCsvHeaders>();
  for (const set of [TARGET_CSV_HEADERS.en, TARGET_CSV_HEADERS['zh-CN'], ...(options.headers ?? [])]) {
    for (const key of FIXED) if (set[key]) names.set(headerKey(set[key]), key);
  }
  for (const key of FIXED) {
    names.set(headerKey(key), key);
    for (const alias of HEADER_ALIASES[key]) names.set(alias, key);
  }
  const fy = snapshot.plan.fiscalYear;
  const planPeriods = new Set((['year', 'half', 'quarter', 'month'] as const).flatMap((g) => periodsOf(fy, g, snapshot.plan.calendar)));

  const fixedAt: Partial<Record<keyof TargetCsvHeaders, number>> = {};
  const periodAt: { index: number; period: string }[] = [];
  const seen = new Map<string, number>();
  head.fields.forEach((raw, i) => {
    const label = unescape(raw.text).trim();
    const fixed = names.get(headerKey(label));
    const id = fixed ?? label.toUpperCase();
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      issue(raw.line, i + 1, 'csv-duplicate-column', `column ${i + 1} repeats column ${earlier + 1} ("${label}")`, { name: label, first: earlier + 1 });
      return;
    }
    seen.set(id, i);
    if (fixed) fixedAt[fixed] = i;
    else if (planPeriods.has(id)) periodAt.push({ index: i, period: id });
    else issue(raw.line, i + 1, 'csv-unknown-period', `"${label}" is neither a known column nor a period of FY${fy}`, { value: label, fiscalYear: `FY${fy}` });
  });
  // Column 0: the problem is the header line as a whole, not one of its fields.
  const missing = (column: string): void => issue(head.line, 0, 'csv-missing-column', `the header has no ${column} column`, { name: column });
  if (fixedAt.nodeId === undefined) missing('nodeId');
  if (fixedAt.metric === undefined && options.metric === undefined) missing('metric');
  if (periodAt.length === 0 && !errors.some((e) => e.code === 'csv-unknown-period')) missing('period');
  if (errors.length > 0) return failed(errors);

  // ---- rows --------------------------------------------------------------------------------
  const nodes = new Set(snapshot.org.map((n) => n.id));
  const products = new Set(snapshot.products.map((p) => p.id));
  const currency = snapshot.plan.currency;
  const cells: TargetCell[] = [];
  const firstLine = new Map<string, number>();
  for (const record of body) {
    const { fields, line } = record;
    if (fields.length === 1 && fields[0]!.text === '' && !fields[0]!.quoted) continue;
    if (fields.length !== head.fields.length) {
      issue(line, Math.min(fields.length, head.fields.length) + 1, 'csv-column-count', `line ${line} has ${fields.length} fields, the header ${head.fields.length}`, { expected: head.fields.length, actual: fields.length });
      continue;
    }
    const at = (i: number) => ({ value: unescape(fields[i]!.text).trim(), line: fields[i]!.line, column: i + 1 });

    const node = at(fixedAt.nodeId!);
    const nodeOk = nodes.has(node.value);
    if (!nodeOk) issue(node.line, node.column, 'csv-unknown-node', `"${node.value}" is not a node of the plan`, { value: node.value });

    let metric = options.metric;
    if (fixedAt.metric !== undefined) {
      const m = at(fixedAt.metric);
      const parsed = m.value === '' ? options.metric : METRIC_IDS.find((id) => id.toLowerCase() === m.value.toLowerCase());
      metric = parsed && METRICS[parsed].unit !== 'ratio' ? parsed : undefined;
      if (!metric) issue(m.line, m.column, 'csv-unknown-metric', `"${m.value}" is not a metric that takes targets`, { value: m.value });
    }

    let product: string | undefined;
    if (fixedAt.product !== undefined) {
      const p = at(fixedAt.product);
      product = p.value === '' ? undefined : p.value;
      if (product !== undefined && !products.has(product)) {
        issue(p.line, p.column, 'csv-unknown-product', `"${p.value}" is not a product line of the plan`, { value: p.value });
        continue;
      }
    }
    if (!nodeOk || !metric) continue;

    for (const { index, period } of periodAt) {
      const f = at(index);
      if (f.value === '') continue;
      const amount = METRICS[metric].unit === 'money' ? parseMoney(f.value, { currency, locale: 'zh-CN' }) : parseCount(f.value);
      if (!amount.ok) {
        issue(f.line, f.column, 'csv-bad-amount', `"${f.value}" is not a valid amount`, { value: f.value, reason: amount.error.code });
        continue;
      }
      const key = JSON.stringify([node.value, period, metric, product ?? null]);
      const first = firstLine.get(key);
      if (first !== undefined) {
        issue(f.line, f.column, 'csv-duplicate-cell', `${node.value} ${period} is already given on line ${first}`, { nodeId: node.value, period, first });
        continue;
      }
      firstLine.set(key, line);
      const cell: TargetCell = { nodeId: node.value, period, metric, ...(product === undefined ? {} : { product }), value: amount.value, source: 'import' };
      const refused = options.checkCell?.(cell);
      if (refused) {
        issue(f.line, f.column, refused.code, refused.message, refused.params);
        continue;
      }
      cells.push(cell);
    }
  }
  return errors.length > 0 ? failed(errors) : { ok: true, value: cells };
}

function failed(errors: CsvIssue[]): CsvImportResult {
  const first = errors[0]!;
  return {
    ok: false,
    error: {
      code: 'csv-invalid',
      message: `the file has ${errors.length} problem(s); the first on line ${first.line}: ${first.message}`,
      params: { count: errors.length, line: first.line },
    },
    errors,
  };
}

/** Header comparison ignores case, spaces, `_` and `-`: `Node ID`, `node_id` and `nodeId` match. */
function headerKey(label: string): string {
  return label.toLowerCase().replace(/[\s_\-]/g, '');
}

/** Removes the `'` that {@link targetsToCsv} puts before text a spreadsheet would run as a formula. */
function unescape(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

/** A whole count ≥ 0, with or without thousands separators. */
function parseCount(text: string): { ok: true; value: number } | { ok: false; error: { code: string } } {
  if (!/^(\d+|\d{1,3}(,\d{3})+)$/.test(text)) return { ok: false, error: { code: 'count-invalid' } };
  const value = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(value) ? { ok: true, value } : { ok: false, error: { code: 'money-too-large' } };
}

interface CsvField {
  text: string;
  quoted: boolean;
  /** The physical line the field starts on (1-based). */
  line: number;
}

interface CsvRecord {
  fields: CsvField[];
  line: number;
}

/**
 * Splits RFC 4180 text into records. Quoted fields may hold commas, doubled quotes and line
 * breaks, so a record can span several physical lines; each field remembers the line it starts on
 * for the error messages. A quote that never closes, or text after a closing quote, is reported.
 */
function readRecords(text: string, issue: (line: number, column: number, code: string, message: string, params?: Record<string, string | number>) => void): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let fields: CsvField[] = [];
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    const start = line;
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= n) {
          issue(start, fields.length + 1, 'csv-unterminated-quote', `the quote opened on line ${start} is never closed`);
          return records;
        }
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        value += c;
        i++;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        issue(start, fields.length + 1, 'csv-stray-quote', `text follows the closing quote of field ${fields.length + 1}`);
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') i++;
      }
    } else {
      while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') value += text[i++];
    }
    fields.push({ text: value, quoted, line: start });
    if (i < n && text[i] === ',') {
      i++;
      continue;
    }
    // End of a record: a line break or the end of the text. A final line break ends the file.
    if (i < n) {
      i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    records.push({ fields, line: recordLine });
    fields = [];
    recordLine = line;
    if (i >= n) break;
  }
  return records;
}
