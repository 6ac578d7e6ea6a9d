// Prints "N passed, N failed, N skipped" as the very last line of a run, the form CI logs are read for
// (inside `npm test`, writes the counts to QK_COUNTS_FILE for scripts/test.mjs instead).
// It also times each test file (from the moment its page starts loading to the moment its results are
// in) and prints the slowest ones, so a slow file is found without guessing; QK_TIMINGS_FILE writes
// every file's time as JSON. A page that runs several test files (test/runner/groups.mjs) is named by
// its folders ("test/components/goal-tree/ (1 of 2)"); a failure in it names the file (the describe
// around each file's tests).
import { writeFileSync } from 'node:fs';
import { writePageTimes, readWeights, WEIGHTS_FILE } from '../test/runner/groups.mjs';
function count(tests, suites, acc) {
  for (const t of tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suites ?? []) count(s.tests, s.suites, acc);
}

/** `labels`: how to name a page that runs several files (its path → e.g. `test/components/goal-tree/ (1 of 2)`). */
export function summaryReporter({ slowest = 8, labels = new Map() } = {}) {
  let line = null;
  const started = new Map();
  const took = new Map();
  return {
    start({ sessions, startTime }) {
      // Sessions that began before this reporter started count from the start of the run.
      for (const s of sessions.all()) if (s.status !== 'SCHEDULED') started.set(s.id, startTime ?? Date.now());
      sessions.on('session-status-updated', (s) => {
        if (s.status === 'INITIALIZING') started.set(s.id, Date.now());
        else if (s.status === 'FINISHED' && started.has(s.id)) took.set(s.testFile, (Date.now() - started.get(s.id)) / 1000);
      });
    },
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        if (session.testResults) count(session.testResults.tests, session.testResults.suites, acc);
        // A file that fails to import has no test results but errors: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) broken++;
      }
      const failed = acc.failed + broken;
      const cwd = `${process.cwd()}/`;
      const times = [...took].map(([f, s]) => [labels.get(f.replace(cwd, '')) ?? f.replace(cwd, ''), s]).sort((a, b) => b[1] - a[1]);
      // The next run opens the longest pages first (test/runner/groups.mjs, `longestFirst`).
      if (labels.size) writePageTimes(Object.fromEntries(times));
      if (process.env.QK_TIMINGS_FILE) writeFileSync(process.env.QK_TIMINGS_FILE, JSON.stringify(Object.fromEntries(times), null, 1));
      if (process.env.QK_UPDATE_WEIGHTS === '1') {
        // test/runner/file-weights.json: each grouped file's test seconds (its describe is named after it).
        const sums = {};
        const add = (tests, suites) => {
          let ms = 0;
          for (const t of tests ?? []) ms += t.duration ?? 0;
          for (const s of suites ?? []) ms += add(s.tests, s.suites);
          return ms;
        };
        for (const session of sessions) {
          for (const s of session.testResults?.suites ?? []) if (/^test\/.*\.test\.ts$/.test(s.name)) sums[s.name] = Math.round(add(s.tests, s.suites) / 100) / 10;
        }
        const all = { ...readWeights(), ...sums };
        writeFileSync(WEIGHTS_FILE, `${JSON.stringify(Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b))), null, 1)}\n`);
      }
      if (process.env.QK_TEST_TIMES_FILE) {
        // Every test's own duration (ms), named by its describe path: what a page's time is made of.
        const rows = [];
        const walk = (tests, suites, path) => {
          for (const t of tests ?? []) rows.push([[...path, t.name].join(' › '), Math.round(t.duration ?? 0)]);
          for (const s of suites ?? []) walk(s.tests, s.suites, [...path, s.name]);
        };
        for (const session of sessions) if (session.testResults) walk(session.testResults.tests, session.testResults.suites, []);
        rows.sort((a, b) => b[1] - a[1]);
        writeFileSync(process.env.QK_TEST_TIMES_FILE, JSON.stringify(rows, null, 1));
      }
      const slow = times.slice(0, slowest).map(([f, s]) => `  ${s.toFixed(1).padStart(6)} s  ${f}`);
      if (process.env.QK_COUNTS_FILE) {
        // A step of `npm test` (scripts/test.mjs): hand the counts over; the driver prints the one closing line.
        writeFileSync(process.env.QK_COUNTS_FILE, JSON.stringify({ passed: acc.passed, failed, skipped: acc.skipped }));
        line = `${process.env.QK_TEST_STEP ?? 'browser'}: passed ${acc.passed}, failed ${failed}, skipped ${acc.skipped}`;
      } else line = `${acc.passed} passed, ${failed} failed, ${acc.skipped} skipped`;
      const head = times.length > 1 ? `slowest test pages (page load to results):\n${slow.join('\n')}\n` : '';
      process.once('exit', () => process.stdout.write(`\n${head}${line}\n`));
    },
  };
}
