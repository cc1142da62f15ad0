// Every test page runs under a strict Content-Security-Policy with Trusted Types
// (test/servers/harness-csp.mjs), and a violation fails the test during which it was reported:
// this module is loaded into every page right after the test framework (testRunnerHtml in
// web-test-runner.config.mjs). One reported after the last test fails the file. A test that
// provokes violations on purpose takes them with takeViolations().

type CspBody = { effectiveDirective: string; blockedURL?: string; sourceFile?: string; lineNumber?: number; sample?: string };

const describeReport = ({ effectiveDirective, blockedURL, sourceFile, lineNumber, sample }: CspBody): string =>
  `${effectiveDirective}: ${blockedURL || 'inline'}${sample ? ` "${sample}"` : ''}${sourceFile ? ` at ${sourceFile}:${lineNumber}` : ''}`;

let pending: string[] = [];
const keep = (reports: Report[]) => pending.push(...reports.map((r) => describeReport(r.body as unknown as CspBody)));
// Buffered: what was reported before this module ran (the runner's own scripts) counts too.
const observer = new ReportingObserver(keep, { types: ['csp-violation'], buffered: true });
observer.observe();

/** The violations reported since the last call, taken: they fail no test. */
export function takeViolations(): string[] {
  keep(observer.takeRecords());
  const taken = pending;
  pending = [];
  return taken;
}

// Kept from before any test, as Mocha keeps its own: a test may fake the clock.
const later = globalThis.setTimeout.bind(globalThis);

/** An error naming the violations reported since the last check, if any. */
function failure(): Error | undefined {
  const seen = takeViolations();
  return seen.length ? new Error(`Content-Security-Policy violated:\n${seen.join('\n')}`) : undefined;
}

// Each test's result waits a task, so the reports of what it did have arrived, and fails on
// any. A test that failed otherwise keeps its own error; its violations are logged, not left
// to fail the next test.
const run = Mocha.Test.prototype.run;
Mocha.Test.prototype.run = function (this: Mocha.Test, done: Mocha.Done) {
  run.call(this, (err?: unknown) =>
    later(() => {
      const violated = failure();
      if (err && violated) console.error(violated.message);
      done(err ?? violated);
    }),
  );
};
mocha.suite.afterAll('no Content-Security-Policy violation after the last test', (done) => later(() => done(failure())));
