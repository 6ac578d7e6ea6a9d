/** Saving an export in the browser: a Blob behind a temporary link, clicked once. */
import { exportFileName, tablesToFile, type ExportFormat, type ExportTable } from './table.js';

/**
 * Builds the file of the tables and hands it to the browser as a download named after `base`
 * (`base.csv` or `base.xlsx`). Returns the file name and bytes (tests read them back).
 */
export function saveTables(tables: readonly ExportTable[], format: ExportFormat, base: string): { name: string; bytes: Uint8Array | string } {
  const { bytes, mime } = tablesToFile(tables, format);
  const name = exportFileName(base, format);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { name, bytes };
}
