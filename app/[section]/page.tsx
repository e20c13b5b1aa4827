import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { getAds } from '@/lib/ads/settings';
import { paginate } from '@/lib/content/listings/paginate';
import { getSection, getSections, listArticles } from '@/lib/content/listings/queries';
import { siteConfig } from '@/lib/site';
import { alternates } from '@/lib/seo/urls';

/**
 * A section or author published after the build renders on its first request; invented ones
 * never get here (proxy.ts answers them 404 from the content index).
 */
export const dynamicParams = true;

export function generateStaticParams() {
  return getSections().map((section) => ({ section: section.id }));
}

export async function generateMetadata({ params }: PageProps<'/[section]'>): Promise<Metadata> {
  const section = getSection((await params).section);
  return section
    ? {
        title: section.name,
        description: section.description,
        alternates: alternates(section.url, { 'application/rss+xml': `${section.url}/feed.xml` }),
      }
    : {};
}

export default async function SectionPage({ params }: PageProps<'/[section]'>) {
  const section = getSection((await params).section) ?? notFound();
  const listing =
    paginate(listArticles({ section: section.id }), 1, siteConfig.pageSize) ?? notFound();
  return (
    <ArticleListing
      ads={getAds()}
      title={section.name}
      description={section.description}
      listing={listing}
      base={section.url}
    />
  );
}
