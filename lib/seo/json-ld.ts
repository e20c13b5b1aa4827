import type { BreadcrumbList, NewsArticle, WebSite, WithContext } from 'schema-dts';
import type { ArticleMeta, AuthorMeta, Crumb, SectionMeta } from '@/lib/content/schema/types';
import { dateModified } from '@/lib/content/listings/modified';
import { absoluteUrl } from './urls';

export type Site = { name: string; url: string; logo: string };

export function newsArticleJsonLd(
  article: ArticleMeta,
  section: SectionMeta,
  authors: AuthorMeta[],
  site: Site,
): WithContext<NewsArticle> {
  const url = absoluteUrl(article.url, site.url);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.dek,
    datePublished: article.date,
    dateModified: dateModified(article),
    author: authors.map((author) => ({
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
    },
    image: [absoluteUrl(article.image?.src ?? `${article.url}/opengraph-image`, site.url)],
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: section.name,
    keywords: article.tags,
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
