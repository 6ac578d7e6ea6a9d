// English: the messages of the adjustment area (one language per module).
import type { MessageTable } from '../types.js';
const STATUS_EN: Record<string, string> = { draft: 'a draft', pending: 'pending', approved: 'approved', rejected: 'rejected', applied: 'applied', withdrawn: 'withdrawn' };
const ACTION_EN: Record<string, string> = { submit: 'submitted', approve: 'approved', reject: 'rejected', withdraw: 'withdrawn', apply: 'applied', reopen: 'reopened' };
const ROLE_EN: Record<string, string> = { rep: 'a sales rep', viewer: 'a viewer', finance: 'in finance', manager: 'a manager', admin: 'an administrator' };
const en = (m: Record<string, string>, k: unknown) => m[String(k)] ?? String(k ?? '');

/**
 * Messages for target adjustments: the error codes of `parseAdjustmentRequest`,
 * `previewAdjustment`, `canRequest` / `canApprove` (permission reasons), `transitionAdjustment`,
 * `applyAdjustment`, `evaluateTriggers` and the ledger, plus the panel's own `adjustment-vetoed`,
 * `adjustment-conflict` and `adjustment-no-user`. `node` params are names where the panel knows them.
 */
const messages: MessageTable = {
  'adjustment-invalid': ({ path, detail }) => `The request is incomplete or invalid${path ? ` (${path})` : ''}: ${detail}.`,
  'adjustment-reason-short': ({ min, length }) => `Please give a reason of at least ${min} characters (now ${length}).`,
  'adjustment-periods-duplicate': () => 'A period is selected twice.',
  'adjustment-recipient-self': () => 'The node cannot take over its own difference; choose teammates.',
  'adjustment-unknown-product': ({ product }) => `There is no product line “${product}” in the plan.`,
  'adjustment-unknown-node': ({ node }) => `There is no “${node}” in the organization.`,
  'adjustment-period-week': ({ period }) => `Weeks (${period}) cannot be adjusted; choose months, quarters or the year.`,
  'adjustment-periods-overlap': ({ a, b }) => `${a} and ${b} overlap; choose periods that do not contain each other.`,
  'adjustment-period-closed': ({ node, period, asOf, requested }) => `${period} closed before ${asOf}: its targets are archived and a request cannot change them (${requested} would change ${node}'s ${period} target). Choose only periods that are still open.`,
  'adjustment-no-parent': ({ node }) => `${node} is the top of the organization and has no teammates to absorb the change; choose “the parent total changes”.`,
  'adjustment-recipient-unknown': ({ node }) => `The recipient “${node}” is not in the organization.`,
  'adjustment-recipient-not-sibling': ({ node }) => `${node} is not in the same team, so cannot take over this difference.`,
  'adjustment-recipient-locked': ({ node, period }) => `${node}’s target for ${period} is locked; unlock it or choose other recipients.`,
  'adjustment-siblings-locked': ({ period }) => `Every teammate’s target for ${period} is locked, so nobody can absorb the change.`,
  'adjustment-siblings-insufficient': ({ max, period }) => `The teammates cannot give up that much in ${period}: the new value can be at most ${max}.`,
  'adjustment-parent-locked': ({ node, period }) => `${node}’s total for ${period} is locked, so it cannot absorb the change.`,
  'adjustment-children-locked': ({ node, period }) => `All targets below ${node} for ${period} are locked, so the change cannot be passed down.`,
  'adjustment-total-locked': ({ node, period }) => `${node}’s locked target for ${period} would change; unlock it first.`,
  'adjustment-target-locked': ({ node, period }) => `All of ${node}’s targets inside ${period} are locked.`,
  'adjustment-finer-cells': ({ node, period }) => `${node} has targets for shorter periods inside ${period}; adjust those periods instead.`,
  'adjustment-negative': ({ node, period }) => `${node}’s target for ${period} would fall below zero.`,
  'adjustment-forbidden-viewer': () => 'Your role can view targets but not request changes.',
  'adjustment-forbidden-rep-other': () => 'As a sales rep you can request changes to your own target only.',
  'adjustment-forbidden-scope': ({ node }) => `${node} is outside the part of the organization you manage.`,
  'adjustment-forbidden-own': ({ node }) => `You made this request, so you cannot decide on it or apply it: a manager responsible for ${node ?? 'its parent'}, or an administrator, must.`,
  'adjustment-forbidden-role': ({ node, user, role, scope }) =>
    user
      ? `Only a manager responsible for ${node ?? 'the node’s parent'} or above, or an administrator, can approve, reject or apply this; ${user} is ${ROLE_EN[String(role)] ?? String(role)}${scope ? ` (${scope})` : ''}.`
      : `Only a manager responsible for ${node ?? 'the node’s parent'}, or an administrator, can approve, reject or apply this; your role cannot.`,
  'adjustment-forbidden-approve-scope': ({ node, user, scope }) =>
    user
      ? `Only a manager responsible for ${node} or above, or an administrator, can approve, reject or apply this; ${user} manages ${scope || 'nothing'}, which does not include ${node}.`
      : `Only a manager responsible for ${node}, or an administrator, can approve, reject or apply this; ${node} is outside the part of the organization you manage.`,
  'adjustment-immutable': ({ field }) => `A submitted request cannot be changed (${field}); withdraw it and make a new one.`,
  'adjustment-status-locked': () => 'A request is approved or rejected only by the decision of an entitled approver, and applied only after that.',
  'adjustment-approved-changed': () => 'What was approved cannot change; preview it again to send it back for approval.',
  'adjustment-history-rewritten': () => 'The audit trail can only grow; an entry was changed or removed.',
  'adjustment-history-not-yours': () => 'An audit entry can only record what you did yourself.',
  'adjustment-history-mismatch': () => 'The new audit entry does not match the action taken.',
  'adjustment-not-signed-in': () => 'A decision is recorded for the signed-in user only.',
  'adjustment-illegal-transition': ({ from, action }) => `A request that is ${en(STATUS_EN, from)} cannot be ${en(ACTION_EN, action)}.`,
  'adjustment-not-requester': () => 'Only the person who made the request can do this.',
  'adjustment-no-preview': () => 'Preview the request before submitting it.',
  'adjustment-comment-required': () => 'Please say why you reject the request.',
  'adjustment-thresholds-invalid': ({ name, value }) => `The trigger threshold ${name} must be between 0 and 1 (got ${value}).`,
  'adjustment-vetoed': () => 'The page declined this action. Your entries are kept.',
  'adjustment-conflict': () => 'The plan changed since this preview. Preview again before applying; nothing was changed.',
  'adjustment-no-user': () => 'Sign in (or set the user) to request or approve adjustments.',
  'ledger-entry-invalid': ({ path, detail }) => `An audit entry is invalid (${path}): ${detail}.`,
  'ledger-duplicate': ({ requestId, seq }) => `Audit entry ${seq} of ${requestId} is already recorded.`,
  'ledger-out-of-order': ({ requestId, seq }) => `Audit entry ${seq} of ${requestId} is older than one already recorded.`,
};
export default messages;
