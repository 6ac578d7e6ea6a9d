// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import adjustmentEn from '../en/adjustment.js';
import adjustmentErrorsEn from '../en/adjustment.errors.js';
import allocationErrorsEn from '../en/allocation.errors.js';
import paceErrorsEn from '../en/pace.errors.js';

export function registerAdjustmentStrings(): void {
  registerStrings('adjustment', { en: adjustmentEn, 'zh-CN': () => import('../zh-cn/adjustment.js') });
  registerMessages('adjustment', { en: adjustmentErrorsEn, 'zh-CN': () => import('../zh-cn/adjustment.errors.js') });
  registerMessages('allocation', { en: allocationErrorsEn, 'zh-CN': () => import('../zh-cn/allocation.errors.js') });
  registerMessages('pace', { en: paceErrorsEn, 'zh-CN': () => import('../zh-cn/pace.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const adjustmentStrings = stringSections(['adjustment'], registerAdjustmentStrings);
