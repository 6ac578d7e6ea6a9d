/**
 * Local storage between tests (test/support/kept-storage.ts): emptied after each test, except the
 * keys a file keeps for a page it opened once. The demo tests open the demo in `before` and use it
 * across their tests; its adapter keeps the plan in this page's storage (same origin). Before, the
 * plan was cleared after the first test, the adapter started again from the sample at version 1
 * while the dashboard held version 2, and every later save was refused as a conflict (the skipped
 * commitments import of test/embed/demo-exports.test.ts).
 */
import { expect } from '@open-wc/testing';
import { LocalStorageAdapter } from '../../src/adapter/index.js';
import { keepInStorage } from '../support/kept-storage.js';
import { smallFixture } from '../fixtures/small-plan.js';

describe('local storage between tests', () => {
  const key = 'qk-test-kept-plan';
  const adapter = () => new LocalStorageAdapter({ key, seed: () => smallFixture() });
  let release: () => void = () => {};
  before(() => {
    localStorage.removeItem(key);
    release = keepInStorage([key]);
  });
  after(() => {
    release();
    localStorage.removeItem(key);
  });

  it('a test saves through the adapter (version 1 → 2) and leaves a key nobody keeps', async () => {
    const plan = await adapter().loadPlan();
    expect(plan.plan.version).to.equal(1);
    const saved = await adapter().saveTargets({ baseVersion: 1, cells: [{ nodeId: 'r1', period: '2026-12', metric: 'revenue', value: 12_345_600 }] });
    expect(saved.version).to.equal(2);
    localStorage.setItem('qk-test-not-kept', 'x');
  });

  it('the next test finds the saved plan (version 2, the cell) and can save on it; the other key is gone', async () => {
    const plan = await adapter().loadPlan();
    expect([plan.plan.version, plan.targets.find((t) => t.nodeId === 'r1' && t.period === '2026-12')?.value]).to.deep.equal([2, 12_345_600]);
    const saved = await adapter().saveInputs({ baseVersion: 2, commitments: [{ nodeId: 'r1', period: 'FY2026', metric: 'revenue', value: 250_000_000 }] });
    expect(saved.version).to.equal(3);
    expect(localStorage.getItem('qk-test-not-kept')).to.equal(null);
  });
});
