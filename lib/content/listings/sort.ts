import type { ArticleMeta, SectionMeta } from '../schema/types';

/** Newest first; the slug breaks ties so the order is the same on every build. */
export function byNewest(a: ArticleMeta, b: ArticleMeta): number {
  return b.date.localeCompare(a.date) || a.slug.localeCompare(b.slug);
}

export function bySectionOrder(a: SectionMeta, b: SectionMeta): number {
  return a.order - b.order || a.name.localeCompare(b.name);
}

/**
 * What readers may see: not a draft, and not scheduled for later. Drafts and scheduled
 * articles stay out of every page, listing, feed, sitemap, search and related list.
 */
export function isPublished(
  article: Pick<ArticleMeta, 'draft' | 'date'>,
  now = Date.now(),
): boolean {
  return !article.draft && Date.parse(article.date) <= now;
}
