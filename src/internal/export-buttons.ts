import { html, type TemplateResult } from 'lit';
import type { Translation } from '../i18n/types.js';

/** The shared strings only (every element's `this.t` has them, whatever sections it registered). */
type SharedStrings = Pick<Translation, 'common'>;
import type { ExportFormat, ExportTable } from '../export/table.js';

/**
 * Builds the tables, loads the export module on demand (`import()`: a page that never exports
 * never downloads it) and saves the file. Resolves to the file name.
 */
export async function exportTables(build: () => ExportTable[], format: ExportFormat, base: string): Promise<string> {
  const { saveTables } = await import('../export/index.js');
  return saveTables(build(), format, base).name;
}

/** The "Export CSV" and "Export Excel" buttons of an element's header (`export-csv`, `export-xlsx` parts). */
export function renderExportButtons(t: SharedStrings, run: (format: ExportFormat) => void): TemplateResult {
  return html`<span class="qk-export" part="exports"
    ><button part="export export-csv" @click=${() => run('csv')}>${t.common.exportCsv}</button
    ><button part="export-xlsx" @click=${() => run('xlsx')}>${t.common.exportXlsx}</button></span
  >`;
}
