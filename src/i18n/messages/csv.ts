import type { LocalizedMessages } from '../types.js';

const MONEY_REASON_EN: Record<string, string> = {
  'money-empty': 'it is empty',
  'money-decimal-points': 'it has more than one decimal point',
  'money-grouping': 'a thousands separator is misplaced',
  'money-precision': 'it has too many decimals',
  'money-negative': 'targets cannot be negative',
  'money-too-large': 'it is too large',
  'count-invalid': 'a count must be a whole number',
};
const MONEY_REASON_ZH: Record<string, string> = {
  'money-empty': '内容为空',
  'money-decimal-points': '包含多个小数点',
  'money-grouping': '千位分隔符位置不对',
  'money-precision': '小数位数过多',
  'money-negative': '目标不能为负数',
  'money-too-large': '数值过大',
  'count-invalid': '数量必须是整数',
};
const COLUMN_EN: Record<string, string> = { nodeId: 'node ID', metric: 'metric', period: 'period' };
const COLUMN_ZH: Record<string, string> = { nodeId: '节点编号', metric: '指标', period: '期间' };

/** Where a problem is: “Line 3, column 2: …” / “第 3 行第 2 列：…” (column 0 = the whole line). */
const whereEn = (p: Record<string, string | number>) => `Line ${p.line}${p.column ? `, column ${p.column}` : ''}: `;
const whereZh = (p: Record<string, string | number>) => `第 ${p.line} 行${p.column ? `第 ${p.column} 列` : ''}：`;

/**
 * Messages for CSV import of targets (`parseTargetsCsv`): the summary `csv-invalid` and one
 * message per problem, each starting with its line (and column).
 */
export const csvMessages: LocalizedMessages = {
  en: {
    'csv-invalid': ({ count, line }) => `The file was not imported: ${count === 1 ? 'there is 1 problem' : `there are ${count} problems`}, the first on line ${line}. Nothing was changed.`,
    'csv-empty': () => 'The file is empty: it has no header line.',
    'csv-missing-column': (p) => `${whereEn(p)}the header has no ${COLUMN_EN[p.name] ?? p.name} column.`,
    'csv-duplicate-column': (p) => `${whereEn(p)}the column “${p.name}” appears twice (first in column ${p.first}).`,
    'csv-unknown-period': (p) => `${whereEn(p)}“${p.value}” is neither a known column nor a period of ${p.fiscalYear}.`,
    'csv-unterminated-quote': (p) => `${whereEn(p)}a quote is opened here and never closed.`,
    'csv-stray-quote': (p) => `${whereEn(p)}there is text after the closing quote.`,
    'csv-column-count': (p) => `${whereEn(p)}the line has ${p.actual} fields, but the header has ${p.expected}.`,
    'csv-unknown-node': (p) => `${whereEn(p)}“${p.value}” is not a node of this plan.`,
    'csv-unknown-metric': (p) => `${whereEn(p)}“${p.value}” is not a metric that takes targets.`,
    'csv-unknown-product': (p) => `${whereEn(p)}“${p.value}” is not a product line of this plan.`,
    'csv-bad-amount': (p) => `${whereEn(p)}“${p.value}” is not a valid amount${MONEY_REASON_EN[p.reason] ? ` (${MONEY_REASON_EN[p.reason]})` : ''}.`,
    'csv-duplicate-cell': (p) => `${whereEn(p)}the target of ${p.nodeId} for ${p.period} is already given on line ${p.first}.`,
  },
  'zh-CN': {
    'csv-invalid': ({ count, line }) => `文件未导入：共有 ${count} 处问题，第一处在第 ${line} 行。没有任何数据被修改。`,
    'csv-empty': () => '文件为空：没有表头行。',
    'csv-missing-column': (p) => `${whereZh(p)}表头缺少“${COLUMN_ZH[p.name] ?? p.name}”列。`,
    'csv-duplicate-column': (p) => `${whereZh(p)}“${p.name}”列重复（第一次出现在第 ${p.first} 列）。`,
    'csv-unknown-period': (p) => `${whereZh(p)}“${p.value}”既不是已知的列，也不是 ${p.fiscalYear} 的期间。`,
    'csv-unterminated-quote': (p) => `${whereZh(p)}此处的引号没有闭合。`,
    'csv-stray-quote': (p) => `${whereZh(p)}右引号后面还有多余的文字。`,
    'csv-column-count': (p) => `${whereZh(p)}该行有 ${p.actual} 个字段，表头有 ${p.expected} 个。`,
    'csv-unknown-node': (p) => `${whereZh(p)}计划中没有节点“${p.value}”。`,
    'csv-unknown-metric': (p) => `${whereZh(p)}“${p.value}”不是可以设定目标的指标。`,
    'csv-unknown-product': (p) => `${whereZh(p)}计划中没有产品线“${p.value}”。`,
    'csv-bad-amount': (p) => `${whereZh(p)}“${p.value}”不是有效的金额${MONEY_REASON_ZH[p.reason] ? `（${MONEY_REASON_ZH[p.reason]}）` : ''}。`,
    'csv-duplicate-cell': (p) => `${whereZh(p)}${p.nodeId} 在 ${p.period} 的目标已在第 ${p.first} 行给出。`,
  },
};
