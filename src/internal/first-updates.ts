/**
 * Elements added at once share one task's budget for their first render (issue 12 item 5). Lit runs
 * the first update of every element connected in the same task as microtasks of that task: a
 * dashboard of eight elements over 100,000 people made one 300–600 ms task in which the page could
 * not answer input. Once first updates have used `FIRST_UPDATE_BUDGET_MS` of the current task, the
 * next element's first update waits for a task of its own (a `MessageChannel` message: not clamped
 * like a nested `setTimeout`); later updates are never deferred.
 */

/** Milliseconds of first updates one task may hold before the next one moves to a new task. */
export const FIRST_UPDATE_BUDGET_MS = 50;

let taskStart = -1;
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** A promise settled in a new task (one message per call, answered in call order). */
export function nextTask(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(0);
  });
}

/** Whether first updates have used this task's budget (false in the first of them). */
export function firstUpdateBudgetSpent(): boolean {
  return taskStart >= 0 && performance.now() - taskStart > FIRST_UPDATE_BUDGET_MS;
}

/** Marks a first update starting now: the first one in a task starts the task's budget. */
export function firstUpdateStarts(): void {
  if (taskStart >= 0) return;
  taskStart = performance.now();
  void nextTask().then(() => {
    taskStart = -1;
  });
}
