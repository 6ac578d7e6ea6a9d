import type { QkLocale, Translation, TranslationOverride, Params } from './types.js';
import { en } from './en.js';
import { zhCN } from './zh-cn.js';

const base: Record<QkLocale, Translation> = { en, 'zh-CN': zhCN };
const overrides: Partial<Record<QkLocale, TranslationOverride>> = {};
const merged = new Map<QkLocale, Translation>();
const listeners = new Set<() => void>();

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
    const b = base[locale] as unknown as Record<string, unknown>;
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
