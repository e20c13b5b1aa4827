// @ts-check
// A check's own copy of the main build, so the main build stays read-only: every check (and the
// e2e run) can serve, regenerate pages, publish and delete cached pages in its copy while others
// serve theirs, in any order and at the same time.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyCheckoutFiles } from './checkout-files.mjs';

export const root = path.resolve(import.meta.dirname, '..', '..');

/**
 * Copies into test/.scratch/<name> the checkout as git has it, the build as `next build` left it
 * (`.next`, without its cache and without any page regenerated since) and the content versions
 * it was made from (`.masthead`). Under the checkout, so the copy's server finds this checkout's
 * node_modules by Node's usual walk up the folders.
 * @param {string} name a folder name of the check's own
 * @returns {{ dir: string, remove: () => void }}
 */
export function copyBuild(name) {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`copyBuild: bad name ${name}`);
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('no build to copy: run `npm run build` first');
  }
  const dir = path.join(root, 'test', '.scratch', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  copyCheckoutFiles(root, dir);
  // Copies, not links: Next rewrites regenerated pages in place, which would reach the original.
  // Pages a server regenerated in the checkout (`next start` there, by hand) stay behind: each
  // copy starts from the build, so what a check weighs or renders does not depend on who ran first.
  // The standalone server (62 MB) is the cluster check's, which lays out copies of its own.
  const skipped = ['cache', 'standalone', path.join('server', 'route-cache')].map((folder) =>
    path.join(root, '.next', folder),
  );
  cpSync(path.join(root, '.next'), path.join(dir, '.next'), {
    recursive: true,
    filter: (source) =>
      !skipped.some((folder) => source === folder || source.startsWith(folder + path.sep)),
  });
  if (existsSync(path.join(root, '.masthead'))) {
    cpSync(path.join(root, '.masthead'), path.join(dir, '.masthead'), {
      recursive: true,
      verbatimSymlinks: true,
    });
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
