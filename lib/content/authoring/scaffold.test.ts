import { scaffoldArticle, type ScaffoldRequest } from './scaffold';

const request = (over: Partial<ScaffoldRequest> = {}): ScaffoldRequest => ({
  headline: 'Talks resume in Geneva: what’s on the table?',
  section: 'world',
  author: 'omar-el-sayed',
  sections: ['world', 'politics', 'business', 'technology'],
  authors: ['omar-el-sayed', 'lena-vogel'],
  existingSlugs: ['kim-letter'],
  today: new Date('2026-11-28T10:00:00Z'),
  ...over,
});

describe('scaffoldArticle', () => {
  it('writes a draft with valid frontmatter, today’s date and a slug from the headline', () => {
    const { slug, file, text } = scaffoldArticle(request());
    expect(slug).toBe('talks-resume-in-geneva-whats-on-the-table');
    expect(file).toBe('content/articles/talks-resume-in-geneva-whats-on-the-table.mdx');
    expect(text).toContain('title: "Talks resume in Geneva: what’s on the table?"\n');
    expect(text).toContain(
      'date: 2026-11-28\nsection: world\nauthor: omar-el-sayed\ntags: []\ndraft: true\n',
    );
  });

  it('suggests the closest section and author', () => {
    expect(() => scaffoldArticle(request({ section: 'wrold', author: 'omar-elsayed' }))).toThrow(
      [
        '--section: unknown section "wrold"; did you mean `world`? (sections: world, politics, business, technology)',
        '--author: unknown author "omar-elsayed"; did you mean `omar-el-sayed`? (authors: omar-el-sayed, lena-vogel)',
      ].join('\n'),
    );
  });

  it('refuses to overwrite an existing article', () => {
    expect(() => scaffoldArticle(request({ headline: 'Kim letter' }))).toThrow(
      'content/articles/kim-letter.mdx already exists; choose another headline or edit that file',
    );
  });
});
