import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface ReviewStrings {
  title: string;
}

export const reviewStrings: Record<QkLocale, ReviewStrings> = {
  en: {
    title: 'Period review',
  },
  'zh-CN': {
    title: '复盘',
  },
};
