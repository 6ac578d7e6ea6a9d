/**
 * QuotaKit: everything in one import, with every element registered.
 * For classes without registration use `quotakit/components/*`; for the pure engine `quotakit/engine`.
 */
import './define/index.js';
import { registerAllStrings } from './i18n/loaders/all.js';

registerAllStrings();

export * from './engine/index.js';
export * from './adapter/index.js';
export * from './store/store.js';
export * from './store/adjustments.js';
export * from './store/pending-storage.js';
export { webPendingStorage, browserPendingStorage } from './internal/web-pending-storage.js';
export * from './context/index.js';
export * from './events/index.js';
export * from './i18n/index.js';
export { defineElement } from './internal/define.js';
export { QkElement, type QkData } from './internal/qk-element.js';
export { VERSION } from './internal/version.js';
export { QkProvider } from './components/provider/index.js';
