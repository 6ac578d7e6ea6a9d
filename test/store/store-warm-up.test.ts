import { expect } from '@open-wc/testing';
import { createPlanState, targetOf } from '../../src/engine/plan/plan-state.js';
import { hasRepPositions } from '../../src/engine/plan/subtree-sums.js';
import { QkStore } from '../../src/store/store.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { largeOrg } from '../fixtures/large-org.js';

describe('QkStore warms the read model in slices (issue 12 item 5)', () => {
  it('the store is ready only once warm after a load, and warms in the background after setData', async () => {
    const { plan, actuals } = largeOrg({ nodes: 2_000 });
    const store = new QkStore({ asOf: '2026-03-31', autosaveMs: false, pendingStorage: null });
    await store.connect(new MemoryAdapter(plan, actuals, { user: 'u-admin' }));
    expect(store.status).to.equal('ready');
    expect(hasRepPositions(store.state!.index, store.state!.actuals!.actuals)).to.equal(true);
    const other = new QkStore({ asOf: '2026-03-31', autosaveMs: false, pendingStorage: null });
    other.setData(plan, actuals);
    expect(hasRepPositions(other.state!.index, actuals.actuals), 'not in the same task').to.equal(false);
    await other.whenWarm();
    expect(hasRepPositions(other.state!.index, actuals.actuals)).to.equal(true);
    // The company's FY2026 target is the sum of every rep's (largeOrg: 1,899 reps), warmed or not.
    const cold = createPlanState(plan, { actuals, asOf: '2026-03-31' });
    expect(targetOf(other.state!, 'co', 'FY2026')).to.equal(targetOf(cold, 'co', 'FY2026'));
    expect(targetOf(other.state!, 'co', 'FY2026')).to.be.greaterThan(0);
  });
});
