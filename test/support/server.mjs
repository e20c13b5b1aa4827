// Starting a local server for a benchmark or a check, waiting until it answers, and stopping it
// with everything it started.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const root = path.resolve(import.meta.dirname, '..', '..');
const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');

const running = new Set();
process.once('SIGINT', () => {
  for (const stop of running) stop();
  process.exit(130);
});

/**
 * Runs `node …argv` from the project root (or `cwd`) in its own process group and resolves once
 * `readyUrl` answers at all. Rejects, having stopped it, if it exits or stays silent.
 */
export async function startServer({ argv, env = {}, readyUrl, timeoutMs = 60_000, cwd = root }) {
  const child = spawn(process.execPath, argv, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true,
  });
  // Passed through as it comes, and kept (the last megabyte), so a check can ask what the
  // server complained of.
  let log = '';
  child.stderr.on('data', (chunk) => {
    process.stderr.write(chunk);
    log = (log + chunk).slice(-1_000_000);
  });
  const stop = async () => {
    running.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(5000)]);
  };
  /** Ends it at once, as a crash or the OOM killer would: no shutdown, no flushing. */
  const kill = async () => {
    running.delete(stop);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  };
  running.add(stop);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) {
      running.delete(stop);
      throw new Error(`${path.basename(argv[0])} exited (${child.exitCode}); is there a build?`);
    }
    try {
      await fetch(readyUrl);
      return { stop, kill, log: () => log, pid: child.pid };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nothing answered ${readyUrl} within ${timeoutMs / 1000} s`);
      }
      await sleep(200);
    }
  }
}

/** `next start` on 127.0.0.1:`port`, on the existing build (of `cwd`, by default this checkout). */
export async function startNext({ port, env, readyPath = '/robots.txt', cwd }) {
  const base = `http://127.0.0.1:${port}`;
  const argv = [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'];
  const { stop, kill, log } = await startServer({ argv, env, readyUrl: base + readyPath, cwd });
  return { base, stop, kill, log };
}

/**
 * `next start` that should refuse to serve: resolves to its exit code and everything it said,
 * or to code null if it was still running after `timeoutMs` (then it is stopped).
 */
export function refusedNext({ port, env = {}, timeoutMs = 30_000, cwd = root }) {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [nextBin, 'start', '-p', String(port), '-H', '127.0.0.1'],
      {
        cwd,
        env: { ...process.env, NODE_ENV: 'production', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let said = '';
    child.stdout.on('data', (chunk) => (said += chunk));
    child.stderr.on('data', (chunk) => (said += chunk));
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, said });
    });
  });
}
