import { expect } from '@open-wc/testing';
import { formatDate, formatDay, formatMonth } from '../../src/i18n/dates.js';
import { formatNumber } from '../../src/engine/money/money.js';

describe('display formats shared by the elements', () => {
  it('formats calendar dates in both languages without shifting a day', () => {
    expect(formatDate('2026-03-11', 'en')).to.equal('Mar 11, 2026');
    expect(formatDate('2026-03-11', 'zh-CN')).to.equal('2026年3月11日');
    expect(formatDay('2026-12-31', 'en')).to.equal('Dec 31');
    expect(formatDay('2026-01-01', 'zh-CN')).to.equal('1月1日');
    expect(formatMonth('2026-03-01', 'zh-CN')).to.equal('3月');
    expect(formatDate('2026-03-01', 'en', 'month-year')).to.equal('Mar 2026');
    expect(formatDate('2026-03', 'zh-CN', 'month-year')).to.equal('2026年3月');
  });

  it('formats plain numbers with the requested decimals', () => {
    expect(formatNumber(62.8, 'en', { min: 1, max: 1 })).to.equal('62.8');
    expect(formatNumber(100, 'zh-CN', { min: 1, max: 1 })).to.equal('100.0');
    expect(formatNumber(12345.67, 'en')).to.equal('12,345.7');
    expect(formatNumber(Number.NaN, 'en')).to.equal('—');
  });
});
