/**
 * What every benchmark page shares: the same generated company, decomposed the same way, the same
 * row order, the same number format, and the same clocks. A page builds its grid on this data and
 * exposes a {@link BenchPage} on `window.bench`; bench/run.mjs drives it.
 */
import { decomposePlan } from '../../src/engine/plan/edit.js';
import type { PlanSnapshot, TargetCell } from '../../src/engine/plan/model.js';
import { formatMoney } from '../../src/engine/money/money.js';
import { fiscalYearMonths } from '../../src/engine/calendar/periods.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';

/** 1 company → 20 regions → 500 teams → 10,000 reps: the default plan. */
export const SIZE = { regions: 20, teamsPerRegion: 25, repsPerTeam: 20 } as const;

export type PlanSize = { regions: number; teamsPerRegion: number; repsPerTeam: number };

/**
 * A plan of `reps` reps shaped like the default one (25 teams a region, 20 reps a team; the number
 * of regions grows): 1,000 → 2 regions, 10,000 → 20, 50,000 → 100.
 */
export function sizeFor(reps: number): PlanSize {
  const regions = Math.max(1, Math.round(reps / (SIZE.teamsPerRegion * SIZE.repsPerTeam)));
  return { regions, teamsPerRegion: SIZE.teamsPerRegion, repsPerTeam: SIZE.repsPerTeam };
}

/** The plan size a page was opened for (`?reps=50000`), else {@link SIZE}. */
export function pageSize(): PlanSize {
  const reps = Number(new URLSearchParams(location.search).get('reps'));
  return reps > 0 ? sizeFor(reps) : { ...SIZE };
}

/** What a page measures; every figure is in milliseconds except the DOM count. */
export interface BenchPage {
  /** Creates the grid on prepared data and resolves with element created → first rows painted. */
  render(): Promise<number>;
  /** Edits one rep's month and resolves with edit → rebalanced siblings in the DOM and laid out. */
  edit(run: number): Promise<number>;
  /** Jumps to the last row and resolves with jump → last rows painted. */
  scrollToLast(): Promise<number>;
  /** Jumps back to the first row (not timed). */
  scrollToTop(): Promise<void>;
  /** Nodes (elements, text, comments) in the grid, its shadow roots included. */
  domNodes(): number;
  /** The grid element's border box, `width×height` in px (both grids must fill the same box). */
  box(): string;
  /** Rows of the fully expanded tree. */
  rows: number;
  /** qk-goal-tree only: the scroller height that makes the element fill the box. */
  scrollerHeight?: number;
  /** Removes the grid so the next render starts from nothing. */
  remove(): void;
}

export interface BenchData {
  snapshot: PlanSnapshot;
  /** The 12 month ids of the fiscal year, the grid's columns. */
  months: string[];
  /** Node ids in depth-first order: the rows of the fully expanded tree. */
  rows: string[];
  names: Map<string, string>;
  parents: Map<string, string | null>;
  children: Map<string, string[]>;
  /** All-product revenue targets by node: the 12 months, then the year. */
  monthly: Map<string, number[]>;
}

/** The decomposition every page and the engine figure use: capacity × ramp, 3 products, 10% minimum for the new one. */
export function decomposeInput(snapshot: PlanSnapshot) {
  const { plan, org, products, targets } = snapshot;
  const mix: Record<string, number> = { cloud: 50, analytics: 36, ai: 14 };
  return {
    nodes: org,
    total: targets.find((c) => c.nodeId === org[0]!.id && c.period === `FY${plan.fiscalYear}` && !c.product)!.value,
    fiscalYear: `FY${plan.fiscalYear}`,
    months: fiscalYearMonths(plan.fiscalYear, plan.calendar),
    method: 'capacity' as const,
    products: products.map((p) => ({ id: p.id, new: p.new, weight: mix[p.id] ?? 1 })),
    minNewShare: 0.1,
  };
}

/** Generates the company (no history, few actuals: only the plan matters here) and decomposes it. */
export function benchData(size: PlanSize = pageSize()): BenchData {
  const { plan } = generateSampleCompany({ ...size, historyYears: 0, dealsPerRepMonth: 0.05, opportunitiesPerRep: 0 });
  const input = decomposeInput(plan);
  const r = decomposePlan(input);
  if (!r.ok) throw new Error(`decomposePlan failed: ${r.error.code} ${r.error.message}`);
  const targets: TargetCell[] = r.value.cells;
  const snapshot: PlanSnapshot = { ...plan, targets };

  const names = new Map(plan.org.map((n) => [n.id, n.name]));
  const parents = new Map(plan.org.map((n) => [n.id, n.parentId]));
  const children = new Map<string, string[]>(plan.org.map((n) => [n.id, []]));
  for (const n of plan.org) if (n.parentId !== null) children.get(n.parentId)!.push(n.id);
  const rows: string[] = [];
  const walk = (id: string): void => {
    rows.push(id);
    for (const k of children.get(id)!) walk(k);
  };
  walk(plan.org.find((n) => n.parentId === null)!.id);

  const monthIndex = new Map([...input.months, input.fiscalYear].map((m, i) => [m, i]));
  const monthly = new Map(plan.org.map((n) => [n.id, new Array<number>(13).fill(0)]));
  for (const c of targets) {
    const i = monthIndex.get(c.period);
    if (i !== undefined && c.product === undefined && c.metric === 'revenue') monthly.get(c.nodeId)![i] = c.value;
  }
  return { snapshot, months: input.months, rows, names, parents, children, monthly };
}

/** The format qk-goal-tree shows amounts in (`¥12.35万`), so both grids format the same way. */
export const money = (minor: number): string => formatMoney(minor, { currency: 'CNY', locale: 'zh-CN', compact: true, digits: 2 });

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** Forces style and layout, so a figure includes the browser's work up to paint. */
export function layout(el: Element): void {
  el.getBoundingClientRect();
  void document.body.offsetHeight;
}

/** The text nodes of a grid, light DOM and shadow roots, each between \u0001 marks. */
export function shownText(root: Node): string {
  let text = '\u0001';
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) text += `${(node.nodeValue ?? '').trim()}\u0001`;
    const shadow = (node as Element).shadowRoot;
    if (shadow) for (const c of shadow.childNodes) visit(c);
    for (const c of node.childNodes) visit(c);
  };
  visit(root);
  return text;
}

export function boxOf(el: Element | null): string {
  const r = el?.getBoundingClientRect();
  return r ? `${Math.round(r.width)}×${Math.round(r.height)}` : 'none';
}

export function countNodes(root: Node): number {
  let n = 0;
  const visit = (node: Node): void => {
    n++;
    const shadow = (node as Element).shadowRoot;
    if (shadow) for (const c of shadow.childNodes) visit(c);
    for (const c of node.childNodes) visit(c);
  };
  visit(root);
  return n;
}

/**
 * Resolves with `performance.now()` at the first check where `done()` holds: right away (after
 * pending microtasks), then once per frame. Fails after `timeoutMs`.
 */
export async function until(done: () => boolean, what: string, timeoutMs = 60_000): Promise<number> {
  const start = performance.now();
  await Promise.resolve();
  while (!done()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await nextFrame();
  }
  return performance.now();
}

/** Every text of `texts` is shown, each as a whole text node. */
export const showsAll = (root: Node, texts: readonly string[]): boolean => {
  const shown = shownText(root);
  return texts.every((t) => shown.includes(`\u0001${t}\u0001`));
};

/** The box every grid fills, whichever page: both grids get exactly this size (bench/run.mjs checks). */
export const BOX = { width: 1200, height: 600 } as const;

/** A fixed-size box the grid fills, the same for every page. */
export function stage(): HTMLElement {
  const box = document.createElement('div');
  box.style.cssText = `width: ${BOX.width}px; height: ${BOX.height}px; position: relative; font: 14px system-ui, sans-serif;`;
  document.body.style.margin = '0';
  document.body.append(box);
  return box;
}

declare global {
  interface Window {
    bench?: BenchPage;
    benchReady?: Promise<void>;
    benchError?: string;
  }
}
