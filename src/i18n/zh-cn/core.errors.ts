// Simplified Chinese (zh-CN): the messages of the core area (one language per module).
import type { MessageTable } from '../types.js';

/** Messages for the engine core's error codes: money parsing (money.ts) and period ids (periods.ts). */
const messages: MessageTable = {
  'money-empty': () => '请输入金额。',
  'money-invalid': ({ input }) => `“${input}”不是有效金额，可输入 1,200,000、120万 或 1.2M。`,
  'money-decimal-points': ({ input }) => `“${input}”含有多个小数点。`,
  'money-grouping': ({ input }) => `“${input}”的千位分隔符位置不对，请写成 1,200,000 或 1200000。`,
  'money-precision': ({ currency, digits }) =>
    Number(digits) === 0 ? `${currency} 金额不能有小数。` : `${currency} 金额最多保留 ${digits} 位小数。`,
  'money-negative': () => '金额不能为负数。',
  'money-too-large': () => '金额过大。',
  'money-currency': ({ currency }) => `“${currency}”不是有效的币种代码（如 CNY、USD）。`,
  'period-invalid': ({ id }) => `“${id}”不是有效的期间，请使用 FY2026、FY2026-H1、FY2026-Q1、2026-04 或 2026-W05 这样的格式。`,
  'period-week-range': ({ year, weeks }) => `${year} 年只有 ${weeks} 个 ISO 周。`,
};
export default messages;
