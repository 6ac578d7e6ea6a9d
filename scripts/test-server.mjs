// `npm run test:server`: the Node tests of the reference server and the conformance suite
// (test/server/*.node-test.ts), bundled with esbuild (Node 20 runs no TypeScript) and run with
// `node --test`. With QK_TEST_DATABASE_URL set they run on that PostgreSQL as well as on PGlite.
// Ends with "N passed, N failed, N skipped".
// All the files run in ONE process (bundled into one entry that imports them in order), so they
// share one PGlite (test/server/support.ts): a process per file started and compiled PGlite once per
// file, 5 × 3–12 s of CPU, most of the step. QK_SERVER_ISOLATE=1 runs a process per file again.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const only = process.argv.slice(2);
const dir = 'test/server';
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.node-test.ts'))
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
// One folder per run (removed at the end): two copies of the suite at once must not delete each
// other's bundles.
const out = join('node_modules', '.cache', 'quotakit', `server-tests-${process.pid}`);
rmSync(out, { recursive: true, force: true });
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const isolate = process.env.QK_SERVER_ISOLATE === '1';
// The one entry: imports each test file in turn (node:test registers their suites in that order).
const entry = { in: join(out, 'all.node-test.ts'), out: 'all.node-test' };
if (!isolate) {
  mkdirSync(out, { recursive: true });
  writeFileSync(entry.in, files.map((f) => `import ${JSON.stringify(resolve(dir, f))};\n`).join(''));
}
await build({
  entryPoints: isolate ? files.map((f) => join(dir, f)) : [entry],
  outdir: out,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'inline',
  // package.json's `sideEffects` names dist files only: without this esbuild drops the entry's
  // imports of the test files (modules with no exports).
  ignoreAnnotations: true,
  logLevel: 'warning',
});
const outputs = isolate ? files.map((f) => join(out, f.replace(/\.ts$/, '.mjs'))) : [join(out, 'all.node-test.mjs')];
// PGlite's data directory as initdb makes it, dumped once and reused (test/server/support.ts):
// initdb is most of PGlite's start-up CPU. Named after PGlite's version and files, so an upgrade
// makes a new one. QK_PGLITE_SNAPSHOT= (empty) runs initdb every time, as before.
const pglite = 'node_modules/@electric-sql/pglite';
const stamp = createHash('sha256')
  .update(readFileSync(join(pglite, 'package.json')))
  .update(['pglite.wasm', 'initdb.wasm', 'pglite.data'].map((f) => statSync(join(pglite, 'dist', f))).map((s) => `${s.size}:${s.mtimeMs}`).join(','))
  .digest('hex')
  .slice(0, 16);
const snapshot = resolve('node_modules', '.cache', 'quotakit', `pglite-initdb-${stamp}.tar`);
// --liftoff-only: V8 compiles PGlite's WebAssembly (9 MB) with its baseline compiler only. By
// default it also recompiles the hot functions with TurboFan, on background threads, which a
// process of a few seconds never earns back: the step took 6.5–8.9 CPU-s with it against 10.1–11.4
// without (three runs each, interleaved, load 13–22).
const child = spawn(process.execPath, ['--enable-source-maps', '--liftoff-only', '--test', '--test-concurrency=1', '--test-reporter=spec', '--test-reporter=tap', '--test-reporter-destination=stdout', `--test-reporter-destination=${join(out, 'report.tap')}`, ...outputs], {
  stdio: 'inherit',
  env: { ...process.env, QK_PGLITE_SNAPSHOT: process.env.QK_PGLITE_SNAPSHOT ?? snapshot },
});
const code = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
const tap = readFileSync(join(out, 'report.tap'), 'utf8');
const count = (k) => Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
const counts = { passed: count('pass'), failed: count('fail'), skipped: count('skipped') + count('todo') };
if (process.env.QK_COUNTS_FILE) {
  // A step of `npm test` (scripts/test.mjs): hand the counts over; the driver prints the one closing line.
  const { writeFileSync } = await import('node:fs');
  writeFileSync(process.env.QK_COUNTS_FILE, JSON.stringify(counts));
  console.log(`server: passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`);
} else console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(code);
