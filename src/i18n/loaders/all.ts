// Every element's strings and every engine area's messages: the full kit (`quotakit`, the bundle).
// English is in the first load (it is the default and the fallback); zh-CN arrives by import() the
// first time an element renders in it (see localize.ts).
import { registerGoalTreeStrings } from './goal-tree.js';
import { registerFunnelStrings } from './funnel.js';
import { registerGaugeStrings } from './gauge.js';
import { registerPaceChartStrings } from './pace-chart.js';
import { registerAdjustmentStrings } from './adjustment.js';
import { registerIncentiveStrings } from './incentive.js';
import { registerReviewStrings } from './review.js';
import { registerScorecardStrings } from './scorecard.js';
import { registerMessages } from '../localize.js';
import adapterErrorsEn from '../en/adapter.errors.js';
import adjustmentErrorsEn from '../en/adjustment.errors.js';
import allocationErrorsEn from '../en/allocation.errors.js';
import coreErrorsEn from '../en/core.errors.js';
import csvErrorsEn from '../en/csv.errors.js';
import funnelErrorsEn from '../en/funnel.errors.js';
import goalGridErrorsEn from '../en/goal-grid.errors.js';
import incentiveErrorsEn from '../en/incentive.errors.js';
import paceErrorsEn from '../en/pace.errors.js';
import reviewErrorsEn from '../en/review.errors.js';
import storeErrorsEn from '../en/store.errors.js';

export function registerAllStrings(): void {
  registerGoalTreeStrings();
  registerFunnelStrings();
  registerGaugeStrings();
  registerPaceChartStrings();
  registerAdjustmentStrings();
  registerIncentiveStrings();
  registerReviewStrings();
  registerScorecardStrings();
  registerMessages('adapter', { en: adapterErrorsEn, 'zh-CN': () => import('../zh-cn/adapter.errors.js') });
  registerMessages('adjustment', { en: adjustmentErrorsEn, 'zh-CN': () => import('../zh-cn/adjustment.errors.js') });
  registerMessages('allocation', { en: allocationErrorsEn, 'zh-CN': () => import('../zh-cn/allocation.errors.js') });
  registerMessages('core', { en: coreErrorsEn, 'zh-CN': () => import('../zh-cn/core.errors.js') });
  registerMessages('csv', { en: csvErrorsEn, 'zh-CN': () => import('../zh-cn/csv.errors.js') });
  registerMessages('funnel', { en: funnelErrorsEn, 'zh-CN': () => import('../zh-cn/funnel.errors.js') });
  registerMessages('goal-grid', { en: goalGridErrorsEn, 'zh-CN': () => import('../zh-cn/goal-grid.errors.js') });
  registerMessages('incentive', { en: incentiveErrorsEn, 'zh-CN': () => import('../zh-cn/incentive.errors.js') });
  registerMessages('pace', { en: paceErrorsEn, 'zh-CN': () => import('../zh-cn/pace.errors.js') });
  registerMessages('review', { en: reviewErrorsEn, 'zh-CN': () => import('../zh-cn/review.errors.js') });
  registerMessages('store', { en: storeErrorsEn, 'zh-CN': () => import('../zh-cn/store.errors.js') });
}
