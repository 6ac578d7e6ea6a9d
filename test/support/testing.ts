/**
 * `@open-wc/testing` as every test file imports it, with generous ceilings for waits: the suite runs
 * on busy 2-core CI machines, where a condition that takes 50 ms idle can take seconds. Tests wait
 * for conditions; the ceilings only stop a test that would never pass. (web-test-runner.config.mjs
 * resolves `@open-wc/testing` here for test files.)
 */
export * from '../../node_modules/@open-wc/testing/index.js';
import { waitUntil as openWcWaitUntil } from '../../node_modules/@open-wc/testing/index.js';
// `expect(el).to.be.accessible()`: the same assertion with every rule, run with less waste (accessible.ts).
import './accessible.js';

/** `waitUntil` with a 60 s ceiling unless a test sets its own. */
export function waitUntil(predicate: () => unknown, message?: string, options: { interval?: number; timeout?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 60_000, ...options });
}

// Chinese is in memory from the start, as on a page that imports quotakit/i18n/zh-cn-all: tests that
// show zh-CN need not wait for its tables to load (test/i18n/localize.test.ts tests loading itself).
import { provideZhCN } from '../../src/i18n/zh-cn-all.js';
provideZhCN();

// Every test starts with empty local storage, as a fresh browser would: the store keeps unsaved
// edits there across page loads, and one test's edits must not reappear in the next. Keys a file
// keeps for a page it opened once (`keepInStorage`: the demo's plan) stay until it releases them.
import { clearStorage } from './kept-storage.js';
declare const afterEach: ((fn: () => void) => void) | undefined;
if (typeof afterEach === 'function') afterEach(clearStorage);

// The test now running, for the runner's watch on stalled pages (web-test-runner.config.mjs,
// `watchPage`, which asks every page every 30 s): which test a page was in when it stopped reporting.
declare const beforeEach: ((fn: (this: { currentTest?: { fullTitle(): string } }) => void) => void) | undefined;
if (typeof beforeEach === 'function') {
  let n = 0;
  beforeEach(function () {
    (globalThis as { __qkTest?: unknown }).__qkTest = { n: ++n, title: this.currentTest?.fullTitle(), at: Date.now() };
  });
}
