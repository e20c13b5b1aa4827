import type {
  BreadcrumbList,
  NewsArticle,
  Organization,
  Person,
  WebPage,
  WebSite,
  WithContext,
} from 'schema-dts';
import type { ArticleMeta, AuthorMeta, Crumb, SectionMeta } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import { absoluteUrl } from './urls';

export type Site = { name: string; url: string; logo: string };

/**
 * What every kind of article says of itself: a NewsArticle, and a live story's LiveBlogPosting
 * (lib/seo/live-blog.ts), which is an Article too.
 */
export function articleProperties(
  article: ArticleMeta,
  section: SectionMeta,
  authors: AuthorMeta[],
  site: Site,
) {
  const url = absoluteUrl(article.url, site.url);
  return {
    headline: article.title,
    description: article.dek,
    datePublished: article.date,
    dateModified: dateModified(article),
    author: authors.map((author): Person => ({
      '@type': 'Person',
      name: author.name,
      url: absoluteUrl(author.url, site.url),
      ...(author.role ? { jobTitle: author.role } : {}),
    })),
    publisher: {
      '@type': 'Organization',
      name: site.name,
      url: site.url,
      logo: { '@type': 'ImageObject', url: absoluteUrl(site.logo, site.url) },
    } satisfies Organization,
    image: [absoluteUrl(article.image?.src ?? `${article.url}/opengraph-image`, site.url)],
    mainEntityOfPage: { '@type': 'WebPage', '@id': url } satisfies WebPage,
    url,
    articleSection: section.name,
    keywords: article.tags,
  };
}

export function newsArticleJsonLd(
  article: ArticleMeta,
  section: SectionMeta,
  authors: AuthorMeta[],
  site: Site,
): WithContext<NewsArticle> {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    ...articleProperties(article, section, authors, site),
  };
}

export function breadcrumbJsonLd(trail: Crumb[], siteUrl: string): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: absoluteUrl(crumb.href, siteUrl),
    })),
  };
}

export function webSiteJsonLd(site: Site): WithContext<WebSite> {
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    name: site.name,
    url: site.url,
    potentialAction: {
      '@type': 'SearchAction',
      target: {
        '@type': 'EntryPoint',
        urlTemplate: `${absoluteUrl('/search', site.url)}?q={search_term_string}`,
      },
      // schema-dts has no type for Google's "query-input" shorthand.
      ...{ 'query-input': 'required name=search_term_string' },
    },
  };
}

/** JSON for a <script> element: "<" is escaped so text can never close the script. */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
