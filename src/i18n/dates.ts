import type { QkLocale } from './types.js';

/**
 * Calendar dates for display, one memoized DateTimeFormat per locale and style. Dates are calendar
 * dates (`YYYY-MM-DD`), formatted in UTC so they never shift a day.
 * - `day`: "Mar 11" / "3月11日"; `date`: "Mar 11, 2026" / "2026年3月11日";
 * - `month`: "Mar" / "3月"; `month-year`: "Mar 2026" / "2026年3月".
 */
export type DateStyle = 'day' | 'date' | 'month' | 'month-year';

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { month: 'short', day: 'numeric', timeZone: 'UTC' },
  date: { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' },
  month: { month: 'short', timeZone: 'UTC' },
  'month-year': { year: 'numeric', month: 'short', timeZone: 'UTC' },
};
const formats = new Map<string, Intl.DateTimeFormat>();
// Grids label every visible cell with its column's month: remember each label once formatted.
const labels = new Map<string, string>();

export function formatDate(iso: string, locale: QkLocale, style: DateStyle = 'date'): string {
  const key = `${locale}|${style}|${iso}`;
  let label = labels.get(key);
  if (label === undefined) {
    let f = formats.get(`${locale}|${style}`);
    if (!f) formats.set(`${locale}|${style}`, (f = new Intl.DateTimeFormat(locale, OPTIONS[style])));
    label = f.format(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +(iso.slice(8, 10) || 1)));
    if (labels.size < 5000) labels.set(key, label);
  }
  return label;
}

/** `2026-03-11` → "Mar 11" (en), "3月11日" (zh-CN). */
export const formatDay = (iso: string, locale: QkLocale): string => formatDate(iso, locale, 'day');

/** `2026-03-01` → "Mar" (en), "3月" (zh-CN). */
export const formatMonth = (iso: string, locale: QkLocale): string => formatDate(iso, locale, 'month');
