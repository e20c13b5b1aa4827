import 'server-only';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

let running: Promise<void> | undefined;
let queued: string | undefined;

function run(sha: string): Promise<void> {
  const root = process.cwd();
  return new Promise((resolve) => {
    // In a process of its own: compiling must not hold up the readers this server is answering.
    // Found the way Node finds packages, from the checkout up; named in a variable so the
    // bundler leaves the lookup to run time.
    const tsxCli = 'tsx/cli';
    const child = spawn(
      process.execPath,
      [
        createRequire(path.join(root, 'package.json')).resolve(tsxCli),
        path.join(root, 'scripts', 'publish.ts'),
        '--commit',
        sha,
        '--no-notify',
      ],
      { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', (error) => {
      console.error(`publish: could not start the publish of ${sha}: ${error.message}`);
      resolve();
    });
    child.on('exit', (code) => {
      if (code !== 0) console.error(`publish: commit ${sha} was not published (exit ${code})`);
      resolve();
    });
  });
}

/**
 * Publishes a pushed commit: one at a time, and of several pushed meanwhile only the last, which
 * holds the others. The version it writes reaches readers through this server's watcher.
 */
export function publishCommit(sha: string): void {
  if (running) {
    queued = sha;
    return;
  }
  running = run(sha).finally(() => {
    running = undefined;
    const next = queued;
    queued = undefined;
    if (next) publishCommit(next);
  });
}
