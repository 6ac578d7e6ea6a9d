/**
 * @vaadin/grid in tree mode on the benchmark data: a tree column of names and 12 month columns,
 * every node expanded, a synchronous data provider over prepared row objects (the fastest way to
 * feed it), cells rendered as text with the same money format as ours.
 */
import '@vaadin/grid/vaadin-grid.js';
import '@vaadin/grid/vaadin-grid-column.js';
import '@vaadin/grid/vaadin-grid-tree-column.js';
import type { Grid, GridDataProviderCallback, GridDataProviderParams } from '@vaadin/grid';
import type { GridColumn } from '@vaadin/grid/vaadin-grid-column.js';
import { applyTargetEdit } from '../../src/engine/plan/edit.js';
import { benchData, boxOf, countNodes, layout, money, nextFrame, showsAll, stage, until, type BenchPage } from './shared.js';

interface Row {
  id: string;
  name: string;
  months: number[];
  hasChildren: boolean;
  children: Row[];
}

window.benchReady = (async () => {
  const data = benchData();
  const box = stage();
  const rowsById = new Map<string, Row>();
  for (const id of data.rows) {
    rowsById.set(id, { id, name: data.names.get(id)!, months: [...data.monthly.get(id)!], hasChildren: data.children.get(id)!.length > 0, children: [] });
  }
  for (const id of data.rows) {
    const parent = data.parents.get(id);
    if (parent) rowsById.get(parent)!.children.push(rowsById.get(id)!);
  }
  const roots = [rowsById.get(data.rows[0]!)!];
  const expanded = [...rowsById.values()].filter((r) => r.hasChildren);
  const dataProvider = (params: GridDataProviderParams<Row>, callback: GridDataProviderCallback<Row>): void => {
    const list = params.parentItem ? params.parentItem.children : roots;
    const start = params.page * params.pageSize;
    callback(list.slice(start, start + params.pageSize), list.length);
  };

  let grid: Grid<Row> | null = null;
  const last = data.rows.slice(-3).map((id) => data.names.get(id)!);
  const first = [data.rows[0]!, data.rows[10]!].map((id) => data.names.get(id)!);
  // The hierarchical index of the last row: company 0 → last region → last team → last rep.
  const lastPath: number[] = [0];
  for (let id = data.rows[0]!; data.children.get(id)!.length > 0; ) {
    const kids = data.children.get(id)!;
    lastPath.push(kids.length - 1);
    id = kids[kids.length - 1]!;
  }

  const page: BenchPage = {
    async render() {
      const t0 = performance.now();
      const g = document.createElement('vaadin-grid') as Grid<Row>;
      g.style.height = '100%';
      g.itemIdPath = 'id';
      g.itemHasChildrenPath = 'hasChildren';
      g.expandedItems = expanded;
      const tree = document.createElement('vaadin-grid-tree-column');
      tree.path = 'name';
      tree.header = '名称';
      tree.width = '240px';
      g.append(tree);
      [...data.months, `FY${data.snapshot.plan.fiscalYear} 合计`].forEach((m, i) => {
        const col = document.createElement('vaadin-grid-column') as GridColumn<Row>;
        col.header = m;
        col.width = '130px';
        col.renderer = (root, _column, model) => {
          root.textContent = money(model.item.months[i]!);
        };
        g.append(col);
      });
      g.dataProvider = dataProvider;
      box.append(g);
      grid = g;
      // Grid is a LitElement, though its typings do not say so.
      await (g as unknown as { updateComplete: Promise<boolean> }).updateComplete;
      const t1 = await until(() => showsAll(g, first), 'the first rows');
      layout(g);
      return Math.max(t1, performance.now()) - t0;
    },

    async edit(run) {
      const g = grid!;
      // The first rep of the first team, month 3 (+¥10,000 per run); its 19 siblings rebalance.
      const team = data.children.get(data.children.get(data.rows[0]!)![0]!)![0]!;
      const reps = data.children.get(team)!;
      const m = 2;
      const old = rowsById.get(reps[0]!)!.months[m]!;
      await nextFrame();
      const t0 = performance.now();
      const r = applyTargetEdit(
        { parent: { id: team, value: rowsById.get(team)!.months[m]! }, children: reps.map((id) => ({ id, value: rowsById.get(id)!.months[m]! })) },
        { id: reps[0]!, value: old + 1_000_000 * (run + 1) },
        { mode: 'rebalance-siblings' },
      );
      if (!r.ok) throw new Error(r.error.message);
      // The changed reps' year totals follow, as in qk-goal-tree.
      for (const c of r.value.changes) {
        const row = rowsById.get(c.id)!.months;
        row[12] = row[12]! + c.to - c.from;
        row[m] = c.to;
      }
      g.requestContentUpdate();
      const watch = [money(r.value.values[reps[0]!]!), money(r.value.values[reps[7]!]!)];
      await until(() => showsAll(g, watch), 'the rebalanced siblings');
      layout(g);
      return performance.now() - t0;
    },

    async scrollToLast() {
      const g = grid!;
      if (showsAll(g, last)) throw new Error('the last rows are shown before the jump');
      await nextFrame();
      const t0 = performance.now();
      g.scrollToIndex(...lastPath);
      const t1 = await until(() => showsAll(g, last), 'the last rows', 900_000);
      layout(g);
      return Math.max(t1, performance.now()) - t0;
    },

    async scrollToTop() {
      const g = grid!;
      g.scrollToIndex(0);
      await until(() => showsAll(g, first), 'the first rows');
    },

    domNodes: () => countNodes(grid!),
    box: () => boxOf(grid),
    rows: data.rows.length,

    remove() {
      grid?.remove();
      grid = null;
    },
  };
  window.bench = page;
})().catch((e: unknown) => {
  window.benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
});
