// Simplified Chinese (zh-CN): the messages of the goal-grid area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the error codes of `engine/goal-grid.ts`, and for the edit codes of
 * `engine/edit.ts` the goal tree shows most (the engine's own table may replace those). The goal tree formats
 * `max` and `min` as money or counts before it passes them in.
 */
const messages: MessageTable = {
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
};
export default messages;
