import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  formatCount,
  formatMoney,
  formatPercent,
  minorDigits,
  parseMoney,
  sumMoney,
  toDecimalString,
  type MoneyLocale,
} from '../../src/engine/money.js';
import { coreMessages } from '../../src/i18n/messages/core.js';

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
    expect(formatMoney(-5, cny)).to.equal('-¥0.05');
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
    expect(formatMoney(1_234_500, zh)).to.equal('¥1.2万'); // ¥12,345
    expect(formatMoney(350_000, zh)).to.equal('¥3,500');
    expect(formatMoney(-150_000_000, zh)).to.equal('-¥150万');
    expect(formatMoney(1_234_500, { ...zh, digits: 2 })).to.equal('¥1.23万');
    const en = { currency: 'CNY', locale: 'en', compact: true } as const;
    expect(formatMoney(120_000_000, en)).to.equal('CN¥1.2M');
    expect(formatMoney(150_000, en)).to.equal('CN¥1.5K');
    expect(formatMoney(120_000_000_000, en)).to.equal('CN¥1.2B');
    expect(formatMoney(120_000_000, { ...en, currency: 'USD' })).to.equal('$1.2M');
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
