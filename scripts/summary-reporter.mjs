// Prints "N passed, N failed, N skipped" as the very last line of a run, the form CI logs are read for
// (inside `npm test`, writes the counts to QK_COUNTS_FILE for scripts/test.mjs instead).
import { writeFileSync } from 'node:fs';
function count(tests, suites, acc) {
  for (const t of tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suites ?? []) count(s.tests, s.suites, acc);
}

export function summaryReporter() {
  let line = null;
  return {
    onTestRunFinished({ sessions }) {
      const acc = { passed: 0, failed: 0, skipped: 0 };
      let broken = 0;
      for (const session of sessions) {
        if (session.testResults) count(session.testResults.tests, session.testResults.suites, acc);
        // A file that fails to import has no test results but errors: count it as a failure.
        if (!session.passed && (session.errors?.length ?? 0) > 0) broken++;
      }
      const failed = acc.failed + broken;
      if (process.env.QK_COUNTS_FILE) {
        // A step of `npm test` (scripts/test.mjs): hand the counts over; the driver prints the one closing line.
        writeFileSync(process.env.QK_COUNTS_FILE, JSON.stringify({ passed: acc.passed, failed, skipped: acc.skipped }));
        line = `${process.env.QK_TEST_STEP ?? 'browser'}: passed ${acc.passed}, failed ${failed}, skipped ${acc.skipped}`;
      } else line = `${acc.passed} passed, ${failed} failed, ${acc.skipped} skipped`;
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
