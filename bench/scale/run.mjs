// Benchmark of issue 12 item 5: qk-scorecard and qk-incentive-calculator at the company of a
// 100,000-node org (and of a 10,000-node one, for the ratio), in headless Chromium.
// Usage: node bench/scale/run.mjs   (CHROME_PATH overrides /usr/bin/chromium; BENCH_NODES=100000,10000)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'qk-bench-scale-'));
const sizes = (process.env.BENCH_NODES || '10000,100000').split(',').map(Number);
await build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  tsconfig: join(here, '../../tsconfig.json'),
  platform: 'browser',
  outfile: join(out, 'page.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const n = (x) => x.toLocaleString('en');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 1_800_000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`qk-scorecard and qk-incentive-calculator at the company (headless Chromium, load average ${loadavg()[0].toFixed(1)})`);
  const results = [];
  for (const nodes of sizes) {
    // A fresh page per size, so one run's garbage does not slow the next.
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ type: 'module', content: readFileSync(join(out, 'page.js'), 'utf8') });
    await page.waitForFunction(() => 'runScaleBench' in window);
    const r = await page.evaluate((x) => window.runScaleBench(x), nodes);
    await page.close();
    results.push(r);
    console.log(`\n${n(r.nodes)} org nodes (${n(r.nodes - 101)} reps): data generated and loaded in ${ms(r.data)}`);
    console.log('| element | first page | next page | search by name | rows | elements | characters |');
    console.log('| --- | --: | --: | --: | --: | --: | --: |');
    for (const [name, e] of [['qk-scorecard', r.scorecard], ['qk-incentive-calculator', r.incentive]]) {
      console.log(`| ${name} | ${ms(e.first)} | ${ms(e.next)} | ${ms(e.search)} | ${n(e.rows)} | ${n(e.elements)} | ${n(e.characters)} |`);
    }
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results.at(-1)];
    const f = b.nodes / a.nodes;
    console.log(`\n${n(b.nodes)} vs ${n(a.nodes)} nodes (${f}× the people): first page ${(b.scorecard.first / a.scorecard.first).toFixed(1)}× (scorecard), ${(b.incentive.first / a.incentive.first).toFixed(1)}× (incentive calculator); DOM ${(b.scorecard.elements / a.scorecard.elements).toFixed(2)}× and ${(b.incentive.elements / a.incentive.elements).toFixed(2)}×.`);
  }
  console.log('Before paging (main, 2026-12-01): the scorecard alone took 47 s and rendered every rep (14 million characters); the calculator 24 s.');
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
}
