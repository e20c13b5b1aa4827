import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleListing } from '@/components/article/article-listing';
import { getAds } from '@/lib/ads/settings';
import { pageParam, paginate } from '@/lib/content/listings/paginate';
import { prerenderedSectionPages } from '@/lib/content/listings/prerender';
import { getSection, getSections, listArticles } from '@/lib/content/listings/queries';
import { alternates } from '@/lib/seo/urls';
import { siteConfig } from '@/lib/site';

// Deeper pages render on first request (lib/content/listings/prerender.ts); past the last page is a 404.
export const dynamicParams = true;

export function generateStaticParams() {
  return getSections().flatMap((section) =>
    prerenderedSectionPages(listArticles({ section: section.id }).length).map((page) => ({
      section: section.id,
      page,
    })),
  );
}

export async function generateMetadata({
  params,
}: PageProps<'/[section]/page/[page]'>): Promise<Metadata> {
  const { section: id, page } = await params;
  const section = getSection(id);
  return section
    ? {
        title: `${section.name}, page ${page}`,
        alternates: alternates(`${section.url}/page/${page}`),
      }
    : {};
}

export default async function SectionPageN({ params }: PageProps<'/[section]/page/[page]'>) {
  const { section: id, page } = await params;
  const section = getSection(id) ?? notFound();
  const listing = paginate(
    listArticles({ section: section.id }),
    pageParam(page),
    siteConfig.pageSize,
  );
  if (!listing || listing.page === 1) notFound();
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
