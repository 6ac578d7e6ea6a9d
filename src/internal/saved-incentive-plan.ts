import type { CrmAdapter, IncentivePlanRecord } from '../adapter/adapter.js';
import { DEFAULT_TIMEOUT_MS, withTimeout } from '../store/timeout.js';

/**
 * The commission plan an adapter keeps, as every element under one provider sees it:
 * - `loading`: `loadIncentivePlan` has not answered yet;
 * - `none`: the adapter keeps no plan (or cannot: no `loadIncentivePlan`), so the kit's sample plan applies;
 * - `ready`: the host's plan (not validated here: an element shows an invalid one as its error state);
 * - `error`: loading failed, or the host did not answer within the timeout (`timeout`).
 */
export type SavedPlanState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'ready'; version: number; plan: unknown }
  | { status: 'error'; error: unknown };

/**
 * One adapter's commission plan, loaded once and shared: the calculator pays on it and the plan
 * editor edits it, and a save in the editor reaches every calculator on the same adapter at once
 * (`saved`), without another round trip. Each state is a new object, so elements can memoize on it.
 */
export class SavedIncentivePlan {
  state: SavedPlanState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly adapter: CrmAdapter,
    private readonly options: { timeoutMs?: number } = {},
  ) {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.adapter.loadIncentivePlan) {
      this.set({ status: 'none' });
      return;
    }
    try {
      const load = this.adapter.loadIncentivePlan.bind(this.adapter);
      const rec = await withTimeout('loadIncentivePlan', this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS, load);
      // A save that answered while the load was under way is newer than what the load read.
      if (this.state.status === 'ready' && rec && rec.version < this.state.version) return;
      this.set(rec ? { status: 'ready', version: rec.version, plan: rec.plan } : { status: 'none' });
    } catch (error) {
      this.set({ status: 'error', error });
    }
  }

  /** The plan the adapter accepted (its new version): every subscriber pays on it from now on. */
  saved(record: IncentivePlanRecord): void {
    this.set({ status: 'ready', version: record.version, plan: record.plan });
  }

  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(state: SavedPlanState): void {
    this.state = state;
    for (const l of [...this.listeners]) l();
  }
}

const byAdapter = new WeakMap<CrmAdapter, SavedIncentivePlan>();

/** The shared commission plan of `adapter` (loaded on the first ask). */
export function savedIncentivePlan(adapter: CrmAdapter): SavedIncentivePlan {
  let s = byAdapter.get(adapter);
  if (!s) {
    s = new SavedIncentivePlan(adapter);
    byAdapter.set(adapter, s);
  }
  return s;
}
