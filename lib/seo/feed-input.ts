import 'server-only';
import { listArticles, listAuthors, getSectionNames } from '@/lib/content/listings/queries';
import type { SectionMeta } from '@/lib/content/schema/types';
import { siteConfig } from '@/lib/site';
import type { FeedInput } from './feeds';

/** The latest articles of the site, or of one section, ready for the feed builders. */
export function feedInput(section?: SectionMeta): FeedInput {
  const base = section ? section.url : '';
  return {
    title: section ? `${siteConfig.name}: ${section.name}` : siteConfig.name,
    description: section ? section.description : siteConfig.description,
    siteUrl: siteConfig.url,
    homePath: section ? section.url : '/',
    feedPaths: section
      ? { rss: `${base}/feed.xml` }
      : { rss: '/feed.xml', atom: '/atom.xml', json: '/feed.json' },
    articles: listArticles({
      ...(section ? { section: section.id } : {}),
      limit: siteConfig.feedSize,
    }),
    authors: new Map(listAuthors().map((a) => [a.id, a])),
    sectionNames: getSectionNames(),
  };
}
