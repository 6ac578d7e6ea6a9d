import type { CoreTranslation, LocalizedMessages, QkLocale, SectionKey, Translation, TranslationOverride, Params } from './types.js';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';
import { coreMessages } from './messages/core.js';
import { storeMessages } from './messages/store.js';
import { adapterMessages } from './messages/adapter.js';

const base: Record<QkLocale, CoreTranslation> = { en, 'zh-CN': zhCN };
// Each element registers its own section and the error messages of the engine areas it uses, so a
// page that loads one element downloads only that element's strings (see `register/`).
const sections: Partial<Record<SectionKey, Record<QkLocale, unknown>>> = {};
const areas = new Set<LocalizedMessages>([coreMessages, storeMessages, adapterMessages]);
const overrides: Partial<Record<QkLocale, TranslationOverride>> = {};
const merged = new Map<QkLocale, Translation>();
const listeners = new Set<() => void>();

/** Adds an element's strings (done by the element's module on import). */
export function registerStrings<K extends SectionKey>(key: K, strings: Record<QkLocale, Translation[K]>): void {
  if (sections[key] === strings) return;
  sections[key] = strings;
  merged.clear();
}

/** Adds the error messages of an engine area (done by the modules of the elements that use it). */
export function registerMessages(messages: LocalizedMessages): void {
  if (areas.has(messages)) return;
  areas.add(messages);
  merged.clear();
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

/** The strings of a locale, with the host's overrides applied. */
export function getTranslation(locale: QkLocale): Translation {
  let t = merged.get(locale);
  if (!t) {
    const o = (overrides[locale] ?? {}) as Record<string, unknown>;
    const b: Record<string, unknown> = { ...base[locale], errors: Object.assign({}, ...[...areas].map((a) => a[locale])) };
    for (const [k, v] of Object.entries(sections)) b[k] = v[locale];
    const out: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(o)) {
      out[k] = v && typeof v === 'object' && typeof b[k] === 'object' ? { ...(b[k] as object), ...v } : v;
    }
    t = out as unknown as Translation;
    merged.set(locale, t);
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
 * error's own English message when the code is unknown.
 */
export function errorText(t: Translation, error: { code: string; message: string; params?: Params }): string {
  const m = t.errors[error.code];
  return m ? m(error.params ?? {}) : error.message;
}
