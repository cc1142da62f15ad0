// Prints the suite's totals alone on one line, the line CI reads: `tests: N passed, M failed`.
function count(results, acc) {
  for (const t of results?.tests ?? []) t.passed ? acc.passed++ : acc.failed++;
  for (const s of results?.suites ?? []) count(s, acc);
}

export function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      // Tests run before the browser (server-side rendering in Node), as "passed,failed".
      const [passed = 0, failed = 0] = (process.env.IR_EXTRA_TOTALS ?? '').split(',').map(Number);
      const acc = { passed, failed };
      for (const session of sessions) {
        count(session.testResults, acc);
        // A file that failed to load counts as a failure, never as zero tests.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) acc.failed++;
      }
      console.log(`tests: ${acc.passed} passed, ${acc.failed} failed`);
    },
  };
}
