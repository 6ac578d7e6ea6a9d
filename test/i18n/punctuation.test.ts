import { expect } from '@open-wc/testing';
import { gaugeStrings } from '../../src/i18n/both-languages.js';
import { paceChartStrings } from '../../src/i18n/both-languages.js';
import { reviewMessages } from '../../src/i18n/both-languages.js';
import { paceMessages } from '../../src/i18n/both-languages.js';
import type { QkLocale } from '../../src/i18n/types.js';

/**
 * Issue 13 item 9: punctuation and signs per locale in the dictionaries that carry money, ranges
 * and percentages. Every string and every message is rendered with sample parameters (negative
 * amounts and changes included) and read as a whole.
 */
const samples: Record<string, string | number> = { delta: -20, growth: -5, amount: -408_440, value: 0.72, threshold: 0.8 };
/** Engine messages get numbers (minor units, percents); element strings get figures already formatted. */
const numbers = new Proxy(samples, { get: (t, k: string) => (k in t ? t[k] : 12) }) as never;
const figures = new Proxy({}, { get: () => '¥1.13亿' }) as never;

function texts(locale: QkLocale): [string, string][] {
  const out: [string, string][] = [];
  const walk = (name: string, v: unknown, params: never) => {
    if (typeof v === 'string') out.push([name, v]);
    else if (typeof v === 'function') out.push([name, (v as (p: unknown) => string)(params)]);
  };
  for (const [k, v] of Object.entries(gaugeStrings[locale])) walk(`gauge.${k}`, v, figures);
  for (const [k, v] of Object.entries(paceChartStrings[locale])) walk(`paceChart.${k}`, v, figures);
  for (const [k, v] of Object.entries(reviewMessages[locale])) walk(`errors.${k}`, v, numbers);
  for (const [k, v] of Object.entries(paceMessages[locale])) walk(`errors.${k}`, v, numbers);
  return out;
}

describe('punctuation and signs per locale (issue 13 item 9)', () => {
  it('zh-CN writes full-width ： and 。, 个百分点, and − for negatives', () => {
    const bad = texts('zh-CN').filter(([, s]) => /(?<!\d):(?!\d)|[\p{Script=Han}）”]\.|\.$|\bpp\b|-\d/u.test(s));
    expect(bad).to.deep.equal([]);
  });

  it('en writes ": " and ".", and − for negatives', () => {
    const bad = texts('en').filter(([, s]) => /[：。，（）]|(?<!\d):(?![ \d]|$)|-\d/.test(s));
    expect(bad).to.deep.equal([]);
  });

  it('writes a change in percent with + or −, never -0%', () => {
    const zh = reviewMessages['zh-CN']['review-diagnosis-deal-size']!({ plan: 5_000_000, actual: 4_000_000, delta: -20, currency: 'CNY' });
    expect(zh).to.equal('客单价从 ¥5万 降至 ¥4万（−20%），是所有因素中差距最大的：问题在客单价，而不在漏斗。');
    const en = reviewMessages.en['review-effect-leads']!({ plan: 500, actual: 600, delta: 20, amount: 15_844_014, currency: 'CNY' });
    expect(en).to.equal('Leads were 600 against 500 planned (+20%): worth CN¥158K of revenue.');
    const flat = reviewMessages.en['review-effect-leads']!({ plan: 500, actual: 500, delta: -0.01, amount: 0, currency: 'CNY' });
    expect(flat).to.contain('(0%)');
  });
});
