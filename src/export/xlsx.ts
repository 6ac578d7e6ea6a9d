/**
 * A small .xlsx (Office Open XML SpreadsheetML) writer and reader.
 *
 * Writing: one worksheet per table, strings in the shared-string table (what Excel and WPS write
 * themselves), numbers as numbers with a number format from the style sheet, so money stays a
 * number that sums in the spreadsheet and still reads `¥1,200,000.00`. fflate does the zip.
 *
 * Reading: the cells of every sheet as values (text, number, boolean) with the number format code
 * of each number cell. It reads what Excel, WPS, LibreOffice and this writer produce: shared and
 * inline strings, rich-text runs (phonetic runs dropped), sparse rows and cells.
 *
 * Both run without a DOM (Node tests), and the module is loaded by `import()` only when a user
 * exports or imports, so a page that never does pays nothing for it.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** A cell to write: text, a number with an optional style, or empty. */
export type XlsxValue = string | number | null | undefined | { value: number; numFmt?: string | undefined };

export interface XlsxColumnStyle {
  /** Excel number format code, e.g. `"¥"#,##0.00`, `#,##0`, `0.0%`. Absent: General. */
  numFmt?: string;
  /** Column width in characters. */
  width?: number;
}

export interface XlsxSheetInput {
  /** Sheet name (at most 31 characters, no `[]:*?/\`; cleaned and made unique). */
  name: string;
  /** Rows of cells; the first row is the header (bold, frozen). */
  rows: readonly (readonly XlsxValue[])[];
  /** Per column: number format and width. */
  columns?: readonly XlsxColumnStyle[];
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Built-in number formats Excel does not store in styles.xml (ECMA-376 §18.8.30). */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 49: '@',
};

/** Text safe inside XML: the five entities escaped, characters XML 1.0 forbids removed. */
function esc(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Column number (1-based) to letters: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** Letters to column number (1-based): A → 1, AA → 27. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function sheetNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    let base = raw.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim().slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)}-${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * Writes a workbook. Numbers are written as numbers (`<v>1200000.5</v>`) with their column's
 * number format; text goes through the shared-string table; the header row is bold and frozen.
 *
 * @example writeXlsx([{ name: 'Targets', rows: [['Name', 'FY2026'], ['华东', 1200000]], columns: [{}, { numFmt: '"¥"#,##0.00' }] }])
 * // a Uint8Array starting with "PK": open it in Excel or WPS, B2 reads ¥1,200,000.00 and sums
 */
export function writeXlsx(sheets: readonly XlsxSheetInput[]): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const sharedString = (s: string): number => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  // Styles: 0 default, 1 bold header, then one per distinct number format.
  const formats: string[] = [];
  const styleOf = (numFmt: string | undefined): number => {
    if (!numFmt) return 0;
    let i = formats.indexOf(numFmt);
    if (i < 0) i = formats.push(numFmt) - 1;
    return 2 + i;
  };

  const names = sheetNames(sheets.map((s) => s.name));
  const sheetXml = sheets.map((sheet) => {
    const cols = sheet.columns ?? [];
    const width = Math.max(0, ...sheet.rows.map((r) => r.length));
    const colXml = Array.from({ length: width }, (_, i) => {
      const w = cols[i]?.width ?? Math.min(40, Math.max(8, ...sheet.rows.slice(0, 200).map((r) => displayWidth(r[i]))) + 2);
      return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
    }).join('');
    const rowsXml = sheet.rows
      .map((row, r) => {
        const cells = row
          .map((v, c) => {
            if (v === null || v === undefined || v === '') return '';
            const ref = `${columnLetters(c + 1)}${r + 1}`;
            if (typeof v === 'number' || typeof v === 'object') {
              const n = typeof v === 'number' ? v : v.value;
              if (!Number.isFinite(n)) return '';
              const s = r === 0 ? 1 : styleOf(typeof v === 'number' ? cols[c]?.numFmt : v.numFmt);
              return `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${n}</v></c>`;
            }
            return `<c r="${ref}"${r === 0 ? ' s="1"' : ''} t="s"><v>${sharedString(v)}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${cells}</row>`;
      })
      .join('');
    const pane = sheet.rows.length > 1 ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' : '';
    return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${width ? `<cols>${colXml}</cols>` : ''}<sheetData>${rowsXml}</sheetData></worksheet>`;
  });

  const numFmts = formats.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join('');
  const xfs = formats.map((_, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join('');
  const styles = `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">${formats.length ? `<numFmts count="${formats.length}">${numFmts}</numFmts>` : ''}<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${2 + formats.length}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const sst = `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join('')}</sst>`;
  const workbook = `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>${names.map((n, i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`;
  const workbookRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rId${names.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/><Relationship Id="rId${names.length + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const rootRels = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const contentTypes = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>${names
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`)
    .join('')}<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/></Types>`;

  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(contentTypes),
    '_rels/.rels': strToU8(rootRels),
    'xl/workbook.xml': strToU8(workbook),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels),
    'xl/styles.xml': strToU8(styles),
    'xl/sharedStrings.xml': strToU8(sst),
  };
  sheetXml.forEach((x, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(x)));
  return zipSync(files, { level: 6 });
}

/** Rough width in characters (CJK counts double), for the column widths. */
function displayWidth(v: XlsxValue): number {
  if (v === null || v === undefined) return 0;
  const s = typeof v === 'number' ? v.toLocaleString('en') : typeof v === 'object' ? v.value.toLocaleString('en') : v;
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFFF]/.test(ch) ? 2 : 1;
  return w;
}

// ---- reading ----------------------------------------------------------------------------------

/** A cell read back: its value and, for a number, the format code of its style. */
export interface XlsxCell {
  value: string | number | boolean;
  /** The number format code (`"¥"#,##0.00`, `#,##0`, `General`, …) for number cells. */
  format?: string;
}

export interface XlsxSheet {
  name: string;
  /** Dense rows from row 1: `rows[r][c]` is the cell at row r+1, column c+1, or null when empty. */
  rows: (XlsxCell | null)[][];
}

/** A file that is not an .xlsx workbook (not a zip, or no workbook part). */
export class XlsxFormatError extends Error {
  readonly code = 'xlsx-unreadable';
}

/** True when the bytes start like a zip archive (every .xlsx does). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const ENTITY: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unesc(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]!,
  );
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? unesc(m[1] ?? m[2] ?? '') : undefined;
}

/** The text of a string item: all `<t>` runs, without phonetic guides (`<rPh>`). */
function runText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)) out += unesc(m[1] ?? '');
  return out;
}

function resolvePath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * Reads every worksheet of a workbook: cell values (shared/inline strings, numbers, booleans) and
 * the number format of number cells. Throws {@link XlsxFormatError} for bytes that are not one.
 *
 * @example readXlsx(writeXlsx([{ name: 'T', rows: [['a', 1.5]], columns: [{}, { numFmt: '#,##0.00' }] }]))[0].rows
 * // [[{ value: 'a' }, { value: 1.5, format: 'General' }]]   (row 1 is the header: bold, General)
 */
export function readXlsx(bytes: Uint8Array): XlsxSheet[] {
  if (!looksLikeXlsx(bytes)) throw new XlsxFormatError('not an .xlsx file');
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new XlsxFormatError('the .xlsx archive is damaged');
  }
  const text = (path: string): string | undefined => {
    const f = files[path] ?? files[Object.keys(files).find((k) => k.toLowerCase() === path.toLowerCase()) ?? ''];
    return f ? strFromU8(f) : undefined;
  };
  const rootRels = text('_rels/.rels') ?? '';
  const bookTarget = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rootRels);
  const bookPath = bookTarget ? resolvePath('', attr(bookTarget[0], 'Target') ?? 'xl/workbook.xml') : 'xl/workbook.xml';
  const book = text(bookPath);
  if (!book) throw new XlsxFormatError('the archive has no workbook');
  const relsPath = bookPath.replace(/[^/]+$/, (f) => `_rels/${f}.rels`);
  const rels = new Map<string, { type: string; target: string }>();
  for (const m of (text(relsPath) ?? '').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    rels.set(attr(m[1]!, 'Id') ?? '', { type: attr(m[1]!, 'Type') ?? '', target: resolvePath(bookPath, attr(m[1]!, 'Target') ?? '') });
  }
  const partOf = (kind: string): string | undefined => [...rels.values()].find((r) => r.type.endsWith(`/${kind}`))?.target;

  const shared: string[] = [];
  for (const m of (text(partOf('sharedStrings') ?? 'xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) shared.push(runText(m[1] ?? ''));

  const styleXml = text(partOf('styles') ?? 'xl/styles.xml') ?? '';
  const custom = new Map<number, string>();
  for (const m of styleXml.matchAll(/<numFmt\b([^>]*)\/?>/g)) custom.set(Number(attr(m[1]!, 'numFmtId')), attr(m[1]!, 'formatCode') ?? '');
  const xfXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styleXml)?.[1] ?? '';
  const xfFormats = [...xfXml.matchAll(/<xf\b([^>]*)\/?>/g)].map((m) => Number(attr(m[1]!, 'numFmtId') ?? 0));
  const formatOf = (style: number): string => {
    const id = xfFormats[style] ?? 0;
    return custom.get(id) ?? BUILTIN_FORMATS[id] ?? `#${id}`;
  };

  const sheets: XlsxSheet[] = [];
  for (const m of book.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1]!, 'name') ?? `Sheet${sheets.length + 1}`;
    const rid = attr(m[1]!, 'r:id') ?? attr(m[1]!, 'id');
    const target = rid ? rels.get(rid)?.target : undefined;
    const xml = target ? text(target) : undefined;
    if (!xml) continue;
    const rows: (XlsxCell | null)[][] = [];
    let rowNo = 0;
    for (const rm of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      rowNo = Number(attr(rm[1]!, 'r') ?? rowNo + 1);
      const row: (XlsxCell | null)[] = [];
      let colNo = 0;
      for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const a = cm[1]!;
        const ref = attr(a, 'r');
        colNo = ref ? columnNumber(/^[A-Z]+/.exec(ref)?.[0] ?? 'A') : colNo + 1;
        const body = cm[2] ?? '';
        const type = attr(a, 't') ?? 'n';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        let cell: XlsxCell | null = null;
        if (type === 's') cell = v === undefined ? null : { value: shared[Number(v)] ?? '' };
        else if (type === 'inlineStr') cell = { value: runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '') };
        else if (type === 'str' || type === 'e' || type === 'd') cell = v === undefined ? null : { value: unesc(v) };
        else if (type === 'b') cell = v === undefined ? null : { value: v === '1' };
        else if (v !== undefined && v.trim() !== '') cell = { value: Number(v), format: formatOf(Number(attr(a, 's') ?? 0)) };
        while (row.length < colNo - 1) row.push(null);
        row[colNo - 1] = cell;
      }
      while (rows.length < rowNo - 1) rows.push([]);
      rows[rowNo - 1] = row;
    }
    sheets.push({ name, rows });
  }
  if (!sheets.length) throw new XlsxFormatError('the workbook has no worksheet');
  return sheets;
}
