import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface IncentiveStrings {
  title: string;
}

export const incentiveStrings: Record<QkLocale, IncentiveStrings> = {
  en: {
    title: 'Incentives',
  },
  'zh-CN': {
    title: '激励测算',
  },
};
