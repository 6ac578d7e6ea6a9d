/**
 * Helpers of the node search's tests (node-search.model.test.ts and its scale layer).
 */
import { nodePathSteps } from '../../../src/components/adjustment-panel/node-search.js';
import type { OrgIndex } from '../../../src/engine/plan/rollup.js';

/** The index with its `ancestors` calls counted (what the old search did once per node it read). */
export function countingAncestors(ix: OrgIndex): { ix: OrgIndex; calls: () => number } {
  let calls = 0;
  const counted = new Proxy(ix, {
    get(t, key, r) {
      if (key === 'ancestors') return (id: string) => (calls++, t.ancestors(id));
      return Reflect.get(t, key, r);
    },
  });
  return { ix: counted, calls: () => calls };
}

/** `nodePathSteps` run to its end. */
export function runFold(ix: OrgIndex): Record<string, unknown> {
  const steps = nodePathSteps(ix);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value as unknown as Record<string, unknown>;
  }
}
