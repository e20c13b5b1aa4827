// The checkout as git sees it, for checks and benchmarks that work on a scratch copy.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * @param {string} root
 * @param {string} dir
 * @param {(file: string) => boolean} [keep]
 *
 * Copies into `dir` every file git tracks or would track (uncommitted edits and new files
 * included, ignored ones not), for which `keep(file)` holds. A tracked file deleted from the
 * working tree is left out, as it is from the checkout.
 */
export function copyCheckoutFiles(root, dir, keep = () => true) {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  for (const file of files)
    if (keep(file) && existsSync(path.join(root, file)))
      cpSync(path.join(root, file), path.join(dir, file));
}
