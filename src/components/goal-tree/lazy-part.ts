/** What a lazily loaded part needs from the element: a re-render when the module has arrived. */
export interface LazyPartHost {
  requestUpdate(): void;
}

/**
 * A part of the goal tree that only some pages show (the people cards, the ramp editor), loaded
 * by `import()` the first time it is rendered (issue #14: a tree that never shows it does not pay
 * for it). `get()` returns the module once it is there; before, it starts the load and returns
 * null, and the element renders a loading line; the element re-renders when it arrives. A failed
 * load is kept (no retry loop on every render): `failed` is true and the element says so.
 */
export class LazyPart<M> {
  private mod: M | null = null;
  private started = false;
  failed = false;

  constructor(
    private readonly host: LazyPartHost,
    private readonly load: () => Promise<M>,
  ) {}

  get(): M | null {
    if (this.mod || this.started) return this.mod;
    this.started = true;
    this.load().then(
      (m) => {
        this.mod = m;
        this.host.requestUpdate();
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
    return null;
  }
}
