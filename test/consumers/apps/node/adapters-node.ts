// A Node project (no DOM lib, @types/node): the adapter and engine types compile without DOM.
import { MemoryAdapter, LocalStorageAdapter, RestAdapter, type CrmAdapter, type StorageLike } from 'quotakit/adapters';
import { allocate } from 'quotakit/engine';
import { generateSampleCompany } from 'quotakit/sample-data';

const company = generateSampleCompany();
const memory: CrmAdapter = new MemoryAdapter(company.plan, company.actuals);
const map = new Map<string, string>();
const storage: StorageLike = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
const local = new LocalStorageAdapter({ key: 'qk', seed: () => company, storage });
const rest = new RestAdapter({ baseUrl: 'http://127.0.0.1:9/api' });
export const all = [memory, local, rest, allocate(100, [{ id: 'a', weight: 1 }])];
