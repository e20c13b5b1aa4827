import {
  getSections,
  listArticles,
  listAuthors,
  listPages,
  listTags,
} from '@/lib/content/listings/queries';
import { sitemapEntries, sitemapXml } from '@/lib/seo/sitemap';
import { siteConfig } from '@/lib/site';

export const dynamic = 'force-static';

export function GET() {
  const entries = sitemapEntries({
    siteUrl: siteConfig.url,
    articles: listArticles(),
    sections: getSections(),
    tags: listTags(),
    authors: listAuthors(),
    pages: listPages(),
    latestFor: (filter) => listArticles({ ...filter, limit: 1 })[0],
  });
  return new Response(sitemapXml(entries), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  });
}
