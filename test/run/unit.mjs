// @ts-check
// Runs the unit suite (Vitest) once for command B and for the Node 24 check, and counts it the
// same way for both: `node test/run/unit.mjs <dir>` writes <dir>/unit.json (Vitest's own
// report) and <dir>/unit-summary.json ({ passed, failed }), and exits non-zero when any failed.
//
// A test file whose worker dies does not fail in Vitest's report: its tests are left "pending",
// the file "passed", and only the exit code says something went wrong. better-sqlite3 12 on
// Node 24 can abort a process as it exits (a statement finalised after Node's environment is
// gone: "Assertion failed: (env) != nullptr"), which took a file's 30 tests with it, uncounted.
// So: an exit code that the report does not explain runs the files left pending once more, and
// if that does not explain it either, it counts as a failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? 'reports');
const cut = process.cwd().length + 1;

/** @param {string} name @param {string[]} files */
function vitest(name, files) {
  const out = path.join(dir, `${name}.json`);
  const { status } = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      ...files,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { stdio: 'inherit' },
  );
  let report;
  try {
    report = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    report = undefined;
  }
  return { status, report };
}

/** @param {any} report */
function count(report) {
  // A file that fails to load has no tests in it but must still count against the run.
  const broken = report.testResults.filter(
    (/** @type {any} */ f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  for (const f of report.testResults)
    for (const t of f.assertionResults)
      if (t.status === 'failed') console.error('FAIL unit', f.name.slice(cut), '>', t.fullName);
  for (const f of broken) console.error('FAIL unit', f.name.slice(cut), f.message.split('\n')[0]);
  return { passed: report.numPassedTests, failed: report.numFailedTests + broken.length };
}

const first = vitest('unit', []);
let passed = 0;
let failed = 0;
if (!first.report) {
  console.error('FAIL unit (no report: vitest did not run)');
  failed = 1;
} else {
  ({ passed, failed } = count(first.report));
  if (first.status !== 0 && failed === 0) {
    const pending = first.report.testResults
      .filter(
        (/** @type {any} */ f) =>
          f.assertionResults.length > 0 &&
          f.assertionResults.every((/** @type {any} */ t) => t.status === 'pending'),
      )
      .map((/** @type {any} */ f) => f.name.slice(cut));
    console.error(
      `unit: vitest exited ${first.status} with no failed test (a worker died?); once more: ${pending.join(' ') || 'the whole suite, nothing being left pending'}`,
    );
    // Nothing left pending: the dead worker's file is missing from the report, so the whole
    // suite runs once more, and its counts replace the first run's.
    const again = vitest('unit-again', pending);
    if (again.report) {
      const counted = count(again.report);
      passed = (pending.length > 0 ? passed : 0) + counted.passed;
      failed += counted.failed;
    }
    if (again.status !== 0 && failed === 0) {
      failed = 1;
      console.error('FAIL unit (vitest reported an error outside any test: see above)');
    }
  }
}
writeFileSync(path.join(dir, 'unit-summary.json'), `${JSON.stringify({ passed, failed })}\n`);
console.log(`unit: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
