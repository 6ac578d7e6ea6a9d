// `quotakit/ssr`: the elements rendered on a server (Node) with Lit's SSR, as declarative shadow DOM
// that the browser paints before any script runs and the client then hydrates (`quotakit/ssr/hydrate`).
// Node only: it needs `@lit-labs/ssr` (an optional peer dependency: install it beside quotakit).
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import '../define/index.js';
import { getTranslation, loadLocale, normalizeLocale } from '../i18n/localize.js';
import { preloadDataStore, provideDataStore } from '../internal/qk-element.js';

/** The read model's `.data` module (gauge, pace chart) with its full validator, for a synchronous render. */
const preloadReadDataStore = () =>
  import('../internal/read-data-store.js').then(async (m) => {
    await m.preloadValidator();
    provideDataStore('read', m);
  });

/** The elements drawn on the server: they show figures and need no user input to make sense. */
export const SSR_DISPLAY_TAGS = ['qk-attainment-gauge', 'qk-pace-chart', 'qk-scorecard', 'qk-review-board'] as const;

/**
 * The interactive elements: on the server they get their attributes, their JSON data and a
 * placeholder of about their rendered height (so the page does not jump when they upgrade); the
 * browser draws them. Heights in CSS pixels, as measured in Chromium for the sample company given as
 * `.data` (no provider), zh-CN, 1200 px wide; a host whose data draws taller or shorter passes
 * `placeholderHeight`.
 */
export const SSR_PLACEHOLDER_HEIGHTS = {
  'qk-goal-tree': 325,
  'qk-funnel-inverter': 1882,
  'qk-adjustment-panel': 182,
  'qk-incentive-calculator': 1670,
} as const;

export type QkSsrDisplayTag = (typeof SSR_DISPLAY_TAGS)[number];
export type QkSsrTag = QkSsrDisplayTag | keyof typeof SSR_PLACEHOLDER_HEIGHTS | 'qk-provider';

export interface RenderToStringOptions {
  /**
   * The language, written as the element's `lang` attribute unless `props.lang` is given (on the
   * server there is no `<html lang>` to inherit, and the client must render in the same language).
   * Default `en`.
   */
  locale?: string;
  /**
   * Markup to place inside the element, e.g. the dashboard inside a `qk-provider`, itself made of
   * `renderToString` results. It is inserted as is: never pass text from a user here.
   */
  children?: string;
  /** The placeholder height of an interactive element, in CSS pixels (default: `SSR_PLACEHOLDER_HEIGHTS`). */
  placeholderHeight?: number;
}

interface ElementClass {
  elementProperties: Map<PropertyKey, { attribute?: boolean | string; type?: unknown }>;
  jsonProps?: readonly string[];
  /** The element's string sections (`QkElement.strings`, a getter on the prototype). */
  prototype: { strings?: { register(): void } };
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// JSON inside <script>: no `<` at all, so neither `</script>` nor `<!--` can end or bend the element.
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Renders one QuotaKit element to HTML on a server, with data given as properties, e.g.
 * `await renderToString('qk-attainment-gauge', { data: { plan, actuals }, node: 'east', period: 'FY2026' }, { locale: 'zh-CN' })`.
 *
 * - A display element (`SSR_DISPLAY_TAGS`) comes out with its shadow root as
 *   `<template shadowrootmode="open">`: the figures are in the HTML, computed by the same engine
 *   the browser runs, and the browser shows them before any script has loaded.
 * - An interactive element comes out with a sized placeholder in its light DOM, hidden once the
 *   element upgrades (it renders into its own shadow root, which has no slot for it).
 * - `qk-provider` comes out with its attributes and `options.children`.
 *
 * Every property reaches the browser too, so the client renders the same thing and hydrates it
 * instead of redrawing: a property with an attribute becomes the attribute; an object property an
 * element reads from JSON (`data`, `model`, `people`, …) becomes a
 * `<script type="application/json" data-prop="…">` child. Any other property (an adapter, a
 * function) throws: set it in the browser.
 *
 * In the browser, import `quotakit/ssr/hydrate` before the elements' modules, and for zh-CN put its
 * strings in the first load (`provideZhCN()` from `quotakit/i18n/zh-cn-all`).
 */
export async function renderToString(tag: QkSsrTag, props: Record<string, unknown> = {}, options: RenderToStringOptions = {}): Promise<string> {
  const ctor = customElements.get(tag) as unknown as ElementClass | undefined;
  if (!ctor) throw new TypeError(`quotakit/ssr: <${tag}> is not a QuotaKit element`);
  const attrs = new Map<string, string | true>();
  const bindings: [string, unknown][] = [];
  let json = '';
  const lang = props.lang ?? options.locale;
  const all = { ...props, ...(lang ? { lang } : {}) };
  for (const [name, value] of Object.entries(all)) {
    if (value === undefined || value === null) continue;
    const declared = ctor.elementProperties.get(name);
    if (!declared) throw new TypeError(`quotakit/ssr: <${tag}> has no property "${name}"`);
    if (declared.attribute !== false) {
      const attr = typeof declared.attribute === 'string' ? declared.attribute : name.toLowerCase();
      if (declared.type === Boolean) {
        if (value) attrs.set(attr, true);
      } else attrs.set(attr, typeof value === 'object' ? JSON.stringify(value) : String(value));
    } else if (ctor.jsonProps?.includes(name)) {
      json += `<script type="application/json" data-prop="${escapeAttr(name)}">${scriptJson(value)}</script>`;
      bindings.push([name, value]);
    } else {
      throw new TypeError(`quotakit/ssr: <${tag}>.${name} cannot be carried to the browser (no attribute, no JSON form): set it in the browser`);
    }
  }
  const attrText = [...attrs].map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${escapeAttr(v)}"`)).join('');
  const children = options.children ?? '';
  const locale = normalizeLocale(typeof lang === 'string' ? lang : undefined) ?? 'en';
  ctor.prototype.strings?.register();
  await loadLocale(locale);
  // `.data` is validated by a module elements load on demand: have it before the synchronous render.
  if (props.data !== undefined) await Promise.all([preloadDataStore(), preloadReadDataStore()]);

  if (tag === 'qk-provider') return `<${tag}${attrText}>${json}${children}</${tag}>`;
  if (!(SSR_DISPLAY_TAGS as readonly string[]).includes(tag)) {
    const height = options.placeholderHeight ?? SSR_PLACEHOLDER_HEIGHTS[tag as keyof typeof SSR_PLACEHOLDER_HEIGHTS];
    const loading = escapeText(getTranslation(locale).common.loading);
    return `<${tag}${attrText}>${json}<div data-qk-placeholder role="status" aria-busy="true" style="display:block;box-sizing:border-box;min-height:${height}px">${loading}</div>${children}</${tag}>`;
  }

  // A template made for this element: its attributes as static text, its object properties as
  // property bindings (`.data=${…}`), which Lit's SSR sets on the element instance before it renders.
  const strings: string[] = [`<${tag}${attrText}`];
  for (const [name] of bindings) {
    strings[strings.length - 1] += ` .${name}=`;
    strings.push('');
  }
  strings[strings.length - 1] += `></${tag}>`;
  const template = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
  const out = await collectResult(render(html(template, ...bindings.map(([, v]) => v))));
  // The light DOM (the JSON the browser element reads on connect, then the caller's children) goes
  // after the declarative shadow root, before the closing tag.
  const close = out.lastIndexOf(`</${tag}>`);
  return `${out.slice(0, close)}${json}${children}${out.slice(close)}`;
}
