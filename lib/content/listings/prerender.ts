import { siteConfig } from '../../site';
import { laterPages } from './paginate';
import { listArticles, listAuthors, listTags } from './queries';
import type { ArticleMeta } from '../schema/types';

/**
 * What `next build` renders ahead of time. Everything else renders on its first request and is
 * cached from then on, exactly like a prerendered page, so readers see no difference; the build
 * stays about as long at 10,000 articles as at 1,000 (docs/decisions/009). Readers mostly want
 * the newest stories and the first pages of listings, so those are ready before anyone asks.
 */
export const PRERENDER = {
  /** The newest articles. */
  articles: Number(process.env.MASTHEAD_PRERENDER_ARTICLES ?? 300),
  /** Pages 2…5 of each section; topics' and authors' later pages wait for a reader. */
  sectionLaterPages: 4,
  /** The first page of the busiest topics, by number of stories. */
  tags: Number(process.env.MASTHEAD_PRERENDER_TAGS ?? 100),
  /** The first page of the busiest authors. */
  authors: Number(process.env.MASTHEAD_PRERENDER_AUTHORS ?? 100),
};

export function prerenderedArticles(): ArticleMeta[] {
  return listArticles({ limit: PRERENDER.articles });
}

export function prerenderedSectionPages(count: number): string[] {
  return laterPages(count, siteConfig.pageSize).slice(0, PRERENDER.sectionLaterPages);
}

export function prerenderedTags() {
  return listTags().slice(0, PRERENDER.tags);
}

export function prerenderedAuthors() {
  const counts = new Map<string, number>();
  for (const article of listArticles()) {
    for (const id of article.authorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return listAuthors()
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .slice(0, PRERENDER.authors);
}
