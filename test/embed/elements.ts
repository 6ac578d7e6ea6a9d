/**
 * The elements the embedding tests exercise, and how a host gives each one data. Every test in
 * test/embed loops over this list instead of naming elements; `elements.test.ts` fails when a
 * `src/define/qk-*.ts` exists that is not listed here (add it, then every host test covers it).
 *
 * `data`: what `.data` gets when the element stands alone — `'sample'` is `generateSampleCompany()`
 * (星辰科技), `'small'` the hand-made `smallFixture()`. Every widget also works under a
 * `qk-provider` (shared store), which is how most host pages use them.
 * `events`: the events it fires (its `@fires`), which the React wrapper exposes as `onQk…` props.
 */
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { smallFixture } from '../fixtures/small-plan.js';

export interface EmbedElement {
  tag: string;
  /** Attributes a plain-HTML host would write on it (none are required). */
  attrs: Record<string, string>;
  /** Extra attributes when it stands alone on `.data` (no provider, so no adapter to name the user). */
  aloneAttrs?: Record<string, string>;
  data: 'sample' | 'small';
  events: readonly string[];
}

export const PROVIDER_TAG = 'qk-provider';

export const ELEMENTS: readonly EmbedElement[] = [
  { tag: 'qk-goal-tree', attrs: {}, data: 'sample', events: ['qk-target-change', 'qk-focus-change', 'qk-error'] },
  { tag: 'qk-funnel-inverter', attrs: {}, data: 'sample', events: ['qk-funnel-change', 'qk-error'] },
  { tag: 'qk-attainment-gauge', attrs: { period: 'FY2026' }, data: 'sample', events: ['qk-alert', 'qk-error'] },
  { tag: 'qk-pace-chart', attrs: { period: 'FY2026' }, data: 'sample', events: ['qk-alert', 'qk-error'] },
  { tag: 'qk-adjustment-panel', attrs: {}, aloneAttrs: { 'user-id': 'u-east' }, data: 'small', events: ['qk-adjustment-request', 'qk-adjustment-commit', 'qk-focus-change', 'qk-error'] },
  { tag: 'qk-incentive-calculator', attrs: {}, data: 'sample', events: ['qk-focus-change', 'qk-error'] },
  { tag: 'qk-incentive-plan-editor', attrs: {}, data: 'sample', events: ['qk-incentive-plan-save', 'qk-error'] },
  { tag: 'qk-review-board', attrs: {}, data: 'sample', events: ['qk-review-apply', 'qk-error'] },
  { tag: 'qk-scorecard', attrs: {}, data: 'sample', events: ['qk-focus-change', 'qk-error'] },
];

/**
 * Elements with a define module that the kit's pages do not show yet (none: every define module is
 * registered by \`quotakit\` and shown on every example page).
 */
export const NOT_YET_IN_PAGES: readonly string[] = [];

/** Every tag a page can use, the provider included. */
export const ALL_TAGS: readonly string[] = [PROVIDER_TAG, ...ELEMENTS.map((e) => e.tag)].sort();

/** The attributes of `e` when it stands alone on `.data`. */
export function aloneAttrs(e: EmbedElement): Record<string, string> {
  return { ...e.attrs, ...e.aloneAttrs };
}

/** Fresh data for an element standing alone (a new object each call: elements never share it). */
export function dataFor(e: EmbedElement): { plan: unknown; actuals?: unknown } {
  return e.data === 'small' ? smallFixture() : generateSampleCompany();
}

/** Data that fails validation: every element shows its error state and fires `qk-error`. */
export const BAD_DATA = { plan: { plan: {} } };
