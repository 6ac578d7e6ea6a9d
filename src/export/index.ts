/**
 * Export to CSV and .xlsx, and import of targets from either. Loaded by `import()` from the
 * elements' export and import buttons, so a page that never exports downloads none of it.
 */
export { writeXlsx, readXlsx, looksLikeXlsx, columnLetters, XlsxFormatError } from './xlsx.js';
export type { XlsxCell, XlsxSheet, XlsxSheetInput, XlsxValue, XlsxColumnStyle } from './xlsx.js';
export { tableToCsv, tablesToXlsx, tablesToFile, tableSheet, moneyFormat, exportFileName } from './table.js';
export type { ExportTable, ExportColumn, ExportColumnKind, ExportCell, ExportFormat } from './table.js';
export { readCommitmentsFile, readTargetsFile, sheetToCsv } from './import.js';
export { saveTables } from './download.js';
export { targetsTable } from './targets.js';
