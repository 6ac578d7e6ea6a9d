/** `quotakit/adapters`: the adapter interface, the built-in adapters and payload validation. The contract suite is `quotakit/testing`. */
export * from './adapter.js';
export * from './validate.js';
export { MemoryAdapter, SnapshotAdapterBase, sliceActuals, upsertCells } from './memory-adapter.js';
export type { AdapterState, SnapshotAdapterOptions } from './memory-adapter.js';
export { LocalStorageAdapter } from './local-storage-adapter.js';
export type { LocalStorageAdapterOptions, StorageLike } from './local-storage-adapter.js';
export { RestAdapter } from './rest-adapter.js';
export type { RestAdapterOptions } from './rest-adapter.js';
