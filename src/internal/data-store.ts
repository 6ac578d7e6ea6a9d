/**
 * The boundary of an element given `.data` by its host (no provider, no adapter): the payload is
 * validated here and fed into a store of the element's own. `QkElement` loads this module by
 * `import()` the first time an element gets `.data`, so the validator (zod and the schemas) and the
 * store reach a page only when it shows data that way; under a provider, the provider's store is the
 * boundary and this module is never loaded.
 */
import { QkStore, toStoreError, type StoreError } from '../store/store.js';
import { parseActualsSnapshot, parsePlanSnapshot } from '../adapter/validate.js';
import type { QkData } from './qk-element.js';

/** A store that holds only what it is given (no adapter, no autosave). */
export const dataStore = (): QkStore => new QkStore({ autosaveMs: false });

/**
 * Validates `data` and shows it in `store`; a bad payload puts the store in its error state and is
 * returned, for the element to report as `qk-error`.
 */
export function feedStore(store: QkStore, data: QkData): StoreError | null {
  try {
    const plan = parsePlanSnapshot(data.plan);
    const actuals = data.actuals === undefined ? null : parseActualsSnapshot(data.actuals);
    store.setData(plan, actuals);
    return null;
  } catch (e) {
    // The same error the store makes of an adapter's rejection, so both read alike (`localizeIssue`).
    const storeError = toStoreError(e, 'invalid-data');
    store.fail(storeError);
    return storeError;
  }
}
