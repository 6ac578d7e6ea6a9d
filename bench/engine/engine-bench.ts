/**
 * The engine at the size of a large company, in Node: the 10,000-rep sample company and
 * `decomposePlan` over 10,000 reps × 12 months × 3 products. These were timing logs inside the unit
 * suite (edit.test.ts, sample-data.test.ts); timings belong here. Each run also checks its result
 * (the plan adds up to the total, the org has the expected size), so a wrong answer fails the bench.
 */
import { decomposePlan, gridValue, type DecomposeInput, type PlanNode } from '../../src/engine/plan/edit.js';
import { fiscalYearMonths } from '../../src/engine/calendar/periods.js';
import { checkOrg } from '../../src/engine/plan/model.js';
import { generateSampleCompany } from '../../src/sample/sample-data.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`engine bench: ${what}`);
}

export interface EngineBenchResult {
  sample: { reps: number; firstMs: number; medianMs: number; actuals: number };
  decompose: { reps: number; gridFirstMs: number; gridMedianMs: number; cells: number; cellsFirstMs: number; cellsMedianMs: number };
}

export function runEngineBench(runs = 7, reps = { regions: 20, teamsPerRegion: 25, repsPerTeam: 20 }): EngineBenchResult {
  const sampleTimes: number[] = [];
  let actuals = 0;
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    const t0 = performance.now();
    const big = generateSampleCompany(reps);
    sampleTimes.push(performance.now() - t0);
    const count = (kind: string) => big.plan.org.filter((n) => n.kind === kind).length;
    check(count('rep') === reps.regions * reps.teamsPerRegion * reps.repsPerTeam, 'sample rep count');
    check(checkOrg(big.plan.org).length === 0, 'sample org is a tree');
    actuals = big.actuals.actuals.length;
  }

  const months = fiscalYearMonths(2026, { startMonth: 4 });
  const org: PlanNode[] = [{ id: 'co', parentId: null }];
  let rep = 0;
  for (let g = 0; g < reps.regions; g++) {
    org.push({ id: `g${g}`, parentId: 'co' });
    for (let t = 0; t < reps.teamsPerRegion; t++) {
      org.push({ id: `t${g}-${t}`, parentId: `g${g}` });
      for (let k = 0; k < reps.repsPerTeam; k++, rep++) {
        org.push({ id: `r${rep}`, parentId: `t${g}-${t}`, ...(rep % 10 === 0 ? { hireDate: `2026-0${1 + (rep % 9)}-15` } : {}) });
      }
    }
  }
  const input: DecomposeInput = {
    nodes: org, total: 10_000_000_000_000, fiscalYear: 'FY2026', months, method: 'capacity',
    seasonality: [0.07, 0.08, 0.09, 0.08, 0.08, 0.09, 0.08, 0.08, 0.09, 0.07, 0.08, 0.11],
    products: [{ id: 'A', new: false, weight: 0.5 }, { id: 'B', new: false, weight: 0.3 }, { id: 'C', new: true, weight: 0.2 }],
    minNewShare: 0.25,
  };
  const time = (cells: boolean) => {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = decomposePlan({ ...input, cells });
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error.code);
      size = cells ? r.value.cells.length : r.value.grid.length;
      check(gridValue(r.value, 'co', 'FY2026') === input.total, 'the plan adds up to the total');
    }
    return { first: times[0], median: median(times), size };
  };
  const grid = time(false);
  const cells = time(true);
  return {
    sample: { reps: rep, firstMs: sampleTimes[0], medianMs: median(sampleTimes), actuals },
    decompose: { reps: rep, gridFirstMs: grid.first, gridMedianMs: grid.median, cells: cells.size, cellsFirstMs: cells.first, cellsMedianMs: cells.median },
  };
}
