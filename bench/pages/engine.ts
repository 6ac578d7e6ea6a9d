/**
 * The engine figure: re-decomposing the whole plan (by default 10,000 reps × 12 months × 3 products,
 * every level summing exactly; `?reps=N` for another size) with `decomposePlan`, as the goal tree does after a top-level change.
 */
import { decomposePlan } from '../../src/engine/plan/edit.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';
import { decomposeInput, pageSize } from './shared.js';

declare global {
  interface Window {
    decompose?: (iterations: number) => { samples: number[]; cells: number };
  }
}

window.benchReady = (async () => {
  const { plan } = generateSampleCompany({ ...pageSize(), historyYears: 0, dealsPerRepMonth: 0.05, opportunitiesPerRep: 0 });
  const input = decomposeInput(plan);
  window.decompose = (iterations) => {
    const samples: number[] = [];
    let cells = 0;
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      const r = decomposePlan(input);
      samples.push(performance.now() - t0);
      if (!r.ok) throw new Error(`decomposePlan failed: ${r.error.code}`);
      cells = r.value.cells.length;
    }
    return { samples, cells };
  };
})().catch((e: unknown) => {
  window.benchError = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
});
