import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createDb, migrate } from '@/lib/comments/db';
import { insertComment, listForModeration } from '@/lib/comments/store';

/** The moderation CLI, run as a moderator would run it, on an SQLite file of its own. */
const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
let dir: string;
let file: string;

const cli = (...args: string[]) =>
  run(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['--conditions=react-server', 'scripts/comments.ts', ...args],
    {
      cwd: root,
      env: { ...process.env, COMMENTS_DB: file, DATABASE_URL: '' },
    },
  );

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'masthead-cli-'));
  file = path.join(dir, 'comments.sqlite');
  const db = createDb({ sqlitePath: file });
  await migrate(db);
  for (const name of ['Ana', 'Ben']) {
    await insertComment(db, {
      article_slug: 'story',
      parent_id: null,
      author_name: name,
      author_email: `${name}@example.com`,
      author_url: null,
      body: `Held comment by ${name}`,
      status: 'pending',
      held_reason: 'first comment from this address',
      ip_hash: 'h',
      created_at: new Date().toISOString(),
    });
  }
  await db.destroy();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Five CLI runs, each a tsx start: a few seconds each, many more on a machine running other lanes.
describe('npm run comments', { timeout: 60_000 }, () => {
  it('lists, approves, marks spam and deletes by id', async () => {
    const listed = await cli('list', '--status', 'pending');
    expect(listed.stdout).toContain('Held comment by Ana');
    expect(listed.stdout).toContain('[held: first comment from this address]');
    expect(listed.stdout).toContain('2 pending comments');
    expect(listed.stdout).not.toContain('@example.com');

    expect((await cli('approve', '1')).stdout).toContain('approved: 1 (articles: story;');
    expect((await cli('spam', '2')).stdout).toContain('marked as spam: 2');
    expect((await cli('list', '--status', 'approved')).stdout).toContain('1 approved comment');
    expect((await cli('delete', '2')).stdout).toContain('deleted: 2');

    const db = createDb({ sqlitePath: file });
    expect((await listForModeration(db, 'spam')).length).toBe(0);
    expect((await listForModeration(db, 'approved')).map((c) => c.author_name)).toEqual(['Ana']);
    await db.destroy();
  });

  it('shows escape sequences a reader wrote as text, so they never reach the terminal', async () => {
    const db = createDb({ sqlitePath: file });
    await insertComment(db, {
      article_slug: 'story',
      parent_id: null,
      author_name: '\u001b[2J\u001b[31mEvil',
      author_email: 'evil@example.com',
      author_url: null,
      body: 'hello\u001b]0;pwned\u0007\u202Egnp.exe',
      status: 'pending',
      held_reason: null,
      ip_hash: 'h',
      created_at: new Date().toISOString(),
    });
    await db.destroy();
    const { stdout } = await cli('list');
    expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(stdout).toContain('\\u{1b}[2J\\u{1b}[31mEvil');
    expect(stdout).toContain('hello\\u{1b}]0;pwned\\u{7}\\u{202e}gnp.exe');
  });

  it('explains what it needs when the command is wrong', async () => {
    await expect(cli('approve')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('usage: npm run comments'),
    });
    await expect(cli('approve', '999')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('no comment with id 999'),
    });
    await expect(cli('list', '--status', 'bogus')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('unknown status "bogus"'),
    });
  });
});
