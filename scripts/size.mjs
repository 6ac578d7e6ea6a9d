// Prints minified and gzip bytes per public entry and for the one-file bundle; fails over budget.
// Entries are measured with lit, d3 and zod external (as a bundler sees the library); the bundle
// with everything inlined (as a plain <script type="module"> loads it).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { readdirSync, existsSync } from 'node:fs';

const KB = 1000;
const BUNDLE_BUDGET = 55 * KB; // gzip, whole kit with lit, the d3 parts and zod inlined
const ENTRY_BUDGET = 40 * KB; // gzip, any single entry without its dependencies

const external = ['lit', 'lit/*', '@lit/*', 'd3', 'd3-*', 'zod', 'zod/*'];
const entries = {
  '.': 'src/index.ts',
  './engine': 'src/engine/index.ts',
  './adapters': 'src/adapter/index.ts',
  './sample-data': 'src/engine/sample-data.ts',
  './testing': 'src/testing.ts',
};
for (const f of readdirSync('src/define')) if (f.endsWith('.ts') && f !== 'index.ts') entries[`./define/${f.slice(0, -3)}`] = `src/define/${f}`;
for (const d of readdirSync('src/components')) if (existsSync(`src/components/${d}/index.ts`)) entries[`./components/${d}`] = `src/components/${d}/index.ts`;

/**
 * Bytes a page downloads for an entry before it runs: the entry's own file plus the chunks it imports
 * statically. Chunks reached only by `import()` (the sample company behind `<qk-provider sample>`)
 * are loaded on demand and reported apart. The one-file bundle inlines everything.
 */
async function measure(entry, inline) {
  const r = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    splitting: !inline,
    outdir: 'size-out',
    metafile: true,
    external: inline ? [] : external,
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
    conditions: ['production'],
  });
  const files = new Map(r.outputFiles.map((f) => [f.path.slice(f.path.indexOf('size-out')), f.contents]));
  const outputs = r.metafile.outputs;
  const main = Object.keys(outputs).find((k) => outputs[k].entryPoint);
  const eager = new Set();
  const walk = (k) => {
    if (eager.has(k)) return;
    eager.add(k);
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && outputs[i.path]) walk(i.path);
  };
  walk(main);
  const parts = [...eager].filter((k) => k.endsWith('.js')).map((k) => files.get(k));
  const code = Buffer.concat(parts.map((p) => Buffer.from(p)));
  const lazy = Object.keys(outputs).filter((k) => k.endsWith('.js') && !eager.has(k));
  const lazyBytes = lazy.reduce((n, k) => n + files.get(k).length, 0);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length, lazy: lazyBytes };
}

const fmt = (n) => `${(n / KB).toFixed(1).padStart(7)} kB`;
let failed = false;
console.log(`${'entry'.padEnd(34)} ${'minified'.padStart(10)} ${'gzip'.padStart(10)}`);
for (const [name, file] of Object.entries(entries)) {
  const s = await measure(file, false);
  const over = s.gzip > ENTRY_BUDGET;
  failed ||= over;
  const lazy = s.lazy ? `  (+${fmt(s.lazy).trim()} loaded on demand)` : '';
  console.log(`${name.padEnd(34)} ${fmt(s.min)} ${fmt(s.gzip)}${over ? `  OVER BUDGET (${fmt(ENTRY_BUDGET)})` : ''}${lazy}`);
}
const b = await measure('src/bundle.ts', true);
const over = b.gzip > BUNDLE_BUDGET;
failed ||= over;
console.log(`${'bundle (lit, d3, zod inlined)'.padEnd(34)} ${fmt(b.min)} ${fmt(b.gzip)}  budget ${fmt(BUNDLE_BUDGET).trim()}${over ? '  OVER BUDGET' : ''}`);
if (failed) {
  console.error('Size budget exceeded.');
  process.exit(1);
}
