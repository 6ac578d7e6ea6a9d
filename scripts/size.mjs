// `npm run size`: what QuotaKit weighs for a host, measured on the files that ship.
//
// 1. Builds the package (`npm run build`, unless `--no-build`: CI has just built it) and measures
//    every shipped `dist/**/*.js` as it is (minified bytes, gzip -9).
// 2. Bundles a fixed set of host pages with vite (production, minified) from the BUILT package, the
//    way a host's bundler sees it: a scratch app whose `node_modules/quotakit` is this package.
//    A page's first load is its entry chunk and every chunk it imports statically; chunks reached
//    only by `import()` (the other language's strings, the sample company) load on demand and are
//    reported apart. Except the modules that read `.data` (loaded by `import()` when a standalone
//    element is given data): a page that shows an element from `.data` always loads one, so the
//    scenarios marked `withData` count it (and what it imports statically) in their first load:
//    `read` = dist/chunks/read-data-store-*.js (gauge, pace chart: the read model and the zod-free
//    check of a valid payload), `edit` = dist/chunks/data-store-*.js (elements that edit: the
//    editing store and the same zod-free check). zod itself (store/full-check.ts) reaches a page only
//    when a payload fails the fast check (to list every issue): that chunk counts as on demand.
//    The kit's cost of a React page is the page minus the same page without QuotaKit.
// 3. Prints the table beside the peers quoted in issue #14, writes it into README.md between the
//    size markers, and exits 1 when a scenario is over its CI guard (today's figure plus a few per
//    cent: a regression), or, with --strict, over issue #14's goal.
//
// Options: --no-build (measure the dist/ that is there), --no-readme (do not rewrite README.md),
// --explain=<scenario id> (print what that page's first load holds, by shipped module and source file).
import { build as viteBuild } from 'vite';
import { execSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { sourceKey, sourceShares } from './size-attribute.mjs';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const strict = args.has('--strict');
const KB = 1000;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => (n / KB).toFixed(1);

if (!args.has('--no-build')) execSync('npm run -s build', { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// ---- 1. The shipped files -------------------------------------------------------------------------
function jsFiles(dir) {
  const out = [];
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) {
      if (f !== 'types') out.push(...jsFiles(p));
    } else if (f.endsWith('.js')) out.push(p);
  }
  return out;
}
const shipped = jsFiles(join(root, 'dist'));
const shippedMin = shipped.reduce((n, f) => n + statSync(f).size, 0);
const shippedGz = shipped.reduce((n, f) => n + gz(readFileSync(f)), 0);
const bundleFile = join(root, 'dist/quotakit.bundle.js');
const bundleBuf = readFileSync(bundleFile);

// ---- 2. Host scenarios -------------------------------------------------------------------------------
const app = join(tmpdir(), `qk-size-${process.pid}`);
rmSync(app, { recursive: true, force: true });
mkdirSync(join(app, 'node_modules'), { recursive: true });
symlinkSync(root, join(app, 'node_modules/quotakit'), 'dir');
// React resolves from this package's own node_modules (a dev dependency), like lit and d3 do.
for (const dep of ['react', 'react-dom', 'scheduler', '@lit/react']) {
  const from = join(root, 'node_modules', dep);
  if (!existsSync(from)) continue;
  mkdirSync(join(app, 'node_modules', dep, '..'), { recursive: true });
  symlinkSync(from, join(app, 'node_modules', dep), 'dir');
}

const ELEMENTS = ['provider', 'goal-tree', 'funnel-inverter', 'attainment-gauge', 'pace-chart', 'adjustment-panel', 'incentive-calculator', 'review-board', 'scorecard'];
const pascal = (el) => 'Qk' + el.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
// Per-element React modules (`quotakit/react/<element>`) when the package exports them; otherwise
// the one `quotakit/react` module that holds all nine.
const perElementReact = ELEMENTS.every((el) => pkg.exports?.[`./react/${el}`] !== undefined);
const reactImport = (els) =>
  perElementReact
    ? els.map((el) => `import { ${pascal(el)} } from 'quotakit/react/${el}';`).join('\n')
    : `import { ${els.map(pascal).join(', ')} } from 'quotakit/react';`;
const reactPage = (els) => `import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
${els.length ? reactImport(els) : ''}
createRoot(document.getElementById('app')).render(h('main', null${els.map((el) => `, h(${pascal(el)}, null)`).join('')}));
`;

/**
 * Each scenario: a page's source; its budget in gzip bytes (or none); `lang`, the page's language
 * (the on-demand chunks of that language count in its first load); `minus`, a page whose bytes are
 * not the kit's (React itself).
 */
const scenarios = [
  { id: 'gauge', name: 'one gauge with .data (define/qk-attainment-gauge)', withData: ['read'], budget: 20 * KB, guard: 40.8 * KB, code: `import 'quotakit/define/qk-attainment-gauge';` },
  // The same page before the host gives the gauge data: what `import 'quotakit/define/…'` costs alone.
  { id: 'gauge-bare', name: 'one gauge, no .data yet (first load only)', code: `import 'quotakit/define/qk-attainment-gauge';` },
  {
    id: 'provider-gauge-pace',
    name: 'provider + gauge + pace chart',
    budget: 35 * KB,
    guard: 53.2 * KB,
    code: `import 'quotakit/define/qk-provider';\nimport 'quotakit/define/qk-attainment-gauge';\nimport 'quotakit/define/qk-pace-chart';`,
  },
  { id: 'goal-tree', name: 'goal tree with .data (define/qk-goal-tree)', withData: ['edit'], budget: 45 * KB, guard: 71.6 * KB, code: `import 'quotakit/define/qk-goal-tree';` },
  { id: 'kit-one', name: 'whole kit, one language (quotakit, en)', withData: ['read', 'edit'], budget: 90 * KB, guard: 209.2 * KB, code: `import * as kit from 'quotakit';\nglobalThis.kit = kit;` },
  { id: 'kit-both', name: 'whole kit, both languages (+ zh-CN loaded)', withData: ['read', 'edit'], code: `import * as kit from 'quotakit';\nglobalThis.kit = kit;`, bothLanguages: true },
  { id: 'react-0', name: 'React 19 alone (react-dom/client)', code: reactPage([]), hidden: true },
  { id: 'react-2', name: `React page, two wrappers (${perElementReact ? 'quotakit/react/*' : 'quotakit/react'})`, code: reactPage(['provider', 'attainment-gauge']), minus: 'react-0' },
  { id: 'react-9', name: 'React page, all nine wrappers', code: reactPage(ELEMENTS), minus: 'react-0' },
];

/**
 * `zh-cn` when every module of a chunk is shipped zh-CN text (`dist/chunks/zh-cn/…`, see vite.config.ts).
 * English is the default language and always in the first load; zh-CN comes by `import()`.
 */
const chunkLocale = (chunk) => {
  const ids = (chunk.moduleIds ?? Object.keys(chunk.modules ?? {})).filter((id) => !id.startsWith('\0') && !id.includes('vite/preload-helper'));
  return ids.length && ids.every((id) => /\/dist\/chunks\/zh-cn\//.test(id)) ? 'zh-cn' : undefined;
};

async function bundle(s) {
  const dir = join(app, s.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), `<!doctype html><div id="app"></div><script type="module" src="./main.js"></script>`);
  writeFileSync(join(dir, 'main.js'), s.code);
  const out = await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    mode: 'production',
    build: { write: false, minify: true, modulePreload: false, reportCompressedSize: false, emptyOutDir: false },
  });
  const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((c) => c.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const eager = new Set();
  const walk = (c) => {
    if (eager.has(c.fileName)) return;
    eager.add(c.fileName);
    for (const i of c.imports) if (byName.has(i)) walk(byName.get(i));
  };
  for (const c of chunks) if (c.isEntry) walk(c);
  const DATA_MODULES = { read: /\/dist\/chunks\/read-data-store-[^/]*\.js$/, edit: /\/dist\/chunks\/data-store-[^/]*\.js$/ };
  const holds = (c, re) => (c.moduleIds ?? Object.keys(c.modules ?? {})).some((id) => re.test(id));
  for (const kind of s.withData ?? []) {
    const found = chunks.filter((c) => holds(c, DATA_MODULES[kind]));
    if (!found.length) throw new Error(`${s.id}: no chunk holds the ${kind} data module (${DATA_MODULES[kind]})`);
    for (const c of found) if (!eager.has(c.fileName)) walk(c);
  }
  let min = 0;
  let gzip = 0;
  let lazyMin = 0;
  let lazyGz = 0;
  const parts = [];
  for (const c of chunks) {
    const code = Buffer.from(c.code);
    const locale = chunkLocale(c);
    const first = eager.has(c.fileName) || (s.bothLanguages && locale === 'zh-cn');
    if (first) {
      min += code.length;
      gzip += gz(code);
      parts.push(c);
    } else {
      lazyMin += code.length;
      lazyGz += gz(code);
    }
  }
  return { min, gzip, lazyMin, lazyGz, parts };
}

const results = {};
try {
  for (const s of scenarios) results[s.id] = await bundle(s);
} finally {
  rmSync(app, { recursive: true, force: true });
}

// --explain=<id>: the rendered bytes of each module in the page's first load; for the package's own
// chunks, split further by source file through the shipped source maps (prorated, see
// size-attribute.mjs). Then the same bytes by area (src/engine/pace, src/i18n/en, lit, zod, …).
const explain = [...args].find((a) => a.startsWith('--explain='))?.slice('--explain='.length);
if (explain) {
  const r = results[explain];
  if (!r) throw new Error(`no scenario ${explain}: ${scenarios.map((s) => s.id).join(', ')}`);
  // `by`: rendered bytes per source; `byGz`: the gzip bytes of each chunk prorated over its sources by
  // their rendered share (what a module costs a page, roughly: compression is not additive).
  const by = new Map();
  const byGz = new Map();
  for (const c of r.parts) {
    const chunkBy = new Map();
    const add = (k, v) => chunkBy.set(k, (chunkBy.get(k) ?? 0) + v);
    for (const [id, m] of Object.entries(c.modules)) {
      if (id.includes('/node_modules/')) add(id.replace(/.*\/node_modules\/((@[^/]+\/)?[^/]+).*/, '$1'), m.renderedLength);
      else if (id.startsWith(join(root, 'dist')) && existsSync(id)) {
        const shares = sourceShares(id);
        const all = [...shares.values()].reduce((a, b) => a + b, 0);
        for (const [src, n] of shares) add(sourceKey(src), (m.renderedLength * n) / all);
      } else add(relative(root, id), m.renderedLength);
    }
    const rendered = [...chunkBy.values()].reduce((a, b) => a + b, 0);
    const chunkGz = gz(Buffer.from(c.code));
    for (const [k, v] of chunkBy) {
      by.set(k, (by.get(k) ?? 0) + v);
      byGz.set(k, (byGz.get(k) ?? 0) + (chunkGz * v) / rendered);
    }
  }
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  console.log(`${explain}: ${kb(total)} kB rendered before minification of the host build, ${kb(r.gzip)} kB gzip in ${r.parts.length} chunk(s)`);
  // Each chunk is gzipped alone (one response each): many small chunks compress worse than one.
  for (const c of r.parts) {
    const mods = Object.entries(c.modules).sort((a, b) => b[1].renderedLength - a[1].renderedLength).slice(0, 4).map(([id]) => relative(root, id).replace(/^.*node_modules\//, ''));
    console.log(`  chunk ${c.fileName}${c.isEntry ? ' (entry)' : ''}: ${kb(gz(Buffer.from(c.code)))} kB gzip — ${mods.join(', ')}`);
  }
  console.log('rendered kB, gzip kB (prorated), source');
  for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 80)) if (v >= 50) console.log(`${kb(v).padStart(7)} ${kb(byGz.get(k)).padStart(6)}  ${k}`);
  const areas = new Map();
  for (const [k, v] of by) {
    const area = k.startsWith('src/') ? k.split('/').slice(0, k.startsWith('src/engine/') || k.startsWith('src/i18n/') || k.startsWith('src/components/') ? 3 : 2).join('/') : k;
    const [a, g] = areas.get(area) ?? [0, 0];
    areas.set(area, [a + v, g + byGz.get(k)]);
  }
  console.log('\nby area (rendered kB, gzip kB prorated):');
  for (const [k, [v, g]] of [...areas].sort((a, b) => b[1][0] - a[1][0])) if (v >= 50) console.log(`${kb(v).padStart(7)} ${kb(g).padStart(6)}  ${k}`);
  process.exit(0);
}

// ---- 3. The table -------------------------------------------------------------------------------
const PEERS = [
  ['lit (LitElement)', 5.8],
  ['d3 arc + scale', '12.8–15.4'],
  ['Chart.js doughnut', 46.0],
  ['@vaadin/grid, tree mode', 55.2],
  ['ECharts gauge + funnel', 118.0],
];
const rows = [];
let failed = false;
for (const s of scenarios) {
  if (s.hidden) continue;
  const r = results[s.id];
  const base = s.minus ? results[s.minus] : { min: 0, gzip: 0 };
  const min = r.min - base.min;
  const gzip = r.gzip - base.gzip;
  // `budget`: issue #14's goal (fails only with --strict until it is met); `guard`: today's figure
  // plus a few per cent, so that CI fails on any regression meanwhile.
  const over = s.budget !== undefined && gzip > s.budget;
  const overGuard = s.guard !== undefined && gzip > s.guard;
  failed ||= overGuard || (strict && over);
  s.gzip = gzip;
  rows.push([
    s.name + (s.minus ? ' (kit only)' : ''),
    kb(min),
    kb(gzip),
    s.budget ? `≤ ${kb(s.budget)}` : '',
    s.budget ? (over ? 'not yet' : 'ok') : '',
    s.guard ? `≤ ${kb(s.guard)}${overGuard ? ' OVER' : ''}` : '',
    r.lazyGz ? `+${kb(r.lazyGz)}` : '',
  ]);
}
const two = scenarios.find((s) => s.id === 'react-2').gzip;
const nine = scenarios.find((s) => s.id === 'react-9').gzip;
const reactOk = two * 3 < nine;
failed ||= !reactOk;
rows.push(['React: two wrappers < ⅓ of all nine', '', kb(two), `< ${kb(nine / 3)}`, reactOk ? 'ok' : 'OVER', '', '']);
rows.push(['shipped dist/**/*.js (every file, sum)', kb(shippedMin), kb(shippedGz), '', '', '', '']);
rows.push(['dist/quotakit.bundle.js (both languages)', kb(bundleBuf.length), kb(gz(bundleBuf)), '', '', '', '']);

const head = ['scenario (host build: vite, minified, gzip -9)', 'min kB', 'gzip kB', 'goal (#14)', '', 'CI guard', 'on demand'];
const table = [
  `| ${head.join(' | ')} |`,
  `|${head.map((h, i) => (i ? '---:' : '---')).join('|')}|`,
  ...rows.map((r) => `| ${r.join(' | ')} |`),
];
const peers = [
  '| peer, measured the same way (issue #14) | gzip kB |',
  '|---|---:|',
  ...PEERS.map(([n, v]) => `| ${n} | ${typeof v === 'number' ? v.toFixed(1) : v} |`),
];
console.log(table.join('\n'));
console.log();
console.log(peers.join('\n'));
console.log();
console.log('"with .data": the first load counts the chunk a standalone element loads by import() for its .data: a gauge or pace chart, the read model; an element that edits, the editing store; both with the zod-free check of a valid payload (zod arrives on demand only for a payload that fails it).');
console.log('"on demand": gzip kB of chunks loaded by import() only (the other language, the sample company, the issue texts).');

if (!args.has('--no-readme')) {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- size:start (generated by npm run size) -->';
  const end = '<!-- size:end -->';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) {
    const next = `${text.slice(0, i + start.length)}\n${table.join('\n')}\n\n${peers.join('\n')}\n${text.slice(j)}`;
    if (next !== text) writeFileSync(readme, next);
  } else console.warn(`README.md has no ${start} … ${end} markers: table not written.`);
}
if (failed) {
  console.error(strict ? 'Size goal or guard exceeded (see "not yet" / OVER above).' : 'Size guard exceeded (see OVER above): a regression.');
  process.exit(1);
}
const unmet = scenarios.filter((x) => x.budget !== undefined && x.gzip > x.budget).length;
if (unmet) console.log(`${unmet} of issue #14's size goals not met yet ("not yet" above); every CI guard holds.`);
else console.log(`All size budgets hold. (${relative(root, bundleFile)} and ${shipped.length} shipped files measured.)`);
