// English: the messages of the allocation area (one language per module).
import type { MessageTable } from '../types.js';
type P = Record<string, string | number>;

const SOURCE_EN: Record<string, string> = {
  equal: 'equal',
  history: 'history',
  potential: 'potential',
  capacity: 'capacity',
  custom: 'custom',
  topDown: 'top-down',
  bottomUp: 'bottom-up',
  market: 'market',
};
const src = (table: Record<string, string>, p: P) => table[String(p.source ?? '')] ?? String(p.source ?? '');
/** " (in node X)" when decomposePlan names the parent whose split failed. */
const inNodeEn = (p: P) => (p.node !== undefined ? ` (under ${p.node})` : '');

/**
 * Messages for the error codes of allocation and decomposition: `engine/allocate.ts`,
 * `weights.ts`, `ramp.ts`, `seasonality.ts`, `product-mix.ts`, `views.ts` and `edit.ts`.
 * Amounts arrive as raw integers (minor units or counts); a widget that wants them as money
 * formats the params before passing them in.
 */
const messages: MessageTable = {
  'invalid-total': (p) => `The total must be a whole amount, not “${p.total}”.`,
  'negative-total': (p) => `The total cannot be negative (${p.total})${inNodeEn(p)}.`,
  'duplicate-part': (p) => `“${p.id}” appears twice in the split.`,
  'invalid-weight': (p) =>
    p.source ? `The ${src(SOURCE_EN, p)} weight of ${p.id} must be a number of zero or more (got ${p.weight}).` : `The weight of ${p.id} must be a number of zero or more (got ${p.weight}).`,
  'invalid-locked-value': (p) => `The locked target of ${p.id} needs a whole value of zero or more.`,
  'invalid-bound': (p) => `The ${p.bound === 'cap' ? 'maximum' : 'minimum'} of ${p.id} must be a whole amount of zero or more (got ${p.value}).`,
  'floor-above-cap': (p) => `The minimum of ${p.id} (${p.floor}) is above its maximum (${p.cap}).`,
  'locked-exceeds-total': (p) => `Locked targets add up to ${p.locked}, more than the total of ${p.total}${inNodeEn(p)}. Unlock one or raise the total.`,
  'no-unlocked-parts': (p) => `${p.remaining} is left to distribute but every target is locked${inNodeEn(p)}. Unlock one.`,
  'floors-exceed-total': (p) => `The minimums add up to ${p.floors}, more than the ${p.available} available${inNodeEn(p)}.`,
  'caps-below-total': (p) => `The maximums add up to ${p.caps}, less than the ${p.available} to distribute${inNodeEn(p)}.`,
  'all-weights-zero': (p) => `Every weight is zero, so ${p.available} cannot be split by weight.`,
  'invalid-ramp-schedule': (p) => `Ramp step ${Number(p.index) + 1} needs whole months (from before to) and a factor of zero or more.`,
  'invalid-date': (p) => `“${p.date}” is not a valid date (YYYY-MM-DD).`,
  'invalid-month': (p) => `“${p.month}” is not a valid month (YYYY-MM).`,
  'missing-as-of': () => 'Capacity weights need the date at which to measure each rep’s ramp.',
  'invalid-blend': (p) =>
    p.method ? `“${p.method}” is not a weighting method.` : p.source ? `The ${src(SOURCE_EN, p)} weight of the blend must be a number of zero or more.` : 'A blend needs at least one weight above zero.',
  'invalid-fiscal-months': () => 'Expected the 12 months of one fiscal year.',
  'invalid-history': (p) => `The history for ${p.month} must be a number (got ${p.value}).`,
  'profile-length-mismatch': (p) => `The seasonality profile has ${p.weights} weights for ${p.months} months.`,
  'missing-month': (p) => `${p.period} has no value for ${p.month}.`,
  'invalid-share': (p) => `The minimum new-product share must be between 0% and 100% (got ${p.share}).`,
  'no-new-products': () => 'A minimum new-product share needs at least one product line marked new.',
  'invalid-tree': (p) => (p.id ? `The org tree is broken at ${p.id} (a duplicate, a missing parent or a cycle).` : 'The org tree must have exactly one top node.'),
  'invalid-value': (p) => `The target of ${p.id} must be a whole amount of zero or more (got ${p.value}).`,
  'invalid-growth': (p) => `The growth rate for ${p.id} must be a number of −100% or more (got ${p.growth}).`,
  'invalid-market': (p) => `The market of ${p.id} needs a whole size and a target share between 0% and 100%.`,
  'unknown-node': (p) => `${p.id} is not part of this split.`,
  'parent-locked': () => 'The parent is locked, so it cannot absorb the change. Unlock it, or rebalance the siblings.',
  'siblings-locked': () => 'Every sibling is locked, so none can rebalance. Unlock one, or let the parent absorb the change.',
  'insufficient-siblings': (p) => `The siblings cannot give up that much: the most this target can be is ${p.max}.`,
  'siblings-at-cap': (p) => `The siblings cannot take that much: the least this target can be is ${p.min}.`,
};
export default messages;
