/**
 * Runs engine steps (`engine/steps.ts`) a slice at a time: each slice works for at most `sliceMs`,
 * then gives the page back (`scheduler.yield` where the browser has it, else a zero timeout), so
 * scoring or paying a company of 100,000 people never blocks input or painting for long. The
 * element shows `progress` while it runs and gets the result once.
 */
import type { StepProgress, Steps } from '../engine/shared/steps.js';

/** Work per slice, ms: far under the 50 ms a browser calls a long task, with room for a loaded machine. */
export const SLICE_MS = 20;

const nextTask = (): Promise<void> => {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof s?.yield === 'function' ? s.yield() : new Promise((r) => setTimeout(r, 0));
};

export class StepRunner<T> {
  progress: StepProgress = { done: 0, total: 0 };
  private cancelled = false;

  constructor(
    private readonly steps: Steps<T>,
    private readonly on: { progress: () => void; done: (value: T) => void; fail: (error: unknown) => void },
    private readonly sliceMs = SLICE_MS,
  ) {
    void this.loop();
  }

  /** Stops after the current slice; `done` is never called. */
  cancel(): void {
    this.cancelled = true;
  }

  get running(): boolean {
    return !this.cancelled;
  }

  private async loop(): Promise<void> {
    try {
      for (;;) {
        await nextTask();
        if (this.cancelled) return;
        const t0 = performance.now();
        let r = this.steps.next();
        while (!r.done && performance.now() - t0 < this.sliceMs) r = this.steps.next();
        if (this.cancelled) return;
        if (r.done) {
          this.cancelled = true;
          this.on.done(r.value);
          return;
        }
        this.progress = r.value;
        this.on.progress();
      }
    } catch (e) {
      if (this.cancelled) return;
      this.cancelled = true;
      this.on.fail(e);
    }
  }
}
