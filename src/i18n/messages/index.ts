import type { MessageTable, QkLocale, LocalizedMessages } from '../types.js';
import { adapterMessages } from './adapter.js';
import { adjustmentMessages } from './adjustment.js';
import { allocationMessages } from './allocation.js';
import { coreMessages } from './core.js';
import { csvMessages } from './csv.js';
import { funnelMessages } from './funnel.js';
import { goalGridMessages } from './goal-grid.js';
import { incentiveMessages } from './incentive.js';
import { paceMessages } from './pace.js';
import { reviewMessages } from './review.js';
import { storeMessages } from './store.js';

/** Every area's error messages; an area added under messages/ is listed here once. */
const areas: LocalizedMessages[] = [adapterMessages, adjustmentMessages, allocationMessages, coreMessages, csvMessages, funnelMessages, goalGridMessages, incentiveMessages, paceMessages, reviewMessages, storeMessages];

export function allMessages(locale: QkLocale): MessageTable {
  return Object.assign({}, ...areas.map((a) => a[locale]));
}
