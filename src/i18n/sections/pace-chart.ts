import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface PaceChartStrings {
  title: string;
}

export const paceChartStrings: Record<QkLocale, PaceChartStrings> = {
  en: {
    title: 'Pace',
  },
  'zh-CN': {
    title: '进度',
  },
};
