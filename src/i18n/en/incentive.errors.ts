// English: the messages of the incentive area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the incentive engine (`parseCommissionPlan`, `computePayout`, `whatIfPayout`,
 * `payoutCurve`, `mentoringCredit`, `computeTeamPayouts`) and the calculator element.
 */
const messages: MessageTable = {
  'incentive-plan-forbidden': ({ user, role }) => `Only finance or an administrator may change the commission plan; ${user} is ${({ manager: 'a manager', rep: 'a sales rep', viewer: 'a viewer' } as Record<string, string>)[String(role)] ?? String(role)}.`,
  'incentive-plan-invalid': ({ path, reason }) => `The commission plan is invalid at “${path}”: ${reason}.`,
  'incentive-target-invalid': ({ person }) =>
    person ? `${person} has no target above zero for this period, so no commission can be computed.` : 'The target must be an amount above zero.',
  'incentive-amount-invalid': ({ value }) => `“${value}” is not a whole amount of zero or more.`,
  'incentive-date-invalid': ({ value }) => `“${value}” is not a valid date (YYYY-MM-DD).`,
  'incentive-too-large': () => 'The amounts are too large to compute the commission exactly.',
  'incentive-node-unknown': ({ node }) => `There is no team or person with the id “${node}”.`,
  'incentive-failed': ({ message }) => `The team's commission could not be computed: ${message}`,
};
export default messages;
