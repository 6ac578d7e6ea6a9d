import type { CoreTranslation } from './types.js';

/** English: the strings every element shares. Each element registers its own section (see `loaders/`). */
export const en: CoreTranslation = {
  locale: 'en',
  languageName: 'English',
  common: {
    loading: 'Loading…',
    empty: 'Nothing to show yet.',
    retry: 'Retry',
    reset: 'Reset',
    dismiss: 'Dismiss',
    errorTitle: 'Something went wrong',
    noData: 'No data',
    total: 'Total',
    undo: 'Undo',
    redo: 'Redo',
    save: 'Save',
    saving: 'Saving…',
    saved: 'All changes saved',
    unsavedChanges: ({ count }) => (count === 1 ? '1 unsaved change' : `${count} unsaved changes`),
    conflict: 'Someone else changed this plan. Your edits are kept.',
    reloadAndReapply: 'Reload and re-apply my edits',
    noAdapter: 'No data source: set the data property or place the element inside <qk-provider>.',
  },
  metrics: {
    revenue: 'Revenue',
    collections: 'Collections',
    leads: 'Leads',
    visits: 'Visits',
    demos: 'Demos',
    quotes: 'Quotes',
    won: 'Won deals',
    winRate: 'Win rate',
    collectionRate: 'Collection rate',
    avgDealSize: 'Average deal size',
  },
  statuses: { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', 'too-early': 'Too early to judge', achieved: 'Achieved', missed: 'Missed' },
};
