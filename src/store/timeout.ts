import { QkAdapterError } from '../adapter/adapter.js';

/** The store's default limit on a host call (`StoreOptions.timeoutMs`, `qk-provider`'s `timeout-ms`). */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Runs a host call that must answer within `ms`: otherwise it fails with a `timeout`
 * `QkAdapterError` (the calls an element makes outside the store, e.g. the commission plan's).
 */
export function withTimeout<T>(op: string, ms: number, run: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QkAdapterError('timeout', `${op}: the host did not answer within ${ms} ms`)), ms);
  });
  let pending: Promise<T>;
  try {
    pending = Promise.resolve(run());
  } catch (e) {
    pending = Promise.reject(e);
  }
  return Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
}
