/**
 * The test page's local storage between tests. Every test starts with it empty (`clearStorage`,
 * after each test: test/support/testing.ts), as a fresh browser would. A file that opens a page once
 * (mocha `before`) and uses it across its tests keeps that page's own keys while it is open
 * (`keepInStorage`): the demo's iframe shares this page's origin, so its stored plan lives here
 * too, and clearing it under the open demo made its adapter start again from the sample at
 * version 1 while the dashboard held version 2 — every later save was a conflict.
 */
const kept = new Map<string, number>();

/** Keeps `keys` through the clears until the returned release is called. */
export function keepInStorage(keys: readonly string[]): () => void {
  for (const k of keys) kept.set(k, (kept.get(k) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const k of keys) {
      const n = (kept.get(k) ?? 1) - 1;
      if (n > 0) kept.set(k, n);
      else kept.delete(k);
    }
  };
}

/** Empties local storage but for the kept keys. */
export function clearStorage(): void {
  try {
    if (!kept.size) {
      localStorage.clear();
      return;
    }
    const gone: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k !== null && !kept.has(k)) gone.push(k);
    }
    for (const k of gone) localStorage.removeItem(k);
  } catch {
    // No storage in this context.
  }
}
