import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface AdjustmentStrings {
  title: string;
}

export const adjustmentStrings: Record<QkLocale, AdjustmentStrings> = {
  en: {
    title: 'Target adjustments',
  },
  'zh-CN': {
    title: '目标调整',
  },
};
