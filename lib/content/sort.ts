import type { ArticleMeta, SectionMeta } from './types';

/** Newest first; the slug breaks ties so the order is the same on every build. */
export function byNewest(a: ArticleMeta, b: ArticleMeta): number {
  return b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug);
}

export function bySectionOrder(a: SectionMeta, b: SectionMeta): number {
  return a.order - b.order || a.name.localeCompare(b.name);
}

/** What readers may see: drafts stay out of every page and listing. */
export function isPublished(article: ArticleMeta): boolean {
  return !article.draft;
}
