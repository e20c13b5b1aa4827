import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Staging, STAGING_DIR } from './staging';

let root: string;
const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8');

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-staging-'));
  mkdirSync(path.join(root, 'content', 'articles'), { recursive: true });
  writeFileSync(path.join(root, 'content', 'articles', 'old.mdx'), 'the editor’s text');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('Staging', () => {
  it('moves staged files into place, replacing what was there, and leaves no trace', async () => {
    const staging = await Staging.open(root);
    await staging.write('content/articles/old.mdx', 'new text');
    await staging.write('content/pages/about/team.mdx', 'a page');
    await staging.commit(['content/articles/old.mdx', 'content/pages/about/team.mdx']);
    await staging.finish();
    await staging.close();
    expect(read('content/articles/old.mdx')).toBe('new text');
    expect(read('content/pages/about/team.mdx')).toBe('a page');
    expect(existsSync(path.join(root, STAGING_DIR, 'lock'))).toBe(false);
  });

  it('puts everything back when a move fails half-way', async () => {
    const staging = await Staging.open(root);
    await staging.write('content/articles/old.mdx', 'new text');
    await staging.write('content/sections/new.yaml', 'name: New');
    // content/redirects is a file where the import needs a folder: the third move fails.
    writeFileSync(path.join(root, 'content', 'redirects'), 'not a folder');
    await expect(
      staging.commit([
        'content/articles/old.mdx',
        'content/sections/new.yaml',
        'content/redirects/wordpress.yaml',
      ]),
    ).rejects.toThrow();
    await staging.close();
    expect(read('content/articles/old.mdx')).toBe('the editor’s text');
    expect(existsSync(path.join(root, 'content', 'sections'))).toBe(false);
  });

  it('undoes a finished move when asked (the comments could not be written)', async () => {
    const staging = await Staging.open(root);
    await staging.write('content/articles/old.mdx', 'new text');
    await staging.write('content/articles/fresh.mdx', 'fresh');
    await staging.commit(['content/articles/old.mdx', 'content/articles/fresh.mdx']);
    await staging.undo();
    await staging.close();
    expect(read('content/articles/old.mdx')).toBe('the editor’s text');
    expect(existsSync(path.join(root, 'content', 'articles', 'fresh.mdx'))).toBe(false);
  });

  it('lets one import run at a time', async () => {
    const first = await Staging.open(root);
    await expect(Staging.open(root)).rejects.toThrow(/another import is running/);
    await first.close();
    await (await Staging.open(root)).close();
  });

  it('undoes the move of an import that crashed before it finished', async () => {
    const crashed = await Staging.open(root);
    await crashed.write('content/articles/old.mdx', 'half-imported');
    await crashed.commit(['content/articles/old.mdx']);
    // The process dies here: no finish, no close; its lock names a process that is gone.
    writeFileSync(path.join(root, STAGING_DIR, 'lock'), '2147483646');
    expect(read('content/articles/old.mdx')).toBe('half-imported');
    const next = await Staging.open(root);
    expect(read('content/articles/old.mdx')).toBe('the editor’s text');
    await next.close();
  });

  it('keeps the move of an import that finished, even if it died before cleaning up', async () => {
    const done = await Staging.open(root);
    await done.write('content/articles/old.mdx', 'imported');
    await done.commit(['content/articles/old.mdx']);
    await done.finish();
    writeFileSync(path.join(root, STAGING_DIR, 'lock'), '2147483646');
    await (await Staging.open(root)).close();
    expect(read('content/articles/old.mdx')).toBe('imported');
  });

  it('refuses to stage a path outside content/ and public/', async () => {
    const staging = await Staging.open(root);
    await expect(staging.write('../outside.txt', 'x')).rejects.toThrow(/refused to write/);
    await expect(staging.write('content/../../outside.txt', 'x')).rejects.toThrow(/refused/);
    await staging.close();
    expect(existsSync(path.join(root, '..', 'outside.txt'))).toBe(false);
  });
});
