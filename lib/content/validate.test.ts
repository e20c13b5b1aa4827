import { authorIds, formatProblems, validateReferences } from './validate';

const sections = ['world', 'politics'];
const authors = ['omar-el-sayed', 'lena-vogel'];
const article = (over: Partial<Parameters<typeof validateReferences>[0][number]> = {}) => ({
  sourcePath: 'articles/a.mdx',
  slug: 'a',
  section: 'world',
  author: 'omar-el-sayed',
  ...over,
});

describe('validateReferences', () => {
  it('accepts articles whose section and authors exist', () => {
    expect(
      validateReferences(
        [article(), article({ sourcePath: 'articles/b.mdx', slug: 'b', author: authors })],
        sections,
        authors,
      ),
    ).toEqual([]);
  });

  it('names the file and field of an unknown section', () => {
    expect(validateReferences([article({ section: 'wrld' })], sections, authors)).toEqual([
      {
        file: 'articles/a.mdx',
        field: 'section',
        message: 'unknown section "wrld"; use one of world, politics',
      },
    ]);
  });

  it('names every unknown author in a list', () => {
    const problems = validateReferences(
      [article({ author: ['omar-el-sayed', 'nobody', 'ghost'] })],
      sections,
      authors,
    );
    expect(problems.map((p) => [p.field, p.message.split(';')[0]])).toEqual([
      ['author', 'unknown author "nobody"'],
      ['author', 'unknown author "ghost"'],
    ]);
  });

  it('rejects an author that is not an id or a list of ids', () => {
    const [problem] = validateReferences([article({ author: 42 })], sections, authors);
    expect(problem?.field).toBe('author');
  });

  it('reports a duplicate slug against the file that has it first', () => {
    const problems = validateReferences(
      [article(), article({ sourcePath: 'articles/2026/a.mdx' })],
      sections,
      authors,
    );
    expect(problems).toEqual([
      {
        file: 'articles/2026/a.mdx',
        field: 'slug',
        message: '"a" is already used by articles/a.mdx; every article needs its own file name',
      },
    ]);
  });

  it('rejects slugs that are not URL-safe and sections that shadow site paths', () => {
    const problems = validateReferences(
      [article({ slug: 'Big News!', section: 'authors' })],
      ['authors'],
      authors,
    );
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'sections/authors.yaml id',
      'articles/a.mdx slug',
    ]);
  });

  it('formats each problem on one line, file first', () => {
    expect(formatProblems([{ file: 'articles/a.mdx', field: 'section', message: 'm' }])).toBe(
      'content/articles/a.mdx  section  m',
    );
  });
});

describe('authorIds', () => {
  it('takes one id or a list', () => {
    expect(authorIds('omar-el-sayed')).toEqual(['omar-el-sayed']);
    expect(authorIds(['a', 'b'])).toEqual(['a', 'b']);
    expect(authorIds([])).toBeNull();
    expect(authorIds(['a', 3])).toBeNull();
  });
});

describe('editor picks', () => {
  it('names the file and field of a pick that is not an article', () => {
    const problems = validateReferences(
      [
        {
          sourcePath: 'articles/a.mdx',
          slug: 'a',
          section: 'world',
          author: 'omar-el-sayed',
          related: ['b', 'nope'],
        },
        { sourcePath: 'articles/b.mdx', slug: 'b', section: 'world', author: 'omar-el-sayed' },
      ],
      ['world'],
      ['omar-el-sayed'],
    );
    expect(problems).toEqual([
      {
        file: 'articles/a.mdx',
        field: 'related',
        message: 'unknown article "nope"; write the file name of another article, without .mdx',
      },
    ]);
  });
});
