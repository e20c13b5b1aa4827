// @ts-check
// The tools only benchmarks use (Lighthouse, autocannon, serve) are bench/package.json's, not the
// site's: command A's `npm ci` installs what the site and its tests need and nothing else. A
// benchmark that needs them calls benchTools() before it loads one; the first call installs them
// from bench/package-lock.json.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const bench = import.meta.dirname;

/** Installs bench/package.json's tools unless the installed tree matches the lock file. */
export function benchTools() {
  const installed = path.join(bench, 'node_modules', '.package-lock.json');
  const lock = path.join(bench, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.error('bench: installing the benchmarks’ own tools (bench/package.json)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: bench,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('bench: npm ci in bench/ failed');
}
