import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface GaugeStrings {
  title: string;
}

export const gaugeStrings: Record<QkLocale, GaugeStrings> = {
  en: {
    title: 'Attainment',
  },
  'zh-CN': {
    title: '目标完成率',
  },
};
