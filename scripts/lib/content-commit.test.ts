import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newVersionId, writeVersion } from '@/lib/content/store/write';
import { gitHttpServer } from '@/test/support/git-http-server';
import { checkoutCommit, PublishRefused } from './content-commit';

const TOKEN = 'ghs_TopSecretToken0123';

let dir: string;
let root: string;
let desk: string;
let origin: string;
/** Every argv the publisher gave git, as the process list showed it. */
let argvLog: string;

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@masthead.invalid', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();

/** Commits `files` (a string is a file, `{ link }` a symbolic link) and pushes; the commit id. */
function commit(files: Record<string, string | { link: string }>): string {
  for (const [name, what] of Object.entries(files)) {
    const file = path.join(desk, name);
    mkdirSync(path.dirname(file), { recursive: true });
    if (typeof what === 'string') writeFileSync(file, what);
    else symlinkSync(what.link, file);
  }
  git(desk, 'add', '-A');
  git(desk, 'commit', '--quiet', '-m', 'content');
  git(desk, 'push', '--quiet', 'origin', 'main');
  return git(desk, 'rev-parse', 'HEAD');
}

/** Makes `sha` the commit of the live content version, as a publish of it would. */
function live(sha: string): void {
  writeVersion(
    root,
    {
      id: newVersionId(),
      createdAt: new Date().toISOString(),
      commit: sha,
      fullSearch: false,
      articles: 1,
      changed: { added: [], edited: [], removed: [] },
    },
    {},
  );
}

const article = (title: string) => `---\ntitle: "${title}"\n---\n`;
const unpacked = (sha: string) => path.join(root, '.masthead', 'checkouts', sha);

// Real git repositories: each test runs a dozen git commands, slow on a busy machine.
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-commit-'));
  root = path.join(dir, 'checkout');
  desk = path.join(dir, 'desk');
  origin = path.join(dir, 'origin.git');
  mkdirSync(root);
  execFileSync('git', ['init', '--quiet', '--bare', '-b', 'main', origin]);
  execFileSync('git', ['clone', '--quiet', origin, desk], { stdio: 'ignore' });
  git(desk, 'checkout', '--quiet', '-b', 'main');
  // git as the publisher runs it, through a wrapper that writes down each argv it was given.
  const bin = path.join(dir, 'bin');
  argvLog = path.join(dir, 'argv.log');
  mkdirSync(bin);
  writeFileSync(
    path.join(bin, 'git'),
    `#!/bin/sh\nprintf '%s\\n' "$*" >> '${argvLog}'\nexec ${execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim()} "$@"\n`,
  );
  chmodSync(path.join(bin, 'git'), 0o755);
  vi.stubEnv('PATH', `${bin}:${process.env.PATH}`);
  vi.stubEnv('PUBLISH_REMOTE', origin);
  vi.stubEnv('PUBLISH_BRANCH', 'refs/heads/main');
  vi.stubEnv('MASTHEAD_CONTENT_DIR', undefined);
}, 30_000);
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe('publishing a pushed commit only forward', { timeout: 60_000 }, () => {
  it('publishes the branch head, and a push overtaken by a later one', () => {
    const first = commit({ 'content/articles/a.mdx': article('First') });
    live(first);
    const second = commit({ 'content/articles/a.mdx': article('Second') });
    const third = commit({ 'content/articles/a.mdx': article('Third') });
    const content = checkoutCommit(root, third);
    expect(readFileSync(path.join(content, 'articles', 'a.mdx'), 'utf8')).toBe(article('Third'));
    expect(() => checkoutCommit(root, second)).not.toThrow();
  });

  it('refuses an old commit that the live one descends from, before unpacking anything', () => {
    const old = commit({ 'content/articles/a.mdx': article('Before the correction') });
    const corrected = commit({ 'content/articles/a.mdx': article('Corrected') });
    live(corrected);
    commit({ 'content/articles/b.mdx': article('Later') });
    for (const replayed of [old, corrected]) {
      expect(() => checkoutCommit(root, replayed)).toThrow(PublishRefused);
      expect(existsSync(unpacked(replayed))).toBe(false);
    }
    expect(() => checkoutCommit(root, old)).toThrow(
      `commit ${old} refused: it is not the branch head`,
    );
  });

  it('refuses a commit from a history that does not contain the live one', () => {
    const base = commit({ 'content/articles/a.mdx': article('Base') });
    git(desk, 'checkout', '--quiet', '-b', 'side');
    const side = commit({ 'content/articles/a.mdx': article('A side branch') });
    git(desk, 'push', '--quiet', 'origin', 'side');
    git(desk, 'checkout', '--quiet', 'main');
    const ahead = commit({ 'content/articles/a.mdx': article('Main moved on') });
    live(ahead);
    commit({ 'content/articles/c.mdx': article('Head') });
    expect(() => checkoutCommit(root, side)).toThrow(PublishRefused);
    expect(() => checkoutCommit(root, base)).toThrow(PublishRefused);
  });
});

describe('a pushed commit is data', { timeout: 60_000 }, () => {
  it('refuses symbolic links in content/ (a folder linking to itself, /etc/passwd), naming each', () => {
    commit({ 'content/articles/a.mdx': article('A') });
    const linked = commit({
      'content/articles/loop': { link: '.' },
      'content/articles/passwd.mdx': { link: '/etc/passwd' },
    });
    expect(() => checkoutCommit(root, linked)).toThrow(
      `commit ${linked} refused: content/ must hold only files and folders:\n  "content/articles/loop" is a symbolic link\n  "content/articles/passwd.mdx" is a symbolic link`,
    );
    expect(existsSync(unpacked(linked))).toBe(false);
  });
});

describe('a credential in PUBLISH_REMOTE', { timeout: 60_000 }, () => {
  it('is in neither the argv git is given nor the message of a failed fetch', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    vi.stubEnv('PUBLISH_REMOTE', `http://x-access-token:${TOKEN}@127.0.0.1:${port}/content.git`);
    let message = '';
    try {
      checkoutCommit(root, 'f'.repeat(40));
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain(`127.0.0.1:${port}`);
    expect(message).not.toContain(TOKEN);
    const argv = readFileSync(argvLog, 'utf8');
    expect(argv).toContain(`fetch --quiet --no-tags http://127.0.0.1:${port}/content.git`);
    expect(argv).not.toContain(TOKEN);
  });

  it('still reaches a git host that wants it, and a wrong one is not printed either', async () => {
    const head = commit({ 'content/articles/a.mdx': article('Fetched over HTTP') });
    const host = await gitHttpServer(dir, 'x-access-token', TOKEN);
    try {
      const url = new URL(host.url('origin.git'));
      url.username = 'x-access-token';
      url.password = TOKEN;
      vi.stubEnv('PUBLISH_REMOTE', url.toString());
      const content = checkoutCommit(root, head);
      expect(readFileSync(path.join(content, 'articles', 'a.mdx'), 'utf8')).toBe(
        article('Fetched over HTTP'),
      );
      expect(readFileSync(argvLog, 'utf8')).not.toContain(TOKEN);

      rmSync(path.join(root, '.masthead'), { recursive: true });
      url.password = 'a-wrong-token-9876';
      vi.stubEnv('PUBLISH_REMOTE', url.toString());
      expect(() => checkoutCommit(root, head)).toThrow(/Authentication failed/);
      expect(() => checkoutCommit(root, head)).not.toThrow(/a-wrong-token-9876/);
    } finally {
      host.close();
    }
  });
});
