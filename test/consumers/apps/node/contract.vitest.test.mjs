// The adapter contract suite under Vitest (no globals): the same two adapters as under node:test.
import { describe, it } from 'vitest';
import { runAdapterContractSuite } from 'quotakit/testing';
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
