import type { Metadata } from 'next';
import type { ArticleMeta, AuthorMeta, Crumb, SectionMeta } from '@/lib/content/schema/types';
import { siteConfig } from '@/lib/site';
import { dateModified } from '@/lib/content/listings/modified';
import { absoluteUrl, alternates } from './urls';

/** Home » Section » Headline: shown on the page and given to search engines alike. */
export function articleCrumbs(article: ArticleMeta, section: SectionMeta): Crumb[] {
  return [
    { name: 'Home', href: '/' },
    { name: section.name, href: section.url },
    { name: article.title, href: article.url },
  ];
}

/** Title, description, canonical URL, OpenGraph article tags and a large Twitter card. */
export function articleMetadata(
  article: ArticleMeta,
  section: SectionMeta,
  authors: AuthorMeta[],
): Metadata {
  return {
    title: article.title,
    description: article.dek,
    alternates: alternates(article.url),
    openGraph: {
      type: 'article',
      url: article.url,
      siteName: siteConfig.name,
      title: article.title,
      description: article.dek,
      publishedTime: article.date,
      modifiedTime: dateModified(article),
      section: section.name,
      tags: article.tags,
      authors: authors.map((a) => absoluteUrl(a.url)),
      // The image itself comes from opengraph-image.tsx beside the page: headline, section, site.
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.dek },
  };
}
