// The strings and error messages this element shows. The element calls this when it is constructed,
// so a page that loads one element downloads only that element's text.
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerMessages, registerStrings } from '../localize.js';
import { stringSections } from '../sections.js';
import paceChartEn from '../en/pace-chart.js';
import gaugeEn from '../en/gauge.js';
import paceErrorsEn from '../en/pace.errors.js';

export function registerPaceChartStrings(): void {
  registerStrings('paceChart', { en: paceChartEn, 'zh-CN': () => import('../zh-cn/pace-chart.js') });
  // The pace chart shares the gauge's base and its no-target / unknown-node messages.
  registerStrings('gauge', { en: gaugeEn, 'zh-CN': () => import('../zh-cn/gauge.js') });
  registerMessages('pace', { en: paceErrorsEn, 'zh-CN': () => import('../zh-cn/pace.errors.js') });
}

/** The sections the element reads, and their registration (the element's `strings`). */
export const paceChartStrings = stringSections(['paceChart', 'gauge'], registerPaceChartStrings);
