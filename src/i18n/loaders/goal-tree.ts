// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import goalTreeEn from '../en/goal-tree.js';
import allocationErrorsEn from '../en/allocation.errors.js';
import goalGridErrorsEn from '../en/goal-grid.errors.js';
import csvErrorsEn from '../en/csv.errors.js';

export function registerGoalTreeStrings(): void {
  registerStrings('goalTree', { en: goalTreeEn, 'zh-CN': () => import('../zh-cn/goal-tree.js') });
  registerMessages('allocation', { en: allocationErrorsEn, 'zh-CN': () => import('../zh-cn/allocation.errors.js') });
  registerMessages('goal-grid', { en: goalGridErrorsEn, 'zh-CN': () => import('../zh-cn/goal-grid.errors.js') });
  registerMessages('csv', { en: csvErrorsEn, 'zh-CN': () => import('../zh-cn/csv.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const goalTreeStrings = stringSections(['goalTree'], registerGoalTreeStrings);
