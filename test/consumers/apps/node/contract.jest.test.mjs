// The adapter contract suite under Jest (native ES modules, Jest's own describe/it from
// @jest/globals, no mocha): the same two adapters as under node:test and Vitest. Jest cannot skip a
// test once it runs, so the bare adapter's three optional checks pass there; the cases form says
// which ones were skipped and why.
import { describe, expect, it } from '@jest/globals';
import { adapterContractCases, runAdapterContractSuite } from 'quotakit/testing';
import { MemoryAdapter } from 'quotakit/adapters';
import { generateSampleCompany } from 'quotakit/sample-data';

const memory = () => {
  const c = generateSampleCompany();
  return new MemoryAdapter(c.plan, c.actuals);
};
const bare = () => {
  const m = memory();
  return { loadPlan: () => m.loadPlan(), loadActuals: (r) => m.loadActuals(r), saveTargets: (c) => m.saveTargets(c), currentUser: () => m.currentUser(), notify: (n) => m.notify(n) };
};
runAdapterContractSuite(memory, { name: 'MemoryAdapter', describe, it });
runAdapterContractSuite(bare, { name: 'bare', describe, it });

describe('adapterContractCases under Jest', () => {
  const outcomes = async (make) => {
    const out = [];
    for (const c of adapterContractCases(make)) {
      const r = await c.run();
      out.push(r.status === 'skipped' ? `skipped: ${r.reason}` : r.status);
    }
    return out;
  };

  it('a full adapter passes all twelve checks', async () => {
    expect(await outcomes(memory)).toEqual(Array(12).fill('passed'));
  });

  it('a bare adapter passes the seven required checks and has the five optional ones skipped, with the reason', async () => {
    expect(await outcomes(bare)).toEqual([
      ...Array(7).fill('passed'),
      'skipped: the adapter offers no loadChildren',
      'skipped: the adapter offers no subscribe',
      'skipped: the adapter offers no adjustments',
      'skipped: the adapter keeps no commission plan',
      'skipped: the adapter saves no planning inputs',
    ]);
  });
});
