// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import gaugeEn from '../en/gauge.js';
import paceErrorsEn from '../en/pace.errors.js';

export function registerGaugeStrings(): void {
  registerStrings('gauge', { en: gaugeEn, 'zh-CN': () => import('../zh-cn/gauge.js') });
  registerMessages('pace', { en: paceErrorsEn, 'zh-CN': () => import('../zh-cn/pace.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const gaugeStrings = stringSections(['gauge'], registerGaugeStrings);
