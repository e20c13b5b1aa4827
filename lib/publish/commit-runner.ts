import 'server-only';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

let running: Promise<void> | undefined;
let queued: string | undefined;

/**
 * The publish script and tsx, found the way Node finds packages, from the checkout up (named in
 * a variable so the bundler leaves the lookup to run time); undefined where the server runs
 * without them, as the standalone output and the container image do.
 */
function pipeline(root: string): { tsx: string; script: string } | undefined {
  const script = path.join(/* turbopackIgnore: true */ root, 'scripts', 'publish.ts');
  const tsxCli = 'tsx/cli';
  try {
    const tsx = createRequire(path.join(root, 'package.json')).resolve(tsxCli);
    return existsSync(script) ? { tsx, script } : undefined;
  } catch {
    return undefined;
  }
}

function run(sha: string, { tsx, script }: { tsx: string; script: string }): Promise<void> {
  const root = process.cwd();
  return new Promise((resolve) => {
    // In a process of its own: compiling must not hold up the readers this server is answering.
    const child = spawn(process.execPath, [tsx, script, '--commit', sha, '--no-notify'], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => {
      console.error(`publish: could not start the publish of ${sha}: ${error.message}`);
      resolve();
    });
    child.on('exit', (code) => {
      // Exit 3: refused (an old commit, a link in content/), and the script has said why.
      if (code === 3) console.error(`publish: commit ${sha} was refused, for the reason above`);
      else if (code !== 0) console.error(`publish: commit ${sha} was not published (exit ${code})`);
      resolve();
    });
  });
}

/**
 * Publishes a pushed commit: one at a time, and of several pushed meanwhile only the last, which
 * holds the others. The version it writes reaches readers through this server's watcher.
 * Returns why it cannot, on a server without the content pipeline.
 */
export function publishCommit(sha: string): string | undefined {
  const found = pipeline(process.cwd());
  if (!found) {
    return 'this server runs without the content pipeline (the standalone output or the container image): publish with `npm run publish` from a checkout (docs/operations.md)';
  }
  if (running) {
    queued = sha;
    return undefined;
  }
  running = run(sha, found).finally(() => {
    running = undefined;
    const next = queued;
    queued = undefined;
    if (next) publishCommit(next);
  });
  return undefined;
}
