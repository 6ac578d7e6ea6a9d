/**
 * A stable sort as steps (see `steps.ts`): the same order as `items.sort(cmp)` (which is stable),
 * for lists a browser should not sort in one task (a ranking of 100,000 people with a comparator
 * reading ids is a few hundred milliseconds on a loaded machine). Runs of `RUN` items are sorted
 * with `Array.prototype.sort`, then merged pairwise (bottom-up merge sort, left item first on a
 * tie); it yields after every run and every `chunk` items merged.
 *
 * Plain TypeScript: no timers, no DOM.
 */
import { STEP_CHUNK, type Steps } from './steps.js';

/** Items sorted in one piece before the merges. */
export const SORT_RUN = 1024;

/**
 * Sorts `items` in place, stably, by `cmp`, yielding between slices; returns `items`. Progress
 * counts items placed (each pass over the list counts `items.length` again).
 *
 * @example
 * runSteps(sortSteps([3, 1, 2], (a, b) => a - b)) // [1, 2, 3]
 */
export function* sortSteps<T>(items: T[], cmp: (a: T, b: T) => number, chunk = STEP_CHUNK * 16): Steps<T[]> {
  const n = items.length;
  const passes = Math.max(1, Math.ceil(Math.log2(Math.max(1, n / SORT_RUN))) + 1);
  const total = n * passes;
  let done = 0;
  for (let lo = 0; lo < n; lo += SORT_RUN) {
    const hi = Math.min(n, lo + SORT_RUN);
    const run = items.slice(lo, hi).sort(cmp);
    for (let i = lo; i < hi; i++) items[i] = run[i - lo];
    done += hi - lo;
    if (hi < n) yield { done, total };
  }
  let src = items;
  let dst: T[] = n > SORT_RUN ? new Array<T>(n) : items;
  let moved = 0;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width), hi = Math.min(n, lo + 2 * width);
      let i = lo, j = mid, k = lo;
      while (i < mid && j < hi) {
        // The right item goes first only when strictly smaller: equal items keep their order.
        dst[k++] = cmp(src[j], src[i]) < 0 ? src[j++] : src[i++];
        if (++moved % chunk === 0) yield { done: done + (k - lo), total };
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
      done += hi - lo;
    }
    const t = src;
    src = dst;
    dst = t;
    yield { done, total };
  }
  if (src !== items) for (let i = 0; i < n; i++) items[i] = src[i];
  return items;
}
