#!/usr/bin/env node
/**
 * `npm run bench`: builds the benchmark pages (bench/pages/*.ts) with esbuild into bench/.out/,
 * serves them on 127.0.0.1, drives headless Chromium through puppeteer-core (the DevTools
 * Protocol) and prints qk-goal-tree's figures beside @vaadin/grid's, as ratios, as a Markdown table.
 *
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_RUNS (default 5; each figure is the
 * median of that many runs), BENCH_ENGINE_RUNS (default 30).
 */
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');
const out = join(here, '.out');
const require = createRequire(import.meta.url);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
const ENGINE_RUNS = Math.max(1, Number(process.env.BENCH_ENGINE_RUNS) || 30);
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

function need(pkg, hint) {
  try {
    return JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
  } catch {
    console.error(`bench: ${pkg} is not installed. ${hint}`);
    process.exit(1);
  }
}
const vaadinVersion = need('@vaadin/grid', 'It is a devDependency of the benchmark: run `npm install` (or `npm install --no-save @vaadin/grid@25.3.0`).');
need('puppeteer-core', 'It comes with @web/test-runner: run `npm install`.');
need('esbuild', 'It comes with vite: run `npm install`.');
if (!existsSync(CHROME)) {
  console.error(`bench: no Chromium at ${CHROME}. Install it (apt-get install chromium) or set CHROME_PATH.`);
  process.exit(1);
}
const { build } = await import('esbuild');
const { default: puppeteer } = await import('puppeteer-core');

// ---- build ------------------------------------------------------------------------------------
const elementFiles = ['src/components/goal-tree/goal-tree.ts', 'src/define/qk-goal-tree.ts', 'bench/pages/ours.ts'];
let oursMissing = elementFiles.every((f) => existsSync(join(root, f))) ? null : 'n/a (qk-goal-tree not built yet)';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const bundle = (pages) =>
  build({
    entryPoints: Object.fromEntries(pages.map((p) => [p, join(here, 'pages', `${p}.ts`)])),
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Minified like a production bundle: Lit's production build, and no Vaadin development mode.
    minify: true,
    tsconfig: join(root, 'tsconfig.json'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
await bundle(['vaadin', 'engine']);
if (!oursMissing) {
  // The element is being built alongside: if it does not compile yet, say so instead of a figure.
  await bundle(['ours']).catch((e) => {
    console.error(`bench: qk-goal-tree does not build: ${e.message.split('\n').slice(0, 6).join('\n')}`);
    oursMissing = 'n/a (qk-goal-tree does not build)';
  });
}
const pages = ['vaadin', 'engine', ...(oursMissing ? [] : ['ours'])];
for (const p of pages) {
  writeFileSync(join(out, `${p}.html`), `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>${p}</title><body><script type="module" src="./${p}.js"></script></body></html>\n`);
}

// ---- serve ------------------------------------------------------------------------------------
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' };
const server = createServer((req, res) => {
  const file = join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!file.startsWith(out) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

// ---- drive ------------------------------------------------------------------------------------
const browser = await puppeteer.launch({
  executablePath: CHROME,
  headless: true,
  // Vaadin's first jump to the last row can take minutes on a busy machine.
  protocolTimeout: 1_800_000,
  defaultViewport: { width: 1280, height: 800 },
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-extensions',
    // Keep timers and frames running at full rate in a headless, unfocused window.
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
  ],
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function open(name) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error(`[${name}] ${e.message}`));
  await page.goto(`${base}/${name}.html`);
  await page.waitForFunction(() => window.benchReady !== undefined, { timeout: 120_000 });
  await page.evaluate(() => window.benchReady);
  const error = await page.evaluate(() => window.benchError);
  if (error) throw new Error(`${name}: ${error}`);
  const cdp = await page.createCDPSession();
  return { page, cdp };
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

/** One grid: RUNS fresh renders, each followed by an edit, a first jump and a repeat jump to the last row. */
async function measureGrid(name) {
  process.stderr.write(`bench: ${name} …\n`);
  const { page, cdp } = await open(name);
  const figures = { render: [], edit: [], firstJump: [], repeatJump: [], heap: [], nodes: [] };
  for (let run = 0; run < RUNS; run++) {
    const before = await heapAfterGc(cdp);
    figures.render.push(await page.evaluate(() => window.bench.render()));
    figures.heap.push((await heapAfterGc(cdp)) - before);
    figures.nodes.push(await page.evaluate(() => window.bench.domNodes()));
    figures.edit.push(await page.evaluate((r) => window.bench.edit(r), run));
    figures.firstJump.push(await page.evaluate(() => window.bench.scrollToLast()));
    await page.evaluate(() => window.bench.scrollToTop());
    figures.repeatJump.push(await page.evaluate(() => window.bench.scrollToLast()));
    await page.evaluate(() => window.bench.remove());
  }
  const heapTotal = await page.evaluate(() => window.bench.render()).then(() => heapAfterGc(cdp));
  await page.close();
  return { ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)])), heapTotal };
}

async function measureEngine() {
  process.stderr.write('bench: engine …\n');
  const { page } = await open('engine');
  page.setDefaultTimeout(600_000);
  await page.evaluate(() => window.decompose(3)); // warm up the JIT
  const { samples, cells } = await page.evaluate((n) => window.decompose(n), ENGINE_RUNS);
  await page.close();
  return { ms: median(samples), cells };
}

let ours = null;
let vaadin;
let engine;
let chromeVersion = 'Chromium';
try {
  if (!oursMissing) ours = await measureGrid('ours');
  vaadin = await measureGrid('vaadin');
  engine = await measureEngine();
} finally {
  chromeVersion = await browser.version().catch(() => chromeVersion);
  await browser.close();
  server.close();
}

// ---- report -----------------------------------------------------------------------------------
const NA = oursMissing ?? '';
const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (v) => `${(v / 2 ** 20).toFixed(1)} MB`;
const int = (v) => Math.round(v).toLocaleString('en');
const ratio = (a, b) => (a === undefined || !(b > 0) ? '—' : `${a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2)}×`);
const verdict = (ok) => (ok === undefined ? '—' : ok ? 'met' : 'not met');
const FRAME = 1000 / 60;

const rows = [
  ['first render (created → rows painted)', 'render', ms, '≤ 0.5× vaadin', (o, v) => o <= 0.5 * v],
  ['edit → rebalanced siblings repainted', 'edit', ms, '≤ 16 ms (one frame)', (o) => o <= 16],
  ['jump to the last row, first time', 'firstJump', ms, '≤ repeat jump + 1 frame', (o, _v, O) => o <= O.repeatJump + FRAME],
  ['jump to the last row, repeat', 'repeatJump', ms, '', null],
  ['JS heap held by the grid (after GC)', 'heap', mb, '≤ vaadin', (o, v) => o <= v],
  ['JS heap of the page after render (after GC)', 'heapTotal', mb, '', null],
  ['DOM nodes of the grid (shadow roots included)', 'nodes', int, '≤ vaadin', (o, v) => o <= v],
];
const table = [
  `| figure | qk-goal-tree | @vaadin/grid ${vaadinVersion} | ours / vaadin | goal | |`,
  '| --- | ---: | ---: | ---: | --- | --- |',
  ...rows.map(([label, key, fmt, goal, check]) => {
    const o = ours?.[key];
    return `| ${label} | ${o === undefined ? NA : fmt(o)} | ${fmt(vaadin[key])} | ${ratio(o, vaadin[key])} | ${goal} | ${check && o !== undefined ? verdict(check(o, vaadin[key], ours)) : ''} |`;
  }),
  `| engine: re-decompose the whole plan (${int(engine.cells)} cells) | ${ms(engine.ms)} | — | — | < 50 ms | ${verdict(engine.ms < 50)} |`,
];
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
console.log(
  [
    `QuotaKit benchmark, ${date} UTC — ${chromeVersion} headless, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
    `Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min).`,
    `1 company → 20 regions → 500 teams → 10,000 reps (10,521 rows, all expanded), 12 month columns; median of ${RUNS} runs (engine: ${ENGINE_RUNS}).`,
    '',
    ...table,
  ].join('\n'),
);
