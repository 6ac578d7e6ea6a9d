/**
 * The boundary of a display element (gauge, pace chart) given `.data` by its host: the payload is
 * checked and shown in a `ReadStore` (the read model alone, no editing store). `QkElement` loads
 * this module by `import()` the first time such an element gets `.data`.
 *
 * Validation stays complete: the zod-free fast parse (`adapter/fast-parse.ts`, which accepts exactly
 * what the zod schemas accept) and the cross-record checks (`adapter/cross-check.ts`) take a valid
 * payload and report cross-record problems at once. When the fast parse is not sure — a field zod
 * would refuse, or an odd input — the full validator (`adapter/validate.ts`, zod, through
 * `data-check.ts`) is loaded by `import()` and decides, with every issue listed and localized as before. So a page that shows
 * valid data never loads zod (issue 14).
 */
import { ReadStore } from '../store/read-store.js';
import { toStoreError, type StoreError } from '../store/errors.js';
import { fastActualsSnapshot, fastPlanSnapshot } from '../adapter/fast-parse.js';
import { actualsIssues, invalidData, planIssues } from '../adapter/cross-check.js';
import type { QkData } from './qk-element.js';

type Validator = typeof import('./data-check.js');
let validator: Validator | undefined;
let validatorLoading: Promise<Validator> | undefined;

/** Loads the full validator ahead of time (server rendering, hydration): afterwards every payload is decided at once. */
export const preloadValidator = (): Promise<unknown> =>
  (validatorLoading ??= import('./data-check.js').then(
    (m) => (validator = m),
    (e) => {
      validatorLoading = undefined;
      throw e;
    },
  ));

/** Hands over a validator already loaded (`quotakit/ssr/hydrate`). */
export const useValidator = (m: Validator): void => {
  validator = m;
};

/** A store that holds only what it is given. */
export const dataStore = (): ReadStore => new ReadStore();

/** Which feed a store shows: a slow (zod) check that finished after newer data arrived is dropped. */
const feeds = new WeakMap<ReadStore, number>();

function fail(store: ReadStore, e: unknown): StoreError {
  // The same error the store makes of an adapter's rejection, so both read alike (`localizeIssue`).
  const storeError = toStoreError(e, 'invalid-data');
  store.fail(storeError);
  return storeError;
}

/** The full check with zod (the same calls as the editing store's `.data` path). */
function feedChecked(store: ReadStore, data: QkData, v: Validator): StoreError | null {
  try {
    const plan = v.parsePlanSnapshot(data.plan);
    const actuals = data.actuals === undefined ? null : v.parseActualsSnapshot(data.actuals);
    store.setData(plan, actuals);
    return null;
  } catch (e) {
    return fail(store, e);
  }
}

/**
 * Checks `data` and shows it in `store`; a bad payload puts the store in its error state and is
 * returned (for the element to report as `qk-error`). A promise when the full validator must be
 * loaded first (the store shows its loading state meanwhile).
 */
export function feedStore(store: ReadStore, data: QkData): StoreError | null | Promise<StoreError | null> {
  const feed = (feeds.get(store) ?? 0) + 1;
  feeds.set(store, feed);
  const plan = fastPlanSnapshot(data.plan);
  const actuals = data.actuals === undefined ? null : fastActualsSnapshot(data.actuals);
  if (plan && actuals !== undefined) {
    const planProblems = planIssues(plan);
    if (planProblems.length) return fail(store, invalidData('plan snapshot', planProblems));
    const actualProblems = actuals ? actualsIssues(actuals) : [];
    if (actualProblems.length) return fail(store, invalidData('actuals snapshot', actualProblems));
    store.setData(plan, actuals);
    return null;
  }
  if (validator) return feedChecked(store, data, validator);
  store.setLoading();
  return preloadValidator().then(
    () => (feeds.get(store) === feed ? feedChecked(store, data, validator!) : null),
    (e: unknown) => {
      if (feeds.get(store) !== feed) return null;
      const reason = e instanceof Error ? e.message : String(e);
      const error: StoreError = { code: 'load-failed', message: `The data module could not be loaded: ${reason}`, params: { reason } };
      store.fail(error);
      return error;
    },
  );
}
