import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { StoreView } from '../store/read-store.js';
import type { QkStore } from '../store/store.js';
import type { QkErrorDetail } from '../events/qk-error.js';

/** An error state to announce as `qk-error` (once per distinct `key`), or null (none shown: re-arms). */
export type ShownError = { key: string; detail: QkErrorDetail } | null;

/**
 * How an element derives what it shows. Either from figures given as properties (`model`,
 * `people`, …; they win over the store) or from the store's read model once it is ready.
 */
export interface ViewModelSpec<S, T extends StoreView = QkStore> {
  /** The store the element shows (`activeStore`). */
  store(): T | undefined;
  /** True when the element shows figures given as properties: the store is then not read. */
  own(): boolean;
  /**
   * The plain inputs of the view (node, period, locale, the store's data revision…) as one string.
   * It memoizes, keys the `recent` cache and tells announced errors apart. `store` is null for own figures.
   */
  key(store: T | null): string;
  /** Inputs compared by identity (objects given as properties, the read model's state). A change also empties the `recent` cache. */
  inputs(store: T | null): readonly unknown[];
  /** Derives the state (an error is a state too). */
  compute(store: T | null, key: string, inputs: readonly unknown[]): S;
  /** A state that is not remembered (work in progress, computed again on the next read). */
  transient?(state: S): boolean;
  /** Called whenever a remembered state is shown (e.g. to cancel a job computing another one). */
  settled?(): void;
  /** What to announce after an update for the state shown last (`undefined`: leave the announcement as it is). */
  shownError(state: S | null, key: string): ShownError | undefined;
  /** Announces (the element's `announceError`). */
  announce(shown: ShownError): void;
}

/**
 * The "figures or store → memo → error state" pattern every data element shares, as one reactive
 * controller: `value` is the state to show (null while the store is not ready: render
 * `renderStatus()` then), recomputed only when `key` or an input changed; after each update the
 * error state (if any) is announced once as `qk-error`.
 *
 * With `recent > 0` it also keeps the last few states of the same inputs by key, so going back to a
 * view shown a moment ago (a person → the company of 100,000) computes nothing.
 */
export class ViewModelController<S, T extends StoreView = QkStore> implements ReactiveController {
  private memo: S | null = null;
  private memoKey = '';
  private memoInputs: readonly unknown[] = [];
  private readonly recent = new Map<string, S>();
  private recentFor: readonly unknown[] = [];

  constructor(
    host: ReactiveControllerHost,
    private readonly spec: ViewModelSpec<S, T>,
    private readonly options: { recent?: number } = {},
  ) {
    host.addController(this);
  }

  /** The state to show, or null while the store is not ready. */
  get value(): S | null {
    const own = this.spec.own();
    const store = own ? null : (this.spec.store() ?? null);
    if (!own && (!store || store.status !== 'ready' || !store.state)) return null;
    const key = this.spec.key(store);
    const inputs = this.spec.inputs(store);
    if (this.memo !== null && key === this.memoKey && same(inputs, this.memoInputs)) return this.memo;
    this.memoKey = key;
    this.memoInputs = inputs;
    if (!same(inputs, this.recentFor)) {
      this.recent.clear();
      this.recentFor = inputs;
    }
    let state = this.recent.get(key);
    if (state === undefined) {
      state = this.spec.compute(store, key, inputs);
      if (this.spec.transient?.(state)) {
        this.memoKey = '';
        this.memo = null;
        return state;
      }
      this.remember(key, state);
    }
    this.spec.settled?.();
    this.memo = state;
    return state;
  }

  /** The state remembered last (also while the store is not ready any more), or null. */
  get current(): S | null {
    return this.memo;
  }

  /** The key of the state remembered last. */
  get currentKey(): string {
    return this.memoKey;
  }

  /** Keeps a state computed later (a finished job) when its inputs are still the element's. */
  rememberFor(inputs: readonly unknown[], key: string, state: S): void {
    if (same(inputs, this.recentFor)) this.remember(key, state);
  }

  /** Forgets the state shown (the next read computes or takes it from the `recent` cache). */
  forget(): void {
    this.memo = null;
  }

  hostUpdated(): void {
    const shown = this.spec.shownError(this.memo, this.memoKey);
    if (shown !== undefined) this.spec.announce(shown);
  }

  private remember(key: string, state: S): void {
    const max = this.options.recent ?? 0;
    if (max <= 0) return;
    if (this.recent.size >= max) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(key, state);
  }
}

function same(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
