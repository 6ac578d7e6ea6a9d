/**
 * Money in integer minor units (分 for CNY, cents for USD, whole yen for JPY) with an ISO 4217
 * currency. Parsing works on the digits as a string, so `1.15万` is exactly 1,150,000 分 and never
 * 1,149,999.9999 as float multiplication would give; formatting hands Intl an exact decimal string.
 */
import { fail, ok, type Result } from './result.js';

/** The UI locales the kit ships. Both write `.` for decimals and `,` for grouping. */
export type MoneyLocale = 'en' | 'zh-CN';

const CURRENCY_CODE = /^[A-Z]{3}$/;

const cache = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per locale + options: constructing one costs far more than using it. */
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/**
 * How many minor-unit digits the currency has, as Intl (CLDR, after ISO 4217) knows it.
 * Codes that are not three capital letters give 2, the ISO default.
 *
 * @example minorDigits('CNY') // 2: ¥1 = 100 分
 * @example minorDigits('JPY') // 0: amounts are whole yen
 */
export function minorDigits(currency: string): number {
  if (!CURRENCY_CODE.test(currency)) return 2;
  return numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * The amount in major units as an exact decimal string, e.g. 120000050 分 → `"1200000.50"`.
 * Used to hand Intl an exact value and for exports (CSV) where a float would drift.
 *
 * @example toDecimalString(-5, 'CNY') // "-0.05"
 */
export function toDecimalString(minor: number, currency: string): string {
  return decimalString(minor, minorDigits(currency));
}

function decimalString(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = String(Math.abs(Math.trunc(minor))).padStart(digits + 1, '0');
  const int = abs.slice(0, abs.length - digits);
  const frac = abs.slice(abs.length - digits);
  return `${negative ? '-' : ''}${int}${digits > 0 ? `.${frac}` : ''}`;
}

/** Powers of ten the user may write after a number: `120万`, `1.2亿`, `1.5K`, `1.2M`. */
const UNITS: Readonly<Record<string, number>> = {
  k: 3, K: 3, m: 6, M: 6, b: 9, B: 9,
  千: 3, 万: 4, 百万: 6, 千万: 7, 亿: 8, 万亿: 12,
};

/** Full-width digits and punctuation from a Chinese IME, and the Unicode minus, in ASCII. */
function toAscii(input: string): string {
  return input
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，]/g, ',')
    .replace(/[．。]/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/\u3000/g, ' ');
}

// The sign may come before or after the currency sign; `CN¥`/`US$` are what formatMoney writes in en.
const SHAPE = /^(-)?\s*(?:[A-Z]{2}[¥$]|[¥￥$])?\s*(-)?\s*([0-9.,]+)\s*(万亿|百万|千万|[kKmMbB千万亿])?\s*(元)?$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;

export interface ParseMoneyOptions {
  /** ISO 4217 code; decides how many fraction digits an amount may have. */
  currency: string;
  /** Accepted so callers can pass the same options to parse and format; both locales read the same way. */
  locale: MoneyLocale;
  /** Accept `-1,200` (refunds, downward adjustments). Off by default: targets are ≥ 0. */
  allowNegative?: boolean;
}

/**
 * Parses what a person types into an amount in minor units of `currency`.
 *
 * Accepts grouping (`1,200,000`), a decimal point (`1200000.50`), a unit after the number
 * (`120万`, `1.2亿`, `1.2 万`, `1.5K`, `1.2M`, `3B`), a currency sign (`¥`, `￥`, `$`, and `CN¥`,
 * `US$` as formatMoney writes them, so its full form parses back), `元` at the end (CNY),
 * full-width digits and commas, and spaces around. Everything else fails with a code:
 * `money-empty`, `money-invalid`, `money-decimal-points`, `money-grouping`, `money-precision`
 * (more fraction digits than the currency has once the unit is applied), `money-negative`,
 * `money-too-large` (beyond Number.MAX_SAFE_INTEGER minor units), `money-currency`.
 *
 * @example parseMoney('1.15万', { currency: 'CNY', locale: 'zh-CN' }) // ok(1150000): ¥11,500.00
 * @example parseMoney('1.2345678万', { currency: 'CNY', locale: 'zh-CN' }) // money-precision: ¥12,345.678
 */
export function parseMoney(input: string, options: ParseMoneyOptions): Result<number> {
  const { currency } = options;
  if (!CURRENCY_CODE.test(currency)) {
    return fail('money-currency', `"${currency}" is not an ISO 4217 currency code`, { currency });
  }
  const text = toAscii(input).trim();
  if (text === '') return fail('money-empty', 'Enter an amount', {});
  const m = SHAPE.exec(text);
  if (!m) return fail('money-invalid', `"${input}" is not an amount`, { input });
  const [, sign1, sign2, number, unit, yuan] = m;
  if (yuan && currency !== 'CNY') return fail('money-invalid', `"${input}" is not an amount in ${currency}`, { input });
  if (sign1 && sign2) return fail('money-invalid', `"${input}" is not an amount`, { input });

  const parts = number.split('.');
  if (parts.length > 2) return fail('money-decimal-points', `"${input}" has more than one decimal point`, { input });
  const [intRaw, frac = ''] = parts;
  if (intRaw === '' || (parts.length === 2 && frac === '')) {
    return fail('money-invalid', `"${input}" is not an amount`, { input });
  }
  if (frac.includes(',') || (intRaw.includes(',') && !GROUPED.test(intRaw))) {
    return fail('money-grouping', `"${input}" has a misplaced thousands separator`, { input });
  }

  // Shift the decimal point by the unit and the currency's digits, on the digit string.
  const digits = minorDigits(currency);
  const shift = (unit ? UNITS[unit] : 0) + digits - frac.length;
  let whole = intRaw.replace(/,/g, '') + frac;
  if (shift >= 0) {
    whole += '0'.repeat(shift);
  } else {
    const dropped = whole.slice(shift);
    if (/[^0]/.test(dropped)) {
      return fail('money-precision', `"${input}" has more decimals than ${currency} allows`, { input, currency, digits });
    }
    whole = whole.slice(0, shift);
  }
  if (BigInt(whole) > BigInt(Number.MAX_SAFE_INTEGER)) {
    return fail('money-too-large', `"${input}" is too large`, { input });
  }
  const value = Number(whole);
  const negative = Boolean(sign1 || sign2) && value !== 0;
  if (negative && !options.allowNegative) {
    return fail('money-negative', `"${input}" is negative`, { input });
  }
  return ok(negative ? -value : value);
}

export interface FormatMoneyOptions {
  currency: string;
  locale: MoneyLocale;
  /**
   * Abbreviate large amounts: zh-CN with 万/亿 (`¥120万`, `¥1.2亿`), en with K/M/B (`CN¥1.2M`).
   * Amounts below the first unit are written out with grouping (`¥3,500`).
   */
  compact?: boolean;
  /**
   * Fraction digits. Full form: exactly this many (default: the currency's digits, ¥1,200.00).
   * Compact: at most this many (default 1, ¥1.2万).
   */
  digits?: number;
}

/**
 * Formats an amount in minor units for display, with the currency symbol Intl gives for the
 * locale (zh-CN: `¥`, `US$`; en: `CN¥`, `$`).
 *
 * @example formatMoney(120000000, { currency: 'CNY', locale: 'zh-CN' }) // "¥1,200,000.00"
 * @example formatMoney(120000000, { currency: 'CNY', locale: 'zh-CN', compact: true }) // "¥120万"
 * @example formatMoney(120000000, { currency: 'CNY', locale: 'en', compact: true }) // "CN¥1.2M"
 */
export function formatMoney(minor: number, options: FormatMoneyOptions): string {
  const { currency, locale, compact = false } = options;
  const amount = Number.isSafeInteger(minor) ? minor : 0;
  if (!CURRENCY_CODE.test(currency)) {
    return `${formatDecimal(decimalString(amount, 2), locale)} ${currency}`;
  }
  const digits = clampDigits(options.digits ?? (compact ? 1 : minorDigits(currency)));
  const f = numberFormat(
    locale,
    compact
      ? { style: 'currency', currency, notation: 'compact', useGrouping: true, minimumFractionDigits: 0, maximumFractionDigits: digits }
      : { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits },
  );
  return formatExact(f, toDecimalString(amount, currency));
}

/** Intl formats a decimal string exactly (ES2023), beyond double precision; our ES2022 lib types only accept numbers. */
function formatExact(f: Intl.NumberFormat, decimal: string): string {
  return f.format(decimal as unknown as number);
}

function formatDecimal(decimal: string, locale: MoneyLocale): string {
  return formatExact(numberFormat(locale, { maximumFractionDigits: 20 }), decimal);
}

function clampDigits(d: number): number {
  return Number.isInteger(d) ? Math.min(Math.max(d, 0), 20) : 0;
}

/**
 * A whole count with the locale's grouping: `formatCount(12345, 'zh-CN')` → `"12,345"`.
 * Non-finite input shows as `—`.
 */
export function formatCount(n: number, locale: MoneyLocale): string {
  if (!Number.isFinite(n)) return '—';
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(n);
}

/**
 * A plain number with the locale's grouping and between `min` and `max` decimals (default 0–1),
 * e.g. a score "62.8" or percentage points "3.5"; non-finite input shows as `—`.
 */
export function formatNumber(n: number, locale: MoneyLocale, { min = 0, max = 1 }: { min?: number; max?: number } = {}): string {
  if (!Number.isFinite(n)) return '—';
  return numberFormat(locale, { minimumFractionDigits: clampDigits(min), maximumFractionDigits: clampDigits(Math.max(min, max)) }).format(n);
}

/**
 * A ratio as a percentage with up to `digits` decimals (default 1); `null` (e.g. a win rate with
 * no quotes) and non-finite input show as `—`.
 *
 * @example formatPercent(0.8534, 'en') // "85.3%"
 * @example formatPercent(1.2, 'zh-CN', 0) // "120%"
 */
export function formatPercent(ratio: number | null, locale: MoneyLocale, digits = 1): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: clampDigits(digits) }).format(ratio);
}

/**
 * Adds amounts in minor units. Fails with `money-too-large` when the total leaves the range where
 * doubles are exact integers (about ¥90 trillion in 分), rather than returning a rounded number.
 *
 * @example sumMoney([120000000, 35050]) // ok(120035050): ¥1,200,000.00 + ¥350.50
 */
export function sumMoney(amounts: readonly number[]): Result<number> {
  let total = 0;
  for (const a of amounts) {
    if (!Number.isSafeInteger(a)) return fail('money-invalid', `${a} is not an amount in minor units`, { input: String(a) });
    total += a;
    if (!Number.isSafeInteger(total)) {
      return fail('money-too-large', 'The total is too large to be exact', { input: String(total) });
    }
  }
  return ok(total);
}
