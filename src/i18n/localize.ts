import type { CoreTranslation, MessageTable, QkLocale, SectionKey, Translation, TranslationOverride, Params } from './types.js';
import { en } from './en.js';
import { localizeIssue } from './localize-issue.js';
import coreErrorsEn from './en/core.errors.js';
import storeErrorsEn from './en/store.errors.js';
import adapterErrorsEn from './en/adapter.errors.js';

/** A table in one locale: the table itself, or a function that imports the module holding it. */
export type Lazy<T> = T | (() => Promise<{ default: T }>);
/**
 * A table in every shipped locale. English is always given inline: it is the default language and
 * the fallback when another language fails to load (while it is on its way, elements show their
 * loading state: `localeReady`). Other locales may be given as
 * `() => import('…')`, so a page downloads them only when an element renders in that language.
 */
export type Localized<T> = { en: T } & { [L in Exclude<QkLocale, 'en'>]: Lazy<T> };

// The strings every element shares (common, metrics, statuses): English inline, zh-CN by import()
// like the rest of that language (issue 14: a page shows one language in its first load).
const base: Localized<CoreTranslation> = { en, 'zh-CN': () => import('./zh-cn.js').then((m) => ({ default: m.zhCN })) };
// Each element registers its own section and the error messages of the engine areas it uses, so a
// page that loads one element downloads only that element's strings (see `loaders/`).
const sections: Partial<Record<SectionKey, Localized<unknown>>> = {};
const areas = new Map<string, Localized<MessageTable>>([
  ['core', { en: coreErrorsEn, 'zh-CN': () => import('./zh-cn/core.errors.js') }],
  ['store', { en: storeErrorsEn, 'zh-CN': () => import('./zh-cn/store.errors.js') }],
  ['adapter', { en: adapterErrorsEn, 'zh-CN': () => import('./zh-cn/adapter.errors.js') }],
]);
/** Tables already in memory, by `locale:section` or `locale:errors:area` (loaded, or provided up front). */
const loaded = new Map<string, unknown>();
const loading = new Map<string, Promise<void>>();
const overrides: Partial<Record<QkLocale, TranslationOverride>> = {};
const merged = new Map<QkLocale, Translation>();
const listeners = new Set<() => void>();

const changed = (): void => {
  merged.clear();
  listeners.forEach((l) => l());
};

/**
 * The table of `key` in `locale`: in memory, or English while its module loads (the elements
 * re-render when it arrives). A module that fails to load (offline, blocked) leaves English.
 */
function pick<T>(key: string, table: Localized<T>, locale: QkLocale, missing: string[]): T {
  const id = `${locale}:${key}`;
  if (loaded.has(id)) return loaded.get(id) as T;
  const v = (table as Record<QkLocale, Lazy<T>>)[locale];
  if (typeof v !== 'function') return v;
  missing.push(id);
  if (!loading.has(id)) {
    loading.set(
      id,
      (v as () => Promise<{ default: T }>)().then(
        (m) => {
          loaded.set(id, m.default);
          changed();
        },
        (e: unknown) => {
          loaded.set(id, table.en);
          console.warn(`QuotaKit: the ${locale} strings of ${key} did not load; showing English.`, e);
          changed();
        },
      ),
    );
  }
  return table.en;
}

/** Adds an element's strings (done by the element's module on import). */
export function registerStrings<K extends SectionKey>(key: K, strings: Localized<Translation[K]>): void {
  replace(key, sections[key], strings) && (sections[key] = strings);
}

/** Adds the error messages of an engine area (done by the modules of the elements that use it). */
export function registerMessages(area: string, messages: Localized<MessageTable>): void {
  replace(`errors:${area}`, areas.get(area), messages) && areas.set(area, messages);
}

/**
 * Whether a registration changes anything. Elements register on every construction with the same
 * English table (a static import); another table for the key replaces the old one in every locale.
 */
function replace(key: string, old: Localized<unknown> | undefined, next: Localized<unknown>): boolean {
  if (old?.en === next.en) return false;
  if (old) for (const l of Object.keys(old)) loaded.delete(`${l}:${key}`);
  merged.clear();
  return true;
}

/**
 * Puts tables of a locale in memory up front, so its first render needs no download: what
 * `quotakit/i18n/zh-cn-all` does for every element (a page in Chinese that wants it in its first load).
 * `tables` maps section keys, `core` for the strings every element shares, and `errors:<area>` for
 * message tables, to that locale's table.
 */
export function provideTables(locale: QkLocale, tables: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(tables)) loaded.set(`${locale}:${k}`, v);
  changed();
}

/**
 * Loads every registered table of `locale` that is not in memory yet; resolves when they are (or
 * failed, leaving English). Elements do this by themselves; a host may await it before showing a page.
 */
export async function loadLocale(locale: QkLocale): Promise<void> {
  for (;;) {
    const missing: string[] = [];
    pick('core', base, locale, missing);
    for (const [k, v] of Object.entries(sections)) pick(k, v, locale, missing);
    for (const [a, v] of areas) pick(`errors:${a}`, v, locale, missing);
    if (!missing.length) return;
    await Promise.all(missing.map((id) => loading.get(id)));
  }
}

/**
 * Whether every registered table of `locale` is in memory (English always is); starts loading the
 * missing ones (`onTranslationChange` listeners hear when they arrive). Elements hold their content
 * until it is true, so their first paint is in their language, not English standing in.
 */
export function localeReady(locale: QkLocale): boolean {
  if (merged.has(locale)) return true;
  const missing: string[] = [];
  pick('core', base, locale, missing);
  for (const [k, v] of Object.entries(sections)) pick(k, v, locale, missing);
  for (const [a, v] of areas) pick(`errors:${a}`, v, locale, missing);
  return missing.length === 0;
}

/**
 * Maps any BCP 47 tag to a shipped locale: `zh`, `zh-CN`, `zh-Hans`, `zh-SG` → `zh-CN`;
 * `en`, `en-US`, … → `en`; empty → undefined (so the caller keeps looking up the tree);
 * anything else → `en`.
 */
export function normalizeLocale(tag: string | null | undefined): QkLocale | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  if (!t) return undefined;
  if (t === 'zh' || t.startsWith('zh-')) return 'zh-CN';
  return 'en';
}

/** The first of the given tags that is set, normalized; `en` when none is. */
export function resolveLocale(...tags: (string | null | undefined)[]): QkLocale {
  for (const tag of tags) {
    const l = normalizeLocale(tag);
    if (l) return l;
  }
  return 'en';
}

/**
 * Overrides strings for a locale, e.g. a CRM that says "quota" instead of "target":
 * `registerTranslation('en', { metrics: { revenue: 'Bookings' } })`. Elements re-render.
 */
export function registerTranslation(locale: QkLocale, override: TranslationOverride): void {
  const prev = overrides[locale] ?? {};
  const next: Record<string, unknown> = { ...prev };
  for (const [k, v] of Object.entries(override)) {
    const old = (prev as Record<string, unknown>)[k];
    next[k] = v && typeof v === 'object' && old && typeof old === 'object' ? { ...old, ...v } : v;
  }
  overrides[locale] = next as TranslationOverride;
  merged.delete(locale);
  listeners.forEach((l) => l());
}

/**
 * The strings of a locale, with the host's overrides applied. A table of that locale still on its
 * way shows in English meanwhile; listeners (`onTranslationChange`) hear when it arrives.
 */
export function getTranslation(locale: QkLocale): Translation {
  let t = merged.get(locale);
  if (!t) {
    const missing: string[] = [];
    const o = (overrides[locale] ?? {}) as Record<string, unknown>;
    const errors = Object.assign({}, ...[...areas].map(([a, v]) => pick(`errors:${a}`, v, locale, missing)));
    // While the core table of `locale` loads, its English one stands in, still named `locale`.
    const b: Record<string, unknown> = { ...pick('core', base, locale, missing), locale, errors };
    for (const [k, v] of Object.entries(sections)) b[k] = pick(k, v, locale, missing);
    const out: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(o)) {
      out[k] = v && typeof v === 'object' && typeof b[k] === 'object' ? { ...(b[k] as object), ...v } : v;
    }
    t = out as unknown as Translation;
    if (!missing.length) merged.set(locale, t);
  }
  return t;
}

/** Called when translations are overridden, so mounted elements can re-render. */
export function onTranslationChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The localized text of an engine or adapter error: the dictionary's message for its code, or the
 * error's own English message when the code is unknown. The same as `localizeIssue` without
 * options (kept under this name for hosts that call it).
 */
export function errorText(t: Translation, error: { code: string; message: string; params?: Params }): string {
  return localizeIssue(t, error);
}
