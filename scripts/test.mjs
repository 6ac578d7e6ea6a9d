// `npm test`: the unit and element layers, in steps, and ONE closing line "N passed, N failed, N
// skipped" (the sum of the steps; CI reads it). Exits 1 when any step fails.
//   1. purity      scripts/check-purity.mjs (no counts)
//   2. node        engine, sample, i18n, element presenters, pure store/adapter tests, the fault-
//                  injection property, the worked examples: mocha in Node, 2 workers
//   3. server      the reference server and its conformance suite: node --test (scripts/test-server.mjs)
//   4. components  the elements and the DOM-bound store/adapter tests: web-test-runner, 2 windows
// The host-page layer and the scale layer are steps of their own (#19 item 3), not in `npm test`:
//   5. embed       the host pages (bundles, CSP, frameworks, load order, the demo walked through):
//                  web-test-runner, 2 windows. `npm run test:embed`.
//   6. scale-node  the scale layer's Node files (`*.scale.test.ts`: plans of 10,000–100,000 people),
//   7. scale       and its browser files; `npm run test:scale` runs both, side by side.
// `npm run test:all` runs all seven.
// CI (.ci/run) runs both, and the consumers (the packed tarball in fresh apps) as a third.
// Browser steps run up to six test files in a page (test/runner/groups.mjs) and print their slowest pages. Two copies may run at once in one checkout.
// Steps by name: `node scripts/test.mjs embed`, `node scripts/test.mjs all`; QK_STEPS=node,components
// does the same.
// Coverage: QK_NODE_COVERAGE=1 runs the node step with NODE_V8_COVERAGE; when it ends,
// scripts/test-coverage.mjs maps that to src/**/*.ts (in the background, alongside the next steps) and
// its lines are printed before the closing line. It covers the NODE STEP ONLY (the browser steps serve
// bundles; their coverage is `npm run test:coverage`). `npm run test:coverage:node` is that run.
// The node and server steps run alongside the components step (their output is printed when each
// ends): the browser step leaves CPU idle while pages wait for frames and the server, and the node
// step's two workers leave some while a test waits on a timer; one after the other, npm test took
// 78 s idle (node 25.8 s, then components 51.6 s). QK_SERIAL=1 runs every step after the other.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'qk-test-'));
const wtr = ['node_modules/@web/test-runner/dist/bin.js'];
const coverage = process.env.QK_NODE_COVERAGE === '1';
const steps = [
  { name: 'purity', cmd: ['scripts/check-purity.mjs'], counted: false },
  { name: 'node', cmd: ['--enable-source-maps', 'scripts/test-node.mjs'], env: coverage ? { NODE_V8_COVERAGE: join(dir, 'v8') } : {}, alongside: 'components' },
  { name: 'server', cmd: ['scripts/test-server.mjs'], alongside: 'components' },
  { name: 'components', cmd: wtr, env: { QK_TEST_STEP: 'components' } },
  { name: 'embed', cmd: wtr, env: { QK_TEST_STEP: 'embed' } },
  { name: 'scale-node', cmd: ['--enable-source-maps', 'scripts/test-node.mjs'], env: { QK_TEST_LAYER: 'scale' }, alongside: 'scale' },
  { name: 'scale', cmd: wtr, env: { QK_TEST_STEP: 'scale' } },
];
const UNIT = ['purity', 'node', 'server', 'components'];
const named = [...(process.env.QK_STEPS?.split(',') ?? []), ...process.argv.slice(2).flatMap((a) => a.split(','))].map((s) => s.trim()).filter(Boolean);
const only = !named.length ? UNIT : named.includes('all') ? steps.map((s) => s.name) : named;
const unknown = only.filter((n) => !steps.some((s) => s.name === n));
if (unknown.length) {
  console.error(`scripts/test.mjs: no step named ${unknown.join(', ')} (steps: ${steps.map((s) => s.name).join(', ')}, or all)`);
  process.exit(2);
}
const serial = process.env.QK_SERIAL === '1';
const total = { passed: 0, failed: 0, skipped: 0 };
const times = [];
let broken = false;

/** Runs a step; with `quiet`, its output is held and printed when it ends, in one piece. */
function run(step, quiet) {
  const countsFile = join(dir, `${step.name}.json`);
  const t0 = Date.now();
  const child = spawn(process.execPath, step.cmd, {
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...step.env, QK_COUNTS_FILE: countsFile },
  });
  const out = [];
  child.stdout?.on('data', (d) => out.push(d));
  child.stderr?.on('data', (d) => out.push(d));
  return new Promise((done) => child.on('close', (code) => {
    if (quiet) process.stdout.write(`\n── ${step.name} (ran alongside) ──\n${Buffer.concat(out).toString()}`);
    done({ step, code: code ?? 1, countsFile, seconds: (Date.now() - t0) / 1000 });
  }));
}

function tally({ step, code, countsFile, seconds }) {
  times.push(`${step.name} ${seconds.toFixed(1)} s`);
  if (step.counted === false) {
    if (code !== 0) broken = true;
    return;
  }
  if (existsSync(countsFile)) {
    const c = JSON.parse(readFileSync(countsFile, 'utf8'));
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
    if (code !== 0 && c.failed === 0) total.failed++; // the step failed outside a test (a file that does not load)
  } else {
    total.failed++; // the step crashed before it could count
  }
  if (code !== 0) broken = true;
}

/** The coverage lines of the node step (scripts/test-coverage.mjs), or why there are none. */
function summarize() {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['scripts/test-coverage.mjs', join(dir, 'v8')], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = [];
  child.stdout.on('data', (d) => out.push(d));
  child.stderr.on('data', (d) => out.push(d));
  return new Promise((done) => child.on('close', (code) => {
    const text = Buffer.concat(out).toString();
    rmSync(join(dir, 'v8'), { recursive: true, force: true }); // tens of MB
    done({ text: code === 0 ? text : `coverage: not computed (scripts/test-coverage.mjs exited ${code}):\n${text}`, seconds: (Date.now() - t0) / 1000 });
  }));
}

let summary = null;
const t0 = Date.now();
const chosen = steps.filter((s) => only.includes(s.name));
const waiting = new Map(); // step name → steps to start alongside it
for (const s of chosen) {
  if (!serial && s.alongside && chosen.some((c) => c.name === s.alongside)) waiting.set(s.alongside, [...(waiting.get(s.alongside) ?? []), s]);
}
const deferred = new Set([...waiting.values()].flat());
for (const step of chosen) {
  if (deferred.has(step)) continue;
  const started = (s, quiet) =>
    run(s, quiet).then((r) => {
      if (s.name === 'node' && coverage) summary = summarize();
      return r;
    });
  const side = (waiting.get(step.name) ?? []).map((s) => started(s, true));
  tally(await started(step, false));
  for (const r of await Promise.all(side)) tally(r);
}
if (summary) {
  const { text, seconds } = await summary;
  times.push(`coverage summary ${seconds.toFixed(1)} s (alongside)`);
  process.stdout.write(`\n${text}`);
}
console.log(`\nsteps: ${times.join(', ')}; all ${((Date.now() - t0) / 1000).toFixed(1)} s`);
process.stdout.write(`${total.passed} passed, ${total.failed + (broken && total.failed === 0 ? 1 : 0)} failed, ${total.skipped} skipped\n`);
process.exitCode = broken || total.failed ? 1 : 0;
