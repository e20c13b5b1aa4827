import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkNoLinks, isWritablePath, resolveWritable } from './safe-path';

describe('isWritablePath', () => {
  it.each([
    'content/articles/a-story.mdx',
    'content/pages/about/team.mdx',
    'content/.import/wordpress.json',
    'public/images/wordpress/2019/05/a_b-1.jpg',
  ])('allows %s', (relative) => {
    expect(isWritablePath(relative)).toBe(true);
  });

  it.each([
    '',
    'content',
    '../content/a.mdx',
    'content/../../etc/passwd',
    'content/articles/../../x.mdx',
    '/etc/passwd',
    'content//a.mdx',
    'content/articles/.hidden.mdx',
    'content/articles/a\u0000.mdx',
    'content\\articles\\a.mdx',
    'app/page.tsx',
    'node_modules/x/index.js',
    '.env',
    'content/pages/.import/x.mdx',
    `content/articles/${'a'.repeat(300)}.mdx`,
    `content/${'a/'.repeat(30)}a.mdx`,
    'public/images/wordpress/%2e%2e/x.jpg',
  ])('refuses %j', (relative) => {
    expect(isWritablePath(relative)).toBe(false);
    expect(() => resolveWritable('/site', relative)).toThrow(/refused to write/);
  });
});

describe('checkNoLinks', () => {
  it('refuses to write through a symbolic link in content/', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'masthead-links-'));
    try {
      mkdirSync(path.join(root, 'content'));
      mkdirSync(path.join(root, 'elsewhere'));
      symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'content', 'articles'));
      writeFileSync(path.join(root, 'content', 'pages'), 'a file, not a folder');
      await expect(checkNoLinks(root, 'content/articles/a.mdx')).rejects.toThrow(/symbolic link/);
      await expect(checkNoLinks(root, 'content/pages/a.mdx')).rejects.toThrow(/not a folder/);
      await expect(checkNoLinks(root, 'content/sections/a.yaml')).resolves.toBeUndefined();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
