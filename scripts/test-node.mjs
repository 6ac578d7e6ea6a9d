// The Node step of `npm test`: engine, sample data, i18n, the element presenters (*.layout, *.model)
// and the pure store and adapter tests, run by mocha in parallel worker processes. Each file is
// bundled with esbuild first (TypeScript, `@open-wc/testing` → test/support/node-testing.ts;
// packages stay external), which takes about a second.
//   node scripts/test-node.mjs                     all Node test files
//   node scripts/test-node.mjs test/engine/plan    only files under a path (or one file)
// Prints "node: passed N, failed N, skipped N"; with QK_COUNTS_FILE set, also writes the counts there
// as JSON for scripts/test.mjs. Exits 1 on any failure.
import { build } from 'esbuild';
import { readdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Mocha from 'mocha';
import { createRequire } from 'node:module';

import { isNodeTest } from './test-layers.mjs';

function listTests(dir) {
  const out = [];
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(f)).split('\\').join('/');
    if (p.endsWith('.test.ts') && isNodeTest(p)) out.push(p);
  }
  return out.sort();
}

async function main() {
  const args = process.argv.slice(2);
  let files = listTests('test');
  if (args.length) files = files.filter((f) => args.some((a) => f === a || f.startsWith(a.replace(/\/?$/, '/')) || f === a.replace(/^\.\//, '')));
  if (!files.length) {
    console.error(`node tests: no Node test file matches ${args.join(' ')}`);
    process.exit(1);
  }
  // One folder per run (removed at the end): two copies of the suite at once must not delete each
  // other's bundles.
  const outdir = resolve(`node_modules/.cache/qk-node-tests-${process.pid}`);
  if (existsSync(outdir)) rmSync(outdir, { recursive: true, force: true });
  process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));
  await build({
    entryPoints: files,
    outdir,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@open-wc/testing': './test/support/node-testing.ts' },
    tsconfig: 'tsconfig.json',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  if (process.env.NODE_V8_COVERAGE) {
    // `npm test` sets NODE_V8_COVERAGE for this step (scripts/test-coverage.mjs). Each mocha worker
    // writes its coverage when it exits, which takes seconds on a loaded machine; mocha's pool
    // (workerpool) kills a worker that has not exited one second after it was told to, and its
    // coverage is lost. Mocha has no option for that timeout: give its pool a longer one.
    const workerpool = createRequire(import.meta.url)('workerpool');
    const pool = workerpool.pool;
    workerpool.pool = (script, options) => pool(script, { ...options, workerTerminateTimeout: 120_000 });
  }
  const mocha = new Mocha({
    parallel: files.length > 1,
    jobs: Number(process.env.QK_NODE_JOBS) || 2,
    timeout: 120_000,
    reporter: 'dot',
  });
  for (const f of files) mocha.addFile(join(outdir, f.replace(/\.ts$/, '.mjs')));
  if (files.length === 1) await mocha.loadFilesAsync();
  const runner = mocha.run();
  // QK_TEST_TIMES_FILE: every test's own duration (ms), named by its file and title path.
  const rows = [];
  if (process.env.QK_TEST_TIMES_FILE) runner.on('test end', (t) => rows.push([`${(t.file ?? '').replace(`${outdir}/`, '')} › ${t.titlePath().join(' › ')}`, t.duration ?? 0]));
  await new Promise((done) => runner.on('end', done));
  if (process.env.QK_TEST_TIMES_FILE) writeFileSync(process.env.QK_TEST_TIMES_FILE, JSON.stringify(rows.sort((a, b) => b[1] - a[1]), null, 1));
  const s = runner.stats ?? {};
  const counts = { passed: s.passes ?? 0, failed: s.failures ?? 0, skipped: s.pending ?? 0 };
  if (process.env.QK_COUNTS_FILE) writeFileSync(process.env.QK_COUNTS_FILE, JSON.stringify(counts));
  console.log(`node (${files.length} files): passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`);
  process.exitCode = counts.failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
