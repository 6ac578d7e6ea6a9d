/**
 * Where the store keeps edits the adapter has not confirmed yet, so a reload, a closed tab or a
 * crash does not lose them: a record per plan and user, written after each burst of edits and
 * cleared once everything is saved. The default is the page's `localStorage`; a host can pass its
 * own (IndexedDB, sessionStorage) or `null` for none.
 */
import * as z from 'zod/mini';
import { TargetCellSchema, type TargetCell } from '../engine/model.js';

/** The pending edits of one plan and user: cells to write and keys (`cellKey`) of cells to remove. */
export interface PendingRecord {
  baseVersion: number;
  cells: TargetCell[];
  removed: string[];
}

export const PendingRecordSchema = z.object({
  baseVersion: z.number().check(z.int(), z.gte(0)),
  cells: z.array(TargetCellSchema),
  removed: z.array(z.string()),
});

export interface PendingStorage {
  load(id: string): PendingRecord | null;
  save(id: string, record: PendingRecord): void;
  clear(id: string): void;
}

const PREFIX = 'quotakit:pending:';

/**
 * Pending edits in a Web Storage area (`localStorage` by default). A full or unavailable storage
 * (private mode, quota) is not an error for the user's work: the edits stay pending in memory.
 */
export function webPendingStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): PendingStorage {
  return {
    load(id) {
      try {
        const text = storage.getItem(PREFIX + id);
        return text ? (JSON.parse(text) as PendingRecord) : null;
      } catch {
        return null;
      }
    },
    save(id, record) {
      try {
        storage.setItem(PREFIX + id, JSON.stringify(record));
      } catch {
        // Quota exceeded or storage disabled: the edits remain pending in memory.
      }
    },
    clear(id) {
      try {
        storage.removeItem(PREFIX + id);
      } catch {
        // Nothing to clear.
      }
    },
  };
}

/** The page's localStorage when there is one (browsers), else null (Node, workers). */
export function browserPendingStorage(): PendingStorage | null {
  try {
    const ls = (globalThis as { localStorage?: Storage }).localStorage;
    return ls ? webPendingStorage(ls) : null;
  } catch {
    return null;
  }
}

/** Pending edits in memory only (tests; a second store over the same object plays "after a reload"). */
export function memoryPendingStorage(): PendingStorage & { records: Map<string, PendingRecord> } {
  const records = new Map<string, PendingRecord>();
  return {
    records,
    load: (id) => (records.has(id) ? structuredClone(records.get(id)!) : null),
    save: (id, record) => void records.set(id, structuredClone(record)),
    clear: (id) => void records.delete(id),
  };
}
