// What the long tasks of the scale bench are: runs bench/scale/page.ts (as run.mjs does) under a
// Chrome trace and prints, for every main-thread task over BENCH_TASK_MS (default 100), its length,
// the garbage collector's time inside it and the functions that took the most self time in it
// (CPU samples inside the task's span), then the ten tasks with the most main-thread CPU time.
// Usage: BENCH_NODES=100000 BENCH_ONLY=provider node bench/scale/trace.mjs   (BENCH_TRACE=file keeps the trace)
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, loadavg } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const out = mkdtempSync(join(tmpdir(), 'qk-bench-trace-'));
const nodes = Number(process.env.BENCH_NODES || 100000);
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : undefined;
const minTask = Number(process.env.BENCH_TASK_MS || 100);
await build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: false,
  keepNames: true,
  tsconfig: join(root, 'tsconfig.json'),
  platform: 'browser',
  outfile: join(out, 'page.js'),
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  headless: true,
  protocolTimeout: 1_800_000,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  console.log(`load average at start ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  const traceFile = process.env.BENCH_ANALYZE || process.env.BENCH_TRACE || join(out, 'trace.json');
  if (!process.env.BENCH_ANALYZE) {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"></head><body></body></html>');
    await page.addScriptTag({ type: 'module', content: readFileSync(join(out, 'page.js'), 'utf8') });
    await page.waitForFunction(() => 'runScaleBench' in window);
    await page.tracing.start({
      path: traceFile,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'disabled-by-default-v8.cpu_profiler', 'disabled-by-default-v8.gc', 'toplevel'],
    });
    const r = await page.evaluate((x, o) => window.runScaleBench(x, o), nodes, only);
    await page.tracing.stop();
    for (const e of r.elements) console.log(`${e.tag}: first ${e.first.toFixed(0)} ms, longest ${e.longest.toFixed(0)} ms`);
  }
  const events = JSON.parse(readFileSync(traceFile, 'utf8')).traceEvents ?? [];
  // The renderer's main thread that ran the bench (its CPU profile has the bench's \`measure\`).
  // (\`largeOrg\` first: a name as common as \`measure\` also turns up in Chromium's own pages.)
  const chunkWith = (names) => events.find((e) => e.name === 'ProfileChunk' && e.args?.data?.cpuProfile?.nodes?.some((n) => names.includes(n.callFrame.functionName)));
  const pid = (chunkWith(['largeOrg', 'runScaleBench']) ?? chunkWith(['measure', 'provider', 'dashboard']))?.pid;
  const prof = events.find((e) => e.name === 'Profile' && e.pid === pid);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && e.pid === pid);
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.dur / 1000 > minTask);
  const gcs = onMain.filter((e) => e.ph === 'X' && /^(MajorGC|MinorGC|V8\.GC_SCAVENGER|V8\.GC_MARK_COMPACTOR)$/.test(e.name));
  // CPU samples: Profile (start time) and ProfileChunks (nodes, samples, time deltas).
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === main.pid && e.id === prof?.id);
  const fnOf = new Map();
  const samples = [];
  let t = prof?.args?.data?.startTime ?? 0;
  for (const c of chunks) {
    const d = c.args.data;
    for (const n of d.cpuProfile?.nodes ?? []) fnOf.set(n.id, `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}:${n.callFrame.lineNumber ?? ''}`);
    const s = d.cpuProfile?.samples ?? [];
    const dt = d.timeDeltas ?? [];
    for (let i = 0; i < s.length; i++) {
      t += dt[i];
      samples.push([t, s[i]]);
    }
  }
  const t0 = tasks[0]?.ts ?? 0;
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const inTask = gcs.filter((g) => g.ts >= task.ts && g.ts < end && (g.name === 'MajorGC' || g.name === 'MinorGC'));
    const gc = inTask.reduce((n, g) => n + g.dur, 0);
    // Which collections: MinorGC (scavenges of the young generation) or MajorGC (mark-compact), each wall / CPU ms.
    const kinds = inTask.map((g) => `${g.name} ${(g.dur / 1000).toFixed(0)}/${((g.tdur ?? 0) / 1000).toFixed(0)}`).join(', ');
    const self = new Map();
    let count = 0;
    for (const [ts, id] of samples) {
      if (ts < task.ts || ts >= end) continue;
      count++;
      const f = fnOf.get(id) ?? String(id);
      self.set(f, (self.get(f) ?? 0) + 1);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([f, n]) => `    ${((n / Math.max(1, count)) * 100).toFixed(0)}% ${f}`);
    console.log(`\ntask at +${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms (main thread CPU ${((task.tdur ?? 0) / 1000).toFixed(0)} ms), GC ${(gc / 1000).toFixed(0)} ms${kinds ? ` (${kinds})` : ''}, ${count} samples`);
    console.log(top.join('\n'));
  }
  // CPU time of the main thread per task (\`tdur\`): what load inflates least.
  const byCpu = onMain.filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.tdur).sort((a, b) => b.tdur - a.tdur).slice(0, 10);
  console.log(`\nlongest tasks by main-thread CPU: ${byCpu.map((e) => `${(e.tdur / 1000).toFixed(0)} ms (wall ${(e.dur / 1000).toFixed(0)}, at +${((e.ts - t0) / 1000).toFixed(0)})`).join(', ')}`);
  console.log(`load average at end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
} finally {
  await browser.close();
  if (!process.env.BENCH_TRACE) rmSync(out, { recursive: true, force: true });
}
