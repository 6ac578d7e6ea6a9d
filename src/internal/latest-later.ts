/**
 * Hands the LATEST value a ResizeObserver delivered to `apply`, in a later task (re-rendering inside
 * the observer's callback resizes within the same loop: "ResizeObserver loop completed with
 * undelivered notifications").
 *
 * Comparing each delivery with the element's current value and scheduling only on a difference
 * loses the last one when two arrive before the timer runs (a busy machine): 660 → 500 schedules
 * 500; back to 660 compares equal to the still-unchanged 660 and schedules nothing; the timer then
 * sets 500 and the element stays at the wrong width. Here one timer applies whatever came last.
 */
export function latestLater<T>(apply: (value: T) => void): (value: T) => void {
  let latest: T;
  let scheduled = false;
  return (value) => {
    latest = value;
    if (scheduled) return;
    scheduled = true;
    setTimeout(() => {
      scheduled = false;
      apply(latest);
    });
  };
}
