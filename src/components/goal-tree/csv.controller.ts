import { parseTargetsCsv, targetsToCsv, TARGET_CSV_HEADERS } from '../../engine/plan/csv.js';
import { localizeIssue } from '../../i18n/localize-issue.js';
import type { CsvImportResult } from '../../engine/plan/csv.js';
import { exportTables } from '../../internal/export-buttons.js';
import type { GoalTreeView } from './goal-tree.view.js';
import type { GridEdits } from './grid-edits.controller.js';

/**
 * CSV in and out of the goal tree: exports the grid as shown (open rows, the period columns and
 * the fiscal year), imports a file all or nothing (a file with any problem changes nothing and
 * lists every problem with its line; a clean one is one undo step).
 */
export class CsvTransfer {
  private _errors: string[] = [];

  constructor(
    private readonly view: GoalTreeView,
    private readonly edits: GridEdits,
  ) {}

  /** The problems of the last rejected import, one line each (nothing was applied). */
  get errors(): string[] {
    return this._errors;
  }
  private set errors(v: string[]) {
    if (v === this._errors) return;
    this._errors = v;
    this.view.host.requestUpdate();
  }

  /**
   * The grid as it is shown, for both exports: the period columns, then the fiscal year itself as
   * a column headed by its id, so the file imports back (a "total" column would be ignored on
   * import); one row per open node.
   */
  private shown() {
    const v = this.view;
    const snap = v.store()?.snapshot;
    const reader = v.reader();
    if (!snap || !reader) return null;
    const fy = `FY${snap.plan.fiscalYear}`;
    const periods = [...v.columns().filter((c) => c.kind === 'period' && c.period !== fy).map((c) => c.period), fy];
    const rows = v.rows().rows.flatMap((r) =>
      r.kind === 'node' ? [{ nodeId: r.id, name: v.nameOf(r.id), values: Object.fromEntries(periods.map((p) => [p, reader.value(r.id, p) ?? null])) }] : [],
    );
    return { snap, metric: v.metric(), product: v.product(), fy, periods, rows };
  }

  /** Downloads the grid as it is shown (expanded rows, period columns and the total) as CSV. */
  readonly exportCsv = (): void => {
    const v = this.view;
    const shown = this.shown();
    if (!shown) return;
    const { snap, metric, product, fy, periods, rows } = shown;
    const text = targetsToCsv(rows, {
      periods, metric, ...(product ? { product } : {}),
      currency: snap.plan.currency, headers: TARGET_CSV_HEADERS[v.locale()], bom: true,
    });
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${snap.plan.id}-${fy}-${metric}${product ? `-${product}` : ''}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  /**
   * Downloads the grid as shown as an Excel workbook (.xlsx): the same columns as the CSV, money
   * as numbers with the currency's format. The writer is loaded on demand.
   */
  readonly exportXlsx = async (): Promise<string | null> => {
    const v = this.view;
    const shown = this.shown();
    if (!shown) return null;
    const { snap, metric, product, fy, periods, rows } = shown;
    const { targetsTable } = await import('../../export/targets.js');
    return exportTables(
      () => [targetsTable(rows, { periods, metric, ...(product ? { product } : {}), currency: snap.plan.currency, headers: TARGET_CSV_HEADERS[v.locale()], name: v.t().goalTree.title })],
      'xlsx',
      `${snap.plan.id}-${fy}-${metric}${product ? `-${product}` : ''}`,
    );
  };

  /** Opens the file picker (the hidden `import-file` input). */
  readonly pickCsv = (): void => {
    this.view.host.renderRoot.querySelector<HTMLInputElement>('input[part~="import-file"]')?.click();
  };

  readonly onCsvFile = async (e: Event): Promise<void> => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) await this.importFile(file);
  };

  /**
   * Imports targets from a file a person picked, CSV or .xlsx (told apart by content), all or
   * nothing, with the same rules and row-numbered problems for both. The reader loads on demand.
   */
  async importFile(file: Blob): Promise<boolean> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const s = this.view.store();
    if (!s?.snapshot) return false;
    const { readTargetsFile } = await import('../../export/import.js');
    return this.applyImport(readTargetsFile(bytes, { snapshot: s.snapshot, metric: this.view.metric() }));
  }

  /** Imports targets from CSV text, all or nothing; false when nothing could be applied. */
  importCsv(text: string): boolean {
    const v = this.view;
    const s = v.store();
    if (!s?.snapshot) return false;
    return this.applyImport(parseTargetsCsv(text, { snapshot: s.snapshot, metric: v.metric() }));
  }

  private applyImport(r: CsvImportResult): boolean {
    const t = this.view.t();
    if (!r.ok) {
      this.errors = r.errors.map((i) => localizeIssue(t, i));
      this.edits.showError(r.error, 'input');
      return false;
    }
    this.errors = [];
    const { cells, changes } = this.edits.diff(r.value);
    if (!cells.length) {
      this.edits.message = t.goalTree.importEmpty;
      return true;
    }
    this.edits.message = '';
    this.edits.apply(cells, changes, t.goalTree.importLabel({ count: cells.length }), 'import');
    return true;
  }
}
