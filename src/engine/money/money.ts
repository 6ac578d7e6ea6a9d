/**
 * Money in integer minor units (分 for CNY, cents for USD, whole yen for JPY) with an ISO 4217
 * currency. Parsing works on the digits as a string, so `1.15万` is exactly 1,150,000 分 and never
 * 1,149,999.9999 as float multiplication would give; formatting hands Intl an exact decimal string.
 */
import { fail, ok, type Result } from '../shared/result.js';

/** The UI locales the kit ships. Both write `.` for decimals and `,` for grouping. */
export type MoneyLocale = 'en' | 'zh-CN';

const CURRENCY_CODE = /^[A-Z]{3}$/;

const cache = new Map<string, Intl.NumberFormat>();

/** Intl's options with the ES2023 sign display `negative` (no sign on a value that rounds to zero), which our ES2022 lib types lack. */
type NumberFormatOptions = Omit<Intl.NumberFormatOptions, 'signDisplay'> & { signDisplay?: 'negative' | 'exceptZero' };

/** One Intl.NumberFormat per locale + options: constructing one costs far more than using it. */
function numberFormat(locale: string, options: NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options as unknown as Intl.NumberFormatOptions);
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
  let d = digitsCache.get(currency);
  if (d === undefined) {
    d = CURRENCY_CODE.test(currency) ? (numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2) : 2;
    digitsCache.set(currency, d);
  }
  return d;
}

const digitsCache = new Map<string, number>();

/**
 * Creates and caches the formatters an element uses first for `currency` in `locale` (the full and
 * the compact money format; `minorDigits`), so that no element pays for the page's first currency
 * `Intl.NumberFormat` (100–300 ms on a loaded machine: the locale's currency data) in its first
 * render. The store's warm-up calls it for the plan's currency, one locale per slice.
 */
export function warmMoneyFormats(currency: string, locale: MoneyLocale): void {
  minorDigits(currency);
  formatMoney(0, { currency, locale });
  formatMoney(123_456_789, { currency, locale, compact: true });
}

/** Internal (tests): whether `currency`'s money formatter in `locale` is created already. */
export function hasMoneyFormat(currency: string, locale: MoneyLocale): boolean {
  if (!digitsCache.has(currency)) return false;
  const tag = `"currency":"${currency}"`;
  for (const key of cache.keys()) if (key.startsWith(`${locale}|`) && key.includes(tag)) return true;
  return false;
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

/** Powers of ten the user may write after a number: `120万`, `1.2亿`, `1.5K`, `1.2M`, `1.2T`. */
const UNITS: Readonly<Record<string, number>> = {
  k: 3, K: 3, m: 6, M: 6, b: 9, B: 9, t: 12, T: 12,
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
const SHAPE = /^(-)?\s*(?:[A-Z]{2}[¥$]|[¥￥$])?\s*(-)?\s*([0-9.,]+)\s*(万亿|百万|千万|[kKmMbBtT千万亿])?\s*(元)?$/;
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
   * Abbreviate large amounts: zh-CN with 万/亿 (`¥120万`, `¥1.13亿`), en with K/M/B (`CN¥1.2M`,
   * `CN¥113M`), by the kit's one rule (see {@link COMPACT_SIGNIFICANT_DIGITS}). Amounts below the
   * first unit are written out with grouping (`¥3,500`).
   */
  compact?: boolean;
  /**
   * Fraction digits of the full form: exactly this many (default: the currency's digits, ¥1,200.00).
   * Ignored by the compact form, so that one amount reads the same in every element.
   */
  digits?: number;
  /** Write `+` before a positive amount (a change); a negative one always has `−`, zero neither. */
  signed?: boolean;
}

/**
 * The compact form's one rule: three significant digits, but never fewer than the whole digits of
 * the unit (`¥1.13亿`, `¥9,545万`, `CN¥113M`, `CN¥95.5M`), trailing zeros dropped (`¥1.2亿`), no
 * more fraction digits than the currency has. The same in both locales and in every element.
 */
export const COMPACT_SIGNIFICANT_DIGITS = 3;

/** The minus sign of every figure the kit writes (U+2212), in both locales. */
export const MINUS = '\u2212';

interface CompactUnit {
  /** Power of ten of the major unit. */
  exp: number;
  suffix: string;
}

/** The abbreviations Intl's compact notation (CLDR) uses for these locales; exp 0 = none. */
const COMPACT_UNITS: Readonly<Record<MoneyLocale, readonly CompactUnit[]>> = {
  'zh-CN': [{ exp: 0, suffix: '' }, { exp: 4, suffix: '万' }, { exp: 8, suffix: '亿' }, { exp: 12, suffix: '万亿' }],
  en: [{ exp: 0, suffix: '' }, { exp: 3, suffix: 'K' }, { exp: 6, suffix: 'M' }, { exp: 9, suffix: 'B' }, { exp: 12, suffix: 'T' }],
};

/**
 * Formats an amount in minor units for display, with the currency symbol Intl gives for the
 * locale (zh-CN: `¥`, `US$`; en: `CN¥`, `$`). Negative amounts carry `−` (U+2212); an amount that
 * rounds to zero carries no sign.
 *
 * @example formatMoney(120000000, { currency: 'CNY', locale: 'zh-CN' }) // "¥1,200,000.00"
 * @example formatMoney(11300000000, { currency: 'CNY', locale: 'zh-CN', compact: true }) // "¥1.13亿"
 * @example formatMoney(11300000000, { currency: 'CNY', locale: 'en', compact: true }) // "CN¥113M"
 */
export function formatMoney(minor: number, options: FormatMoneyOptions): string {
  const { currency, locale, compact = false } = options;
  const amount = Number.isSafeInteger(minor) ? minor : 0;
  if (!CURRENCY_CODE.test(currency)) {
    return `${formatDecimal(decimalString(amount, 2), locale)} ${currency}`;
  }
  if (compact) {
    const m = BigInt(amount);
    const plan = compactPlan([m], currency, locale);
    return renderCompact(m, plan, currency, locale, true, options.signed);
  }
  const digits = clampDigits(options.digits ?? minorDigits(currency));
  const f = numberFormat(locale, {
    style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: signDisplay(options.signed),
  });
  return formatExact(f, toDecimalString(amount, currency));
}

export interface FormatMoneyGroupOptions extends FormatMoneyOptions {
  /** The last amount is the sum of the others (actual + gap = target): print them so they add up. */
  sum?: boolean;
}

/**
 * Formats amounts shown together in one unit and one precision, so a reader can compare them and,
 * with `sum`, add them: the unit and digits the compact rule gives the largest amount, one more
 * digit where rounding alone would break the sum, and a smaller unit rather than print an amount
 * that is not zero as zero (or need two more digits). Zero is written `¥0`. Exact at the
 * currency's digits, so the search always ends. Without `compact`, the full form (one precision).
 *
 * @example formatMoneyGroup([9545300000, 1754700000, 11300000000], { currency: 'CNY', locale: 'zh-CN', compact: true, sum: true })
 * // ["¥0.95亿", "¥0.18亿", "¥1.13亿"]: 0.95 + 0.18 = 1.13
 */
export function formatMoneyGroup(amounts: readonly number[], options: FormatMoneyGroupOptions): string[] {
  const adds = (q: readonly bigint[]) => !options.sum || q.slice(0, -1).reduce((a, b) => a + b, 0n) === q[q.length - 1];
  return formatGroup(amounts, options, adds);
}

/** formatMoneyGroup with a condition the rounded figures (in units of the last printed digit) must meet. */
function formatGroup(amounts: readonly number[], options: FormatMoneyOptions, condition: (q: readonly bigint[]) => boolean): string[] {
  const { currency, locale } = options;
  if (!CURRENCY_CODE.test(currency) || amounts.length === 0) return amounts.map((a) => formatMoney(a, options));
  const ms = amounts.map((a) => BigInt(Number.isSafeInteger(a) ? a : 0));
  // A condition the exact amounts do not meet (figures that do not add up) cannot be met by rounding them.
  const holds = condition(ms) ? condition : () => true;
  const units = options.compact ? COMPACT_UNITS[locale] : [COMPACT_UNITS[locale][0]];
  const cur = minorDigits(currency);
  let plan = options.compact ? compactPlan(ms, currency, locale) : { unit: 0, frac: clampDigits(options.digits ?? cur) };
  for (let u = plan.unit; u >= 0; u--) {
    const shift = cur + units[u].exp;
    // No figure shows fewer digits than it would alone in the same unit (¥96.5M beside ¥113.0M, not ¥97M).
    const own = options.compact ? Math.max(0, ...ms.filter((m) => m !== 0n).map((m) => compactPlan([m], currency, locale)).filter((p) => p.unit === u).map((p) => p.frac)) : 0;
    const base = u === plan.unit ? Math.max(plan.frac, own) : Math.min(Math.max(0, COMPACT_SIGNIFICANT_DIGITS - wholeDigits(maxAbs(ms), shift)), shift);
    const fits = (frac: number) => {
      const q = ms.map((m) => roundTo(m, shift, frac));
      return q.every((x, i) => x !== 0n || ms[i] === 0n) && holds(q);
    };
    let frac = base;
    while (!fits(frac) && frac < Math.max(shift, base)) frac++;
    if (fits(frac) && (frac - base <= 1 || u === 0)) {
      plan = { unit: u, frac };
      break;
    }
    if (u === 0) plan = { unit: 0, frac };
  }
  // Drop fraction digits that are zero in every figure: one precision, no padding.
  const shift = cur + units[plan.unit].exp;
  while (options.compact && plan.frac > 0 && ms.every((m) => m === 0n || roundTo(m, shift, plan.frac) % 10n === 0n)) plan = { ...plan, frac: plan.frac - 1 };
  return ms.map((m) =>
    m === 0n && options.compact ? formatMoney(0, { ...options, signed: false }) : renderCompact(m, plan, currency, locale, false, options.signed, units),
  );
}

/** Two ends of a range as `formatMoneyRange` writes them, and the range as one text. */
export interface MoneyRangeText {
  low: string;
  high: string;
  /** `low – high`, or `≈ low` when the two amounts are equal. */
  text: string;
}

/**
 * Formats a range (a forecast's p10–p90) so its two ends never print as the same figure when the
 * amounts differ: both in one unit and precision (see {@link formatMoneyGroup}), with digits added
 * until they differ. Equal amounts read `≈ ¥1亿`.
 *
 * @example formatMoneyRange(100400000, 100600000, { currency: 'CNY', locale: 'en', compact: true })
 * // { low: "CN¥1.00M", high: "CN¥1.01M", text: "CN¥1.00M – CN¥1.01M" }
 */
export function formatMoneyRange(low: number, high: number, options: FormatMoneyOptions): MoneyRangeText {
  if (low === high) {
    const one = formatMoney(low, options);
    return { low: one, high: one, text: `≈ ${one}` };
  }
  const [l, h] = formatGroup([low, high], options, ([a, b]) => a !== b);
  return { low: l, high: h, text: `${l} – ${h}` };
}

interface CompactPlan {
  /** Index into the locale's units. */
  unit: number;
  /** Fraction digits of the unit's value. */
  frac: number;
}

function maxAbs(ms: readonly bigint[]): bigint {
  return ms.reduce((a, m) => (m < 0n ? (-m > a ? -m : a) : m > a ? m : a), 0n);
}

/** Digits of the whole part of |m| / 10^shift, at least 1. */
function wholeDigits(m: bigint, shift: number): number {
  const whole = (m < 0n ? -m : m) / 10n ** BigInt(shift);
  return whole === 0n ? 1 : whole.toString().length;
}

/** m / 10^shift rounded half away from zero to `frac` fraction digits, scaled by 10^frac. */
function roundTo(m: bigint, shift: number, frac: number): bigint {
  const drop = shift - frac;
  if (drop <= 0) return m * 10n ** BigInt(-drop);
  const p = 10n ** BigInt(drop);
  const abs = m < 0n ? -m : m;
  const q = abs / p + ((abs % p) * 2n >= p ? 1n : 0n);
  return m < 0n ? -q : q;
}

/** The unit and digits the compact rule gives the largest of `ms`, moving up when rounding reaches the next unit. */
function compactPlan(ms: readonly bigint[], currency: string, locale: MoneyLocale): CompactPlan {
  const units = COMPACT_UNITS[locale];
  const cur = minorDigits(currency);
  const top = maxAbs(ms);
  let u = 0;
  while (u + 1 < units.length && top >= 10n ** BigInt(cur + units[u + 1].exp)) u++;
  for (;;) {
    const shift = cur + units[u].exp;
    const frac = Math.min(Math.max(0, COMPACT_SIGNIFICANT_DIGITS - wholeDigits(top, shift)), shift);
    const rounded = roundTo(top, shift, frac);
    const next = units[u + 1];
    if (next && rounded >= 10n ** BigInt(next.exp - units[u].exp + frac)) {
      u++;
      continue;
    }
    return { unit: u, frac };
  }
}

/** Writes m in the plan's unit with the locale's symbol and grouping; `trim` drops trailing zeros. */
function renderCompact(
  m: bigint, plan: CompactPlan, currency: string, locale: MoneyLocale, trim: boolean, signed = false,
  units: readonly CompactUnit[] = COMPACT_UNITS[locale],
): string {
  const unit = units[plan.unit];
  const q = roundTo(m, minorDigits(currency) + unit.exp, plan.frac);
  const key = `${locale}|${currency}|${trim ? 0 : plan.frac}|${plan.frac}|${signed}`;
  let f = compactCache.get(key);
  if (!f) {
    f = numberFormat(locale, {
      style: 'currency', currency, useGrouping: true, minimumFractionDigits: trim ? 0 : plan.frac, maximumFractionDigits: plan.frac, signDisplay: signDisplay(signed),
    });
    compactCache.set(key, f);
  }
  const abs = (q < 0n ? -q : q).toString().padStart(plan.frac + 1, '0');
  const decimal = `${q < 0n ? '-' : ''}${abs.slice(0, abs.length - plan.frac)}${plan.frac > 0 ? `.${abs.slice(abs.length - plan.frac)}` : ''}`;
  // Both locales write the currency before the number, so the unit goes at the end: ¥1.13亿, CN¥113M.
  return `${f.format(decimal as unknown as number).replace('-', MINUS)}${unit.suffix}`;
}

/** The compact formatters by a plain key: renderCompact runs for every figure of a 10,000-row tree. */
const compactCache = new Map<string, Intl.NumberFormat>();

/** Intl's sign display: negatives only (never "-0"), or + and − but not for zero. */
function signDisplay(signed = false): 'negative' | 'exceptZero' {
  return signed ? 'exceptZero' : 'negative';
}

/** Intl formats a decimal string exactly (ES2023), beyond double precision; our ES2022 lib types only accept numbers. The minus is U+2212. */
function formatExact(f: Intl.NumberFormat, decimal: string | number): string {
  // The only hyphen-minus these locales write is the minus sign.
  return f.format(decimal as unknown as number).replace('-', MINUS);
}

function formatDecimal(decimal: string, locale: MoneyLocale): string {
  return formatExact(numberFormat(locale, { maximumFractionDigits: 20, signDisplay: 'negative' }), decimal);
}

function clampDigits(d: number): number {
  return Number.isInteger(d) ? Math.min(Math.max(d, 0), 20) : 0;
}

/** Sign options of counts, numbers, percents and points. */
export interface SignOptions {
  /** Write `+` before a positive value (a change); negatives always have `−` (U+2212), zero neither. */
  signed?: boolean;
}

/**
 * A whole count with the locale's grouping: `formatCount(12345, 'zh-CN')` → `"12,345"`.
 * Non-finite input shows as `—`.
 */
export function formatCount(n: number, locale: MoneyLocale, { signed }: SignOptions = {}): string {
  if (!Number.isFinite(n)) return '—';
  return formatExact(numberFormat(locale, { maximumFractionDigits: 0, signDisplay: signDisplay(signed) }), n);
}

/**
 * A plain number with the locale's grouping and between `min` and `max` decimals (default 0–1),
 * e.g. a score "62.8" or percentage points "3.5"; non-finite input shows as `—`.
 */
export function formatNumber(n: number, locale: MoneyLocale, { min = 0, max = 1, signed }: { min?: number; max?: number } & SignOptions = {}): string {
  if (!Number.isFinite(n)) return '—';
  return formatExact(
    numberFormat(locale, { minimumFractionDigits: clampDigits(min), maximumFractionDigits: clampDigits(Math.max(min, max)), signDisplay: signDisplay(signed) }),
    n,
  );
}

/**
 * A ratio as a percentage with up to `digits` decimals (default 1); `null` (e.g. a win rate with
 * no quotes) and non-finite input show as `—`.
 *
 * @example formatPercent(0.8534, 'en') // "85.3%"
 * @example formatPercent(1.2, 'zh-CN', 0) // "120%"
 * @example formatPercent(-0.053, 'en', 1, { signed: true }) // "−5.3%"
 */
export function formatPercent(ratio: number | null, locale: MoneyLocale, digits = 1, { signed }: SignOptions = {}): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return formatExact(
    numberFormat(locale, { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: clampDigits(digits), signDisplay: signDisplay(signed) }),
    ratio,
  );
}

/** The unit of percentage points: the difference of two percentages. */
const POINTS: Readonly<Record<MoneyLocale, string>> = { en: ' pp', 'zh-CN': '个百分点' };

/**
 * The difference of two ratios in percentage points, with up to `digits` decimals (default 1):
 * en `3.5 pp`, zh-CN `3.5个百分点`; non-finite input shows as `—`.
 *
 * @example formatPoints(0.42 - 0.385, 'zh-CN', { signed: true }) // "+3.5个百分点"
 * @example formatPoints(-0.0004, 'en', { signed: true }) // "0 pp": rounds to zero, so no sign
 */
export function formatPoints(ratioDelta: number, locale: MoneyLocale, { signed, digits = 1 }: SignOptions & { digits?: number } = {}): string {
  if (!Number.isFinite(ratioDelta)) return '—';
  // Rounded on the percent scale first, so 0.035 (3.4999999… points as a double) reads 3.5.
  const points = Math.round(ratioDelta * 100 * 10 ** clampDigits(digits)) / 10 ** clampDigits(digits);
  return `${formatNumber(points, locale, { max: digits, signed })}${POINTS[locale]}`;
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
