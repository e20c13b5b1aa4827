import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const git = (args: string[], cwd?: string) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/** The checkout's commit, to record in the version; undefined outside a git checkout. */
export function headCommit(root: string): string | undefined {
  try {
    return git(['rev-parse', 'HEAD'], root);
  } catch {
    return undefined;
  }
}

/** Checkouts kept for looking at what was published; older ones go. */
const KEEP_CHECKOUTS = 3;

/**
 * The content/ folder of a commit of the content repository, without touching the working
 * tree: the commit is fetched into a bare repository of the publisher's own (.masthead/git)
 * from PUBLISH_REMOTE (default: this checkout's `origin`), on PUBLISH_BRANCH (default main),
 * and its content/ is unpacked into .masthead/checkouts/<sha>. Throws with git's words if the
 * commit cannot be had.
 */
export function checkoutCommit(root: string, sha: string): string {
  const gitDir = path.join(root, '.masthead', 'git');
  if (!existsSync(gitDir)) git(['init', '--bare', '--quiet', gitDir]);
  const remote = process.env.PUBLISH_REMOTE ?? git(['remote', 'get-url', 'origin'], root);
  const branch = process.env.PUBLISH_BRANCH ?? 'refs/heads/main';
  git([
    '--git-dir',
    gitDir,
    'fetch',
    '--quiet',
    '--no-tags',
    remote,
    `+${branch}:refs/publish/head`,
  ]);
  try {
    git(['--git-dir', gitDir, 'cat-file', '-e', `${sha}^{commit}`]);
  } catch {
    // Pushed and then overtaken: ask for the commit itself.
    git(['--git-dir', gitDir, 'fetch', '--quiet', '--no-tags', remote, sha]);
  }
  const checkouts = path.join(root, '.masthead', 'checkouts');
  const dest = path.join(checkouts, sha);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  execFileSync(
    'sh',
    ['-c', `git --git-dir "$0" archive "$1" content | tar -x -C "$2"`, gitDir, sha, dest],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  const old = readdirSync(checkouts)
    .map((name) => ({ name, at: statSync(path.join(checkouts, name)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(KEEP_CHECKOUTS);
  for (const { name } of old) rmSync(path.join(checkouts, name), { recursive: true, force: true });
  return path.join(dest, 'content');
}
