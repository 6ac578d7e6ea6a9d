// Simplified Chinese (zh-CN): the messages of the csv area (one language per module).
import type { MessageTable } from '../types.js';
const MONEY_REASON_ZH: Record<string, string> = {
  'money-empty': '内容为空',
  'money-decimal-points': '包含多个小数点',
  'money-grouping': '千位分隔符位置不对',
  'money-precision': '小数位数过多',
  'money-negative': '目标不能为负数',
  'money-too-large': '数值过大',
  'count-invalid': '数量必须是整数',
};
const COLUMN_ZH: Record<string, string> = { nodeId: '节点编号', metric: '指标', period: '期间' };

const whereZh = (p: Record<string, string | number>) => (p.cell ? `第 ${p.line} 行（${p.cell} 单元格）：` : `第 ${p.line} 行${p.column ? `第 ${p.column} 列` : ''}：`);

/**
 * Messages for CSV import of targets (`parseTargetsCsv`): the summary `csv-invalid` and one
 * message per problem, each starting with its line (and column).
 */
const messages: MessageTable = {
  'csv-invalid': ({ count, line }) => `文件未导入：共有 ${count} 处问题，第一处在第 ${line} 行。没有任何数据被修改。`,
  'csv-empty': () => '文件为空：没有表头行。',
  'csv-missing-column': (p) => `${whereZh(p)}表头缺少“${COLUMN_ZH[p.name] ?? p.name}”列。`,
  'csv-duplicate-column': (p) => `${whereZh(p)}“${p.name}”列重复（第一次出现在第 ${p.first} 列）。`,
  'csv-unknown-period': (p) => `${whereZh(p)}“${p.value}”既不是已知的列，也不是 ${p.fiscalYear} 的期间。`,
  'csv-unterminated-quote': (p) => `${whereZh(p)}此处的引号没有闭合。`,
  'csv-stray-quote': (p) => `${whereZh(p)}右引号后面还有多余的文字。`,
  'csv-column-count': (p) => `${whereZh(p)}该行有 ${p.actual} 个字段，表头有 ${p.expected} 个。`,
  'commitment-not-year': (p) => `${whereZh(p)}承诺针对整个财年（${p.fiscalYear}），不能填在 ${p.period}。`,
  'commitment-not-rep': (p) => `${whereZh(p)}${p.nodeId} 不是销售人员：只有销售人员填写承诺。`,
  'commitment-product': (p) => `${whereZh(p)}承诺针对全部产品线，产品列请留空。`,
  'csv-unknown-node': (p) => `${whereZh(p)}计划中没有节点“${p.value}”。`,
  'csv-unknown-metric': (p) => `${whereZh(p)}“${p.value}”不是可以设定目标的指标。`,
  'csv-unknown-product': (p) => `${whereZh(p)}计划中没有产品线“${p.value}”。`,
  'csv-bad-amount': (p) => `${whereZh(p)}“${p.value}”不是有效的金额${MONEY_REASON_ZH[p.reason] ? `（${MONEY_REASON_ZH[p.reason]}）` : ''}。`,
  'xlsx-unreadable': () => '该文件既不是 CSV，也不是可读取的 Excel 工作簿（.xlsx）。',
  'csv-duplicate-cell': (p) => `${whereZh(p)}${p.nodeId} 在 ${p.period} 的目标已在第 ${p.first} 行给出。`,
};
export default messages;
