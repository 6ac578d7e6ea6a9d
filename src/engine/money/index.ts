/**
 * Money: integer minor units (分), parsing what a person types (120万, ¥1,200,000.00) and formatting
 * in zh-CN and en. The ISO 4217 list (`currencies.ts`) is internal: the model's schema uses it.
 *
 * The domain's public names, listed one by one; anything not here is internal to the engine.
 */
export {
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
  type FormatMoneyGroupOptions,
  type FormatMoneyOptions,
  type MoneyLocale,
  type MoneyRangeText,
  type ParseMoneyOptions,
  type SignOptions,
} from './money.js';
