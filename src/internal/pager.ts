import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatCount, type MoneyLocale } from '../engine/money/money.js';
import type { Steps } from '../engine/shared/steps.js';
import { StepRunner } from './step-runner.js';

/** People per page: enough to scan, few enough that a 100,000-person org renders a bounded DOM. */
export const PAGE_SIZE = 50;

/** The pager's text, from the element's own strings (numbers arrive formatted). */
export interface PagerStrings {
  searchLabel: string;
  /** What the list shows: `from`–`to` of `total`, or of the `matches` for `query` (null: no search). */
  status: (p: { from: string; to: string; matches: string; matchCount: number; total: string; query: string | null; onePage: boolean }) => string;
  pages: string;
  previous: string;
  next: string;
}

export interface PageView<T> {
  /** The people on the page. */
  items: readonly T[];
  /** 0-based index of the first of them among the matches. */
  start: number;
  /** How many match the search (all when there is none), and how many there are. */
  matches: number;
  total: number;
  page: number;
  pages: number;
}

const folded = new WeakMap<readonly unknown[], string[]>();
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

/** Names folded between two yields of `foldSteps`. */
export const FOLD_CHUNK = 2_000;

/**
 * The search's folded names of a list (NFKC, lower case), `FOLD_CHUNK` between yields: at 100,000
 * people folding every name is one long task, so a long list folds them in slices after its first
 * render, before anyone searches.
 */
export function* foldSteps<T>(list: readonly T[], nameOf: (item: T) => string): Steps<string[]> {
  const out: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    out[i] = fold(nameOf(list[i]));
    if (i % FOLD_CHUNK === FOLD_CHUNK - 1 && i < list.length - 1) yield { done: i + 1, total: list.length };
  }
  return out;
}

/**
 * A page of a long list of people, with a search by name: the element keeps its whole (ranked,
 * sorted) list in memory and renders `PAGE_SIZE` rows of it, so the DOM stays bounded however
 * large the org is. The search matches a part of the name (case- and width-insensitive) or the id.
 * Changing `scope` (another node or period) starts again from the first page with no search.
 */
export class PagerController implements ReactiveController {
  query = '';
  page = 0;
  private scope = '';
  private filteredFor: { list: readonly unknown[]; query: string } | null = null;
  private filtered: readonly unknown[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly size = PAGE_SIZE,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.folding?.runner.cancel();
    this.folding = null;
  }

  /** Whether the search's folded names of `list` are ready (folded in slices or by a search). */
  foldedFor(list: readonly unknown[]): boolean {
    return folded.has(list);
  }

  /** The long list whose names are being folded in slices (`foldSteps`), before a search needs them. */
  private folding: { list: readonly unknown[]; runner: StepRunner<string[]> } | null = null;

  view<T>(list: readonly T[], nameOf: (item: T) => string, idOf: (item: T) => string, scope: string): PageView<T> {
    if (scope !== this.scope) {
      this.scope = scope;
      this.query = '';
      this.page = 0;
    }
    if (list.length > FOLD_CHUNK && !folded.has(list) && this.folding?.list !== list) {
      this.folding?.runner.cancel();
      const done = (names: string[]) => {
        if (!folded.has(list)) folded.set(list, names);
        if (this.folding?.list === list) this.folding = null;
      };
      this.folding = { list, runner: new StepRunner(foldSteps(list, nameOf), { progress: () => {}, done, fail: () => (this.folding = null) }) };
    }
    const matches = this.matching(list, nameOf, idOf);
    const pages = Math.max(1, Math.ceil(matches.length / this.size));
    this.page = Math.min(Math.max(0, this.page), pages - 1);
    const start = this.page * this.size;
    return { items: matches.slice(start, start + this.size), start, matches: matches.length, total: list.length, page: this.page, pages };
  }

  private matching<T>(list: readonly T[], nameOf: (item: T) => string, idOf: (item: T) => string): readonly T[] {
    const q = fold(this.query.trim());
    if (!q) return list;
    if (this.filteredFor?.list === list && this.filteredFor.query === q) return this.filtered as readonly T[];
    let names = folded.get(list);
    // Searched before the slices are done: the rest is folded now.
    if (!names) {
      if (this.folding?.list === list) this.folding.runner.cancel();
      folded.set(list, (names = list.map((x) => fold(nameOf(x)))));
    }
    const out: T[] = [];
    for (let i = 0; i < list.length; i++) if (names[i].includes(q) || idOf(list[i]) === this.query.trim()) out.push(list[i]);
    this.filteredFor = { list, query: q };
    this.filtered = out;
    return out;
  }

  /** The search box, the status ("1–50 of 99,899 people") and previous / next; nothing for a list that fits one page. */
  render(v: PageView<unknown>, t: PagerStrings, locale: MoneyLocale): TemplateResult | typeof nothing {
    if (v.total <= this.size && !this.query) return nothing;
    const n = (x: number) => formatCount(x, locale);
    const query = this.query.trim() || null;
    const status = t.status({
      from: n(v.matches === 0 ? 0 : v.start + 1),
      to: n(v.start + v.items.length),
      matches: n(v.matches),
      matchCount: v.matches,
      total: n(v.total),
      query,
      onePage: v.pages === 1,
    });
    return html`<div part="list-tools" class="qk-list-tools">
      <label class="qk-search"><span>${t.searchLabel}</span><input part="search" type="search" autocomplete="off" spellcheck="false"
        .value=${live(this.query)} @input=${this.onSearch} /></label>
      <span part="page-status" class="qk-page-status" role="status">${status}</span>
      ${v.pages > 1
        ? html`<nav part="pager" class="qk-pager" aria-label=${t.pages}>
            <button part="page-previous" type="button" ?disabled=${v.page === 0} @click=${() => this.go(v.page - 1)}>${t.previous}</button>
            <button part="page-next" type="button" ?disabled=${v.page >= v.pages - 1} @click=${() => this.go(v.page + 1)}>${t.next}</button>
          </nav>`
        : nothing}
    </div>`;
  }

  private go(page: number): void {
    this.page = page;
    this.host.requestUpdate();
  }

  private onSearch = (e: Event): void => {
    this.query = (e.target as HTMLInputElement).value;
    this.page = 0;
    this.host.requestUpdate();
  };
}

/** Layout of the pager row (colours come from the element's tokens). */
export const pagerStyles = css`
  @layer qk-base {
    .qk-list-tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2) var(--_space);
      margin-block: calc(var(--_space) / 2);
    }
    .qk-search {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .qk-search input {
      font: inherit;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 2px 6px;
      inline-size: 12em;
      max-inline-size: 100%;
    }
    .qk-page-status {
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }
    .qk-pager {
      display: inline-flex;
      gap: 4px;
      margin-inline-start: auto;
    }
    .qk-pager button[disabled] {
      cursor: default;
      opacity: 0.6;
    }
  }
`;
