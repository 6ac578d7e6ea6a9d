import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface ScorecardStrings {
  title: string;
}

export const scorecardStrings: Record<QkLocale, ScorecardStrings> = {
  en: {
    title: 'Scorecard',
  },
  'zh-CN': {
    title: '绩效记分卡',
  },
};
