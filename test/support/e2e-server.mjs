// @ts-check
// The e2e run's server (playwright.config.ts, webServer): `next start` on a copy of the build of
// its own, so the pages the specs regenerate (with their comments) and the files the server
// writes never reach the main build, which the checks weigh and copy at the same time.
//   COMMENTS_DB=/tmp/x.sqlite node test/support/e2e-server.mjs <port>
// COMMENTS_DB starts empty: it is removed first, with its -wal and -shm files. Playwright stops
// the server with SIGTERM to its process group (gracefulShutdown); the copy is removed then.
import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { copyBuild, root } from './build-copy.mjs';

const port = process.argv[2] ?? '';
if (!/^\d{1,5}$/.test(port)) {
  console.error('usage: COMMENTS_DB=… node test/support/e2e-server.mjs <port>');
  process.exit(2);
}
const database = process.env.COMMENTS_DB;
if (database) {
  const dir = path.dirname(database);
  for (const file of readdirSync(dir))
    if (file.startsWith(path.basename(database))) rmSync(path.join(dir, file), { force: true });
}

// Named for the port, so two e2e runs on different ports keep to their own copies.
const copy = copyBuild(`e2e-${port}`);
const nextBin = createRequire(path.join(root, 'package.json')).resolve('next/dist/bin/next');
const server = spawn(process.execPath, [nextBin, 'start', '-p', port, '-H', '127.0.0.1'], {
  cwd: copy.dir,
  stdio: 'inherit',
});
// Passed on (Playwright signals the whole group, so `next start` may have it already), then
// this waits for the server to end before removing its copy.
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT']))
  process.on(signal, () => server.kill(signal));
server.once('exit', (code, signal) => {
  copy.remove();
  process.exit(code ?? (signal ? 1 : 0));
});
