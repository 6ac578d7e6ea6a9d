// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import scorecardEn from '../en/scorecard.js';
import reviewErrorsEn from '../en/review.errors.js';
import funnelErrorsEn from '../en/funnel.errors.js';

export function registerScorecardStrings(): void {
  registerStrings('scorecard', { en: scorecardEn, 'zh-CN': () => import('../zh-cn/scorecard.js') });
  registerMessages('review', { en: reviewErrorsEn, 'zh-CN': () => import('../zh-cn/review.errors.js') });
  registerMessages('funnel', { en: funnelErrorsEn, 'zh-CN': () => import('../zh-cn/funnel.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const scorecardStrings = stringSections(['scorecard'], registerScorecardStrings);
