/**
 * Runs a command under GNU time and reports its wall time and peak memory two ways: the
 * largest single process of its tree (time's "Maximum resident set size", what decides whether
 * a machine runs out) and the whole tree's RSS summed, sampled every 250 ms (npm, its shell and
 * node together).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { treeRssKiB } from './process-tree';

export interface TimedRun {
  status: number | null;
  wallMs: number;
  /** The largest process's peak RSS, from GNU time, in MiB. */
  peakMiB: number;
  /** The tree's summed RSS at its highest sample, in MiB. */
  treePeakMiB: number;
  /** CPU time of the whole tree (user + system), from GNU time, in ms. */
  cpuMs: number;
  /** The last lines the command printed (stdout and stderr). */
  tail: string;
}

const TIME = '/usr/bin/time';

export function timedRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<TimedRun> {
  if (!existsSync(TIME)) throw new Error(`${TIME} (GNU time) is needed: apt-get install time`);
  const report = path.join(os.tmpdir(), `timed-run-${process.pid}-${Date.now()}.txt`);
  const start = performance.now();
  const child = spawn(TIME, ['-v', '-o', report, command, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let treePeakKiB = 0;
  const sampler = setInterval(() => {
    if (child.pid !== undefined) treePeakKiB = Math.max(treePeakKiB, treeRssKiB(child.pid));
  }, 250);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => {
      clearInterval(sampler);
      const wallMs = Math.round(performance.now() - start);
      const text = existsSync(report) ? readFileSync(report, 'utf8') : '';
      rmSync(report, { force: true });
      const field = (name: string) =>
        Number(new RegExp(`${name}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
      resolve({
        status,
        wallMs,
        peakMiB: Math.round(field('Maximum resident set size \\(kbytes\\)') / 1024),
        treePeakMiB: Math.round(treePeakKiB / 1024),
        cpuMs: Math.round(
          (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
        ),
        tail: output.trim().split('\n').slice(-15).join('\n'),
      });
    });
  });
}
