import type { ArticleMeta, AuthorMeta, SectionMeta } from '@/lib/content/schema/types';

/** A tiny newsroom for the SEO builders' tests. */
export const section: SectionMeta = {
  id: 'world',
  name: 'World',
  description: 'Everywhere.',
  order: 1,
  url: '/world',
};

export const author: AuthorMeta = {
  id: 'omar',
  name: 'Omar El Sayed',
  role: 'World Editor',
  url: '/authors/omar',
  bioCode: '',
};

export const article = (over: Partial<ArticleMeta> = {}): ArticleMeta => ({
  slug: 'kim-letter',
  section: 'world',
  url: '/world/kim-letter',
  title: 'Kim writes to Putin & friends <again>',
  dek: 'A letter about "blood, life and death".',
  date: '2026-01-02T07:15:00.000Z',
  updated: '2026-01-03T10:00:00.000Z',
  authorIds: ['omar'],
  tags: ['north-korea', 'russia'],
  draft: false,
  corrections: [],
  related: [],
  readingMinutes: 4,
  toc: [],
  sourcePath: 'content/articles/kim-letter.mdx',
  body: 'kim-letter',
  ...over,
});
