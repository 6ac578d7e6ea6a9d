// The adapter contract suite under node:test (no mocha): a full adapter passes all ten checks, one
// without the optional methods gets three skips.
import { describe, it } from 'node:test';
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
