import type { ReactiveElement } from 'lit';
import type { OrgIndex } from '../../engine/plan/rollup.js';
import { toStoreError, type QkStore, type StoreError } from '../../store/store.js';
import { Memo } from '../../internal/memo.js';
import { gridRows, type GridRows } from './goal-tree.model.js';

const NO_ROWS: GridRows = { rows: [], rowOf: new Map(), needsLoad: [] };

export interface TreeRowsOptions {
  index(): OrgIndex | null;
  expandDepth(): number;
  store(): QkStore | undefined;
  /** A lazy load of children failed (the row is collapsed again). */
  loadFailed(error: StoreError): void;
}

/**
 * The tree's rows: which nodes are open (`expand-depth`, then the user's toggles), and lazy loading
 * of children the store does not have yet (a loading row while they come). The rows are memoized on
 * the org index, the depth and a version bumped by every toggle or load.
 */
export class TreeRows {
  private readonly toggled = new Map<string, boolean>();
  private readonly loading = new Set<string>();
  private readonly loadedEmpty = new Set<string>();
  private version = 0;
  private readonly memo = new Memo<GridRows>();

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: TreeRowsOptions,
  ) {}

  /** The visible rows (the last ones while there is no org index). */
  get model(): GridRows {
    const index = this.options.index();
    if (!index) return this.memo.last ?? NO_ROWS;
    const expandDepth = this.options.expandDepth();
    return this.memo.get([this.version, expandDepth, index], () =>
      gridRows(index, { expandDepth, toggled: this.toggled, loading: this.loading, loadedEmpty: this.loadedEmpty }),
    );
  }

  /** Opens or closes a row (toggles without `expand`); returns false when there is nothing to do. */
  toggle(row: number, expand?: boolean): boolean {
    const r = this.model.rows[row];
    if (!r || r.kind !== 'node' || !r.expandable) return false;
    const want = expand ?? !r.expanded;
    if (want === r.expanded) return false;
    this.toggled.set(r.id, want);
    this.version++;
    if (want && this.options.index()!.children(r.id).length === 0) this.startLoad(r.id, true);
    this.host.requestUpdate();
    return true;
  }

  /** Starts loading the children the open rows still need (called before an update). */
  loadPending(): void {
    const model = this.model;
    if (model.needsLoad.length) {
      for (const id of model.needsLoad) this.startLoad(id, false);
    }
  }

  /** Opens every ancestor of a node; returns true when one was closed. */
  openAncestors(nodeId: string): boolean {
    const index = this.options.index();
    if (!index) return false;
    let opened = false;
    for (const a of index.ancestors(nodeId)) {
      if (this.model.rows[this.model.rowOf.get(a) ?? -1]?.expanded) continue;
      this.toggled.set(a, true);
      opened = true;
    }
    if (opened) this.version++;
    return opened;
  }

  private startLoad(id: string, render: boolean): void {
    const s = this.options.store();
    if (!s || this.loading.has(id)) return;
    this.loading.add(id);
    this.version++;
    if (render) this.host.requestUpdate();
    s.loadChildren(id)
      .then((kids) => {
        if (kids.length === 0) this.loadedEmpty.add(id);
      })
      .catch((e: unknown) => {
        this.toggled.set(id, false);
        this.options.loadFailed(toStoreError(e, 'load-failed'));
      })
      .finally(() => {
        this.loading.delete(id);
        this.version++;
        this.host.requestUpdate();
      });
  }
}
