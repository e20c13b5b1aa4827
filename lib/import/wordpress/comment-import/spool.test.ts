import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreparedPost, ReadyComment } from './prepare';
import { Spool } from './spool';

const spoolFolders = () =>
  new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('masthead-comments-')));

const newFolders = (before: Set<string>) => [...spoolFolders()].filter((name) => !before.has(name));

const ready = (wpId: number, body: string): ReadyComment => ({
  wpId,
  status: 'approved',
  rootWpId: null,
  name: 'Ana',
  email: 'ana@example.com',
  url: null,
  body,
  createdAt: '2020-01-01T00:00:00.000Z',
  digest: 'd',
});

const post = (wpPostId: number, bodies: string[]): PreparedPost => ({
  articleSlug: `story-${wpPostId}`,
  wpPostId,
  ready: bodies.map((body, i) => ready(wpPostId * 1000 + i, body)),
  dropped: [{ wpId: wpPostId * 1000 + 999, status: 'spam' }],
});

async function readBack(spool: Spool): Promise<PreparedPost[]> {
  const posts: PreparedPost[] = [];
  for await (const one of spool.posts()) posts.push(one);
  return posts;
}

describe('the spool prepared comments wait in', () => {
  it('keeps a small import in memory: no folder is made', async () => {
    const before = spoolFolders();
    const spool = new Spool();
    const written = [post(1, ['one', 'line\nbreak \u2028 and \r']), post(2, [])];
    for (const one of written) await spool.write(one);
    expect(newFolders(before)).toEqual([]);
    expect(await readBack(spool)).toEqual(written);
    spool.dispose();
  });

  it('writes a large one to a folder only its user can read, and removes it', async () => {
    const before = spoolFolders();
    const spool = new Spool();
    const big = 'é'.repeat(300_000);
    const written = [1, 2, 3, 4, 5].map((n) => post(n, [big, `${n}`]));
    for (const one of written) await spool.write(one);
    const [folder] = newFolders(before);
    expect(folder).toBeDefined();
    const dir = path.join(tmpdir(), folder ?? '');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'comments.jsonl')).mode & 0o777).toBe(0o600);
    expect(await readBack(spool)).toEqual(written);
    spool.dispose();
    expect(existsSync(dir)).toBe(false);
  });

  it('is removed when the process exits with an import left unfinished', () => {
    const before = spoolFolders();
    const script = `
      import { Spool } from ${JSON.stringify(path.join(import.meta.dirname, 'spool.ts'))};
      const spool = new Spool();
      await spool.write({ articleSlug: 'a', wpPostId: 1, ready: [], dropped: Array.from({ length: 40000 }, (_, i) => ({ wpId: i, status: 'spam' })) });
      console.log('written');
      process.exit(0);
    `;
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        encoding: 'utf8',
      },
    );
    expect(out.trim()).toBe('written');
    expect(newFolders(before)).toEqual([]);
  });
});
