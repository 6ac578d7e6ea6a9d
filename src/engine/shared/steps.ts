/**
 * Long engine work as steps: a generator that does a slice of the work (a chunk of people) between
 * `yield`s and returns the result. The engine's plain functions run the steps to the end
 * (`runSteps`), so there is one definition of every figure; an element that must not block the page
 * (a company of 100,000 people) runs the same steps a few milliseconds at a time, painting a
 * progress state between slices (`internal/step-runner.ts`).
 *
 * Plain TypeScript: no timers here, no DOM.
 */

/** How far a computation is: `done` of `total` units (people measured, scored, ranked …). */
export interface StepProgress {
  done: number;
  total: number;
}

export type Steps<T> = Generator<StepProgress, T, void>;

/** People handled between two yields: small enough that a slice stays well under 50 ms. */
export const STEP_CHUNK = 250;

/** Runs steps to the end and returns their result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
