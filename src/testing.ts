/** `quotakit/testing`: the adapter contract suite, for CRM vendors testing their own adapter (mocha-style `describe`/`it`). */
export { runAdapterContractSuite } from './adapter/contract-suite.js';
export { FaultyAdapter, type FaultRates } from './testing/faulty-adapter.js';
