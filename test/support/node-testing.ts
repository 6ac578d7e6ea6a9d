/**
 * What a Node test gets for `import { expect } from '@open-wc/testing'`: chai's `expect` (the same
 * chai @open-wc/testing wraps, without its DOM plugins). scripts/test-node.mjs bundles the Node
 * tests with this alias; a test that needs `fixture`, `html` or the DOM belongs in the browser runner.
 */
export { expect } from 'chai';

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
