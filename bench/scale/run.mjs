// Benchmark of issue 12 item 5: every element at the company of a 100,000-node org (and of a
// 10,000-node one, for the ratio), in headless Chromium: time to the first render, the longest
// main-thread task meanwhile (the goal: under 2 s, no task over 200 ms), DOM and text held.
// Usage: node bench/scale/run.mjs   (CHROME_PATH overrides /usr/bin/chromium; BENCH_NODES=10000,100000;
// BENCH_ONLY=scorecard,incentive measures only the elements whose tag contains one of the words;
// BENCH_BASELINE=<git ref> also measures the code of that commit in the same run, page after page,
// and prints the ratio of each figure, e.g. BENCH_BASELINE=40ef525 for the code before this round)
import { build } from 'esbuild';
import { execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, loadavg, cpus } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'qk-bench-scale-'));
const sizes = (process.env.BENCH_NODES || '10000,100000').split(',').map(Number);
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
const root = join(here, '../..');
const baseline = process.env.BENCH_BASELINE;
// The baseline's sources go inside the repository (bench/.out), so they resolve the same node_modules.
const baseDir = baseline ? join(root, 'bench/.out', `baseline-${baseline}`) : undefined;
if (baseline) {
  rmSync(baseDir, { recursive: true, force: true });
  mkdirSync(baseDir, { recursive: true });
  // The baseline's library code, measured by today's harness (page.ts), so only the code differs.
  execSync(`git archive ${baseline} src test/fixtures tsconfig.json | tar -x -C ${JSON.stringify(baseDir)}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  mkdirSync(join(baseDir, 'bench/scale'), { recursive: true });
  copyFileSync(join(here, 'page.ts'), join(baseDir, 'bench/scale/page.ts'));
}
for (const [dir, file] of [[root, 'page.js'], ...(baseDir ? [[baseDir, 'baseline.js']] : [])]) {
  await build({
    entryPoints: [join(dir, 'bench/scale/page.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    tsconfig: join(dir, 'tsconfig.json'),
    platform: 'browser',
    outfile: join(out, file),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
}

const ms = (x) => (x === undefined ? '' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(0)} ms`);
const n = (x) => x.toLocaleString('en');
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 1_800_000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`Every element at the company (headless Chromium, ${cpus().length} cores, load average at start ${load()})`);
  const results = [];
  const measure = async (file, nodes) => {
    // A fresh page per size and build, so one run's garbage does not slow the next.
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 1000 });
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ type: 'module', content: readFileSync(join(out, file), 'utf8') });
    await page.waitForFunction(() => 'runScaleBench' in window);
    const r = await page.evaluate((x, o) => window.runScaleBench(x, o), nodes, only);
    await page.close();
    return r;
  };
  for (const nodes of sizes) {
    const before = baseline ? await measure('baseline.js', nodes) : undefined;
    const r = await measure('page.js', nodes);
    results.push(r);
    console.log(`\n${n(r.nodes)} org nodes (${n(r.nodes - 101)} reps): generated in ${ms(r.data)}, store.setData ${ms(r.load)}; load average now ${load()}`);
    console.log('| element | first render | longest task | tasks > 200 ms | next page | search | elements | characters | |');
    console.log('| --- | --: | --: | --: | --: | --: | --: | --: | --- |');
    for (const e of r.elements) {
      const verdict = e.error ? `ERROR: ${e.error}` : e.first < 2000 && e.longest <= 200 ? 'ok' : 'over budget';
      console.log(`| ${e.tag} | ${ms(e.first)} | ${ms(e.longest)} | ${e.over200} | ${ms(e.next)} | ${ms(e.search)} | ${n(e.elements)} | ${n(e.characters)} | ${verdict} |`);
    }
    if (before) {
      console.log(`\nThe same, code of ${baseline} (measured just before, same browser): before → now`);
      console.log('| element | first render before | now | before / now | longest task before | now | before / now |');
      console.log('| --- | --: | --: | --: | --: | --: | --: |');
      for (const e of r.elements) {
        // The same row (an element measured twice has a name of its own), else the same element.
        const b = before.elements.find((x) => x.tag === e.tag) ?? before.elements.find((x) => x.tag.split(' ')[0] === e.tag.split(' ')[0]);
        if (!b) continue;
        const ratio = (x, y) => (y > 0 ? `${(x / y).toFixed(1)}×` : '—');
        console.log(`| ${e.tag} | ${ms(b.first)} | ${ms(e.first)} | ${ratio(b.first, e.first)} | ${ms(b.longest)} | ${ms(e.longest)} | ${ratio(b.longest, e.longest)} |`);
      }
    }
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results.at(-1)];
    const f = b.nodes / a.nodes;
    console.log(`\n${n(b.nodes)} vs ${n(a.nodes)} nodes (${f}× the people), first render: ` +
      b.elements.map((e, i) => `${e.tag.split(' ')[0]} ${(e.first / a.elements[i].first).toFixed(1)}×`).join(', '));
  }
  console.log('Budget (issue 12 item 5): first render under 2 s, no main-thread task over 200 ms.');
} finally {
  await browser.close();
  rmSync(out, { recursive: true, force: true });
  if (baseDir) rmSync(baseDir, { recursive: true, force: true });
}
