// @ts-check
// Runs one whole-project check (test/checks/<name>.mjs, written with node:test), each scenario
// reported as a test, or only the scenarios whose names match:
//   node test/run/check.mjs <name> [--only "pattern"] [--reports DIR]
//   npm run check -- faults --only "SIGKILL"
// Writes DIR/checks/<name>.json (test/run/scenario-reporter.mjs) for command B's tally, and
// exits non-zero when a scenario failed or none ran. Needs `npm run build` first, as each check
// serves that build read-only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..', '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { only: { type: 'string' }, reports: { type: 'string', default: 'reports' } },
});
const name = positionals[0];
const file = name && path.join(root, 'test', 'checks', `${name}.mjs`);
if (!name || !/^[a-z0-9-]+$/.test(name) || !file || !existsSync(file)) {
  console.error(`usage: node test/run/check.mjs <name> [--only pattern] [--reports DIR]
checks: faults, publish, admin-origin, multi-process, ads, cluster, redis, weight`);
  process.exit(2);
}
const out = path.resolve(values.reports, 'checks');
mkdirSync(out, { recursive: true });
const report = path.join(out, `${name}.json`);
rmSync(report, { force: true });
const args = [
  '--test',
  '--test-concurrency=1',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  `--test-reporter=${path.join(root, 'test', 'run', 'scenario-reporter.mjs')}`,
  `--test-reporter-destination=${report}`,
  ...(values.only ? [`--test-name-pattern=${values.only}`] : []),
  file,
];
const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
let counts = { passed: 0, failed: 1 };
try {
  counts = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  // Counted as a failure by the tally, not left out of it.
  console.error(`${name}: no report (${report})`);
  const scenarios = [{ name: `${name}: the check did not report`, ok: false, ms: 0 }];
  writeFileSync(report, JSON.stringify({ passed: 0, failed: 1, scenarios }));
}
console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
