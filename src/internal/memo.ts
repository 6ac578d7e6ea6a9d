/**
 * The last value computed from a list of inputs, recomputed only when one of them changed
 * (compared with `Object.is`, in order). Elements keep their derived models in these so that a
 * plain re-render (a scroll, a focus move) rebuilds nothing.
 *
 * @example
 * private readonly rowsMemo = new Memo<GridRows>();
 * get rows() { return this.rowsMemo.get([this.index, this.expandDepth], () => gridRows(…)); }
 */
export class Memo<V> {
  private deps: readonly unknown[] | null = null;
  private value: V | undefined;

  /** The value for `deps`: the remembered one when every input is the same, else `compute()`. */
  get(deps: readonly unknown[], compute: () => V): V {
    const last = this.deps;
    if (!last || last.length !== deps.length || deps.some((d, i) => !Object.is(d, last[i]))) {
      this.value = compute();
      this.deps = deps;
    }
    return this.value as V;
  }

  /** The value computed last, or `undefined` before the first `get`. */
  get last(): V | undefined {
    return this.value;
  }

  /** Forgets the value: the next `get` computes. */
  clear(): void {
    this.deps = null;
    this.value = undefined;
  }
}
