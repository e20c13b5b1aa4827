import type { ArticleMeta } from '@/lib/content/schema/types';

/** An article as the content index holds it, for tests: what a test does not say is plain. */
export function testArticle(slug: string, over: Partial<ArticleMeta> = {}): ArticleMeta {
  const section = over.section ?? 'world';
  return {
    slug,
    section,
    url: `/${section}/${slug}`,
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
    sourcePath: `content/articles/${slug}.mdx`,
    body: slug,
    ...over,
  };
}
