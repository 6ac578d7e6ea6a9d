/**
 * The boundary of an element given `.data` by its host (no provider, no adapter): the payload is
 * checked here and fed into a store of the element's own. `QkElement` loads this module by
 * `import()` the first time an element gets `.data`, so the store reaches a page only when it shows
 * data that way; under a provider, the provider's store is the boundary and this module is never
 * loaded. As for the display elements (`read-data-store.ts`), a valid payload is checked without
 * zod; the full validator arrives by `import()` only when the fast check declines (issue 14).
 */
import { QkStore, type StoreError } from '../store/store.js';
import { feedData, loadFullCheck, useFullCheck } from '../store/checks.js';
import type { QkData } from './qk-element.js';

/** Loads the full validator ahead of time (server rendering, hydration): afterwards every payload is decided at once. */
export const preloadValidator = (): Promise<unknown> => loadFullCheck();

/** Hands over a validator already loaded (`quotakit/ssr/hydrate`). */
export const useValidator = useFullCheck;

/** A store that holds only what it is given (no adapter, no autosave). */
export const dataStore = (): QkStore => new QkStore({ autosaveMs: false });

/**
 * Checks `data` and shows it in `store`; a bad payload puts the store in its error state and is
 * returned, for the element to report as `qk-error`. A promise when the full validator must be
 * loaded first (the store shows its loading state meanwhile).
 */
export const feedStore = (store: QkStore, data: QkData): StoreError | null | Promise<StoreError | null> => feedData(store, data);
