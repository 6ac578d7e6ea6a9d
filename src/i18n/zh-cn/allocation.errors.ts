// Simplified Chinese (zh-CN): the messages of the allocation area (one language per module).
import type { MessageTable } from '../types.js';
type P = Record<string, string | number>;

const SOURCE_ZH: Record<string, string> = {
  equal: '平均',
  history: '历史业绩',
  potential: '市场潜力',
  capacity: '人员产能',
  custom: '自定义',
  topDown: '自上而下',
  bottomUp: '自下而上',
  market: '市场',
};
const src = (table: Record<string, string>, p: P) => table[String(p.source ?? '')] ?? String(p.source ?? '');
const inNodeZh = (p: P) => (p.node !== undefined ? `（${p.node} 下）` : '');

/**
 * Messages for the error codes of allocation and decomposition: `engine/allocate.ts`,
 * `weights.ts`, `ramp.ts`, `seasonality.ts`, `product-mix.ts`, `views.ts` and `edit.ts`.
 * Amounts arrive as raw integers (minor units or counts); a widget that wants them as money
 * formats the params before passing them in.
 */
const messages: MessageTable = {
  'invalid-total': (p) => `总额必须是整数金额，“${p.total}”无效。`,
  'negative-total': (p) => `总额不能为负数（${p.total}）${inNodeZh(p)}。`,
  'duplicate-part': (p) => `“${p.id}”在拆分中出现了两次。`,
  'invalid-weight': (p) =>
    p.source ? `${p.id} 的${src(SOURCE_ZH, p)}权重必须是不小于零的数字（当前为 ${p.weight}）。` : `${p.id} 的权重必须是不小于零的数字（当前为 ${p.weight}）。`,
  'invalid-locked-value': (p) => `${p.id} 已锁定，需要一个不小于零的整数目标。`,
  'invalid-bound': (p) => `${p.id} 的${p.bound === 'cap' ? '上限' : '下限'}必须是不小于零的整数（当前为 ${p.value}）。`,
  'floor-above-cap': (p) => `${p.id} 的下限（${p.floor}）高于上限（${p.cap}）。`,
  'locked-exceeds-total': (p) => `已锁定的目标合计 ${p.locked}，超过了总额 ${p.total}${inNodeZh(p)}。请解锁部分目标或调高总额。`,
  'no-unlocked-parts': (p) => `还有 ${p.remaining} 待分配，但所有目标都已锁定${inNodeZh(p)}。请先解锁一个。`,
  'floors-exceed-total': (p) => `各项下限合计 ${p.floors}，超过了可分配的 ${p.available}${inNodeZh(p)}。`,
  'caps-below-total': (p) => `各项上限合计 ${p.caps}，不足以容纳待分配的 ${p.available}${inNodeZh(p)}。`,
  'all-weights-zero': (p) => `所有权重都为零，无法按权重拆分 ${p.available}。`,
  'invalid-ramp-schedule': (p) => `爬坡规则第 ${Number(p.index) + 1} 段需要整数月份（起始小于结束）和不小于零的系数。`,
  'invalid-date': (p) => `“${p.date}”不是有效日期（格式为 YYYY-MM-DD）。`,
  'invalid-month': (p) => `“${p.month}”不是有效月份（格式为 YYYY-MM）。`,
  'missing-as-of': () => '按人员产能分配需要指定计算爬坡系数的日期。',
  'invalid-blend': (p) =>
    p.method ? `“${p.method}”不是有效的分配方法。` : p.source ? `组合中的${src(SOURCE_ZH, p)}权重必须是不小于零的数字。` : '组合权重中至少要有一项大于零。',
  'invalid-fiscal-months': () => '需要一个财年的 12 个月份。',
  'invalid-history': (p) => `${p.month} 的历史数据必须是数字（当前为 ${p.value}）。`,
  'profile-length-mismatch': (p) => `季节性系数有 ${p.weights} 个权重，但月份有 ${p.months} 个。`,
  'missing-month': (p) => `${p.period} 缺少 ${p.month} 的数值。`,
  'invalid-share': (p) => `新产品最低占比必须在 0% 到 100% 之间（当前为 ${p.share}）。`,
  'no-new-products': () => '设置新产品最低占比需要至少一条标记为新产品的产品线。',
  'invalid-tree': (p) => (p.id ? `组织架构在 ${p.id} 处有误（重复、上级不存在或循环引用）。` : '组织架构必须有且只有一个顶层节点。'),
  'invalid-value': (p) => `${p.id} 的目标必须是不小于零的整数（当前为 ${p.value}）。`,
  'invalid-growth': (p) => `${p.id} 的增长率不能低于 −100%（当前为 ${p.growth}）。`,
  'invalid-market': (p) => `${p.id} 的市场数据需要整数的市场规模和 0% 到 100% 之间的目标份额。`,
  'unknown-node': (p) => `${p.id} 不在本次拆分范围内。`,
  'parent-locked': () => '上级目标已锁定，无法吸收差额。请先解锁，或改为同级重新平衡。',
  'siblings-locked': () => '同级目标都已锁定，无法重新平衡。请先解锁一个，或改为由上级吸收差额。',
  'insufficient-siblings': (p) => `同级目标不够调减：该目标最多为 ${p.max}。`,
  'siblings-at-cap': (p) => `同级目标无法再增加：该目标最少为 ${p.min}。`,
};
export default messages;
