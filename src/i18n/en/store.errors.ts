// English: the messages of the store area (one language per module).
import type { MessageTable } from '../types.js';

/** Messages for the store's own error codes. */
const messages: MessageTable = {
  'no-adapter': () => 'No data source is connected.',
  'load-failed': ({ reason }) => `The plan could not be loaded: ${reason}`,
  'save-failed': ({ reason }) => `Your changes could not be saved (they are kept): ${reason}`,
  'save-conflict': () => 'The plan was changed by someone else since you loaded it. Your edits are kept; reload to re-apply them.',
  'nothing-to-undo': () => 'Nothing to undo.',
  'json-invalid': ({ prop, reason }) => `The JSON configuration for "${prop}" is not valid: ${reason}`,
  'json-unknown-prop': ({ prop, allowed }) => `"${prop}" cannot be set from JSON (allowed: ${allowed}).`,
  timeout: () => 'The CRM did not answer in time. Your changes are kept; they are sent again when you retry.',
  'no-plan': () => 'No plan is loaded yet.',
  'edit-no-user': () => 'You are not signed in, so targets cannot be changed.',
  'input-commitment-not-own': ({ node }) => `A rep may enter only their own commitment, not the one of ${node}.`,
  'input-ramp-not-rep': ({ node }) => `A ramp curve belongs to a rep; ${node} is not one.`,
  'edit-unknown-node': ({ node }) => `There is no unit “${node}” in this plan.`,
  'edit-forbidden-role': ({ node }) => `Your role can view targets but not change them (${node}). Ask a manager or use an adjustment request.`,
  'edit-forbidden-scope': ({ node }) => `${node} is outside the part of the organization you may edit.`,
  'edit-locked': ({ node, period }) => `The ${period} target of ${node} is locked. Unlock it first (someone entitled to edit ${node} can).`,
  'edit-period-closed': ({ node, period }) => `${period} is closed: the target of ${node} for it is on record and cannot change.`,
  'save-retrying': ({ count }) => `Saving failed; trying again (${count} ${Number(count) === 1 ? 'change' : 'changes'} kept).`,
};
export default messages;
