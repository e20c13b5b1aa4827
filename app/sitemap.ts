import type { MetadataRoute } from 'next';
import { getSections, listArticles, listAuthors, listTags } from '@/lib/content/queries';
import { sitemapEntries } from '@/lib/seo/sitemap';
import { siteConfig } from '@/lib/site';

export default function sitemap(): MetadataRoute.Sitemap {
  return sitemapEntries({
    siteUrl: siteConfig.url,
    articles: listArticles(),
    sections: getSections(),
    tags: listTags(),
    authors: listAuthors(),
    latestFor: (filter) => listArticles({ ...filter, limit: 1 })[0],
  });
}
