/**
 * The what-if form keeps what the user typed as text (never lost, even when invalid); these turn
 * numbers into that text and the text back into numbers.
 */
import { toDecimalString } from '../../engine/money/money.js';

/** Field keys: `target`, `avgDealSize`, `confidence`, `rate:<stage index>`, `days:<stage index>`. */
export type FieldKey = string;

/** Minor units as the text a person would type: 100000000 分 → "1,000,000" (cents only when there are any). */
export function moneyDraft(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) return String(minor);
  const [int, frac] = toDecimalString(minor, currency).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac && /[^0]/.test(frac) ? `${grouped}.${frac}` : grouped;
}

/** A ratio as a percentage with at most one decimal: 0.2 → "20", 1/3 → "33.3". */
export function percentDraft(ratio: number): string {
  return typeof ratio === 'number' && Number.isFinite(ratio) ? String(Math.round(ratio * 1000) / 10) : String(ratio);
}

/** Days with at most one decimal: 14 → "14". */
export function daysDraft(days: number): string {
  return typeof days === 'number' && Number.isFinite(days) ? String(Math.round(days * 10) / 10) : String(days);
}

const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)$/;

/**
 * A decimal number typed by a person: full-width digits and `。`/`．` from a Chinese IME are read
 * as ASCII, a trailing `%` is allowed. Returns the normalized decimal string, or null when the text
 * is not a number ('' stays '', for "empty").
 */
export function normalizeDecimal(text: string): string | null {
  const t = text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/[％%]\s*$/, '')
    .trim();
  if (t === '') return '';
  return DECIMAL.test(t) ? t : null;
}

/**
 * A percentage text as a ratio, shifting the decimal point in the text so "35" is exactly 0.35
 * (not 35 / 100 in floats). Null when not a number, undefined when empty.
 */
export function percentToRatio(text: string): number | null | undefined {
  const d = normalizeDecimal(text);
  if (d === '') return undefined;
  return d === null ? null : Number(`${d}e-2`);
}

/** The form field an engine error points at through its path, e.g. `['stages', 1, 'rate']` → `rate:1`. */
export function fieldOfPath(path: readonly (string | number)[] | undefined): FieldKey {
  if (!path?.length) return 'form';
  const [head, index, leaf] = path;
  if (head === 'target' || head === 'avgDealSize' || head === 'confidence') return head;
  if (head === 'stages' && typeof index === 'number') return leaf === 'avgDays' ? `days:${index}` : `rate:${index}`;
  return 'form';
}
