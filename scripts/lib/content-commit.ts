import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { currentVersionId } from '../../lib/content/store/layout';
import { readVersionMeta } from '../../lib/content/store/read';
import { forwardVerdict } from '../../lib/publish/forward';
import { gitRemote, redactCredentials } from '../../lib/publish/git-remote';
import { treeProblems } from '../../lib/publish/pushed-tree';

type GitOptions = { cwd?: string; env?: Record<string, string> };

function git(args: string[], { cwd, env = {} }: GitOptions = {}): string {
  try {
    return execFileSync('git', args, {
      cwd,
      env: { ...process.env, ...env },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    // Node's message repeats the command line and git's own words; neither may show a token.
    const stderr = (error as { stderr?: unknown }).stderr;
    const said = typeof stderr === 'string' && stderr.trim() ? stderr.trim() : String(error);
    const command = args.find((arg, i) => !arg.startsWith('-') && args[i - 1] !== '--git-dir');
    throw new Error(redactCredentials(`git ${command ?? ''} failed: ${said}`));
  }
}

/** The checkout's commit, to record in the version; undefined outside a git checkout. */
export function headCommit(root: string): string | undefined {
  try {
    return git(['rev-parse', 'HEAD'], { cwd: root }).trim();
  } catch {
    return undefined;
  }
}

/** A pushed commit that must not be published, and why: said in the server's log. */
export class PublishRefused extends Error {}

/** Checkouts kept for looking at what was published; older ones go. */
const KEEP_CHECKOUTS = 3;

/** The commit readers' content was built from, as the live version records it. */
function liveCommit(root: string): string | undefined {
  const id = currentVersionId(root);
  return id === undefined ? undefined : readVersionMeta(root, id)?.commit;
}

/** `git merge-base --is-ancestor`: exit 0 yes, 1 no, anything else (an unknown commit) no. */
function isAncestor(gitDir: string, ancestor: string, commit: string): boolean {
  return (
    spawnSync('git', ['--git-dir', gitDir, 'merge-base', '--is-ancestor', ancestor, commit], {
      stdio: 'ignore',
    }).status === 0
  );
}

/**
 * The content/ folder of a commit of the content repository, without touching the working
 * tree: the commit is fetched into a bare repository of the publisher's own (.masthead/git)
 * from PUBLISH_REMOTE (default: this checkout's `origin`; a credential in it reaches git through
 * the environment, never its argv), with PUBLISH_BRANCH's head (default main). Then, before
 * anything of it is unpacked: it must move the site forward (the branch head, or a descendant of
 * the live commit), and its content/ must hold only files. Only then is content/ unpacked into
 * .masthead/checkouts/<sha>. Throws PublishRefused for a commit that must not be published, and
 * an Error with git's words (credentials redacted) if the commit cannot be had.
 */
export function checkoutCommit(root: string, sha: string): string {
  const gitDir = path.join(root, '.masthead', 'git');
  if (!existsSync(gitDir)) git(['init', '--bare', '--quiet', gitDir]);
  const remote = gitRemote(
    process.env.PUBLISH_REMOTE ?? git(['remote', 'get-url', 'origin'], { cwd: root }).trim(),
    process.env,
  );
  const branch = process.env.PUBLISH_BRANCH ?? 'refs/heads/main';
  const fetch = (what: string) =>
    git(['--git-dir', gitDir, 'fetch', '--quiet', '--no-tags', remote.url, what], {
      env: remote.env,
    });
  fetch(`+${branch}:refs/publish/head`);
  try {
    git(['--git-dir', gitDir, 'cat-file', '-e', `${sha}^{commit}`]);
  } catch {
    // Pushed and then overtaken: ask for the commit itself.
    fetch(sha);
  }

  const head = git(['--git-dir', gitDir, 'rev-parse', 'refs/publish/head']).trim();
  const live = liveCommit(root);
  const verdict = forwardVerdict({
    commit: sha,
    head,
    live,
    descendsFromLive: live !== undefined && isAncestor(gitDir, live, sha),
  });
  if (!verdict.publish) throw new PublishRefused(`commit ${sha} refused: ${verdict.reason}`);
  const problems = treeProblems(
    git(['--git-dir', gitDir, 'ls-tree', '-r', '-z', sha, '--', 'content']),
  );
  if (problems.length > 0) {
    throw new PublishRefused(
      `commit ${sha} refused: content/ must hold only files and folders:\n  ${problems.join('\n  ')}`,
    );
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
