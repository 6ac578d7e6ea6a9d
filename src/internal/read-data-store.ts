/**
 * The boundary of a display element (gauge, pace chart) given `.data` by its host: the payload is
 * checked and shown in a `ReadStore` (the read model alone, no editing store). `QkElement` loads
 * this module by `import()` the first time such an element gets `.data`.
 *
 * Validation stays complete: the zod-free fast parse (`adapter/fast-parse.ts`, which accepts exactly
 * what the zod schemas accept) and the cross-record checks (`adapter/cross-check.ts`) take a valid
 * payload and report cross-record problems at once. When the fast parse is not sure — a field zod
 * would refuse, or an odd input — the full validator (`adapter/validate.ts`, zod, through
 * `store/full-check.ts`) is loaded by `import()` and decides, with every issue listed and localized
 * as before (`store/checks.ts`). So a page that shows valid data never loads zod (issue 14).
 */
import { ReadStore } from '../store/read-store.js';
import type { StoreError } from '../store/errors.js';
import { feedData, loadFullCheck, useFullCheck } from '../store/checks.js';
import type { QkData } from './qk-element.js';

/** Loads the full validator ahead of time (server rendering, hydration): afterwards every payload is decided at once. */
export const preloadValidator = (): Promise<unknown> => loadFullCheck();

/** Hands over a validator already loaded (`quotakit/ssr/hydrate`). */
export const useValidator = useFullCheck;

/** A store that holds only what it is given. */
export const dataStore = (): ReadStore => new ReadStore();

/**
 * Checks `data` and shows it in `store`; a bad payload puts the store in its error state and is
 * returned (for the element to report as `qk-error`). A promise when the full validator must be
 * loaded first (the store shows its loading state meanwhile).
 */
export const feedStore = (store: ReadStore, data: QkData): StoreError | null | Promise<StoreError | null> => feedData(store, data);
