// English: the messages of the adapter area (one language per module).
import type { MessageTable } from '../types.js';

/**
 * Messages for the adapters' error codes (`QkAdapterError.code`). Optional params: `currentVersion`
 * (conflict), `reason` (the adapter's English message), `issues` (how many issues `invalid-data`
 * lists; the issues themselves are worded by `describeIssue` in `../issues.ts`).
 */
const messages: MessageTable = {
  // With `issues` (their count) the element lists each problem under this sentence, so the English
  // log text in `reason` would only repeat them.
  'invalid-data': ({ reason, issues }) =>
    `The data from the CRM is invalid, so none of it was loaded.${!issues && reason ? ` Details: ${reason}` : ''}`,
  network: () => 'The CRM could not be reached or did not answer in time. Check the connection and try again.',
  conflict: ({ currentVersion }) =>
    `Someone else changed this plan${currentVersion === undefined ? '' : ` (it is now at version ${currentVersion})`}. Reload to see their changes; your edits are kept.`,
  forbidden: () => 'You do not have permission to see or change this data.',
  'not-found': () => 'The requested data was not found in the CRM.',
};
export default messages;
