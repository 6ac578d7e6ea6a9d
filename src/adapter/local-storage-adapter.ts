import * as z from 'zod/mini';
import { type ActualsSnapshot, type PlanSnapshot, type SchemaIssue } from '../engine/plan/model.js';
import { parseWith } from '../engine/plan/model-schema.js';
import { QkAdapterError } from './adapter.js';
import { checkAdapterState, SnapshotAdapterBase, type AdapterState, type SnapshotAdapterOptions } from './memory-adapter.js';
import { AdjustmentPayloadSchema, invalidData } from './validate.js';

/**
 * The part of the Web Storage API the adapter uses: `localStorage`, `sessionStorage` or a stand-in.
 * Declared here so the adapter's types need no DOM lib (a Node project compiles against them).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export interface LocalStorageAdapterOptions extends SnapshotAdapterOptions {
  /** The storage key the plan is kept under, e.g. `quotakit-demo`. */
  key: string;
  /** The data to start from on first use and after `reset()`. */
  seed: () => { plan: PlanSnapshot; actuals: ActualsSnapshot };
  /** Where to keep it. Default: `localStorage`. */
  storage?: StorageLike;
}

/** Bumped when the stored shape changes, so an old value is reported instead of misread. */
const FORMAT = 1;

const StoredShape = z.object({
  format: z.literal(FORMAT),
  plan: z.unknown(),
  actuals: z.unknown(),
  adjustments: z.array(AdjustmentPayloadSchema),
  incentivePlan: z.optional(z.object({ version: z.number().check(z.int(), z.gte(0)), plan: z.record(z.string(), z.unknown()) })),
});

/**
 * An adapter that keeps the plan (with its edits and adjustment requests) in the browser's
 * `localStorage`, so a demo keeps its edits across reloads. On first use it stores `seed()`.
 * Saves follow the same rules as a real host (see `MemoryAdapter`): a stale `baseVersion` rejects
 * with `conflict`.
 *
 * A stored value that is not JSON or fails the schema (edited by hand, written by another version)
 * never produces a blank page: every call rejects with `QkAdapterError('invalid-data')` whose
 * message says the stored data is corrupt and whose `issues` list the bad paths, and `reset()`
 * puts the seed back. When storage is unavailable (disabled, private mode, quota full) calls reject
 * with `QkAdapterError('network')` saying so.
 *
 * @example
 * const adapter = new LocalStorageAdapter({ key: 'quotakit-demo', seed: () => generateSampleData({ seed: 7 }) });
 * resetButton.onclick = () => adapter.reset(); // back to the sample company; subscribers are told
 */
export class LocalStorageAdapter extends SnapshotAdapterBase {
  readonly key: string;
  readonly #seed: LocalStorageAdapterOptions['seed'];
  readonly #storage: StorageLike | undefined;
  /** The last value read or written, so unchanged storage is not parsed again on every call. */
  #cache: { raw: string; state: AdapterState } | null = null;

  constructor(options: LocalStorageAdapterOptions) {
    super(options);
    this.key = options.key;
    this.#seed = options.seed;
    this.#storage = options.storage;
  }

  /**
   * Replaces whatever is stored (even a corrupt value) with the seed data and tells subscribers
   * about the new plan. Throws `QkAdapterError` only if the seed is invalid or storage refuses the write.
   */
  reset(): void {
    const state = this.#seedState();
    this.writeState(state);
    this.emit({ type: 'plan', snapshot: state.snapshot });
  }

  protected readState(): AdapterState {
    const storage = this.#store();
    let raw: string | null;
    try {
      raw = storage.getItem(this.key);
    } catch (e) {
      throw this.#unavailable('read', e);
    }
    if (raw === null) {
      const state = this.#seedState();
      this.writeState(state);
      return state;
    }
    if (this.#cache?.raw === raw) return this.#cache.state;
    const state = this.#decode(raw);
    this.#cache = { raw, state };
    return state;
  }

  protected writeState(state: AdapterState): void {
    const stored = { format: FORMAT, plan: state.snapshot, actuals: state.actuals, adjustments: state.adjustments, ...(state.incentivePlan ? { incentivePlan: state.incentivePlan } : {}) };
    const raw = JSON.stringify(stored);
    try {
      this.#store().setItem(this.key, raw);
    } catch (e) {
      throw QkAdapterError.is(e) ? e : this.#unavailable('write', e);
    }
    this.#cache = { raw, state };
  }

  #store(): StorageLike {
    try {
      // Reading `localStorage` itself throws where storage is disabled (sandboxed iframes, some private modes).
      const storage = this.#storage ?? (globalThis as { localStorage?: StorageLike }).localStorage;
      if (storage) return storage;
    } catch (e) {
      throw this.#unavailable('open', e);
    }
    throw this.#unavailable('open', new Error('no localStorage in this environment'));
  }

  #unavailable(op: 'open' | 'read' | 'write', cause: unknown): QkAdapterError {
    const why = cause instanceof Error ? cause.message : String(cause);
    return new QkAdapterError('network', `LocalStorageAdapter: could not ${op} browser storage for key "${this.key}" (${why})`, { cause });
  }

  #seedState(): AdapterState {
    const { plan, actuals } = this.#seed();
    const checked = checkAdapterState(plan, actuals, { plan: ['plan'], actuals: ['actuals'] });
    if (!checked.ok) throw invalidData('seed data', checked.issues, { source: 'LocalStorageAdapter' });
    return structuredClone({ ...checked.value, adjustments: [] });
  }

  #decode(raw: string): AdapterState {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (e) {
      throw this.#corrupt([{ path: [], message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }], e);
    }
    const shape = parseWith(StoredShape, data);
    if (!shape.ok) throw this.#corrupt(shape.issues);
    const checked = checkAdapterState(shape.value.plan, shape.value.actuals, { plan: ['plan'], actuals: ['actuals'] });
    if (!checked.ok) throw this.#corrupt(checked.issues);
    return { ...checked.value, adjustments: shape.value.adjustments, ...(shape.value.incentivePlan ? { incentivePlan: shape.value.incentivePlan } : {}) };
  }

  #corrupt(issues: SchemaIssue[], cause?: unknown): QkAdapterError {
    const details = invalidData('stored data', issues).message;
    return new QkAdapterError(
      'invalid-data',
      `The stored data under localStorage key "${this.key}" is corrupt and was not loaded: ${details}. Call reset() to restore the seed data.`,
      { issues, cause },
    );
  }
}
