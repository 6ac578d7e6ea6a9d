// The CPU time a test command costs, all its processes counted (Node, esbuild, Chromium's browser,
// GPU and renderer processes), beside its wall time. On a shared or loaded machine wall time says
// more about the neighbours than about the suite; CPU-s changes much less, so compare runs by it
// (and still state `uptime`'s load beside it).
//   node scripts/test-cpu.mjs node scripts/test.mjs                    a whole `npm test`
//   QK_STEPS=embed node scripts/test-cpu.mjs node scripts/test.mjs     one step
//   QK_TEST_STEP=embed node scripts/test-cpu.mjs npx web-test-runner test/embed/csp.test.ts
// Prints, on stderr at the end: "cpu: N CPU-s (user + system), wall N s, N processes" and the split
// by program. Linux only (reads /proc). It samples the process tree every 100 ms and keeps each
// process's last reading, so a process that lives less than 100 ms, or its last 100 ms, is missed:
// the figure is a slight underestimate, the same way in every run. Exits with the command's code.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS = 100; // USER_HZ on Linux
const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/test-cpu.mjs <command> [args…]');
  process.exit(2);
}
const child = spawn(cmd, args, { stdio: 'inherit' });
const tree = new Set([child.pid]);
const ticks = new Map(); // pid → user + system ticks, last seen
const names = new Map(); // pid → program name
const t0 = Date.now();

function sample() {
  const procs = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.push({ pid: Number(d), ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]), name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) });
    } catch {
      // Gone between the listing and the read.
    }
  }
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) {
      if (!tree.has(p.pid) && tree.has(p.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
    }
  }
  for (const p of procs) {
    if (!tree.has(p.pid)) continue;
    ticks.set(p.pid, Math.max(ticks.get(p.pid) ?? 0, p.ticks));
    if (!names.has(p.pid)) {
      // Chromium's processes by their role (--type=renderer, gpu-process, utility…; none: the browser).
      let name = p.name;
      if (/chrom/i.test(name)) {
        try {
          const type = /--type=([\w-]+)/.exec(readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0').join(' '))?.[1];
          name = `chromium ${type ?? 'browser'}`;
        } catch {
          // Gone.
        }
      }
      names.set(p.pid, name);
    }
  }
}

const timer = setInterval(sample, 100);
child.on('close', (code) => {
  clearInterval(timer);
  const total = [...ticks.values()].reduce((a, b) => a + b, 0) / TICKS;
  const by = new Map();
  for (const [pid, t] of ticks) by.set(names.get(pid), (by.get(names.get(pid)) ?? 0) + t / TICKS);
  const split = [...by].filter(([, s]) => s >= 0.1).sort((a, b) => b[1] - a[1]).map(([n, s]) => `${n} ${s.toFixed(1)}`);
  console.error(`\ncpu: ${total.toFixed(1)} CPU-s (user + system), wall ${((Date.now() - t0) / 1000).toFixed(1)} s, ${ticks.size} processes; by program: ${split.join(', ')}`);
  process.exitCode = code ?? 1;
});
