import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatCount,
  formatMoney,
  formatMoneyGroup,
  formatMoneyRange,
  formatNumber,
  formatPercent,
  formatPoints,
  minorDigits,
  parseMoney,
  sumMoney,
  toDecimalString,
  type MoneyLocale,
} from '../../../src/engine/money/money.js';
import { coreMessages } from '../../../src/i18n/both-languages.js';

const cny = { currency: 'CNY', locale: 'zh-CN' } as const;

function parsed(input: string, options: Parameters<typeof parseMoney>[1] = cny): number {
  const r = parseMoney(input, options);
  if (!r.ok) throw new Error(`expected ${input} to parse, got ${r.error.code}`);
  return r.value;
}

function rejection(input: string, options: Parameters<typeof parseMoney>[1] = cny): string {
  const r = parseMoney(input, options);
  if (r.ok) throw new Error(`expected ${input} to be rejected, got ${r.value}`);
  return r.error.code;
}

describe('minorDigits', () => {
  it('reads the minor-unit digits from Intl', () => {
    expect(minorDigits('CNY')).to.equal(2);
    expect(minorDigits('USD')).to.equal(2);
    expect(minorDigits('JPY')).to.equal(0);
    expect(minorDigits('KWD')).to.equal(3);
    expect(minorDigits('yuan')).to.equal(2);
  });
});

describe('parseMoney', () => {
  it('accepts the documented inputs, in exact 分', () => {
    const cases: [string, number][] = [
      ['1,200,000', 120_000_000], // ¥1,200,000 × 100
      ['1200000.50', 120_000_050],
      ['120万', 120_000_000], // 120 × 10,000 yuan
      ['1.2亿', 12_000_000_000], // 1.2 × 100,000,000 yuan = 120,000,000 yuan
      ['1.2M', 120_000_000],
      ['1.5K', 150_000],
      ['1.5k', 150_000],
      ['¥1,200', 120_000],
      ['￥1,200', 120_000],
      ['$1,200', 120_000],
      ['１２００', 120_000],
      ['１，２００．５', 120_050],
      ['  1200  ', 120_000],
      ['1.2 万', 1_200_000],
      ['120万元', 120_000_000],
      ['0', 0],
      ['0.07', 7],
      ['CN¥1,200.00', 120_000],
    ];
    for (const [input, minor] of cases) expect(parsed(input), input).to.equal(minor);
  });

  it('does decimal arithmetic on strings, not floats', () => {
    // In floats 1.15 * 100 = 114.99999999999999 and 0.29 * 100 = 28.999999999999996.
    expect(1.15 * 100).to.not.equal(115);
    expect(parsed('1.15')).to.equal(115);
    expect(parsed('0.29')).to.equal(29);
    expect(parsed('1.15万')).to.equal(1_150_000); // ¥11,500.00
    expect(parsed('1.234567万')).to.equal(1_234_567); // ¥12,345.67
  });

  it('applies the currency digits after the unit', () => {
    expect(parsed('1.5万', { currency: 'JPY', locale: 'en' })).to.equal(15_000);
    expect(parsed('1.00', { currency: 'JPY', locale: 'en' })).to.equal(1);
    expect(rejection('1.5', { currency: 'JPY', locale: 'en' })).to.equal('money-precision');
    expect(parsed('1.234', { currency: 'KWD', locale: 'en' })).to.equal(1234);
  });

  it('rejects everything else with a reason code', () => {
    const cases: [string, string][] = [
      ['', 'money-empty'],
      ['   ', 'money-empty'],
      ['abc', 'money-invalid'],
      ['12a', 'money-invalid'],
      ['1 200', 'money-invalid'],
      ['12e5', 'money-invalid'],
      ['1.', 'money-invalid'],
      ['.5', 'money-invalid'],
      ['1.2万万', 'money-invalid'],
      ['--5', 'money-invalid'],
      ['1.2.3', 'money-decimal-points'],
      ['1,20,0', 'money-grouping'],
      ['1,2000', 'money-grouping'],
      ['1.200,5', 'money-grouping'],
      ['1.234', 'money-precision'],
      ['1.2345678万', 'money-precision'], // ¥12,345.678: a third decimal of a yuan
      ['-5', 'money-negative'],
      ['¥-1,200', 'money-negative'],
      ['90071992547409.92', 'money-too-large'], // one 分 beyond Number.MAX_SAFE_INTEGER
      ['1万亿亿', 'money-invalid'],
    ];
    for (const [input, code] of cases) expect(rejection(input), JSON.stringify(input)).to.equal(code);
    // 元 names the currency: fine for CNY (above), not for USD.
    expect(rejection('120元', { currency: 'USD', locale: 'en' })).to.equal('money-invalid');
    expect(rejection('1', { currency: 'yuan', locale: 'zh-CN' })).to.equal('money-currency');
  });

  it('accepts the largest safe amount and negatives when allowed', () => {
    expect(parsed('90071992547409.91')).to.equal(Number.MAX_SAFE_INTEGER);
    expect(parsed('-5', { ...cny, allowNegative: true })).to.equal(-500);
    expect(parsed('¥-1,200', { ...cny, allowNegative: true })).to.equal(-120_000);
    expect(parsed('-¥1.5万', { ...cny, allowNegative: true })).to.equal(-1_500_000);
    expect(Object.is(parsed('-0'), 0)).to.equal(true);
  });

  it('has a message in both locales for every code it returns', () => {
    const codes = ['', 'x', '1.2.3', '1,2', '1.234', '-1', '9'.repeat(20)].map((i) => rejection(i));
    codes.push(rejection('1', { currency: 'abc', locale: 'en' }));
    expect(new Set(codes).size).to.equal(8);
    for (const code of codes) {
      const params = { input: 'x', currency: 'CNY', digits: 2 };
      expect(coreMessages.en[code]?.(params), code).to.be.a('string');
      expect(coreMessages['zh-CN'][code]?.(params), code).to.be.a('string');
    }
    expect(coreMessages['zh-CN']['money-precision']!({ currency: 'CNY', digits: 2 })).to.equal('CNY 金额最多保留 2 位小数。');
  });

  it('reads back what formatMoney writes, in both locales (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        fc.constantFrom<MoneyLocale>('en', 'zh-CN'),
        fc.constantFrom('CNY', 'USD', 'JPY'),
        (minor, locale, currency) => {
          const text = formatMoney(minor, { currency, locale });
          const r = parseMoney(text, { currency, locale, allowNegative: true });
          return r.ok && r.value === minor;
        },
      ),
    );
  });
});

describe('formatMoney', () => {
  it('writes the full form with the locale symbol', () => {
    expect(formatMoney(120_000_000, cny)).to.equal('¥1,200,000.00');
    expect(formatMoney(120_000_000, { currency: 'CNY', locale: 'en' })).to.equal('CN¥1,200,000.00');
    expect(formatMoney(120_000_000, { currency: 'USD', locale: 'en' })).to.equal('$1,200,000.00');
    expect(formatMoney(1_200_000, { currency: 'JPY', locale: 'en' })).to.equal('¥1,200,000');
    expect(formatMoney(-5, cny)).to.equal('−¥0.05');
    expect(formatMoney(123_456, { ...cny, digits: 0 })).to.equal('¥1,235'); // ¥1,234.56 rounded half up
  });

  it('is exact beyond double precision of the major amount', () => {
    // MAX_SAFE_INTEGER / 100 is not representable as a double; the decimal string keeps every 分.
    expect(formatMoney(Number.MAX_SAFE_INTEGER, cny)).to.equal('¥90,071,992,547,409.91');
  });

  it('abbreviates with 万/亿 in zh-CN and K/M/B in en', () => {
    const zh = { ...cny, compact: true };
    expect(formatMoney(120_000_000, zh)).to.equal('¥120万'); // ¥1,200,000
    expect(formatMoney(12_000_000_000, zh)).to.equal('¥1.2亿'); // ¥120,000,000
    expect(formatMoney(1_234_500, zh)).to.equal('¥1.23万'); // ¥12,345: three significant digits
    expect(formatMoney(350_000, zh)).to.equal('¥3,500');
    expect(formatMoney(-150_000_000, zh)).to.equal('−¥150万');
    const en = { currency: 'CNY', locale: 'en', compact: true } as const;
    expect(formatMoney(120_000_000, en)).to.equal('CN¥1.2M');
    expect(formatMoney(150_000, en)).to.equal('CN¥1.5K');
    expect(formatMoney(120_000_000_000, en)).to.equal('CN¥1.2B');
    expect(formatMoney(120_000_000, { ...en, currency: 'USD' })).to.equal('$1.2M');
  });

  // Issue 13 item 9: the demo's target ¥113,000,000 read ¥1.1亿, ¥1.13亿 and ¥1亿 in three elements.
  it('writes one compact form: three significant digits, never dropping a whole digit of the unit', () => {
    const zh = { ...cny, compact: true };
    const en = { currency: 'CNY', locale: 'en', compact: true } as const;
    expect(formatMoney(11_300_000_000, zh)).to.equal('¥1.13亿');
    expect(formatMoney(11_300_000_000, en)).to.equal('CN¥113M');
    expect(formatMoney(9_545_300_000, zh)).to.equal('¥9,545万'); // ¥95,453,000: 9,545.3万 keeps its four whole digits
    expect(formatMoney(9_545_300_000, en)).to.equal('CN¥95.5M');
    expect(formatMoney(1_754_700_000, zh)).to.equal('¥1,755万');
    expect(formatMoney(1_754_700_000, en)).to.equal('CN¥17.5M');
    // A per-call precision cannot break the rule: the goal tree asked for 2 digits, the review for the default.
    expect(formatMoney(11_300_000_000, { ...zh, digits: 2 })).to.equal('¥1.13亿');
    expect(formatMoney(11_300_000_000, { ...zh, digits: 0 })).to.equal('¥1.13亿');
    // Rounding up into the next unit moves to it: 9,999.5万 is ¥1亿, 999.95K is CN¥1M.
    expect(formatMoney(9_999_950_000, zh)).to.equal('¥1亿');
    expect(formatMoney(99_995_000, en)).to.equal('CN¥1M');
    expect(formatMoney(99_995_000, zh)).to.equal('¥100万');
    // Below the first unit the same rule, down to the currency's digits.
    expect(formatMoney(12_345, zh)).to.equal('¥123'); // ¥123.45
    expect(formatMoney(123, zh)).to.equal('¥1.23');
    expect(formatMoney(1, en)).to.equal('CN¥0.01');
    expect(formatMoney(1_234_567, { currency: 'JPY', locale: 'en', compact: true })).to.equal('¥1.23M');
  });

  it('compact amounts read back within half a unit of the third significant digit (property)', () => {
    fc.assert(
      fc.property(
        // Near MAX_SAFE_INTEGER the rounded figure (e.g. CN¥90.1T) is beyond what parseMoney accepts.
        fc.integer({ min: -8e15, max: 8e15 }),
        fc.constantFrom<MoneyLocale>('en', 'zh-CN'),
        fc.constantFrom('CNY', 'USD', 'JPY'),
        (minor, locale, currency) => {
          const text = formatMoney(minor, { currency, locale, compact: true });
          const r = parseMoney(text, { currency, locale, allowNegative: true });
          return r.ok && Math.abs(r.value - minor) <= Math.abs(minor) * 0.005 + 0.5;
        },
      ),
    );
  });

  it('falls back to a plain number for a malformed currency and shows bad amounts as 0', () => {
    expect(formatMoney(120_050, { currency: 'yuan', locale: 'zh-CN' })).to.equal('1,200.5 yuan');
    expect(formatMoney(Number.NaN, cny)).to.equal('¥0.00');
  });
});

describe('counts, percents and sums', () => {
  it('formats counts and percents per locale', () => {
    expect(formatCount(12_345, 'zh-CN')).to.equal('12,345');
    expect(formatCount(12_345, 'en')).to.equal('12,345');
    expect(formatCount(Number.POSITIVE_INFINITY, 'en')).to.equal('—');
    expect(formatPercent(0.8534, 'en')).to.equal('85.3%');
    expect(formatPercent(1.2, 'zh-CN', 0)).to.equal('120%');
    expect(formatPercent(0.5, 'zh-CN')).to.equal('50%');
    expect(formatPercent(null, 'en')).to.equal('—');
  });

  it('writes exact decimal strings', () => {
    expect(toDecimalString(120_000_050, 'CNY')).to.equal('1200000.50');
    expect(toDecimalString(-5, 'CNY')).to.equal('-0.05');
    expect(toDecimalString(1200, 'JPY')).to.equal('1200');
  });

  it('sums money and refuses to lose precision', () => {
    expect(sumMoney([120_000_000, 35_050])).to.deep.equal({ ok: true, value: 120_035_050 });
    expect(sumMoney([])).to.deep.equal({ ok: true, value: 0 });
    const over = sumMoney([Number.MAX_SAFE_INTEGER, 1]);
    expect(over.ok ? null : over.error.code).to.equal('money-too-large');
    const frac = sumMoney([1.5]);
    expect(frac.ok ? null : frac.error.code).to.equal('money-invalid');
  });
});

describe('figures shown together (issue 13 item 9)', () => {
  const zh = { currency: 'CNY', locale: 'zh-CN', compact: true } as const;
  const en = { currency: 'CNY', locale: 'en', compact: true } as const;
  /** The number a compact figure prints, in hundredths of its unit, e.g. "¥0.95亿" → 95. */
  const digitsOf = (s: string) => Number(s.replace(/[^\d.]/g, '').replace('.', ''));

  it('prints the gauge trio of the demo in one unit and precision, so actual + gap = target', () => {
    // actual ¥95,453,000 + gap ¥17,547,000 = target ¥113,000,000; the demo read "¥9,545.3万 / ¥1.1亿, 差距 ¥1,754.7万".
    const trio = [9_545_300_000, 1_754_700_000, 11_300_000_000];
    const z = formatMoneyGroup(trio, { ...zh, sum: true });
    expect(z).to.deep.equal(['¥0.95亿', '¥0.18亿', '¥1.13亿']);
    expect(digitsOf(z[0]) + digitsOf(z[1])).to.equal(digitsOf(z[2]));
    // No figure loses digits it has alone (CN¥95.5M, as the overview prints it): 95.5 + 17.5 = 113.0.
    expect(formatMoneyGroup(trio, { ...en, sum: true })).to.deep.equal(['CN¥95.5M', 'CN¥17.5M', 'CN¥113.0M']);
  });

  it('adds a digit when rounding alone would break the sum', () => {
    // ¥95,500,000 + ¥17,500,000: at two decimals of 亿, 0.96 + 0.18 ≠ 1.13.
    expect(formatMoneyGroup([9_550_000_000, 1_750_000_000, 11_300_000_000], { ...zh, sum: true })).to.deep.equal(['¥0.955亿', '¥0.175亿', '¥1.130亿']);
  });

  it('moves to a smaller unit rather than print a gap that is not zero as zero', () => {
    // ¥3,000 short of ¥113,000,000.
    expect(formatMoneyGroup([11_299_700_000, 300_000, 11_300_000_000], { ...zh, sum: true })).to.deep.equal(['¥11,299.7万', '¥0.3万', '¥11,300.0万']);
    expect(formatMoneyGroup([11_299_700_000, 300_000, 11_300_000_000], { ...en, sum: true })).to.deep.equal(['CN¥112,997K', 'CN¥3K', 'CN¥113,000K']);
  });

  it('shares the unit of the largest amount and writes zero as ¥0', () => {
    expect(formatMoneyGroup([11_300_000_000, 9_545_300_000], zh)).to.deep.equal(['¥1.13亿', '¥0.95亿']);
    expect(formatMoneyGroup([0, 11_300_000_000, 11_300_000_000], { ...zh, sum: true })).to.deep.equal(['¥0', '¥1.13亿', '¥1.13亿']);
    expect(formatMoneyGroup([120_000, 30_000], { currency: 'CNY', locale: 'en' })).to.deep.equal(['CN¥1,200.00', 'CN¥300.00']);
    expect(formatMoneyGroup([0, 30_000], { currency: 'CNY', locale: 'en', digits: 0 })).to.deep.equal(['CN¥0', 'CN¥300']);
    // Figures that do not add up exactly are not forced to: the plain shared unit and precision.
    expect(formatMoneyGroup([9_545_300_000, 1_000_000_000, 11_300_000_000], { ...zh, sum: true })).to.deep.equal(['¥0.95亿', '¥0.10亿', '¥1.13亿']);
  });

  it('adds up after rounding for any split of a total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e13 }),
        fc.integer({ min: 0, max: 1e13 }),
        fc.constantFrom(zh, en),
        (a, b, opts) => {
          const [x, y, t] = formatMoneyGroup([a, b, a + b], { ...opts, sum: true });
          const num = (s: string) => Number(s.replace(/[^\d.]/g, ''));
          const frac = (s: string) => (s.includes('.') ? s.split('.')[1].replace(/\D/g, '').length : 0);
          const scale = 10 ** frac(t);
          const unit = (s: string) => s.replace(/[\d.,]/g, '').replace(/^[A-Z]*¥/, '');
          const units = new Set([x, y, t].filter((s) => num(s) !== 0).map(unit));
          return units.size <= 1 && Math.round(num(x) * scale) + Math.round(num(y) * scale) === Math.round(num(t) * scale);
        },
      ),
    );
  });

  it('prints the two ends of a range differently whenever they differ', () => {
    // The demo's forecast read "¥1亿 (区间 ¥1亿 – ¥1亿)".
    expect(formatMoneyRange(100_400_000, 100_600_000, en)).to.deep.equal({ low: 'CN¥1.00M', high: 'CN¥1.01M', text: 'CN¥1.00M – CN¥1.01M' });
    expect(formatMoneyRange(100_400_000, 100_600_000, zh).text).to.equal('¥100万 – ¥101万');
    // Two more digits of M would be needed: one smaller unit reads better.
    expect(formatMoneyRange(100_400_000, 100_449_999, en).text).to.equal('CN¥1,004.0K – CN¥1,004.5K');
    expect(formatMoneyRange(10_040_000_000, 10_060_000_000, zh).text).to.equal('¥1.00亿 – ¥1.01亿');
    expect(formatMoneyRange(10_040_000_000, 10_049_000_000, zh).text).to.equal('¥1.004亿 – ¥1.005亿');
    expect(formatMoneyRange(100_400_000, 100_400_000, en).text).to.equal('≈ CN¥1M');
    fc.assert(
      fc.property(
        fc.integer({ min: -1e14, max: 1e14 }),
        fc.integer({ min: 1, max: 1e12 }),
        fc.constantFrom(zh, en),
        (low, width, opts) => {
          const r = formatMoneyRange(low, low + width, opts);
          return r.low !== r.high && r.text === `${r.low} – ${r.high}`;
        },
      ),
    );
  });
});

describe('signs and percentage points (issue 13 item 9)', () => {
  it('writes one minus sign, U+2212, in both locales', () => {
    expect(formatMoney(-150_000, cny)).to.equal('−¥1,500.00');
    expect(formatMoney(-150_000, { currency: 'CNY', locale: 'en' })).to.equal('−CN¥1,500.00');
    expect(formatMoney(-1_754_700_000, { ...cny, compact: true })).to.equal('−¥1,755万');
    expect(formatCount(-1_200, 'en')).to.equal('−1,200');
    expect(formatNumber(-3.46, 'zh-CN')).to.equal('−3.5');
    expect(formatPercent(-0.2, 'zh-CN')).to.equal('−20%');
    expect(formatPoints(-0.035, 'en')).to.equal('−3.5 pp');
    expect(formatPoints(-0.035, 'zh-CN')).to.equal('−3.5个百分点');
  });

  it('never writes −0: a value that rounds to zero has no sign', () => {
    expect(formatMoney(-40, { ...cny, digits: 0 })).to.equal('¥0');
    expect(formatCount(-0.4, 'en')).to.equal('0');
    expect(formatNumber(-0.04, 'en')).to.equal('0');
    expect(formatPercent(-0.0004, 'en')).to.equal('0%');
    expect(formatPercent(-0.0004, 'en', 1, { signed: true })).to.equal('0%');
    expect(formatPoints(-0.0004, 'en', { signed: true })).to.equal('0 pp');
    expect(formatPoints(-0.0004, 'zh-CN')).to.equal('0个百分点');
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.constantFrom<MoneyLocale>('en', 'zh-CN'), (v, locale) =>
        [formatPercent(v, locale, 1, { signed: true }), formatNumber(v, locale, { signed: true }), formatPoints(v / 10, locale, { signed: true }), formatCount(v, locale)].every(
          (s) => !s.includes('-') && (!/[−+]/.test(s) || /[1-9]/.test(s)),
        ),
      ),
    );
  });

  it('writes + on request for changes', () => {
    expect(formatMoney(12_300, { ...cny, signed: true })).to.equal('+¥123.00');
    expect(formatMoney(0, { ...cny, signed: true })).to.equal('¥0.00');
    expect(formatMoney(1_754_700_000, { ...cny, compact: true, signed: true })).to.equal('+¥1,755万');
    expect(formatPercent(0.053, 'en', 1, { signed: true })).to.equal('+5.3%');
    expect(formatNumber(2.25, 'en', { signed: true })).to.equal('+2.3');
    expect(formatPoints(0.035, 'zh-CN', { signed: true })).to.equal('+3.5个百分点');
    expect(formatPoints(0.035, 'en')).to.equal('3.5 pp');
  });
});
