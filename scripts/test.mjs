// `npm test`: every check, in steps, and ONE closing line "N passed, N failed, N skipped" (the sum
// of the steps; CI reads it). Exits 1 when any step fails.
//   1. purity      scripts/check-purity.mjs (no counts)
//   2. node        engine, sample, i18n, element presenters, pure store/adapter tests, the fault-
//                  injection property, the worked examples: mocha in Node, 2 workers
//   3. server      the reference server and its conformance suite: node --test (scripts/test-server.mjs)
//   4. components  the elements and the DOM-bound store/adapter tests: web-test-runner, 2 windows
//   5. embed       the host-page tests (bundles, CSP, frameworks, load order): web-test-runner, 2 windows
// Browser steps print their slowest test files. Two copies may run at once in one checkout.
// QK_STEPS=node,components runs some steps only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'qk-test-'));
const wtr = ['node_modules/@web/test-runner/dist/bin.js'];
const steps = [
  { name: 'purity', cmd: ['scripts/check-purity.mjs'], counted: false },
  { name: 'node', cmd: ['--enable-source-maps', 'scripts/test-node.mjs'] },
  { name: 'server', cmd: ['scripts/test-server.mjs'] },
  { name: 'components', cmd: wtr, env: { QK_TEST_STEP: 'components' } },
  { name: 'embed', cmd: wtr, env: { QK_TEST_STEP: 'embed' } },
];
const only = process.env.QK_STEPS?.split(',').map((s) => s.trim());
const total = { passed: 0, failed: 0, skipped: 0 };
const times = [];
let broken = false;
for (const step of steps) {
  if (only && !only.includes(step.name)) continue;
  const countsFile = join(dir, `${step.name}.json`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, step.cmd, { stdio: 'inherit', env: { ...process.env, ...step.env, QK_COUNTS_FILE: countsFile } });
  const s = ((Date.now() - t0) / 1000).toFixed(1);
  times.push(`${step.name} ${s} s`);
  if (step.counted === false) {
    if (r.status !== 0) broken = true;
    continue;
  }
  if (existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8'));
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    if (r.status !== 0 && c.failed === 0) total.failed++; // the step failed outside a test (a file that does not load)
  } else {
    total.failed++; // the step crashed before it could count
  }
  if (r.status !== 0) broken = true;
}
console.log(`\nsteps: ${times.join(', ')}`);
process.stdout.write(`${total.passed} passed, ${total.failed + (broken && total.failed === 0 ? 1 : 0)} failed, ${total.skipped} skipped\n`);
process.exitCode = broken || total.failed ? 1 : 0;
