/**
 * qk-scorecard and qk-incentive-calculator on a generated org (test/fixtures/large-org.ts) of a
 * given size, at the company: time from the element's creation to its first page of people on
 * screen, to the next page, and to a search by name, with the DOM and text the element holds.
 */
import '../../src/define/qk-scorecard.js';
import '../../src/define/qk-incentive-calculator.js';
import type { LitElement } from 'lit';
import { QkStore } from '../../src/store/store.js';
import { largeOrg, LARGE_ORG_NAMED } from '../../test/fixtures/large-org.js';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function until(check: () => boolean): Promise<void> {
  while (!check()) await frame();
}

export interface ElementFigures {
  /** Creation → the first page of rows painted, ms. */
  first: number;
  /** Next page click → rows painted, ms. */
  next: number;
  /** Typing a name → the one matching row painted, ms. */
  search: number;
  rows: number;
  elements: number;
  characters: number;
}

async function measure(tag: string, attrs: Record<string, string>, store: QkStore, rowSel: string): Promise<ElementFigures> {
  const el = document.createElement(tag) as LitElement & { store?: QkStore };
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.store = store;
  const rows = () => el.shadowRoot?.querySelectorAll(rowSel).length ?? 0;
  const t0 = performance.now();
  document.body.append(el);
  await until(() => rows() > 0);
  void document.body.offsetHeight;
  const first = performance.now() - t0;
  const root = el.shadowRoot!;
  const firstName = root.querySelector(`${rowSel} th`)?.textContent;
  const t1 = performance.now();
  root.querySelector<HTMLButtonElement>('[part~="page-next"]')?.click();
  await until(() => root.querySelector(`${rowSel} th`)?.textContent !== firstName);
  void document.body.offsetHeight;
  const next = performance.now() - t1;
  const figures = { rows: root.querySelectorAll('tr').length, elements: root.querySelectorAll('*').length, characters: (root.textContent ?? '').length };
  const input = root.querySelector<HTMLInputElement>('input[part~="search"]')!;
  const t2 = performance.now();
  input.value = LARGE_ORG_NAMED.name;
  input.dispatchEvent(new Event('input'));
  await until(() => rows() === 1);
  void document.body.offsetHeight;
  const search = performance.now() - t2;
  el.remove();
  return { first, next, search, ...figures };
}

export interface ScaleFigures {
  nodes: number;
  /** Generating the org and handing it to a store, ms. */
  data: number;
  scorecard: ElementFigures;
  incentive: ElementFigures;
}

async function run(nodes: number): Promise<ScaleFigures> {
  const t0 = performance.now();
  const { plan, actuals } = largeOrg({ nodes });
  const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false });
  store.setData(plan, actuals);
  const data = performance.now() - t0;
  const scorecard = await measure('qk-scorecard', { lang: 'zh-CN', node: 'co', period: 'FY2026-Q1' }, store, 'table.ranking tbody tr');
  const incentive = await measure('qk-incentive-calculator', { lang: 'zh-CN', node: 'co', period: 'FY2026' }, store, '.team tbody tr');
  return { nodes, data, scorecard, incentive };
}

declare global {
  interface Window {
    runScaleBench: typeof run;
  }
}
window.runScaleBench = run;
