import { QkAdapterError } from '../../src/adapter/adapter.js';

/** The `QkAdapterError` a promise (or a function, sync or async) fails with; fails the test if it resolves or throws anything else. */
export async function rejection(p: Promise<unknown> | (() => unknown)): Promise<QkAdapterError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    if (QkAdapterError.is(e)) return e;
    throw e;
  }
  throw new Error('expected a QkAdapterError, it resolved');
}
