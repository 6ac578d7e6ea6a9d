// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import funnelEn from '../en/funnel.js';
import funnelErrorsEn from '../en/funnel.errors.js';
import allocationErrorsEn from '../en/allocation.errors.js';

export function registerFunnelStrings(): void {
  registerStrings('funnel', { en: funnelEn, 'zh-CN': () => import('../zh-cn/funnel.js') });
  registerMessages('funnel', { en: funnelErrorsEn, 'zh-CN': () => import('../zh-cn/funnel.errors.js') });
  registerMessages('allocation', { en: allocationErrorsEn, 'zh-CN': () => import('../zh-cn/allocation.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const funnelStrings = stringSections(['funnel'], registerFunnelStrings);
