import type { MessageTable, QkLocale, LocalizedMessages } from '../types.js';
import { storeMessages } from './store.js';

/** Every area's error messages; an area added under messages/ is listed here once. */
const areas: LocalizedMessages[] = [storeMessages];

export function allMessages(locale: QkLocale): MessageTable {
  return Object.assign({}, ...areas.map((a) => a[locale]));
}
