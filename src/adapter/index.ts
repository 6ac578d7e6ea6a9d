/** `quotakit/adapters`: the adapter interface, the built-in adapters, payload validation and the contract suite. */
export * from './adapter.js';
export * from './validate.js';
export { MemoryAdapter, SnapshotAdapterBase, sliceActuals, upsertCells, checkAdapterState } from './memory-adapter.js';
export type { AdapterState, SnapshotAdapterOptions } from './memory-adapter.js';
export { LocalStorageAdapter } from './local-storage-adapter.js';
export type { LocalStorageAdapterOptions } from './local-storage-adapter.js';
export { RestAdapter } from './rest-adapter.js';
export type { RestAdapterOptions } from './rest-adapter.js';
export { runAdapterContractSuite } from './contract-suite.js';
