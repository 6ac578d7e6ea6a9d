// Every element's strings and every engine area's messages: the full kit (`quotakit`, the bundle).
import { registerGoalTreeStrings } from './goal-tree.js';
import { registerFunnelStrings } from './funnel.js';
import { registerGaugeStrings } from './gauge.js';
import { registerPaceChartStrings } from './pace-chart.js';
import { registerAdjustmentStrings } from './adjustment.js';
import { registerIncentiveStrings } from './incentive.js';
import { registerReviewStrings } from './review.js';
import { registerScorecardStrings } from './scorecard.js';
import { registerMessages } from '../localize.js';
import { adapterMessages } from '../messages/adapter.js';
import { adjustmentMessages } from '../messages/adjustment.js';
import { allocationMessages } from '../messages/allocation.js';
import { coreMessages } from '../messages/core.js';
import { csvMessages } from '../messages/csv.js';
import { funnelMessages } from '../messages/funnel.js';
import { goalGridMessages } from '../messages/goal-grid.js';
import { incentiveMessages } from '../messages/incentive.js';
import { paceMessages } from '../messages/pace.js';
import { reviewMessages } from '../messages/review.js';
import { storeMessages } from '../messages/store.js';

export function registerAllStrings(): void {
  registerGoalTreeStrings();
  registerFunnelStrings();
  registerGaugeStrings();
  registerPaceChartStrings();
  registerAdjustmentStrings();
  registerIncentiveStrings();
  registerReviewStrings();
  registerScorecardStrings();
  registerMessages(adapterMessages);
  registerMessages(adjustmentMessages);
  registerMessages(allocationMessages);
  registerMessages(coreMessages);
  registerMessages(csvMessages);
  registerMessages(funnelMessages);
  registerMessages(goalGridMessages);
  registerMessages(incentiveMessages);
  registerMessages(paceMessages);
  registerMessages(reviewMessages);
  registerMessages(storeMessages);
}
