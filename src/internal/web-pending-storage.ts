/**
 * Pending edits kept in a Web Storage area (the page's `localStorage` by default): the browser side
 * of the store's `PendingStorage`, which `qk-provider` hands to its store.
 */
import type { PendingRecord, PendingStorage } from '../store/pending-storage.js';

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
    const ls = globalThis.localStorage;
    return ls ? webPendingStorage(ls) : null;
  } catch {
    return null;
  }
}

