import type { QkLocale } from '../../i18n/types.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** One DateTimeFormat per locale and style; dates are calendar dates, so UTC keeps them from shifting a day. */
function format(locale: QkLocale, style: 'day' | 'month'): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, style === 'day' ? { month: 'short', day: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' });
    formats.set(key, f);
  }
  return f;
}

const utc = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));

/** `2026-03-11` → "Mar 11" (en), "3月11日" (zh-CN). */
export const formatDay = (iso: string, locale: QkLocale): string => format(locale, 'day').format(utc(iso));

/** `2026-03-01` → "Mar" (en), "3月" (zh-CN). */
export const formatMonth = (iso: string, locale: QkLocale): string => format(locale, 'month').format(utc(iso));
