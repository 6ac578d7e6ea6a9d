/**
 * Where the store keeps edits the adapter has not confirmed yet, so a reload, a closed tab or a
 * crash does not lose them: a record per plan and user, written after each burst of edits and
 * cleared once everything is saved. `qk-provider` keeps them in the page's `localStorage`
 * (`webPendingStorage` in src/internal); a host creating a store can pass its own (IndexedDB,
 * sessionStorage). Plain TypeScript: no DOM here.
 */
import * as z from 'zod/mini';
import { type TargetCell } from '../engine/plan/model.js';
import { TargetCellSchema } from '../engine/plan/model-schema.js';

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
