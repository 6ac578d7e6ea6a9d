// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import incentiveEn from '../en/incentive.js';
import incentiveErrorsEn from '../en/incentive.errors.js';
import allocationErrorsEn from '../en/allocation.errors.js';

export function registerIncentiveStrings(): void {
  registerStrings('incentive', { en: incentiveEn, 'zh-CN': () => import('../zh-cn/incentive.js') });
  registerMessages('incentive', { en: incentiveErrorsEn, 'zh-CN': () => import('../zh-cn/incentive.errors.js') });
  registerMessages('allocation', { en: allocationErrorsEn, 'zh-CN': () => import('../zh-cn/allocation.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const incentiveStrings = stringSections(['incentive'], registerIncentiveStrings);
