// Writes the pass/fail totals of a web-test-runner run to a JSON file, so scripts/test.mjs can print
// one plain `N passed, N failed` line over every run, followed by the name of every failure (CI logs
// often keep only the tail). A test file that fails to load counts as failed.
import { relative } from 'node:path';
import { writeFileSync } from 'node:fs';

export function countReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0, failures: [], failedFiles: [] };
      for (const session of sessions) {
        const where = `[${session.browser?.name ?? 'browser'}] ${relative(process.cwd(), session.testFile)}`;
        const walk = (suite, trail) => {
          for (const test of suite.tests ?? []) {
            if (test.skipped) totals.skipped++;
            else if (test.passed) totals.passed++;
            else {
              totals.failed++;
              totals.failures.push(`${where}: ${[...trail, test.name].join(' › ')}${test.error?.message ? ` — ${test.error.message.split('\n')[0]}` : ''}`);
            }
          }
          for (const child of suite.suites ?? []) walk(child, [...trail, child.name]);
        };
        const before = totals.failed;
        if (session.testResults) walk(session.testResults, []);
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failed++;
          totals.failures.push(`${where}: ${session.errors[0].message?.split('\n')[0] ?? 'the file failed to run'}`);
        }
        const testFile = relative(process.cwd(), session.testFile);
        if (totals.failed > before && !totals.failedFiles.includes(testFile)) totals.failedFiles.push(testFile);
      }
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
