/**
 * The store's payload checks, zod-free first (issue 14): the fast parse (`adapter/fast-parse.ts`,
 * which accepts exactly what the zod schemas accept) and the cross-record checks decide a payload
 * they are sure about, valid or not; when the fast parse declines (a field zod would refuse, or an
 * odd input) the full check with zod (`full-check.ts`) decides, with every issue listed as before.
 * That module arrives by `import()` the first time it is needed, so a page whose payloads are valid
 * never loads zod.
 *
 * Each `quick*` function answers the value, throws the same `invalid-data` error as the matching
 * `parse*` of `adapter/validate.ts`, or answers `undefined` when only the full check can decide and
 * it is not loaded yet: then `(await loadFullCheck()).parse*(…)` decides.
 */
import type { ActualsSnapshot, OrgNode, PlanSnapshot, SaveResult, User } from '../engine/plan/model.js';
import { fastActualsSnapshot, fastOrgNodes, fastPendingRecord, fastPlanSnapshot, fastSaveResult, fastUser } from '../adapter/fast-parse.js';
import { actualsIssues, invalidData, orgNodesIssues, planIssues, type ActualsContext, type ParseOptions } from '../adapter/cross-check.js';
import { toStoreError, type StoreError } from './errors.js';

export type FullCheck = typeof import('./full-check.js');
let full: FullCheck | undefined;
let loading: Promise<FullCheck> | undefined;

/** Loads the full (zod) check once; a failed load is retried by the next call. */
export const loadFullCheck = (): Promise<FullCheck> =>
  (loading ??= import('./full-check.js').then(
    (m) => (full = m),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  ));

/** Hands over the full check already loaded (`quotakit/ssr/hydrate`): every payload is then decided at once. */
export const useFullCheck = (m: FullCheck): void => {
  full = m;
};

/** `parsePlanSnapshot` without zod when the fast parse is sure; `undefined`: load the full check. */
export function quickPlanSnapshot(data: unknown, options: ParseOptions = {}): PlanSnapshot | undefined {
  const fast = fastPlanSnapshot(data);
  if (!fast) return full?.parsePlanSnapshot(data, options);
  const issues = planIssues(fast);
  if (issues.length) throw invalidData('plan snapshot', issues, options);
  return fast;
}

/** `parseActualsSnapshot` without zod when the fast parse is sure; `undefined`: load the full check. */
export function quickActualsSnapshot(data: unknown, options: ParseOptions & ActualsContext = {}): ActualsSnapshot | undefined {
  const fast = fastActualsSnapshot(data);
  if (!fast) return full?.parseActualsSnapshot(data, options);
  const issues = actualsIssues(fast, options);
  if (issues.length) throw invalidData('actuals snapshot', issues, options);
  return fast;
}

/** `parseOrgNodes` without zod when the fast parse is sure; `undefined`: load the full check. */
export function quickOrgNodes(data: unknown, options: ParseOptions & { parentId?: string } = {}): OrgNode[] | undefined {
  const fast = fastOrgNodes(data);
  if (!fast) return full?.parseOrgNodes(data, options);
  const issues = orgNodesIssues(fast, options.parentId);
  if (issues.length) throw invalidData('org nodes', issues, options);
  return fast;
}

/** `parseUser` without zod when the fast parse is sure; `undefined`: load the full check. */
export const quickUser = (data: unknown, options: ParseOptions = {}): User | undefined => fastUser(data) ?? full?.parseUser(data, options);

/** `parseSaveResult` without zod when the fast parse is sure; `undefined`: load the full check. */
export const quickSaveResult = (data: unknown, options: ParseOptions = {}): SaveResult | undefined => fastSaveResult(data) ?? full?.parseSaveResult(data, options);

/** Whether stored pending edits are a valid `PendingRecord`; `undefined`: load the full check. */
export const quickPendingRecord = (record: unknown): boolean | undefined => (fastPendingRecord(record) ? true : full?.isPendingRecord(record));

/** What a store given `.data` needs of itself (`QkStore` and `ReadStore` both are one). */
export interface DataFedStore {
  setData(snapshot: PlanSnapshot, actuals: ActualsSnapshot | null): void;
  fail(error: StoreError): void;
  setLoading(): void;
}

/** Which feed a store shows: a slow (zod) check that finished after newer data arrived is dropped. */
const feeds = new WeakMap<DataFedStore, number>();

/**
 * Checks `.data` (`{ plan, actuals? }`) and shows it in `store`; a bad payload puts the store in its
 * error state and is returned (for the element to report as `qk-error`). A promise when the full
 * check must be loaded first (the store shows its loading state meanwhile).
 */
export function feedData(store: DataFedStore, data: { plan: unknown; actuals?: unknown }): StoreError | null | Promise<StoreError | null> {
  const feed = (feeds.get(store) ?? 0) + 1;
  feeds.set(store, feed);
  const fail = (e: unknown): StoreError => {
    // The same error the store makes of an adapter's rejection, so both read alike (`localizeIssue`).
    const storeError = toStoreError(e, 'invalid-data');
    store.fail(storeError);
    return storeError;
  };
  try {
    const plan = quickPlanSnapshot(data.plan);
    // The plan first: its issues are the ones reported when both are bad (as `parse*` in turn).
    const actuals = plan === undefined ? undefined : data.actuals === undefined ? null : quickActualsSnapshot(data.actuals);
    if (plan && actuals !== undefined) {
      store.setData(plan, actuals);
      return null;
    }
  } catch (e) {
    return fail(e);
  }
  store.setLoading();
  return loadFullCheck().then(
    (m) => {
      if (feeds.get(store) !== feed) return null;
      try {
        const plan = m.parsePlanSnapshot(data.plan);
        store.setData(plan, data.actuals === undefined ? null : m.parseActualsSnapshot(data.actuals));
        return null;
      } catch (e) {
        return fail(e);
      }
    },
    (e: unknown) => {
      if (feeds.get(store) !== feed) return null;
      const reason = e instanceof Error ? e.message : String(e);
      const error: StoreError = { code: 'load-failed', message: `The data module could not be loaded: ${reason}`, params: { reason } };
      store.fail(error);
      return error;
    },
  );
}
