// English: the messages of the goal-grid area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the error codes of `engine/goal-grid.ts`, and for the edit codes of
 * `engine/edit.ts` the goal tree shows most (the engine's own table may replace those). The goal tree formats
 * `max` and `min` as money or counts before it passes them in.
 */
const messages: MessageTable = {
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
};
export default messages;
