// Benchmark of issue 5: pace + forecast for 10,000 reps (Node) and 100 gauges (headless Chromium).
// Usage: node bench/pace/run.mjs   (CHROME_PATH overrides /usr/bin/chromium)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'qk-bench-pace-'));
const common = { bundle: true, format: 'esm', target: 'es2022', tsconfig: join(here, '../../tsconfig.json'), logLevel: 'warning' };
await build({ ...common, entryPoints: [join(here, 'engine-bench.ts')], platform: 'node', outfile: join(out, 'engine.mjs') });
await build({ ...common, entryPoints: [join(here, 'page.ts')], platform: 'browser', outfile: join(out, 'page.js'), define: { 'process.env.NODE_ENV': '"production"' } });

const f = (ms) => `${ms.toFixed(1)} ms`;
const x = (a, b) => `${(a / b).toFixed(2)}×`;

const { runEngineBench } = await import(pathToFileURL(join(out, 'engine.mjs')).href);
const e = runEngineBench();
console.log(`pace + forecast, ${e.reps.toLocaleString('en')} reps, FY2026 as of ${e.actualsTo}`);
console.log(`  data: ${e.actuals.toLocaleString('en')} actuals (${e.actualsFrom} … ${e.actualsTo}), ${e.opportunities.toLocaleString('en')} open opportunities; generated in ${f(e.generateMs)}`);
console.log(`  baseline (naive loop, calendar walked day by day per rep): ${f(e.naiveMs)}`);
console.log(`  engine (createPaceContext once, pace + forecast per rep):  ${f(e.engineMs)} = ${x(e.engineMs, e.naiveMs)} the baseline (${x(e.naiveMs, e.engineMs)} faster)`);
console.log(`  once per dashboard: rollupActuals + groupPipeline:          ${f(e.prepMs)}`);
console.log(`  same figures from both: ${e.agree ? 'yes' : 'NO'}`);

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1900, height: 1000 });
  await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ type: 'module', content: readFileSync(join(out, 'page.js'), 'utf8') });
  await page.waitForFunction(() => 'runGaugeBench' in window);
  const g = await page.evaluate(() => window.runGaugeBench(5));
  console.log(`100 elements on one page, headless Chromium (median of ${g.rounds})`);
  console.log(`  baseline (100 Lit SVG circles): first render ${f(g.circleFirst)}, update of all 100 ${f(g.circleUpdate)}`);
  console.log(`  100 qk-attainment-gauge (compact, zh-CN): first render ${f(g.gaugeFirst)} = ${x(g.gaugeFirst, g.circleFirst)} the baseline, update ${f(g.gaugeUpdate)} = ${x(g.gaugeUpdate, g.circleUpdate)}`);
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
