// Totals every suite of command B into the one line CI reads: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'reports';
let passed = 0;
let failed = 0;
const lines = [];

for (const line of readFileSync(path.join(dir, 'checks.txt'), 'utf8').split('\n').filter(Boolean)) {
  const [status, ...name] = line.split(' ');
  if (status === 'pass') passed += 1;
  else failed += 1;
  lines.push(`${status === 'pass' ? 'ok  ' : 'FAIL'} ${name.join(' ')}`);
}

// test/run/unit.mjs counts the unit suite (a file that fails to load, a worker that dies).
const unitFile = path.join(dir, 'unit-summary.json');
if (existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.passed;
  failed += unit.failed;
  lines.push(`unit: ${unit.passed} passed, ${unit.failed} failed`);
} else {
  failed += 1;
  lines.push('FAIL unit (no report: vitest did not run)');
}

/**
 * Why a test failed, in one short line: CI prints only this file's output, so a failure must
 * say what it was (a time limit, an assertion) where it is named. ANSI colours removed.
 */
function reason(message, ms) {
  const plain = String(message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' | ')
    .slice(0, 300);
  return `      ${line || 'no message'}${ms ? ` (after ${(ms / 1000).toFixed(1)} s)` : ''}`;
}

/** A Playwright report's specs that did not pass, as "file › title" and why. */
function failedSpecs(suites = [], names = []) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      const passedAll = (spec.tests ?? []).every(
        (t) => t.status === 'expected' || t.status === 'skipped',
      );
      if (!spec.ok || !passedAll) {
        names.push(`${spec.file ?? suite.file} › ${spec.title}`);
        const results = (spec.tests ?? []).flatMap((t) => t.results ?? []);
        const last = results.findLast((r) => r.status !== 'passed' && r.status !== 'skipped');
        if (last) names.push(reason(last.error?.message, last.duration));
      }
    }
    failedSpecs(suite.suites, names);
  }
  return names;
}

/** A Playwright JSON report, counted and summed, its failures named; false when there is none. */
function playwright(name) {
  const file = path.join(dir, `${name}.json`);
  if (!existsSync(file)) return false;
  const { stats, errors = [], suites } = JSON.parse(readFileSync(file, 'utf8'));
  const bad = stats.unexpected + stats.flaky + errors.length;
  passed += stats.expected;
  failed += bad;
  lines.push(`${name}: ${stats.expected} passed, ${bad} failed`);
  for (const spec of failedSpecs(suites))
    lines.push(spec.startsWith(' ') ? spec : `  FAIL ${spec}`);
  for (const error of errors) lines.push(`  FAIL ${String(error.message ?? '').split('\n')[0]}`);
  return true;
}

if (!playwright('e2e') && !lines.some((l) => l.includes('e2e'))) {
  failed += 1;
  lines.push('FAIL e2e (no report: playwright did not run)');
}

// test/run/check.mjs: each whole-project check's scenarios, one test each (its failures named).
const checksDir = path.join(dir, 'checks');
for (const file of existsSync(checksDir) ? readdirSync(checksDir).sort() : []) {
  if (!file.endsWith('.json')) continue;
  const name = file.replace(/\.json$/, '');
  let report;
  try {
    report = JSON.parse(readFileSync(path.join(checksDir, file), 'utf8'));
  } catch {
    failed += 1;
    lines.push(`FAIL check ${name} (its report does not read)`);
    continue;
  }
  passed += report.passed;
  failed += report.failed;
  lines.push(`check ${name}: ${report.passed} passed, ${report.failed} failed`);
  for (const s of report.scenarios ?? []) {
    if (!s.ok) lines.push(`  FAIL ${s.name}`, reason(s.error, s.ms));
  }
}

// test/checks/ads.mjs: the advertising specs, one report per build they ran on.
for (const name of ['ads-house', 'ads-script']) playwright(name);

// test/checks/node24.sh --report writes its own totals; absent when command B did not run it.
const node24File = path.join(dir, 'node24.json');
if (existsSync(node24File)) {
  const node24 = JSON.parse(readFileSync(node24File, 'utf8'));
  passed += node24.passed;
  failed += node24.failed;
  lines.push(`node24: ${node24.passed} passed, ${node24.failed} failed`);
}

console.log(lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
