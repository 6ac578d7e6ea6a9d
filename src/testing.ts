/** `quotakit/testing`: the adapter contract suite, for CRM vendors testing their own adapter (any runner: mocha, Vitest, Jest, node:test). */
export {
  runAdapterContractSuite,
  adapterContractCases,
  type AdapterContractCase,
  type AdapterContractOptions,
  type ContractDescribe,
  type ContractIt,
} from './adapter/contract-suite.js';
export { FaultyAdapter, type FaultRates } from './testing/faulty-adapter.js';
