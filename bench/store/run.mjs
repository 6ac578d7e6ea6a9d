#!/usr/bin/env node
/**
 * `npm run bench:store`: the store's own costs, in Node.
 * - Saving N pending cells (10,000 / 100,000 / 715,000) through the MemoryAdapter, beside the
 *   adapter's own work on the same cells called directly (the floor any store pays): the ratio is
 *   what the store adds.
 * - The previous store (git HEAD~ of src/store/store.ts at BASELINE_REF, default 3c47a37), whose
 *   save was quadratic, on 1,000 / 2,000 / 4,000 cells beside the current one: the growth curve.
 * - Decompose-and-save of the sample company (拆解目标): engine, apply and save times.
 * Environment: BASELINE_REF (a commit), SIZES (comma-separated cell counts).
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const out = mkdtempSync(join(tmpdir(), 'qk-bench-store-'));
const common = { bundle: true, format: 'esm', platform: 'node', target: 'es2022', tsconfig: join(root, 'tsconfig.json'), logLevel: 'warning' };
const ref = process.env.BASELINE_REF || '3c47a37';
const sizes = (process.env.SIZES || '10000,100000,715000').split(',').map(Number);

await build({ ...common, entryPoints: { bench: join(here, 'store-bench.ts'), current: join(root, 'src/store/store.ts') }, outdir: out, outExtension: { '.js': '.mjs' } });
let baseline = null;
try {
  const source = execFileSync('git', ['show', `${ref}:src/store/store.ts`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  await build({ ...common, stdin: { contents: source, resolveDir: join(root, 'src/store'), loader: 'ts', sourcefile: 'baseline-store.ts' }, outfile: join(out, 'baseline.mjs') });
  baseline = (await import(pathToFileURL(join(out, 'baseline.mjs')).href)).QkStore;
} catch {
  console.log(`(no baseline: ${ref}:src/store/store.ts could not be built)`);
}
const { saveFigure, decomposeAndSave } = await import(pathToFileURL(join(out, 'bench.mjs')).href);
const { QkStore } = await import(pathToFileURL(join(out, 'current.mjs')).href);

const ms = (v) => `${v.toFixed(1)} ms`;
const int = (v) => v.toLocaleString('en');
console.log(`QuotaKit store benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'CPU'})`);
console.log('');
console.log('| pending cells | store.save() | adapter alone (floor) | store / floor |');
console.log('| ---: | ---: | ---: | ---: |');
for (const n of sizes) {
  const f = await saveFigure(QkStore, n, Math.ceil(n / 36) + 100);
  console.log(`| ${int(n)} | ${ms(f.storeMs)} | ${ms(f.adapterMs)} | ${(f.storeMs / f.adapterMs).toFixed(2)}× |`);
}
if (baseline) {
  console.log('');
  console.log(`| pending cells | previous store (${ref}) save | current store save | previous / current |`);
  console.log('| ---: | ---: | ---: | ---: |');
  for (const n of [1000, 2000, 4000]) {
    const old = await saveFigure(baseline, n, Math.ceil(n / 36) + 100);
    const cur = await saveFigure(QkStore, n, Math.ceil(n / 36) + 100);
    console.log(`| ${int(n)} | ${ms(old.storeMs)} | ${ms(cur.storeMs)} | ${(old.storeMs / cur.storeMs).toFixed(1)}× |`);
  }
}
const d = await decomposeAndSave(QkStore);
console.log('');
console.log(`decompose-and-save, sample company (${int(d.cells)} cells): engine ${ms(d.engineMs)}; store apply ${ms(d.applyMs)} + save ${ms(d.saveMs)} = store ${ms(d.applyMs + d.saveMs)} (budget < 200 ms: ${d.applyMs + d.saveMs < 200 ? 'met' : 'not met'}); the MemoryAdapter's own save ${ms(d.adapterMs)} is not counted`);
// ---- many widgets, one computation (headless Chromium) ----------------------------------------
if (process.env.SKIP_BROWSER !== '1') {
  const { default: puppeteer } = await import('puppeteer-core');
  const { readFileSync } = await import('node:fs');
  await build({ ...common, platform: 'browser', entryPoints: [join(here, 'page.ts')], outfile: join(out, 'page.js'), minify: true, define: { 'process.env.NODE_ENV': '"production"' } });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    headless: true,
    protocolTimeout: 1_800_000,
    defaultViewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
  });
  const RUNS = Math.max(1, Number(process.env.BENCH_RUNS) || 5);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(1_800_000);
    page.on('pageerror', (e) => console.error(`[page] ${e.message}`));
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ type: 'module', content: readFileSync(join(out, 'page.js'), 'utf8') });
    await page.waitForFunction(() => window.benchReady !== undefined, { timeout: 600_000 });
    await page.evaluate(() => window.benchReady);
    const error = await page.evaluate(() => window.benchError);
    if (error) throw new Error(error);
    const scenario = async (trees, gauges) => {
      const mount = await page.evaluate((t, g) => window.storeBench.mount(t, g), trees, gauges);
      const edits = [], focus = [];
      for (let r = 0; r < RUNS; r++) edits.push(await page.evaluate((i) => window.storeBench.edit(i), r));
      for (let r = 0; r < RUNS; r++) focus.push(await page.evaluate((i) => window.storeBench.focus(i), r));
      await page.evaluate(() => window.storeBench.unmount());
      return { mount, edit: median(edits), focus: median(focus), firstEdit: edits[0] };
    };
    const one = await scenario(1, 0);
    const gauges = await scenario(0, 50);
    const many = await scenario(5, 50);
    console.log('');
    console.log(`One store on the 10,000-rep plan (${RUNS} runs, median; headless ${await browser.version()}):`);
    console.log('| widgets | mount | edit → all repainted | first edit | focus change → all repainted |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    console.log(`| 1 goal tree (baseline) | ${ms(one.mount)} | ${ms(one.edit)} | ${ms(one.firstEdit)} | ${ms(one.focus)} |`);
    console.log(`| 50 gauges | ${ms(gauges.mount)} | ${ms(gauges.edit)} | ${ms(gauges.firstEdit)} | ${ms(gauges.focus)} |`);
    console.log(`| 5 goal trees + 50 gauges | ${ms(many.mount)} | ${ms(many.edit)} | ${ms(many.firstEdit)} | ${ms(many.focus)} |`);
    console.log(`50 gauges + 5 trees / 1 tree, edit: ${(many.edit / one.edit).toFixed(2)}×; budget edit ≤ 100 ms: ${many.edit <= 100 ? 'met' : 'not met'}`);
  } finally {
    await browser.close();
  }
}

console.log(`Load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min).`);
rmSync(out, { recursive: true, force: true });
