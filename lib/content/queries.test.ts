import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getArticle, getArticleBody, getAuthors, getSections, listArticles } from './queries';
import type { ArticleMeta, ContentIndex } from './types';

const article = (slug: string, over: Partial<ArticleMeta> = {}): ArticleMeta => ({
  slug,
  section: 'world',
  url: `/${over.section ?? 'world'}/${slug}`,
  title: slug,
  dek: 'Dek',
  date: '2026-03-01T00:00:00.000Z',
  authorIds: ['omar'],
  tags: [],
  draft: false,
  corrections: [],
  related: [],
  readingMinutes: 3,
  toc: [],
  sourcePath: `articles/${slug}.mdx`,
  ...over,
});

const index = (articles: ArticleMeta[]): ContentIndex => ({
  articles,
  authors: [{ id: 'omar', name: 'Omar', url: '/authors/omar', bioCode: '' }],
  sections: [
    { id: 'politics', name: 'Politics', description: '', order: 2, url: '/politics' },
    { id: 'world', name: 'World', description: '', order: 1, url: '/world' },
  ],
});

let root: string;
let version = 0;

function writeIndex(content: ContentIndex) {
  const dir = path.join(root, '.contentlayer', 'masthead');
  mkdirSync(path.join(dir, 'bodies'), { recursive: true });
  const file = path.join(dir, 'index.json');
  writeFileSync(file, JSON.stringify(content));
  // Each write gets a distinct mtime, as contentlayer2's rebuilds do.
  version += 1;
  utimesSync(file, new Date(), new Date(Date.now() + version * 1000));
  for (const a of content.articles) {
    writeFileSync(
      path.join(dir, 'bodies', `${a.slug}.json`),
      JSON.stringify({ code: `body of ${a.slug}` }),
    );
  }
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'masthead-queries-'));
  vi.spyOn(process, 'cwd').mockReturnValue(root);
  writeIndex(
    index([
      article('older', { date: '2026-01-01T00:00:00.000Z' }),
      article('newer', { date: '2026-05-01T00:00:00.000Z' }),
      article('vote', { section: 'politics', date: '2026-04-01T00:00:00.000Z' }),
      article('secret', { draft: true, date: '2026-06-01T00:00:00.000Z' }),
      article('scheduled', { date: '2999-01-01T00:00:00.000Z' }),
    ]),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
  rmSync(root, { recursive: true, force: true });
});

describe('content queries', () => {
  it('finds an article only under its own section', () => {
    expect(getArticle('world', 'newer')?.title).toBe('newer');
    expect(getArticle('politics', 'newer')).toBeUndefined();
    expect(getArticle('world', 'missing')).toBeUndefined();
  });

  it('lists published articles newest first, by section, without the excluded', () => {
    expect(listArticles().map((a) => a.slug)).toEqual(['newer', 'vote', 'older']);
    expect(listArticles({ section: 'world' }).map((a) => a.slug)).toEqual(['newer', 'older']);
    expect(listArticles({ limit: 2, exclude: ['newer'] }).map((a) => a.slug)).toEqual([
      'vote',
      'older',
    ]);
  });

  it('keeps drafts and scheduled articles out of pages and listings', () => {
    expect(getArticle('world', 'secret')).toBeUndefined();
    expect(getArticle('world', 'scheduled')).toBeUndefined();
    expect(listArticles().map((a) => a.slug)).not.toContain('scheduled');
    // An editor previewing sees both.
    expect(getArticle('world', 'secret', { preview: true })?.slug).toBe('secret');
    expect(getArticle('world', 'scheduled', { preview: true })?.slug).toBe('scheduled');
    expect(listArticles({ author: 'omar' }).map((a) => a.slug)).not.toContain('secret');
  });

  it('orders sections and reads one body at a time', () => {
    expect(getSections().map((s) => s.id)).toEqual(['world', 'politics']);
    expect(getAuthors(['omar', 'nobody']).map((a) => a.name)).toEqual(['Omar']);
    expect(getArticleBody('vote')).toBe('body of vote');
  });

  it('sees a rebuilt index without a restart, as `npm run dev` needs', () => {
    expect(getArticle('world', 'newer')?.title).toBe('newer');
    writeIndex(index([article('newer', { title: 'Edited headline' })]));
    expect(getArticle('world', 'newer')?.title).toBe('Edited headline');
    expect(listArticles()).toHaveLength(1);
  });
});
