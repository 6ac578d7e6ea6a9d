/**
 * What a Node test gets for `import { expect } from '@open-wc/testing'`: chai's `expect` (the same
 * chai @open-wc/testing wraps, without its DOM plugins). scripts/test-node.mjs bundles the Node
 * tests with this alias; a test that needs `fixture`, `html` or the DOM belongs in the browser runner.
 */
import * as chai from 'chai';

export const { expect } = chai;

/**
 * chai's deep equality (`deep.equal`, `eql`, `deep.include`, `deep.members`…) with a fast path for
 * plain data: primitives, arrays, plain objects and typed arrays, compared exactly as chai's
 * deep-eql compares them (NaN equals NaN, -0 differs from 0, the same own keys in any order, an
 * array's elements by index). chai's own function spends most of its time in bookkeeping (a
 * memo of every pair of objects compared, sorted key lists), which made `deep.equal` over a few
 * thousand records a second or more of a test. `fastDeepEqual` answers `undefined` for anything
 * else (a Map, a Set, a Date, a class instance, symbol keys, nesting deeper than 200) and chai's
 * deep-eql then decides: the outcome of every assertion is chai's own, only sooner. Checked
 * against chai on a corpus of cases in test/runner/node-step.test.ts.
 */
export function fastDeepEqual(a: unknown, b: unknown, depth = 0): boolean | undefined {
  if (a === b) return a !== 0 || 1 / (a as number) === 1 / (b as number);
  if (a !== a && b !== b) return true; // NaN
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (depth > 200) return undefined;
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b)) return undefined;
  if (proto === Array.prototype) {
    const x = a as unknown[], y = b as unknown[];
    if (x.length !== y.length) return false;
    let unsure = false;
    for (let i = 0; i < x.length; i++) {
      const r = fastDeepEqual(x[i], y[i], depth + 1);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  }
  if (proto === Object.prototype) {
    if (Object.getOwnPropertySymbols(a).length || Object.getOwnPropertySymbols(b).length) return undefined;
    const keys = Object.keys(a);
    if (keys.length === 0 || keys.length !== Object.keys(b).length) return undefined;
    let unsure = false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
      const r = fastDeepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], depth + 1);
      if (r === false) return false;
      if (r === undefined) unsure = true;
    }
    return unsure ? undefined : true;
  }
  if (ArrayBuffer.isView(a) && !(a instanceof DataView)) {
    const x = a as unknown as ArrayLike<number>, y = b as unknown as ArrayLike<number>;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (fastDeepEqual(x[i], y[i], depth + 1) === false) return false;
    return true;
  }
  return undefined;
}

// chai 5's `util.eql` (deep-eql) and `config.deepEqual`; @types/chai does not declare them yet.
const chaiEql = (chai.util as unknown as { eql: (a: unknown, b: unknown) => boolean }).eql;
(chai.config as { deepEqual?: (a: unknown, b: unknown) => boolean }).deepEqual = (a, b) => fastDeepEqual(a, b) ?? chaiEql(a, b);

/**
 * `waitUntil` as in test/support/testing.ts: polls `predicate` (right away, then every `interval` ms)
 * until it holds, and fails after `timeout` ms (default 60 s: a ceiling for a loaded machine, not a wait).
 */
export async function waitUntil(predicate: () => unknown, message?: string, { interval = 10, timeout = 60_000 }: { interval?: number; timeout?: number } = {}): Promise<void> {
  const t0 = Date.now();
  while (!(await predicate())) {
    if (Date.now() - t0 > timeout) throw new Error(message ? `Timeout: ${message}` : `waitUntil timed out after ${timeout} ms`);
    await new Promise((r) => setTimeout(r, interval));
  }
}
