import type { QkLocale } from '../types.js';

/** The strings of the element; parameters and plurals are functions. */
export interface FunnelStrings {
  title: string;
}

export const funnelStrings: Record<QkLocale, FunnelStrings> = {
  en: {
    title: 'Funnel inverter',
  },
  'zh-CN': {
    title: '销售漏斗逆向拆解',
  },
};
