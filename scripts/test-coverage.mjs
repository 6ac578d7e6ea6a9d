// The coverage line at the end of `npm test`: V8 coverage of the NODE STEP only (mocha in Node over
// the esbuild bundles of test/**, see scripts/test-node.mjs), mapped back to src/**/*.ts through the
// bundles' inline source maps. scripts/test.mjs runs the node step with NODE_V8_COVERAGE=<dir> (Node
// and each mocha worker process write one JSON there, with the source maps in "source-map-cache"),
// then runs this script on <dir>. Each process writes once, at its exit (scripts/test-node.mjs lets
// mocha's workers live long enough for that): every bundle is in one report, counted from the start.
// (Writing per test file with v8.takeCoverage() was tried: after the reset V8 leaves out functions
// that did not run, v8-to-istanbul then counts their lines as covered, and the figure comes out high.) The browser steps (components, embed) and the server step are NOT
// counted: element coverage is `npm run test:coverage`.
//   node scripts/test-coverage.mjs <dir>    print the summary of a NODE_V8_COVERAGE folder
// Lines are istanbul lines (v8-to-istanbul); a src file no Node test imports is not in the figure,
// the printout says how many .ts files of each folder were loaded, and by how many test files (fewer
// than the node step ran means a process did not write its report).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8ToIstanbul from 'v8-to-istanbul';
import libCoverage from 'istanbul-lib-coverage';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const srcUrl = pathToFileURL(join(root, 'src')).href + '/';
/** Folders reported on their own; every other src file counts under "other src". */
const GROUPS = ['src/engine', 'src/store', 'src/adapter', 'src/i18n', 'src/components', 'src/sample'];

function listTs(dir) {
  try {
    return readdirSync(join(root, dir), { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
  } catch {
    return [];
  }
}

// v8-to-istanbul asks with the map's own source names (file:// URLs) while applying counts and with
// resolved paths when reporting: both must agree, or every line stays at its default count of 1.
const outsideSrc = (p) => !(p.startsWith('file:') ? fileURLToPath(p) : p).startsWith(join(root, 'src') + '/');

/** Merged istanbul coverage of the src files the bundles in `dir`'s V8 reports map to. */
export async function collect(dir) {
  const map = libCoverage.createCoverageMap({});
  const bundles = new Set();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith('.json')) continue;
    const report = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const maps = report['source-map-cache'] ?? {};
    for (const script of report.result) {
      // Counted: the test files' own bundles (whether or not their own code maps into src: with
      // shared chunks, scripts/test-node.mjs, most of src is in the chunks they import).
      if (/\/qk-node-tests-\d+\/.*\.test\.mjs$/.test(script.url)) bundles.add(script.url);
      const sm = maps[script.url];
      // Only the test bundles (they carry inline source maps pointing into src/); node_modules,
      // mocha and this repo's plain .mjs scripts are skipped.
      if (!sm || !sm.data?.sources?.some((s) => s.startsWith(srcUrl))) continue;
      // The bundle itself is gone (scripts/test-node.mjs removes its folder): its line lengths stand
      // in for it, as c8 does; the .ts sources come from the map's sourcesContent.
      const source = sm.lineLengths.map((n) => ''.padEnd(n, '.')).join('\n');
      const conv = v8ToIstanbul(fileURLToPath(script.url), 0, { source, sourceMap: { sourcemap: sm.data } }, outsideSrc);
      await conv.load();
      conv.applyCoverage(script.functions);
      map.merge(conv.toIstanbul());
      conv.destroy();
    }
  }
  return { map, bundles: bundles.size };
}

/** The printed lines: the total, then one per folder. */
export async function summarize(dir) {
  const { map, bundles } = await collect(dir);
  const groups = new Map([...GROUPS, 'other src'].map((g) => [g, { files: 0, covered: 0, total: 0 }]));
  const all = { covered: 0, total: 0 };
  for (const file of map.files()) {
    const rel = relative(root, file).split('\\').join('/');
    const g = groups.get(GROUPS.find((p) => rel.startsWith(p + '/')) ?? 'other src');
    const lines = map.fileCoverageFor(file).toSummary().lines;
    g.files++;
    g.covered += lines.covered;
    g.total += lines.total;
    all.covered += lines.covered;
    all.total += lines.total;
  }
  const pct = (c, t) => (t ? ((100 * c) / t).toFixed(1) : '0.0');
  const parts = [...groups].filter(([, g]) => g.files).map(([name, g]) => {
    const of = name === 'other src' ? '' : ` of ${listTs(name).length}`;
    return `${name} ${pct(g.covered, g.total)}% (${g.files}${of} files)`;
  });
  return [
    `coverage (node step only: the Node tests of src/engine, src/store, src/adapter, i18n, presenters; browser steps not counted): lines ${pct(all.covered, all.total)}% (${all.covered}/${all.total} lines in ${map.files().length} src files loaded by ${bundles} test files)`,
    `  ${parts.join('; ')}`,
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!process.argv[2]) {
    console.error('usage: node scripts/test-coverage.mjs <NODE_V8_COVERAGE dir>');
    process.exit(1);
  }
  console.log(await summarize(process.argv[2]));
}
