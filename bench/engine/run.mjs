// The engine at 10,000 reps, in Node: the sample company and decomposePlan (grid only, and with
// cells). Prints the cold first run beside the median. Usage: node bench/engine/run.mjs [runs]
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'qk-bench-engine-'));
await build({ entryPoints: [join(here, 'engine-bench.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', tsconfig: join(here, '../../tsconfig.json'), outfile: join(out, 'engine.mjs'), logLevel: 'warning' });
const { runEngineBench } = await import(pathToFileURL(join(out, 'engine.mjs')).href);
const runs = Number(process.argv[2]) || 7;
const r = runEngineBench(runs);
const f = (ms) => `${ms.toFixed(1)} ms`;
console.log(`engine, Node ${process.version}, ${runs} runs (first = cold)`);
console.log(`  sample company, ${r.sample.reps.toLocaleString('en')} reps (${r.sample.actuals.toLocaleString('en')} actuals): first ${f(r.sample.firstMs)}, median ${f(r.sample.medianMs)}`);
console.log(`  decomposePlan, ${r.decompose.reps.toLocaleString('en')} reps × 12 months × 3 products, grid only: first ${f(r.decompose.gridFirstMs)}, median ${f(r.decompose.gridMedianMs)}`);
console.log(`  decomposePlan, with ${r.decompose.cells.toLocaleString('en')} cells: first ${f(r.decompose.cellsFirstMs)}, median ${f(r.decompose.cellsMedianMs)}`);
