import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  contentNow,
  getArticle,
  getArticleBody,
  getAuthors,
  getSections,
  listArticles,
  listFrontPage,
} from './queries';
import { versionDir } from '../store/layout';
import { writeTestIndex } from '@/test/support/content-version';
import type { ArticleMeta, ContentIndex } from '../schema/types';
import { testArticle } from '@/test/support/article-meta';

const article = (slug: string, over: Partial<ArticleMeta> = {}) =>
  testArticle(slug, { body: `body-${slug}`, ...over });

const index = (articles: ArticleMeta[]): ContentIndex => ({
  articles,
  authors: [{ id: 'omar', name: 'Omar', url: '/authors/omar', bioCode: '' }],
  sections: [
    { id: 'politics', name: 'Politics', description: '', order: 2, url: '/politics' },
    { id: 'world', name: 'World', description: '', order: 1, url: '/world' },
  ],
});

let root: string;

function writeIndex(content: ContentIndex) {
  writeTestIndex(root, content);
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

  it('puts a sticky story first on the front page, but never a draft or a scheduled one', () => {
    writeIndex(
      index([
        article('older', { date: '2026-01-01T00:00:00.000Z', sticky: true }),
        article('newer', { date: '2026-05-01T00:00:00.000Z' }),
        article('secret', { draft: true, sticky: true }),
        article('scheduled', { date: '2999-01-01T00:00:00.000Z', sticky: true }),
      ]),
    );
    expect(listFrontPage(10).map((a) => a.slug)).toEqual(['older', 'newer']);
    // Elsewhere the date decides.
    expect(listArticles().map((a) => a.slug)).toEqual(['newer', 'older']);
  });

  it('orders sections and reads one body at a time', () => {
    expect(getSections().map((s) => s.id)).toEqual(['world', 'politics']);
    expect(getAuthors(['omar', 'nobody']).map((a) => a.name)).toEqual(['Omar']);
    expect(getArticleBody(getArticle('politics', 'vote')!)).toBe('body of vote');
  });

  it('sees a new version at the next call, without a restart, as publishing needs', () => {
    expect(getArticle('world', 'newer')?.title).toBe('newer');
    writeIndex(index([article('newer', { title: 'Edited headline' })]));
    expect(getArticle('world', 'newer')?.title).toBe('Edited headline');
    expect(listArticles()).toHaveLength(1);
  });

  it('lets a scheduled article in when its time comes, with no new version', () => {
    expect(contentNow(Date.parse('2998-12-31T23:59:59Z')).bySlug.has('scheduled')).toBe(false);
    const later = contentNow(Date.parse('2999-01-01T00:00:01Z'));
    expect(later.articles[0]?.slug).toBe('scheduled');
  });

  it('keeps serving the last good version when a new one cannot be read', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(getArticle('world', 'newer')).toBeDefined();
    const id = writeTestIndex(root, index([]));
    writeFileSync(path.join(versionDir(id, root), 'index.json'), '{ half a file');
    expect(getArticle('world', 'newer')?.title).toBe('newer');
  });
});
