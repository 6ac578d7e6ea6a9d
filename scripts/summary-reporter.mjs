// Prints "N passed, N failed, N skipped" as the very last line of a run, the form CI logs are read for.
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
      line = `${acc.passed} passed, ${acc.failed + broken} failed, ${acc.skipped} skipped`;
      process.once('exit', () => process.stdout.write(`\n${line}\n`));
    },
  };
}
