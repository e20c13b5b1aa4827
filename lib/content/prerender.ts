import { siteConfig } from '../site';
import { laterPages } from './paginate';
import { listArticles, listTags } from './queries';
import type { ArticleMeta } from './types';

/**
 * What `next build` renders ahead of time. Everything else renders on its first request and is
 * cached from then on, exactly like a prerendered page, so readers see no difference; the build
 * stays about as long at 10,000 articles as at 1,000 (docs/decisions/009). Readers mostly want
 * the newest stories and the first pages of listings, so those are ready before anyone asks.
 */
export const PRERENDER = {
  /** The newest articles. */
  articles: Number(process.env.MASTHEAD_PRERENDER_ARTICLES ?? 500),
  /** Pages 2…5 of each section; topics' and authors' later pages wait for a reader. */
  sectionLaterPages: 4,
  /** The first page of the busiest topics, by number of stories. */
  tags: Number(process.env.MASTHEAD_PRERENDER_TAGS ?? 200),
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
