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

/**
 * The front page's order: sticky stories first, then the rest, each newest first as `articles`
 * already is; at most `limit`. A sticky story is one the newsroom keeps on top whatever its date
 * (WordPress's "stick to the front page"): only the front page honours it, as WordPress's did.
 */
export function stickyFirst<T extends Pick<ArticleMeta, 'sticky'>>(
  articles: T[],
  limit: number,
): T[] {
  const sticky = articles.filter((a) => a.sticky);
  if (sticky.length === 0) return articles.slice(0, limit);
  const rest: T[] = [];
  for (const article of articles) {
    if (sticky.length + rest.length >= limit) break;
    if (!article.sticky) rest.push(article);
  }
  return [...sticky, ...rest].slice(0, limit);
}
