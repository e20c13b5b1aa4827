import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * Starts test/support/git-http-host.mjs: the bare repositories in `projectRoot` served over
 * smart HTTP to `user` with `password` only. Resolves with their address once it listens.
 */
export async function gitHttpServer(
  projectRoot: string,
  user: string,
  password: string,
): Promise<{ url: (repo: string) => string; close: () => void }> {
  const child = spawn(
    process.execPath,
    [path.join(import.meta.dirname, 'git-http-host.mjs'), projectRoot, user, password],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the git server exited (${code})`)));
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
  });
  return {
    url: (repo) => `http://127.0.0.1:${port}/${repo}`,
    close: () => child.kill(),
  };
}
