#!/usr/bin/env node
/**
 * `npm run bench`: builds the benchmark pages (bench/pages/*.ts) with esbuild into bench/.out/,
 * serves them on 127.0.0.1, drives headless Chromium through puppeteer-core (the DevTools
 * Protocol) and prints qk-goal-tree's figures beside @vaadin/grid's, as ratios, as a Markdown table.
 *
 * Usage: `node bench/run.mjs [sizes…]`, sizes in reps (`1k 10k 50k`; default 10k): one table per
 * size, then the growth curve across them.
 * Environment: CHROME_PATH (default /usr/bin/chromium), BENCH_RUNS (default 5; each figure is the
 * median of that many runs, the grids alternating run by run in a rotating order, and the cold first
 * run is printed beside it), BENCH_ENGINE_RUNS (default 30), BENCH_SIZES (instead of the arguments).
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
// Plan sizes in reps: `node bench/run.mjs 1k 10k 50k`, or BENCH_SIZES=1k,10k; default 10k alone.
const parseSize = (t) => Math.round(Number(String(t).trim().toLowerCase().replace(/k$/, 'e3').replace(/m$/, 'e6')));
const sizeArgs = process.argv.slice(2).length ? process.argv.slice(2) : (process.env.BENCH_SIZES ?? '10k').split(',');
const SIZES = sizeArgs.map(parseSize);
if (!SIZES.length || SIZES.some((n) => !(n >= 500))) {
  console.error(`bench: plan sizes are rep counts of at least 500, e.g. \`node bench/run.mjs 1k 10k 50k\` (got ${sizeArgs.join(' ')})`);
  process.exit(1);
}
const BOX_TEXT = '1200 × 600 px';
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
  // Vaadin's first jump to the last row can take minutes on a busy machine (and more at 50k reps).
  protocolTimeout: 3_600_000,
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

/** Opens a benchmark page in a window of its own (a tab behind another is hidden and gets no frames). */
async function open(name, query = '') {
  const page = await browser.newPage({ type: 'window' });
  page.setDefaultTimeout(1_800_000);
  page.on('pageerror', (e) => console.error(`[${name}] ${e.message}`));
  await page.goto(`${base}/${name}.html${query}`);
  await page.waitForFunction(() => window.benchReady !== undefined, { timeout: 600_000 });
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

/** One run in an open grid page: a fresh render, an edit, a first jump and a repeat jump to the last row. */
async function oneRun({ page, cdp }, run) {
  const before = await heapAfterGc(cdp);
  const render = await page.evaluate(() => window.bench.render());
  const heap = (await heapAfterGc(cdp)) - before;
  const nodes = await page.evaluate(() => window.bench.domNodes());
  const box = await page.evaluate(() => window.bench.box());
  const edit = await page.evaluate((r) => window.bench.edit(r), run);
  const firstJump = await page.evaluate(() => window.bench.scrollToLast());
  await page.evaluate(() => window.bench.scrollToTop());
  const repeatJump = await page.evaluate(() => window.bench.scrollToLast());
  await page.evaluate(() => window.bench.remove());
  return { render, edit, firstJump, repeatJump, heap, nodes, box };
}

/**
 * Both grids at one plan size. Each grid has its own freshly loaded page; the runs alternate between
 * them and the order rotates (ours first in even rounds, vaadin first in odd ones), so neither
 * always runs on a cooler or a warmer machine. Run 0 of each page is its cold run (first render in a
 * fresh page: nothing compiled, nothing cached); the medians are over all runs.
 */
async function measureGrids(reps, names) {
  const pagesOf = {};
  for (const name of names) {
    process.stderr.write(`bench: ${name}, ${reps.toLocaleString('en')} reps: loading …\n`);
    pagesOf[name] = await open(name, `?reps=${reps}${name === 'ours' ? `&scroller=${scrollerHeight}` : ''}`);
  }
  const runs = Object.fromEntries(names.map((n) => [n, []]));
  const order = [];
  for (let run = 0; run < RUNS; run++) {
    const rotated = run % 2 ? [...names].reverse() : names;
    order.push(rotated.join(' → '));
    for (const name of rotated) {
      process.stderr.write(`bench: ${name}, ${reps.toLocaleString('en')} reps, run ${run + 1}/${RUNS} …\n`);
      runs[name].push(await oneRun(pagesOf[name], run));
    }
  }
  const out = {};
  for (const name of names) {
    const { page, cdp } = pagesOf[name];
    const heapTotal = await page.evaluate(() => window.bench.render()).then(() => heapAfterGc(cdp));
    const rows = await page.evaluate(() => window.bench.rows);
    await page.close();
    const figures = Object.fromEntries(['render', 'edit', 'firstJump', 'repeatJump', 'heap', 'nodes'].map((k) => [k, median(runs[name].map((r) => r[k]))]));
    const boxes = [...new Set(runs[name].map((r) => r.box))];
    out[name] = { ...figures, heapTotal, rows, cold: runs[name][0], boxes };
  }
  return { ...out, order };
}

async function measureEngine(reps) {
  process.stderr.write(`bench: engine, ${reps.toLocaleString('en')} reps …\n`);
  const { page } = await open('engine', `?reps=${reps}`);
  const cold = await page.evaluate(() => window.decompose(1)); // the first run: nothing compiled yet
  await page.evaluate(() => window.decompose(3)); // warm up the JIT
  const { samples, cells } = await page.evaluate((n) => window.decompose(n), ENGINE_RUNS);
  await page.close();
  return { ms: median(samples), cold: cold.samples[0], cells };
}

let scrollerHeight = 0;
const results = [];
let chromeVersion = 'Chromium';
const loadAtStart = loadavg();
try {
  if (!oursMissing) {
    // How tall qk-goal-tree's scroller may be for the element (toolbar included) to fill the box.
    const probe = await open('ours', '?reps=1000');
    scrollerHeight = await probe.page.evaluate(() => window.bench.scrollerHeight);
    process.stderr.write(`bench: qk-goal-tree's scroller gets ${scrollerHeight} px of the ${BOX_TEXT} box (the rest is its toolbar)\n`);
    await probe.page.close();
  }
  for (const reps of SIZES) {
    const grids = await measureGrids(reps, oursMissing ? ['vaadin'] : ['ours', 'vaadin']);
    results.push({ reps, ...grids, engine: await measureEngine(reps) });
    // The raw figures as soon as a size is done: a long run (50k reps) stopped later keeps them.
    process.stderr.write(`bench: ${reps} reps measured: ${JSON.stringify(results.at(-1))}\n`);
  }
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
const fmtLoad = (l) => l.map((x) => x.toFixed(1)).join(' / ');

// [label, key, format, goal, check, cold?]
const rows = [
  ['first render (created → rows painted)', 'render', ms, '≤ 0.5× vaadin', (o, v) => o <= 0.5 * v, true],
  ['edit → rebalanced siblings repainted', 'edit', ms, '≤ 16 ms (one frame)', (o) => o <= 16, true],
  ['jump to the last row, first time — not like for like: ours holds every row in memory, vaadin loads the expanded tree lazily through its data provider', 'firstJump', ms, 'ours: ≤ its repeat jump + 1 frame', (o, _v, O) => o <= O.repeatJump + FRAME, true],
  ['jump to the last row, repeat (both have the rows loaded)', 'repeatJump', ms, '', null, true],
  ['JS heap held by the grid (after GC)', 'heap', mb, '≤ vaadin', (o, v) => o <= v, false],
  ['JS heap of the page after render (after GC)', 'heapTotal', mb, '', null, false],
  ['DOM nodes of the grid (shadow roots included)', 'nodes', int, '≤ vaadin', (o, v) => o <= v, false],
];
const cell = (fig, key, fmt, cold) => (fig?.[key] === undefined ? NA : cold ? `${fmt(fig[key])} (cold ${fmt(fig.cold[key])})` : fmt(fig[key]));
const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
const lines = [
  `QuotaKit goal-tree benchmark, ${date} UTC — ${chromeVersion} headless, Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GB`,
  `Load average (1 / 5 / 15 min): ${fmtLoad(loadAtStart)} at the start, ${fmtLoad(loadavg())} at the end.`,
  `Each figure: the median of ${RUNS} runs, with the cold run (the first render in a freshly loaded page) in brackets; the two grids alternate run by run, the order rotating (${results[0]?.order.slice(0, 2).join(', ')}, …); engine: median of ${ENGINE_RUNS} after 3 warm-up runs.`,
  `Both grids fill the same ${BOX_TEXT} box (measured: ours ${results.map((r) => r.ours?.boxes.join('/') ?? '—').join(', ')}; vaadin ${results.map((r) => r.vaadin.boxes.join('/')).join(', ')}).`,
];
for (const r of results) {
  const { ours, vaadin, engine } = r;
  lines.push(
    '',
    `#### ${int(r.reps)} reps (${int(vaadin.rows)} rows, all expanded), 12 month columns`,
    '',
    `| figure | qk-goal-tree | @vaadin/grid ${vaadinVersion} | ours / vaadin | goal | |`,
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...rows.map(([label, key, fmt, goal, check, cold]) => {
      const o = ours?.[key];
      return `| ${label} | ${cell(ours, key, fmt, cold)} | ${cell(vaadin, key, fmt, cold)} | ${ratio(o, vaadin[key])} | ${goal} | ${check && o !== undefined ? verdict(check(o, vaadin[key], ours)) : ''} |`;
    }),
    `| engine: re-decompose the whole plan (${int(engine.cells)} cells) | ${ms(engine.ms)} (cold ${ms(engine.cold)}) | — | — | < 50 ms | ${verdict(engine.ms < 50)} |`,
  );
}
if (results.length > 1) {
  // The growth curve: each figure at each size, and how it grew against the smallest plan.
  const first = results[0];
  const grow = (v, v0) => (v0 > 0 ? ` (${(v / v0).toFixed(1)}×)` : '');
  lines.push(
    '',
    `#### Growth with the plan size (medians; in brackets: against ${int(first.reps)} reps)`,
    '',
    `| reps | rows | ours: render | vaadin: render | ours: edit | vaadin: edit | ours: first jump | vaadin: first jump | ours: page heap | vaadin: page heap | engine |`,
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => {
      const o = r.ours;
      const f = first.ours;
      const v = r.vaadin;
      const fv = first.vaadin;
      const ocell = (k, fmt) => (o ? `${fmt(o[k])}${grow(o[k], f[k])}` : NA);
      return `| ${int(r.reps)} | ${int(v.rows)} | ${ocell('render', ms)} | ${ms(v.render)}${grow(v.render, fv.render)} | ${ocell('edit', ms)} | ${ms(v.edit)}${grow(v.edit, fv.edit)} | ${ocell('firstJump', ms)} | ${ms(v.firstJump)}${grow(v.firstJump, fv.firstJump)} | ${ocell('heapTotal', mb)} | ${mb(v.heapTotal)}${grow(v.heapTotal, fv.heapTotal)} | ${ms(r.engine.ms)}${grow(r.engine.ms, first.engine.ms)} |`;
    }),
  );
}
console.log(lines.join('\n'));
