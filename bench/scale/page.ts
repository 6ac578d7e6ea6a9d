/**
 * Every element on a generated org (test/fixtures/large-org.ts) of a given size, at the company, in
 * headless Chromium: time from the element's creation to its first useful render (no loading
 * state left), the longest main-thread task in that time (PerformanceObserver `longtask`), and the
 * DOM and text the element holds. The paged lists (scorecard, incentive calculator) also time the
 * next page and a search by name. The provider rows time the MemoryAdapter's validation of every
 * record (`MemoryAdapter.create`, in slices, where the code has it; `new MemoryAdapter`, one task)
 * and the provider's load to a ready store. The dashboard row puts all eight elements on one
 * store at once, as a host page does.
 */
import '../../src/define/index.js';
import type { LitElement } from 'lit';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { largeOrg, LARGE_ORG_NAMED } from '../../test/fixtures/large-org.js';
import type { ActualsSnapshot, PlanSnapshot } from '../../src/engine/plan/model.js';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function until(check: () => boolean, limitMs = 600_000): Promise<boolean> {
  const t0 = performance.now();
  while (!check()) {
    if (performance.now() - t0 > limitMs) return false;
    await frame();
  }
  return true;
}

// Every main-thread task over 50 ms, as the browser reports them.
const tasks: { start: number; end: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) tasks.push({ start: e.startTime, end: e.startTime + e.duration });
}).observe({ type: 'longtask', buffered: true });

/** The longest task that ran (in part) between t0 and t1, ms (0 when none was over 50 ms). */
async function longestTask(t0: number, t1: number): Promise<{ longest: number; over200: number }> {
  await frame();
  await frame();
  const inside = tasks.filter((t) => t.end > t0 && t.start < t1);
  return { longest: Math.max(0, ...inside.map((t) => t.end - t.start)), over200: inside.filter((t) => t.end - t.start > 200).length };
}

export interface ElementFigures {
  tag: string;
  /** Creation → the first render without a loading state, ms. */
  first: number;
  /** The longest main-thread task during `first`, ms, and how many were over 200 ms. */
  longest: number;
  over200: number;
  /** Paged lists: next page click → rows painted, and typing a name → the one row painted, ms. */
  next?: number;
  search?: number;
  /** An error state was shown instead of the element. */
  error?: string;
  elements: number;
  characters: number;
}

const busy = (root: ShadowRoot) => !!root.querySelector('[aria-busy="true"], [part~="loading"]');
const rendered = (el: LitElement) => {
  const root = el.shadowRoot;
  return !!root && !busy(root) && root.querySelectorAll('*').length > 2;
};
const errorOf = (el: LitElement) => {
  const e = el.shadowRoot?.querySelector('[part~="error"], [role="alert"]');
  return e ? (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 120) : undefined;
};

interface Spec {
  tag: string;
  /** The row's name when the element is measured twice (default the tag). */
  name?: string;
  attrs: Record<string, string>;
  /** Properties set before the element is attached. */
  props?: Record<string, unknown>;
  /** A selector that must match once the element is ready (e.g. its first page of rows). */
  ready?: string;
  /** Paged list: the row selector, for the next page and search timings. */
  rows?: string;
}

const SPECS: Spec[] = [
  { tag: 'qk-goal-tree', attrs: { node: 'co', period: 'FY2026' }, ready: '[role="row"], tr' },
  { tag: 'qk-attainment-gauge', attrs: { node: 'co', period: 'FY2026' }, ready: 'svg' },
  { tag: 'qk-pace-chart', attrs: { node: 'co', period: 'FY2026' }, ready: 'svg' },
  { tag: 'qk-funnel-inverter', attrs: { node: 'co', period: 'FY2026' } },
  { tag: 'qk-review-board', attrs: { node: 'co', period: 'FY2026-Q1' } },
  { tag: 'qk-adjustment-panel', attrs: { 'user-id': 'u-admin' } },
  { tag: 'qk-scorecard', attrs: { node: 'co', period: 'FY2026-Q1' }, rows: 'table.ranking tbody tr' },
  { tag: 'qk-incentive-calculator', attrs: { node: 'co', period: 'FY2026' }, rows: '.team tbody tr' },
];

/**
 * The funnel inverter with every rate set (the large org has no history before FY2026, so the
 * element above has no rates and computes no what-if): the requirement split over every rep
 * (`computeFunnel`'s per-rep quotas), the weeks and the monthly schedule. Ready once the per-rep
 * table shows its first rows.
 */
const FUNNEL_WITH_RATES: Spec = {
  tag: 'qk-funnel-inverter',
  name: 'qk-funnel-inverter (rates set: per-rep quotas)',
  attrs: { node: 'co', period: 'FY2026' },
  props: {
    inputs: {
      avgDealSize: 5_000_000,
      stages: [{ id: 'lead', rate: 0.3, avgDays: 7 }, { id: 'demo', rate: 0.5, avgDays: 14 }, { id: 'quote', rate: 0.4, avgDays: 10 }, { id: 'won' }],
    },
  },
  ready: '.per-rep tbody tr',
};

function create(spec: Spec, store: QkStore): LitElement & { store?: QkStore } {
  const el = document.createElement(spec.tag) as LitElement & { store?: QkStore };
  el.setAttribute('lang', 'zh-CN');
  for (const [k, v] of Object.entries(spec.attrs)) el.setAttribute(k, v);
  Object.assign(el, spec.props ?? {});
  el.store = store;
  return el;
}

const readyOf = (spec: Spec, el: LitElement) => () =>
  rendered(el) && (!!errorOf(el) || !(spec.rows ?? spec.ready) || !!el.shadowRoot!.querySelector(spec.rows ?? spec.ready!));

async function measure(spec: Spec, store: QkStore): Promise<ElementFigures> {
  const el = create(spec, store);
  const t0 = performance.now();
  document.body.append(el);
  await until(readyOf(spec, el));
  void document.body.offsetHeight;
  const t1 = performance.now();
  const root = el.shadowRoot!;
  const out: ElementFigures = {
    tag: spec.name ?? spec.tag,
    first: t1 - t0,
    ...(await longestTask(t0, t1)),
    elements: root.querySelectorAll('*').length,
    characters: (root.textContent ?? '').length,
  };
  const error = errorOf(el);
  if (error) out.error = error;
  if (spec.rows && !error) {
    const firstName = root.querySelector(`${spec.rows} th`)?.textContent;
    const t2 = performance.now();
    root.querySelector<HTMLButtonElement>('[part~="page-next"]')?.click();
    await until(() => root.querySelector(`${spec.rows} th`)?.textContent !== firstName, 60_000);
    void document.body.offsetHeight;
    out.next = performance.now() - t2;
    const input = root.querySelector<HTMLInputElement>('input[part~="search"]')!;
    const t3 = performance.now();
    input.value = LARGE_ORG_NAMED.name;
    input.dispatchEvent(new Event('input'));
    await until(() => root.querySelectorAll(spec.rows!).length === 1, 60_000);
    void document.body.offsetHeight;
    out.search = performance.now() - t3;
  }
  el.remove();
  return out;
}

/** The store's warm-up after a load (`whenWarm`; a baseline without one has nothing to wait for). */
const warmed = (store: QkStore) => (store as { whenWarm?: () => Promise<void> }).whenWarm?.call(store);

function freshStore(plan: PlanSnapshot, actuals: ActualsSnapshot): QkStore {
  const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
  store.setData(plan, actuals, plan.users![0]);
  return store;
}

/**
 * `sliced`: the adapter made with `MemoryAdapter.create` (the constructor's checks in slices) where
 * the code has it, as a page with a large org should; else `new MemoryAdapter` (one task).
 */
async function provider(plan: PlanSnapshot, actuals: ActualsSnapshot, sliced = true): Promise<ElementFigures> {
  const t0 = performance.now();
  const create = (MemoryAdapter as { create?: (p: PlanSnapshot, a: ActualsSnapshot, o: object) => Promise<MemoryAdapter> }).create;
  const adapter = sliced && create ? await create.call(MemoryAdapter, plan, actuals, { user: 'u-admin' }) : new MemoryAdapter(plan, actuals, { user: 'u-admin' });
  const el = document.createElement('qk-provider') as LitElement & { adapter?: MemoryAdapter; store?: QkStore };
  el.setAttribute('as-of', '2026-03-31');
  el.setAttribute('autosave-ms', '0');
  el.adapter = adapter;
  document.body.append(el);
  const ok = await until(() => el.store?.status === 'ready' || el.store?.status === 'error');
  const t1 = performance.now();
  const tag = sliced ? 'qk-provider (MemoryAdapter.create or new, validation, load)' : 'qk-provider/new (new MemoryAdapter, validation, load)';
  const out: ElementFigures = { tag, first: t1 - t0, ...(await longestTask(t0, t1)), elements: 0, characters: 0 };
  if (!ok || el.store?.status !== 'ready') out.error = el.store?.error?.message ?? 'not ready';
  el.remove();
  return out;
}

async function dashboard(plan: PlanSnapshot, actuals: ActualsSnapshot): Promise<ElementFigures> {
  const store = freshStore(plan, actuals);
  await warmed(store);
  await frame();
  const els = SPECS.map((s) => create(s, store));
  const t0 = performance.now();
  document.body.append(...els);
  await until(() => SPECS.every((s, i) => readyOf(s, els[i])()));
  void document.body.offsetHeight;
  const t1 = performance.now();
  const out: ElementFigures = {
    tag: 'all eight on one store',
    first: t1 - t0,
    ...(await longestTask(t0, t1)),
    elements: els.reduce((n, e) => n + e.shadowRoot!.querySelectorAll('*').length, 0),
    characters: els.reduce((n, e) => n + (e.shadowRoot!.textContent ?? '').length, 0),
  };
  const errors = els.map(errorOf).filter(Boolean);
  if (errors.length) out.error = errors.join('; ');
  for (const e of els) e.remove();
  return out;
}

export interface ScaleFigures {
  nodes: number;
  /** Generating the org, ms. */
  data: number;
  /** `store.setData` (the read model's index), ms. */
  load: number;
  elements: ElementFigures[];
}

async function run(nodes: number, only?: string[]): Promise<ScaleFigures> {
  const t0 = performance.now();
  const { plan, actuals } = largeOrg({ nodes });
  const data = performance.now() - t0;
  const t1 = performance.now();
  const first = freshStore(plan, actuals);
  const load = performance.now() - t1;
  // Its warm-up runs to the end before anything is timed (it would share the provider's time).
  await warmed(first);
  const elements: ElementFigures[] = [];
  const want = (tag: string) => !only || only.some((o) => tag.includes(o));
  await frame();
  if (want('qk-provider/create')) elements.push(await provider(plan, actuals));
  if (want('qk-provider/new')) elements.push(await provider(plan, actuals, false));
  for (const spec of [...SPECS, FUNNEL_WITH_RATES]) {
    if (!want(spec.tag)) continue;
    // A store of its own per element: no element profits from roll-ups another one computed.
    const store = freshStore(plan, actuals);
    // The store warms its read model's first roll-ups in slices after a load (the provider row
    // times that, with the longest slice); the element is timed once that is done.
    await warmed(store);
    await frame();
    elements.push(await measure(spec, store));
  }
  if (want('dashboard')) elements.push(await dashboard(plan, actuals));
  return { nodes, data, load, elements };
}

declare global {
  interface Window {
    runScaleBench: typeof run;
  }
}
window.runScaleBench = run;
