import { treeProblems } from './pushed-tree';

const blob = '0123456789abcdef0123456789abcdef01234567';
const entry = (mode: string, file: string, type = 'blob') => `${mode} ${type} ${blob}\t${file}\0`;

describe('the tree of a pushed commit', () => {
  it('passes files and executable files under content/', () => {
    expect(
      treeProblems(
        entry('100644', 'content/articles/world/a-story.mdx') +
          entry('100755', 'content/sections/world.yaml'),
      ),
    ).toEqual([]);
  });

  it('refuses a symbolic link (to /etc/passwd, or a folder linking to itself), naming it', () => {
    expect(
      treeProblems(
        entry('100644', 'content/articles/fine.mdx') +
          entry('120000', 'content/articles/passwd.mdx') +
          entry('120000', 'content/articles/loop'),
      ),
    ).toEqual([
      '"content/articles/passwd.mdx" is a symbolic link',
      '"content/articles/loop" is a symbolic link',
    ]);
  });

  it('refuses content/ itself as a link, and a submodule', () => {
    expect(
      treeProblems(entry('120000', 'content') + entry('160000', 'content/vendor', 'commit')),
    ).toEqual(['"content" is a symbolic link', '"content/vendor" is a submodule']);
  });

  it('refuses paths that leave content/, and names that git would not list', () => {
    expect(
      treeProblems(
        entry('100644', 'content/../etc/passwd') +
          entry('100644', 'scripts/publish.ts') +
          entry('100644', 'content//twice') +
          'garbage\0',
      ),
    ).toEqual([
      '"content/../etc/passwd" is outside content/',
      '"scripts/publish.ts" is outside content/',
      '"content//twice" is outside content/',
      'git listed an entry Masthead cannot read: "garbage"',
    ]);
  });

  it('names a path with a newline or quotes as text, not as more lines', () => {
    expect(treeProblems(entry('120000', 'content/a\nb"c.mdx'))).toEqual([
      '"content/a\\nb\\"c.mdx" is a symbolic link',
    ]);
  });
});
