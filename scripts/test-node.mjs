// The Node step of `npm test`: engine, sample data, i18n, the element presenters (*.layout, *.model)
// and the pure store and adapter tests, run by mocha in parallel worker processes. Each file is
// bundled with esbuild first (TypeScript, `@open-wc/testing` → test/support/node-testing.ts;
// packages stay external), which takes about a second.
//   node scripts/test-node.mjs                     all Node test files
//   node scripts/test-node.mjs test/engine/plan    only files under a path (or one file)
// Prints "node: passed N, failed N, skipped N"; with QK_COUNTS_FILE set, also writes the counts there
// as JSON for scripts/test.mjs. Exits 1 on any failure.
// QK_PROFILE_DIR=<dir>: each mocha worker writes a V8 CPU profile (.cpuprofile) there when it exits.
import { build } from 'esbuild';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { createRequire, SourceMap } from 'node:module';

import { isNodeTest, isScaleTest } from './test-layers.mjs';

function listTests(dir) {
  const out = [];
  for (const f of readdirSync(dir, { recursive: true })) {
    const p = join(dir, String(f)).split('\\').join('/');
    if (p.endsWith('.test.ts') && isNodeTest(p)) out.push(p);
  }
  return out.sort();
}

/**
 * Mocha hands the files to its workers in the order they were added, each to the first worker
 * free: a long file handed out last makes the other worker idle while it runs. So the longest
 * files go first (longest processing time first), by the tests' durations of the last full run in
 * this checkout (TIMES, written at the end of a run of a whole layer), else by this list (the longest
 * files, longest first, measured 2026-12-03 in `npm test` and `npm run test:scale`), then the rest in name order.
 */
const LONGEST = [
  'test/engine/incentive/team-steps.test.ts',
  'test/engine/scorecard/ranking.test.ts',
  'test/adapter/contract-runner.test.ts',
  'test/size/first-load.test.ts',
  'test/adapter/payload-corpus.test.ts',
  'test/engine/plan/warm-up.test.ts',
  'test/engine/plan/subtree-sums.test.ts',
  'test/store/fault-injection.test.ts',
  'test/engine/plan/plan-state.test.ts',
  'test/engine/funnel/context-steps.test.ts',
  // The scale layer's (QK_TEST_LAYER=scale).
  'test/store/sliced-load.scale.test.ts',
  'test/store/large-org.scale.test.ts',
  'test/engine/funnel/split.scale.test.ts',
];
const TIMES = resolve('node_modules/.cache/qk-node-test-times.json');
/** The mark of a test file that must not share modules with the other files (see the build below). */
export const FRESH_MODULES = '@qk-fresh-modules';

/**
 * `files` ordered longest first: by `times` (ms per file, the last full run) when they know any of
 * `files`, a file not in them first of all (it may be long, as in test/runner/groups.mjs); when they
 * know none of `files` (none yet, or only the other layer's), the files of LONGEST in its order, then
 * the others in name order.
 */
export function longestFirst(files, times = readTimes()) {
  const seen = files.some((f) => f in times);
  const weight = (f) => (seen ? (times[f] ?? Infinity) : LONGEST.includes(f) ? LONGEST.length - LONGEST.indexOf(f) : 0);
  return [...files].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : a > b ? 1 : 0));
}

export function readTimes() {
  try {
    return JSON.parse(readFileSync(TIMES, 'utf8'));
  } catch {
    return {};
  }
}

const maps = new Map(); // bundle path → SourceMap, or null when it has none

/**
 * `stack` with each frame in a bundle of `outdir` (`…/test/x.test.mjs:120:7`) replaced by its
 * place in the TypeScript source (`test/x.test.ts:31:5`), through the bundle's .map file.
 */
export function mapStack(stack, outdir) {
  return stack.replace(/(?:file:\/\/)?(\/[^\s():]+\.mjs):(\d+):(\d+)/g, (whole, file, line, column) => {
    if (!file.startsWith(outdir + '/')) return whole;
    if (!maps.has(file)) {
      try {
        maps.set(file, new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))));
      } catch {
        maps.set(file, null);
      }
    }
    const entry = maps.get(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry?.originalSource) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(dirname(file), entry.originalSource);
    return `${relative(process.cwd(), source)}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

async function main() {
  const args = process.argv.slice(2);
  // The unit layer; QK_TEST_LAYER=scale the scale layer (`*.scale.test.ts`, scripts/test-layers.mjs),
  // QK_TEST_LAYER=all both. Paths on the command line pick from both.
  const layer = process.env.QK_TEST_LAYER ?? (args.length ? 'all' : 'unit');
  let files = listTests('test').filter((f) => layer === 'all' || (layer === 'scale') === isScaleTest(f));
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
  // One build with code splitting: the modules the test files share (the engine, the store, chai)
  // are chunks each worker compiles once, not once per test file inside 84 separate bundles (32 MB of
  // bundles without splitting, 7 MB with; the step took 44.8 CPU-s without, 33.1 with, 2026-12-03).
  // So the files a worker runs share module state, as the files of one browser page do. A file
  // that needs modules of its own (it tests a module's state before first use) says so with
  // FRESH_MODULES in a comment, and gets a bundle of its own.
  const fresh = files.filter((f) => readFileSync(f, 'utf8').includes(FRESH_MODULES));
  const options = {
    outdir,
    outbase: '.',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    alias: { '@open-wc/testing': './test/support/node-testing.ts' },
    tsconfig: 'tsconfig.json',
    // Maps in files beside the bundles (`//# sourceMappingURL=`), read only when wanted: by V8
    // coverage (scripts/test-coverage.mjs) and by mapStack() below for a failure's stack.
    sourcemap: 'linked',
    logLevel: 'warning',
  };
  await Promise.all([
    build({ ...options, entryPoints: files.filter((f) => !fresh.includes(f)), splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
    ...(fresh.length ? [build({ ...options, entryPoints: fresh, splitting: false })] : []),
  ]);
  // Mocha's worker processes. They run WITHOUT --enable-source-maps: with it Node parses every
  // bundle's source map as it loads (about 2 CPU-s over the suite) and keeps them all (~110 MB more
  // heap per worker, which every later garbage collection walks); a failure's stack is mapped to
  // the .ts sources here, in this process, instead (mapStack). Under NODE_V8_COVERAGE (`npm test`,
  // scripts/test-coverage.mjs) Node reads the maps for the coverage report anyway.
  const workerpool = createRequire(import.meta.url)('workerpool');
  const pool = workerpool.pool;
  const execArgv = process.execArgv.filter((a) => a !== '--enable-source-maps');
  // QK_PROFILE_DIR (as in the browser steps): each worker writes a V8 CPU profile there at its exit.
  if (process.env.QK_PROFILE_DIR) execArgv.push('--cpu-prof', `--cpu-prof-dir=${resolve(process.env.QK_PROFILE_DIR)}`);
  workerpool.pool = (script, options) => pool(script, {
    ...options,
    forkOpts: { ...options?.forkOpts, execArgv },
    // `npm test` sets NODE_V8_COVERAGE for this step (scripts/test-coverage.mjs). Each mocha worker
    // writes its coverage when it exits, which takes seconds on a loaded machine; mocha's pool
    // (workerpool) kills a worker that has not exited one second after it was told to, and its
    // coverage is lost. Mocha has no option for that timeout: give its pool a longer one.
    // The same holds for a worker's CPU profile (QK_PROFILE_DIR): it was lost as often as not.
    ...(process.env.NODE_V8_COVERAGE || process.env.QK_PROFILE_DIR ? { workerTerminateTimeout: 120_000 } : {}),
  });
  const jobs = Number(process.env.QK_NODE_JOBS) || 2;
  const mocha = new Mocha({
    parallel: files.length > 1,
    jobs,
    timeout: 120_000,
    reporter: 'dot',
  });
  // A run of a whole layer (no paths named) records its files' durations for the next run's order.
  // (It compared with every test file before; since the scale layer was split off, a unit run never
  // matched, and the order came from durations measured before the split.)
  const all = !args.length;
  files = longestFirst(files);
  for (const f of files) mocha.addFile(join(outdir, f.replace(/\.ts$/, '.mjs')));
  // In one process (one file, or QK_NODE_JOBS=1: mocha then runs serially), the ES module bundles are
  // loaded by import(), not require(): some have top-level await.
  if (files.length === 1 || jobs < 2) await mocha.loadFilesAsync();
  const runner = mocha.run();
  // Failures read in the .ts sources (the reporter prints err.stack at the end of the run).
  runner.on('fail', (_test, err) => {
    if (err && typeof err.stack === 'string') err.stack = mapStack(err.stack, outdir);
  });
  // QK_TEST_TIMES_FILE: every test's own duration (ms), named by its file and title path.
  const rows = [];
  const byFile = {}; // test file (.ts) → its tests' durations summed (ms), for longestFirst
  runner.on('test end', (t) => {
    const file = (t.file ?? '').replace(`${outdir}/`, '');
    byFile[file.replace(/\.mjs$/, '.ts')] = (byFile[file.replace(/\.mjs$/, '.ts')] ?? 0) + (t.duration ?? 0);
    if (process.env.QK_TEST_TIMES_FILE) rows.push([`${file} › ${t.titlePath().join(' › ')}`, t.duration ?? 0]);
  });
  await new Promise((done) => runner.on('end', done));
  if (all && !runner.stats?.failures) {
    // Two copies of the suite may run at once: each writes its own file, then renames it over.
    // Merged over the file's other entries: the unit and the scale layer each record their own files.
    writeFileSync(`${TIMES}.${process.pid}`, JSON.stringify({ ...readTimes(), ...byFile }));
    renameSync(`${TIMES}.${process.pid}`, TIMES);
  }
  if (process.env.QK_TEST_TIMES_FILE) writeFileSync(process.env.QK_TEST_TIMES_FILE, JSON.stringify(rows.sort((a, b) => b[1] - a[1]), null, 1));
  const s = runner.stats ?? {};
  const counts = { passed: s.passes ?? 0, failed: s.failures ?? 0, skipped: s.pending ?? 0 };
  if (process.env.QK_COUNTS_FILE) writeFileSync(process.env.QK_COUNTS_FILE, JSON.stringify(counts));
  console.log(`node (${files.length} files): passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`);
  process.exitCode = counts.failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
