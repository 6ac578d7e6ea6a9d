import type { LocalizedMessages } from '../types.js';

/**
 * Messages for the error codes of `engine/goal-grid.ts`, and for the edit codes of
 * `engine/edit.ts` the goal tree shows most (the engine's own table may replace those). The goal tree formats
 * `max` and `min` as money or counts before it passes them in.
 */
export const goalGridMessages: LocalizedMessages = {
  en: {
    'period-locked': ({ period }) => `The locked target for ${period} would have to change. Unlock it first.`,
    'cell-locked': ({ node, period }) => `The target of ${node}${period ? ` for ${period}` : ''} is locked: a lock holds it against every edit. Unlock it to change it.`,
    'period-closed': ({ period }) => `${period} has closed: its targets are history and cannot be edited here.`,
    'below-closed': ({ node, period, closed }) => `The closed months of ${period} already hold ${closed} for ${node}: the target cannot be lower than that.`,
    'count-invalid': ({ input }) => `“${input}” is not a count. Enter a whole number such as 1,200 or 1.2万.`,
    'count-whole': ({ input }) => `“${input}” is not a whole number.`,
    'nothing-to-lock': () => 'There is no target here to lock.',
    'nothing-to-distribute': () => 'There is no target here to distribute.',
    'no-children': () => 'This node has no children to distribute to.',
    'siblings-locked': () => 'Every sibling is locked, so none can rebalance. Unlock one, or let the parent absorb the change.',
    'insufficient-siblings': ({ max }) => `The siblings cannot give up that much: the most this target can be is ${max}.`,
    'siblings-at-cap': ({ min }) => `The siblings cannot take that much: the least this target can be is ${min}.`,
    'parent-locked': () => 'The parent is locked, so it cannot absorb the change. Unlock it, or rebalance the siblings.',
  },
  'zh-CN': {
    'period-locked': ({ period }) => `${period} 的目标已锁定，需要先解锁才能修改。`,
    'cell-locked': ({ node, period }) => `${node}${period ? ` 在 ${period}` : ''} 的目标已锁定：锁定的目标不接受任何修改。请先解锁再修改。`,
    'period-closed': ({ period }) => `${period} 已结束：其目标已成为历史，不能在此修改。`,
    'below-closed': ({ node, period, closed }) => `${node} 在 ${period} 已结束的月份已有目标 ${closed}，新目标不能低于此数。`,
    'count-invalid': ({ input }) => `“${input}”不是有效数量，请输入整数，如 1,200 或 1.2万。`,
    'count-whole': ({ input }) => `“${input}”不是整数。`,
    'nothing-to-lock': () => '这里没有可锁定的目标。',
    'nothing-to-distribute': () => '这里没有可分配的目标。',
    'no-children': () => '该节点没有下级可分配。',
    'siblings-locked': () => '同级目标都已锁定，无法重新平衡。请先解锁一个，或改为由上级吸收差额。',
    'insufficient-siblings': ({ max }) => `同级目标不够调减：该目标最多为 ${max}。`,
    'siblings-at-cap': ({ min }) => `同级目标无法再增加：该目标最少为 ${min}。`,
    'parent-locked': () => '上级目标已锁定，无法吸收差额。请先解锁，或改为同级重新平衡。',
  },
};
