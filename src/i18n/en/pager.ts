// English: the strings of pager (one language per module, so a page downloads only its own).
import type { PagerStrings } from '../../internal/pager.js';

const strings: PagerStrings = {
  searchLabel: 'Find a person',
  status: ({ from, to, matches, matchCount, total, query, onePage }) =>
    query === null
      ? `${from}–${to} of ${total} people`
      : matchCount === 0
        ? `No one of ${total} people matches “${query}”`
        : onePage
          ? `${matches} of ${total} people match “${query}”`
          : `${from}–${to} of ${matches} people matching “${query}” (${total} in all)`,
  pages: 'Pages',
  previous: 'Previous',
  next: 'Next',
};
export default strings;
